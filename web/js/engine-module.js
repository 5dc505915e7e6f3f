// The one JavaScript face of the engine's WebAssembly module (engine/wasm/engine_calls.h), for the
// page's worker, the Node runner, the benchmark and the tests: an engine object whose calls take
// JSON text and return the engine's answer {ok, json, errorCode, error}. Text crosses as UTF-8 in
// the module's memory; the answer is read with TextDecoder straight from it.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const FIELDS = { json: 0, errorCode: 1, error: 2 };
// How many texts each call takes: load the knowledge-base documents; the others a case, state or
// batch line and the options ('{}' when not given).
const TEXTS = { load: 1, assess: 2, next: 2, interview: 2, batch: 2 };

/**
 * A new engine in `Module` (an instantiated module). `calls` names the calls to offer, each a C
 * function `_symcheck_<call>` the module exports: the page's module has load, assess and next; the
 * Node runner's adds interview and batch. `delete()` frees the engine.
 */
export function createEngine(Module, calls = availableCalls(Module)) {
  const handle = Module._symcheck_new();
  const engine = {
    delete() {
      Module._symcheck_delete(handle);
    },
  };
  for (const call of calls) {
    const fn = Module[`_symcheck_${call}`];
    if (typeof fn !== 'function') throw new Error(`the engine module has no call ${call}`);
    engine[call] = (text, options = '{}') => answer(Module, handle, fn, TEXTS[call] === 1 ? [text] : [text, options]);
  }
  return engine;
}

/** The calls the module offers, in the order of `createEngine`'s objects. */
export function availableCalls(Module) {
  return Object.keys(TEXTS).filter((call) => typeof Module[`_symcheck_${call}`] === 'function');
}

function answer(Module, handle, fn, texts) {
  const args = [handle];
  const buffers = [];
  try {
    for (const text of texts) {
      const bytes = encoder.encode(String(text));
      const at = Module._malloc(Math.max(1, bytes.length));
      buffers.push(at);
      Module.HEAPU8.set(bytes, at);
      args.push(at, bytes.length);
    }
    const ok = fn(...args) === 1;
    return {
      ok,
      json: field(Module, handle, FIELDS.json),
      errorCode: field(Module, handle, FIELDS.errorCode),
      error: field(Module, handle, FIELDS.error),
    };
  } finally {
    for (const at of buffers) Module._free(at);
  }
}

function field(Module, handle, index) {
  const size = Module._symcheck_field_size(handle, index);
  if (size === 0) return '';
  const at = Module._symcheck_field(handle, index);
  return decoder.decode(Module.HEAPU8.subarray(at, at + size));
}
