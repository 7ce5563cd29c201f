#!/usr/bin/env python3
"""Compare Schema IR pairs for utils/sql-oracle.sh, known limitations aside.

    utils/sql-oracle-compare.py [--limitations FILE] [--check-unused]
        [--role ROLE] NAME FILE.bkir CATALOG.bkir [NAME FILE.bkir ...]

Each triple is one input of the oracle: NAME (the SQL file's name), the IR
bk's SQL front end built from it and the IR of the catalog PostgreSQL built
from it, both through `-passes=canonicalize,sort`. The two must be the same
bytes. The limitations file (utils/sql-oracle-limitations.txt by default;
its header gives the format) lists what bk cannot make equal yet, each
with its reason: every entry is a substitution applied, in order, to the
lines that differ (on both sides; separators and empty attribute lists it
leaves behind are tidied); the lines an entry rewrites are the ones it
explains. Lines that are the same are never rewritten, so an entry cannot
hide anything elsewhere. {role} in an entry's pattern is --role, the role
that loaded the files. They are counted per file and named, never dropped silently.

For a pair that still differs, `diff -u` of the two IRs (after the entries)
is printed. One line per file and a summary go to stderr:

    sql-oracle: pagila-schema.sql: same IR (2 known: function-owner x12)
    sql-oracle: 6 files, 0 differ, 14 known differences

--check-unused also fails on entries that explained nothing in any file
(run it over every input at once). Exit 0 when every pair is the same,
1 when a pair differs (or an entry is unused), 2 on bad input.
"""

import argparse
import difflib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Limitation:
    def __init__(self, where, name, pattern, replacement, reason):
        self.where = where
        self.name = name
        self.pattern = pattern
        self.replacement = replacement
        self.reason = reason
        self.explained = 0


def fail(message):
    print('sql-oracle: ' + message, file=sys.stderr)
    sys.exit(2)


def read_limitations(path, role):
    out = []
    try:
        with open(path, encoding='utf-8') as f:
            lines = f.read().splitlines()
    except OSError as e:
        fail('%s: %s' % (path, e.strerror))
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        where = '%s:%d' % (path, n)
        fields = [f.strip() for f in line.split(' | ')]
        if len(fields) != 4 or not all(fields[i] for i in (0, 1, 3)):
            fail('%s: expected NAME | REGEX | REPLACEMENT | REASON' % where)
        name, regex, replacement, reason = fields
        # {role}: the role that loaded the files.
        regex = regex.replace('{role}', re.escape(role))
        try:
            pattern = re.compile(regex)
        except re.error as e:
            fail('%s: bad regular expression: %s' % (where, e))
        out.append(Limitation(where, name, pattern, replacement, reason))
    return out


def read_lines(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read().splitlines()
    except OSError as e:
        fail('%s: %s' % (path, e.strerror))


def differing(a, b):
    """The indices of the lines of a and of b that the other side lacks."""
    da, db = set(), set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, a, b, autojunk=False).get_opcodes():
        if tag != 'equal':
            da.update(range(i1, i2))
            db.update(range(j1, j2))
    return da, db


# What removing an attribute leaves behind: separators around nothing and
# empty attribute lists.
TIDY = [(re.compile(r', (?=, |\])'), ''), (re.compile(r'\[, '), '['),
        (re.compile(r' \[\]'), '')]


def apply(limitation, lines, only):
    """The lines with the entry applied to those whose index is in only."""
    # '' in the file stands for an empty replacement.
    repl = '' if limitation.replacement == "''" else limitation.replacement
    out = list(lines)
    for i in only:
        new = limitation.pattern.sub(repl, lines[i])
        if new != lines[i]:
            for pattern, tidy in TIDY:
                new = pattern.sub(tidy, new)
        out[i] = new
    return out


def compare(name, file_ir, catalog_ir, limitations):
    """Prints the verdict on one pair; returns whether it is the same."""
    a, b = read_lines(file_ir), read_lines(catalog_ir)
    known = []
    da, db = differing(a, b)
    for lim in limitations:
        if not da and not db:
            break
        a2, b2 = apply(lim, a, da), apply(lim, b, db)
        # The differing lines this entry rewrites are the ones it explains.
        touched = (sum(1 for i in da if a2[i] != a[i]) +
                   sum(1 for j in db if b2[j] != b[j]))
        if not touched:
            continue
        lim.explained += touched
        known.append('%s x%d' % (lim.name, touched))
        a, b = a2, b2
        da, db = differing(a, b)
    before = len(da) + len(db)
    note = ' (known: %s)' % ', '.join(known) if known else ''
    if not before:
        print('sql-oracle: %s: same IR%s' % (name, note), file=sys.stderr)
        return True
    sys.stdout.writelines(
        line + '\n' for line in difflib.unified_diff(
            a, b, '%s (bk SQL front end)' % name,
            '%s (PostgreSQL catalog)' % name, lineterm=''))
    sys.stdout.flush()
    print('sql-oracle: %s: the IRs differ (above)%s' % (name, note),
          file=sys.stderr)
    return False


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n')[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--limitations',
                    default=os.path.join(ROOT, 'utils',
                                         'sql-oracle-limitations.txt'))
    ap.add_argument('--check-unused', action='store_true')
    ap.add_argument('--role', default='',
                    help='the role that loaded the files ({role} in entries)')
    ap.add_argument('triples', nargs='+',
                    metavar='NAME FILE.bkir CATALOG.bkir')
    args = ap.parse_args()
    if len(args.triples) % 3:
        fail('expected NAME FILE.bkir CATALOG.bkir triples')
    limitations = read_limitations(args.limitations, args.role)
    files = differ = 0
    for i in range(0, len(args.triples), 3):
        files += 1
        if not compare(*args.triples[i:i + 3], limitations):
            differ += 1
    known = sum(lim.explained for lim in limitations)
    print('sql-oracle: %d file%s, %d differ, %d known difference%s' %
          (files, '' if files == 1 else 's', differ, known,
           '' if known == 1 else 's'), file=sys.stderr)
    unused = [lim for lim in limitations if not lim.explained]
    if args.check_unused:
        for lim in unused:
            print('%s: limitation %s explained no difference' %
                  (lim.where, lim.name), file=sys.stderr)
    return 1 if differ or (args.check_unused and unused) else 0


if __name__ == '__main__':
    sys.exit(main())
