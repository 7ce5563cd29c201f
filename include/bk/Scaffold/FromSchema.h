//===- bk/Scaffold/FromSchema.h - Schema IR -> CRUD API IR ------*- C++ -*-===//
//
// bk-scaffold --from-sql / --from-db: the tables of a Schema IR (read from
// DDL by the SQL front end or from a live database by the catalog reader)
// become an API IR with a CRUD API over them, which the ordinary back ends
// then generate. Because both readers give the same IR for the same schema,
// a DDL file and the database loaded from it give the same server.
//
// Per table with a primary key (docs/CommandGuide/bk-scaffold.md has the
// type and constraint mapping):
//   GET    /<table>             list: limit, cursor (keyset on the primary
//                               key), order, equality filters on indexed
//                               columns
//   POST   /<table>             create (201); 409 unique violation, 422
//                               foreign key or check violation
//   GET    /<table>/{pk}...     get by primary key (composite keys too)
//   PATCH  /<table>/{pk}...     update the given columns
//   DELETE /<table>/{pk}...     delete (204); 409 while rows refer to it
//   GET    /<parent>/{pk}/<table>  the rows of a single-column foreign key
//                               to a single-column key (not when the table
//                               refers to that parent twice)
// Each operation carries an `x-bk-crud` extension (table, kind, key and
// filter columns) that the back ends' data-access templates read.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCAFFOLD_FROMSCHEMA_H
#define BK_SCAFFOLD_FROMSCHEMA_H

#include "bk/API/API.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Diagnostics.h"

#include <memory>
#include <string>
#include <vector>

namespace bk {
namespace scaffold {

struct CRUDOptions {
  /// Schemas whose tables become resources (default: public).
  std::vector<std::string> Schemas = {"public"};
  /// Glob patterns over table names (`name` or `schema.name`): only
  /// matching tables when not empty; never those matching Exclude.
  std::vector<std::string> IncludeTables, ExcludeTables;
  /// Columns never exposed (`table.column` globs), e.g. password hashes.
  std::vector<std::string> ExcludeColumns;
  /// info.title of the API.
  std::string Title = "CRUD API";
};

/// The CRUD API over C's tables. Tables without a primary key get list and
/// create only (a warning says so). Returns null when nothing is left to
/// expose (an error says why).
std::unique_ptr<api::API> apiFromSchema(const schema::Catalog &C,
                                        const CRUDOptions &Opts,
                                        DiagnosticEngine &Diags);

/// The JSON Schema of a column of SQL type Type (canonical name), with the
/// constraints of enum types and domains found in C: the mapping the
/// generated validators enforce.
api::SchemaNode columnSchema(const schema::Catalog &C, llvm::StringRef Type,
                             llvm::StringRef DefaultSchema = "public");

} // namespace scaffold
} // namespace bk

#endif // BK_SCAFFOLD_FROMSCHEMA_H
