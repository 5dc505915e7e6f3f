// The start screen: who is answering (Patient / Clinician), age, sex, the body diagram and Start.
// `draft` holds what has been entered so far (in memory only), so a language switch or the Back
// button from the first question keeps it.

import { h, uid } from './dom.js';
import { createBodyDiagram } from './body-diagram.js';

function radioGroup({ legend, name, options, value, onChange, hint }) {
  const hintId = hint ? uid('hint') : null;
  return h('fieldset', { class: 'choice', 'aria-describedby': hintId },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('div', { class: 'choice-options' }, options.map(([optionValue, label]) => {
      const id = uid(name);
      return h('div', { class: 'choice-option' },
        h('input', {
          type: 'radio', id, name, value: optionValue, checked: optionValue === value,
          on: { change: () => onChange(optionValue) },
        }),
        h('label', { for: id }, label));
    })));
}

/**
 * ctx: {t, regions, draft, emergencyNumber, emergencyChoices, onEmergencyNumber, onStart(draft), onDraft(draft)}
 */
export function renderStartScreen(ctx) {
  const { t, draft } = ctx;
  const update = (patch) => {
    Object.assign(draft, patch);
    ctx.onDraft?.(draft);
  };
  const headingId = uid('start-title');
  const errorBox = h('div', { class: 'form-error', role: 'alert', hidden: true });

  const ageId = uid('age');
  const ageHint = uid('age-hint');
  const age = h('input', {
    id: ageId, name: 'age', type: 'number', inputmode: 'numeric', min: 12, max: 110, step: 1,
    autocomplete: 'off', 'aria-describedby': ageHint, value: draft.age ?? '',
    on: { input: (event) => update({ age: event.target.value }) },
  });

  const diagram = createBodyDiagram({
    regions: ctx.regions,
    t,
    marked: draft.marked,
    view: draft.view,
    onChange: (marked, view) => update({ marked, view }),
  });

  const numberId = uid('emergency-number');
  const settings = h('details', { class: 'settings' },
    h('summary', {}, t('settings.title')),
    h('div', { class: 'field' },
      h('label', { for: numberId }, t('settings.emergency_number')),
      h('select', {
        id: numberId,
        on: { change: (event) => ctx.onEmergencyNumber(event.target.value) },
      }, ctx.emergencyChoices.map((number) => h('option', { value: number, selected: number === ctx.emergencyNumber }, t(`emergency_choice.${number}`) || number)))));

  const form = h('form', {
    class: 'start-form', autocomplete: 'off', novalidate: true, 'aria-labelledby': headingId,
    on: {
      submit: (event) => {
        event.preventDefault();
        const problem = ctx.onStart(draft);
        if (problem) {
          errorBox.textContent = problem;
          errorBox.hidden = false;
          errorBox.scrollIntoView?.({ block: 'center' });
        }
      },
    },
  },
  h('div', { class: 'start-columns' },
    h('div', { class: 'start-about' },
      radioGroup({
        legend: t('start.audience'), name: 'audience', value: draft.audience,
        options: [['patient', t('start.audience.patient')], ['clinician', t('start.audience.clinician')]],
        onChange: (audience) => update({ audience }),
      }),
      h('div', { class: 'field' },
        h('label', { for: ageId }, t('start.age')),
        h('p', { class: 'hint', id: ageHint }, t('start.age_hint')),
        age),
      radioGroup({
        legend: t('start.sex'), name: 'sex', value: draft.sex, hint: t('start.sex_hint'),
        options: [['female', t('start.sex.female')], ['male', t('start.sex.male')]],
        onChange: (sex) => update({ sex }),
      })),
    h('fieldset', { class: 'start-pain' },
      h('legend', {}, t('start.where')),
      h('p', { class: 'hint' }, t('start.where_hint')),
      diagram.element)),
  errorBox,
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary' }, t('start.start'))),
  settings);

  return h('section', { class: 'screen screen-start', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'screen-title', tabindex: -1 }, t('start.title')),
    h('p', { class: 'lead' }, t('start.intro')),
    form);
}
