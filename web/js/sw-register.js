// Registers the service worker (offline use). A new version is installed in full in its own cache
// while this page keeps running on the old one. It takes over only when no tab of the site has
// answers on screen: a tab offers the switch when its own screen is free (canSwitch() is true), and
// the new service worker first asks every tab (the 'busy?' message below) and stays waiting if any
// says busy or does not answer; a busy tab offers again at its next reset. After the switch every
// free tab reloads, so that page, engine and data always come from one version.

export function registerServiceWorker({ canSwitch }) {
  if (!('serviceWorker' in navigator)) return { offerSwitch() {}, update() {} };
  const container = navigator.serviceWorker;
  let controlled = Boolean(container.controller);
  let registration = null;
  let waiting = null;

  const offerSwitch = () => {
    if (!waiting || waiting.state !== 'installed' || !canSwitch()) return;
    waiting.postMessage({ type: 'activate-new-version' });
  };

  // The waiting version asks each tab before it takes over: a reply {busy} on the port it sends.
  container.addEventListener('message', (event) => {
    if (event.data?.type === 'busy?') event.ports[0]?.postMessage({ busy: !canSwitch() });
  });
  container.startMessages?.();

  container.addEventListener('controllerchange', () => {
    // The first install takes control without a reload (the same files). A replacement reloads a
    // tab with nothing of a person on screen, so page, engine and data come from the new version.
    if (controlled && canSwitch()) window.location.reload();
    controlled = true;
  });

  container
    .register('./sw.js', { scope: './' })
    .then((reg) => {
      registration = reg;
      const track = (worker) => {
        if (!worker) return;
        const check = () => {
          if (worker.state === 'installed' && container.controller) {
            waiting = worker;
            offerSwitch();
          }
        };
        worker.addEventListener('statechange', check);
        check();
      };
      track(reg.waiting);
      reg.addEventListener('updatefound', () => track(reg.installing));
    })
    .catch((error) => {
      console.warn('Offline use is not available:', error?.message ?? error);
    });

  /** Looks for a new version now (a kiosk does at every reset); offline, nothing happens. */
  const update = () => {
    registration?.update().catch(() => {});
  };

  return { offerSwitch, update };
}
