#include "core/assessment.h"

#include <algorithm>

namespace symcheck {

Assessment Assess(const KnowledgeBase& kb, const CaseView& view, const AssessOptions& options) {
  Assessment a;
  a.posterior = ComputePosterior(kb, view, options.scoring);
  a.triage = DecideTriage(kb, view, a.posterior.ranking.front(), a.posterior.probability);
  const int explained = std::min<int>(options.explain_top, static_cast<int>(kb.conditions.size()));
  for (int i = 0; i < explained; ++i) {
    Explanation e;
    e.condition = a.posterior.ranking[static_cast<std::size_t>(i)];
    e.log_prior = LogPrior(kb, e.condition, view.age(), view.sex());
    ConditionEvidence(kb, view, e.condition, options.scoring, e.evidence);
    std::stable_sort(e.evidence.begin(), e.evidence.end(),
                     [](const Contribution& x, const Contribution& y) {
                       return (x.llr < 0 ? -x.llr : x.llr) > (y.llr < 0 ? -y.llr : y.llr);
                     });
    a.explanations.push_back(std::move(e));
  }
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    if (kb.findings[f].screen_within > 0 && view.at(static_cast<int>(f)) == Answer::kUnknown) {
      a.unanswered_screen.push_back(static_cast<int>(f));
    }
  }
  return a;
}

}  // namespace symcheck
