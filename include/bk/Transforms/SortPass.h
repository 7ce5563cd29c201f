//===- bk/Transforms/SortPass.h - Order a catalog canonically ---*- C++ -*-===//
//
// Order objects canonically so catalogs from different sources compare equal.
// Docs: docs/passes/sort.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_TRANSFORMS_SORTPASS_H
#define BK_TRANSFORMS_SORTPASS_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

/// Sorts extensions, schemas and, within each schema, every kind of object
/// by name; within tables constraints, indexes, triggers and policies by
/// name. Columns, attributes, enum labels and keys keep their order.
class SortPass : public Pass<schema::Catalog> {
public:
  llvm::StringRef getName() const override { return "sort"; }
  PreservedAnalyses run(schema::Catalog &C,
                        AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_TRANSFORMS_SORTPASS_H
