#!/usr/bin/env bash
# bench/diff.sh - bk-diff against @pgkit/migra on the same large schema pair.
#
#   bench/diff.sh [--tables N] [--runs R]      (defaults: 5000 tables, 5 runs)
#
# Generates two versions of an N-table schema (bench/gen-schema-pair.py),
# then, alternately R times each:
#   bk-diff v1.sql v2.sql -o up --down down       offline, from the files
#   migra postgresql://.../v1 postgresql://.../v2   from two live databases
#                                                   loaded with the same files
# and prints the median wall time and peak memory of each, bk-diff's phase
# split (--time-phases: parse, diff, plan, print) and, last, one line
#   diff: bk X s, migra Y s, ratio Y/X
# migra's time does not include loading the two databases it needs; bk-diff's
# includes parsing the files.
#
# Uses build/bin/bk-diff (BK_BUILD_DIR overrides). migra comes from the npm
# registry, pinned (@pgkit/migra@0.6.1), installed once into
# ${BK_BENCH_CACHE:-~/.cache/bk-bench}. A server: PGHOST etc. when set,
# else a throwaway PostgreSQL 15 (utils/pg-throwaway.sh) for the run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BK_BUILD_DIR:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac
tables=5000
runs=5
migra_version=0.6.1

while [[ $# -gt 0 ]]; do
  case $1 in
    --tables) tables=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 [--tables N] [--runs R]" >&2; exit 2 ;;
  esac
done

bkdiff=$build/bin/bk-diff
[[ -x $bkdiff ]] || { echo "bench: $bkdiff not built (utils/build.sh)" >&2; exit 2; }
command -v npm >/dev/null || { echo "bench: npm not found (Node.js >= 20 with npm)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }

cache=${BK_BENCH_CACHE:-$HOME/.cache/bk-bench}
migra_dir=$cache/migra-$migra_version
migra=$migra_dir/node_modules/.bin/migra
if [[ ! -x $migra ]]; then
  echo "bench: installing @pgkit/migra@$migra_version into $migra_dir" >&2
  mkdir -p "$migra_dir"
  npm install --prefix "$migra_dir" --no-audit --no-fund --ignore-scripts \
    "@pgkit/migra@$migra_version" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-bench-diff.XXXXXX")
started_pg=
cleanup() {
  if [[ -n ${PGHOST:-} ]]; then
    for db in bk_bench_diff_v1 bk_bench_diff_v2; do
      psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
    done
  fi
  if [[ -n $started_pg ]]; then
    "$root/utils/pg-throwaway.sh" stop "$tmp/pg" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ -z ${PGHOST:-} ]]; then
  eval "$("$root/utils/pg-throwaway.sh" start "$tmp/pg" 5499)"
  started_pg=1
fi
export PGDATABASE=postgres

python3 "$root/bench/gen-schema-pair.py" --tables "$tables" "$tmp"
for v in 1 2; do
  psql -X -q -c "DROP DATABASE IF EXISTS bk_bench_diff_v$v" -c "CREATE DATABASE bk_bench_diff_v$v TEMPLATE template0"
  psql -X -q -v ON_ERROR_STOP=1 -d "bk_bench_diff_v$v" -f "$tmp/v$v.sql" >/dev/null
done
url() {
  local port=${PGPORT:-5432}
  echo "postgresql://${PGUSER:-postgres}@localhost/$1?host=$PGHOST&port=$port"
}

# Runs "$@" under /usr/bin/time; appends "seconds kilobytes" to file $1.
measure() {
  local out=$1
  shift
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || {
    local rc=$?
    # bk-diff exits 1 when the schemas differ: that is success here.
    if [[ $rc -ne 1 || $1 != "$bkdiff" ]]; then
      echo "bench: $1 failed (exit $rc):" >&2
      cat "$tmp/err" >&2
      exit 2
    fi
  }
  tail -1 "$tmp/time" >>"$out"
}

for ((i = 0; i < runs; i++)); do
  measure "$tmp/bk.times" "$bkdiff" "$tmp/v1.sql" "$tmp/v2.sql" -o "$tmp/up.sql" --down "$tmp/down.sql"
  measure "$tmp/migra.times" "$migra" "$(url bk_bench_diff_v1)" "$(url bk_bench_diff_v2)" --unsafe true
done
"$bkdiff" "$tmp/v1.sql" "$tmp/v2.sql" -o /dev/null --down /dev/null --time-phases 2>"$tmp/phases" || true

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
bk_s=$(cut -d' ' -f1 "$tmp/bk.times" | median)
bk_kb=$(cut -d' ' -f2 "$tmp/bk.times" | median)
migra_s=$(cut -d' ' -f1 "$tmp/migra.times" | median)
migra_kb=$(cut -d' ' -f2 "$tmp/migra.times" | median)
up=$(grep -c ';$' "$tmp/up.sql" || true)

echo "input: $tables tables, v1.sql $(wc -c <"$tmp/v1.sql") bytes, v2.sql $(wc -c <"$tmp/v2.sql") bytes; bk-diff up script: $up statement lines"
echo "bk-diff: median $bk_s s, peak $((bk_kb / 1024)) MB over $runs runs; $(sed 's/^bk-diff: //' "$tmp/phases")"
echo "migra:   median $migra_s s, peak $((migra_kb / 1024)) MB over $runs runs (two live databases)"
awk -v b="$bk_s" -v m="$migra_s" 'BEGIN { printf "diff: bk %.2f s, migra %.2f s, ratio %.1f\n", b, m, (b > 0 ? m / b : 0) }'
