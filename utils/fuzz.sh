#!/usr/bin/env bash
# Fuzzes bk's parsers with libFuzzer + ASan + UBSan for a bounded time.
#   utils/fuzz.sh [SECONDS]      (default 60 per target)
# Builds with clang-14 in build-fuzz/ (BK_FUZZ_BUILD_DIR), seeds each target
# with the matching test inputs, and keeps found inputs in build-fuzz/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${BK_FUZZ_BUILD_DIR:-build-fuzz}
utils/setup.sh
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBK_USE_SANITIZERS=ON \
    -DBK_BUILD_FUZZERS=ON -DBK_ENABLE_TESTS=OFF
fi
ninja -C "$build" bk-ir-fuzzer
corpus="$build/corpus/ir"
mkdir -p "$corpus"
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
i=0
for f in $(find test examples -name '*.bkir' 2>/dev/null | sort); do
  cp "$f" "$seeds/seed-$i.bkir"
  i=$((i + 1))
done
"$build/bin/bk-ir-fuzzer" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=4096 -max_len=65536 "$corpus" "$seeds"
