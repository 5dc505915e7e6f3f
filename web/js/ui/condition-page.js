// A condition's page (what it is, causes, diagnosis, treatment, self-care, when to seek care),
// its citations and the review status of its knowledge-base entry. All text as text.

import { h } from './dom.js';

/** "van der Windt DA, et al. (2010). Title. Journal. Research study." */
export function citation(source, t) {
  if (!source) return '';
  const kind = t(`source.kind.${source.kind}`) || source.kind;
  const year = source.year ?? t('source.no_year');
  const parts = [`${source.authors} (${year}). ${source.title}.`];
  if (source.journal) parts.push(`${source.journal}.`);
  parts.push(`[${kind}]`);
  return parts.join(' ');
}

/** A short source label for the "why" list: "guideline, NICE CKS, 2024". */
export function shortSource(source, t) {
  if (!source) return '';
  const kind = t(`source.kind.${source.kind}`) || source.kind;
  return [kind, source.journal || source.authors, source.year].filter((x) => x !== undefined && x !== null && x !== '').join(', ');
}

export function reviewLine({ status, lastReviewed, reviewer }, t, formatDate) {
  const statusText = t(`review.status.${status}`, { reviewer }) || status;
  return lastReviewed
    ? t('review.line', { status: statusText, date: formatDate(lastReviewed) })
    : statusText;
}

/**
 * ctx: {t, texts (KnowledgeTexts), lang, audience, formatDate, headingLevel}
 * Returns an element with the page, or a "no page" note. (The ICD-10 code goes with the name.)
 */
export function renderConditionPage(conditionId, ctx) {
  const { t, texts, lang, audience } = ctx;
  const level = ctx.headingLevel ?? 4;
  const page = texts.page(conditionId, lang, audience);
  const children = [];
  if (!page || page.sections.length === 0) {
    children.push(h('p', {}, t('condition.no_page')));
  } else {
    for (const [key, text] of page.sections) {
      children.push(h(`h${level}`, { class: 'page-heading' }, t(`page.${key}`)));
      for (const paragraph of text.split(/\n{2,}/)) children.push(h('p', {}, paragraph));
    }
  }
  if (page && page.sources.length > 0) {
    children.push(h(`h${level}`, { class: 'page-heading' }, t('page.sources')));
    children.push(h('ul', { class: 'sources' }, page.sources.map((id) => h('li', {}, citation(texts.source(id), t)))));
  }
  children.push(h('p', { class: 'review' }, reviewLine(texts.review(conditionId), t, ctx.formatDate)));
  return h('div', { class: 'condition-page' }, children);
}
