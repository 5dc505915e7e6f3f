// Wiring: loads settings, UI strings, the knowledge base and the engine, then runs the screens.
// The answers live in `app.interview` (memory only) and are erased by New patient, by leaving the
// page, and in kiosk mode after idle minutes.

import { loadCatalogs, setLanguage, language, hasLanguage, t, applyStatic, formatDate, formatDateTime, formatPercent } from './i18n.js';
import { startEngine, EngineError } from './engine-client.js';
import { fetchKnowledgeBase, KnowledgeTexts } from './kb.js';
import { loadSettings, emergencyNumberFor, emergencyChoices } from './settings.js';
import {
  createInterview, showScreen, setAnswer, submitScreen, reopenScreen, back, addFinding, removeFinding,
  currentScreen, knownFindings, givenAnswers, toCase, toEngineState, validateStart, setAnswerAnywhere, hasAnswers,
} from './interview-state.js';
import { installPrivacyGuards } from './privacy.js';
import { registerServiceWorker } from './sw-register.js';
import { buildFhirBundle, downloadJson } from './fhir.js';
import { wireHeader } from './ui/header.js';
import { h, clear, focusElement } from './ui/dom.js';
import { renderStartScreen } from './ui/start-screen.js';
import { renderQuestionScreen, questionFocusTarget } from './ui/question-screen.js';
import { renderResultScreen } from './ui/result-screen.js';
import { renderLibraryScreen } from './ui/library-screen.js';
import { renderPrintSummary } from './ui/print-summary.js';
import { renderReviewScreen } from './ui/review-screen.js';
import { openConfirm } from './ui/confirm-dialog.js';
import { onLongPress, confirmKioskSwitch, showStillThere } from './ui/kiosk.js';
import { installBackGuard } from './nav-history.js';
import { summaryText } from './ui/share.js';

const root = document.getElementById('app');
const fallback = document.getElementById('fallback');

const newDraft = () => ({ audience: 'patient', age: '', sex: null, marked: new Set(), view: 'back' });

const app = {
  engine: null,
  texts: null,
  regions: [],
  settings: null,
  screen: 'start',
  draft: newDraft(),
  interview: null,
  assessment: null,   // what the Result shows
  estimates: [],      // the engine's "about how many screens" when each screen was shown
  liveTriage: null,   // triage of the answers so far, while a screen is answered
  libraryQuery: '',
  returnTo: 'start',
  reviewFrom: 'question',
  guards: null,       // the privacy guards (kiosk idle timer)
  emergencyNumber: '112',
  header: null,
  failure: null,
  sw: { offerSwitch() {} },
};

// ---- screens --------------------------------------------------------------------------------

function regionName(id) {
  return t(`region.${id}`);
}

function kbContext() {
  return {
    t,
    texts: app.texts,
    lang: language(),
    audience: app.interview?.audience ?? app.draft.audience,
    formatDate,
    formatPercent,
  };
}

function show(screen, { focus = true } = {}) {
  app.screen = screen;
  render({ focus });
}

function render({ focus = false } = {}) {
  clear(root);
  let element;
  let focusTarget = null;
  switch (app.screen) {
    case 'question': {
      const lang = language();
      const audience = app.interview.audience;
      const screen = currentScreen(app.interview);
      const index = app.interview.screens.length - 1;
      const questionText = (finding) => app.texts.question(finding, lang, audience) || t('text.missing');
      element = renderQuestionScreen({
        t,
        stem: app.texts.screenStem(screen.id, lang, audience) || t('question.title'),
        exam: screen.items.some((finding) => app.texts.isExam(finding)),
        number: index + 1,
        estimate: app.estimates[index] ?? index + 1,
        items: screen.items.map((finding) => ({ finding, text: questionText(finding), answer: screen.answers[finding] ?? null })),
        added: app.interview.added,
        questionText,
        candidates: () => {
          const known = knownFindings(app.interview);
          return app.texts.searchable(lang, audience, app.interview.sex).filter((c) => !known.has(c.finding));
        },
        onAnswer,
        onAdd,
        onRemove,
        onNext,
        onBack,
        onShowResults,
        onReview: () => openReview('question'),
        onNewPatient: () => newPatient(),
      });
      root.append(element);
      focusTarget = questionFocusTarget(element);
      break;
    }
    case 'result': {
      const ctx = {
        ...kbContext(),
        interview: app.interview,
        assessment: app.assessment,
        emergencyNumber: app.emergencyNumber,
        canChange: app.interview.screens.length > 0,
        onContinue,
        onChangeLast: () => {
          app.interview = reopenScreen(app.interview);
          showQuestions();
        },
        onNewPatient: () => resetAll(),
        onReview: () => openReview('result'),
        settings: app.settings,
        canShare: typeof navigator.share === 'function',
        onShare,
        onPrint: () => window.print(),
        onDownloadFhir,
      };
      element = renderResultScreen(ctx);
      root.append(element, renderPrintSummary({ ...ctx, regionName, formatDateTime, now: new Date() }));
      break;
    }
    case 'review':
      element = renderReviewScreen({
        ...kbContext(),
        interview: app.interview,
        regionName,
        from: app.reviewFrom,
        onChange: onReviewChange,
        onRemove: (finding) => {
          onRemove(finding);
          if (app.screen === 'review') render();
        },
        onEditStart,
        onDone: () => (app.reviewFrom === 'result' ? onShowResults() : showQuestions()),
        onNewPatient: () => newPatient(),
      });
      root.append(element);
      break;
    case 'library':
      element = renderLibraryScreen({
        ...kbContext(),
        query: app.libraryQuery,
        onQuery: (q) => { app.libraryQuery = q; },
        onClose: () => show(app.returnTo),
      });
      root.append(element);
      break;
    case 'error':
      element = h('section', { class: 'screen screen-error', 'aria-labelledby': 'error-title' },
        h('h2', { id: 'error-title', class: 'screen-title', tabindex: -1 }, t('error.title')),
        h('p', {}, t('error.text')),
        h('p', {}, t('fallback.help', { number: app.emergencyNumber })),
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', on: { click: () => resetAll() } }, t('action.new_patient'))));
      root.append(element);
      break;
    default:
      element = renderStartScreen({
        t,
        regions: app.regions,
        draft: app.draft,
        emergencyNumber: app.emergencyNumber,
        emergencyChoices: emergencyChoices(app.settings),
        onEmergencyNumber: (number) => { app.emergencyNumber = number; },
        kiosk: app.guards?.enabled() ? kioskMinutes() : null,
        onStart,
      });
      root.append(element);
  }
  if (focus) {
    window.scrollTo(0, 0);
    focusElement(focusTarget ?? element.querySelector('.screen-title') ?? element);
    // The start screen shows from the top: the language switch and the notice in view.
    if (app.screen === 'start') window.scrollTo(0, 0);
  }
}

// ---- the interview --------------------------------------------------------------------------

function engineFailed(error) {
  console.warn('engine:', error instanceof EngineError ? `${error.code}: ${error.message}` : error);
  show('error');
}

/** The assessment of the answers so far (null after an engine failure, which is shown). */
function assessNow() {
  try {
    return app.engine.assess(toCase(app.interview), { audience: app.interview.audience });
  } catch (error) {
    engineFailed(error);
    return null;
  }
}

function showResult(assessment) {
  app.assessment = assessment;
  app.liveTriage = null;
  show('result');
}

/** Shows the current screen; its triage so far is the baseline an answer must raise to interrupt. */
function showQuestions() {
  const assessment = assessNow();
  if (!assessment) return;
  app.liveTriage = assessment.triage;
  show('question');
}

/** After a change of answers: an emergency the change completes interrupts at once. */
function checkEmergency() {
  const assessment = assessNow();
  if (!assessment) return false;
  const before = app.liveTriage;
  app.liveTriage = assessment.triage;
  if (assessment.triage === 'emergency' && before !== 'emergency') {
    showResult(assessment);
    return false;
  }
  return true;
}

/** Asks the engine for the following screen (every screen shown so far is submitted). */
function advance() {
  let reply;
  try {
    reply = app.engine.next(toEngineState(app.interview), { audience: app.interview.audience });
  } catch (error) {
    engineFailed(error);
    return;
  }
  // An emergency ends the questions at once; otherwise the engine says when to stop.
  if (reply.assessment.triage === 'emergency' || !reply.screen) {
    showResult(reply.assessment);
    return;
  }
  try {
    app.interview = showScreen(app.interview, reply.screen);
  } catch (error) {
    engineFailed(error);
    return;
  }
  app.estimates[app.interview.screens.length - 1] = reply.estimate;
  showQuestions();
}

/** Start: every problem of the form at once, by field ([{field, message}]), or null when it starts. */
function onStart(draft) {
  const ageProblem = validateStart({ age: draft.age === '' ? null : Number(draft.age), sex: 'female' });
  const problems = [];
  if (ageProblem) problems.push({ field: 'age', message: t(ageProblem) });
  if (draft.sex !== 'female' && draft.sex !== 'male') problems.push({ field: 'sex', message: t('start.error.sex') });
  if (problems.length > 0) return problems;
  app.interview = createInterview({
    age: Number(draft.age),
    sex: draft.sex,
    audience: draft.audience,
    marked: [...draft.marked],
    regions: app.regions,
    sides: app.texts.sideFindings(),
  });
  app.estimates = [];
  advance();
  return null;
}

function onAnswer(finding, value) {
  app.interview = setAnswer(app.interview, finding, value);
  checkEmergency();
}

/** A question picked in "Add something else" counts as a yes. Returns the picks, or null. */
function onAdd(finding) {
  app.interview = addFinding(app.interview, finding);
  return checkEmergency() ? app.interview.added : null;
}

function onRemove(finding) {
  app.interview = removeFinding(app.interview, finding);
  return checkEmergency() ? app.interview.added : null;
}

function onNext() {
  app.interview = submitScreen(app.interview);
  advance();
}

function onBack() {
  if (app.interview.screens.length <= 1) {
    app.interview = null;
    app.assessment = null;
    app.estimates = [];
    show('start');
    return;
  }
  app.interview = back(app.interview);
  showQuestions();
}

/** Show results: the answers so far; the screen on show stays open (its blanks are not "don't know"). */
function onShowResults() {
  const assessment = assessNow();
  if (assessment) showResult(assessment);
}

/**
 * "Answer these questions" on the result: back to the open screen, or a screen of the safety
 * questions still open (those of the first opening screen that holds one).
 */
function onContinue() {
  const screen = currentScreen(app.interview);
  if (screen && !screen.submitted) {
    showQuestions();
    return;
  }
  const open = app.assessment?.unanswered_safety_checks ?? [];
  const known = knownFindings(app.interview);
  const first = open.find((f) => !known.has(f));
  if (!first) {
    app.interview = reopenScreen(app.interview);
    showQuestions();
    return;
  }
  const id = app.texts.openingScreenOf(first);
  const sameScreen = open.filter((f) => !known.has(f) && app.texts.openingScreenOf(f) === id).slice(0, 6);
  app.interview = showScreen(app.interview, { id, kind: 'opening', items: sameScreen });
  app.estimates[app.interview.screens.length - 1] = app.interview.screens.length;
  showQuestions();
}

function onDownloadFhir() {
  const audience = app.interview.audience;
  const lang = language();
  const bundle = buildFhirBundle({
    interview: app.interview,
    answers: givenAnswers(app.interview),
    assessment: app.assessment,
    describe: {
      language: lang,
      question: (id) => app.texts.question(id, lang, audience),
      conditionName: (id) => app.texts.conditionName(id, lang, 'clinician'),
      icd10: (id) => app.texts.icd10(id),
      regionName,
      answerLabel: (value) => t(`answer.${value}`),
      label: (key) => t(`fhir.${key}`),
      triageLabel: (level) => t(`triage.${level}.label`),
      triageAdvice: (level) => t(`triage.${level}.do`, { number: app.emergencyNumber }),
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  downloadJson(bundle, `symptom-check-${stamp}.fhir.json`);
}

/** Erases everything of the person and shows the start screen. */
function resetAll({ reason = 'new_patient' } = {}) {
  app.interview = null;
  app.assessment = null;
  app.estimates = [];
  app.liveTriage = null;
  app.draft = newDraft();
  app.libraryQuery = '';
  app.returnTo = 'start';
  if (!app.engine) return;
  app.screen = 'start';
  render({ focus: reason === 'new_patient' || reason === 'idle' });
  app.sw.offerSwitch();
}

// ---- navigation: the answers review, the browser's Back, New patient ----------------------------

function openReview(from) {
  app.reviewFrom = from;
  show('review');
}

/** An answer changed on the review screen: an emergency it completes shows at once. */
function onReviewChange(finding, value) {
  app.interview = setAnswerAnywhere(app.interview, finding, value);
  const assessment = assessNow();
  if (!assessment) return;
  if (assessment.triage === 'emergency') showResult(assessment);
}

/** Back to the start screen with its details kept; Start asks the questions again. */
async function onEditStart() {
  if (hasAnswers(app.interview) && !await confirmLoss('confirm.restart')) return;
  app.interview = null;
  app.assessment = null;
  app.estimates = [];
  show('start');
}

function hasPersonData() {
  return Boolean(app.interview) || app.draft.age !== '' || app.draft.sex !== null || app.draft.marked.size > 0;
}

/** Asks before answers are lost; resolves true to go on. */
function confirmLoss(key) {
  return openConfirm({
    name: 'lose-answers',
    title: t(`${key}.title`),
    text: t(`${key}.text`),
    confirm: t(`${key}.yes`),
    cancel: t('confirm.keep'),
    danger: true,
  }).promise;
}

/** New patient: at once on the result or the start; asks first when unfinished answers would be lost. */
async function newPatient() {
  const unfinished = app.screen !== 'result' && app.interview && hasAnswers(app.interview);
  if (unfinished && !await confirmLoss('confirm.new_patient')) return;
  resetAll();
}

/** The browser's Back: one screen back; leaving the page with answers on it asks first. */
async function onBrowserBack() {
  const open = document.querySelector('dialog[open]');
  if (open) {
    open.dispatchEvent(new Event('cancel', { cancelable: true }));
    return true;
  }
  if (!app.engine) return false;
  switch (app.screen) {
    case 'question':
      if (app.interview.screens.length <= 1 && hasAnswers(app.interview) && !await confirmLoss('confirm.restart')) return true;
      onBack();
      return true;
    case 'review':
      if (app.reviewFrom === 'result') onShowResults();
      else showQuestions();
      return true;
    case 'result':
      if (app.interview?.screens.length > 0) {
        app.interview = reopenScreen(app.interview);
        showQuestions();
      } else {
        show('start');
      }
      return true;
    case 'library':
      show(app.returnTo);
      return true;
    default:
      if (hasPersonData() && !await confirmLoss('confirm.leave')) return true;
      return false;
  }
}

// ---- clinic tablet (kiosk) --------------------------------------------------------------------

function kioskMinutes() {
  return Math.max(0.01, Number(app.settings.idle_timeout_minutes) || 5);
}

function kioskOptions() {
  let still = null;
  return {
    enabled: Boolean(app.settings.kiosk),
    idleMs: kioskMinutes() * 60000,
    warnMs: Math.max(1, Number(app.settings.kiosk_warning_seconds) || 30) * 1000,
    // The emergency advice stays until someone acts on it; an empty start screen has nothing to erase.
    hold: () => app.screen === 'result' && app.assessment?.triage === 'emergency',
    empty: () => !hasPersonData() && app.screen === 'start',
    // A clinician reading a result gets three idle times, then it is erased like every other.
    idleFactor: () => (app.screen === 'result' && app.interview?.audience === 'clinician' ? 3 : 1),
    warn: ({ seconds, stay, erase }) => {
      still = showStillThere({ t, seconds, onStay: stay, onErase: erase });
      return still;
    },
  };
}

/** Staff switch the clinic tablet mode by pressing and holding the title, then confirming. */
function setupStaffGesture() {
  const title = document.querySelector('.brand');
  if (!title) return;
  onLongPress(title, async () => {
    if (document.querySelector('dialog[open]')) return;
    const enabled = app.guards.enabled();
    if (!await confirmKioskSwitch({ t, enabled, minutes: kioskMinutes() })) return;
    app.guards.setKiosk(!enabled, kioskMinutes() * 60000);
    document.body.classList.toggle('kiosk', !enabled);
    if (app.screen === 'start') render();
  });
  document.body.classList.toggle('kiosk', app.guards.enabled());
}

async function onShare() {
  try {
    await navigator.share({ title: t('print.title'), text: summaryText(shareContext()) });
  } catch {
    // Cancelled, or not allowed here: nothing left the device.
  }
}

function shareContext() {
  return { ...kbContext(), interview: app.interview, assessment: app.assessment, emergencyNumber: app.emergencyNumber, regionName };
}

// ---- start-up -------------------------------------------------------------------------------

function onLanguage(lang) {
  setLanguage(lang);
  applyStatic();
  app.header.showLanguage(lang);
  if (app.failure) showFailure(app.failure);
  else if (app.engine) render();
}

function onLibrary() {
  if (!app.engine || app.screen === 'library') return;
  app.returnTo = app.screen === 'error' ? 'start' : app.screen;
  show('library');
}

function showFailure(error) {
  if (!app.failure) console.warn('The symptom checker could not start:', error?.code ?? '', error?.message ?? error);
  app.failure = error ?? new Error('unknown');
  clear(root);
  fallback.hidden = false;
  fallback.classList.add('failed');
  const reason = error?.code === 'no_webassembly' ? 'fallback.no_wasm'
    : navigator.onLine === false ? 'fallback.offline' : 'fallback.failed';
  // Without the UI strings (nothing could be downloaded), the page's own English text says it.
  for (const [id, key] of [['fallback-title', 'fallback.failed_title'], ['fallback-reason', reason]]) {
    const el = document.getElementById(id);
    el.textContent = (hasLanguage(language()) && t(key)) || el.dataset.failed;
  }
}

async function boot() {
  app.header = wireHeader({ onLanguage, onLibrary });
  const documents = fetchKnowledgeBase();
  documents.catch(() => {});
  const engine = startEngine(documents);
  engine.catch(() => {});
  const regions = fetch('ui/regions.json').then((r) => {
    if (!r.ok) throw new Error(`ui/regions.json: HTTP ${r.status}`);
    return r.json();
  });
  regions.catch(() => {});

  app.settings = await loadSettings();
  try {
    await loadCatalogs(app.settings.languages);
    setLanguage(app.settings.default_language);
    applyStatic();
    app.header.showLanguage(language());
  } catch (error) {
    showFailure(error);
    return;
  }
  app.emergencyNumber = emergencyNumberFor(app.settings);

  try {
    const [client, docs, regionData] = await Promise.all([engine, documents, regions]);
    app.texts = new KnowledgeTexts(docs);
    app.regions = regionData.regions;
    app.engine = client;
  } catch (error) {
    showFailure(error);
    return;
  }

  // One frame: the fallback goes and the start screen comes (no layout shift in between).
  fallback.hidden = true;
  app.header.enable();
  app.screen = 'start';
  installBackGuard({ onBack: onBrowserBack });
  render();
  document.body.classList.add('ready');
  performance.mark('symcheck-ready');  // read by scripts/bench.mjs: navigation to a usable start

  app.guards = installPrivacyGuards({ reset: resetAll, kiosk: kioskOptions() });
  setupStaffGesture();
  // A new version may take over only while nothing of a person is on screen.
  app.sw = registerServiceWorker({
    canSwitch: () => app.interview === null && app.screen === 'start'
      && app.draft.age === '' && app.draft.sex === null && app.draft.marked.size === 0,
  });
}

boot();
