//===- CascadeDeleteWithoutIndexRule.cpp - cascade-delete-without-index ---===//

#include "bk/Lint/CascadeDeleteWithoutIndexRule.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace bk {

/// How many cascade steps above the parent the notes follow.
static constexpr unsigned MaxCascadeDepth = 8;

namespace {
/// Collects, as notes, the ON DELETE CASCADE foreign keys through which
/// deletes reach a table from further up.
struct CascadePath {
  const schema::Catalog &C;
  Diagnostic &D;
  /// The tables of the chain being followed, from the parent up: a cascade
  /// from one of them is a cycle and is neither noted nor followed.
  llvm::SmallVector<const schema::Table *, 8> Chain;
  /// Foreign keys already noted: each is noted once.
  llvm::SmallPtrSet<const schema::Constraint *, 8> Noted;

  /// Notes every cascading foreign key of Child (named ChildName), then
  /// those above it, depth first, up to MaxCascadeDepth levels.
  void follow(const schema::Table &Child, const std::string &ChildName,
              unsigned Depth) {
    if (Depth >= MaxCascadeDepth)
      return;
    for (const schema::Constraint &FK : Child.Constraints) {
      if (FK.Kind != schema::ConstraintKind::ForeignKey ||
          FK.OnDelete != schema::ReferentialAction::Cascade)
        continue;
      const schema::Table *Grand = C.findTable(FK.RefTable);
      if (!Grand || llvm::is_contained(Chain, Grand) ||
          !Noted.insert(&FK).second)
        continue;
      std::string GrandName = lint::qualifiedName(FK.RefTable);
      D.addNote(FK.Location, "deletes reach " + ChildName + " from " +
                                 GrandName + " through '" + FK.Name +
                                 "' (ON DELETE CASCADE)");
      Chain.push_back(Grand);
      follow(*Grand, GrandName, Depth + 1);
      Chain.pop_back();
    }
  }
};
} // namespace

void CascadeDeleteWithoutIndexRule::check(
    schema::Catalog &C, AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      std::vector<lint::TableIndex> Indexes = lint::getTableIndexes(C, T);
      for (const schema::Constraint &FK : T.Constraints) {
        const char *Action = lint::writingDeleteAction(FK.OnDelete);
        if (!Action || !lint::isUnindexedForeignKey(C, T, FK, Indexes))
          continue;
        std::string Table = lint::qualifiedName(S, T);
        std::string Parent = lint::qualifiedName(FK.RefTable);
        lint::IndexFix Fix = lint::suggestIndex(C, S, T, FK.Columns);
        Diagnostic D = finding(
            FK.Location, "foreign key '" + FK.Name + "' on " + Table + " " +
                             lint::columnList(FK.Columns) + " is ON DELETE " +
                             Action + " without an index; every delete from " +
                             Parent + " scans " + Table + ": " + Fix.Create);
        D.Fix = Fix.Create + ";";
        D.Undo = Fix.Drop + ";";
        if (const schema::Table *P = C.findTable(FK.RefTable)) {
          CascadePath Path{C, D, {P}, {}};
          Path.follow(*P, Parent, 0);
        }
        report(std::move(D));
      }
    }
  }
}

} // namespace bk
