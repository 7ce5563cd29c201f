//===- bk/Passes/IRUnit.h - One input, either IR ----------------*- C++ -*-===//
//
// What a driver holds after reading an input: a Schema IR catalog or an API
// IR description, with the operations every driver needs on either (read
// from IR text, verify, run a pipeline, print). Front ends for SQL and
// OpenAPI produce IRUnits too, so bk-opt and bk-lint stay IR-agnostic.
//
//===----------------------------------------------------------------------===//

#ifndef BK_PASSES_IRUNIT_H
#define BK_PASSES_IRUNIT_H

#include "bk/API/API.h"
#include "bk/OpenAPI/Reader.h"
#include "bk/Passes/PassBuilder.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Context.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace bk {

struct IRUnit {
  std::unique_ptr<schema::Catalog> Catalog;
  std::unique_ptr<api::API> API;

  IRKind getKind() const { return API ? IRKind::API : IRKind::Schema; }
  explicit operator bool() const { return Catalog || API; }
};

/// Reads one loaded buffer into an IRUnit, by what it holds:
///  - a buffer named `*.sql`: PostgreSQL DDL, through the SQL front end
///    (sql::parseSQL) into Schema IR;
///  - a buffer named `*.yaml`, `*.yml` or `*.json`, or stdin that looks like
///    one: OpenAPI, through openapi::readOpenAPI into API IR;
///  - anything else: IR text, API IR when its first item is `api`, else
///    Schema IR.
/// Errors are reported to Ctx's diagnostics; the result is empty when any
/// was.
IRUnit readInput(Context &Ctx, unsigned BufferID);
/// The same, reading OpenAPI with Opts (Opts.Verify is ignored: callers
/// verify with verifyIR).
IRUnit readInput(Context &Ctx, unsigned BufferID,
                 const openapi::ReadOptions &Opts);

/// Runs the IR's verifier; false when it reported errors.
bool verifyIR(const IRUnit &U, DiagnosticEngine &Diags);

void printIR(llvm::raw_ostream &OS, const IRUnit &U, bool PrintLocations);

struct PipelineOptions {
  llvm::StringRef Passes;
  /// Prints the IR after every pass to this stream (-print-after-all).
  llvm::raw_ostream *PrintAfterAll = nullptr;
  bool PrintLocations = false;
  /// Verifies the IR after every pass.
  bool VerifyEach = true;
};

/// Builds and runs the pipeline over U. A bad pipeline is an llvm::Error;
/// false means the verifier rejected the IR after a pass (reported).
llvm::Expected<bool> runPipeline(Context &Ctx, IRUnit &U,
                                 const PipelineOptions &Opts);

} // namespace bk

#endif // BK_PASSES_IRUNIT_H
