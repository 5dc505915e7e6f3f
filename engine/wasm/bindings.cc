// The WebAssembly face the page loads: the same Engine, JSON strings in and out, errors as values
// ({ok, json, errorCode, error}), and only what the page calls, plus the batch mode of
// scripts/symcheck.mjs (one line in, one line out; a few hundred bytes of module). Nothing medical
// lives here; the benchmark's extra entry points live in their own module (bench_bindings.cc).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "api/engine.h"

namespace {

using emscripten::val;
using symcheck::Engine;
using symcheck::Response;

// A Response as a plain object {ok, json, errorCode, error}. The JSON text, several kilobytes, is
// decoded by TextDecoder straight from the module's memory: embind's std::string conversion would
// copy it and scan it byte by byte in JavaScript, twice.
val ToJs(const Response& r) {
  static const val decoder = val::global("TextDecoder").new_();
  val out = val::object();
  out.set("ok", r.ok);
  out.set("json",
          decoder.call<val>("decode", emscripten::typed_memory_view(r.json.size(), r.json.data())));
  out.set("errorCode", r.error_code);
  out.set("error", r.error);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(symcheck_module) {
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
