#!/usr/bin/env bash
# utils/sql-oracle.sh - PostgreSQL itself as the oracle for bk's SQL front end.
#
#   utils/sql-oracle.sh [--build-dir DIR | --bk-opt PATH] [--limitations FILE]
#                       [--check-unused] [--keep] FILE.sql...
#
# For each file: create a fresh database (from template0), load the file with
# psql (ON_ERROR_STOP, time zone UTC), and read two Schema IRs:
#   bk-opt FILE -passes=canonicalize,sort --print-locations=false
#       (bk's SQL front end)
#   bk-opt --connection "dbname=DB" -passes=canonicalize,sort ...
#       (the libpq catalog reader: the catalog PostgreSQL built)
# The canonicalize pass (docs/passes/canonicalize.md) spells what the two
# write differently one way; after it the two IRs must be the same bytes.
# utils/sql-oracle-compare.py compares them: the limitations file
# (utils/sql-oracle-limitations.txt; --check-unused fails on an entry that
# explains nothing) lists, with reasons, what bk cannot make equal yet.
#
# Owners are compared only when the file sets them (an `OWNER TO` anywhere):
# objects a file creates without one belong to whoever loaded it.
#
# Needs a server: PGHOST/PGPORT/PGUSER as utils/pg-throwaway.sh prints them.
# Exit status: 0 every file agrees, 1 some file differs (or an entry is
# unused), 2 a file did not load or bk-opt failed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BK_BUILD_DIR:-$root/build}
python=${BK_PYTHON:-python3}
bkopt=
keep=
compare_args=()

usage() {
  echo "usage: $0 [--build-dir DIR | --bk-opt PATH] [--limitations FILE] [--check-unused] [--keep] FILE.sql..." >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --build-dir) [[ $# -ge 2 ]] || usage; build=$2; shift 2 ;;
    --build-dir=*) build=${1#*=}; shift ;;
    --bk-opt) [[ $# -ge 2 ]] || usage; bkopt=$2; shift 2 ;;
    --bk-opt=*) bkopt=${1#*=}; shift ;;
    --limitations) [[ $# -ge 2 ]] || usage; compare_args+=(--limitations "$2"); shift 2 ;;
    --limitations=*) compare_args+=(--limitations "${1#*=}"); shift ;;
    --check-unused) compare_args+=(--check-unused); shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[[ $# -ge 1 ]] || usage

bkopt=${bkopt:-$build/bin/bk-opt}
[[ -x $bkopt ]] || { echo "sql-oracle: $bkopt not built (ninja -C $build bk-opt)" >&2; exit 2; }
[[ -n ${PGHOST:-} ]] || { echo "sql-oracle: PGHOST is not set (start a server: utils/pg-throwaway.sh)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-oracle.XXXXXX")
databases=()
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  if [[ -z $keep ]]; then
    for db in "${databases[@]}"; do
      psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true
    done
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Timestamps without an offset (partition bounds of timestamptz keys) mean
# the session's time zone: UTC, whatever the server's setting.
export PGTZ=UTC
passes=(-passes=canonicalize,sort --print-locations=false)
status=0
n=0
triples=()
for file in "$@"; do
  n=$((n + 1))
  db="bk_oracle_$$_$n"
  databases+=("$db")
  name=$(basename "$file")
  if ! psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\"" \
      -c "CREATE DATABASE \"$db\" TEMPLATE template0" >"$tmp/create.log" 2>&1; then
    cat "$tmp/create.log" >&2
    echo "sql-oracle: $name: cannot create database $db" >&2
    status=2
    continue
  fi
  if ! psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$file" >"$tmp/load.log" 2>&1; then
    cat "$tmp/load.log" >&2
    echo "sql-oracle: $name: PostgreSQL rejected the file (above)" >&2
    status=2
    continue
  fi
  owners=--owners=false
  if grep -qi 'OWNER TO' "$file"; then
    owners=--owners=true
  fi
  if ! "$bkopt" --connection "dbname=$db" "$owners" "${passes[@]}" \
      -o "$tmp/$n.catalog.bkir"; then
    echo "sql-oracle: $name: reading the catalog failed" >&2
    status=2
    continue
  fi
  if ! "$bkopt" "$file" "${passes[@]}" -o "$tmp/$n.file.bkir" 2>"$tmp/bk-opt.log"; then
    cat "$tmp/bk-opt.log" >&2
    echo "sql-oracle: $name: bk-opt could not read the file" >&2
    status=2
    continue
  fi
  triples+=("$name" "$tmp/$n.file.bkir" "$tmp/$n.catalog.bkir")
done
if [[ ${#triples[@]} -gt 0 ]]; then
  compared=0
  role=$(psql -X -At -d postgres -c 'SELECT current_user')
  "$python" "$root/utils/sql-oracle-compare.py" "${compare_args[@]}" \
    --role "$role" "${triples[@]}" || compared=$?
  if [[ $compared -ne 0 && $status -ne 2 ]]; then
    status=$compared
  fi
fi
exit "$status"
