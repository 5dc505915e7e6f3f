// Clinic tablet (kiosk) mode on the page: staff switch it on or off by pressing and holding the
// title (no URL needed), with a confirm step; and the "Are you still there?" countdown shown before
// an idle tablet erases everything.

import { h } from './dom.js';
import { openConfirm } from './confirm-dialog.js';

const HOLD_MS = 2000;

/** Press and hold `target` for 2 seconds (mouse, touch or pen) calls onHold. */
export function onLongPress(target, onHold) {
  let timer = 0;
  const cancel = () => clearTimeout(timer);
  target.addEventListener('pointerdown', () => {
    cancel();
    timer = setTimeout(onHold, HOLD_MS);
  });
  for (const type of ['pointerup', 'pointerleave', 'pointercancel']) target.addEventListener(type, cancel);
  target.addEventListener('contextmenu', (event) => {
    if (timer) event.preventDefault();
  });
}

/** The staff dialog: turn clinic tablet mode on or off. Resolves true when the person confirms. */
export function confirmKioskSwitch({ t, enabled, minutes }) {
  return openConfirm({
    name: 'kiosk-switch',
    title: t('kiosk.title'),
    text: enabled ? t('kiosk.turn_off_text') : t('kiosk.turn_on_text', { minutes }),
    confirm: enabled ? t('kiosk.turn_off') : t('kiosk.turn_on'),
    cancel: t('kiosk.cancel'),
  }).promise;
}

/**
 * "Are you still there?": a countdown in a modal dialog. onStay() when the person answers, onErase()
 * when they choose to erase now. Returns {update(secondsLeft), close(), element}.
 */
export function showStillThere({ t, seconds, onStay, onErase }) {
  const count = h(
    'p',
    { class: 'countdown', 'aria-live': 'assertive', 'aria-atomic': 'true', 'data-countdown': seconds },
    t('kiosk.countdown', { seconds }),
  );
  const dialog = openConfirm({
    name: 'still-there',
    title: t('kiosk.still_there'),
    text: t('kiosk.still_there_text'),
    extra: count,
    confirm: t('kiosk.erase_now'),
    cancel: t('kiosk.stay'),
    danger: true,
  });
  dialog.promise.then((erase) => {
    if (erase === true) onErase();
    else if (erase === false) onStay();
  });
  return {
    element: dialog.dialog,
    update(left) {
      count.dataset.countdown = String(left);
      count.textContent = t('kiosk.countdown', { seconds: left });
    },
    close: () => dialog.close(null),
  };
}
