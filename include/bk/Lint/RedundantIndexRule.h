//===- bk/Lint/RedundantIndexRule.h - redundant-index -*- C++ -*-===//
//
// No index is a prefix of another index of the same table.
// Docs: docs/rules/redundant-index.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_REDUNDANTINDEXRULE_H
#define BK_LINT_REDUNDANTINDEXRULE_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class RedundantIndexRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_REDUNDANTINDEXRULE_H
