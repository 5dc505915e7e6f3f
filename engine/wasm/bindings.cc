// The WebAssembly face the page loads: the same Engine, JSON strings in and out, errors as values
// ({ok, json, errorCode, error}), and only what the page calls: load, assess and next. The Node
// runner's whole interviews and batch mode live in the tools module (tools_bindings.cc) and the
// benchmark's entry points in their own (bench_bindings.cc). Nothing medical lives here.
#include <emscripten/bind.h>

#include "page_calls.h"

EMSCRIPTEN_BINDINGS(symcheck_module) {
  symcheck::BindPageCalls(emscripten::class_<symcheck::Engine>("Engine"));
}
