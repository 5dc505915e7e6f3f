// One question at a time, chosen by the engine: a fieldset named by the question text with
// data-finding, Yes / No / Don't know, Back, Show results, a progress indication and New patient.

import { h, uid } from './dom.js';

/**
 * ctx: {t, question: {finding, text, exam}, number, max, screening,
 *       onAnswer(value), onBack(), onShowResults(), onNewPatient()}
 */
export function renderQuestionScreen(ctx) {
  const { t } = ctx;
  const headingId = uid('q-title');
  const progressId = uid('q-progress');
  const progressText = t('question.progress', { n: ctx.number, max: ctx.max });

  const answers = [['yes', t('answer.yes')], ['no', t('answer.no')], ['dont_know', t('answer.dont_know')]];
  const legendId = uid('q-text');
  const group = h('fieldset', { class: 'question', 'data-finding': ctx.question.finding, tabindex: -1 },
    h('legend', { id: legendId, class: 'question-text' }, ctx.question.text),
    ctx.question.exam ? h('p', { class: 'hint' }, t('question.exam_hint')) : null,
    h('div', { class: 'answer-buttons' }, answers.map(([value, label]) => h('button', {
      type: 'button', class: `answer answer-${value}`, 'data-answer': value,
      on: { click: () => ctx.onAnswer(value) },
    }, label))));

  return h('section', { class: 'screen screen-question', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'visually-hidden' }, t('question.title')),
    h('div', { class: 'progress' },
      h('p', { id: progressId, class: 'progress-text' }, progressText),
      h('progress', { max: ctx.max, value: Math.min(ctx.number, ctx.max), 'aria-labelledby': progressId })),
    ctx.screening ? h('p', { class: 'screening-note' }, t('question.screening')) : null,
    group,
    h('div', { class: 'actions secondary-actions' },
      h('button', { type: 'button', class: 'back', on: { click: ctx.onBack } }, t('question.back')),
      h('button', { type: 'button', on: { click: ctx.onShowResults } }, t('question.show_results')),
      h('button', { type: 'button', class: 'quiet', on: { click: ctx.onNewPatient } }, t('action.new_patient'))));
}

/** The fieldset to focus after the screen is shown (screen readers announce the question). */
export function questionFocusTarget(screen) {
  return screen.querySelector('fieldset.question');
}
