// Reading the clinical hazard log (data/safety/hazards.json, data/SCHEMA.md "Hazard log") and the
// cases it names. Errors name the file, the JSON Pointer and the hazard id; whether the rules and
// cases it names exist, and whether each case reaches its hazard's level, is CheckHazardLog's job.
#ifndef SYMCHECK_IO_HAZARD_LOG_H_
#define SYMCHECK_IO_HAZARD_LOG_H_

#include <string>
#include <vector>

#include "core/hazard_log.h"
#include "core/status.h"

namespace symcheck {

/// Errors: invalid_hazard_log.
Result<HazardLog> LoadHazardLog(const std::string& text, const std::string& name);

/// A case file (FORMAT.md) with its id and vocabulary version; `name` is used in messages.
/// Errors: those of ParseCase, prefixed with `name`.
Result<HazardCase> ParseHazardCase(const KnowledgeBase& kb, const std::string& text,
                                   const std::string& name);

/// "1.2" -> {1, 2}; empty when the text is not a dotted version.
std::vector<int> ParseVersion(const std::string& text);

}  // namespace symcheck

#endif  // SYMCHECK_IO_HAZARD_LOG_H_
