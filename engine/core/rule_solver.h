// The rule solver: the minimal ways to make a condition tree hold, and from them the minimal
// presentations of a knowledge base's red-flag rules (each way of firing each rule, nothing else
// known), which the benchmark plays as interviews.
#ifndef SYMCHECK_CORE_RULE_SOLVER_H_
#define SYMCHECK_CORE_RULE_SOLVER_H_

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/evidence.h"
#include "core/expression.h"
#include "core/knowledge_base.h"

namespace symcheck {

/// One way for an expression to hold. Every finding it does not name may stay unknown. A `not
/// present X` holds while X is unknown or answered no (`not_present`); a `not absent X` while X is
/// unknown or answered yes (`not_absent`); `absent X` needs X answered no. Finding lists are
/// sorted.
struct Witness {
  std::vector<int> present;
  std::vector<int> absent;
  std::vector<int> not_present;
  std::vector<int> not_absent;
  int min_age = std::numeric_limits<int>::min();  // no lower bound
  int max_age = std::numeric_limits<int>::max();  // no upper bound
  std::optional<Sex> sex;

  bool operator==(const Witness& other) const;
};

struct SolveLimits {
  /// Ways kept for each `any` (its alternatives in data order, each with its own ways).
  std::size_t max_alternatives = 6;
  /// Ways kept for each `all` (the cross product of its parts' ways, in order).
  std::size_t max_combinations = 24;
};

/// The minimal ways for `root` to hold in a person aged `min_age` to `max_age`, exactly (negation
/// pushed down to the findings, ages and sex; contradictory combinations dropped; a way that asks
/// for more than another is dropped), up to the limits, in the order of the data.
std::vector<Witness> SolveExpression(const ExpressionPool& pool, int root, int min_age, int max_age,
                                     const SolveLimits& limits = {});

/// A case made from one way of firing a rule: a plausible person with exactly those answers.
struct RulePresentation {
  int rule = -1;
  Case person;
};

struct RulePresentations {
  std::vector<RulePresentation> kept;  // each verified: assessing it fires its rule
  std::vector<std::string> dropped;    // one line each: the rule, the way, why it was dropped
};

/// For every red-flag rule (of `level` only, when given), each minimal way of firing it made a
/// person: age 45 when allowed, else the middle of the allowed range (within the knowledge base's
/// ages); the sex the way needs, else female when a present finding is asked of women only, else
/// male; the parent question of every present follow-up finding present too; a marked region
/// (pain.buttock, else the first region the way allows) when the way marks none, and one side
/// (side.one_side) when it names none. Each person is assessed and kept only when the rule fires;
/// identical people for the same rule are kept once.
RulePresentations MinimalRulePresentations(const KnowledgeBase& kb, std::optional<Triage> level,
                                           const SolveLimits& limits = {});

}  // namespace symcheck

#endif  // SYMCHECK_CORE_RULE_SOLVER_H_
