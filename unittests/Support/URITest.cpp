//===- URITest.cpp - RFC 3986 URI references ------------------------------===//

#include "bk/Support/URI.h"
#include "gtest/gtest.h"

using namespace bk::uri;

namespace {

TEST(URITest, AcceptsReferences) {
  for (const char *S :
       {"", "https://example.com",
        "https://user:pw@example.com:8443/a/b?x=1&y#f", "http://[::1]:80/",
        "http://[v1.fe]/", "/terms", "terms.html", "../a/b",
        "#/paths/~1pets~1%7Bid%7D/get", "?q=a/b?c", "mailto:a@b.c",
        "urn:isbn:0451450523", "a+b-c.d:rest", "./a:b", "//host", "%41"})
    EXPECT_TRUE(isURIReference(S)) << S;
}

TEST(URITest, RejectsWithReason) {
  struct Case {
    const char *S, *Why;
    size_t Offset;
  } Cases[] = {
      {"http://a b", "character space must be percent-encoded in the host", 8},
      {"/a/{id}", "character '{' must be percent-encoded in the path", 3},
      {"#/a/{id}", "character '{' must be percent-encoded in the fragment", 4},
      {"/q?x=100%", "'%' not followed by two hexadecimal digits in the query",
       8},
      {"/q?x=%4g", "'%' not followed by two hexadecimal digits in the query",
       5},
      {"a#b#c", "character '#' must be percent-encoded in the fragment", 3},
      {"1a:b",
       "a URI must start with a scheme (a letter, then letters, "
       "digits, '+', '-' or '.'); a relative reference cannot have "
       "':' in its first segment",
       0},
      {"http://h:8x/", "a port must be digits", 10},
      {"http://[::1/", "'[' of an IP literal is not closed", 7},
      {"http://[::1]x/", "only a port may follow an IP literal", 12},
      {"a\\b", "character '\\' must be percent-encoded in the path", 1},
  };
  for (const Case &C : Cases) {
    std::string Why;
    size_t Offset = 99;
    EXPECT_FALSE(isURIReference(C.S, &Why, &Offset)) << C.S;
    EXPECT_EQ(Why, C.Why) << C.S;
    EXPECT_EQ(Offset, C.Offset) << C.S;
  }
}

TEST(URITest, PercentDecode) {
  EXPECT_EQ(percentDecode("a%2Fb%7e%"), "a/b~%");
  EXPECT_EQ(percentDecode("%zz%4"), "%zz%4");
}

} // namespace
