// The WebAssembly face of the Node runner (scripts/symcheck.mjs), never part of the site: the
// page's calls and the whole interview and batch mode the benchmark and the native/WebAssembly
// parity check use. Built from the same objects as the page's module, so its answers are the
// page's to the byte (tests/wasm checks that too).
#include <emscripten/bind.h>

#include <string>

#include "api/engine.h"
#include "to_js.h"

EMSCRIPTEN_BINDINGS(symcheck_tools) {
  using symcheck::Engine;
  using symcheck::ToJs;
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("load", emscripten::optional_override([](Engine& e, const std::string& documents) {
                  return ToJs(e.LoadJson(documents));
                }))
      .function("assess", emscripten::optional_override(
                              [](const Engine& e, const std::string& c, const std::string& o) {
                                return ToJs(e.Assess(c, o));
                              }))
      .function("interview", emscripten::optional_override(
                                 [](const Engine& e, const std::string& c, const std::string& o) {
                                   return ToJs(e.Interview(c, o));
                                 }))
      .function("next", emscripten::optional_override(
                            [](const Engine& e, const std::string& s, const std::string& o) {
                              return ToJs(e.Next(s, o));
                            }))
      .function("batch", emscripten::optional_override(
                             [](const Engine& e, const std::string& line, const std::string& o) {
                               return e.BatchLine(line, o);
                             }));
}
