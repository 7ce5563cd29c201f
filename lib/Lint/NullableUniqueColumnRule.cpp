//===- NullableUniqueColumnRule.cpp - nullable-unique-column --------------===//

#include "bk/Lint/NullableUniqueColumnRule.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/STLExtras.h"

namespace bk {

/// Column Name of T, or of the partitioned ancestor it comes from (a
/// partition declared with PARTITION OF lists none of its own).
static const schema::Column *findColumn(const schema::Catalog &C,
                                        const schema::Table &T,
                                        llvm::StringRef Name) {
  const schema::Table *Cur = &T;
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    if (const schema::Column *Col = Cur->findColumn(Name))
      return Col;
    if (!Cur->isPartition())
      return nullptr;
    const schema::Table *Parent = C.findTable(Cur->PartitionOf);
    if (!Parent || Parent == Cur)
      return nullptr;
    Cur = Parent;
  }
  return nullptr;
}

/// Drops from Nullable the columns that the predicate of partial index I
/// keeps out of it (`WHERE col IS NOT NULL [AND ...]`): rows where they are
/// null are not indexed, so the key never holds a null there.
static void dropColumnsExcludedByPredicate(const schema::Table &T,
                                           const lint::TableIndex &I,
                                           std::vector<std::string> &Nullable) {
  if (!I.isPartial())
    return;
  // The predicate must say no more than "these columns are not null"; the
  // columns it names are then those without which it no longer follows.
  std::vector<std::string> Candidates;
  for (size_t K = 0; K < I.Keys.size(); ++K)
    if (!I.KeyIsExpression[K])
      Candidates.push_back(I.Keys[K]);
  for (const schema::Column &Col : T.Columns)
    if (!llvm::is_contained(Candidates, Col.Name))
      Candidates.push_back(Col.Name);
  if (!lint::predicateFollowsFromNotNull(I.Where, Candidates))
    return;
  llvm::erase_if(Nullable, [&](const std::string &Col) {
    std::vector<std::string> Others;
    for (const std::string &Cand : Candidates)
      if (Cand != Col)
        Others.push_back(Cand);
    return !lint::predicateFollowsFromNotNull(I.Where, Others);
  });
}

void NullableUniqueColumnRule::check(schema::Catalog &C,
                                     AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      std::vector<lint::TableIndex> Indexes = lint::getTableIndexes(C, T);
      // The primary key's columns are NOT NULL (for a partition, its
      // parent's primary key).
      std::vector<std::string> KeyColumns;
      for (const lint::TableIndex &I : Indexes)
        if (I.PrimaryKey)
          KeyColumns.insert(KeyColumns.end(), I.Keys.begin(), I.Keys.end());
      for (const lint::TableIndex &I : Indexes) {
        if (!I.Unique || I.PrimaryKey || I.FromParent || I.NullsNotDistinct)
          continue;
        std::vector<std::string> Nullable;
        for (size_t K = 0; K < I.Keys.size(); ++K) {
          const std::string &Name = I.Keys[K];
          if (I.KeyIsExpression[K] || llvm::is_contained(Nullable, Name) ||
              llvm::is_contained(KeyColumns, Name))
            continue;
          const schema::Column *Col = findColumn(C, T, Name);
          if (!Col || Col->NotNull || Col->isIdentity())
            continue;
          Nullable.push_back(Name);
        }
        dropColumnsExcludedByPredicate(T, I, Nullable);
        if (Nullable.empty())
          continue;
        const char *What = I.isConstraint() ? "key" : "index";
        report(I.Location, "unique " + std::string(What) + " '" + I.Name +
                               "' on " + lint::qualifiedName(S, T) +
                               " allows several rows with NULL in " +
                               lint::columnList(Nullable) + "; make the " +
                               (Nullable.size() == 1 ? "column" : "columns") +
                               " NOT NULL or the " + What +
                               " NULLS NOT DISTINCT (PostgreSQL 15)");
      }
    }
  }
}

} // namespace bk
