-- Which schemas are read (--schemas, --exclude-schemas), owners off
-- (--owners=false), names that need quoting, and the untouched public
-- schema every database starts with, which is not reported.

-- REQUIRES: postgres
-- RUN: psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS bk_test_db_schemas' -c 'CREATE DATABASE bk_test_db_schemas TEMPLATE template0'
-- RUN: psql -X -q -v ON_ERROR_STOP=1 -d bk_test_db_schemas -f %s
-- RUN: bk-opt --connection "dbname=bk_test_db_schemas" --owners=false -passes=sort | FileCheck %s --match-full-lines
-- RUN: bk-opt --connection "dbname=bk_test_db_schemas" --owners=false --schemas=billing | FileCheck %s --match-full-lines --check-prefix=ONLY
-- RUN: bk-opt --connection "dbname=bk_test_db_schemas" --owners=false -passes=sort --exclude-schemas "billing,Audit Trail" | FileCheck %s --match-full-lines --allow-empty --check-prefix=EXCLUDE
-- RUN: psql -X -q -d postgres -c 'DROP DATABASE bk_test_db_schemas'

CREATE SCHEMA billing;
CREATE SCHEMA "Audit Trail";
CREATE TABLE billing.invoices (id integer PRIMARY KEY, total numeric(10, 2));
CREATE TABLE "Audit Trail"."Log Entries" ("When" timestamptz, what text);
CREATE TYPE "Audit Trail"."Level" AS ENUM ('info', 'warn');
CREATE TABLE "Audit Trail".levels (lvl "Audit Trail"."Level", inv integer REFERENCES billing.invoices);

-- CHECK: schema "Audit Trail" {
-- CHECK-NEXT:   enum Level ("info", "warn");
-- CHECK-NEXT:   table "Log Entries" {
-- CHECK-NEXT:     column When "timestamp with time zone";
-- CHECK-NEXT:     column what text;
-- CHECK-NEXT:   }
-- CHECK-NEXT:   table levels {
-- CHECK-NEXT:     column lvl "\"Audit Trail\".\"Level\"";
-- CHECK-NEXT:     column inv integer;
-- CHECK-NEXT:     foreign_key levels_inv_fkey (inv) [references = billing.invoices, ref_columns = (id)];
-- CHECK-NEXT:   }
-- CHECK-NEXT: }
-- CHECK-NEXT: schema billing {
-- CHECK-NEXT:   table invoices {
-- CHECK-NEXT:     column id integer [not_null];
-- CHECK-NEXT:     column total "numeric(10,2)";
-- CHECK-NEXT:     primary_key invoices_pkey (id);
-- CHECK-NEXT:   }
-- CHECK-NEXT: }
-- CHECK-NOT: {{.}}

-- ONLY: schema billing {
-- ONLY-NEXT:   table invoices {
-- ONLY-NOT: Audit

-- EXCLUDE-NOT: {{.}}
