// The JSON an Engine receives besides cases: the call options, the knowledge-base documents as
// one JSON array (from JavaScript) and the lint vocabulary. Each returns a value or an Error whose
// message names the document and the JSON Pointer.
#ifndef SYMCHECK_IO_REQUEST_JSON_H_
#define SYMCHECK_IO_REQUEST_JSON_H_

#include <string>
#include <vector>

#include "core/hazard_log.h"
#include "core/interview.h"
#include "core/status.h"
#include "io/case_json.h"
#include "io/kb_loader.h"

namespace symcheck {

/// {"audience": "patient", "max_screens": 12, "damping": true}, every
/// member optional. Errors: invalid_options.
Result<InterviewOptions> ParseInterviewOptions(const std::string& text);

/// One line of the batch mode: {"id": ..., "mode": "assess" | "interview" | "next", "case": {...},
/// "options": {...}}; "id" (a string or a whole number) and "options" are optional.
struct BatchRequest {
  std::string id_json = "null";  // the line's id as JSON text, echoed in its reply
  std::string mode;
  InterviewOptions options;  // the defaults, with the line's own options over them
  ParsedCase parsed;
};

/// Reads one batch line. A bad line is invalid_request; a bad "options" or "case" gets the code and
/// message the single commands give (invalid_options, invalid_case, unknown_finding, ...).
/// `id_json` is set to the line's id whenever one is readable, so a refused line is answered under
/// its id.
Result<BatchRequest> ParseBatchRequest(const KnowledgeBase& kb, const std::string& line,
                                       const InterviewOptions& defaults, std::string& id_json);

/// The reply lines of the batch mode (no final newline): a call's output embedded verbatim as
/// "result" (its final newline dropped), or its error.
std::string BatchResultLine(const std::string& id_json, const std::string& result_json);
std::string BatchErrorLine(const std::string& id_json, const std::string& code,
                           const std::string& message);

/// [{"name": "data/kb/findings.json", "text": "..."}, ...]. Errors: invalid_documents.
Result<std::vector<Document>> ParseDocuments(const std::string& text);

/// The ids a knowledge base must define (tests/cases/vocabulary.json).
struct Vocabulary {
  std::vector<std::string> conditions;
  std::vector<std::string> findings;
  /// Each finding's kind, audience and "since" version: what the closed answer convention needs.
  std::vector<VocabularyFinding> finding_details;
};

/// {"conditions": [{"id": ...}, ...], "findings": [{"id": ..., "kind": ..., "audience": ...,
/// "since": ...}, ...]} (kind required, audience and since optional); `name` is used in
/// messages. Errors: invalid_vocabulary.
Result<Vocabulary> ParseVocabulary(const std::string& text, const std::string& name);

}  // namespace symcheck

#endif  // SYMCHECK_IO_REQUEST_JSON_H_
