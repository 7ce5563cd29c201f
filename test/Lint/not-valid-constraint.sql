-- CHECK and FOREIGN KEY constraints left NOT VALID; validated ones (in the same file or never NOT VALID) stay silent.
-- RUN: bk-opt %s -split-input-file -passes=not-valid-constraint -verify-diagnostics -o /dev/null

-- A CHECK added NOT VALID, at CONSTRAINT.
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);
-- expected-warning @+1 {{constraint 'orders_total_check' on public.orders is NOT VALID: existing rows were never checked; validate it (takes only a SHARE UPDATE EXCLUSIVE lock): ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check}}
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;

-- -----

-- A FOREIGN KEY added NOT VALID, and a CHECK added NOT VALID to a
-- partitioned table (PostgreSQL refuses only NOT VALID foreign keys there);
-- names are quoted in the SQL where needed.
CREATE SCHEMA sales;
CREATE TABLE sales.customers (id bigint PRIMARY KEY);
CREATE TABLE sales."Invoices" (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
-- expected-warning @+1 {{constraint 'Invoices_Customer_FK' on sales.Invoices is NOT VALID: existing rows were never checked; validate it (takes only a SHARE UPDATE EXCLUSIVE lock): ALTER TABLE sales."Invoices" VALIDATE CONSTRAINT "Invoices_Customer_FK"}}
ALTER TABLE sales."Invoices" ADD CONSTRAINT "Invoices_Customer_FK"
  FOREIGN KEY (customer_id) REFERENCES sales.customers (id) NOT VALID;
CREATE TABLE sales.payments (id bigint, paid_on date NOT NULL, amount numeric)
  PARTITION BY RANGE (paid_on);
-- expected-warning @+1 {{constraint 'payments_amount_check' on sales.payments is NOT VALID: existing rows were never checked; validate it (takes only a SHARE UPDATE EXCLUSIVE lock): ALTER TABLE sales.payments VALIDATE CONSTRAINT payments_amount_check}}
ALTER TABLE sales.payments ADD CONSTRAINT payments_amount_check CHECK (amount > 0) NOT VALID;

-- -----

-- Silent: constraints added NOT VALID and validated later in the same file
-- (what the diff planner emits), and constraints that were never NOT VALID.
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE invoices (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers,
  amount numeric CHECK (amount > 0)
);
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_small CHECK (amount < 1000000) NOT VALID;
ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk
  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_amount_small;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_customer_fk;
