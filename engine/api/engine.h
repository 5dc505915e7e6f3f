// The engine's one public face: JSON text in, JSON text out, errors as values. The CLI (every
// command, validate included), the WebAssembly module and the tests all call this class, so every
// face gives the same answer.
#ifndef SYMCHECK_API_ENGINE_H_
#define SYMCHECK_API_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/knowledge_base.h"
#include "io/kb_loader.h"

namespace symcheck {

/// `ok` with the output in `json`, or not ok with a stable `error_code` and a one-line `error`.
struct Response {
  bool ok = false;
  std::string json;
  std::string error_code;
  std::string error;
  /// Lines for a person beside the output, or "" (validate: the hazard log's summary and gaps;
  /// witnesses: the ways it dropped).
  std::string notes;
};

class Engine {
 public:
  /// Loads and validates a knowledge base (answering with its counts); on failure the engine
  /// keeps what it had before.
  Response Load(const std::vector<Document>& documents);
  /// Same, from `[{"name": "data/kb/findings.json", "text": "..."}, ...]` (for JavaScript).
  Response LoadJson(const std::string& documents_json);

  /// FORMAT.md's `assess`: a case file in, the assessment out.
  Response Assess(const std::string& case_json, const std::string& options_json = "{}") const;
  /// FORMAT.md's `interview`: plays the case as a simulated person.
  Response Interview(const std::string& case_json, const std::string& options_json = "{}") const;
  /// The page's step: the answers so far (a case plus "dont_know" and "asked") in, the next
  /// question (or why to stop) and the current assessment out.
  Response Next(const std::string& state_json, const std::string& options_json = "{}") const;
  /// One line of the batch mode (`symcheck batch`): {"id": ..., "mode": "assess" | "interview" |
  /// "next", "case": {...}, "options": {...}} in; one line out, without a newline: {"id": ...,
  /// "ok": true, "result": <what Assess, Interview or Next prints for that case and those options,
  /// byte for byte, without its final newline>} or {"id": ..., "ok": false, "error": "...", "code":
  /// "..."}. The line's options override `options_json`'s. Never fails: a bad line gets an error
  /// line (id null when the line has no readable id).
  std::string BatchLine(const std::string& line, const std::string& options_json = "{}") const;
  /// `symcheck witnesses`: the minimal presentations of the red-flag rules (of `level` only, unless
  /// it is ""), one JSON line each (core/rule_solver.h), each verified to fire its rule; the ways
  /// dropped, one line each, in `notes`. Errors: invalid_options for an unknown level.
  Response Witnesses(const std::string& level = "") const;
  /// The knowledge-base lint (`symcheck validate`): the report as JSON (counts, the basis of every
  /// number, "problems"). `vocabulary_json` (tests/cases/vocabulary.json, named `vocabulary_name`
  /// in messages) lists ids that must exist; "" checks none. When the lint finds problems the
  /// response is not ok, with error_code "lint_problems", one problem per line in `error` and the
  /// report still in `json`; any other error leaves `json` empty.
  Response Validate(const std::string& vocabulary_json = "",
                    const std::string& vocabulary_name = "vocabulary") const;

  /// Validate plus the hazard log's checks (data/SCHEMA.md, "Hazard log"): every emergency and
  /// urgent rule is a control of a hazard, and every control's case exists, fires its rule and
  /// reaches the hazard's level through assess and the interview under both answer conventions.
  /// Needs the vocabulary (for the closed convention). Hazard problems join the lint's problems;
  /// an unreadable log or case is an error (empty `json`).
  struct ValidateRequest {
    std::string vocabulary_json;
    std::string vocabulary_name = "vocabulary";
    std::string hazards_json;  // "" skips the hazard checks
    std::string hazards_name = "hazards";
    std::vector<Document> cases;  // every case the log may name
  };
  Response Validate(const ValidateRequest& request) const;

  bool loaded() const { return kb_ != nullptr; }

 private:
  std::shared_ptr<const KnowledgeBase> kb_;
};

}  // namespace symcheck

#endif  // SYMCHECK_API_ENGINE_H_
