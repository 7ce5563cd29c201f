-- A small shop database, version 1: the input of the demo (utils/demo.sh),
-- which diffs it against schema_v2.sql with bk-diff.
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    email       varchar(320) NOT NULL UNIQUE,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status       order_status NOT NULL DEFAULT 'pending',
    total        numeric(12, 2) NOT NULL CHECK (total >= 0),
    placed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at DESC);

CREATE TABLE audit_log (
    at       timestamptz NOT NULL DEFAULT now(),
    payload  jsonb NOT NULL
);

COMMENT ON TABLE customers IS 'people who buy';
