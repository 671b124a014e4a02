#!/usr/bin/env python3
"""Converts the Reuters-21578 SGML files to JSONL for the ingest benchmark.

usage: reuters_to_jsonl.py SGML_DIR OUT.jsonl   (write OUT under /tmp: news text never enters the repo)
"""
import html, json, os, re, sys

src, dst = sys.argv[1], sys.argv[2]
doc_re = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
field = lambda tag, s: (m.group(1) if (m := re.search(rf"<{tag}>(.*?)</{tag}>", s, re.S)) else None)
n = 0
with open(dst, "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(src)):
        if not name.endswith(".sgm"):
            continue
        raw = open(os.path.join(src, name), encoding="latin-1").read()
        for m in doc_re.finditer(raw):
            body = field("BODY", m.group(2))
            if not body:
                continue
            title = field("TITLE", m.group(2))
            date = field("DATE", m.group(2))
            rec = {"id": "reuters-" + m.group(1), "title": html.unescape(title or "").strip() or None,
                   "text": html.unescape(body).replace("\x03", "").strip(), "published": (date or "").strip() or None,
                   "source": "Reuters"}
            out.write(json.dumps(rec) + "\n")
            n += 1
print(f"reuters_to_jsonl: {n} stories -> {dst}", file=sys.stderr)
