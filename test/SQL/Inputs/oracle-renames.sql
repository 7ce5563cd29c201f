-- A schema built and then renamed piece by piece, as a directory of
-- migrations does: PostgreSQL refers to what it renames by OID, so each
-- reference (foreign keys, partition keys, checks, index keys and
-- predicates, generated columns, triggers' WHEN and UPDATE OF, policies,
-- sequences' OWNED BY, nextval('s'::regclass), column, attribute and domain
-- types, (composite).field, trigger functions) shows the new name; the SQL
-- front end must give the same IR (test/SQL/postgres-oracle.test).

CREATE SCHEMA app;
CREATE TYPE app.addr AS (street text, zip text);
CREATE TYPE app.mood AS ENUM ('ok', 'sad');
CREATE DOMAIN app.qty AS integer CONSTRAINT qty_positive CHECK (VALUE > 0);
CREATE TABLE app.accounts (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (position('@' in email) > 1),
  mood app.mood DEFAULT 'ok',
  moods app.mood[],
  home app.addr CHECK ((home).zip <> ''),
  qty app.qty,
  total integer GENERATED ALWAYS AS (qty * 2) STORED
);
CREATE INDEX accounts_email_lower ON app.accounts (lower(email)) WHERE email <> '';
CREATE INDEX ON app.accounts (((home).zip));
CREATE TABLE app.orders (
  id bigint GENERATED ALWAYS AS IDENTITY,
  account integer REFERENCES app.accounts (id),
  placed date NOT NULL
) PARTITION BY RANGE (placed);
CREATE TABLE app.orders_2024 PARTITION OF app.orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER accounts_touch BEFORE UPDATE OF email ON app.accounts
  FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION app.touch();
ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON app.accounts USING (email = current_user);
CREATE SEQUENCE app.tickets;
CREATE TABLE app.support (n bigint DEFAULT nextval('app.tickets'::regclass));

ALTER TABLE app.accounts RENAME COLUMN email TO mail;
ALTER TABLE app.accounts RENAME TO users;
ALTER TABLE app.orders RENAME COLUMN placed TO placed_on;
ALTER TABLE app.orders RENAME COLUMN account TO user_id;
ALTER INDEX app.accounts_email_lower RENAME TO users_mail_lower;
ALTER INDEX app.accounts_pkey RENAME TO users_pkey;
ALTER SEQUENCE app.tickets RENAME TO ticket_numbers;
ALTER TYPE app.mood RENAME TO feeling;
ALTER TYPE app.addr RENAME ATTRIBUTE zip TO postcode;
ALTER TYPE app.addr ADD ATTRIBUTE city text COLLATE "C", DROP ATTRIBUTE IF EXISTS nope;
ALTER DOMAIN app.qty RENAME CONSTRAINT qty_positive TO qty_above_zero;
ALTER DOMAIN app.qty RENAME TO quantity;
ALTER FUNCTION app.touch() RENAME TO stamp;
ALTER TRIGGER accounts_touch ON app.users RENAME TO users_stamp;
ALTER POLICY own ON app.users RENAME TO owner_only;
ALTER SCHEMA app RENAME TO shop;

-- ALTER TABLE ... SET SCHEMA moves the table's owned sequences with it; the
-- foreign keys that reference it and nextval() follow.
CREATE SCHEMA archive;
CREATE TABLE shop.old_orders (id serial PRIMARY KEY, buyer integer REFERENCES shop.users (id));
CREATE TABLE shop.old_lines (old_order integer REFERENCES shop.old_orders (id));
ALTER TABLE shop.old_orders SET SCHEMA archive;
