#include "io/case_json.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/triage.h"
#include "io/case_reader.h"
#include "io/json_reader.h"
#include "io/json_writer.h"
#include "io/request_values.h"

namespace symcheck {
namespace {

void FindingIds(JsonWriter& w, const KnowledgeBase& kb, const std::vector<int>& findings) {
  w.BeginArray();
  for (int f : findings) w.String(kb.findings[static_cast<std::size_t>(f)].id);
  w.EndArray();
}

void ConditionIdOrNull(JsonWriter& w, const KnowledgeBase& kb, int condition) {
  if (condition < 0) {
    w.Null();
  } else {
    w.String(kb.conditions[static_cast<std::size_t>(condition)].id);
  }
}

// Probabilities are printed with 9 decimals (FORMAT.md asks for enough digits to sum to 1 within
// 1e-6), log-likelihood ratios with 6.
constexpr int kProbabilityDecimals = 9;
constexpr int kRatioDecimals = 6;

void WriteAssessment(JsonWriter& w, const KnowledgeBase& kb, const Assessment& a) {
  w.Key("triage").String(TriageId(a.triage.level));
  w.Key("red_flags");
  FindingIds(w, kb, a.triage.red_flags);
  // What each fired urgent or emergency rule points to, most urgent first (FORMAT.md): shown above
  // the ranked causes, which stay ranked by probability.
  w.Key("must_rule_out").BeginArray();
  for (int r : MustRuleOut(kb, a.triage)) {
    const RedFlagRule& rule = kb.rules[static_cast<std::size_t>(r)];
    w.BeginObject().Key("rule").String(rule.id).Key("level").String(TriageId(rule.level));
    w.Key("condition");
    ConditionIdOrNull(w, kb, rule.points_to);
    w.EndObject();
  }
  w.EndArray();
  w.Key("differential").BeginArray();
  for (int c : a.posterior.ranking) {
    const auto ci = static_cast<std::size_t>(c);
    w.BeginObject()
        .Key("condition")
        .String(kb.conditions[ci].id)
        .Key("probability")
        .Fixed(a.posterior.probability[ci], kProbabilityDecimals)
        .EndObject();
  }
  w.EndArray();

  w.Key("triage_basis").BeginObject();
  w.Key("leading_condition_default").String(TriageId(a.triage.leading_default));
  w.Key("self_care_criteria").Bool(a.triage.self_care_criteria);
  w.Key("self_care_gate").Bool(a.triage.self_care_gate);
  w.Key("probability_threshold").String(TriageId(a.triage.threshold_level));
  w.Key("rules").BeginArray();
  for (int r : a.triage.fired_rules) {
    const RedFlagRule& rule = kb.rules[static_cast<std::size_t>(r)];
    w.BeginObject()
        .Key("id")
        .String(rule.id)
        .Key("level")
        .String(TriageId(rule.level))
        .Key("points_to");
    ConditionIdOrNull(w, kb, rule.points_to);
    w.EndObject();
  }
  w.EndArray().EndObject();

  // The basis of each number as source ids and an estimate flag: the reasons behind estimates are
  // long texts the page already holds in data/kb.
  w.Key("explanations").BeginArray();
  for (const Explanation& e : a.explanations) {
    const Condition& condition = kb.conditions[static_cast<std::size_t>(e.condition)];
    w.BeginObject().Key("condition").String(condition.id);
    w.Key("log_prior").Fixed(e.log_prior, kRatioDecimals);
    w.Key("evidence").BeginArray();
    for (const Contribution& item : e.evidence) {
      const Likelihood& l = condition.likelihoods[static_cast<std::size_t>(item.likelihood)];
      const Finding& f = kb.findings[static_cast<std::size_t>(item.finding)];
      w.BeginObject()
          .Key("finding")
          .String(f.id)
          .Key("answer")
          .String(item.answer == Answer::kPresent ? "present" : "absent")
          .Key("llr")
          .Fixed(item.llr, kRatioDecimals)
          .Key("damping")
          .Fixed(item.weight, kRatioDecimals)
          .Key("source")
          .StringArray(l.basis.sources)
          .Key("estimate")
          .Bool(!l.basis.estimate.empty())
          .EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("unanswered_safety_checks");
  FindingIds(w, kb, a.unanswered_safety_checks);
}

}  // namespace

ParsedCase ReadCase(const KnowledgeBase& kb, const JsonNode& top) {
  (void)top.Object();
  ParsedCase parsed;
  Case& c = parsed.answers;
  const JsonNode age = top.At("age");
  c.age = age.Integer();
  if (c.age < kb.MinAge() || c.age > kb.MaxAge()) {
    age.Fail("age " + std::to_string(c.age) + " is outside " + std::to_string(kb.MinAge()) +
             " to " + std::to_string(kb.MaxAge()));
  }
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
  if (top.Has("screens")) {
    top.At("screens").ForEach([&](const JsonNode& screen, std::size_t) {
      std::vector<int> items;
      screen.ForEach([&](const JsonNode& item, std::size_t) {
        const int f = kb.FindingIndex(item.String());
        if (f < 0) item.Fail("unknown finding id \"" + item.String() + "\"");
        items.push_back(f);
      });
      parsed.screens.push_back(std::move(items));
    });
  }
  return parsed;
}

Result<ParsedCase> ParseCase(const KnowledgeBase& kb, const std::string& text) {
  try {
    // Most calls are the page's plain states: read them without a JSON tree. Anything the plain
    // reader declines (including every error) is read below, the one place errors are worded.
    ParsedCase plain;
    if (ReadPlainCase(kb, text, plain)) return plain;

    const nlohmann::json doc = ParseJsonText(text, "case", "invalid_json");
    return ReadCase(kb, JsonNode(doc, "case", "", "", "invalid_case"));
  } catch (const DataError& e) {
    return Error{e.code(), e.what()};
  } catch (const std::bad_alloc&) {
    return Error{"invalid_case", "case: too large to read"};
  }
}

std::string AssessmentJson(const KnowledgeBase& kb, const Assessment& assessment,
                           const InterviewRun* run) {
  JsonWriter w;
  w.BeginObject();
  WriteAssessment(w, kb, assessment);
  if (run != nullptr) {
    w.Key("asked");
    FindingIds(w, kb, run->Asked());
    w.Key("screens").BeginArray();
    for (const std::vector<int>& screen : run->screens) FindingIds(w, kb, screen);
    w.EndArray();
    w.Key("stop_reason").String(run->stop_reason);
  }
  w.EndObject();
  return w.Finish();
}

std::string RulePresentationLines(const KnowledgeBase& kb, const RulePresentations& presentations) {
  std::string out;
  for (const RulePresentation& p : presentations.kept) {
    std::vector<std::string> present;
    std::vector<std::string> absent;
    for (std::size_t f = 0; f < p.person.answers.size(); ++f) {
      if (p.person.answers[f] == Answer::kPresent) present.push_back(kb.findings[f].id);
      if (p.person.answers[f] == Answer::kAbsent) absent.push_back(kb.findings[f].id);
    }
    std::sort(present.begin(), present.end());
    std::sort(absent.begin(), absent.end());
    JsonWriter w;
    w.BeginObject().Key("rule").String(kb.rules[static_cast<std::size_t>(p.rule)].id);
    w.Key("age").Int(p.person.age).Key("sex").String(SexId(p.person.sex));
    w.Key("present").StringArray(present).Key("absent").StringArray(absent).EndObject();
    out += w.Finish();
  }
  return out;
}

std::string NextScreenJson(const KnowledgeBase& kb, const NextScreen& next, int screens_shown,
                           const Assessment& assessment) {
  JsonWriter w;
  w.BeginObject();
  if (next.screen == -1) {
    w.Key("screen").Null();
    w.Key("stop_reason").String(next.stop_reason);
  } else {
    const bool follow_up = next.screen == kFollowUpScreen;
    const Screen* screen = follow_up ? nullptr : &kb.screens[static_cast<std::size_t>(next.screen)];
    w.Key("screen").BeginObject();
    w.Key("id").String(follow_up ? "follow_up" : screen->id);
    w.Key("kind").String(next.confirmation                      ? "confirmation"
                         : follow_up                            ? "follow_up"
                         : screen->kind == ScreenKind::kOpening ? "opening"
                         : screen->kind == ScreenKind::kSafety  ? "safety"
                                                                : "diagnostic");
    w.Key("items");
    FindingIds(w, kb, next.items);
    w.EndObject();
    w.Key("stop_reason").Null();
    w.Key("number").Int(screens_shown + 1);
    w.Key("estimate").Int(next.estimate);
  }
  w.Key("assessment").BeginObject();
  WriteAssessment(w, kb, assessment);
  w.EndObject().EndObject();
  return w.Finish();
}

}  // namespace symcheck
