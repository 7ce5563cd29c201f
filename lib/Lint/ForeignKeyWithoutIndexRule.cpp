//===- ForeignKeyWithoutIndexRule.cpp - foreign-key-without-index ---------===//

#include "bk/Lint/ForeignKeyWithoutIndexRule.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/STLExtras.h"

namespace bk {

void ForeignKeyWithoutIndexRule::check(schema::Catalog &C,
                                       AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      std::vector<lint::TableIndex> Indexes = lint::getTableIndexes(C, T);
      for (const schema::Constraint &FK : T.Constraints) {
        // Those whose delete writes the child rows are
        // cascade-delete-without-index's.
        if (lint::writingDeleteAction(FK.OnDelete) ||
            !lint::isUnindexedForeignKey(C, T, FK, Indexes))
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
