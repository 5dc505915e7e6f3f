// The engine (WebAssembly) behind a small JavaScript face. The engine answers every call with
// {ok, json, errorCode, error}; here a failure becomes a thrown EngineError and a success the
// parsed JSON. The page holds no medical logic: screens, stopping, triage and probabilities
// all come from these calls.

export class EngineError extends Error {
  constructor(code, message) {
    super(message || code);
    this.name = 'EngineError';
    this.code = code;
  }
}

function unwrap(response) {
  if (!response || typeof response !== 'object') throw new EngineError('no_response', 'the engine gave no answer');
  if (!response.ok) throw new EngineError(response.errorCode || 'engine_error', response.error || 'engine error');
  try {
    return JSON.parse(response.json);
  } catch (error) {
    throw new EngineError('invalid_output', `the engine's answer is not JSON: ${error.message}`);
  }
}

export class EngineClient {
  /** `module` is the instantiated Emscripten module (createSymcheck()). */
  constructor(module) {
    this.engine = new module.Engine();
  }

  /** documents: [{name: 'kb/findings.json', text: '...'}, ...]; returns the counts loaded. */
  load(documents) {
    return unwrap(this.engine.load(JSON.stringify(documents)));
  }

  /**
   * state: {age, sex, present, absent, dont_know, screens: [[finding ids of each screen shown]]};
   * options: {audience, max_screens?}. Returns {screen: {id, kind, items} | null, stop_reason,
   * number, estimate, assessment}.
   */
  next(state, options = {}) {
    return unwrap(this.engine.next(JSON.stringify(state), JSON.stringify(options)));
  }

  /** A case in, the assessment out. */
  assess(caseData, options = {}) {
    return unwrap(this.engine.assess(JSON.stringify(caseData), JSON.stringify(options)));
  }
}

function withTimeout(promise, ms, code) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new EngineError(code, `no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Loads the WebAssembly module and a knowledge base (`documents`, or a promise of them, so the
 * download of both runs at once). Throws EngineError with code
 * `no_webassembly`, `module_failed`, `timeout` or the engine's own load error.
 */
export async function startEngine(documents, { moduleUrl = new URL('../symcheck.mjs', import.meta.url).href, timeoutMs = 30000 } = {}) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new EngineError('no_webassembly', 'this browser cannot run WebAssembly');
  }
  const instantiate = (async () => {
    let factory;
    try {
      ({ default: factory } = await import(moduleUrl));
    } catch (error) {
      throw new EngineError('module_failed', `the engine could not be loaded: ${error.message}`);
    }
    try {
      return await factory();
    } catch (error) {
      throw new EngineError('module_failed', `the engine could not start: ${error?.message ?? error}`);
    }
  })();
  const module = await withTimeout(instantiate, timeoutMs, 'timeout');
  const client = new EngineClient(module);
  client.counts = client.load(await documents);
  return client;
}
