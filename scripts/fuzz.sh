#!/usr/bin/env bash
# Fuzz sitrep's parsers and extractor with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh                 smoke run for CI: 20 s per target (7 targets, ~3 min + build)
#   scripts/fuzz.sh --long [SECS]   long run: SECS per target (default 600)
#   scripts/fuzz.sh --secs N        any other per-target time
#
# Targets (fuzz/fuzz_targets/): plaintext, html, feed, warc (gzip framing
# included), jsonl, numbers_dates, extract (read any format + code events).
# Corpora: fuzz/corpus/<target> (not committed), seeded from fuzz/seeds/<target>,
# the repo's test fixtures and fuzz/regressions/<target> (every crash found and
# fixed is kept there and replayed on each run). A crash leaves its input in
# fuzz/artifacts/<target>/ and makes the script fail.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`, installed here when
# missing) and a nightly toolchain, or RUSTC_BOOTSTRAP=1 on stable. Builds with
# debug assertions (overflow checks) and without ASan: the workspace forbids
# unsafe code, so ASan would double the cost for little; panics, overflows,
# timeouts (-timeout) and memory blow-ups (-rss_limit_mb) are what is hunted.
# Build dir: $CARGO_TARGET_DIR/fuzz or fuzz/target. Summary: fuzz/last-run.txt.
# Exit: 0 no crash, 1 a target crashed (or the build failed), 3 could not run
# (cargo-fuzz could not be installed).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=20
case "${1:-}" in
  --long) secs=${2:-600} ;;
  --secs) secs=${2:?--secs needs a number} ;;
  "") ;;
  *) echo "usage: scripts/fuzz.sh [--long [SECS] | --secs N]" >&2; exit 2 ;;
esac
targets=(plaintext html feed warc jsonl numbers_dates extract)
# FUZZ_TARGETS="feed extract" runs only those.
[ -n "${FUZZ_TARGETS:-}" ] && read -r -a targets <<<"$FUZZ_TARGETS"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz from crates.io" >&2
  cargo install cargo-fuzz --locked || { echo "fuzz.sh: cargo-fuzz could not be installed" >&2; exit 3; }
fi
tc=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  tc=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi
fuzz=(cargo "${tc[@]}" fuzz)
build_flags=(--sanitizer none --debug-assertions)
[ -n "${CARGO_TARGET_DIR:-}" ] && build_flags+=(--target-dir "$CARGO_TARGET_DIR/fuzz")

# Seed the corpora (fixtures only, never news text).
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/regressions/$t" "fuzz/artifacts/$t"
  cp -n fuzz/seeds/"$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
done
for f in crates/sitrep/tests/fixtures/ingest/*; do
  case "$f" in
    *.jsonl) cp -n "$f" fuzz/corpus/jsonl/ ;;
    *.xml|*.rss) cp -n "$f" fuzz/corpus/feed/ ;;
    *.html) cp -n "$f" fuzz/corpus/html/ ;;
    *.txt) cp -n "$f" fuzz/corpus/plaintext/; cp -n "$f" fuzz/corpus/extract/ ;;
  esac
done
cp -n fuzz/seeds/*/* fuzz/corpus/extract/ 2>/dev/null || true

start=$(date +%s)
echo "== building fuzz targets ($(date -u +%H:%M:%S))"
"${fuzz[@]}" build "${build_flags[@]}"
echo "   build took $(( $(date +%s) - start )) s"

summary=fuzz/last-run.txt
: > "$summary"
status=0
for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${secs}s ($(date -u +%H:%M:%S))"
  mkdir -p fuzz/logs
  log="fuzz/logs/$t.txt"
  if "${fuzz[@]}" run "${build_flags[@]}" "$t" "fuzz/corpus/$t" "fuzz/regressions/$t" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result=CRASH; status=1
    grep -m1 -A3 panicked "$log" || tail -20 "$log"
  fi
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | tail -1 | grep -Eo '[0-9]+' || echo "?")
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo "?")
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  printf '%-14s %-6s runs=%s secs=%s cov=%s corpus=%s\n' "$t" "$result" "$runs" "$secs" "$cov" "$corpus" | tee -a "$summary"
done
echo "== fuzz total $(( $(date +%s) - start )) s; summary in $summary"
exit $status
