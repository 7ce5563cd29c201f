//===- openapi-fuzzer.cpp - libFuzzer target for the OpenAPI front end ----===//
//
// Arbitrary bytes as an OpenAPI description (YAML and JSON go through the
// same llvm::yaml reader): structure checks, $ref resolution (local only:
// the fuzzer never reads files), the API IR builder and the verifier. An
// API that reads without error must print as IR text that reads back to the
// same text.
//
//===----------------------------------------------------------------------===//

#include "bk/API/APIText.h"
#include "bk/API/Verifier.h"
#include "bk/IR/IRText.h"
#include "bk/OpenAPI/Reader.h"
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
  unsigned ID =
      Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "fuzz.yaml"));
  openapi::ReadOptions Opts;
  Opts.AllowExternalRefs = false;
  std::unique_ptr<api::API> A = openapi::readOpenAPI(Ctx, ID, Opts);
  if (!A)
    return 0;

  std::string First;
  raw_string_ostream OS(First);
  api::printAPI(OS, *A, /*PrintLocations=*/false);
  Context Again;
  Again.getDiags().setHandler([](const Diagnostic &) {});
  unsigned AgainID =
      Again.addBuffer(MemoryBuffer::getMemBufferCopy(OS.str(), "again.bkir"));
  Optional<std::vector<irtext::Item>> Items = irtext::parse(Again, AgainID);
  std::unique_ptr<api::API> B = Items ? api::readAPI(Again, *Items) : nullptr;
  if (!B) {
    errs() << "printed IR does not read back:\n" << OS.str();
    abort();
  }
  std::string Second;
  raw_string_ostream OS2(Second);
  api::printAPI(OS2, *B, /*PrintLocations=*/false);
  if (OS2.str() != OS.str()) {
    errs() << "IR round trip differs\n--- first:\n"
           << OS.str() << "--- second:\n"
           << OS2.str();
    abort();
  }
  return 0;
}
