#!/usr/bin/env bash
# Fuzzes bk's parsers with libFuzzer + ASan + UBSan for a bounded time.
#
#   utils/fuzz.sh [--build-only] [SECONDS] [FUZZER...]
#
# Builds every libFuzzer target (utils/fuzzers/) with clang-14 in build-fuzz/
# (BK_FUZZ_BUILD_DIR overrides), then runs each named fuzzer (default: all,
# bk-*-fuzzer) for SECONDS (default 60), seeded with the matching test inputs
# and corpus files (utils/run-tests.py --fuzz does the same as one suite per
# fuzzer; utils/check.sh runs that smoke mode). New inputs found are kept in
# build-fuzz/corpus/<fuzzer>; a crash leaves crash-* files in the current
# directory and a non-zero exit.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_only=
if [[ ${1:-} == --build-only ]]; then
  build_only=1
  shift
fi
seconds=${1:-60}
shift || true
build=${BK_FUZZ_BUILD_DIR:-build-fuzz}

utils/setup.sh
if [[ ! -f $build/build.ninja ]]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBK_USE_SANITIZERS=ON \
    -DBK_BUILD_FUZZERS=ON -DBK_ENABLE_TESTS=OFF >/dev/null
fi
ninja -C "$build" -j "${BK_JOBS:-$(nproc)}" fuzzers
[[ -n $build_only ]] && exit 0

fuzzers=("$@")
if [[ ${#fuzzers[@]} -eq 0 ]]; then
  mapfile -t fuzzers < <(cd "$build/bin" && ls bk-*-fuzzer)
fi
for f in "${fuzzers[@]}"; do
  mkdir -p "$build/corpus/$f"
  python3 utils/run-tests.py --fuzz-build-dir "$build" --fuzz-seconds "$seconds" \
    --fuzz-corpus "$build/corpus/$f" --fuzz-only "$f"
done
