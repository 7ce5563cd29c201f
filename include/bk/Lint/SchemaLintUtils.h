//===- bk/Lint/SchemaLintUtils.h - What the Schema IR rules share -*- C++ -*-=//
//
// Queries over the Schema IR that several lint rules (and bk-migrate
// --analyze) ask: a table's indexes including those behind PRIMARY KEY,
// UNIQUE and EXCLUDE constraints, whether an index serves lookups on some
// columns, display names.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_SCHEMALINTUTILS_H
#define BK_LINT_SCHEMALINTUTILS_H

#include "bk/Schema/Schema.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bk {
namespace lint {

/// An index of a table: a CREATE INDEX, or the index behind a PRIMARY KEY,
/// UNIQUE or EXCLUDE constraint.
struct TableIndex {
  std::string Name;
  Loc Location;
  std::string Method = "btree";
  bool Unique = false;
  bool PrimaryKey = false;
  bool NullsNotDistinct = false;
  /// The key columns in order; an expression key is its text, with
  /// KeyIsExpression set.
  std::vector<std::string> Keys;
  std::vector<bool> KeyIsExpression;
  std::vector<std::string> Include;
  /// Predicate of a partial index; empty for none.
  std::string Where;
  /// Exactly one is set.
  const schema::Index *Index = nullptr;
  const schema::Constraint *Constraint = nullptr;
  /// The index belongs to the partitioned parent of the table asked about.
  bool FromParent = false;

  bool isPartial() const { return !Where.empty(); }
  bool isConstraint() const { return Constraint != nullptr; }
  /// The first N keys are plain columns.
  bool leadingKeysArePlainColumns(size_t N) const;
};

/// T's indexes in declaration order: constraints' first, then CREATE
/// INDEXes; for a partition, its partitioned parent's follow (found in C).
std::vector<TableIndex> getTableIndexes(const schema::Catalog &C,
                                        const schema::Table &T);

/// T's own indexes only (no partitioned parent's), in the same order.
std::vector<TableIndex> getOwnIndexes(const schema::Table &T);

/// Whether I serves equality lookups on exactly Columns: a btree (or, for
/// one column, hash) index whose leading Columns.size() keys are plain
/// columns forming the same set, in any order. A partial index counts when
/// its predicate follows from those columns being not null
/// (`a IS NOT NULL [AND b IS NOT NULL ...]`).
bool indexCoversColumns(const TableIndex &I,
                        llvm::ArrayRef<std::string> Columns);

/// One key as it shapes an index: what is indexed and how it sorts.
struct IndexKeyShape {
  std::string Text;
  bool IsExpression = false;
  std::string OpClass;
  std::string Collation;
  bool Descending = false;
  bool NullsFirst = false;

  bool operator==(const IndexKeyShape &O) const {
    return Text == O.Text && IsExpression == O.IsExpression &&
           OpClass == O.OpClass && Collation == O.Collation &&
           Descending == O.Descending && NullsFirst == O.NullsFirst;
  }
  bool operator!=(const IndexKeyShape &O) const { return !(*this == O); }
};

/// The keys of I (an index of T): a CREATE INDEX's and an EXCLUDE
/// constraint's as written, a PRIMARY KEY's or UNIQUE constraint's as plain
/// ascending columns with the default operator class. COLLATE naming the
/// column's own collation counts as none; expressions' white space is
/// collapsed.
std::vector<IndexKeyShape> getKeyShapes(const TableIndex &I,
                                        const schema::Table &T);

/// A predicate in a form that compares equal when only white space, letter
/// case or parentheses around the whole predicate differ.
std::string normalizePredicate(llvm::StringRef Where);

/// Whether Where says no more than that Columns are not null.
bool predicateFollowsFromNotNull(llvm::StringRef Where,
                                 llvm::ArrayRef<std::string> Columns);

/// The ON DELETE actions that write the referencing rows: "CASCADE",
/// "SET NULL" or "SET DEFAULT"; null for NO ACTION and RESTRICT.
const char *writingDeleteAction(schema::ReferentialAction A);

/// Whether FK, a foreign key of T, has no index of T (Indexes, from
/// getTableIndexes) covering its columns, and is not a partition's copy of
/// an ancestor's key (reported there): what the foreign-key rules flag.
bool isUnindexedForeignKey(const schema::Catalog &C, const schema::Table &T,
                           const schema::Constraint &FK,
                           llvm::ArrayRef<TableIndex> Indexes);

/// Whether FK, a constraint of partition T, is the copy of a foreign key of
/// a partitioned ancestor (same columns and referenced table): rules report
/// the ancestor's only.
bool isInheritedForeignKey(const schema::Catalog &C, const schema::Table &T,
                           const schema::Constraint &FK);

/// "public.users".
std::string qualifiedName(const schema::Schema &S, const schema::Table &T);
/// "public.users" for a reference, its schema defaulting to "public".
std::string qualifiedName(const schema::QualifiedName &N);

/// "(a, b)".
std::string columnList(llvm::ArrayRef<std::string> Columns);

/// The statement that indexes Columns of T (in schema S of C):
/// "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders
/// (customer_id)", without CONCURRENTLY for a partitioned table (PostgreSQL
/// refuses it there). The name is <table>_<col1>_<col2>_idx cut to 63 bytes
/// as PostgreSQL cuts implicit names; when an index, constraint or relation
/// of S already has it, _1, _2, ... is appended. Identifiers are quoted
/// where SQL needs it.
/// Drop is the matching "DROP INDEX [CONCURRENTLY] schema.name". Neither
/// ends with ';'.
struct IndexFix {
  std::string Create;
  std::string Drop;
};
IndexFix suggestIndex(const schema::Catalog &C, const schema::Schema &S,
                      const schema::Table &T,
                      llvm::ArrayRef<std::string> Columns);

/// "DROP INDEX [CONCURRENTLY] schema.name" for an index of T (no
/// CONCURRENTLY on a partitioned table), without ';'.
std::string dropIndexSQL(const schema::Schema &S, const schema::Table &T,
                         llvm::StringRef IndexName);

/// The CREATE INDEX statement that recreates Idx, an index of T, without
/// blocking writes when PostgreSQL allows it; with ';'.
std::string recreateIndexSQL(const schema::Schema &S, const schema::Table &T,
                             const schema::Index &Idx);

} // namespace lint
} // namespace bk

#endif // BK_LINT_SCHEMALINTUTILS_H
