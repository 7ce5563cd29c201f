#!/usr/bin/env bash
# utils/npm-test-tools.sh - npm packages the test suite checks bk against,
# pinned, each installed once into ${BK_CORPUS_CACHE:-~/.cache/bk-corpus}:
#   hdr-histogram-js@3.0.1   decodes bk-load's histograms and interval logs
#                            (test/tools/bk-load/merge.test, feature hdr-js)
#   utils/npm/scaffold/      what bk-scaffold's generated servers need
#                            (Express, Fastify, Koa, zod, jose, ...) and tsc,
#                            from its lockfile with `npm ci`, into
#                            scaffold-deps-<hash of the lockfile> (feature
#                            scaffold-npm); a new lockfile installs anew.
# Prints nothing on success; exits 1 when npm cannot install (offline): the
# tests that need a package are then reported as unsupported.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${BK_CORPUS_CACHE:-$HOME/.cache/bk-corpus}
install() { # NAME VERSION
  local dir="$cache/$1-$2"
  [[ -f $dir/node_modules/$1/package.json ]] && return 0
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent "$1@$2" >/dev/null
}
install hdr-histogram-js 3.0.1

# Same directory name as test/lit.cfg.py computes.
lock="$root/utils/npm/scaffold/package-lock.json"
hash=$(sha256sum "$lock" | cut -c1-12)
dir="$cache/scaffold-deps-$hash"
if [[ ! -f $dir/.installed ]]; then
  # Installs made from older lockfiles and not used for a week go (another
  # checkout may still be using a recent one).
  find "$cache" -maxdepth 1 -name 'scaffold-deps-*' -type d -mtime +7 \
    -not -path "$dir" -exec rm -rf {} + 2>/dev/null || true
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$root/utils/npm/scaffold/package.json" "$lock" "$dir/"
  (cd "$dir" && npm ci --no-audit --no-fund --silent --loglevel=error >/dev/null)
  touch "$dir/.installed"
fi
