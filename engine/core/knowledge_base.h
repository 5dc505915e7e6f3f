// The knowledge base as the engine uses it: ids, numbers and the basis of every number.
// Texts (questions, names, pages) stay in data/ for the page; the loader validates them.
#ifndef SYMCHECK_CORE_KNOWLEDGE_BASE_H_
#define SYMCHECK_CORE_KNOWLEDGE_BASE_H_

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/expression.h"
#include "core/types.h"

namespace symcheck {

struct Finding {
  std::string id;
  std::string kind;
  bool clinician_only = false;
  double default_rate = 0.5;  // P(finding | a condition that does not specifically cause it)
  Basis default_basis;
  int follow_up_of = -1;  // asked only once this finding is present
  std::optional<Sex> only_sex;
  int group = -1;  // dependence group, or -1
};

/// P(finding | condition) for a pair the data lists, with its precomputed log-likelihood ratios
/// against the finding's default rate (unlisted pairs have ratio 1, log 0).
struct Likelihood {
  int finding = -1;
  double probability = 0.5;
  double llr_present = 0.0;  // log(p / default)
  double llr_absent = 0.0;   // no_answer_weight x log((1 - p) / (1 - default))
  Basis basis;
};

struct Condition {
  std::string id;
  std::string icd10;
  Triage triage = Triage::kRoutine;
  /// Expression root, or -1: when it holds, a routine condition is self-care (still subject to the
  /// self-care gate), e.g. fresh tailbone pain after a fall.
  int self_care_when = -1;
  double prior = 0.0;
  Basis prior_basis;
  std::vector<double> age_factors;  // one per model age band
  Basis age_basis;
  double female_factor = 1.0;
  double male_factor = 1.0;
  Basis sex_basis;
  std::string review_status;
  std::string last_reviewed;
  std::string reviewer;
  std::vector<Likelihood> likelihoods;  // sorted by finding index
};

struct AgeBand {
  std::string id;
  int min_age = 0;
  int max_age = 0;
};

struct DependenceGroup {
  std::string id;
  std::vector<int> findings;
  double damping = 1.0;
  Basis basis;
};

struct RedFlagRule {
  std::string id;
  Triage level = Triage::kUrgent;
  int points_to = -1;  // condition index, or -1 for a danger no single condition names
  int when = -1;       // expression root
  Basis basis;
  std::vector<int> mentioned_findings;
};

struct ProbabilityThreshold {
  Triage level = Triage::kUrgent;
  double min_probability = 1.0;
  Basis basis;
};

struct InterviewSettings {
  /// The most screens an interview shows (data: interview.max_screens).
  int max_screens = 12;
  double stop_leading_probability = 0.85;
  /// Screens shown before the interview may stop for confidence or for nothing left to change.
  int min_screens = 3;
  /// Stop when no remaining screen changes the triage level or the top three with at least this
  /// probability.
  double stop_change_probability = 0.05;
  /// Do not stop early while some screen's answers would make the case an emergency with this
  /// probability.
  double stop_emergency_probability = 0.01;
  /// Screens whose answers could make it an emergency with at least this probability are shown
  /// before any other (the most valuable of them first).
  double emergency_first_probability = 0.003;
  /// A new top three counts as a change only when it beats what it displaces by this ratio.
  double top3_margin = 1.5;
  double dont_know_probability = 0.15;
  /// Findings the body diagram records (never asked as questions) and the side findings it implies.
  std::vector<int> diagram_findings;
  int side_one = -1;
  int side_both = -1;
  int side_midline = -1;
  /// A region of the body diagram (a marked region, never asked).
  bool IsDiagramRegion(int finding) const {
    return std::find(diagram_findings.begin(), diagram_findings.end(), finding) !=
           diagram_findings.end();
  }
  /// Recorded by the start screen: a diagram region or a side it implies.
  bool RecordedByDiagram(int finding) const {
    return IsDiagramRegion(finding) || finding == side_one || finding == side_both ||
           finding == side_midline;
  }
  /// Relative cost of leaving a case at each triage level when it belongs at another: the weight
  /// that lets a rare red flag outrank a common but merely informative question.
  std::vector<double> triage_weights = {0.0, 0.2, 0.75, 1.5};
  /// Weight of information about the urgency group of the diagnosis, against information about the
  /// diagnosis itself.
  double urgency_information_weight = 1.0;
  /// Information is measured on the posterior raised to this power (0 < exponent <= 1) and
  /// renormalised: a flatter view that keeps causes the sparse answers so far underrate in play.
  double information_exponent = 1.0;
};

enum class ScreenKind : std::uint8_t {
  kOpening,     // shown first, in data order: what every emergency pathway needs
  kSafety,      // a safety card (cauda equina, infection and sepsis, cancer, vessels, trauma)
  kDiagnostic,  // a diagnostic group (what makes it worse or better, timing, course)
};

/// One page of related yes/no/don't-know questions (data/kb/screens.json). Its stem and wording are
/// the page's; the engine needs which findings it groups.
struct Screen {
  std::string id;
  ScreenKind kind = ScreenKind::kDiagnostic;
  bool clinician_only = false;
  std::vector<int> items;  // finding indices, at most kMaxScreenItems
  /// A safety card's `ask_when` (expression root, or -1): while it holds and the card has a
  /// question left, the card comes before any screen chosen for diagnosis alone and the interview
  /// does not stop (core/interview.cc, steps 4 and 5).
  int ask_when = -1;
};

inline constexpr std::size_t kMaxScreenItems = 6;
/// The most findings a dependence group holds (the interview's look-ahead damps a group in place).
inline constexpr std::size_t kMaxGroupFindings = 16;

struct KnowledgeBase {
  std::vector<Finding> findings;
  std::vector<Condition> conditions;
  std::vector<AgeBand> age_bands;
  double clamp_min = 0.005;
  double clamp_max = 0.995;
  /// model.no_answer_weight: a "no" counts by this share of its log-likelihood ratio (1 = in full).
  double no_answer_weight = 1.0;
  std::vector<DependenceGroup> groups;
  ExpressionPool expressions;
  std::vector<RedFlagRule> rules;
  std::vector<ProbabilityThreshold> thresholds;
  int self_care_gate = -1;  // expression root, or -1 for none
  int any_pain = -1;        // expression root of definitions.any_pain, or -1
  InterviewSettings interview;
  std::vector<Screen> screens;  // opening screens first, in the order they are shown
  std::unordered_map<std::string, int> finding_index;
  std::unordered_map<std::string, int> condition_index;
  std::unordered_map<std::string, std::string> source_kind;  // source id -> guideline/research/...
  /// For each finding, the conditions that list it: (condition index, index into likelihoods).
  std::vector<std::vector<std::pair<int, int>>> finding_conditions;
  /// For each finding, the rules that mention it.
  std::vector<std::vector<int>> finding_rules;
  /// log(prior x age factor x sex factor), indexed [condition][band][sex] (computed on load).
  std::vector<double> log_prior_table;

  int FindingIndex(const std::string& id) const;
  int ConditionIndex(const std::string& id) const;
  int AgeBandIndex(int age) const;
  /// The ages a case may have: from the first age band's lower bound to the last one's upper bound
  /// (data/kb's model.age_bands, the one place the range is written; the page reads it too).
  int MinAge() const { return age_bands.empty() ? 0 : age_bands.front().min_age; }
  int MaxAge() const { return age_bands.empty() ? 0 : age_bands.back().max_age; }
};

/// Computes the model's derived tables from the read values: clamps every probability, computes the
/// log-likelihood ratios, the log-prior table and the reverse indexes (finding -> conditions,
/// finding -> rules). Every way of building a KnowledgeBase calls it once, after the last value.
void FinalizeKnowledgeBase(KnowledgeBase& kb);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_KNOWLEDGE_BASE_H_
