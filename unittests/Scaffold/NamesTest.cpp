//===- NamesTest.cpp - TypeScript identifiers and literals ----------------===//

#include "bk/Scaffold/Names.h"

#include "gtest/gtest.h"

using namespace bk::scaffold;

namespace {

TEST(NamesTest, Identifiers) {
  EXPECT_TRUE(isIdentifier("petId"));
  EXPECT_TRUE(isIdentifier("$ref_2"));
  EXPECT_FALSE(isIdentifier("pet-id"));
  EXPECT_FALSE(isIdentifier("2fa"));
  EXPECT_FALSE(isIdentifier(""));
  EXPECT_FALSE(isIdentifier("delete"));
  EXPECT_FALSE(isIdentifier("string"));
  EXPECT_TRUE(isReservedWord("class"));
  EXPECT_FALSE(isReservedWord("pet"));
}

TEST(NamesTest, Cases) {
  EXPECT_EQ(toPascalCase("pet-id"), "PetId");
  EXPECT_EQ(toPascalCase("user_name"), "UserName");
  EXPECT_EQ(toPascalCase("getHTTPStatus"), "GetHTTPStatus");
  EXPECT_EQ(toPascalCase("2fa"), "_2fa");
  EXPECT_EQ(toPascalCase("--"), "_");
  EXPECT_EQ(toPascalCase("repos/get-content"), "ReposGetContent");
  EXPECT_EQ(toCamelCase("list-data-sets"), "listDataSets");
  EXPECT_EQ(toCamelCase("URLPath"), "urlPath");
  EXPECT_EQ(toCamelCase("ID"), "id");
  EXPECT_EQ(toCamelCase("delete"), "delete_");
  EXPECT_EQ(toCamelCase("get /pets/{id}"), "getPetsId");
  EXPECT_EQ(toKebabCase("Pet Store"), "pet-store");
  EXPECT_EQ(toKebabCase("actions"), "actions");
  EXPECT_EQ(toKebabCase("!!"), "_");
}

TEST(NamesTest, Literals) {
  EXPECT_EQ(quoteString("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
  EXPECT_EQ(quoteString(llvm::StringRef("\x01", 1)), "\"\\u0001\"");
  EXPECT_EQ(quoteString("\xE2\x80\xA8"), "\"\\u2028\"");
  EXPECT_EQ(quoteString("é"), "\"é\"");
  EXPECT_EQ(propertyKey("name"), "name");
  EXPECT_EQ(propertyKey("default"), "default");
  EXPECT_EQ(propertyKey("x-rate"), "\"x-rate\"");
  EXPECT_EQ(propertyKey(""), "\"\"");
  EXPECT_EQ(commentText("a */ b"), "a * / b");
}

TEST(NamesTest, NameTable) {
  NameTable T;
  EXPECT_EQ(T.unique("Pet"), "Pet");
  EXPECT_EQ(T.unique("Pet"), "Pet2");
  EXPECT_TRUE(T.reserve("Pet4"));
  EXPECT_EQ(T.unique("Pet"), "Pet3");
  EXPECT_EQ(T.unique("Pet"), "Pet5");
  EXPECT_FALSE(T.reserve("Pet"));
  EXPECT_TRUE(T.contains("Pet2"));
}

} // namespace
