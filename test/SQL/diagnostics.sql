-- RUN: %expect_exit 0 bk-opt %s -verify-diagnostics -split-input-file

-- A syntax error is one located diagnostic naming what was expected; the
-- parser resumes at the next statement, so one run reports them all.

-- expected-error @+1 {{syntax error: unexpected 'tabel', expected}}
CREATE tabel t (a int);
CREATE TABLE ok1 (a int);
-- expected-error @+1 {{syntax error: unexpected ')', expected CHECK, CONSTRAINT, FOREIGN, LIKE, PRIMARY, UNIQUE or identifier}}
CREATE TABLE t2 (a int,);
-- expected-error @+1 {{syntax error: unexpected ';', expected ')'}}
CREATE TABLE t3 (a numeric(10, 2);
CREATE TABLE ok2 (a int);
-- expected-error @+1 {{syntax error: unexpected end of input, expected ')'}}
CREATE TABLE t4 (a int

-- -----

-- Unterminated literals are reported where they start.
-- expected-error @+1 {{syntax error: unexpected unterminated quoted string}}
CREATE TABLE t (a text DEFAULT 'abc);
CREATE TABLE u (a int);

-- -----

-- expected-error @+1 {{syntax error: unexpected unterminated dollar-quoted string}}
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $x$ select 1;

-- -----

-- psql meta-commands are skipped with a warning.
-- expected-warning @+1 {{psql meta-command '\connect' ignored}}
\connect mydb
-- expected-warning @+1 {{psql meta-command '\restrict' ignored}}
\restrict abc123
CREATE TABLE t (a int);

-- -----

-- Statements the IR does not model are accepted with a remark.
-- expected-remark @+1 {{CREATE AGGREGATE is not modelled in the Schema IR; statement ignored}}
CREATE AGGREGATE agg(text) (SFUNC = textcat, STYPE = text);
-- expected-remark @+1 {{CREATE OPERATOR is not modelled in the Schema IR; statement ignored}}
CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);
-- expected-remark @+1 {{CREATE TEXT SEARCH is not modelled in the Schema IR; statement ignored}}
CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = english);
-- expected-remark @+1 {{CREATE CAST is not modelled in the Schema IR; statement ignored}}
CREATE CAST (text AS int) WITH INOUT;

-- -----

-- Semantic errors are located too.
-- expected-error @+1 {{relation "missing" does not exist}}
ALTER TABLE missing ADD COLUMN a int;
ALTER TABLE IF EXISTS missing ADD COLUMN a int;
CREATE TABLE t (a int);
-- expected-error @+1 {{relation "t" already exists}}
CREATE TABLE t (b int);
CREATE TABLE IF NOT EXISTS t (b int);
-- expected-error @+1 {{column "b" of relation "t" does not exist}}
ALTER TABLE t ALTER COLUMN b SET NOT NULL;
-- expected-error @+1 {{relation "nope" does not exist}}
CREATE INDEX ON nope (a);
-- expected-error @+1 {{relation "nothing_here" does not exist}}
COMMENT ON INDEX nothing_here IS NULL;
-- expected-error @+1 {{column "a" specified more than once}}
CREATE TABLE dup (a int, a text);
-- expected-error @+1 {{multiple primary keys for table "pk2" are not allowed}}
CREATE TABLE pk2 (a int PRIMARY KEY, b int, PRIMARY KEY (b));

-- -----

-- WITH [NO] DATA belongs to materialized views; on a plain view it is an
-- error (found by the SQL fuzzer: the IR then held a view it could not
-- print back).
CREATE TABLE accounts (id int);
-- expected-error @+1 {{WITH NO DATA is only for materialized views}}
CREATE VIEW v1 AS SELECT id FROM accounts WITH NO DATA;
-- expected-error @+1 {{WITH DATA is only for materialized views}}
CREATE VIEW v2 AS SELECT id FROM accounts WITH DATA;
CREATE MATERIALIZED VIEW m AS SELECT id FROM accounts WITH NO DATA;

-- -----

-- Domains: NOT VALID only in ALTER DOMAIN ... ADD (as in PostgreSQL, found
-- by the libpg_query oracle); ALTER DOMAIN checks what it changes.
-- expected-error @+1 {{syntax error: unexpected 'VALID'}}
CREATE DOMAIN d1 AS int CHECK (VALUE > 0) NOT VALID;
CREATE DOMAIN d2 AS int CONSTRAINT positive CHECK (VALUE > 0);
-- expected-error @+1 {{type "nowhere" does not exist}}
ALTER DOMAIN nowhere ADD CHECK (VALUE > 1);
-- expected-error @+1 {{constraint "positive" for domain "d2" already exists}}
ALTER DOMAIN d2 ADD CONSTRAINT positive CHECK (VALUE > 1);
-- expected-error @+1 {{constraint "missing" of domain "d2" does not exist}}
ALTER DOMAIN d2 DROP CONSTRAINT missing;
-- expected-error @+1 {{constraint "missing" of domain "d2" does not exist}}
ALTER DOMAIN d2 VALIDATE CONSTRAINT missing;
-- expected-error @+1 {{syntax error: unexpected 'NOT', expected CHECK}}
ALTER DOMAIN d2 ADD NOT NULL;

-- Range types: PostgreSQL's messages for a missing subtype, an option given
-- twice or unknown; the multirange's name is taken in the type namespace.
-- expected-error @+1 {{type attribute "subtype" is required}}
CREATE TYPE r1 AS RANGE (subtype_diff = float8mi);
-- expected-error @+1 {{conflicting or redundant options}}
CREATE TYPE r2 AS RANGE (subtype = int, SUBTYPE = bigint);
-- expected-error @+1 {{type attribute "element" not recognized}}
CREATE TYPE r3 AS RANGE (subtype = int, element = int);
-- expected-error @+1 {{range type option "subtype_diff" takes a name}}
CREATE TYPE r4 AS RANGE (subtype = int, subtype_diff = numeric(3));
CREATE TYPE r5 AS RANGE (subtype = int);
-- expected-error @+1 {{type "r5_multirange" already exists}}
CREATE TYPE r5_multirange AS ENUM ('a');
-- expected-error @+1 {{type "r5_multirange" already exists}}
CREATE TYPE r6 AS RANGE (subtype = int, multirange_type_name = r5_multirange);

-- GRANT and REVOKE: PostgreSQL's messages for unknown objects, columns and
-- privileges, privileges the kind does not have, column privileges on what
-- has no columns; the words that are not keywords are checked.
CREATE TABLE gt (id int);
CREATE FUNCTION gf(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
-- expected-error @+1 {{relation "nowhere" does not exist}}
GRANT SELECT ON nowhere TO r;
-- expected-error @+1 {{column "nope" of relation "gt" does not exist}}
GRANT SELECT (nope) ON gt TO r;
-- expected-error @+1 {{unrecognized privilege type "fly"}}
GRANT fly ON gt TO r;
-- expected-error @+1 {{invalid privilege type EXECUTE for table}}
GRANT EXECUTE ON gt TO r;
-- expected-error @+1 {{invalid privilege type SELECT for function}}
GRANT SELECT ON FUNCTION gf(int) TO r;
-- expected-error @+1 {{function gf(text) does not exist}}
GRANT EXECUTE ON FUNCTION gf(text) TO r;
-- expected-error @+1 {{column privileges are only valid for relations}}
GRANT USAGE (id) ON SCHEMA public TO r;
-- expected-error @+1 {{syntax error: unexpected 'options', expected OPTION}}
GRANT SELECT ON gt TO r WITH GRANT OPTIONS;
-- expected-error @+1 {{syntax error: unexpected 'viewz', expected TABLES, SEQUENCES, FUNCTIONS, PROCEDURES or ROUTINES}}
GRANT SELECT ON ALL viewz IN SCHEMA public TO r;
-- expected-error @+1 {{schema "nowhere" does not exist}}
GRANT USAGE ON SCHEMA nowhere TO r;
-- expected-error @+1 {{type "nowhere" does not exist}}
GRANT USAGE ON TYPE nowhere TO r;

-- -----

-- ALTER FUNCTION ... OWNER TO names a function that exists.
CREATE FUNCTION f1() RETURNS int LANGUAGE sql AS 'select 1';
ALTER FUNCTION f1() OWNER TO app;
-- expected-error @+1 {{function nope(integer) does not exist}}
ALTER FUNCTION nope(integer) OWNER TO app;

-- -----

-- OVERLAPS takes two rows of two values, as PostgreSQL's grammar checks;
-- the statement is not built.
-- expected-error @+1 {{wrong number of parameters on left side of OVERLAPS expression}}
CREATE TABLE ov1 (a date, b date, CHECK ((a, b, a) OVERLAPS (a, b)));
-- expected-error @+1 {{wrong number of parameters on right side of OVERLAPS expression}}
CREATE TABLE ov2 (a date, b date, CHECK (ROW(a, b) OVERLAPS b));
-- expected-error @+1 {{wrong number of parameters on left side of OVERLAPS expression}}
CREATE TABLE ov3 (a date, b date, CHECK ((a) OVERLAPS (a, b)));
CREATE TABLE ov4 (a date, b date, CHECK (ROW(a, b) OVERLAPS (a, b)));
-- The SQL-syntax functions' own keywords, where PostgreSQL expects them.
-- expected-error @+1 {{syntax error: unexpected 'x'}}
CREATE TABLE ov5 (a text DEFAULT overlay('a' x));
-- expected-error @+1 {{syntax error: unexpected 'from'}}
CREATE TABLE ps1 (a text CHECK (position('a' from a) > 0));

-- -----

-- ALTER ... RENAME and ALTER TYPE's attribute forms name what exists, and a
-- new name nothing else has; PostgreSQL's messages.
CREATE TABLE rn (a int, b int);
CREATE VIEW rnv AS SELECT a FROM rn;
CREATE TYPE rnt AS (x int, y int);
CREATE TYPE rne AS ENUM ('p');
CREATE TABLE rnu (t rnt);
-- expected-error @+1 {{column "b" of relation "rn" already exists}}
ALTER TABLE rn RENAME COLUMN a TO b;
-- A view that names the table and the column is warned about; one that
-- names a column of that name of another table is not.
CREATE TABLE rx (a int);
ALTER TABLE rx RENAME COLUMN a TO z;
-- expected-warning @+1 {{the query of view "rnv" is kept as written: it still names "a"}}
ALTER TABLE rn RENAME COLUMN a TO aa;
-- expected-warning @+1 {{the query of view "rnv" is kept as written: it still names "rn"}}
ALTER TABLE rn RENAME TO rn2;
-- expected-error @+1 {{relation "nope" does not exist}}
ALTER INDEX nope RENAME TO x;
ALTER INDEX IF EXISTS nope RENAME TO x;
-- expected-error @+1 {{"rn2" is not a sequence}}
ALTER SEQUENCE rn2 RENAME TO x;
-- expected-error @+1 {{"rn2" is not a view}}
ALTER VIEW rn2 RENAME TO x;
-- expected-error @+1 {{relation "rn2" already exists}}
ALTER VIEW rnv RENAME TO rn2;
-- expected-warning @+1 {{the query of view "rnv" is kept as written: its output column "a" is not renamed in the Schema IR}}
ALTER VIEW rnv RENAME COLUMN a TO c;
-- expected-error @+1 {{type "rne" already exists}}
ALTER TYPE rnt RENAME TO rne;
-- expected-error @+1 {{"rnt" is not a domain}}
ALTER DOMAIN rnt RENAME TO x;
-- expected-error @+1 {{"rne" is not a composite type}}
ALTER TYPE rne ADD ATTRIBUTE z int;
-- expected-error @+1 {{column "x" of relation "rnt" already exists}}
ALTER TYPE rnt ADD ATTRIBUTE x int;
-- expected-error @+1 {{column "z" of relation "rnt" does not exist}}
ALTER TYPE rnt DROP ATTRIBUTE z;
ALTER TYPE rnt DROP ATTRIBUTE IF EXISTS z;
-- expected-error @+1 {{cannot alter type "rnt" because column "rnu.t" uses it}}
ALTER TYPE rnt ALTER ATTRIBUTE x TYPE bigint;
-- expected-error @+1 {{column "y" of relation "rnt" already exists}}
ALTER TYPE rnt RENAME ATTRIBUTE x TO y;
-- expected-error @+1 {{rne is not a base type}}
ALTER TYPE rne SET (STORAGE = plain);
-- expected-remark @+1 {{base types are not modelled in the Schema IR: ALTER TYPE "somebase" SET ignored}}
ALTER TYPE somebase SET (STORAGE = plain);
-- expected-error @+1 {{trigger "nope" for table "rn2" does not exist}}
ALTER TRIGGER nope ON rn2 RENAME TO x;
-- expected-error @+1 {{policy "nope" for table "rn2" does not exist}}
ALTER POLICY nope ON rn2 RENAME TO x;
-- expected-error @+1 {{schema "nope" does not exist}}
ALTER SCHEMA nope RENAME TO x;
CREATE SCHEMA rns;
-- expected-error @+1 {{schema "public" already exists}}
ALTER SCHEMA rns RENAME TO public;
-- expected-error @+1 {{function nope() does not exist}}
ALTER FUNCTION nope() RENAME TO x;
-- expected-error @+1 {{schema "nowhere" does not exist}}
ALTER TABLE rn2 SET SCHEMA nowhere;
