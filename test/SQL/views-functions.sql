-- RUN: bk-opt %s | FileCheck %s
-- RUN: bk-opt %s | bk-opt | FileCheck %s

-- Views keep their query as normalised token text; function bodies are
-- opaque (dollar quotes and plain strings). Triggers, policies and row
-- level security.

CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance numeric);

CREATE VIEW rich (id, who) WITH (security_barrier = true) AS
  select id, owner
  FROM   accounts   WHERE balance>1000 order by id;

CREATE OR REPLACE VIEW rich AS SELECT id FROM accounts;
-- WITH CHECK OPTION is an option of the view, as PostgreSQL stores it.
CREATE VIEW checked AS SELECT id FROM accounts WHERE balance > 0 WITH LOCAL CHECK OPTION;

CREATE MATERIALIZED VIEW totals AS
  SELECT owner, sum(balance) AS total FROM accounts GROUP BY owner
  WITH NO DATA;
CREATE UNIQUE INDEX ON totals (owner);

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  NEW.balance := coalesce(NEW.balance, 0);  -- not a statement end;
  RETURN NEW;
END
$body$;

CREATE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10
    SET search_path = public, pg_temp
    AS 'select a + b';

CREATE FUNCTION ids(OUT id int) RETURNS SETOF integer LANGUAGE sql STABLE
    RETURN 1;

-- The mode after the name, as PostgreSQL also takes it, prints before it.
CREATE FUNCTION minmax(vals int[], lo OUT int, hi INOUT int) RETURNS record
    LANGUAGE sql IMMUTABLE AS 'SELECT min(v), max(v) FROM unnest(vals) v';

CREATE PROCEDURE audit(msg text) LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RAISE NOTICE '%', msg; END $$;
-- pg_dump's ALTER FUNCTION ... OWNER TO sets the owner (its identity
-- arguments leave defaults out); other ALTER FUNCTION forms are ignored.
ALTER FUNCTION public.add(a integer, b integer) OWNER TO app;
ALTER PROCEDURE audit(text) OWNER TO admin;
ALTER FUNCTION touch() SECURITY DEFINER;

CREATE TRIGGER accounts_touch BEFORE INSERT OR UPDATE OF balance ON accounts
    FOR EACH ROW WHEN (NEW.balance IS DISTINCT FROM OLD.balance)
    EXECUTE FUNCTION public.touch();
CREATE CONSTRAINT TRIGGER accounts_check AFTER DELETE ON accounts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE touch('x', 42);

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ONLY accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON accounts AS RESTRICTIVE FOR SELECT TO app_user, public
    USING (owner = current_user);
CREATE POLICY ins ON accounts FOR INSERT WITH CHECK (balance >= 0);

-- CHECK:      schema public {
-- CHECK-NEXT:   table accounts [row_security, force_row_security] {
-- CHECK-NEXT:     column id integer [not_null];
-- CHECK-NEXT:     column owner text;
-- CHECK-NEXT:     column balance numeric;
-- CHECK-NEXT:     primary_key accounts_pkey (id);
-- CHECK-NEXT:     trigger accounts_touch [timing = before, events = (insert, update), update_of = (balance), for_each = row, function = public.touch, when = "new.balance IS DISTINCT FROM old.balance"];
-- CHECK-NEXT:     trigger accounts_check [constraint, timing = after, events = (delete), for_each = row, function = touch, args = ("x", "42"), deferrable, initially_deferred];
-- CHECK-NEXT:     policy own [command = select, restrictive, roles = (app_user), using = "owner = CURRENT_USER"];
-- CHECK-NEXT:     policy ins [command = insert, with_check = "balance >= 0"];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   view rich [query = "SELECT id FROM accounts"];
-- CHECK-NEXT:   view checked [options = ("check_option=local"), query = "SELECT id FROM accounts WHERE balance > 0"];
-- CHECK-NEXT:   materialized_view totals [with_no_data, query = "SELECT owner, sum(balance) AS total FROM accounts GROUP BY owner"] {
-- CHECK-NEXT:     index totals_owner_idx [unique] {
-- CHECK-NEXT:       key owner;
-- CHECK-NEXT:     }
-- CHECK-NEXT:   }
-- CHECK-NEXT:   function touch "()" [returns = trigger, language = plpgsql, body = "\nBEGIN\n  NEW.balance := coalesce(NEW.balance, 0);  -- not a statement end;\n  RETURN NEW;\nEND\n"];
-- CHECK-NEXT:   function add "(a integer, b integer DEFAULT 1)" [returns = integer, language = sql, volatility = immutable, strict, parallel = safe, cost = 10, config = ("search_path=public, pg_temp"), body = "select a + b", owner = app];
-- CHECK-NEXT:   function ids "(OUT id integer)" [returns = "SETOF integer", language = sql, volatility = stable, body = "RETURN 1"];
-- CHECK-NEXT:   function minmax "(vals integer[], OUT lo integer, INOUT hi integer)" [returns = record, language = sql, volatility = immutable, body = "SELECT min(v), max(v) FROM unnest(vals) v"];
-- CHECK-NEXT:   procedure audit "(msg text)" [language = plpgsql, security_definer, body = " BEGIN RAISE NOTICE '%', msg; END ", owner = admin];
-- CHECK-NEXT: }
