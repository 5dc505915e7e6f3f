// Wiring: loads settings, UI strings and the body regions, shows the start screen, then starts the
// engine (a Web Worker that loads the module and the knowledge base) and runs the screens.
// The answers live in `app.interview` (memory only) and are erased by New patient, by leaving the
// page, and in kiosk mode after idle minutes.

import { loadCatalogs, setLanguage, language, hasLanguage, t, applyStatic, formatDate, formatDateTime, formatPercent } from './i18n.js';
import { startEngine, EngineError } from './engine-client.js';
import { KnowledgeTexts } from './kb.js';
import { loadSettings, emergencyNumberFor, emergencyChoices } from './settings.js';
import {
  createInterview, showScreen, setAnswer, submitScreen, reopenScreen, back, addFinding, removeFinding,
  currentScreen, knownFindings, givenAnswers, toCase, toEngineState, validateStart,
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

const root = document.getElementById('app');
const fallback = document.getElementById('fallback');

const newDraft = () => ({ audience: 'patient', age: '', sex: null, marked: new Set(), view: 'back' });

const app = {
  engine: null,       // the engine client, once the worker has loaded the module and the knowledge base
  engineReady: null,  // the promise of it (Start waits for it)
  started: false,     // the start screen has been shown
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
  emergencyNumber: '112',
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
        onNewPatient: () => resetAll(),
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
        onPrint: () => window.print(),
        onDownloadFhir,
      };
      element = renderResultScreen(ctx);
      root.append(element, renderPrintSummary({ ...ctx, regionName, formatDateTime, now: new Date() }));
      break;
    }
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
        onStart,
      });
      root.append(element);
  }
  if (focus) {
    window.scrollTo(0, 0);
    focusElement(focusTarget ?? element.querySelector('.screen-title') ?? element);
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
  show('result');
}

/** Shows the current screen; its triage so far is the baseline an answer must raise to interrupt. */
const showQuestions = () => busy(async () => {
  const assessment = await assessNow();
  if (!assessment) return;
  app.liveTriage = assessment.triage;
  show('question');
});

/** After a change of answers: an emergency the change completes interrupts at once. */
const checkEmergency = () => busy(async () => {
  const assessment = await assessNow();
  if (!assessment) return false;
  const before = app.liveTriage;
  app.liveTriage = assessment.triage;
  if (assessment.triage === 'emergency' && before !== 'emergency') {
    showResult(assessment);
    return false;
  }
  return true;
});

/** Asks the engine for the following screen (every screen shown so far is submitted). */
const advance = () => busy(async () => {
  const interview = app.interview;
  let reply;
  try {
    reply = await app.engine.next(toEngineState(interview), { audience: interview.audience });
  } catch (error) {
    if (app.interview === interview) engineFailed(error);
    return;
  }
  if (app.interview !== interview) return;  // answers changed meanwhile: the newer call decides
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
  await showQuestions();
});

function onStart(draft) {
  const problem = validateStart({ age: draft.age === '' ? null : Number(draft.age), sex: draft.sex });
  if (problem) return t(problem);
  if (!app.engine) {
    waitForEngine(draft);
    return null;
  }
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
  app.assessment = null;
  app.estimates = [];
  app.liveTriage = null;
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
  const reason = error?.code === 'no_webassembly' ? 'fallback.no_wasm'
    : navigator.onLine === false ? 'fallback.offline' : 'fallback.failed';
  // Without the UI strings (nothing could be downloaded), the page's own English text says it.
  for (const [id, key] of [['fallback-title', 'fallback.failed_title'], ['fallback-reason', reason]]) {
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
  app.engineReady.then(() => {
    const pending = app.pendingStart;
    app.pendingStart = null;
    engineStatus('');
    if (pending && pending === app.draft && app.screen === 'start' && !app.interview) onStart(pending);
  }, () => {});
}

/** Starts the engine worker; the knowledge-base texts (later screens) come with it. */
function startEngineAfterFirstScreen() {
  app.engineReady = startEngine().then(({ client, documents }) => {
    app.texts = new KnowledgeTexts(documents);
    app.engine = client;
    app.header.enable();
    performance.mark('symcheck-engine-ready');  // read by the tests and scripts/bench.mjs
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
  const numbers = [...new Set([app.emergencyNumber, ...(() => {
    try {
      return emergencyChoices(app.settings ?? {});
    } catch {
      return ['911', '112', '999'];
    }
  })()].filter(Boolean))];
  const section = el('section', '', { class: 'screen screen-error', 'aria-labelledby': 'render-error-title', 'data-render-error': '' });
  const title = el('h2', say('error.title', 'Something went wrong'), { id: 'render-error-title', class: 'screen-title', tabindex: '-1' });
  const emergency = el('p', say('fallback.help_emergency', document.querySelector('[data-i18n="fallback.help_emergency"]')?.textContent
    || 'In an emergency, call your local emergency number now or go to an emergency department.'), { class: 'emergency-help' });
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

async function boot() {
  app.header = wireHeader({ onLanguage, onLibrary });
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
    app.regions = (await regions).regions;
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
  render();
  document.body.classList.add('ready');
  performance.mark('symcheck-ready');  // read by scripts/bench.mjs: navigation to a usable start
  engineStatus('');
  startEngineAfterFirstScreen();

  const kiosk = {
    enabled: Boolean(app.settings.kiosk),
    idleMs: Math.max(0.01, Number(app.settings.idle_timeout_minutes) || 5) * 60000,
    paused: () => app.screen === 'result' && app.interview?.audience === 'clinician',
  };
  installPrivacyGuards({ reset: resetAll, kiosk });
  // Offline use once the engine has loaded (its precaching never competes with the first screen or
  // the engine). A new version may take over only while nothing of a person is on screen, in any tab.
  app.engineReady.catch(() => {}).then(() => {
    if (app.failure) return;
    app.sw = registerServiceWorker({
      canSwitch: () => app.interview === null && app.screen === 'start' && !app.pendingStart
        && app.draft.age === '' && app.draft.sex === null && app.draft.marked.size === 0,
    });
  });
}

boot();
