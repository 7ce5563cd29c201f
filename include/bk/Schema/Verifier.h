//===- bk/Schema/Verifier.h - Schema IR well-formedness ---------*- C++ -*-===//
//
// Checks what PostgreSQL itself would reject, so that every pass, the diff
// and the SQL emitter may assume a well-formed catalog: names unique in their
// scope (relations, indexes, index-backed constraints and sequences share a
// namespace per schema; types another), columns referenced by constraints,
// indexes, triggers and partition keys exist, at most one primary key,
// foreign keys that match a key of the referenced table, identity, default
// and generated columns that do not contradict each other, sequence bounds,
// trigger and policy shapes. References to schemas the catalog does not hold
// are not checked (a catalog may hold only some schemas).
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCHEMA_VERIFIER_H
#define BK_SCHEMA_VERIFIER_H

#include "bk/Schema/Schema.h"
#include "bk/Support/Diagnostics.h"

namespace bk {
namespace schema {

/// Reports every problem in C to Diags as a located error (warnings for
/// legal oddities such as an enum without values); returns true when no
/// error was reported.
bool verifyCatalog(const Catalog &C, DiagnosticEngine &Diags);

} // namespace schema
} // namespace bk

#endif // BK_SCHEMA_VERIFIER_H
