#!/usr/bin/env bash
# Store benchmarks (numbers go to bench/RESULTS.md, "store" section).
#   usage: bench/store/run.sh [EVENTS]        (default 1000000)
# 1. Ingest throughput on ONE core, extraction included: `sitrep ingest` over the BBC
#    corpus (../shared/data/bench/bbc, 2,225 articles) into a fresh SQLite store, pinned
#    with taskset to CPU 0; then a second run over the same input (idempotent: all unchanged).
# 2. Query latency over EVENTS generated events (store_bench: invented reports ingested
#    through the real fusion path; then warm first pages, cursor pages, stats).
# 3. Fusion figures on the project's fusion test set (bench/store/fusion_eval.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
events="${1:-1000000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release -p sitrep -p sitrep-store --example store_bench
bin="$CARGO_TARGET_DIR/release/sitrep"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

corpus=../shared/data/bench/bbc/bbc
if [ -d "$corpus" ]; then
  echo "== ingest, one core (taskset -c 0), BBC corpus"
  /usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" taskset -c 0 "$bin" ingest --db "$tmp/bbc.db" "$corpus"
  echo "== the same again (idempotent)"
  /usr/bin/time -f "%e s wall" taskset -c 0 "$bin" ingest --db "$tmp/bbc.db" "$corpus"
else
  echo "SKIPPED: $corpus is absent (ingest throughput not measured)"
fi

echo "== fusion test set"
python3 bench/store/fusion_eval.py "$bin"

echo "== queries over $events generated events"
"$CARGO_TARGET_DIR/release/examples/store_bench" --db "$tmp/gen.db" --events "$events"
