// "Your answers": every answer, grouped by screen, each one changeable here (Yes / No / Don't
// know), the start screen's details with a way back to them, and what was added by search. Reached
// from the questions and from the result.

import { h, uid } from './dom.js';
import { answerGroup } from './answer-group.js';

function reviewGroup(finding, text, answer, ctx) {
  return answerGroup({
    attrs: { class: 'question review-question', 'data-review-finding': finding },
    text,
    answer,
    hint: answer ? null : h('p', { class: 'hint' }, ctx.t('review.not_answered')),
    onChange: (value) => ctx.onChange(finding, value),
    t: ctx.t,
  });
}

/**
 * ctx: {t, texts, lang, audience, interview, regionName(id), from: 'question'|'result',
 *       onChange(finding, value), onRemove(finding), onEditStart(), onDone(), onNewPatient()}
 */
export function renderReviewScreen(ctx) {
  const { t, texts, lang, audience, interview } = ctx;
  const headingId = uid('review-title');
  const questionText = (finding) => texts.question(finding, lang, audience) || t('text.missing');
  const about = h(
    'div',
    { class: 'review-group', role: 'group', 'aria-labelledby': `${headingId}-about` },
    h('h3', { id: `${headingId}-about` }, t('review.about')),
    h(
      'dl',
      { class: 'review-facts' },
      h('dt', {}, t('start.audience')),
      h('dd', {}, t(`start.audience.${interview.audience}`)),
      h('dt', {}, t('start.age')),
      h('dd', {}, String(interview.age)),
      h('dt', {}, t('start.sex')),
      h('dd', {}, t(`start.sex.${interview.sex}`)),
      h('dt', {}, t('start.where')),
      h(
        'dd',
        {},
        interview.marked.length > 0
          ? interview.marked.map((id) => ctx.regionName(id)).join(', ')
          : t('diagram.none_marked'),
      ),
    ),
    h('p', { class: 'hint' }, t('review.start_hint')),
    h('button', { type: 'button', on: { click: ctx.onEditStart } }, t('review.edit_start')),
  );

  const screens = interview.screens.map((screen, index) => {
    const id = uid('review-screen');
    const stem = texts.screenStem(screen.id, lang, audience);
    return h(
      'div',
      { class: 'review-group', role: 'group', 'aria-labelledby': id, 'data-review-screen': index + 1 },
      h(
        'h3',
        { id },
        t('review.screen', { n: index + 1 }),
        stem ? h('span', { class: 'review-stem' }, ` ${stem}`) : null,
      ),
      screen.items.map((finding) =>
        reviewGroup(
          finding,
          questionText(finding),
          screen.answers[finding] ?? (screen.submitted ? 'dont_know' : null),
          ctx,
        ),
      ),
    );
  });

  const added =
    interview.added.length === 0
      ? null
      : h(
          'div',
          { class: 'review-group', role: 'group', 'aria-labelledby': `${headingId}-added` },
          h('h3', { id: `${headingId}-added` }, t('search.added')),
          h(
            'ul',
            { class: 'review-added' },
            interview.added.map((finding) =>
              h(
                'li',
                {},
                h('span', {}, questionText(finding)),
                ' ',
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'small-button',
                    'aria-label': t('search.remove', { question: questionText(finding) }),
                    on: { click: () => ctx.onRemove(finding) },
                  },
                  t('search.remove_short'),
                ),
              ),
            ),
          ),
        );

  return h(
    'section',
    { class: 'screen screen-review', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'screen-title', tabindex: -1 }, t('review.title')),
    h('p', { class: 'lead' }, t('review.intro')),
    about,
    screens,
    added,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'primary', on: { click: ctx.onDone } },
        t(ctx.from === 'result' ? 'review.to_result' : 'review.to_questions'),
      ),
      h('button', { type: 'button', on: { click: ctx.onNewPatient } }, t('action.new_patient')),
    ),
  );
}
