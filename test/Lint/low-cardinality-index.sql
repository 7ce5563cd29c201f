-- Plain btree/hash indexes that lead with a boolean column or a column of an enum with at most 4 labels; unique, partial, annotated and other indexes stay silent.
-- RUN: bk-opt %s -split-input-file -passes=low-cardinality-index -verify-diagnostics -o /dev/null

-- Boolean: an index on the column alone (btree or hash) is to be dropped;
-- one with more keys becomes a partial index on the remaining keys, which
-- keep their order and the INCLUDE list.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL
);
-- expected-warning @+1 {{index 'users_active_idx' on public.users leads with boolean column 'active', which has 2 values; the planner rarely uses it, yet every write pays for it: DROP INDEX CONCURRENTLY public.users_active_idx, or a partial index on the rows you look for}}
CREATE INDEX users_active_idx ON users (active);
-- expected-warning @+1 {{index 'users_active_hash' on public.users leads with boolean column 'active', which has 2 values; the planner rarely uses it, yet every write pays for it: DROP INDEX CONCURRENTLY public.users_active_hash, or a partial index on the rows you look for}}
CREATE INDEX users_active_hash ON users USING hash (active);
-- expected-warning @+1 {{index 'users_active_created_idx' on public.users leads with boolean column 'active', which has 2 values; a partial index serves the rare value better: CREATE INDEX CONCURRENTLY users_active_created_idx_partial ON public.users (created_at DESC) INCLUDE (id) WHERE active}}
CREATE INDEX users_active_created_idx ON users (active, created_at DESC) INCLUDE (id);

-- -----

-- Enum with at most 4 labels: the suggested predicate picks the first
-- label; expression keys are parenthesised, collations and operator
-- classes kept.
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  status order_status NOT NULL,
  note text
);
-- expected-warning @+1 {{index 'orders_status_idx' on public.orders leads with enum column 'status' (3 values: 'pending', 'paid', 'shipped'); the planner rarely uses it, yet every write pays for it: DROP INDEX CONCURRENTLY public.orders_status_idx, or a partial index on the rows you look for}}
CREATE INDEX orders_status_idx ON orders (status);
-- expected-warning @+1 {{index 'orders_status_note_idx' on public.orders leads with enum column 'status' (3 values: 'pending', 'paid', 'shipped'); a partial index serves the rare value better: CREATE INDEX CONCURRENTLY orders_status_note_idx_partial ON public.orders ((lower(note)), note COLLATE "C" text_pattern_ops NULLS FIRST) WHERE status = 'pending'}}
CREATE INDEX orders_status_note_idx ON orders (status, lower(note), note COLLATE "C" text_pattern_ops NULLS FIRST);

-- -----

-- Enum types are found by qualified and quoted names; labels are quoted in
-- the SQL; one label is "1 value". Quoted names stay quoted.
CREATE SCHEMA app;
CREATE TYPE app."Mood" AS ENUM ('it''s fine', 'bad');
CREATE TYPE app.single AS ENUM ('only');
CREATE TABLE app."Posts" (
  id bigint PRIMARY KEY,
  mood app."Mood",
  kind app.single,
  "Title" text,
  "isDraft" boolean NOT NULL
);
-- expected-warning @+1 {{index 'Posts_mood_title' on app.Posts leads with enum column 'mood' (2 values: 'it's fine', 'bad'); a partial index serves the rare value better: CREATE INDEX CONCURRENTLY "Posts_mood_title_partial" ON app."Posts" ("Title") WHERE mood = 'it''s fine'}}
CREATE INDEX "Posts_mood_title" ON app."Posts" (mood, "Title");
-- expected-warning @+1 {{index 'posts_kind_idx' on app.Posts leads with enum column 'kind' (1 value: 'only'); the planner rarely uses it, yet every write pays for it: DROP INDEX CONCURRENTLY app.posts_kind_idx, or a partial index on the rows you look for}}
CREATE INDEX posts_kind_idx ON app."Posts" (kind);
-- expected-warning @+1 {{index 'posts_draft_title_idx' on app.Posts leads with boolean column 'isDraft', which has 2 values; a partial index serves the rare value better: CREATE INDEX CONCURRENTLY posts_draft_title_idx_partial ON app."Posts" ("Title") WHERE "isDraft"}}
CREATE INDEX posts_draft_title_idx ON app."Posts" ("isDraft", "Title");

-- -----

-- An unqualified enum name is looked up in public, then in the table's
-- schema (here through search_path).
CREATE SCHEMA shop;
SET search_path = shop;
CREATE TYPE size AS ENUM ('s', 'm', 'l', 'xl');
CREATE TABLE shirts (id bigint PRIMARY KEY, size size NOT NULL, price numeric);
-- expected-warning @+1 {{index 'shirts_size_price_idx' on shop.shirts leads with enum column 'size' (4 values: 's', 'm', 'l', 'xl'); a partial index serves the rare value better: CREATE INDEX CONCURRENTLY shirts_size_price_idx_partial ON shop.shirts (price) WHERE size = 's'}}
CREATE INDEX shirts_size_price_idx ON shirts (size, price);

-- -----

-- A partitioned table's indexes cannot be created or dropped CONCURRENTLY.
CREATE TABLE events (id bigint, seen boolean NOT NULL, at date NOT NULL)
  PARTITION BY RANGE (at);
-- expected-warning @+1 {{index 'events_seen_idx' on public.events leads with boolean column 'seen', which has 2 values; the planner rarely uses it, yet every write pays for it: DROP INDEX public.events_seen_idx, or a partial index on the rows you look for}}
CREATE INDEX events_seen_idx ON events (seen);
-- expected-warning @+1 {{index 'events_seen_at_idx' on public.events leads with boolean column 'seen', which has 2 values; a partial index serves the rare value better: CREATE INDEX events_seen_at_idx_partial ON public.events (at) WHERE seen}}
CREATE INDEX events_seen_at_idx ON events (seen, at);

-- -----

-- Silent: unique and partial indexes, constraints' indexes, an expression or
-- another column first, enums with more than 4 labels, arrays,
-- methods other than btree and hash, the fixed (partial) form, and indexes
-- annotated `-- bk:allow low-cardinality-index`.
CREATE EXTENSION btree_gin;
CREATE TYPE priority AS ENUM ('p0', 'p1', 'p2', 'p3', 'p4');
CREATE TABLE tasks (
  id bigint PRIMARY KEY,
  done boolean NOT NULL,
  prio priority NOT NULL,
  flags boolean[],
  due date,
  CONSTRAINT tasks_done_id_key UNIQUE (done, id)
);
CREATE UNIQUE INDEX tasks_done_due_key ON tasks (done, due);
CREATE INDEX tasks_done_partial ON tasks (done) WHERE NOT done;
CREATE INDEX tasks_due_open_idx ON tasks (due) WHERE NOT done;
CREATE INDEX tasks_done_int_idx ON tasks ((done::integer));
CREATE INDEX tasks_due_done_idx ON tasks (due, done);
CREATE INDEX tasks_prio_idx ON tasks (prio);
CREATE INDEX tasks_flags_idx ON tasks (flags);
CREATE INDEX tasks_done_gin ON tasks USING gin (done);
-- The whole table is scanned by done anyway.
-- bk:allow low-cardinality-index
CREATE INDEX tasks_done_idx ON tasks (done);
-- bk:allow duplicate-index, low-cardinality-index
CREATE INDEX tasks_done_due_idx ON tasks (done, due);
