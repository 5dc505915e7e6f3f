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
#include "io/kb_loader.h"

namespace symcheck {

/// {"audience": "patient", "max_screens": 12, "damping": true}, every
/// member optional. Errors: invalid_options.
Result<InterviewOptions> ParseInterviewOptions(const std::string& text);

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
