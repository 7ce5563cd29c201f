//===- TypeScript.cpp - JSON Schema -> TypeScript types -------------------===//

#include "bk/Scaffold/TypeScript.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace bk::api;

namespace bk {
namespace scaffold {

bool isObjectSchema(const SchemaNode &S) {
  if (S.Types.has(JSONType::Object))
    return true;
  return S.Types.empty() && !S.isRef() &&
         (!S.Properties.empty() ||
          S.Additional != AdditionalKind::Unspecified ||
          !S.ExtraRequired.empty());
}

bool isJSONMediaType(StringRef Name) {
  StringRef Type = Name.split(';').first.trim();
  return Type.equals_insensitive("application/json") ||
         Type.endswith_insensitive("+json") || Type == "*/*";
}

static void indent(raw_ostream &OS, unsigned Levels) { OS.indent(Levels * 2); }

void TypeScriptEmitter::emitDocComment(raw_ostream &OS, StringRef Description,
                                       bool Deprecated, unsigned Indent) {
  Description = Description.trim();
  if (Description.empty() && !Deprecated)
    return;
  SmallVector<StringRef, 8> Lines;
  if (!Description.empty())
    Description.split(Lines, '\n');
  if (Lines.size() == 1 && !Deprecated) {
    indent(OS, Indent);
    OS << "/** " << commentText(Lines[0].rtrim()) << " */\n";
    return;
  }
  indent(OS, Indent);
  OS << "/**\n";
  for (StringRef L : Lines) {
    indent(OS, Indent);
    L = L.rtrim();
    OS << (L.empty() ? " *" : " * ") << commentText(L) << "\n";
  }
  if (Deprecated) {
    indent(OS, Indent);
    OS << " * @deprecated\n";
  }
  indent(OS, Indent);
  OS << " */\n";
}

TypeScriptEmitter::TypeScriptEmitter(const API &A, NameTable &Names) : A(A) {
  Components.resize(A.Schemas.size());
  for (unsigned I = 0; I < A.Schemas.size(); ++I)
    Components[I].ResponseName = Names.unique(toPascalCase(A.Schemas[I].Name));
  // Two shapes: a readOnly/writeOnly property inside the component, or a
  // reference to a component with two shapes (a fixed point, since
  // references may form cycles).
  for (unsigned I = 0; I < A.Schemas.size(); ++I)
    Components[I].TwoShapes = directShapeDifference(A.Schemas[I].Schema);
  std::vector<std::vector<unsigned>> RefsOf(A.Schemas.size());
  for (unsigned I = 0; I < A.Schemas.size(); ++I) {
    std::function<void(const SchemaNode &)> Walk = [&](const SchemaNode &S) {
      if (S.isRef() && S.RefIndex < A.Schemas.size())
        RefsOf[I].push_back(S.RefIndex);
      S.forEachChild(Walk);
    };
    Walk(A.Schemas[I].Schema);
  }
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (unsigned I = 0; I < A.Schemas.size(); ++I) {
      if (Components[I].TwoShapes)
        continue;
      if (any_of(RefsOf[I],
                 [&](unsigned R) { return Components[R].TwoShapes; }))
        Components[I].TwoShapes = Changed = true;
    }
  }
  for (unsigned I = 0; I < A.Schemas.size(); ++I)
    Components[I].RequestName =
        Components[I].TwoShapes
            ? Names.unique(Components[I].ResponseName + "Input")
            : Components[I].ResponseName;
}

bool TypeScriptEmitter::directShapeDifference(const SchemaNode &S) const {
  // A nullable enum without null: null in responses only (see emit()).
  if (!S.Enum.empty() && S.isNullable() && !is_contained(S.Enum, "null"))
    return true;
  for (const Property &P : S.Properties)
    if (P.Schema && (P.Schema->ReadOnly || P.Schema->WriteOnly))
      return true;
  bool Found = false;
  S.forEachChild([&](const SchemaNode &C) {
    if (!Found && !C.isRef())
      Found = directShapeDifference(C);
  });
  return Found;
}

bool TypeScriptEmitter::hasShapeDifference(const SchemaNode &S) const {
  if (S.isRef())
    return S.RefIndex < Components.size() && Components[S.RefIndex].TwoShapes;
  if (directShapeDifference(S))
    return true;
  bool Found = false;
  S.forEachChild([&](const SchemaNode &C) {
    if (!Found)
      Found = hasShapeDifference(C);
  });
  return Found;
}

StringRef TypeScriptEmitter::getTypeName(unsigned I, Shape Sh) const {
  return Sh == Shape::Request ? Components[I].RequestName
                              : Components[I].ResponseName;
}

std::string TypeScriptEmitter::type(const SchemaNode &S, Shape Sh,
                                    unsigned Indent) const {
  std::string R;
  raw_string_ostream OS(R);
  emit(S, Sh, Indent, OS);
  return R;
}

/// Whether every enum value is a JSON literal TypeScript can spell as a
/// type (all JSON values are: objects and arrays become object and tuple
/// types).
static void emitLiteralUnion(ArrayRef<std::string> Values, bool AddNull,
                             raw_ostream &OS) {
  bool HasNull = false;
  for (size_t I = 0; I < Values.size(); ++I) {
    if (I)
      OS << " | ";
    OS << Values[I];
    HasNull |= Values[I] == "null";
  }
  if (AddNull && !HasNull)
    OS << " | null";
}

void TypeScriptEmitter::emit(const SchemaNode &S, Shape Sh, unsigned Indent,
                             raw_ostream &OS) const {
  if (S.isRef()) {
    if (S.RefIndex < Components.size())
      OS << getTypeName(S.RefIndex, Sh);
    else
      OS << "unknown";
    return;
  }
  if (S.Const) {
    emitLiteralUnion(*S.Const, false, OS);
    return;
  }
  if (!S.Enum.empty()) {
    // A nullable enum admits null only when it lists it (the OpenAPI TSC's
    // clarification of 3.0's nullable), as the validators say; responses
    // stay lenient, as descriptions that forget it usually mean null.
    emitLiteralUnion(S.Enum, S.isNullable() && Sh == Shape::Response, OS);
    return;
  }

  // The parts that must all hold: the node's own type, then allOf members,
  // then one of the oneOf/anyOf variants.
  SmallVector<std::string, 4> Parts;
  bool OwnType = !S.Types.withoutNull().empty() || isObjectSchema(S);
  if (OwnType) {
    std::string Own;
    raw_string_ostream OwnOS(Own);
    std::vector<JSONType> Types = S.Types.withoutNull().types();
    if (Types.empty())
      Types.push_back(JSONType::Object);
    // integer and number are both `number`.
    if (is_contained(Types, JSONType::Integer) &&
        is_contained(Types, JSONType::Number))
      erase_value(Types, JSONType::Integer);
    for (size_t I = 0; I < Types.size(); ++I) {
      if (I)
        OwnOS << " | ";
      emitSingleType(S, Types[I], Sh, Indent, OwnOS);
    }
    Parts.push_back(Types.size() > 1 && (!S.AllOf.empty() || !S.OneOf.empty() ||
                                         !S.AnyOf.empty())
                        ? "(" + Own + ")"
                        : Own);
  }
  for (const auto &M : S.AllOf) {
    std::string T = type(*M, Sh, Indent);
    Parts.push_back(M->isRef() || isObjectSchema(*M) ? T : "(" + T + ")");
  }
  for (const auto *Vs : {&S.OneOf, &S.AnyOf}) {
    if (Vs->empty())
      continue;
    std::string U;
    raw_string_ostream UOS(U);
    emitVariants(S, *Vs, Sh, Indent, UOS);
    Parts.push_back(Parts.empty() ? U : "(" + U + ")");
  }
  // An allOf part that lost every property to the other shape says only
  // "an object", which the other parts already say.
  if (Parts.size() > 1)
    erase_value(Parts, "object");
  if (Parts.empty()) {
    OS << (S.Types.has(JSONType::Null) ? "null" : "unknown");
    return;
  }
  bool Nullable = S.isNullable();
  if (Nullable && Parts.size() > 1)
    OS << "(";
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (I)
      OS << " & ";
    OS << Parts[I];
  }
  if (Nullable)
    OS << (Parts.size() > 1 ? ") | null" : " | null");
}

void TypeScriptEmitter::emitVariants(
    const SchemaNode &S, const std::vector<std::unique_ptr<SchemaNode>> &Vs,
    Shape Sh, unsigned Indent, raw_ostream &OS) const {
  for (size_t I = 0; I < Vs.size(); ++I) {
    if (I)
      OS << " | ";
    const SchemaNode &V = *Vs[I];
    std::string T = type(V, Sh, Indent);
    // With a discriminator, narrow each referenced variant by the value
    // that selects it: the mapping's key(s), else the component's name.
    if (S.Disc && V.isRef()) {
      SmallVector<std::string, 2> Values;
      for (const auto &M : S.Disc->Mapping) {
        StringRef Target = M.second;
        size_t Slash = Target.rfind('/');
        if (Slash != StringRef::npos)
          Target = Target.substr(Slash + 1);
        if (Target == V.Ref)
          Values.push_back(quoteString(M.first));
      }
      if (Values.empty())
        Values.push_back(quoteString(V.Ref));
      OS << "(" << T << " & { " << propertyKey(S.Disc->PropertyName) << ": "
         << join(Values, " | ") << " })";
      continue;
    }
    bool Paren = !V.isRef() && !isObjectSchema(V) && V.Enum.empty();
    OS << (Paren ? "(" + T + ")" : T);
  }
}

void TypeScriptEmitter::emitSingleType(const SchemaNode &S, JSONType T,
                                       Shape Sh, unsigned Indent,
                                       raw_ostream &OS) const {
  switch (T) {
  case JSONType::String:
    OS << "string";
    return;
  case JSONType::Number:
  case JSONType::Integer:
    OS << "number";
    return;
  case JSONType::Boolean:
    OS << "boolean";
    return;
  case JSONType::Null:
    OS << "null";
    return;
  case JSONType::Array:
    emitArray(S, Sh, Indent, OS);
    return;
  case JSONType::Object:
    emitObject(S, Sh, Indent, OS);
    return;
  }
}

void TypeScriptEmitter::emitArray(const SchemaNode &S, Shape Sh,
                                  unsigned Indent, raw_ostream &OS) const {
  std::string Item = S.Items ? type(*S.Items, Sh, Indent) : "unknown";
  if (S.PrefixItems.empty()) {
    OS << "Array<" << Item << ">";
    return;
  }
  OS << "[";
  uint64_t Min = S.MinItems.getValueOr(0);
  for (size_t I = 0; I < S.PrefixItems.size(); ++I) {
    if (I)
      OS << ", ";
    OS << type(*S.PrefixItems[I], Sh, Indent) << (I < Min ? "" : "?");
  }
  // 3.1: items after the prefix follow `items` (anything when absent,
  // nothing when `items: false`, which the IR keeps as a `not {}`).
  OS << ", ...Array<" << Item << ">]";
}

void TypeScriptEmitter::emitObject(const SchemaNode &S, Shape Sh,
                                   unsigned Indent, raw_ostream &OS) const {
  SmallVector<const Property *, 8> Props;
  for (const Property &P : S.Properties) {
    if (!P.Schema)
      continue;
    if (Sh == Shape::Request && P.Schema->ReadOnly)
      continue;
    if (Sh == Shape::Response && P.Schema->WriteOnly)
      continue;
    Props.push_back(&P);
  }
  std::string Extra;
  switch (S.Additional) {
  case AdditionalKind::Schema:
    if (S.AdditionalProperties)
      Extra = Props.empty() ? type(*S.AdditionalProperties, Sh, Indent + 1)
                            : "unknown";
    break;
  case AdditionalKind::Allowed:
    Extra = "unknown";
    break;
  case AdditionalKind::Unspecified:
    if (S.Properties.empty())
      Extra = "unknown";
    break;
  case AdditionalKind::Forbidden:
    break;
  }
  if (Props.empty()) {
    // Every property belongs to the other shape: any object will do.
    if (!S.Properties.empty() && S.Additional == AdditionalKind::Unspecified)
      OS << "object";
    else
      OS << (Extra.empty() ? "Record<string, never>"
                           : "{ [key: string]: " + Extra + " }");
    return;
  }
  OS << "{\n";
  for (const Property *P : Props) {
    emitDocComment(OS, P->Schema->Description, P->Schema->Deprecated,
                   Indent + 1);
    indent(OS, Indent + 1);
    if (Sh == Shape::Request ? false : P->Schema->ReadOnly)
      OS << "readonly ";
    OS << propertyKey(P->Name) << (P->Required ? ": " : "?: ");
    emit(*P->Schema, Sh, Indent + 1, OS);
    OS << ";\n";
  }
  if (!Extra.empty()) {
    indent(OS, Indent + 1);
    OS << "[key: string]: " << Extra << ";\n";
  }
  indent(OS, Indent);
  OS << "}";
}

void TypeScriptEmitter::emitComponents(raw_ostream &OS) const {
  for (unsigned I = 0; I < A.Schemas.size(); ++I) {
    const NamedSchema &NS = A.Schemas[I];
    const SchemaNode &S = NS.Schema;
    for (Shape Sh : {Shape::Response, Shape::Request}) {
      if (Sh == Shape::Request && !Components[I].TwoShapes)
        continue;
      std::string Description = S.Description;
      if (Sh == Shape::Request)
        Description = "The request shape of " + Components[I].ResponseName +
                      " (without its readOnly properties).";
      emitDocComment(OS, Description, S.Deprecated, 0);
      StringRef Name = getTypeName(I, Sh);
      bool PlainObject = !S.isRef() && S.Types == TypeSet(JSONType::Object) &&
                         S.AllOf.empty() && S.OneOf.empty() &&
                         S.AnyOf.empty() && S.Enum.empty() && !S.Const &&
                         !S.Properties.empty();
      if (PlainObject) {
        std::string Body;
        raw_string_ostream BodyOS(Body);
        emitObject(S, Sh, 0, BodyOS);
        // An object literal type is an interface (cheaper for tsc).
        if (StringRef(Body).startswith("{\n"))
          OS << "export interface " << Name << " " << Body << "\n\n";
        else
          OS << "export type " << Name << " = " << Body << ";\n\n";
        continue;
      }
      OS << "export type " << Name << " = ";
      emit(S, Sh, 0, OS);
      OS << ";\n\n";
    }
  }
}

} // namespace scaffold
} // namespace bk
