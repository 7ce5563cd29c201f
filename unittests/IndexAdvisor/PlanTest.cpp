//===- PlanTest.cpp - Reading EXPLAIN plans for the index advisor ---------===//

#include "bk/IndexAdvisor/Plan.h"

#include "gtest/gtest.h"

using namespace bk::advisor;

namespace {

std::string describe(const Predicate &P) {
  const char *Kinds[] = {"eq", "range", "join", "notnull"};
  std::string Out = Kinds[static_cast<int>(P.Kind)];
  Out += " " + P.Alias + "." +
         (P.Column.empty() ? "(" + P.Expression + ")" : P.Column);
  if (P.Kind == PredicateKind::Join)
    Out += " = " + P.Other.Alias + "." + P.Other.Column;
  if (P.Literal)
    Out += " literal";
  return Out;
}

std::vector<std::string> read(llvm::StringRef Qual) {
  std::vector<std::string> Out;
  for (const Predicate &P : readQual(Qual))
    Out.push_back(describe(P));
  return Out;
}

using V = std::vector<std::string>;

TEST(PlanTest, ReadsConjunctsAsTheServerPrintsThem) {
  EXPECT_EQ(read("((t.kind_id = 1) AND (t.production_year > 2000))"),
            (V{"eq t.kind_id literal", "range t.production_year literal"}));
  // BETWEEN is printed as two comparisons; parameters are no literals.
  EXPECT_EQ(read("((o.placed_at >= $1) AND (o.placed_at <= $2))"),
            (V{"range o.placed_at", "range o.placed_at"}));
  // Constant on the left.
  EXPECT_EQ(read("(2000 < t.production_year)"),
            (V{"range t.production_year literal"}));
}

TEST(PlanTest, ReadsInListsNullTestsAndRelabelledColumns) {
  EXPECT_EQ(read("(mi.info = ANY ('{Drama,Horror}'::text[]))"),
            (V{"eq mi.info literal"}));
  EXPECT_EQ(read("(o.deleted_at IS NULL)"), (V{"eq o.deleted_at literal"}));
  EXPECT_EQ(read("(o.deleted_at IS NOT NULL)"),
            (V{"notnull o.deleted_at literal"}));
  // A varchar column compared with text is still the column.
  EXPECT_EQ(read("((n.gender)::text = 'f'::text)"), (V{"eq n.gender literal"}));
  // A cast that computes is an expression.
  EXPECT_EQ(read("((o.placed_at)::date = '2026-01-10'::date)"),
            (V{"eq o.((placed_at)::date) literal"}));
}

TEST(PlanTest, ReadsJoinsAndExpressions) {
  EXPECT_EQ(read("(mc.movie_id = t.id)"), (V{"join mc.movie_id = t.id"}));
  EXPECT_EQ(read("(lower(c.email) = 'a@b.c'::text)"),
            (V{"eq c.(lower(email)) literal"}));
  EXPECT_EQ(read("(\"Odd\".\"Order\" = $1)"), (V{"eq Odd.Order"}));
  // A function of the moment is a value, but not a literal.
  EXPECT_EQ(read("(o.placed_at > (now() - '01:00:00'::interval))"),
            (V{"range o.placed_at"}));
}

TEST(PlanTest, IgnoresWhatNoIndexServes) {
  EXPECT_EQ(read("((mc.note)::text ~~ '%(co-production)%'::text)"), V{});
  EXPECT_EQ(read("((a.x = 1) OR (a.y = 2))"), V{});
  EXPECT_EQ(read("(NOT (a.flag))"), V{});
  EXPECT_EQ(read("(a.x <> 1)"), V{});
  EXPECT_EQ(read("(a.x = a.y)"), V{});
  EXPECT_EQ(read("((a.x + b.y) = 3)"), V{});
  // Garbage in, nothing out.
  EXPECT_EQ(read("(a.x = 'unterminated"), V{});
  EXPECT_EQ(read("(lower(a.x;y) = 1)"), V{});
  EXPECT_EQ(read("(lower(a.x] = 1)"), V{});
  EXPECT_EQ(read("(a.x = 1))"), V{});
  EXPECT_EQ(read(""), V{});
}

TEST(PlanTest, ColumnEntries) {
  EXPECT_EQ(readColumnEntry("t.title DESC NULLS LAST")->Column, "title");
  EXPECT_EQ(readColumnEntry("t.title")->Alias, "t");
  EXPECT_EQ(readColumnEntry("title")->Column, "title");
  EXPECT_TRUE(readColumnEntry("title")->Alias.empty());
  EXPECT_FALSE(readColumnEntry("NULL::text"));
  EXPECT_FALSE(readColumnEntry("min(t.title)"));
  EXPECT_FALSE(readColumnEntry("(t.a + 1)"));
}

TEST(PlanTest, ReadsAPlan) {
  const char *JSON = R"json([{"Plan": {
    "Node Type": "Sort", "Total Cost": 120.5,
    "Sort Key": ["o.placed_at DESC"],
    "Plans": [{
      "Node Type": "Hash Join", "Hash Cond": "(o.customer_id = c.id)",
      "Plans": [
        {"Node Type": "Seq Scan", "Relation Name": "orders", "Schema": "shop",
         "Alias": "o", "Output": ["o.id", "o.total", "o.placed_at", "o.customer_id"],
         "Filter": "(o.status = 'paid'::text)"},
        {"Node Type": "Hash", "Plans": [
          {"Node Type": "Index Scan", "Relation Name": "customers",
           "Schema": "shop", "Alias": "c", "Index Name": "customers_pkey",
           "Output": ["c.id", "lower(c.email)"],
           "Index Cond": "(c.id = 5)"}]}]}]}}])json";
  llvm::Expected<PlanSummary> P = readPlan(JSON);
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->TotalCost, 120.5);
  ASSERT_EQ(P->Relations.size(), 2u);
  const RelationScan &O = P->Relations[0];
  EXPECT_EQ(O.Schema + "." + O.Name + " " + O.Alias, "shop.orders o");
  V Preds;
  for (const Predicate &Pr : O.Predicates)
    Preds.push_back(describe(Pr));
  EXPECT_EQ(Preds, (V{"join o.customer_id = c.id", "eq o.status literal"}));
  // The sort is over a join, not over orders alone.
  EXPECT_TRUE(O.SortColumns.empty());
  EXPECT_EQ(O.OutputColumns, (V{"id", "total", "placed_at", "customer_id"}));
  EXPECT_FALSE(O.OutputHasExpression);
  const RelationScan &C = P->Relations[1];
  Preds.clear();
  for (const Predicate &Pr : C.Predicates)
    Preds.push_back(describe(Pr));
  EXPECT_EQ(Preds, (V{"join c.id = o.customer_id", "eq c.id literal"}));
  EXPECT_TRUE(C.OutputHasExpression);
  EXPECT_EQ(P->IndexNames, (V{"customers_pkey"}));

  EXPECT_FALSE(bool(readPlan("not json")));
  llvm::consumeError(readPlan("not json").takeError());
  llvm::Expected<PlanSummary> Empty = readPlan("[]");
  EXPECT_FALSE(bool(Empty));
  llvm::consumeError(Empty.takeError());
}

TEST(PlanTest, SortOverOneRelation) {
  const char *JSON = R"json([{"Plan": {
    "Node Type": "Limit", "Total Cost": 10, "Plans": [{
      "Node Type": "Sort", "Sort Key": ["o.placed_at"], "Plans": [{
        "Node Type": "Seq Scan", "Relation Name": "orders", "Alias": "o",
        "Filter": "(o.customer_id = $1)"}]}]}}])json";
  llvm::Expected<PlanSummary> P = readPlan(JSON);
  ASSERT_TRUE(bool(P));
  EXPECT_EQ(P->Relations[0].Schema, "public");
  EXPECT_EQ(P->Relations[0].SortColumns, V{"placed_at"});
}

} // namespace
