// One Lighthouse run (the pinned CLI in tests/node_modules, Debian's Chromium, a fresh profile),
// shared by the browser test (accessibility, best practices) and the benchmark (performance).
//
//   const report = await lighthouse(url, ['accessibility'], outputPath);  // the JSON report
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROME, CHROME_FLAGS } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLAGS = ['--headless=new', ...CHROME_FLAGS];
const run = promisify(execFile);

/**
 * Runs Lighthouse (its default: a mobile device with simulated throttling) on `url` for the given
 * categories, writes the JSON and HTML reports to `outputPath`.report.{json,html} and returns the
 * parsed JSON report.
 */
export async function lighthouse(url, categories, outputPath) {
  mkdirSync(path.dirname(outputPath), { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'symcheck-lh-'));
  try {
    await run(
      path.join(ROOT, 'tests/node_modules/.bin/lighthouse'),
      [
        url,
        '--quiet',
        '--output=json',
        '--output=html',
        `--output-path=${outputPath}`,
        `--only-categories=${categories.join(',')}`,
        `--chrome-flags=${[...FLAGS, `--user-data-dir=${profile}`].join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROME }, timeout: 180000, maxBuffer: 64 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return JSON.parse(readFileSync(`${outputPath}.report.json`, 'utf8'));
}

/** The audits of a category that do not pass, as "id: score" (for assertion messages). */
export function failingAudits(report, category) {
  return report.categories[category].auditRefs
    .map((ref) => report.audits[ref.id])
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 1 &&
        a.scoreDisplayMode !== 'informative' &&
        a.scoreDisplayMode !== 'notApplicable',
    )
    .map((a) => `${a.id}: ${a.score}`);
}
