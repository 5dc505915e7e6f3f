// The result: a region named "Result" with data-triage. The triage banner (what to do and how
// soon) comes first, then red flags, the not-finished notice, the safety net, and the ranked causes
// (each with data-condition, a probability bar, why, its page and its review status).

import { h, uid } from './dom.js';
import { renderConditionPage, shortSource, reviewLine } from './condition-page.js';
import { givenAnswers } from '../interview-state.js';
import { renderNextSteps } from './next-steps.js';

const SHOWN = 5;

function triageBanner(level, ctx) {
  const { t } = ctx;
  const number = ctx.emergencyNumber;
  const banner = h(
    'div',
    { class: `triage-banner triage-${level}` },
    h(
      'p',
      { class: 'triage-level' },
      h('span', { class: 'triage-icon', 'aria-hidden': 'true' }, t(`triage.${level}.icon`)),
      ' ',
      t(`triage.${level}.label`),
    ),
    h('h3', { class: 'triage-heading' }, t(`triage.${level}.heading`, { number })),
    h('p', { class: 'triage-do' }, t(`triage.${level}.do`, { number })),
    h('p', { class: 'triage-when' }, h('strong', {}, t('triage.when')), ' ', t(`triage.${level}.when`, { number })),
  );
  if (level === 'emergency') {
    banner.append(
      h(
        'p',
        { class: 'call' },
        h('a', { class: 'call-button', href: `tel:${number}` }, t('emergency.call', { number })),
      ),
    );
    banner.append(h('p', { class: 'triage-extra' }, t('emergency.while_waiting')));
  }
  return banner;
}

function answerLabel(answer, t) {
  return answer === 'present' ? t('answer.yes') : t('answer.no');
}

/** "Clinical estimate: reason" in the knowledge base is shown once, not "clinical estimate: clinical estimate: …". */
function estimateReason(reason) {
  return reason.replace(/^\s*clinical estimate\s*[:\-–]\s*/i, '').trim();
}

function basisOf(entries, ctx, condition) {
  const { t, texts, audience } = ctx;
  const sources = [...new Set(entries.flatMap((e) => (Array.isArray(e.source) ? e.source : [])))]
    .map((id) => shortSource(texts.source(id)))
    .filter(Boolean);
  const parts = [...sources];
  if (entries.some((e) => e.estimate === true)) {
    const reasons =
      audience === 'clinician'
        ? [
            ...new Set(
              entries
                .filter((e) => e.estimate === true)
                .map((e) => estimateReason(texts.estimateReason(condition, e.finding) ?? ''))
                .filter(Boolean),
            ),
          ]
        : [];
    parts.push(reasons.length > 0 ? t('why.estimate_reason', { reason: reasons.join('; ') }) : t('why.estimate'));
  }
  return parts.length > 0 ? [t('why.source', { source: parts.join(' ') })] : [];
}

function whyItem(raised, text, basis, t) {
  return h(
    'li',
    { class: raised ? 'why-raised' : 'why-lowered' },
    h(
      'span',
      { class: 'why-direction' },
      h('span', { 'aria-hidden': 'true' }, raised ? '▲ ' : '▼ '),
      raised ? t('why.raised') : t('why.lowered'),
    ),
    ' ',
    h('span', { class: 'why-question' }, text),
    basis.length > 0 ? basis.map((b) => h('span', { class: 'why-source' }, b)) : null,
  );
}

/**
 * Only what the person said or marked: the diagram's marks once, as "You marked …" (the sides it
 * implies are never shown as questions), each answer given on a screen, each pick of the search.
 */
function whyList(explanation, ctx) {
  const { t, texts, lang, audience, interview } = ctx;
  const fromDiagram = new Set([...interview.initial.present, ...interview.initial.absent]);
  const given = new Map(givenAnswers(interview).map((a) => [a.finding, a.value]));
  const added = new Set(interview.added);
  const evidence = explanation.evidence.filter((e) => e.llr !== 0);
  const items = [];
  const marks = evidence.filter((e) => fromDiagram.has(e.finding) && !given.has(e.finding));
  const markLlr = marks.reduce((sum, e) => sum + e.llr, 0);
  if (marks.length > 0 && markLlr !== 0 && interview.marked.length > 0) {
    const regions = interview.marked.map((id) => t(`region.${id}`)).join(', ');
    items.push({
      weight: Math.abs(markLlr),
      node: whyItem(markLlr > 0, t('why.marked', { regions }), basisOf(marks, ctx, explanation.condition), t),
    });
  }
  for (const e of evidence) {
    if (!given.has(e.finding) || fromDiagram.has(e.finding)) continue;
    const question = texts.question(e.finding, lang, audience) || t('text.missing');
    const text = added.has(e.finding)
      ? t('why.told', { question })
      : t('why.answer', { question, answer: answerLabel(e.answer, t) });
    items.push({
      weight: Math.abs(e.llr),
      node: whyItem(e.llr > 0, text, basisOf([e], ctx, explanation.condition), t),
    });
  }
  if (items.length === 0) return h('p', {}, t('why.none'));
  items.sort((a, b) => b.weight - a.weight);
  return h(
    'ul',
    { class: 'why-list' },
    items.map((i) => i.node),
  );
}

/** "About 25 in 100 people with these answers": the probability in plain words. */
function inHundred(probability, t) {
  const n = Math.round(probability * 100);
  if (n < 1) return t('result.in_100_less');
  return t('result.in_100', { n });
}

function causeItem({ condition, probability }, ctx, rank) {
  const { t, texts, lang, audience } = ctx;
  const name = texts.conditionName(condition, lang, audience) || t('text.missing');
  const explanation = ctx.assessment.explanations.find((e) => e.condition === condition);
  const percent = ctx.formatPercent(probability);
  const nameId = uid('cause');
  const head = h(
    'div',
    { class: 'cause-head' },
    h('h4', { class: 'cause-name', id: nameId }, name),
    audience === 'clinician' && texts.icd10(condition)
      ? h('span', { class: 'icd10' }, t('condition.icd10', { code: texts.icd10(condition) }))
      : null,
  );
  const probabilityRow = h(
    'div',
    { class: 'cause-probability' },
    h('span', { class: 'probability-text' }, t('result.probability', { percent })),
    h('meter', { class: 'probability-bar', min: 0, max: 1, value: probability, 'aria-hidden': 'true' }),
    h('span', { class: 'probability-plain' }, inHundred(probability, t)),
  );
  const details = [];
  // Every listed cause has its reasons (the engine explains the causes shown first); a cause beyond
  // them says that its place comes from how common it is.
  details.push(
    h(
      'details',
      { class: 'why' },
      h('summary', {}, t('why.title'), h('span', { class: 'visually-hidden' }, ` (${name})`)),
      explanation ? whyList(explanation, ctx) : h('p', {}, t('why.none')),
    ),
  );
  // The condition page is built when it is first opened: a page for every listed cause, built at
  // once, made the result's render a main-thread task of about 60 ms on a busy machine.
  let pageShown = false;
  const showPage = (event) => {
    const about = event.currentTarget;
    if (!about.open || pageShown) return;
    pageShown = true;
    about.append(renderConditionPage(condition, { ...ctx, headingLevel: 5 }));
  };
  details.push(
    h('details', { class: 'about', on: { toggle: showPage } }, h('summary', {}, t('condition.about', { name }))),
  );
  return h(
    'li',
    { class: 'cause', 'data-condition': condition, 'data-rank': rank, 'aria-labelledby': nameId },
    head,
    probabilityRow,
    h(
      'p',
      { class: 'review small' },
      reviewLine(texts.review(condition), t, ctx.formatDate, texts.reviewSummary().latest),
    ),
    details,
  );
}

/**
 * One item per danger the fired rules point to, most urgent first, each named once: a condition
 * (`data-must-rule-out`) or, for a rule that points to no single condition, the danger in words.
 */
function mustRuleOutItems(assessment, { t, texts, lang, audience }) {
  const seen = new Set();
  const items = [];
  for (const entry of assessment.must_rule_out ?? []) {
    // A rule without its own text still gets a line (the test of data/ui names every such rule).
    const key = entry.condition ?? (t(`danger.${entry.rule}`) || t('danger.unnamed'));
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(
      entry.condition
        ? h(
            'li',
            { 'data-must-rule-out': entry.condition, 'data-level': entry.level },
            texts.conditionName(entry.condition, lang, audience) || t('text.missing'),
          )
        : h('li', { 'data-must-rule-out-rule': entry.rule, 'data-level': entry.level }, key),
    );
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

  // What the fired red-flag rules point to leads, right under the one instruction (FORMAT.md
  // must_rule_out): with few answers it may rank low in the differential, yet it is why the advice
  // is what it is.
  const mustRuleOut = mustRuleOutItems(assessment, ctx);
  if (mustRuleOut.length > 0) {
    children.push(
      h(
        'div',
        { class: 'must-rule-out' },
        h('h3', {}, t('result.must_rule_out')),
        h('p', {}, t(mustRuleOut.length > 1 ? 'result.must_rule_out_intro_many' : 'result.must_rule_out_intro')),
        h('ul', {}, mustRuleOut),
      ),
    );
  }
  if (assessment.red_flags.length > 0) {
    children.push(
      h(
        'div',
        { class: 'red-flags' },
        h('h3', {}, t('result.red_flags')),
        h(
          'ul',
          {},
          assessment.red_flags.map((f) =>
            h(
              'li',
              {},
              t('result.red_flag_answer', { question: texts.question(f, lang, audience) || t('text.missing') }),
            ),
          ),
        ),
      ),
    );
  }
  if (ctx.interview.age < 16) {
    children.push(h('p', { class: 'notice-box child' }, t('result.under16')));
  }
  // Safety questions still open (the opening screens' questions not answered, not even "don't
  // know"): named, with a way back to them. Never beside emergency advice.
  const open = assessment.unanswered_safety_checks ?? [];
  if (open.length > 0 && level !== 'emergency') {
    children.push(
      h(
        'div',
        { class: 'notice-box incomplete', 'data-unanswered-safety-checks': open.length },
        h('h3', {}, t('result.incomplete.title')),
        h('p', {}, t('result.incomplete.text')),
        h(
          'ul',
          { class: 'unanswered-list' },
          open.map((f) => h('li', { 'data-finding-open': f }, texts.question(f, lang, audience) || t('text.missing'))),
        ),
        h('button', { type: 'button', class: 'primary', on: { click: ctx.onContinue } }, t('result.continue')),
      ),
    );
  }
  children.push(renderNextSteps(level, ctx));
  // The generic "get help at once if …" list is for results that are not already an emergency: on an
  // emergency it would contradict the one instruction ("if you develop" what the person has).
  if (level !== 'emergency') {
    children.push(
      h(
        'div',
        { class: 'safety-net' },
        h('h3', {}, t('result.safety_net.title')),
        h('p', {}, t('safety_net')),
        h('p', {}, t('safety_net.call', { number: ctx.emergencyNumber })),
      ),
    );
  }

  const ranked = assessment.differential;
  const causesId = uid('causes-title');
  const causes = [
    h(
      'h3',
      { class: 'causes-title', id: causesId },
      t(mustRuleOut.length > 0 ? 'result.causes_other' : 'result.causes'),
    ),
    h('p', { class: 'causes-intro' }, t(mustRuleOut.length > 0 ? 'result.causes_other_intro' : 'result.causes_intro')),
    h('p', { class: 'causes-intro' }, t('result.in_100_explain')),
    h(
      'ol',
      { class: 'causes' },
      ranked.slice(0, SHOWN).map((item, i) => causeItem(item, ctx, i + 1)),
    ),
  ];
  if (ranked.length > SHOWN) {
    causes.push(
      h(
        'details',
        { class: 'more-causes' },
        h('summary', {}, t('result.more_causes', { n: ranked.length - SHOWN })),
        h(
          'ol',
          { class: 'causes', start: SHOWN + 1 },
          ranked.slice(SHOWN).map((item, i) => causeItem(item, ctx, SHOWN + i + 1)),
        ),
      ),
    );
  }
  children.push(h('div', { class: 'causes-block', role: 'group', 'aria-labelledby': causesId }, causes));

  const summary = texts.reviewSummary();
  children.push(
    h(
      'p',
      { class: 'review-summary' },
      t(summary.reviewed === 0 ? 'result.review_none' : 'result.review_summary', {
        reviewed: summary.reviewed,
        total: summary.total,
        date: summary.latest ? ctx.formatDate(summary.latest) : '—',
      }),
    ),
  );

  const actions = [];
  if (ctx.onReview) actions.push(h('button', { type: 'button', on: { click: ctx.onReview } }, t('review.open')));
  if (ctx.canShare) actions.push(h('button', { type: 'button', on: { click: ctx.onShare } }, t('result.share')));
  actions.push(h('button', { type: 'button', on: { click: ctx.onPrint } }, t('result.print')));
  actions.push(h('button', { type: 'button', on: { click: ctx.onDownloadFhir } }, t('result.download_fhir')));
  if (ctx.canChange) {
    actions.push(h('button', { type: 'button', on: { click: ctx.onChangeLast } }, t('result.change_last')));
  }
  actions.push(
    h('button', { type: 'button', class: 'primary', on: { click: ctx.onNewPatient } }, t('action.new_patient')),
  );
  children.push(h('p', { class: 'small on-device' }, t('result.on_device')));
  children.push(h('div', { class: 'actions result-actions' }, actions));

  return h('section', { class: 'screen screen-result', 'aria-labelledby': headingId, 'data-triage': level }, children);
}
