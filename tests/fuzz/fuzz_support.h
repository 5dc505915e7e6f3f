// The project's knowledge base, loaded once per fuzzing process.
#ifndef SYMCHECK_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define SYMCHECK_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/engine.h"

namespace symcheck::fuzz {

inline const Engine& ProjectEngine() {
  static const Engine engine = [] {
    std::vector<Document> documents;
    for (const char* name : {"conditions", "findings", "pages", "rules", "screens", "sources"}) {
      const std::string path = std::string(SYMCHECK_SOURCE_DIR) + "/data/kb/" + name + ".json";
      std::ifstream in(path);
      std::ostringstream text;
      text << in.rdbuf();
      documents.push_back({path, text.str()});
    }
    Engine e;
    const Response r = e.Load(documents);
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
