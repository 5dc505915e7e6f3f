#include "core/interview.h"

#include <algorithm>
#include <array>

#include "core/portable_math.h"

namespace symcheck {
namespace {

// The current belief, kept in a form that lets one answer be looked ahead cheaply: only the
// conditions that list a finding change score when it is answered, so every sum below is updated
// by those terms alone (the engine must keep up with knowledge bases far larger than this one).
struct Belief {
  std::vector<double> log_prior;
  std::vector<double> score;   // log posterior, unnormalised
  std::vector<double> weight;  // exp(score - top)
  std::vector<double> probability;
  std::vector<int> ranking;
  double top = 0.0;
  double total = 0.0;  // sum of weight
  // The tempered view that information is measured on (InterviewSettings::information_exponent):
  // weight^exponent, its sum and the sum of tempered * exponent * (score - top).
  std::vector<double> tempered;
  double tempered_total = 0.0;
  double tempered_weighted_log = 0.0;
  std::array<double, kTriageLevels> urgency{};  // sum of weight by default level and above
  std::vector<bool> rule_fired;
  Triage level = Triage::kSelfCare;
};

struct Outcome {
  Triage level = Triage::kSelfCare;          // with red-flag rules
  Triage probabilistic = Triage::kSelfCare;  // leading default, gate and thresholds only
  double entropy = 0.0;                      // over conditions, tempered view
  double urgency_entropy = 0.0;              // over the default triage levels of the conditions
  std::array<int, 3> top3{-1, -1, -1};
  /// The top three differs from today's by more than a near tie: the weakest newcomer beats the
  /// strongest condition it pushed out by the knowledge base's top-3 margin.
  bool top3_changed = false;
};

double Entropy(double total, double weighted_log) {
  return PortableLog(total) - weighted_log / total;
}

// Entropy of the posterior grouped by each condition's default triage level, from the cumulative
// masses (urgency[l] = weight of conditions at level l or above).
double UrgencyEntropy(const std::array<double, kTriageLevels>& urgency, double total) {
  double h = 0.0;
  for (std::size_t l = 0; l < urgency.size(); ++l) {
    const double mass = (urgency[l] - (l + 1 < urgency.size() ? urgency[l + 1] : 0.0)) / total;
    if (mass > 1e-300) h -= mass * PortableLog(mass);
  }
  return h;
}

Belief MakeBelief(const KnowledgeBase& kb, const Case& c, const ScoringOptions& scoring) {
  Belief b;
  const double exponent = kb.interview.information_exponent;
  const CaseView view(c);
  const std::size_t n = kb.conditions.size();
  b.log_prior.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    b.log_prior[i] = LogPrior(kb, static_cast<int>(i), c.age, c.sex);
  ScoreConditions(kb, view, scoring, b.score);
  b.top = *std::max_element(b.score.begin(), b.score.end());
  b.weight.resize(n);
  b.tempered.resize(n);
  b.probability.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    b.weight[i] = PortableExp(b.score[i] - b.top);
    b.total += b.weight[i];
    b.tempered[i] = PortableExp(exponent * (b.score[i] - b.top));
    b.tempered_total += b.tempered[i];
    b.tempered_weighted_log += b.tempered[i] * exponent * (b.score[i] - b.top);
    for (int level = 0; level <= static_cast<int>(kb.conditions[i].triage); ++level) {
      b.urgency[static_cast<std::size_t>(level)] += b.weight[i];
    }
  }
  for (std::size_t i = 0; i < n; ++i) b.probability[i] = b.weight[i] / b.total;
  b.ranking = RankByScore(b.score);
  const TriageDecision d = DecideTriage(kb, view, b.ranking.front(), b.probability);
  b.level = d.level;
  b.rule_fired.assign(kb.rules.size(), false);
  for (int r : d.fired_rules) b.rule_fired[static_cast<std::size_t>(r)] = true;
  return b;
}

class Lookahead {
 public:
  Lookahead(const KnowledgeBase& kb, const Case& c, const Belief& belief,
            const ScoringOptions& scoring)
      : kb_(kb),
        case_(c),
        belief_(belief),
        scoring_(scoring),
        stamp_(kb.conditions.size(), -1),
        log_top3_margin_(PortableLog(kb.interview.top3_margin)),
        exponent_(kb.interview.information_exponent) {}

  // The triage level, entropy and top three if `finding` were answered `answer`.
  Outcome Evaluate(int finding, Answer answer) {
    const CaseView view(case_, finding, answer);
    const auto& listed = kb_.finding_conditions[static_cast<std::size_t>(finding)];
    double total = belief_.total;
    double tempered_total = belief_.tempered_total;
    double tempered_weighted_log = belief_.tempered_weighted_log;
    std::array<double, kTriageLevels> urgency = belief_.urgency;
    changed_.clear();
    ++generation_;
    for (const auto& entry : listed) {
      const int c = entry.first;
      const auto ci = static_cast<std::size_t>(c);
      double s = belief_.log_prior[ci];
      ConditionEvidence(kb_, view, c, scoring_, evidence_);
      for (const Contribution& item : evidence_) s += item.llr;
      const double w = PortableExp(s - belief_.top);
      total += w - belief_.weight[ci];
      const double t = exponent_ == 1.0 ? w : PortableExp(exponent_ * (s - belief_.top));
      tempered_total += t - belief_.tempered[ci];
      tempered_weighted_log +=
          exponent_ *
          (t * (s - belief_.top) - belief_.tempered[ci] * (belief_.score[ci] - belief_.top));
      for (int level = 0; level <= static_cast<int>(kb_.conditions[ci].triage); ++level) {
        urgency[static_cast<std::size_t>(level)] += w - belief_.weight[ci];
      }
      changed_.push_back({s, c});
      stamp_[ci] = generation_;
    }
    Outcome out;
    out.entropy = Entropy(tempered_total, tempered_weighted_log);
    out.urgency_entropy = UrgencyEntropy(urgency, total);
    // Top three: the changed conditions, merged with the best unchanged ones in current order.
    std::vector<std::pair<double, int>> best = changed_;
    int taken = 0;
    for (int c : belief_.ranking) {
      if (taken == 3) break;
      if (stamp_[static_cast<std::size_t>(c)] == generation_) continue;
      best.push_back({belief_.score[static_cast<std::size_t>(c)], c});
      ++taken;
    }
    std::stable_sort(best.begin(), best.end(), [](const auto& a, const auto& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    for (std::size_t i = 0; i < 3 && i < best.size(); ++i) out.top3[i] = best[i].second;
    const auto new_score = [&](int k) {
      for (const auto& [score, condition] : changed_) {
        if (condition == k) return score;
      }
      return belief_.score[static_cast<std::size_t>(k)];
    };
    double weakest_in = 0.0;
    double strongest_out = -1e300;
    bool any_in = false;
    // Fewer than three conditions is a valid knowledge base: never form an iterator past the end.
    const auto now_end =
        belief_.ranking.begin() +
        static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, belief_.ranking.size()));
    for (auto it = belief_.ranking.begin(); it != now_end; ++it) {
      const int was = *it;
      const int now = out.top3[static_cast<std::size_t>(it - belief_.ranking.begin())];
      if (std::find(belief_.ranking.begin(), now_end, now) == now_end) {
        weakest_in = any_in ? std::min(weakest_in, new_score(now)) : new_score(now);
        any_in = true;
      }
      if (std::find(out.top3.begin(), out.top3.end(), was) == out.top3.end()) {
        strongest_out = std::max(strongest_out, new_score(was));
      }
    }
    out.top3_changed = any_in && weakest_in - strongest_out >= log_top3_margin_;
    std::vector<double> mass(kTriageLevels);
    for (std::size_t level = 0; level < mass.size(); ++level) mass[level] = urgency[level] / total;
    out.probabilistic = ProbabilisticLevel(kb_, view, out.top3[0], mass);
    out.level = out.probabilistic;
    for (std::size_t r = 0; r < kb_.rules.size(); ++r) {
      const RedFlagRule& rule = kb_.rules[r];
      const auto& mentions = kb_.finding_rules[static_cast<std::size_t>(finding)];
      const bool affected =
          std::find(mentions.begin(), mentions.end(), static_cast<int>(r)) != mentions.end();
      const bool fired =
          affected ? symcheck::Evaluate(kb_.expressions, rule.when, view) : belief_.rule_fired[r];
      if (fired) out.level = std::max(out.level, rule.level);
    }
    return out;
  }

 private:
  const KnowledgeBase& kb_;
  const Case& case_;
  const Belief& belief_;
  const ScoringOptions& scoring_;
  std::vector<int> stamp_;
  double log_top3_margin_;
  double exponent_;
  int generation_ = 0;
  std::vector<std::pair<double, int>> changed_;
  std::vector<Contribution> evidence_;
};

double PredictivePresent(const KnowledgeBase& kb, const Belief& belief, int finding) {
  const Finding& f = kb.findings[static_cast<std::size_t>(finding)];
  double p = f.default_rate;
  for (const auto& [c, li] : kb.finding_conditions[static_cast<std::size_t>(finding)]) {
    const Condition& condition = kb.conditions[static_cast<std::size_t>(c)];
    p += belief.probability[static_cast<std::size_t>(c)] *
         (condition.likelihoods[static_cast<std::size_t>(li)].probability - f.default_rate);
  }
  return std::clamp(p, 0.0, 1.0);
}

// Recorded by the body diagram (a marked region), never asked.
bool IsDiagramRegion(const InterviewSettings& settings, int finding) {
  const auto& diagram = settings.diagram_findings;
  return std::find(diagram.begin(), diagram.end(), finding) != diagram.end();
}

bool AnyPain(const KnowledgeBase& kb, const Case& c) {
  return kb.any_pain >= 0 && symcheck::Evaluate(kb.expressions, kb.any_pain, CaseView(c));
}

struct Candidate {
  int finding = -1;
  double value = 0.0;
  double change_probability = 0.0;         // triage level or top three changes
  double triage_change_probability = 0.0;  // triage level changes
  double emergency_probability = 0.0;      // the answer makes it an emergency
  /// Expected rise in the chance that an engaged emergency rule fires (see below).
  double completion = 0.0;
  double yes_entropy = 0.0;  // entropy over the conditions after a yes (tempered view)
};

}  // namespace

bool IsAskable(const KnowledgeBase& kb, const Case& c, Audience audience, int finding) {
  const auto fi = static_cast<std::size_t>(finding);
  const Finding& f = kb.findings[fi];
  if (c.answers[fi] != Answer::kUnknown || c.dont_know[fi]) return false;
  if (f.clinician_only && audience != Audience::kClinician) return false;
  if (f.only_sex && *f.only_sex != c.sex) return false;
  if (f.follow_up_of >= 0 &&
      c.answers[static_cast<std::size_t>(f.follow_up_of)] != Answer::kPresent) {
    return false;
  }
  return !IsDiagramRegion(kb.interview, finding);
}

NextStep ChooseNextStep(const KnowledgeBase& kb, const Case& c, const std::vector<int>& asked,
                        const InterviewOptions& options) {
  NextStep step;
  const InterviewSettings& settings = kb.interview;
  const int limit = std::min(options.max_questions, settings.max_questions);
  if (static_cast<int>(asked.size()) >= limit) {
    step.stop_reason = "question_limit";
    return step;
  }
  const Belief belief = MakeBelief(kb, c, options.scoring);
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    if (belief.rule_fired[r] && kb.rules[r].level == Triage::kEmergency) {
      step.stop_reason = "emergency";
      return step;
    }
  }
  std::vector<int> askable;
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    if (IsAskable(kb, c, options.audience, static_cast<int>(f)))
      askable.push_back(static_cast<int>(f));
  }
  if (askable.empty()) {
    step.stop_reason = "no_questions";
    return step;
  }

  const double answerable = 1.0 - settings.dont_know_probability;
  const double now_weight = settings.triage_weights[static_cast<std::size_t>(belief.level)];
  const double now_entropy = Entropy(belief.tempered_total, belief.tempered_weighted_log);
  const double now_urgency_entropy = UrgencyEntropy(belief.urgency, belief.total);

  std::vector<double> predictive(kb.findings.size());
  for (std::size_t f = 0; f < kb.findings.size(); ++f) {
    predictive[f] = PredictivePresent(kb, belief, static_cast<int>(f));
  }
  const auto weight_of = [&](Triage level) {
    return settings.triage_weights[static_cast<std::size_t>(level)];
  };
  const CaseView now_view(c);

  // The chance that each rule not yet fired will fire, given the answers so far (unknown findings
  // at their predictive probability): shared by every candidate below.
  std::vector<double> hold_now(kb.rules.size(), 0.0);
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    if (!belief.rule_fired[r])
      hold_now[r] = HoldProbability(kb.expressions, kb.rules[r].when, now_view, predictive);
  }
  // Emergency rules the answers have engaged: a present finding of the rule's own (not a region or
  // side from the body diagram) and a real chance of firing. Their missing parts come before
  // anything but the earliest screen questions: a fever with drug injection, or a fall with
  // inability to stand, is one answer from an emergency.
  std::vector<bool> engaged(kb.rules.size(), false);
  const auto from_diagram = [&](int f) {
    return IsDiagramRegion(settings, f) || f == settings.side_one || f == settings.side_both ||
           f == settings.side_midline;
  };
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    const RedFlagRule& rule = kb.rules[r];
    if (rule.level != Triage::kEmergency || belief.rule_fired[r]) continue;
    const bool touched =
        std::any_of(rule.mentioned_findings.begin(), rule.mentioned_findings.end(), [&](int f) {
          return c.answers[static_cast<std::size_t>(f)] == Answer::kPresent && !from_diagram(f);
        });
    engaged[r] = touched && hold_now[r] >= settings.completion_min_probability;
  }

  Lookahead lookahead(kb, c, belief, options.scoring);
  std::vector<Candidate> candidates;
  candidates.reserve(askable.size());
  for (int f : askable) {
    const double p_yes = predictive[static_cast<std::size_t>(f)];
    const Outcome yes = lookahead.Evaluate(f, Answer::kPresent);
    const Outcome no = lookahead.Evaluate(f, Answer::kAbsent);
    Candidate cand;
    cand.finding = f;
    // Triage value, part 1: an answer that moves the probabilistic level (leading condition,
    // self-care gate, probability thresholds).
    double triage_value = p_yes * std::abs(weight_of(yes.probabilistic) - now_weight) +
                          (1.0 - p_yes) * std::abs(weight_of(no.probabilistic) - now_weight);
    // Part 2: how far the answer is expected to move the chance that a red-flag rule raising
    // triage fires (mean absolute change). Rules often need two findings; this sees the first of
    // them as worth asking, and a rare flag as worth about its own probability.
    for (int r : kb.finding_rules[static_cast<std::size_t>(f)]) {
      const RedFlagRule& rule = kb.rules[static_cast<std::size_t>(r)];
      const double raise = weight_of(rule.level) - now_weight;
      if (belief.rule_fired[static_cast<std::size_t>(r)] || raise <= 0.0) continue;
      const double p_now = hold_now[static_cast<std::size_t>(r)];
      const double p_if_yes =
          HoldProbability(kb.expressions, rule.when, CaseView(c, f, Answer::kPresent), predictive);
      const double p_if_no =
          HoldProbability(kb.expressions, rule.when, CaseView(c, f, Answer::kAbsent), predictive);
      const double moved =
          p_yes * std::abs(p_if_yes - p_now) + (1.0 - p_yes) * std::abs(p_if_no - p_now);
      triage_value += raise * moved;
      if (engaged[static_cast<std::size_t>(r)]) {
        cand.completion = std::max(cand.completion, answerable * p_yes * (p_if_yes - p_now));
      }
    }
    // Information about which condition, plus (weighted) about how urgent the likely condition is:
    // a rare serious condition holds little of the first but much of the second.
    const double information = now_entropy - (p_yes * yes.entropy + (1.0 - p_yes) * no.entropy) +
                               settings.urgency_information_weight *
                                   (now_urgency_entropy - (p_yes * yes.urgency_entropy +
                                                           (1.0 - p_yes) * no.urgency_entropy));
    cand.value = answerable * (triage_value + information);
    cand.yes_entropy = yes.entropy;

    const bool yes_triage = yes.level != belief.level;
    const bool no_triage = no.level != belief.level;
    cand.triage_change_probability = answerable * (p_yes * yes_triage + (1.0 - p_yes) * no_triage);
    if (belief.level != Triage::kEmergency) {
      cand.emergency_probability = answerable * (p_yes * (yes.level == Triage::kEmergency) +
                                                 (1.0 - p_yes) * (no.level == Triage::kEmergency));
    }
    cand.change_probability = answerable * (p_yes * (yes_triage || yes.top3_changed) +
                                            (1.0 - p_yes) * (no_triage || no.top3_changed));

    candidates.push_back(cand);
  }

  // The red-flag screen: whenever pain is marked, each screen question is asked within its own
  // deadline (Finding::screen_within). Earliest deadline first: when the questions due by some
  // deadline would fill every slot left before it, the best of them is asked now.
  std::vector<const Candidate*> screen;
  for (const Candidate& cand : candidates) {
    if (kb.findings[static_cast<std::size_t>(cand.finding)].screen_within > 0)
      screen.push_back(&cand);
  }
  const bool screen_due = !screen.empty() && AnyPain(kb, c);
  const auto deadline = [&](const Candidate* cand) {
    return kb.findings[static_cast<std::size_t>(cand->finding)].screen_within;
  };
  std::vector<const Candidate*> forced;  // the screen questions that must be asked now
  if (screen_due) {
    std::vector<const Candidate*> by_deadline = screen;
    std::stable_sort(
        by_deadline.begin(), by_deadline.end(),
        [&](const Candidate* a, const Candidate* b) { return deadline(a) < deadline(b); });
    for (std::size_t i = 0; i < by_deadline.size(); ++i) {
      const int slots_left = deadline(by_deadline[i]) - static_cast<int>(asked.size());
      if (static_cast<int>(i + 1) >= slots_left) {
        forced.assign(by_deadline.begin(),
                      by_deadline.begin() + static_cast<std::ptrdiff_t>(i + 1));
        break;
      }
    }
  }

  double max_change = 0.0;
  double max_triage_change = 0.0;
  double max_emergency = 0.0;
  for (const Candidate& cand : candidates) {
    max_change = std::max(max_change, cand.change_probability);
    max_triage_change = std::max(max_triage_change, cand.triage_change_probability);
    max_emergency = std::max(max_emergency, cand.emergency_probability);
  }
  // Never stop early while one answer could still make it an emergency with a chance that matters:
  // the threshold for that is far lower than for any other change.
  const bool emergency_open = max_emergency >= settings.stop_emergency_probability;
  if (!screen_due && !emergency_open && static_cast<int>(asked.size()) >= settings.min_questions) {
    const double leading = belief.probability[static_cast<std::size_t>(belief.ranking.front())];
    if (max_change < settings.stop_change_probability) {
      step.stop_reason = "nothing_to_change";
      return step;
    }
    if (leading >= settings.stop_leading_probability &&
        max_triage_change < settings.stop_change_probability) {
      step.stop_reason = "confident";
      return step;
    }
  }

  const auto better = [](const Candidate* a, const Candidate* b) {
    return b == nullptr || a->value > b->value;  // ties keep data order
  };
  // The part of an engaged emergency rule most likely to complete it.
  const Candidate* completing = nullptr;
  for (const Candidate& cand : candidates) {
    if (cand.completion > 0.0 &&
        (completing == nullptr || cand.completion > completing->completion))
      completing = &cand;
  }
  // A follow-up of the question just answered yes (weakness, then: is it getting worse?).
  const Candidate* follow_up = nullptr;
  if (!asked.empty()) {
    for (const Candidate& cand : candidates) {
      if (kb.findings[static_cast<std::size_t>(cand.finding)].follow_up_of == asked.back() &&
          better(&cand, follow_up)) {
        follow_up = &cand;
      }
    }
  }
  const Candidate* chosen = nullptr;
  bool may_delay_screen = true;
  if (options.strategy == QuestionStrategy::kFixedOrder) {
    chosen = &candidates.front();
  } else if (!forced.empty()) {
    // Among the screen questions due now, the one whose yes says most about the cause comes first:
    // a yes to a screen question usually ends the interview, and the ranked causes then rest on it.
    for (const Candidate* cand : forced) {
      if (chosen == nullptr || cand->yes_entropy < chosen->yes_entropy) chosen = cand;
      may_delay_screen =
          may_delay_screen && deadline(cand) > settings.completion_may_delay_screens_after;
    }
    step.screening = true;
    if (may_delay_screen && completing != nullptr) {
      chosen = completing;
      step.screening = false;
    }
  } else if (completing != nullptr) {
    chosen = completing;
  } else {
    for (const Candidate& cand : candidates) {
      if (better(&cand, chosen)) chosen = &cand;
    }
  }
  // The follow-up stays next to the yes it follows when it is worth at least a share of the
  // question it displaces (related questions read as one conversation), and it may delay the
  // same screen questions a completing question may.
  if (options.strategy == QuestionStrategy::kAdaptive && follow_up != nullptr &&
      (!step.screening || may_delay_screen) &&
      follow_up->value >= settings.follow_up_min_share * chosen->value) {
    chosen = follow_up;
    step.screening = false;
  }
  step.finding = chosen->finding;
  step.value = chosen->value;
  return step;
}

Case InitialEvidence(const KnowledgeBase& kb, const Case& full) {
  Case start;
  start.age = full.age;
  start.sex = full.sex;
  start.answers.assign(kb.findings.size(), Answer::kUnknown);
  start.dont_know.assign(kb.findings.size(), false);
  for (int f : kb.interview.diagram_findings) {
    if (full.answers[static_cast<std::size_t>(f)] == Answer::kPresent) {
      start.answers[static_cast<std::size_t>(f)] = Answer::kPresent;
    }
  }
  const InterviewSettings& s = kb.interview;
  const auto present = [&](int f) {
    return f >= 0 && full.answers[static_cast<std::size_t>(f)] == Answer::kPresent;
  };
  const auto set = [&](int f, Answer a) {
    if (f >= 0) start.answers[static_cast<std::size_t>(f)] = a;
  };
  if (present(s.side_one)) {
    set(s.side_one, Answer::kPresent);
    set(s.side_both, Answer::kAbsent);
  }
  if (present(s.side_both)) {
    set(s.side_both, Answer::kPresent);
    set(s.side_one, Answer::kAbsent);
  }
  if (present(s.side_midline)) set(s.side_midline, Answer::kPresent);
  return start;
}

InterviewRun SimulateInterview(const KnowledgeBase& kb, const Case& full,
                               const InterviewOptions& options) {
  InterviewRun run;
  run.answers = InitialEvidence(kb, full);
  for (;;) {
    const NextStep step = ChooseNextStep(kb, run.answers, run.asked, options);
    if (step.finding < 0) {
      run.stop_reason = step.stop_reason;
      return run;
    }
    const auto f = static_cast<std::size_t>(step.finding);
    run.asked.push_back(step.finding);
    if (full.answers[f] == Answer::kUnknown) {
      run.answers.dont_know[f] = true;
    } else {
      run.answers.answers[f] = full.answers[f];
    }
  }
}

}  // namespace symcheck
