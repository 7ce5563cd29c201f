//===- ForeignKeyWithoutIndexRule.cpp - foreign-key-without-index ---------===//

#include "bk/Lint/ForeignKeyWithoutIndexRule.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/STLExtras.h"

namespace bk {

/// ON DELETE actions that write the referencing rows; the rule
/// cascade-delete-without-index reports those foreign keys.
static bool deleteWritesChild(schema::ReferentialAction A) {
  return A == schema::ReferentialAction::Cascade ||
         A == schema::ReferentialAction::SetNull ||
         A == schema::ReferentialAction::SetDefault;
}

void ForeignKeyWithoutIndexRule::check(schema::Catalog &C,
                                       AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      std::vector<lint::TableIndex> Indexes = lint::getTableIndexes(C, T);
      for (const schema::Constraint &FK : T.Constraints) {
        if (FK.Kind != schema::ConstraintKind::ForeignKey ||
            FK.Columns.empty() || deleteWritesChild(FK.OnDelete))
          continue;
        if (llvm::any_of(Indexes, [&](const lint::TableIndex &I) {
              return lint::indexCoversColumns(I, FK.Columns);
            }))
          continue;
        if (lint::isInheritedForeignKey(C, T, FK))
          continue;
        std::string Table = lint::qualifiedName(S, T);
        lint::IndexFix Fix = lint::suggestIndex(C, S, T, FK.Columns);
        Diagnostic D =
            finding(FK.Location, "foreign key '" + FK.Name + "' on " + Table +
                                     " " + lint::columnList(FK.Columns) +
                                     " has no index; deleting or updating " +
                                     lint::qualifiedName(FK.RefTable) +
                                     " scans " + Table + ": " + Fix.Create);
        D.Fix = Fix.Create + ";";
        D.Undo = Fix.Drop + ";";
        report(std::move(D));
      }
    }
  }
}

} // namespace bk
