#include "core/rule_solver.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/assessment.h"

namespace symcheck {
namespace {

using Ids = std::vector<int>;

Ids Union(const Ids& a, const Ids& b) {
  Ids out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

bool Meet(const Ids& a, const Ids& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

bool Within(const Ids& small, const Ids& large) {
  return std::includes(large.begin(), large.end(), small.begin(), small.end());
}

// Both ways at once, or nothing when they contradict each other.
std::optional<Witness> Merge(const Witness& a, const Witness& b) {
  if (a.sex && b.sex && *a.sex != *b.sex) return std::nullopt;
  Witness m;
  m.present = Union(a.present, b.present);
  m.absent = Union(a.absent, b.absent);
  m.not_present = Union(a.not_present, b.not_present);
  m.not_absent = Union(a.not_absent, b.not_absent);
  m.min_age = std::max(a.min_age, b.min_age);
  m.max_age = std::min(a.max_age, b.max_age);
  m.sex = a.sex ? a.sex : b.sex;
  if (m.min_age > m.max_age || Meet(m.present, m.absent) || Meet(m.present, m.not_present) ||
      Meet(m.absent, m.not_absent)) {
    return std::nullopt;
  }
  return m;
}

// True when every case that satisfies `strong` satisfies `weak`: `weak` asks for no more.
bool AsksNoMore(const Witness& weak, const Witness& strong) {
  return Within(weak.present, strong.present) && Within(weak.absent, strong.absent) &&
         Within(weak.not_present, strong.not_present) &&
         Within(weak.not_absent, strong.not_absent) && weak.min_age <= strong.min_age &&
         weak.max_age >= strong.max_age && (!weak.sex || weak.sex == strong.sex);
}

// Drops every way that asks for more than another one (and repeats), keeping the data order.
std::vector<Witness> Minimal(std::vector<Witness> ways) {
  std::vector<Witness> kept;
  for (std::size_t i = 0; i < ways.size(); ++i) {
    bool redundant = false;
    for (std::size_t j = 0; j < ways.size() && !redundant; ++j) {
      if (j == i || !AsksNoMore(ways[j], ways[i])) continue;
      // ways[j] asks for no more: it replaces ways[i] unless they are the same and i comes first.
      redundant = !(ways[j] == ways[i]) || j < i;
    }
    if (!redundant) kept.push_back(ways[i]);
  }
  return kept;
}

Witness Leaf() { return Witness{}; }

std::vector<Witness> Solve(const ExpressionPool& pool, int root, bool negated,
                           const SolveLimits& limits) {
  const Expression& e = pool[static_cast<std::size_t>(root)];
  Witness w = Leaf();
  switch (e.op) {
    case Expression::Op::kPresent:
      (negated ? w.not_present : w.present).push_back(e.finding);
      return {w};
    case Expression::Op::kAbsent:
      (negated ? w.not_absent : w.absent).push_back(e.finding);
      return {w};
    case Expression::Op::kAgeAtLeast:  // not (age >= n) is age <= n - 1
      (negated ? w.max_age : w.min_age) = negated ? e.number - 1 : e.number;
      break;
    case Expression::Op::kAgeBelow:  // age < n is age <= n - 1; not (age < n) is age >= n
      (negated ? w.min_age : w.max_age) = negated ? e.number : e.number - 1;
      break;
    case Expression::Op::kSex:
      w.sex = negated ? (e.sex == Sex::kFemale ? Sex::kMale : Sex::kFemale) : e.sex;
      return {w};
    case Expression::Op::kNot:
      return Solve(pool, e.children.front(), !negated, limits);
    case Expression::Op::kRef:
      return Solve(pool, e.children.front(), negated, limits);
    case Expression::Op::kAll:
    case Expression::Op::kAny: {
      // all, or a negated any (none of them), needs every part; any, or a negated all, one.
      const bool every = (e.op == Expression::Op::kAll) != negated;
      if (every) {
        std::vector<Witness> combos = {Leaf()};
        for (int child : e.children) {
          const std::vector<Witness> ways = Solve(pool, child, negated, limits);
          std::vector<Witness> next;
          for (const Witness& a : combos) {
            for (const Witness& b : ways) {
              if (next.size() >= limits.max_combinations) break;
              if (std::optional<Witness> m = Merge(a, b)) next.push_back(std::move(*m));
            }
          }
          combos = Minimal(std::move(next));
          if (combos.empty()) return {};
        }
        return combos;
      }
      std::vector<Witness> ways;
      for (int child : e.children) {
        std::vector<Witness> more = Solve(pool, child, negated, limits);
        ways.insert(ways.end(), std::make_move_iterator(more.begin()),
                    std::make_move_iterator(more.end()));
      }
      ways = Minimal(std::move(ways));
      if (ways.size() > limits.max_alternatives) ways.resize(limits.max_alternatives);
      return ways;
    }
  }
  if (w.min_age > w.max_age) return {};  // an age test no age passes
  return {w};
}

std::string Describe(const KnowledgeBase& kb, const Witness& w) {
  std::string out;
  const auto list = [&](const char* name, const Ids& ids) {
    if (ids.empty()) return;
    out += out.empty() ? "" : "; ";
    out += name;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out += (i == 0 ? " " : ", ") + kb.findings[static_cast<std::size_t>(ids[i])].id;
    }
  };
  list("present", w.present);
  list("absent", w.absent);
  list("not present", w.not_present);
  list("not absent", w.not_absent);
  if (w.min_age != kb.MinAge() || w.max_age != kb.MaxAge()) {
    out += (out.empty() ? "" : "; ") + std::string("age ") + std::to_string(w.min_age) + " to " +
           std::to_string(w.max_age);
  }
  if (w.sex) out += (out.empty() ? "" : "; ") + std::string(SexId(*w.sex));
  return out;
}

// The person of one way of firing `rule`, or why there is none.
std::optional<Case> Person(const KnowledgeBase& kb, const Witness& w, std::string& why) {
  const std::size_t n = kb.findings.size();
  Case c;
  c.answers.assign(n, Answer::kUnknown);
  c.dont_know.assign(n, false);
  std::vector<bool> not_present(n, false);
  for (int f : w.not_present) not_present[static_cast<std::size_t>(f)] = true;
  const auto can_be_present = [&](int f) {
    const auto fi = static_cast<std::size_t>(f);
    return c.answers[fi] != Answer::kAbsent && !not_present[fi];
  };
  for (int f : w.present) c.answers[static_cast<std::size_t>(f)] = Answer::kPresent;
  for (int f : w.absent) c.answers[static_cast<std::size_t>(f)] = Answer::kAbsent;

  // A follow-up question is asked only after a yes to its parent.
  for (int f : w.present) {
    for (int p = kb.findings[static_cast<std::size_t>(f)].follow_up_of; p >= 0;
         p = kb.findings[static_cast<std::size_t>(p)].follow_up_of) {
      if (c.answers[static_cast<std::size_t>(p)] == Answer::kPresent) continue;
      if (!can_be_present(p)) {
        why = "needs " + kb.findings[static_cast<std::size_t>(p)].id + " (the parent question of " +
              kb.findings[static_cast<std::size_t>(f)].id + ") not present";
        return std::nullopt;
      }
      c.answers[static_cast<std::size_t>(p)] = Answer::kPresent;
    }
  }

  // The start screen: a marked region and the side it implies.
  const InterviewSettings& s = kb.interview;
  const auto present = [&](int f) {
    return f >= 0 && c.answers[static_cast<std::size_t>(f)] == Answer::kPresent;
  };
  if (std::none_of(s.diagram_findings.begin(), s.diagram_findings.end(), present)) {
    std::vector<int> regions = {kb.FindingIndex("pain.buttock")};
    regions.insert(regions.end(), s.diagram_findings.begin(), s.diagram_findings.end());
    const auto region = std::find_if(regions.begin(), regions.end(), [&](int f) {
      return f >= 0 && s.IsDiagramRegion(f) && can_be_present(f);
    });
    if (region == regions.end()) {
      why = "rules out every region of the body diagram";
      return std::nullopt;
    }
    c.answers[static_cast<std::size_t>(*region)] = Answer::kPresent;
  }
  if (!present(s.side_one) && !present(s.side_both) && !present(s.side_midline) &&
      s.side_one >= 0 && can_be_present(s.side_one)) {
    c.answers[static_cast<std::size_t>(s.side_one)] = Answer::kPresent;
  }

  // SolveExpression kept only ways whose ages lie within the knowledge base's range.
  const int lo = w.min_age;
  const int hi = w.max_age;
  constexpr int kUnconstrainedAge = 45;
  c.age =
      lo <= kUnconstrainedAge && kUnconstrainedAge <= hi ? kUnconstrainedAge : lo + (hi - lo) / 2;

  std::optional<Sex> only;
  for (std::size_t f = 0; f < n; ++f) {
    const std::optional<Sex>& asked_of = kb.findings[f].only_sex;
    if (c.answers[f] != Answer::kPresent || !asked_of) continue;
    if ((only && *only != *asked_of) || (w.sex && *w.sex != *asked_of)) {
      why = "needs " + kb.findings[f].id + ", asked of " + std::string(SexId(*asked_of)) +
            " people only, in a person of the other sex";
      return std::nullopt;
    }
    only = asked_of;
  }
  c.sex = w.sex ? *w.sex : only.value_or(Sex::kMale);
  return c;
}

}  // namespace

bool Witness::operator==(const Witness& other) const {
  return present == other.present && absent == other.absent && not_present == other.not_present &&
         not_absent == other.not_absent && min_age == other.min_age && max_age == other.max_age &&
         sex == other.sex;
}

std::vector<Witness> SolveExpression(const ExpressionPool& pool, int root, int min_age, int max_age,
                                     const SolveLimits& limits) {
  std::vector<Witness> ways = Solve(pool, root, false, limits);
  for (Witness& w : ways) {  // a way whose ages leave the range is no way for a case
    w.min_age = std::max(w.min_age, min_age);
    w.max_age = std::min(w.max_age, max_age);
  }
  ways.erase(std::remove_if(ways.begin(), ways.end(),
                            [](const Witness& w) { return w.min_age > w.max_age; }),
             ways.end());
  return ways;
}

RulePresentations MinimalRulePresentations(const KnowledgeBase& kb, std::optional<Triage> level,
                                           const SolveLimits& limits) {
  RulePresentations out;
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    const RedFlagRule& rule = kb.rules[r];
    if (level && rule.level != *level) continue;
    const std::vector<Witness> ways =
        SolveExpression(kb.expressions, rule.when, kb.MinAge(), kb.MaxAge(), limits);
    if (ways.empty()) out.dropped.push_back(rule.id + ": no way to fire it");
    std::vector<Case> people;
    for (const Witness& w : ways) {
      std::string why;
      std::optional<Case> person = Person(kb, w, why);
      if (person) {
        const Assessment a = Assess(kb, CaseView(*person), AssessOptions{});
        const std::vector<int>& fired = a.triage.fired_rules;
        if (std::find(fired.begin(), fired.end(), static_cast<int>(r)) == fired.end()) {
          why = "assess does not fire the rule (triage " + std::string(TriageId(a.triage.level)) +
                ")";
          person.reset();
        }
      }
      if (!person) {
        out.dropped.push_back(rule.id + " (" + Describe(kb, w) + "): " + why);
        continue;
      }
      const bool seen = std::any_of(people.begin(), people.end(), [&](const Case& p) {
        return p.age == person->age && p.sex == person->sex && p.answers == person->answers;
      });
      if (seen) continue;
      people.push_back(*person);
      out.kept.push_back(RulePresentation{static_cast<int>(r), std::move(*person)});
    }
  }
  return out;
}

}  // namespace symcheck
