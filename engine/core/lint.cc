#include "core/lint.h"

#include <algorithm>
#include <set>

#include "core/evidence.h"

namespace symcheck {

void BasisCounts::Add(const Basis& basis) {
  if (basis.published()) {
    ++published;
  } else if (!basis.sources.empty()) {
    ++anchored;
  } else {
    ++estimate;
  }
}

namespace {

// A small backtracking solver: which answers, age and sex make an expression hold (or fail)?
// Each finding carries a constraint; "not present" is met by absent or unknown, so it is kept
// apart from "absent" until a later goal forces a choice.
enum class Need : std::uint8_t { kFree, kPresent, kAbsent, kNotPresent, kNotAbsent };

struct Partial {
  std::vector<Need> need;
  int min_age = 0;  // the knowledge base's range (MinAge, MaxAge) when a search starts
  int max_age = 0;
  std::optional<Sex> sex;
};

bool Require(Partial& p, int finding, Need want) {
  Need& have = p.need[static_cast<std::size_t>(finding)];
  const auto merge = [](Need a, Need b) -> std::optional<Need> {
    if (a == Need::kFree) return b;
    if (b == Need::kFree || a == b) return a;
    if ((a == Need::kPresent && b == Need::kNotAbsent) ||
        (b == Need::kPresent && a == Need::kNotAbsent)) {
      return Need::kPresent;
    }
    if ((a == Need::kAbsent && b == Need::kNotPresent) ||
        (b == Need::kAbsent && a == Need::kNotPresent)) {
      return Need::kAbsent;
    }
    if ((a == Need::kNotPresent && b == Need::kNotAbsent) ||
        (b == Need::kNotPresent && a == Need::kNotAbsent)) {
      return Need::kNotPresent;  // unknown meets both; kept as "not present" (answered unknown)
    }
    return std::nullopt;
  };
  const std::optional<Need> merged = merge(have, want);
  if (!merged) return false;
  have = *merged;
  return true;
}

using Goal = std::pair<int, bool>;  // expression, whether it must hold

bool Solve(const KnowledgeBase& kb, std::vector<Goal> goals, Partial p, bool patient_only,
           Partial& out) {
  while (!goals.empty()) {
    const auto [node, want] = goals.back();
    goals.pop_back();
    const Expression& e = kb.expressions[static_cast<std::size_t>(node)];
    switch (e.op) {
      case Expression::Op::kPresent:
      case Expression::Op::kAbsent: {
        const Need need = e.op == Expression::Op::kPresent
                              ? (want ? Need::kPresent : Need::kNotPresent)
                              : (want ? Need::kAbsent : Need::kNotAbsent);
        if (patient_only && need == Need::kPresent &&
            kb.findings[static_cast<std::size_t>(e.finding)].clinician_only) {
          return false;
        }
        if (!Require(p, e.finding, need)) return false;
        break;
      }
      case Expression::Op::kAgeAtLeast:
        if (want)
          p.min_age = std::max(p.min_age, e.number);
        else
          p.max_age = std::min(p.max_age, e.number - 1);
        if (p.min_age > p.max_age) return false;
        break;
      case Expression::Op::kAgeBelow:
        if (want)
          p.max_age = std::min(p.max_age, e.number - 1);
        else
          p.min_age = std::max(p.min_age, e.number);
        if (p.min_age > p.max_age) return false;
        break;
      case Expression::Op::kSex: {
        const Sex sex = want ? e.sex : (e.sex == Sex::kFemale ? Sex::kMale : Sex::kFemale);
        if (p.sex && *p.sex != sex) return false;
        p.sex = sex;
        break;
      }
      case Expression::Op::kNot:
      case Expression::Op::kRef:
        goals.push_back({e.children.front(), e.op == Expression::Op::kNot ? !want : want});
        break;
      case Expression::Op::kAll:
      case Expression::Op::kAny: {
        // "all" that must hold and "any" that must fail constrain every child; the other two
        // need one child, tried in data order.
        if ((e.op == Expression::Op::kAll) == want) {
          for (int child : e.children) goals.push_back({child, want});
          break;
        }
        for (int child : e.children) {
          std::vector<Goal> branch = goals;
          branch.push_back({child, want});
          if (Solve(kb, std::move(branch), p, patient_only, out)) return true;
        }
        return false;
      }
    }
  }
  out = std::move(p);
  return true;
}

}  // namespace

std::optional<Case> RuleWitness(const KnowledgeBase& kb, int r, bool patient_only) {
  const RedFlagRule& rule = kb.rules[static_cast<std::size_t>(r)];
  Partial start;
  start.need.assign(kb.findings.size(), Need::kFree);
  start.min_age = kb.MinAge();
  start.max_age = kb.MaxAge();
  Partial solved;
  if (!Solve(kb, {{rule.when, true}}, start, patient_only, solved)) return std::nullopt;
  Case c;
  c.age = solved.min_age;
  c.sex = solved.sex.value_or(Sex::kFemale);
  c.answers.assign(kb.findings.size(), Answer::kUnknown);
  c.dont_know.assign(kb.findings.size(), false);
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    if (solved.need[f] == Need::kPresent) c.answers[f] = Answer::kPresent;
    if (solved.need[f] == Need::kAbsent) c.answers[f] = Answer::kAbsent;
  }
  // The solver reasons on the expression alone; check the witness on the real evaluator too.
  if (!Evaluate(kb.expressions, rule.when, CaseView(c))) return std::nullopt;
  return c;
}

LintReport Lint(const KnowledgeBase& kb, const std::vector<std::string>& vocabulary_conditions,
                const std::vector<std::string>& vocabulary_findings) {
  LintReport report;
  report.conditions = static_cast<int>(kb.conditions.size());
  report.findings = static_cast<int>(kb.findings.size());
  report.rules = static_cast<int>(kb.rules.size());

  std::vector<bool> used(kb.findings.size(), false);
  for (const Condition& c : kb.conditions) {
    report.priors.Add(c.prior_basis);
    if (c.review_status == "draft") ++report.draft_conditions;
    if (c.likelihoods.empty())
      report.problems.push_back("condition " + c.id + " lists no findings");
    for (const Likelihood& l : c.likelihoods) {
      report.likelihoods.Add(l.basis);
      used[static_cast<std::size_t>(l.finding)] = true;
    }
  }
  for (const Finding& f : kb.findings) report.defaults.Add(f.default_basis);
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    for (int f : kb.rules[r].mentioned_findings) used[static_cast<std::size_t>(f)] = true;
    if (!RuleWitness(kb, static_cast<int>(r), false)) {
      report.problems.push_back("rule " + kb.rules[r].id + " can never fire");
    } else if (!kb.findings.empty() && kb.rules[r].level >= Triage::kUrgent &&
               !RuleWitness(kb, static_cast<int>(r), true)) {
      // Allowed (clinician-only rules exist), but only when the rule says so through its findings.
      bool clinician_rule = false;
      for (int f : kb.rules[r].mentioned_findings) {
        clinician_rule = clinician_rule || kb.findings[static_cast<std::size_t>(f)].clinician_only;
      }
      if (!clinician_rule)
        report.problems.push_back("rule " + kb.rules[r].id + " cannot fire in patient mode");
    }
  }
  std::vector<int> triage_roots;
  if (kb.self_care_gate >= 0) triage_roots.push_back(kb.self_care_gate);
  for (const Condition& c : kb.conditions) {
    if (c.self_care_when >= 0) triage_roots.push_back(c.self_care_when);
  }
  for (int root : triage_roots) {
    std::vector<int> mentioned;
    CollectMentionedFindings(kb.expressions, root, mentioned);
    for (int f : mentioned) used[static_cast<std::size_t>(f)] = true;
  }
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    if (!used[f]) {
      report.problems.push_back("finding " + kb.findings[f].id +
                                " is orphaned: no condition lists it and no rule uses it");
    }
  }
  for (const std::string& id : vocabulary_conditions) {
    if (kb.ConditionIndex(id) < 0)
      report.problems.push_back("vocabulary condition " + id + " is missing");
  }
  for (const std::string& id : vocabulary_findings) {
    if (kb.FindingIndex(id) < 0)
      report.problems.push_back("vocabulary finding " + id + " is missing");
  }
  // Every question reaches a person through a screen: a finding that the body diagram does not
  // record and that is not a follow-up (shown after its parent's yes) must sit in one, or the
  // interview can never ask it.
  std::vector<bool> on_screen(kb.findings.size(), false);
  for (const Screen& screen : kb.screens) {
    for (int f : screen.items) on_screen[static_cast<std::size_t>(f)] = true;
  }
  const InterviewSettings& settings = kb.interview;
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    const int fi = static_cast<int>(f);
    if (!settings.RecordedByDiagram(fi) && kb.findings[f].follow_up_of < 0 && !on_screen[f]) {
      report.problems.push_back("finding " + kb.findings[f].id +
                                " is in no screen, so the interview can never ask it");
    }
  }
  return report;
}

}  // namespace symcheck
