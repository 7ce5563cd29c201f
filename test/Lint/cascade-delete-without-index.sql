-- ON DELETE CASCADE / SET NULL / SET DEFAULT keys without an index, with notes for the cascade path above; indexed and non-writing keys stay silent.
-- RUN: bk-opt %s -split-input-file -passes=cascade-delete-without-index -verify-diagnostics -o /dev/null

-- Each action that writes the child rows; an inline REFERENCES is located
-- at its keyword, a table constraint and ALTER TABLE ... ADD CONSTRAINT at
-- CONSTRAINT.
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE TABLE order_items (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'order_items_order_id_fkey' on public.order_items (order_id) is ON DELETE CASCADE without an index; every delete from public.orders scans public.order_items: CREATE INDEX CONCURRENTLY order_items_order_id_idx ON public.order_items (order_id)}}
  order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE,
  coupon_order_id bigint,
  gift_order_id bigint DEFAULT 0,
  -- expected-warning @+1 {{foreign key 'order_items_coupon_fkey' on public.order_items (coupon_order_id) is ON DELETE SET NULL without an index; every delete from public.orders scans public.order_items: CREATE INDEX CONCURRENTLY order_items_coupon_order_id_idx ON public.order_items (coupon_order_id)}}
  CONSTRAINT order_items_coupon_fkey FOREIGN KEY (coupon_order_id)
    REFERENCES orders ON DELETE SET NULL
);
-- expected-warning @+1 {{foreign key 'order_items_gift_fkey' on public.order_items (gift_order_id) is ON DELETE SET DEFAULT without an index; every delete from public.orders scans public.order_items: CREATE INDEX CONCURRENTLY order_items_gift_order_id_idx ON public.order_items (gift_order_id)}}
ALTER TABLE order_items ADD CONSTRAINT order_items_gift_fkey
  FOREIGN KEY (gift_order_id) REFERENCES orders ON DELETE SET DEFAULT NOT VALID;

-- -----

-- The notes follow the cascade upward: deletes from public.regions and
-- public.customers reach public.orders and then public.order_items. A SET
-- NULL key above is not followed (it deletes nothing).
CREATE TABLE regions (id bigint PRIMARY KEY);
CREATE TABLE sales_reps (id bigint PRIMARY KEY);
CREATE TABLE customers (
  id bigint PRIMARY KEY,
  -- expected-note @+1 {{deletes reach public.customers from public.regions through 'customers_region_id_fkey' (ON DELETE CASCADE)}}
  region_id bigint REFERENCES regions ON DELETE CASCADE,
  rep_id bigint REFERENCES sales_reps ON DELETE SET NULL
);
CREATE INDEX customers_region_id_idx ON customers (region_id);
CREATE INDEX customers_rep_id_idx ON customers (rep_id);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  -- expected-note @+1 {{deletes reach public.orders from public.customers through 'orders_customer_id_fkey' (ON DELETE CASCADE)}}
  customer_id bigint NOT NULL REFERENCES customers ON DELETE CASCADE
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE order_items (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'order_items_order_id_fkey' on public.order_items (order_id) is ON DELETE CASCADE without an index; every delete from public.orders scans public.order_items: CREATE INDEX CONCURRENTLY order_items_order_id_idx ON public.order_items (order_id)}}
  order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE
);

-- -----

-- Cycles stop: public.a and public.b cascade into each other, so deletes
-- from public.b reach public.a and come back; a key that refers to its own
-- table gets no note.
CREATE TABLE a (id bigint PRIMARY KEY, b_id bigint);
CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint);
-- expected-note @+1 {{deletes reach public.a from public.b through 'a_b_fkey' (ON DELETE CASCADE)}}
ALTER TABLE a ADD CONSTRAINT a_b_fkey FOREIGN KEY (b_id) REFERENCES b ON DELETE CASCADE;
-- expected-warning @+1 {{foreign key 'b_a_fkey' on public.b (a_id) is ON DELETE CASCADE without an index; every delete from public.a scans public.b: CREATE INDEX CONCURRENTLY b_a_id_idx ON public.b (a_id)}}
ALTER TABLE b ADD CONSTRAINT b_a_fkey FOREIGN KEY (a_id) REFERENCES a ON DELETE CASCADE;
CREATE INDEX a_b_id_idx ON a (b_id);
CREATE TABLE categories (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'categories_parent_id_fkey' on public.categories (parent_id) is ON DELETE CASCADE without an index; every delete from public.categories scans public.categories: CREATE INDEX CONCURRENTLY categories_parent_id_idx ON public.categories (parent_id)}}
  parent_id bigint REFERENCES categories ON DELETE CASCADE
);

-- -----

-- Two ways up (public.items is reached from public.boards and from
-- public.lists, both reached from public.workspaces, itself from
-- public.orgs): each key is noted once.
CREATE TABLE orgs (id bigint PRIMARY KEY);
CREATE TABLE workspaces (
  id bigint PRIMARY KEY,
  -- expected-note @+1 {{deletes reach public.workspaces from public.orgs through 'workspaces_org_id_fkey' (ON DELETE CASCADE)}}
  org_id bigint REFERENCES orgs ON DELETE CASCADE
);
CREATE INDEX workspaces_org_id_idx ON workspaces (org_id);
CREATE TABLE boards (
  id bigint PRIMARY KEY,
  -- expected-note @+1 {{deletes reach public.boards from public.workspaces through 'boards_workspace_id_fkey' (ON DELETE CASCADE)}}
  workspace_id bigint REFERENCES workspaces ON DELETE CASCADE
);
CREATE INDEX boards_workspace_id_idx ON boards (workspace_id);
CREATE TABLE lists (
  id bigint PRIMARY KEY,
  -- expected-note @+1 {{deletes reach public.lists from public.workspaces through 'lists_workspace_id_fkey' (ON DELETE CASCADE)}}
  workspace_id bigint REFERENCES workspaces ON DELETE CASCADE
);
CREATE INDEX lists_workspace_id_idx ON lists (workspace_id);
CREATE TABLE items (
  id bigint PRIMARY KEY,
  -- expected-note @+1 {{deletes reach public.items from public.boards through 'items_board_id_fkey' (ON DELETE CASCADE)}}
  board_id bigint REFERENCES boards ON DELETE CASCADE,
  -- expected-note @+1 {{deletes reach public.items from public.lists through 'items_list_id_fkey' (ON DELETE CASCADE)}}
  list_id bigint REFERENCES lists ON DELETE CASCADE
);
CREATE INDEX items_board_id_idx ON items (board_id);
CREATE INDEX items_list_id_idx ON items (list_id);
CREATE TABLE comments (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'comments_item_id_fkey' on public.comments (item_id) is ON DELETE CASCADE without an index; every delete from public.items scans public.comments: CREATE INDEX CONCURRENTLY comments_item_id_idx ON public.comments (item_id)}}
  item_id bigint REFERENCES items ON DELETE CASCADE
);

-- -----

-- The notes stop 8 levels above the parent: deletes from public.t0 reaching
-- public.t1 are not noted.
CREATE TABLE t0 (id bigint PRIMARY KEY);
CREATE TABLE t1 (id bigint PRIMARY KEY, up bigint REFERENCES t0 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t2 from public.t1 through 't2_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t2 (id bigint PRIMARY KEY, up bigint REFERENCES t1 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t3 from public.t2 through 't3_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t3 (id bigint PRIMARY KEY, up bigint REFERENCES t2 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t4 from public.t3 through 't4_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t4 (id bigint PRIMARY KEY, up bigint REFERENCES t3 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t5 from public.t4 through 't5_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t5 (id bigint PRIMARY KEY, up bigint REFERENCES t4 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t6 from public.t5 through 't6_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t6 (id bigint PRIMARY KEY, up bigint REFERENCES t5 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t7 from public.t6 through 't7_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t7 (id bigint PRIMARY KEY, up bigint REFERENCES t6 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t8 from public.t7 through 't8_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t8 (id bigint PRIMARY KEY, up bigint REFERENCES t7 ON DELETE CASCADE);
-- expected-note @+1 {{deletes reach public.t9 from public.t8 through 't9_up_fkey' (ON DELETE CASCADE)}}
CREATE TABLE t9 (id bigint PRIMARY KEY, up bigint REFERENCES t8 ON DELETE CASCADE);
CREATE TABLE t10 (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 't10_up_fkey' on public.t10 (up) is ON DELETE CASCADE without an index; every delete from public.t9 scans public.t10: CREATE INDEX CONCURRENTLY t10_up_idx ON public.t10 (up)}}
  up bigint REFERENCES t9 ON DELETE CASCADE
);
CREATE INDEX t1_up_idx ON t1 (up);
CREATE INDEX t2_up_idx ON t2 (up);
CREATE INDEX t3_up_idx ON t3 (up);
CREATE INDEX t4_up_idx ON t4 (up);
CREATE INDEX t5_up_idx ON t5 (up);
CREATE INDEX t6_up_idx ON t6 (up);
CREATE INDEX t7_up_idx ON t7 (up);
CREATE INDEX t8_up_idx ON t8 (up);
CREATE INDEX t9_up_idx ON t9 (up);

-- -----

-- Other schemas; quoted names; the suggested name avoids one in use.
CREATE SCHEMA crm;
CREATE TABLE crm."Accounts" (id bigint PRIMARY KEY);
CREATE TABLE crm.notes (id bigint PRIMARY KEY, body text);
CREATE INDEX "Contacts_accountId_idx" ON crm.notes (body);
CREATE TABLE crm."Contacts" (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{foreign key 'Contacts_accountId_fkey' on crm.Contacts (accountId) is ON DELETE CASCADE without an index; every delete from crm.Accounts scans crm.Contacts: CREATE INDEX CONCURRENTLY "Contacts_accountId_idx_1" ON crm."Contacts" ("accountId")}}
  "accountId" bigint REFERENCES crm."Accounts" ON DELETE CASCADE
);

-- -----

-- A partitioned table reports its key once: the partition's copy is
-- silent; the parent's index covers the partitions.
CREATE TABLE tenants (id bigint PRIMARY KEY);
CREATE TABLE projects (id bigint PRIMARY KEY);
CREATE TABLE metrics (
  id bigint NOT NULL,
  at date NOT NULL,
  -- expected-warning @+1 {{foreign key 'metrics_tenant_id_fkey' on public.metrics (tenant_id) is ON DELETE CASCADE without an index; every delete from public.tenants scans public.metrics: CREATE INDEX metrics_tenant_id_idx ON public.metrics (tenant_id)}}
  tenant_id bigint REFERENCES tenants ON DELETE CASCADE,
  project_id bigint REFERENCES projects ON DELETE CASCADE,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE INDEX metrics_project_id_idx ON metrics (project_id);
CREATE TABLE metrics_2024 PARTITION OF metrics (
  CONSTRAINT metrics_2024_tenant_id_fkey FOREIGN KEY (tenant_id)
    REFERENCES tenants ON DELETE CASCADE,
  CONSTRAINT metrics_2024_project_id_fkey FOREIGN KEY (project_id)
    REFERENCES projects ON DELETE CASCADE
) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- -----

-- Silent: the keys are indexed (a partial index on "column IS NOT NULL"
-- too), or their ON DELETE writes nothing (foreign-key-without-index
-- reports those).
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE TABLE order_items (
  id bigint PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders ON DELETE CASCADE,
  coupon_order_id bigint REFERENCES orders ON DELETE SET NULL,
  audit_order_id bigint REFERENCES orders,
  kept_order_id bigint REFERENCES orders ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX order_items_order_id_idx ON order_items (order_id, id);
CREATE INDEX order_items_coupon_order_id_idx ON order_items (coupon_order_id)
  WHERE coupon_order_id IS NOT NULL;
CREATE TABLE receipts (order_id bigint PRIMARY KEY REFERENCES orders ON DELETE CASCADE);
