//===- CanonicalTest.cpp - One spelling per meaning -----------------------===//

#include "bk/Schema/Canonical.h"

#include "gtest/gtest.h"

using namespace bk::schema;
using llvm::StringRef;

namespace {

TEST(CanonicalExpressionTest, WhatPostgreSQLAddsCompareEqual) {
  // Casts of literals and columns, as the deparser writes them out.
  EXPECT_TRUE(sameExpression("total >= 0", "total >= (0)::numeric"));
  EXPECT_TRUE(sameExpression("'pending'", "'pending'::public.order_status"));
  EXPECT_TRUE(sameExpression("quantity * unit_price",
                             "(quantity)::numeric * unit_price"));
  EXPECT_TRUE(sameExpression("now()", "now()"));
  EXPECT_TRUE(
      sameExpression("'x'::character varying", "'x'::character varying(20)"));
  EXPECT_TRUE(
      sameExpression("'2024-01-01'::timestamp with time zone", "'2024-01-01'"));
  // Parentheses around comparisons in AND/OR, and around the whole.
  EXPECT_TRUE(sameExpression("salary > 0 AND salary < 1000000",
                             "((salary > (0)::numeric) AND (salary < "
                             "(1000000)::numeric))"));
  EXPECT_TRUE(sameExpression("NOT read AND body IS NOT NULL",
                             "((NOT read) AND (body IS NOT NULL))"));
  EXPECT_TRUE(
      sameExpression("grade BETWEEN 1 AND 5", "(grade >= 1) AND (grade <= 5)"));
  // public. qualification, also of a sequence in a regclass literal.
  EXPECT_TRUE(sameExpression("nextval('users_id_seq'::regclass)",
                             "nextval('public.users_id_seq'::regclass)"));
  EXPECT_TRUE(sameExpression("public.f(x)", "f(x)"));
  // Timestamps with an offset, as partition bounds print them.
  EXPECT_TRUE(sameExpression("FOR VALUES FROM ('2022-04-01 01:00:00+01') TO "
                             "('2022-05-01 01:00:00+01')",
                             "FOR VALUES FROM ('2022-04-01 00:00:00+00') TO "
                             "('2022-05-01 00:00:00+00')"));
  EXPECT_TRUE(sameExpression("'2022-01-01 00:30:00-01:30'",
                             "'2022-01-01 02:00:00+00'"));
  EXPECT_TRUE(
      sameExpression("'2023-01-01 00:00:00+01'", "'2022-12-31 23:00:00+00'"));
}

TEST(CanonicalExpressionTest, SQLSyntaxFunctionsAsPostgreSQLPrintsThem) {
  // What a file writes, then what pg_get_expr gives back (PostgreSQL 15).
  EXPECT_TRUE(
      sameExpression("SUBSTRING(code FOR 3)", "SUBSTRING(code FROM 1 FOR 3)"));
  EXPECT_TRUE(sameExpression("SUBSTRING(code FOR 4 FROM 2)",
                             "SUBSTRING(code FROM 2 FOR 4)"));
  EXPECT_TRUE(sameExpression("SUBSTRING(p FROM 'a.c')",
                             "\"substring\"(p, 'a.c'::text)"));
  EXPECT_TRUE(sameExpression("SUBSTRING(p FROM 'a#\"b#\"c' FOR '#')",
                             "SUBSTRING(p SIMILAR 'a#\"b#\"c'::text ESCAPE "
                             "'#'::text)"));
  EXPECT_TRUE(sameExpression("TRIM(name)", "TRIM(BOTH FROM name)"));
  EXPECT_TRUE(sameExpression("TRIM(FROM name)", "TRIM(BOTH FROM name)"));
  EXPECT_TRUE(
      sameExpression("TRIM(name, 'z')", "TRIM(BOTH 'z'::text FROM name)"));
  EXPECT_TRUE(sameExpression("TRIM(LEADING name)", "TRIM(LEADING FROM name)"));
  EXPECT_TRUE(sameExpression("POSITION('@' IN email) > 1",
                             "(POSITION(('@'::text) IN (email)) > 1)"));
  EXPECT_TRUE(sameExpression("POSITION('@' IN a || b)",
                             "POSITION(('@'::text) IN ((a || b)))"));
  EXPECT_TRUE(sameExpression("ROW(a, b) OVERLAPS ROW(c, d) AND x",
                             "(((a, b) OVERLAPS (c, d)) AND x)"));
  EXPECT_TRUE(sameExpression("x AND form IS NOT NFC NORMALIZED",
                             "(x AND (NOT (form IS NFC NORMALIZED)))"));
  // Field selection.
  EXPECT_TRUE(sameExpression("(ps[1]).y IS NOT NULL AND (p).x > 0",
                             "((ps[1].y IS NOT NULL) AND ((p).x > 0))"));
  EXPECT_FALSE(sameExpression("(p).x > 0", "(p).y > 0"));
  // What differs stays different.
  EXPECT_FALSE(sameExpression("TRIM(LEADING FROM name)", "TRIM(name)"));
  EXPECT_FALSE(sameExpression("TRIM(name, 'z')", "TRIM('z', name)"));
  EXPECT_FALSE(
      sameExpression("SUBSTRING(code FOR 3)", "SUBSTRING(code FROM 3)"));
  EXPECT_FALSE(sameExpression("POSITION('a' IN b)", "POSITION(b IN 'a')"));
}

TEST(CanonicalExpressionTest, WhatChangesMeaningStaysDifferent) {
  EXPECT_FALSE(sameExpression("(a + b) * c", "a + b * c"));
  EXPECT_FALSE(sameExpression("(a OR b) AND c", "a OR b AND c"));
  EXPECT_FALSE(sameExpression("total >= 0", "total > 0"));
  EXPECT_FALSE(sameExpression("lower(email)", "upper(email)"));
  EXPECT_FALSE(sameExpression("status IN ('a', 'b')", "status IN ('a')"));
  EXPECT_FALSE(sameExpression("'a'", "'b'"));
  EXPECT_FALSE(sameExpression("x NOT BETWEEN 1 AND 5", "x >= 1 AND x <= 5"));
  EXPECT_FALSE(sameExpression("app.f(x)", "f(x)"));
  EXPECT_FALSE(
      sameExpression("'2022-01-01 00:00:00+01'", "'2022-01-01 00:00:00+00'"));
}

TEST(CanonicalExpressionTest, Canonical) {
  EXPECT_EQ(canonicalExpression("  ( (x)  ) "), "x");
  EXPECT_EQ(canonicalExpression("f((x)::text)"), "f(x)");
  EXPECT_EQ(canonicalExpression("'it''s'::text"), "'it''s'");
  EXPECT_EQ(canonicalExpression(""), "");
  // Unbalanced text does not crash and keeps its tokens.
  EXPECT_EQ(canonicalExpression("((a"), "((a");
  EXPECT_EQ(canonicalExpression("'open"), "'open");
  // SQL's spacing, lower case, != as <>, signs.
  EXPECT_EQ(canonicalExpression("NEXTVAL('public.s'::regclass)"),
            "nextval('s')");
  EXPECT_EQ(canonicalExpression("((VALUE >= 1901) AND (VALUE <= 2155))"),
            "value >= 1901 and value <= 2155");
  EXPECT_EQ(canonicalExpression("a != -1 AND b IN (1,2)"),
            "a <> -1 and b in (1, 2)");
  EXPECT_EQ(canonicalExpression("x * -1"), "x * -1");
  EXPECT_EQ(canonicalExpression("(x > '-1'::integer)"), "x > -1");
  EXPECT_EQ(canonicalExpression("arr[1] || ARRAY['a'::text]"),
            "arr[1] || array['a']");
  // Quotes only where a name needs them.
  EXPECT_EQ(canonicalExpression("\"substring\"(a, 1)"), "substring(a, 1)");
  EXPECT_EQ(canonicalExpression("\"Mixed\" + \"user\""),
            "\"Mixed\" + \"user\"");
  // pg_catalog. as public.: on every search path.
  EXPECT_EQ(canonicalExpression("pg_catalog.lower(x)"), "lower(x)");
  EXPECT_EQ(canonicalExpression("'pg_catalog.english'::regconfig"),
            "'english'");
  // Partition bounds: timestamps in UTC.
  EXPECT_EQ(canonicalExpression("FOR VALUES FROM ('2022-04-01 01:00:00+01') "
                                "TO (MAXVALUE)"),
            "for values from ('2022-04-01 00:00:00+00') to (maxvalue)");
}

TEST(CanonicalTypeTest, ImplicitSchemas) {
  EXPECT_EQ(canonicalTypeName("public.mood"), "mood");
  EXPECT_EQ(canonicalTypeName("public.mood[]"), "mood[]");
  EXPECT_EQ(canonicalTypeName("pg_catalog.text"), "text");
  EXPECT_EQ(canonicalTypeName("app.mood"), "app.mood");
  EXPECT_EQ(canonicalTypeName("character varying(20)"),
            "character varying(20)");
}

TEST(CanonicalFunctionRefTest, SearchPathAndOwnSchema) {
  EXPECT_EQ(canonicalFunctionRef(QualifiedName("pg_catalog", "f"), "public"),
            QualifiedName("", "f"));
  EXPECT_EQ(canonicalFunctionRef(QualifiedName("public", "f"), "public"),
            QualifiedName("", "f"));
  EXPECT_EQ(canonicalFunctionRef(QualifiedName("", "f"), "app"),
            QualifiedName("", "f"));
  EXPECT_EQ(canonicalFunctionRef(QualifiedName("public", "f"), "app"),
            QualifiedName("public", "f"));
}

TEST(CanonicalExpressionTest, ViewQueriesAsPostgreSQLDeparsesThem) {
  auto Same = [](StringRef A, StringRef B) {
    return canonicalQuery(A) == canonicalQuery(B);
  };
  EXPECT_TRUE(Same("SELECT id, name, team FROM public.staff WHERE active",
                   "SELECT staff.id, staff.name, staff.team FROM "
                   "public.staff WHERE staff.active"));
  EXPECT_TRUE(Same("SELECT id FROM public.diary WHERE mood = 'happy'",
                   "SELECT diary.id FROM public.diary WHERE (diary.mood = "
                   "'happy'::public.mood)"));
  EXPECT_TRUE(Same(
      "SELECT region, date_trunc('month', sold_on) AS month, sum(amount) AS "
      "total FROM public.sales GROUP BY region, date_trunc('month', sold_on)",
      "SELECT sales.region, date_trunc('month'::text, "
      "(sales.sold_on)::TIMESTAMP WITH TIME ZONE) AS month, "
      "sum(sales.amount) AS total FROM public.sales GROUP BY sales.region, "
      "(date_trunc('month'::text, (sales.sold_on)::TIMESTAMP WITH TIME "
      "ZONE))"));
  // With a join or an alias the qualifiers say which relation: kept.
  EXPECT_FALSE(Same("SELECT a.id FROM a JOIN b ON a.id = b.id",
                    "SELECT b.id FROM a JOIN b ON a.id = b.id"));
  EXPECT_FALSE(Same("SELECT id FROM staff s", "SELECT s.name FROM staff s"));
  EXPECT_FALSE(Same("SELECT id FROM staff", "SELECT name FROM staff"));
}

TEST(CanonicalExpressionTest, DeparsedForms) {
  auto Same = [](StringRef A, StringRef B) {
    return canonicalExpression(A) == canonicalExpression(B);
  };
  // IN lists, LIKE and typed literals as PostgreSQL stores them.
  EXPECT_TRUE(
      Same("kind IN ('a', 'b')", "(kind = ANY (ARRAY['a'::text, 'b'::text]))"));
  EXPECT_TRUE(Same("kind NOT IN ('a')",
                   "((kind)::text <> ALL ((ARRAY['a'::character "
                   "varying])::text[]))"));
  EXPECT_TRUE(Same("a LIKE 'x%' AND b NOT ILIKE 'y'",
                   "((a ~~ 'x%'::text) AND (b !~~* 'y'::text))"));
  EXPECT_TRUE(Same("interval '7 days'", "'7 days'::interval"));
  EXPECT_TRUE(
      Same("CASE WHEN a THEN 1 END", "CASE WHEN a THEN 1 ELSE NULL END"));
  // Redundant parentheses around AND groups and operators.
  EXPECT_TRUE(Same("a AND NOT b AND c BETWEEN 1 AND 2",
                   "((a AND (NOT b)) AND ((c >= 1) AND (c <= 2)))"));
  EXPECT_TRUE(Same("code ~ '^A' OR code IS NULL",
                   "((code ~ '^A'::text) OR (code IS NULL))"));
  // Casts of calls stay; the deparser's parentheses around them go.
  EXPECT_TRUE(
      Same("current_setting('x')::integer", "(current_setting('x'))::integer"));
  EXPECT_FALSE(Same("now()::date", "now()"));
  EXPECT_FALSE(Same("NOT (a AND b)", "NOT a AND b"));
  EXPECT_FALSE(Same("(a OR b) AND c", "a OR b AND c"));
  EXPECT_FALSE(Same("a IN (1, 2)", "a NOT IN (1, 2)"));
  EXPECT_FALSE(Same("'3'", "3"));
}

TEST(CanonicalPartitionBoundTest, TimestampsAsPostgreSQLPrintsThem) {
  EXPECT_EQ(canonicalPartitionBound("FOR VALUES FROM ('2024-01-01') TO "
                                    "('2024-04-01 12:30')",
                                    "timestamp with time zone"),
            "for values from ('2024-01-01 00:00:00+00') to "
            "('2024-04-01 12:30:00+00')");
  EXPECT_EQ(canonicalPartitionBound("FOR VALUES FROM ('2024-01-01') TO "
                                    "(MAXVALUE)",
                                    "timestamp without time zone"),
            "for values from ('2024-01-01 00:00:00') to (maxvalue)");
  EXPECT_EQ(canonicalPartitionBound("FOR VALUES FROM ('2024-01-01 01:00:00+01')"
                                    " TO ('2025-01-01')",
                                    "timestamp with time zone"),
            "for values from ('2024-01-01 00:00:00+00') to "
            "('2025-01-01 00:00:00+00')");
  // Other key types keep their literals.
  EXPECT_EQ(canonicalPartitionBound("FOR VALUES IN ('2024-01-01')", "date"),
            "for values in ('2024-01-01')");
}

TEST(CanonicalizeTest, Catalog) {
  Catalog C;
  Schema &S = C.getOrAddSchema("public");
  S.Comment = "standard public schema";
  Table Parent;
  Parent.Name = "events";
  Parent.PartitionBy = PartitionStrategy::Range;
  Column At;
  At.Name = "at";
  At.Type = "timestamp with time zone";
  Parent.Columns.push_back(At);
  IndexKey K;
  K.Text = "at";
  Parent.PartitionKeys.push_back(K);
  Constraint PK;
  PK.Kind = ConstraintKind::PrimaryKey;
  PK.Name = "events_pkey";
  PK.Columns = {"at"};
  Parent.Constraints.push_back(PK);
  Table Part;
  Part.Name = "events_2024";
  Part.PartitionOf = QualifiedName("public", "events");
  Part.PartitionBound = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')";
  PK.Name = "events_2024_pkey";
  Part.Constraints.push_back(PK);
  Part.Annotations = {"bk:x"};
  S.Tables.push_back(Parent);
  S.Tables.push_back(Part);

  EXPECT_TRUE(canonicalize(C));
  const Table &P = S.Tables[1];
  EXPECT_TRUE(P.Constraints.empty());
  EXPECT_TRUE(P.Annotations.empty());
  EXPECT_EQ(P.PartitionBound, "for values from ('2024-01-01 00:00:00+00') to "
                              "('2025-01-01 00:00:00+00')");
  EXPECT_EQ(S.Comment, "");
  EXPECT_EQ(S.Tables[0].Constraints.size(), 1u);
  // Idempotent: nothing left to change.
  EXPECT_FALSE(canonicalize(C));
}

} // namespace
