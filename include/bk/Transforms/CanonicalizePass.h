//===- bk/Transforms/CanonicalizePass.h - canonicalize ----------*- C++ -*-===//
//
// Spell what a schema file and the catalog PostgreSQL built from it write
// differently one way, for comparing.
// Docs: docs/passes/canonicalize.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_TRANSFORMS_CANONICALIZEPASS_H
#define BK_TRANSFORMS_CANONICALIZEPASS_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

/// Rewrites a catalog into the canonical comparison form of
/// bk/Schema/Canonical.h (schema::canonicalize()): the form bk-diff compares
/// definitions in, and in which utils/sql-oracle.sh compares a file's IR
/// with the IR of the catalog PostgreSQL built from it, byte for byte.
class CanonicalizePass : public Pass<schema::Catalog> {
public:
  llvm::StringRef getName() const override { return "canonicalize"; }
  PreservedAnalyses run(schema::Catalog &C,
                        AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_TRANSFORMS_CANONICALIZEPASS_H
