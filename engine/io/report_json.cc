#include "io/report_json.h"

#include <nlohmann/json.hpp>

namespace symcheck {
namespace {

nlohmann::ordered_json CountsJson(const BasisCounts& counts) {
  return {{"published", counts.published},
          {"estimate_anchored_on_source", counts.anchored},
          {"estimate", counts.estimate},
          {"total", counts.total()}};
}

}  // namespace

std::string LintReportJson(const KnowledgeBase& kb, const LintReport& report) {
  nlohmann::ordered_json out;
  out["conditions"] = report.conditions;
  out["findings"] = report.findings;
  out["red_flag_rules"] = report.rules;
  out["sources"] = kb.source_kind.size();
  out["likelihoods"] = CountsJson(report.likelihoods);
  out["default_rates"] = CountsJson(report.defaults);
  out["priors"] = CountsJson(report.priors);
  out["draft_conditions"] = report.draft_conditions;
  out["problems"] = report.problems;
  return out.dump(2) + "\n";
}

}  // namespace symcheck
