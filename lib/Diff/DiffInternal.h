//===- DiffInternal.h - The schema differ's parts (private) -----*- C++ -*-===//
//
// Comparisons of Schema IR objects, type-change classification and rename
// declarations, shared by the planner's files.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_DIFF_DIFFINTERNAL_H
#define BK_LIB_DIFF_DIFFINTERNAL_H

#include "bk/Diff/Diff.h"
#include "bk/Schema/Canonical.h"
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

// The comparisons shared with the canonicalize pass live in
// bk/Schema/Canonical.h: expressions, keys, options, index-backed
// constraints and indexes compare in the canonical form.
using schema::sameConstraint;
using schema::sameExpression;
using schema::sameIndex;
using schema::sameKeys;
using schema::sameOptions;
/// Type names compared without public. or pg_catalog.: public.mood = mood.
bool sameType(llvm::StringRef A, llvm::StringRef B);

/// Function references of objects in schemas SA and SB: equal once
/// pg_catalog and the object's own schema are left implicit.
bool sameFunctionRef(const schema::QualifiedName &A, llvm::StringRef SA,
                     const schema::QualifiedName &B, llvm::StringRef SB);
bool sameTrigger(const schema::Trigger &A, llvm::StringRef SA,
                 const schema::Trigger &B, llvm::StringRef SB);
bool samePolicy(const schema::Policy &A, const schema::Policy &B);
bool sameView(const schema::View &A, const schema::View &B);
/// Everything CREATE OR REPLACE FUNCTION can change, compared.
bool sameFunctionBody(const schema::Function &A, const schema::Function &B);
bool sameSequenceOptions(const schema::Sequence &A, const schema::Sequence &B);

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
