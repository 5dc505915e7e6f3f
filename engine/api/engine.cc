#include "api/engine.h"

#include <new>
#include <optional>
#include <string>
#include <utility>

#include "core/assessment.h"
#include "core/hazard_log.h"
#include "core/interview.h"
#include "core/lint.h"
#include "core/rule_solver.h"
#include "io/case_json.h"
#include "io/hazard_log.h"
#include "io/json_writer.h"
#include "io/report_json.h"
#include "io/request_json.h"

namespace symcheck {
namespace {

Response Fail(const Error& error) { return Response{false, "", error.code, error.message, ""}; }
Response Fail(const std::string& code, const std::string& message) {
  return Response{false, "", code, message, ""};
}
Response Ok(std::string json) { return Response{true, std::move(json), "", "", ""}; }

// Runs `call` on the loaded knowledge base with the one error policy of every JSON call: not
// loaded, bad input (already an Error value), out of memory, or a defect, never an abort.
template <typename Call>
Response Guarded(const KnowledgeBase* kb, Call call) {
  if (kb == nullptr) return Fail("not_loaded", "no knowledge base is loaded");
  try {
    return call(*kb);
  } catch (const std::bad_alloc&) {
    return Fail("out_of_memory", "the input is too large to process");
  } catch (const std::exception& e) {  // a defect, still reported as a value, never an abort
    return Fail("internal_error", e.what());
  }
}

}  // namespace

Response Engine::Load(const std::vector<Document>& documents) {
  Result<KnowledgeBase> kb = Error{};
  try {
    kb = LoadKnowledgeBase(documents);
  } catch (const std::exception& e) {  // a defect, still reported as a value, never an abort
    return Fail("internal_error", e.what());
  }
  if (!kb.ok()) return Fail(kb.error());
  kb_ = std::make_shared<const KnowledgeBase>(std::move(kb).value());
  // A short summary: the lint (Validate) is a development check with a solver behind it, which the
  // page has no use for on every load.
  JsonWriter w;
  w.BeginObject();
  w.Key("conditions").Int(static_cast<long long>(kb_->conditions.size()));
  w.Key("findings").Int(static_cast<long long>(kb_->findings.size()));
  w.Key("red_flag_rules").Int(static_cast<long long>(kb_->rules.size()));
  w.Key("sources").Int(static_cast<long long>(kb_->source_kind.size()));
  w.EndObject();
  return Ok(w.Finish());
}

Response Engine::LoadJson(const std::string& documents_json) {
  Result<std::vector<Document>> documents = ParseDocuments(documents_json);
  if (!documents.ok()) return Fail(documents.error());
  return Load(documents.value());
}

namespace {

// The three case calls once their input is read: the single commands and the batch mode share
// them, so a batch line's result is the single command's output byte for byte.
Response AssessParsed(const KnowledgeBase& kb, const ParsedCase& parsed,
                      const InterviewOptions& options) {
  AssessOptions assess;
  assess.scoring = options.scoring;
  const Assessment a = symcheck::Assess(kb, CaseView(parsed.answers), assess);
  return Ok(AssessmentJson(kb, a, nullptr));
}

Response InterviewParsed(const KnowledgeBase& kb, const ParsedCase& parsed,
                         const InterviewOptions& options) {
  const InterviewRun run = SimulateInterview(kb, parsed.answers, options);
  AssessOptions assess;
  assess.scoring = options.scoring;
  const Assessment a = symcheck::Assess(kb, CaseView(run.answers), assess);
  return Ok(AssessmentJson(kb, a, &run));
}

Response NextParsed(const KnowledgeBase& kb, const ParsedCase& state,
                    const InterviewOptions& options) {
  const int shown = static_cast<int>(state.screens.size());
  const NextScreen next = ChooseNextScreen(kb, state.answers, shown, options);
  AssessOptions assess;
  assess.scoring = options.scoring;
  const Assessment a = symcheck::Assess(kb, CaseView(state.answers), assess);
  return Ok(NextScreenJson(kb, next, shown, a));
}

using CaseCall = Response (*)(const KnowledgeBase&, const ParsedCase&, const InterviewOptions&);

// Reads the options, then the case (errors in that order), and makes the call.
Response ParseAndCall(const KnowledgeBase& kb, const std::string& case_json,
                      const std::string& options_json, CaseCall call) {
  const Result<InterviewOptions> options = ParseInterviewOptions(options_json);
  if (!options.ok()) return Fail(options.error());
  const Result<ParsedCase> parsed = ParseCase(kb, case_json);
  if (!parsed.ok()) return Fail(parsed.error());
  return call(kb, parsed.value(), options.value());
}

}  // namespace

Response Engine::Assess(const std::string& case_json, const std::string& options_json) const {
  return Guarded(kb_.get(), [&](const KnowledgeBase& kb) {
    return ParseAndCall(kb, case_json, options_json, AssessParsed);
  });
}

Response Engine::Interview(const std::string& case_json, const std::string& options_json) const {
  return Guarded(kb_.get(), [&](const KnowledgeBase& kb) {
    return ParseAndCall(kb, case_json, options_json, InterviewParsed);
  });
}

Response Engine::Next(const std::string& state_json, const std::string& options_json) const {
  return Guarded(kb_.get(), [&](const KnowledgeBase& kb) {
    return ParseAndCall(kb, state_json, options_json, NextParsed);
  });
}

std::string Engine::BatchLine(const std::string& line, const std::string& options_json) const {
  std::string id_json = "null";
  const Response response = Guarded(kb_.get(), [&](const KnowledgeBase& kb) {
    const Result<InterviewOptions> defaults = ParseInterviewOptions(options_json);
    if (!defaults.ok()) return Fail(defaults.error());
    const Result<BatchRequest> request = ParseBatchRequest(kb, line, defaults.value(), id_json);
    if (!request.ok()) return Fail(request.error());
    const BatchRequest& r = request.value();
    const CaseCall call = r.mode == "assess"      ? AssessParsed
                          : r.mode == "interview" ? InterviewParsed
                                                  : NextParsed;
    return call(kb, r.parsed, r.options);
  });
  if (!response.ok) return BatchErrorLine(id_json, response.error_code, response.error);
  return BatchResultLine(id_json, response.json);
}

Response Engine::Witnesses(const std::string& level) const {
  return Guarded(kb_.get(), [&](const KnowledgeBase& kb) {
    std::optional<Triage> only;
    if (!level.empty()) {
      only = ParseTriage(level);
      if (!only) return Fail("invalid_options", "level \"" + level + "\" is not a triage level");
    }
    const RulePresentations presentations = MinimalRulePresentations(kb, only);
    Response response = Ok(RulePresentationLines(kb, presentations));
    for (const std::string& line : presentations.dropped) response.notes += line + "\n";
    return response;
  });
}

Response Engine::Validate(const std::string& vocabulary_json,
                          const std::string& vocabulary_name) const {
  ValidateRequest request;
  request.vocabulary_json = vocabulary_json;
  request.vocabulary_name = vocabulary_name;
  return Validate(request);
}

Response Engine::Validate(const ValidateRequest& request) const {
  return Guarded(kb_.get(), [&](const KnowledgeBase& kb) {
    Vocabulary vocabulary;
    if (!request.vocabulary_json.empty()) {
      Result<Vocabulary> read = ParseVocabulary(request.vocabulary_json, request.vocabulary_name);
      if (!read.ok()) return Fail(read.error());
      vocabulary = std::move(read).value();
    }
    LintReport report = Lint(kb, vocabulary.conditions, vocabulary.findings);
    std::optional<HazardCheck> hazards;
    if (!request.hazards_json.empty()) {
      if (request.vocabulary_json.empty()) {
        return Fail("invalid_request",
                    "the hazard checks need the vocabulary (the closed answer convention)");
      }
      Result<HazardLog> log = LoadHazardLog(request.hazards_json, request.hazards_name);
      if (!log.ok()) return Fail(log.error());
      std::vector<HazardCase> cases;
      for (const Document& doc : request.cases) {
        Result<HazardCase> c = ParseHazardCase(kb, doc.text, doc.name);
        if (!c.ok()) return Fail(c.error());
        cases.push_back(std::move(c).value());
      }
      hazards = CheckHazardLog(kb, log.value(), cases, vocabulary.finding_details);
      report.problems.insert(report.problems.end(), hazards->problems.begin(),
                             hazards->problems.end());
    }
    Response response = Ok(LintReportJson(kb, report, hazards ? &*hazards : nullptr));
    if (hazards) {
      response.notes =
          "hazard log " + request.hazards_name + ": " + std::to_string(hazards->hazards) +
          " hazards, " + std::to_string(hazards->controls) + " controls, " +
          std::to_string(hazards->rule_controls_with_case) + " rule controls shown by a case; " +
          std::to_string(hazards->rules_shown) + " of " + std::to_string(hazards->rules_required) +
          " emergency and urgent rules shown by a case, " + std::to_string(hazards->gaps.size()) +
          " gaps, " + std::to_string(hazards->problems.size()) + " problems\n";
      for (const std::string& gap : hazards->gaps) response.notes += "hazard " + gap + "\n";
    }
    if (!report.problems.empty()) {
      response.ok = false;
      response.error_code = "lint_problems";
      for (const std::string& problem : report.problems) {
        if (!response.error.empty()) response.error += "\n";
        response.error += problem;
      }
    }
    return response;
  });
}

}  // namespace symcheck
