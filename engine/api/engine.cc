#include "api/engine.h"

#include <nlohmann/json.hpp>

#include "core/assessment.h"
#include "core/interview.h"
#include "core/lint.h"
#include "core/scorer.h"
#include "io/case_json.h"
#include "io/json_reader.h"
#include "io/json_writer.h"
#include "io/report_json.h"

namespace symcheck {
namespace {

Response Fail(const Error& error) { return Response{false, "", error.code, error.message}; }
Response Fail(const std::string& code, const std::string& message) {
  return Response{false, "", code, message};
}
Response Ok(std::string json) { return Response{true, std::move(json), "", ""}; }

// {"audience": "patient", "max_questions": 15, "strategy": "adaptive", "damping": true}
InterviewOptions ReadOptions(const std::string& options_json) {
  const nlohmann::json doc = ParseJsonText(options_json, "options", "invalid_options");
  const JsonNode top(doc, "options", "", "", "invalid_options");
  top.AllowOnly({"audience", "max_questions", "strategy", "damping"});
  InterviewOptions options;
  if (top.Has("audience")) {
    const auto audience = ParseAudience(top.At("audience").String());
    if (!audience) top.At("audience").Fail("audience must be patient or clinician");
    options.audience = *audience;
  }
  if (top.Has("max_questions")) {
    options.max_questions = top.At("max_questions").Integer();
    if (options.max_questions < 0 || options.max_questions > 1000) {
      top.At("max_questions").Fail("max_questions must lie in 0..1000");
    }
  }
  if (top.Has("strategy")) {
    const std::string strategy = top.At("strategy").String();
    if (strategy == "adaptive") {
      options.strategy = QuestionStrategy::kAdaptive;
    } else if (strategy == "fixed") {
      options.strategy = QuestionStrategy::kFixedOrder;
    } else {
      top.At("strategy").Fail("strategy must be adaptive or fixed");
    }
  }
  if (top.Has("damping")) options.scoring.damp_dependent_findings = top.At("damping").Bool();
  return options;
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
  // A short summary: the lint (Info) is a development check with a solver behind it, which the
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
  std::vector<Document> documents;
  try {
    const nlohmann::json doc = ParseJsonText(documents_json, "documents", "invalid_documents");
    const JsonNode top(doc, "documents", "", "", "invalid_documents");
    top.ForEach([&](const JsonNode& item, std::size_t) {
      item.AllowOnly({"name", "text"});
      documents.push_back({item.At("name").String(), item.At("text").String()});
    });
  } catch (const DataError& e) {
    return Fail(e.code(), e.what());
  }
  return Load(documents);
}

Response Engine::Assess(const std::string& case_json, const std::string& options_json) const {
  if (!kb_) return Fail("not_loaded", "no knowledge base is loaded");
  try {
    const InterviewOptions options = ReadOptions(options_json);
    Result<ParsedCase> parsed = ParseCase(*kb_, case_json);
    if (!parsed.ok()) return Fail(parsed.error());
    AssessOptions assess;
    assess.scoring = options.scoring;
    const Assessment a = symcheck::Assess(*kb_, CaseView(parsed.value().answers), assess);
    return Ok(AssessmentJson(*kb_, a, nullptr));
  } catch (const DataError& e) {
    return Fail(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    return Fail("out_of_memory", "the input is too large to process");
  } catch (const std::exception& e) {  // a defect, still reported as a value, never an abort
    return Fail("internal_error", e.what());
  }
}

Response Engine::Interview(const std::string& case_json, const std::string& options_json) const {
  if (!kb_) return Fail("not_loaded", "no knowledge base is loaded");
  try {
    const InterviewOptions options = ReadOptions(options_json);
    Result<ParsedCase> parsed = ParseCase(*kb_, case_json);
    if (!parsed.ok()) return Fail(parsed.error());
    const InterviewRun run = SimulateInterview(*kb_, parsed.value().answers, options);
    AssessOptions assess;
    assess.scoring = options.scoring;
    const Assessment a = symcheck::Assess(*kb_, CaseView(run.answers), assess);
    return Ok(AssessmentJson(*kb_, a, &run));
  } catch (const DataError& e) {
    return Fail(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    return Fail("out_of_memory", "the input is too large to process");
  } catch (const std::exception& e) {  // a defect, still reported as a value, never an abort
    return Fail("internal_error", e.what());
  }
}

Response Engine::Next(const std::string& state_json, const std::string& options_json) const {
  if (!kb_) return Fail("not_loaded", "no knowledge base is loaded");
  try {
    const InterviewOptions options = ReadOptions(options_json);
    Result<ParsedCase> parsed = ParseCase(*kb_, state_json);
    if (!parsed.ok()) return Fail(parsed.error());
    const ParsedCase& state = parsed.value();
    const NextStep step = ChooseNextStep(*kb_, state.answers, state.asked, options);
    AssessOptions assess;
    assess.scoring = options.scoring;
    const Assessment a = symcheck::Assess(*kb_, CaseView(state.answers), assess);
    return Ok(NextStepJson(*kb_, step, a));
  } catch (const DataError& e) {
    return Fail(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    return Fail("out_of_memory", "the input is too large to process");
  } catch (const std::exception& e) {  // a defect, still reported as a value, never an abort
    return Fail("internal_error", e.what());
  }
}

const std::vector<double>& Engine::Posterior(int age, Sex sex, const int* present,
                                             std::size_t n_present, const int* absent,
                                             std::size_t n_absent, bool damping) {
  probability_.clear();
  if (!kb_ || age < 12 || age > 110) return probability_;
  const auto n = static_cast<int>(kb_->findings.size());
  scratch_.age = age;
  scratch_.sex = sex;
  scratch_.answers.assign(kb_->findings.size(), Answer::kUnknown);
  scratch_.dont_know.assign(kb_->findings.size(), false);
  const auto mark = [&](const int* findings, std::size_t count, Answer answer) {
    for (std::size_t i = 0; i < count; ++i) {
      if (findings[i] < 0 || findings[i] >= n) return false;
      scratch_.answers[static_cast<std::size_t>(findings[i])] = answer;
    }
    return true;
  };
  if (!mark(present, n_present, Answer::kPresent) || !mark(absent, n_absent, Answer::kAbsent)) {
    return probability_;
  }
  ScoringOptions scoring;
  scoring.damp_dependent_findings = damping;
  ScoreConditions(*kb_, CaseView(scratch_), scoring, scores_);
  Normalize(scores_, probability_);
  return probability_;
}

Response Engine::Info() const {
  if (!kb_) return Fail("not_loaded", "no knowledge base is loaded");
  return Ok(LintReportJson(*kb_, Lint(*kb_)));
}

}  // namespace symcheck
