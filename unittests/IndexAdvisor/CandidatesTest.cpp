//===- CandidatesTest.cpp - The indexes the advisor tries -----------------===//

#include "bk/IndexAdvisor/Candidates.h"

#include "gtest/gtest.h"

using namespace bk::advisor;

namespace {

RelationScan orders(llvm::StringRef Qual) {
  RelationScan R;
  R.Schema = "public";
  R.Name = "orders";
  R.Alias = "o";
  R.Predicates = readQual(Qual);
  return R;
}

std::vector<std::string> create(const std::vector<IndexCandidate> &Cs) {
  std::vector<std::string> Out;
  for (const IndexCandidate &C : Cs)
    Out.push_back(C.createSQL());
  return Out;
}

using V = std::vector<std::string>;

TEST(CandidatesTest, EqualityFirstMostDistinctFirstThenRange) {
  StatisticsMap Stats;
  Stats["public.orders.status"].Distinct = 4;
  Stats["public.orders.customer_id"].Distinct = 20000;
  RelationScan R = orders("((o.status = $1) AND (o.customer_id = $2) AND "
                          "(o.placed_at > $3))");
  EXPECT_EQ(
      create(candidatesFor(R, Stats, CandidateOptions())),
      (V{"CREATE INDEX ON public.orders (customer_id)",
         "CREATE INDEX ON public.orders (status)",
         "CREATE INDEX ON public.orders (placed_at)",
         "CREATE INDEX ON public.orders (customer_id, status)",
         "CREATE INDEX ON public.orders (customer_id, status, placed_at)"}));
}

TEST(CandidatesTest, JoinsSortsPartialAndCovering) {
  StatisticsMap Stats;
  Stats["public.orders.status"] = {4, 0, 6};
  Stats["public.orders.total"] = {1000, 0, 6};
  RelationScan R = orders("((o.status = 'refunded'::text) AND "
                          "(o.customer_id = c.id))");
  R.SortColumns = {"placed_at"};
  R.OutputColumns = {"id", "total"};
  EXPECT_EQ(create(candidatesFor(R, Stats, CandidateOptions())),
            (V{"CREATE INDEX ON public.orders (customer_id)",
               "CREATE INDEX ON public.orders (status)",
               "CREATE INDEX ON public.orders (status, placed_at)",
               "CREATE INDEX ON public.orders (customer_id, status)",
               "CREATE INDEX ON public.orders (customer_id) WHERE (status = "
               "'refunded'::text)",
               "CREATE INDEX ON public.orders (status, placed_at) INCLUDE (id, "
               "total, customer_id)"}));
}

TEST(CandidatesTest, ExpressionsAndNames) {
  RelationScan R = orders("(lower(o.\"Code\") = $1)");
  std::vector<IndexCandidate> Cs = candidatesFor(R, {}, CandidateOptions());
  ASSERT_EQ(Cs.size(), 1u);
  EXPECT_EQ(Cs[0].kind(), "expression");
  EXPECT_EQ(Cs[0].createSQL("orders_lower_idx", true),
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_lower_idx ON "
            "public.orders ((lower(\"Code\")))");
  EXPECT_EQ(Cs[0].chooseName(
                [](llvm::StringRef N) { return N == "orders_lower_idx"; }),
            "orders_lower_idx1");
  IndexCandidate Mixed;
  Mixed.Schema = "Shop";
  Mixed.Table = "Order";
  Mixed.Keys = {{"CustomerId", false}};
  EXPECT_EQ(Mixed.createSQL(),
            "CREATE INDEX ON \"Shop\".\"Order\" (\"CustomerId\")");
  EXPECT_EQ(Mixed.chooseName([](llvm::StringRef) { return false; }),
            "Order_CustomerId_idx");
}

TEST(CandidatesTest, ExistingIndexesServe) {
  bk::schema::Catalog C;
  C.Schemas.emplace_back();
  C.Schemas.back().Name = "public";
  C.Schemas.back().Tables.emplace_back();
  bk::schema::Table &T = C.Schemas.back().Tables.back();
  T.Name = "orders";
  T.Indexes.emplace_back();
  T.Indexes.back().Name = "orders_customer_id_status_idx";
  T.Indexes.back().Keys.resize(2);
  T.Indexes.back().Keys[0].Text = "customer_id";
  T.Indexes.back().Keys[1].Text = "status";
  IndexCandidate Cand;
  Cand.Schema = "public";
  Cand.Table = "orders";
  Cand.Keys = {{"customer_id", false}};
  EXPECT_TRUE(isServedByExistingIndex(C, Cand));
  Cand.Include = {"status"};
  EXPECT_TRUE(isServedByExistingIndex(C, Cand));
  Cand.Include = {"total"};
  EXPECT_FALSE(isServedByExistingIndex(C, Cand));
  Cand.Include.clear();
  Cand.Keys = {{"status", false}};
  EXPECT_FALSE(isServedByExistingIndex(C, Cand));
  Cand.Keys = {{"customer_id", false}};
  Cand.Where = "(status = 'x'::text)";
  EXPECT_FALSE(isServedByExistingIndex(C, Cand));
}

} // namespace
