//===- ProgressTest.cpp - TTY progress ------------------------------------===//

#include "bk/Support/Progress.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace llvm;

namespace {

TEST(ProgressTest, RendersBarPercentAndCounts) {
  EXPECT_EQ(Progress::render("parsing", 5, 10, 10),
            "parsing [#####     ]  50% (5/10)");
  EXPECT_EQ(Progress::render("parsing", 12, 10, 4),
            "parsing [####] 100% (10/10)");
  EXPECT_EQ(Progress::render("rows", 42, 0), "rows 42");
}

TEST(ProgressTest, DrawsAndClearsOnAStream) {
  std::string S;
  raw_string_ostream OS(S);
  {
    Progress P("load", 4, OS);
    P.update(4);
  }
  OS.flush();
  EXPECT_NE(S.find("100% (4/4)"), std::string::npos);
  // Ends by clearing the line.
  EXPECT_EQ(S.back(), '\r');
}

TEST(ProgressTest, SilentWhenNotATerminal) {
  // Under the test runner stderr is a pipe or file.
  Progress P("x", 10);
  EXPECT_FALSE(P.isEnabled());
}

} // namespace
