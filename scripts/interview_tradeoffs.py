#!/usr/bin/env python3
"""What the interview's safety screens cost: the interview in screens played under other settings,
side by side with the shipped one, on the same cases.

  scripts/interview_tradeoffs.py [--runner build/native/engine/symcheck] [--cases DIR ...]

The interview issue sets goals that pull against each other (benchmark_cases.TARGETS): interview
top-3 within a few points of full-information `assess`, few screens (and answers) on average, and
every emergency reaching emergency. Each variant below changes only interview settings or the screens' kinds in a temporary
copy of data/kb (never the shipped files) and is scored exactly as scripts/benchmark_cases.py scores
it (the same batch runs and rule solver), including the minimal and thinned emergency presentations.
`assess` does not depend on interview settings, so it is run once.
"""
import argparse, glob, json, os, shutil, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchmark_cases import (NATIVE, ROOT, TARGETS, diagram_findings, rule_witnesses,  # noqa: E402
                             pct, run_batch, score, thinned_emergencies)

def first_opening_only(rules, screens):
    """Only the first opening screen (bladder, bowel, saddle, legs) stays fixed; the other openings
    compete with every other screen for their place."""
    openings = [x for x in screens if x["kind"] == "opening"]
    for x in openings[1:]:
        x["kind"] = "safety"
    screens[:] = openings[:1] + [x for x in screens if x not in openings[:1]]


def information_only(rules, screens):
    """No triage weighting and no fixed openings: the screen that best separates causes."""
    weights = rules["interview"]["triage_weights"]
    for level in ("routine", "urgent", "emergency"):
        weights[level] = 0
    rules["interview"]["urgency_information"]["weight"] = 0
    for x in screens:
        if x["kind"] == "opening":
            x["kind"] = "safety"


# (name, change to the knowledge base's interview settings or screens, screen limit)
VARIANTS = [
    ("as shipped", None, 12),
    ("screen limit 8", None, 8),
    ("screen limit 16", None, 16),
    ("first opening screen only", first_opening_only, 12),
    ("information only, limit 12", information_only, 12),
]


def with_limit(change, limit):
    """`change`, and the knowledge base's own screen limit set to `limit`."""
    def changed(rules, screens):
        rules["interview"]["max_screens"] = limit
        if change:
            change(rules, screens)
    return changed


def variant_kb(tmp, name, change):
    """A copy of data/kb with `change(rules, screens)` applied; the shipped files are untouched."""
    kb = os.path.join(tmp, name.replace(" ", "_").replace(",", "").replace(":", ""))
    shutil.copytree(os.path.join(ROOT, "data/kb"), kb)
    rules_path, screens_path = os.path.join(kb, "rules.json"), os.path.join(kb, "screens.json")
    rules, screens = json.load(open(rules_path)), json.load(open(screens_path))
    change(rules, screens["screens"])
    json.dump(rules, open(rules_path, "w"))
    json.dump(screens, open(screens_path, "w"))
    return kb


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", default=NATIVE, help="symcheck with a batch command")
    ap.add_argument("--solver", default=NATIVE, help="the native symcheck that makes the minimal presentations")
    ap.add_argument("--cases", action="append", help="a folder of cases; may be given more than once")
    a = ap.parse_args()
    folders = a.cases or [os.path.join(ROOT, "tests/cases", d) for d in ("dev", "written")]
    files = sorted(f for d in folders for f in glob.glob(os.path.join(d, "*.json")))
    cases = [json.load(open(f)) for f in files]
    dev = [i for i, f in enumerate(files) if os.path.basename(os.path.dirname(f)) == "dev"]

    def subset(items, picked):
        return [items[i] for i in picked]

    shipped = os.path.join(ROOT, "data/kb")
    # The variants change interview settings only, so the diagram findings are the shipped ones.
    regions = diagram_findings(json.load(open(os.path.join(shipped, "rules.json"))))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SYMCHECK_KB"] = shipped
        assessed = run_batch(a.runner, "assess", cases)
        assess, _, _ = score(cases, assessed)
        assess_dev, _, _ = score(subset(cases, dev), subset(assessed, dev))
        print(f"assess (full information): top-3 {pct(assess['top3'], assess['n_condition']):.0f}% on all {assess['n']} cases, "
              f"{pct(assess_dev['top3'], assess_dev['n_condition']):.0f}% on the {assess_dev['n']} dev cases")
        gap, most = TARGETS["interview_top3_gap_max"], TARGETS["interview_mean_screens_max"]
        print(f"goals: top-3 within {gap} points of assess; mean screens <= {most}; every emergency reaches emergency\n")
        print(f"{'variant':32}{'dev top-3':>10}{'all top-3':>10}{'triage':>8}{'screens':>10}"
              f"{'emerg. missed':>14}{'minimal':>9}{'thinned':>9}  goals met")
        for name, change, limit in VARIANTS:
            kb = variant_kb(tmp, name, with_limit(change, limit))
            os.environ["SYMCHECK_KB"] = kb
            outs = run_batch(a.runner, "interview", cases, max_screens=limit)
            s, _, _ = score(cases, outs)
            sd, _, _ = score(subset(cases, dev), subset(outs, dev))
            minimal, minimal_n, _ = rule_witnesses(a.runner, kb, limit, solver=a.solver)
            thinned, thinned_n, _ = thinned_emergencies(a.runner, cases, regions, max_screens=limit)
            goals = {
                "top-3": all(pct(x["top3"], x["n_condition"]) >= pct(y["top3"], y["n_condition"]) - gap
                             for x, y in ((s, assess), (sd, assess_dev))),
                "screens": s["screens"] / s["n"] <= most and sd["screens"] / sd["n"] <= most,
                "emergencies": s["emergency_under"] == 0,
            }
            print(f"{name:32}{pct(sd['top3'], sd['n_condition']):9.0f}%{pct(s['top3'], s['n_condition']):9.0f}%{pct(s['triage'], s['n']):7.0f}%"
                  f"{s['screens'] / s['n']:10.1f}{s['emergency_under']:>9}/{s['emergency_n']:<4}"
                  f"{minimal:>5}/{minimal_n:<3}{thinned:>5}/{thinned_n:<3}  "
                  + (", ".join(k for k, ok in goals.items() if ok) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
