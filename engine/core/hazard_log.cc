#include "core/hazard_log.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/assessment.h"
#include "core/interview.h"

namespace symcheck {
namespace {

bool KeptUnknown(const VocabularyFinding& f) {
  return f.kind == "location" || f.kind == "pattern" || f.kind == "exam" || f.kind == "test" ||
         f.clinician;
}

int RuleIndex(const KnowledgeBase& kb, const std::string& id) {
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    if (kb.rules[r].id == id) return static_cast<int>(r);
  }
  return -1;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// The four runs a control's case must pass: assess and interview, sparse and closed.
struct Runs {
  Triage level[4] = {Triage::kSelfCare, Triage::kSelfCare, Triage::kSelfCare, Triage::kSelfCare};
  std::vector<int> fired;  // rules fired under assess, as written
};
const char* const kRunNames[4] = {"assess (sparse)", "assess (closed)", "the interview (sparse)",
                                  "the interview (closed)"};

Runs Play(const KnowledgeBase& kb, const HazardCase& c,
          const std::vector<VocabularyFinding>& vocabulary) {
  Runs runs;
  const Case closed = ClosedWorld(kb, c, vocabulary);
  const AssessOptions assess;
  InterviewOptions interview;
  if (c.lists_clinician_findings) interview.audience = Audience::kClinician;
  const Case* conventions[2] = {&c.answers, &closed};
  for (int k = 0; k < 2; ++k) {
    const Assessment a = Assess(kb, CaseView(*conventions[k]), assess);
    runs.level[k] = a.triage.level;
    if (k == 0) runs.fired = a.triage.fired_rules;
    const InterviewRun run = SimulateInterview(kb, *conventions[k], interview);
    runs.level[2 + k] = Assess(kb, CaseView(run.answers), assess).triage.level;
  }
  return runs;
}

}  // namespace

Case ClosedWorld(const KnowledgeBase& kb, const HazardCase& c,
                 const std::vector<VocabularyFinding>& vocabulary) {
  Case closed = c.answers;
  for (const VocabularyFinding& f : vocabulary) {
    if (KeptUnknown(f) || f.since > c.vocabulary) continue;
    const int index = kb.FindingIndex(f.id);
    if (index < 0) continue;  // the lint reports vocabulary ids the knowledge base lacks
    Answer& answer = closed.answers[static_cast<std::size_t>(index)];
    if (answer == Answer::kUnknown) answer = Answer::kAbsent;
  }
  return closed;
}

HazardCheck CheckHazardLog(const KnowledgeBase& kb, const HazardLog& log,
                           const std::vector<HazardCase>& cases,
                           const std::vector<VocabularyFinding>& vocabulary) {
  HazardCheck check;
  const auto problem = [&](const std::string& pointer, const std::string& text,
                           const std::string& context) {
    check.problems.push_back(log.file + ": " + pointer + ": " + text +
                             (context.empty() ? "" : " (" + context + ")"));
  };
  std::map<std::string, const HazardCase*> case_by_id;
  for (const HazardCase& c : cases) case_by_id.emplace(c.id, &c);
  std::map<std::string, const HazardGap*> gap_by_rule;
  for (const HazardGap& gap : log.gaps) {
    if (RuleIndex(kb, gap.rule) < 0) {
      problem(gap.pointer + "/rule", "rule " + Quote(gap.rule) + " does not exist",
              "gap of hazard " + gap.hazard);
    }
    gap_by_rule.emplace(gap.rule, &gap);
  }

  std::set<int> named;                 // rules that are a control of some hazard
  std::map<int, std::string> shown;    // rule -> pointer of a control whose case passed
  std::map<std::string, Runs> played;  // case id -> its runs (a case may serve twice)
  check.hazards = static_cast<int>(log.hazards.size());
  for (const Hazard& hazard : log.hazards) {
    const std::string context = "hazard " + hazard.id;
    for (const HazardControl& control : hazard.controls) {
      ++check.controls;
      if (!control.screen.empty()) {
        const bool known = std::any_of(kb.screens.begin(), kb.screens.end(),
                                       [&](const Screen& s) { return s.id == control.screen; });
        if (!known) {
          problem(control.pointer + "/screen",
                  "screen " + Quote(control.screen) + " does not exist", context);
        }
      }
      if (control.rule.empty()) {
        if (!control.case_id.empty()) {
          problem(control.pointer + "/case", "a case needs the rule it shows", context);
        }
        continue;
      }
      const int r = RuleIndex(kb, control.rule);
      if (r < 0) {
        problem(control.pointer + "/rule", "rule " + Quote(control.rule) + " does not exist",
                context);
        continue;
      }
      named.insert(r);
      if (control.case_id.empty()) {
        if (gap_by_rule.count(control.rule) == 0) {
          problem(control.pointer,
                  "rule " + control.rule + " has no case and is not listed in /gaps", context);
        }
        continue;
      }
      const auto found = case_by_id.find(control.case_id);
      if (found == case_by_id.end()) {
        problem(control.pointer + "/case", "case " + Quote(control.case_id) + " does not exist",
                context);
        continue;
      }
      auto runs = played.find(control.case_id);
      if (runs == played.end()) {
        runs = played.emplace(control.case_id, Play(kb, *found->second, vocabulary)).first;
      }
      bool passed = true;
      if (std::find(runs->second.fired.begin(), runs->second.fired.end(), r) ==
          runs->second.fired.end()) {
        problem(control.pointer + "/rule",
                "rule " + control.rule + " does not fire on case " + Quote(control.case_id) +
                    " under assess",
                context);
        passed = false;
      }
      std::string short_of;
      for (int k = 0; k < 4; ++k) {
        if (runs->second.level[k] >= hazard.level) continue;
        if (!short_of.empty()) short_of += ", ";
        short_of += std::string(TriageId(runs->second.level[k])) + " through " + kRunNames[k];
      }
      if (!short_of.empty()) {
        problem(control.pointer + "/case",
                "case " + Quote(control.case_id) + " does not reach " +
                    std::string(TriageId(hazard.level)) + ": " + short_of,
                context);
        passed = false;
      }
      if (passed) {
        ++check.rule_controls_with_case;
        shown.emplace(r, control.pointer);
      }
    }
  }

  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    const RedFlagRule& rule = kb.rules[r];
    if (rule.level < Triage::kUrgent) continue;
    ++check.rules_required;
    const int ri = static_cast<int>(r);
    const std::string level(TriageId(rule.level));
    if (named.count(ri) == 0) {
      problem("/hazards", level + " rule " + rule.id + " has no hazard entry", "rule " + rule.id);
      continue;
    }
    const auto gap = gap_by_rule.find(rule.id);
    if (shown.count(ri) != 0) {
      ++check.rules_shown;
      if (gap != gap_by_rule.end()) {
        problem(
            gap->second->pointer + "/rule",
            "rule " + rule.id + " is listed as a gap but " + shown[ri] + " shows it with a case",
            "gap of hazard " + gap->second->hazard);
      }
    } else if (gap != gap_by_rule.end()) {
      check.gaps.push_back(log.file + ": " + gap->second->pointer + ": gap: " + level + " rule " +
                           rule.id + " (hazard " + gap->second->hazard +
                           "): " + gap->second->reason);
    }
  }
  return check;
}

}  // namespace symcheck
