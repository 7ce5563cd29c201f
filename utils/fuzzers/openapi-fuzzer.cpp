//===- openapi-fuzzer.cpp - libFuzzer target for the OpenAPI front end ----===//
//
// Arbitrary bytes as an OpenAPI description (YAML and JSON go through the
// same llvm::yaml reader): structure checks, $ref resolution (local only:
// the fuzzer never reads files), the API IR builder and the verifier. An API
// that reads without error must survive a round trip through its text form
// (RoundTrip.h), and bk-scaffold must generate its server without an error
// (types, validators, every template).
//
//===----------------------------------------------------------------------===//

#include "RoundTrip.h"

#include "bk/CodeGen/FileSet.h"
#include "bk/CodeGen/Template.h"
#include "bk/OpenAPI/Reader.h"
#include "bk/Scaffold/Scaffold.h"

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
  IRUnit U;
  U.API = openapi::readOpenAPI(Ctx, ID, Opts);
  if (!U.API)
    return 0;
  fuzz::checkIRRoundTrip(U);

  // The built-in templates, parsed once for the whole run.
  static codegen::TemplateSet *Templates = [] {
    auto *T = new codegen::TemplateSet();
    if (Error E = T->addSearchDir(codegen::getBuiltinTemplatesDir(nullptr))) {
      logAllUnhandledErrors(std::move(E), errs(), "openapi-fuzzer: ");
      std::abort();
    }
    return T;
  }();
  for (scaffold::Framework F : scaffold::allFrameworks()) {
    scaffold::ScaffoldOptions Opts;
    Opts.Target = F;
    Opts.SourceName = "fuzz.yaml";
    codegen::FileSet Files;
    bool HadErrors = Ctx.getDiags().hasErrors();
    if (!scaffold::scaffold(*U.API, *Templates, Opts, Files, Ctx.getDiags()) &&
        !HadErrors) {
      errs() << "openapi-fuzzer: bk-scaffold failed on an API that reads\n";
      std::abort();
    }
  }
  return 0;
}
