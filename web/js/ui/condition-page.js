// A condition's page (what it is, causes, diagnosis, treatment, self-care, when to seek care),
// its citations and the review status of its knowledge-base entry. All text as text.

import { h } from './dom.js';

/** "van der Windt DA, et al. (2010). Title. Journal. Research study." */
export function citation(source, t) {
  if (!source) return '';
  const kind = t(`source.kind.${source.kind}`) || source.kind;
  const year = Number.isInteger(source.year) ? source.year : t('source.no_year');
  const authors = cleanField(source.authors);
  const parts = [`${authors ? `${authors} ` : ''}(${year}). ${cleanField(source.title)}.`];
  const journal = cleanField(source.journal);
  if (journal) parts.push(`${journal}.`);
  parts.push(`[${kind}]`);
  return parts.join(' ');
}

// Bibliographic fields the evidence review could not fill hold notes such as "authors not captured":
// such a note is never shown as if it were a name or a journal.
const NOT_CAPTURED = /not captured/i;

function cleanField(text) {
  if (typeof text !== 'string') return '';
  const cleaned = text.replace(/\s*\([^)]*not captured[^)]*\)/gi, '').trim();
  return NOT_CAPTURED.test(cleaned) ? '' : cleaned;
}

/** "Bell DA, et al." from "Bell DA, Collie D, Statham PF" (first author, then et al.). */
function shortAuthors(authors) {
  const cleaned = cleanField(authors).replace(/,?\s*et al\.?$/i, '');
  if (!cleaned) return '';
  const names = cleaned.split(/,\s*/);
  return names.length > 1 ? `${names[0]}, et al.` : names[0];
}

/** A citation for the "why" list: "Bell DA, et al. (2007). Title." (author, year, title; no placeholders). */
export function shortSource(source) {
  if (!source) return '';
  const authors = shortAuthors(source.authors);
  const year = Number.isInteger(source.year) ? `(${source.year})` : '';
  const title = cleanField(source.title).replace(/[.\s]+$/, '');
  const head = [authors, year].filter(Boolean).join(' ');
  return [head && `${head}.`, title && `${title}.`].filter(Boolean).join(' ').replace(/\.\./g, '.');
}

/**
 * The review status of a condition's entry. A draft says when its content was last updated (the
 * knowledge base's latest date), never "last reviewed"; a signed entry names its reviewer and date.
 */
export function reviewLine({ status, lastReviewed, reviewer }, t, formatDate, contentDate) {
  const signed = (status === 'reviewed' || status === 'approved') && reviewer;
  if (signed) {
    return lastReviewed
      ? t('review.signed_line', { status: t(`review.status.${status}`, { reviewer }), date: formatDate(lastReviewed) })
      : t(`review.status.${status}`, { reviewer });
  }
  const date = contentDate ?? lastReviewed;
  return date ? t('review.draft_line', { date: formatDate(date) }) : t('review.status.draft');
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
    children.push(
      h(
        'ul',
        { class: 'sources' },
        page.sources.map((id) => h('li', {}, citation(texts.source(id), t))),
      ),
    );
  }
  children.push(
    h('p', { class: 'review' }, reviewLine(texts.review(conditionId), t, ctx.formatDate, texts.reviewSummary().latest)),
  );
  return h('div', { class: 'condition-page' }, children);
}
