// Registers the service worker (offline use). A new version is installed in full in its own cache
// while this page keeps running on the old one; it takes over only when no answers are on screen
// (canSwitch() is true), and then the page reloads so that page, engine and data always come from
// one version.

export function registerServiceWorker({ canSwitch }) {
  if (!('serviceWorker' in navigator)) return { offerSwitch() {} };
  let waiting = null;
  let switching = false;

  const offerSwitch = () => {
    if (!waiting || switching || !canSwitch()) return;
    switching = true;
    waiting.postMessage({ type: 'activate-new-version' });
  };

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install takes control without a reload (the same files); a replacement that this
    // page asked for reloads it, so page, engine and data all come from the new version.
    if (switching) window.location.reload();
  });

  navigator.serviceWorker.register('./sw.js', { scope: './' }).then((registration) => {
    const track = (worker) => {
      if (!worker) return;
      const check = () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) {
          waiting = worker;
          offerSwitch();
        }
      };
      worker.addEventListener('statechange', check);
      check();
    };
    track(registration.waiting);
    registration.addEventListener('updatefound', () => track(registration.installing));
  }).catch((error) => {
    console.warn('Offline use is not available:', error?.message ?? error);
  });

  return { offerSwitch };
}
