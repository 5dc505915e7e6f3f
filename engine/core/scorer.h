// Posterior over conditions: naive Bayes in log space, with dependent findings damped per group.
#ifndef SYMCHECK_CORE_SCORER_H_
#define SYMCHECK_CORE_SCORER_H_

#include <vector>

#include "core/evidence.h"
#include "core/knowledge_base.h"

namespace symcheck {

struct ScoringOptions {
  /// Damp findings of one dependence group (see data/README.md). Off gives the plain naive-Bayes
  /// posterior that a textbook Bayesian network with one cause node computes.
  bool damp_dependent_findings = true;
};

/// One answered finding's weight for one condition: its log-likelihood ratio against the finding's
/// default rate, after damping (`weight` < 1 for a group's second and later items).
struct Contribution {
  int finding = -1;
  Answer answer = Answer::kUnknown;
  int likelihood = -1;  // index into Condition::likelihoods
  double llr = 0.0;     // weighted log-likelihood ratio added to the condition's score
  double weight = 1.0;
};

/// The answered findings that move condition `c`, in knowledge-base order. Unknown findings and
/// findings the condition does not list (ratio 1) never appear.
void ConditionEvidence(const KnowledgeBase& kb, const CaseView& view, int c,
                       const ScoringOptions& options, std::vector<Contribution>& out);

/// log(prior x age factor x sex factor) for condition c.
double LogPrior(const KnowledgeBase& kb, int c, int age, Sex sex);

/// Unnormalised log posterior of every condition (log prior plus the ratios of answered findings).
void ScoreConditions(const KnowledgeBase& kb, const CaseView& view, const ScoringOptions& options,
                     std::vector<double>& score);

/// Probabilities from log scores (softmax), computed with the portable exp.
void Normalize(const std::vector<double>& log_score, std::vector<double>& probability);

struct Posterior {
  std::vector<double> log_score;    // unnormalised log posterior per condition
  std::vector<double> probability;  // normalised, sums to 1
  std::vector<int> ranking;         // condition indices, most probable first (ties: data order)
};

Posterior ComputePosterior(const KnowledgeBase& kb, const CaseView& view,
                           const ScoringOptions& options);

/// Orders conditions by descending score, ties broken by data order, so output is deterministic.
std::vector<int> RankByScore(const std::vector<double>& log_score);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_SCORER_H_
