// The project's knowledge base, loaded once per fuzzing process.
#ifndef SYMCHECK_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define SYMCHECK_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdlib>
#include <iostream>
#include <vector>

#include "api/engine.h"
#include "cli/kb_files.h"

namespace symcheck::fuzz {

// Read as the CLI reads it (every *.json of data/kb, or $SYMCHECK_KB), so that a new
// knowledge-base file is fuzzed with the rest without being listed here.
inline const Engine& ProjectEngine() {
  static const Engine engine = [] {
    Result<std::vector<Document>> documents = ReadKnowledgeBaseFiles(DefaultKnowledgeBasePath());
    if (!documents.ok()) {
      std::cerr << documents.error().message << "\n";
      std::abort();
    }
    Engine e;
    const Response r = e.Load(documents.value());
    if (!r.ok) {
      std::cerr << r.error << "\n";
      std::abort();
    }
    return e;
  }();
  return engine;
}

}  // namespace symcheck::fuzz

#endif  // SYMCHECK_TESTS_FUZZ_FUZZ_SUPPORT_H_
