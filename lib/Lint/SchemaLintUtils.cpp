//===- SchemaLintUtils.cpp - What the Schema IR rules share ---------------===//

#include "bk/Lint/SchemaLintUtils.h"

#include "bk/SQLWriter/SQLWriter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace llvm;

namespace bk {
namespace lint {

bool TableIndex::leadingKeysArePlainColumns(size_t N) const {
  if (Keys.size() < N)
    return false;
  for (size_t I = 0; I < N; ++I)
    if (KeyIsExpression[I])
      return false;
  return true;
}

static void addTableIndexes(const schema::Table &T, bool FromParent,
                            std::vector<TableIndex> &Out) {
  for (const schema::Constraint &Con : T.Constraints) {
    if (!Con.isIndexBacked())
      continue;
    TableIndex I;
    I.Name = Con.Name;
    I.Location = Con.Location;
    I.Constraint = &Con;
    I.FromParent = FromParent;
    I.Include = Con.Include;
    if (Con.Kind == schema::ConstraintKind::Exclude) {
      I.Method = Con.Method.empty() ? "gist" : Con.Method;
      I.Where = Con.Where;
      for (const schema::IndexKey &K : Con.Elements) {
        I.Keys.push_back(K.Text);
        I.KeyIsExpression.push_back(K.IsExpression);
      }
    } else {
      I.Unique = true;
      I.PrimaryKey = Con.Kind == schema::ConstraintKind::PrimaryKey;
      I.NullsNotDistinct = Con.NullsNotDistinct;
      I.Keys = Con.Columns;
      I.KeyIsExpression.assign(Con.Columns.size(), false);
    }
    Out.push_back(std::move(I));
  }
  for (const schema::Index &Idx : T.Indexes) {
    TableIndex I;
    I.Name = Idx.Name;
    I.Location = Idx.Location;
    I.Index = &Idx;
    I.FromParent = FromParent;
    I.Method = Idx.Method.empty() ? "btree" : Idx.Method;
    I.Unique = Idx.Unique;
    I.NullsNotDistinct = Idx.NullsNotDistinct;
    I.Include = Idx.Include;
    I.Where = Idx.Where;
    for (const schema::IndexKey &K : Idx.Keys) {
      I.Keys.push_back(K.Text);
      I.KeyIsExpression.push_back(K.IsExpression);
    }
    Out.push_back(std::move(I));
  }
}

std::vector<TableIndex> getOwnIndexes(const schema::Table &T) {
  std::vector<TableIndex> Out;
  addTableIndexes(T, /*FromParent=*/false, Out);
  return Out;
}

std::vector<TableIndex> getTableIndexes(const schema::Catalog &C,
                                        const schema::Table &T) {
  std::vector<TableIndex> Out = getOwnIndexes(T);
  // Indexes of a partitioned table are created on each partition too; walk
  // up a bounded chain of parents (sub-partitions).
  const schema::Table *Cur = &T;
  for (unsigned Depth = 0; Depth < 16 && Cur->isPartition(); ++Depth) {
    const schema::Table *Parent = C.findTable(Cur->PartitionOf);
    if (!Parent || Parent == Cur)
      break;
    addTableIndexes(*Parent, /*FromParent=*/true, Out);
    Cur = Parent;
  }
  return Out;
}

/// Collapses runs of white space into one space and trims.
static std::string collapseSpace(StringRef S) {
  std::string Out;
  for (char C : S.trim()) {
    if (isSpace(C)) {
      if (!Out.empty() && Out.back() != ' ')
        Out += ' ';
      continue;
    }
    Out += C;
  }
  return Out;
}

/// A predicate in a form that compares equal when only white space, letter
/// case or parentheses around the whole predicate differ.
/// S lower-cased except inside quoted identifiers ("OrderId") and string
/// literals ('Active'), which PostgreSQL keeps as written.
static std::string lowerOutsideQuotes(StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  char Quote = 0;
  for (char C : S) {
    if (Quote) {
      if (C == Quote)
        Quote = 0; // a doubled quote closes and reopens: same result
    } else if (C == '"' || C == '\'') {
      Quote = C;
    } else {
      C = toLower(C);
    }
    Out += C;
  }
  return Out;
}

std::string normalizePredicate(StringRef Where) {
  std::string Text = collapseSpace(lowerOutsideQuotes(Where));
  StringRef R(Text);
  while (R.size() >= 2 && R.front() == '(' && R.back() == ')') {
    int Depth = 0;
    bool Wraps = true;
    for (size_t I = 0; I < R.size(); ++I) {
      Depth += R[I] == '(' ? 1 : R[I] == ')' ? -1 : 0;
      if (Depth == 0 && I + 1 < R.size()) {
        Wraps = false;
        break;
      }
    }
    if (!Wraps)
      break;
    R = R.drop_front().drop_back().trim();
  }
  return R.str();
}

static IndexKeyShape shapeOf(const schema::IndexKey &K,
                             const schema::Table &T) {
  IndexKeyShape S;
  S.IsExpression = K.IsExpression;
  S.Text = K.IsExpression ? collapseSpace(K.Text) : K.Text;
  S.OpClass = K.OpClass;
  S.Collation = K.Collation;
  // COLLATE naming the column's own collation changes nothing.
  if (!K.IsExpression)
    if (const schema::Column *Col = T.findColumn(K.Text))
      if (Col->Collation == K.Collation)
        S.Collation.clear();
  S.Descending = K.isDescending();
  S.NullsFirst = K.nullsFirst();
  return S;
}

/// The keys of I: a CREATE INDEX's and an EXCLUDE constraint's as written,
/// a PRIMARY KEY's or UNIQUE constraint's as plain ascending columns with the
/// default operator class.
std::vector<IndexKeyShape> getKeyShapes(const TableIndex &I,
                                        const schema::Table &T) {
  std::vector<IndexKeyShape> Keys;
  if (I.Index) {
    for (const schema::IndexKey &K : I.Index->Keys)
      Keys.push_back(shapeOf(K, T));
  } else if (I.Constraint->Kind == schema::ConstraintKind::Exclude) {
    for (const schema::IndexKey &K : I.Constraint->Elements)
      Keys.push_back(shapeOf(K, T));
  } else {
    for (const std::string &Column : I.Keys) {
      IndexKeyShape S;
      S.Text = Column;
      Keys.push_back(S);
    }
  }
  return Keys;
}

static std::string unquote(StringRef S) {
  S = S.trim();
  if (S.size() >= 2 && S.front() == '"' && S.back() == '"')
    return S.drop_front().drop_back().str();
  return S.str();
}

bool predicateFollowsFromNotNull(StringRef Where,
                                 ArrayRef<std::string> Columns) {
  std::string P = normalizePredicate(Where);
  SmallVector<StringRef, 4> Parts;
  StringRef(P).split(Parts, " and ");
  for (StringRef Part : Parts) {
    std::string Conj = normalizePredicate(Part);
    StringRef C(Conj);
    if (!C.consume_back(" is not null"))
      return false;
    std::string Col = unquote(normalizePredicate(C));
    if (!is_contained(Columns, Col))
      return false;
  }
  return !Parts.empty();
}

bool indexCoversColumns(const TableIndex &I, ArrayRef<std::string> Columns) {
  if (Columns.empty())
    return false;
  bool Btree = I.Method == "btree";
  bool Hash = I.Method == "hash" && Columns.size() == 1;
  if (!Btree && !Hash)
    return false;
  if (!I.leadingKeysArePlainColumns(Columns.size()))
    return false;
  std::vector<std::string> Leading(I.Keys.begin(),
                                   I.Keys.begin() + Columns.size());
  std::vector<std::string> Want(Columns.begin(), Columns.end());
  llvm::sort(Leading);
  llvm::sort(Want);
  if (Leading != Want)
    return false;
  return !I.isPartial() || predicateFollowsFromNotNull(I.Where, Columns);
}

/// Whether A and B name the same table (both resolved in C when they can
/// be).
static bool sameTable(const schema::Catalog &C, const schema::QualifiedName &A,
                      const schema::QualifiedName &B) {
  const schema::Table *TA = C.findTable(A);
  const schema::Table *TB = C.findTable(B);
  if (TA || TB)
    return TA == TB;
  return qualifiedName(A) == qualifiedName(B);
}

/// Whether FK, a constraint of partition T, is the copy of a foreign key of
/// a partitioned ancestor (same columns and referenced table): the ancestor
/// is the one reported.
const char *writingDeleteAction(schema::ReferentialAction A) {
  switch (A) {
  case schema::ReferentialAction::Cascade:
    return "CASCADE";
  case schema::ReferentialAction::SetNull:
    return "SET NULL";
  case schema::ReferentialAction::SetDefault:
    return "SET DEFAULT";
  case schema::ReferentialAction::NoAction:
  case schema::ReferentialAction::Restrict:
    return nullptr;
  }
  return nullptr;
}

bool isUnindexedForeignKey(const schema::Catalog &C, const schema::Table &T,
                           const schema::Constraint &FK,
                           ArrayRef<TableIndex> Indexes) {
  if (FK.Kind != schema::ConstraintKind::ForeignKey || FK.Columns.empty())
    return false;
  if (llvm::any_of(Indexes, [&](const TableIndex &I) {
        return indexCoversColumns(I, FK.Columns);
      }))
    return false;
  return !isInheritedForeignKey(C, T, FK);
}

bool isInheritedForeignKey(const schema::Catalog &C, const schema::Table &T,
                           const schema::Constraint &FK) {
  const schema::Table *Cur = &T;
  for (unsigned Depth = 0; Depth < 16 && Cur->isPartition(); ++Depth) {
    const schema::Table *Parent = C.findTable(Cur->PartitionOf);
    if (!Parent || Parent == Cur)
      return false;
    for (const schema::Constraint &PC : Parent->Constraints)
      if (PC.Kind == schema::ConstraintKind::ForeignKey &&
          PC.Columns == FK.Columns && sameTable(C, PC.RefTable, FK.RefTable))
        return true;
    Cur = Parent;
  }
  return false;
}

std::string qualifiedName(const schema::Schema &S, const schema::Table &T) {
  return S.Name + "." + T.Name;
}

std::string qualifiedName(const schema::QualifiedName &N) {
  return (N.Schema.empty() ? std::string("public") : N.Schema) + "." + N.Name;
}

std::string columnList(ArrayRef<std::string> Columns) {
  return "(" + join(Columns, ", ") + ")";
}

/// Whether Name is taken in S: by an index or constraint of a table or an
/// index of a materialized view (what the suggestion must not repeat), or
/// by a relation (where CREATE INDEX would fail).
static bool nameTakenInSchema(const schema::Schema &S, StringRef Name) {
  for (const schema::Table &T : S.Tables) {
    if (T.Name == Name)
      return true;
    for (const schema::Index &I : T.Indexes)
      if (I.Name == Name)
        return true;
    for (const schema::Constraint &Con : T.Constraints)
      if (Con.Name == Name)
        return true;
  }
  for (const schema::View &V : S.Views) {
    if (V.Name == Name)
      return true;
    for (const schema::Index &I : V.Indexes)
      if (I.Name == Name)
        return true;
  }
  for (const schema::Sequence &Seq : S.Sequences)
    if (Seq.Name == Name)
      return true;
  return false;
}

IndexFix suggestIndex(const schema::Catalog &C, const schema::Schema &S,
                      const schema::Table &T, ArrayRef<std::string> Columns) {
  std::string Addition = schema::nameAddition(Columns);
  // makeObjectName() keeps the label whole and cuts the table and column
  // parts, so "_idx" and "_idx_1" survive long names.
  std::string Name = schema::makeObjectName(T.Name, Addition, "idx");
  for (unsigned N = 1; nameTakenInSchema(S, Name); ++N)
    Name = schema::makeObjectName(T.Name, Addition, "idx_" + utostr(N));
  std::string Cols;
  for (const std::string &Col : Columns) {
    if (!Cols.empty())
      Cols += ", ";
    Cols += schema::quoteIdentifier(Col);
  }
  // PostgreSQL cannot build an index on a partitioned table concurrently
  // (it is built on every partition in one statement).
  IndexFix Fix;
  Fix.Create = std::string(T.isPartitioned() ? "CREATE INDEX "
                                             : "CREATE INDEX CONCURRENTLY ") +
               schema::quoteIdentifier(Name) + " ON " +
               schema::quoteIdentifier(S.Name) + "." +
               schema::quoteIdentifier(T.Name) + " (" + Cols + ")";
  Fix.Drop = dropIndexSQL(S, T, Name);
  return Fix;
}

std::string dropIndexSQL(const schema::Schema &S, const schema::Table &T,
                         StringRef IndexName) {
  return std::string(T.isPartitioned() ? "DROP INDEX "
                                       : "DROP INDEX CONCURRENTLY ") +
         schema::QualifiedName(S.Name, IndexName).sql();
}

std::string recreateIndexSQL(const schema::Schema &S, const schema::Table &T,
                             const schema::Index &Idx) {
  sqlwriter::IndexWriteOptions Opts;
  Opts.Concurrently = !T.isPartitioned();
  return sqlwriter::writeCreateIndex(S, T.Name, Idx, Opts);
}

} // namespace lint
} // namespace bk
