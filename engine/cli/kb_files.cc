#include "cli/kb_files.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace symcheck {

namespace fs = std::filesystem;

Result<std::string> ReadTextFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return Error{"unreadable_file", path + ": is a directory, not a file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"unreadable_file", path + ": cannot read (" + std::strerror(errno) + ")"};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{"unreadable_file", path + ": read error"};
  return text.str();
}

Result<std::vector<Document>> ReadKnowledgeBaseFiles(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    }
    if (ec) return Error{"unreadable_file", path + ": cannot list (" + ec.message() + ")"};
    std::sort(files.begin(), files.end());
    if (files.empty()) return Error{"unreadable_file", path + ": no .json files in this folder"};
  } else {
    files.push_back(path);
  }
  std::vector<Document> documents;
  for (const std::string& file : files) {
    Result<std::string> text = ReadTextFile(file);
    if (!text.ok()) return text.error();
    documents.push_back({file, std::move(text).value()});
  }
  return documents;
}

std::string DefaultKnowledgeBasePath() {
  if (const char* env = std::getenv("SYMCHECK_KB"); env != nullptr && *env != '\0') return env;
  return SYMCHECK_DEFAULT_KB;
}

std::string ProjectPath(const std::string& relative) {
  return std::string(SYMCHECK_PROJECT_ROOT) + "/" + relative;
}

}  // namespace symcheck
