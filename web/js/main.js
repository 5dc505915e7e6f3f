// Wiring: loads settings, UI strings and the body regions, shows the start screen, then starts the
// engine (a Web Worker that loads the module and the knowledge base) and runs the screens.
// The answers live in `app.interview` (memory only) and are erased by New patient, by leaving the
// page, and in kiosk mode after idle minutes.

import {
  loadCatalogs,
  setLanguage,
  language,
  hasLanguage,
  t,
  applyStatic,
  formatDate,
  formatDateTime,
  formatPercent,
  prepareFormatter,
  FORMATTER_KINDS,
} from './i18n.js';
import { startEngine, EngineError } from './engine-client.js';
import { KnowledgeTexts } from './kb.js';
import { loadSettings, emergencyNumberFor, emergencyChoices } from './settings.js';
import {
  createInterview,
  showScreen,
  setAnswer,
  submitScreen,
  reopenScreen,
  back,
  addFinding,
  removeFinding,
  currentScreen,
  knownFindings,
  givenAnswers,
  toCase,
  toEngineState,
  validateStart,
  setAnswerAnywhere,
  hasAnswers,
  carryAnswers,
  dropUnansweredScreen,
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
  engine: null, // the engine client, once the worker has loaded the module and the knowledge base
  engineReady: null, // the promise of it (Start waits for it)
  started: false, // the start screen has been shown
  texts: null,
  regions: [],
  settings: null,
  screen: 'start',
  draft: newDraft(),
  interview: null,
  heldInterview: null, // the answers kept while "Change these details" is on the start screen
  reviewChanged: false, // an answer was changed on the review screen now on show
  assessment: null, // what the Result shows
  estimates: [], // the engine's "about how many screens" when each screen was shown
  liveTriage: null, // triage of the answers so far, while a screen is answered
  emergencyPending: false, // an emergency rule holds but the engine first asks what could undo it
  libraryQuery: '',
  returnTo: 'start',
  reviewFrom: 'question',
  guards: null, // the privacy guards (kiosk idle timer)
  emergencyNumber: '112',
  ages: null, // {min, max}: the ages a person may enter (kb/manifest.json)
  header: null,
  failure: null,
  pendingStart: null, // the start form, when Start was pressed before the engine was ready
  sw: { offerSwitch() {}, update() {} },
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

function render(options = {}) {
  try {
    renderScreen(options);
  } catch (error) {
    showRenderFailure(error);
  }
}

function renderScreen({ focus = false } = {}) {
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
        items: screen.items.map((finding) => ({
          finding,
          text: questionText(finding),
          answer: screen.answers[finding] ?? null,
        })),
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
        onDone: onReviewDone,
        onNewPatient: () => newPatient(),
      });
      root.append(element);
      break;
    case 'library':
      element = renderLibraryScreen({
        ...kbContext(),
        query: app.libraryQuery,
        onQuery: (q) => {
          app.libraryQuery = q;
        },
        onClose: () => show(app.returnTo),
      });
      root.append(element);
      break;
    case 'error':
      element = h(
        'section',
        { class: 'screen screen-error', 'aria-labelledby': 'error-title' },
        h('h2', { id: 'error-title', class: 'screen-title', tabindex: -1 }, t('error.title')),
        h('p', {}, t('error.text')),
        h('p', {}, t('fallback.help', { number: app.emergencyNumber })),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'primary', on: { click: () => resetAll() } }, t('action.new_patient')),
        ),
      );
      root.append(element);
      break;
    default:
      element = renderStartScreen({
        t,
        regions: app.regions,
        draft: app.draft,
        emergencyNumber: app.emergencyNumber,
        emergencyChoices: emergencyChoices(app.settings),
        ages: app.ages,
        onEmergencyNumber: (number) => {
          app.emergencyNumber = number;
        },
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

/**
 * Runs fn (an engine step) with #app marked aria-busy until it and every step it awaits are done,
 * so assistive technology, and the tests, know the screen is about to change.
 */
let busySteps = 0;
async function busy(fn) {
  busySteps += 1;
  root.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    busySteps -= 1;
    if (busySteps === 0) root.removeAttribute('aria-busy');
  }
}

/**
 * The assessment of the answers so far: null after an engine failure (which is shown), or when
 * the answers changed while the engine worked (the newer call decides).
 */
async function assessNow() {
  const interview = app.interview;
  try {
    const assessment = await app.engine.assess(toCase(interview), { audience: interview.audience });
    return app.interview === interview ? assessment : null;
  } catch (error) {
    if (app.interview === interview) engineFailed(error);
    return null;
  }
}

function showResult(assessment) {
  app.assessment = assessment;
  app.liveTriage = null;
  app.emergencyPending = false;
  show('result');
}

/** Shows the current screen; its triage so far is the baseline an answer must raise to interrupt. */
const showQuestions = () =>
  busy(async () => {
    const assessment = await assessNow();
    if (!assessment) return;
    app.liveTriage = assessment.triage;
    app.emergencyPending = currentScreen(app.interview)?.kind === 'confirmation';
    show('question');
  });

/**
 * Whether the engine ends the questions on the emergency the answers make now (true), or first
 * asks what could undo it (false: its confirmation screen, "has it lasted more than three months?"
 * after cancer and a weak leg); null when the answers changed meanwhile. A failure counts as true,
 * so the emergency shows.
 */
async function emergencyStands() {
  const interview = app.interview;
  try {
    const reply = await app.engine.next(toEngineState(interview), { audience: interview.audience });
    if (app.interview !== interview) return null;
    return reply.screen?.kind !== 'confirmation';
  } catch {
    return app.interview === interview ? true : null;
  }
}

/**
 * After a change of answers: an emergency the change completes interrupts at once, unless the
 * engine first asks what could undo it; that question comes on the screen after this one.
 */
const checkEmergency = () =>
  busy(async () => {
    const assessment = await assessNow();
    if (!assessment) return false;
    const before = app.liveTriage;
    app.liveTriage = assessment.triage;
    if (assessment.triage !== 'emergency' || (before === 'emergency' && !app.emergencyPending)) return true;
    const stands = await emergencyStands();
    if (stands === null) return false; // the newer call decides
    app.emergencyPending = !stands;
    if (!stands) return true;
    showResult(assessment);
    return false;
  });

/** Asks the engine for the following screen (every screen shown so far is submitted). */
const advance = () =>
  busy(async () => {
    const interview = app.interview;
    let reply;
    try {
      reply = await app.engine.next(toEngineState(interview), { audience: interview.audience });
    } catch (error) {
      if (app.interview === interview) engineFailed(error);
      return;
    }
    if (app.interview !== interview) return; // answers changed meanwhile: the newer call decides
    // An emergency ends the questions at once, unless the engine first asks what could undo it (a
    // confirmation screen); otherwise the engine says when to stop.
    const confirming = reply.screen?.kind === 'confirmation';
    if (!reply.screen || (reply.assessment.triage === 'emergency' && !confirming)) {
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
    await showQuestions();
  });

/** Start: every problem of the form at once, by field ([{field, message}]), or null when it starts. */
function onStart(draft) {
  const ageProblem = validateStart({ age: draft.age === '' ? null : Number(draft.age), sex: 'female' }, app.ages);
  const problems = [];
  if (ageProblem) problems.push({ field: 'age', message: t(ageProblem, app.ages) });
  if (draft.sex !== 'female' && draft.sex !== 'male') problems.push({ field: 'sex', message: t('start.error.sex') });
  if (problems.length > 0) return problems;
  if (!app.engine) {
    waitForEngine(draft);
    return null;
  }
  const fresh = createInterview({
    age: Number(draft.age),
    sex: draft.sex,
    audience: draft.audience,
    marked: [...draft.marked],
    regions: app.regions,
    sides: app.texts.sideFindings(),
  });
  // Back from "Change these details": the answers given so far carry over to the new details.
  app.interview = app.heldInterview ? carryAnswers(fresh, app.heldInterview) : fresh;
  app.heldInterview = null;
  app.estimates = app.interview.screens.map((_, index) => app.estimates[index] ?? index + 1);
  const open = currentScreen(app.interview);
  if (open && !open.submitted) showQuestions();
  else advance();
  return null;
}

function onAnswer(finding, value) {
  app.interview = setAnswer(app.interview, finding, value);
  checkEmergency();
}

/**
 * A question picked in "Add something else" counts as a yes. Returns the picks; an emergency the
 * pick completes replaces the screen when the engine answers.
 */
function onAdd(finding) {
  app.interview = addFinding(app.interview, finding);
  checkEmergency();
  return app.interview.added;
}

function onRemove(finding) {
  app.interview = removeFinding(app.interview, finding);
  checkEmergency();
  return app.interview.added;
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
  return busy(async () => {
    const assessment = await assessNow();
    if (assessment) showResult(assessment);
  });
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
  app.heldInterview = null;
  app.reviewChanged = false;
  app.assessment = null;
  app.estimates = [];
  app.liveTriage = null;
  app.emergencyPending = false;
  app.draft = newDraft();
  app.libraryQuery = '';
  app.returnTo = 'start';
  engineStatus('');
  if (!app.started || app.failure) return;
  app.screen = 'start';
  render({ focus: reason === 'new_patient' || reason === 'idle' });
  // A kiosk looks for a new version at every reset; it takes over only while no tab has answers.
  if (app.settings?.kiosk && (reason === 'new_patient' || reason === 'idle')) app.sw.update();
  app.sw.offerSwitch();
}

// ---- navigation: the answers review, the browser's Back, New patient ----------------------------

function openReview(from) {
  app.reviewFrom = from;
  show('review');
}

/**
 * An answer changed on the review screen: an emergency it completes shows at once, unless the
 * engine first asks what could undo it; that confirmation screen comes when the review closes.
 */
async function onReviewChange(finding, value) {
  app.interview = setAnswerAnywhere(app.interview, finding, value);
  app.reviewChanged = true;
  const assessment = await assessNow();
  if (assessment?.triage !== 'emergency') return;
  if (await emergencyStands()) showResult(assessment);
}

/**
 * Leaving the review. After a change the engine chooses the questions again: a screen on show with
 * nothing answered yet is replaced, and from the result the questions go on when the change brings
 * new ones (a new yes with its follow-ups); otherwise back to where the person came from.
 */
function onReviewDone() {
  const changed = app.reviewChanged;
  app.reviewChanged = false;
  if (!changed) {
    if (app.reviewFrom === 'result') onShowResults();
    else showQuestions();
    return;
  }
  const open = currentScreen(app.interview);
  if (open && !open.submitted) {
    const dropped = dropUnansweredScreen(app.interview);
    if (dropped === app.interview) {
      showQuestions();
      return;
    }
    app.interview = dropped;
  }
  advance();
}

/** Back to the start screen with its details kept; the answers are held until Start carries them over. */
function onEditStart() {
  app.heldInterview = app.interview;
  app.interview = null;
  app.assessment = null;
  show('start');
}

function hasPersonData() {
  return (
    Boolean(app.interview || app.heldInterview) ||
    app.draft.age !== '' ||
    app.draft.sex !== null ||
    app.draft.marked.size > 0
  );
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
  if (unfinished && !(await confirmLoss('confirm.new_patient'))) return;
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
      if (app.interview.screens.length <= 1 && hasAnswers(app.interview) && !(await confirmLoss('confirm.restart')))
        return true;
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
      if (hasPersonData() && !(await confirmLoss('confirm.leave'))) return true;
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
    if (!(await confirmKioskSwitch({ t, enabled, minutes: kioskMinutes() }))) return;
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
  return {
    ...kbContext(),
    interview: app.interview,
    assessment: app.assessment,
    emergencyNumber: app.emergencyNumber,
    regionName,
  };
}

// ---- start-up -------------------------------------------------------------------------------

function onLanguage(lang) {
  setLanguage(lang);
  applyStatic();
  app.header.showLanguage(lang);
  if (app.failure) showFailure(app.failure);
  else if (app.started) render();
  if (app.pendingStart) engineStatus(t('engine.getting_ready'));
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
  const reason =
    error?.code === 'no_webassembly'
      ? 'fallback.no_wasm'
      : navigator.onLine === false
        ? 'fallback.offline'
        : 'fallback.failed';
  // Without the UI strings (nothing could be downloaded), the page's own English text says it.
  for (const [id, key] of [
    ['fallback-title', 'fallback.failed_title'],
    ['fallback-reason', reason],
  ]) {
    const el = document.getElementById(id);
    el.textContent = (hasLanguage(language()) && t(key)) || el.dataset.failed;
  }
}

// ---- the engine after the first screen ---------------------------------------------------------

/** The "Getting ready…" line (a status region outside the screens, so it never moves them). */
function engineStatus(text) {
  let status = document.getElementById('engine-status');
  if (!status) {
    status = h('p', { id: 'engine-status', class: 'engine-status', role: 'status' });
    (document.getElementById('main') ?? document.body).append(status);
  }
  status.textContent = text;
}

/** Start pressed before the engine is ready: says so, and starts once it is (with the latest form). */
function waitForEngine(draft) {
  const waiting = !app.pendingStart;
  app.pendingStart = draft;
  engineStatus(t('engine.getting_ready'));
  if (!waiting) return;
  app.engineReady.then(
    () => {
      const pending = app.pendingStart;
      app.pendingStart = null;
      engineStatus('');
      if (pending && pending === app.draft && app.screen === 'start' && !app.interview) onStart(pending);
    },
    () => {},
  );
}

/** Runs `work` when the main thread is idle (Safari has no requestIdleCallback: a timeout there). */
function whenIdle(work) {
  if ('requestIdleCallback' in window) requestIdleCallback(() => work(), { timeout: 2000 });
  else setTimeout(work, 200);
}

/** Starts the engine worker; the knowledge-base texts (later screens) come with it. */
function startEngineAfterFirstScreen() {
  app.engineReady = startEngine().then(({ client, documents }) => {
    app.texts = new KnowledgeTexts(documents);
    app.engine = client;
    app.header.enable();
    performance.mark('symcheck-engine-ready'); // read by the tests and scripts/bench.mjs
    for (const kind of FORMATTER_KINDS) whenIdle(() => prepareFormatter(kind));
    return client;
  });
  app.engineReady.catch((error) => {
    app.pendingStart = null;
    engineStatus('');
    showFailure(error);
  });
}

// ---- the render error boundary ------------------------------------------------------------------

/**
 * A screen that failed to render: a minimal screen built from plain DOM calls (nothing of the
 * failed renderer) that always shows the emergency numbers, and a reload button.
 */
function showRenderFailure(error) {
  console.warn('A screen could not be shown:', error?.message ?? error);
  const say = (key, fallbackText) => {
    try {
      return (hasLanguage(language()) && t(key)) || fallbackText;
    } catch {
      return fallbackText;
    }
  };
  const el = (tag, text, attributes = {}) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  };
  const numbers = [
    ...new Set(
      [
        app.emergencyNumber,
        ...(() => {
          try {
            return emergencyChoices(app.settings ?? {});
          } catch {
            return ['911', '112', '999'];
          }
        })(),
      ].filter(Boolean),
    ),
  ];
  const section = el('section', '', {
    class: 'screen screen-error',
    'aria-labelledby': 'render-error-title',
    'data-render-error': '',
  });
  const title = el('h2', say('error.title', 'Something went wrong'), {
    id: 'render-error-title',
    class: 'screen-title',
    tabindex: '-1',
  });
  const emergency = el(
    'p',
    say(
      'fallback.help_emergency',
      document.querySelector('[data-i18n="fallback.help_emergency"]')?.textContent ||
        'In an emergency, call your local emergency number now or go to an emergency department.',
    ),
    { class: 'emergency-help' },
  );
  const list = el('ul', '', { class: 'emergency-numbers' });
  for (const number of numbers) {
    const item = el('li');
    item.append(el('a', number, { href: `tel:${number}` }));
    list.append(item);
  }
  const reload = el('button', say('error.reload', 'Reload'), { type: 'button', class: 'primary' });
  reload.addEventListener('click', () => window.location.reload());
  const actions = el('div', '', { class: 'actions' });
  actions.append(reload);
  section.append(title, emergency, list, actions);
  try {
    clear(root);
  } catch {
    root.textContent = '';
  }
  root.append(section);
  title.focus();
}

// ---- start-up -----------------------------------------------------------------------------------

/** The ages a person may enter, from the knowledge base (its age bands, written into kb/manifest.json by the build). */
function agesOf(manifest) {
  const { min, max } = manifest?.ages ?? {};
  if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) throw new Error('kb/manifest.json: no age range');
  return Object.freeze({ min, max });
}

async function boot() {
  app.header = wireHeader({ onLanguage, onLibrary });
  const regions = fetch('ui/regions.json').then((r) => {
    if (!r.ok) throw new Error(`ui/regions.json: HTTP ${r.status}`);
    return r.json();
  });
  regions.catch(() => {});
  const kbManifest = fetch('kb/manifest.json', { cache: 'no-cache' }).then((r) => {
    if (!r.ok) throw new Error(`kb/manifest.json: HTTP ${r.status}`);
    return r.json();
  });
  kbManifest.catch(() => {});

  app.settings = await loadSettings();
  try {
    await loadCatalogs(app.settings.languages);
    setLanguage(app.settings.default_language);
    applyStatic();
    app.header.showLanguage(language());
    app.regions = (await regions).regions;
    app.ages = agesOf(await kbManifest);
  } catch (error) {
    showFailure(error);
    return;
  }
  app.emergencyNumber = emergencyNumberFor(app.settings);
  if (typeof WebAssembly !== 'object') {
    showFailure(new EngineError('no_webassembly', 'this browser cannot run WebAssembly'));
    return;
  }

  // One frame: the fallback goes and the start screen comes (no layout shift in between). The
  // start screen needs only the strings, the regions and the settings: the engine and the
  // knowledge base load after it, in a worker, while the form is filled in.
  fallback.hidden = true;
  app.screen = 'start';
  app.started = true;
  installBackGuard({ onBack: onBrowserBack });
  render();
  document.body.classList.add('ready');
  performance.mark('symcheck-ready'); // read by scripts/bench.mjs: navigation to a usable start
  engineStatus('');
  startEngineAfterFirstScreen();

  app.guards = installPrivacyGuards({ reset: resetAll, kiosk: kioskOptions() });
  setupStaffGesture();
  // Offline use once the engine has loaded (its precaching never competes with the first screen or
  // the engine). A new version may take over only while nothing of a person is on screen, in any tab.
  app.engineReady
    .catch(() => {})
    .then(() => {
      if (app.failure) return;
      app.sw = registerServiceWorker({
        canSwitch: () =>
          app.interview === null &&
          app.screen === 'start' &&
          !app.pendingStart &&
          app.draft.age === '' &&
          app.draft.sex === null &&
          app.draft.marked.size === 0,
      });
    });
}

boot();
