// io-internal: reading a case and call options from JSON values already parsed, for requests that
// carry them inside a larger document (a line of the batch mode). Throws DataError like JsonNode.
#ifndef SYMCHECK_IO_REQUEST_VALUES_H_
#define SYMCHECK_IO_REQUEST_VALUES_H_

#include "core/interview.h"
#include "io/case_json.h"
#include "io/json_reader.h"

namespace symcheck {

/// A case (or interview state) from its JSON object; messages name `top`'s file and pointers.
ParsedCase ReadCase(const KnowledgeBase& kb, const JsonNode& top);

/// Sets in `options` each option `top` (an options object) gives; the others keep their values.
void ReadInterviewOptions(const JsonNode& top, InterviewOptions& options);

}  // namespace symcheck

#endif  // SYMCHECK_IO_REQUEST_VALUES_H_
