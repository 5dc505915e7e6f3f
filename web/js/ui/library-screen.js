// The conditions library: every condition page, browsable and searchable without the interview,
// with its sources and review status.

import { h, uid } from './dom.js';
import { renderConditionPage } from './condition-page.js';

function fold(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase();
}

/** ctx: {t, texts, lang, audience, formatDate, query, onQuery(q), onClose()} */
export function renderLibraryScreen(ctx) {
  const { t, texts, lang, audience } = ctx;
  const headingId = uid('library-title');
  const searchId = uid('library-search');
  const countId = uid('library-count');

  const entries = texts.conditionOrder
    .map((id) => {
      const name = texts.conditionName(id, lang, audience) || t('text.missing');
      const page = texts.page(id, lang, audience);
      const haystack = fold(
        [
          name,
          texts.conditionName(id, lang, audience === 'clinician' ? 'patient' : 'clinician'),
          texts.icd10(id),
          ...(page ? page.sections.map(([, text]) => text) : []),
        ].join(' '),
      );
      const item = h(
        'li',
        { class: 'library-item' },
        h(
          'details',
          {},
          h(
            'summary',
            {},
            h('span', { class: 'library-name' }, name),
            audience === 'clinician' && texts.icd10(id)
              ? h('span', { class: 'icd10' }, ` ${t('condition.icd10', { code: texts.icd10(id) })}`)
              : null,
            // The state of each entry at a glance: draft, or reviewed / approved by a named clinician.
            h(
              'span',
              {
                class: `review-state review-state-${texts.review(id).status}`,
                'data-review-state': texts.review(id).status,
              },
              t(`review.state.${texts.review(id).status}`) || texts.review(id).status,
            ),
          ),
          renderConditionPage(id, { ...ctx, headingLevel: 3 }),
        ),
      );
      return { item, haystack, name };
    })
    .sort((a, b) => a.name.localeCompare(b.name, lang));

  const count = h('p', { id: countId, class: 'library-count', 'aria-live': 'polite' });
  const empty = h('p', { class: 'library-empty', hidden: true }, t('library.none'));
  const filter = (query) => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const entry of entries) {
      const match = words.every((w) => entry.haystack.includes(w));
      entry.item.hidden = !match;
      if (match) shown += 1;
    }
    count.textContent = t('library.count', { n: shown, total: entries.length });
    empty.hidden = shown > 0;
  };

  const search = h('input', {
    id: searchId,
    type: 'search',
    autocomplete: 'off',
    'aria-describedby': countId,
    value: ctx.query ?? '',
    on: {
      input: (event) => {
        ctx.onQuery?.(event.target.value);
        filter(event.target.value);
      },
    },
  });
  filter(ctx.query ?? '');

  return h(
    'section',
    { class: 'screen screen-library', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'screen-title', tabindex: -1 }, t('library.title')),
    h('p', { class: 'lead' }, t('library.intro')),
    h('div', { class: 'field search-field' }, h('label', { for: searchId }, t('library.search')), search),
    count,
    h(
      'ul',
      { class: 'library-list' },
      entries.map((e) => e.item),
    ),
    empty,
    h('div', { class: 'actions' }, h('button', { type: 'button', on: { click: ctx.onClose } }, t('library.close'))),
  );
}
