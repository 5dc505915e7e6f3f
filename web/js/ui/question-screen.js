// One screen of questions, chosen by the engine: a heading (the screen's stem), "Screen N of about
// M", each question a fieldset named by its text with data-finding and three radio buttons (Yes /
// No / Don't know), "Add something else" (a search over the questions a person may answer, each
// pick a yes), Back, Next, Show results and New patient. The screen keeps its own radio state; each
// answer goes to ctx.onAnswer at once (the page may interrupt for an emergency).

import { h, uid, clear } from './dom.js';
import { answerGroup } from './answer-group.js';

const MAX_RESULTS = 12;

/** Lower case without accents, for matching what people type. */
function fold(text) {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The candidates whose text holds every word of the query. */
export function searchQuestions(candidates, query) {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  return candidates.filter((c) => {
    const text = fold(c.text);
    return words.every((w) => text.includes(w));
  });
}

function questionGroup(item, ctx) {
  return answerGroup({
    attrs: { class: 'question', 'data-finding': item.finding },
    text: item.text,
    answer: item.answer,
    onChange: (value) => ctx.onAnswer(item.finding, value),
    t: ctx.t,
  });
}

/** "Add something else": the button, the search box and its results, and the list of picks. */
function addSomethingElse(ctx) {
  const { t } = ctx;
  let added = [...ctx.added];
  const panelId = uid('add-panel');
  const searchId = uid('search');
  const statusId = uid('search-status');

  const picks = h('div', { class: 'picks' });
  const input = h('input', {
    id: searchId,
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': statusId,
    on: { input: () => showResults() },
  });
  const status = h('p', { id: statusId, class: 'search-status', role: 'status' });
  const results = h('ul', { class: 'search-results' });
  const panel = h(
    'div',
    { id: panelId, class: 'add-panel', hidden: true },
    h('label', { for: searchId, class: 'search-label' }, t('search.label')),
    h('p', { class: 'hint' }, t('search.hint')),
    input,
    status,
    results,
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'add-toggle',
      'aria-expanded': 'false',
      'aria-controls': panelId,
      on: {
        click: () => {
          const open = panel.hidden;
          panel.hidden = !open;
          toggle.setAttribute('aria-expanded', String(open));
          if (open) input.focus();
        },
      },
    },
    h('span', { class: 'plus', 'aria-hidden': 'true' }, '+'),
    t('search.open'),
  );

  const textOf = (finding) => ctx.questionText(finding);

  function showPicks() {
    clear(picks);
    picks.hidden = added.length === 0;
    if (added.length === 0) return;
    picks.append(
      h('h3', { class: 'picks-title' }, t('search.added')),
      h(
        'ul',
        { class: 'picks-list' },
        added.map((finding) =>
          h(
            'li',
            {},
            h('span', { class: 'pick-text' }, textOf(finding)),
            h(
              'button',
              {
                type: 'button',
                class: 'quiet pick-remove',
                'aria-label': t('search.remove', { question: textOf(finding) }),
                on: {
                  click: () => {
                    const next = ctx.onRemove(finding);
                    if (!next) return;
                    added = [...next];
                    showPicks();
                    showResults();
                    (picks.querySelector('.pick-remove') ?? toggle).focus();
                  },
                },
              },
              t('search.remove_short'),
            ),
          ),
        ),
      ),
    );
  }

  function showResults() {
    clear(results);
    const query = input.value.trim();
    if (!query) {
      status.textContent = '';
      return;
    }
    const found = searchQuestions(ctx.candidates(), query);
    status.textContent =
      found.length === 0
        ? t('search.none')
        : found.length > MAX_RESULTS
          ? t('search.count_more', { n: found.length, shown: MAX_RESULTS })
          : t('search.count', { n: found.length });
    for (const { finding, text } of found.slice(0, MAX_RESULTS)) {
      results.append(
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'search-result',
              'data-finding-option': finding,
              on: {
                click: () => {
                  const next = ctx.onAdd(finding);
                  if (!next) return; // the page moved on (an emergency)
                  added = [...next];
                  showPicks();
                  showResults();
                  input.focus();
                },
              },
            },
            text,
          ),
        ),
      );
    }
  }

  showPicks();
  return h('div', { class: 'add-something' }, picks, toggle, panel);
}

/**
 * ctx: {t, stem, exam (bool: a clinician examination item is on the screen), number, estimate,
 *       items: [{finding, text, answer}], added: [finding ids], questionText(id),
 *       candidates(): [{finding, text}], onAnswer(finding, value), onAdd(finding) -> added | null,
 *       onRemove(finding) -> added | null, onNext(), onBack(), onShowResults(), onReview(), onNewPatient()}
 */
export function renderQuestionScreen(ctx) {
  const { t } = ctx;
  const headingId = uid('q-title');
  const progressId = uid('q-progress');
  const estimate = Math.max(ctx.number, ctx.estimate || ctx.number);

  return h(
    'section',
    { class: 'screen screen-question', 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'progress' },
      h('p', { id: progressId, class: 'progress-text' }, t('question.progress', { n: ctx.number, m: estimate })),
      h('progress', { max: estimate, value: ctx.number, 'aria-labelledby': progressId }),
    ),
    h('h2', { id: headingId, class: 'screen-title question-stem', tabindex: -1 }, ctx.stem),
    ctx.items.length > 1 ? h('p', { class: 'hint screen-hint' }, t('question.screen_hint')) : null,
    ctx.exam ? h('p', { class: 'hint' }, t('question.exam_hint')) : null,
    h(
      'div',
      { class: 'questions' },
      ctx.items.map((item) => questionGroup(item, ctx)),
    ),
    addSomethingElse(ctx),
    h(
      'div',
      { class: 'actions screen-actions' },
      h('button', { type: 'button', class: 'back', on: { click: ctx.onBack } }, t('question.back')),
      h('button', { type: 'button', class: 'primary next', on: { click: ctx.onNext } }, t('question.next')),
    ),
    h(
      'div',
      { class: 'actions secondary-actions' },
      h('button', { type: 'button', on: { click: ctx.onShowResults } }, t('question.show_results')),
      ctx.onReview ? h('button', { type: 'button', on: { click: ctx.onReview } }, t('review.open')) : null,
      h('button', { type: 'button', class: 'quiet', on: { click: ctx.onNewPatient } }, t('action.new_patient')),
    ),
  );
}

/** What to focus when a screen is shown: its heading (screen readers announce the stem). */
export function questionFocusTarget(screen) {
  return screen.querySelector('.question-stem');
}
