//===- ConnectionTest.cpp - libpq wrapper helpers -------------------------===//

#include "bk/Database/Connection.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::db;

namespace {

TEST(ConnectionTest, ClassifiesLibpqMessages) {
  EXPECT_EQ(ConnectFailure::Unreachable,
            classifyConnectFailure(
                "connection to server at \"127.0.0.1\", port 1 failed: "
                "Connection refused\n\tIs the server running on that host "
                "and accepting TCP/IP connections?\n",
                false));
  EXPECT_EQ(ConnectFailure::Unreachable,
            classifyConnectFailure("could not translate host name \"nohost\" "
                                   "to address: Name or service not known\n",
                                   false));
  EXPECT_EQ(ConnectFailure::Authentication,
            classifyConnectFailure(
                "connection to server on socket \"/s/.s.PGSQL.5432\" failed: "
                "FATAL:  password authentication failed for user \"a\"\n",
                false));
  EXPECT_EQ(
      ConnectFailure::Authentication,
      classifyConnectFailure("fe_sendauth: no password supplied\n", true));
  EXPECT_EQ(ConnectFailure::DatabaseMissing,
            classifyConnectFailure("FATAL:  database \"nope\" does not exist\n",
                                   false));
  EXPECT_EQ(ConnectFailure::Privilege,
            classifyConnectFailure(
                "FATAL:  permission denied for database \"d\"\nDETAIL:  User "
                "does not have CONNECT privilege.\n",
                false));
  EXPECT_EQ(ConnectFailure::InvalidOptions,
            classifyConnectFailure("invalid connection option \"x\"\n", false));
  EXPECT_EQ(
      ConnectFailure::InvalidOptions,
      classifyConnectFailure(
          "missing \"=\" after \"bogus\" in connection info string\n", false));
  EXPECT_EQ("cannot reach the server",
            describeConnectFailure(ConnectFailure::Unreachable));
}

TEST(ConnectionTest, OneLine) {
  EXPECT_EQ("connection to server at \"h\", port 1 failed: Connection refused; "
            "Is the server running?",
            oneLine("connection to server at \"h\", port 1 failed: Connection "
                    "refused\n\tIs the server running?\n"));
  EXPECT_EQ("failed: database \"x\" does not exist",
            oneLine("failed: FATAL:  database \"x\" does not exist\n"));
  EXPECT_EQ("", oneLine("\n\n"));
}

TEST(ConnectionTest, DescribeConnection) {
  EXPECT_EQ("postgres://alice@db:5432/app",
            describeConnection("alice", "db", "5432", "app"));
  EXPECT_EQ("postgres://postgres@%2Ftmp%2Fpg:5433/my%20db",
            describeConnection("postgres", "/tmp/pg", "5433", "my db"));
  EXPECT_EQ("postgres://db", describeConnection("", "db", "", ""));
}

TEST(ConnectionTest, ParseTextArray) {
  auto A = parseTextArray("{a,\"b c\",NULL,\"x\\\"y\",\"NULL\"}");
  ASSERT_TRUE(A.hasValue());
  EXPECT_EQ((std::vector<std::string>{"a", "b c", "", "x\"y", "NULL"}), *A);
  auto Empty = parseTextArray("{}");
  ASSERT_TRUE(Empty.hasValue());
  EXPECT_TRUE(Empty->empty());
  EXPECT_FALSE(parseTextArray("a,b").hasValue());
  EXPECT_FALSE(parseTextArray("{\"open}").hasValue());
  EXPECT_FALSE(parseTextArray("{{1,2},{3,4}}").hasValue());
}

TEST(ConnectionTest, FailedConnectionNeverPrintsThePassword) {
  Context Ctx;
  // Nothing listens on port 1; the password must not reach the message or
  // its location.
  auto Conn = Connection::open(
      Ctx, "postgres://alice:hunter2@127.0.0.1:1/app?connect_timeout=2");
  ASSERT_FALSE(static_cast<bool>(Conn));
  std::string Text = llvm::toString(Conn.takeError());
  EXPECT_EQ(std::string::npos, Text.find("hunter2")) << Text;
  EXPECT_NE(std::string::npos,
            Text.find("postgres://alice:****@127.0.0.1:1/app"))
      << Text;
  EXPECT_NE(std::string::npos, Text.find("cannot reach the server")) << Text;
}

} // namespace
