-- Unique keys and unique indexes over nullable columns; NOT NULL, NULLS NOT DISTINCT, IS NOT NULL predicates and expressions stay silent.
-- RUN: bk-opt %s -split-input-file -passes=nullable-unique-column -verify-diagnostics -o /dev/null

-- An inline UNIQUE is located at its keyword.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  -- expected-warning @+1 {{unique key 'users_email_key' on public.users allows several rows with NULL in (email); make the column NOT NULL or the key NULLS NOT DISTINCT (PostgreSQL 15)}}
  email text UNIQUE,
  handle text NOT NULL UNIQUE,
  phone text UNIQUE NULLS NOT DISTINCT
);

-- -----

-- A multi-column key lists only its nullable columns; a named table
-- constraint and ALTER TABLE ... ADD CONSTRAINT are located at CONSTRAINT.
CREATE SCHEMA shop;
CREATE TABLE shop.skus (
  id bigint PRIMARY KEY,
  tenant_id bigint NOT NULL,
  code text,
  variant text,
  barcode text,
  -- expected-warning @+1 {{unique key 'skus_tenant_code_key' on shop.skus allows several rows with NULL in (code, variant); make the columns NOT NULL or the key NULLS NOT DISTINCT (PostgreSQL 15)}}
  CONSTRAINT skus_tenant_code_key UNIQUE (tenant_id, code, variant)
);
-- expected-warning @+1 {{unique key 'skus_barcode_key' on shop.skus allows several rows with NULL in (barcode); make the column NOT NULL or the key NULLS NOT DISTINCT (PostgreSQL 15)}}
ALTER TABLE shop.skus ADD CONSTRAINT skus_barcode_key UNIQUE (tenant_id, barcode);

-- -----

-- CREATE UNIQUE INDEX is located at CREATE; a partial index is exempt for
-- the columns its predicate keeps non-null, and only for those.
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text,
  phone text,
  deleted_at timestamptz
);
-- expected-warning @+1 {{unique index 'accounts_email_idx' on public.accounts allows several rows with NULL in (email); make the column NOT NULL or the index NULLS NOT DISTINCT (PostgreSQL 15)}}
CREATE UNIQUE INDEX accounts_email_idx ON accounts (email);
CREATE UNIQUE INDEX accounts_email_set_idx ON accounts (email)
  WHERE email IS NOT NULL;
CREATE UNIQUE INDEX accounts_email_phone_set_idx ON accounts (email, phone)
  WHERE email IS NOT NULL AND phone IS NOT NULL;
-- expected-warning @+1 {{unique index 'accounts_phone_email_idx' on public.accounts allows several rows with NULL in (phone); make the column NOT NULL or the index NULLS NOT DISTINCT (PostgreSQL 15)}}
CREATE UNIQUE INDEX accounts_phone_email_idx ON accounts (phone, email)
  WHERE email IS NOT NULL;
-- expected-warning @+1 {{unique index 'accounts_live_email_idx' on public.accounts allows several rows with NULL in (email); make the column NOT NULL or the index NULLS NOT DISTINCT (PostgreSQL 15)}}
CREATE UNIQUE INDEX accounts_live_email_idx ON accounts (email)
  WHERE deleted_at IS NULL;

-- -----

-- Expression keys are not columns: only the plain ones are listed.
CREATE TABLE members (
  id bigint PRIMARY KEY,
  org_id bigint,
  email text NOT NULL
);
CREATE UNIQUE INDEX members_lower_email_idx ON members (lower(email));
-- expected-warning @+1 {{unique index 'members_org_lower_email_idx' on public.members allows several rows with NULL in (org_id); make the column NOT NULL or the index NULLS NOT DISTINCT (PostgreSQL 15)}}
CREATE UNIQUE INDEX members_org_lower_email_idx ON members (org_id, lower(email));

-- -----

-- A partitioned table's key is reported once, at the parent; a
-- partition's own unique index is reported at the partition.
CREATE TABLE readings (
  sensor_id bigint NOT NULL,
  at date NOT NULL,
  serial text,
  batch text,
  PRIMARY KEY (sensor_id, at),
  -- expected-warning @+1 {{unique key 'readings_serial_at_key' on public.readings allows several rows with NULL in (serial); make the column NOT NULL or the key NULLS NOT DISTINCT (PostgreSQL 15)}}
  UNIQUE (serial, at)
) PARTITION BY RANGE (at);
CREATE TABLE readings_2024 PARTITION OF readings
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- expected-warning @+1 {{unique index 'readings_2024_batch_idx' on public.readings_2024 allows several rows with NULL in (batch); make the column NOT NULL or the index NULLS NOT DISTINCT (PostgreSQL 15)}}
CREATE UNIQUE INDEX readings_2024_batch_idx ON readings_2024 (batch);
CREATE UNIQUE INDEX readings_2024_sensor_idx ON readings_2024 (sensor_id, at);

-- -----

-- Silent: NOT NULL columns, primary key and identity columns, NULLS NOT
-- DISTINCT keys and indexes, the fixed forms.
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  code text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  phone text,
  nickname text,
  UNIQUE (code, id),
  UNIQUE NULLS NOT DISTINCT (phone)
);
CREATE UNIQUE INDEX users_nickname_idx ON users (nickname) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX users_email_id_idx ON users (email, id);
