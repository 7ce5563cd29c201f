#!/usr/bin/env python3
"""bk-scaffold against openapi-typescript on GitHub's REST description.

  bench/scaffold.py [--bk PATH] [--runs R]   (defaults: build/bin/bk-scaffold, 3)

Input: GitHub's REST description (@octokit/openapi@23.0.2,
generated/api.github.com.json, 13 MB, 1,223 operations; fetched into the
corpus cache by utils/openapi-corpus.py --fetch-only). Alternately R times,
each into an empty directory, under /usr/bin/time (CPU = user + sys, peak RSS):

  bk-scaffold SPEC --framework express -o DIR -q
      types + zod validators + routes + security + app + 1,223 handler stubs
  openapi-typescript SPEC -o DIR/schema.ts
      types only (npm, openapi-typescript@7.13.0, installed once into
      ${BK_BENCH_CACHE:-~/.cache/bk-bench})

Then, once each, `tsc --noEmit --strict` (TypeScript of utils/npm/scaffold,
installed by utils/npm-test-tools.sh) over bk's whole output, over its
types.ts alone (with the few files it imports) and over openapi-typescript's
schema.ts: the cost a team pays on every build.
Prints a table and, last:
  scaffold (github): bk X CPU-s, openapi-typescript Y CPU-s (ratio Y/X); ...
"""

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from bktools import find_tool

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OT_VERSION = "7.13.0"


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time; returns (cpu seconds, peak MB, exit)."""
    with tempfile.NamedTemporaryFile("r") as t:
        p = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%U %S %M"] + cmd,
                           cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
        user, sys_, rss = t.read().split()[-3:]
    if p.returncode != 0:
        sys.exit("scaffold: %s failed (exit %d):\n%s" % (cmd[0], p.returncode, p.stderr[-2000:]))
    return float(user) + float(sys_), int(rss) / 1024, p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bk")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    bk = find_tool("bk-scaffold", args.bk)
    if not bk:
        sys.exit("scaffold: no bk-scaffold found (build first: utils/build.sh)")

    corpus = os.environ.get("BK_CORPUS_CACHE") or os.path.expanduser("~/.cache/bk-corpus")
    spec = os.path.join(corpus, "octokit-openapi-23.0.2", "package", "generated",
                        "api.github.com.json")
    if not os.path.isfile(spec):
        sys.exit("scaffold: %s missing (run utils/openapi-corpus.py --fetch-only)" % spec)
    bench_cache = os.environ.get("BK_BENCH_CACHE") or os.path.expanduser("~/.cache/bk-bench")
    ot_dir = os.path.join(bench_cache, "openapi-typescript-" + OT_VERSION)
    ot = os.path.join(ot_dir, "node_modules", ".bin", "openapi-typescript")
    if not os.access(ot, os.X_OK):
        os.makedirs(ot_dir, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", ot_dir, "--no-audit", "--no-fund",
                        "--silent", "openapi-typescript@" + OT_VERSION], check=True)
    with open(os.path.join(ROOT, "utils", "npm", "scaffold", "package-lock.json"), "rb") as f:
        deps = os.path.join(corpus, "scaffold-deps-" + hashlib.sha256(f.read()).hexdigest()[:12],
                            "node_modules")
    tsc = os.path.join(deps, ".bin", "tsc")
    if not os.access(tsc, os.X_OK):
        sys.exit("scaffold: %s missing (run utils/npm-test-tools.sh)" % tsc)

    work = tempfile.mkdtemp(prefix="bk-bench-scaffold-")
    try:
        rows = {"bk-scaffold": [], "openapi-typescript": []}
        for _ in range(args.runs):
            out = os.path.join(work, "bk")
            shutil.rmtree(out, ignore_errors=True)
            rows["bk-scaffold"].append(timed([bk, spec, "--framework", "express", "-o",
                                              os.path.join(out, "src"), "-q"]))
            ot_out = os.path.join(work, "ot")
            shutil.rmtree(ot_out, ignore_errors=True)
            os.makedirs(ot_out)
            rows["openapi-typescript"].append(timed([ot, spec, "-o",
                                                     os.path.join(ot_out, "schema.ts")]))

        def size(path):
            if os.path.isfile(path):
                return os.path.getsize(path) / 1e6
            total = 0
            for d, _, files in os.walk(path):
                total += sum(os.path.getsize(os.path.join(d, f)) for f in files)
            return total / 1e6

        tsconfig = {"compilerOptions": {"target": "es2022", "module": "nodenext",
                                        "moduleResolution": "nodenext", "strict": True,
                                        "noEmit": True, "skipLibCheck": True,
                                        "types": ["node"]}}
        checks = {}
        for name, d, include in [("bk-scaffold", os.path.join(work, "bk"), ["src"]),
                                 ("bk types", os.path.join(work, "bk"),
                                  ["src/generated/types.ts"]),
                                 ("openapi-typescript", os.path.join(work, "ot"), ["schema.ts"])]:
            with open(os.path.join(d, "tsconfig.json"), "w") as f:
                json.dump(dict(tsconfig, include=include), f)
            with open(os.path.join(d, "package.json"), "w") as f:
                json.dump({"type": "module", "private": True}, f)
            if not os.path.exists(os.path.join(d, "node_modules")):
                os.symlink(deps, os.path.join(d, "node_modules"))
            checks[name] = timed([tsc, "-p", d])
        types_mb = os.path.getsize(os.path.join(work, "bk", "src", "generated", "types.ts")) / 1e6
        sizes = {"bk-scaffold": size(os.path.join(work, "bk", "src")),
                 "openapi-typescript": size(os.path.join(work, "ot", "schema.ts"))}

        print("%-20s %10s %10s %10s %12s %12s" % ("tool", "CPU-s", "peak MB", "output MB",
                                               "tsc CPU-s", "tsc peak MB"))
        med = {}
        for name, runs in rows.items():
            cpu = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            med[name] = cpu
            print("%-20s %10.2f %10.0f %10.1f %12.2f %12.0f" % (
                name, cpu, rss, sizes[name], checks[name][0], checks[name][1]))
        b, o = med["bk-scaffold"], med["openapi-typescript"]
        print("%-20s %10s %10s %10.1f %12.2f %12.0f" % (
            "bk types.ts only", "", "", types_mb, checks["bk types"][0], checks["bk types"][1]))
        print("scaffold (github): bk %.2f CPU-s, openapi-typescript %.2f CPU-s (ratio %.1f); "
              "tsc --strict: bk's whole output (%.1f MB) %.2f CPU-s, its types.ts (%.1f MB) "
              "%.2f CPU-s, openapi-typescript's schema.ts (%.1f MB) %.2f CPU-s" % (
                  b, o, o / b, sizes["bk-scaffold"], checks["bk-scaffold"][0], types_mb,
                  checks["bk types"][0], sizes["openapi-typescript"],
                  checks["openapi-typescript"][0]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
