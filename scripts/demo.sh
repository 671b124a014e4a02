#!/usr/bin/env bash
# The main job on the embedded default: build sitrep, ingest the sample articles in
# examples/ into ./sitrep.db (SQLite), and serve the API and dashboard.
#   usage: scripts/demo.sh [ADDR]      (default 127.0.0.1:8080)
set -euo pipefail
cd "$(dirname "$0")/.."
addr="${1:-127.0.0.1:8080}"
cargo build --release --locked -p sitrep
bin=target/release/sitrep
db="${SITREP_DB:-sitrep.db}"
# Re-ingesting is idempotent: a second run adds nothing.
"$bin" ingest --db "$db" examples/
"$bin" events --db "$db" --format jsonl | wc -l | xargs echo "events in $db:"
exec "$bin" serve --db "$db" --addr "$addr"
