#!/usr/bin/env bash
# Supply-chain check, offline: `cargo deny check licenses bans advisories sources`
# with deny.toml, advisories from the RustSec snapshot in ../shared/data/advisory-db
# (see its PROVENANCE.md), fetching disabled (--offline).
#
#   scripts/deny.sh            (installs cargo-deny from crates.io when missing)
#
# Exit: 0 all checks pass, 1 a check failed, 3 could not run (cargo-deny could
# not be installed, or no advisory snapshot under SITREP_REQUIRE_SERVICES=1).
#
# ADVISORY_DB=path overrides the snapshot's location. Without a snapshot the
# advisories check is skipped with a loud message (fails under
# SITREP_REQUIRE_SERVICES=1); licences, bans and sources always run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo deny --version >/dev/null 2>&1; then
  echo "deny.sh: installing cargo-deny from crates.io" >&2
  cargo install cargo-deny --locked || { echo "deny.sh: cargo-deny could not be installed" >&2; exit 3; }
fi
src=${ADVISORY_DB:-../shared/data/advisory-db}
checks=(licenses bans sources)
if [ -d "$src" ]; then
  # deny.toml's db-path is target/advisory-dbs; cargo-deny looks for the db in a
  # sub-folder named after the URL (advisory-db-<hash>) and wants a git repo.
  dbs=target/advisory-dbs
  rm -rf "$dbs" && mkdir -p "$dbs"
  name=$(cargo deny --offline check advisories 2>&1 | grep -Eo 'advisory-dbs/advisory-db-[0-9a-f]+' | head -1 | sed 's#.*/##' || true)
  name=${name:-advisory-db-3157b0e258782691}
  cp -r "$src" "$dbs/$name"
  chmod -R u+w "$dbs/$name" # ../shared may be read-only (as in CI)
  (cd "$dbs/$name" && git init -q && git add -A &&
    git -c user.name=deny -c user.email=deny@localhost commit -q -m "RustSec snapshot (see PROVENANCE.md)")
  checks+=(advisories)
else
  echo "!!!!!!!! SKIPPED: advisories — no RustSec snapshot at $src !!!!!!!!" >&2
  [ "${SITREP_REQUIRE_SERVICES:-0}" = 1 ] && exit 3
fi
cargo deny --offline --locked check "${checks[@]}"
