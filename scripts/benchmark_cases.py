#!/usr/bin/env python3
"""Accuracy benchmark on folders of cases (FORMAT.md scoring), full-information `assess` and the
interview with both question strategies, side by side, under both answer conventions, plus a
per-condition confusion table.

  scripts/benchmark_cases.py [--runner build/native/engine/symcheck] [--cases DIR ...] [--check]

Default folders: tests/cases/dev (the shared reference cases), tests/cases/written (held-out cases
written blind to the knowledge base, see their README) and tests/cases/audit (the clinical audit's
short presentations, scored on triage only where `expected.condition` is null). Every folder is
scored twice: as written (*sparse*: what a case does not state is "don't know") and in its *closed*
rewrite (FORMAT.md: every finding a person can answer that the case does not list is "no"). With
several folders the table is printed for each and for all together; the confusion table and misses
cover all. Then the adaptive interview is played on minimal emergency presentations built from the
knowledge base's own rules (each way of firing each emergency rule, nothing else known), and the
count that reach emergency is printed with the ones that do not (reported, not enforced); and so are
thinned copies of the reference emergencies (about 40 % of their other findings deleted, a fixed seed).

--check exits 1 unless, on the first folder (the dev cases, where the issues set the targets) as
written: assess top-1 >= 85%, triage exact >= 90%, urgent under-triage <= 10%, over-triage <= 10%;
and, on the first folder and those in ENFORCED_NEVER_MISS under both conventions, no emergency
triaged below emergency and nobody two levels too low, by assess or by the adaptive interview.
Figures on every folder, the targets not yet met and the open goals are printed on every run.
"""
import argparse, collections, glob, json, os, random, shlex, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_cases import closed_world  # noqa: E402  (the shared scorer's rewrite, FORMAT.md)

LEVELS = ["self_care", "routine", "urgent", "emergency"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(runner, mode, path, case, strategy=None, max_screens=None):
    cmd = shlex.split(runner) + [mode, path]
    if any(f.startswith(("exam.", "lab.")) for f in case["present"] + case.get("absent", [])):
        cmd += ["--audience", "clinician"]
    if mode == "interview" and max_screens:
        cmd += ["--max-screens", str(max_screens)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout)


def score(cases, outputs):
    """FORMAT.md scores. Cases whose expected condition is null count for triage only."""
    s = collections.Counter()
    confusion = collections.defaultdict(collections.Counter)
    misses = []
    for case, out in zip(cases, outputs):
        exp = case["expected"]
        ok = {exp["condition"], *exp.get("also_acceptable", [])} - {None}
        ranked = [d["condition"] for d in out["differential"]]
        got, want = out["triage"], exp["triage"]
        s["n"] += 1
        if ok:
            s["n_condition"] += 1
            s["top1"] += ranked[0] in ok
            s["top3"] += any(c in ok for c in ranked[:3])
            confusion[exp["condition"]][ranked[0] if ranked[0] not in ok else exp["condition"]] += 1
        s["triage"] += got == want
        under = LEVELS.index(got) < LEVELS.index(want)
        s["over"] += LEVELS.index(got) > LEVELS.index(want)
        s["under"] += under
        s["under2"] += LEVELS.index(got) <= LEVELS.index(want) - 2
        if want == "emergency":
            s["emergency_n"] += 1
            s["emergency_under"] += under
        if want == "urgent":
            s["urgent_n"] += 1
            s["urgent_under"] += under
        s["asked"] += len(out.get("asked", []))
        s["screens"] += len(out.get("screens", []))
        s["max_screens"] = max(s["max_screens"], len(out.get("screens", [])))
        if (ok and (ranked[0] not in ok or not any(c in ok for c in ranked[:3]))) or got != want:
            misses.append(f"{case['id']}: want {exp['condition']}/{want}, got {ranked[:3]}/{got}"
                          + (f" asked={len(out['asked'])}" if "asked" in out else ""))
    return s, confusion, misses


def rule_witnesses(expr, definitions, limit=6):
    """Minimal ways to make a rule expression hold, as (present findings, youngest age, oldest age,
    sex or None): the first few choices of each `any`, every part of each `all`; absent and `not`
    parts hold when the finding is unknown, so they need nothing."""
    if "present" in expr:
        return [({expr["present"]}, 12, 110, None)]
    if "absent" in expr or "not" in expr:
        return [(set(), 12, 110, None)]
    if "age_at_least" in expr:
        return [(set(), expr["age_at_least"], 110, None)]
    if "age_below" in expr:
        return [(set(), 12, expr["age_below"] - 1, None)]
    if "sex" in expr:
        return [(set(), 12, 110, expr["sex"])]
    if "ref" in expr:
        return rule_witnesses(definitions[expr["ref"]], definitions)[:1]
    if "any" in expr:
        return [w for sub in expr["any"] for w in rule_witnesses(sub, definitions)][:limit]
    combos = [(set(), 12, 110, None)]
    for sub in expr["all"]:
        combos = [(a | b, max(lo, lo2), min(hi, hi2), sex or sex2)
                  for a, lo, hi, sex in combos for b, lo2, hi2, sex2 in rule_witnesses(sub, definitions)
                  if not (sex and sex2 and sex != sex2) and max(lo, lo2) <= min(hi, hi2)]
        combos = combos[:limit * 4]
    return combos


def emergency_witnesses(runner, kb_dir, kb_rules, max_screens=None):
    """Interviews of minimal emergency presentations: for each emergency rule, people who have
    exactly what a way of firing it needs (plus a marked buttock and a side) and know nothing
    else. `kb_rules` is the knowledge base's rules.json. Returns (reached, total, misses)."""
    rules = kb_rules["triage"]
    regions = set(kb_rules["interview"]["diagram_findings"])
    findings = {f["id"]: f for f in json.load(open(os.path.join(kb_dir, "findings.json")))["findings"]}
    reached, misses = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        cases = []
        for rule in rules["red_flag_rules"]:
            if rule["level"] != "emergency":
                continue
            for i, (present, lo, hi, sex) in enumerate(rule_witnesses(rule["when"], rules.get("definitions", {}))):
                present = set(present)
                present |= {findings[f]["follow_up_of"] for f in list(present) if findings[f].get("follow_up_of")}
                if not present & regions:
                    present.add("pain.buttock")
                present.add("side.one_side")
                case = {"age": min(max(lo, 45), hi), "sex": sex or "male", "present": sorted(present), "absent": []}
                path = os.path.join(tmp, f"{rule['id']}-{i}.json")
                json.dump(case, open(path, "w"))
                cases.append((rule["id"], path, case))
        for rule_id, path, case in cases:
            out = run(runner, "interview", path, case, max_screens=max_screens)
            if out["triage"] == "emergency":
                reached += 1
            else:
                misses.append(f"{rule_id}: {', '.join(case['present'])} -> {out['triage']}")
    return reached, len(cases), misses


def diagram_findings(kb_rules):
    """What the start screen records rather than asks: the body-diagram regions and the sides."""
    interview = kb_rules["interview"]
    return set(interview["diagram_findings"]) | set(interview["side_findings"].values())


def thinned_emergencies(runner, cases, regions, variants=12, seed=7, max_screens=None):
    """Sparser versions of the reference emergencies: each non-diagram present finding kept with
    probability 0.6 and each absent one with 0.5 (a fixed seed, so every run draws the same
    variants), kept only where `assess` still says emergency. Hidden cases are written the same way
    but may record less; this measures how much the interview's reaching emergency depends on the
    exact findings a writer chose. Returns (reached, total, misses)."""
    rng = random.Random(seed)
    reached, total, misses = 0, 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            if case["expected"]["triage"] != "emergency":
                continue
            for k in range(variants):
                thin = dict(case)
                thin["present"] = [f for f in case["present"] if f in regions or rng.random() < 0.6]
                thin["absent"] = [f for f in case["absent"] if rng.random() < 0.5]
                path = os.path.join(tmp, f"{case['id']}-{k}.json")
                json.dump(thin, open(path, "w"))
                if run(runner, "assess", path, thin)["triage"] != "emergency":
                    continue
                total += 1
                out = run(runner, "interview", path, thin, max_screens=max_screens)
                if out["triage"] == "emergency":
                    reached += 1
                else:
                    kept = [f for f in thin["present"] if f not in regions]
                    misses.append(f"{case['id']} variant {k}: {', '.join(kept)} -> {out['triage']}")
    return reached, total, misses


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def run_all(runner, mode, files, cases, strategy, convention, vocabulary):
    """Runs every case in one mode; under the closed convention each case is rewritten first."""
    if convention == "sparse":
        return [run(runner, mode, f, c, strategy) for f, c in zip(files, cases)]
    outputs = []
    with tempfile.TemporaryDirectory() as tmp:
        for c in cases:
            closed = closed_world(c, vocabulary)
            path = os.path.join(tmp, "case.json")
            json.dump(closed, open(path, "w"))
            outputs.append(run(runner, mode, path, closed, strategy))
    return outputs


CONVENTIONS = ("sparse", "closed")
# Folders (besides the first) whose never-miss targets --check enforces, by table title. The written
# cases are reported, not enforced, until the knowledge base reaches every emergency of the blind
# batch four (w-103 ... w-152) from its few facts under both conventions (issue #12).
ENFORCED_NEVER_MISS = {"55 cases from tests/cases/audit"}
MODES = [("assess", None), ("interview", "screens")]


def print_table(title, table):
    header = (f"{'':30}{'top-1':>8}{'top-3':>8}{'triage':>8}{'under':>7}{'under2':>8}{'emerg.under':>12}"
              f"{'urgent.under':>13}{'over':>6}{'screens':>9}{'answers':>9}")
    print(title)
    print(header)
    for (convention, mode, strategy), (s, _, _) in table.items():
        label = (mode if not strategy else f"interview ({strategy})") + f", {convention}"
        q = f"{s['screens'] / s['n']:.1f}" if mode == "interview" else "-"
        a = f"{s['asked'] / s['n']:.1f}" if mode == "interview" else "-"
        nc = s["n_condition"]
        top1 = f"{pct(s['top1'], nc):7.0f}%" if nc else f"{'-':>8}"
        top3 = f"{pct(s['top3'], nc):7.0f}%" if nc else f"{'-':>8}"
        print(f"{label:30}{top1}{top3}{pct(s['triage'], s['n']):7.0f}%{s['under']:7}{s['under2']:8}"
              f"{s['emergency_under']:>8}/{s['emergency_n']:<3}{s['urgent_under']:>9}/{s['urgent_n']:<3}"
              f"{s['over']:6}{q:>9}{a:>9}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", default=os.path.join(ROOT, "build/native/engine/symcheck"))
    ap.add_argument("--cases", action="append", help="a folder of cases; may be given more than once")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    folders = a.cases or [os.path.join(ROOT, "tests/cases", d) for d in ("dev", "written", "audit")]
    groups = [(os.path.relpath(d, ROOT), sorted(glob.glob(os.path.join(d, "*.json")))) for d in folders]
    files = [f for _, group in groups for f in group]
    cases = [json.load(open(f)) for f in files]
    vocabulary = json.load(open(os.path.join(ROOT, "tests/cases/vocabulary.json")))["findings"]
    keys = [(conv, mode, strategy) for conv in CONVENTIONS for mode, strategy in MODES]
    outputs = {k: run_all(a.runner, k[1], files, cases, k[2], k[0], vocabulary) for k in keys}
    results = {k: score(cases, outputs[k]) for k in keys}

    tables = []
    start = 0
    for name, group in groups:
        picked = slice(start, start + len(group))
        start += len(group)
        tables.append((f"{len(group)} cases from {name}", {k: score(cases[picked], outputs[k][picked]) for k in keys}))
    if len(groups) > 1:
        tables.append((f"all {len(cases)} cases", results))
    for title, table in tables:
        print_table(title, table)

    s, confusion, misses = results[("sparse", "assess", None)]
    print("Per-condition confusion (assess, as written; rows: expected, columns: first-ranked when wrong)")
    for cond in sorted(confusion):
        row = confusion[cond]
        right = row.get(cond, 0)
        wrong = ", ".join(f"{c} x{n}" for c, n in sorted(row.items()) if c != cond)
        print(f"  {cond:34} {right}/{sum(row.values())} right" + (f"; first instead: {wrong}" if wrong else ""))
    for (convention, mode, strategy), (_, _, m) in results.items():
        if m:
            print(f"\nMisses ({mode}{' ' + strategy if strategy else ''}, {convention}):")
            for line in m:
                print("  " + line)

    def report(title, reached, total, missed):
        print(f"\n{title}: the adaptive interview reaches emergency in {reached}/{total}")
        for line in missed:
            print("  not reached: " + line)

    kb_dir = os.environ.get("SYMCHECK_KB", os.path.join(ROOT, "data/kb"))
    kb_rules = json.load(open(os.path.join(kb_dir, "rules.json")))
    report("Minimal emergency presentations (each way of firing each emergency rule, nothing else known)",
           *emergency_witnesses(a.runner, kb_dir, kb_rules))
    reference = [c for c, f in zip(cases, files) if "/audit/" not in f]
    report("Thinned emergencies (each reference emergency with about 40 % of its other findings deleted, 12 "
           "variants each, kept where assess still says emergency)",
           *thinned_emergencies(a.runner, reference, diagram_findings(kb_rules)))

    # Targets of the knowledge-base and interview issues. The statistical ones are enforced on the
    # first folder as written (the shared dev cases, where the issues set them); the ones that must
    # never fail on every folder under both conventions (the interview's on the reference cases:
    # the audit presentations are reported until the interview in screens reaches them).
    def targets(table, interview_enforced):
        checks, never, goals = [], [], []
        for conv in CONVENTIONS:
            sa, _, _ = table[(conv, "assess", None)]
            si, _, _ = table[(conv, "interview", "screens")]
            n, nc = sa["n"], max(sa["n_condition"], 1)
            if conv == "sparse":
                checks += [
                    ("assess top-1 >= 85%", pct(sa["top1"], nc) >= 85),
                    ("assess triage >= 90%", pct(sa["triage"], n) >= 90),
                    ("assess urgent under-triage <= 10%", pct(sa["urgent_under"], sa["urgent_n"]) <= 10),
                    ("assess over-triage <= 10%", pct(sa["over"], n) <= 10),
                ]
                # The one-question interview's statistical targets are the interview-in-screens
                # issue's (#13); reported on every run until the screens meet them.
                goals += [
                    ("interview triage >= 85%", pct(si["triage"], n) >= 85),
                    ("interview over-triage <= 15%", pct(si["over"], n) <= 15),
                ]
            never += [
                (f"assess ({conv}): no emergency under-triaged", sa["emergency_under"] == 0),
                (f"assess ({conv}): nobody two levels too low", sa["under2"] == 0),
            ]
            (never if interview_enforced else goals).extend([
                (f"interview ({conv}): every emergency reaches emergency", si["emergency_under"] == 0),
                (f"interview ({conv}): nobody two levels too low", si["under2"] == 0),
            ])
            goals += [
                (f"assess top-3 >= 95% ({conv})", pct(sa["top3"], nc) >= 95),
                (f"interview top-3 within 5 points of assess ({conv})", pct(si["top3"], nc) >= pct(sa["top3"], nc) - 5),
                (f"interview mean screens <= 8 ({conv})", si["screens"] / n <= 8),
                (f"interview mean answers <= 40 ({conv})", si["asked"] / n <= 40),
                (f"interview at most 12 screens ({conv})", si["max_screens"] <= 12),
            ]
        return checks, never, goals

    failures = []
    for index, (title, table) in enumerate(tables):
        checks, never, goals = targets(table, interview_enforced=True)
        missed = [name for name, ok in checks if not ok]
        broken = [name for name, ok in never if not ok]
        open_goals = [name for name, ok in goals if not ok]
        enforced = index == 0 or title in ENFORCED_NEVER_MISS
        failures += (broken if enforced else []) + (missed if index == 0 else [])
        print(f"\n{title}: " + ("targets met" if not missed and not broken else
                               "targets NOT met: " + "; ".join(broken + missed))
              + ("" if index == 0 else " (never-miss targets enforced)" if enforced else " (reported, not enforced yet)"))
        if open_goals:
            print("  open goals (not enforced yet): " + "; ".join(open_goals))
    if not a.check:
        return 0
    print("\n" + ("check: passed" if not failures else "check FAILED: " + "; ".join(sorted(set(failures)))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
