// Boolean conditions over a case, used by red-flag rules and the self-care gate.
#ifndef SYMCHECK_CORE_EXPRESSION_H_
#define SYMCHECK_CORE_EXPRESSION_H_

#include <vector>

#include "core/types.h"

namespace symcheck {

struct CaseView;

/// A node of a condition tree. Trees are stored flat in an ExpressionPool and refer to their
/// children by index, so a knowledge base holds all of them in one vector.
struct Expression {
  // kRef wraps a named definition (e.g. any_pain): it evaluates as its one child, and the findings
  // behind it are context, not red flags of their own.
  enum class Op : std::uint8_t {
    kPresent,
    kAbsent,
    kAll,
    kAny,
    kNot,
    kAgeAtLeast,
    kAgeBelow,
    kSex,
    kRef
  };
  Op op = Op::kPresent;
  int finding = -1;           // kPresent, kAbsent
  int number = 0;             // kAgeAtLeast, kAgeBelow
  Sex sex = Sex::kFemale;     // kSex
  std::vector<int> children;  // kAll, kAny, kNot, kRef (indices into the pool)
};

using ExpressionPool = std::vector<Expression>;

/// True when expression `root` holds for the case.
bool Evaluate(const ExpressionPool& pool, int root, const CaseView& view);

/// Appends to `out` the findings that `root` requires to be present and that are present in the
/// case: the evidence that made a rule fire. Findings behind a definition (kRef) are left out.
void CollectPresentFindings(const ExpressionPool& pool, int root, const CaseView& view,
                            std::vector<int>& out);

/// Appends every finding `root` mentions (present or absent), for reachability and interview use.
void CollectMentionedFindings(const ExpressionPool& pool, int root, std::vector<int>& out);

/// Probability that `root` holds once every unknown finding is answered, treating findings as
/// independent with P(present) = `present_probability[f]`. Findings answered "don't know" count as
/// never present (they will not be asked again).
double HoldProbability(const ExpressionPool& pool, int root, const CaseView& view,
                       const std::vector<double>& present_probability);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_EXPRESSION_H_
