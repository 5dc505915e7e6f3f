// The WebAssembly faces' interface: plain C functions over an engine handle, no embind. Text
// crosses as UTF-8 bytes in the module's memory (pointer and length both ways), so a call costs
// one copy in and one TextDecoder pass out, and the module carries no binding runtime (embind's
// was about a tenth of the page's module). web/js/engine-module.js is the one JavaScript face of
// these functions, for the page's worker, the Node runner, the benchmark and the tests.
//
// Each call leaves its Response in the handle until the next call on that handle; the accessors
// read it. Nothing medical lives here.
#ifndef SYMCHECK_WASM_ENGINE_CALLS_H_
#define SYMCHECK_WASM_ENGINE_CALLS_H_

#include <cstddef>
#include <string>

#include "api/engine.h"

namespace symcheck {

/// One engine and its last answer.
struct EngineHandle {
  Engine engine;
  Response last;
};

}  // namespace symcheck

extern "C" {

// Lifetime.
symcheck::EngineHandle* symcheck_new();
void symcheck_delete(symcheck::EngineHandle* handle);

// The page's calls (load, assess, next); each returns 1 when the answer is ok, 0 otherwise.
int symcheck_load(symcheck::EngineHandle* handle, const char* documents, std::size_t size);
int symcheck_assess(symcheck::EngineHandle* handle, const char* case_json, std::size_t case_size,
                    const char* options, std::size_t options_size);
int symcheck_next(symcheck::EngineHandle* handle, const char* state, std::size_t state_size,
                  const char* options, std::size_t options_size);

// The last answer's fields: 0 json, 1 error_code, 2 error; bytes and their count (not terminated).
const char* symcheck_field(const symcheck::EngineHandle* handle, int field);
std::size_t symcheck_field_size(const symcheck::EngineHandle* handle, int field);
}

#endif  // SYMCHECK_WASM_ENGINE_CALLS_H_
