//===- DuplicateIndexRule.cpp - duplicate-index ---------------------------===//
//
// Two indexes of one table with the same access method, keys (text,
// expression flag, operator class, collation, order), predicate and INCLUDE
// set are duplicates: one of them only costs writes and space. A unique and a
// non-unique index with the same keys are duplicates too; the non-unique one
// goes. Indexes behind PRIMARY KEY, UNIQUE and EXCLUDE constraints count,
// but two constraints are never reported against each other (the fix would
// drop a constraint), and a partition's inherited indexes are left out.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/DuplicateIndexRule.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>
#include <vector>

using namespace llvm;

namespace bk {

static std::vector<std::string> sorted(std::vector<std::string> V) {
  llvm::sort(V);
  return V;
}

/// Whether A and B are the same index apart from uniqueness.
static bool sameStructure(const lint::TableIndex &A, const lint::TableIndex &B,
                          const schema::Table &T) {
  return StringRef(A.Method).equals_insensitive(B.Method) &&
         lint::getKeyShapes(A, T) == lint::getKeyShapes(B, T) &&
         lint::normalizePredicate(A.Where) ==
             lint::normalizePredicate(B.Where) &&
         sorted(A.Include) == sorted(B.Include);
}

static std::string describe(const lint::TableIndex &I) {
  return (I.isConstraint() ? "constraint '" : "index '") + I.Name + "'";
}

void DuplicateIndexRule::check(schema::Catalog &C,
                               AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      std::vector<lint::TableIndex> Own = lint::getOwnIndexes(T);

      // Whether Own[X] is the one to drop of the duplicate pair (X, Y): the
      // non-unique one, else the later one.
      auto Drops = [&](size_t X, size_t Y) {
        const lint::TableIndex &A = Own[X], &B = Own[Y];
        if (X == Y || (A.isConstraint() && B.isConstraint()))
          return false;
        if (!sameStructure(A, B, T))
          return false;
        if (A.Unique != B.Unique)
          return !A.Unique;
        // Two unique indexes enforce the same thing only when they agree on
        // NULLS NOT DISTINCT (a primary key's columns are never null).
        if (A.Unique && !A.PrimaryKey && !B.PrimaryKey &&
            A.NullsNotDistinct != B.NullsNotDistinct)
          return false;
        return Y < X;
      };
      auto IsKept = [&](size_t Y) {
        for (size_t Z = 0; Z < Own.size(); ++Z)
          if (Drops(Y, Z))
            return false;
        return true;
      };

      for (size_t X = 0; X < Own.size(); ++X) {
        // The index X duplicates: preferably one that stays.
        Optional<size_t> Other;
        for (size_t Y = 0; Y < Own.size(); ++Y) {
          if (!Drops(X, Y))
            continue;
          if (!Other)
            Other = Y;
          if (IsKept(Y)) {
            Other = Y;
            break;
          }
        }
        if (!Other)
          continue;

        const lint::TableIndex &Dup = Own[X], &Kept = Own[*Other];
        // Never suggest dropping a constraint: when the duplicate is a
        // constraint's index, the plain index goes.
        const lint::TableIndex &ToDrop = Dup.isConstraint() ? Kept : Dup;
        std::string DropSQL = lint::dropIndexSQL(S, T, ToDrop.Name);
        std::string Table = lint::qualifiedName(S, T);
        std::string Msg;
        if (Dup.isConstraint())
          Msg = "constraint '" + Dup.Name + "' on " + Table +
                " duplicates index '" + Kept.Name +
                "'; drop the index: " + DropSQL;
        else
          Msg = "index '" + Dup.Name + "' on " + Table + " duplicates '" +
                Kept.Name +
                "'; it doubles the write cost and takes space: " + DropSQL;
        Diagnostic D = finding(Dup.Location, Msg);
        // The index dropped is always a CREATE INDEX (never a constraint's).
        if (ToDrop.Index) {
          D.Fix = DropSQL + ";";
          D.Undo = lint::recreateIndexSQL(S, T, *ToDrop.Index);
        }
        D.addNote(Kept.Location, describe(Kept) + " is here");
        report(std::move(D));
      }
    }
  }
}

} // namespace bk
