//===- ir-fuzzer.cpp - libFuzzer target for the IR text reader ------------===//
//
// Feeds arbitrary bytes through everything bk-opt does with IR text: the
// generic parser, the Schema IR or API IR reader, the verifier and the
// printer. Beyond "no crash, no hang, no sanitizer report", it checks the
// round-trip property: IR that reads and verifies cleanly prints to text
// that reads back and prints to the same bytes.
//
// Build and run: utils/fuzz.sh [seconds]
//
//===----------------------------------------------------------------------===//

#include "bk/Passes/IRUnit.h"
#include "bk/Support/Context.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace bk;
using namespace llvm;

static std::string printToString(const IRUnit &U) {
  std::string S;
  raw_string_ostream OS(S);
  printIR(OS, U, /*PrintLocations=*/true);
  return OS.str();
}

/// Reads Text as IR; empty when it has errors. Diagnostics are dropped.
static bool readAndPrint(StringRef Text, std::string &Printed) {
  Context Ctx;
  Ctx.getDiags().setHandler([](const Diagnostic &) {});
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "fuzz"));
  IRUnit U = readInput(Ctx, ID);
  if (!U || Ctx.getDiags().hasErrors())
    return false;
  bool Valid = verifyIR(U, Ctx.getDiags());
  Printed = printToString(U);
  return Valid;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string First;
  if (!readAndPrint(Text, First))
    return 0;
  std::string Second;
  if (!readAndPrint(First, Second) || Second != First) {
    errs() << "round trip failed\n--- first print:\n"
           << First << "--- second print:\n"
           << Second;
    abort();
  }
  return 0;
}
