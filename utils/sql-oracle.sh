#!/usr/bin/env bash
# utils/sql-oracle.sh - PostgreSQL itself as the oracle for bk's SQL front end.
#
#   utils/sql-oracle.sh [--build-dir DIR] [--keep] FILE.sql...
#
# For each file: create a fresh database (from template0), load the file with
# psql (ON_ERROR_STOP), and read the catalog back as Schema IR with
#   bk-opt --connection "dbname=DB" -passes=sort --print-locations=false
# When bk-opt reads .sql files itself (the SQL front end; probed once with a
# one-line file), also run `bk-opt FILE -passes=sort --print-locations=false`
# and `diff -u` the two IRs; otherwise print the catalog's IR.
#
# Owners are compared only when the file sets them (an `OWNER TO` anywhere):
# objects a file creates without one belong to whoever loaded it.
#
# Needs a server: PGHOST/PGPORT/PGUSER as utils/pg-throwaway.sh prints them.
# Exit status: 0 every file agrees (or was printed), 1 some file differs,
# 2 a file did not load or bk-opt failed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BK_BUILD_DIR:-$root/build}
keep=

usage() {
  echo "usage: $0 [--build-dir DIR] [--keep] FILE.sql..." >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --build-dir) [[ $# -ge 2 ]] || usage; build=$2; shift 2 ;;
    --build-dir=*) build=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[[ $# -ge 1 ]] || usage

bkopt=$build/bin/bk-opt
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

# Does bk-opt read SQL? A one-line file tells.
printf 'CREATE TABLE bk_probe (id integer);\n' >"$tmp/probe.sql"
sql_frontend=
if "$bkopt" "$tmp/probe.sql" 2>/dev/null | grep -q 'table bk_probe'; then
  sql_frontend=1
else
  echo "sql-oracle: bk-opt does not read .sql files yet: printing the catalog IR only" >&2
fi

status=0
n=0
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
  if ! "$bkopt" --connection "dbname=$db" "$owners" -passes=sort \
      --print-locations=false -o "$tmp/catalog.bkir"; then
    echo "sql-oracle: $name: reading the catalog failed" >&2
    status=2
    continue
  fi
  if [[ -z $sql_frontend ]]; then
    echo "// $name: the catalog PostgreSQL built"
    cat "$tmp/catalog.bkir"
    continue
  fi
  if ! "$bkopt" "$file" -passes=sort --print-locations=false -o "$tmp/file.bkir"; then
    echo "sql-oracle: $name: bk-opt could not read the file" >&2
    status=2
    continue
  fi
  if diff -u --label "$name (bk SQL front end)" --label "$name (PostgreSQL catalog)" \
      "$tmp/file.bkir" "$tmp/catalog.bkir"; then
    echo "sql-oracle: $name: same IR" >&2
  else
    echo "sql-oracle: $name: the IRs differ (above)" >&2
    [[ $status -eq 2 ]] || status=1
  fi
done
exit "$status"
