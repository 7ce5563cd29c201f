#!/usr/bin/env python3
"""Prove a bk-diff migration on a real PostgreSQL.

    utils/diff-roundtrip.py [--bk-diff PATH] [--name NAME] [--keep]
                            [--workdir DIR] [--data FILE]
                            [--up FILE --down FILE]
                            V1.sql V2.sql [-- EXTRA BK-DIFF ARGS...]

With a server reachable through PGHOST/PGPORT/PGUSER (as
`utils/pg-throwaway.sh start` prints) and psql, pg_dump, createdb and dropdb
on PATH:

  a. creates three fresh databases (TEMPLATE template0) named after --name:
     A and C loaded with V1, B loaded with V2 (psql -X -q -v ON_ERROR_STOP=1);
     with --data FILE, FILE (rows valid in both versions) is then run on A,
     so that the migrations meet non-empty tables (casts, NOT NULL checks);
  b. runs `bk-diff V1 V2 -o up.sql --down down.sql --allow-destructive EXTRA`,
     which must exit 1 when B and C dump differently and 0 when they dump
     the same (skipped, with the scripts taken as given, under --up/--down:
     that is for testing this harness);
  c. applies up.sql to A (psql -1, or without -1 when its first line is
     exactly `-- bk:no-transaction`) with ON_ERROR_STOP;
  d. compares `pg_dump --schema-only` of A and B through normalise_dump();
  e. applies down.sql to A the same way and compares A with C;
  f. convergence: `bk-diff V2 V2` and `bk-diff V1 V1` (same EXTRA args) must
     exit 0 and write no SQL statement (comment lines are allowed); so must
     `bk-diff DUMP V2` and `bk-diff DUMP V1`, DUMP being pg_dump's output
     for the database loaded from that file (its up script: the down script
     may set the owners the dump names and the file leaves unset); with
     --bk-migrate, `bk-migrate --connection dbname=DB --compare FILE` on
     each database loaded from a file must report no drift either (the live
     catalog reader against the SQL front end).

Owners and privileges are kept in the dumps: test files may set them.
The databases are dropped at the end, also on failure, unless --keep.
Prints one line `roundtrip OK: ...` on success. On failure prints
`roundtrip FAILED [NAME]: <one-line reason>` and the details, and exits 1;
usage and environment problems (no server, no psql, no bk-diff) exit 2.
"""

import argparse
import difflib
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

NO_TRANSACTION_MARK = '-- bk:no-transaction'
BK_DIFF_TIMEOUT = 120   # seconds, per bk-diff run
PSQL_TIMEOUT = 600      # seconds, per psql/pg_dump run


class Failure(Exception):
    """The migration (or an input) is wrong: exit 1."""

    def __init__(self, reason, details=''):
        super().__init__(reason)
        self.reason = reason
        self.details = details


class EnvError(Exception):
    """Usage or environment problem: exit 2."""


# --------------------------------------------------------------------------
# The normaliser

# pg_dump starts each object with a header comment:
#   --
#   -- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
#   --
_HEADER = re.compile(r'^-- (?:Data for )?Name: .*; Type: .*; Schema: .*; '
                     r'Owner: ?.*$')
# pg_dump's other comment lines: the bare `--` framing the headers, the
# dump's title, closing line and version lines.
_PG_DUMP_COMMENT = re.compile(
    r'^--$'
    r'|^-- PostgreSQL database dump(?: complete)?$'
    r'|^-- Dumped (?:from database|by pg_dump) version .*$')
# psql meta-commands pg_dump 15.14+ writes around the dump, with a random key.
_RESTRICT = re.compile(r'^\\(?:un)?restrict \S+$')
# The session settings pg_dump writes (its preamble, plus default_tablespace
# and default_table_access_method wherever the next table needs them).
_PG_DUMP_SET = re.compile(
    r'^SET (?:statement_timeout|lock_timeout|idle_in_transaction_session_timeout'
    r'|idle_session_timeout|client_encoding|standard_conforming_strings'
    r'|check_function_bodies|xmloption|client_min_messages|row_security'
    r'|default_tablespace|default_table_access_method|default_with_oids'
    r'|search_path) = .*;$')
_SET_CONFIG = re.compile(r"^SELECT pg_catalog\.set_config\('search_path', "
                         r"'.*', (?:false|true)\);$")
# `CREATE TABLE name (` as pg_dump writes it, columns one per line after it,
# the closing parenthesis at the start of a line.
_CREATE_TABLE = re.compile(r'^CREATE (?:UNLOGGED |FOREIGN )?TABLE \S+ \($')


def _sort_table_columns(lines):
    """Sorts the column lines of each CREATE TABLE in `lines` (see
    normalise_dump, rule 4). Table constraints pg_dump writes inline
    (`CONSTRAINT name CHECK (...)`, always after the columns) stay in their
    order after the columns."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not _CREATE_TABLE.match(line):
            continue
        body = []
        while i < len(lines) and not lines[i].startswith(')'):
            body.append(lines[i])
            i += 1
        entries = [e[:-1] if e.endswith(',') else e for e in body]
        columns = [e for e in entries if not e.lstrip().startswith('CONSTRAINT ')]
        constraints = [e for e in entries if e.lstrip().startswith('CONSTRAINT ')]
        entries = sorted(columns) + constraints
        out.extend(e + ',' for e in entries[:-1])
        out.extend(entries[-1:])
    return out


def normalise_dump(text):
    """Returns `pg_dump --schema-only` output `text` as a sorted list of
    object blocks (each a string), so that two databases with the same
    schema compare equal however their objects were created.

    It removes only what cannot matter to the schema:

    1. pg_dump's comment lines: the `-- Name: ...; Type: ...; Schema: ...;
       Owner: ...` object headers and the bare `--` lines framing them, the
       `-- PostgreSQL database dump` title and closing line, and the
       `-- Dumped from/by ... version` lines (they name the server build).
    2. pg_dump's session preamble: `SET <setting> = ...;` for the settings
       pg_dump writes (statement_timeout, client_encoding, row_security,
       default_tablespace, default_table_access_method, ...), the
       `SELECT pg_catalog.set_config('search_path', '', false);` line, and
       the `\\restrict KEY` / `\\unrestrict KEY` psql commands, whose key is
       random per dump. pg_dump places default_tablespace and
       default_table_access_method before whichever table comes first, so
       they must go or they would travel between blocks.
    3. Blank lines.
    4. The order of column definitions inside CREATE TABLE: ALTER TABLE ...
       ADD COLUMN puts a column last, where the new schema's file may have
       it in the middle; queries name columns, so the physical order is not
       part of what a migration must reproduce. The lines are sorted (the
       trailing commas moved accordingly); inline `CONSTRAINT ...` lines
       are left after them in pg_dump's order.
    5. The order of pg_dump's object blocks: the dump is split at each
       `-- Name: ...; Type: ...` header and the blocks are compared as a
       sorted list, because pg_dump breaks ties between objects by creation
       order (OIDs), which a migration changes.

    Nothing else: owners, privileges, comments, every statement's text stay.
    """
    blocks = [[]]
    for line in text.splitlines():
        line = line.rstrip('\r')
        if _HEADER.match(line):
            blocks.append([])
            continue
        if (_PG_DUMP_COMMENT.match(line) or _RESTRICT.match(line)
                or _PG_DUMP_SET.match(line) or _SET_CONFIG.match(line)
                or not line.strip()):
            continue
        blocks[-1].append(line)
    result = []
    for block in blocks:
        if block:
            result.append('\n'.join(_sort_table_columns(block)))
    return sorted(result)


def dump_diff(left, right, left_label, right_label):
    """A unified diff of two normalised dumps ('' when they are equal)."""
    if left == right:
        return ''

    def lines(blocks):
        out = []
        for b in blocks:
            out.extend(b.split('\n'))
            out.append('')
        return out

    return '\n'.join(difflib.unified_diff(lines(left), lines(right),
                                          left_label, right_label,
                                          n=3, lineterm=''))


# --------------------------------------------------------------------------
# SQL scripts

def split_statements(text):
    """Splits SQL `text` into statements. Returns (first_line, last_line,
    statement_text) triples, 1-based lines, comments and blank text between
    statements left out. Knows '...' and E'...' strings, "..." identifiers,
    $tag$...$tag$ bodies, -- and (nested) /* */ comments; psql
    meta-command lines (starting with a backslash) count as statements."""
    stmts = []
    i, n = 0, len(text)
    line = 1
    start = None
    start_line = None
    depth = 0  # parentheses, for `CREATE RULE ... (a; b)`-style bodies
    while i < n:
        c = text[i]
        if start is None:
            if c in ' \t\r\n':
                if c == '\n':
                    line += 1
                i += 1
                continue
            if text.startswith('--', i):
                j = text.find('\n', i)
                i = n if j < 0 else j
                continue
            if text.startswith('/*', i):
                j = _skip_block_comment(text, i)
                line += text.count('\n', i, j)
                i = j
                continue
            if c == '\\':
                j = text.find('\n', i)
                j = n if j < 0 else j
                stmts.append((line, line, text[i:j].strip()))
                i = j
                continue
            start, start_line, depth = i, line, 0
        if c == '\n':
            line += 1
            i += 1
        elif text.startswith('--', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif text.startswith('/*', i):
            j = _skip_block_comment(text, i)
            line += text.count('\n', i, j)
            i = j
        elif c == "'" or c == '"':
            escapes = c == "'" and i > 0 and text[i - 1] in 'eE' and (
                i < 2 or not (text[i - 2].isalnum() or text[i - 2] == '_'))
            j = i + 1
            while j < n:
                if escapes and text[j] == '\\':
                    j += 2
                    continue
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            j = min(j + 1, n)
            line += text.count('\n', i, j)
            i = j
        elif c == '$':
            m = re.match(r'\$([A-Za-z_][A-Za-z_0-9]*)?\$', text[i:])
            prev = text[i - 1] if i > 0 else ' '
            if m and not (prev.isalnum() or prev == '_'):
                tag = m.group(0)
                j = text.find(tag, i + len(tag))
                j = n if j < 0 else j + len(tag)
                line += text.count('\n', i, j)
                i = j
            else:
                i += 1
        elif c == '(':
            depth += 1
            i += 1
        elif c == ')':
            depth = max(0, depth - 1)
            i += 1
        elif c == ';' and depth == 0:
            stmts.append((start_line, line, text[start:i + 1].strip()))
            start = None
            i += 1
        else:
            i += 1
    if start is not None and text[start:].strip():
        stmts.append((start_line, line, text[start:].strip()))
    return stmts


def _skip_block_comment(text, i):
    depth = 0
    n = len(text)
    while i < n:
        if text.startswith('/*', i):
            depth += 1
            i += 2
        elif text.startswith('*/', i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return n


def read_text(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def statement_at(path, lineno):
    """The statement of script `path` that contains line `lineno`."""
    for first, last, stmt in split_statements(read_text(path)):
        if first <= lineno <= last:
            return stmt
    return None


# --------------------------------------------------------------------------
# Running things

def run(argv, timeout, what):
    try:
        return subprocess.run(argv, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              errors='replace', timeout=timeout)
    except FileNotFoundError:
        raise EnvError('%s: %s not found' % (what, argv[0]))
    except OSError as e:
        raise EnvError('%s: cannot run %s: %s' % (what, argv[0], e.strerror))
    except subprocess.TimeoutExpired:
        raise Failure('%s timed out after %d s' % (what, timeout),
                      '$ ' + ' '.join(argv))


def indent(text, prefix='  | '):
    text = text.rstrip('\n')
    if not text:
        return prefix + '(nothing)'
    return '\n'.join(prefix + l for l in text.split('\n'))


def db_names(name):
    """Database names for case `name`: bkrt_<sanitised name>_{a,b,c}, a hash
    of the name added when it had to be shortened (63-byte identifiers)."""
    base = re.sub(r'[^a-z0-9_]+', '_', name.lower()).strip('_') or 'case'
    if len(base) > 48:
        digest = hashlib.sha1(name.encode()).hexdigest()[:8]
        base = base[:39].rstrip('_') + '_' + digest
    return {k: 'bkrt_%s_%s' % (base, k) for k in 'abc'}


def drop_db(db):
    return run(['dropdb', '--if-exists', '--force', db], PSQL_TIMEOUT,
               'dropdb')


def create_db(db):
    drop_db(db)
    p = run(['createdb', '--template=template0', db], PSQL_TIMEOUT, 'createdb')
    if p.returncode != 0:
        raise EnvError('cannot create database %s:\n%s' % (db, p.stderr.rstrip()))


def psql_file(db, path, single_transaction):
    argv = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db]
    if single_transaction:
        argv.append('-1')
    argv += ['-f', path]
    return run(argv, PSQL_TIMEOUT, 'psql')


def load(db, path, label):
    p = psql_file(db, path, single_transaction=False)
    if p.returncode != 0:
        raise Failure('%s does not load into PostgreSQL' % label,
                      'psql -f %s:\n%s' % (path, indent(p.stderr)))


def dump_text(db):
    p = run(['pg_dump', '--schema-only', '-d', db], PSQL_TIMEOUT, 'pg_dump')
    if p.returncode != 0:
        raise EnvError('pg_dump of %s failed:\n%s' % (db, p.stderr.rstrip()))
    return p.stdout


def dump(db):
    return normalise_dump(dump_text(db))


def is_no_transaction(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.readline().rstrip('\r\n') == NO_TRANSACTION_MARK


def apply_script(db, path, label, onto):
    """Applies migration `path` to `db`; PostgreSQL rejecting it fails."""
    single = not is_no_transaction(path)
    p = psql_file(db, path, single_transaction=single)
    if p.returncode == 0:
        return
    details = ['psql -X -v ON_ERROR_STOP=1%s -f %s:' % (
        ' -1' if single else ' (no-transaction)', path), indent(p.stderr)]
    m = re.search(r'^psql:.*?:(\d+): (?:ERROR|FATAL)', p.stderr, re.M)
    if m:
        stmt = statement_at(path, int(m.group(1)))
        if stmt:
            details += ['the failing statement (line %s of %s):' % (
                            m.group(1), label),
                        indent(stmt)]
    details += ['%s:' % label, indent(read_text(path), '  ')]
    raise Failure('PostgreSQL rejects %s applied to %s' % (label, onto),
                  '\n'.join(details))


def count_statements(path):
    return len(split_statements(read_text(path)))


def run_bk_diff(bk_diff, old, new, up, down, extra):
    argv = [bk_diff, old, new, '-o', up, '--down', down,
            '--allow-destructive'] + extra
    p = run(argv, BK_DIFF_TIMEOUT, 'bk-diff')
    return argv, p


def bk_diff_output(argv, p):
    out = ['$ ' + ' '.join(argv), 'exit %d' % p.returncode]
    if p.stdout.strip():
        out += ['stdout:', indent(p.stdout)]
    if p.stderr.strip():
        out += ['stderr:', indent(p.stderr)]
    return '\n'.join(out)


def check_convergence(bk_diff, path, label, key, workdir, extra,
                      old=None, old_label=None, scripts=('up', 'down')):
    """bk-diff OLD PATH (OLD defaults to PATH) must exit 0 and write no
    statement to the scripts named in `scripts`."""
    old = old or path
    old_label = old_label or label
    up = os.path.join(workdir, 'same-%s.up.sql' % key)
    down = os.path.join(workdir, 'same-%s.down.sql' % key)
    argv, p = run_bk_diff(bk_diff, old, path, up, down, extra)
    if p.returncode != 0:
        raise Failure('bk-diff %s %s exits %d, expected 0 (same schema)'
                      % (old_label, label, p.returncode),
                      bk_diff_output(argv, p))
    for f, what in ((up, 'up'), (down, 'down')):
        if what in scripts and os.path.exists(f) and count_statements(f):
            raise Failure('bk-diff %s %s writes SQL statements to its %s '
                          'script (same schema)' % (old_label, label, what),
                          indent(read_text(f), '  '))
    if split_statements(p.stdout):
        raise Failure('bk-diff %s %s prints SQL statements (same schema)'
                      % (old_label, label), bk_diff_output(argv, p))


def check_live_convergence(bk_migrate, db, path, label, extra):
    """bk-migrate --compare PATH on the database loaded from PATH must
    report no drift (exit 0)."""
    argv = [bk_migrate, '--connection', 'dbname=' + db, '--compare', path,
            '--allow-destructive', '--format', 'summary'] + extra
    p = run(argv, BK_DIFF_TIMEOUT, 'bk-migrate')
    if p.returncode != 0:
        raise Failure('bk-migrate --compare %s on the database loaded from '
                      'it exits %d, expected 0 (no drift)'
                      % (label, p.returncode), bk_diff_output(argv, p))


# --------------------------------------------------------------------------

def roundtrip(args, workdir, dbs):
    v1, v2 = args.v1, args.v2
    l1, l2 = os.path.basename(v1), os.path.basename(v2)
    if l1 == l2:
        l1, l2 = v1, v2

    # a. the three databases.
    for key, path, label in (('a', v1, l1), ('b', v2, l2), ('c', v1, l1)):
        create_db(dbs[key])
        load(dbs[key], path, label)
    if args.data:
        load(dbs['a'], args.data, os.path.basename(args.data) + ' (--data)')
    text_b, text_c = dump_text(dbs['b']), dump_text(dbs['c'])
    dump_b, dump_c = normalise_dump(text_b), normalise_dump(text_c)
    differ = dump_b != dump_c

    # b. the migration.
    if args.up:
        up, down = args.up, args.down
    else:
        up = os.path.join(workdir, 'up.sql')
        down = os.path.join(workdir, 'down.sql')
        argv, p = run_bk_diff(args.bk_diff, v1, v2, up, down, args.extra)
        want = 1 if differ else 0
        if p.returncode != want:
            why = {0: 'reports no difference', 1: 'reports differences',
                   2: 'fails (exit 2)'}.get(p.returncode,
                                            'exits %d' % p.returncode)
            detail = [bk_diff_output(argv, p)]
            if differ and p.returncode == 0:
                detail.append('but the dumps differ:\n' + dump_diff(
                    dump_c, dump_b, l1, l2))
            elif not differ and p.returncode == 1:
                detail.append('but both files dump the same; %s:' % 'up.sql')
                if os.path.exists(up):
                    detail.append(indent(read_text(up), '  '))
            raise Failure('bk-diff %s %s %s, expected exit %d (%s)' % (
                l1, l2, why, want,
                'the dumps differ' if differ else 'the dumps are the same'),
                '\n'.join(detail))
        for f, what in ((up, 'up'), (down, 'down')):
            if not os.path.exists(f):
                raise Failure('bk-diff %s %s wrote no %s script %s'
                              % (l1, l2, what, f), bk_diff_output(argv, p))

    # c, d. up: A becomes B.
    apply_script(dbs['a'], up, 'the up script', 'a database loaded with ' + l1)
    d = dump_diff(dump(dbs['a']), dump_b, l1 + ' + up', l2)
    if d:
        raise Failure('after the up script the schema differs from %s' % l2,
                      d + '\nthe up script:\n' + indent(read_text(up), '  '))

    # e. down: A becomes C again.
    apply_script(dbs['a'], down, 'the down script',
                  'a database migrated up to ' + l2)
    d = dump_diff(dump(dbs['a']), dump_c, l1 + ' + up + down', l1)
    if d:
        raise Failure('after up and down scripts the schema differs from %s'
                      % l1, d + '\nthe down script:\n'
                      + indent(read_text(down), '  '))

    # f. convergence.
    converged = ''
    if not args.up:
        check_convergence(args.bk_diff, v2, l2, 'v2', workdir, args.extra)
        check_convergence(args.bk_diff, v1, l1, 'v1', workdir, args.extra)
        # What PostgreSQL made of each file, diffed against the file: no
        # change up (the dump also names owners the file leaves unset, so
        # the down script may set them).
        for key, text, path, label in (('b', text_b, v2, l2),
                                       ('c', text_c, v1, l1)):
            dumped = os.path.join(workdir, 'dump-%s.sql' % key)
            with open(dumped, 'w', encoding='utf-8') as f:
                f.write(text)
            check_convergence(args.bk_diff, path, label, 'dump-' + key,
                              workdir, args.extra, old=dumped,
                              old_label='pg_dump(%s)' % label,
                              scripts=('up',))
        # The live catalog (bk-migrate's reader) of each database, compared
        # with the file it was loaded from: no drift.
        if args.bk_migrate:
            for db, path, label in ((dbs['b'], v2, l2), (dbs['c'], v1, l1)):
                check_live_convergence(args.bk_migrate, db, path, label,
                                       args.extra)
    else:
        converged = '; scripts given, bk-diff not run'

    def stmts(path):
        k = count_statements(path)
        return '%d statement%s' % (k, '' if k == 1 else 's')

    print('roundtrip OK: %s -> %s (up %s, down %s%s%s)' % (
        l1, l2, stmts(up), stmts(down),
        '; schemas equivalent' if not differ else '', converged))


def parse_args(argv):
    extra = []
    if '--' in argv:
        k = argv.index('--')
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(
        prog='diff-roundtrip.py',
        description='Prove a bk-diff migration V1 -> V2 (and back) on a real '
                    'PostgreSQL.',
        epilog='Arguments after -- go to bk-diff.')
    ap.add_argument('--bk-diff', default='bk-diff',
                    help='bk-diff binary (default: bk-diff on PATH)')
    ap.add_argument('--bk-migrate',
                    help='also check that bk-migrate --compare finds no '
                    'drift between each loaded database and its file')
    ap.add_argument('--name', help='case name; database names derive from it '
                    '(default: from the process id)')
    ap.add_argument('--keep', action='store_true',
                    help='keep the databases and the work directory')
    ap.add_argument('--workdir', help='write up/down scripts here (kept)')
    ap.add_argument('--data', help='SQL (rows) run on A after V1 loads, before '
                    'the up script')
    ap.add_argument('--up', help='use this up script instead of running bk-diff')
    ap.add_argument('--down', help='use this down script (with --up)')
    ap.add_argument('v1', metavar='V1.sql')
    ap.add_argument('v2', metavar='V2.sql')
    args = ap.parse_args(argv)
    args.extra = extra
    if bool(args.up) != bool(args.down):
        ap.error('--up and --down go together')
    for p in ([args.v1, args.v2] + ([args.up, args.down] if args.up else [])
              + ([args.data] if args.data else [])):
        if not os.path.isfile(p):
            ap.error('%s: no such file' % p)
    if not args.up:
        found = shutil.which(args.bk_diff)
        if not found:
            ap.error('bk-diff not found: %s (use --bk-diff PATH)' % args.bk_diff)
        args.bk_diff = os.path.abspath(found)
    if args.bk_migrate:
        found = shutil.which(args.bk_migrate)
        if not found:
            ap.error('bk-migrate not found: %s' % args.bk_migrate)
        args.bk_migrate = os.path.abspath(found)
    if not args.name:
        args.name = 'rt%d' % os.getpid()
    return args


def main(argv):
    args = parse_args(argv)  # exits 2 on usage errors
    name = args.name
    try:
        for tool in ('psql', 'pg_dump', 'createdb', 'dropdb'):
            if not shutil.which(tool):
                raise EnvError('%s not found on PATH' % tool)
        p = run(['psql', '-X', '-At', '-d', 'postgres', '-c', 'SELECT 1'],
                60, 'psql')
        if p.returncode != 0:
            raise EnvError('cannot reach PostgreSQL (PGHOST=%s PGPORT=%s): %s'
                           % (os.environ.get('PGHOST', ''),
                              os.environ.get('PGPORT', ''), p.stderr.strip()))
    except EnvError as e:
        sys.stderr.write('diff-roundtrip: error: %s\n' % e)
        return 2

    dbs = db_names(name)
    if args.workdir:
        workdir = args.workdir
        os.makedirs(workdir, exist_ok=True)
        temp = False
    else:
        workdir = tempfile.mkdtemp(prefix='bk-roundtrip-')
        temp = True
    status = 0
    try:
        roundtrip(args, workdir, dbs)
    except Failure as e:
        print('roundtrip FAILED [%s]: %s' % (name, e.reason))
        if e.details:
            print(e.details)
        status = 1
    except EnvError as e:
        sys.stderr.write('diff-roundtrip: error: %s\n' % e)
        status = 2
    finally:
        if args.keep:
            print('kept: databases %s; scripts in %s' % (
                ', '.join(dbs[k] for k in 'abc'), workdir))
        else:
            for db in dbs.values():
                drop_db(db)
            if temp:
                shutil.rmtree(workdir, ignore_errors=True)
    sys.stdout.flush()
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
