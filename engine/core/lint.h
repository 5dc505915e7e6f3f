// Whole-knowledge-base checks that go beyond one value: orphans, unreachable red-flag rules,
// missing vocabulary ids, and the count of numbers that are published versus estimated.
#ifndef SYMCHECK_CORE_LINT_H_
#define SYMCHECK_CORE_LINT_H_

#include <string>
#include <vector>

#include "core/evidence.h"
#include "core/knowledge_base.h"

namespace symcheck {

struct BasisCounts {
  int published = 0;  // a source, no estimate
  int anchored = 0;   // an estimate anchored on a source
  int estimate = 0;   // an estimate alone
  void Add(const Basis& basis);
  int total() const { return published + anchored + estimate; }
};

struct LintReport {
  std::vector<std::string> problems;  // empty when the knowledge base passes
  int conditions = 0;
  int findings = 0;
  int rules = 0;
  BasisCounts likelihoods;
  BasisCounts defaults;
  BasisCounts priors;
  int draft_conditions = 0;
};

/// `vocabulary_conditions` / `vocabulary_findings`: ids that must exist (may be empty).
LintReport Lint(const KnowledgeBase& kb, const std::vector<std::string>& vocabulary_conditions = {},
                const std::vector<std::string>& vocabulary_findings = {});

/// Answers (with an age and sex) that make rule `r` fire with as few present findings as possible,
/// or nothing when no answers can; with `patient_only`, clinician-only findings stay unknown.
std::optional<Case> RuleWitness(const KnowledgeBase& kb, int r, bool patient_only);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_LINT_H_
