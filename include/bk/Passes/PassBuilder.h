//===- bk/Passes/PassBuilder.h - Pipelines from names -----------*- C++ -*-===//
//
// Turns a textual pipeline ("verify,table-without-primary-key") into a
// PassManager for the IR at hand, from the registry in PassRegistry.def.
//
//===----------------------------------------------------------------------===//

#ifndef BK_PASSES_PASSBUILDER_H
#define BK_PASSES_PASSBUILDER_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace bk {

enum class IRKind { Schema, API };

llvm::StringRef getIRKindName(IRKind K);

struct PassInfo {
  llvm::StringRef Name;
  IRKind Kind;
  bool IsRule;
  Severity DefaultSeverity; // rules only
  llvm::StringRef Description;
  /// A check the front end makes while reading (no pass to create).
  bool IsFrontEnd = false;
  /// A check of a live database (lib/Analyze; no pass to create).
  bool IsDatabase = false;
};

/// Every registered pass and rule, in registry order.
llvm::ArrayRef<PassInfo> getRegisteredPasses();

/// Appends the passes named in Pipeline (comma-separated) to PM. An unknown
/// name, or one that runs on the other IR, is an error naming it.
/// A registered pass or rule by name; null when Name is not one for that IR.
std::unique_ptr<Pass<schema::Catalog>> createSchemaPass(llvm::StringRef Name);
std::unique_ptr<Pass<api::API>> createAPIPass(llvm::StringRef Name);

llvm::Error buildPipeline(PassManager<schema::Catalog> &PM,
                          llvm::StringRef Pipeline);
llvm::Error buildPipeline(PassManager<api::API> &PM, llvm::StringRef Pipeline);

} // namespace bk

#endif // BK_PASSES_PASSBUILDER_H
