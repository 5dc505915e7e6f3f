// The WebAssembly face the page loads: the same Engine, JSON strings in and out, errors as values
// ({ok, json, errorCode, error}), and only what the page calls: load, assess and next. The Node
// runner's whole interviews and batch mode live in the tools module (tools_bindings.cc) and the
// benchmark's entry points in their own (bench_bindings.cc). Nothing medical lives here.
#include <emscripten/bind.h>

#include <string>

#include "api/engine.h"
#include "to_js.h"

EMSCRIPTEN_BINDINGS(symcheck_module) {
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
      .function("next", emscripten::optional_override(
                            [](const Engine& e, const std::string& s, const std::string& o) {
                              return ToJs(e.Next(s, o));
                            }));
}
