#!/usr/bin/env bash
# HTML main-text extraction: quality (F1 with the benchmark's own metric) and speed of sitrep's
# extractor side by side with trafilatura (Python), on the 181 pages of ../shared/data/bench/html.
# usage: bench/html/run.sh [ROUNDS]     (from the repo root; needs ../shared, python3, and
#        trafilatura in $TRAFILATURA_PY's environment, e.g. a venv with `pip install trafilatura lxml_html_clean`)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
BENCH=../shared/data/bench/html
PY=${TRAFILATURA_PY:-python3}
if [ ! -d "$BENCH/html" ]; then echo "bench/html/run.sh: SKIP: $BENCH not found" >&2; exit 0; fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release -q -p sitrep-ingest --example html_bench
BIN=$CARGO_TARGET_DIR/release/examples/html_bench
OUT=$(mktemp -d)
for r in $(seq "$ROUNDS"); do
  "$BIN" "$BENCH/html" "$OUT/sitrep.json" 10 2>&1 | grep pages/s
  if "$PY" -c 'import trafilatura' 2>/dev/null; then
    "$PY" bench/html/trafilatura_bench.py "$BENCH/html" "$OUT/trafilatura.json" 1 2>&1 | grep pages/s
  fi
done
echo "F1 precision recall (sitrep):      $(python3 ../shared/tools/html_f1.py "$OUT/sitrep.json")"
[ -f "$OUT/trafilatura.json" ] && echo "F1 precision recall (trafilatura): $(python3 ../shared/tools/html_f1.py "$OUT/trafilatura.json")"
