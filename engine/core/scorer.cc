#include "core/scorer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/portable_math.h"

namespace symcheck {

void ConditionEvidence(const KnowledgeBase& kb, const CaseView& view, int c,
                       const ScoringOptions& options, std::vector<Contribution>& out) {
  out.clear();
  const Condition& condition = kb.conditions[static_cast<std::size_t>(c)];
  for (std::size_t i = 0; i < condition.likelihoods.size(); ++i) {
    const Likelihood& l = condition.likelihoods[i];
    const Answer answer = view.at(l.finding);
    if (answer == Answer::kUnknown) continue;
    out.push_back({l.finding, answer, static_cast<int>(i),
                   answer == Answer::kPresent ? l.llr_present : l.llr_absent, 1.0});
  }
  if (!options.damp_dependent_findings || kb.groups.empty()) return;
  // Within each dependence group the strongest item counts in full and each further one by another
  // factor of the group's damping: correlated answers are not independent proof.
  std::vector<Contribution*> grouped;
  for (Contribution& item : out) {
    if (kb.findings[static_cast<std::size_t>(item.finding)].group >= 0) grouped.push_back(&item);
  }
  if (grouped.size() < 2) return;
  const auto group_of = [&](const Contribution* item) {
    return kb.findings[static_cast<std::size_t>(item->finding)].group;
  };
  std::stable_sort(grouped.begin(), grouped.end(),
                   [&](const Contribution* a, const Contribution* b) {
                     if (group_of(a) != group_of(b)) return group_of(a) < group_of(b);
                     return std::fabs(a->llr) > std::fabs(b->llr);
                   });
  double weight = 1.0;
  for (std::size_t i = 0; i < grouped.size(); ++i) {
    if (i > 0 && group_of(grouped[i]) != group_of(grouped[i - 1])) weight = 1.0;
    grouped[i]->weight = weight;
    grouped[i]->llr *= weight;
    weight *= kb.groups[static_cast<std::size_t>(group_of(grouped[i]))].damping;
  }
}

double LogPrior(const KnowledgeBase& kb, int c, int age, Sex sex) {
  const Condition& condition = kb.conditions[static_cast<std::size_t>(c)];
  const int band = kb.AgeBandIndex(age);
  const double age_factor = band < 0 ? 1.0 : condition.age_factors[static_cast<std::size_t>(band)];
  const double sex_factor = sex == Sex::kFemale ? condition.female_factor : condition.male_factor;
  return PortableLog(condition.prior * age_factor * sex_factor);
}

std::vector<int> RankByScore(const std::vector<double>& log_score) {
  std::vector<int> order(log_score.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return log_score[static_cast<std::size_t>(a)] > log_score[static_cast<std::size_t>(b)];
  });
  return order;
}

Posterior ComputePosterior(const KnowledgeBase& kb, const CaseView& view,
                           const ScoringOptions& options) {
  const std::size_t n = kb.conditions.size();
  Posterior result;
  result.log_score.resize(n);
  std::vector<Contribution> evidence;
  for (std::size_t c = 0; c < n; ++c) {
    double score = LogPrior(kb, static_cast<int>(c), view.age(), view.sex());
    ConditionEvidence(kb, view, static_cast<int>(c), options, evidence);
    for (const Contribution& item : evidence) score += item.llr;
    result.log_score[c] = score;
  }
  const double top = *std::max_element(result.log_score.begin(), result.log_score.end());
  result.probability.resize(n);
  double total = 0.0;
  for (std::size_t c = 0; c < n; ++c) {
    result.probability[c] = PortableExp(result.log_score[c] - top);
    total += result.probability[c];
  }
  for (double& p : result.probability) p /= total;
  result.ranking = RankByScore(result.log_score);
  return result;
}

}  // namespace symcheck
