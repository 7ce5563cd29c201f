//===- TableWithoutPrimaryKey.cpp - table-without-primary-key -------------===//

#include "bk/Lint/TableWithoutPrimaryKey.h"

namespace bk {

void TableWithoutPrimaryKeyRule::check(schema::Catalog &C,
                                       AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      if (T.getPrimaryKey() || T.isPartition())
        continue;
      report(T.Location,
             "table '" + S.Name + "." + T.Name + "' has no primary key");
    }
  }
}

} // namespace bk
