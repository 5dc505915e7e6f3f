// Serves a site folder with the production nginx configuration (scripts/nginx/run.sh) on a free
// loopback port, for the browser tests and the benchmark: the page as a real host sends it,
// gzip-compressed and with the same caching and security headers.
//
//   const server = await serveWithNginx(siteDir);  // {origin, stop}
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run.sh');

// nginx never outlives the process that started it, even when a test fails before its cleanup.
const running = new Set();
process.once('exit', () => {
  for (const proc of running) {
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
});

/**
 * Starts nginx for `site` (tries up to five random ports) and resolves once it answers.
 * nginx's workers run as an unprivileged user (www-data), as on a real host, so the folder is made
 * world-readable (a mkdtemp copy is private otherwise).
 */
export async function serveWithNginx(site) {
  execFileSync('chmod', ['-R', 'a+rX', site]);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const proc = spawn('bash', [RUN, String(port)], {
      env: { ...process.env, SITE: site },
      stdio: 'ignore',
      detached: true,
    });
    running.add(proc);
    const stop = () => {
      if (proc.exitCode === null && proc.signalCode === null) process.kill(-proc.pid, 'SIGTERM');
      running.delete(proc);
    };
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i += 1) {
      if (proc.exitCode !== null) break;
      try {
        if ((await fetch(`${origin}/`)).ok) return { origin, site, stop };
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stop();
  }
  throw new Error('nginx did not start (is nginx-light installed? scripts/setup.sh installs it)');
}
