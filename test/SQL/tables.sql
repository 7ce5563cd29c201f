-- RUN: bk-opt %s | FileCheck %s
-- RUN: bk-opt %s | bk-opt | FileCheck %s

-- Column types, defaults, NOT NULL, identity and generated columns, and the
-- names PostgreSQL gives unnamed constraints.

CREATE TABLE Users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "Email" VARCHAR(255) NOT NULL UNIQUE,
    name text COLLATE "C" DEFAULT '',
    score numeric(10, 2) CHECK (score >= 0),
    tags text[] DEFAULT '{}'::text[],
    created_at timestamptz NOT NULL DEFAULT now(),
    ttl interval DEFAULT interval '1 day',
    flags int4 ARRAY,
    total numeric GENERATED ALWAYS AS (score * 2) STORED,
    UNIQUE (id, score)
);

CREATE TABLE orders (
    id serial,
    user_id bigint REFERENCES users ON DELETE CASCADE,
    code int2 NOT NULL,
    note character varying,
    PRIMARY KEY (id),
    CONSTRAINT orders_code_positive CHECK (code > 0) NOT VALID,
    CHECK (code < 100 AND note IS NOT NULL),
    UNIQUE NULLS NOT DISTINCT (user_id, code) INCLUDE (note),
    FOREIGN KEY (user_id, code) REFERENCES users (id, score) MATCH FULL
        ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED
);

CREATE UNLOGGED TABLE IF NOT EXISTS app.events (
    at timestamp(3) without time zone,
    payload jsonb
) WITH (fillfactor = 70, autovacuum_enabled = false);

CREATE TABLE measurements (
    logdate date NOT NULL,
    city_id int
) PARTITION BY RANGE (logdate);

CREATE TABLE measurements_2024 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE hashed (id int) PARTITION BY HASH (id);
CREATE TABLE hashed_0 PARTITION OF hashed FOR VALUES WITH (modulus 4, remainder 0);

CREATE TABLE child (extra text) INHERITS (measurements);

CREATE TABLE booking (
    room int,
    during tstzrange,
    EXCLUDE USING gist (room WITH =, during WITH &&)
);

-- CHECK:      schema public {
-- CHECK-NEXT:   sequence orders_id_seq [type = integer, owned_by = public.orders.id];
-- CHECK-NEXT:   table users {
-- CHECK-NEXT:     column id bigint [not_null, identity = always];
-- CHECK-NEXT:     column Email "character varying(255)" [not_null];
-- CHECK-NEXT:     column name text [default = "''", collation = C];
-- CHECK-NEXT:     column score "numeric(10,2)";
-- CHECK-NEXT:     column tags "text[]" [default = "'{}'::text[]"];
-- CHECK-NEXT:     column created_at "timestamp with time zone" [not_null, default = "now()"];
-- CHECK-NEXT:     column ttl interval [default = "INTERVAL '1 day'"];
-- CHECK-NEXT:     column flags "integer[]";
-- CHECK-NEXT:     column total numeric [generated = "score * 2"];
-- CHECK-NEXT:     primary_key users_pkey (id);
-- CHECK-NEXT:     unique users_Email_key (Email);
-- CHECK-NEXT:     check users_score_check [expr = "score >= 0"];
-- CHECK-NEXT:     unique users_id_score_key (id, score);
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table orders {
-- CHECK-NEXT:     column id integer [not_null, default = "nextval('public.orders_id_seq'::regclass)"];
-- CHECK-NEXT:     column user_id bigint;
-- CHECK-NEXT:     column code smallint [not_null];
-- CHECK-NEXT:     column note "character varying";
-- CHECK-NEXT:     foreign_key orders_user_id_fkey (user_id) [references = public.users, ref_columns = (id), on_delete = cascade];
-- CHECK-NEXT:     primary_key orders_pkey (id);
-- NOT VALID in CREATE TABLE is accepted and ignored (PostgreSQL records the
-- constraint as validated: the table has no rows yet).
-- CHECK-NEXT:     check orders_code_positive [expr = "code > 0"];
-- CHECK-NEXT:     check orders_check [expr = "code < 100 AND note IS NOT NULL"];
-- CHECK-NEXT:     unique orders_user_id_code_key (user_id, code) [nulls_not_distinct, include = (note)];
-- CHECK-NEXT:     foreign_key orders_user_id_code_fkey (user_id, code) [references = public.users, ref_columns = (id, score), match = full, on_update = set_null, deferrable, initially_deferred];
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table measurements [partition_by = range] {
-- CHECK-NEXT:     column logdate date [not_null];
-- CHECK-NEXT:     column city_id integer;
-- CHECK-NEXT:     partition_key logdate;
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table measurements_2024 [partition_of = public.measurements, bound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"] {
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table hashed [partition_by = hash] {
-- CHECK-NEXT:     column id integer;
-- CHECK-NEXT:     partition_key id;
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table hashed_0 [partition_of = public.hashed, bound = "FOR VALUES WITH (MODULUS 4, REMAINDER 0)"] {
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table child [inherits = (public.measurements)] {
-- CHECK-NEXT:     column extra text;
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table booking {
-- CHECK-NEXT:     column room integer;
-- CHECK-NEXT:     column during tstzrange;
-- CHECK-NEXT:     exclude booking_room_during_excl [method = gist] {
-- CHECK-NEXT:       key room [operator = "="];
-- CHECK-NEXT:       key during [operator = "&&"];
-- CHECK-NEXT:     }
-- CHECK-NEXT:   }
-- CHECK-NEXT: }
-- CHECK-NEXT: schema app {
-- CHECK-NEXT:   table events [unlogged, options = ("fillfactor=70", "autovacuum_enabled=false")] {
-- CHECK-NEXT:     column at "timestamp(3) without time zone";
-- CHECK-NEXT:     column payload jsonb;
-- CHECK-NEXT:   }
-- CHECK-NEXT: }
