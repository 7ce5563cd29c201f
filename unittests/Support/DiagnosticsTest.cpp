//===- DiagnosticsTest.cpp - Diagnostics engine ---------------------------===//

#include "bk/Support/Diagnostics.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"

#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace bk;
using namespace llvm;

namespace {

unsigned addText(Context &Ctx, StringRef Text, StringRef Name = "in.sql") {
  return Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, Name));
}

std::string flushToString(Context &Ctx) {
  std::string S;
  raw_string_ostream OS(S);
  Ctx.getDiags().setOutput(OS);
  Ctx.getDiags().setColor(ColorMode::Never);
  Ctx.getDiags().flush();
  return OS.str();
}

TEST(DiagnosticsTest, PrintsLocationMessageIdAndCaret) {
  Context Ctx;
  addText(Ctx, "create table t (\n  id int\n);\n");
  Ctx.getDiags().warning(Loc("in.sql", 2, 3), "column has no type alias",
                         "some-rule");
  EXPECT_EQ(flushToString(Ctx),
            "in.sql:2:3: warning: column has no type alias [some-rule]\n"
            "  id int\n"
            "  ^\n");
}

TEST(DiagnosticsTest, SortsByLocationAndDeduplicates) {
  Context Ctx;
  addText(Ctx, "a\nb\nc\n", "a.txt");
  addText(Ctx, "x\n", "0-later.txt"); // loaded second: sorts after a.txt
  DiagnosticEngine &D = Ctx.getDiags();
  D.error(Loc("0-later.txt", 1, 1), "in the second file");
  D.error(Loc("a.txt", 3, 1), "third line");
  D.error(Loc("a.txt", 1, 1), "first line");
  D.error(Loc("a.txt", 3, 1), "third line");
  D.error(Loc(), "about the run");
  std::vector<Diagnostic> Out = D.take();
  ASSERT_EQ(Out.size(), 4u);
  EXPECT_EQ(Out[0].Message, "first line");
  EXPECT_EQ(Out[1].Message, "third line");
  EXPECT_EQ(Out[2].Message, "in the second file");
  EXPECT_EQ(Out[3].Message, "about the run");
  EXPECT_EQ(D.getNumErrors(), 5u);
}

TEST(DiagnosticsTest, LocationInUnloadedFileHasNoCaret) {
  Context Ctx;
  Ctx.getDiags().error(Loc("schema.sql", 12, 7), "from a printed IR");
  EXPECT_EQ(flushToString(Ctx), "schema.sql:12:7: error: from a printed IR\n");
}

TEST(DiagnosticsTest, UnlocatedDiagnosticNamesTheTool) {
  Context Ctx;
  Ctx.getDiags().setProgramName("bk-opt");
  Ctx.getDiags().error(Loc(), "unknown pass 'x'");
  EXPECT_EQ(flushToString(Ctx), "bk-opt: error: unknown pass 'x'\n");
}

TEST(DiagnosticsTest, NotesFollowTheirDiagnostic) {
  Context Ctx;
  addText(Ctx, "one\ntwo\n");
  Diagnostic D(Severity::Error, Loc("in.sql", 2, 1), "duplicate");
  D.addNote(Loc("in.sql", 1, 1), "previous definition is here");
  Ctx.getDiags().report(D);
  EXPECT_EQ(flushToString(Ctx),
            "in.sql:2:1: error: duplicate\n"
            "two\n"
            "^\n"
            "in.sql:1:1: note: previous definition is here\n"
            "one\n"
            "^\n");
}

TEST(DiagnosticsTest, JSONFormat) {
  Context Ctx;
  Ctx.getDiags().setFormat(DiagnosticFormat::JSON);
  Ctx.getDiags().warning(Loc("a.yaml", 4, 2), "no \"auth\"", "owasp-auth");
  std::string Out = flushToString(Ctx);
  EXPECT_NE(Out.find("\"file\": \"a.yaml\""), std::string::npos) << Out;
  EXPECT_NE(Out.find("\"line\": 4"), std::string::npos) << Out;
  EXPECT_NE(Out.find("\"column\": 2"), std::string::npos) << Out;
  EXPECT_NE(Out.find("\"severity\": \"warning\""), std::string::npos) << Out;
  EXPECT_NE(Out.find("\"message\": \"no \\\"auth\\\"\""), std::string::npos)
      << Out;
  EXPECT_NE(Out.find("\"id\": \"owasp-auth\""), std::string::npos) << Out;
}

TEST(DiagnosticsTest, ColorOnlyWhenAsked) {
  Context Ctx;
  addText(Ctx, "x\n");
  std::string S;
  raw_string_ostream OS(S);
  Ctx.getDiags().setOutput(OS);
  Ctx.getDiags().setColor(ColorMode::Always);
  Ctx.getDiags().error(Loc("in.sql", 1, 1), "bad");
  Ctx.getDiags().flush();
  EXPECT_NE(OS.str().find("\x1b["), std::string::npos);
}

TEST(DiagnosticsTest, QuietDropsWarnings) {
  Context Ctx;
  Ctx.getDiags().setQuiet(true);
  Ctx.getDiags().warning(Loc("f", 1, 1), "w");
  Ctx.getDiags().error(Loc("f", 2, 1), "e");
  EXPECT_EQ(flushToString(Ctx), "f:2:1: error: e\n");
}

TEST(DiagnosticsTest, SecretsAreMaskedInMessages) {
  Context Ctx;
  Ctx.getDiags().addSecret("hunter2");
  Ctx.getDiags().error(Loc(), "password authentication failed: hunter2");
  EXPECT_EQ(Ctx.getDiags().take()[0].Message,
            "password authentication failed: ****");
}

TEST(DiagnosticsTest, ContextLocations) {
  Context Ctx;
  unsigned ID = addText(Ctx, "ab\ncd\n", "f.bkir");
  const char *Start = Ctx.getSourceMgr().getMemoryBuffer(ID)->getBufferStart();
  Loc L = Ctx.getLoc(SMLoc::getFromPointer(Start + 4));
  EXPECT_EQ(L, Loc("f.bkir", 2, 2));
}

TEST(DiagnosticsTest, MissingFileIsALocatedError) {
  Context Ctx;
  Expected<unsigned> ID = Ctx.loadFile("/nonexistent/missing.bkir");
  ASSERT_FALSE(static_cast<bool>(ID));
  EXPECT_TRUE(reportError(Ctx.getDiags(), ID.takeError()));
  std::string Out = flushToString(Ctx);
  EXPECT_EQ(
      Out.rfind("/nonexistent/missing.bkir: error: cannot read file: ", 0), 0u)
      << Out;
}

} // namespace
