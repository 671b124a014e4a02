#!/usr/bin/env bash
# Re-runs every PostgreSQL figure of bench/RESULTS.md ("PostgreSQL backend and
# workers") on this machine, release builds, and prints them with the commit,
# the date and the load average before and after each part.
#
#   bench/pg/run_all.sh                 # all parts
#   PARTS="ingest" bench/pg/run_all.sh  # only some: ingest, bulk, queries
#
# Parts:
#   ingest   1 and 2 `sitrep worker` processes over the BBC (300 files) and
#            Reuters (5 JSONL chunks of 200) corpora, bench/pg/ingest_bench.py
#            (articles/s, CPU share PostgreSQL vs workers, rows/bytes/statements
#            per article).
#   bulk     1,000,000 synthetic events COPY-loaded into schema bench_1m (skipped
#            when it already holds them; ~15 min under load, ~4 GB of disk).
#   queries  the API's pages and stats on bench_1m through PgStore, plain text
#            and over TLS (verify-full), plus the cost of opening a store.
#
# Needs: ../shared/data/bench (corpora, read only), root or a user that can run
# .ci/postgres.sh, python3, psql. CARGO_TARGET_DIR defaults to target/.
set -euo pipefail
cd "$(dirname "$0")/../.."
PARTS=${PARTS:-"ingest bulk queries"}
TGT=${CARGO_TARGET_DIR:-$PWD/target}
. .ci/postgres.sh >/dev/null
base=$SITREP_TEST_PG
schema_url() { echo "$base&options=-csearch_path%3D$1"; }
say() { echo "## $* — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"; }

has() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if has ingest; then
  nice -n 10 cargo build --release -p sitrep >&2
  for corpus in "bbc --limit 300" "reuters --limit 5"; do
    say "ingest $corpus"
    # shellcheck disable=SC2086
    python3 bench/pg/ingest_bench.py --bin "$TGT/release/sitrep" --corpus $corpus
  done
fi

if has bulk || has queries; then
  nice -n 10 cargo build --release -p sitrep-store-pg --example pg_bench >&2
  bench="$TGT/release/examples/pg_bench"
fi

if has bulk; then
  n=$(psql "$base" -qAtX -c "SELECT CASE WHEN to_regclass('bench_1m.events') IS NULL THEN 0
                                  ELSE (SELECT count(*) FROM bench_1m.events) END")
  if [ "$n" -lt 1000000 ]; then
    psql "$base" -qAtX -c "DROP SCHEMA IF EXISTS bench_1m CASCADE; CREATE SCHEMA bench_1m"
    say "bulk load 1,000,000 events"
    /usr/bin/time -f 'bulk: %U s user, %S s sys, %e s wall, %M kB max RSS' \
      "$bench" --db "$(schema_url bench_1m)" --bulk 1000000
  fi
fi

if has queries; then
  say "queries on 1,000,000 events, plain text"
  "$bench" --db "$(schema_url bench_1m)" --queries-only
  say "queries on 1,000,000 events, TLS verify-full"
  "$bench" --db "$(schema_url bench_1m)&sslmode=verify-full&sslrootcert=$SITREP_TEST_PG_TLS_DIR/ca.crt" --queries-only
  psql "$base" -qAtX -c "SELECT c.relname, pg_size_pretty(pg_total_relation_size(c.oid))
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'bench_1m' AND c.relname IN ('articles', 'reports', 'events')"
fi
