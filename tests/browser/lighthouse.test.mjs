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

test('lighthouse scores', async () => {
  const server = await serve();
  const profile = mkdtempSync(path.join(tmpdir(), 'symcheck-lh-'));
  const out = path.join(ROOT, 'build/lighthouse');
  mkdirSync(out, { recursive: true });
  try {
    const flags = [...FLAGS.filter((f) => f !== '--headless'), '--headless=new', `--user-data-dir=${profile}`];
    await run(path.join(ROOT, 'tests/node_modules/.bin/lighthouse'), [
      `${server.origin}/`, '--quiet', '--output=json', '--output=html', `--output-path=${path.join(out, 'report')}`,
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=${flags.join(' ')}`,
    ], { env: { ...process.env, CHROME_PATH: CHROME }, timeout: 120000, maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(readFileSync(path.join(out, 'report.report.json'), 'utf8'));
    const score = (id) => report.categories[id].score;
    const failing = (id) => report.categories[id].auditRefs
      .map((ref) => report.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id}: ${a.score}`);
    assert.ok(score('performance') >= 0.95, `performance ${score('performance')}: ${failing('performance').join(', ')}`);
    assert.equal(score('accessibility'), 1, failing('accessibility').join(', '));
    assert.equal(score('best-practices'), 1, failing('best-practices').join(', '));
  } finally {
    server.stop();
    rmSync(profile, { recursive: true, force: true });
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
