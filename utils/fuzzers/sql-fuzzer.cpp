//===- sql-fuzzer.cpp - libFuzzer target for the SQL DDL front end --------===//
//
// Arbitrary bytes through the PostgreSQL DDL front end: the statement
// splitter, the ANTLR parser with its error recovery, and the Schema IR
// builder; then the verifier and the IR printer over whatever was built.
// Beyond "no crash, no hang, no sanitizer report", it checks that the IR the
// front end builds prints as IR text that reads back to the same text.
//
//===----------------------------------------------------------------------===//

#include "bk/Passes/IRUnit.h"
#include "bk/SQL/Parser.h"
#include "bk/Schema/SchemaText.h"
#include "bk/Schema/Verifier.h"
#include "bk/Support/Context.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace bk;
using namespace llvm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Context Ctx;
  Ctx.getDiags().setHandler([](const Diagnostic &) {});
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "fuzz.sql"));
  sql::ParseResult R = sql::parseSQL(Ctx, ID);
  if (!R.Catalog)
    abort(); // parseSQL promises a catalog even after errors
  schema::verifyCatalog(*R.Catalog, Ctx.getDiags());

  // Whatever was built must print as IR text that reads back identically.
  std::string First;
  raw_string_ostream OS(First);
  schema::printCatalog(OS, *R.Catalog, /*PrintLocations=*/false);
  Context Again;
  Again.getDiags().setHandler([](const Diagnostic &) {});
  unsigned AgainID =
      Again.addBuffer(MemoryBuffer::getMemBufferCopy(OS.str(), "again.bkir"));
  std::unique_ptr<schema::Catalog> C = schema::parseCatalog(Again, AgainID);
  if (!C) {
    errs() << "printed IR does not read back:\n" << OS.str();
    abort();
  }
  std::string Second;
  raw_string_ostream OS2(Second);
  schema::printCatalog(OS2, *C, /*PrintLocations=*/false);
  if (OS2.str() != OS.str()) {
    errs() << "IR round trip differs\n--- first:\n"
           << OS.str() << "--- second:\n"
           << OS2.str();
    abort();
  }
  return 0;
}
