//===- CatalogReaderTest.cpp - Catalog reader helpers ---------------------===//

#include "bk/Database/CatalogReader.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::db;
using namespace bk::schema;

namespace {

TEST(CatalogReaderTest, PartitionKeyColumns) {
  PartitionStrategy By = PartitionStrategy::None;
  std::vector<IndexKey> Keys;
  ASSERT_TRUE(parsePartitionKeyDef("RANGE (created_at, \"Org Id\")", By, Keys));
  EXPECT_EQ(PartitionStrategy::Range, By);
  ASSERT_EQ(2u, Keys.size());
  EXPECT_EQ("created_at", Keys[0].Text);
  EXPECT_FALSE(Keys[0].IsExpression);
  EXPECT_EQ("Org Id", Keys[1].Text);
  EXPECT_FALSE(Keys[1].IsExpression);
}

TEST(CatalogReaderTest, PartitionKeyExpressionsCollationsOpclasses) {
  PartitionStrategy By = PartitionStrategy::None;
  std::vector<IndexKey> Keys;
  ASSERT_TRUE(parsePartitionKeyDef(
      "LIST (lower(name) COLLATE \"C\" text_pattern_ops)", By, Keys));
  EXPECT_EQ(PartitionStrategy::List, By);
  ASSERT_EQ(1u, Keys.size());
  EXPECT_EQ("lower(name)", Keys[0].Text);
  EXPECT_TRUE(Keys[0].IsExpression);
  EXPECT_EQ("C", Keys[0].Collation);
  EXPECT_EQ("text_pattern_ops", Keys[0].OpClass);

  ASSERT_TRUE(parsePartitionKeyDef("HASH ((a + b), id)", By, Keys));
  EXPECT_EQ(PartitionStrategy::Hash, By);
  ASSERT_EQ(2u, Keys.size());
  EXPECT_EQ("a + b", Keys[0].Text);
  EXPECT_TRUE(Keys[0].IsExpression);
  EXPECT_EQ("id", Keys[1].Text);

  EXPECT_FALSE(parsePartitionKeyDef("WEIRD (a)", By, Keys));
  EXPECT_FALSE(parsePartitionKeyDef("RANGE (a", By, Keys));
}

TEST(CatalogReaderTest, TriggerWhenClause) {
  EXPECT_EQ("(new.email IS NOT NULL)",
            triggerWhenClause(
                "CREATE TRIGGER t BEFORE UPDATE ON public.users FOR EACH ROW "
                "WHEN ((new.email IS NOT NULL)) EXECUTE FUNCTION touch()"));
  EXPECT_EQ("(old.a <> ')'::text)",
            triggerWhenClause("CREATE TRIGGER t AFTER UPDATE ON t FOR EACH ROW "
                              "WHEN ((old.a <> ')'::text)) EXECUTE FUNCTION "
                              "f()"));
  EXPECT_EQ("", triggerWhenClause("CREATE TRIGGER t AFTER DELETE ON t "
                                  "EXECUTE FUNCTION f()"));
}

TEST(CatalogReaderTest, MakeTextArray) {
  EXPECT_EQ("{}", makeTextArray({}));
  EXPECT_EQ("{\"public\",\"Audit Trail\",\"a\\\"b\\\\c\"}",
            makeTextArray({"public", "Audit Trail", "a\"b\\c"}));
}

} // namespace
