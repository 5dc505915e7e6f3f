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
///
/// Evaluate() computes, for every joint answer, what scoring the answered case afresh computes
/// (ScoreConditions, Normalize, RankByScore, DecideTriage and the entropies): the touched
/// conditions' scores with the same operations in the same order, so the ranking and the fired
/// rules are exact; the sums over conditions to rounding (about 1e-15), because it skips work whose
/// result it already holds: conditions that list none of the screen's items keep their score, and
/// their terms are summed once per screen with today's top score and scaled to each answer's top;
/// rules that mention none of the items keep their fired state; a rule's or a dependence group's
/// value is computed once per answer to the items it mentions. A single summation order, the same
/// on every platform, keeps native and WebAssembly interviews byte-identical.
class ScreenLookahead {
 public:
  /// Holds `kb` and `c` by reference (both must outlive it); `scoring` is copied.
  ScreenLookahead(const KnowledgeBase& kb, const Case& c, const ScoringOptions& scoring);

  /// Every yes/no answer to `items` (at most kMaxScreenItems unknown findings) in turn, each
  /// weighted by its predictive probability under the current posterior. Not reentrant: it reuses
  /// the look-ahead's scratch buffers.
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

  // The conditions a screen leaves alone keep today's scores: their terms are summed once per
  // screen (with today's top score) and scaled to each joint answer's top score.
  struct Untouched {
    double probability = 0.0;                        // posterior mass
    double e = 0.0;                                  // sum of exp(score - top)
    double w = 0.0;                                  // sum of exp(t), t = exponent * (score - top)
    double wt = 0.0;                                 // sum of exp(t) * t
    std::array<double, kTriageLevels> e_by_level{};  // e by each condition's default triage
  };
  // Buffers Evaluate() reuses from screen to screen (no allocation per answer pattern).
  struct Scratch {
    Case trial;                    // the case with the screen's items answered
    std::vector<int> touched_at;   // per condition: its index in `touched`, or -1
    std::vector<int> touched;      // conditions listing at least one item, in data order
    std::vector<unsigned> listed;  // per touched condition: bit i when it lists item i
    std::vector<double> present;   // [touched][item] P(yes | condition), clamped
    std::vector<double> llr_yes;   // [touched][item] log-likelihood ratio of a yes (0: unlisted)
    std::vector<double> llr_no;
    std::vector<double> score;      // [touched][pattern] log score after the answers
    std::vector<double> p_pattern;  // [pattern] predictive probability of the joint answer
    std::vector<double> top;        // [pattern] the highest log score
    std::vector<double> memo;       // [touched][slot] exp terms of a score, with today's top
  };

  const KnowledgeBase& kb_;
  const Case& case_;
  const ScoringOptions scoring_;  // a copy: callers may pass a temporary
  Posterior posterior_;
  TriageDecision decision_;
  State now_;
  std::vector<double> predictive_;  // P(finding present) now, for every finding a rule mentions
  std::vector<double> hold_now_;    // chance that each rule not fired yet will fire
  std::vector<bool> fired_now_;     // the rules that fire now
  // With today's top score: exp(score - top), the tempered exponent t = exponent * (score - top),
  // exp(t) and exp(t) * t for every condition, as MeasureScores computes them.
  double top_now_ = 0.0;
  std::vector<double> exp_now_;
  std::vector<double> t_now_;
  std::vector<double> w_now_;
  std::vector<double> wt_now_;
  double log_top3_margin_ = 0.0;
  mutable Scratch scratch_;
};

}  // namespace symcheck

#endif  // SYMCHECK_CORE_SCREEN_LOOKAHEAD_H_
