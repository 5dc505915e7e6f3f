#include "io/request_json.h"

#include <cstdint>
#include <new>
#include <string_view>

#include "io/hazard_log.h"
#include "io/json_reader.h"
#include "io/json_writer.h"
#include "io/request_values.h"

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

void ReadInterviewOptions(const JsonNode& top, InterviewOptions& options) {
  // max_questions is the old name of max_screens, kept with the same meaning (FORMAT.md).
  top.AllowOnly({"audience", "max_screens", "max_questions", "damping"});
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
}

Result<InterviewOptions> ParseInterviewOptions(const std::string& text) {
  const auto read = [](const std::string& json) {
    return Catching<InterviewOptions>("invalid_options", [&] {
      const nlohmann::json doc = ParseJsonText(json, "options", "invalid_options");
      InterviewOptions options;
      ReadInterviewOptions(JsonNode(doc, "options", "", "", "invalid_options"), options);
      return options;
    });
  };
  // No options, the usual call: read once, like any other text.
  if (text == "{}") {
    static const Result<InterviewOptions> defaults = read(text);
    return defaults;
  }
  return read(text);
}

Result<BatchRequest> ParseBatchRequest(const KnowledgeBase& kb, const std::string& line,
                                       const InterviewOptions& defaults, std::string& id_json) {
  id_json = "null";
  return Catching<BatchRequest>("invalid_request", [&] {
    const nlohmann::json doc = ParseJsonText(line, "batch line", "invalid_request");
    const JsonNode top(doc, "batch line", "", "", "invalid_request");
    (void)top.Object();
    if (top.Has("id")) {
      const JsonNode id = top.At("id");
      if (id.json().is_string()) {
        JsonWriter w;
        w.String(id.json().get_ref<const std::string&>());
        id_json = w.Finish();
        id_json.pop_back();  // Finish() ends with a newline
      } else if (id.json().is_number_integer()) {
        id_json = id.json().is_number_unsigned() ? std::to_string(id.json().get<std::uint64_t>())
                                                 : std::to_string(id.json().get<std::int64_t>());
      } else if (!id.json().is_null()) {
        id.Fail("id must be a string or a whole number");
      }
    }
    top.AllowOnly({"id", "mode", "case", "options"});
    BatchRequest request;
    request.id_json = id_json;
    const JsonNode mode = top.At("mode");
    request.mode = mode.String();
    if (request.mode != "assess" && request.mode != "interview" && request.mode != "next") {
      mode.Fail("mode must be assess, interview or next");
    }
    const JsonNode the_case = top.At("case");
    // The options and the case are read as the single commands read them (options first), with
    // the same messages and codes.
    request.options = defaults;
    if (top.Has("options")) {
      ReadInterviewOptions(JsonNode(top.At("options").json(), "options", "", "", "invalid_options"),
                           request.options);
    }
    request.parsed = ReadCase(kb, JsonNode(the_case.json(), "case", "", "", "invalid_case"));
    return request;
  });
}

std::string BatchResultLine(const std::string& id_json, const std::string& result_json) {
  std::string_view result = result_json;
  if (!result.empty() && result.back() == '\n') result.remove_suffix(1);
  JsonWriter w;
  w.BeginObject().Key("id").Raw(id_json).Key("ok").Bool(true).Key("result").Raw(result);
  w.EndObject();
  std::string line = w.Finish();
  line.pop_back();
  return line;
}

std::string BatchErrorLine(const std::string& id_json, const std::string& code,
                           const std::string& message) {
  JsonWriter w;
  w.BeginObject().Key("id").Raw(id_json).Key("ok").Bool(false);
  w.Key("error").String(message).Key("code").String(code).EndObject();
  std::string line = w.Finish();
  line.pop_back();
  return line;
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
