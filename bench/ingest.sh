#!/usr/bin/env bash
# Ingest throughput: reading + normalising (+ sentence split), single thread, over
# ../shared/data/bench/ (BBC plain text; Reuters-21578 converted to JSONL in /tmp).
# usage: bash bench/ingest.sh   (from the repository root; skips when ../shared is absent)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=../shared/data/bench
if [ ! -d "$BENCH/bbc" ] || [ ! -d "$BENCH/reuters21578" ]; then
  echo "bench/ingest.sh: SKIP: $BENCH (bbc, reuters21578) is absent"; exit 0
fi
TMP=${TMPDIR:-/tmp}/sitrep-ingest-bench
mkdir -p "$TMP"
[ -s "$TMP/reuters.jsonl" ] || python3 bench/reuters_to_jsonl.py "$BENCH/reuters21578" "$TMP/reuters.jsonl"
# One big multi-article text file too (the BBC articles concatenated, 2 blank lines apart).
if [ ! -s "$TMP/bbc_all.txt" ]; then
  find "$BENCH/bbc" -name '*.txt' | sort | while read -r f; do cat "$f"; printf '\n\n\n'; done > "$TMP/bbc_all.txt"
fi
cargo build --release -q -p sitrep-ingest --example read_bench
RB=${CARGO_TARGET_DIR:-target}/release/examples/read_bench
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
echo "== BBC, 2,225 small .txt files (per-file open/stat included)"; "$RB" "$BENCH/bbc" --repeat 20
echo "== same, with sentence splitting"; "$RB" "$BENCH/bbc" --repeat 10 --sentences
echo "== BBC concatenated into one multi-article .txt"; "$RB" "$TMP/bbc_all.txt" --repeat 20
echo "== Reuters-21578 as JSONL"; "$RB" "$TMP/reuters.jsonl" --repeat 20
echo "== same, with sentence splitting"; "$RB" "$TMP/reuters.jsonl" --repeat 10 --sentences
