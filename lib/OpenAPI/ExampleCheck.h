//===- ExampleCheck.h - Examples and defaults against schemas ---*- C++ -*-===//
//
// A practical subset of JSON Schema validation, run over the documents
// (not the IR) so that both the value and the schema keep their locations:
// type (with 3.0 nullable), enum, const, numeric bounds, string lengths,
// required, properties, additionalProperties, items, array sizes, allOf,
// anyOf/oneOf (one branch must match) and $ref.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_OPENAPI_EXAMPLECHECK_H
#define BK_LIB_OPENAPI_EXAMPLECHECK_H

#include "Document.h"

#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"

namespace bk {
namespace openapi {

/// Follows schema $refs for the checker.
class RefResolver {
public:
  virtual ~RefResolver() = default;
  /// When N has a $ref, replaces D and N by its target; false when it
  /// cannot be resolved.
  virtual bool resolve(Document *&D, const JNode *&N) = 0;
  virtual Loc locOf(Document *D, const char *P) = 0;
  virtual bool isV30() const = 0;
};

/// A value (example, default) to check against a schema.
struct ValueCheck {
  Document *ValueDoc;
  const JNode *Value;
  Document *SchemaDoc;
  const JNode *Schema;
  /// A schema's `default` (else an example).
  bool IsDefault = false;
};

/// The ids mismatches carry: the front-end checks' names in
/// PassRegistry.def.
inline constexpr const char *ExampleCheckID = "example-matches-schema";
inline constexpr const char *DefaultCheckID = "default-matches-schema";

/// Checks each value against its schema and reports every mismatch at the
/// value, with a note at the schema: an example as a warning with id
/// ExampleCheckID (examples SHOULD match), a default with id DefaultCheckID,
/// as an error in 3.0 (defaults MUST conform) and a warning from 3.1 (JSON
/// Schema: SHOULD). False when an error was reported.
bool checkValues(llvm::ArrayRef<ValueCheck> Checks, RefResolver &R,
                 DiagnosticEngine &Diags);

} // namespace openapi
} // namespace bk

#endif // BK_LIB_OPENAPI_EXAMPLECHECK_H
