#!/usr/bin/env python3
"""bench/job-suggest.py - bk-migrate --suggest-indexes on the Join Order Benchmark.

    bench/job-suggest.py [--dbname job] [--bk-migrate PATH] [--json FILE] [--offline]

The Join Order Benchmark (../shared/corpus/sql/job) is IMDB's schema with no
foreign keys, the 23 foreign-key indexes its authors add (fkindexes.sql) and
113 analytical queries. Load IMDB-shaped data first with bench/job-data.py
(same PG* environment). This runs

    bk-migrate --connection dbname=DB --suggest-indexes --workload queries/ --format json

once, under wait4(2) (with --offline: `--ddl schema.sql` instead of a
database, the unproven candidates the queries' text asks for), and scores the suggestions against fkindexes.sql:

- recall: the foreign-key indexes the suggestions serve, exactly (an index on
  that one column) and by leading column (a suggestion led by the column, which
  serves every lookup the foreign-key index serves);
- precision: how many suggestions lead with no foreign-key column;
- that every suggestion shows an EXPLAIN cost gain of its own;
- the planner's ceiling: which of the 23 PostgreSQL's own plans of the 113
  queries use when exactly those 23 exist (HypoPG, rolled back), since an
  index no plan uses can show no cost gain.

No peer runs here: the index advisors we know (Dexter, HypoPG's own examples)
are neither in Debian nor on npm. Prints one summary line last:
    job-suggest: recall R/23 (leading column), E/23 exact, planner's ceiling C; S suggestions, P not foreign-key indexes; X s wall
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

from bktools import ROOT, find_tool

JOB = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "sql", "job")


def fk_indexes():
    """(table, column) of each index of fkindexes.sql."""
    out = []
    with open(os.path.join(JOB, "fkindexes.sql")) as f:
        for m in re.finditer(r"create index \w+ on (\w+)\((\w+)\)", f.read(), re.I):
            out.append((m.group(1).lower(), m.group(2).lower()))
    return out


def planner_ceiling(dbname, wanted):
    """The foreign-key indexes PostgreSQL's plans of the 113 queries use when
    exactly those 23 exist (as HypoPG's hypothetical indexes, in a
    transaction rolled back): no cost-based advisor can show a gain for the
    others on this data."""
    script = ["BEGIN;", "CREATE EXTENSION IF NOT EXISTS hypopg;"]
    for t, c in wanted:
        script.append("SELECT 1 FROM hypopg_create_index("
                      "'CREATE INDEX ON %s (%s)');" % (t, c))
    for q in sorted(os.listdir(os.path.join(JOB, "queries"))):
        with open(os.path.join(JOB, "queries", q)) as f:
            script.append("EXPLAIN " + f.read().strip())
    script.append("ROLLBACK;")
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                          "-d", dbname], input="\n".join(script), text=True,
                         capture_output=True, check=True).stdout
    used = set(re.findall(r"<\d+>btree_(\w+)", out))
    return [(t, c) for t, c in wanted if "%s_%s" % (t, c) in used]


def run(bk, dbname, offline):
    source = (["--ddl", os.path.join(JOB, "schema.sql")] if offline
              else ["--connection", "dbname=" + dbname])
    cmd = [bk] + source + ["--suggest-indexes", "--workload",
                           os.path.join(JOB, "queries"), "--format", "json"]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("job-suggest: bk-migrate failed (exit %d)" % os.waitstatus_to_exitcode(status))
    return json.loads(out), wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dbname", default="job")
    ap.add_argument("--bk-migrate")
    ap.add_argument("--json", help="also write bk-migrate's report here")
    ap.add_argument("--offline", action="store_true",
                    help="no database: --ddl schema.sql, the candidates the "
                         "queries' text asks for (unproven)")
    args = ap.parse_args()
    if not os.path.isdir(JOB):
        print("job-suggest: skipped, no corpus at " + JOB)
        return
    bk = find_tool("bk-migrate", args.bk_migrate)
    if not bk:
        sys.exit("job-suggest: build bk-migrate first (build/bin or BK_BUILD_DIR)")
    report, wall, cpu = run(bk, args.dbname, args.offline)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
    if not report["evaluated"] and not args.offline:
        sys.exit("job-suggest: not evaluated: " + report.get("notEvaluated", "?"))

    wanted = fk_indexes()
    suggestions = report["suggestions"]

    def table(s):
        return s["table"].split(".", 1)[1]

    def leading(s):
        k = s["keys"][0]
        return k.get("column") if "where" not in s else None

    exact = {(table(s), s["keys"][0]["column"]) for s in suggestions
             if len(s["keys"]) == 1 and "column" in s["keys"][0]
             and not s["include"] and "where" not in s}
    led = {(table(s), leading(s)) for s in suggestions if leading(s)}
    print("foreign-key indexes of fkindexes.sql:")
    for t, c in wanted:
        mark = "exact" if (t, c) in exact else "led by" if (t, c) in led else "MISSING"
        print("  %-16s %-18s %s" % (t, c, mark))
    others = [s for s in suggestions if (table(s), leading(s)) not in set(wanted)]
    print("suggestions not led by a foreign-key column (%d):" % len(others))
    for s in others:
        print("  " + s["sql"])
    no_gain = [s["name"] for s in suggestions
               if not args.offline and s["cost"]["without"] <= s["cost"]["with"]]
    print("suggestions without a cost gain of their own: %d%s" %
          (len(no_gain), (" " + ", ".join(no_gain)) if no_gain else ""))
    if args.offline:
        ceiling = "n/a (no server)"
    else:
        cost = report["workloadCost"]
        print("workload cost %d -> %d (%.1f%%), %d candidates, %d plans" %
              (cost["before"], cost["after"],
               100.0 * (cost["after"] - cost["before"]) / max(cost["before"], 1),
               report["candidates"], report["plans"]))
        used = planner_ceiling(args.dbname, wanted)
        print("foreign-key indexes the planner uses when exactly the 23 exist: %d (not: %s)" %
              (len(used), ", ".join("%s.%s" % w for w in wanted if w not in used)))
        ceiling = str(len(used))
    recall_led = sum(1 for w in wanted if w in led)
    recall_exact = sum(1 for w in wanted if w in exact)
    print("job-suggest: recall %d/%d (leading column), %d/%d exact, planner's ceiling %s; "
          "%d suggestions, %d not foreign-key indexes; %.1f s wall, %.1f CPU-s (bk-migrate)" %
          (recall_led, len(wanted), recall_exact, len(wanted), ceiling,
           len(suggestions), len(others), wall, cpu))


if __name__ == "__main__":
    main()
