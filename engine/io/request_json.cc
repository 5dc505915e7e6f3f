#include "io/request_json.h"

#include <new>

#include "io/hazard_log.h"
#include "io/json_reader.h"

namespace symcheck {
namespace {

// Runs `read`, turning a DataError (or running out of memory) into an Error value.
template <typename T, typename Read>
Result<T> Catching(const char* code, Read read) {
  try {
    return read();
  } catch (const DataError& e) {
    return Error{e.code(), e.what()};
  } catch (const std::bad_alloc&) {
    return Error{code, "the input is too large to process"};
  }
}

}  // namespace

Result<InterviewOptions> ParseInterviewOptions(const std::string& text) {
  return Catching<InterviewOptions>("invalid_options", [&] {
    const nlohmann::json doc = ParseJsonText(text, "options", "invalid_options");
    const JsonNode top(doc, "options", "", "", "invalid_options");
    // max_questions is the old name of max_screens, kept with the same meaning (FORMAT.md).
    top.AllowOnly({"audience", "max_screens", "max_questions", "damping"});
    InterviewOptions options;
    if (top.Has("audience")) {
      const auto audience = ParseAudience(top.At("audience").String());
      if (!audience) top.At("audience").Fail("audience must be patient or clinician");
      options.audience = *audience;
    }
    for (const char* key : {"max_screens", "max_questions"}) {
      if (!top.Has(key)) continue;
      options.max_screens = top.At(key).Integer();
      if (options.max_screens < 0 || options.max_screens > 1000) {
        top.At(key).Fail(std::string(key) + " must lie in 0..1000");
      }
    }
    if (top.Has("damping")) options.scoring.damp_dependent_findings = top.At("damping").Bool();
    return options;
  });
}

Result<std::vector<Document>> ParseDocuments(const std::string& text) {
  return Catching<std::vector<Document>>("invalid_documents", [&] {
    std::vector<Document> documents;
    const nlohmann::json doc = ParseJsonText(text, "documents", "invalid_documents");
    const JsonNode top(doc, "documents", "", "", "invalid_documents");
    top.ForEach([&](const JsonNode& item, std::size_t) {
      item.AllowOnly({"name", "text"});
      documents.push_back({item.At("name").String(), item.At("text").String()});
    });
    return documents;
  });
}

Result<Vocabulary> ParseVocabulary(const std::string& text, const std::string& name) {
  return Catching<Vocabulary>("invalid_vocabulary", [&] {
    Vocabulary vocabulary;
    const nlohmann::json doc = ParseJsonText(text, name, "invalid_vocabulary");
    const JsonNode top(doc, name, "", "", "invalid_vocabulary");
    top.At("conditions").ForEach([&](const JsonNode& item, std::size_t) {
      vocabulary.conditions.push_back(item.At("id").String());
    });
    top.At("findings").ForEach([&](const JsonNode& item, std::size_t) {
      VocabularyFinding f;
      f.id = item.At("id").String();
      if (item.Has("kind")) f.kind = item.At("kind").String();
      if (item.Has("audience")) f.clinician = item.At("audience").String() == "clinician";
      if (item.Has("since")) {
        f.since = ParseVersion(item.At("since").String());
        if (f.since.empty()) item.At("since").Fail("not a vocabulary version such as \"1.2\"");
      }
      vocabulary.findings.push_back(f.id);
      vocabulary.finding_details.push_back(std::move(f));
    });
    return vocabulary;
  });
}

}  // namespace symcheck
