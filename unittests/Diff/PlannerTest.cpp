//===- PlannerTest.cpp - Migrations planned from two schemas --------------===//
//
// The order and form of the steps; the real-server proof that they work is
// test/tools/bk-diff/roundtrip.
//
//===----------------------------------------------------------------------===//

#include "bk/Diff/Diff.h"
#include "bk/SQL/Parser.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace llvm;

namespace {

struct Planned {
  bool OK = false;
  diff::Migration M;
  std::vector<std::string> Errors;

  std::vector<std::string> up() const { return sql(M.Up); }
  std::vector<std::string> down() const { return sql(M.Down); }
  static std::vector<std::string> sql(const diff::Script &S) {
    std::vector<std::string> Out;
    for (const diff::Step &St : S.Steps)
      Out.push_back(St.SQL);
    return Out;
  }
};

Planned plan(StringRef Old, StringRef New, diff::DiffOptions Opts = {}) {
  Context Ctx;
  Planned P;
  Ctx.getDiags().setHandler([&](const Diagnostic &D) {
    if (D.Sev == Severity::Error)
      P.Errors.push_back(D.Message);
  });
  auto Read = [&](StringRef Text, StringRef Name) {
    unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, Name));
    sql::ParseResult R = sql::parseSQL(Ctx, ID);
    EXPECT_FALSE(R.HadErrors) << Name.str();
    return std::move(R.Catalog);
  };
  auto A = Read(Old, "old.sql");
  auto B = Read(New, "new.sql");
  P.OK = diff::diffCatalogs(*A, *B, Opts, Ctx.getDiags(), P.M);
  return P;
}

/// The index of the first statement that starts with Prefix, or -1.
int indexOf(const std::vector<std::string> &Steps, StringRef Prefix) {
  for (size_t I = 0; I < Steps.size(); ++I)
    if (StringRef(Steps[I]).startswith(Prefix))
      return int(I);
  return -1;
}

TEST(PlannerTest, SameSchemaIsEmpty) {
  Planned P = plan("CREATE TABLE t (a int PRIMARY KEY, b text);",
                   "CREATE TABLE t (b text, a integer PRIMARY KEY);");
  ASSERT_TRUE(P.OK);
  EXPECT_TRUE(P.M.Up.empty());
  EXPECT_TRUE(P.M.Down.empty());
}

TEST(PlannerTest, ViewsAreRecreatedAroundAColumnTypeChange) {
  Planned P = plan("CREATE TABLE t (a integer, b text);\n"
                   "CREATE VIEW v AS SELECT a FROM t;\n"
                   "CREATE VIEW w AS SELECT a FROM v;",
                   "CREATE TABLE t (a bigint, b text);\n"
                   "CREATE VIEW v AS SELECT a FROM t;\n"
                   "CREATE VIEW w AS SELECT a FROM v;");
  ASSERT_TRUE(P.OK);
  std::vector<std::string> Up = P.up();
  int DropW = indexOf(Up, "DROP VIEW public.w;");
  int DropV = indexOf(Up, "DROP VIEW public.v;");
  int Alter = indexOf(Up, "ALTER TABLE public.t ALTER COLUMN a TYPE bigint");
  int CreateV = indexOf(Up, "CREATE VIEW public.v ");
  int CreateW = indexOf(Up, "CREATE VIEW public.w ");
  ASSERT_GE(DropW, 0);
  EXPECT_LT(DropW, DropV); // Dependants first.
  EXPECT_LT(DropV, Alter);
  EXPECT_LT(Alter, CreateV);
  EXPECT_LT(CreateV, CreateW);
}

TEST(PlannerTest, EnumValueRemovalSwapsTheType) {
  diff::DiffOptions Opts;
  Opts.AllowDestructive = true;
  Planned P = plan("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
                   "CREATE TABLE d (m mood NOT NULL DEFAULT 'ok');",
                   "CREATE TYPE mood AS ENUM ('sad', 'ok');\n"
                   "CREATE TABLE d (m mood NOT NULL DEFAULT 'ok');",
                   Opts);
  ASSERT_TRUE(P.OK);
  EXPECT_EQ(P.up(), (std::vector<std::string>{
                        "ALTER TYPE public.mood RENAME TO mood_bk_old;",
                        "CREATE TYPE public.mood AS ENUM ('sad', 'ok');",
                        "ALTER TABLE public.d ALTER COLUMN m DROP DEFAULT;",
                        "ALTER TABLE public.d ALTER COLUMN m TYPE mood USING "
                        "m::text::mood;",
                        "ALTER TABLE public.d ALTER COLUMN m SET DEFAULT 'ok';",
                        "DROP TYPE public.mood_bk_old;"}));
  // Adding it back is in place.
  EXPECT_EQ(P.down(), (std::vector<std::string>{
                          "ALTER TYPE public.mood ADD VALUE 'happy' AFTER "
                          "'ok';"}));
  // Refused without --allow-destructive.
  Planned R = plan("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');",
                   "CREATE TYPE mood AS ENUM ('sad', 'ok');");
  EXPECT_FALSE(R.OK);
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_NE(R.Errors[0].find("remove value 'happy' from enum public.mood"),
            std::string::npos);
}

TEST(PlannerTest, ForeignKeysToARecreatedKeyAreDroppedFirst) {
  Planned P = plan("CREATE TABLE p (id int, CONSTRAINT p_key UNIQUE (id));\n"
                   "CREATE TABLE c (pid int REFERENCES p (id));",
                   "CREATE TABLE p (id int, CONSTRAINT p_key UNIQUE (id) "
                   "DEFERRABLE);\n"
                   "CREATE TABLE c (pid int REFERENCES p (id));");
  ASSERT_TRUE(P.OK);
  std::vector<std::string> Up = P.up();
  int DropFK = indexOf(Up, "ALTER TABLE public.c DROP CONSTRAINT c_pid_fkey;");
  int DropKey = indexOf(Up, "ALTER TABLE public.p DROP CONSTRAINT p_key;");
  int AddKey = indexOf(Up, "ALTER TABLE public.p ADD CONSTRAINT p_key UNIQUE "
                           "USING INDEX p_key DEFERRABLE;");
  int AddFK = indexOf(Up, "ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey");
  ASSERT_GE(DropFK, 0);
  EXPECT_LT(DropFK, DropKey);
  EXPECT_LT(DropKey, AddKey);
  EXPECT_LT(AddKey, AddFK);
}

TEST(PlannerTest, RenamedTableKeepsItsSequenceCounting) {
  Planned P = plan("CREATE TABLE people (id bigserial PRIMARY KEY);",
                   "-- bk:renamed-from people\n"
                   "CREATE TABLE persons (id bigserial PRIMARY KEY);");
  ASSERT_TRUE(P.OK);
  EXPECT_EQ(P.up(), (std::vector<std::string>{
                        "ALTER TABLE public.people RENAME TO persons;",
                        "ALTER TABLE public.persons RENAME CONSTRAINT "
                        "people_pkey TO persons_pkey;",
                        "ALTER SEQUENCE public.people_id_seq RENAME TO "
                        "persons_id_seq;"}));
  EXPECT_EQ(P.down(), (std::vector<std::string>{
                          "ALTER TABLE public.persons RENAME TO people;",
                          "ALTER TABLE public.people RENAME CONSTRAINT "
                          "persons_pkey TO people_pkey;",
                          "ALTER SEQUENCE public.persons_id_seq RENAME TO "
                          "people_id_seq;"}));
}

TEST(PlannerTest, LabelsSayLockAndRisk) {
  Planned P =
      plan("CREATE TABLE t (a integer);", "CREATE TABLE t (a bigint);\n"
                                          "CREATE INDEX t_a_idx ON t (a);");
  ASSERT_TRUE(P.OK);
  ASSERT_EQ(P.M.Up.Steps.size(), 2u);
  const diff::Step &Alter = P.M.Up.Steps[0];
  EXPECT_EQ(Alter.Lock, "ACCESS EXCLUSIVE");
  EXPECT_EQ(Alter.LockedRelation, "public.t");
  EXPECT_EQ(diff::riskNames(Alter.Risks),
            (std::vector<std::string>{"table rewrite"}));
  const diff::Step &Index = P.M.Up.Steps[1];
  EXPECT_TRUE(Index.NoTransaction);
  EXPECT_EQ(Index.Lock, "SHARE UPDATE EXCLUSIVE");
  EXPECT_TRUE(P.M.Up.needsNoTransaction());
}

} // namespace
