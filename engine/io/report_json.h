// The lint report as JSON (Engine::Validate, which symcheck validate calls).
#ifndef SYMCHECK_IO_REPORT_JSON_H_
#define SYMCHECK_IO_REPORT_JSON_H_

#include <string>

#include "core/lint.h"

namespace symcheck {

std::string LintReportJson(const KnowledgeBase& kb, const LintReport& report);

}  // namespace symcheck

#endif  // SYMCHECK_IO_REPORT_JSON_H_
