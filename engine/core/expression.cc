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
    case Expression::Op::kRef:
      return Evaluate(pool, e.children.front(), view);
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
    default:  // kNot, kAbsent, kRef and demographic tests report no present finding
      return;
  }
}

void CollectMentionedFindings(const ExpressionPool& pool, int root, std::vector<int>& out) {
  const Expression& e = pool[static_cast<std::size_t>(root)];
  if (e.op == Expression::Op::kPresent || e.op == Expression::Op::kAbsent) out.push_back(e.finding);
  for (int child : e.children) CollectMentionedFindings(pool, child, out);
}

}  // namespace symcheck

namespace symcheck {

double HoldProbability(const ExpressionPool& pool, int root, const CaseView& view,
                       const std::vector<double>& present_probability) {
  const Expression& e = pool[static_cast<std::size_t>(root)];
  const auto unknown_present = [&](int f) {
    return view.base->dont_know[static_cast<std::size_t>(f)]
               ? 0.0
               : present_probability[static_cast<std::size_t>(f)];
  };
  switch (e.op) {
    case Expression::Op::kPresent:
      if (view.at(e.finding) == Answer::kUnknown) return unknown_present(e.finding);
      return view.at(e.finding) == Answer::kPresent ? 1.0 : 0.0;
    case Expression::Op::kAbsent:
      if (view.at(e.finding) == Answer::kUnknown) {
        return view.base->dont_know[static_cast<std::size_t>(e.finding)]
                   ? 0.0
                   : 1.0 - present_probability[static_cast<std::size_t>(e.finding)];
      }
      return view.at(e.finding) == Answer::kAbsent ? 1.0 : 0.0;
    case Expression::Op::kAll: {
      double p = 1.0;
      for (int child : e.children) p *= HoldProbability(pool, child, view, present_probability);
      return p;
    }
    case Expression::Op::kAny: {
      double none = 1.0;
      for (int child : e.children)
        none *= 1.0 - HoldProbability(pool, child, view, present_probability);
      return 1.0 - none;
    }
    case Expression::Op::kNot:
      return 1.0 - HoldProbability(pool, e.children.front(), view, present_probability);
    case Expression::Op::kRef:
      return HoldProbability(pool, e.children.front(), view, present_probability);
    default:
      return Evaluate(pool, root, view) ? 1.0 : 0.0;
  }
}

}  // namespace symcheck
