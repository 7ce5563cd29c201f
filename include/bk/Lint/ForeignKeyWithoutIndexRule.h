//===- bk/Lint/ForeignKeyWithoutIndexRule.h - foreign-key-without-index -*- C++
//-*-===//
//
// Every foreign key has an index on its referencing columns.
// Docs: docs/rules/foreign-key-without-index.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_FOREIGNKEYWITHOUTINDEXRULE_H
#define BK_LINT_FOREIGNKEYWITHOUTINDEXRULE_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class ForeignKeyWithoutIndexRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_FOREIGNKEYWITHOUTINDEXRULE_H
