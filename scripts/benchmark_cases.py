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
cover all. Then the adaptive interview in screens is played on minimal emergency presentations built from the
knowledge base's own rules (each way of firing each emergency rule, nothing else known), and the
count that reach emergency is printed with the ones that do not (and those of the urgent rules, reported, not
enforced: the count that reach urgent or above); and so are thinned copies of the
reference emergencies (about 40 % of their other findings deleted, a fixed seed), whose 98 % target
--check enforces.

--check exits 1 unless, on the first folder (the dev cases, where the issues set the targets) as
written, the statistical targets of TARGETS hold (assess top-1, triage exact, urgent under-triage,
over-triage; interview triage exact and over-triage); and, on the first folder and those in ENFORCED_NEVER_MISS under both conventions, no
emergency triaged below emergency and nobody two levels too low, by assess or by the interview; and
every minimal emergency presentation reaches emergency, and at least 98 % of the thinned ones. Figures on every folder, the targets not yet
met and the open goals are printed on every run.

Every engine call goes through `symcheck batch` (one process per mode and convention, JSON lines in
and out; the runner may be the native binary or `node scripts/symcheck.mjs`); the minimal emergency
presentations come from the engine's own rule solver (`symcheck witnesses`, run with --solver,
default the native binary).
"""
import argparse, collections, glob, json, os, random, shlex, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_cases import closed_world  # noqa: E402  (the shared scorer's rewrite, FORMAT.md)

LEVELS = ["self_care", "routine", "urgent", "emergency"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIVE = os.path.join(ROOT, "build/native/engine/symcheck")

# Every target and goal of the knowledge-base and interview issues, in percent unless named
# otherwise; benchmark_cases.py and interview_tradeoffs.py check these and print them.
TARGETS = {
    # Enforced (--check) on the first folder as written.
    "assess_top1_min": 85,
    "assess_triage_min": 90,
    "assess_urgent_under_max": 5,
    "assess_over_max": 10,
    # The interview's statistical targets (issue #13), enforced like assess's.
    "interview_triage_min": 90,
    "interview_over_max": 10,
    # Open goals, reported on every run.
    "assess_top3_min": 95,
    "interview_top3_gap_max": 3,  # points of top-3 below assess
    "interview_mean_screens_max": 8,  # screens
    "interview_mean_answers_max": 40,  # answers
    "interview_screens_max": 12,  # screens, any one interview
    "thinned_emergencies_min": 98,  # percent of thinned reference emergencies the interview reaches
}


def call_options(case, mode, max_screens=None):
    """The options of one call: clinician mode when the case lists an exam or lab finding (FORMAT.md),
    and the screen limit for interviews."""
    options = {}
    if any(f.startswith(("exam.", "lab.")) for f in case["present"] + case.get("absent", [])):
        options["audience"] = "clinician"
    if mode == "interview" and max_screens:
        options["max_screens"] = max_screens
    return options


def run_batch(runner, mode, cases, max_screens=None):
    """Runs every case in one mode through one `symcheck batch` process; the outputs, in order."""
    lines = "".join(json.dumps({"id": i, "mode": mode, "case": c, "options": call_options(c, mode, max_screens)})
                    + "\n" for i, c in enumerate(cases))
    cmd = shlex.split(runner) + ["batch"]
    p = subprocess.run(cmd, input=lines, capture_output=True, text=True, timeout=3600)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.strip()}")
    replies = [json.loads(line) for line in p.stdout.splitlines()]
    if len(replies) != len(cases):
        raise RuntimeError(f"{' '.join(cmd)}: {len(replies)} replies to {len(cases)} cases")
    for i, reply in enumerate(replies):
        if reply["id"] != i or not reply["ok"]:
            raise RuntimeError(f"{mode} of case {cases[i].get('id', i)}: {reply.get('code')}: {reply.get('error')}")
    return [reply["result"] for reply in replies]


def acceptable(case):
    """The conditions a case accepts as its answer (FORMAT.md): empty when it is scored on triage only."""
    exp = case["expected"]
    return {exp["condition"], *exp.get("also_acceptable", [])} - {None}


def score(cases, outputs):
    """FORMAT.md scores. Cases whose expected condition is null count for triage only."""
    s = collections.Counter()
    confusion = collections.defaultdict(collections.Counter)
    misses = []
    for case, out in zip(cases, outputs):
        exp = case["expected"]
        ok = acceptable(case)
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


def rule_witnesses(runner, kb_dir, max_screens=None, solver=NATIVE, level="emergency"):
    """Interviews of minimal presentations of the rules of one level (emergency by default): for
    each such rule, people who have exactly what a way of firing it needs and know nothing else, as
    the engine's rule solver makes them (`symcheck witnesses`: a marked region and a side when the
    way has none, the parent of a follow-up question, a plausible age and sex; each checked to fire
    its rule). A person is reached when the interview ends at that level or above. Ways the solver
    drops are reported on stderr. Returns (reached, total, misses)."""
    cmd = shlex.split(solver) + ["witnesses", "--kb", kb_dir, "--level", level]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.strip()}")
    for line in p.stderr.splitlines():
        print(f"rule solver: {line}", file=sys.stderr)
    people = [json.loads(line) for line in p.stdout.splitlines()]
    outs = run_batch(runner, "interview", people, max_screens)
    reached, misses = 0, []
    for person, out in zip(people, outs):
        if LEVELS.index(out["triage"]) >= LEVELS.index(level):
            reached += 1
        else:
            misses.append(f"{person['rule']}: {', '.join(person['present'])}"
                          + (f"; no {', '.join(person['absent'])}" if person["absent"] else "")
                          + f" (age {person['age']}, {person['sex']}) -> {out['triage']}")
    return reached, len(people), misses


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
    drawn = []
    for case in cases:
        if case["expected"]["triage"] != "emergency":
            continue
        for k in range(variants):
            thin = dict(case)
            thin["present"] = [f for f in case["present"] if f in regions or rng.random() < 0.6]
            thin["absent"] = [f for f in case["absent"] if rng.random() < 0.5]
            drawn.append((case["id"], k, thin))
    assessed = run_batch(runner, "assess", [thin for _, _, thin in drawn])
    kept = [d for d, out in zip(drawn, assessed) if out["triage"] == "emergency"]
    outs = run_batch(runner, "interview", [thin for _, _, thin in kept], max_screens)
    reached, misses = 0, []
    for (case_id, k, thin), out in zip(kept, outs):
        if out["triage"] == "emergency":
            reached += 1
        else:
            left = [f for f in thin["present"] if f not in regions]
            misses.append(f"{case_id} variant {k}: {', '.join(left)} -> {out['triage']}")
    return reached, len(kept), misses


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def top3_without_emergency_stop(cases, assessed, interviewed):
    """Top-3 of `assess` and of the interview on the cases whose interview did not stop for an
    emergency: an emergency ends the interview at once, before the questions that would rank its
    cause, so this separates that design choice from how well the screens learn the rest.
    Returns (cases counted, assess top-3 hits, interview top-3 hits)."""
    n = hits_assess = hits_interview = 0
    for case, a, i in zip(cases, assessed, interviewed):
        ok = acceptable(case)
        if not ok or i.get("stop_reason") == "emergency":
            continue
        n += 1
        hits_assess += any(d["condition"] in ok for d in a["differential"][:3])
        hits_interview += any(d["condition"] in ok for d in i["differential"][:3])
    return n, hits_assess, hits_interview


def run_all(runner, mode, cases, convention, vocabulary):
    """Runs every case in one mode (one batch process); under the closed convention each case is
    rewritten first."""
    if convention == "closed":
        cases = [closed_world(c, vocabulary) for c in cases]
    return run_batch(runner, mode, cases)


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
    ap.add_argument("--runner", default=NATIVE, help="symcheck with a batch command (native or node scripts/symcheck.mjs)")
    ap.add_argument("--solver", default=NATIVE, help="the native symcheck whose witnesses command makes the minimal presentations")
    ap.add_argument("--cases", action="append", help="a folder of cases; may be given more than once")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    folders = a.cases or [os.path.join(ROOT, "tests/cases", d) for d in ("dev", "written", "audit")]
    groups = [(os.path.relpath(d, ROOT), sorted(glob.glob(os.path.join(d, "*.json")))) for d in folders]
    files = [f for _, group in groups for f in group]
    cases = [json.load(open(f)) for f in files]
    vocabulary = json.load(open(os.path.join(ROOT, "tests/cases/vocabulary.json")))["findings"]
    keys = [(conv, mode, strategy) for conv in CONVENTIONS for mode, strategy in MODES]
    outputs = {k: run_all(a.runner, k[1], cases, k[0], vocabulary) for k in keys}
    results = {k: score(cases, outputs[k]) for k in keys}

    tables, slices = [], []
    start = 0
    for name, group in groups:
        picked = slice(start, start + len(group))
        start += len(group)
        tables.append((f"{len(group)} cases from {name}", {k: score(cases[picked], outputs[k][picked]) for k in keys}))
        slices.append(picked)
    if len(groups) > 1:
        tables.append((f"all {len(cases)} cases", results))
        slices.append(slice(0, len(cases)))
    for title, table in tables:
        print_table(title, table)
    print("Top-3 on the cases whose interview did not stop for an emergency (assess / interview, same cases)")
    for (title, _), picked in zip(tables, slices):
        figures = []
        for conv in CONVENTIONS:
            n, hits_a, hits_i = top3_without_emergency_stop(
                cases[picked], outputs[(conv, "assess", None)][picked], outputs[(conv, "interview", "screens")][picked])
            if n:
                figures.append(f"{conv} {pct(hits_a, n):.0f} / {pct(hits_i, n):.0f}% of {n}")
        if figures:
            print(f"  {title}: " + "; ".join(figures))
    print()

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

    def report(title, reached, total, missed, level="emergency"):
        print(f"\n{title}: the adaptive interview reaches {level}{'' if level == 'emergency' else ' or above'} "
              f"in {reached}/{total}")
        for line in missed:
            print("  not reached: " + line)

    kb_dir = os.environ.get("SYMCHECK_KB", os.path.join(ROOT, "data/kb"))
    kb_rules = json.load(open(os.path.join(kb_dir, "rules.json")))
    minimal = rule_witnesses(a.runner, kb_dir, solver=a.solver)
    report("Minimal emergency presentations (each way of firing each emergency rule, nothing else known)", *minimal)
    minimal_urgent = rule_witnesses(a.runner, kb_dir, solver=a.solver, level="urgent")
    report("Minimal urgent presentations (each way of firing each urgent rule, nothing else known; reported, not "
           "enforced)", *minimal_urgent, level="urgent")
    reference = [c for c, f in zip(cases, files) if "/audit/" not in f]
    thinned = thinned_emergencies(a.runner, reference, diagram_findings(kb_rules))
    report("Thinned emergencies (each reference emergency with about 40 % of its other findings deleted, 12 "
           "variants each, kept where assess still says emergency)", *thinned)

    # Targets of the knowledge-base and interview issues. The statistical ones are enforced on the
    # first folder as written (the shared dev cases, where the issues set them); the ones that must
    # never fail on every folder under both conventions (the interview's on the reference cases:
    # the audit presentations are reported until the interview in screens reaches them).
    def targets(table, interview_enforced):
        T = TARGETS
        checks, never, goals = [], [], []
        for conv in CONVENTIONS:
            sa, _, _ = table[(conv, "assess", None)]
            si, _, _ = table[(conv, "interview", "screens")]
            n, nc = sa["n"], max(sa["n_condition"], 1)
            if conv == "sparse":
                checks += [
                    (f"assess top-1 >= {T['assess_top1_min']}%", pct(sa["top1"], nc) >= T["assess_top1_min"]),
                    (f"assess triage >= {T['assess_triage_min']}%", pct(sa["triage"], n) >= T["assess_triage_min"]),
                    (f"assess urgent under-triage <= {T['assess_urgent_under_max']}%",
                     pct(sa["urgent_under"], sa["urgent_n"]) <= T["assess_urgent_under_max"]),
                    (f"assess over-triage <= {T['assess_over_max']}%", pct(sa["over"], n) <= T["assess_over_max"]),
                    (f"interview triage >= {T['interview_triage_min']}%", pct(si["triage"], n) >= T["interview_triage_min"]),
                    (f"interview over-triage <= {T['interview_over_max']}%", pct(si["over"], n) <= T["interview_over_max"]),
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
                (f"assess top-3 >= {T['assess_top3_min']}% ({conv})", pct(sa["top3"], nc) >= T["assess_top3_min"]),
                (f"interview top-3 within {T['interview_top3_gap_max']} points of assess ({conv})",
                 pct(si["top3"], nc) >= pct(sa["top3"], nc) - T["interview_top3_gap_max"]),
                (f"interview mean screens <= {T['interview_mean_screens_max']} ({conv})",
                 si["screens"] / n <= T["interview_mean_screens_max"]),
                (f"interview mean answers <= {T['interview_mean_answers_max']} ({conv})",
                 si["asked"] / n <= T["interview_mean_answers_max"]),
                (f"interview at most {T['interview_screens_max']} screens ({conv})",
                 si["max_screens"] <= T["interview_screens_max"]),
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
    presentations = [("every minimal emergency presentation reaches emergency", minimal[0] == minimal[1], True),
                     (f"thinned emergencies reached >= {TARGETS['thinned_emergencies_min']}%",
                      pct(thinned[0], thinned[1]) >= TARGETS["thinned_emergencies_min"], True)]
    for name, ok, enforced in presentations:
        if not ok:
            print(f"\npresentations: {name}: NOT met" + ("" if enforced else " (reported, not enforced yet)"))
            failures += [name] if enforced else []
    if not a.check:
        return 0
    print("\n" + ("check: passed" if not failures else "check FAILED: " + "; ".join(sorted(set(failures)))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
