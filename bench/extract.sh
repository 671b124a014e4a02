#!/usr/bin/env bash
# `sitrep extract` end to end (read → code events → JSONL on /dev/null) over the
# news in ../shared/data/bench/ (BBC plain text, Reuters-21578 as JSONL) and the
# conflict-dense MUC-3/4 messages. Reports MB of input per CPU-second (user+sys)
# and peak memory (max RSS). Uses all cores (the binary spreads batches over them).
# usage: bash bench/extract.sh   (from the repository root; skips when ../shared is absent)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=../shared/data/bench
MUC=../shared/data/dev/muc34
if [ ! -d "$BENCH/bbc" ] || [ ! -d "$BENCH/reuters21578" ]; then
  echo "bench/extract.sh: SKIP: $BENCH (bbc, reuters21578) is absent"; exit 0
fi
TMP=${TMPDIR:-/tmp}/sitrep-extract-bench
mkdir -p "$TMP"
[ -s "$TMP/reuters.jsonl" ] || python3 bench/reuters_to_jsonl.py "$BENCH/reuters21578" "$TMP/reuters.jsonl"
if [ ! -s "$TMP/bbc_all.txt" ]; then
  find "$BENCH/bbc" -name '*.txt' | sort | while read -r f; do cat "$f"; printf '\n\n\n'; done > "$TMP/bbc_all.txt"
fi
if [ -d "$MUC" ] && [ ! -s "$TMP/muc.jsonl" ]; then
  # one JSONL article per MUC message (the text after the header line)
  python3 - "$MUC" "$TMP/muc.jsonl" <<'PY'
import json, os, re, sys
root, out = sys.argv[1], sys.argv[2]
with open(out, "w") as f:
    for sub in ("dev", "tst1", "tst2"):
        d = os.path.join(root, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if "key" in name.lower():
                continue
            raw = open(os.path.join(d, name), encoding="latin-1").read()
            for m in re.split(r"\n(?=(?:DEV|TST\d)-MUC\d-\d{4})", raw):
                m = m.strip()
                if not m:
                    continue
                head, _, body = m.partition("\n")
                f.write(json.dumps({"id": head.split()[0], "text": body}) + "\n")
PY
fi
cargo build --release -q -p sitrep
BIN=${CARGO_TARGET_DIR:-target}/release/sitrep
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  local label=$1; shift
  local bytes
  bytes=$(du -cb "$@" | tail -1 | cut -f1)
  local rc=0
  /usr/bin/time -f "%U %S %e %M" -o "$TMP/time" "$BIN" extract --quiet --published 2020-01-01 "$@" > "$TMP/out.jsonl" 2>/dev/null || rc=$?
  [ "$rc" = 0 ] || echo "($label: sitrep extract exited with status $rc)"
  # /usr/bin/time prefixes "Command exited with non-zero status N": the figures are the last line
  read -r user sys wall rss < <(tail -n 1 "$TMP/time")
  python3 - "$label" "$bytes" "$user" "$sys" "$wall" "$rss" "$(wc -l < "$TMP/out.jsonl")" <<'PY'
import sys
label, b, u, s, w, rss, n = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
cpu = max(u + s, 1e-3)
print(f"{label:40s} {b/1e6:7.1f} MB  cpu {cpu:6.2f} s  wall {w:6.2f} s  {b/1e6/cpu:6.1f} MB/cpu-s  peak {rss/1024:6.0f} MB  events {n}")
PY
}
# the folder also holds PROVENANCE.md (not an article): name the .txt files
mapfile -t BBC_FILES < <(find "$BENCH/bbc" -name '*.txt' | sort)
run "BBC (${#BBC_FILES[@]} .txt files)" "${BBC_FILES[@]}"
run "BBC concatenated (one .txt)" "$TMP/bbc_all.txt"
run "Reuters-21578 (JSONL)" "$TMP/reuters.jsonl"
[ -s "$TMP/muc.jsonl" ] && run "MUC-3/4 dev+tst1+tst2 (JSONL)" "$TMP/muc.jsonl"
exit 0
