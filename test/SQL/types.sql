-- RUN: bk-opt %s 2>&1 >%t | FileCheck %s --allow-empty --check-prefix=DIAG
-- RUN: FileCheck %s < %t

-- Enums (and ALTER TYPE ... ADD VALUE), composite types, domains with
-- their implicit check names, sequences with PostgreSQL's defaults
-- dropped, OWNED BY. Range types, their multirange type names.

CREATE TYPE mood AS ENUM ('sad', 'ok');
ALTER TYPE mood ADD VALUE 'happy';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';
CREATE TYPE public.pair AS (x int, label text COLLATE "C");
CREATE DOMAIN posint AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN email AS citext;
-- pg_dump's form for a constraint not validated yet, and the other ALTER
-- DOMAIN forms.
ALTER DOMAIN email ADD CONSTRAINT email_format CHECK (VALUE ~ '@') NOT VALID;
ALTER DOMAIN email ADD CHECK (length(VALUE) < 255);
ALTER DOMAIN email ADD CONSTRAINT temporary CHECK (VALUE <> '');
ALTER DOMAIN email DROP CONSTRAINT temporary;
ALTER DOMAIN email DROP CONSTRAINT IF EXISTS never_there CASCADE;
ALTER DOMAIN posint DROP DEFAULT;
ALTER DOMAIN posint SET DEFAULT 2;
ALTER DOMAIN posint DROP NOT NULL;
ALTER DOMAIN posint SET NOT NULL;
ALTER DOMAIN email SET NOT NULL;
ALTER DOMAIN email DROP NOT NULL;
CREATE DOMAIN checked AS int CHECK (VALUE > 0);
ALTER DOMAIN checked ADD CONSTRAINT later CHECK (VALUE < 10) NOT VALID;
ALTER DOMAIN checked VALIDATE CONSTRAINT later;
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE textrange AS RANGE (SUBTYPE = text, COLLATION = "C",
  SUBTYPE_OPCLASS = text_pattern_ops, multirange_type_name = public.textranges);
CREATE TYPE period AS RANGE (subtype = timestamptz, multirange_type_name = period_multirange);
COMMENT ON TYPE period IS 'a time span';
CREATE SEQUENCE s1;
CREATE SEQUENCE IF NOT EXISTS s2 AS integer INCREMENT BY -1 START WITH -1 MINVALUE -100 NO MAXVALUE CACHE 10 CYCLE;
CREATE SEQUENCE s3 START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE owner_t (id integer NOT NULL);
ALTER SEQUENCE s3 OWNED BY owner_t.id;
ALTER TYPE mood OWNER TO app;
ALTER DOMAIN posint OWNER TO app;
ALTER SEQUENCE s1 OWNER TO app;
ALTER TYPE floatrange OWNER TO app;

-- DIAG-NOT: remark

-- CHECK:      schema public {
-- CHECK-NEXT:   enum mood ("sad", "meh", "ok", "happy") [owner = app];
-- CHECK-NEXT:   domain posint integer [not_null, default = "2", owner = app] {
-- CHECK-NEXT:     check posint_check [expr = "VALUE > 0"];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   domain email citext {
-- CHECK-NEXT:     check email_format [expr = "VALUE ~ '@'", not_valid];
-- CHECK-NEXT:     check email_check [expr = "length(VALUE) < 255"];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   domain checked integer {
-- CHECK-NEXT:     check checked_check [expr = "VALUE > 0"];
-- CHECK-NEXT:     check later [expr = "VALUE < 10"];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   composite pair {
-- CHECK-NEXT:     attribute x integer;
-- CHECK-NEXT:     attribute label text [collation = C];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   range floatrange "double precision" [subtype_diff = float8mi, owner = app];
-- CHECK-NEXT:   range textrange text [subtype_opclass = text_pattern_ops, collation = C, multirange = textranges];
-- CHECK-NEXT:   range period "timestamp with time zone" [comment = "a time span"];
-- CHECK-NEXT:   sequence s1 [owner = app];
-- CHECK-NEXT:   sequence s2 [type = integer, increment = -1, min = -100, cache = 10, cycle];
-- CHECK-NEXT:   sequence s3 [owned_by = public.owner_t.id];
-- CHECK-NEXT:   table owner_t {
-- CHECK-NEXT:     column id integer [not_null];
-- CHECK-NEXT:   }
-- CHECK-NEXT: }
