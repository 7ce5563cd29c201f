-- RUN: bk-opt %s | FileCheck %s
-- RUN: bk-opt %s | bk-opt | FileCheck %s

-- CREATE INDEX: implicit names (table_columns_idx, "expr" or the function
-- name for expressions, numeric suffixes on collision), methods, keys with
-- collation, operator class and ordering, INCLUDE, WITH, WHERE.

CREATE TABLE t (a int, b text, c timestamptz, d tsvector);
CREATE INDEX ON t (a);
CREATE INDEX ON t (a);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_b_unique ON ONLY public.t USING btree (lower(b) DESC NULLS LAST, a) INCLUDE (c) NULLS NOT DISTINCT;
CREATE INDEX t_b_pattern ON t (b COLLATE "C" text_pattern_ops ASC NULLS FIRST) WITH (fillfactor = 80) WHERE (c IS NOT NULL);
CREATE INDEX ON t USING gin (d);
CREATE INDEX ON t ((a + 1), (b || 'x'));
CREATE INDEX IF NOT EXISTS t_a_idx ON t (b);
CREATE INDEX t_partial ON t (c) WHERE a > 0 AND b <> ALL (ARRAY['x', 'y']);
-- Named as FigureColname names expressions: a function also in parentheses
-- and through casts, a column through casts; ASC and the NULLS order that
-- goes with the direction are PostgreSQL's defaults and leave no trace.
CREATE INDEX ON t ((upper(b)), ((a)::bigint), (CASE WHEN a > 0 THEN 1 END));
CREATE INDEX t_defaults ON t (a ASC NULLS LAST, b DESC NULLS FIRST);

-- CHECK:      schema public {
-- CHECK-NEXT:   table t {
-- CHECK-NEXT:     column a integer;
-- CHECK-NEXT:     column b text;
-- CHECK-NEXT:     column c "timestamp with time zone";
-- CHECK-NEXT:     column d tsvector;
-- CHECK-NEXT:     index t_a_idx {
-- CHECK-NEXT:       key a;
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_a_idx1 {
-- CHECK-NEXT:       key a;
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_b_unique [unique, nulls_not_distinct, include = (c)] {
-- CHECK-NEXT:       key "lower(b)" [expression, order = desc, nulls = last];
-- CHECK-NEXT:       key a;
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_b_pattern [where = "c IS NOT NULL", options = ("fillfactor=80")] {
-- CHECK-NEXT:       key b [collation = C, opclass = text_pattern_ops, nulls = first];
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_d_idx [method = gin] {
-- CHECK-NEXT:       key d;
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_expr_expr1_idx {
-- CHECK-NEXT:       key "a + 1" [expression];
-- CHECK-NEXT:       key "b || 'x'" [expression];
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_partial [where = "a > 0 AND b <> ALL (ARRAY['x', 'y'])"] {
-- CHECK-NEXT:       key c;
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_upper_a_case_idx {
-- CHECK-NEXT:       key "upper(b)" [expression];
-- CHECK-NEXT:       key "(a)::bigint" [expression];
-- CHECK-NEXT:       key "CASE WHEN a > 0 THEN 1 END" [expression];
-- CHECK-NEXT:     }
-- CHECK-NEXT:     index t_defaults {
-- CHECK-NEXT:       key a;
-- CHECK-NEXT:       key b [order = desc];
-- CHECK-NEXT:     }
-- CHECK-NEXT:   }
-- CHECK-NEXT: }
