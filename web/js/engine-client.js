// The engine (WebAssembly, in a Web Worker: engine-worker.js) behind a small JavaScript face. The
// engine answers every call with {ok, json, errorCode, error}; here a failure becomes a rejected
// EngineError and a success the parsed JSON. The page holds no medical logic: screens, stopping,
// triage and probabilities all come from these calls.

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

/**
 * The page's face of the engine, which runs in a Web Worker (engine-worker.js): every call returns
 * a promise of the parsed answer, or rejects with an EngineError. Calls are answered in order.
 */
export class EngineClient {
  constructor(worker) {
    this.worker = worker;
    this.pending = new Map();
    this.nextId = 1;
    this.broken = null;
    worker.addEventListener('message', (event) => this.receive(event.data));
    // A worker that cannot start (a script that fails to load or throws) ends every call.
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      this.fail(new EngineError('module_failed', `the engine could not be loaded: ${event.message || 'worker error'}`));
    });
    worker.addEventListener('messageerror', () =>
      this.fail(new EngineError('no_response', "the engine's answer could not be read")),
    );
  }

  receive(data) {
    const call = this.pending.get(data?.id);
    if (!call) return;
    this.pending.delete(data.id);
    if (!data.ok) {
      call.reject(new EngineError(data.code || 'engine_error', data.error));
      return;
    }
    try {
      call.resolve(call.raw ? data : unwrap(data.response));
    } catch (error) {
      call.reject(error);
    }
  }

  fail(error) {
    this.broken ??= error;
    for (const call of this.pending.values()) call.reject(this.broken);
    this.pending.clear();
  }

  call(name, args, { raw = false } = {}) {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, raw });
      this.worker.postMessage({ id, call: name, args });
    });
  }

  /**
   * state: {age, sex, present, absent, dont_know, screens: [[finding ids of each screen shown]]};
   * options: {audience, max_screens?}. Resolves to {screen: {id, kind, items} | null, stop_reason,
   * number, estimate, assessment}; kind is opening, safety, diagnostic, follow_up (the questions
   * after a yes) or confirmation (what could undo an emergency rule that holds, asked before the
   * interview stops on it; id follow_up).
   */
  next(state, options = {}) {
    return this.call('next', [state, options]);
  }

  /** A case in, the assessment out. */
  assess(caseData, options = {}) {
    return this.call('assess', [caseData, options]);
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
 * Starts the engine worker, which loads the WebAssembly module and the knowledge base (named by
 * kb/manifest.json). Resolves to {client, documents, counts}: the client, the knowledge-base texts
 * the page shows (the same files the engine loaded) and what was loaded. Rejects with an EngineError
 * of code `no_webassembly`, `module_failed`, `kb_failed`, `timeout` or the engine's own load error.
 */
export async function startEngine({
  workerUrl = new URL('./engine-worker.js', import.meta.url),
  moduleUrl = new URL('../symcheck.mjs', import.meta.url).href,
  kbBase = new URL('../kb/', import.meta.url).href,
  timeoutMs = 30000,
} = {}) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new EngineError('no_webassembly', 'this browser cannot run WebAssembly');
  }
  let worker;
  try {
    worker = new Worker(workerUrl, { type: 'module', name: 'symcheck-engine' });
  } catch (error) {
    throw new EngineError('module_failed', `the engine could not be started: ${error?.message ?? error}`);
  }
  const client = new EngineClient(worker);
  let reply;
  try {
    reply = await withTimeout(client.call('start', [{ moduleUrl, kbBase }], { raw: true }), timeoutMs, 'timeout');
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const counts = unwrap(reply.response);
  return { client, documents: reply.documents, counts };
}
