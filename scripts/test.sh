#!/usr/bin/env bash
# The whole test suite, with what it needs set up on a fresh machine.
#   usage: scripts/test.sh
# As root with apt-get available it installs and starts what the tests use:
# Chromium (dashboard tests), PostgreSQL (second backend), pyarrow (export
# validation), the browser-test node modules. Tests whose service is missing
# skip with a loud message, unless SITREP_REQUIRE_SERVICES=1 (as in CI), where
# they fail instead.
#
# Steps, each timed and counted in the closing "total: N passed, N failed"
# line (cargo's tests one by one, every other step as one):
#   fmt, clippy, cargo test (workspace), seed check,
#   supply chain   scripts/deny.sh (cargo-deny offline: licences, bans, sources,
#                  advisories against ../shared/data/advisory-db),
#   fuzz smoke     scripts/fuzz.sh --secs $SITREP_FUZZ_SECS (7 targets, default 15 s each),
#   schemathesis   scripts/schemathesis.sh $SITREP_SCHEMATHESIS_EXAMPLES (default 20)
#                  against a real `sitrep serve`.
# Tools are installed when missing (cargo-deny and cargo-fuzz with
# `cargo install --locked`, schemathesis from PyPI into a venv); libFuzzer
# needs nightly or RUSTC_BOOTSTRAP=1 (fuzz.sh sets it on stable). A step whose
# tool cannot be installed is SKIPPED with a loud message, and counted as
# failed under SITREP_REQUIRE_SERVICES=1. SITREP_SKIP_STEPS="fuzz schemathesis"
# leaves steps out on purpose (never under SITREP_REQUIRE_SERVICES=1).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
tdir=${CARGO_TARGET_DIR:-target}
case "$tdir" in /*) ;; *) tdir=$root/$tdir ;; esac
require=${SITREP_REQUIRE_SERVICES:-0}
t_start=$(date +%s)

log() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing test services (apt-get)"
  apt-get update -qq
  # python3-venv: schemathesis' venv (Debian's python3); a C++ compiler: libFuzzer.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql python3-venv g++ >/dev/null
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

# ---------------------------------------------------------------- steps
steps_passed=0
steps_failed=0
report=()
record() { # name, status (ok|FAILED|SKIPPED), seconds
  report+=("$(printf '%-14s %-8s %5s s' "$1" "$2" "$3")")
  case "$2" in
    ok) steps_passed=$((steps_passed + 1)) ;;
    FAILED) steps_failed=$((steps_failed + 1)) ;;
    SKIPPED)
      echo "!!!!!!!! SKIPPED: $1 !!!!!!!!"
      if [ "$require" = 1 ]; then
        echo "!!!!!!!! ... and SITREP_REQUIRE_SERVICES=1: counted as failed !!!!!!!!"
        steps_failed=$((steps_failed + 1))
      fi ;;
  esac
}
skipped_on_purpose() {
  [ "$require" != 1 ] && [[ " ${SITREP_SKIP_STEPS:-} " == *" $1 "* ]]
}
# step NAME COMMAND...: runs it, timed. Exit 3 from our scripts means "the tool
# could not be installed or run" (SKIPPED); any other non-zero is a failure.
step() {
  local name=$1; shift
  if skipped_on_purpose "$name"; then
    log "$name: left out (SITREP_SKIP_STEPS)"
    report+=("$(printf '%-14s %-8s' "$name" "left out")")
    return 0
  fi
  log "$name"
  local t0 rc=0
  t0=$(date +%s)
  "$@" || rc=$?
  local dt=$(( $(date +%s) - t0 ))
  if [ "$rc" = 0 ]; then record "$name" ok "$dt"
  elif [ "$rc" = 3 ]; then record "$name" SKIPPED "$dt"
  else echo "FAILED: $name (exit $rc)"; record "$name" FAILED "$dt"
  fi
}

step fmt cargo fmt --all -- --check
step clippy cargo clippy --workspace --all-targets --locked -- -D warnings

log "cargo test"
t0=$(date +%s)
# A log of this run's own (two runs on one machine must not count each other's tests).
test_log=$(mktemp /tmp/sitrep-cargo-test.XXXXXX)
set +e
cargo test --workspace --locked --no-fail-fast 2>&1 | tee "$test_log"
test_status=${PIPESTATUS[0]}
set -e
report+=("$(printf '%-14s %-8s %5s s' "cargo test" "exit $test_status" "$(( $(date +%s) - t0 ))")")

seed_check() {
  if [ -f ../shared/seed/check_seed.py ]; then
    python3 ../shared/seed/check_seed.py "$tdir/debug/sitrep"
  else
    echo "../shared/seed is absent; seed check not run"
    return 3
  fi
}
step seed seed_check

step deny bash scripts/deny.sh
step fuzz bash scripts/fuzz.sh --secs "${SITREP_FUZZ_SECS:-15}"

schemathesis_step() {
  local venv=${SCHEMATHESIS_VENV:-$tdir/schemathesis-venv}
  if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "installing schemathesis into $venv"
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q 'schemathesis==4.32.5'; } || {
      echo "schemathesis could not be installed (python3 -m venv / pip)"
      return 3
    }
  fi
  SCHEMATHESIS_VENV=$venv SITREP_BIN="$tdir/debug/sitrep" \
    bash scripts/schemathesis.sh "${SITREP_SCHEMATHESIS_EXAMPLES:-20}"
}
step schemathesis schemathesis_step

passed=$(grep -Eo '[0-9]+ passed' "$test_log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' "$test_log" | awk '{s+=$1} END {print s+0}')
# A cargo test run that stopped before its summary lines (a build error) fails.
if [ "$test_status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
passed=$((passed + steps_passed))
failed=$((failed + steps_failed))
echo
echo "== steps (wall time; whole run $(( $(date +%s) - t_start )) s)"
printf '   %s\n' "${report[@]}"
echo
echo "total: $passed passed, $failed failed"
[ "$test_status" = 0 ] && [ "$steps_failed" = 0 ]
