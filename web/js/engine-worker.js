// The engine in a Web Worker (a module worker, started by engine-client.js after the start screen is
// up): it imports the Emscripten module, fetches the knowledge base named by kb/manifest.json and
// loads it, then answers the page's calls off the main thread, so that no engine call, and neither
// the compilation of the module, blocks the page.
//
// Messages in:  {id, call: 'start', args: [{moduleUrl, kbBase}]}
//               {id, call: 'assess' | 'next', args: [input, options]} (JSON values)
// Messages out: {id, ok: true, response: {ok, json, errorCode, error}, documents?}
//               {id, ok: false, code, error} when the call itself could not run
// `response` is the engine's own answer, unchanged (engine-client.js unwraps it); `documents` (the
// knowledge-base texts, for the page's question wording and condition pages) comes with 'start'.

import { fetchKnowledgeBase } from './kb.js';
import { createEngine } from './engine-module.js';

const CALLS = new Set(['assess', 'next']);
let engine = null;
let started = null;

function coded(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

async function start({ moduleUrl, kbBase }) {
  let factory;
  try {
    ({ default: factory } = await import(moduleUrl));
  } catch (error) {
    throw coded('module_failed', `the engine could not be loaded: ${error?.message ?? error}`);
  }
  const documents = fetchKnowledgeBase(kbBase);
  documents.catch(() => {});
  let module;
  try {
    module = await factory();
  } catch (error) {
    throw coded('module_failed', `the engine could not start: ${error?.message ?? error}`);
  }
  let docs;
  try {
    docs = await documents;
  } catch (error) {
    throw coded('kb_failed', `the knowledge base could not be loaded: ${error?.message ?? error}`);
  }
  engine = createEngine(module, ['load', 'assess', 'next']);
  return { response: engine.load(JSON.stringify(docs)), documents: docs };
}

self.addEventListener('message', async (event) => {
  const { id, call, args = [] } = event.data ?? {};
  try {
    if (call === 'start') {
      started ??= start(args[0] ?? {});
      const { response, documents } = await started;
      self.postMessage({ id, ok: true, response, documents });
      return;
    }
    if (!CALLS.has(call)) throw coded('bad_call', `no engine call ${call}`);
    if (!engine) throw coded('not_started', 'the engine has not started');
    const [input, options = {}] = args;
    self.postMessage({ id, ok: true, response: engine[call](JSON.stringify(input), JSON.stringify(options)) });
  } catch (error) {
    self.postMessage({ id, ok: false, code: error?.code ?? 'engine_error', error: String(error?.message ?? error) });
  }
});
