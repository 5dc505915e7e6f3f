#include "io/report_json.h"

#include "io/json_writer.h"

namespace symcheck {
namespace {

void WriteCounts(JsonWriter& w, const char* key, const BasisCounts& counts) {
  w.Key(key).BeginObject();
  w.Key("published").Int(counts.published);
  w.Key("estimate_anchored_on_source").Int(counts.anchored);
  w.Key("estimate").Int(counts.estimate);
  w.Key("total").Int(counts.total());
  w.EndObject();
}

}  // namespace

std::string LintReportJson(const KnowledgeBase& kb, const LintReport& report,
                           const HazardCheck* hazards) {
  JsonWriter w;
  w.BeginObject();
  w.Key("conditions").Int(report.conditions);
  w.Key("findings").Int(report.findings);
  w.Key("red_flag_rules").Int(report.rules);
  w.Key("sources").Int(static_cast<long long>(kb.source_kind.size()));
  WriteCounts(w, "likelihoods", report.likelihoods);
  WriteCounts(w, "default_rates", report.defaults);
  WriteCounts(w, "priors", report.priors);
  w.Key("draft_conditions").Int(report.draft_conditions);
  w.Key("problems").StringArray(report.problems);
  if (hazards != nullptr) {
    w.Key("hazard_log").BeginObject();
    w.Key("hazards").Int(hazards->hazards);
    w.Key("controls").Int(hazards->controls);
    w.Key("rule_controls_with_case").Int(hazards->rule_controls_with_case);
    w.Key("emergency_and_urgent_rules").Int(hazards->rules_required);
    w.Key("rules_shown_by_a_case").Int(hazards->rules_shown);
    w.Key("gaps").StringArray(hazards->gaps);
    w.Key("problems").StringArray(hazards->problems);
    w.EndObject();
  }
  w.EndObject();
  return w.Finish();
}

}  // namespace symcheck
