-- Version 2 of the shop database (see schema_v1.sql): bk-diff's demo input.
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    email       varchar(320) NOT NULL UNIQUE,
    -- bk:renamed-from name
    full_name   text NOT NULL,
    phone       text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status       order_status NOT NULL DEFAULT 'pending',
    total        numeric(14, 2) NOT NULL CHECK (total >= 0),
    placed_at    timestamptz NOT NULL DEFAULT now(),
    shipped_at   timestamptz
);

CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at DESC);
CREATE INDEX orders_status_idx ON orders (status) WHERE status <> 'shipped';

CREATE TABLE audit_log (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    payload  jsonb NOT NULL
);

COMMENT ON TABLE customers IS 'people who buy';
