#include "io/case_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/json_reader.h"

namespace symcheck {
namespace {

using Json = nlohmann::ordered_json;

// Numbers are rounded before printing so that the text does not depend on the last bits of a
// platform's arithmetic, and nlohmann's shortest round-trip printing is the same everywhere.
double Rounded(double value, double scale) { return std::round(value * scale) / scale; }

Json FindingIds(const KnowledgeBase& kb, const std::vector<int>& findings) {
  Json out = Json::array();
  for (int f : findings) out.push_back(kb.findings[static_cast<std::size_t>(f)].id);
  return out;
}

Json BasisJson(const Basis& basis) {
  Json out = Json::object();
  out["source"] = basis.sources;
  if (!basis.estimate.empty()) out["estimate"] = basis.estimate;
  return out;
}

Json AssessmentObject(const KnowledgeBase& kb, const Assessment& a) {
  Json out;
  out["triage"] = TriageId(a.triage.level);
  out["red_flags"] = FindingIds(kb, a.triage.red_flags);
  Json differential = Json::array();
  for (int c : a.posterior.ranking) {
    const auto ci = static_cast<std::size_t>(c);
    differential.push_back({{"condition", kb.conditions[ci].id},
                            {"probability", Rounded(a.posterior.probability[ci], 1e9)}});
  }
  out["differential"] = std::move(differential);

  Json rules = Json::array();
  for (int r : a.triage.fired_rules) {
    const RedFlagRule& rule = kb.rules[static_cast<std::size_t>(r)];
    rules.push_back({{"id", rule.id},
                     {"level", TriageId(rule.level)},
                     {"points_to", kb.conditions[static_cast<std::size_t>(rule.points_to)].id}});
  }
  out["triage_basis"] = {{"leading_condition_default", TriageId(a.triage.leading_default)},
                         {"self_care_gate", a.triage.self_care_gate},
                         {"probability_threshold", TriageId(a.triage.threshold_level)},
                         {"rules", std::move(rules)}};

  Json explanations = Json::array();
  for (const Explanation& e : a.explanations) {
    const Condition& condition = kb.conditions[static_cast<std::size_t>(e.condition)];
    Json evidence = Json::array();
    for (const Contribution& item : e.evidence) {
      const Likelihood& l = condition.likelihoods[static_cast<std::size_t>(item.likelihood)];
      Json entry = {
          {"finding", kb.findings[static_cast<std::size_t>(item.finding)].id},
          {"answer", item.answer == Answer::kPresent ? "present" : "absent"},
          {"llr", Rounded(item.llr, 1e6)},
          {"damping", Rounded(item.weight, 1e6)},
          {"p_given_condition", l.probability},
          {"p_default", kb.findings[static_cast<std::size_t>(item.finding)].default_rate}};
      entry.update(BasisJson(l.basis));
      evidence.push_back(std::move(entry));
    }
    explanations.push_back({{"condition", condition.id},
                            {"log_prior", Rounded(e.log_prior, 1e6)},
                            {"evidence", std::move(evidence)}});
  }
  out["explanations"] = std::move(explanations);
  out["unanswered_screen"] = FindingIds(kb, a.unanswered_screen);
  return out;
}

std::string Dump(const Json& value) { return value.dump(2) + "\n"; }

}  // namespace

Result<ParsedCase> ParseCase(const KnowledgeBase& kb, const std::string& text) {
  try {
    const nlohmann::json doc = ParseJsonText(text, "case", "invalid_json");
    const JsonNode top(doc, "case", "", "", "invalid_case");
    (void)top.Object();
    ParsedCase parsed;
    Case& c = parsed.answers;
    const JsonNode age = top.At("age");
    c.age = age.Integer();
    if (c.age < 12 || c.age > 110)
      age.Fail("age " + std::to_string(c.age) + " is outside 12 to 110");
    const JsonNode sex = top.At("sex");
    const auto parsed_sex = ParseSex(sex.String());
    if (!parsed_sex) sex.Fail("sex must be \"female\" or \"male\"");
    c.sex = *parsed_sex;
    c.answers.assign(kb.findings.size(), Answer::kUnknown);
    c.dont_know.assign(kb.findings.size(), false);

    const auto read_list = [&](const char* key, bool required, const auto& apply) {
      if (!top.Has(key)) {
        if (required) top.At(key);  // fails with "missing required key"
        return;
      }
      top.At(key).ForEach([&](const JsonNode& item, std::size_t) {
        const std::string id = item.String();
        const int f = kb.FindingIndex(id);
        if (f < 0) {
          throw DataError("unknown_finding",
                          "case: " + item.pointer() + ": unknown finding id \"" + id + "\"");
        }
        apply(f, item);
      });
    };
    const auto contradiction = [](const JsonNode& item, const std::string& id, const char* other) {
      throw DataError("contradictory_answers", "case: " + item.pointer() + ": finding \"" + id +
                                                   "\" is also listed in \"" + other + "\"");
    };
    read_list("present", true, [&](int f, const JsonNode&) {
      c.answers[static_cast<std::size_t>(f)] = Answer::kPresent;
    });
    read_list("absent", false, [&](int f, const JsonNode& item) {
      if (c.answers[static_cast<std::size_t>(f)] == Answer::kPresent) {
        contradiction(item, kb.findings[static_cast<std::size_t>(f)].id, "present");
      }
      c.answers[static_cast<std::size_t>(f)] = Answer::kAbsent;
    });
    read_list("dont_know", false, [&](int f, const JsonNode& item) {
      if (c.answers[static_cast<std::size_t>(f)] != Answer::kUnknown) {
        contradiction(item, kb.findings[static_cast<std::size_t>(f)].id, "present or absent");
      }
      c.dont_know[static_cast<std::size_t>(f)] = true;
    });
    read_list("asked", false, [&](int f, const JsonNode&) { parsed.asked.push_back(f); });
    return parsed;
  } catch (const DataError& e) {
    return Error{e.code(), e.what()};
  } catch (const std::bad_alloc&) {
    return Error{"invalid_case", "case: too large to read"};
  }
}

std::string AssessmentJson(const KnowledgeBase& kb, const Assessment& assessment,
                           const InterviewRun* run) {
  Json out = AssessmentObject(kb, assessment);
  if (run != nullptr) {
    out["asked"] = FindingIds(kb, run->asked);
    out["stop_reason"] = run->stop_reason;
  }
  return Dump(out);
}

std::string NextStepJson(const KnowledgeBase& kb, const NextStep& step,
                         const Assessment& assessment) {
  Json out;
  if (step.finding >= 0) {
    out["question"] = kb.findings[static_cast<std::size_t>(step.finding)].id;
    out["stop_reason"] = nullptr;
  } else {
    out["question"] = nullptr;
    out["stop_reason"] = step.stop_reason;
  }
  out["screening"] = step.screening;
  out["assessment"] = AssessmentObject(kb, assessment);
  return Dump(out);
}

}  // namespace symcheck
