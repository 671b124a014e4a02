#!/usr/bin/env bash
# The whole test suite, with what it needs set up on a fresh machine.
#   usage: scripts/test.sh
# As root with apt-get available it installs and starts what the tests use:
# Chromium (dashboard tests), PostgreSQL (second backend), pyarrow (export
# validation), the browser-test node modules. Tests whose service is missing
# skip with a loud message, unless SITREP_REQUIRE_SERVICES=1 (as in CI), where
# they fail instead.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

log() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing test services (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql >/dev/null
fi
if command -v python3 >/dev/null && ! python3 -c 'import pyarrow' 2>/dev/null; then
  log "installing pyarrow (export validation)"
  python3 -m pip install -q pyarrow || echo "WARNING: pyarrow could not be installed"
fi
if [ -f tests/browser/package.json ] && command -v npm >/dev/null; then
  log "installing browser-test node modules"
  (cd tests/browser && npm ci --no-audit --no-fund --silent) || echo "WARNING: npm ci failed"
fi
if [ -x .ci/postgres.sh ] || [ -f .ci/postgres.sh ]; then
  log "starting PostgreSQL"
  # shellcheck disable=SC1091
  . .ci/postgres.sh || echo "WARNING: PostgreSQL could not be started"
fi

log "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

log "cargo test"
cargo test --workspace --locked --no-fail-fast 2>&1 | tee /tmp/sitrep-cargo-test.log
status=${PIPESTATUS[0]}

log "seed check"
seed_status=0
if [ -f ../shared/seed/check_seed.py ]; then
  python3 ../shared/seed/check_seed.py "$root/target/debug/sitrep" || seed_status=$?
else
  echo "SKIPPED: ../shared/seed is absent; seed check not run"
  [ "${SITREP_REQUIRE_SERVICES:-0}" = 1 ] && seed_status=1
fi

passed=$(grep -Eo '[0-9]+ passed' /tmp/sitrep-cargo-test.log | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' /tmp/sitrep-cargo-test.log | awk '{s+=$1} END {print s+0}')
[ "$seed_status" = 0 ] && passed=$((passed + 1)) || failed=$((failed + 1))
echo
echo "total: $passed passed, $failed failed"
[ "$status" = 0 ] && [ "$seed_status" = 0 ]
