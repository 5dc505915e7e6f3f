// The page's calls as C functions (engine_calls.h): the page's module is this file alone.
#include "engine_calls.h"

#include <emscripten/emscripten.h>

namespace {

int Keep(symcheck::EngineHandle* handle, symcheck::Response response) {
  handle->last = std::move(response);
  return handle->last.ok ? 1 : 0;
}

const std::string& Field(const symcheck::EngineHandle* handle, int field) {
  switch (field) {
    case 0:
      return handle->last.json;
    case 1:
      return handle->last.error_code;
    default:
      return handle->last.error;
  }
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE symcheck::EngineHandle* symcheck_new() { return new symcheck::EngineHandle(); }

EMSCRIPTEN_KEEPALIVE void symcheck_delete(symcheck::EngineHandle* handle) { delete handle; }

EMSCRIPTEN_KEEPALIVE int symcheck_load(symcheck::EngineHandle* handle, const char* documents,
                                       std::size_t size) {
  return Keep(handle, handle->engine.LoadJson(std::string(documents, size)));
}

EMSCRIPTEN_KEEPALIVE int symcheck_assess(symcheck::EngineHandle* handle, const char* case_json,
                                         std::size_t case_size, const char* options,
                                         std::size_t options_size) {
  return Keep(handle, handle->engine.Assess(std::string(case_json, case_size),
                                            std::string(options, options_size)));
}

EMSCRIPTEN_KEEPALIVE int symcheck_next(symcheck::EngineHandle* handle, const char* state,
                                       std::size_t state_size, const char* options,
                                       std::size_t options_size) {
  return Keep(handle, handle->engine.Next(std::string(state, state_size),
                                          std::string(options, options_size)));
}

EMSCRIPTEN_KEEPALIVE const char* symcheck_field(const symcheck::EngineHandle* handle, int field) {
  return Field(handle, field).data();
}

EMSCRIPTEN_KEEPALIVE std::size_t symcheck_field_size(const symcheck::EngineHandle* handle,
                                                     int field) {
  return Field(handle, field).size();
}
}
