// The WebAssembly face: the same Engine, JSON strings in and out, errors as values
// ({ok, json, errorCode, error}). Nothing medical lives here.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "api/engine.h"

namespace {

using symcheck::Engine;
using symcheck::Response;

// The finding indices JavaScript writes for posteriorAt(): one buffer for the module (JavaScript
// calls are never concurrent within one module instance).
std::vector<int>& PosteriorInput() {
  static std::vector<int> input;
  return input;
}

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
      // The posterior without JSON on either side, for callers that already hold finding indices:
      // they write present then absent indices into the buffer that posteriorInput(capacity)
      // returns (a byte offset into HEAP32), call posteriorAt(), and read one probability per
      // condition from HEAPF64 at the returned byte offset (0 when an index or the age is
      // invalid). No JavaScript object crosses the boundary, so the call costs no more than the
      // arithmetic.
      .function("posteriorInput", emscripten::optional_override([](Engine&, int capacity) {
                  PosteriorInput().assign(static_cast<std::size_t>(std::max(capacity, 0)), 0);
                  return reinterpret_cast<std::uintptr_t>(PosteriorInput().data());
                }))
      .function("posteriorAt",
                emscripten::optional_override([](Engine& e, int age, bool female, int n_present,
                                                 int n_absent, bool damping) -> std::uintptr_t {
                  const std::vector<int>& input = PosteriorInput();
                  if (n_present < 0 || n_absent < 0 ||
                      static_cast<std::size_t>(n_present) + static_cast<std::size_t>(n_absent) >
                          input.size()) {
                    return 0;
                  }
                  const std::vector<double>& p = e.Posterior(
                      age, female ? symcheck::Sex::kFemale : symcheck::Sex::kMale, input.data(),
                      static_cast<std::size_t>(n_present), input.data() + n_present,
                      static_cast<std::size_t>(n_absent), damping);
                  return p.empty() ? 0 : reinterpret_cast<std::uintptr_t>(p.data());
                }));
}
