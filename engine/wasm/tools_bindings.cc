// The WebAssembly face of the Node runner (scripts/symcheck.mjs), never part of the site: the
// page's calls and the whole interview and batch mode the benchmark and the native/WebAssembly
// parity check use. Built from the same objects as the page's module, so its answers are the
// page's to the byte (tests/wasm checks that too).
#include <emscripten/bind.h>

#include <string>

#include "page_calls.h"

EMSCRIPTEN_BINDINGS(symcheck_tools) {
  using symcheck::Engine;
  symcheck::BindPageCalls(emscripten::class_<Engine>("Engine"))
      .function("interview", emscripten::optional_override(
                                 [](const Engine& e, const std::string& c, const std::string& o) {
                                   return symcheck::ToJs(e.Interview(c, o));
                                 }))
      .function("batch", emscripten::optional_override(
                             [](const Engine& e, const std::string& line, const std::string& o) {
                               return e.BatchLine(line, o);
                             }));
}
