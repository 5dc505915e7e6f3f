#include "io/kb_loader.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "io/json_reader.h"

namespace symcheck {
namespace {

constexpr const char* kCode = "invalid_knowledge_base";
const char* const kSections[] = {"sources",   "findings", "conditions", "model",         "triage",
                                 "interview", "screens",  "pages",      "follow_up_stem"};
const char* const kRequiredSections[] = {"sources", "findings",  "conditions", "model",
                                         "triage",  "interview", "screens",    "follow_up_stem"};
const char* const kLanguages[] = {"en", "es"};

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class Loader {
 public:
  explicit Loader(const std::vector<Document>& documents) : documents_(documents) {}

  KnowledgeBase Load() {
    ParseDocuments();
    ReadSources(Section("sources"));
    ReadFindings(Section("findings"));
    ReadModel(Section("model"));
    ReadConditions(Section("conditions"));
    ReadTriage(Section("triage"));
    ReadInterview(Section("interview"));
    ReadScreens(Section("screens"));
    ReadTexts(Section("follow_up_stem"), {"patient", "clinician"});
    if (section_docs_.count("pages") != 0) ReadPages(Section("pages"));
    FinalizeKnowledgeBase(kb_);
    return std::move(kb_);
  }

 private:
  // ---- documents and sections -------------------------------------------------------------
  void ParseDocuments() {
    if (documents_.empty()) throw DataError(kCode, "knowledge base: no files given");
    parsed_.reserve(documents_.size());
    for (const Document& doc : documents_) {
      parsed_.push_back(std::make_unique<nlohmann::json>(ParseJsonText(doc.text, doc.name, kCode)));
    }
    for (std::size_t d = 0; d < documents_.size(); ++d) {
      const JsonNode top(*parsed_[d], documents_[d].name, "", "", kCode);
      top.ForEachMember([&](const std::string& key, const JsonNode& node) {
        const bool known = std::any_of(std::begin(kSections), std::end(kSections),
                                       [&](const char* s) { return key == s; });
        if (!known) node.Fail("unknown section \"" + key + "\"");
        const auto [it, inserted] = section_docs_.emplace(key, d);
        if (!inserted) {
          node.Fail("section \"" + key + "\" is already defined in " + documents_[it->second].name);
        }
      });
    }
    for (const char* required : kRequiredSections) {
      if (section_docs_.count(required) == 0) {
        throw DataError(
            kCode, "knowledge base: no file defines the section \"" + std::string(required) + "\"");
      }
    }
  }

  JsonNode Section(const std::string& name) const {
    const std::size_t d = section_docs_.at(name);
    return JsonNode(*parsed_[d], documents_[d].name, "", "", kCode).At(name);
  }

  // ---- shared pieces -----------------------------------------------------------------------
  // A number's basis: "source" (an id or a list of ids) and/or "estimate" (a reason).
  Basis ReadBasis(const JsonNode& node) const {
    Basis basis;
    if (node.Has("source")) {
      const JsonNode source = node.At("source");
      if (source.json().is_array()) {
        if (source.Array().empty()) source.Fail("must list at least one source id");
        source.ForEach(
            [&](const JsonNode& item, std::size_t) { basis.sources.push_back(SourceId(item)); });
      } else {
        basis.sources.push_back(SourceId(source));
      }
    }
    if (node.Has("estimate")) basis.estimate = node.At("estimate").String();
    if (basis.sources.empty() && basis.estimate.empty()) {
      node.Fail("number has neither a \"source\" nor an \"estimate\" with its reason");
    }
    return basis;
  }

  std::string SourceId(const JsonNode& node) const {
    std::string id = node.String();
    if (kb_.source_kind.count(id) == 0) node.Fail("unknown source id \"" + id + "\"");
    return id;
  }

  // {"p": 0.3, "source"/"estimate": ...}
  double ReadProbability(const JsonNode& node, Basis& basis) const {
    node.AllowOnly({"p", "source", "estimate"});
    const double p = node.At("p").Probability();
    basis = ReadBasis(node);
    return p;
  }

  int FindingRef(const JsonNode& node) const {
    const std::string id = node.String();
    const auto it = kb_.finding_index.find(id);
    if (it == kb_.finding_index.end()) node.Fail("unknown finding id \"" + id + "\"");
    return it->second;
  }

  int ConditionRef(const JsonNode& node) const {
    const std::string id = node.String();
    const auto it = kb_.condition_index.find(id);
    if (it == kb_.condition_index.end()) node.Fail("unknown condition id \"" + id + "\"");
    return it->second;
  }

  static std::string UniqueId(const JsonNode& item, std::set<std::string>& seen,
                              const std::string& what) {
    std::string id = item.At("id").String();
    if (!seen.insert(id).second) item.At("id").Fail("duplicate " + what + " id \"" + id + "\"");
    return id;
  }

  // {"en": {...keys}, "es": {...keys}} with non-empty strings.
  static void ReadTexts(const JsonNode& node, std::initializer_list<const char*> keys) {
    node.AllowOnly({"en", "es"});
    for (const char* language : kLanguages) {
      const JsonNode texts = node.At(language);
      texts.AllowOnly(keys);
      for (const char* key : keys) (void)texts.At(key).String();
    }
  }

  // ---- sections ----------------------------------------------------------------------------
  void ReadSources(const JsonNode& section) {
    std::set<std::string> seen;
    section.ForEach([&](const JsonNode& raw, std::size_t) {
      const std::string id = UniqueId(raw, seen, "source");
      const JsonNode item = raw.WithContext("source " + id);
      item.AllowOnly({"id", "kind", "authors", "year", "title", "journal", "note", "url"});
      const std::string kind = item.At("kind").String();
      if (kind != "guideline" && kind != "research" && kind != "textbook") {
        item.At("kind").Fail("kind must be guideline, research or textbook, not \"" + kind + "\"");
      }
      (void)item.At("authors").String();
      (void)item.At("title").String();
      if (item.Has("journal")) (void)item.At("journal").String();
      const JsonNode year = item.At("year");
      if (year.json().is_null()) {
        if (!item.Has("note")) year.Fail("an unknown year needs a \"note\" saying why");
      } else if (const int y = year.Integer(); y < 1800 || y > 2100) {
        year.Fail(std::to_string(y) + " is not a plausible publication year");
      }
      if (item.Has("note")) (void)item.At("note").String();
      if (item.Has("url")) (void)item.At("url").String();
      kb_.source_kind.emplace(id, kind);
    });
  }

  void ReadFindings(const JsonNode& section) {
    std::set<std::string> seen;
    std::map<std::string, std::string> questions;  // language + text -> finding id
    section.ForEach([&](const JsonNode& raw, std::size_t index) {
      const std::string id = UniqueId(raw, seen, "finding");
      if (id.find('.') == std::string::npos)
        raw.At("id").Fail("finding ids have the form group.name");
      kb_.finding_index.emplace(id, static_cast<int>(index));
    });
    section.ForEach([&](const JsonNode& raw, std::size_t) {
      const std::string id = raw.At("id").String();
      const JsonNode item = raw.WithContext("finding " + id);
      item.AllowOnly({"id", "kind", "audience", "text", "default", "follow_up_of", "only_sex"});
      Finding f;
      f.id = id;
      f.kind = item.At("kind").String();
      const std::string audience = item.At("audience").String();
      if (audience != "all" && audience != "clinician") {
        item.At("audience").Fail("audience must be all or clinician, not \"" + audience + "\"");
      }
      f.clinician_only = audience == "clinician";
      if ((id.rfind("exam.", 0) == 0 || id.rfind("lab.", 0) == 0) && !f.clinician_only) {
        item.At("audience").Fail("exam.* and lab.* findings are for clinicians only");
      }
      const JsonNode text = item.At("text");
      ReadTexts(text, {"patient", "clinician"});
      for (const char* language : kLanguages) {
        const JsonNode question = text.At(language).At("patient");
        const auto [it, inserted] =
            questions.emplace(std::string(language) + ":" + question.String(), id);
        if (!inserted) question.Fail("the same question as finding " + it->second);
      }
      f.default_rate = ReadProbability(item.At("default"), f.default_basis);
      if (item.Has("follow_up_of")) {
        f.follow_up_of = FindingRef(item.At("follow_up_of"));
        if (f.follow_up_of == kb_.FindingIndex(id))
          item.At("follow_up_of").Fail("a finding cannot follow itself");
      }
      if (item.Has("only_sex")) {
        const auto sex = ParseSex(item.At("only_sex").String());
        if (!sex) item.At("only_sex").Fail("only_sex must be female or male");
        f.only_sex = sex;
      }
      kb_.findings.push_back(std::move(f));
    });
    if (kb_.findings.empty()) section.Fail("the knowledge base has no findings");
  }

  void ReadModel(const JsonNode& model) {
    model.AllowOnly({"age_bands", "clamp", "no_answer_weight", "dependence_groups"});
    std::set<std::string> band_ids;
    // The bands follow each other without gaps; the first one's lower bound and the last one's
    // upper bound are the ages a case may have (KnowledgeBase::MinAge, MaxAge).
    int expected_min = -1;
    model.At("age_bands").ForEach([&](const JsonNode& item, std::size_t) {
      item.AllowOnly({"id", "min", "max"});
      AgeBand band;
      band.id = UniqueId(item, band_ids, "age band");
      band.min_age = item.At("min").Integer();
      band.max_age = item.At("max").Integer();
      if (expected_min < 0 && band.min_age < 1) item.At("min").Fail("ages start at 1 or more");
      if (expected_min >= 0 && band.min_age != expected_min) {
        item.At("min").Fail("bands must follow each other in order without gaps: expected " +
                            std::to_string(expected_min));
      }
      if (band.max_age < band.min_age) item.At("max").Fail("max is below min");
      expected_min = band.max_age + 1;
      kb_.age_bands.push_back(band);
    });
    if (kb_.age_bands.empty()) model.At("age_bands").Fail("no age bands");
    const JsonNode clamp = model.At("clamp");
    clamp.AllowOnly({"min", "max", "source", "estimate"});
    kb_.clamp_min = clamp.At("min").Probability();
    kb_.clamp_max = clamp.At("max").Probability();
    (void)ReadBasis(clamp);
    if (kb_.clamp_min >= kb_.clamp_max) clamp.Fail("clamp min must be below max");
    const JsonNode no_weight = model.At("no_answer_weight");
    no_weight.AllowOnly({"weight", "source", "estimate"});
    kb_.no_answer_weight = no_weight.At("weight").Number();
    if (kb_.no_answer_weight <= 0.0 || kb_.no_answer_weight > 1.0)
      no_weight.At("weight").Fail("the weight of a \"no\" answer must lie in (0, 1]");
    (void)ReadBasis(no_weight);
    if (model.Has("dependence_groups")) {
      std::set<std::string> group_ids;
      model.At("dependence_groups").ForEach([&](const JsonNode& raw, std::size_t index) {
        DependenceGroup g;
        g.id = UniqueId(raw, group_ids, "dependence group");
        const JsonNode item = raw.WithContext("dependence group " + g.id);
        item.AllowOnly({"id", "findings", "damping", "source", "estimate"});
        item.At("findings").ForEach([&](const JsonNode& ref, std::size_t) {
          const int f = FindingRef(ref);
          Finding& finding = kb_.findings[static_cast<std::size_t>(f)];
          if (finding.group >= 0) {
            ref.Fail("finding " + finding.id + " is already in dependence group " +
                     kb_.groups[static_cast<std::size_t>(finding.group)].id);
          }
          finding.group = static_cast<int>(index);
          g.findings.push_back(f);
        });
        if (g.findings.size() < 2) item.At("findings").Fail("a group needs at least two findings");
        if (g.findings.size() > kMaxGroupFindings)
          item.At("findings")
              .Fail("a group holds at most " + std::to_string(kMaxGroupFindings) + " findings");
        g.damping = item.At("damping").Number();
        if (g.damping < 0.0 || g.damping > 1.0)
          item.At("damping").Fail("damping must lie in [0, 1]");
        g.basis = ReadBasis(item);
        kb_.groups.push_back(std::move(g));
      });
    }
  }

  void ReadConditions(const JsonNode& section) {
    std::set<std::string> seen;
    section.ForEach([&](const JsonNode& raw, std::size_t index) {
      kb_.condition_index.emplace(UniqueId(raw, seen, "condition"), static_cast<int>(index));
    });
    section.ForEach([&](const JsonNode& raw, std::size_t) {
      Condition c;
      c.id = raw.At("id").String();
      const JsonNode item = raw.WithContext("condition " + c.id);
      item.AllowOnly({"id", "icd10", "triage", "self_care_when", "name", "prior", "age_factors",
                      "sex_factors", "review", "likelihoods"});
      c.icd10 = item.At("icd10").String();
      const auto triage = ParseTriage(item.At("triage").String());
      if (!triage) item.At("triage").Fail("not a triage level id");
      c.triage = *triage;
      if (item.Has("self_care_when")) {
        const JsonNode when = item.At("self_care_when");
        when.AllowOnly({"when", "source", "estimate"});
        if (c.triage != Triage::kRoutine)
          when.Fail("allowed only for a condition whose triage is routine");
        c.self_care_when = ReadRoot(when.At("when"));
        (void)ReadBasis(when);
      }
      ReadTexts(item.At("name"), {"patient", "clinician"});
      c.prior = ReadProbability(item.At("prior"), c.prior_basis);

      const JsonNode age = item.At("age_factors");
      age.AllowOnly({"by_band", "source", "estimate"});
      const JsonNode by_band = age.At("by_band");
      by_band.ForEachMember([&](const std::string& key, const JsonNode&) {
        const bool known = std::any_of(kb_.age_bands.begin(), kb_.age_bands.end(),
                                       [&](const AgeBand& b) { return b.id == key; });
        if (!known) by_band.Fail("unknown age band \"" + key + "\"");
      });
      for (const AgeBand& band : kb_.age_bands) {
        const JsonNode factor = by_band.At(band.id);
        const double value = factor.Number();
        if (!(value > 0.0)) factor.Fail("an age factor must be positive");
        c.age_factors.push_back(value);
      }
      c.age_basis = ReadBasis(age);

      const JsonNode sex = item.At("sex_factors");
      sex.AllowOnly({"female", "male", "source", "estimate"});
      c.female_factor = sex.At("female").Number();
      c.male_factor = sex.At("male").Number();
      if (!(c.female_factor > 0.0)) sex.At("female").Fail("a sex factor must be positive");
      if (!(c.male_factor > 0.0)) sex.At("male").Fail("a sex factor must be positive");
      c.sex_basis = ReadBasis(sex);

      const JsonNode review = item.At("review");
      review.AllowOnly({"status", "last_reviewed", "reviewer"});
      c.review_status = review.At("status").String();
      if (c.review_status != "draft" && c.review_status != "reviewed" &&
          c.review_status != "approved") {
        review.At("status").Fail("status must be draft, reviewed or approved");
      }
      c.last_reviewed = review.At("last_reviewed").String();
      if (!IsIsoDate(c.last_reviewed)) review.At("last_reviewed").Fail("not a YYYY-MM-DD date");
      const JsonNode reviewer = review.At("reviewer");
      if (!reviewer.json().is_null()) c.reviewer = reviewer.String();
      if (c.review_status != "draft" && c.reviewer.empty()) {
        reviewer.Fail("a " + c.review_status +
                      " entry needs the name of the clinician who reviewed it");
      }

      item.At("likelihoods").ForEachMember([&](const std::string& key, const JsonNode& node) {
        Likelihood l;
        const auto it = kb_.finding_index.find(key);
        if (it == kb_.finding_index.end()) node.Fail("unknown finding id \"" + key + "\"");
        l.finding = it->second;
        l.probability = ReadProbability(node, l.basis);
        c.likelihoods.push_back(std::move(l));
      });
      std::sort(c.likelihoods.begin(), c.likelihoods.end(),
                [](const Likelihood& a, const Likelihood& b) { return a.finding < b.finding; });
      kb_.conditions.push_back(std::move(c));
    });
    if (kb_.conditions.empty()) section.Fail("the knowledge base has no conditions");
  }

  // ---- expressions -------------------------------------------------------------------------
  int ReadExpression(const JsonNode& node, std::vector<std::string>& resolving) {
    const auto& object = node.Object();
    if (object.size() != 1) node.Fail("an expression has exactly one key");
    const std::string op = object.begin()->first;
    const JsonNode arg = node.At(op);
    Expression e;
    if (op == "present" || op == "absent") {
      e.op = op == "present" ? Expression::Op::kPresent : Expression::Op::kAbsent;
      e.finding = FindingRef(arg);
    } else if (op == "all" || op == "any") {
      e.op = op == "all" ? Expression::Op::kAll : Expression::Op::kAny;
      if (arg.Array().empty()) arg.Fail("\"" + op + "\" needs at least one expression");
      arg.ForEach([&](const JsonNode& child, std::size_t) {
        e.children.push_back(ReadExpression(child, resolving));
      });
    } else if (op == "not") {
      e.op = Expression::Op::kNot;
      e.children.push_back(ReadExpression(arg, resolving));
    } else if (op == "age_at_least" || op == "age_below") {
      e.op = op == "age_at_least" ? Expression::Op::kAgeAtLeast : Expression::Op::kAgeBelow;
      e.number = arg.Integer();
    } else if (op == "sex") {
      const auto sex = ParseSex(arg.String());
      if (!sex) arg.Fail("sex must be female or male");
      e.op = Expression::Op::kSex;
      e.sex = *sex;
    } else if (op == "ref") {
      e.op = Expression::Op::kRef;
      e.children.push_back(Definition(arg, resolving));
    } else {
      node.Fail("unknown expression \"" + op + "\"");
    }
    kb_.expressions.push_back(std::move(e));
    return static_cast<int>(kb_.expressions.size() - 1);
  }

  int Definition(const JsonNode& ref, std::vector<std::string>& resolving) {
    const std::string name = ref.String();
    if (const auto it = definition_roots_.find(name); it != definition_roots_.end())
      return it->second;
    if (!definitions_ || !definitions_->Has(name)) ref.Fail("unknown definition \"" + name + "\"");
    if (std::find(resolving.begin(), resolving.end(), name) != resolving.end()) {
      ref.Fail("definition \"" + name + "\" refers to itself");
    }
    resolving.push_back(name);
    const int root = ReadExpression(definitions_->At(name), resolving);
    resolving.pop_back();
    definition_roots_.emplace(name, root);
    return root;
  }

  int ReadRoot(const JsonNode& node) {
    std::vector<std::string> resolving;
    return ReadExpression(node, resolving);
  }

  void ReadTriage(const JsonNode& triage) {
    triage.AllowOnly({"probability_thresholds", "self_care_gate", "definitions", "red_flag_rules"});
    if (triage.Has("definitions")) {
      definitions_ = std::make_unique<JsonNode>(triage.At("definitions"));
      definitions_->ForEachMember([&](const std::string& name, const JsonNode& node) {
        std::vector<std::string> resolving;
        (void)Definition(JsonNode(nlohmann::json(name), "", node.pointer(), "", kCode), resolving);
      });
      if (definitions_->Has("any_pain")) kb_.any_pain = definition_roots_.at("any_pain");
    }
    triage.At("probability_thresholds").ForEach([&](const JsonNode& item, std::size_t) {
      item.AllowOnly({"level", "min_probability"});
      ProbabilityThreshold t;
      const auto level = ParseTriage(item.At("level").String());
      if (!level || *level < Triage::kRoutine)
        item.At("level").Fail("threshold level must be routine, urgent or emergency");
      t.level = *level;
      t.min_probability = ReadProbability(item.At("min_probability"), t.basis);
      kb_.thresholds.push_back(t);
    });
    if (triage.Has("self_care_gate")) {
      const JsonNode gate = triage.At("self_care_gate");
      gate.AllowOnly({"when", "source", "estimate"});
      kb_.self_care_gate = ReadRoot(gate.At("when"));
      (void)ReadBasis(gate);
    }
    std::set<std::string> rule_ids;
    triage.At("red_flag_rules").ForEach([&](const JsonNode& raw, std::size_t) {
      RedFlagRule rule;
      rule.id = UniqueId(raw, rule_ids, "rule");
      const JsonNode item = raw.WithContext("rule " + rule.id);
      item.AllowOnly({"id", "level", "points_to", "when", "source", "estimate", "note"});
      const auto level = ParseTriage(item.At("level").String());
      if (!level) item.At("level").Fail("not a triage level id");
      rule.level = *level;
      // null: the rule points to no single condition (signs of sepsis); the page names the danger.
      if (!item.At("points_to").json().is_null())
        rule.points_to = ConditionRef(item.At("points_to"));
      rule.when = ReadRoot(item.At("when"));
      rule.basis = ReadBasis(item);
      if (item.Has("note")) (void)item.At("note").String();
      CollectMentionedFindings(kb_.expressions, rule.when, rule.mentioned_findings);
      std::sort(rule.mentioned_findings.begin(), rule.mentioned_findings.end());
      rule.mentioned_findings.erase(
          std::unique(rule.mentioned_findings.begin(), rule.mentioned_findings.end()),
          rule.mentioned_findings.end());
      kb_.rules.push_back(std::move(rule));
    });
  }

  void ReadInterview(const JsonNode& interview) {
    // Every tuning setting is required: a default in code would be a number without its basis.
    interview.AllowOnly({"max_screens", "stop", "emergency_first", "dont_know_probability",
                         "triage_weights", "urgency_information", "information_tempering",
                         "diagram_findings", "side_findings"});
    InterviewSettings& s = kb_.interview;
    s.max_screens = interview.At("max_screens").Integer();
    if (s.max_screens < 1 || s.max_screens > 200)
      interview.At("max_screens").Fail("must lie in 1..200");
    const JsonNode stop = interview.At("stop");
    stop.AllowOnly({"leading_probability", "min_screens", "change_probability", "top3_margin",
                    "emergency_probability"});
    Basis unused;
    s.stop_leading_probability = ReadProbability(stop.At("leading_probability"), unused);
    s.stop_change_probability = ReadProbability(stop.At("change_probability"), unused);
    s.min_screens = stop.At("min_screens").Integer();
    if (s.min_screens < 0) stop.At("min_screens").Fail("must not be negative");
    s.stop_emergency_probability = ReadProbability(stop.At("emergency_probability"), unused);
    const JsonNode margin = stop.At("top3_margin");
    margin.AllowOnly({"ratio", "source", "estimate"});
    s.top3_margin = margin.At("ratio").Number();
    if (s.top3_margin < 1.0) margin.At("ratio").Fail("a margin ratio is at least 1");
    (void)ReadBasis(margin);
    s.emergency_first_probability = ReadProbability(interview.At("emergency_first"), unused);
    s.dont_know_probability = ReadProbability(interview.At("dont_know_probability"), unused);
    const JsonNode weights = interview.At("triage_weights");
    weights.AllowOnly({"self_care", "routine", "urgent", "emergency", "source", "estimate"});
    for (int level = 0; level < kTriageLevels; ++level) {
      const JsonNode w = weights.At(std::string(TriageId(static_cast<Triage>(level))));
      s.triage_weights[static_cast<std::size_t>(level)] = w.Number();
      if (w.Number() < 0) w.Fail("weights must not be negative");
    }
    (void)ReadBasis(weights);
    const JsonNode urgency = interview.At("urgency_information");
    urgency.AllowOnly({"weight", "source", "estimate"});
    s.urgency_information_weight = urgency.At("weight").Number();
    if (s.urgency_information_weight < 0) urgency.At("weight").Fail("weight must not be negative");
    (void)ReadBasis(urgency);
    const JsonNode tempering = interview.At("information_tempering");
    tempering.AllowOnly({"exponent", "source", "estimate"});
    const JsonNode exponent = tempering.At("exponent");
    s.information_exponent = exponent.Number();
    if (!(s.information_exponent > 0 && s.information_exponent <= 1))
      exponent.Fail("must lie in (0, 1]");
    (void)ReadBasis(tempering);
    interview.At("diagram_findings").ForEach([&](const JsonNode& ref, std::size_t) {
      s.diagram_findings.push_back(FindingRef(ref));
    });
    const JsonNode sides = interview.At("side_findings");
    sides.AllowOnly({"one_side", "both_sides", "midline"});
    s.side_one = FindingRef(sides.At("one_side"));
    s.side_both = FindingRef(sides.At("both_sides"));
    s.side_midline = FindingRef(sides.At("midline"));
  }

  // Screens: pages of related questions. Each finding sits in at most one screen; the body
  // diagram's findings and follow-ups (shown on the screen after their parent's yes) sit in none.
  void ReadScreens(const JsonNode& section) {
    std::set<std::string> ids;
    std::map<int, std::string> placed;
    bool openings_done = false;
    section.ForEach([&](const JsonNode& raw, std::size_t) {
      Screen screen;
      screen.id = UniqueId(raw, ids, "screen");
      const JsonNode item = raw.WithContext("screen " + screen.id);
      item.AllowOnly({"id", "kind", "audience", "stem", "items", "ask_when"});
      const std::string kind = item.At("kind").String();
      if (kind == "opening") {
        screen.kind = ScreenKind::kOpening;
        if (openings_done) item.At("kind").Fail("opening screens come first, before any other");
      } else if (kind == "safety" || kind == "diagnostic") {
        screen.kind = kind == "safety" ? ScreenKind::kSafety : ScreenKind::kDiagnostic;
        openings_done = true;
      } else {
        item.At("kind").Fail("kind must be opening, safety or diagnostic");
      }
      const std::string audience = item.At("audience").String();
      if (audience != "all" && audience != "clinician")
        item.At("audience").Fail("audience must be all or clinician");
      screen.clinician_only = audience == "clinician";
      if (screen.clinician_only && screen.kind == ScreenKind::kOpening)
        item.At("audience").Fail("an opening screen is for everyone");
      ReadTexts(item.At("stem"), {"patient", "clinician"});
      if (item.Has("ask_when")) {
        if (screen.kind != ScreenKind::kSafety)
          item.At("ask_when").Fail("only a safety card has ask_when");
        screen.ask_when = ReadRoot(item.At("ask_when"));
      }
      const JsonNode items = item.At("items");
      items.ForEach([&](const JsonNode& ref, std::size_t) {
        const int f = FindingRef(ref);
        const Finding& finding = kb_.findings[static_cast<std::size_t>(f)];
        if (finding.follow_up_of >= 0)
          ref.Fail("a follow-up is shown on the screen after its parent's yes, not in a screen");
        if (kb_.interview.IsDiagramRegion(f))
          ref.Fail("the body diagram records this finding; it is never asked");
        if (finding.clinician_only && !screen.clinician_only)
          ref.Fail("a clinician-only finding in a screen for everyone");
        const auto [it, inserted] = placed.emplace(f, screen.id);
        if (!inserted) ref.Fail(finding.id + " is already in screen " + it->second);
        screen.items.push_back(f);
      });
      if (screen.items.empty() || screen.items.size() > kMaxScreenItems)
        items.Fail("a screen holds 1 to 6 questions");
      kb_.screens.push_back(std::move(screen));
    });
  }

  void ReadPages(const JsonNode& section) {
    std::set<std::string> seen;
    section.ForEach([&](const JsonNode& raw, std::size_t) {
      const JsonNode ref = raw.At("condition");
      const std::string id = ref.String();
      (void)ConditionRef(ref);
      if (!seen.insert(id).second) ref.Fail("a second page for condition " + id);
      const JsonNode item = raw.WithContext("page " + id);
      item.AllowOnly({"condition", "en", "es"});
      for (const char* language : kLanguages) {
        const JsonNode page = item.At(language);
        page.AllowOnly({"patient", "clinician"});
        const JsonNode patient = page.At("patient");
        patient.AllowOnly({"what", "causes", "diagnosis", "treatment", "self_care", "seek_care"});
        for (const char* key :
             {"what", "causes", "diagnosis", "treatment", "self_care", "seek_care"}) {
          (void)patient.At(key).String();
        }
        const JsonNode clinician = page.At("clinician");
        clinician.AllowOnly({"what", "causes", "diagnosis", "treatment", "sources"});
        for (const char* key : {"what", "causes", "diagnosis", "treatment"}) {
          (void)clinician.At(key).String();
        }
        clinician.At("sources").ForEach([&](const JsonNode& s, std::size_t) { (void)SourceId(s); });
      }
    });
    for (const Condition& c : kb_.conditions) {
      if (seen.count(c.id) == 0) section.Fail("no page for condition " + c.id);
    }
  }

  const std::vector<Document>& documents_;
  std::vector<std::unique_ptr<nlohmann::json>> parsed_;
  std::map<std::string, std::size_t> section_docs_;
  std::unique_ptr<JsonNode> definitions_;
  std::map<std::string, int> definition_roots_;
  KnowledgeBase kb_;
};

}  // namespace

Result<KnowledgeBase> LoadKnowledgeBase(const std::vector<Document>& documents) {
  try {
    return Loader(documents).Load();
  } catch (const DataError& e) {
    return Error{e.code(), e.what()};
  } catch (const std::bad_alloc&) {
    return Error{kCode, "knowledge base: out of memory while loading"};
  }
}

}  // namespace symcheck
