#!/usr/bin/env bash
# utils/build.sh - configure (the first time) and build bk.
#
#   utils/build.sh [ninja targets...]
#
# Builds into build/ (BK_BUILD_DIR overrides) with Ninja, RelWithDebInfo and
# ccache, -j$(nproc) (BK_JOBS overrides). Extra CMake options for the first
# configure go in BK_CMAKE_ARGS. On a warm tree this is a no-op ninja run.
# Does not install packages: utils/setup.sh does (utils/check.sh and
# utils/demo.sh run both).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build_dir=${BK_BUILD_DIR:-build}
case $build_dir in /*) ;; *) build_dir=$root/$build_dir ;; esac
jobs=${BK_JOBS:-$(nproc)}

for tool in cmake ninja; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build: '$tool' not found: run utils/setup.sh first" >&2
    exit 2
  fi
done

# ccache keeps its default cache unless told otherwise; make sure it has one
# even where HOME is unset.
if [[ -z ${CCACHE_DIR:-} && -z ${HOME:-} ]]; then
  export CCACHE_DIR=${TMPDIR:-/tmp}/bk-ccache
fi

launcher=()
if command -v ccache >/dev/null 2>&1 && [[ -z ${CCACHE_DISABLE:-} ]]; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

if [[ ! -f $build_dir/build.ninja ]]; then
  echo "build: configuring $build_dir" >&2
  # shellcheck disable=SC2086  # BK_CMAKE_ARGS is a list of words on purpose
  cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" ${BK_CMAKE_ARGS:-} ||
    { echo "build: cmake configure failed (see above)" >&2; exit 2; }
fi

ninja -C "$build_dir" -j "$jobs" "$@" ||
  { echo "build: ninja failed in $build_dir (see above)" >&2; exit 2; }
