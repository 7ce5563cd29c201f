#!/usr/bin/env python3
"""Writes a synthetic PostgreSQL DDL file for benchmarking the SQL front end.

  bench/gen-ddl.py [--mb 5] [--seed 1] > /tmp/big.sql
  time build/bin/bk-opt /tmp/big.sql -o /dev/null

Thousands of tables in pg_dump style: columns of many types with defaults
and checks, serial and identity columns, primary keys, foreign keys to
earlier tables, indexes (plain, unique, partial, expression), comments and
sequences. Deterministic for a given seed.
"""

import argparse
import random
import sys

TYPES = ['integer', 'bigint', 'text', 'varchar(255)', 'numeric(10,2)',
         'timestamp with time zone', 'boolean', 'jsonb', 'uuid', 'date',
         'text[]', 'double precision', 'smallint', 'interval']
DEFAULTS = {
    'integer': '0', 'bigint': '0', 'text': "''::text",
    'varchar(255)': "'n/a'::character varying", 'numeric(10,2)': '0.00',
    'timestamp with time zone': 'now()', 'boolean': 'false',
    'jsonb': "'{}'::jsonb", 'uuid': 'gen_random_uuid()',
    'date': 'CURRENT_DATE', 'text[]': "'{}'::text[]",
    'double precision': '1.5', 'smallint': '1',
    'interval': "'1 day'::interval",
}


def table(out, rnd, i, names):
    name = 't%05d' % i
    cols = ['    id bigint NOT NULL']
    for c in range(rnd.randint(4, 12)):
        ty = rnd.choice(TYPES)
        col = '    c%d %s' % (c, ty)
        if rnd.random() < 0.4:
            col += ' DEFAULT ' + DEFAULTS[ty]
        if rnd.random() < 0.5:
            col += ' NOT NULL'
        cols.append(col)
    ref = None
    if names and rnd.random() < 0.7:
        ref = rnd.choice(names)
        cols.append('    %s_id bigint' % ref)
    if rnd.random() < 0.3:
        cols.append('    CONSTRAINT %s_c0_check CHECK ((c0 IS NOT NULL) AND (id > 0))' % name)
    out.write('CREATE TABLE public.%s (\n%s\n);\n\n' % (name, ',\n'.join(cols)))
    out.write('ALTER TABLE public.%s OWNER TO app;\n\n' % name)
    out.write('CREATE SEQUENCE public.%s_id_seq\n    START WITH 1\n    INCREMENT BY 1\n'
              '    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n' % name)
    out.write('ALTER SEQUENCE public.%s_id_seq OWNED BY public.%s.id;\n\n' % (name, name))
    out.write("ALTER TABLE ONLY public.%s ALTER COLUMN id SET DEFAULT "
              "nextval('public.%s_id_seq'::regclass);\n\n" % (name, name))
    out.write('ALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_pkey PRIMARY KEY (id);\n\n'
              % (name, name))
    out.write('CREATE INDEX %s_c0_idx ON public.%s USING btree (c0);\n\n' % (name, name))
    if rnd.random() < 0.3:
        out.write('CREATE UNIQUE INDEX %s_c1_key ON public.%s USING btree (c1) '
                  'WHERE (c1 IS NOT NULL);\n\n' % (name, name))
    if rnd.random() < 0.2:
        out.write('CREATE INDEX %s_lower_idx ON public.%s USING btree '
                  '(lower((c0)::text));\n\n' % (name, name))
    if ref:
        out.write('ALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_%s_id_fkey FOREIGN KEY '
                  '(%s_id) REFERENCES public.%s(id) ON DELETE CASCADE;\n\n'
                  % (name, name, ref, ref, ref))
        out.write('CREATE INDEX %s_%s_id_idx ON public.%s USING btree (%s_id);\n\n'
                  % (name, ref, name, ref))
    if rnd.random() < 0.2:
        out.write("COMMENT ON TABLE public.%s IS 'table number %d';\n\n" % (name, i))
    names.append(name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mb', type=float, default=5.0, help='approximate size in MB')
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    out = sys.stdout
    out.write('SET statement_timeout = 0;\n'
              "SELECT pg_catalog.set_config('search_path', '', false);\n\n")
    target = int(args.mb * 1024 * 1024)
    names = []
    import io
    i = 0
    size = 0
    while size < target:
        buf = io.StringIO()
        table(buf, rnd, i, names)
        text = buf.getvalue()
        out.write(text)
        size += len(text)
        i += 1


if __name__ == '__main__':
    main()
