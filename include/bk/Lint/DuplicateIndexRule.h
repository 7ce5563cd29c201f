//===- bk/Lint/DuplicateIndexRule.h - duplicate-index -*- C++ -*-===//
//
// No two indexes of a table are the same.
// Docs: docs/rules/duplicate-index.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_DUPLICATEINDEXRULE_H
#define BK_LINT_DUPLICATEINDEXRULE_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class DuplicateIndexRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_DUPLICATEINDEXRULE_H
