//===- sql-fuzzer.cpp - libFuzzer target for the SQL DDL front end --------===//
//
// Arbitrary bytes through the PostgreSQL DDL front end: the hand-written
// lexer (which must produce exactly the tokens of the ANTLR lexer generated
// from grammar/PostgreSQLLexer.g4), the statement splitter, the ANTLR
// parser with its error recovery, and the Schema IR builder; then the
// verifier over whatever was built. Beyond "no crash, no hang, no sanitizer
// report", the IR built must survive a round trip through its text form
// (RoundTrip.h).
//
//===----------------------------------------------------------------------===//

#include "RoundTrip.h"

#include "bk/SQL/Parser.h"
#include "bk/SQL/ReferenceLexer.h"
#include "bk/Schema/Verifier.h"

#include <cstdio>

using namespace bk;
using namespace llvm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string LexerDifference = sql::compareWithReferenceLexer(Text);
  if (!LexerDifference.empty()) {
    fprintf(stderr, "lexers disagree: %s\n", LexerDifference.c_str());
    abort();
  }
  Context Ctx;
  Ctx.getDiags().setHandler([](const Diagnostic &) {});
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "fuzz.sql"));
  sql::ParseResult R = sql::parseSQL(Ctx, ID);
  if (!R.Catalog)
    abort(); // parseSQL promises a catalog even after errors
  schema::verifyCatalog(*R.Catalog, Ctx.getDiags());
  IRUnit U;
  U.Catalog = std::move(R.Catalog);
  fuzz::checkIRRoundTrip(U);
  return 0;
}
