//===- JSONPointerTest.cpp - JSON pointers and $ref strings ---------------===//

#include "bk/OpenAPI/JSONPointer.h"

#include "gtest/gtest.h"

using namespace bk::openapi;

namespace {

std::vector<std::string> tokens(llvm::StringRef P) {
  std::vector<std::string> T;
  std::string Err;
  EXPECT_TRUE(parseJSONPointer(P, T, &Err)) << Err;
  return T;
}

TEST(JSONPointerTest, Tokens) {
  EXPECT_TRUE(tokens("").empty());
  EXPECT_EQ(tokens("/components/schemas/Pet"),
            (std::vector<std::string>{"components", "schemas", "Pet"}));
  EXPECT_EQ(tokens("/paths/~1pets~1{id}/get"),
            (std::vector<std::string>{"paths", "/pets/{id}", "get"}));
  EXPECT_EQ(tokens("/a~0b/~01"), (std::vector<std::string>{"a~b", "~1"}));
  EXPECT_EQ(tokens("/"), (std::vector<std::string>{""}));
  EXPECT_EQ(tokens("/a//b"), (std::vector<std::string>{"a", "", "b"}));
  // Fragments are URI-encoded.
  EXPECT_EQ(tokens("/paths/~1pets~1%7Bid%7D"),
            (std::vector<std::string>{"paths", "/pets/{id}"}));
  EXPECT_EQ(tokens("/a%20b"), (std::vector<std::string>{"a b"}));
}

TEST(JSONPointerTest, Errors) {
  std::vector<std::string> T;
  std::string Err;
  EXPECT_FALSE(parseJSONPointer("components", T, &Err));
  EXPECT_NE(Err.find("does not start with '/'"), std::string::npos);
  EXPECT_FALSE(parseJSONPointer("/a~2", T, &Err));
  EXPECT_NE(Err.find("'~' not followed by 0 or 1"), std::string::npos);
  EXPECT_FALSE(parseJSONPointer("/a~", T, &Err));
}

TEST(JSONPointerTest, Escape) {
  EXPECT_EQ(escapePointerToken("/pets/{id}"), "~1pets~1{id}");
  EXPECT_EQ(escapePointerToken("a~b"), "a~0b");
  for (llvm::StringRef S : {"x", "a/b~c", "~1", "/~"})
    EXPECT_EQ(tokens("/" + escapePointerToken(S)).front(), S.str());
}

TEST(JSONPointerTest, SplitRef) {
  RefParts P = splitRef("#/components/schemas/Pet");
  EXPECT_EQ(P.File, "");
  EXPECT_EQ(P.Pointer, "/components/schemas/Pet");
  P = splitRef("common/pet.yaml#/Pet");
  EXPECT_EQ(P.File, "common/pet.yaml");
  EXPECT_EQ(P.Pointer, "/Pet");
  P = splitRef("pet.json");
  EXPECT_EQ(P.File, "pet.json");
  EXPECT_EQ(P.Pointer, "");
}

TEST(JSONPointerTest, Remote) {
  EXPECT_TRUE(isRemoteRef("https://example.com/api.yaml#/x"));
  EXPECT_TRUE(isRemoteRef("http://example.com/a"));
  EXPECT_FALSE(isRemoteRef("#/components/schemas/a:b"));
  EXPECT_FALSE(isRemoteRef("dir/a:b.yaml"));
  EXPECT_FALSE(isRemoteRef("pet.yaml"));
}

TEST(JSONPointerTest, RelativePaths) {
  EXPECT_EQ(resolveRelativePath("specs/api.yaml", "common/pet.yaml"),
            "specs/common/pet.yaml");
  EXPECT_EQ(resolveRelativePath("specs/api.yaml", "../shared/pet.yaml"),
            "shared/pet.yaml");
  EXPECT_EQ(resolveRelativePath("specs/v1/api.yaml", "./pet.yaml"),
            "specs/v1/pet.yaml");
  EXPECT_EQ(resolveRelativePath("api.yaml", "pet.yaml"), "pet.yaml");
  EXPECT_EQ(resolveRelativePath("a/b.yaml", "/abs/c.yaml"), "/abs/c.yaml");
}

} // namespace
