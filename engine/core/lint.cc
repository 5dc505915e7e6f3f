#include "core/lint.h"

#include <algorithm>
#include <set>

#include "core/evidence.h"

namespace symcheck {
namespace {

void CollectAgeThresholds(const ExpressionPool& pool, int root, std::set<int>& ages) {
  const Expression& e = pool[static_cast<std::size_t>(root)];
  if (e.op == Expression::Op::kAgeAtLeast || e.op == Expression::Op::kAgeBelow) {
    ages.insert(e.number);
    ages.insert(e.number - 1);
  }
  for (int child : e.children) CollectAgeThresholds(pool, child, ages);
}

constexpr std::size_t kMaxExhaustiveFindings = 18;  // 2^18 assignments is still quick

}  // namespace

void BasisCounts::Add(const Basis& basis) {
  if (basis.published()) {
    ++published;
  } else if (!basis.sources.empty()) {
    ++anchored;
  } else {
    ++estimate;
  }
}

std::optional<Case> RuleWitness(const KnowledgeBase& kb, int r, bool patient_only) {
  const RedFlagRule& rule = kb.rules[static_cast<std::size_t>(r)];
  std::vector<int> free = rule.mentioned_findings;
  if (patient_only) {
    free.erase(std::remove_if(free.begin(), free.end(),
                              [&](int f) {
                                return kb.findings[static_cast<std::size_t>(f)].clinician_only;
                              }),
               free.end());
  }
  if (free.size() > kMaxExhaustiveFindings) return std::nullopt;
  std::set<int> ages = {12, 40, 110};
  CollectAgeThresholds(kb.expressions, rule.when, ages);
  Case c;
  c.answers.assign(kb.findings.size(), Answer::kUnknown);
  c.dont_know.assign(kb.findings.size(), false);
  std::optional<Case> best;
  int best_present = static_cast<int>(free.size()) + 1;
  for (std::uint32_t mask = 0; mask < (1u << free.size()); ++mask) {
    const int present = __builtin_popcount(mask);
    if (present >= best_present) continue;
    for (std::size_t i = 0; i < free.size(); ++i) {
      c.answers[static_cast<std::size_t>(free[i])] =
          (mask >> i) & 1u ? Answer::kPresent : Answer::kAbsent;
    }
    for (int age : ages) {
      if (age < 12 || age > 110 || present >= best_present) continue;
      c.age = age;
      for (Sex sex : {Sex::kFemale, Sex::kMale}) {
        c.sex = sex;
        if (present < best_present && Evaluate(kb.expressions, rule.when, CaseView(c))) {
          best = c;
          best_present = present;
        }
      }
    }
  }
  return best;
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
    if (c.likelihoods.empty()) report.problems.push_back("condition " + c.id + " lists no findings");
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
      if (!clinician_rule) report.problems.push_back("rule " + kb.rules[r].id + " cannot fire in patient mode");
    }
  }
  if (kb.self_care_gate >= 0) {
    std::vector<int> mentioned;
    CollectMentionedFindings(kb.expressions, kb.self_care_gate, mentioned);
    for (int f : mentioned) used[static_cast<std::size_t>(f)] = true;
  }
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    if (!used[f]) {
      report.problems.push_back("finding " + kb.findings[f].id +
                                " is orphaned: no condition lists it and no rule uses it");
    }
  }
  for (const std::string& id : vocabulary_conditions) {
    if (kb.ConditionIndex(id) < 0) report.problems.push_back("vocabulary condition " + id + " is missing");
  }
  for (const std::string& id : vocabulary_findings) {
    if (kb.FindingIndex(id) < 0) report.problems.push_back("vocabulary finding " + id + " is missing");
  }
  for (const Finding& f : kb.findings) {
    if (f.red_flag_screen && f.clinician_only) {
      report.problems.push_back("finding " + f.id + " is in the red-flag screen but clinician-only");
    }
  }
  return report;
}

}  // namespace symcheck
