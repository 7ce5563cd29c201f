//===- LexerTest.cpp - The hand-written SQL lexer against ANTLR's ---------===//
//
// lib/SQL/Lexer.cpp implements grammar/PostgreSQLLexer.g4 by hand; these
// tests lex the same texts with it and with the ANTLR lexer generated from
// the grammar and require identical tokens: tricky texts written here, every
// SQL test input of the source tree and every SQL file of the corpus
// (../shared/corpus or $BK_CORPUS; that part is skipped without it).
//
//===----------------------------------------------------------------------===//

#include "bk/SQL/ReferenceLexer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace llvm;

namespace {

std::vector<std::string> sqlFilesUnder(StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (It->type() == sys::fs::file_type::regular_file &&
        StringRef(It->path()).endswith(".sql"))
      Files.push_back(It->path());
  llvm::sort(Files);
  return Files;
}

void expectSameTokens(StringRef Text, StringRef What) {
  EXPECT_EQ(sql::compareWithReferenceLexer(Text), "") << What.str();
}

TEST(SQLLexerTest, TrickyTexts) {
  const char *Texts[] = {
      // Words, keywords, identifiers.
      "CREATE TABLE t (a int);",
      "create Table tables (x$1 int, _y text)",
      "current_date CURRENT_TIMESTAMP current_datex",
      "select\tfrom\fwhere",
      "caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xef\xbf\xbd",
      "a\xef\xbf\xbf"
      "b",
      "x\xf0\x9f\x98\x80y",
      "\"Quoted\"\"Name\" \"\"",
      "\"\"\"\" \"\"\"a",
      "U&\"d\\0061t\" u&'x' U&'unterminated",
      "U & 'x'",
      // Numbers.
      "1 1.5 .5 1. 1.e5 1e5 1e+5 1e- 1.5e 1..2 12abc 0x1F .e5 1.2.3",
      // Strings.
      "'a' 'it''s' '' '''' 'a''' 'x",
      "'it''s",
      "'a''b''c",
      "'''",
      "E'a\\'b' e'\\\\' E'x''y' E'\\",
      "E'unterminated\\'",
      "e 'x'",
      "B'0101' b'012' X'DEADbeef' x'g' B'",
      "N'x'",
      "'line\none'\n'two''\nlines' x",
      // Dollar quoting and parameters.
      "$$body$$ $tag$ $$ inner $tag$ $1 $12a $ $a $a$x$a$ $_$y$_$",
      "$$unterminated",
      "$tag$ $TAG$ unterminated",
      "$\xc3\xa9$ body $\xc3\xa9$ after",
      "$a$$$a$ $$$$ $$$",
      "$a1$ b $a1$ $1a$",
      // Comments and operators.
      "-- comment\nx -- another",
      "--",
      "a--b\nc",
      "/* c */ x /* a /* b */ c */",
      "/* /* */",
      "/* a */ */",
      "/**/",
      "/*+*/+",
      "/*/",
      "+--x\n",
      "+/*x*/",
      "a<=b a>=b a<>b a!=b a=>b a<=>b a<b a>b a=b a:=b a::int a:b",
      "+ - * / % ^ ~ ! @ # & | ` ? ~~ !~~* @> <@ ||/ |/ -> ->> #>> ?| ?&",
      "a=-1 x*-2 --3\n- -4",
      "a>=-1 a<>-1 a@-1 a-+1 a++ a+-+-b a!=-1",
      "a*/*c*/b a+--c\nb a/**/b a-/*c*/-b",
      "/* /* */ */ */",
      "/*",
      "/* a /* b */ c",
      "x /* unterminated\n\n",
      "*/ /*/ */",
      // Meta-commands and stray characters.
      "\\connect db\nSELECT 1;",
      "\\restrict abc\r\n",
      "{ } \x01 \x7f",
      "a\rb\r\nc",
      "",
      " ",
      "\n\n\n",
      ";;",
      "()[],;.:",
  };
  for (const char *T : Texts)
    expectSameTokens(T, T);
  // Operator runs longer than any lookahead window (found by the fuzzer).
  std::string Long(200, '<');
  expectSameTokens("a " + Long + "-- c\n" + Long + "+-", "long operators");
}

TEST(SQLLexerTest, SourceTreeInputs) {
  SmallString<256> Dir(BK_SOURCE_DIR);
  sys::path::append(Dir, "test");
  std::vector<std::string> Files = sqlFilesUnder(Dir);
  EXPECT_GT(Files.size(), 10u);
  for (const std::string &F : Files) {
    auto MB = MemoryBuffer::getFile(F);
    ASSERT_TRUE(bool(MB)) << F;
    expectSameTokens((*MB)->getBuffer(), F);
  }
}

TEST(SQLLexerTest, Corpus) {
  std::string Corpus;
  if (Optional<std::string> Env = sys::Process::GetEnv("BK_CORPUS")) {
    Corpus = *Env;
  } else {
    SmallString<256> P(BK_SOURCE_DIR);
    sys::path::append(P, "..", "shared", "corpus");
    Corpus = std::string(P);
  }
  if (!sys::fs::is_directory(Corpus + "/sql"))
    GTEST_SKIP() << "no corpus at " << Corpus;
  std::vector<std::string> Files = sqlFilesUnder(Corpus + "/sql");
  EXPECT_GT(Files.size(), 3u);
  for (const std::string &F : Files) {
    auto MB = MemoryBuffer::getFile(F);
    ASSERT_TRUE(bool(MB)) << F;
    expectSameTokens((*MB)->getBuffer(), F);
  }
}

} // namespace
