// One question with its three answers (Yes / No / Don't know) as radio buttons in a fieldset named
// by the question's text: the question screen and the answers review draw it the same way.

import { h, uid } from './dom.js';
import { ANSWERS } from '../interview-state.js';

/**
 * attrs: the fieldset's attributes (its class and data-* hooks); hint: a line under the question,
 * or null; onChange(value) runs when an answer is picked.
 */
export function answerGroup({ attrs, text, answer, hint = null, onChange, t }) {
  const name = uid('answer');
  return h(
    'fieldset',
    attrs,
    h('legend', { id: uid('q-text'), class: 'question-text' }, text),
    hint,
    h(
      'div',
      { class: 'answer-options' },
      ANSWERS.map((value) => {
        const id = uid('a');
        return h(
          'div',
          { class: `choice-option answer-option answer-${value}` },
          h('input', {
            type: 'radio',
            id,
            name,
            value,
            checked: answer === value,
            'data-answer': value,
            on: { change: () => onChange(value) },
          }),
          h('label', { for: id }, t(`answer.${value}`)),
        );
      }),
    ),
  );
}
