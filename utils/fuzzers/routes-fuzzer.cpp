//===- routes-fuzzer.cpp - libFuzzer target for --generate-spec -----------===//
//
// Arbitrary bytes as a JavaScript/TypeScript module through the tolerant
// JS reader (lib/JS) and route recovery (lib/RouteRecovery: Express
// routes, zod schemas, @openapi blocks). Beyond "no crash, no hang, no
// sanitizer report", whatever is recovered must be written as an OpenAPI
// description that bk's own front end reads back without an error.
//
//===----------------------------------------------------------------------===//

#include "bk/OpenAPI/Reader.h"
#include "bk/OpenAPIWriter/Writer.h"
#include "bk/RouteRecovery/Recover.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>

using namespace bk;
using namespace llvm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Context Ctx;
  Ctx.getDiags().setHandler([](const Diagnostic &) {});
  unsigned ID =
      Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "/fuzz/app.ts"));
  std::unique_ptr<api::API> A = routes::recoverAPIFromBuffers(Ctx, {ID});
  if (!A)
    return 0;
  std::string Spec;
  raw_string_ostream OS(Spec);
  openapiwriter::writeOpenAPI(*A, OS);
  OS.flush();
  Context Again;
  std::vector<std::string> Errors;
  Again.getDiags().setHandler([&](const Diagnostic &D) {
    if (D.Sev == Severity::Error)
      Errors.push_back(D.Message);
  });
  unsigned SpecID =
      Again.addBuffer(MemoryBuffer::getMemBufferCopy(Spec, "recovered.yaml"));
  openapi::ReadOptions RO;
  RO.AllowExternalRefs = false;
  if (!openapi::readOpenAPI(Again, SpecID, RO) || !Errors.empty()) {
    fprintf(stderr, "recovered description does not read back: %s\n%s\n",
            Errors.empty() ? "" : Errors.front().c_str(), Spec.c_str());
    abort();
  }
  return 0;
}
