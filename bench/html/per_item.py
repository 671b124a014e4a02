#!/usr/bin/env python3
"""Per-page precision/recall with html_f1.py's metric, worst first: finds what an extractor gets wrong.
usage: per_item.py PRED.json [N]"""
import importlib.util, json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
gt_path = os.path.join(here, "../../../shared/data/bench/html/ground-truth.json")
import re
from collections import Counter
TOK = re.compile(r"\w+", re.UNICODE)
def shingles(t):
    toks = TOK.findall(t or "")
    return Counter(tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3)) if toks[i:i + 4])
gt = json.load(open(gt_path)); pred = json.load(open(sys.argv[1]))
n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
rows = []
for k in gt:
    a, b = shingles(gt[k]["articleBody"]), shingles((pred.get(k) or {}).get("articleBody", ""))
    tp = sum((a & b).values()); fp = sum((b - a).values()); fn = sum((a - b).values())
    p = tp / (tp + fp) if tp + fp else 0.0; r = tp / (tp + fn) if tp + fn else 0.0
    rows.append((min(p, r), p, r, k))
for m, p, r, k in sorted(rows)[:n]:
    print(f"{p:.3f} {r:.3f} {k}")
