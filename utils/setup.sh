#!/usr/bin/env bash
# utils/setup.sh - install the Debian 12 packages bk needs, if any are missing.
#
# Idempotent and quick when everything is there: one `dpkg -s` over the list,
# and `apt-get update` + `apt-get install` only for what is missing. Uses sudo
# only when not root. The package list is the one in ../shared/docs/STACK.md.
#
#   utils/setup.sh            install what is missing
#   utils/setup.sh --check    only report what is missing (exit 1 if anything)
#   utils/setup.sh --node     also require Node.js >= 20 (for generated-code tests)
#
# Sourcing this file (`. utils/setup.sh`) only defines the functions.
#
# Node.js and npm are never installed from Debian here: the machine's Node.js 20
# bundles npm and conflicts with Debian's npm, and Debian's nodejs (18) is too
# old. bk_require_node checks the version instead.

BK_PACKAGES=(
  g++ cmake ninja-build ccache
  llvm-14-dev llvm-14-tools
  libpq-dev postgresql-15
  antlr4 libantlr4-runtime-dev
  libboost-dev libkainjow-mustache-dev libssl-dev openssl uuid-dev zlib1g-dev
  libmimalloc-dev
  libgtest-dev default-jre-headless python3
  clang-14 libclang-rt-14-dev
  # Test-only: libpg_query, PostgreSQL's own parser, the SQL front end's
  # oracle (utils/pgquery, test/SQL/pgquery-oracle.test) and the peer of
  # bench/sql-parse.py. bk itself never links it.
  libpg-query-dev
  # Test-only: HypoPG's hypothetical indexes, with which bk-migrate
  # --suggest-indexes proves its suggestions (it skips the proof, with a
  # note, on servers without it).
  postgresql-15-hypopg
  # Test-only: PostGIS, which the OpenStreetMap corpus schema creates (one
  # geometry column), so the oracles load that file as it is.
  postgresql-15-postgis-3
)

# Prints the packages of "$@" that are not fully installed, one per line.
bk_missing_packages() {
  local installed p
  # dpkg -s fails when any package is unknown: under `set -e -o pipefail`
  # that must not end the function before it reports what is missing.
  installed=$(dpkg -s "$@" 2>/dev/null |
    awk '/^Package:/ { p = $2 } /^Status:/ { if ($0 ~ / ok installed$/) print p }') || true
  for p in "$@"; do
    if ! grep -qxF -- "$p" <<<"$installed"; then
      echo "$p"
    fi
  done
}

# Installs the packages given, non-interactively, without recommends.
bk_apt_install() {
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "setup: not root and no sudo: install these packages by hand: $*" >&2
      return 2
    fi
    sudo=(sudo -E)
  fi
  echo "setup: installing: $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q ||
    { echo "setup: apt-get update failed" >&2; return 2; }
  "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" ||
    { echo "setup: apt-get install failed for: $*" >&2; return 2; }
}

# Checks that Node.js >= 20 is on PATH (needed only by generated-code tests).
bk_require_node() {
  local v major
  if ! v=$(node --version 2>/dev/null); then
    echo "setup: Node.js >= 20 is required but 'node' is not on PATH" \
         "(do not install Debian's nodejs/npm: its nodejs is 18)" >&2
    return 2
  fi
  major=${v#v}
  major=${major%%.*}
  if ! [[ $major =~ ^[0-9]+$ ]] || (( major < 20 )); then
    echo "setup: Node.js >= 20 is required, found $v" >&2
    return 2
  fi
}

bk_setup_main() {
  local check_only=0 need_node=0 arg
  for arg in "$@"; do
    case $arg in
      --check) check_only=1 ;;
      --node) need_node=1 ;;
      -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return 0 ;;
      *) echo "setup: unknown argument '$arg' (try --help)" >&2; return 2 ;;
    esac
  done

  if ! command -v dpkg >/dev/null 2>&1; then
    echo "setup: dpkg not found: bk's set-up expects Debian 12" >&2
    return 2
  fi

  local missing
  mapfile -t missing < <(bk_missing_packages "${BK_PACKAGES[@]}")
  if (( ${#missing[@]} > 0 )); then
    if (( check_only )); then
      echo "setup: missing packages: ${missing[*]}" >&2
      return 1
    fi
    bk_apt_install "${missing[@]}" || return
    mapfile -t missing < <(bk_missing_packages "${BK_PACKAGES[@]}")
    if (( ${#missing[@]} > 0 )); then
      echo "setup: still missing after install: ${missing[*]}" >&2
      return 2
    fi
  fi

  if (( need_node )); then
    bk_require_node || return
  fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  bk_setup_main "$@"
fi
