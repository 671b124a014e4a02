#!/usr/bin/env python3
"""Pairwise precision/recall of sitrep's fusion through the real pipeline.

Ingests the fusion test set (crates/sitrep/tests/fixtures/fusion/articles.jsonl: invented
reports, 10 events told by 3-5 articles each plus 10 look-alikes) into a fresh SQLite store
with `sitrep ingest`, reads the fused events back with `sitrep events`, and compares the
grouping of articles with clusters.json.

Each article is assigned to its *primary* fused event: among the fused events that list it as
a source (non-verbal, non-background first), the one with the most sources (ties: smallest id).
A pair of articles is predicted "same event" when their primary events are the same.
The "any-shared" variant counts a pair as same when any fused event lists both.

usage: bench/store/fusion_eval.py [path/to/sitrep] [--keep DB]
"""
import itertools, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
fix = os.path.join(root, "crates", "sitrep", "tests", "fixtures", "fusion")
binary = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else os.path.join(root, "target", "release", "sitrep")

gold = json.load(open(os.path.join(fix, "clusters.json")))
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "fusion.db")
    if "--keep" in sys.argv:
        db = sys.argv[sys.argv.index("--keep") + 1]
    r = subprocess.run([binary, "ingest", "--quiet", "--db", db, os.path.join(fix, "articles.jsonl")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("ingest failed:", r.returncode, r.stderr[-2000:], file=sys.stderr)
        sys.exit(2)
    out = subprocess.run([binary, "events", "--db", db, "--format", "jsonl"], capture_output=True, text=True, check=True).stdout
events = [json.loads(l) for l in out.splitlines() if l.strip()]

def rank(e):
    verbal = e.get("event_type") is None
    return (verbal, bool(e.get("background")), -len(e["sources"]), e["id"])

primary = {}
shared = set()
for e in sorted(events, key=rank):
    arts = sorted({s["article_id"] for s in e["sources"]})
    for a in arts:
        primary.setdefault(a, e["id"])
    for a, b in itertools.combinations(arts, 2):
        shared.add((a, b))

def prf(pred_same):
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        g = gold[a] == gold[b]
        p = pred_same(a, b)
        tp += g and p
        fp += p and not g
        fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return tp, fp, fn, prec, rec

no_event = sorted(a for a in gold if a not in primary)
print(f"fusion set: {len(gold)} articles, {len(set(gold.values()))} gold events; "
      f"store: {len(events)} fused events; articles without any event: {len(no_event)} {no_event}")
for name, f in [("primary event", lambda a, b: a in primary and primary.get(a) == primary.get(b)),
                ("any shared event", lambda a, b: (a, b) in shared or (b, a) in shared)]:
    tp, fp, fn, p, r = prf(f)
    print(f"pairwise ({name:16}): precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")
# Which gold events were split or merged (primary assignment).
by_gold = {}
for a, c in gold.items():
    by_gold.setdefault(c, set()).add(primary.get(a, "-"))
split = {c: sorted(v) for c, v in by_gold.items() if len(v) > 1}
by_pred = {}
for a, p in primary.items():
    by_pred.setdefault(p, set()).add(gold[a])
merged = {p: sorted(v) for p, v in by_pred.items() if len(v) > 1}
print("split gold events:", json.dumps(split) if split else "none")
print("merged gold events:", json.dumps(merged) if merged else "none")
