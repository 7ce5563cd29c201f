//===- SQLTest.cpp - Tests of the SQL front end ---------------------------===//

#include "bk/SQL/Parser.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::sql;

namespace {

std::string canon(llvm::StringRef E) {
  llvm::Optional<std::string> S = canonicalizeExpression(E);
  return S ? *S : "<invalid>";
}

TEST(SQLExprTest, KeywordsSpacingAndParentheses) {
  EXPECT_EQ(canon("((a   >   0))"), "a > 0");
  EXPECT_EQ(canon("a is not null and B<>1"), "a IS NOT NULL AND b <> 1");
  EXPECT_EQ(canon("a != 1"), "a <> 1");
  EXPECT_EQ(canon("f( x ,y )"), "f(x, y)");
  EXPECT_EQ(canon("-a+1"), "-a + 1");
  EXPECT_EQ(canon("((a)) = 1"), "(a) = 1");
  EXPECT_EQ(canon("x in (1,2)"), "x IN (1, 2)");
  EXPECT_EQ(canon("true or FALSE"), "true OR false");
  EXPECT_EQ(canon("case when a then 1 else 2 end"),
            "CASE WHEN a THEN 1 ELSE 2 END");
}

TEST(SQLExprTest, SameMeaningComparesEqual) {
  EXPECT_EQ(canon("Price>0"), canon("( price > 0 )"));
  EXPECT_EQ(canon("x::VARCHAR(3)"), canon("x :: character varying(3)"));
  EXPECT_EQ(canon("\"a\" = 1"), canon("A = 1"));
}

TEST(SQLExprTest, NamesAndTypes) {
  EXPECT_EQ(canon("\"Mixed\" = 1"), "\"Mixed\" = 1");
  EXPECT_EQ(canon("'x'::varchar"), "'x'::character varying");
  EXPECT_EQ(canon("x::int4[]"), "x::integer[]");
  EXPECT_EQ(canon("x::timestamptz"), "x::timestamp with time zone");
  EXPECT_EQ(canon("nextval('s'::regclass)"), "nextval('s'::regclass)");
  EXPECT_EQ(canon("interval '1 day'"), "INTERVAL '1 day'");
  EXPECT_EQ(canon("current_timestamp"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(canon("ARRAY[1,2][1]"), "ARRAY[1, 2][1]");
  EXPECT_EQ(canon("a OPERATOR(pg_catalog.||) b"),
            "a OPERATOR(pg_catalog.||) b");
}

TEST(SQLExprTest, Literals) {
  EXPECT_EQ(canon("E'a\\'b'"), "E'a\\'b'");
  EXPECT_EQ(canon("$$x$$ = $t$y$t$"), "$$x$$ = $t$y$t$");
  EXPECT_EQ(canon("B'1' = X'1'"), "B'1' = X'1'");
  EXPECT_EQ(canon("1.5e3 > .5"), "1.5e3 > .5");
}

TEST(SQLExprTest, Invalid) {
  EXPECT_EQ(canon("a >"), "<invalid>");
  EXPECT_EQ(canon("(a"), "<invalid>");
  EXPECT_EQ(canon(""), "<invalid>");
  // Too deep for the parser's recursion: rejected, not a crash.
  EXPECT_EQ(canon(std::string(300, '(') + "1" + std::string(300, ')')),
            "<invalid>");
  EXPECT_EQ(canon(std::string(100, '(') + "1" + std::string(100, ')')), "1");
}

TEST(SQLSplitTest, SplitsAtTopLevelSemicolons) {
  std::vector<Statement> S = splitStatements(
      "SET a = 1;\n"
      "CREATE TABLE t (a text DEFAULT ';', b int CHECK (b > 0));\n"
      "-- comment; not a statement\n"
      "/* block /* nested; */ still comment; */\n"
      "CREATE FUNCTION f() RETURNS int AS $x$ select 1; $x$ LANGUAGE sql;\n"
      ";;\n"
      "create unique index i on t (a)");
  ASSERT_EQ(S.size(), 4u);
  EXPECT_EQ(S[0].Kind, "set");
  EXPECT_EQ(S[1].Kind, "create table");
  EXPECT_EQ(S[2].Kind, "create function");
  EXPECT_EQ(S[3].Kind, "create index");
  EXPECT_EQ(S[0].Begin, 0u);
  EXPECT_EQ(S[0].End, 10u);
}

TEST(SQLSplitTest, BeginAtomicBodies) {
  std::vector<Statement> S = splitStatements(
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
      "SELECT CASE WHEN true THEN 2 END; END; CREATE TABLE t (a int);");
  ASSERT_EQ(S.size(), 2u);
  EXPECT_EQ(S[0].Kind, "create function");
  EXPECT_EQ(S[1].Kind, "create table");
}

TEST(SQLSplitTest, UnbalancedParenthesesRecover) {
  // A ';' inside unclosed parentheses still ends the statement when the next
  // one starts with a statement keyword.
  std::vector<Statement> S =
      splitStatements("CREATE TABLE t (a int;\nCREATE TABLE u (a int);");
  ASSERT_EQ(S.size(), 2u);
  EXPECT_EQ(S[1].Kind, "create table");
}

TEST(SQLSplitTest, MultiByteText) {
  std::vector<Statement> S =
      splitStatements("CREATE DOMAIN \"bıgınt\" AS bigint; SET x = 1;");
  ASSERT_EQ(S.size(), 2u);
  // Offsets are bytes: the dotless i is two bytes each.
  EXPECT_EQ(S[0].End, 35u);
  EXPECT_EQ(S[1].Begin, 36u);
}

} // namespace
