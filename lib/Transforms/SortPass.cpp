//===- SortPass.cpp - Order a catalog canonically -------------------------===//
//
// Sorts every named object of a catalog by name (bytewise, as PostgreSQL's
// "C" collation), so that a catalog read from a live database and one built
// from SQL files print the same bytes whatever order the objects were
// declared in. Orders that carry meaning stay: columns (attnum), composite
// attributes, enum labels, index and partition keys, inherits lists.
//
//===----------------------------------------------------------------------===//

#include "bk/Transforms/SortPass.h"

#include "llvm/ADT/STLExtras.h"

#include <tuple>

using namespace llvm;

namespace bk {

namespace {
/// Sorts objects and remembers whether any moved.
class Sorter {
public:
  bool changed() const { return Changed; }

  /// Sorts Objects by Key(object); a stable sort, so objects with equal
  /// keys keep their relative order.
  template <typename T, typename KeyFn>
  void sortBy(std::vector<T> &Objects, KeyFn Key) {
    auto Less = [&](const T &A, const T &B) { return Key(A) < Key(B); };
    if (llvm::is_sorted(Objects, Less))
      return;
    llvm::stable_sort(Objects, Less);
    Changed = true;
  }

  template <typename T> void sortByName(std::vector<T> &Objects) {
    sortBy(Objects, [](const T &O) -> const std::string & { return O.Name; });
  }

private:
  bool Changed = false;
};
} // namespace

static void sortTable(Sorter &S, schema::Table &T) {
  S.sortByName(T.Constraints);
  S.sortByName(T.Indexes);
  S.sortByName(T.Triggers);
  S.sortByName(T.Policies);
}

static void sortSchema(Sorter &S, schema::Schema &Sch) {
  S.sortByName(Sch.Tables);
  for (schema::Table &T : Sch.Tables)
    sortTable(S, T);
  S.sortByName(Sch.Enums);
  S.sortByName(Sch.Domains);
  for (schema::Domain &D : Sch.Domains)
    S.sortByName(D.Checks);
  S.sortByName(Sch.Composites);
  S.sortByName(Sch.Ranges);
  S.sortByName(Sch.Sequences);
  // Views before materialized views, functions before procedures: the
  // order docs/IR-Schema.md documents for a schema's body.
  S.sortBy(Sch.Views, [](const schema::View &V) {
    return std::tie(V.Materialized, V.Name);
  });
  for (schema::View &V : Sch.Views) {
    S.sortByName(V.Indexes);
    S.sortByName(V.Triggers);
  }
  // Overloads share a name: the argument text tells them apart.
  S.sortBy(Sch.Functions, [](const schema::Function &F) {
    return std::tie(F.Kind, F.Name, F.Arguments);
  });
}

PreservedAnalyses SortPass::run(schema::Catalog &C,
                                AnalysisManager<schema::Catalog> &AM) {
  Sorter S;
  S.sortByName(C.Extensions);
  S.sortByName(C.Schemas);
  for (schema::Schema &Sch : C.Schemas)
    sortSchema(S, Sch);
  return S.changed() ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace bk
