//===- CompareTest.cpp - Loose expression keys and type changes -----------===//

#include "DiffInternal.h"

#include "gtest/gtest.h"

using namespace bk::diff::detail;
using llvm::StringRef;

namespace {

TEST(LooseExprTest, WhatPostgreSQLAddsCompareEqual) {
  // Casts of literals and columns, as the deparser writes them out.
  EXPECT_TRUE(sameExpr("total >= 0", "total >= (0)::numeric"));
  EXPECT_TRUE(sameExpr("'pending'", "'pending'::public.order_status"));
  EXPECT_TRUE(
      sameExpr("quantity * unit_price", "(quantity)::numeric * unit_price"));
  EXPECT_TRUE(sameExpr("now()", "now()"));
  EXPECT_TRUE(sameExpr("'x'::character varying", "'x'::character varying(20)"));
  EXPECT_TRUE(
      sameExpr("'2024-01-01'::timestamp with time zone", "'2024-01-01'"));
  // Parentheses around comparisons in AND/OR, and around the whole.
  EXPECT_TRUE(sameExpr("salary > 0 AND salary < 1000000",
                       "((salary > (0)::numeric) AND (salary < "
                       "(1000000)::numeric))"));
  EXPECT_TRUE(sameExpr("NOT read AND body IS NOT NULL",
                       "((NOT read) AND (body IS NOT NULL))"));
  EXPECT_TRUE(
      sameExpr("grade BETWEEN 1 AND 5", "(grade >= 1) AND (grade <= 5)"));
  // public. qualification, also of a sequence in a regclass literal.
  EXPECT_TRUE(sameExpr("nextval('users_id_seq'::regclass)",
                       "nextval('public.users_id_seq'::regclass)"));
  EXPECT_TRUE(sameExpr("public.f(x)", "f(x)"));
  // Timestamps with an offset, as partition bounds print them.
  EXPECT_TRUE(sameExpr("FOR VALUES FROM ('2022-04-01 01:00:00+01') TO "
                       "('2022-05-01 01:00:00+01')",
                       "FOR VALUES FROM ('2022-04-01 00:00:00+00') TO "
                       "('2022-05-01 00:00:00+00')"));
  EXPECT_TRUE(
      sameExpr("'2022-01-01 00:30:00-01:30'", "'2022-01-01 02:00:00+00'"));
  EXPECT_TRUE(sameExpr("'2023-01-01 00:00:00+01'", "'2022-12-31 23:00:00+00'"));
}

TEST(LooseExprTest, WhatChangesMeaningStaysDifferent) {
  EXPECT_FALSE(sameExpr("(a + b) * c", "a + b * c"));
  EXPECT_FALSE(sameExpr("(a OR b) AND c", "a OR b AND c"));
  EXPECT_FALSE(sameExpr("total >= 0", "total > 0"));
  EXPECT_FALSE(sameExpr("lower(email)", "upper(email)"));
  EXPECT_FALSE(sameExpr("status IN ('a', 'b')", "status IN ('a')"));
  EXPECT_FALSE(sameExpr("'a'", "'b'"));
  EXPECT_FALSE(sameExpr("x NOT BETWEEN 1 AND 5", "x >= 1 AND x <= 5"));
  EXPECT_FALSE(sameExpr("app.f(x)", "f(x)"));
  EXPECT_FALSE(
      sameExpr("'2022-01-01 00:00:00+01'", "'2022-01-01 00:00:00+00'"));
}

TEST(LooseExprTest, Canonical) {
  EXPECT_EQ(looseExpr("  ( (x)  ) "), "x");
  EXPECT_EQ(looseExpr("f((x)::text)"), "f ( x )");
  EXPECT_EQ(looseExpr("'it''s'::text"), "'it''s'");
  EXPECT_EQ(looseExpr(""), "");
  // Unbalanced text does not crash and keeps its tokens.
  EXPECT_EQ(looseExpr("((a"), "( ( a");
  EXPECT_EQ(looseExpr("'open"), "'open");
}

TEST(LooseExprTest, ViewQueriesAsPostgreSQLDeparsesThem) {
  auto Same = [](StringRef A, StringRef B) {
    return looseQuery(A) == looseQuery(B);
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

TEST(TypeChangeTest, Classified) {
  EXPECT_EQ(classifyTypeChange("integer", "bigint"),
            TypeChange::WideningRewrite);
  EXPECT_EQ(classifyTypeChange("bigint", "integer"), TypeChange::Narrowing);
  EXPECT_EQ(
      classifyTypeChange("character varying(50)", "character varying(200)"),
      TypeChange::Widening);
  EXPECT_EQ(
      classifyTypeChange("character varying(200)", "character varying(50)"),
      TypeChange::Narrowing);
  EXPECT_EQ(classifyTypeChange("character varying(50)", "text"),
            TypeChange::Widening);
  EXPECT_EQ(classifyTypeChange("text", "character varying(50)"),
            TypeChange::Narrowing);
  EXPECT_EQ(classifyTypeChange("numeric(10,2)", "numeric(12,2)"),
            TypeChange::Widening);
  EXPECT_EQ(classifyTypeChange("numeric(10,2)", "numeric(12,4)"),
            TypeChange::WideningRewrite);
  EXPECT_EQ(classifyTypeChange("numeric(12,2)", "numeric(10,2)"),
            TypeChange::Narrowing);
  EXPECT_EQ(classifyTypeChange("numeric", "integer"), TypeChange::Narrowing);
  EXPECT_EQ(classifyTypeChange("timestamp(3) without time zone",
                               "timestamp without time zone"),
            TypeChange::Widening);
  EXPECT_EQ(classifyTypeChange("timestamp with time zone", "date"),
            TypeChange::Narrowing);
  EXPECT_EQ(classifyTypeChange("integer", "text"), TypeChange::WideningRewrite);
  EXPECT_EQ(classifyTypeChange("text", "integer"), TypeChange::Conversion);
  EXPECT_EQ(classifyTypeChange("integer[]", "bigint[]"),
            TypeChange::WideningRewrite);
  EXPECT_EQ(classifyTypeChange("integer", "integer[]"), TypeChange::Conversion);
  EXPECT_EQ(classifyTypeChange("double precision", "real"),
            TypeChange::Narrowing);
}

TEST(TypeRefTest, FindsAndRenames) {
  EXPECT_TRUE(typeRefersTo("mood", "public", "mood"));
  EXPECT_TRUE(typeRefersTo("public.mood[]", "public", "mood"));
  EXPECT_TRUE(typeRefersTo("app.\"Mood\"", "app", "Mood"));
  EXPECT_FALSE(typeRefersTo("app.mood", "public", "mood"));
  EXPECT_FALSE(typeRefersTo("moods", "public", "mood"));
  EXPECT_FALSE(typeRefersTo("character varying(5)", "public", "character"));
  EXPECT_EQ(renameTypeRef("public.mood[]", "mood", "feeling"),
            "public.feeling[]");
  EXPECT_EQ(renameTypeRef("mood", "mood", "Feeling"), "\"Feeling\"");
  EXPECT_EQ(renameTypeRef("text", "mood", "feeling"), "text");
  EXPECT_TRUE(sameType("public.mood", "mood"));
  EXPECT_FALSE(sameType("app.mood", "mood"));
}

} // namespace
