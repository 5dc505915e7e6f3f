// Offline use. One versioned cache holds every file of the site (ASSETS, the one list). A new
// version is installed in full into its own cache first; it is activated only when the page says
// no answers are on screen, and activation deletes every older cache. Requests are answered from
// the one current cache only, so a page never mixes an old page with a new engine or new data.
// Change VERSION whenever any file of the site changes (the build may stamp a content hash here).

const VERSION = '2026-11-26.1';
const CACHE = `symcheck-${VERSION}`;
const PREFIX = 'symcheck-';

const ASSETS = [
  './',
  './index.html',
  './manifest.webmanifest',
  './symcheck.mjs',
  './symcheck.wasm',
  './kb/sources.json',
  './kb/findings.json',
  './kb/conditions.json',
  './kb/rules.json',
  './kb/screens.json',
  './kb/pages.json',
  './ui/en.json',
  './ui/es.json',
  './ui/regions.json',
  './ui/settings.json',
  './css/base.css',
  './css/layout.css',
  './css/diagram.css',
  './css/interview.css',
  './css/result.css',
  './css/print.css',
  './icons/icon.svg',
  './icons/icon-192.png',
  './icons/icon-512.png',
  './js/main.js',
  './js/engine-client.js',
  './js/interview-state.js',
  './js/i18n.js',
  './js/kb.js',
  './js/fhir.js',
  './js/settings.js',
  './js/privacy.js',
  './js/sw-register.js',
  './js/ui/dom.js',
  './js/ui/header.js',
  './js/ui/start-screen.js',
  './js/ui/body-diagram.js',
  './js/ui/question-screen.js',
  './js/ui/result-screen.js',
  './js/ui/condition-page.js',
  './js/ui/library-screen.js',
  './js/ui/print-summary.js',
  './js/nav-history.js',
  './js/ui/review-screen.js',
  './js/ui/confirm-dialog.js',
  './js/ui/kiosk.js',
  './js/ui/next-steps.js',
  './js/ui/share.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Every file or none: a failed download fails the install and the old version stays.
    await Promise.all(ASSETS.map(async (path) => {
      const request = new Request(path, { cache: 'reload' });
      const response = await fetch(request);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      await cache.put(request, response);
    }));
  })().catch(async (error) => {
    await caches.delete(CACHE);
    throw error;
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'activate-new-version') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true })
      ?? (request.mode === 'navigate' ? await cache.match('./index.html') : undefined);
    if (hit) return hit;
    return fetch(request);
  })());
});
