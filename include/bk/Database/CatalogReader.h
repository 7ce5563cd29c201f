//===- bk/Database/CatalogReader.h - Live catalog -> Schema IR --*- C++ -*-===//
//
// Reads what a live PostgreSQL database declares into a schema::Catalog,
// through pg_catalog, with one query per kind of object (schemas,
// extensions, enums, domains, composite types, sequences, tables,
// inheritance, columns, constraints, index keys, indexes, views, functions,
// triggers, policies), never one per object.
//
// What comes back is normalised as the SQL front end normalises: type names
// through normalizeTypeName(), expressions, defaults and predicates as
// PostgreSQL deparses them (pg_get_expr, non-pretty), references
// schema-qualified. Objects owned by extensions, the system schemas and
// objects PostgreSQL derives (identity sequences, partition clones of
// indexes, constraints and triggers, inherited columns) are left out.
//
// Every object is located at the connection (Connection::getLoc(): the
// masked URL as file name, no line). docs/Database.md has the details.
//
//===----------------------------------------------------------------------===//

#ifndef BK_DATABASE_CATALOGREADER_H
#define BK_DATABASE_CATALOGREADER_H

#include "bk/Database/Connection.h"
#include "bk/Schema/Schema.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace bk {
namespace db {

struct CatalogReaderOptions {
  /// Only these schemas; empty means every non-system schema.
  std::vector<std::string> Schemas;
  /// Never these schemas.
  std::vector<std::string> ExcludeSchemas;
  /// Read owners (owner = role). Off, no owner is recorded.
  bool Owners = true;
};

/// Reads the catalog of the database Conn is connected to. A failing query
/// is an ErrorDiagnostic located at the connection.
llvm::Expected<std::unique_ptr<schema::Catalog>>
readCatalog(Connection &Conn,
            const CatalogReaderOptions &Opts = CatalogReaderOptions());

/// The parts of pg_get_partkeydef()'s text: "RANGE (a, lower(b))" gives
/// strategy Range and keys a (column) and lower(b) (expression). False
/// when the text is not understood.
bool parsePartitionKeyDef(llvm::StringRef Def, schema::PartitionStrategy &By,
                          std::vector<schema::IndexKey> &Keys);

/// The WHEN condition of pg_get_triggerdef()'s text, "(new.a > 0)" for
/// "... WHEN ((new.a > 0)) EXECUTE FUNCTION f()"; empty when it has none.
std::string triggerWhenClause(llvm::StringRef TriggerDef);

/// A PostgreSQL text[] array literal ("{a,\"b c\"}") of Values, for
/// parameters.
std::string makeTextArray(llvm::ArrayRef<std::string> Values);

} // namespace db
} // namespace bk

#endif // BK_DATABASE_CATALOGREADER_H
