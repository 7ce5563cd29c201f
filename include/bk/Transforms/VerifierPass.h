//===- bk/Transforms/VerifierPass.h - The verifiers as passes ---*- C++ -*-===//
//
// `-passes=verify`: runs the IR's verifier (bk/Schema/Verifier.h,
// bk/API/Verifier.h) inside a pipeline. Reports errors; changes nothing.
//
//===----------------------------------------------------------------------===//

#ifndef BK_TRANSFORMS_VERIFIERPASS_H
#define BK_TRANSFORMS_VERIFIERPASS_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class SchemaVerifierPass : public Pass<schema::Catalog> {
public:
  llvm::StringRef getName() const override { return "verify"; }
  PreservedAnalyses run(schema::Catalog &C,
                        AnalysisManager<schema::Catalog> &AM) override;
};

class APIVerifierPass : public Pass<api::API> {
public:
  llvm::StringRef getName() const override { return "verify"; }
  PreservedAnalyses run(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_TRANSFORMS_VERIFIERPASS_H
