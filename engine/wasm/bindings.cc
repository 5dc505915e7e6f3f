// The WebAssembly face: the same Engine, JSON strings in and out, errors as values
// ({ok, json, errorCode, error}). Nothing medical lives here.
#include <emscripten/bind.h>

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
      .function("info", &Engine::Info);
}
