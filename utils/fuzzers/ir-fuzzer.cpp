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

#include "RoundTrip.h"

using namespace bk;
using namespace llvm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Context Ctx;
  Ctx.getDiags().setHandler([](const Diagnostic &) {});
  unsigned ID =
      Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "fuzz.bkir"));
  IRUnit U = readInput(Ctx, ID);
  if (!U || Ctx.getDiags().hasErrors() || !verifyIR(U, Ctx.getDiags()))
    return 0;
  fuzz::checkIRRoundTrip(U, /*PrintLocations=*/true);
  return 0;
}
