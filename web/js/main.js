// Wiring: loads settings, UI strings, the knowledge base and the engine, then runs the screens.
// The answers live in `app.interview` (memory only) and are erased by New patient, by leaving the
// page, and in kiosk mode after idle minutes.

import { loadCatalogs, setLanguage, language, hasLanguage, t, applyStatic, formatDate, formatDateTime, formatPercent } from './i18n.js';
import { startEngine, EngineError } from './engine-client.js';
import { fetchKnowledgeBase, KnowledgeTexts } from './kb.js';
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

function onStart(draft) {
  const problem = validateStart({ age: draft.age === '' ? null : Number(draft.age), sex: draft.sex });
  if (problem) return t(problem);
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
  render();
  document.body.classList.add('ready');
  performance.mark('symcheck-ready');  // read by scripts/bench.mjs: navigation to a usable start

  const kiosk = {
    enabled: Boolean(app.settings.kiosk),
    idleMs: Math.max(0.01, Number(app.settings.idle_timeout_minutes) || 5) * 60000,
    paused: () => app.screen === 'result' && app.interview?.audience === 'clinician',
  };
  installPrivacyGuards({ reset: resetAll, kiosk });
  // A new version may take over only while nothing of a person is on screen.
  app.sw = registerServiceWorker({
    canSwitch: () => app.interview === null && app.screen === 'start'
      && app.draft.age === '' && app.draft.sex === null && app.draft.marked.size === 0,
  });
}

boot();
