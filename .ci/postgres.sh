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
# TLS: the server runs with ssl=on, using a throw-away certificate authority
# and server certificate (names localhost and 127.0.0.1) generated here with
# openssl on first start, in $dir/tls (never committed). Also generated: an
# unrelated CA (wrong-ca.crt, for negative tests) and a client certificate for
# the role `sitrep_cert`, which pg_hba.conf lets in over TLS by certificate
# only (`cert` authentication). Exported: SITREP_TEST_PG_TLS_DIR (holds
# ca.crt, wrong-ca.crt, client.crt, client.key). SITREP_TEST_PG itself stays
# sslmode=disable (the plain-text path stays tested too).
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
  _sitrep_pg_tls "$dir" "$user" || return 1
  if [ "$(_sitrep_pg_run "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'sitrep'")" != 1 ]; then
    _sitrep_pg_run "${psql[@]}" -c "CREATE ROLE sitrep LOGIN PASSWORD 'sitrep' CREATEDB CREATEROLE" || return 1
  fi
  if [ "$(_sitrep_pg_run "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'sitrep'")" != 1 ]; then
    _sitrep_pg_run "${psql[@]}" -c "CREATE DATABASE sitrep OWNER sitrep" || return 1
  fi
  if [ "$(_sitrep_pg_run "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'sitrep_cert'")" != 1 ]; then
    _sitrep_pg_run "${psql[@]}" -c "CREATE ROLE sitrep_cert LOGIN" || return 1
  fi
  # TLS settings (ALTER SYSTEM + reload: works on a server that was started without them).
  if [ "$(_sitrep_pg_run "${psql[@]}" -c "SHOW ssl")" != on ] ||
     [ "$(_sitrep_pg_run "${psql[@]}" -c "SHOW ssl_ca_file")" != "$dir/tls/ca.crt" ]; then
    _sitrep_pg_run "${psql[@]}" -c "ALTER SYSTEM SET ssl_cert_file = '$dir/tls/server.crt'" \
      -c "ALTER SYSTEM SET ssl_key_file = '$dir/tls/server.key'" \
      -c "ALTER SYSTEM SET ssl_ca_file = '$dir/tls/ca.crt'" \
      -c "ALTER SYSTEM SET ssl = on" -c "SELECT pg_reload_conf()" >/dev/null || return 1
  fi
  if ! grep -q '^hostssl all sitrep_cert ' "$dir/data/pg_hba.conf"; then
    # First match wins: the certificate-only rule goes first.
    sed -i '1i hostssl all sitrep_cert 127.0.0.1/32 cert' "$dir/data/pg_hba.conf" || return 1
    _sitrep_pg_run "${psql[@]}" -c "SELECT pg_reload_conf()" >/dev/null || return 1
  fi
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    [ "$(_sitrep_pg_run "${psql[@]}" -c "SHOW ssl")" = on ] && break
    sleep 0.2
  done
  export SITREP_TEST_PG_TLS_DIR="$dir/tls"
  export SITREP_TEST_PG="postgres://sitrep:sitrep@127.0.0.1:$port/sitrep?sslmode=disable"
  export SITREP_PG_ADMIN="postgres://postgres:sitrep-super@127.0.0.1:$port/postgres?sslmode=disable"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') up on 127.0.0.1:$port (data $dir/data)" >&2
  echo "export SITREP_TEST_PG='$SITREP_TEST_PG'"
  echo "export SITREP_TEST_PG_TLS_DIR='$SITREP_TEST_PG_TLS_DIR'"
}

# The throw-away certificates (once per data directory): a CA, the server's
# certificate signed by it, an unrelated CA, and a client certificate.
_sitrep_pg_tls() {
  local dir="$1" user="$2" t="$1/tls"
  [ -f "$t/client.key" ] && return 0
  command -v openssl >/dev/null || { echo "postgres.sh: openssl not found (apt-get install openssl)" >&2; return 1; }
  mkdir -p "$t" && chmod 755 "$t"
  local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  {
    openssl req -x509 "${ec[@]}" -keyout "$t/ca.key" -out "$t/ca.crt" -days 3650 \
      -subj "/CN=sitrep test CA" -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" &&
    openssl req -x509 "${ec[@]}" -keyout "$t/wrong-ca.key" -out "$t/wrong-ca.crt" -days 3650 \
      -subj "/CN=some other CA" -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" &&
    openssl req -new "${ec[@]}" -keyout "$t/server.key" -out "$t/server.csr" -subj "/CN=localhost" &&
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,IP:127.0.0.1" >"$t/server.ext" &&
    openssl x509 -req -in "$t/server.csr" -CA "$t/ca.crt" -CAkey "$t/ca.key" -CAcreateserial \
      -days 825 -sha256 -extfile "$t/server.ext" -out "$t/server.crt" &&
    openssl req -new "${ec[@]}" -keyout "$t/client.key.tmp" -out "$t/client.csr" -subj "/CN=sitrep_cert" &&
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=clientAuth" >"$t/client.ext" &&
    openssl x509 -req -in "$t/client.csr" -CA "$t/ca.crt" -CAkey "$t/ca.key" -CAcreateserial \
      -days 825 -sha256 -extfile "$t/client.ext" -out "$t/client.crt"
  } >"$t/openssl.log" 2>&1 || { cat "$t/openssl.log" >&2; return 1; }
  chown "$user" "$t/server.key" "$t/server.crt" "$t/ca.crt" 2>/dev/null
  chmod 600 "$t/server.key" "$t/ca.key" "$t/wrong-ca.key" "$t/client.key.tmp"
  chmod 644 "$t/ca.crt" "$t/wrong-ca.crt" "$t/server.crt" "$t/client.crt"
  mv "$t/client.key.tmp" "$t/client.key"
}

if sitrep_pg_start; then
  :
else
  echo "postgres.sh: PostgreSQL could not be started; PostgreSQL tests will skip (or fail under SITREP_REQUIRE_SERVICES=1)" >&2
  false
fi
