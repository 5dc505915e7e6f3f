// Cases in, assessments out: the one serializer shared by the CLI and the WebAssembly module, so
// their output is identical by construction.
#ifndef SYMCHECK_IO_CASE_JSON_H_
#define SYMCHECK_IO_CASE_JSON_H_

#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/interview.h"
#include "core/rule_solver.h"
#include "core/status.h"

namespace symcheck {

/// A case file (FORMAT.md), or the page's interview state, which adds "dont_know" (findings asked
/// and answered "don't know") and "screens" (the findings of each screen shown so far, in order).
struct ParsedCase {
  Case answers;
  std::vector<std::vector<int>> screens;
};

Result<ParsedCase> ParseCase(const KnowledgeBase& kb, const std::string& text);

/// The assess output of FORMAT.md plus explanations. `run` adds the interview's "asked" and
/// "screens" lists and why it stopped.
std::string AssessmentJson(const KnowledgeBase& kb, const Assessment& assessment,
                           const InterviewRun* run);

/// The page's next step: the screen to show (or null and why it stopped), its number and about how
/// many there will be, with the assessment of the answers so far.
std::string NextScreenJson(const KnowledgeBase& kb, const NextScreen& next, int screens_shown,
                           const Assessment& assessment);

/// `symcheck witnesses`: one line per presentation, {"rule": id, "age": n, "sex": ..., "present":
/// [ids, sorted], "absent": [ids, sorted]}, each ending with a newline.
std::string RulePresentationLines(const KnowledgeBase& kb, const RulePresentations& presentations);

}  // namespace symcheck

#endif  // SYMCHECK_IO_CASE_JSON_H_
