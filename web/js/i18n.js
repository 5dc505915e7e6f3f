// UI strings: every visible string of the page comes from ui/<lang>.json (plus knowledge-base
// texts). Keys are flat ("result.title"); "{name}" placeholders are filled from `params`.

const catalogs = new Map();
let current = 'en';
let fallback = 'en';

export async function loadCatalogs(languages, base = 'ui/') {
  await Promise.all(
    languages.map(async (lang) => {
      const response = await fetch(`${base}${lang}.json`);
      if (!response.ok) throw new Error(`ui/${lang}.json: HTTP ${response.status}`);
      catalogs.set(lang, await response.json());
    }),
  );
  fallback = languages[0];
}

/** For tests and for pages that already hold the catalogs. */
export function setCatalog(lang, strings) {
  catalogs.set(lang, strings);
}

export function hasLanguage(lang) {
  return catalogs.has(lang);
}

export function setLanguage(lang) {
  if (!catalogs.has(lang)) return;
  current = lang;
  document.documentElement.lang = lang;
}

export function language() {
  return current;
}

/** The string for `key` in the current language (the default language if it is missing there). */
export function t(key, params = {}) {
  const text = catalogs.get(current)?.[key] ?? catalogs.get(fallback)?.[key];
  if (typeof text !== 'string') {
    console.warn(`missing UI string ${key}`);
    return '';
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Fills the static page: data-i18n="key" sets the text, data-i18n-attr="attr:key;attr:key" attributes. */
export function applyStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
  document.title = t('app.title');
}

// The result screen formats a percentage per cause and a date per source: one formatter per
// language and kind, built once and kept (building one is not free; see prepareFormatter).
const FORMATS = {
  percent: (lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
  date: (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }),
  dateTime: (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }),
};
const formatters = new Map();
function formatter(kind) {
  const key = `${current} ${kind}`;
  if (!formatters.has(key)) formatters.set(key, FORMATS[kind](current));
  return formatters.get(key);
}

/**
 * The kinds of formatter, each to be built and used once through prepareFormatter in idle time:
 * the first use of Intl in a language loads ICU's data (about 30 ms traced here, then a few ms a
 * kind), which would otherwise fall inside the task that shows a result (45 -> 17 ms).
 */
export const FORMATTER_KINDS = Object.keys(FORMATS);
export function prepareFormatter(kind) {
  formatter(kind).format(0);
}

/** A date "YYYY-MM-DD" written for people in the current language. */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return iso ?? '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatter('date').format(date);
}

export function formatDateTime(date) {
  return formatter('dateTime').format(date);
}

/** A probability as a whole percentage; below 1 % reads "<1 %". */
export function formatPercent(p) {
  const format = formatter('percent');
  if (p > 0 && p < 0.01) return `<${format.format(0.01)}`;
  return format.format(p);
}
