#!/usr/bin/env python3
"""Writes two versions of a large synthetic schema for benchmarking bk-diff.

  bench/gen-schema-pair.py [--tables 5000] [--seed 1] OUTDIR
      writes OUTDIR/v1.sql and OUTDIR/v2.sql

v1 has TABLES tables in hand-written style (serial and identity keys, columns
of many types with defaults, NOT NULL and checks, foreign keys to earlier
tables, plain, unique, partial and expression indexes, enums, views and
comments). v2 is v1 edited the way a release edits a schema, on about 1 in 20
tables: columns added, widened (integer to bigint, varchar(n) to
varchar(2n)), defaults and NOT NULL changed, indexes added, changed and
dropped, foreign keys and checks added, enum values added, views changed,
comments changed, new tables. Nothing is dropped with data, so the diff
needs no --allow-destructive. Both files load into PostgreSQL 15.
Deterministic for a given seed.
"""

import argparse
import os
import random

TYPES = ['integer', 'bigint', 'text', 'varchar(80)', 'numeric(12,2)',
         'timestamp with time zone', 'boolean', 'jsonb', 'date', 'smallint']
DEFAULTS = {
    'integer': '0', 'bigint': '0', 'text': "''",
    'varchar(80)': "'n/a'", 'numeric(12,2)': '0',
    'timestamp with time zone': 'now()', 'boolean': 'false',
    'jsonb': "'{}'", 'date': 'CURRENT_DATE', 'smallint': '1',
}


class Table:
    def __init__(self, rnd, i, n_enums):
        self.name = 't%05d' % i
        self.key = rnd.choice(['bigserial PRIMARY KEY',
                               'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY'])
        self.cols = []  # [name, type, default, not_null]
        for c in range(rnd.randint(4, 10)):
            ty = rnd.choice(TYPES)
            default = DEFAULTS[ty] if rnd.random() < 0.4 else None
            self.cols.append(['c%d' % c, ty, default, rnd.random() < 0.5])
        self.enum_col = None
        if n_enums and rnd.random() < 0.2:
            self.enum_col = 'status_%d' % rnd.randrange(n_enums)
        self.fks = []
        if i > 0 and rnd.random() < 0.4:
            self.fks.append(('t%05d' % rnd.randrange(i), 'ref_%d' % len(self.fks)))
        self.checks = []
        for name, ty, _, _ in self.cols:
            if ty in ('integer', 'numeric(12,2)') and rnd.random() < 0.2:
                self.checks.append('%s >= 0' % name)
        self.indexes = []  # [name, definition]
        for k, (name, ty, _, _) in enumerate(self.cols):
            r = rnd.random()
            if r < 0.15:
                self.indexes.append(['%s_%s_idx' % (self.name, name), '(%s)' % name])
            elif r < 0.2 and ty == 'text':
                self.indexes.append(['%s_%s_lower_idx' % (self.name, name),
                                     '(lower(%s))' % name])
            elif r < 0.25:
                self.indexes.append(['%s_%s_part_idx' % (self.name, name),
                                     '(%s) WHERE (%s IS NOT NULL)' % (name, name)])
        self.comment = 'table %d' % i if rnd.random() < 0.3 else None

    def write(self, out):
        lines = ['    id %s' % self.key]
        for name, ty, default, not_null in self.cols:
            line = '    %s %s' % (name, ty)
            if default is not None:
                line += ' DEFAULT ' + default
            if not_null:
                line += ' NOT NULL'
            lines.append(line)
        if self.enum_col:
            lines.append('    state %s' % self.enum_col)
        for ref, col in self.fks:
            lines.append('    %s bigint REFERENCES %s (id)' % (col, ref))
        for k, check in enumerate(self.checks):
            lines.append('    CONSTRAINT %s_check%d CHECK (%s)' % (self.name, k, check))
        out.append('CREATE TABLE %s (\n%s\n);' % (self.name, ',\n'.join(lines)))
        for name, definition in self.indexes:
            out.append('CREATE INDEX %s ON %s %s;' % (name, self.name, definition))
        if self.comment:
            out.append("COMMENT ON TABLE %s IS '%s';" % (self.name, self.comment))


def schema(tables, enums, views):
    out = []
    for name, values in enums:
        out.append('CREATE TYPE %s AS ENUM (%s);' % (
            name, ', '.join("'%s'" % v for v in values)))
    for t in tables:
        t.write(out)
    for name, table, cols, where in views:
        out.append('CREATE VIEW %s AS SELECT id, %s FROM %s%s;' % (
            name, ', '.join(cols), table, ' WHERE ' + where if where else ''))
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tables', type=int, default=5000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('outdir')
    args = ap.parse_args()
    rnd = random.Random(args.seed)

    n_enums = max(1, args.tables // 100)
    enums = [('status_%d' % i, ['new', 'active', 'done']) for i in range(n_enums)]
    tables = [Table(rnd, i, n_enums) for i in range(args.tables)]
    views = []
    for t in tables:
        if rnd.random() < 0.05:
            cols = [c[0] for c in t.cols[:2]]
            views.append(['%s_v' % t.name, t.name, cols, None])

    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, 'v1.sql'), 'w') as f:
        f.write(schema(tables, enums, views))

    # v2: about 1 edit in 20 tables, of every kind.
    for t in tables:
        if rnd.random() >= 0.05:
            continue
        edit = rnd.randrange(9)
        if edit == 0:
            t.cols.append(['added_%d' % len(t.cols), rnd.choice(TYPES), None, False])
        elif edit == 1:
            for c in t.cols:
                if c[1] == 'integer':
                    c[1] = 'bigint'
                    break
                if c[1] == 'varchar(80)':
                    c[1] = 'varchar(160)'
                    break
        elif edit == 2:
            c = rnd.choice(t.cols)
            c[2] = DEFAULTS[c[1]] if c[2] is None else None
        elif edit == 3:
            c = rnd.choice(t.cols)
            if c[2] is None and not c[3]:
                c[2] = DEFAULTS[c[1]]
            c[3] = True
        elif edit == 4:
            c = rnd.choice(t.cols)
            t.indexes.append(['%s_%s_new_idx' % (t.name, c[0]), '(%s, id)' % c[0]])
        elif edit == 5 and t.indexes:
            t.indexes.pop(rnd.randrange(len(t.indexes)))
        elif edit == 6 and t.indexes:
            ix = rnd.choice(t.indexes)
            if ' DESC' not in ix[1]:
                # The key list's closing parenthesis: after a call's own.
                close = ix[1].index('))') + 1 if ix[1].startswith('(lower(') \
                    else ix[1].index(')')
                ix[1] = ix[1][:close] + ' DESC' + ix[1][close:]
        elif edit == 7:
            for c in t.cols:
                if c[1] in ('integer', 'bigint', 'smallint') and \
                        '%s >= 0' % c[0] not in t.checks:
                    t.checks.append('%s >= 0' % c[0])
                    break
        else:
            t.comment = 'edited %s' % t.name
    for name, values in enums:
        if rnd.random() < 0.2:
            values.insert(1, 'pending')
    for v in views:
        if rnd.random() < 0.2:
            v[3] = 'id > 0'
    extra = len(tables)
    for i in range(max(1, args.tables // 50)):
        tables.append(Table(rnd, extra + i, n_enums))
    with open(os.path.join(args.outdir, 'v2.sql'), 'w') as f:
        f.write(schema(tables, enums, views))


if __name__ == '__main__':
    main()
