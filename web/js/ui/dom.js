// Element builders. Text always goes in as text nodes (never parsed as HTML), so knowledge-base
// text such as "<script>" is shown literally and never runs.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'on') {
      for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
    } else if (key === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (key === 'hidden' || key === 'disabled' || key === 'checked' || key === 'open' || key === 'required') {
      el[key] = Boolean(value);
    } else if (key === 'value') {
      el.value = String(value);
    } else if (key === 'style') {
      throw new Error('style attributes are not allowed (CSP): use a class');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** h('p', {class: 'x'}, 'text', otherNode) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
}

let idCounter = 0;
/** The counter in letters (a, b, … z, ba, …): ids hold no digits, so no id looks like an age or an answer. */
function letters(n) {
  let out = '';
  let k = n;
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  } while (k > 0);
  return out;
}

/** A unique id for aria-labelledby / aria-describedby links. */
export function uid(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${letters(idCounter)}`;
}

/** Moves focus to `el` without scrolling jumps beyond bringing it into view. */
export function focusElement(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'A'].includes(el.tagName)) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus({ preventScroll: true });
  el.scrollIntoView?.({ block: 'start', behavior: 'instant' });
}
