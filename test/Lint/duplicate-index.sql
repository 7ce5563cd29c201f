-- Indexes of one table with the same method, keys, predicate and INCLUDE set, constraints' indexes included; indexes that differ in any of those, constraint pairs and a partition's inherited indexes stay silent.
-- RUN: bk-opt %s -split-input-file -passes=duplicate-index -verify-diagnostics -o /dev/null

-- A plain index on the column of a UNIQUE constraint: the index is reported,
-- with a note at the constraint.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  -- expected-note @+1 {{constraint 'users_email_key' is here}}
  email text CONSTRAINT users_email_key UNIQUE
);
-- expected-warning @+1 {{index 'users_email_idx2' on public.users duplicates 'users_email_key'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.users_email_idx2}}
CREATE INDEX users_email_idx2 ON users (email);

-- -----

-- A unique index on the primary key's column; the PRIMARY KEY's index is
-- located at its keyword.
CREATE TABLE tags (
  -- expected-note @+1 {{constraint 'tags_pkey' is here}}
  id integer PRIMARY KEY,
  name text NOT NULL
);
-- expected-warning @+1 {{index 'tags_id_idx' on public.tags duplicates 'tags_pkey'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.tags_id_idx}}
CREATE UNIQUE INDEX tags_id_idx ON tags (id);

-- -----

-- Three identical indexes: the second and the third are reported once each,
-- both against the first. ASC, NULLS LAST after ASC and NULLS FIRST after
-- DESC are the defaults spelled out, and USING btree is the default method.
CREATE TABLE events (id bigint PRIMARY KEY, kind text, at timestamptz);
-- expected-note @+2 {{index 'events_kind_at_idx' is here}}
-- expected-note @+1 {{index 'events_kind_at_idx' is here}}
CREATE INDEX events_kind_at_idx ON events (kind COLLATE "C" text_pattern_ops, at DESC);
-- expected-warning @+1 {{index 'events_kind_at_idx1' on public.events duplicates 'events_kind_at_idx'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.events_kind_at_idx1}}
CREATE INDEX events_kind_at_idx1 ON events (kind COLLATE "C" text_pattern_ops ASC NULLS LAST, at DESC NULLS FIRST);
-- expected-warning @+1 {{index 'events_kind_at_idx2' on public.events duplicates 'events_kind_at_idx'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.events_kind_at_idx2}}
CREATE INDEX events_kind_at_idx2 ON events USING btree (kind COLLATE "C" text_pattern_ops, at DESC);

-- -----

-- Predicates compare without white space and letter case; INCLUDE lists as
-- sets. Expression keys count too.
CREATE TABLE sessions (
  id bigint PRIMARY KEY,
  token text NOT NULL,
  user_id bigint,
  revoked_at timestamptz,
  expires_at timestamptz
);
-- expected-note @+1 {{index 'sessions_token_live_idx' is here}}
CREATE INDEX sessions_token_live_idx ON sessions (token) INCLUDE (user_id, expires_at) WHERE revoked_at IS NULL;
-- expected-warning @+1 {{index 'sessions_token_live_idx1' on public.sessions duplicates 'sessions_token_live_idx'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.sessions_token_live_idx1}}
CREATE INDEX sessions_token_live_idx1 ON sessions (token) INCLUDE (expires_at, user_id) WHERE (revoked_at   is null);
-- expected-note @+1 {{index 'sessions_lower_token_idx' is here}}
CREATE INDEX sessions_lower_token_idx ON sessions (lower(token));
-- expected-warning @+1 {{index 'sessions_lower_token_idx1' on public.sessions duplicates 'sessions_lower_token_idx'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.sessions_lower_token_idx1}}
CREATE INDEX sessions_lower_token_idx1 ON sessions (lower(token));

-- -----

-- A unique and a non-unique index with the same keys: the non-unique one is
-- reported even when it comes first. A constraint added later with ALTER
-- TABLE still comes first in the table's index order.
CREATE TABLE accounts (id bigint NOT NULL, login text NOT NULL);
-- expected-warning @+1 {{index 'accounts_login_idx' on public.accounts duplicates 'accounts_login_key'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.accounts_login_idx}}
CREATE INDEX accounts_login_idx ON accounts (login);
-- expected-note @+1 {{index 'accounts_login_key' is here}}
CREATE UNIQUE INDEX accounts_login_key ON accounts (login);
-- expected-warning @+1 {{index 'accounts_id_idx' on public.accounts duplicates 'accounts_pkey'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.accounts_id_idx}}
CREATE INDEX accounts_id_idx ON accounts (id);
-- expected-note @+1 {{constraint 'accounts_pkey' is here}}
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

-- -----

-- When the duplicate is a constraint's index, the plain index is the one to
-- drop: an EXCLUDE constraint with btree and = enforces what a unique index
-- does. A gist index duplicating an EXCLUDE constraint's index is reported
-- itself.
CREATE TABLE rooms (
  id bigint PRIMARY KEY,
  code text NOT NULL,
  during tsrange NOT NULL,
  -- expected-warning @+1 {{constraint 'rooms_code_excl' on public.rooms duplicates index 'rooms_code_idx'; drop the index: DROP INDEX CONCURRENTLY public.rooms_code_idx}}
  CONSTRAINT rooms_code_excl EXCLUDE USING btree (code WITH =),
  -- expected-note @+1 {{constraint 'rooms_during_excl' is here}}
  CONSTRAINT rooms_during_excl EXCLUDE USING gist (during WITH &&)
);
-- expected-note @+1 {{index 'rooms_code_idx' is here}}
CREATE UNIQUE INDEX rooms_code_idx ON rooms (code);
-- expected-warning @+1 {{index 'rooms_during_idx' on public.rooms duplicates 'rooms_during_excl'; it doubles the write cost and takes space: DROP INDEX CONCURRENTLY public.rooms_during_idx}}
CREATE INDEX rooms_during_idx ON rooms USING gist (during);

-- -----

-- Names are quoted in the SQL where needed; a partitioned table's index
-- cannot be dropped CONCURRENTLY.
CREATE SCHEMA app;
CREATE TABLE app."Orders" (id bigint, placed_on date NOT NULL) PARTITION BY RANGE (placed_on);
-- expected-note @+1 {{index 'Orders_placed_on' is here}}
CREATE INDEX "Orders_placed_on" ON app."Orders" (placed_on);
-- expected-warning @+1 {{index 'Orders_placed_on_2' on app.Orders duplicates 'Orders_placed_on'; it doubles the write cost and takes space: DROP INDEX app."Orders_placed_on_2"}}
CREATE INDEX "Orders_placed_on_2" ON app."Orders" (placed_on);

-- -----

-- Silent: every index differs from the others in operator class, collation,
-- order, predicate, INCLUDE set, method or keys.
CREATE TABLE docs (
  id bigint PRIMARY KEY,
  title text,
  lang text,
  deleted_at timestamptz
);
CREATE INDEX docs_title_idx ON docs (title);
CREATE INDEX docs_title_pattern_idx ON docs (title text_pattern_ops);
CREATE INDEX docs_title_c_idx ON docs (title COLLATE "C");
CREATE INDEX docs_title_desc_idx ON docs (title DESC);
CREATE INDEX docs_title_nulls_idx ON docs (title NULLS FIRST);
CREATE INDEX docs_title_live_idx ON docs (title) WHERE deleted_at IS NULL;
CREATE INDEX docs_title_gone_idx ON docs (title) WHERE deleted_at IS NOT NULL;
CREATE INDEX docs_title_incl_idx ON docs (title) INCLUDE (lang);
CREATE INDEX docs_title_hash_idx ON docs USING hash (title);
CREATE INDEX docs_lower_title_idx ON docs (lower(title));
CREATE INDEX docs_title_lang_idx ON docs (title, lang);
CREATE INDEX docs_lang_title_idx ON docs (lang, title);

-- -----

-- Silent: two constraints are never reported against each other (the fix
-- would drop a constraint), and unique indexes that disagree on NULLS NOT
-- DISTINCT enforce different things.
CREATE TABLE codes (
  id integer PRIMARY KEY,
  code text,
  CONSTRAINT codes_id_key UNIQUE (id)
);
CREATE UNIQUE INDEX codes_code_key ON codes (code);
CREATE UNIQUE INDEX codes_code_nnd_key ON codes (code) NULLS NOT DISTINCT;

-- -----

-- Silent: a partition's own index is not compared with the indexes it
-- inherits from its partitioned parent.
CREATE TABLE measurements (id bigint, taken_on date NOT NULL) PARTITION BY RANGE (taken_on);
CREATE INDEX measurements_taken_on_idx ON measurements (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX measurements_2024_taken_idx ON measurements_2024 (taken_on);

-- -----

-- String literals keep their case: these partial indexes differ.
CREATE TABLE accounts (id bigint PRIMARY KEY, status text, email text);
CREATE INDEX accounts_active_idx ON accounts (email) WHERE status = 'Active';
CREATE INDEX accounts_active_lower_idx ON accounts (email) WHERE status = 'active';
