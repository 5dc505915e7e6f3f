// Reading the knowledge base and case files from disk: the CLI's only file I/O.
#ifndef SYMCHECK_CLI_KB_FILES_H_
#define SYMCHECK_CLI_KB_FILES_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "io/kb_loader.h"

namespace symcheck {

/// The whole file as text, or an error naming the path.
Result<std::string> ReadTextFile(const std::string& path);

/// A knowledge base at `path`: a directory (every *.json in it, sorted by name) or one file.
Result<std::vector<Document>> ReadKnowledgeBaseFiles(const std::string& path);

/// The project's own data/kb: $SYMCHECK_KB, else the source tree the binary was built from.
std::string DefaultKnowledgeBasePath();

/// A path inside the source tree the binary was built from (e.g. "data/safety/hazards.json").
std::string ProjectPath(const std::string& relative);

}  // namespace symcheck

#endif  // SYMCHECK_CLI_KB_FILES_H_
