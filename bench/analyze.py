#!/usr/bin/env python3
"""bench/analyze.py - bk-migrate --analyze on a database of 5,000 tables.

    bench/analyze.py [--bk-migrate PATH] [--tables N] [--runs R] [--keep]

Generates a schema of N tables (default 5,000), each with a primary key,
4 to 8 columns, a foreign key to an earlier table (indexed for two tables in
three), and three more indexes (plain, unique, partial or composite) — 4 N
indexes in all (20,000) — loads it into a database `bk_bench_analyze`
(PGHOST etc. when set, else a throwaway PostgreSQL 15 from
utils/pg-throwaway.sh), runs ANALYZE, then runs
    bk-migrate --connection dbname=bk_bench_analyze --analyze --format json
R times (default 3), each under wait4(2): wall time, CPU (user + sys) and
the findings by rule. The goal (issue 7): under 2 s. Prints one summary line
last:
    analyze (5000 tables, 20000 indexes): bk-migrate X s wall (median), Y CPU-s
"""

import argparse
import collections
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def schema(n, seed=1):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        t = 't%05d' % i
        cols = ['id bigint PRIMARY KEY']
        ncols = rnd.randint(4, 8)
        for c in range(ncols):
            cols.append('c%d %s' % (c, rnd.choice(
                ['integer', 'bigint', 'text', 'boolean', 'timestamptz',
                 'numeric(10,2)'])))
        if i:
            cols.append('parent_id bigint REFERENCES t%05d (id)'
                        % rnd.randrange(i))
        out.append('CREATE TABLE %s (%s);' % (t, ', '.join(cols)))
        extra = []
        if i and rnd.random() < 2 / 3:
            extra.append('CREATE INDEX ON %s (parent_id);' % t)
        while len(extra) < 3:
            kind = rnd.randrange(4)
            c1, c2 = rnd.sample(range(ncols), 2)
            if kind == 0:
                extra.append('CREATE INDEX ON %s (c%d);' % (t, c1))
            elif kind == 1:
                extra.append('CREATE UNIQUE INDEX ON %s (c%d, id);' % (t, c1))
            elif kind == 2:
                extra.append('CREATE INDEX ON %s (c%d) WHERE c%d IS NOT NULL;'
                             % (t, c1, c1))
            else:
                extra.append('CREATE INDEX ON %s (c%d, c%d);' % (t, c1, c2))
        out.extend(extra)
    return '\n'.join(out) + '\n'


def psql(*args, **kw):
    return subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1'] +
                          list(args), check=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bk-migrate',
                    default=os.path.join(SRC, 'build', 'bin', 'bk-migrate'))
    ap.add_argument('--tables', type=int, default=5000)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--keep', action='store_true',
                    help='keep the database (and a throwaway server) after')
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='bk-bench-analyze-')
    env_server = bool(os.environ.get('PGHOST'))
    try:
        if not env_server:
            out = subprocess.run([os.path.join(SRC, 'utils', 'pg-throwaway.sh'),
                                  'start', os.path.join(tmp, 'pg'), '5498'],
                                 check=True, stdout=subprocess.PIPE,
                                 text=True).stdout
            for part in out.replace('export ', '').split():
                k, _, v = part.partition('=')
                os.environ[k] = v
        db = 'bk_bench_analyze'
        psql('-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS ' + db,
             '-c', 'CREATE DATABASE %s TEMPLATE template0' % db)
        ddl = os.path.join(tmp, 'schema.sql')
        with open(ddl, 'w') as f:
            f.write(schema(args.tables))
        t = time.monotonic()
        psql('-d', db, '-f', ddl, stdout=subprocess.DEVNULL)
        psql('-d', db, '-c', 'ANALYZE')
        load = time.monotonic() - t
        counts = subprocess.run(
            ['psql', '-X', '-At', '-d', db, '-c',
             "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND "
             "relnamespace = 'public'::regnamespace", '-c',
             "SELECT count(*) FROM pg_class WHERE relkind = 'i' AND "
             "relnamespace = 'public'::regnamespace"],
            check=True, stdout=subprocess.PIPE, text=True).stdout.split()
        print(f'loaded {counts[0]} tables, {counts[1]} indexes in '
              f'{load:.1f} s')
        walls, cpus = [], []
        rules = None
        for _ in range(args.runs):
            t = time.monotonic()
            p = subprocess.Popen([args.bk_migrate, '--connection',
                                  'dbname=' + db, '--analyze',
                                  '--format', 'json'],
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
            out = p.stdout.read()
            err = p.stderr.read()
            _, status, ru = os.wait4(p.pid, 0)
            walls.append(time.monotonic() - t)
            cpus.append(ru.ru_utime + ru.ru_stime)
            rc = os.waitstatus_to_exitcode(status)
            if rc not in (0, 1):
                sys.exit(f'bench/analyze.py: bk-migrate failed ({rc}): {err}')
            rules = collections.Counter(
                f['rule'] for f in json.loads(out)['findings'])
            print(f'  run: {walls[-1]:.2f} s wall, {cpus[-1]:.2f} CPU-s, '
                  f'{sum(rules.values())} findings')
        print('  findings by rule: ' + ', '.join(
            f'{r} {n}' for r, n in sorted(rules.items())))
        print(f'analyze ({counts[0]} tables, {counts[1]} indexes): '
              f'bk-migrate {statistics.median(walls):.2f} s wall (median of '
              f'{args.runs}), {statistics.median(cpus):.2f} CPU-s')
        if not args.keep:
            psql('-d', 'postgres', '-c', 'DROP DATABASE ' + db)
    finally:
        if not env_server and not args.keep:
            subprocess.run([os.path.join(SRC, 'utils', 'pg-throwaway.sh'),
                            'stop', os.path.join(tmp, 'pg')],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
