//===- bk/Scaffold/JSONSchema.h - API IR schemas -> JSON Schema -*- C++ -*-===//
//
// Writes the API IR's schemas back as JSON Schema 2020-12, for back ends
// whose framework validates with JSON Schema itself (Fastify, through ajv).
// The IR is already normalised to the 3.1 forms (nullable as a null type,
// numeric exclusive bounds), so 3.0 and 3.1 descriptions give the same
// dialect. Like the zod emitter it describes requests: a readOnly property
// is not required, and annotations (descriptions, examples, readOnly) are
// left out. A reference to a component is {"$ref": "<id>"}, the id of the
// component's schema (emitComponents writes them with "$id").
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCAFFOLD_JSONSCHEMA_H
#define BK_SCAFFOLD_JSONSCHEMA_H

#include "bk/API/API.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace scaffold {

class TypeScriptEmitter;

class JSONSchemaEmitter {
public:
  explicit JSONSchemaEmitter(const TypeScriptEmitter &TS);

  /// S as compact JSON. WithDefaults keeps `default` (parameters, whose
  /// defaults the validator fills in).
  std::string schema(const api::SchemaNode &S, bool WithDefaults = false);

  /// The components schema() referred to (and those they refer to), as a
  /// JSON array of schemas with "$id", in the description's order.
  void emitComponents(llvm::raw_ostream &OS);

private:
  void emit(const api::SchemaNode &S, bool WithDefaults, llvm::raw_ostream &OS);

  const TypeScriptEmitter &TS;
  std::vector<bool> Used;
};

} // namespace scaffold
} // namespace bk

#endif // BK_SCAFFOLD_JSONSCHEMA_H
