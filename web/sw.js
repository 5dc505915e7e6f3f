// Offline use. One versioned cache holds every file of the site (ASSETS, the one list). A new
// version is installed in full into its own cache first; it is activated only when no tab of the
// site has answers on screen (a tab offers the switch; this worker then asks every tab), and
// activation deletes every older cache. Requests are answered from the one current cache only, so
// a page never mixes an old page with a new engine or new data. The build writes VERSION (a hash
// of every other file of the site) and ASSETS (scripts/stamp_service_worker.cmake).

const VERSION = 'unstamped';
const CACHE = `symcheck-${VERSION}`;
const PREFIX = 'symcheck-';

// Every file of the site but this one, written by the build (scripts/stamp_service_worker.cmake).
const ASSETS = [];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every file or none: a failed download fails the install and the old version stays.
      await Promise.all(
        ASSETS.map(async (path) => {
          const request = new Request(path, { cache: 'reload' });
          const response = await fetch(request);
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          await cache.put(request, response);
        }),
      );
    })().catch(async (error) => {
      await caches.delete(CACHE);
      throw error;
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

/** True when some tab has answers on screen, or does not say (a tab that cannot answer counts as busy). */
async function anyTabBusy() {
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const replies = await Promise.all(
    tabs.map(
      (tab) =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          const timer = setTimeout(() => resolve(true), 5000);
          channel.port1.onmessage = (event) => {
            clearTimeout(timer);
            resolve(event.data?.busy !== false);
          };
          tab.postMessage({ type: 'busy?' }, [channel.port2]);
        }),
    ),
  );
  return replies.some(Boolean);
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'activate-new-version' || self.serviceWorker?.state === 'activated') return;
  event.waitUntil(
    (async () => {
      if (!(await anyTabBusy())) await self.skipWaiting();
      else event.source?.postMessage({ type: 'switch-deferred' }); // a tab has answers: wait
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit =
        (await cache.match(request, { ignoreSearch: true })) ??
        (request.mode === 'navigate' ? await cache.match('./index.html') : undefined);
      if (hit) return hit;
      return fetch(request);
    })(),
  );
});
