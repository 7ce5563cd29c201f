#!/usr/bin/env python3
"""bk's SQL front end against PostgreSQL's own parser (libpg_query).

  bench/sql-parse.py [--bk PATH] [--pgquery PATH] [--mb 5] [--runs R]
      (defaults: build/bin/bk-opt, bk-pgquery beside it, 5 MB, 5 runs)

Inputs, written into a temporary directory:
  big.sql     bench/gen-ddl.py --mb N: pg_dump-style DDL, thousands of
              tables with sequences, keys, indexes, foreign keys, comments
  corpus.sql  the DDL of ../shared/corpus/sql concatenated: pagila,
              openstreetmap-website's structure.sql, the Join Order
              Benchmark's schema and foreign-key indexes (its queries are
              left out: bk skips SELECTs unparsed, libpg_query parses them)

Alternately R times per input, each a process whose CPU time (user + sys)
and peak RSS come from os.wait4:
  bk-opt FILE -o /dev/null
      read, parse, build and verify the Schema IR, print it
  bk-pgquery bench FILE --runs 1
      read, pg_query_parse_protobuf (PostgreSQL 15's raw parser, parse tree
      serialised as protobuf); it also reports the parse call's own CPU time

libpg_query builds no catalog, so the process ratio favours it; the parse
call alone is shown too. bk-pgquery is built when CMake finds libpg_query
(Debian's libpg-query-dev, utils/setup.sh). Prints a table and, last:
  sql-parse (big.sql N MB): bk X CPU-s (A MB/s), libpg_query Y CPU-s
  (B MB/s), ratio Y/X; ...
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

from bktools import ROOT, find_tool

CORPUS_FILES = ["pagila-schema.sql", "openstreetmap-structure.sql",
                "job/schema.sql", "job/fkindexes.sql"]


def timed(cmd):
    """Runs cmd; returns (CPU seconds, peak MB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if p.returncode != 0:
            sys.exit("sql-parse: %s failed (exit %d):\n%s" % (
                " ".join(cmd), p.returncode, err.read().decode("utf-8", "replace")[-2000:]))
        return (usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                out.read().decode("utf-8", "replace"))


def parse_cpu(output):
    """The parse call's CPU seconds from bk-pgquery bench's output."""
    m = re.search(r"^median: ([0-9.]+) CPU-s", output, re.M)
    if not m:
        sys.exit("sql-parse: unexpected bk-pgquery output:\n" + output)
    return float(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bk")
    ap.add_argument("--pgquery")
    ap.add_argument("--mb", type=float, default=5.0, help="size of the generated DDL")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    bk = find_tool("bk-opt", args.bk)
    if not bk:
        sys.exit("sql-parse: no bk-opt found (build first: utils/build.sh)")
    pgquery = args.pgquery or os.path.join(os.path.dirname(bk), "bk-pgquery")
    if not os.access(pgquery, os.X_OK):
        sys.exit("sql-parse: %s missing: install libpg-query-dev (utils/setup.sh), then "
                 "reconfigure and build (it is built when CMake finds libpg_query)" % pgquery)
    corpus = os.environ.get("BK_CORPUS") or os.path.join(ROOT, "..", "shared", "corpus")
    corpus_sql = os.path.join(corpus, "sql")

    with tempfile.TemporaryDirectory(prefix="bk-bench-sql-") as work:
        inputs = []
        big = os.path.join(work, "big.sql")
        with open(big, "w") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen-ddl.py"),
                            "--mb", str(args.mb)], stdout=f, check=True)
        inputs.append(("big.sql", big))
        if os.path.isdir(corpus_sql):
            path = os.path.join(work, "corpus.sql")
            with open(path, "wb") as out:
                for name in CORPUS_FILES:
                    with open(os.path.join(corpus_sql, name), "rb") as f:
                        out.write(f.read())
                    out.write(b"\n")
            inputs.append(("corpus.sql", path))
        else:
            print("sql-parse: %s absent: the corpus input is skipped" % corpus_sql)

        print("sql-parse: %s and %s, %d alternating runs each (median CPU-s, max peak RSS)"
              % (bk, pgquery, args.runs))
        print("%-12s %7s | %8s %7s %7s | %8s %7s %7s | %8s %7s | %6s %6s" % (
            "input", "MB", "bk CPU-s", "MB/s", "peak MB", "pg CPU-s", "MB/s", "peak MB",
            "parse-s", "MB/s", "ratio", "parse"))
        summary = []
        for label, path in inputs:
            mb = os.path.getsize(path) / 1e6
            bk_runs, pg_runs, parse_runs = [], [], []
            for _ in range(args.runs):
                bk_runs.append(timed([bk, path, "-o", os.devnull]))
                cpu, rss, out = timed([pgquery, "bench", path, "--runs", "1"])
                pg_runs.append((cpu, rss))
                parse_runs.append(parse_cpu(out))
            b = statistics.median(r[0] for r in bk_runs)
            p = statistics.median(r[0] for r in pg_runs)
            parse = statistics.median(parse_runs)
            print("%-12s %7.2f | %8.3f %7.2f %7.0f | %8.3f %7.2f %7.0f | %8.3f %7.2f | %6.2f %6.2f"
                  % (label, mb, b, mb / b, max(r[1] for r in bk_runs), p, mb / p,
                     max(r[1] for r in pg_runs), parse, mb / parse, p / b, parse / b))
            summary.append("%s (%.2f MB): bk %.3f CPU-s (%.2f MB/s), libpg_query %.3f CPU-s "
                           "(%.2f MB/s; parse call %.3f CPU-s, %.2f MB/s), ratio %.2f" % (
                               label, mb, b, mb / b, p, mb / p, parse, mb / parse, p / b))
        print("ratio = libpg_query CPU-s / bk CPU-s (process); parse = the same with "
              "libpg_query's parse call alone")
        print("sql-parse: " + "; ".join(summary))


if __name__ == "__main__":
    main()
