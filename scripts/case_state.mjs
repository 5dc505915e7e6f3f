// FORMAT.md's initial evidence as the page's `next` state: age, sex, the marked regions and the side
// they imply, nothing asked yet. Shared by the benchmark (scripts/bench.mjs) and the parity test.

/** rules: the knowledge base's rules.json (its interview.diagram_findings and side_findings); c: a case. */
export function initialState(rules, c) {
  const regions = new Set(rules.interview.diagram_findings);
  const sides = rules.interview.side_findings;
  const present = c.present.filter((f) => regions.has(f));
  const absent = [];
  if (c.present.includes(sides.one_side)) (present.push(sides.one_side), absent.push(sides.both_sides));
  if (c.present.includes(sides.both_sides)) (present.push(sides.both_sides), absent.push(sides.one_side));
  if (c.present.includes(sides.midline)) present.push(sides.midline);
  return { age: c.age, sex: c.sex, present, absent, dont_know: [], screens: [] };
}
