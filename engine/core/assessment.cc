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
  // Safety checks still open: the questions of the opening screens (what every emergency pathway
  // needs) that this person could answer and has not. "Don't know" answers and questions for the
  // other sex are not open; no opening question is for clinicians only.
  for (const Screen& screen : kb.screens) {
    if (screen.kind != ScreenKind::kOpening) continue;
    for (int f : screen.items) {
      const auto fi = static_cast<std::size_t>(f);
      const Finding& finding = kb.findings[fi];
      const bool other_sex = finding.only_sex && *finding.only_sex != view.sex();
      const bool dont_know = !view.base->dont_know.empty() && view.base->dont_know[fi];
      if (view.at(f) == Answer::kUnknown && !dont_know && !other_sex) {
        a.unanswered_safety_checks.push_back(f);
      }
    }
  }
  return a;
}

}  // namespace symcheck
