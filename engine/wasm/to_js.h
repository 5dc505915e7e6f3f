// A Response as the plain object both WebAssembly faces return: {ok, json, errorCode, error}.
#ifndef SYMCHECK_WASM_TO_JS_H_
#define SYMCHECK_WASM_TO_JS_H_

#include <emscripten/val.h>

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

}  // namespace symcheck

#endif  // SYMCHECK_WASM_TO_JS_H_
