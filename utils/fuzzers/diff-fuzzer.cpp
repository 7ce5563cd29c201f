//===- diff-fuzzer.cpp - libFuzzer target for the schema differ -----------===//
//
// Arbitrary bytes as two schemas: the input is split at its first line
// "-- ---" (no such line: the same text twice), each half read by the SQL
// front end, and the two catalogs diffed both ways with every option on.
// Beyond "no crash, no hang, no sanitizer report": a schema diffed against
// itself must give empty up and down scripts, and a refused or failed diff
// must say why (an error diagnostic).
//
//===----------------------------------------------------------------------===//

#include "bk/Diff/Diff.h"
#include "bk/SQL/Parser.h"
#include "bk/Support/Context.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace bk;
using namespace llvm;

static std::unique_ptr<schema::Catalog> read(Context &Ctx, StringRef Text,
                                             StringRef Name) {
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, Name));
  sql::ParseResult R = sql::parseSQL(Ctx, ID);
  if (R.HadErrors)
    return nullptr;
  return std::move(R.Catalog);
}

static void diffAndCheck(Context &Ctx, const schema::Catalog &A,
                         const schema::Catalog &B, bool Same) {
  diff::DiffOptions Opts;
  Opts.AllowDestructive = true;
  diff::Migration M;
  unsigned Errors = Ctx.getDiags().getNumErrors();
  bool OK = diff::diffCatalogs(A, B, Opts, Ctx.getDiags(), M);
  if (!OK && Ctx.getDiags().getNumErrors() == Errors) {
    errs() << "diffCatalogs failed without an error diagnostic\n";
    abort();
  }
  if (OK && Same && (!M.Up.empty() || !M.Down.empty())) {
    errs() << "a schema diffed against itself is not empty\n";
    diff::ScriptHeader H{"a", "a", "up"};
    diff::printSQL(errs(), M.Up, H, Opts);
    abort();
  }
  if (OK) {
    std::string Sink;
    raw_string_ostream OS(Sink);
    diff::printJSON(OS, M, diff::ScriptHeader{"a", "b", "up"}, Opts);
    diff::printSummary(OS, M);
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  StringRef First = Text, Second = Text;
  size_t Split = Text.find("\n-- ---\n");
  if (Split != StringRef::npos) {
    First = Text.take_front(Split + 1);
    Second = Text.drop_front(Split + 8);
  }
  Context Ctx;
  Ctx.getDiags().setHandler([](const Diagnostic &) {});
  std::unique_ptr<schema::Catalog> A = read(Ctx, First, "a.sql");
  std::unique_ptr<schema::Catalog> B = read(Ctx, Second, "b.sql");
  if (!A || !B)
    return 0;
  diffAndCheck(Ctx, *A, *A, /*Same=*/true);
  diffAndCheck(Ctx, *A, *B, /*Same=*/Split == StringRef::npos);
  diffAndCheck(Ctx, *B, *A, /*Same=*/Split == StringRef::npos);
  return 0;
}
