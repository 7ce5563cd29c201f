-- Foreign keys without an index on their referencing columns; cascading ones, indexed ones and partition copies stay silent.
-- RUN: bk-opt %s -split-input-file -passes=foreign-key-without-index -verify-diagnostics -o /dev/null

-- An inline REFERENCES is located at its keyword.
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'orders_customer_id_fkey' on public.orders (customer_id) has no index; deleting or updating public.customers scans public.orders: CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)}}
  customer_id bigint NOT NULL REFERENCES customers
);

-- -----

-- ALTER TABLE ... ADD CONSTRAINT is located at CONSTRAINT; NOT VALID keys
-- count, and so do ON DELETE RESTRICT and ON UPDATE CASCADE (a delete
-- still scans the child).
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE stores (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, store_id bigint);
-- expected-warning @+1 {{foreign key 'orders_customer_fk' on public.orders (customer_id) has no index; deleting or updating public.customers scans public.orders: CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)}}
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
  REFERENCES customers (id) NOT VALID;
-- expected-warning @+1 {{foreign key 'orders_store_fk' on public.orders (store_id) has no index; deleting or updating public.stores scans public.orders: CREATE INDEX CONCURRENTLY orders_store_id_idx ON public.orders (store_id)}}
ALTER TABLE orders ADD CONSTRAINT orders_store_fk FOREIGN KEY (store_id)
  REFERENCES stores ON DELETE RESTRICT ON UPDATE CASCADE;

-- -----

-- A multi-column key, at CONSTRAINT; an index on the columns in another
-- order covers it, one whose leading column is a different one does not.
CREATE TABLE warehouses (
  region text,
  code text,
  PRIMARY KEY (region, code)
);
CREATE TABLE stock (
  id bigint PRIMARY KEY,
  region text,
  code text,
  sku text,
  -- expected-warning @+1 {{foreign key 'stock_warehouse_fkey' on public.stock (region, code) has no index; deleting or updating public.warehouses scans public.stock: CREATE INDEX CONCURRENTLY stock_region_code_idx ON public.stock (region, code)}}
  CONSTRAINT stock_warehouse_fkey FOREIGN KEY (region, code)
    REFERENCES warehouses (region, code)
);
CREATE INDEX stock_sku_region_code_idx ON stock (sku, region, code);
CREATE INDEX stock_region_idx ON stock (region);

CREATE TABLE shelves (
  region text,
  code text,
  shelf int,
  CONSTRAINT shelves_warehouse_fkey FOREIGN KEY (region, code)
    REFERENCES warehouses (region, code)
);
CREATE INDEX shelves_code_region_shelf_idx ON shelves (code, region, shelf);

-- -----

-- Indexes that do not serve the lookup: an expression, a BRIN index, a
-- partial index on another condition; a hash index serves one column.
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE docs (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'docs_owner_id_fkey' on public.docs (owner_id) has no index; deleting or updating public.users scans public.docs: CREATE INDEX CONCURRENTLY docs_owner_id_idx ON public.docs (owner_id)}}
  owner_id bigint REFERENCES users,
  -- expected-warning @+1 {{foreign key 'docs_editor_id_fkey' on public.docs (editor_id) has no index; deleting or updating public.users scans public.docs: CREATE INDEX CONCURRENTLY docs_editor_id_idx ON public.docs (editor_id)}}
  editor_id bigint REFERENCES users,
  -- expected-warning @+1 {{foreign key 'docs_tags_id_fkey' on public.docs (tags_id) has no index; deleting or updating public.users scans public.docs: CREATE INDEX CONCURRENTLY docs_tags_id_idx ON public.docs (tags_id)}}
  tags_id bigint REFERENCES users,
  reviewer_id bigint REFERENCES users,
  archived boolean NOT NULL DEFAULT false
);
CREATE INDEX docs_owner_plus_one_idx ON docs ((owner_id + 1));
CREATE INDEX docs_editor_live_idx ON docs (editor_id) WHERE NOT archived;
CREATE INDEX docs_tags_brin_idx ON docs USING brin (tags_id);
CREATE INDEX docs_reviewer_hash_idx ON docs USING hash (reviewer_id);

-- -----

-- Silent: covered by the primary key, a UNIQUE constraint, a leading
-- index column, a partial index on "column IS NOT NULL"; and the keys whose
-- ON DELETE writes the child (cascade-delete-without-index reports those).
CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE profiles (user_id bigint PRIMARY KEY REFERENCES users);
CREATE TABLE settings (
  id bigint PRIMARY KEY,
  user_id bigint UNIQUE REFERENCES users
);
CREATE TABLE sessions (
  id bigint PRIMARY KEY,
  user_id bigint REFERENCES users,
  started_at timestamptz
);
CREATE INDEX sessions_user_started_idx ON sessions (user_id, started_at);
CREATE TABLE invites (
  id bigint PRIMARY KEY,
  invited_by bigint REFERENCES users
);
CREATE INDEX invites_invited_by_idx ON invites (invited_by)
  WHERE invited_by IS NOT NULL;
CREATE TABLE audit (
  id bigint PRIMARY KEY,
  user_id bigint REFERENCES users ON DELETE CASCADE,
  actor_id bigint REFERENCES users ON DELETE SET NULL,
  approver_id bigint DEFAULT 0 REFERENCES users ON DELETE SET DEFAULT
);

-- -----

-- The suggested name is not one the schema already uses (an index of
-- another table, a constraint); identifiers are quoted where SQL needs it;
-- other schemas are named.
CREATE SCHEMA billing;
CREATE TABLE billing.accounts (id bigint PRIMARY KEY);
CREATE TABLE billing.other (x int CONSTRAINT "Invoices_accountId_idx_1" CHECK (x > 0));
CREATE INDEX "Invoices_accountId_idx" ON billing.other (x);
CREATE TABLE billing."Invoices" (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'Invoices_accountId_fkey' on billing.Invoices (accountId) has no index; deleting or updating billing.accounts scans billing.Invoices: CREATE INDEX CONCURRENTLY "Invoices_accountId_idx_2" ON billing."Invoices" ("accountId")}}
  "accountId" bigint REFERENCES billing.accounts,
  -- expected-warning @+1 {{foreign key 'Invoices_user_fkey' on billing.Invoices (user) has no index; deleting or updating billing.accounts scans billing.Invoices: CREATE INDEX CONCURRENTLY "Invoices_user_idx" ON billing."Invoices" ("user")}}
  "user" bigint REFERENCES billing.accounts
);

-- -----

-- Long names are cut to 63 bytes as PostgreSQL cuts implicit names, the
-- "_idx" suffix kept.
CREATE TABLE carrier_accounts (carrier_account_reference_identifier text PRIMARY KEY);
CREATE TABLE shipment_tracking_events_archive_partitioned (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'shipment_tracking_events_arch_carrier_account_reference_id_fkey' on public.shipment_tracking_events_archive_partitioned (carrier_account_reference_identifier) has no index; deleting or updating public.carrier_accounts scans public.shipment_tracking_events_archive_partitioned: CREATE INDEX CONCURRENTLY shipment_tracking_events_arch_carrier_account_reference_ide_idx ON public.shipment_tracking_events_archive_partitioned (carrier_account_reference_identifier)}}
  carrier_account_reference_identifier text REFERENCES carrier_accounts
);

-- -----

-- A partitioned table reports its key once: a partition's copy of the key
-- is silent, a partition's own key is reported at the partition, and an
-- index of the parent covers the partitions.
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE devices (id bigint PRIMARY KEY);
CREATE TABLE agents (id bigint PRIMARY KEY);
CREATE TABLE events (
  id bigint NOT NULL,
  at date NOT NULL,
  -- expected-warning @+1 {{foreign key 'events_customer_id_fkey' on public.events (customer_id) has no index; deleting or updating public.customers scans public.events: CREATE INDEX events_customer_id_idx ON public.events (customer_id)}}
  customer_id bigint REFERENCES customers,
  device_id bigint REFERENCES devices,
  agent_id bigint,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE INDEX events_device_id_idx ON events (device_id);
CREATE TABLE events_2024 PARTITION OF events (
  CONSTRAINT events_2024_customer_id_fkey FOREIGN KEY (customer_id)
    REFERENCES customers,
  CONSTRAINT events_2024_device_id_fkey FOREIGN KEY (device_id)
    REFERENCES devices,
  -- expected-warning @+1 {{foreign key 'events_2024_agent_id_fkey' on public.events_2024 (agent_id) has no index; deleting or updating public.agents scans public.events_2024: CREATE INDEX CONCURRENTLY events_2024_agent_id_idx ON public.events_2024 (agent_id)}}
  CONSTRAINT events_2024_agent_id_fkey FOREIGN KEY (agent_id)
    REFERENCES agents
) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- -----

-- Silent: the fixed form of the first case.
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers
);
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);

-- -----

-- Quoted mixed-case names keep their case: a partial index on "OrderId"
-- WHERE "OrderId" IS NOT NULL covers the key.
CREATE TABLE "Orders" ("Id" bigint PRIMARY KEY);
CREATE TABLE "Lines" ("Id" bigint PRIMARY KEY, "OrderId" bigint REFERENCES "Orders");
CREATE INDEX lines_order_idx ON "Lines" ("OrderId") WHERE "OrderId" IS NOT NULL;
