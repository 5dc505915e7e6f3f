// A plain-text summary of the result for the system share sheet (Web Share), made on the device:
// the advice, the causes, the person's answers. Nothing is sent unless the person picks where to.

import { givenAnswers } from '../interview-state.js';

/** ctx: {t, texts, lang, audience, interview, assessment, emergencyNumber, regionName, formatPercent} */
export function summaryText(ctx) {
  const { t, texts, lang, audience, interview, assessment } = ctx;
  const number = ctx.emergencyNumber;
  const level = assessment.triage;
  const lines = [
    t('print.title'),
    '',
    `${t(`triage.${level}.label`)}: ${t(`triage.${level}.heading`, { number })}`,
    t(`triage.${level}.do`, { number }),
    '',
    t('print.person', {
      age: interview.age,
      sex: t(`start.sex.${interview.sex}`),
      audience: t(`start.audience.${interview.audience}`),
    }),
    t('print.regions', {
      list:
        interview.marked.length > 0
          ? interview.marked.map((id) => ctx.regionName(id)).join(', ')
          : t('diagram.none_marked'),
    }),
    '',
    `${t('result.causes')}:`,
    ...assessment.differential
      .slice(0, 5)
      .map(
        ({ condition, probability }, i) =>
          `${i + 1}. ${texts.conditionName(condition, lang, audience) || t('text.missing')}: ${ctx.formatPercent(probability)}`,
      ),
    '',
    `${t('print.answers')}:`,
    ...givenAnswers(interview).map(
      ({ finding, value }) =>
        `- ${texts.question(finding, lang, audience) || t('text.missing')} ${t(`answer.${value}`)}`,
    ),
    '',
    t('notice.not_diagnosis'),
  ];
  return lines.join('\n');
}
