// The answers of one person, held in memory only. Pure functions on frozen values: no DOM, no
// storage, no engine. The engine decides what to ask; this module only records and undoes.

export const ANSWERS = Object.freeze(['yes', 'no', 'dont_know']);

const DEFAULT_SIDES = Object.freeze({ one_side: 'side.one_side', both_sides: 'side.both_sides', midline: 'side.midline' });

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
    answers: Object.freeze([]),
  });
}

/** Records the answer to the question just asked. */
export function answer(state, finding, value) {
  if (!ANSWERS.includes(value)) throw new RangeError(`answer must be one of ${ANSWERS.join(', ')}`);
  if (state.answers.some((a) => a.finding === finding)) throw new Error(`${finding} was already answered`);
  const entry = Object.freeze({ finding, value });
  return Object.freeze({ ...state, answers: Object.freeze([...state.answers, entry]) });
}

/** Takes back the last answer (the Back button). */
export function undo(state) {
  if (state.answers.length === 0) return state;
  return Object.freeze({ ...state, answers: Object.freeze(state.answers.slice(0, -1)) });
}

export function lastAnswer(state) {
  return state.answers.at(-1) ?? null;
}

/** The state the engine's `next` reads. */
export function toEngineState(state) {
  const pick = (value) => state.answers.filter((a) => a.value === value).map((a) => a.finding);
  return {
    age: state.age,
    sex: state.sex,
    present: [...state.initial.present, ...pick('yes')],
    absent: [...state.initial.absent, ...pick('no')],
    dont_know: pick('dont_know'),
    asked: state.answers.map((a) => a.finding),
  };
}

/** The answer given for a finding: 'yes' | 'no' | 'dont_know' | null (initial evidence counts). */
export function answerFor(state, finding) {
  const given = state.answers.find((a) => a.finding === finding);
  if (given) return given.value;
  if (state.initial.present.includes(finding)) return 'yes';
  if (state.initial.absent.includes(finding)) return 'no';
  return null;
}

/** Age and sex checks of the start screen: null when fine, else an error key. */
export function validateStart({ age, sex }) {
  if (age === null || age === undefined || age === '' || !Number.isInteger(Number(age))) return 'start.error.age';
  const n = Number(age);
  if (n < 12) return 'start.error.too_young';
  if (n > 110) return 'start.error.age';
  if (sex !== 'female' && sex !== 'male') return 'start.error.sex';
  return null;
}
