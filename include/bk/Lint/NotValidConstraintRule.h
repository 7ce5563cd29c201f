//===- bk/Lint/NotValidConstraintRule.h - not-valid-constraint -*- C++ -*-===//
//
// NOT VALID constraints are validated.
// Docs: docs/rules/not-valid-constraint.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_NOTVALIDCONSTRAINTRULE_H
#define BK_LINT_NOTVALIDCONSTRAINTRULE_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class NotValidConstraintRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_NOTVALIDCONSTRAINTRULE_H
