#!/usr/bin/env bash
# Load test of `sitrep serve` (numbers go to bench/RESULTS.md, "serve" section).
#   usage: bench/serve/run.sh [EVENTS] [DURATION]     (defaults: 110000 reports, 30s)
# 1. Builds release `sitrep` and the store engineer's generator (store_bench: invented
#    places, actors and figures, ingested through the real fusion path; no news text).
# 2. Generates a SQLite store with >= 100,000 fused events (kept in bench/out/, reused).
# 3. Starts `sitrep serve` on a free loopback port and runs wrk from a second process:
#    filtered /api/events pages (country + one-month window, half also by type; a
#    different filter on every request; see filtered.lua), then the unfiltered first page,
#    an event by id and /api/stats. Loopback only; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."
events="${1:-110000}"
duration="${2:-30s}"
conns="${CONNS:-32}"
threads="${THREADS:-2}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
# (`--example` narrows a build to examples, so the binary is built separately)
cargo build --release -p sitrep
cargo build --release -p sitrep-store --example store_bench
bin="$CARGO_TARGET_DIR/release/sitrep"
mkdir -p bench/out
db="bench/out/serve-bench.db"
"$CARGO_TARGET_DIR/release/examples/store_bench" --db "$db" --events "$events" | grep -E '^(ingest|store):' || true
"$bin" events --db "$db" --limit 1 >/dev/null

log=$(mktemp)
"$bin" serve --db "$db" --addr 127.0.0.1:0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q http:// "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
[ -n "$url" ] || { echo "server did not start:"; cat "$log"; exit 1; }
echo "== $(nproc) cores; server $url (pid $pid); wrk -t$threads -c$conns -d$duration"
curl -fsS "$url/api/meta"; echo
id=$(curl -fsS "$url/api/events?limit=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["events"][0]["id"])')

# warm the page cache
wrk -t1 -c4 -d3s -s bench/serve/filtered.lua "$url" >/dev/null

echo "== filtered /api/events pages (limit ${LIMIT:-50})"
wrk -t"$threads" -c"$conns" -d"$duration" --latency -s bench/serve/filtered.lua "$url"
echo "== unfiltered first page /api/events?limit=50"
wrk -t"$threads" -c"$conns" -d10s --latency "$url/api/events?limit=50"
echo "== one event /api/events/$id"
wrk -t"$threads" -c"$conns" -d10s --latency "$url/api/events/$id"
echo "== /api/stats?group=week&country=PK"
wrk -t"$threads" -c"$conns" -d10s --latency "$url/api/stats?group=week&country=PK"
