//===- bk/Lint/TableWithoutPrimaryKey.h - table-without-primary-key -*- C++
//-*-===//
//
// A table without a primary key cannot be replicated logically, updated
// safely by row identity or mapped by most ORMs. Partitions are exempt: they
// take their key from the partitioned parent.
// Docs: docs/rules/table-without-primary-key.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_TABLEWITHOUTPRIMARYKEY_H
#define BK_LINT_TABLEWITHOUTPRIMARYKEY_H

#include "bk/Passes/PassManager.h"
#include "bk/Schema/Schema.h"

namespace bk {

class TableWithoutPrimaryKeyRule : public Rule<schema::Catalog> {
public:
  using Rule::Rule;

protected:
  void check(schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) override;
};

} // namespace bk

#endif // BK_LINT_TABLEWITHOUTPRIMARYKEY_H
