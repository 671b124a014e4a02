#!/usr/bin/env python3
"""Runs trafilatura (Python) over the article-extraction benchmark pages, side by side with
sitrep's `html_bench` example: same pages, same output shape, extraction time only.
usage: trafilatura_bench.py [HTML_DIR] [OUT.json] [REPEAT]
Prints pages, seconds spent in extraction (after reading and decompressing every page), pages/s."""
import gzip, json, os, sys, time
import trafilatura

d = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/bench/html/html"
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/trafilatura_pred.json"
repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
if not os.path.isdir(d):
    print(f"trafilatura_bench: SKIP: {d} is not a directory", file=sys.stderr)
    sys.exit(0)
pages = []
for name in sorted(os.listdir(d)):
    if name.endswith(".html.gz"):
        with gzip.open(os.path.join(d, name), "rb") as f:
            pages.append((name[: -len(".html.gz")], f.read().decode("utf-8", "replace")))
pred = {}
t0 = time.perf_counter()
for _ in range(repeat):
    for pid, html in pages:
        pred[pid] = {"articleBody": trafilatura.extract(html, include_comments=False) or ""}
secs = time.perf_counter() - t0
n = len(pages) * repeat
print(f"trafilatura_bench: trafilatura {trafilatura.__version__}: {len(pages)} pages x{repeat}, {secs:.3f} s, {n / secs:.1f} pages/s", file=sys.stderr)
json.dump(pred, open(out, "w"))
