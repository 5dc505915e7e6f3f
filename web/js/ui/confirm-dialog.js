// A modal question with two buttons (a native <dialog>: focus stays inside, Escape cancels). Used
// before anything that would erase answers: New patient on an unfinished interview, the browser's
// Back leaving the page, a clinic tablet's "Are you still there?".

import { h, uid } from './dom.js';

/**
 * Shows the dialog; resolves true (confirm) or false (cancel, Escape). Returns {promise, close(value), dialog}.
 * opts: {title, text, confirm, cancel, danger, live (an element updated while open), name}
 */
export function openConfirm({ title, text, confirm, cancel, danger = false, extra = null, name = 'confirm' }) {
  const titleId = uid('dialog-title');
  const textId = uid('dialog-text');
  let settle;
  const promise = new Promise((resolve) => {
    settle = resolve;
  });
  let done = false;
  const close = (value) => {
    if (done) return;
    done = true;
    if (dialog.open) dialog.close();
    dialog.remove();
    settle(value);
  };
  const confirmButton = h(
    'button',
    { type: 'button', class: danger ? 'danger' : 'primary', on: { click: () => close(true) } },
    confirm,
  );
  const cancelButton = h(
    'button',
    { type: 'button', class: danger ? 'primary' : '', on: { click: () => close(false) } },
    cancel,
  );
  const dialog = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': titleId, 'aria-describedby': textId, 'data-dialog': name },
    h('h2', { id: titleId, class: 'dialog-title' }, title),
    h('p', { id: textId }, text),
    extra,
    h('div', { class: 'actions' }, cancelButton, confirmButton),
  );
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close(false);
  });
  document.body.append(dialog);
  dialog.showModal();
  // The safe choice (keep the answers) has the focus.
  cancelButton.focus();
  return { promise, close, dialog };
}
