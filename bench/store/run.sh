#!/usr/bin/env bash
# Store benchmarks (numbers go to bench/RESULTS.md, "store" section). One command:
#   bench/store/run.sh [EVENTS]        (default 1000000)
# Environment: CARGO_TARGET_DIR (default target), STORE_BENCH_DB (default
# /tmp/sitrep-store-bench.db: the generated store is KEPT, so a rerun only adds what is
# missing up to EVENTS and then times the queries; delete it for a fresh generation).
#
# 1. Ingest throughput on ONE core, extraction included: `sitrep ingest` (release) over the
#    BBC corpus (../shared/data/bench/bbc, 2,225 articles) and the Reuters-21578 stories
#    (converted to JSONL under /tmp by bench/reuters_to_jsonl.py) into fresh SQLite stores,
#    pinned with taskset to CPU 0; figures in CPU-seconds (user + sys), which do not depend
#    on the machine's load; then a second run over the same input (idempotent).
# 2. Fusion figures on the project's fusion test set (bench/store/fusion_eval.py).
# 3. Query latency over EVENTS generated events (store_bench: invented reports ingested
#    through the real fusion path; then warm first pages, cursor pages, stats).
set -euo pipefail
cd "$(dirname "$0")/../.."
events="${1:-1000000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
gen_db="${STORE_BENCH_DB:-/tmp/sitrep-store-bench.db}"
cargo build --release -p sitrep
cargo build --release -p sitrep-store --example store_bench
bin="$CARGO_TARGET_DIR/release/sitrep"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs `sitrep ingest` on CPU 0 and prints articles (as sitrep counted them) per CPU-second.
one_core_ingest() {
  local name="$1" db="$2" input="$3" n
  /usr/bin/time -f "%U %S %e %M" -o "$tmp/time" taskset -c 0 "$bin" ingest --db "$db" "$input" 2> "$tmp/log" || true
  grep -v '^sitrep: ingest: ' "$tmp/log" | tail -n 3
  n=$(sed -n 's/^sitrep: ingested \([0-9]*\) articles.*/\1/p' "$tmp/log" | tail -n 1)
  read -r user sys wall rss < "$tmp/time"
  python3 - "$name" "${n:-0}" "$user" "$sys" "$wall" "$rss" <<'EOF'
import sys
name, n, user, sys_, wall, rss = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:7])
cpu = user + sys_
print(f"{name}: {n} articles, {cpu:.2f} CPU-s (user {user:.2f}, sys {sys_:.2f}), wall {wall:.1f} s, "
      f"max RSS {rss/1024:.0f} MB -> {n/cpu:.0f} articles per CPU-second")
EOF
}

bbc=../shared/data/bench/bbc/bbc
if [ -d "$bbc" ]; then
  echo "== ingest, one core (taskset -c 0), BBC corpus"
  one_core_ingest "BBC ingest" "$tmp/bbc.db" "$bbc"
  one_core_ingest "BBC again (idempotent, all unchanged)" "$tmp/bbc.db" "$bbc"
  "$bin" events --db "$tmp/bbc.db" --format jsonl | wc -l | sed 's/^/BBC fused events: /'
else
  echo "SKIPPED: $bbc is absent (BBC ingest throughput not measured)"
fi
reuters=../shared/data/bench/reuters21578
if [ -d "$reuters" ]; then
  python3 bench/reuters_to_jsonl.py "$reuters" "$tmp/reuters.jsonl"
  echo "== ingest, one core (taskset -c 0), Reuters-21578"
  one_core_ingest "Reuters ingest" "$tmp/reuters.db" "$tmp/reuters.jsonl"
else
  echo "SKIPPED: $reuters is absent (Reuters ingest throughput not measured)"
fi

echo "== fusion test set"
python3 bench/store/fusion_eval.py "$bin"

echo "== queries over $events generated events ($gen_db)"
"$CARGO_TARGET_DIR/release/examples/store_bench" --db "$gen_db" --events "$events"
