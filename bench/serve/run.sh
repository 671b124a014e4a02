#!/usr/bin/env bash
# Load test of `sitrep serve` (numbers go to bench/RESULTS.md, "serve" section).
#   usage: bench/serve/run.sh [EVENTS] [DURATION]     (defaults: 110000 reports, 30s)
#   knobs: SITREP_BIN (a release `sitrep` to use instead of building one), CONNS (32),
#          THREADS (2), LIMIT (page size, 50), EXTRA (appended to every filtered path,
#          e.g. "&evidence=true"), CARGO_TARGET_DIR.
# 1. Builds release `sitrep` and the store engineer's generator (store_bench: invented
#    places, actors and figures, ingested through the real fusion path; no news text).
# 2. Generates a SQLite store with >= 100,000 fused events (kept in bench/out/, reused).
# 3. Starts `sitrep serve` on a free loopback port and runs wrk from a second process:
#    filtered /api/events pages (country + one-month window, half also by type; a
#    different filter on every request; see filtered.lua), then the unfiltered first page,
#    an event by id and /api/stats. Loopback only; every run is bounded in time.
# Besides wrk's figures it prints the load average, the commit, and the CPU time the
# server and wrk used per request (load-independent: compare these across machines).
set -euo pipefail
cd "$(dirname "$0")/../.."
events="${1:-110000}"
duration="${2:-30s}"
conns="${CONNS:-32}"
threads="${THREADS:-2}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mkdir -p bench/out
db="bench/out/serve-bench.db"
if [ -n "${SITREP_BIN:-}" ]; then
  bin="$SITREP_BIN"
else
  # (`--example` narrows a build to examples, so the binary is built separately)
  cargo build --release -p sitrep
  bin="$CARGO_TARGET_DIR/release/sitrep"
fi
if [ ! -s "$db" ]; then
  cargo build --release -p sitrep-store --example store_bench
  "$CARGO_TARGET_DIR/release/examples/store_bench" --db "$db" --events "$events" | grep -E '^(ingest|store):' || true
fi
"$bin" events --db "$db" --limit 1 >/dev/null

log=$(mktemp)
"$bin" serve --db "$db" --addr 127.0.0.1:0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q http:// "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
[ -n "$url" ] || { echo "server did not start:"; cat "$log"; exit 1; }
echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)$(git diff --quiet 2>/dev/null || echo '+dirty'); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== server $url (pid $pid); wrk -t$threads -c$conns -d$duration"
curl -fsS "$url/api/meta"; echo
id=$(curl -fsS "$url/api/events?limit=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["events"][0]["id"])')
echo "== page size: $(curl -fsS "$url/api/events?limit=${LIMIT:-50}&country=PK&from=2020-03-01&to=2020-03-28" | wc -c) bytes (limit ${LIMIT:-50}, country PK, one month)"

# CPU ticks (user+system) of the server so far
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)

# warm the page cache
wrk -t1 -c4 -d3s -s bench/serve/filtered.lua "$url" >/dev/null

run() {  # run NAME WRK-ARGS...: wrk with latency, then CPU per request of server and wrk
  local name=$1; shift
  echo "== $name"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local t0 out wrk_cpu
  t0=$(ticks)
  out=$( { /usr/bin/time -f 'wrk-cpu %U %S' wrk "$@" ; } 2>&1 )
  local t1; t1=$(ticks)
  echo "$out" | grep -v '^wrk-cpu'
  local reqs; reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  wrk_cpu=$(echo "$out" | awk '/^wrk-cpu/ {print $2 + $3}')
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 - "$reqs" "$t0" "$t1" "$hz" "$wrk_cpu" <<'PY'
import sys
reqs, t0, t1, hz, wrk = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
srv = (t1 - t0) / hz
print(f"cpu: server {srv:.2f} s = {1000 * srv / reqs:.3f} ms/request; wrk {wrk:.2f} s = {1000 * wrk / reqs:.3f} ms/request;"
      f" => 2 cores fully busy would serve ~{2000 / (1000 * (srv + wrk) / reqs):.0f} req/s with wrk beside it")
PY
}

run "filtered /api/events pages (limit ${LIMIT:-50}${EXTRA:+, $EXTRA})" -t"$threads" -c"$conns" -d"$duration" --latency -s bench/serve/filtered.lua "$url"
run "unfiltered first page /api/events?limit=50" -t"$threads" -c"$conns" -d10s --latency "$url/api/events?limit=50"
run "one event /api/events/$id" -t"$threads" -c"$conns" -d10s --latency "$url/api/events/$id"
run "/api/stats?group=week&country=PK" -t"$threads" -c"$conns" -d10s --latency "$url/api/stats?group=week&country=PK"
