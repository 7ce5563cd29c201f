//===- bk/Scaffold/Zod.h - JSON Schema -> zod validators --------*- C++ -*-===//
//
// Turns the API IR's schemas into request validators: zod 4 schemas built
// through the small runtime the generated code carries
// (templates/common/validation.ts: R.str, R.num, R.obj, R.oneOf, ...), so a
// schema costs one short call per node in the generated file and JSON
// Schema's semantics (code-point string lengths, oneOf's "exactly one",
// formats, uniqueItems by value) live in one reviewed place.
//
// Validators describe the request shape. Component schemas are emitted only
// when a request reaches them, each as a lazily built constant so that
// recursive and mutually referring schemas work in any order. With
// coercion (parameters: path, query, header and cookie values are strings),
// numbers and booleans are read from their text first.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCAFFOLD_ZOD_H
#define BK_SCAFFOLD_ZOD_H

#include "bk/API/API.h"
#include "bk/Scaffold/Names.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace scaffold {

class TypeScriptEmitter;

/// Whether a schema that is a $ref also has keywords that constrain (3.1
/// applies both; 3.0 readers drop the siblings).
bool hasSiblingConstraints(const api::SchemaNode &S);

class ZodEmitter {
public:
  /// Component validators are named after their request types ("Pet" ->
  /// "PetSchema"), claimed in Names (the validators module's scope) when
  /// first used.
  ZodEmitter(const TypeScriptEmitter &TS, NameTable &Names);

  /// An expression validating S. Coerce: the value comes from a URL or a
  /// header, so numbers and booleans arrive as text.
  std::string schema(const api::SchemaNode &S, bool Coerce);

  /// Declarations of every component a schema() call used, with those they
  /// use in turn, in the description's order.
  void emitComponents(llvm::raw_ostream &OS);

  /// How many component validators were emitted (or are pending).
  unsigned getNumUsedComponents() const;

private:
  /// IgnoreRef: S's own keywords only (the siblings of its $ref).
  void emit(const api::SchemaNode &S, bool Coerce, llvm::raw_ostream &OS,
            bool IgnoreRef = false);
  void emitOwnType(const api::SchemaNode &S, api::JSONType T, bool Coerce,
                   llvm::raw_ostream &OS);
  llvm::StringRef useComponent(unsigned I);

  const TypeScriptEmitter &TS;
  NameTable &Names;
  std::vector<std::string> ComponentNames;
  /// Components being inlined for coercion (a cycle falls back to the
  /// uncoerced component).
  std::vector<bool> Inlining;
};

} // namespace scaffold
} // namespace bk

#endif // BK_SCAFFOLD_ZOD_H
