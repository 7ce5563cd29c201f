-- RUN: bk-opt %s | FileCheck %s
-- RUN: bk-opt %s | bk-opt | FileCheck %s

-- GRANT and REVOKE on every object the IR models, applied as PostgreSQL
-- applies them to the object's ACL: from the kind's default privileges (the
-- owner's, EXECUTE and USAGE for PUBLIC on functions and types), back to the
-- default when they are restored. The owner's own entry (REVOKE ... FROM
-- the owner, or CURRENT_USER for a file without OWNER TO), grant options,
-- column privileges (also revoked by a table-level REVOKE), ALL ... IN
-- SCHEMA (tables include views, functions exclude procedures), overloads
-- by identity argument types. Privileges on databases and languages, and
-- role memberships, are accepted and ignored. Checked against PostgreSQL 15
-- (the catalog reader gives the same ACLs).

CREATE SCHEMA app AUTHORIZATION admin;
CREATE TABLE app.t (id int, a text, b text);
ALTER TABLE app.t OWNER TO admin;
CREATE TABLE app.u (id int);
CREATE VIEW app.v AS SELECT id FROM app.t;
CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
CREATE SEQUENCE app.s;
CREATE FUNCTION app.f(x int, y int DEFAULT 1) RETURNS int LANGUAGE sql AS 'SELECT x';
CREATE FUNCTION app.f(x text) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE app.p() LANGUAGE sql AS '';
CREATE TYPE app.mood AS ENUM ('ok');
CREATE DOMAIN app.pos AS int;
CREATE TYPE app.pair AS (x int);
CREATE TYPE app.span AS RANGE (subtype = int);
GRANT SELECT ON app.t TO reader;
GRANT ALL PRIVILEGES ON TABLE app.t TO writer WITH GRANT OPTION GRANTED BY CURRENT_USER;
REVOKE GRANT OPTION FOR DELETE, TRUNCATE ON app.t FROM writer CASCADE;
REVOKE ALL ON app.t FROM admin;
GRANT SELECT, UPDATE ON app.t TO admin;
GRANT SELECT (a), UPDATE (a, b), REFERENCES (id) ON app.t TO GROUP reader, "Mixed Case";
GRANT ALL (b) ON app.t TO auditor;
REVOKE UPDATE ON app.t FROM reader;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO PUBLIC;
REVOKE SELECT ON app.u FROM public;
GRANT USAGE, SELECT ON SEQUENCE app.s TO writer;
GRANT UPDATE ON TABLE app.s TO writer;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.f(int, int) TO reader;
GRANT ALL ON ROUTINE app.f(text), app.p TO writer;
GRANT SELECT ON app.v TO reader;
REVOKE SELECT ON app.v FROM reader;
GRANT USAGE ON SCHEMA app TO reader, writer;
GRANT CREATE ON SCHEMA app TO writer;
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
GRANT USAGE ON DOMAIN app.pos TO reader;
REVOKE ALL ON TYPE app.pair, app.span FROM PUBLIC;
GRANT ALL ON TYPE app.span TO PUBLIC;
GRANT CONNECT ON DATABASE postgres TO reader;
GRANT USAGE ON LANGUAGE plpgsql TO reader;
GRANT reader TO writer;
REVOKE writer FROM reader;

-- CHECK:      schema app [owner = admin, acl = ("reader=U", "writer=UC")] {
-- CHECK-NEXT:   enum mood ("ok") [acl = ()];
-- CHECK-NEXT:   domain pos integer [acl = ("=U", "reader=U")];
-- CHECK-NEXT:   composite pair [acl = ()] {
-- CHECK-NEXT:     attribute x integer;
-- CHECK-NEXT:   }
-- CHECK-NEXT:   range span integer;
-- CHECK-NEXT:   sequence s [acl = ("writer=rwU")];
-- CHECK-NEXT:   table t [owner = admin, acl = ("=r", "reader=r", "writer=a*r*w*dDx*t*"), owner_acl = "rw"] {
-- CHECK-NEXT:     column id integer [acl = ("Mixed Case=x", "reader=x")];
-- CHECK-NEXT:     column a text [acl = ("Mixed Case=rw", "reader=r")];
-- CHECK-NEXT:     column b text [acl = ("Mixed Case=w", "auditor=arwx")];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table u {
-- CHECK-NEXT:     column id integer;
-- CHECK-NEXT:   }
-- CHECK-NEXT:   view v [query = "SELECT id FROM app.t", acl = ("=r")];
-- CHECK-NEXT:   materialized_view mv [query = "SELECT id FROM app.t", acl = ("=r")];
-- CHECK-NEXT:   function f "(x integer, y integer DEFAULT 1)" [returns = integer, language = sql, body = "SELECT x", acl = ("reader=X")];
-- CHECK-NEXT:   function f "(x text)" [returns = integer, language = sql, body = "SELECT 1", acl = ("writer=X")];
-- CHECK-NEXT:   procedure p "()" [language = sql, body = "", acl = ("=X", "writer=X")];
-- CHECK-NEXT: }
