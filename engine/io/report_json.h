// The lint report as JSON (Engine::Validate, which symcheck validate calls).
#ifndef SYMCHECK_IO_REPORT_JSON_H_
#define SYMCHECK_IO_REPORT_JSON_H_

#include <string>

#include "core/hazard_log.h"
#include "core/lint.h"

namespace symcheck {

/// `hazards`, when given, adds "hazard_log": its counts, gaps and problems (also in "problems").
std::string LintReportJson(const KnowledgeBase& kb, const LintReport& report,
                           const HazardCheck* hazards = nullptr);

}  // namespace symcheck

#endif  // SYMCHECK_IO_REPORT_JSON_H_
