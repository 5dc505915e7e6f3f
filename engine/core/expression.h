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
  enum class Op : std::uint8_t { kPresent, kAbsent, kAll, kAny, kNot, kAgeAtLeast, kAgeBelow, kSex };
  Op op = Op::kPresent;
  int finding = -1;           // kPresent, kAbsent
  int number = 0;             // kAgeAtLeast, kAgeBelow
  Sex sex = Sex::kFemale;     // kSex
  std::vector<int> children;  // kAll, kAny, kNot (indices into the pool)
};

using ExpressionPool = std::vector<Expression>;

/// True when expression `root` holds for the case.
bool Evaluate(const ExpressionPool& pool, int root, const CaseView& view);

/// Appends to `out` the findings that `root` requires to be present and that are present in the
/// case: the evidence that made a rule fire.
void CollectPresentFindings(const ExpressionPool& pool, int root, const CaseView& view,
                            std::vector<int>& out);

/// Appends every finding `root` mentions (present or absent), for reachability and interview use.
void CollectMentionedFindings(const ExpressionPool& pool, int root, std::vector<int>& out);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_EXPRESSION_H_
