// The WebAssembly face the page loads: the same Engine, JSON strings in and out, errors as values
// ({ok, json, errorCode, error}), and only what the page calls, plus the batch mode of
// scripts/symcheck.mjs (one line in, one line out; a few hundred bytes of module). Nothing medical
// lives here; the benchmark's extra entry points live in their own module (bench_bindings.cc).
#include <emscripten/bind.h>

#include <string>

#include "api/engine.h"

namespace {

using symcheck::Engine;
using symcheck::Response;

}  // namespace

EMSCRIPTEN_BINDINGS(symcheck_module) {
  emscripten::value_object<Response>("Response")
      .field("ok", &Response::ok)
      .field("json", &Response::json)
      .field("errorCode", &Response::error_code)
      .field("error", &Response::error);

  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("load", &Engine::LoadJson)
      .function("assess",
                emscripten::optional_override([](const Engine& e, const std::string& c,
                                                 const std::string& o) { return e.Assess(c, o); }))
      .function("interview", emscripten::optional_override(
                                 [](const Engine& e, const std::string& c, const std::string& o) {
                                   return e.Interview(c, o);
                                 }))
      .function("next",
                emscripten::optional_override([](const Engine& e, const std::string& s,
                                                 const std::string& o) { return e.Next(s, o); }))
      .function("batch", emscripten::optional_override(
                             [](const Engine& e, const std::string& line, const std::string& o) {
                               return e.BatchLine(line, o);
                             }));
}
