-- RUN: bk-opt %s | FileCheck %s

-- The canonical text of expressions (docs/SQL.md): keyword case, spacing,
-- identifier quoting, type names, redundant parentheses.

CREATE TABLE e (
  a int, b text, c timestamptz, d numeric, "Mixed" int, arr int[],
  CONSTRAINT c1 CHECK (((a   >   0))),
  CONSTRAINT c2 CHECK (b::VARCHAR(10) <> 'x' and b != 'y' OR NOT (a is null)),
  CONSTRAINT c3 CHECK (a BETWEEN 1 AND 10 AND a NOT IN (3, 4) AND b LIKE 'a%' ESCAPE '\'),
  CONSTRAINT c4 CHECK (b ILIKE 'x' AND b NOT SIMILAR TO 'y' AND a IS NOT DISTINCT FROM 1),
  CONSTRAINT c5 CHECK (CASE WHEN a > 0 THEN true ELSE FALSE END),
  CONSTRAINT c6 CHECK (c > CURRENT_TIMESTAMP - interval '1 day' AND c < timestamp with time zone '2030-01-01'),
  CONSTRAINT c7 CHECK (arr[1] = ANY (ARRAY[1, 2]) AND "Mixed" = -1 AND cast(d AS int) = 2),
  CONSTRAINT c8 CHECK (E'a\'b' <> U&'x' AND B'101' IS NOT NULL AND X'ff' IS NOT NULL AND $$q$$ <> ''),
  CONSTRAINT c9 CHECK (extract(year from c) > 2000 AND (a, b) IS NOT NULL AND row(a) IS NOT NULL),
  CONSTRAINT c10 CHECK (d::double precision > 1.5e3 AND a % 2 = 0 AND 2 ^ 3 = 8 AND a::"Mixed" IS NULL),
  CONSTRAINT c11 CHECK (b COLLATE "C" > 'a' AND c AT TIME ZONE 'UTC' IS NOT NULL AND "user" IS NULL),
  CONSTRAINT c12 CHECK (EXISTS (SELECT 1 FROM e WHERE a = 1) AND a OPERATOR(pg_catalog.+) 1 > 0)
);
-- CHECK: check c1 [expr = "a > 0"];
-- CHECK: check c2 [expr = "b::character varying(10) <> 'x' AND b <> 'y' OR NOT (a IS NULL)"];
-- CHECK: check c3 [expr = "a BETWEEN 1 AND 10 AND a NOT IN (3, 4) AND b LIKE 'a%' ESCAPE '\\'"];
-- CHECK: check c4 [expr = "b ILIKE 'x' AND b NOT SIMILAR TO 'y' AND a IS NOT DISTINCT FROM 1"];
-- CHECK: check c5 [expr = "CASE WHEN a > 0 THEN true ELSE false END"];
-- CHECK: check c6 [expr = "c > CURRENT_TIMESTAMP - INTERVAL '1 day' AND c < TIMESTAMP WITH TIME ZONE '2030-01-01'"];
-- CHECK: check c7 [expr = "arr[1] = ANY (ARRAY[1, 2]) AND \"Mixed\" = -1 AND CAST(d AS integer) = 2"];
-- CHECK: check c8 [expr = "E'a\\'b' <> U&'x' AND B'101' IS NOT NULL AND X'ff' IS NOT NULL AND $$q$$ <> ''"];
-- CHECK: check c9 [expr = "EXTRACT(year FROM c) > 2000 AND (a, b) IS NOT NULL AND ROW(a) IS NOT NULL"];
-- CHECK: check c10 [expr = "d::double precision > 1.5e3 AND a % 2 = 0 AND 2 ^ 3 = 8 AND a::\"Mixed\" IS NULL"];
-- CHECK: check c11 [expr = "b COLLATE \"C\" > 'a' AND c AT TIME ZONE 'UTC' IS NOT NULL AND \"user\" IS NULL"];
-- CHECK: check c12 [expr = "EXISTS (SELECT 1 FROM e WHERE a = 1) AND a OPERATOR(pg_catalog.+) 1 > 0"];

-- Functions with a syntax of their own; their plain call forms are calls;
-- POSITION, SUBSTRING, TRIM and OVERLAY may also name columns.
CREATE TABLE f (
  b text, d date, e date, position int, substring text, trim text, overlay text,
  CONSTRAINT f1 CHECK (position('@' in b) > 1 AND substring(b from 2 for 3) <> '' AND substring(b for 1) <> ''),
  CONSTRAINT f2 CHECK (substring(b similar 'a#"b#"c' escape '#') IS NULL AND substring(b, 1, 2) <> '' AND "substring"(b, 'x') <> ''),
  CONSTRAINT f3 CHECK (trim(b) <> '' AND trim(both 'x' from b) <> '' AND Trim(LEADING from b) <> '' AND trim(trailing b, 'y') <> ''),
  CONSTRAINT f4 CHECK (overlay(b placing 'x' from 2 for 1) <> '' AND overlay(b placing 'x' from 2) <> '' AND overlay(b, 'x', 2) <> ''),
  CONSTRAINT f5 CHECK (normalize(b) IS NOT NULL AND normalize(b, nfd) IS NFD NORMALIZED AND b IS NOT NORMALIZED),
  CONSTRAINT f6 CHECK ((d, e) OVERLAPS (DATE '2020-01-01', interval '1 day') AND NOT ROW(d, e) overlaps row(e, d)),
  CONSTRAINT f7 CHECK (collation for (b) IS NOT NULL AND position > 0 AND substring <> '' AND trim <> overlay)
);
-- CHECK: check f1 [expr = "POSITION('@' IN b) > 1 AND SUBSTRING(b FROM 2 FOR 3) <> '' AND SUBSTRING(b FOR 1) <> ''"];
-- CHECK: check f2 [expr = "SUBSTRING(b SIMILAR 'a#\"b#\"c' ESCAPE '#') IS NULL AND \"substring\"(b, 1, 2) <> '' AND \"substring\"(b, 'x') <> ''"];
-- CHECK: check f3 [expr = "TRIM(b) <> '' AND TRIM(BOTH 'x' FROM b) <> '' AND TRIM(LEADING FROM b) <> '' AND TRIM(TRAILING b, 'y') <> ''"];
-- CHECK: check f4 [expr = "OVERLAY(b PLACING 'x' FROM 2 FOR 1) <> '' AND OVERLAY(b PLACING 'x' FROM 2) <> '' AND \"overlay\"(b, 'x', 2) <> ''"];
-- CHECK: check f5 [expr = "NORMALIZE(b) IS NOT NULL AND NORMALIZE(b, NFD) IS NFD NORMALIZED AND b IS NOT NORMALIZED"];
-- CHECK: check f6 [expr = "(d, e) OVERLAPS (date '2020-01-01', INTERVAL '1 day') AND NOT ROW(d, e) OVERLAPS ROW(e, d)"];
-- CHECK: check f7 [expr = "COLLATION FOR (b) IS NOT NULL AND \"position\" > 0 AND \"substring\" <> '' AND \"trim\" <> \"overlay\""];

-- Field selection after parentheses or a parameter.
CREATE TYPE pt AS (x int, y int);
CREATE TABLE g (p pt, ps pt[],
  CONSTRAINT g1 CHECK ((p).x > 0 AND (ps[1]).y IS NOT NULL AND ((p)).y < 10));
CREATE INDEX ON g (((p).x));
CREATE FUNCTION gx(pt) RETURNS int LANGUAGE sql RETURN $1.x + ($1).y;
-- CHECK: check g1 [expr = "(p).x > 0 AND (ps[1]).y IS NOT NULL AND (p).y < 10"];
-- CHECK: index g_x_idx {
-- CHECK-NEXT: key "(p).x" [expression];
-- CHECK: function gx "(pt)" [returns = integer, language = sql, body = "RETURN $1.x + ($1).y"];
