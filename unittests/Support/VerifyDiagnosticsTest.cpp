//===- VerifyDiagnosticsTest.cpp - -verify-diagnostics --------------------===//

#include "bk/Support/VerifyDiagnostics.h"
#include "bk/Support/Context.h"
#include "bk/Support/ToolMain.h"

#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace bk;
using namespace llvm;

namespace {

struct VerifyRun {
  bool Matched;
  std::string Output;
};

/// Loads Text, lets Emit report diagnostics, and verifies them.
template <typename Fn> VerifyRun verify(StringRef Text, Fn Emit) {
  Context Ctx;
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "t.bkir"));
  std::string S;
  raw_string_ostream OS(S);
  DiagnosticVerifier V(Ctx);
  V.addBuffer(ID);
  Emit(Ctx.getDiags());
  bool M = V.verify(OS);
  return {M, OS.str()};
}

TEST(VerifyDiagnosticsTest, MatchesSameLineAndOffsets) {
  VerifyRun R = verify("a // expected-error {{bad a}}\n"
                       "// expected-warning @+1 {{bad b}}\n"
                       "b\n"
                       "c\n"
                       "// expected-note @-1 {{about c}}\n"
                       "// expected-error @above {{line five}}\n",
                       [](DiagnosticEngine &D) {
                         D.error(Loc("t.bkir", 1, 1), "this is bad a");
                         D.warning(Loc("t.bkir", 3, 1), "bad b");
                         D.note(Loc("t.bkir", 4, 1), "about c");
                         D.error(Loc("t.bkir", 5, 1), "on line five");
                       });
  EXPECT_TRUE(R.Matched) << R.Output;
  EXPECT_EQ(R.Output, "");
}

TEST(VerifyDiagnosticsTest, ReportsUnexpectedAndMissing) {
  VerifyRun R =
      verify("x // expected-error {{never}}\n", [](DiagnosticEngine &D) {
        D.warning(Loc("t.bkir", 1, 3), "surprise");
      });
  EXPECT_FALSE(R.Matched);
  EXPECT_NE(R.Output.find("t.bkir:1:3: error: unexpected warning: surprise"),
            std::string::npos)
      << R.Output;
  EXPECT_NE(R.Output.find("error: expected error \"never\" was not produced"),
            std::string::npos)
      << R.Output;
}

TEST(VerifyDiagnosticsTest, SeverityMustMatch) {
  VerifyRun R =
      verify("x // expected-error {{msg}}\n", [](DiagnosticEngine &D) {
        D.warning(Loc("t.bkir", 1, 1), "msg");
      });
  EXPECT_FALSE(R.Matched);
}

TEST(VerifyDiagnosticsTest, NotesAttachedToADiagnosticAreChecked) {
  VerifyRun R =
      verify("a // expected-error {{dup}}\n"
             "b // expected-note {{first}}\n",
             [](DiagnosticEngine &D) {
               Diagnostic Dg(Severity::Error, Loc("t.bkir", 1, 1), "dup");
               Dg.addNote(Loc("t.bkir", 2, 1), "first here");
               D.report(Dg);
             });
  EXPECT_TRUE(R.Matched) << R.Output;
}

TEST(VerifyDiagnosticsTest, UnknownLocation) {
  VerifyRun R = verify("// expected-error @unknown {{no place}}\n",
                       [](DiagnosticEngine &D) { D.error(Loc(), "no place"); });
  EXPECT_TRUE(R.Matched) << R.Output;
}

TEST(VerifyDiagnosticsTest, MalformedExpectationFails) {
  VerifyRun R =
      verify("// expected-error @+x {{m}}\n// expected-error no braces\n",
             [](DiagnosticEngine &) {});
  EXPECT_FALSE(R.Matched);
  EXPECT_NE(R.Output.find("t.bkir:1:4: error: expected a line offset"),
            std::string::npos)
      << R.Output;
  EXPECT_NE(R.Output.find("t.bkir:2:4: error: expected '{{'"),
            std::string::npos)
      << R.Output;
}

TEST(VerifyDiagnosticsTest, SplitInputKeepsLineNumbers) {
  Context Ctx;
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(
      "one\n// -----\nthree\n-- -----\nfive\n", "s.sql"));
  std::vector<std::string> Chunks;
  std::vector<unsigned> FirstLines;
  bool OK = processSplitInput(Ctx, ID, true, [&](unsigned C) {
    StringRef Text = Ctx.getSourceMgr().getMemoryBuffer(C)->getBuffer();
    Chunks.push_back(Text.ltrim('\n').str());
    FirstLines.push_back(Text.count('\n') -
                         StringRef(Chunks.back()).count('\n') + 1);
    return true;
  });
  EXPECT_TRUE(OK);
  ASSERT_EQ(Chunks.size(), 3u);
  EXPECT_EQ(Chunks[0], "one\n");
  EXPECT_EQ(Chunks[1], "three\n");
  EXPECT_EQ(Chunks[2], "five\n");
  EXPECT_EQ(FirstLines, (std::vector<unsigned>{1, 3, 5}));
}

} // namespace
