// Answers live in memory only. This module makes sure they do not outlive the visit: leaving the
// page (or the back-forward cache bringing it back) erases them, and in kiosk mode a clinic tablet
// erases them after a few idle minutes.

/**
 * reset(): erases everything and shows the start screen.
 * kiosk: {enabled, idleMs, paused(): bool} — the idle timer does not run while paused() is true
 * (a clinician reading a result).
 */
export function installPrivacyGuards({ reset, kiosk = { enabled: false } }) {
  // pagehide runs before the page enters the back-forward cache or unloads: nothing survives it.
  window.addEventListener('pagehide', () => reset({ reason: 'pagehide' }));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) reset({ reason: 'pageshow' });
  });

  if (!kiosk.enabled) return { touch() {}, stop() {} };

  let timer = 0;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (kiosk.paused?.()) {
        arm();
        return;
      }
      reset({ reason: 'idle' });
    }, kiosk.idleMs);
  };
  const events = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'];
  for (const type of events) window.addEventListener(type, arm, { passive: true, capture: true });
  arm();
  return {
    touch: arm,
    stop() {
      clearTimeout(timer);
      for (const type of events) window.removeEventListener(type, arm, { capture: true });
    },
  };
}
