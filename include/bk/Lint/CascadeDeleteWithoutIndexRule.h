//===- bk/Lint/CascadeDeleteWithoutIndexRule.h - cascade-delete-without-index
//-*- C++ -*-===//
//
// ON DELETE CASCADE/SET NULL paths are indexed all the way down.
// Docs: docs/rules/cascade-delete-without-index.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_CASCADEDELETEWITHOUTINDEXRULE_H
#define BK_LINT_CASCADEDELETEWITHOUTINDEXRULE_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class CascadeDeleteWithoutIndexRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_CASCADEDELETEWITHOUTINDEXRULE_H
