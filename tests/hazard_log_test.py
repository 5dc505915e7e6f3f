"""symcheck validate on broken copies of data/safety/hazards.json: each failure of the hazard log
check, with the file, the JSON Pointer and the id. Usage: hazard_log_test.py SYMCHECK ROOT"""
import copy, json, os, subprocess, sys, tempfile

symcheck, root = sys.argv[1], sys.argv[2]
log = json.load(open(os.path.join(root, "data/safety/hazards.json")))


def control_of(rule):
    for h, hazard in enumerate(log["hazards"]):
        for c, control in enumerate(hazard["controls"]):
            if control.get("rule") == rule:
                return h, c, hazard["id"]
    raise SystemExit(f"no control of {rule}")


def validate(name, broken):
    with tempfile.TemporaryDirectory() as tmp:
        json.dump(broken, open(os.path.join(tmp, name), "w"), indent=1)
        cases = [a for d in ("dev", "written", "audit") for a in ("--cases", os.path.join(root, "tests/cases", d))]
        return subprocess.run([symcheck, "validate", "--vocabulary", os.path.join(root, "tests/cases/vocabulary.json"),
                               "--hazards", name, *cases], cwd=tmp, capture_output=True, text=True)


failures = 0


def expect(label, broken, message, status=1):
    global failures
    p = validate("hazards.json", broken)
    lines = [line for line in p.stderr.splitlines() if message in line]
    if p.returncode != status or not lines:
        failures += 1
        print(f"FAIL {label}: exit {p.returncode}, expected {message!r} on stderr:\n{p.stderr}")
    else:
        print(f"ok   {label}: {lines[0]}")


# 1. An emergency rule with no hazard entry (E7's only control removed).
h, c, hid = control_of("E7")
b = copy.deepcopy(log); del b["hazards"][h]["controls"][c]
expect("rule with no hazard entry", b, "hazards.json: /hazards: emergency rule E7 has no hazard entry (rule E7)")

# 2. A control naming a rule that does not exist.
h, c, hid = control_of("E1")
b = copy.deepcopy(log); b["hazards"][h]["controls"][c]["rule"] = "E99"
expect("unknown rule", b, f'hazards.json: /hazards/{h}/controls/{c}/rule: rule "E99" does not exist (hazard {hid})')

# 3. A control naming a case that does not exist.
h, c, hid = control_of("U9")
b = copy.deepcopy(log); b["hazards"][h]["controls"][c]["case"] = "w-999"
expect("unknown case", b, f'hazards.json: /hazards/{h}/controls/{c}/case: case "w-999" does not exist (hazard {hid})')

# 4. A case that does not reach the hazard's level (dev-001 is a routine presentation), on which
#    the rule does not fire either.
h, c, hid = control_of("E2")
b = copy.deepcopy(log); b["hazards"][h]["controls"][c]["case"] = "dev-001"
expect("case below the level", b, f'hazards.json: /hazards/{h}/controls/{c}/case: case "dev-001" does not reach emergency: ')
expect("rule does not fire", b, f'hazards.json: /hazards/{h}/controls/{c}/rule: rule E2 does not fire on case "dev-001" under assess (hazard {hid})')

# 5. An urgent rule whose case is removed and which is not a gap.
h, c, hid = control_of("U6")
b = copy.deepcopy(log); del b["hazards"][h]["controls"][c]["case"]
expect("rule without a case", b, f"hazards.json: /hazards/{h}/controls/{c}: rule U6 has no case and is not listed in /gaps (hazard {hid})")

# 6. A gap naming a rule that a case shows (the gaps list must stay honest).
b = copy.deepcopy(log); b["gaps"].append({"rule": "E1", "hazard": b["hazards"][0]["id"], "reason": "test"})
expect("stale gap", b, f"hazards.json: /gaps/{len(b['gaps']) - 1}/rule: rule E1 is listed as a gap but")

# 7. Structure: an unknown level is a load error (exit 2) naming the pointer and the hazard.
b = copy.deepcopy(log); b["hazards"][0]["level"] = "soon"
expect("unknown level", b, f'hazards.json: /hazards/0/level: unknown level "soon" (emergency or urgent) (hazard {b["hazards"][0]["id"]})', status=2)

# 8. Structure: a missing field.
b = copy.deepcopy(log); del b["hazards"][1]["harm"]
expect("missing field", b, f'hazards.json: /hazards/1', status=2)

# The log as committed passes.
p = validate("hazards.json", log)
if p.returncode != 0:
    failures += 1
    print(f"FAIL the committed log: exit {p.returncode}\n{p.stderr}")
else:
    print("ok   the committed log: " + p.stderr.splitlines()[0])
sys.exit(1 if failures else 0)
