#!/usr/bin/env bash
# utils/demo.sh - set up, build, and run bk's main job on examples/.
#
# Installs missing packages (utils/setup.sh), configures and builds
# (utils/build.sh; BK_BUILD_DIR overrides build/), then runs each tool on the
# inputs in examples/ and prints what it produces.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export BK_BUILD_DIR=${BK_BUILD_DIR:-build}
case $BK_BUILD_DIR in /*) bin=$BK_BUILD_DIR/bin ;; *) bin=$root/$BK_BUILD_DIR/bin ;; esac

utils/setup.sh
utils/build.sh >&2

# Runs a bk tool from the build tree, echoing the command first.
run() {
  local tool=$1
  shift
  if [[ ! -x $bin/$tool ]]; then
    echo "demo: $bin/$tool was not built (see the build output above)" >&2
    exit 2
  fi
  printf '\n$ %s %s\n' "$tool" "$*"
  "$bin/$tool" "$@"
}

# The main job: bk-diff between two versions of a shop database, offline.
# The up migration (schema_v1 -> schema_v2) renames a column (declared with
# -- bk:renamed-from), adds an enum value, columns, a primary key and an
# index, each statement labelled with its lock and risk; then the down
# migration that rolls it back. Exit 1 means "the schemas differ", which is
# the point of the demo.
run bk-diff examples/schema_v1.sql examples/schema_v2.sql || [[ $? -eq 1 ]]
run bk-diff examples/schema_v1.sql examples/schema_v2.sql --format summary || [[ $? -eq 1 ]]

# bk-lint on the pet-store description: the OWASP API Security and REST
# convention rules (docs/CommandGuide/bk-lint.md). Exit 1 means findings.
run bk-lint examples/openapi.yaml || [[ $? -eq 1 ]]

# A hand-written schema through the SQL front end and back out as DDL, with a
# lint rule on the way (audit_log has no primary key: a warning).
run bk-opt -passes=verify,table-without-primary-key --emit=sql examples/schema_v1.sql

# An OpenAPI description through the OpenAPI front end into the API IR, with a
# lint rule (POST /pets has no operationId: a warning).
run bk-opt -passes=verify,operation-operation-id examples/openapi.yaml

# The IR text forms themselves: a catalog and an API, verified and printed
# back in canonical form.
run bk-opt -passes=verify examples/catalog.bkir
run bk-opt -passes=verify examples/petstore.bkir

# bk-scaffold: the pet-store description to an Express 5 server (types, zod
# validators, routes, security hooks, the app, handler stubs) in a temporary
# directory; the types it writes, then a second run that finds nothing to do
# (docs/Scaffold.md goes on to compile and run it).
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run bk-scaffold examples/openapi.yaml --framework express --output "$out/src"
printf '\n$ find %s -type f | sort\n' "$out/src"
(cd "$out/src" && find . -type f | sort)
printf '\n$ sed -n 12,40p %s\n' "$out/src/generated/types.ts"
sed -n 12,40p "$out/src/generated/types.ts"
run bk-scaffold examples/openapi.yaml --framework express --output "$out/src" --check
echo "(up to date: exit 0)"
