//===- NotValidConstraintRule.cpp - not-valid-constraint ------------------===//
//
// A CHECK or FOREIGN KEY constraint added NOT VALID was never checked against
// the rows that existed then, and the planner cannot use a NOT VALID CHECK
// for constraint exclusion. ALTER TABLE ... VALIDATE CONSTRAINT checks them
// under a SHARE UPDATE EXCLUSIVE lock, which blocks no reads or writes.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/NotValidConstraintRule.h"

#include "bk/Lint/SchemaLintUtils.h"

namespace bk {

void NotValidConstraintRule::check(schema::Catalog &C,
                                   AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      for (const schema::Constraint &Con : T.Constraints) {
        if (!Con.NotValid || (Con.Kind != schema::ConstraintKind::Check &&
                              Con.Kind != schema::ConstraintKind::ForeignKey))
          continue;
        std::string Validate =
            "ALTER TABLE " + schema::QualifiedName(S.Name, T.Name).sql() +
            " VALIDATE CONSTRAINT " + schema::quoteIdentifier(Con.Name);
        Diagnostic D = finding(Con.Location,
                               "constraint '" + Con.Name + "' on " +
                                   lint::qualifiedName(S, T) +
                                   " is NOT VALID: existing rows were never "
                                   "checked; validate it (takes only a SHARE "
                                   "UPDATE EXCLUSIVE lock): " +
                                   Validate);
        // Validating cannot be undone (nor needs to be).
        D.Fix = Validate + ";";
        report(std::move(D));
      }
    }
  }
}

} // namespace bk
