//===- openapi-fuzzer.cpp - libFuzzer target for the OpenAPI front end ----===//
//
// Arbitrary bytes as an OpenAPI description (YAML and JSON go through the
// same llvm::yaml reader): structure checks, $ref resolution (local only:
// the fuzzer never reads files), the API IR builder and the verifier. An API
// that reads without error must survive a round trip through its text form
// (RoundTrip.h).
//
//===----------------------------------------------------------------------===//

#include "RoundTrip.h"

#include "bk/OpenAPI/Reader.h"

using namespace bk;
using namespace llvm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Context Ctx;
  Ctx.getDiags().setHandler([](const Diagnostic &) {});
  unsigned ID =
      Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "fuzz.yaml"));
  openapi::ReadOptions Opts;
  Opts.AllowExternalRefs = false;
  IRUnit U;
  U.API = openapi::readOpenAPI(Ctx, ID, Opts);
  if (U.API)
    fuzz::checkIRRoundTrip(U);
  return 0;
}
