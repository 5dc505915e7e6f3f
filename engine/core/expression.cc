#include "core/expression.h"

#include "core/evidence.h"

namespace symcheck {

bool Evaluate(const ExpressionPool& pool, int root, const CaseView& view) {
  const Expression& e = pool[static_cast<std::size_t>(root)];
  switch (e.op) {
    case Expression::Op::kPresent:
      return view.at(e.finding) == Answer::kPresent;
    case Expression::Op::kAbsent:
      return view.at(e.finding) == Answer::kAbsent;
    case Expression::Op::kAll:
      for (int child : e.children) {
        if (!Evaluate(pool, child, view)) return false;
      }
      return true;
    case Expression::Op::kAny:
      for (int child : e.children) {
        if (Evaluate(pool, child, view)) return true;
      }
      return false;
    case Expression::Op::kNot:
      return !Evaluate(pool, e.children.front(), view);
    case Expression::Op::kAgeAtLeast:
      return view.age() >= e.number;
    case Expression::Op::kAgeBelow:
      return view.age() < e.number;
    case Expression::Op::kSex:
      return view.sex() == e.sex;
  }
  return false;
}

void CollectPresentFindings(const ExpressionPool& pool, int root, const CaseView& view,
                            std::vector<int>& out) {
  const Expression& e = pool[static_cast<std::size_t>(root)];
  switch (e.op) {
    case Expression::Op::kPresent:
      if (view.at(e.finding) == Answer::kPresent) out.push_back(e.finding);
      return;
    case Expression::Op::kAll:
    case Expression::Op::kAny:
      for (int child : e.children) {
        // Only branches that hold are evidence; a satisfied "any" reports every true branch.
        if (Evaluate(pool, child, view)) CollectPresentFindings(pool, child, view, out);
      }
      return;
    default:  // kNot, kAbsent and demographic tests report no present finding
      return;
  }
}

void CollectMentionedFindings(const ExpressionPool& pool, int root, std::vector<int>& out) {
  const Expression& e = pool[static_cast<std::size_t>(root)];
  if (e.op == Expression::Op::kPresent || e.op == Expression::Op::kAbsent) out.push_back(e.finding);
  for (int child : e.children) CollectMentionedFindings(pool, child, out);
}

}  // namespace symcheck
