-- Non-unique btree indexes whose keys are a strict prefix of another btree index of the table; unique, differently ordered, partial, hash and inherited indexes stay silent.
-- RUN: bk-opt %s -split-input-file -passes=redundant-index -verify-diagnostics -o /dev/null

-- The short index is reported, with a note at the longer one.
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL,
  created_at timestamptz NOT NULL
);
-- expected-warning @+1 {{index 'orders_customer_idx' on public.orders (customer_id) is a prefix of 'orders_customer_created_idx' (customer_id, created_at), which serves the same lookups: DROP INDEX CONCURRENTLY public.orders_customer_idx}}
CREATE INDEX orders_customer_idx ON orders (customer_id);
-- expected-note @+1 {{index 'orders_customer_created_idx' is here}}
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);

-- -----

-- The longer index may be a constraint's (and declared after); a prefix of
-- two longer indexes is reported once, against the first.
CREATE TABLE memberships (
  tenant_id bigint NOT NULL,
  user_id bigint NOT NULL,
  role text NOT NULL,
  -- expected-note @+1 {{constraint 'memberships_pkey' is here}}
  CONSTRAINT memberships_pkey PRIMARY KEY (tenant_id, user_id)
);
-- expected-warning @+1 {{index 'memberships_tenant_idx' on public.memberships (tenant_id) is a prefix of 'memberships_pkey' (tenant_id, user_id), which serves the same lookups: DROP INDEX CONCURRENTLY public.memberships_tenant_idx}}
CREATE INDEX memberships_tenant_idx ON memberships (tenant_id);
CREATE INDEX memberships_tenant_role_idx ON memberships (tenant_id, role);

-- -----

-- Expression keys, operator classes, collations and orders count when they
-- match; INCLUDE columns of the short index may be keys or INCLUDE columns
-- of the longer one; predicates compare without white space and case.
CREATE TABLE people (
  id bigint PRIMARY KEY,
  email text NOT NULL,
  name text,
  born date,
  deleted_at timestamptz
);
-- expected-warning @+1 {{index 'people_lower_email_idx' on public.people (lower(email)) is a prefix of 'people_lower_email_name_idx' (lower(email), name), which serves the same lookups: DROP INDEX CONCURRENTLY public.people_lower_email_idx}}
CREATE INDEX people_lower_email_idx ON people (lower(email)) INCLUDE (name);
-- expected-note @+1 {{index 'people_lower_email_name_idx' is here}}
CREATE INDEX people_lower_email_name_idx ON people (lower(email), name);
-- expected-warning @+1 {{index 'people_name_idx' on public.people (name) is a prefix of 'people_name_born_idx' (name, born), which serves the same lookups: DROP INDEX CONCURRENTLY public.people_name_idx}}
CREATE INDEX people_name_idx ON people (name COLLATE "C" text_pattern_ops DESC) INCLUDE (email) WHERE deleted_at IS NULL;
-- expected-note @+1 {{index 'people_name_born_idx' is here}}
CREATE INDEX people_name_born_idx ON people (name COLLATE "C" text_pattern_ops DESC, born) INCLUDE (email) WHERE (Deleted_At  IS NULL);

-- -----

-- A partitioned table's index cannot be dropped CONCURRENTLY; names are
-- quoted in the SQL where needed.
CREATE SCHEMA app;
CREATE TABLE app."Events" (id bigint, kind text, at date NOT NULL) PARTITION BY RANGE (at);
-- expected-warning @+1 {{index 'Events_kind' on app.Events (kind) is a prefix of 'Events_kind_at' (kind, at), which serves the same lookups: DROP INDEX app."Events_kind"}}
CREATE INDEX "Events_kind" ON app."Events" (kind);
-- expected-note @+1 {{index 'Events_kind_at' is here}}
CREATE INDEX "Events_kind_at" ON app."Events" (kind, at);

-- -----

-- Silent: the short index is unique, has the same keys (duplicate-index's
-- business), differs in order, operator class or collation, has another
-- predicate, carries an INCLUDE column the longer one lacks, or is not a
-- prefix; hash and BRIN indexes are never reported.
CREATE TABLE items (
  id bigint PRIMARY KEY,
  sku text NOT NULL,
  shop_id bigint NOT NULL,
  price numeric,
  archived boolean NOT NULL DEFAULT false
);
CREATE INDEX items_sku_shop_idx ON items (sku, shop_id);
CREATE UNIQUE INDEX items_sku_key ON items (sku);
CREATE INDEX items_sku_shop_idx1 ON items (sku, shop_id);
CREATE INDEX items_sku_desc_idx ON items (sku DESC);
CREATE INDEX items_sku_nulls_idx ON items (sku NULLS FIRST);
CREATE INDEX items_sku_pattern_idx ON items (sku text_pattern_ops);
CREATE INDEX items_sku_c_idx ON items (sku COLLATE "C");
CREATE INDEX items_sku_live_idx ON items (sku) WHERE NOT archived;
CREATE INDEX items_sku_price_idx ON items (sku) INCLUDE (price);
CREATE INDEX items_shop_idx ON items (shop_id);
CREATE INDEX items_sku_hash_idx ON items USING hash (sku);
CREATE INDEX items_price_brin ON items USING brin (price);
CREATE INDEX items_price_id_brin ON items USING brin (price, id);

-- -----

-- Silent: a partition's own index is not compared with the indexes it
-- inherits from its partitioned parent.
CREATE TABLE readings (sensor_id bigint, taken_on date NOT NULL) PARTITION BY RANGE (taken_on);
CREATE INDEX readings_sensor_taken_idx ON readings (sensor_id, taken_on);
CREATE TABLE readings_2024 PARTITION OF readings
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX readings_2024_sensor_idx ON readings_2024 (sensor_id);
