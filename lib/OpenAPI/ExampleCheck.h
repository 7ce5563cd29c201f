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
};

/// Reports every value that does not match its schema (an error at the
/// value, with a note at the schema); false when one did not.
/// The id mismatches carry: the front-end check's name in
/// PassRegistry.def.
inline constexpr const char *ExampleCheckID = "example-matches-schema";

/// Checks each value against its schema; every mismatch is an error with id
/// ExampleCheckID. False when any value did not match.
bool checkValues(llvm::ArrayRef<ValueCheck> Checks, RefResolver &R,
                 DiagnosticEngine &Diags);

} // namespace openapi
} // namespace bk

#endif // BK_LIB_OPENAPI_EXAMPLECHECK_H
