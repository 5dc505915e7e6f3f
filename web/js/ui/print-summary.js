// The one-page printable summary (shown only by the print stylesheet): who, when, the answers,
// the triage advice, the most likely causes and the safety net.

import { h } from './dom.js';
import { givenAnswers } from '../interview-state.js';

const PRINTED_CAUSES = 5;

/**
 * ctx: {t, texts, lang, audience, interview, assessment, emergencyNumber, regionName(id),
 *       formatPercent, formatDateTime, now}
 */
export function renderPrintSummary(ctx) {
  const { t, texts, lang, audience, interview, assessment } = ctx;
  const level = assessment.triage;
  const answerText = (value) => t(`answer.${value}`);
  // What the person said; the diagram's marks are listed once, as regions (never as implied questions).
  const rows = givenAnswers(interview);
  // Two answers a line, so that a dozen screens of answers still fit on one page.
  const cells = ({ finding, value }) => [
    h('td', {}, texts.question(finding, lang, audience) || t('text.missing')),
    h('td', { class: 'print-answer' }, answerText(value)),
  ];
  const answers = [];
  const half = Math.ceil(rows.length / 2);
  for (let i = 0; i < half; i += 1) {
    answers.push(
      h(
        'tr',
        {},
        cells(rows[i]),
        rows[half + i] ? cells(rows[half + i]) : [h('td', {}), h('td', { class: 'print-answer' })],
      ),
    );
  }

  return h(
    'section',
    { class: 'print-summary' },
    h('h2', {}, t('print.title')),
    h('p', {}, t('print.created', { date: ctx.formatDateTime(ctx.now) })),
    h('h3', {}, t('print.about_person')),
    h(
      'p',
      {},
      t('print.person', {
        age: interview.age,
        sex: t(`start.sex.${interview.sex}`),
        audience: t(`start.audience.${interview.audience}`),
      }),
    ),
    h(
      'p',
      {},
      t('print.regions', {
        list:
          interview.marked.length > 0
            ? interview.marked.map((id) => ctx.regionName(id)).join(', ')
            : t('diagram.none_marked'),
      }),
    ),
    h('h3', {}, t('print.advice')),
    h(
      'p',
      { class: 'print-triage' },
      `${t(`triage.${level}.label`)}: ${t(`triage.${level}.heading`, { number: ctx.emergencyNumber })}`,
    ),
    h('p', {}, t(`triage.${level}.do`, { number: ctx.emergencyNumber })),
    h('p', {}, t(`triage.${level}.when`, { number: ctx.emergencyNumber })),
    assessment.red_flags.length > 0
      ? h(
          'p',
          {},
          `${t('result.red_flags')}: ${assessment.red_flags.map((f) => texts.question(f, lang, audience) || t('text.missing')).join(' · ')}`,
        )
      : null,
    (assessment.unanswered_safety_checks ?? []).length > 0 && level !== 'emergency'
      ? h(
          'p',
          {},
          `${t('result.incomplete.text')} ${assessment.unanswered_safety_checks.map((f) => texts.question(f, lang, audience) || t('text.missing')).join(' · ')}`,
        )
      : null,
    interview.age < 16 ? h('p', {}, t('result.under16')) : null,
    h('h3', {}, t('result.causes')),
    h(
      'ol',
      {},
      assessment.differential.slice(0, PRINTED_CAUSES).map(({ condition, probability }) => {
        const name = texts.conditionName(condition, lang, audience) || t('text.missing');
        const code =
          audience === 'clinician' && texts.icd10(condition)
            ? ` (${t('condition.icd10', { code: texts.icd10(condition) })})`
            : '';
        return h('li', {}, `${name}${code}: ${ctx.formatPercent(probability)}`);
      }),
    ),
    h('h3', {}, t('print.answers')),
    h(
      'table',
      { class: 'print-answers' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('print.question')),
          h('th', { scope: 'col' }, t('print.answer')),
          h('th', { scope: 'col' }, t('print.question')),
          h('th', { scope: 'col' }, t('print.answer')),
        ),
      ),
      h('tbody', {}, answers),
    ),
    // On an emergency the advice above is the one instruction; the "if it gets worse" list would contradict it.
    level === 'emergency'
      ? null
      : [
          h('h3', {}, t('result.safety_net.title')),
          h('p', {}, t('safety_net')),
          h('p', {}, t('safety_net.call', { number: ctx.emergencyNumber })),
        ],
  );
}
