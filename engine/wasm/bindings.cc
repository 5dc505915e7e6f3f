// The WebAssembly face: the same Engine, JSON strings in and out, errors as values
// ({ok, json, errorCode, error}). Nothing medical lives here.
#include <emscripten/bind.h>
#include <emscripten/val.h>

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
      .function("info", &Engine::Info)
      // Typed arrays in and out, for callers that already hold finding indices: the posterior
      // without JSON on either side (one probability per condition, in data order).
      .function("posterior",
                emscripten::optional_override([](Engine& e, int age, bool female,
                                                 const emscripten::val& present,
                                                 const emscripten::val& absent, bool damping) {
                  const std::vector<double>& p =
                      e.Posterior(age, female ? symcheck::Sex::kFemale : symcheck::Sex::kMale,
                                  emscripten::convertJSArrayToNumberVector<int>(present),
                                  emscripten::convertJSArrayToNumberVector<int>(absent), damping);
                  return emscripten::val(emscripten::typed_memory_view(p.size(), p.data()));
                }));
}
