// Page settings (ui/settings.json): languages, kiosk mode for clinic tablets and the emergency
// phone number by region. A query parameter may override a setting for one visit (never answers).

const DEFAULTS = Object.freeze({
  default_language: 'en',
  languages: ['en', 'es'],
  kiosk: false,
  idle_timeout_minutes: 5,
  emergency_numbers: { default: '112', by_region: {}, choices: ['911', '112', '999'] },
});

export async function loadSettings(url = 'ui/settings.json') {
  let fromFile = {};
  try {
    const response = await fetch(url);
    if (response.ok) fromFile = await response.json();
  } catch {
    // The defaults above are enough to run.
  }
  return applyQuery({ ...DEFAULTS, ...fromFile }, new URLSearchParams(globalThis.location?.search ?? ''));
}

export function applyQuery(settings, params) {
  const out = { ...settings };
  if (params.has('kiosk')) out.kiosk = !['0', 'false', 'no'].includes(params.get('kiosk'));
  const idle = Number(params.get('idle'));
  if (params.has('idle') && Number.isFinite(idle) && idle > 0) out.idle_timeout_minutes = idle;
  const number = params.get('emergency');
  if (number && /^[0-9]{2,4}$/.test(number)) out.emergency_override = number;
  const lang = params.get('lang');
  if (lang && out.languages.includes(lang)) out.default_language = lang;
  return out;
}

/** The emergency number for the person's region, from the browser's locales (e.g. en-GB -> 999). */
export function emergencyNumberFor(settings, locales = globalThis.navigator?.languages ?? []) {
  if (settings.emergency_override) return settings.emergency_override;
  const table = settings.emergency_numbers ?? DEFAULTS.emergency_numbers;
  for (const locale of locales) {
    let region = null;
    try {
      region = new Intl.Locale(locale).region ?? null;
    } catch {
      region = null;
    }
    if (region && table.by_region?.[region]) return table.by_region[region];
  }
  return table.default ?? '112';
}

export function emergencyChoices(settings) {
  const table = settings.emergency_numbers ?? DEFAULTS.emergency_numbers;
  return Array.isArray(table.choices) && table.choices.length > 0 ? table.choices : DEFAULTS.emergency_numbers.choices;
}
