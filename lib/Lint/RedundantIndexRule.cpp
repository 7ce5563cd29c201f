//===- RedundantIndexRule.cpp - redundant-index ---------------------------===//
//
// A non-unique btree CREATE INDEX whose keys are a strict prefix of another
// btree index of the same table (same key texts, expression flags, operator
// classes, collations and order, same predicate, and INCLUDE columns the
// other index carries too) serves no lookup the longer index does not. Unique
// indexes enforce something and constraints are never suggested for
// dropping; indexes with the same keys are duplicate-index's business.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RedundantIndexRule.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>
#include <vector>

using namespace llvm;

namespace bk {

static bool isBtree(const lint::TableIndex &I) {
  return StringRef(I.Method).equals_insensitive("btree");
}

/// Whether the short index A is served by B: A's keys are a strict prefix
/// of B's, the predicates match and B carries every INCLUDE column of A.
static bool isPrefixOf(const lint::TableIndex &A, const lint::TableIndex &B,
                       const schema::Table &T) {
  std::vector<lint::IndexKeyShape> AKeys = lint::getKeyShapes(A, T),
                                   BKeys = lint::getKeyShapes(B, T);
  if (AKeys.empty() || AKeys.size() >= BKeys.size())
    return false;
  for (size_t I = 0; I < AKeys.size(); ++I)
    if (AKeys[I] != BKeys[I])
      return false;
  if (lint::normalizePredicate(A.Where) != lint::normalizePredicate(B.Where))
    return false;
  for (const std::string &Col : A.Include) {
    bool Carried = is_contained(B.Include, Col) ||
                   any_of(BKeys, [&](const lint::IndexKeyShape &K) {
                     return !K.IsExpression && K.Text == Col;
                   });
    if (!Carried)
      return false;
  }
  return true;
}

void RedundantIndexRule::check(schema::Catalog &C,
                               AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      std::vector<lint::TableIndex> Own = lint::getOwnIndexes(T);

      for (const lint::TableIndex &A : Own) {
        if (A.isConstraint() || A.Unique || !isBtree(A))
          continue;
        const lint::TableIndex *Longer = nullptr;
        for (const lint::TableIndex &B : Own) {
          if (&B != &A && isBtree(B) && isPrefixOf(A, B, T)) {
            Longer = &B;
            break;
          }
        }
        if (!Longer)
          continue;

        std::string DropSQL = lint::dropIndexSQL(S, T, A.Name);
        Diagnostic D =
            finding(A.Location,
                    "index '" + A.Name + "' on " + lint::qualifiedName(S, T) +
                        " " + lint::columnList(A.Keys) + " is a prefix of '" +
                        Longer->Name + "' " + lint::columnList(Longer->Keys) +
                        ", which serves the same lookups: " + DropSQL);
        if (A.Index) {
          D.Fix = DropSQL + ";";
          D.Undo = lint::recreateIndexSQL(S, T, *A.Index);
        }
        D.addNote(Longer->Location,
                  (Longer->isConstraint() ? "constraint '" : "index '") +
                      Longer->Name + "' is here");
        report(std::move(D));
      }
    }
  }
}

} // namespace bk
