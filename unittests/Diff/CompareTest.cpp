//===- CompareTest.cpp - Type changes ------------------------------------===//

#include "DiffInternal.h"

#include "gtest/gtest.h"

using namespace bk::diff::detail;

namespace {

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

TEST(SameTypeTest, ImplicitSchema) {
  EXPECT_TRUE(sameType("public.mood", "mood"));
  EXPECT_FALSE(sameType("app.mood", "mood"));
}

} // namespace
