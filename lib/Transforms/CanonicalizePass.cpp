//===- CanonicalizePass.cpp - One spelling per meaning --------------------===//
//
// The pass over schema::canonicalize() (lib/Schema/Canonical.cpp), which
// bk-diff's comparisons share.
//
//===----------------------------------------------------------------------===//

#include "bk/Transforms/CanonicalizePass.h"
#include "bk/Schema/Canonical.h"

namespace bk {

PreservedAnalyses CanonicalizePass::run(schema::Catalog &C,
                                        AnalysisManager<schema::Catalog> &AM) {
  return schema::canonicalize(C) ? PreservedAnalyses::none()
                                 : PreservedAnalyses::all();
}

} // namespace bk
