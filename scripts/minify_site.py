#!/usr/bin/env python3
"""Minifies the assembled site in place: JSON without insignificant whitespace, CSS without
comments and spaces, HTML and JavaScript without comments and indentation. The same code and data, fewer
bytes for a first visit on a clinic tablet's connection (the page budget is 250 KB gzipped).

  scripts/minify_site.py SITE_DIR

The JavaScript step is deliberately conservative: it removes whole-line // comments, block
comments that start a line, blank lines and leading indentation, and keeps every line break (so
automatic semicolon insertion is unchanged). It refuses a file with a multi-line template literal,
where indentation would be content. Emscripten's own output (symcheck.mjs) is left as it is.
"""
import json, os, re, sys


def minify_json(text):
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def minify_css(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    return text.replace(";}", "}").strip() + "\n"


def minify_html(text):
    # Leading indentation and comments only: whitespace between inline elements is kept (it is
    # content), and the page has no <pre> or <textarea> where indentation would matter.
    if re.search(r"<(pre|textarea)\b", text):
        raise SystemExit("index.html has <pre>/<textarea>: minify_html would change its content")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n"


def minify_js(text, path):
    out, in_block = [], False
    for number, line in enumerate(text.split("\n"), 1):
        if line.count("`") % 2 == 1:
            raise SystemExit(f"{path}:{number}: multi-line template literal; not minifying this file safely")
        stripped = line.strip()
        if in_block:
            in_block = "*/" not in stripped
            continue
        if stripped.startswith("/*"):
            in_block = "*/" not in stripped
            continue
        if not stripped or stripped.startswith("//"):
            continue
        out.append(stripped)
    return "\n".join(out) + "\n"


def main(site):
    for root, _, files in os.walk(site):
        for name in files:
            path = os.path.join(root, name)
            if name == "symcheck.mjs":
                continue
            if name.endswith((".json", ".webmanifest")):
                minify = minify_json
            elif name.endswith(".html"):
                minify = minify_html
            elif name.endswith(".css"):
                minify = minify_css
            elif name.endswith(".js"):
                minify = lambda text, p=path: minify_js(text, p)
            else:
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(minify(text))


if __name__ == "__main__":
    main(sys.argv[1])
