#include "core/screen_lookahead.h"

#include <algorithm>
#include <cmath>

#include "core/portable_math.h"

namespace symcheck {
namespace {

double WeightOf(const KnowledgeBase& kb, Triage level) {
  return kb.interview.triage_weights[static_cast<std::size_t>(level)];
}

double Clamped(const KnowledgeBase& kb, double p) {
  return std::clamp(p, kb.clamp_min, kb.clamp_max);
}

// One answered member of a dependence group that a condition lists.
struct GroupMember {
  int finding;
  int listed_at;  // the likelihood's data index in the condition
  double llr_yes;
  double llr_no;
};

// The damped sum of a group's answered members (as ConditionEvidence damps them): strongest first
// and, on a tie, in the condition's data order.
template <typename AnswerOf>
double DampedGroupSum(const std::vector<GroupMember>& members, double damping,
                      const AnswerOf& answer_of) {
  double items[kMaxGroupFindings][3];
  std::size_t n = 0;
  for (const GroupMember& m : members) {
    const Answer a = answer_of(m.finding);
    if (a == Answer::kUnknown || n == kMaxGroupFindings) continue;
    const double llr = a == Answer::kPresent ? m.llr_yes : m.llr_no;
    items[n][0] = std::fabs(llr);
    items[n][1] = m.listed_at;
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
  double weight = 1.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += items[i][2] * weight;
    weight *= damping;
  }
  return sum;
}

// The members of group `g` that condition `c` lists, in the group's order.
std::vector<GroupMember> ListedMembers(const KnowledgeBase& kb, int c, int g) {
  std::vector<GroupMember> members;
  const auto& likelihoods = kb.conditions[static_cast<std::size_t>(c)].likelihoods;
  for (int f : kb.groups[static_cast<std::size_t>(g)].findings) {
    const auto it = std::lower_bound(likelihoods.begin(), likelihoods.end(), f,
                                     [](const Likelihood& l, int x) { return l.finding < x; });
    if (it == likelihoods.end() || it->finding != f) continue;
    members.push_back(
        {f, static_cast<int>(it - likelihoods.begin()), it->llr_present, it->llr_absent});
  }
  return members;
}

// Ranks a before b as RankByScore does: higher score first, ties in data order.
bool RanksBefore(double score_a, int a, double score_b, int b) {
  return score_a > score_b || (score_a == score_b && a < b);
}

}  // namespace

ScreenLookahead::ScreenLookahead(const KnowledgeBase& kb, const Case& c,
                                 const ScoringOptions& scoring)
    : kb_(kb), case_(c), scoring_(scoring) {
  now_ = Measure(c, posterior_, decision_);
  const std::size_t nc = kb.conditions.size();
  // P(present) for the findings rules mention (HoldProbability reads no other): the posterior
  // average of P(finding | condition), the listed likelihood or the default, clamped.
  predictive_.assign(kb.findings.size(), 0.0);
  std::vector<bool> needed(kb.findings.size(), false);
  for (const RedFlagRule& rule : kb.rules) {
    for (int f : rule.mentioned_findings) needed[static_cast<std::size_t>(f)] = true;
  }
  std::vector<double> p(nc);
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    if (!needed[f]) continue;
    std::fill(p.begin(), p.end(), Clamped(kb, kb.findings[f].default_rate));
    for (const auto& [k, li] : kb.finding_conditions[f]) {
      p[static_cast<std::size_t>(k)] = Clamped(kb, kb.conditions[static_cast<std::size_t>(k)]
                                                       .likelihoods[static_cast<std::size_t>(li)]
                                                       .probability);
    }
    double sum = 0.0;
    for (std::size_t k = 0; k < nc; ++k) sum += posterior_.probability[k] * p[k];
    predictive_[f] = sum;
  }
  hold_now_.assign(kb.rules.size(), 0.0);
  fired_now_.assign(kb.rules.size(), false);
  for (int r : decision_.fired_rules) fired_now_[static_cast<std::size_t>(r)] = true;
  const CaseView view(c);
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    hold_now_[r] =
        fired_now_[r] ? 1.0 : HoldProbability(kb.expressions, kb.rules[r].when, view, predictive_);
  }
  // The exponentials of MeasureScores with today's top score, for conditions a screen leaves alone.
  const double exponent = kb.interview.information_exponent;
  top_now_ = posterior_.log_score[static_cast<std::size_t>(posterior_.ranking.front())];
  exp_now_.resize(nc);
  t_now_.resize(nc);
  w_now_.resize(nc);
  wt_now_.resize(nc);
  for (std::size_t k = 0; k < nc; ++k) {
    exp_now_[k] = PortableExp(posterior_.log_score[k] - top_now_);
    t_now_[k] = exponent * (posterior_.log_score[k] - top_now_);
    w_now_[k] = PortableExp(t_now_[k]);
    wt_now_[k] = w_now_[k] * t_now_[k];
  }
  log_top3_margin_ = PortableLog(kb.interview.top3_margin);
  scratch_.trial = c;
  scratch_.touched_at.assign(nc, -1);
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

ScreenOutlook ScreenLookahead::Evaluate(const std::vector<int>& items) const {
  ScreenOutlook out;
  const std::size_t k = std::min(items.size(), kMaxScreenItems);
  if (k == 0) return out;
  const std::size_t patterns = std::size_t{1} << k;
  const std::size_t nc = kb_.conditions.size();
  const bool damp = scoring_.damp_dependent_findings;
  Scratch& s = scratch_;
  const auto bit_of = [&](int f) {
    for (std::size_t i = 0; i < k; ++i) {
      if (items[i] == f) return static_cast<int>(i);
    }
    return -1;
  };

  // Rules a screen can move: those that mention one of its items and would raise triage, with the
  // items each mentions (its value depends on their answers alone).
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
  // Every rule mentioning an item may fire or stop firing; every other rule keeps today's state.
  std::vector<int> moved_rules;
  for (std::size_t i = 0; i < k; ++i) {
    for (int r : kb_.finding_rules[static_cast<std::size_t>(items[i])]) {
      if (std::find(moved_rules.begin(), moved_rules.end(), r) == moved_rules.end())
        moved_rules.push_back(r);
    }
  }
  Triage kept_rule_level = Triage::kSelfCare;
  for (int r : decision_.fired_rules) {
    if (std::find(moved_rules.begin(), moved_rules.end(), r) == moved_rules.end())
      kept_rule_level = std::max(kept_rule_level, kb_.rules[static_cast<std::size_t>(r)].level);
  }
  const auto mask_of_rule = [&](int r) {
    unsigned mask = 0;
    for (int f : kb_.rules[static_cast<std::size_t>(r)].mentioned_findings) {
      const int b = bit_of(f);
      if (b >= 0) mask |= 1u << b;
    }
    return mask;
  };
  std::vector<unsigned> rule_mask(rules.size());
  for (std::size_t j = 0; j < rules.size(); ++j) rule_mask[j] = mask_of_rule(rules[j]);
  std::vector<double> hold_memo(rules.size() * patterns);
  std::vector<unsigned> moved_mask(moved_rules.size());
  for (std::size_t j = 0; j < moved_rules.size(); ++j) moved_mask[j] = mask_of_rule(moved_rules[j]);
  std::vector<char> fires_memo(moved_rules.size() * patterns);

  // The conditions that list an item: only their scores move.
  s.touched.clear();
  for (std::size_t i = 0; i < k; ++i) {
    for (const auto& entry : kb_.finding_conditions[static_cast<std::size_t>(items[i])]) {
      if (s.touched_at[static_cast<std::size_t>(entry.first)] == -1) {
        s.touched_at[static_cast<std::size_t>(entry.first)] = 0;
        s.touched.push_back(entry.first);
      }
    }
  }
  std::sort(s.touched.begin(), s.touched.end());
  const std::size_t nt = s.touched.size();
  for (std::size_t t = 0; t < nt; ++t)
    s.touched_at[static_cast<std::size_t>(s.touched[t])] = static_cast<int>(t);
  std::array<double, kMaxScreenItems> default_present{};
  for (std::size_t i = 0; i < k; ++i)
    default_present[i] =
        Clamped(kb_, kb_.findings[static_cast<std::size_t>(items[i])].default_rate);
  s.listed.assign(nt, 0u);
  s.present.resize(nt * k);
  s.llr_yes.assign(nt * k, 0.0);
  s.llr_no.assign(nt * k, 0.0);
  for (std::size_t t = 0; t < nt; ++t) {
    for (std::size_t i = 0; i < k; ++i) s.present[t * k + i] = default_present[i];
  }
  for (std::size_t i = 0; i < k; ++i) {
    for (const auto& [c, li] : kb_.finding_conditions[static_cast<std::size_t>(items[i])]) {
      const auto t = static_cast<std::size_t>(s.touched_at[static_cast<std::size_t>(c)]);
      const Likelihood& l =
          kb_.conditions[static_cast<std::size_t>(c)].likelihoods[static_cast<std::size_t>(li)];
      s.listed[t] |= 1u << i;
      s.present[t * k + i] = Clamped(kb_, l.probability);
      s.llr_yes[t * k + i] = l.llr_present;
      s.llr_no[t * k + i] = l.llr_absent;
    }
  }

  // The predictive probability of every joint answer (bit i set: item i yes): a posterior mass
  // times its items' chances, multiplied in item order; the products of the first i items are
  // shared by every pattern with the same low i bits. The conditions the screen leaves alone all
  // give each item its default chance, so their mass is summed first and expanded once (a knowledge
  // base of many conditions and screens spends its time here otherwise), then each touched
  // condition's own, in condition order. Their other terms are summed here too, for Normalize.
  s.p_pattern.assign(patterns, 0.0);
  std::array<double, std::size_t{1} << kMaxScreenItems> product{};
  Untouched rest;
  for (std::size_t c = 0; c < nc; ++c) {
    if (s.touched_at[c] >= 0) continue;
    rest.probability += posterior_.probability[c];
    rest.e += exp_now_[c];
    rest.w += w_now_[c];
    rest.wt += wt_now_[c];
    rest.e_by_level[static_cast<std::size_t>(kb_.conditions[c].triage)] += exp_now_[c];
  }
  const auto expand = [&](double mass, const double* present) {
    product[0] = mass;
    std::size_t size = 1;
    for (std::size_t i = 0; i < k; ++i) {
      const double yes = present[i];
      const double no = 1.0 - present[i];
      for (std::size_t m = 0; m < size; ++m) {
        const double v = product[m];
        product[m] = v * no;
        product[m + size] = v * yes;
      }
      size <<= 1;
    }
    for (std::size_t m = 0; m < patterns; ++m) s.p_pattern[m] += product[m];
  };
  expand(rest.probability, default_present.data());
  for (std::size_t t = 0; t < nt; ++t) {
    expand(posterior_.probability[static_cast<std::size_t>(s.touched[t])], &s.present[t * k]);
  }

  // The touched conditions' log scores for every pattern: ScoreConditions' sum, the items added to
  // today's score in item order, then each touched dependence group re-damped (its damped sum
  // depends on the answers to its own items alone).
  std::vector<int> groups;
  std::vector<unsigned> group_mask;
  std::array<bool, kMaxScreenItems> grouped{};
  for (std::size_t i = 0; i < k; ++i) {
    const int g = kb_.findings[static_cast<std::size_t>(items[i])].group;
    grouped[i] = damp && g >= 0;
    if (g < 0) continue;
    const auto at = std::find(groups.begin(), groups.end(), g);
    if (at == groups.end()) {
      groups.push_back(g);
      group_mask.push_back(1u << i);
    } else {
      group_mask[static_cast<std::size_t>(at - groups.begin())] |= 1u << i;
    }
  }
  s.score.resize(nt * patterns);
  std::vector<double> group_change(damp ? patterns : 0);
  for (std::size_t t = 0; t < nt; ++t) {
    const auto c = static_cast<std::size_t>(s.touched[t]);
    double* score = &s.score[t * patterns];
    for (std::size_t m = 0; m < patterns; ++m) {
      double sc = posterior_.log_score[c];
      for (std::size_t i = 0; i < k; ++i) {
        if (grouped[i]) continue;
        sc += (m >> i & 1u) ? s.llr_yes[t * k + i] : s.llr_no[t * k + i];
      }
      score[m] = sc;
    }
    if (!damp) continue;
    for (std::size_t j = 0; j < groups.size(); ++j) {
      const std::vector<GroupMember> members = ListedMembers(kb_, static_cast<int>(c), groups[j]);
      const double damping = kb_.groups[static_cast<std::size_t>(groups[j])].damping;
      const double before = DampedGroupSum(
          members, damping, [&](int f) { return case_.answers[static_cast<std::size_t>(f)]; });
      for (std::size_t m = 0; m < patterns; ++m) {
        if ((m & ~static_cast<std::size_t>(group_mask[j])) == 0) {
          group_change[m] =
              DampedGroupSum(members, damping,
                             [&](int f) {
                               const int b = bit_of(f);
                               if (b < 0) return case_.answers[static_cast<std::size_t>(f)];
                               return (m >> b & 1u) ? Answer::kPresent : Answer::kAbsent;
                             }) -
              before;
        }
        score[m] += group_change[m & group_mask[j]];
      }
    }
  }

  // The top score of each pattern: the best untouched condition's (unchanged) or a touched one's.
  double untouched_top = -HUGE_VAL;
  bool any_untouched = false;
  std::array<int, 3> untouched_top3{-1, -1, -1};
  std::size_t n_untouched_top3 = 0;
  for (int c : posterior_.ranking) {
    if (s.touched_at[static_cast<std::size_t>(c)] >= 0) continue;
    if (!any_untouched) untouched_top = posterior_.log_score[static_cast<std::size_t>(c)];
    any_untouched = true;
    if (n_untouched_top3 == 3) break;
    untouched_top3[n_untouched_top3++] = c;
  }
  s.top.resize(patterns);
  for (std::size_t m = 0; m < patterns; ++m) {
    double top = untouched_top;
    bool have = any_untouched;
    for (std::size_t t = 0; t < nt; ++t) {
      const double sc = s.score[t * patterns + m];
      if (!have || sc > top) top = sc;
      have = true;
    }
    s.top[m] = top;
  }
  // Exponential terms of touched conditions with today's top score, kept per score: a slot per
  // pattern of the condition's own items, reused while the score is the same (scaled to each
  // pattern's top below, as the untouched conditions' sums are).
  constexpr std::size_t kMemo = 5;  // score, exp(score - top), t, exp(t), exp(t) * t
  s.memo.assign(nt * patterns * kMemo, std::nan(""));
  const double exponent = kb_.interview.information_exponent;
  const std::size_t n3 = std::min<std::size_t>(3, nc);
  const auto score_of = [&](int c, std::size_t m) {
    const int t = s.touched_at[static_cast<std::size_t>(c)];
    return t < 0 ? posterior_.log_score[static_cast<std::size_t>(c)]
                 : s.score[static_cast<std::size_t>(t) * patterns + m];
  };
  std::vector<double> mass(kTriageLevels);
  double value = 0.0;
  for (std::size_t m = 0; m < patterns; ++m) {
    for (std::size_t i = 0; i < k; ++i) {
      s.trial.answers[static_cast<std::size_t>(items[i])] =
          (m >> i & 1u) ? Answer::kPresent : Answer::kAbsent;
    }
    const CaseView view(s.trial);
    const double top = s.top[m];
    const bool same_top = top == top_now_;
    // The top three (RankByScore's first three): from the best untouched and every touched one.
    std::array<int, 3> top3{-1, -1, -1};
    std::array<double, 3> top3_score{};
    std::size_t n_top = 0;
    const auto offer = [&](int c, double sc) {
      std::size_t at = n_top;
      while (at > 0 && RanksBefore(sc, c, top3_score[at - 1], top3[at - 1])) --at;
      if (at >= n3) return;
      const std::size_t last = std::min(n_top, n3 - 1);
      for (std::size_t j = last; j > at; --j) {
        top3[j] = top3[j - 1];
        top3_score[j] = top3_score[j - 1];
      }
      top3[at] = c;
      top3_score[at] = sc;
      n_top = std::min(n_top + 1, n3);
    };
    for (std::size_t j = 0; j < n_untouched_top3; ++j)
      offer(untouched_top3[j], posterior_.log_score[static_cast<std::size_t>(untouched_top3[j])]);
    for (std::size_t t = 0; t < nt; ++t) offer(s.touched[t], s.score[t * patterns + m]);

    // Normalize: the untouched conditions' sums, scaled to this pattern's top score (exp(score -
    // top) = exp(score - today's top) * exp(today's top - top)), then each touched condition's
    // terms in condition order; probabilities are these over their total.
    const double shift = same_top ? 0.0 : top_now_ - top;
    const double scale = same_top ? 1.0 : PortableExp(shift);
    const double tempered_scale = same_top ? 1.0 : PortableExp(exponent * shift);
    double total = rest.e * scale;
    std::array<double, kTriageLevels> urgency{};
    for (std::size_t level = 0; level < kTriageLevels; ++level)
      urgency[level] = rest.e_by_level[level] * scale;
    double tempered_total = rest.w * tempered_scale;
    double weighted_log = tempered_scale * (rest.wt + exponent * shift * rest.w);
    for (std::size_t t = 0; t < nt; ++t) {
      const double sc = s.score[t * patterns + m];
      double* slot = &s.memo[(t * patterns + (m & s.listed[t])) * kMemo];
      if (!(slot[0] == sc)) {
        slot[0] = sc;
        slot[1] = PortableExp(sc - top_now_);
        slot[2] = exponent * (sc - top_now_);
        slot[3] = PortableExp(slot[2]);
        slot[4] = slot[3] * slot[2];
      }
      const double e = slot[1] * scale;
      total += e;
      urgency[static_cast<std::size_t>(
          kb_.conditions[static_cast<std::size_t>(s.touched[t])].triage)] += e;
      tempered_total += slot[3] * tempered_scale;
      weighted_log += tempered_scale * (slot[4] + exponent * shift * slot[3]);
    }
    // The urgency masses of DecideTriage (ProbabilityAtLeast's sums) and of the entropy.
    for (double& level_mass : urgency) level_mass /= total;
    mass[3] = urgency[3];
    mass[2] = urgency[2] + mass[3];
    mass[1] = urgency[1] + mass[2];
    mass[0] = urgency[0] + mass[1];
    State st;
    // DecideTriage's level: the leading condition's, the thresholds, then the rules.
    st.level = ProbabilisticLevel(kb_, view, top3[0], mass);
    st.level = std::max(st.level, kept_rule_level);
    for (std::size_t j = 0; j < moved_rules.size(); ++j) {
      char& fires = fires_memo[j * patterns + (m & moved_mask[j])];
      if ((m & ~static_cast<std::size_t>(moved_mask[j])) == 0) {
        fires = static_cast<char>(symcheck::Evaluate(
            kb_.expressions, kb_.rules[static_cast<std::size_t>(moved_rules[j])].when, view));
      }
      if (fires != 0) {
        st.level = std::max(st.level, kb_.rules[static_cast<std::size_t>(moved_rules[j])].level);
      }
    }
    st.entropy = PortableLog(tempered_total) - weighted_log / tempered_total;
    for (double u : urgency) {
      if (u > 1e-300) st.urgency_entropy -= u * PortableLog(u);
    }
    const double p_pattern = s.p_pattern[m];
    double triage_value = std::abs(WeightOf(kb_, st.level) - now_weight);
    // How far the answers move the chance that a rule raising triage fires later (rules often need
    // findings from several screens; this sees the first of them as worth asking).
    for (std::size_t j = 0; j < rules.size(); ++j) {
      const int r = rules[j];
      const RedFlagRule& rule = kb_.rules[static_cast<std::size_t>(r)];
      double& hold = hold_memo[j * patterns + (m & rule_mask[j])];
      if ((m & ~static_cast<std::size_t>(rule_mask[j])) == 0)
        hold = HoldProbability(kb_.expressions, rule.when, view, predictive_);
      triage_value += (WeightOf(kb_, rule.level) - now_weight) *
                      std::abs(hold - hold_now_[static_cast<std::size_t>(r)]);
    }
    const double information =
        (now_.entropy - st.entropy) +
        kb_.interview.urgency_information_weight * (now_.urgency_entropy - st.urgency_entropy);
    value += p_pattern * (triage_value + information);
    const bool triage_changed = st.level != now_.level;
    // The top three changed by more than a near tie: the weakest newcomer beats the strongest
    // condition it pushed out by the knowledge base's top-3 margin (near ties swap on every
    // answer).
    bool top3_changed = false;
    {
      const auto in = [&](const std::array<int, 3>& set, int c) {
        return std::find(set.begin(), set.begin() + static_cast<std::ptrdiff_t>(n3), c) !=
               set.begin() + static_cast<std::ptrdiff_t>(n3);
      };
      double weakest_in = 0.0;
      bool any_in = false;
      for (std::size_t i = 0; i < n3; ++i) {
        if (in(now_.top3, top3[i])) continue;
        const double sc = top3_score[i];
        weakest_in = any_in ? std::min(weakest_in, sc) : sc;
        any_in = true;
      }
      if (any_in) {
        double strongest_out = -1e300;
        for (std::size_t i = 0; i < n3; ++i) {
          const int c = now_.top3[i];
          if (!in(top3, c)) strongest_out = std::max(strongest_out, score_of(c, m));
        }
        top3_changed = weakest_in - strongest_out >= log_top3_margin_;
      }
    }
    out.triage_change_probability += p_pattern * triage_changed;
    out.change_probability += p_pattern * (triage_changed || top3_changed);
    if (now_.level != Triage::kEmergency && st.level == Triage::kEmergency) {
      out.emergency_probability += p_pattern;
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    const auto f = static_cast<std::size_t>(items[i]);
    s.trial.answers[f] = case_.answers[f];
  }
  for (int c : s.touched) s.touched_at[static_cast<std::size_t>(c)] = -1;
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
