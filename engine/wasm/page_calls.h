// What both WebAssembly faces share: a Response as the plain object they return ({ok, json,
// errorCode, error}) and the binding of the page's calls (load, assess, next), written once.
#ifndef SYMCHECK_WASM_PAGE_CALLS_H_
#define SYMCHECK_WASM_PAGE_CALLS_H_

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "api/engine.h"

namespace symcheck {

// The JSON text, several kilobytes, is decoded by TextDecoder straight from the module's memory:
// embind's std::string conversion would copy it and scan it byte by byte in JavaScript, twice.
inline emscripten::val ToJs(const Response& r) {
  static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_();
  emscripten::val out = emscripten::val::object();
  out.set("ok", r.ok);
  out.set("json", decoder.call<emscripten::val>(
                      "decode", emscripten::typed_memory_view(r.json.size(), r.json.data())));
  out.set("errorCode", r.error_code);
  out.set("error", r.error);
  return out;
}

// The class Engine with the page's calls; a face adds what else it needs to the returned binding.
inline const emscripten::class_<Engine>& BindPageCalls(const emscripten::class_<Engine>& engine) {
  return engine.constructor<>()
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

}  // namespace symcheck

#endif  // SYMCHECK_WASM_PAGE_CALLS_H_
