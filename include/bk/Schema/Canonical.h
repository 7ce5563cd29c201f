//===- bk/Schema/Canonical.h - One spelling per meaning ---------*- C++ -*-===//
//
// The canonical comparison form of the Schema IR. A schema file and the
// catalog PostgreSQL builds from it spell some things differently without
// any difference in meaning: the deparser adds casts and parentheses, a
// pg_dump file qualifies every name with public. and a hand-written one
// none, timestamps print in the session's time zone, a partition carries
// copies of its parent's keys. Here each such pair has one spelling.
//
// bk-diff compares definitions through these functions, and the
// `canonicalize` pass (docs/passes/canonicalize.md) rewrites a whole catalog
// into the form, so that utils/sql-oracle.sh can compare the IR of a file
// with the IR of the catalog PostgreSQL built from it byte for byte.
//
// The form is for comparing: expressions become lower-case token text
// without the casts and parentheses PostgreSQL would add itself, which is
// not always valid SQL again.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCHEMA_CANONICAL_H
#define BK_SCHEMA_CANONICAL_H

#include "bk/Schema/Schema.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bk {
namespace schema {

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

/// The canonical form of an expression (a default, a check, an index key or
/// predicate, a partition bound, ...): what PostgreSQL's deparser adds or
/// drops without changing the meaning is taken out, so a schema file and
/// pg_dump's rendering of it compare equal:
///   - casts of literals and of single names: 'a'::text, (0)::numeric,
///     'x'::public.mood, (col)::text → 'a', 0, 'x', col;
///   - parentheses around a single literal or name, around a comparison
///     inside AND/OR, around one call, and around the whole;
///   - x BETWEEN a AND b → x >= a AND x <= b, as PostgreSQL stores it;
///   - the public. and pg_catalog. qualification of names (also inside a
///     'public.s'::regclass literal);
///   - timestamps with a UTC offset ('2022-04-01 01:00:00+01') in UTC;
///   - case of unquoted words, quotes of names that need none, != for <>,
///     white space.
/// Tokens are lower case and separated as in SQL: `nextval('s')`,
/// `value >= 1901 and value <= 2155`.
std::string canonicalExpression(llvm::StringRef Expr);

/// canonicalExpression() of a partition bound whose (single) key column
/// has type KeyType: a timestamp key's literals as PostgreSQL prints them
/// in a session whose time zone is UTC ('2024-01-01' →
/// '2024-01-01 00:00:00+00' for timestamp with time zone).
std::string canonicalPartitionBound(llvm::StringRef Bound,
                                    llvm::StringRef KeyType);

/// canonicalExpression() of a view's query, where also the relation name
/// PostgreSQL puts before every column of a one-relation SELECT is dropped.
std::string canonicalQuery(llvm::StringRef Query);

/// A type name without its public. or pg_catalog. qualification: those
/// schemas are on every search path bk writes for (public.mood → mood).
std::string canonicalTypeName(llvm::StringRef Type);

/// A function reference of an object of schema OwnerSchema (a trigger's
/// function) without the schema when that is pg_catalog (found through
/// any search path) or the object's own schema (the unqualified
/// reference's meaning).
QualifiedName canonicalFunctionRef(const QualifiedName &F,
                                   llvm::StringRef OwnerSchema);

//===----------------------------------------------------------------------===//
// Definitions compared (names, locations, comments, owners and annotations
// are never part of a definition)
//===----------------------------------------------------------------------===//

/// Equal text, or equal canonicalExpression().
bool sameExpression(llvm::StringRef A, llvm::StringRef B);
bool sameKeys(const std::vector<IndexKey> &A, const std::vector<IndexKey> &B);
bool sameOptions(const std::vector<Option> &A, const std::vector<Option> &B);
/// Constraints of tables in schemas SA and SB; NOT VALID is not compared.
bool sameConstraint(const Constraint &A, llvm::StringRef SA,
                    const Constraint &B, llvm::StringRef SB);
bool sameIndex(const Index &A, const Index &B);

//===----------------------------------------------------------------------===//
// Catalogs
//===----------------------------------------------------------------------===//

/// Whether Comment is the one PostgreSQL 15 gives every database's public
/// schema (or none), which declares nothing.
bool isStockPublicComment(llvm::StringRef Schema, llvm::StringRef Comment);

/// Removes what PostgreSQL derives by itself: a partition's copies of its
/// parent's index-backed constraints and indexes (created on CREATE TABLE
/// ... PARTITION OF and ATTACH PARTITION, under names of PostgreSQL's
/// choosing; the catalog reader never reads them).
void dropDerivedObjects(Catalog &C);

/// Rewrites C into the canonical form: dropDerivedObjects(); every
/// expression, view query, function signature, type name and trigger
/// function reference through the functions above (partition bounds with
/// their parent's key type); the comment every PostgreSQL 15 database gives
/// its public schema ("standard public schema") and every annotation (`--`
/// comments of the source, which no catalog keeps) dropped. Returns whether
/// anything changed.
bool canonicalize(Catalog &C);

} // namespace schema
} // namespace bk

#endif // BK_SCHEMA_CANONICAL_H
