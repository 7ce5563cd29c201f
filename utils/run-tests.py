#!/usr/bin/env python3
"""Run bk's test suites (lit and GoogleTest) and summarise them.

    utils/run-tests.py [--build-dir DIR] [--no-lit] [--no-gtest] [PATH...]
                       [--fuzz-build-dir DIR [--fuzz-seconds N]]

Runs lit over BUILD/test (or over the lit tests or directories given as PATHs,
either under test/ in the source tree or under BUILD/test) and every GoogleTest
binary of BUILD/unittests. Results are grouped into suites: one per directory
under test/ (lit/Schema, lit/API, ...) and one per GoogleTest binary
(gtest/SchemaTests, ...). Prints the failing tests with their output, a line
per suite with its time, and last exactly:

    N passed, N failed[, N skipped]

counting each lit test and each GoogleTest test case. With --fuzz-build-dir,
every libFuzzer target there (bin/bk-*-fuzzer, built by utils/fuzz.sh) also
runs for a bounded time as a smoke test, seeded with the matching test inputs
and corpus files: one suite per fuzzer (fuzz/<name>), one test each. Exits 0
only when nothing failed (and at least one suite ran).

Standard library only. The environment (PGHOST, PGPORT, PGUSER, ...) is passed
to both kinds of suites unchanged.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SRC_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIT = os.environ.get('BK_LIT', '/usr/lib/llvm-14/build/utils/lit/lit.py')

# lit result codes.
LIT_PASS = {'PASS', 'FLAKYPASS', 'XFAIL'}
LIT_SKIP = {'UNSUPPORTED', 'SKIPPED', 'EXCLUDED'}
# Everything else (FAIL, XPASS, TIMEOUT, UNRESOLVED) is a failure.

GTEST_TIMEOUT = int(os.environ.get('BK_GTEST_TIMEOUT', '900'))

# What each fuzzer is seeded with: file name patterns searched in test/,
# examples/ and the shared corpus.
FUZZ_SEEDS = {
    'bk-ir-fuzzer': ('.bkir',),
    'bk-sql-fuzzer': ('.sql',),
    'bk-openapi-fuzzer': ('.yaml', '.yml', '.json'),
    'bk-diff-fuzzer': ('.sql',),
    'bk-load-fuzzer': ('.hlog',),
    'bk-routes-fuzzer': ('.ts', '.js', '.mjs', '.cjs'),
    'bk-plan-fuzzer': ('.explain.json', '.sql'),
}


_current = None  # the running lit or GoogleTest process
_tmp = None  # the directory of the JSON reports


def run_captured(cmd, timeout=None, cwd=None):
    """Runs cmd with stdout and stderr captured together; returns
    (output, exit code), the exit code None on a timeout."""
    global _current
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors='replace', cwd=cwd)
    _current = proc
    try:
        out, _ = proc.communicate(timeout=timeout)
        return out, proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        return (out or '') + f'\n(timed out after {timeout} s)', None
    finally:
        _current = None


def _on_terminate(signum, frame):
    # Stop the running suite too (lit cleans its workers up on SIGINT).
    proc = _current
    if proc is not None and proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
    if _tmp:
        shutil.rmtree(_tmp, ignore_errors=True)
    print(f'run-tests: stopped by signal {signum}', file=sys.stderr)
    os._exit(128 + signum)


class Suite:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.time = 0.0
        self.failures = []  # (test name, output)

    def add(self, outcome, name, seconds, output=''):
        if outcome == 'pass':
            self.passed += 1
        elif outcome == 'skip':
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append((name, output))
        self.time += seconds


def lit_suite_name(test_name):
    # "bk :: Schema/diff/add-column.sql" -> "lit/Schema"
    path = test_name.split(' :: ', 1)[-1]
    parts = path.split('/')
    return 'lit/' + parts[0] if len(parts) > 1 else 'lit'


def map_lit_path(path, build_dir):
    """Maps a path under the source test/ directory to BUILD/test."""
    apath = os.path.abspath(path)
    src_test = os.path.join(SRC_ROOT, 'test')
    if apath == src_test or apath.startswith(src_test + os.sep):
        return os.path.join(build_dir, 'test', os.path.relpath(apath, src_test))
    return apath


def run_lit(build_dir, paths, tmp, suites, verbose):
    exec_root = os.path.join(build_dir, 'test')
    if not os.path.isfile(os.path.join(exec_root, 'lit.site.cfg.py')):
        s = suites.setdefault('lit', Suite('lit'))
        s.add('fail', 'lit (configuration)', 0.0,
              f'{exec_root}/lit.site.cfg.py is missing: build first (utils/build.sh)')
        return 0.0
    if not os.path.isfile(LIT):
        s = suites.setdefault('lit', Suite('lit'))
        s.add('fail', 'lit (configuration)', 0.0,
              f'lit not found at {LIT} (install llvm-14-tools: utils/setup.sh)')
        return 0.0
    targets = [map_lit_path(p, build_dir) for p in paths] or [exec_root]
    out_json = os.path.join(tmp, 'lit.json')
    cmd = [sys.executable, LIT, '--no-progress-bar', '-q', '-o', out_json]
    cmd += targets
    start = time.monotonic()
    output, rc = run_captured(cmd)
    wall = time.monotonic() - start
    if verbose and output:
        sys.stdout.write(output)
    try:
        with open(out_json) as f:
            data = json.load(f)
    except (OSError, ValueError):
        s = suites.setdefault('lit', Suite('lit'))
        s.add('fail', 'lit (did not run)', wall,
              f'$ {" ".join(cmd)}\nexit {rc}\n{output}')
        return wall
    for t in data.get('tests', []):
        name = t['name']
        code = t['code']
        sname = lit_suite_name(name)
        s = suites.setdefault(sname, Suite(sname))
        if code in LIT_PASS:
            outcome = 'pass'
        elif code in LIT_SKIP:
            outcome = 'skip'
        else:
            outcome = 'fail'
        s.add(outcome, f'{name} ({code})', float(t.get('elapsed') or 0.0),
              t.get('output', ''))
    # lit exits non-zero on failures, which are reported above; anything else
    # (a configuration error) leaves no tests behind.
    if rc != 0 and not data.get('tests'):
        s = suites.setdefault('lit', Suite('lit'))
        s.add('fail', 'lit (no tests)', wall, output)
    return wall


def gtest_binaries(build_dir):
    unit_dir = os.path.join(build_dir, 'unittests')
    listing = os.path.join(unit_dir, 'bk-unittests.txt')
    if os.path.isfile(listing):
        # Written at configure time from the BK_UNITTESTS property, so stale
        # binaries of removed tests are not run.
        with open(listing) as f:
            return [l.strip() for l in f if l.strip()]
    if not os.path.isdir(unit_dir):
        return []
    found = []
    for entry in sorted(os.listdir(unit_dir)):
        p = os.path.join(unit_dir, entry)
        if os.path.isfile(p) and os.access(p, os.X_OK):
            found.append(p)
    return found


def parse_gtest_time(text):
    try:
        return float(str(text).rstrip('s'))
    except ValueError:
        return 0.0


def run_gtest(binary, tmp, suites):
    name = 'gtest/' + os.path.basename(binary)
    s = suites.setdefault(name, Suite(name))
    if not os.access(binary, os.X_OK):
        s.add('fail', os.path.basename(binary), 0.0,
              f'{binary} is missing: build first (utils/build.sh)')
        return
    out_json = os.path.join(tmp, os.path.basename(binary) + '.json')
    cmd = [binary, f'--gtest_output=json:{out_json}', '--gtest_color=no']
    start = time.monotonic()
    output, rc = run_captured(cmd, timeout=GTEST_TIMEOUT, cwd=os.path.dirname(binary))
    wall = time.monotonic() - start
    try:
        with open(out_json) as f:
            data = json.load(f)
    except (OSError, ValueError):
        data = None
    counted = 0
    if data:
        for group in data.get('testsuites', []):
            for case in group.get('testsuite', []):
                full = f"{group.get('name', '?')}.{case.get('name', '?')}"
                seconds = parse_gtest_time(case.get('time', '0s'))
                counted += 1
                if case.get('status') == 'NOTRUN' or case.get('result') in ('SKIPPED', 'SUPPRESSED'):
                    s.add('skip', full, seconds)
                elif case.get('failures'):
                    msg = '\n'.join(f.get('failure', '') for f in case['failures'])
                    s.add('fail', full, seconds, msg)
                else:
                    s.add('pass', full, seconds)
    if rc != 0 and (data is None or s.failed == 0):
        # Crashed, timed out, or failed outside any test case (a global
        # set-up, a death before the report was written).
        if rc is None:
            how = 'timed out'
        elif rc < 0:
            how = f'killed by signal {-rc}'
        else:
            how = f'exit {rc}'
        s.add('fail', f'{os.path.basename(binary)} ({how})', 0.0,
              f'$ {" ".join(cmd)}\n{output}')
    if counted == 0 and rc == 0:
        s.time = wall
    else:
        s.time = max(s.time, wall)


def fuzz_seed_files(fuzzer):
    suffixes = FUZZ_SEEDS.get(fuzzer, ())
    roots = [os.path.join(SRC_ROOT, 'test'), os.path.join(SRC_ROOT, 'examples'),
             os.environ.get('BK_CORPUS') or
             os.path.join(os.path.dirname(SRC_ROOT), 'shared', 'corpus')]
    found = []
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for f in sorted(filenames):
                if f.endswith(suffixes) and os.path.getsize(os.path.join(dirpath, f)) < (1 << 20):
                    found.append(os.path.join(dirpath, f))
    return found


def run_fuzzer(binary, seconds, corpus, tmp, suites):
    """Runs one libFuzzer target for a bounded time; a crash, leak, sanitizer
    report, timeout or round-trip failure is one failed test."""
    fuzzer = os.path.basename(binary)
    name = 'fuzz/' + fuzzer
    s = suites.setdefault(name, Suite(name))
    seeds = os.path.join(tmp, fuzzer + '.seeds')
    os.makedirs(seeds, exist_ok=True)
    for i, f in enumerate(fuzz_seed_files(fuzzer)):
        shutil.copyfile(f, os.path.join(seeds, f'seed-{i:05d}' + os.path.splitext(f)[1]))
    work = corpus or os.path.join(tmp, fuzzer + '.corpus')
    os.makedirs(work, exist_ok=True)
    artifacts = os.path.join(tmp, fuzzer + '.artifacts') + os.sep
    os.makedirs(artifacts, exist_ok=True)
    cmd = [binary, f'-max_total_time={seconds}', '-timeout=20', '-rss_limit_mb=4096',
           '-max_len=65536', '-print_final_stats=1', f'-artifact_prefix={artifacts}',
           work, seeds]
    start = time.monotonic()
    output, rc = run_captured(cmd, timeout=seconds + 120)
    wall = time.monotonic() - start
    runs = [l for l in output.splitlines() if l.startswith('stat::number_of_executed_units')]
    label = f'{fuzzer} ({runs[-1].split(":")[-1].strip() if runs else "?"} runs)'
    if rc == 0:
        s.add('pass', label, wall)
    else:
        tail = '\n'.join(output.splitlines()[-60:])
        s.add('fail', label, wall, f'$ {" ".join(cmd)}\n{tail}')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build-dir', default=os.environ.get('BK_BUILD_DIR', 'build'),
                    help='build tree (default: $BK_BUILD_DIR or build)')
    ap.add_argument('--no-lit', action='store_true', help='skip the lit suites')
    ap.add_argument('--no-gtest', action='store_true', help='skip the GoogleTest suites')
    ap.add_argument('-v', '--verbose', action='store_true', help="show lit's own output")
    ap.add_argument('paths', nargs='*', help='lit tests or directories to run (implies --no-gtest)')
    ap.add_argument('--fuzz-build-dir', help='also smoke-run the libFuzzer targets built there')
    ap.add_argument('--fuzz-seconds', type=int, default=int(os.environ.get('BK_FUZZ_SECONDS', '15')),
                    help='seconds per fuzzer (default 15)')
    ap.add_argument('--fuzz-corpus', help='keep the inputs a fuzzer finds here')
    ap.add_argument('--fuzz-only', help='run only this fuzzer, and no lit or GoogleTest suite')
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, _on_terminate)
    signal.signal(signal.SIGINT, _on_terminate)

    if args.fuzz_only:
        args.no_lit = args.no_gtest = True
    build_dir = args.build_dir
    if not os.path.isabs(build_dir):
        build_dir = os.path.join(SRC_ROOT, build_dir)
    if not args.fuzz_only and not os.path.isdir(build_dir):
        print(f'run-tests: build directory {build_dir} not found: run utils/build.sh',
              file=sys.stderr)
        return 2

    suites = {}
    walls = []
    global _tmp
    tmp = _tmp = tempfile.mkdtemp(prefix='bk-tests.')
    try:
        if not args.no_lit:
            wall = run_lit(build_dir, args.paths, tmp, suites, args.verbose)
            walls.append(('lit (wall clock, parallel)', wall))
        if not args.no_gtest and not args.paths:
            for binary in gtest_binaries(build_dir):
                run_gtest(binary, tmp, suites)
        if args.fuzz_build_dir:
            bindir = os.path.join(os.path.abspath(args.fuzz_build_dir), 'bin')
            names = [args.fuzz_only] if args.fuzz_only else sorted(
                f for f in (os.listdir(bindir) if os.path.isdir(bindir) else [])
                if f.startswith('bk-') and f.endswith('-fuzzer'))
            if not names:
                s = suites.setdefault('fuzz', Suite('fuzz'))
                s.add('fail', 'fuzzers', 0.0, f'no fuzzer in {bindir}: run utils/fuzz.sh --build-only')
            for f in names:
                run_fuzzer(os.path.join(bindir, f), args.fuzz_seconds, args.fuzz_corpus, tmp, suites)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    ordered = sorted(suites.values(), key=lambda s: (not s.name.startswith('lit'), s.name))
    failures = [(s, n, o) for s in ordered for (n, o) in s.failures]
    if failures:
        print('\nFailing tests:')
        for s, n, o in failures:
            print(f'\n---- FAIL {s.name}: {n}')
            text = (o or '').rstrip()
            if text:
                print(text)
        print()

    width = max([len(s.name) for s in ordered] + [len(w[0]) for w in walls] + [5])
    for s in ordered:
        print(f'{s.name:<{width}}  passed {s.passed:4d}  failed {s.failed:4d}'
              f'  skipped {s.skipped:4d}  time {s.time:7.2f} s')
    for label, wall in walls:
        print(f'{label:<{width}}  {"":38}time {wall:7.2f} s')

    passed = sum(s.passed for s in ordered)
    failed = sum(s.failed for s in ordered)
    skipped = sum(s.skipped for s in ordered)
    if passed + failed + skipped == 0:
        print('run-tests: no test ran')
    final = f'{passed} passed, {failed} failed'
    if skipped:
        final += f', {skipped} skipped'
    print(final, flush=True)
    return 1 if failed or passed + skipped == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
