// The start screen: who is answering (Patient / Clinician), age, sex, the body diagram and Start.
// `draft` holds what has been entered so far (in memory only), so a language switch or the Back
// button from the first question keeps it.

import { h, uid } from './dom.js';
import { createBodyDiagram } from './body-diagram.js';

function radioGroup({ legend, name, options, value, onChange, hint, error }) {
  const hintId = hint ? uid('hint') : null;
  return h(
    'fieldset',
    { class: 'choice', 'aria-describedby': [hintId, error?.id].filter(Boolean).join(' ') || null },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    error,
    h(
      'div',
      { class: 'choice-options' },
      options.map(([optionValue, label]) => {
        const id = uid(name);
        return h(
          'div',
          { class: 'choice-option' },
          h('input', {
            type: 'radio',
            id,
            name,
            value: optionValue,
            checked: optionValue === value,
            on: { change: () => onChange(optionValue) },
          }),
          h('label', { for: id }, label),
        );
      }),
    ),
  );
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
  // Each field has its own error line, shown beside it; all problems show at once.
  const ageError = h('p', { class: 'field-error', id: uid('age-error'), hidden: true });
  const sexError = h('p', { class: 'field-error', id: uid('sex-error'), hidden: true });
  const errorSummary = h('div', { class: 'form-error', role: 'alert', hidden: true });

  const ageId = uid('age');
  const ageHint = uid('age-hint');
  const age = h('input', {
    id: ageId,
    name: 'age',
    type: 'number',
    inputmode: 'numeric',
    min: ctx.ages.min,
    max: ctx.ages.max,
    step: 1,
    autocomplete: 'off',
    'aria-describedby': `${ageHint} ${ageError.id}`,
    value: draft.age ?? '',
    on: { input: (event) => update({ age: event.target.value }) },
  });

  const sexGroup = radioGroup({
    legend: t('start.sex'),
    name: 'sex',
    value: draft.sex,
    hint: t('start.sex_hint'),
    error: sexError,
    options: [
      ['female', t('start.sex.female')],
      ['male', t('start.sex.male')],
    ],
    onChange: (sex) => update({ sex }),
  });

  const diagram = createBodyDiagram({
    regions: ctx.regions,
    t,
    marked: draft.marked,
    view: draft.view,
    onChange: (marked, view) => update({ marked, view }),
  });

  const numberId = uid('emergency-number');
  const settings = h(
    'details',
    { class: 'settings' },
    h('summary', {}, t('settings.title')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: numberId }, t('settings.emergency_number')),
      h(
        'select',
        {
          id: numberId,
          on: { change: (event) => ctx.onEmergencyNumber(event.target.value) },
        },
        ctx.emergencyChoices.map((number) =>
          h(
            'option',
            { value: number, selected: number === ctx.emergencyNumber },
            t(`emergency_choice.${number}`) || number,
          ),
        ),
      ),
    ),
  );

  const form = h(
    'form',
    {
      class: 'start-form',
      autocomplete: 'off',
      novalidate: true,
      'aria-labelledby': headingId,
      on: {
        submit: (event) => {
          event.preventDefault();
          const problems = ctx.onStart(draft) ?? [];
          const fields = { age: [ageError, age], sex: [sexError, sexGroup] };
          for (const [name, [line, field]] of Object.entries(fields)) {
            const problem = problems.find((p) => p.field === name);
            line.textContent = problem ? problem.message : '';
            line.hidden = !problem;
            if (name === 'age') field.setAttribute('aria-invalid', String(Boolean(problem)));
            field.classList.toggle('invalid', Boolean(problem));
          }
          errorSummary.textContent = problems.map((p) => p.message).join(' ');
          errorSummary.hidden = problems.length === 0;
          if (problems.length > 0) {
            const first = problems[0].field === 'age' ? age : sexGroup.querySelector('input');
            first.focus({ preventScroll: true });
            (problems[0].field === 'age' ? age.closest('.field') : sexGroup).scrollIntoView?.({ block: 'center' });
          }
        },
      },
    },
    h(
      'div',
      { class: 'start-columns' },
      h(
        'div',
        { class: 'start-about' },
        radioGroup({
          legend: t('start.audience'),
          name: 'audience',
          value: draft.audience,
          error: null,
          options: [
            ['patient', t('start.audience.patient')],
            ['clinician', t('start.audience.clinician')],
          ],
          onChange: (audience) => update({ audience }),
        }),
        h(
          'div',
          { class: 'field' },
          h('label', { for: ageId }, t('start.age')),
          h('p', { class: 'hint', id: ageHint }, t('start.age_hint', ctx.ages)),
          ageError,
          age,
        ),
        sexGroup,
      ),
      h(
        'fieldset',
        { class: 'start-pain' },
        h('legend', {}, t('start.where')),
        h('p', { class: 'hint' }, t('start.where_hint')),
        diagram.element,
      ),
    ),
    errorSummary,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('start.start'))),
    settings,
  );

  return h(
    'section',
    { class: 'screen screen-start', 'aria-labelledby': headingId },
    h('h2', { id: headingId, class: 'screen-title', tabindex: -1 }, t('start.title')),
    h('p', { class: 'lead' }, t('start.intro')),
    // When not to use the checker at all: before the form, with the number to call.
    h(
      'div',
      { class: 'emergency-first', role: 'note' },
      h('p', {}, h('strong', {}, t('start.emergency_first', { number: ctx.emergencyNumber }))),
      h(
        'p',
        {},
        h(
          'a',
          { class: 'call-link', href: `tel:${ctx.emergencyNumber}` },
          t('emergency.call', { number: ctx.emergencyNumber }),
        ),
      ),
    ),
    ctx.kiosk ? h('p', { class: 'kiosk-note', 'data-kiosk': 'on' }, t('kiosk.on_note', { minutes: ctx.kiosk })) : null,
    form,
  );
}
