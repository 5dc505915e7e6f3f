// The adaptive interview: which question to ask next, and when to stop.
#ifndef SYMCHECK_CORE_INTERVIEW_H_
#define SYMCHECK_CORE_INTERVIEW_H_

#include <string>
#include <vector>

#include "core/assessment.h"

namespace symcheck {

enum class QuestionStrategy : std::uint8_t {
  kAdaptive,    // greatest expected value: triage change first, then information gain
  kFixedOrder,  // knowledge-base order: the baseline the benchmark compares against
};

struct InterviewOptions {
  Audience audience = Audience::kPatient;
  int max_questions = 15;
  QuestionStrategy strategy = QuestionStrategy::kAdaptive;
  ScoringOptions scoring;
};

/// The next step of an interview: a finding to ask, or a reason to stop.
struct NextStep {
  int finding = -1;         // -1 when stopping
  std::string stop_reason;  // question_limit, emergency, confident, nothing_to_change, no_questions
  double value = 0.0;       // expected value of the chosen question
  bool screening = false;   // chosen to complete the red-flag screen in time
};

/// True when `finding` may be asked now: unknown, not already answered "don't know", right audience
/// and sex, not recorded by the body diagram, and any parent question answered yes.
bool IsAskable(const KnowledgeBase& kb, const Case& c, Audience audience, int finding);

/// Chooses the next question given the answers so far. `asked` lists the questions already asked,
/// in order (the last one decides which follow-ups stay together).
NextStep ChooseNextStep(const KnowledgeBase& kb, const Case& c, const std::vector<int>& asked,
                        const InterviewOptions& options);

/// What a person enters on the start screen: age, sex, marked regions and the side they imply
/// (FORMAT.md, "initial evidence"), taken from a full case.
Case InitialEvidence(const KnowledgeBase& kb, const Case& full);

struct InterviewRun {
  Case answers;            // what the interview learned
  std::vector<int> asked;  // findings asked, in order
  std::string stop_reason;
};

/// Plays a case as a simulated person: yes if present, no if absent, "don't know" otherwise.
InterviewRun SimulateInterview(const KnowledgeBase& kb, const Case& full,
                               const InterviewOptions& options);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_INTERVIEW_H_
