// The adaptive interview in screens: which group of questions to show next, and when to stop.
#ifndef SYMCHECK_CORE_INTERVIEW_H_
#define SYMCHECK_CORE_INTERVIEW_H_

#include <string>
#include <vector>

#include "core/assessment.h"

namespace symcheck {

struct InterviewOptions {
  Audience audience = Audience::kPatient;
  /// Cap on the screens shown; the lower of this and the knowledge base's own limit applies.
  int max_screens = 1000;
  ScoringOptions scoring;
};

/// The screen of follow-ups: the questions that follow a yes come on the screen after it.
inline constexpr int kFollowUpScreen = -2;

/// The next step of an interview: a screen to show, or a reason to stop.
struct NextScreen {
  int screen = -1;            // index into KnowledgeBase::screens, kFollowUpScreen, or -1: stop
  std::vector<int> items;     // the findings it asks (askable now), in data order
  std::string stop_reason;    // screen_limit, emergency, confident, nothing_to_change, no_questions
  double value = 0.0;         // expected value of the chosen screen (0 for fixed ones)
  int estimate = 0;           // about how many screens the whole interview takes, this one included
  bool confirmation = false;  // the follow-up screen asks what could undo an emergency rule
};

/// True when `finding` may be asked now: unknown, not already answered "don't know", right audience
/// and sex, not recorded by the body diagram, and any parent question answered yes.
bool IsAskable(const KnowledgeBase& kb, const Case& c, Audience audience, int finding);

/// The askable items of a screen, in data order (none when the screen is not for this audience).
std::vector<int> AskableItems(const KnowledgeBase& kb, const Case& c, Audience audience,
                              const Screen& screen);

/// Chooses the next screen given the answers so far and the number of screens already shown.
NextScreen ChooseNextScreen(const KnowledgeBase& kb, const Case& c, int screens_shown,
                            const InterviewOptions& options);

/// What a person enters on the start screen: age, sex, marked regions and the side they imply
/// (FORMAT.md, "initial evidence"), taken from a full case.
Case InitialEvidence(const KnowledgeBase& kb, const Case& full);

struct InterviewRun {
  Case answers;                           // what the interview learned
  std::vector<std::vector<int>> screens;  // the findings of each screen shown, in order
  std::string stop_reason;
  std::vector<int> Asked() const;  // every finding asked, in order
};

/// How a person with the full case answers one question: yes if the finding is present or one of
/// its follow-ups (at any depth) is, no if it is absent, unknown otherwise.
Answer PersonAnswer(const KnowledgeBase& kb, const Case& full, int finding);

/// Plays a case as a simulated person: each screen answered item by item by PersonAnswer, an
/// unknown answer as "don't know".
InterviewRun SimulateInterview(const KnowledgeBase& kb, const Case& full,
                               const InterviewOptions& options);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_INTERVIEW_H_
