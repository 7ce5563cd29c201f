#!/usr/bin/env bash
# utils/npm-test-tools.sh - npm packages the test suite checks bk against,
# pinned, each installed once into ${BK_CORPUS_CACHE:-~/.cache/bk-corpus}:
#   hdr-histogram-js@3.0.1   decodes bk-load's histograms and interval logs
#                            (test/tools/bk-load/merge.test, feature hdr-js)
# Prints nothing on success; exits 1 when npm cannot install (offline): the
# tests that need a package are then reported as unsupported.
set -euo pipefail
cache=${BK_CORPUS_CACHE:-$HOME/.cache/bk-corpus}
install() { # NAME VERSION
  local dir="$cache/$1-$2"
  [[ -f $dir/node_modules/$1/package.json ]] && return 0
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent "$1@$2" >/dev/null
}
install hdr-histogram-js 3.0.1
