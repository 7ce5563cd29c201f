//===- DiffInternal.h - The schema differ's parts (private) -----*- C++ -*-===//
//
// Comparisons of Schema IR objects, type-change classification and rename
// declarations, shared by the planner's files.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_DIFF_DIFFINTERNAL_H
#define BK_LIB_DIFF_DIFFINTERNAL_H

#include "bk/Diff/Diff.h"
#include "bk/Schema/Schema.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bk {
namespace diff {
namespace detail {

//===----------------------------------------------------------------------===//
// Definitions compared (locations, comments, owners and annotations are
// never part of a definition: they are diffed on their own)
//===----------------------------------------------------------------------===//

/// The comparison key of an expression: what PostgreSQL's deparser adds
/// or drops without changing the meaning is taken out, so a schema file
/// and pg_dump's rendering of it compare equal:
///   - casts of literals: 'a'::text, (0)::numeric, 'x'::public.mood → 'a',
///     0, 'x';
///   - parentheses around a single literal or name, and around the whole;
///   - the public. qualification of names (also inside 'public.s'::regclass);
///   - white space.
std::string looseExpr(llvm::StringRef Expr);
/// looseExpr() of a view's query, where also the relation name PostgreSQL
/// puts before every column of a one-relation SELECT is dropped.
std::string looseQuery(llvm::StringRef Query);
bool sameExpr(llvm::StringRef A, llvm::StringRef B);
/// Type names compared with public. dropped: public.mood = mood.
bool sameType(llvm::StringRef A, llvm::StringRef B);

bool sameKeys(const std::vector<schema::IndexKey> &A,
              const std::vector<schema::IndexKey> &B);
/// Constraints of tables in schemas SA and SB; NOT VALID is not compared.
bool sameConstraint(const schema::Constraint &A, llvm::StringRef SA,
                    const schema::Constraint &B, llvm::StringRef SB);
bool sameIndex(const schema::Index &A, const schema::Index &B);
/// Function references of objects in schemas SA and SB; an unqualified one
/// also matches pg_catalog or public (the search path found it there).
bool sameFunctionRef(const schema::QualifiedName &A, llvm::StringRef SA,
                     const schema::QualifiedName &B, llvm::StringRef SB);
bool sameTrigger(const schema::Trigger &A, llvm::StringRef SA,
                 const schema::Trigger &B, llvm::StringRef SB);
bool samePolicy(const schema::Policy &A, const schema::Policy &B);
bool sameView(const schema::View &A, const schema::View &B);
/// Everything CREATE OR REPLACE FUNCTION can change, compared.
bool sameFunctionBody(const schema::Function &A, const schema::Function &B);
bool sameSequenceOptions(const schema::Sequence &A, const schema::Sequence &B);
bool sameOptions(const std::vector<schema::Option> &A,
                 const std::vector<schema::Option> &B);

/// Whether a column's type text names type T (an enum or domain of schema
/// TSchema), also as an array; unqualified names resolve to "public".
bool typeRefersTo(llvm::StringRef ColumnType, llvm::StringRef TSchema,
                  llvm::StringRef T);
/// ColumnType with its reference to type From (as typeRefersTo() finds it)
/// renamed to To, keeping qualification and array brackets.
std::string renameTypeRef(llvm::StringRef ColumnType, llvm::StringRef From,
                          llvm::StringRef To);

//===----------------------------------------------------------------------===//
// Column type changes
//===----------------------------------------------------------------------===//

enum class TypeChange {
  /// Every value fits and PostgreSQL keeps the stored bytes (varchar(50)
  /// to varchar(200), numeric(10,2) to numeric(12,2)).
  Widening,
  /// Every value fits but the table is rewritten (integer to bigint, any
  /// type to text).
  WideningRewrite,
  /// Values may not fit or lose precision: an assignment cast that fails
  /// or rounds (bigint to integer, varchar(200) to varchar(50),
  /// timestamp to date).
  Narrowing,
  /// A conversion between unrelated types, written with USING col::type;
  /// rewrites, and fails on values that do not convert.
  Conversion,
};

TypeChange classifyTypeChange(llvm::StringRef From, llvm::StringRef To);

//===----------------------------------------------------------------------===//
// Renames declared in the new schema
//===----------------------------------------------------------------------===//

enum class RenameKind {
  Table,
  Column,
  Index,
  Constraint,
  Enum,
  Domain,
  Sequence,
  View
};

struct Rename {
  RenameKind Kind;
  std::string Schema;
  /// The table of a column or constraint.
  std::string Table;
  std::string OldName;
  std::string NewName;
  Loc Location;
};

/// The renames declared in New: `-- bk:renamed-from NAME` or sqldef's
/// `-- @renamed from=NAME` right before an object. Malformed declarations
/// are reported to Diags.
std::vector<Rename> collectRenames(const schema::Catalog &New,
                                   DiagnosticEngine &Diags);

} // namespace detail
} // namespace diff
} // namespace bk

#endif // BK_LIB_DIFF_DIFFINTERNAL_H
