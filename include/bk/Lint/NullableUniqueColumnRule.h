//===- bk/Lint/NullableUniqueColumnRule.h - nullable-unique-column -*- C++
//-*-===//
//
// Columns of unique keys are NOT NULL (or the key is NULLS NOT DISTINCT).
// Docs: docs/rules/nullable-unique-column.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_NULLABLEUNIQUECOLUMNRULE_H
#define BK_LINT_NULLABLEUNIQUECOLUMNRULE_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class NullableUniqueColumnRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_NULLABLEUNIQUECOLUMNRULE_H
