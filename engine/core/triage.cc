#include "core/triage.h"

#include <algorithm>

namespace symcheck {

double ProbabilityAtLeast(const KnowledgeBase& kb, const std::vector<double>& probability,
                          Triage level) {
  double sum = 0.0;
  for (std::size_t c = 0; c < kb.conditions.size(); ++c) {
    if (kb.conditions[c].triage >= level) sum += probability[c];
  }
  return sum;
}

namespace {

struct LeadingLevel {
  Triage level = Triage::kSelfCare;
  bool self_care_criteria = false;
  bool gate = false;
};

// The leading condition's level before thresholds and rules: its default, lowered to self-care
// when its own self-care criteria hold, and lifted back to routine by the self-care gate.
LeadingLevel LevelOfLeading(const KnowledgeBase& kb, const CaseView& view, int leading) {
  const Condition& condition = kb.conditions[static_cast<std::size_t>(leading)];
  LeadingLevel out;
  out.level = condition.triage;
  if (condition.self_care_when >= 0 && Evaluate(kb.expressions, condition.self_care_when, view)) {
    out.self_care_criteria = true;
    out.level = Triage::kSelfCare;
  }
  if (out.level == Triage::kSelfCare && kb.self_care_gate >= 0 &&
      Evaluate(kb.expressions, kb.self_care_gate, view)) {
    out.gate = true;
    out.level = Triage::kRoutine;
  }
  return out;
}

}  // namespace

Triage ProbabilisticLevel(const KnowledgeBase& kb, const CaseView& view, int leading,
                          const std::vector<double>& urgency_mass) {
  Triage level = LevelOfLeading(kb, view, leading).level;
  for (const ProbabilityThreshold& t : kb.thresholds) {
    if (urgency_mass[static_cast<std::size_t>(t.level)] >= t.min_probability) {
      level = std::max(level, t.level);
    }
  }
  return level;
}

TriageDecision DecideTriage(const KnowledgeBase& kb, const CaseView& view, int leading,
                            const std::vector<double>& probability) {
  TriageDecision d;
  d.leading_default = kb.conditions[static_cast<std::size_t>(leading)].triage;
  const LeadingLevel start = LevelOfLeading(kb, view, leading);
  d.self_care_criteria = start.self_care_criteria;
  d.self_care_gate = start.gate;
  std::vector<double> mass(kTriageLevels);
  for (int level = 0; level < kTriageLevels; ++level) {
    mass[static_cast<std::size_t>(level)] =
        ProbabilityAtLeast(kb, probability, static_cast<Triage>(level));
  }
  for (const ProbabilityThreshold& t : kb.thresholds) {
    if (mass[static_cast<std::size_t>(t.level)] >= t.min_probability) {
      d.threshold_level = std::max(d.threshold_level, t.level);
    }
  }
  // The same level ProbabilisticLevel() gives, from the parts already computed for the report.
  d.level = std::max(start.level, d.threshold_level);
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    const RedFlagRule& rule = kb.rules[r];
    if (!Evaluate(kb.expressions, rule.when, view)) continue;
    d.fired_rules.push_back(static_cast<int>(r));
    d.level = std::max(d.level, rule.level);
    if (rule.level >= Triage::kUrgent) {
      std::vector<int> present;
      CollectPresentFindings(kb.expressions, rule.when, view, present);
      for (int f : present) {
        if (std::find(d.red_flags.begin(), d.red_flags.end(), f) == d.red_flags.end()) {
          d.red_flags.push_back(f);
        }
      }
    }
  }
  return d;
}

std::vector<int> MustRuleOut(const KnowledgeBase& kb, const TriageDecision& decision) {
  std::vector<int> rules;
  for (int r : decision.fired_rules) {
    if (kb.rules[static_cast<std::size_t>(r)].level >= Triage::kUrgent) rules.push_back(r);
  }
  std::stable_sort(rules.begin(), rules.end(), [&](int a, int b) {
    return kb.rules[static_cast<std::size_t>(a)].level >
           kb.rules[static_cast<std::size_t>(b)].level;
  });
  return rules;
}

}  // namespace symcheck
