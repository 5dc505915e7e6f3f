// A person's answers: the input of every assessment.
#ifndef SYMCHECK_CORE_EVIDENCE_H_
#define SYMCHECK_CORE_EVIDENCE_H_

#include <vector>

#include "core/types.h"

namespace symcheck {

/// Age, sex and one Answer per finding of the knowledge base (indexed like its findings).
struct Case {
  int age = 0;
  Sex sex = Sex::kFemale;
  std::vector<Answer> answers;
  /// Findings asked and answered "don't know": unknown for scoring, but not to be asked again.
  std::vector<bool> dont_know;
};

/// A case seen with at most one answer replaced: lets the interview test "what if the answer were
/// yes?" without copying the case.
struct CaseView {
  const Case* base = nullptr;
  int override_finding = -1;
  Answer override_answer = Answer::kUnknown;

  explicit CaseView(const Case& c) : base(&c) {}
  CaseView(const Case& c, int finding, Answer answer)
      : base(&c), override_finding(finding), override_answer(answer) {}

  int age() const { return base->age; }
  Sex sex() const { return base->sex; }
  Answer at(int finding) const {
    return finding == override_finding ? override_answer
                                       : base->answers[static_cast<std::size_t>(finding)];
  }
};

}  // namespace symcheck

#endif  // SYMCHECK_CORE_EVIDENCE_H_
