//===- bk/OpenAPI/Reader.h - OpenAPI front end ------------------*- C++ -*-===//
//
// Reads an OpenAPI description (3.0.x, 3.1.x, 3.2.0; YAML or JSON, both
// through llvm::yaml so every node keeps file:line:col) into the API IR.
//
//   Context Ctx;
//   unsigned ID = cantFail(Ctx.loadFile("petstore.yaml"));
//   std::unique_ptr<api::API> A = openapi::readOpenAPI(Ctx, ID, {});
//
// The reader resolves $refs (local JSON pointers, other files relative to
// the referring one), checks the structure the OpenAPI specification
// prescribes (required and unknown fields, value types, enumerations,
// mutually exclusive fields), checks examples and defaults against their
// schemas, and then runs api::verifyAPI. docs/OpenAPI.md lists what is
// supported and checked.
//
//===----------------------------------------------------------------------===//

#ifndef BK_OPENAPI_READER_H
#define BK_OPENAPI_READER_H

#include "bk/API/API.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/StringRef.h"

#include <memory>

namespace bk {
namespace openapi {

struct ReadOptions {
  /// Runs api::verifyAPI on the result (drivers that verify every IR
  /// themselves, such as bk-opt, turn it off).
  bool Verify = true;
  /// Follows $refs to other files (relative to the referring one); when
  /// off (fuzzers, untrusted input), such a $ref is an error.
  bool AllowExternalRefs = true;
  /// Deepest nesting of objects and arrays accepted in a document.
  unsigned MaxDepth = 512;
  /// Most nodes a document may expand to through YAML aliases.
  size_t MaxExpandedNodes = 50000000;
  /// Checks examples against their schemas (the front-end check
  /// "example-matches-schema": warnings, the specification says examples
  /// SHOULD match) and schema defaults (the check "default-matches-schema":
  /// errors in 3.0, where a default MUST conform, warnings from 3.1, where
  /// JSON Schema says SHOULD). The diagnostics carry those ids, so bk-lint
  /// can take them as findings; off: bk-lint with the check disabled.
  bool CheckExamples = true;
  bool CheckDefaults = true;
};

/// Reads the OpenAPI description in BufferID (already in Ctx's SourceMgr).
/// Referenced files are loaded through Ctx. Every problem is reported to
/// Ctx.getDiags() at its location; the result is null when any error was.
std::unique_ptr<api::API> readOpenAPI(Context &Ctx, unsigned BufferID,
                                      const ReadOptions &Opts = {});

/// Whether a buffer looks like an OpenAPI (or Swagger) description: its name
/// ends in .yaml, .yml or .json, or (for stdin and other names) its text
/// starts with `{` or has a top-level `openapi:` or `swagger:` key.
bool looksLikeOpenAPI(llvm::StringRef BufferName, llvm::StringRef Text);

} // namespace openapi
} // namespace bk

#endif // BK_OPENAPI_READER_H
