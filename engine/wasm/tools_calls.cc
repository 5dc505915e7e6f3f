// The Node runner's extra calls (never part of the site): whole interviews and the batch mode the
// benchmark and the native/WebAssembly parity check use. Linked with engine_calls.cc, the page's
// calls, so the tools module answers those with the page's bytes (tests/wasm checks that too).
#include <emscripten/emscripten.h>

#include "engine_calls.h"

extern "C" {

EMSCRIPTEN_KEEPALIVE int symcheck_interview(symcheck::EngineHandle* handle, const char* case_json,
                                            std::size_t case_size, const char* options,
                                            std::size_t options_size) {
  handle->last = handle->engine.Interview(std::string(case_json, case_size),
                                          std::string(options, options_size));
  return handle->last.ok ? 1 : 0;
}

// A batch line's answer is always a line (errors included), kept as an ok answer's json.
EMSCRIPTEN_KEEPALIVE int symcheck_batch(symcheck::EngineHandle* handle, const char* line,
                                        std::size_t line_size, const char* options,
                                        std::size_t options_size) {
  handle->last = symcheck::Response{};
  handle->last.ok = true;
  handle->last.json =
      handle->engine.BatchLine(std::string(line, line_size), std::string(options, options_size));
  return 1;
}
}
