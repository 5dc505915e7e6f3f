// The clinical hazard log (data/safety/hazards.json, in the manner of DCB0129) and the check that
// ties it to the knowledge base: every emergency or urgent red-flag rule is a control of a hazard,
// and each control names a real case on which the rule fires and which reaches the hazard's level
// through assess and through the interview, under both answer conventions of FORMAT.md.
#ifndef SYMCHECK_CORE_HAZARD_LOG_H_
#define SYMCHECK_CORE_HAZARD_LOG_H_

#include <string>
#include <vector>

#include "core/evidence.h"
#include "core/knowledge_base.h"

namespace symcheck {

/// One control of a hazard: a red-flag rule with the case that shows it working, an interview
/// screen, or another setting, each with a note.
struct HazardControl {
  std::string pointer;  // JSON Pointer of the control, for messages
  std::string rule;     // a red-flag rule id, or ""
  std::string case_id;  // with a rule: the case that shows it, or "" (then the rule is a gap)
  std::string screen;   // an interview screen id, or ""
  std::string setting;  // any other setting, in words, or ""
  std::string note;
};

struct Hazard {
  std::string pointer;
  std::string id;
  std::string title;
  Triage level = Triage::kEmergency;  // the level the person must reach
  std::string harm;
  std::vector<std::string> causes;
  std::string severity;
  std::string likelihood;
  std::string risk;
  std::vector<HazardControl> controls;
  std::string residual;
  std::string status;
};

/// A rule that no real case shows working, with the reason.
struct HazardGap {
  std::string pointer;
  std::string rule;
  std::string hazard;
  std::string reason;
};

struct HazardLog {
  std::string file;  // named in every message
  std::vector<Hazard> hazards;
  std::vector<HazardGap> gaps;
};

/// What the closed convention needs to know of a vocabulary finding (tests/cases/vocabulary.json).
struct VocabularyFinding {
  std::string id;
  std::string kind;
  bool clinician = false;
  std::vector<int> since{1, 0};  // the vocabulary version that added it
};

/// A case of tests/cases, as the hazard check uses it.
struct HazardCase {
  std::string id;
  std::string file;
  Case answers;
  std::vector<int> vocabulary{1, 1};      // the vocabulary version the case was written with
  bool lists_clinician_findings = false;  // any exam.* or lab.* finding: interviewed as a clinician
};

/// FORMAT.md's closed rewrite (scripts/score_cases.py closed_world): every vocabulary finding a
/// person can answer (kind not location, pattern, exam or test; not clinician-only; not newer than
/// the case's vocabulary) that the case leaves unknown becomes absent.
Case ClosedWorld(const KnowledgeBase& kb, const HazardCase& c,
                 const std::vector<VocabularyFinding>& vocabulary);

struct HazardCheck {
  std::vector<std::string> problems;  // each names the file, the JSON Pointer and the id
  std::vector<std::string> gaps;      // rules listed in the log's gaps, with the reason
  int hazards = 0;
  int controls = 0;
  int rule_controls_with_case = 0;  // controls whose case passed every check
  int rules_required = 0;           // emergency and urgent rules
  int rules_shown = 0;              // of those, rules with a passing case
};

HazardCheck CheckHazardLog(const KnowledgeBase& kb, const HazardLog& log,
                           const std::vector<HazardCase>& cases,
                           const std::vector<VocabularyFinding>& vocabulary);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_HAZARD_LOG_H_
