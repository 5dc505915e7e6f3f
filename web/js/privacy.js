// Answers live in memory only. This module makes sure they do not outlive the visit: leaving the
// page (or the back-forward cache bringing it back) erases them, and in kiosk mode a clinic tablet
// erases them after a few idle minutes, after an "Are you still there?" countdown.

/**
 * reset(): erases everything and shows the start screen.
 * kiosk: {enabled, idleMs, warnMs, hold(): bool, idleFactor(): number, warn({seconds, stay, erase}) -> {update(n), close()}}
 *   empty(): true while nothing of a person is on screen;
 *   hold(): true while idleness must not erase the screen (the emergency advice stays up);
 *   idleFactor(): how many idle times the screen shown may stay (a clinician reading a result: more, never forever);
 *   warn(): shows the countdown; stay() / erase() are the person's answers.
 * Returns {setKiosk(enabled, idleMs), enabled(), touch()}.
 */
export function installPrivacyGuards({ reset, kiosk = { enabled: false } }) {
  // pagehide runs before the page enters the back-forward cache or unloads: nothing survives it.
  window.addEventListener('pagehide', () => reset({ reason: 'pagehide' }));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) reset({ reason: 'pageshow' });
  });

  let enabled = Boolean(kiosk.enabled);
  let idleMs = kiosk.idleMs ?? 300000;
  let timer = 0;
  let ticker = 0;
  let warning = null;

  const stopWarning = () => {
    clearInterval(ticker);
    ticker = 0;
    if (warning) {
      const w = warning;
      warning = null;
      w.close();
    }
  };

  const eraseNow = () => {
    clearTimeout(timer);
    stopWarning();
    reset({ reason: 'idle' });
    arm();
  };

  function arm() {
    clearTimeout(timer);
    stopWarning();
    if (!enabled) return;
    if (kiosk.hold?.() || kiosk.empty?.()) {
      // Checked again later: the emergency screen is never erased by idleness, and an empty start
      // screen has nothing to erase (no countdown on an unattended tablet).
      timer = setTimeout(arm, idleMs);
      return;
    }
    const total = idleMs * Math.max(1, kiosk.idleFactor?.() ?? 1);
    // The countdown takes the last part of the idle time: at most warnMs, at most a quarter of it.
    const warnMs = Math.min(kiosk.warnMs ?? 30000, total / 4);
    timer = setTimeout(() => {
      if (kiosk.hold?.() || kiosk.empty?.()) {
        arm();
        return;
      }
      let left = Math.max(1, Math.round(warnMs / 1000));
      const endAt = Date.now() + warnMs;
      warning = kiosk.warn?.({ seconds: left, stay: () => arm(), erase: eraseNow }) ?? null;
      ticker = setInterval(
        () => {
          const remaining = endAt - Date.now();
          if (remaining <= 0) {
            eraseNow();
            return;
          }
          left = Math.max(1, Math.ceil(remaining / 1000));
          warning?.update(left);
        },
        Math.min(1000, Math.max(50, warnMs / 4)),
      );
    }, total - warnMs);
  }

  // Any input counts as "still here", except inside the countdown itself (its buttons answer).
  const activity = (event) => {
    if (!enabled) return;
    if (warning && event.target instanceof Node && warning.element?.contains(event.target)) return;
    arm();
  };
  const events = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'];
  for (const type of events) window.addEventListener(type, activity, { passive: true, capture: true });
  arm();
  return {
    touch: arm,
    enabled: () => enabled,
    setKiosk(on, ms = idleMs) {
      enabled = Boolean(on);
      idleMs = ms;
      arm();
    },
  };
}
