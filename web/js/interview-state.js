// The answers of one person, held in memory only. Pure functions on frozen values: no DOM, no
// storage, no engine. The engine decides which screen comes next; this module only records the
// screens shown, their answers and what the person added by search, and goes back.
//
// state: {age, sex, audience, marked, initial: {present, absent},
//         screens: [{id, kind, items, answers: {finding: 'yes'|'no'|'dont_know'}, submitted}],
//         added: [finding ids picked through "Add something else" (each a yes)]}
// The last screen is the one on screen (or, on the result, the one before it). A submitted
// screen's unanswered items count as "don't know"; an open screen's unanswered items stay open.

export const ANSWERS = Object.freeze(['yes', 'no', 'dont_know']);

const DEFAULT_SIDES = Object.freeze({
  one_side: 'side.one_side',
  both_sides: 'side.both_sides',
  midline: 'side.midline',
});

function unique(list) {
  return [...new Set(list)];
}

/**
 * The initial evidence of the diagram (FORMAT.md): each marked region's finding present; marks on
 * one side only -> one_side present and both_sides absent; on both sides -> the reverse; a marked
 * midline region (`midline: true`: the tailbone, around the anus) -> midline present; the lower back
 * has no side and records none. Unmarked regions stay unknown.
 */
export function initialEvidence(regions, markedIds, sides = DEFAULT_SIDES) {
  const marked = new Set(markedIds);
  const chosen = regions.filter((r) => marked.has(r.id));
  const present = unique(chosen.map((r) => r.finding));
  const absent = [];
  const sideSet = new Set(chosen.map((r) => r.side).filter((side) => side === 'left' || side === 'right'));
  if (sideSet.size === 1) {
    present.push(sides.one_side);
    absent.push(sides.both_sides);
  } else if (sideSet.size === 2) {
    present.push(sides.both_sides);
    absent.push(sides.one_side);
  }
  if (chosen.some((r) => r.midline === true)) present.push(sides.midline);
  return Object.freeze({ present: Object.freeze(unique(present)), absent: Object.freeze(absent) });
}

/** A new interview from the start screen. */
export function createInterview({ age, sex, audience = 'patient', marked = [], regions = [], sides = DEFAULT_SIDES }) {
  const markedIds = regions.filter((r) => marked.includes(r.id)).map((r) => r.id);
  return Object.freeze({
    age,
    sex,
    audience,
    marked: Object.freeze(markedIds),
    initial: initialEvidence(regions, markedIds, sides),
    screens: Object.freeze([]),
    added: Object.freeze([]),
  });
}

function freezeScreen(screen) {
  return Object.freeze({
    id: screen.id,
    kind: screen.kind,
    items: Object.freeze([...screen.items]),
    answers: Object.freeze({ ...screen.answers }),
    submitted: Boolean(screen.submitted),
  });
}

function withScreens(state, screens) {
  return Object.freeze({ ...state, screens: Object.freeze(screens) });
}

/** The screen shown last (the one on screen while the questions run), or null. */
export function currentScreen(state) {
  return state.screens.at(-1) ?? null;
}

/** Every finding the person has been asked or has told (diagram, screens, search). */
export function knownFindings(state) {
  return new Set([
    ...state.initial.present,
    ...state.initial.absent,
    ...state.added,
    ...state.screens.flatMap((s) => s.items),
  ]);
}

/** Shows a new screen the engine chose ({id, kind, items}); it starts open with no answers. */
export function showScreen(state, screen) {
  if (!screen || !Array.isArray(screen.items) || screen.items.length === 0) throw new Error('a screen needs items');
  const known = knownFindings(state);
  const clash = screen.items.find((f) => known.has(f));
  if (clash) throw new Error(`${clash} was already asked`);
  return withScreens(state, [...state.screens, freezeScreen({ ...screen, answers: {}, submitted: false })]);
}

/** Records (or changes) an answer on the current screen. */
export function setAnswer(state, finding, value) {
  if (!ANSWERS.includes(value)) throw new RangeError(`answer must be one of ${ANSWERS.join(', ')}`);
  const screen = currentScreen(state);
  if (!screen || !screen.items.includes(finding)) throw new Error(`${finding} is not on the current screen`);
  const next = freezeScreen({ ...screen, answers: { ...screen.answers, [finding]: value } });
  return withScreens(state, [...state.screens.slice(0, -1), next]);
}

/** Next: the current screen is submitted; what is left unanswered counts as "don't know". */
export function submitScreen(state) {
  const screen = currentScreen(state);
  if (!screen || screen.submitted) return state;
  return withScreens(state, [...state.screens.slice(0, -1), freezeScreen({ ...screen, submitted: true })]);
}

/** Opens the current screen again (back from the result to change answers); its answers stay. */
export function reopenScreen(state) {
  const screen = currentScreen(state);
  if (!screen || !screen.submitted) return state;
  return withScreens(state, [...state.screens.slice(0, -1), freezeScreen({ ...screen, submitted: false })]);
}

/** Back: drops the current screen; the one before it is shown again, open, with its answers kept. */
export function back(state) {
  if (state.screens.length === 0) return state;
  return reopenScreen(withScreens(state, state.screens.slice(0, -1)));
}

/** "Add something else": a finding the person picked counts as a yes. */
export function addFinding(state, finding) {
  if (knownFindings(state).has(finding)) return state;
  return Object.freeze({ ...state, added: Object.freeze([...state.added, finding]) });
}

export function removeFinding(state, finding) {
  return Object.freeze({ ...state, added: Object.freeze(state.added.filter((f) => f !== finding)) });
}

/** Every answer given, in order: [{finding, value}] (diagram evidence not included). */
export function givenAnswers(state) {
  const out = [];
  for (const screen of state.screens) {
    for (const finding of screen.items) {
      const value = screen.answers[finding] ?? (screen.submitted ? 'dont_know' : null);
      if (value) out.push({ finding, value });
    }
  }
  for (const finding of state.added) out.push({ finding, value: 'yes' });
  return out;
}

/** The case the engine's `assess` reads: age, sex, present, absent, dont_know. */
export function toCase(state) {
  const answers = givenAnswers(state);
  const pick = (value) => answers.filter((a) => a.value === value).map((a) => a.finding);
  return {
    age: state.age,
    sex: state.sex,
    present: unique([...state.initial.present, ...pick('yes')]),
    absent: unique([...state.initial.absent, ...pick('no')]),
    dont_know: pick('dont_know'),
  };
}

/** The state the engine's `next` reads: the case plus the screens shown so far. */
export function toEngineState(state) {
  return { ...toCase(state), screens: state.screens.map((s) => [...s.items]) };
}

/** Whether any answer has been given on a screen or by search. */
export function hasAnswers(state) {
  return state.added.length > 0 || state.screens.some((s) => Object.keys(s.answers).length > 0);
}

/** The answer given for a finding: 'yes' | 'no' | 'dont_know' | null (initial evidence counts). */
export function answerFor(state, finding) {
  const given = givenAnswers(state).find((a) => a.finding === finding);
  if (given) return given.value;
  if (state.initial.present.includes(finding)) return 'yes';
  if (state.initial.absent.includes(finding)) return 'no';
  return null;
}

/**
 * Age and sex checks of the start screen: null when fine, else an error key. `ages` is the
 * knowledge base's range ({min, max}, from kb/manifest.json).
 */
export function validateStart({ age, sex }, ages) {
  if (age === null || age === undefined || age === '' || !Number.isInteger(Number(age))) return 'start.error.age';
  const n = Number(age);
  if (n < ages.min) return 'start.error.too_young';
  if (n > ages.max) return 'start.error.age';
  if (sex !== 'female' && sex !== 'male') return 'start.error.sex';
  return null;
}

/**
 * The review screen: changes the answer of a question on any screen shown (submitted or not). The
 * screens chosen after it stay, with their answers; the engine reassesses all of them.
 */
export function setAnswerAnywhere(state, finding, value) {
  if (!ANSWERS.includes(value)) throw new RangeError(`answer must be one of ${ANSWERS.join(', ')}`);
  const index = state.screens.findIndex((s) => s.items.includes(finding));
  if (index < 0) throw new Error(`${finding} was not asked`);
  const screen = state.screens[index];
  const next = freezeScreen({ ...screen, answers: { ...screen.answers, [finding]: value } });
  return withScreens(
    state,
    state.screens.map((s, i) => (i === index ? next : s)),
  );
}

/** Drops the screen on show when nothing on it is answered yet, so that the engine chooses again. */
export function dropUnansweredScreen(state) {
  const screen = currentScreen(state);
  if (!screen || screen.submitted || Object.keys(screen.answers).length > 0) return state;
  return withScreens(state, state.screens.slice(0, -1));
}

/**
 * New details from the start screen (age, sex, marked regions) with every answer kept: the screens
 * shown and the search picks carry over, except questions the new diagram marks now answer. An open
 * screen stays open.
 */
export function carryAnswers(fresh, old) {
  const fromDiagram = new Set([...fresh.initial.present, ...fresh.initial.absent]);
  const keep = (finding) => !fromDiagram.has(finding);
  const screens = old.screens
    .map((screen) =>
      freezeScreen({
        ...screen,
        items: screen.items.filter(keep),
        answers: Object.fromEntries(Object.entries(screen.answers).filter(([finding]) => keep(finding))),
      }),
    )
    .filter((screen) => screen.items.length > 0);
  return Object.freeze({ ...fresh, screens: Object.freeze(screens), added: Object.freeze(old.added.filter(keep)) });
}
