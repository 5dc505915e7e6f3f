// Loads and validates a knowledge base from its JSON documents (data/SCHEMA.md). A knowledge base
// that fails validation is never half-loaded: the result is either complete or an error.
#ifndef SYMCHECK_IO_KB_LOADER_H_
#define SYMCHECK_IO_KB_LOADER_H_

#include <string>
#include <vector>

#include "core/knowledge_base.h"
#include "core/status.h"

namespace symcheck {

/// One file of the knowledge base: its name (used in every message) and its text.
struct Document {
  std::string name;
  std::string text;
};

Result<KnowledgeBase> LoadKnowledgeBase(const std::vector<Document>& documents);

}  // namespace symcheck

#endif  // SYMCHECK_IO_KB_LOADER_H_
