#!/usr/bin/env python3
"""Compare bk's SQL front end with PostgreSQL's own parser (libpg_query).

    utils/sql-pgquery-oracle.py [--bk-opt PATH] [--bk-pgquery PATH]
        [--limitations FILE] [--check-unused] [--exclude FILE] [-v] FILE.sql...

For each file, `bk-opt FILE --emit=statements` gives bk's statements and
`bk-pgquery split FILE` libpg_query's (utils/pgquery/bk-pgquery.cpp: split
with pg_query_split_with_parser, each statement parsed alone with
pg_query_parse; both with the same byte offsets: first token to just past
the ';'). Then:

  boundaries  both must cut the file into the same statements;
  bk-rejects  a statement libpg_query accepts whose top node is in the
              subset bk handles (DDL_SUBSET: parsed, ignored or remarked as
              not modelled, docs/SQL.md) must not be a bk error;
  bk-accepts  a statement bk parses or ignores must be accepted by
              libpg_query.

A statement libpg_query accepts outside the subset (EXPLAIN, PREPARE, ...)
that bk rejects is only counted (and printed with -v). Each other
difference is printed as

    FILE:LINE:COL: statement "CREATE ...": bk X, libpg_query Y

unless an entry of the limitations file (utils/sql-pgquery-limitations.txt
by default; its header gives the format) explains it; those are counted,
and printed with -v. --check-unused also fails on entries that explained
nothing (run it over every input at once). One summary line per file and
one in total; exit 0 when everything agrees, 1 on differences (or unused
limitations), 2 when a file or tool could not be read or run.
"""

import argparse
import bisect
import concurrent.futures
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# libpg_query's top nodes of the statements bk handles (docs/SQL.md): the
# ones it parses into the IR, the ones it accepts and ignores, and the ones
# it remarks as not modelled.
DDL_SUBSET = {
    # parsed
    'CreateSchemaStmt', 'CreateExtensionStmt', 'CreateStmt', 'IndexStmt',
    'CreateEnumStmt', 'CompositeTypeStmt', 'CreateDomainStmt',
    'CreateSeqStmt', 'AlterSeqStmt', 'ViewStmt', 'CreateTableAsStmt',
    'CreateFunctionStmt', 'CreateTrigStmt', 'CreatePolicyStmt',
    'AlterTableStmt', 'AlterEnumStmt', 'AlterOwnerStmt', 'CommentStmt',
    'DropStmt', 'RenameStmt', 'AlterObjectSchemaStmt', 'AlterDomainStmt',
    'AlterTypeStmt',
    # accepted and ignored
    'VariableSetStmt', 'SelectStmt', 'InsertStmt', 'UpdateStmt',
    'DeleteStmt', 'GrantStmt', 'GrantRoleStmt', 'AlterDefaultPrivilegesStmt',
    'TransactionStmt', 'VacuumStmt', 'LockStmt', 'NotifyStmt', 'ListenStmt',
    'UnlistenStmt', 'CheckPointStmt', 'DiscardStmt', 'RefreshMatViewStmt',
    'ReindexStmt', 'ClusterStmt', 'AlterDatabaseStmt',
    'AlterDatabaseSetStmt', 'AlterRoleStmt', 'AlterRoleSetStmt',
    'AlterSystemStmt', 'AlterFunctionStmt', 'AlterExtensionStmt',
    'AlterExtensionContentsStmt', 'AlterPolicyStmt', 'AlterObjectDependsStmt',
    # not modelled, remarked
    'DefineStmt', 'CreateOpClassStmt', 'CreateOpFamilyStmt',
    'AlterOpFamilyStmt', 'AlterOperatorStmt', 'CreateCastStmt',
    'CreateConversionStmt', 'CreatePLangStmt', 'RuleStmt',
    'CreateForeignServerStmt', 'AlterForeignServerStmt',
    'CreateForeignTableStmt', 'CreateFdwStmt', 'AlterFdwStmt',
    'CreateUserMappingStmt', 'AlterUserMappingStmt', 'DropUserMappingStmt',
    'CreateRoleStmt', 'DropRoleStmt', 'CreatedbStmt', 'DropdbStmt',
    'CreateTableSpaceStmt', 'DropTableSpaceStmt',
    'AlterTableSpaceOptionsStmt', 'CreateStatsStmt', 'AlterStatsStmt',
    'CreateTransformStmt', 'CreateAmStmt', 'CreatePublicationStmt',
    'AlterPublicationStmt', 'CreateSubscriptionStmt',
    'AlterSubscriptionStmt', 'DropSubscriptionStmt', 'CreateEventTrigStmt',
    'AlterEventTrigStmt', 'DoStmt', 'SecLabelStmt', 'ImportForeignSchemaStmt',
    'CallStmt', 'CopyStmt', 'CreateRangeStmt', 'AlterTSDictionaryStmt',
    'AlterTSConfigurationStmt', 'AlterCollationStmt',
}

DIFFERENCES = ('boundaries', 'bk-rejects', 'bk-accepts')


class Limitation:
    def __init__(self, where, difference, pattern, reason):
        self.where = where
        self.difference = difference
        self.regex = re.compile(pattern, re.I | re.S)
        self.reason = reason
        self.used = 0


def fail(message):
    sys.stderr.write('sql-pgquery-oracle: error: %s\n' % message)
    sys.exit(2)


def read_limitations(path):
    """DIFFERENCE | REGEX | REASON lines; '#' starts a comment line."""
    out = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            where = '%s:%d' % (path, n)
            fields = [x.strip() for x in line.split(' | ')]
            if len(fields) != 3 or not all(fields):
                fail('%s: expected DIFFERENCE | REGEX | REASON' % where)
            if fields[0] not in DIFFERENCES:
                fail('%s: unknown difference %r (expected %s)' %
                     (where, fields[0], ', '.join(DIFFERENCES)))
            try:
                out.append(Limitation(where, *fields))
            except re.error as e:
                fail('%s: bad regular expression: %s' % (where, e))
    return out


def run(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        fail('cannot run %s: %s' % (cmd[0], e.strerror))
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode('utf-8', 'replace'))
        fail('%s exited with %d' % (' '.join(cmd), p.returncode))
    return p.stdout.decode('utf-8', 'replace').splitlines()


def bk_statements(bk_opt, path):
    """{begin: (end, 'parsed'|'ignored'|'error', kind)}"""
    out = {}
    for line in run([bk_opt, path, '--emit=statements', '-o', '-']):
        begin, end, verdict, kind = (line.split(' ', 3) + [''])[:4]
        out[int(begin)] = (int(end), verdict, kind)
    return out


def pg_statements(bk_pgquery, path):
    """{begin: (end, 'ok'|'error', node or error text)}; the scanner note."""
    out, note = {}, None
    for line in run([bk_pgquery, 'split', path]):
        if line.startswith('#'):
            note = line[1:].strip()
            continue
        begin, end, verdict, rest = (line.split(' ', 3) + [''])[:4]
        out[int(begin)] = (int(end), verdict, rest)
    return out, note


class Source:
    def __init__(self, path):
        with open(path, 'rb') as f:
            self.data = f.read()
        self.path = path
        self.lines = [0] + [m.end() for m in re.finditer(b'\n', self.data)]

    def linecol(self, offset):
        line = bisect.bisect_right(self.lines, offset) - 1
        return line + 1, offset - self.lines[line] + 1

    def where(self, offset):
        return '%s:%d:%d' % ((self.path,) + self.linecol(offset))

    def text(self, begin, end):
        """The statement on one line, white space collapsed, no ';'."""
        s = self.data[begin:end].decode('utf-8', 'replace')
        return ' '.join(s.split()).rstrip(';').rstrip()


def count(n, noun):
    return '%d %s%s' % (n, noun, '' if n == 1 else 's')


def shown(text, width=60):
    return '"%s"' % (text if len(text) <= width else text[:width - 3] + '...')


def pg_verdict(src, pg):
    _, verdict, rest = pg
    if verdict == 'ok':
        return 'ok (%s)' % rest
    pos, _, message = rest.partition(' ')
    return 'error at %d:%d (%s)' % (src.linecol(int(pos)) + (message,))


def compare(src, bk, pg):
    """[(difference, offset, statement text, message)]"""
    out = []
    for begin in sorted(set(bk) | set(pg)):
        b, p = bk.get(begin), pg.get(begin)
        if b is None or p is None or b[0] != p[0]:
            end = max(x[0] for x in (b, p) if x)
            out.append(('boundaries', begin, src.text(begin, end),
                        'bk %s, libpg_query %s' % (
                            '[%d, %d)' % (begin, b[0]) if b else 'no statement',
                            '[%d, %d)' % (begin, p[0]) if p else 'no statement')))
            continue
        text = src.text(begin, p[0])
        if b[1] == 'error' and p[1] == 'ok' and p[2] in DDL_SUBSET:
            out.append(('bk-rejects', begin, text,
                        'bk error (%s), libpg_query %s' % (b[2], pg_verdict(src, p))))
        elif b[1] != 'error' and p[1] == 'error':
            out.append(('bk-accepts', begin, text,
                        'bk %s (%s), libpg_query %s' % (b[1], b[2], pg_verdict(src, p))))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--bk-opt', default='bk-opt')
    ap.add_argument('--bk-pgquery', default='bk-pgquery')
    ap.add_argument('--limitations',
                    default=os.path.join(ROOT, 'utils', 'sql-pgquery-limitations.txt'))
    ap.add_argument('--check-unused', action='store_true',
                    help='fail on limitations that explained no difference')
    ap.add_argument('--exclude', action='append', default=[], metavar='FILE',
                    help='skip this file (when FILE... is a glob)')
    ap.add_argument('-v', '--verbose', action='store_true',
                    help='also print the differences limitations explain')
    ap.add_argument('files', nargs='+')
    args = ap.parse_args()
    limitations = read_limitations(args.limitations)
    excluded = {os.path.realpath(x) for x in args.exclude}
    files = [f for f in args.files if os.path.realpath(f) not in excluded]

    def load(path):
        try:
            src = Source(path)
        except OSError as e:
            fail('%s: cannot read file: %s' % (path, e.strerror))
        return (src, bk_statements(args.bk_opt, path),
                pg_statements(args.bk_pgquery, path))

    # The tools run in parallel (most of the time is their start-up); the
    # report is in the order of the arguments.
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        loaded = list(pool.map(load, files))

    totals = {'statements': 0, 'differences': 0, 'known': 0, 'outside': 0}
    for path, (src, bk, (pg, note)) in zip(files, loaded):
        differences = known = 0
        for kind, begin, text, message in compare(src, bk, pg):
            lim = next((l for l in limitations
                        if l.difference == kind and l.regex.search(text)), None)
            if lim:
                lim.used += 1
                known += 1
                if args.verbose:
                    print('%s: known limitation: statement %s: %s: %s' % (
                        src.where(begin), shown(text), message, lim.reason))
                continue
            differences += 1
            print('%s: statement %s: %s' % (src.where(begin), shown(text), message))
        outside = 0
        for begin, p in sorted(pg.items()):
            if (p[1] == 'ok' and p[2] not in DDL_SUBSET and begin in bk
                    and bk[begin][0] == p[0] and bk[begin][1] == 'error'):
                outside += 1
                if args.verbose:
                    print('%s: outside the DDL subset: statement %s: bk error (%s), '
                          'libpg_query %s' % (src.where(begin), shown(src.text(begin, p[0])),
                                              bk[begin][2], pg_verdict(src, p)))
        print('%s: %s, %s, %s%s%s' % (
            path, count(len(pg), 'statement'), count(differences, 'difference'),
            count(known, 'known limitation'),
            ', %d outside the DDL subset rejected by bk' % outside if outside else '',
            ' (libpg_query: %s)' % note if note else ''))
        totals['statements'] += len(pg)
        totals['differences'] += differences
        totals['known'] += known
        totals['outside'] += outside

    unused = [l for l in limitations if not l.used]
    if args.check_unused:
        for l in unused:
            print('%s: limitation explains no difference: %s' % (l.where, l.regex.pattern))
    print('sql-pgquery-oracle: %s, %s, %s, %s%s' % (
        count(len(files), 'file'), count(totals['statements'], 'statement'),
        count(totals['differences'], 'difference'),
        count(totals['known'], 'known limitation'),
        ', %d outside the DDL subset rejected by bk' % totals['outside']
        if totals['outside'] else ''))
    return 1 if totals['differences'] or (args.check_unused and unused) else 0


if __name__ == '__main__':
    sys.exit(main())
