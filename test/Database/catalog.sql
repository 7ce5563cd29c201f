-- Every kind of object the catalog reader knows, loaded into a fresh
-- database and read back through pg_catalog. The -passes=sort output is the
-- exact IR; a second bk-opt reads it back unchanged.

-- REQUIRES: postgres
-- RUN: psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS bk_test_db_catalog' -c 'CREATE DATABASE bk_test_db_catalog TEMPLATE template0'
-- RUN: psql -X -q -v ON_ERROR_STOP=1 -d bk_test_db_catalog -f %s
-- RUN: bk-opt --connection "dbname=bk_test_db_catalog" -passes=sort > %t.bkir
-- RUN: FileCheck %s --match-full-lines < %t.bkir
-- RUN: bk-opt %t.bkir | diff %t.bkir -
-- The range types' constructor functions belong to the types, and
-- btree_gist's many functions to the extension: none is read.
-- RUN: FileCheck %s --check-prefix=NOT-MEMBERS < %t.bkir
-- NOT-MEMBERS-NOT: function int4_range2
-- NOT-MEMBERS-NOT: function int4_range2_multirange
-- NOT-MEMBERS-NOT: gbt_
-- Without -passes=sort objects come in creation (oid) order.
-- RUN: bk-opt --connection "dbname=bk_test_db_catalog" | FileCheck %s --check-prefix=OID
-- OID: table orgs
-- OID: table users
-- OID: table parent
-- OID: table child
-- RUN: psql -X -q -d postgres -c 'DROP DATABASE bk_test_db_catalog'

-- CHECK: extension btree_gist [schema = public, version = "{{[0-9.]+}}", comment = "{{.*}}"];
-- CHECK-NEXT: extension pgcrypto [schema = public, version = "{{[0-9.]+}}", comment = "cryptographic functions"];
-- CHECK-NEXT: schema app [owner = postgres, comment = "application"] {
-- CHECK-NEXT:   enum status ("new", "done") [owner = postgres];
-- CHECK-NEXT:   sequence order_no_seq [type = integer, increment = 5, min = 1000, max = 999999, cache = 10, cycle, owner = postgres];
-- CHECK-NEXT:   table cache [unlogged, owner = postgres] {
-- CHECK-NEXT:     column k text [not_null];
-- CHECK-NEXT:     column v jsonb;
-- CHECK-NEXT:     primary_key cache_pkey (k);
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table events [partition_by = range, owner = postgres] {
-- CHECK-NEXT:     column id bigint [not_null];
-- CHECK-NEXT:     column at date [not_null];
-- CHECK-NEXT:     column kind text;
-- CHECK-NEXT:     partition_key at;
-- CHECK-NEXT:     primary_key events_pkey (id, at);
-- CHECK-NEXT:     index events_kind_idx {
-- CHECK-NEXT:       key kind;
-- CHECK-NEXT:     }
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table events_2024 [partition_of = app.events, bound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", owner = postgres] {
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table events_other [partition_of = app.events, bound = "DEFAULT", owner = postgres] {
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table tagged [partition_by = list, owner = postgres] {
-- CHECK-NEXT:     column label text;
-- CHECK-NEXT:     column lower_label text;
-- CHECK-NEXT:     partition_key "lower(label)" [expression];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   view v_sec [options = ("security_barrier=true"), query = "SELECT 1 AS one", owner = postgres];
-- CHECK-NEXT:   function ids "(n integer)" [returns = "SETOF bigint", language = sql, volatility = stable, cost = 5, rows = 10, security_definer, config = ("search_path=app"), body = "SELECT generate_series(1, n)", owner = postgres, acl = ("pg_monitor=X")];
-- CHECK-NEXT:   function text_diff "(a text, b text)" [returns = "double precision", language = sql, volatility = immutable, body = "SELECT (ascii(a) - ascii(b))::float8", owner = postgres];
-- CHECK-NEXT:   procedure archive "(days integer)" [language = sql, body = "SELECT days", owner = postgres];
-- CHECK-NEXT: }
-- CHECK-NEXT: schema public {
-- CHECK-NEXT:   enum mood ("sad", "ok", "happy") [owner = postgres, comment = "feelings"];
-- CHECK-NEXT:   domain positive integer [owner = postgres] {
-- CHECK-NEXT:     check positive_check [expr = "(VALUE > 0)"];
-- CHECK-NEXT:     check positive_small [expr = "(VALUE < 1000)", not_valid];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   domain us_postal_code text [not_null, default = "'00000'::text", collation = C, owner = postgres] {
-- CHECK-NEXT:     check us_postal_code_check [expr = "(VALUE ~ '^\\d{5}$'::text)"];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   composite address [owner = postgres] {
-- CHECK-NEXT:     attribute street text;
-- CHECK-NEXT:     attribute zip "character varying(10)" [collation = C];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   range int4_range2 integer [owner = postgres];
-- CHECK-NEXT:   range textspan text [subtype_opclass = text_pattern_ops, collation = C, subtype_diff = app.text_diff, multirange = textspans, owner = postgres, comment = "text intervals"];
-- CHECK-NEXT:   sequence countdown [increment = -1, min = -100, owner = postgres];
-- CHECK-NEXT:   sequence orgs_invoice_no_seq [type = integer, owned_by = public.orgs.invoice_no, owner = postgres];
-- CHECK-NEXT:   table bookings [owner = postgres] {
-- CHECK-NEXT:     column room integer;
-- CHECK-NEXT:     column during tsrange;
-- CHECK-NEXT:     exclude no_overlap [method = gist, where = "(room > 0)"] {
-- CHECK-NEXT:       key room [operator = "="];
-- CHECK-NEXT:       key during [operator = "&&"];
-- CHECK-NEXT:     }
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table child [inherits = (public.parent), owner = postgres] {
-- CHECK-NEXT:     column b integer;
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table orgs [owner = postgres, acl = ("pg_read_all_data=r*"), owner_acl = "arwdx"] {
-- CHECK-NEXT:     column id bigint [not_null, identity = always];
-- CHECK-NEXT:     column name text [not_null, acl = ("pg_monitor=rw")];
-- CHECK-NEXT:     column invoice_no integer [not_null, default = "nextval('orgs_invoice_no_seq'::regclass)"];
-- CHECK-NEXT:     primary_key orgs_pkey (id);
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table parent [owner = postgres] {
-- CHECK-NEXT:     column a integer;
-- CHECK-NEXT:     check parent_a_check [expr = "(a > 0)"];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table users [row_security, force_row_security, options = ("fillfactor=70"), owner = postgres, comment = "people"] {
-- CHECK-NEXT:     column id bigint [not_null, identity = by_default];
-- CHECK-NEXT:     column org_id bigint;
-- CHECK-NEXT:     column email "character varying(255)" [not_null, default = "''::character varying", collation = C, comment = "login"];
-- CHECK-NEXT:     column email_lower text [generated = "lower((email)::text)"];
-- CHECK-NEXT:     column feeling mood;
-- CHECK-NEXT:     column home address;
-- CHECK-NEXT:     column tags "text[]";
-- CHECK-NEXT:     column created_at "timestamp with time zone" [not_null, default = "now()"];
-- CHECK-NEXT:     column updated_at "timestamp(3) without time zone";
-- CHECK-NEXT:     check users_email_check [expr = "((email)::text <> ''::text)", no_inherit, comment = "non-empty"];
-- CHECK-NEXT:     unique users_email_key (email) [nulls_not_distinct];
-- CHECK-NEXT:     foreign_key users_org_fk (org_id) [references = public.orgs, ref_columns = (id), match = full, on_delete = set_null, on_delete_set = (org_id), on_update = cascade, deferrable, initially_deferred, not_valid];
-- CHECK-NEXT:     foreign_key users_org_id_fkey (org_id) [references = public.orgs, ref_columns = (id), on_delete = cascade];
-- CHECK-NEXT:     primary_key users_pkey (id) [include = (email)];
-- CHECK-NEXT:     index users_lower_email_idx [unique, where = "(created_at IS NOT NULL)", comment = "lookup"] {
-- CHECK-NEXT:       key "lower((email)::text)" [expression, opclass = text_pattern_ops, order = desc, nulls = last];
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index users_org_idx [include = (email), options = ("fillfactor=90")] {
-- CHECK-NEXT:       key org_id [nulls = first];
-- CHECK-NEXT:       key created_at [order = desc];
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index users_tags_idx [method = gin] {
-- CHECK-NEXT:       key tags;
-- CHECK-NEXT:     }
-- CHECK-NEXT:     trigger users_audit [constraint, timing = after, events = (delete), for_each = row, function = public.touch, deferrable, initially_deferred];
-- CHECK-NEXT:     trigger users_deleted [timing = after, events = (delete), function = public.touch, old_table = old_rows];
-- CHECK-NEXT:     trigger users_touch [timing = before, events = (insert, update), update_of = (email), for_each = row, function = public.touch, args = ("updated_at", "x y"), when = "(new.email IS NOT NULL)"];
-- CHECK-NEXT:     trigger users_truncated [timing = after, events = (truncate), function = public.touch];
-- CHECK-NEXT:     policy users_insert [command = insert, with_check = "true"];
-- CHECK-NEXT:     policy users_tenant [command = select, restrictive, roles = (postgres), using = "(org_id = 1)"];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   view active_users [query = "SELECT users.id,\n    users.email\n   FROM users\n  WHERE (users.created_at > (now() - '1 day'::interval))", owner = postgres] {
-- CHECK-NEXT:     trigger active_users_ins [timing = instead_of, events = (insert), for_each = row, function = public.v_ins];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   materialized_view user_counts [with_no_data, query = "SELECT users.org_id,\n    count(*) AS n\n   FROM users\n  GROUP BY users.org_id", owner = postgres] {
-- CHECK-NEXT:     index user_counts_org_idx {
-- CHECK-NEXT:       key org_id;
-- CHECK-NEXT:     }
-- CHECK-NEXT:   }
-- CHECK-NEXT:   function add "(a integer, b integer DEFAULT 1)" [returns = integer, language = sql, volatility = immutable, strict, parallel = safe, body = "SELECT a + b", owner = postgres];
-- CHECK-NEXT:   function touch "()" [returns = trigger, language = plpgsql, body = "BEGIN NEW.updated_at := now(); RETURN NEW; END", owner = postgres, comment = "touches"];
-- CHECK-NEXT:   function v_ins "()" [returns = trigger, language = plpgsql, body = "BEGIN RETURN NEW; END", owner = postgres];
-- CHECK-NEXT: }

CREATE EXTENSION pgcrypto;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application';
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
COMMENT ON TYPE mood IS 'feelings';
CREATE TYPE app.status AS ENUM ('new', 'done');
CREATE DOMAIN us_postal_code AS text COLLATE "C" NOT NULL DEFAULT '00000'
  CONSTRAINT us_postal_code_check CHECK (VALUE ~ '^\d{5}$');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
ALTER DOMAIN positive ADD CONSTRAINT positive_small CHECK (VALUE < 1000) NOT VALID;
CREATE TYPE address AS (street text, zip varchar(10) COLLATE "C");
CREATE TYPE int4_range2 AS RANGE (subtype = int4);
CREATE FUNCTION app.text_diff(a text, b text) RETURNS float8 LANGUAGE sql
  IMMUTABLE AS 'SELECT (ascii(a) - ascii(b))::float8';
CREATE TYPE textspan AS RANGE (subtype = text, collation = "C",
  subtype_opclass = text_pattern_ops, subtype_diff = app.text_diff,
  multirange_type_name = textspans);
COMMENT ON TYPE textspan IS 'text intervals';
CREATE SEQUENCE countdown INCREMENT -1 MINVALUE -100 MAXVALUE -1;
CREATE SEQUENCE app.order_no_seq AS integer START 1000 INCREMENT 5 MINVALUE 1000 MAXVALUE 999999 CACHE 10 CYCLE;
CREATE TABLE orgs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  invoice_no serial
);
CREATE TABLE users (
  id bigint GENERATED BY DEFAULT AS IDENTITY,
  org_id bigint REFERENCES orgs ON DELETE CASCADE,
  email varchar(255) COLLATE "C" NOT NULL DEFAULT '',
  email_lower text GENERATED ALWAYS AS (lower(email)) STORED,
  feeling mood,
  home address,
  tags text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamp(3),
  CONSTRAINT users_pkey PRIMARY KEY (id) INCLUDE (email),
  CONSTRAINT users_email_key UNIQUE NULLS NOT DISTINCT (email),
  CONSTRAINT users_email_check CHECK (email <> '') NO INHERIT
) WITH (fillfactor = 70);
COMMENT ON TABLE users IS 'people';
COMMENT ON COLUMN users.email IS 'login';
COMMENT ON CONSTRAINT users_email_check ON users IS 'non-empty';
ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)
  MATCH FULL ON DELETE SET NULL (org_id) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE UNIQUE INDEX users_lower_email_idx ON users (lower(email) COLLATE "C" text_pattern_ops DESC NULLS LAST) WHERE created_at IS NOT NULL;
COMMENT ON INDEX users_lower_email_idx IS 'lookup';
CREATE INDEX users_tags_idx ON users USING gin (tags);
CREATE INDEX users_org_idx ON users (org_id ASC NULLS FIRST, created_at DESC) INCLUDE (email) WITH (fillfactor = 90);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$;
CREATE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT a + b';
CREATE FUNCTION app.ids(n integer) RETURNS SETOF bigint LANGUAGE sql STABLE ROWS 10 COST 5 SECURITY DEFINER SET search_path = app AS 'SELECT generate_series(1, n)';
-- Privileges: the ACLs that are not the default, the owner's own entry
-- when it lacks privileges, column privileges.
REVOKE ALL ON FUNCTION app.ids(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.ids(integer) TO pg_monitor;
GRANT SELECT ON orgs TO pg_read_all_data WITH GRANT OPTION;
REVOKE TRUNCATE, TRIGGER ON orgs FROM CURRENT_USER;
GRANT SELECT (name), UPDATE (name) ON orgs TO pg_monitor;
CREATE PROCEDURE app.archive(days integer) LANGUAGE sql AS $$SELECT days$$;
COMMENT ON FUNCTION touch() IS 'touches';
CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE OF email ON users FOR EACH ROW WHEN (NEW.email IS NOT NULL) EXECUTE FUNCTION touch('updated_at', 'x y');
CREATE TRIGGER users_truncated AFTER TRUNCATE ON users EXECUTE FUNCTION touch();
CREATE TRIGGER users_deleted AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION touch();
CREATE CONSTRAINT TRIGGER users_audit AFTER DELETE ON users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch();
CREATE POLICY users_tenant ON users AS RESTRICTIVE FOR SELECT TO postgres USING (org_id = 1);
CREATE POLICY users_insert ON users FOR INSERT WITH CHECK (true);
CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY, v jsonb);
CREATE TABLE app.events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_other PARTITION OF app.events DEFAULT;
ALTER TABLE app.events ADD PRIMARY KEY (id, at);
CREATE INDEX events_kind_idx ON app.events (kind);
CREATE TABLE app.tagged (label text, lower_label text) PARTITION BY LIST (lower(label));
CREATE TABLE parent (a integer CHECK (a > 0));
CREATE TABLE child (b integer) INHERITS (parent);
CREATE EXTENSION btree_gist;
CREATE TABLE bookings (room integer, during tsrange,
  CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0));
CREATE VIEW active_users AS SELECT id, email FROM users WHERE created_at > now() - interval '1 day';
CREATE VIEW app.v_sec WITH (security_barrier = true) AS SELECT 1 AS one;
CREATE MATERIALIZED VIEW user_counts AS SELECT org_id, count(*) AS n FROM users GROUP BY org_id WITH NO DATA;
CREATE INDEX user_counts_org_idx ON user_counts (org_id);
CREATE FUNCTION v_ins() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER active_users_ins INSTEAD OF INSERT ON active_users FOR EACH ROW EXECUTE FUNCTION v_ins();
