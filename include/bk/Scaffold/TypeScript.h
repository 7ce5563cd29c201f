//===- bk/Scaffold/TypeScript.h - JSON Schema -> TypeScript types -*- C++ -*-=//
//
// Turns the API IR's schemas into TypeScript types: one declaration per
// component schema (an interface for plain objects, a type alias otherwise)
// and inline type expressions for everything else.
//
// readOnly and writeOnly give two shapes of one schema: the Response shape
// leaves out writeOnly properties, the Request shape readOnly ones. A
// component whose shapes differ (itself or through the components it
// refers to) gets a second declaration, "<Name>Input", for requests.
//
// Mapping (docs/Scaffold-Types.md has the whole table): string, number and
// integer (format int64 too: JSON numbers), boolean, null; `format:
// date-time` and every other format stay `string`, as on the wire; enum and
// const become literal unions; nullable adds `| null`; allOf is an
// intersection, oneOf/anyOf a union, and with a discriminator each variant
// is narrowed by its discriminator value, so TypeScript can switch on it;
// additionalProperties gives an index signature; prefixItems a tuple.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCAFFOLD_TYPESCRIPT_H
#define BK_SCAFFOLD_TYPESCRIPT_H

#include "bk/API/API.h"
#include "bk/Scaffold/Names.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace scaffold {

/// Which side of the wire a type describes.
enum class Shape { Response, Request };

class TypeScriptEmitter {
public:
  /// Names every component schema (claiming the names in Names, the scope
  /// of the generated types module) and finds which have two shapes.
  TypeScriptEmitter(const api::API &A, NameTable &Names);

  const api::API &getAPI() const { return A; }
  /// The declared name of component I in shape Sh.
  llvm::StringRef getTypeName(unsigned I, Shape Sh) const;
  /// Whether component I's request shape differs from its response shape.
  bool hasRequestShape(unsigned I) const { return Components[I].TwoShapes; }
  /// Whether any property reachable from S (through references too) is
  /// readOnly or writeOnly.
  bool hasShapeDifference(const api::SchemaNode &S) const;

  /// A type expression for S. Nested object literals are indented by
  /// Indent levels of two spaces.
  std::string type(const api::SchemaNode &S, Shape Sh,
                   unsigned Indent = 0) const;

  /// Every component's declaration(s), in the description's order, each
  /// with its description as a doc comment.
  void emitComponents(llvm::raw_ostream &OS) const;

  /// Writes a /** ... */ doc comment for Description (and @deprecated),
  /// indented; nothing when both are empty/false.
  static void emitDocComment(llvm::raw_ostream &OS, llvm::StringRef Description,
                             bool Deprecated, unsigned Indent);

private:
  struct ComponentInfo {
    std::string ResponseName;
    std::string RequestName;
    bool TwoShapes = false;
  };

  void emit(const api::SchemaNode &S, Shape Sh, unsigned Indent,
            llvm::raw_ostream &OS) const;
  void emitSingleType(const api::SchemaNode &S, api::JSONType T, Shape Sh,
                      unsigned Indent, llvm::raw_ostream &OS) const;
  void emitObject(const api::SchemaNode &S, Shape Sh, unsigned Indent,
                  llvm::raw_ostream &OS) const;
  void emitArray(const api::SchemaNode &S, Shape Sh, unsigned Indent,
                 llvm::raw_ostream &OS) const;
  void emitVariants(const api::SchemaNode &S,
                    const std::vector<std::unique_ptr<api::SchemaNode>> &Vs,
                    Shape Sh, unsigned Indent, llvm::raw_ostream &OS) const;
  bool directShapeDifference(const api::SchemaNode &S) const;

  const api::API &A;
  std::vector<ComponentInfo> Components;
};

/// Whether S describes objects: `type: object`, or no type with
/// object keywords (properties, additionalProperties, required).
bool isObjectSchema(const api::SchemaNode &S);
/// Whether the media type name is JSON (application/json, */*+json).
bool isJSONMediaType(llvm::StringRef Name);

} // namespace scaffold
} // namespace bk

#endif // BK_SCAFFOLD_TYPESCRIPT_H
