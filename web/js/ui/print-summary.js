// The one-page printable summary (shown only by the print stylesheet): who, when, the answers,
// the triage advice, the most likely causes and the safety net.

import { h } from './dom.js';
import { answerFor } from '../interview-state.js';

const PRINTED_CAUSES = 5;

/**
 * ctx: {t, texts, lang, audience, interview, assessment, emergencyNumber, regionName(id),
 *       formatPercent, formatDateTime, now}
 */
export function renderPrintSummary(ctx) {
  const { t, texts, lang, audience, interview, assessment } = ctx;
  const level = assessment.triage;
  const answerText = (value) => t(`answer.${value}`);
  const findings = [...interview.initial.present, ...interview.initial.absent, ...interview.answers.map((a) => a.finding)];
  const answers = findings.map((finding) => h('tr', {},
    h('td', {}, texts.question(finding, lang, audience) || t('text.missing')),
    h('td', {}, answerText(answerFor(interview, finding) ?? 'dont_know'))));

  return h('section', { class: 'print-summary' },
    h('h2', {}, t('print.title')),
    h('p', {}, t('print.created', { date: ctx.formatDateTime(ctx.now) })),
    h('h3', {}, t('print.about_person')),
    h('p', {}, t('print.person', {
      age: interview.age,
      sex: t(`start.sex.${interview.sex}`),
      audience: t(`start.audience.${interview.audience}`),
    })),
    h('p', {}, t('print.regions', {
      list: interview.marked.length > 0 ? interview.marked.map((id) => ctx.regionName(id)).join(', ') : t('diagram.none_marked'),
    })),
    h('h3', {}, t('print.advice')),
    h('p', { class: 'print-triage' }, `${t(`triage.${level}.label`)}: ${t(`triage.${level}.heading`, { number: ctx.emergencyNumber })}`),
    h('p', {}, t(`triage.${level}.do`, { number: ctx.emergencyNumber })),
    h('p', {}, t(`triage.${level}.when`, { number: ctx.emergencyNumber })),
    assessment.red_flags.length > 0
      ? h('p', {}, `${t('result.red_flags')}: ${assessment.red_flags.map((f) => texts.question(f, lang, audience) || t('text.missing')).join(' · ')}`)
      : null,
    assessment.unanswered_screen.length > 0 && level !== 'emergency' ? h('p', {}, t('result.incomplete.text')) : null,
    interview.age < 16 ? h('p', {}, t('result.under16')) : null,
    h('h3', {}, t('result.causes')),
    h('ol', {}, assessment.differential.slice(0, PRINTED_CAUSES).map(({ condition, probability }) => {
      const name = texts.conditionName(condition, lang, audience) || t('text.missing');
      const code = audience === 'clinician' && texts.icd10(condition) ? ` (${t('condition.icd10', { code: texts.icd10(condition) })})` : '';
      return h('li', {}, `${name}${code}: ${ctx.formatPercent(probability)}`);
    })),
    h('h3', {}, t('print.answers')),
    h('table', { class: 'print-answers' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('print.question')), h('th', { scope: 'col' }, t('print.answer')))),
      h('tbody', {}, answers)),
    h('h3', {}, t('result.safety_net.title')),
    h('p', {}, t('safety_net')),
    h('p', {}, t('safety_net.call', { number: ctx.emergencyNumber })));
}
