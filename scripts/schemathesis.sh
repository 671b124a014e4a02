#!/usr/bin/env bash
# Schemathesis (property-based API testing from the OpenAPI description) against
# a real `sitrep serve` over a store ingested from examples/.
#
#   scripts/schemathesis.sh [MAX_EXAMPLES]     (default 25 per operation; ~2-4 min)
#
# Knobs: SITREP_BIN (default $CARGO_TARGET_DIR/debug/sitrep, built when missing),
# SCHEMATHESIS_VENV (default target/schemathesis-venv; schemathesis is installed
# there from PyPI when missing), SCHEMATHESIS_SEED (default 1: reproducible).
# Checks: all of schemathesis' checks, with the write token sent (so POST
# /api/articles is exercised through the real reader and extractor, into a
# throw-away store). Fails when a check fails or when the server has died.
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-25}
venv=${SCHEMATHESIS_VENV:-target/schemathesis-venv}
tdir=${CARGO_TARGET_DIR:-target}
bin=${SITREP_BIN:-$tdir/debug/sitrep}
[ -x "$bin" ] || cargo build -p sitrep
if [ ! -x "$venv/bin/schemathesis" ]; then
  echo "schemathesis.sh: installing schemathesis into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'schemathesis==4.32.5'
fi
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$bin" ingest --quiet --db "$work/s.db" examples/ || [ $? = 1 ]
token=schemathesis-$$
"$bin" serve --db "$work/s.db" --addr 127.0.0.1:0 --token "$token" >"$work/out" 2>"$work/err" &
pid=$!
url=
for _ in $(seq 1 300); do
  url=$(grep -Eo 'http://[0-9.:]+' "$work/out" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { echo "sitrep serve did not start:"; cat "$work/err"; exit 2; }
echo "== schemathesis against $url (max $max examples per operation)"
start=$(date +%s)
set +e
"$venv/bin/schemathesis" --config-file scripts/schemathesis.toml run "$url/openapi.json" \
  --checks all --max-examples "$max" --seed "${SCHEMATHESIS_SEED:-1}" \
  --workers 2 --request-timeout 60 --no-color \
  -H "Authorization: Bearer $token" \
  --report junit --report-dir "$work/report"
rc=$?
set -e
echo "== schemathesis took $(( $(date +%s) - start )) s, exit $rc"
if ! kill -0 "$pid" 2>/dev/null; then
  echo "FAIL: sitrep serve died during the run:"; tail -20 "$work/err"; exit 1
fi
grep -q '"counts"' <(curl -s "$url/api/meta" 2>/dev/null || python3 -c "import urllib.request;print(urllib.request.urlopen('$url/api/meta').read().decode())") ||
  { echo "FAIL: the server no longer answers /api/meta"; exit 1; }
exit $rc
