//===- bk/Schema/SchemaText.h - Schema IR in the generic IR text -*- C++
//-*-===//
//
// Maps the Schema IR onto the generic IR syntax of bk/IR/IRText.h and back.
// The textual form is documented in docs/IR-Schema.md:
//
//   extension pgcrypto [schema = public];
//   schema public {
//     enum mood ("sad", "ok", "happy");
//     table users [comment = "people"] {
//       column id bigint [not_null, identity = always];
//       primary_key users_pkey (id);
//     }
//   }
//
// Printing is canonical: objects in IR order, attributes in a fixed order,
// attributes with default values left out, so print → read → print gives the
// same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCHEMA_SCHEMATEXT_H
#define BK_SCHEMA_SCHEMATEXT_H

#include "bk/IR/IRText.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Context.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <vector>

namespace bk {
namespace schema {

/// The items of C: extensions, then schemas. With PrintLocations, every
/// object whose Location is valid gets it as the item's loc(...) origin.
std::vector<irtext::Item> toItems(const Catalog &C, bool PrintLocations = true);

/// Prints C in the Schema IR textual form.
void printCatalog(llvm::raw_ostream &OS, const Catalog &C,
                  bool PrintLocations = true);

/// Builds a catalog from parsed items. Every unknown item or attribute,
/// missing or ill-typed value is reported to Ctx's diagnostics at its
/// location; the result is null when any error was reported. Objects keep
/// their declaration order and take their loc(...) as Location when written,
/// else the item's own location.
std::unique_ptr<Catalog> readCatalog(Context &Ctx,
                                     const std::vector<irtext::Item> &Items);

/// Parses and reads the Schema IR text in buffer BufferID of Ctx.
std::unique_ptr<Catalog> parseCatalog(Context &Ctx, unsigned BufferID);

/// Whether Items look like Schema IR: the first item is an `extension` or
/// a `schema` (drivers use it to tell the IRs apart).
bool isSchemaIR(const std::vector<irtext::Item> &Items);

} // namespace schema
} // namespace bk

#endif // BK_SCHEMA_SCHEMATEXT_H
