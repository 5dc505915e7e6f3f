// A FHIR R4 Bundle (type "collection") of one check: a QuestionnaireResponse with the answers and a
// RiskAssessment with the ranked conditions, their probabilities and the triage level. Built in the
// browser from what is on screen; nothing is sent anywhere.

const YES_NO = 'http://terminology.hl7.org/CodeSystem/v2-0136';
const ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const GENDER = 'http://hl7.org/fhir/administrative-gender';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
export const TRIAGE_EXTENSION = 'urn:symcheck:fhir:triage-level';
export const TRIAGE_SYSTEM = 'urn:symcheck:triage-level';

function answerCoding(value, label) {
  if (value === 'yes') return { system: YES_NO, code: 'Y', display: label('yes') };
  if (value === 'no') return { system: YES_NO, code: 'N', display: label('no') };
  return { system: ABSENT_REASON, code: 'asked-unknown', display: label('dont_know') };
}

/**
 * answers: [{finding, value}] given in the questions (the diagram's evidence comes from interview.initial).
 * describe: {question(id), conditionName(id), icd10(id), regionName(id), answerLabel(value),
 *            label(key), triageLabel(level), triageAdvice(level), language}
 */
export function buildFhirBundle({
  interview,
  answers = interview.answers ?? [],
  assessment,
  describe,
  now = new Date(),
  newId = () => crypto.randomUUID(),
}) {
  const authored = now.toISOString();
  const qrId = newId();
  const raId = newId();

  const items = [
    { linkId: 'age', text: describe.label('age'), answer: [{ valueInteger: interview.age }] },
    {
      linkId: 'sex',
      text: describe.label('sex'),
      answer: [{ valueCoding: { system: GENDER, code: interview.sex, display: describe.label(interview.sex) } }],
    },
  ];
  if (interview.marked.length > 0) {
    items.push({
      linkId: 'pain-regions',
      text: describe.label('regions'),
      answer: interview.marked.map((id) => ({ valueString: describe.regionName(id) })),
    });
  }
  const answered = [
    ...interview.initial.present.map((finding) => ({ finding, value: 'yes' })),
    ...interview.initial.absent.map((finding) => ({ finding, value: 'no' })),
    ...answers,
  ];
  for (const { finding, value } of answered) {
    items.push({
      linkId: finding,
      text: describe.question(finding),
      answer: [{ valueCoding: answerCoding(value, describe.answerLabel) }],
    });
  }

  const questionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: qrId,
    language: describe.language,
    status: 'completed',
    authored,
    item: items,
  };

  const riskAssessment = {
    resourceType: 'RiskAssessment',
    id: raId,
    language: describe.language,
    extension: [
      {
        url: TRIAGE_EXTENSION,
        valueCoding: {
          system: TRIAGE_SYSTEM,
          code: assessment.triage,
          display: describe.triageLabel(assessment.triage),
        },
      },
    ],
    status: 'final',
    subject: { display: describe.label('subject') },
    occurrenceDateTime: authored,
    method: { text: describe.label('method') },
    basis: [{ reference: `urn:uuid:${qrId}` }],
    prediction: assessment.differential.map(({ condition, probability }) => {
      const name = describe.conditionName(condition);
      const code = describe.icd10(condition);
      const outcome = code ? { coding: [{ system: ICD10, code, display: name }], text: name } : { text: name };
      return { outcome, probabilityDecimal: probability };
    }),
    mitigation: describe.triageAdvice(assessment.triage),
    note: [
      { text: `${describe.label('triage')}: ${describe.triageLabel(assessment.triage)} (${assessment.triage})` },
      ...(assessment.red_flags.length > 0
        ? [
            {
              text: `${describe.label('red_flags')}: ${assessment.red_flags.map((f) => describe.question(f)).join(' | ')}`,
            },
          ]
        : []),
      ...((assessment.unanswered_safety_checks ?? []).length > 0 && assessment.triage !== 'emergency'
        ? [
            {
              text: `${describe.label('unanswered_screen')} ${assessment.unanswered_safety_checks.map((f) => describe.question(f)).join(' | ')}`,
            },
          ]
        : []),
    ],
  };

  return {
    resourceType: 'Bundle',
    id: newId(),
    type: 'collection',
    timestamp: authored,
    entry: [
      { fullUrl: `urn:uuid:${qrId}`, resource: questionnaireResponse },
      { fullUrl: `urn:uuid:${raId}`, resource: riskAssessment },
    ],
  };
}

/** Starts a download of `data` as a JSON file, built in memory (Blob + object URL, no network). */
export function downloadJson(data, filename) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/fhir+json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
