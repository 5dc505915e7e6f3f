// Assess(): posterior, triage and explanations for one case. The one entry point that the CLI,
// the WebAssembly module and the interview share.
#ifndef SYMCHECK_CORE_ASSESSMENT_H_
#define SYMCHECK_CORE_ASSESSMENT_H_

#include <vector>

#include "core/scorer.h"
#include "core/triage.h"

namespace symcheck {

struct Explanation {
  int condition = -1;
  double log_prior = 0.0;
  std::vector<Contribution> evidence;  // ordered by |llr|, largest first
};

struct Assessment {
  Posterior posterior;
  TriageDecision triage;
  std::vector<Explanation> explanations;      // for the leading conditions
  std::vector<int> unanswered_safety_checks;  // opening-screen questions the person could answer
};

struct AssessOptions {
  ScoringOptions scoring;
  int explain_top = 5;  // every cause the page shows first gets its reasons
};

Assessment Assess(const KnowledgeBase& kb, const CaseView& view, const AssessOptions& options);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_ASSESSMENT_H_
