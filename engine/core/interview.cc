#include "core/interview.h"

#include <algorithm>

#include "core/evidence.h"
#include "core/expression.h"
#include "core/screen_lookahead.h"

namespace symcheck {
namespace {

bool ForAudience(const Screen& screen, Audience audience) {
  return !screen.clinician_only || audience == Audience::kClinician;
}

// Step 1: the follow-ups of a yes (weakness, then: is it getting worse?) come on the next screen.
std::vector<int> FollowUps(const KnowledgeBase& kb, const Case& c, Audience audience) {
  std::vector<int> items;
  for (std::size_t f = 0; f < kb.findings.size() && items.size() < kMaxScreenItems; ++f) {
    if (kb.findings[f].follow_up_of >= 0 && IsAskable(kb, c, audience, static_cast<int>(f))) {
      items.push_back(static_cast<int>(f));
    }
  }
  return items;
}

// Step 0: an emergency rule that fired ends the interview at once, unless every emergency rule
// that fired still hangs on a question whose yes would undo it (E7: cancer and leg weakness, "not
// for more than three months"): those questions come first, on the follow-up screen. Otherwise a
// weakness of years in a person with an old skin cancer went to the emergency department on a
// duration never asked. "Don't know" keeps the rule, so no emergency is lost.
std::vector<int> ConfirmationItems(const KnowledgeBase& kb, const Case& c, Audience audience,
                                   const std::vector<int>& fired_rules) {
  std::vector<int> items;
  for (int r : fired_rules) {
    const RedFlagRule& rule = kb.rules[static_cast<std::size_t>(r)];
    if (rule.level != Triage::kEmergency) continue;
    std::vector<int> mentioned;
    CollectMentionedFindings(kb.expressions, rule.when, mentioned);
    std::vector<int> undoing;
    for (int f : mentioned) {
      if (IsAskable(kb, c, audience, f) &&
          !Evaluate(kb.expressions, rule.when, CaseView(c, f, Answer::kPresent))) {
        undoing.push_back(f);
      }
    }
    if (undoing.empty()) return {};  // this emergency stands whatever is asked
    items.insert(items.end(), undoing.begin(), undoing.end());
  }
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  if (items.size() > kMaxScreenItems) items.resize(kMaxScreenItems);
  return items;
}

// Step 2: the opening screens, in data order, until each has been shown: they ask what every
// emergency pathway needs, so no emergency waits for the choice below to reach it. In clinician
// mode the examination safety cards follow them the same way (a clinician who examined for saddle
// anaesthesia or absent pulses is asked what was found, however unlikely it looked beforehand).
int NextOpening(const KnowledgeBase& kb, const Case& c, Audience audience,
                std::vector<int>& items) {
  for (const bool clinician_cards : {false, true}) {
    for (std::size_t s = 0; s < kb.screens.size(); ++s) {
      const Screen& screen = kb.screens[s];
      const bool fixed = clinician_cards
                             ? screen.clinician_only && screen.kind == ScreenKind::kSafety
                             : screen.kind == ScreenKind::kOpening;
      if (!fixed) continue;
      items = AskableItems(kb, c, audience, screen);
      if (!items.empty()) return static_cast<int>(s);
    }
  }
  return -1;
}

struct Candidate {
  int screen = -1;
  std::vector<int> items;
  ScreenOutlook outlook;
  bool required = false;  // a safety card whose ask_when holds
};

// Step 3: every other screen with something left to ask, measured over the joint of its answers.
std::vector<Candidate> MeasureCandidates(const KnowledgeBase& kb, const Case& c,
                                         const InterviewOptions& options,
                                         const ScreenLookahead& lookahead) {
  std::vector<Candidate> candidates;
  for (std::size_t s = 0; s < kb.screens.size(); ++s) {
    Candidate cand;
    cand.screen = static_cast<int>(s);
    cand.items = AskableItems(kb, c, options.audience, kb.screens[s]);
    if (cand.items.empty()) continue;
    cand.outlook = lookahead.Evaluate(cand.items);
    const int ask_when = kb.screens[s].ask_when;
    cand.required = ask_when >= 0 && Evaluate(kb.expressions, ask_when, CaseView(c));
    candidates.push_back(std::move(cand));
  }
  return candidates;
}

// Step 4: stop when no screen is likely to change the advice or the top three, never while one
// could still make it an emergency with a chance that matters, nor while a safety card whose
// ask_when holds has a question left.
std::string StopReason(const KnowledgeBase& kb, const std::vector<Candidate>& candidates,
                       const ScreenLookahead& lookahead, int screens_shown) {
  const InterviewSettings& settings = kb.interview;
  double max_change = 0.0;
  double max_triage_change = 0.0;
  double max_emergency = 0.0;
  for (const Candidate& cand : candidates) {
    max_change = std::max(max_change, cand.outlook.change_probability);
    max_triage_change = std::max(max_triage_change, cand.outlook.triage_change_probability);
    max_emergency = std::max(max_emergency, cand.outlook.emergency_probability);
    if (cand.required) return "";
  }
  if (max_emergency >= settings.stop_emergency_probability ||
      screens_shown < settings.min_screens) {
    return "";
  }
  if (max_change < settings.stop_change_probability) return "nothing_to_change";
  if (lookahead.leading_probability() >= settings.stop_leading_probability &&
      max_triage_change < settings.stop_change_probability) {
    return "confident";
  }
  return "";
}

// Step 5: triage first. Among the screens whose answers could make it an emergency with at least
// `emergency_first` probability, and the safety cards whose ask_when holds, the greatest expected
// value; when there is none, the greatest expected value of all. Ties keep data order. (Without
// this, a rare gateway such as a faint or a tense swollen buttock lost to screens rich in
// diagnostic information until the screen limit, and the emergency it reveals was never reached.
// ask_when covers the gateways whose chance the model puts below any threshold once the openings
// are answered "no", though the person's age and the marked regions already call for them.)
// When no more screens are left than cards whose ask_when holds, only those cards: the screen
// limit never comes first (the vessel card of a 74-year-old with sudden, severe back pain lost to
// diagnostic screens of greater value until the limit).
const Candidate& Best(const KnowledgeBase& kb, const std::vector<Candidate>& candidates,
                      int screens_left) {
  const auto required = std::count_if(candidates.begin(), candidates.end(),
                                      [](const Candidate& cand) { return cand.required; });
  const bool only_required = required > 0 && required >= screens_left;
  const Candidate* best = nullptr;
  for (const Candidate& cand : candidates) {
    const bool eligible =
        cand.required || (!only_required && cand.outlook.emergency_probability >=
                                                kb.interview.emergency_first_probability);
    if (!eligible) continue;
    if (best == nullptr || cand.outlook.value > best->outlook.value) best = &cand;
  }
  if (best != nullptr) return *best;
  best = &candidates.front();
  for (const Candidate& cand : candidates) {
    if (cand.outlook.value > best->outlook.value) best = &cand;
  }
  return *best;
}

// About how many screens the interview takes: those shown, this one, and the others still likely
// to change the advice or the top three (shown to the person as "Screen 3 of about 8").
int Estimate(const KnowledgeBase& kb, const Case& c, const InterviewOptions& options,
             const std::vector<Candidate>& candidates, int screens_shown, int limit) {
  int openings_left = 0;
  for (const Screen& screen : kb.screens) {
    if (screen.kind == ScreenKind::kOpening &&
        !AskableItems(kb, c, options.audience, screen).empty()) {
      ++openings_left;
    }
  }
  int likely = 0;
  for (const Candidate& cand : candidates) {
    likely += cand.outlook.change_probability >= kb.interview.stop_change_probability;
  }
  return std::clamp(screens_shown + std::max(openings_left, 1) + likely, screens_shown + 1, limit);
}

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
  return !kb.interview.IsDiagramRegion(finding);
}

std::vector<int> AskableItems(const KnowledgeBase& kb, const Case& c, Audience audience,
                              const Screen& screen) {
  std::vector<int> items;
  if (!ForAudience(screen, audience)) return items;
  for (int f : screen.items) {
    if (IsAskable(kb, c, audience, f)) items.push_back(f);
  }
  return items;
}

NextScreen ChooseNextScreen(const KnowledgeBase& kb, const Case& c, int screens_shown,
                            const InterviewOptions& options) {
  NextScreen next;
  const int limit = std::min(options.max_screens, kb.interview.max_screens);
  if (screens_shown >= limit) {
    next.stop_reason = "screen_limit";
    return next;
  }
  const ScreenLookahead lookahead(kb, c, options.scoring);
  const std::vector<int>& fired = lookahead.decision().fired_rules;
  if (std::any_of(fired.begin(), fired.end(), [&](int r) {
        return kb.rules[static_cast<std::size_t>(r)].level == Triage::kEmergency;
      })) {
    next.items = ConfirmationItems(kb, c, options.audience, fired);
    if (next.items.empty()) {
      next.stop_reason = "emergency";
      return next;
    }
    next.screen = kFollowUpScreen;
    next.confirmation = true;
    next.estimate = screens_shown + 1;
    return next;
  }
  std::vector<int> fixed = FollowUps(kb, c, options.audience);
  int fixed_screen = fixed.empty() ? -1 : kFollowUpScreen;
  if (fixed.empty()) fixed_screen = NextOpening(kb, c, options.audience, fixed);

  const std::vector<Candidate> candidates = MeasureCandidates(kb, c, options, lookahead);
  if (fixed_screen == -1) {
    if (candidates.empty()) {
      next.stop_reason = "no_questions";
      return next;
    }
    next.stop_reason = StopReason(kb, candidates, lookahead, screens_shown);
    if (!next.stop_reason.empty()) return next;
    const Candidate& best = Best(kb, candidates, limit - screens_shown);
    next.screen = best.screen;
    next.items = best.items;
    next.value = best.outlook.value;
  } else {
    next.screen = fixed_screen;
    next.items = std::move(fixed);
  }
  next.estimate = Estimate(kb, c, options, candidates, screens_shown, limit);
  return next;
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

std::vector<int> InterviewRun::Asked() const {
  std::vector<int> asked;
  for (const auto& screen : screens) asked.insert(asked.end(), screen.begin(), screen.end());
  return asked;
}

// How a person with `full` answers the question on `finding`. A follow-up narrows its parent
// ("can you not pee at all?" after "any new trouble with your bladder?"), so a person who has the
// follow-up's finding says yes to the parent, even where the case lists only the narrower finding
// or its closed rewrite (FORMAT.md) marks the parent absent.
Answer PersonAnswer(const KnowledgeBase& kb, const Case& full, int finding) {
  for (std::size_t g = 0; g < kb.findings.size(); ++g) {
    if (full.answers[g] != Answer::kPresent) continue;
    for (int p = kb.findings[g].follow_up_of; p >= 0;
         p = kb.findings[static_cast<std::size_t>(p)].follow_up_of) {
      if (p == finding) return Answer::kPresent;
    }
  }
  return full.answers[static_cast<std::size_t>(finding)];
}

InterviewRun SimulateInterview(const KnowledgeBase& kb, const Case& full,
                               const InterviewOptions& options) {
  InterviewRun run;
  run.answers = InitialEvidence(kb, full);
  for (;;) {
    const NextScreen next =
        ChooseNextScreen(kb, run.answers, static_cast<int>(run.screens.size()), options);
    if (next.screen == -1) {
      run.stop_reason = next.stop_reason;
      return run;
    }
    for (int f : next.items) {
      const auto fi = static_cast<std::size_t>(f);
      const Answer answer = PersonAnswer(kb, full, f);
      if (answer == Answer::kUnknown) {
        run.answers.dont_know[fi] = true;
      } else {
        run.answers.answers[fi] = answer;
      }
    }
    run.screens.push_back(next.items);
  }
}

}  // namespace symcheck
