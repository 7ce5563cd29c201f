//===- QueryShapeTest.cpp - Reading queries without a server --------------===//

#include "bk/IndexAdvisor/Offline.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::advisor;

namespace {

schema::Catalog shop() {
  schema::Catalog C;
  C.Schemas.emplace_back();
  C.Schemas.back().Name = "public";
  for (const char *Name : {"orders", "customers"}) {
    C.Schemas.back().Tables.emplace_back();
    C.Schemas.back().Tables.back().Name = Name;
  }
  auto Columns = [&](size_t T, std::initializer_list<const char *> Names) {
    for (const char *N : Names) {
      C.Schemas.back().Tables[T].Columns.emplace_back();
      C.Schemas.back().Tables[T].Columns.back().Name = N;
    }
  };
  Columns(0, {"id", "customer_id", "status", "placed_at"});
  Columns(1, {"id", "email", "country"});
  return C;
}

/// "alias: kind column, ..." per relation.
std::vector<std::string> shape(llvm::StringRef SQL) {
  schema::Catalog C = shop();
  std::string Problem;
  std::vector<std::string> Out;
  for (const RelationScan &R : readQueryShape(SQL, C, "public", Problem)) {
    std::string S = R.Name + " " + R.Alias + ":";
    for (const Predicate &P : R.Predicates) {
      const char *Kinds[] = {"eq", "range", "join", "notnull"};
      S += std::string(" ") + Kinds[static_cast<int>(P.Kind)] + " " +
           (P.Column.empty() ? "(" + P.Expression + ")" : P.Column);
    }
    for (const std::string &Col : R.SortColumns)
      S += " sort " + Col;
    Out.push_back(S);
  }
  if (Out.empty())
    Out.push_back("problem: " + Problem);
  return Out;
}

using V = std::vector<std::string>;

TEST(QueryShapeTest, JoinsAliasesAndUnqualifiedColumns) {
  EXPECT_EQ(shape("SELECT o.id FROM Orders AS O JOIN customers c ON c.id = "
                  "o.customer_id WHERE country = 'jp' AND O.placed_at > $1"),
            (V{"orders o: join customer_id range placed_at",
               "customers c: join id eq country"}));
  // Comma joins; an ambiguous unqualified column (id) is left alone.
  EXPECT_EQ(shape("SELECT * FROM orders o, customers c WHERE o.customer_id = "
                  "c.id AND id = 3"),
            (V{"orders o: join customer_id", "customers c: join id"}));
}

TEST(QueryShapeTest, BetweenInSortUpdateDelete) {
  EXPECT_EQ(shape("SELECT * FROM orders WHERE placed_at BETWEEN $1 AND $2 AND "
                  "status IN ('a', 'b') ORDER BY placed_at DESC;"),
            (V{"orders orders: range placed_at range placed_at eq status sort "
               "placed_at"}));
  EXPECT_EQ(shape("UPDATE orders SET status = 'x' WHERE customer_id = 4"),
            (V{"orders orders: eq customer_id"}));
  EXPECT_EQ(shape("DELETE FROM orders WHERE status NOT IN ('a')"),
            (V{"orders orders:"}));
  EXPECT_EQ(shape("SELECT id FROM customers WHERE lower(email) = $1"),
            (V{"customers customers: eq (lower(email))"}));
}

TEST(QueryShapeTest, WhatItDoesNotRead) {
  EXPECT_EQ(shape("WITH x AS (SELECT 1) SELECT * FROM x"),
            (V{"problem: a query with WITH is read only through a server's "
               "plan"}));
  EXPECT_EQ(shape("SELECT * FROM unknown_view WHERE a = 1"),
            (V{"problem: no table of the schema is read"}));
  EXPECT_EQ(shape("SELECT 1; DROP TABLE orders"),
            (V{"problem: not one statement PostgreSQL's scanner reads"}));
  // A disjunction at the top says nothing certain about either side.
  EXPECT_EQ(shape("SELECT * FROM orders WHERE status = 'a' OR customer_id = 1"),
            (V{"orders orders:"}));
  EXPECT_EQ(shape("INSERT INTO orders VALUES (1)"),
            (V{"problem: not a SELECT, UPDATE or DELETE"}));
}

} // namespace
