#include "core/screen_lookahead.h"

#include <algorithm>
#include <cmath>

#include "core/portable_math.h"

namespace symcheck {
namespace {

double WeightOf(const KnowledgeBase& kb, Triage level) {
  return kb.interview.triage_weights[static_cast<std::size_t>(level)];
}

// P(finding present | condition) for every condition: the listed likelihood or the default.
std::vector<double> PresentGivenCondition(const KnowledgeBase& kb, int finding) {
  const auto fi = static_cast<std::size_t>(finding);
  std::vector<double> p(kb.conditions.size(), kb.findings[fi].default_rate);
  for (const auto& [c, li] : kb.finding_conditions[fi]) {
    p[static_cast<std::size_t>(c)] = kb.conditions[static_cast<std::size_t>(c)]
                                         .likelihoods[static_cast<std::size_t>(li)]
                                         .probability;
  }
  for (double& x : p) x = std::clamp(x, kb.clamp_min, kb.clamp_max);
  return p;
}

}  // namespace

ScreenLookahead::ScreenLookahead(const KnowledgeBase& kb, const Case& c,
                                 const ScoringOptions& scoring)
    : kb_(kb), case_(c), scoring_(scoring) {
  now_ = Measure(c, posterior_, decision_);
  const std::size_t nf = kb.findings.size();
  llr_present_.assign(kb.conditions.size() * nf, 0.0);
  llr_absent_.assign(kb.conditions.size() * nf, 0.0);
  listed_at_.assign(kb.conditions.size() * nf, -1);
  for (std::size_t k = 0; k < kb.conditions.size(); ++k) {
    const auto& likelihoods = kb.conditions[k].likelihoods;
    for (std::size_t i = 0; i < likelihoods.size(); ++i) {
      const std::size_t at = k * nf + static_cast<std::size_t>(likelihoods[i].finding);
      llr_present_[at] = likelihoods[i].llr_present;
      llr_absent_[at] = likelihoods[i].llr_absent;
      listed_at_[at] = static_cast<int>(i);
    }
  }
  predictive_.resize(kb.findings.size());
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    const std::vector<double> p = PresentGivenCondition(kb, static_cast<int>(f));
    double sum = 0.0;
    for (std::size_t k = 0; k < p.size(); ++k) sum += posterior_.probability[k] * p[k];
    predictive_[f] = sum;
  }
  hold_now_.assign(kb.rules.size(), 0.0);
  std::vector<bool> fired(kb.rules.size(), false);
  for (int r : decision_.fired_rules) fired[static_cast<std::size_t>(r)] = true;
  const CaseView view(c);
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    hold_now_[r] =
        fired[r] ? 1.0 : HoldProbability(kb.expressions, kb.rules[r].when, view, predictive_);
  }
}

double ScreenLookahead::leading_probability() const {
  return posterior_.probability[static_cast<std::size_t>(posterior_.ranking.front())];
}

ScreenLookahead::State ScreenLookahead::Measure(const Case& c, Posterior& posterior,
                                                TriageDecision& decision) const {
  ScoreConditions(kb_, CaseView(c), scoring_, posterior.log_score);
  return MeasureScores(c, posterior, decision);
}

// Posterior, triage and the information measures from log scores already in `posterior`.
ScreenLookahead::State ScreenLookahead::MeasureScores(const Case& c, Posterior& posterior,
                                                      TriageDecision& decision) const {
  const CaseView view(c);
  Normalize(posterior.log_score, posterior.probability);
  posterior.ranking = RankByScore(posterior.log_score);
  decision = DecideTriage(kb_, view, posterior.ranking.front(), posterior.probability);
  State s;
  s.level = decision.level;
  // Entropy of the tempered posterior (InterviewSettings::information_exponent): information is
  // measured on a flatter view so that causes the sparse answers underrate keep their questions.
  const double exponent = kb_.interview.information_exponent;
  const double top = posterior.log_score[static_cast<std::size_t>(posterior.ranking.front())];
  double total = 0.0;
  double weighted_log = 0.0;
  std::array<double, kTriageLevels> urgency{};
  for (std::size_t i = 0; i < posterior.log_score.size(); ++i) {
    const double t = exponent * (posterior.log_score[i] - top);
    const double w = PortableExp(t);
    total += w;
    weighted_log += w * t;
    urgency[static_cast<std::size_t>(kb_.conditions[i].triage)] += posterior.probability[i];
  }
  s.entropy = PortableLog(total) - weighted_log / total;
  for (double mass : urgency) {
    if (mass > 1e-300) s.urgency_entropy -= mass * PortableLog(mass);
  }
  for (std::size_t i = 0; i < 3 && i < posterior.ranking.size(); ++i)
    s.top3[i] = posterior.ranking[i];
  return s;
}

double ScreenLookahead::GroupScore(int c, int g, const std::vector<Answer>& answers) const {
  const std::size_t nf = kb_.findings.size();
  // (|llr|, data order, llr) of the answered members the condition lists, strongest first and, on
  // a tie, in the condition's data order: the order ConditionEvidence damps them in.
  double items[kMaxGroupFindings][3];
  std::size_t n = 0;
  for (int f : kb_.groups[static_cast<std::size_t>(g)].findings) {
    const Answer a = answers[static_cast<std::size_t>(f)];
    const std::size_t at = static_cast<std::size_t>(c) * nf + static_cast<std::size_t>(f);
    if (a == Answer::kUnknown || listed_at_[at] < 0 || n == kMaxGroupFindings) continue;
    const double llr = a == Answer::kPresent ? llr_present_[at] : llr_absent_[at];
    items[n][0] = std::fabs(llr);
    items[n][1] = listed_at_[at];
    items[n][2] = llr;
    ++n;
  }
  for (std::size_t i = 1; i < n; ++i) {  // insertion sort: a group has a handful of members
    for (std::size_t j = i; j > 0; --j) {
      const bool before = items[j][0] > items[j - 1][0] ||
                          (items[j][0] == items[j - 1][0] && items[j][1] < items[j - 1][1]);
      if (!before) break;
      std::swap(items[j], items[j - 1]);
    }
  }
  const double damping =
      scoring_.damp_dependent_findings ? kb_.groups[static_cast<std::size_t>(g)].damping : 1.0;
  double weight = 1.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += items[i][2] * weight;
    weight *= damping;
  }
  return sum;
}

// The top three changed by more than a near tie: the weakest newcomer beats the strongest
// condition it pushed out by the knowledge base's top-3 margin (near ties swap on every answer).
bool ScreenLookahead::Top3Changed(const Posterior& after) const {
  const std::size_t n = std::min<std::size_t>(3, after.ranking.size());
  const auto in_now = [&](int c) {
    return std::find(now_.top3.begin(), now_.top3.begin() + static_cast<std::ptrdiff_t>(n), c) !=
           now_.top3.begin() + static_cast<std::ptrdiff_t>(n);
  };
  double weakest_in = 0.0;
  bool any_in = false;
  for (std::size_t i = 0; i < n; ++i) {
    const int c = after.ranking[i];
    if (in_now(c)) continue;
    const double s = after.log_score[static_cast<std::size_t>(c)];
    weakest_in = any_in ? std::min(weakest_in, s) : s;
    any_in = true;
  }
  if (!any_in) return false;
  double strongest_out = -1e300;
  for (std::size_t i = 0; i < n; ++i) {
    const int c = now_.top3[i];
    if (std::find(after.ranking.begin(), after.ranking.begin() + static_cast<std::ptrdiff_t>(n),
                  c) == after.ranking.begin() + static_cast<std::ptrdiff_t>(n)) {
      strongest_out = std::max(strongest_out, after.log_score[static_cast<std::size_t>(c)]);
    }
  }
  return weakest_in - strongest_out >= PortableLog(kb_.interview.top3_margin);
}

ScreenOutlook ScreenLookahead::Evaluate(const std::vector<int>& items) const {
  ScreenOutlook out;
  const std::size_t k = std::min(items.size(), kMaxScreenItems);
  if (k == 0) return out;
  std::vector<std::vector<double>> present(k);
  for (std::size_t i = 0; i < k; ++i) present[i] = PresentGivenCondition(kb_, items[i]);
  // Rules a screen can move: those that mention one of its items and would raise triage.
  std::vector<int> rules;
  const double now_weight = WeightOf(kb_, now_.level);
  for (std::size_t i = 0; i < k; ++i) {
    for (int r : kb_.finding_rules[static_cast<std::size_t>(items[i])]) {
      const auto ri = static_cast<std::size_t>(r);
      if (hold_now_[ri] < 1.0 && WeightOf(kb_, kb_.rules[ri].level) > now_weight &&
          std::find(rules.begin(), rules.end(), r) == rules.end()) {
        rules.push_back(r);
      }
    }
  }
  // The dependence groups the items touch: their damped sums are recomputed per answer; every
  // other item adds its ratio.
  std::vector<int> groups;
  for (std::size_t i = 0; i < k; ++i) {
    const int g = kb_.findings[static_cast<std::size_t>(items[i])].group;
    if (g >= 0 && std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  }
  const std::size_t nc = kb_.conditions.size();
  const std::size_t nf = kb_.findings.size();
  std::vector<double> group_now(nc * groups.size());
  for (std::size_t c = 0; c < nc; ++c) {
    for (std::size_t j = 0; j < groups.size(); ++j)
      group_now[c * groups.size() + j] = GroupScore(static_cast<int>(c), groups[j], case_.answers);
  }
  Case trial = case_;
  Posterior after;
  TriageDecision decision;
  double value = 0.0;
  // Every joint yes/no answer, in a fixed order (bit i set: item i yes), summed in that order.
  for (unsigned pattern = 0; pattern < (1u << k); ++pattern) {
    double p_pattern = 0.0;
    for (std::size_t c = 0; c < nc; ++c) {
      double p = posterior_.probability[c];
      for (std::size_t i = 0; i < k; ++i)
        p *= (pattern >> i & 1u) ? present[i][c] : 1.0 - present[i][c];
      p_pattern += p;
    }
    for (std::size_t i = 0; i < k; ++i) {
      trial.answers[static_cast<std::size_t>(items[i])] =
          (pattern >> i & 1u) ? Answer::kPresent : Answer::kAbsent;
    }
    after.log_score = posterior_.log_score;
    for (std::size_t c = 0; c < nc; ++c) {
      double& score = after.log_score[c];
      for (std::size_t i = 0; i < k; ++i) {
        const auto f = static_cast<std::size_t>(items[i]);
        if (scoring_.damp_dependent_findings && kb_.findings[f].group >= 0) continue;
        score += (pattern >> i & 1u) ? llr_present_[c * nf + f] : llr_absent_[c * nf + f];
      }
      if (!scoring_.damp_dependent_findings) continue;
      for (std::size_t j = 0; j < groups.size(); ++j) {
        score += GroupScore(static_cast<int>(c), groups[j], trial.answers) -
                 group_now[c * groups.size() + j];
      }
    }
    const State s = MeasureScores(trial, after, decision);
    double triage_value = std::abs(WeightOf(kb_, s.level) - now_weight);
    // How far the answers move the chance that a rule raising triage fires later (rules often need
    // findings from several screens; this sees the first of them as worth asking).
    const CaseView view(trial);
    for (int r : rules) {
      const RedFlagRule& rule = kb_.rules[static_cast<std::size_t>(r)];
      const double hold = HoldProbability(kb_.expressions, rule.when, view, predictive_);
      triage_value += (WeightOf(kb_, rule.level) - now_weight) *
                      std::abs(hold - hold_now_[static_cast<std::size_t>(r)]);
    }
    const double information =
        (now_.entropy - s.entropy) +
        kb_.interview.urgency_information_weight * (now_.urgency_entropy - s.urgency_entropy);
    value += p_pattern * (triage_value + information);
    const bool triage_changed = s.level != now_.level;
    out.triage_change_probability += p_pattern * triage_changed;
    out.change_probability += p_pattern * (triage_changed || Top3Changed(after));
    if (now_.level != Triage::kEmergency && s.level == Triage::kEmergency) {
      out.emergency_probability += p_pattern;
    }
  }
  // "Don't know" is a modelled answer that changes nothing: the screen's effect is discounted by
  // the chance that its answers are not known.
  const double answerable = 1.0 - kb_.interview.dont_know_probability;
  out.value = answerable * value;
  out.change_probability *= answerable;
  out.triage_change_probability *= answerable;
  out.emergency_probability *= answerable;
  return out;
}

}  // namespace symcheck
