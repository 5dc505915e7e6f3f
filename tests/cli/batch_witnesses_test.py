#!/usr/bin/env python3
"""CLI-level tests of `symcheck batch` and `symcheck witnesses` (registered with ctest).

  python3 tests/cli/batch_witnesses_test.py [SYMCHECK]   (default build/native/engine/symcheck)

batch: every result is the single command's output byte for byte (assess, interview with options,
next), a bad line is answered with an error line under its id and the batch goes on.
witnesses: the rule solver's exact ways for rules added to a copy of data/kb (not, absent,
age_below, sex, a negated all, a definition), a way it cannot make a person of is dropped and
reported, and every presentation of the project's knowledge base fires its rule when assessed
through batch.
"""
import glob, json, os, shutil, subprocess, sys, tempfile, unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYMCHECK = os.path.join(ROOT, "build/native/engine/symcheck")


def symcheck(*args, stdin=None, check=True):
    p = subprocess.run([SYMCHECK, *args], input=stdin, capture_output=True, text=True, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"symcheck {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p


def batch(lines, *args):
    out = symcheck("batch", *args, stdin="".join(json.dumps(x) + "\n" for x in lines)).stdout
    return out.split("\n")[:-1]


def embedded_result(line):
    """The text of "result" exactly as written: everything after the key up to the closing brace."""
    key = ',"ok":true,"result":'
    assert key in line and line.endswith("}"), line
    return line[line.index(key) + len(key):-1]


class Batch(unittest.TestCase):
    def test_results_are_the_single_commands_output(self):
        files = sorted(glob.glob(os.path.join(ROOT, "tests/cases/dev/*.json")))[:4]
        with tempfile.TemporaryDirectory() as tmp:
            for n, f in enumerate(files):
                with open(f) as fh:
                    case = json.load(fh)
                state = {"age": case["age"], "sex": case["sex"], "present": case["present"][:2],
                         "absent": [], "dont_know": [], "screens": []}
                state_file = os.path.join(tmp, "state.json")
                with open(state_file, "w") as fh:
                    json.dump(state, fh)
                lines = batch([{"id": "a", "mode": "assess", "case": case},
                               {"id": 7, "mode": "interview", "case": case, "options": {"max_screens": 3}},
                               {"id": "n", "mode": "next", "case": state},
                               {"id": "c", "mode": "assess", "case": case,
                                "options": {"audience": "clinician", "damping": False}}])
                self.assertEqual(len(lines), 4)
                self.assertTrue(lines[1].startswith('{"id":7,'))
                expected = [symcheck("assess", f).stdout,
                            symcheck("interview", f, "--max-screens", "3").stdout,
                            symcheck("next", state_file).stdout,
                            symcheck("assess", f, "--audience", "clinician", "--no-damping").stdout]
                for line, single in zip(lines, expected):
                    self.assertEqual(embedded_result(line) + "\n", single, f"{f}: {line[:80]}")
                    json.loads(line)

    def test_command_line_options_are_defaults_a_line_overrides(self):
        f = sorted(glob.glob(os.path.join(ROOT, "tests/cases/dev/*.json")))[0]
        with open(f) as fh:
            case = json.load(fh)
        lines = batch([{"id": 1, "mode": "interview", "case": case},
                       {"id": 2, "mode": "interview", "case": case, "options": {"max_screens": 5}}],
                      "--max-screens", "2")
        self.assertEqual(embedded_result(lines[0]) + "\n", symcheck("interview", f, "--max-screens", "2").stdout)
        self.assertEqual(embedded_result(lines[1]) + "\n", symcheck("interview", f, "--max-screens", "5").stdout)

    def test_bad_lines_are_answered_and_the_batch_goes_on(self):
        good = {"age": 40, "sex": "female", "present": ["pain.buttock"]}
        text = "\n".join([
            "not json",
            json.dumps({"id": "m", "mode": "diagnose", "case": good}),
            json.dumps({"id": "u", "mode": "assess", "case": {**good, "present": ["pain.knee"]}}),
            json.dumps({"id": "o", "mode": "assess", "case": good, "options": {"audience": "robot"}}),
            "",
            json.dumps({"id": "ok", "mode": "assess", "case": good}),
        ]) + "\r\n"
        p = symcheck("batch", stdin=text)
        replies = [json.loads(x) for x in p.stdout.split("\n")[:-1]]
        self.assertEqual([r["id"] for r in replies], [None, "m", "u", "o", None, "ok"])
        self.assertEqual([r["ok"] for r in replies], [False] * 5 + [True])
        self.assertEqual([r.get("code") for r in replies[:5]],
                         ["invalid_request", "invalid_request", "unknown_finding", "invalid_options",
                          "invalid_request"])
        self.assertEqual(p.returncode, 0)


class Witnesses(unittest.TestCase):
    def kb_with_rules(self, tmp):
        """A copy of data/kb with three rules of its own, on findings it defines."""
        kb = os.path.join(tmp, "kb")
        shutil.copytree(os.path.join(ROOT, "data/kb"), kb)
        path = os.path.join(kb, "rules.json")
        with open(path) as f:
            rules = json.load(f)
        rules["triage"]["red_flag_rules"] += [
            {"id": "T1", "level": "emergency", "points_to": None, "estimate": "test", "when": {"all": [
                {"present": "history.diabetes"}, {"not": {"present": "history.smoker"}},
                {"absent": "gait.limp"}, {"any": [{"age_below": 30}, {"sex": "female"}]},
                {"not": {"all": [{"present": "systemic.fever"}, {"present": "side.both_sides"}]}}]}},
            # Needs neuro.weakness_progressing, asked only after a yes to neuro.leg_weakness, with
            # neuro.leg_weakness not present: no person has it.
            {"id": "T2", "level": "emergency", "points_to": None, "estimate": "test", "when": {"all": [
                {"present": "neuro.weakness_progressing"}, {"not": {"present": "neuro.leg_weakness"}}]}},
            {"id": "T3", "level": "urgent", "points_to": None, "estimate": "test", "when": {"all": [
                {"ref": "any_pain"}, {"not": {"absent": "history.smoker"}}, {"not": {"age_below": 60}},
                {"any": [{"present": "history.diabetes"},
                         {"all": [{"present": "history.diabetes"}, {"present": "history.smoker"}]}]}]}},
        ]
        with open(path, "w") as f:
            json.dump(rules, f)
        return kb

    def test_exact_ways(self):
        with tempfile.TemporaryDirectory() as tmp:
            kb = self.kb_with_rules(tmp)
            p = symcheck("witnesses", "--kb", kb)
            got = [json.loads(x) for x in p.stdout.splitlines()]
            t1 = [(w["age"], w["sex"], w["present"], w["absent"]) for w in got if w["rule"] == "T1"]
            present = ["history.diabetes", "pain.buttock", "side.one_side"]
            # (age below 30 | female) x (fever not present | both sides not present): neither of the
            # last two is present, so each age way is one person (aged 20: the middle of 12 to 29).
            self.assertEqual(t1, [(20, "male", present, ["gait.limp"]), (45, "female", present, ["gait.limp"])])
            t3 = [w for w in got if w["rule"] == "T3"]
            # One way per pain region of any_pain (the first six), each aged 85 (60 to 110); the way
            # that also needs history.smoker asks for more than history.diabetes alone: not minimal.
            self.assertEqual(len(t3), 6)
            self.assertEqual({w["age"] for w in t3}, {85})
            self.assertTrue(all("history.diabetes" in w["present"] and "history.smoker" not in w["present"]
                                and not w["absent"] for w in t3))
            self.assertFalse([w for w in got if w["rule"] == "T2"])
            self.assertRegex(p.stderr, r"dropped: T2 .*neuro\.leg_weakness")
            urgent = {json.loads(x)["rule"] for x in
                      symcheck("witnesses", "--kb", kb, "--level", "urgent").stdout.splitlines()}
            self.assertIn("T3", urgent)
            self.assertNotIn("T1", urgent)

    def test_every_presentation_fires_its_rule(self):
        lines = symcheck("witnesses").stdout.splitlines()
        self.assertGreater(len(lines), 100)
        people = [json.loads(x) for x in lines]
        replies = batch([{"id": i, "mode": "assess", "case": w} for i, w in enumerate(people)])
        for w, reply in zip(people, replies):
            out = json.loads(reply)["result"]
            self.assertIn(w["rule"], [r["id"] for r in out["triage_basis"]["rules"]], w)

    def test_unknown_level_is_exit_2(self):
        self.assertEqual(symcheck("witnesses", "--level", "soon", check=False).returncode, 2)


if __name__ == "__main__":
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        SYMCHECK = os.path.abspath(sys.argv.pop(1))
    unittest.main()
