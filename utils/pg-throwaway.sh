#!/usr/bin/env bash
# utils/pg-throwaway.sh - a throwaway PostgreSQL 15 cluster for tests.
#
#   utils/pg-throwaway.sh start DIR PORT   initdb DIR/data and start a server
#   utils/pg-throwaway.sh stop DIR         stop it (quietly does nothing if down)
#
# The server listens on a Unix socket in DIR only (no TCP, so no port clashes;
# PORT only names the socket file). Durability is off: it is for tests. On
# success `start` prints the environment to reach it, for eval:
#
#   eval "$(utils/pg-throwaway.sh start /tmp/pg 5432)"
#   psql -c 'select 1'
#   utils/pg-throwaway.sh stop /tmp/pg && rm -rf /tmp/pg
#
# initdb refuses root: as root, initdb and pg_ctl run as the postgres user via
# runuser, and DIR is made to belong to postgres. Logs: DIR/initdb.log and
# DIR/server.log. Binaries: /usr/lib/postgresql/15/bin (BK_PG_BINDIR overrides).
set -euo pipefail

pg_bin=${BK_PG_BINDIR:-/usr/lib/postgresql/15/bin}

usage() {
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
}

die() {
  echo "pg-throwaway: $*" >&2
  exit 2
}

as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 ||
    die "running as root but there is no 'postgres' user (install postgresql-15: utils/setup.sh)"
  as_owner=(runuser -u postgres --)
fi

[[ -x $pg_bin/initdb && -x $pg_bin/pg_ctl ]] ||
  die "PostgreSQL 15 binaries not found in $pg_bin (run utils/setup.sh)"

cmd=${1:-}
case $cmd in
  start)
    [[ $# -eq 3 ]] || usage
    dir=$2 port=$3
    [[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # A Unix socket path is limited to 107 bytes.
    (( ${#dir} + 20 < 107 )) || die "DIR path too long for a Unix socket: $dir"
    [[ ! -e $dir/data ]] || die "$dir/data already exists: stop and remove it first"
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres: "$dir"
      chmod 0700 "$dir"
    fi

    if ! "${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust \
        --no-sync --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      die "initdb failed in $dir/data (log above)"
    fi

    if ! "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
        -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_preload_libraries=pg_stat_statements" \
        start >"$dir/pg_ctl.log" 2>&1; then
      cat "$dir/pg_ctl.log" >&2
      tail -n 30 "$dir/server.log" >&2 2>/dev/null || true
      die "the server did not start (logs above, in $dir)"
    fi
    printf 'export PGHOST=%q PGPORT=%q PGUSER=postgres\n' "$dir" "$port"
    ;;
  stop)
    [[ $# -eq 2 ]] || usage
    dir=$2
    [[ -d $dir/data ]] || exit 0
    if [[ -f $dir/data/postmaster.pid ]]; then
      "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null 2>&1 ||
        die "pg_ctl stop failed for $dir/data (see $dir/server.log)"
    fi
    ;;
  *)
    usage
    ;;
esac
