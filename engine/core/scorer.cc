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
  const std::size_t bands = kb.age_bands.size();
  const auto band = static_cast<std::size_t>(std::max(0, kb.AgeBandIndex(age)));
  return kb.log_prior_table[(static_cast<std::size_t>(c) * bands + band) * 2 +
                            (sex == Sex::kFemale ? 0 : 1)];
}

void ScoreConditions(const KnowledgeBase& kb, const CaseView& view, const ScoringOptions& options,
                     std::vector<double>& score) {
  const std::size_t n = kb.conditions.size();
  score.resize(n);
  for (std::size_t c = 0; c < n; ++c)
    score[c] = LogPrior(kb, static_cast<int>(c), view.age(), view.sex());
  // Walk the answered findings and the conditions that list them: unlisted pairs add nothing, so
  // this touches only the ratios that matter. Groups with two or more answered members are damped
  // per condition below, exactly as ConditionEvidence does.
  std::vector<int> damped_groups;
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    const Answer answer = view.at(static_cast<int>(f));
    if (answer == Answer::kUnknown) continue;
    const int group = kb.findings[f].group;
    if (options.damp_dependent_findings && group >= 0) {
      if (std::find(damped_groups.begin(), damped_groups.end(), group) == damped_groups.end()) {
        damped_groups.push_back(group);
      }
      continue;
    }
    for (const auto& [c, li] : kb.finding_conditions[f]) {
      const Likelihood& l =
          kb.conditions[static_cast<std::size_t>(c)].likelihoods[static_cast<std::size_t>(li)];
      score[static_cast<std::size_t>(c)] +=
          answer == Answer::kPresent ? l.llr_present : l.llr_absent;
    }
  }
  if (damped_groups.empty()) return;
  // Conditions listing any answered member of a damped group: take their grouped items from
  // ConditionEvidence, which owns the damping rule.
  std::vector<Contribution> evidence;
  std::vector<bool> seen(n, false);
  for (int group : damped_groups) {
    for (int f : kb.groups[static_cast<std::size_t>(group)].findings) {
      if (view.at(f) == Answer::kUnknown) continue;
      for (const auto& entry : kb.finding_conditions[static_cast<std::size_t>(f)]) {
        const auto c = static_cast<std::size_t>(entry.first);
        if (seen[c]) continue;
        seen[c] = true;
        ConditionEvidence(kb, view, static_cast<int>(c), options, evidence);
        for (const Contribution& item : evidence) {
          if (kb.findings[static_cast<std::size_t>(item.finding)].group >= 0) score[c] += item.llr;
        }
      }
    }
  }
}

std::vector<int> RankByScore(const std::vector<double>& log_score) {
  std::vector<int> order(log_score.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return log_score[static_cast<std::size_t>(a)] > log_score[static_cast<std::size_t>(b)];
  });
  return order;
}

void Normalize(const std::vector<double>& log_score, std::vector<double>& probability) {
  const double top = *std::max_element(log_score.begin(), log_score.end());
  probability.resize(log_score.size());
  double total = 0.0;
  for (std::size_t c = 0; c < log_score.size(); ++c) {
    probability[c] = PortableExp(log_score[c] - top);
    total += probability[c];
  }
  for (double& p : probability) p /= total;
}

Posterior ComputePosterior(const KnowledgeBase& kb, const CaseView& view,
                           const ScoringOptions& options) {
  Posterior result;
  ScoreConditions(kb, view, options, result.log_score);
  Normalize(result.log_score, result.probability);
  result.ranking = RankByScore(result.log_score);
  return result;
}

}  // namespace symcheck
