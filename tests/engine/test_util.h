// Helpers shared by the engine tests: the tiny hand-computable knowledge base, split into files
// like the real one so that messages name a file, and cases built in a line.
#ifndef SYMCHECK_TESTS_ENGINE_TEST_UTIL_H_
#define SYMCHECK_TESTS_ENGINE_TEST_UTIL_H_

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/kb_files.h"
#include "core/evidence.h"
#include "core/knowledge_base.h"
#include "io/kb_loader.h"

namespace symcheck::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(SYMCHECK_SOURCE_DIR) + "/" + relative;
}

inline nlohmann::json TinyKbJson() {
  return nlohmann::json::parse(ReadFile(SourcePath("tests/fixtures/tiny_kb.json")));
}

/// The tiny knowledge base as files tiny/<section>.json, after `edit` changed its JSON.
inline std::vector<Document> TinyDocuments(const std::function<void(nlohmann::json&)>& edit =
                                               [](nlohmann::json&) {}) {
  nlohmann::json kb = TinyKbJson();
  edit(kb);
  std::vector<Document> documents;
  for (const auto& [section, value] : kb.items()) {
    documents.push_back({"tiny/" + section + ".json", nlohmann::json{{section, value}}.dump()});
  }
  return documents;
}

/// R3 (test only): f.z together with side.midline is an emergency.
inline void AddMidlineEmergencyRule(nlohmann::json& kb) {
  kb["triage"]["red_flag_rules"].push_back(
      {{"id", "R3"},
       {"level", "emergency"},
       {"points_to", "cond_e"},
       {"when", {{"all", {{{"present", "f.z"}}, {{"present", "side.midline"}}}}}},
       {"estimate", "test"}});
}

inline KnowledgeBase LoadTiny() {
  Result<KnowledgeBase> kb = LoadKnowledgeBase(TinyDocuments());
  if (!kb.ok()) throw std::runtime_error(kb.error().message);
  return std::move(kb).value();
}

/// The project's real knowledge base in data/kb.
// The project's knowledge base read as the CLI reads it (every *.json of data/kb), so that a new
// file needs no list here.
inline std::vector<Document> ProjectDocuments() {
  Result<std::vector<Document>> documents = ReadKnowledgeBaseFiles(SourcePath("data/kb"));
  if (!documents.ok()) throw std::runtime_error(documents.error().message);
  return std::move(documents).value();
}

inline Case MakeCase(const KnowledgeBase& kb, int age, Sex sex,
                     const std::vector<std::string>& present,
                     const std::vector<std::string>& absent = {}) {
  Case c;
  c.age = age;
  c.sex = sex;
  c.answers.assign(kb.findings.size(), Answer::kUnknown);
  c.dont_know.assign(kb.findings.size(), false);
  for (const auto& id : present)
    c.answers.at(static_cast<std::size_t>(kb.FindingIndex(id))) = Answer::kPresent;
  for (const auto& id : absent)
    c.answers.at(static_cast<std::size_t>(kb.FindingIndex(id))) = Answer::kAbsent;
  return c;
}

}  // namespace symcheck::testing

#endif  // SYMCHECK_TESTS_ENGINE_TEST_UTIL_H_
