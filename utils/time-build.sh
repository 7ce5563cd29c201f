#!/usr/bin/env bash
# utils/time-build.sh - measure a clean build and the test-suite time.
#
# Builds bk from scratch in a fresh temporary build directory with ccache
# disabled (CCACHE_DISABLE=1), then runs utils/check.sh on that (now warm)
# tree, and prints both times (for docs/Performance.md). The temporary tree
# is removed at exit.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

utils/setup.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-time.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export BK_BUILD_DIR=$tmp/build
jobs=${BK_JOBS:-$(nproc)}

echo "time-build: clean build in $BK_BUILD_DIR (-j$jobs, ccache disabled)" >&2
t=$(now)
if ! CCACHE_DISABLE=1 utils/build.sh >"$tmp/build.log" 2>&1; then
  tail -n 40 "$tmp/build.log" >&2
  echo "time-build: the build failed (log above)" >&2
  exit 2
fi
build_time=$(elapsed "$t")

echo "time-build: running utils/check.sh" >&2
t=$(now)
rc=0
utils/check.sh >"$tmp/check.log" 2>&1 || rc=$?
check_time=$(elapsed "$t")
summary=$(tail -n 1 "$tmp/check.log")

echo "clean build (RelWithDebInfo, Ninja -j$jobs, no ccache, $(nproc) cores): ${build_time} s"
echo "test suite (utils/check.sh on the warm tree, incl. PostgreSQL start): ${check_time} s  [$summary]"
if (( rc != 0 )); then
  echo "time-build: utils/check.sh failed (exit $rc); its output:" >&2
  cat "$tmp/check.log" >&2
  exit "$rc"
fi
