// The same WebAssembly engine under Node, to compare what the page shows with what the engine says.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadEngine } from '../../scripts/symcheck.mjs';
import { SITE } from './helpers.mjs';

export async function nodeEngine(site = SITE) {
  const { engine } = await loadEngine(site);
  const documents = [];
  for (const name of ['sources', 'findings', 'conditions', 'rules', 'screens', 'pages']) {
    documents.push({ name: `kb/${name}.json`, text: await readFile(path.join(site, 'kb', `${name}.json`), 'utf8') });
  }
  const loaded = engine.load(JSON.stringify(documents));
  if (!loaded.ok) throw new Error(`${loaded.errorCode}: ${loaded.error}`);
  const call = (response) => {
    if (!response.ok) throw new Error(`${response.errorCode}: ${response.error}`);
    return JSON.parse(response.json);
  };
  return {
    next: (state, options = { audience: 'patient' }) =>
      call(engine.next(JSON.stringify(state), JSON.stringify(options))),
    assess: (c, options = { audience: 'patient' }) => call(engine.assess(JSON.stringify(c), JSON.stringify(options))),
  };
}
