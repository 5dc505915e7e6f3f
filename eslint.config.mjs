// ESLint for the page's JavaScript (web/), the tests (tests/) and the Node scripts (scripts/*.mjs):
// @eslint/js's recommended rules, with each file's own globals. Run by scripts/test.sh:
//   tests/node_modules/.bin/eslint eslint.config.mjs web tests scripts
// The tools are installed in tests/node_modules (tests/package.json), not next to this file, so
// they are required from there.
import { createRequire } from 'node:module';

const require = createRequire(new URL('./tests/package.json', import.meta.url));
const js = require('@eslint/js');
const globals = require('globals');

export default [
  { ignores: ['build/', '**/node_modules/', 'data/'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  // The page: ES modules in the browser.
  { files: ['web/js/**/*.js'], ignores: ['web/js/engine-worker.js'], languageOptions: { globals: globals.browser } },
  // The engine's module worker.
  { files: ['web/js/engine-worker.js'], languageOptions: { globals: globals.worker } },
  // The service worker: a classic script.
  { files: ['web/sw.js'], languageOptions: { sourceType: 'script', globals: globals.serviceworker } },
  // Tests, scripts and this file run under Node.
  { files: ['tests/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.mjs'], languageOptions: { globals: globals.node } },
  // What drives Chromium (the browser tests, the benchmark): the callbacks it hands to
  // page.evaluate() and addInitScript() run in the page.
  { files: ['tests/browser/**/*.mjs', 'scripts/bench.mjs'], languageOptions: { globals: globals.browser } },
];
