//===- bk/Lint/LowCardinalityIndexRule.h - low-cardinality-index -*- C++
//-*-===//
//
// No plain index leads with a boolean or few-valued enum column.
// Docs: docs/rules/low-cardinality-index.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_LOWCARDINALITYINDEXRULE_H
#define BK_LINT_LOWCARDINALITYINDEXRULE_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class LowCardinalityIndexRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_LOWCARDINALITYINDEXRULE_H
