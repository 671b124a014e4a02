#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the sitrep tests and benchmarks.
#
#   . .ci/postgres.sh        (sourced: exports SITREP_TEST_PG into the calling shell)
#   bash .ci/postgres.sh     (executed: prints the `export SITREP_TEST_PG=…` line)
#
# Installs PostgreSQL from Debian's packages when it is missing (root + apt-get),
# runs the server as an unprivileged user (`postgres`, created by the package) on
# loopback only, in a data directory under /tmp, on port $SITREP_PG_PORT (55432),
# and creates the role `sitrep` (password auth, CREATEDB so that the tests can
# make one database per test) and the database `sitrep`.
# Re-running it while the server is up reuses the server.
#
# Knobs: SITREP_PG_PORT (55432), SITREP_PG_DIR (/tmp/sitrep-pg-$PORT).
# Stop it with:  runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D /tmp/sitrep-pg-55432/data stop
# (written to be sourced under `set -euo pipefail`: it never calls `exit`.)

sitrep_pg_start() {
  local port="${SITREP_PG_PORT:-55432}"
  local dir="${SITREP_PG_DIR:-/tmp/sitrep-pg-$port}"
  local bin user
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "postgres.sh: installing postgresql from Debian" >&2
      apt-get update -qq || return 1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
      bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    fi
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    return 1
  fi
  # The server refuses to run as root: use the package's unprivileged `postgres` user.
  if [ "$(id -u)" = 0 ]; then
    user=postgres
    id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user" || return 1
    _sitrep_pg_run() { runuser -u "$user" -- "$@"; }
  else
    user=$(id -un)
    _sitrep_pg_run() { "$@"; }
  fi
  mkdir -p "$dir" && chown "$user" "$dir" 2>/dev/null
  chmod 700 "$dir"
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      local pwfile="$dir/superpw"
      echo "sitrep-super" >"$pwfile" && chown "$user" "$pwfile" 2>/dev/null
      _sitrep_pg_run "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; return 1; }
      cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 128MB
# statement counts for bench/pg (harmless when unused)
shared_preload_libraries = 'pg_stat_statements'
EOF
    fi
    _sitrep_pg_run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
      { tail -20 "$dir/server.log" >&2; return 1; }
  fi
  # Role and database (idempotent), over the unix socket as the superuser.
  local psql=("$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
  if [ "$(_sitrep_pg_run "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'sitrep'")" != 1 ]; then
    _sitrep_pg_run "${psql[@]}" -c "CREATE ROLE sitrep LOGIN PASSWORD 'sitrep' CREATEDB CREATEROLE" || return 1
  fi
  if [ "$(_sitrep_pg_run "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'sitrep'")" != 1 ]; then
    _sitrep_pg_run "${psql[@]}" -c "CREATE DATABASE sitrep OWNER sitrep" || return 1
  fi
  export SITREP_TEST_PG="postgres://sitrep:sitrep@127.0.0.1:$port/sitrep?sslmode=disable"
  export SITREP_PG_ADMIN="postgres://postgres:sitrep-super@127.0.0.1:$port/postgres?sslmode=disable"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') up on 127.0.0.1:$port (data $dir/data)" >&2
  echo "export SITREP_TEST_PG='$SITREP_TEST_PG'"
}

if sitrep_pg_start; then
  :
else
  echo "postgres.sh: PostgreSQL could not be started; PostgreSQL tests will skip (or fail under SITREP_REQUIRE_SERVICES=1)" >&2
  false
fi
