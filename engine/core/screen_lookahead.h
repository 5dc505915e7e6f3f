// What a screen of questions could change, averaged over every joint answer to it: the
// interview's measure for choosing the next screen and for deciding when to stop.
#ifndef SYMCHECK_CORE_SCREEN_LOOKAHEAD_H_
#define SYMCHECK_CORE_SCREEN_LOOKAHEAD_H_

#include <array>
#include <vector>

#include "core/evidence.h"
#include "core/knowledge_base.h"
#include "core/scorer.h"
#include "core/triage.h"

namespace symcheck {

/// The expected effect of answering a group of questions together.
struct ScreenOutlook {
  /// Expected change in triage weight, chance of completing a red-flag rule, and information about
  /// the cause and its urgency; discounted by the chance that the screen is answered "don't know".
  double value = 0.0;
  double change_probability = 0.0;         // the triage level or the top three changes
  double triage_change_probability = 0.0;  // the triage level changes
  double emergency_probability = 0.0;      // the answers make it an emergency
};

/// Where the interview stands now: its posterior, triage and the quantities every screen is
/// measured against. Computed once per step and shared by every candidate screen.
class ScreenLookahead {
 public:
  ScreenLookahead(const KnowledgeBase& kb, const Case& c, const ScoringOptions& scoring);

  /// Every yes/no answer to `items` (at most kMaxScreenItems unknown findings) in turn, each
  /// weighted by its predictive probability under the current posterior.
  ScreenOutlook Evaluate(const std::vector<int>& items) const;

  Triage level() const { return decision_.level; }
  const TriageDecision& decision() const { return decision_; }
  double leading_probability() const;

 private:
  struct State {
    Triage level = Triage::kSelfCare;
    double entropy = 0.0;          // over conditions, tempered view
    double urgency_entropy = 0.0;  // over the default triage levels of the conditions
    std::array<int, 3> top3{-1, -1, -1};
  };
  State Measure(const Case& c, Posterior& posterior, TriageDecision& decision) const;
  State MeasureScores(const Case& c, Posterior& posterior, TriageDecision& decision) const;
  /// The damped sum of group `g`'s answered log-likelihood ratios for condition `c` (as the scorer
  /// damps them), with `answers` deciding each member's answer.
  double GroupScore(int c, int g, const std::vector<Answer>& answers) const;
  bool Top3Changed(const Posterior& after) const;

  const KnowledgeBase& kb_;
  const Case& case_;
  const ScoringOptions& scoring_;
  Posterior posterior_;
  TriageDecision decision_;
  State now_;
  std::vector<double> predictive_;  // P(finding present) now, for every finding
  std::vector<double> hold_now_;    // chance that each rule not fired yet will fire
  // Log-likelihood ratios by [condition][finding] for a yes and a no (0 where not listed), and
  // the likelihood's data index (its order among the condition's likelihoods, -1 if not listed).
  std::vector<double> llr_present_;
  std::vector<double> llr_absent_;
  std::vector<int> listed_at_;
};

}  // namespace symcheck

#endif  // SYMCHECK_CORE_SCREEN_LOOKAHEAD_H_
