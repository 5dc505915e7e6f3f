#!/usr/bin/env python3
"""Writes knowledge-base JSON in the project's one layout, so scripted and hand edits give small
diffs: objects and arrays that hold only scalars (or lists of scalars) stay on one line,
everything else is indented by two spaces.

  scripts/format_kb.py data/kb/*.json      rewrite in place
  scripts/format_kb.py --check data/kb/*.json   exit 1 if a file is not in this layout
"""
import json, sys


def depth(node):
    if isinstance(node, dict):
        return 1 + max((depth(v) for v in node.values()), default=0)
    if isinstance(node, list):
        return 1 + max((depth(v) for v in node), default=0)
    return 0


def inline(node):
    return json.dumps(node, ensure_ascii=False)


def render(node, indent=0):
    pad = "  " * (indent + 1)
    if not isinstance(node, (dict, list)) or depth(node) <= 2 and not any(
            isinstance(v, dict) for v in (node.values() if isinstance(node, dict) else node)):
        return inline(node)
    if isinstance(node, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {render(v, indent + 1)}" for k, v in node.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    items = [pad + render(v, indent + 1) for v in node]
    return "[\n" + ",\n".join(items) + "\n" + "  " * indent + "]"


def formatted(path):
    with open(path, encoding="utf-8") as f:
        return render(json.load(f)) + "\n"


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    bad = []
    for path in paths:
        text = formatted(path)
        with open(path, encoding="utf-8") as f:
            current = f.read()
        if text != current:
            if check:
                bad.append(path)
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    for path in bad:
        print(f"{path}: not in the knowledge-base layout (run scripts/format_kb.py {path})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
