#!/usr/bin/env python3
"""Copies JSON files into the site without insignificant whitespace (same data, fewer bytes).

  scripts/minify_json.py OUT_DIR FILE.json...
"""
import json, os, sys

out_dir, files = sys.argv[1], sys.argv[2:]
os.makedirs(out_dir, exist_ok=True)
for path in files:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(out_dir, os.path.basename(path)), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
