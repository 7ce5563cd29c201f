//===- VerifierPass.cpp - The verifiers as passes -------------------------===//

#include "bk/Transforms/VerifierPass.h"
#include "bk/API/Verifier.h"
#include "bk/Schema/Verifier.h"

namespace bk {

PreservedAnalyses
SchemaVerifierPass::run(schema::Catalog &C,
                        AnalysisManager<schema::Catalog> &AM) {
  schema::verifyCatalog(C, AM.getDiags());
  return PreservedAnalyses::all();
}

PreservedAnalyses APIVerifierPass::run(api::API &A,
                                       AnalysisManager<api::API> &AM) {
  api::verifyAPI(A, AM.getDiags());
  return PreservedAnalyses::all();
}

} // namespace bk
