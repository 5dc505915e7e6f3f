// "What to do next": for the triage level, what to do and where, with the services of this
// deployment (ui/settings.json `services`: an advice line or urgent care with a phone number and a
// link, for the levels and emergency numbers they serve). Nothing is fetched: a link leaves the page
// only when the person follows it.

import { h, uid } from './dom.js';

/** The services of settings.json for a triage level and the emergency number in use. */
export function servicesFor(settings, level, emergencyNumber) {
  const list = Array.isArray(settings?.services) ? settings.services : [];
  return list.filter(
    (s) =>
      (!Array.isArray(s.levels) || s.levels.includes(level)) &&
      (!Array.isArray(s.emergency_numbers) || s.emergency_numbers.includes(emergencyNumber)),
  );
}

function localized(value, lang) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return value[lang] ?? value.en ?? '';
  return '';
}

/** Only http(s) and tel links from the settings file are made into links. */
function safeUrl(url) {
  return typeof url === 'string' && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}

function serviceItem(service, ctx) {
  const { t, lang } = ctx;
  const name = localized(service.name, lang);
  const note = localized(service.text, lang);
  const phone = typeof service.phone === 'string' && /^[0-9 +]{2,20}$/.test(service.phone) ? service.phone : null;
  const url = safeUrl(service.url);
  return h(
    'li',
    { class: 'service', 'data-service': service.id ?? '' },
    h('strong', {}, name),
    note ? h('span', { class: 'service-note' }, ` ${note}`) : null,
    phone || url
      ? h(
          'span',
          { class: 'service-links' },
          phone
            ? h(
                'a',
                { href: `tel:${phone.replace(/\s+/g, '')}`, class: 'service-link' },
                t('next.call', { name, phone }),
              )
            : null,
          url
            ? h(
                'a',
                { href: url, class: 'service-link', rel: 'noopener noreferrer external', target: '_blank' },
                t('next.website', { name }),
              )
            : null,
        )
      : null,
  );
}

/** ctx: {t, lang, settings, emergencyNumber} */
export function renderNextSteps(level, ctx) {
  const { t } = ctx;
  const number = ctx.emergencyNumber;
  const headingId = uid('next-title');
  const services = servicesFor(ctx.settings, level, number);
  return h(
    'div',
    { class: `next-steps next-${level}`, role: 'group', 'aria-labelledby': headingId, 'data-next-steps': level },
    h('h3', { id: headingId }, t('next.title')),
    h(
      'dl',
      { class: 'next-list' },
      h('dt', {}, t('next.what')),
      h('dd', {}, t(`next.${level}.what`, { number })),
      h('dt', {}, t('next.where')),
      h('dd', {}, t(`next.${level}.where`, { number })),
      level === 'emergency' ? [h('dt', {}, t('next.not')), h('dd', {}, t('next.emergency.not', { number }))] : null,
    ),
    services.length > 0
      ? h(
          'ul',
          { class: 'services' },
          services.map((s) => serviceItem(s, ctx)),
        )
      : null,
    services.some((s) => safeUrl(s.url)) ? h('p', { class: 'small' }, t('next.links_note')) : null,
  );
}
