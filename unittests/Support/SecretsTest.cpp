//===- SecretsTest.cpp - Password masking ---------------------------------===//

#include "bk/Support/Secrets.h"

#include "gtest/gtest.h"

using namespace bk;

namespace {

TEST(SecretsTest, MasksURIPassword) {
  EXPECT_EQ(maskConnectionString("postgres://alice:s3cret@db:5432/app"),
            "postgres://alice:****@db:5432/app");
  EXPECT_EQ(
      maskConnectionString("postgresql://alice:p%40ss@db/app?sslmode=require"),
      "postgresql://alice:****@db/app?sslmode=require");
  EXPECT_EQ(maskConnectionString("postgres://alice@db/app"),
            "postgres://alice@db/app");
  EXPECT_EQ(maskConnectionString(
                "postgres://db/app?user=a&password=x&sslmode=disable"),
            "postgres://db/app?user=a&password=****&sslmode=disable");
}

TEST(SecretsTest, MasksPasswordWithAtSign) {
  // The last '@' before the host ends the user info.
  EXPECT_EQ(maskConnectionString("postgres://u:a@b@host/db"),
            "postgres://u:****@host/db");
}

TEST(SecretsTest, MasksKeywordValueForm) {
  EXPECT_EQ(
      maskConnectionString("host=db user=alice password=s3cret dbname=app"),
      "host=db user=alice password=**** dbname=app");
  EXPECT_EQ(maskConnectionString("host=db password='with space\\' quote'"),
            "host=db password=****");
  EXPECT_EQ(maskConnectionString("password = x host=db"),
            "password = **** host=db");
}

TEST(SecretsTest, ExtractsPassword) {
  EXPECT_EQ(*extractPassword("postgres://alice:p%40ss@db/app"), "p@ss");
  EXPECT_EQ(*extractPassword("host=db password='a b'"), "a b");
  EXPECT_EQ(*extractPassword("postgres://db/app?password=q"), "q");
  EXPECT_FALSE(extractPassword("postgres://alice@db/app").hasValue());
  EXPECT_FALSE(extractPassword("host=db").hasValue());
}

TEST(SecretsTest, RedactsEveryOccurrence) {
  EXPECT_EQ(redact("a s3 b s3", {"s3"}), "a **** b ****");
  EXPECT_EQ(redact("nothing", {""}), "nothing");
}

} // namespace
