// Triage: the leading condition's default level, its self-care criteria, the self-care gate,
// probability thresholds and red-flag rules, most urgent wins (data/README.md explains each step).
#ifndef SYMCHECK_CORE_TRIAGE_H_
#define SYMCHECK_CORE_TRIAGE_H_

#include <vector>

#include "core/evidence.h"
#include "core/knowledge_base.h"

namespace symcheck {

struct TriageDecision {
  Triage level = Triage::kSelfCare;
  Triage leading_default = Triage::kSelfCare;  // default level of the most probable condition
  bool self_care_criteria = false;             // the leading condition's self-care criteria held
  bool self_care_gate = false;                 // the gate lifted self_care to routine
  Triage threshold_level = Triage::kSelfCare;  // highest level whose probability threshold was met
  std::vector<int> fired_rules;                // rule indices, data order
  std::vector<int> red_flags;                  // present findings of fired urgent/emergency rules
};

/// Sum of the posterior of every condition whose default triage is `level` or more urgent.
double ProbabilityAtLeast(const KnowledgeBase& kb, const std::vector<double>& probability,
                          Triage level);

/// Triage for a case whose most probable condition is `leading` and whose posterior is given.
TriageDecision DecideTriage(const KnowledgeBase& kb, const CaseView& view, int leading,
                            const std::vector<double>& probability);

/// The fired urgent and emergency rules, most urgent first (data order within a level): what the
/// answer names as to be ruled out before the ranked causes.
std::vector<int> MustRuleOut(const KnowledgeBase& kb, const TriageDecision& decision);

/// The level implied by the leading condition, the gate and the thresholds (rules left out).
Triage ProbabilisticLevel(const KnowledgeBase& kb, const CaseView& view, int leading,
                          const std::vector<double>& urgency_mass);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_TRIAGE_H_
