// The result: a region named "Result" with data-triage. The triage banner (what to do and how
// soon) comes first, then red flags, the not-finished notice, the safety net, and the ranked causes
// (each with data-condition, a probability bar, why, its page and its review status).

import { h, uid } from './dom.js';
import { renderConditionPage, shortSource, reviewLine } from './condition-page.js';

const SHOWN = 5;

function triageBanner(level, ctx) {
  const { t } = ctx;
  const number = ctx.emergencyNumber;
  const banner = h('div', { class: `triage-banner triage-${level}` },
    h('p', { class: 'triage-level' },
      h('span', { class: 'triage-icon', 'aria-hidden': 'true' }, t(`triage.${level}.icon`)),
      ' ',
      t(`triage.${level}.label`)),
    h('h3', { class: 'triage-heading' }, t(`triage.${level}.heading`, { number })),
    h('p', { class: 'triage-do' }, t(`triage.${level}.do`, { number })),
    h('p', { class: 'triage-when' }, h('strong', {}, t('triage.when')), ' ', t(`triage.${level}.when`, { number })));
  if (level === 'emergency') {
    banner.append(h('p', { class: 'call' }, h('a', { class: 'call-button', href: `tel:${number}` }, t('emergency.call', { number }))));
    banner.append(h('p', { class: 'triage-extra' }, t('emergency.while_waiting')));
  }
  return banner;
}

function answerLabel(answer, t) {
  return answer === 'present' ? t('answer.yes') : t('answer.no');
}

function whyList(explanation, ctx) {
  const { t, texts, lang, audience } = ctx;
  const items = explanation.evidence
    .filter((e) => e.llr !== 0)
    .map((e) => {
      const raised = e.llr > 0;
      const question = texts.question(e.finding, lang, audience) || t('text.missing');
      const sources = (Array.isArray(e.source) ? e.source : [])
        .map((id) => shortSource(texts.source(id), t)).filter(Boolean);
      const basis = [];
      if (sources.length > 0) basis.push(sources.join('; '));
      if (e.estimate === true) {
        const reason = audience === 'clinician' ? texts.estimateReason(explanation.condition, e.finding) : '';
        basis.push(reason ? t('why.estimate_reason', { reason }) : t('why.estimate'));
      }
      return h('li', { class: raised ? 'why-raised' : 'why-lowered' },
        h('span', { class: 'why-direction' },
          h('span', { 'aria-hidden': 'true' }, raised ? '▲ ' : '▼ '),
          raised ? t('why.raised') : t('why.lowered')),
        ' ',
        h('span', { class: 'why-question' }, t('why.answer', { question, answer: answerLabel(e.answer, t) })),
        basis.length > 0 ? h('span', { class: 'why-source' }, t('why.source', { source: basis.join(' · ') })) : null);
    });
  if (items.length === 0) return h('p', {}, t('why.none'));
  return h('ul', { class: 'why-list' }, items);
}

function causeItem({ condition, probability }, ctx) {
  const { t, texts, lang, audience } = ctx;
  const name = texts.conditionName(condition, lang, audience) || t('text.missing');
  const explanation = ctx.assessment.explanations.find((e) => e.condition === condition);
  const percent = ctx.formatPercent(probability);
  const head = h('div', { class: 'cause-head' },
    h('h4', { class: 'cause-name' }, name),
    audience === 'clinician' && texts.icd10(condition)
      ? h('span', { class: 'icd10' }, t('condition.icd10', { code: texts.icd10(condition) }))
      : null);
  const probabilityRow = h('div', { class: 'cause-probability' },
    h('span', { class: 'probability-text' }, t('result.probability', { percent })),
    h('meter', { class: 'probability-bar', min: 0, max: 1, value: probability, 'aria-hidden': 'true' }));
  const details = [];
  if (explanation) {
    details.push(h('details', { class: 'why' },
      h('summary', {}, t('why.title')),
      whyList(explanation, ctx)));
  }
  details.push(h('details', { class: 'about' },
    h('summary', {}, t('condition.about', { name })),
    renderConditionPage(condition, { ...ctx, headingLevel: 5 })));
  return h('li', { class: 'cause', 'data-condition': condition },
    head,
    probabilityRow,
    h('p', { class: 'review small' }, reviewLine(texts.review(condition), t, ctx.formatDate)),
    details);
}

/**
 * One item per danger the fired rules point to, most urgent first, each named once: a condition
 * (`data-must-rule-out`) or, for a rule that points to no single condition, the danger in words.
 */
function mustRuleOutItems(assessment, { t, texts, lang, audience }) {
  const seen = new Set();
  const items = [];
  for (const entry of assessment.must_rule_out ?? []) {
    const key = entry.condition ?? t(`danger.${entry.rule}`);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(entry.condition
      ? h('li', { 'data-must-rule-out': entry.condition, 'data-level': entry.level },
        texts.conditionName(entry.condition, lang, audience) || t('text.missing'))
      : h('li', { 'data-must-rule-out-rule': entry.rule, 'data-level': entry.level }, key));
  }
  return items;
}

/**
 * ctx: {t, texts, lang, audience, interview, assessment, emergencyNumber, formatPercent, formatDate,
 *       canChange (bool: a screen to go back to), onContinue (answer the open safety questions), onChangeLast, onNewPatient, onPrint, onDownloadFhir}
 */
export function renderResultScreen(ctx) {
  const { t, texts, lang, audience, assessment } = ctx;
  const level = assessment.triage;
  const headingId = uid('result-title');
  const children = [h('h2', { id: headingId, class: 'screen-title', tabindex: -1 }, t('result.title'))];
  children.push(triageBanner(level, ctx));

  if (assessment.red_flags.length > 0) {
    children.push(h('div', { class: 'red-flags' },
      h('h3', {}, t('result.red_flags')),
      h('ul', {}, assessment.red_flags.map((f) => h('li', {}, texts.question(f, lang, audience) || t('text.missing'))))));
  }
  // What the fired red-flag rules point to leads (FORMAT.md must_rule_out): with few answers it may
  // rank low in the differential, yet it is why the advice is what it is.
  const mustRuleOut = mustRuleOutItems(assessment, ctx);
  if (mustRuleOut.length > 0) {
    children.push(h('div', { class: 'must-rule-out' },
      h('h3', {}, t('result.must_rule_out')),
      h('p', {}, t('result.must_rule_out_intro')),
      h('ul', {}, mustRuleOut)));
  }
  if (ctx.interview.age < 16) {
    children.push(h('p', { class: 'notice-box child' }, t('result.under16')));
  }
  // Safety questions still open (the opening screens' questions not answered, not even "don't
  // know"): named, with a way back to them. Never beside emergency advice.
  const open = assessment.unanswered_safety_checks ?? [];
  if (open.length > 0 && level !== 'emergency') {
    children.push(h('div', { class: 'notice-box incomplete', 'data-unanswered-safety-checks': open.length },
      h('h3', {}, t('result.incomplete.title')),
      h('p', {}, t('result.incomplete.text')),
      h('ul', { class: 'unanswered-list' }, open.map((f) => h('li', { 'data-finding-open': f }, texts.question(f, lang, audience) || t('text.missing')))),
      h('button', { type: 'button', class: 'primary', on: { click: ctx.onContinue } }, t('result.continue'))));
  }
  children.push(h('div', { class: 'safety-net' },
    h('h3', {}, t('result.safety_net.title')),
    h('p', {}, t('safety_net')),
    h('p', {}, t('safety_net.call', { number: ctx.emergencyNumber }))));

  const ranked = assessment.differential;
  children.push(h('h3', { class: 'causes-title' }, t(mustRuleOut.length > 0 ? 'result.causes_other' : 'result.causes')));
  children.push(h('p', { class: 'causes-intro' }, t('result.causes_intro')));
  children.push(h('ol', { class: 'causes' }, ranked.slice(0, SHOWN).map((item) => causeItem(item, ctx))));
  if (ranked.length > SHOWN) {
    children.push(h('details', { class: 'more-causes' },
      h('summary', {}, t('result.more_causes', { n: ranked.length - SHOWN })),
      h('ol', { class: 'causes', start: SHOWN + 1 }, ranked.slice(SHOWN).map((item) => causeItem(item, ctx)))));
  }

  const summary = texts.reviewSummary();
  children.push(h('p', { class: 'review-summary' }, t('result.review_summary', {
    reviewed: summary.reviewed, total: summary.total, date: summary.latest ? ctx.formatDate(summary.latest) : '—',
  })));

  const actions = [h('button', { type: 'button', on: { click: ctx.onPrint } }, t('result.print'))];
  if (audience === 'clinician') {
    actions.push(h('button', { type: 'button', on: { click: ctx.onDownloadFhir } }, t('result.download_fhir')));
  }
  if (ctx.canChange) {
    actions.push(h('button', { type: 'button', on: { click: ctx.onChangeLast } }, t('result.change_last')));
  }
  actions.push(h('button', { type: 'button', class: 'primary', on: { click: ctx.onNewPatient } }, t('action.new_patient')));
  children.push(h('div', { class: 'actions result-actions' }, actions));

  return h('section', { class: 'screen screen-result', 'aria-labelledby': headingId, 'data-triage': level }, children);
}
