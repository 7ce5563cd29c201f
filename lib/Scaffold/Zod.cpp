//===- Zod.cpp - JSON Schema -> zod validators ----------------------------===//

#include "bk/Scaffold/Zod.h"

#include "bk/Scaffold/TypeScript.h"

#include "UsedComponents.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>

using namespace llvm;
using namespace bk::api;

namespace bk {
namespace scaffold {

ZodEmitter::ZodEmitter(const TypeScriptEmitter &TS, NameTable &Names)
    : TS(TS), Names(Names) {
  ComponentNames.resize(TS.getAPI().Schemas.size());
  Inlining.resize(TS.getAPI().Schemas.size());
}

StringRef ZodEmitter::useComponent(unsigned I) {
  if (ComponentNames[I].empty())
    ComponentNames[I] =
        Names.unique((TS.getTypeName(I, Shape::Request) + "Schema").str());
  return ComponentNames[I];
}

unsigned ZodEmitter::getNumUsedComponents() const {
  return count_if(ComponentNames,
                  [](const std::string &N) { return !N.empty(); });
}

std::string ZodEmitter::schema(const SchemaNode &S, bool Coerce) {
  std::string R;
  raw_string_ostream OS(R);
  emit(S, Coerce, OS);
  return R;
}

void ZodEmitter::emitComponents(raw_ostream &OS) {
  const API &A = TS.getAPI();
  std::vector<bool> Done;
  std::vector<std::string> Bodies = emitUsedComponents(
      A.Schemas.size(), Done,
      [&](size_t I) { return !ComponentNames[I].empty(); },
      [&](size_t I) { return schema(A.Schemas[I].Schema, false); });
  for (unsigned I = 0; I < A.Schemas.size(); ++I) {
    if (!Done[I])
      continue;
    OS << "export const " << ComponentNames[I] << ": z.ZodType = z.lazy(() => "
       << Bodies[I] << ");\n";
  }
  OS << "\n/** The validator of each component schema a request reaches, by "
        "its "
        "name in the description. */\n";
  OS << "export const componentSchemas: Record<string, z.ZodType> = {";
  bool Any = false;
  for (unsigned I = 0; I < A.Schemas.size(); ++I) {
    if (!Done[I])
      continue;
    OS << "\n  " << quoteString(A.Schemas[I].Name) << ": " << ComponentNames[I]
       << ",";
    Any = true;
  }
  OS << (Any ? "\n};\n" : "};\n");
}

bool hasSiblingConstraints(const SchemaNode &S) {
  return !S.Types.empty() || !S.Enum.empty() || S.Const ||
         !S.Properties.empty() || !S.ExtraRequired.empty() ||
         S.Additional != AdditionalKind::Unspecified || S.MinProperties ||
         S.MaxProperties || S.Items || !S.PrefixItems.empty() || S.MinItems ||
         S.MaxItems || S.UniqueItems || S.MinLength || S.MaxLength ||
         !S.Pattern.empty() || !S.Format.empty() || S.Minimum || S.Maximum ||
         S.ExclusiveMinimum || S.ExclusiveMaximum || S.MultipleOf ||
         !S.AllOf.empty() || !S.OneOf.empty() || !S.AnyOf.empty() || S.Not;
}

/// The JSON type of a JSON value's text.
static JSONType jsonKind(StringRef JSON) {
  switch (JSON.empty() ? 0 : JSON.front()) {
  case '"':
    return JSONType::String;
  case '{':
    return JSONType::Object;
  case '[':
    return JSONType::Array;
  case 't':
  case 'f':
    return JSONType::Boolean;
  case 'n':
    return JSONType::Null;
  default: {
    Optional<JSONNumber> N = JSONNumber::parse(JSON);
    return N && std::isfinite(N->Value) && std::trunc(N->Value) == N->Value
               ? JSONType::Integer
               : JSONType::Number;
  }
  }
}

static bool typeAllows(TypeSet Types, JSONType T) {
  if (Types.empty() || Types.has(T))
    return true;
  return T == JSONType::Integer && Types.has(JSONType::Number);
}

static void emitOpt(raw_ostream &OS, bool &First, StringRef Key,
                    const Twine &Value) {
  OS << (First ? " " : ", ") << Key << ": " << Value;
  First = false;
}

/// Wraps the validator of a value that arrives as text: numbers and
/// booleans are parsed first (R.coerceNum / R.coerceBool).
static std::string coerced(TypeSet Types, bool Coerce, std::string Expr) {
  if (!Coerce)
    return Expr;
  if (Types.has(JSONType::Boolean))
    Expr = "R.coerceBool(" + Expr + ")";
  if (Types.has(JSONType::Number) || Types.has(JSONType::Integer))
    Expr = "R.coerceNum(" + Expr + ")";
  if (Types.has(JSONType::Null))
    Expr = "R.coerceNull(" + Expr + ")";
  return Expr;
}

void ZodEmitter::emit(const SchemaNode &S, bool Coerce, raw_ostream &OS,
                      bool IgnoreRef) {
  const API &A = TS.getAPI();
  if (S.isRef() && !IgnoreRef) {
    // 3.1: keywords beside a $ref apply too (the reader keeps them only
    // where the version says so).
    if (hasSiblingConstraints(S)) {
      OS << "R.allOf([";
      emit(S, Coerce, OS, /*IgnoreRef=*/true);
      OS << ", ";
      SchemaNode Ref;
      Ref.Ref = S.Ref;
      Ref.RefIndex = S.RefIndex;
      emit(Ref, Coerce, OS);
      OS << "])";
      return;
    }
    if (S.RefIndex >= A.Schemas.size()) {
      OS << "z.unknown()";
      return;
    }
    // A parameter's component is inlined so that its scalars are coerced.
    if (Coerce && !Inlining[S.RefIndex]) {
      Inlining[S.RefIndex] = true;
      emit(A.Schemas[S.RefIndex].Schema, true, OS);
      Inlining[S.RefIndex] = false;
      return;
    }
    OS << useComponent(S.RefIndex);
    return;
  }

  // enum and const: the values the type allows, as literals.
  auto Literals = [&](ArrayRef<std::string> Values) {
    std::vector<StringRef> Kept;
    TypeSet Kinds;
    bool Structured = false;
    for (const std::string &V : Values) {
      JSONType K = jsonKind(V);
      if (!typeAllows(S.Types, K))
        continue;
      Kept.push_back(V);
      Kinds.add(K);
      Structured |= K == JSONType::Object || K == JSONType::Array;
    }
    std::string Expr =
        (Structured ? "R.jsonEnum([" : "R.lit([") + join(Kept, ", ") + "])";
    OS << coerced(Kinds, Coerce, Expr);
  };
  if (S.Const) {
    Literals(*S.Const);
    return;
  }
  if (!S.Enum.empty()) {
    Literals(S.Enum);
    return;
  }

  std::vector<std::string> Parts;
  std::vector<JSONType> Types = S.Types.withoutNull().types();
  if (S.Types.empty()) {
    // Without `type`, each keyword constrains values of its own kind only.
    bool StringKw =
        S.MinLength || S.MaxLength || !S.Pattern.empty() || !S.Format.empty();
    bool NumberKw = S.Minimum || S.Maximum || S.ExclusiveMinimum ||
                    S.ExclusiveMaximum || S.MultipleOf;
    bool ArrayKw = S.Items || !S.PrefixItems.empty() || S.MinItems ||
                   S.MaxItems || S.UniqueItems;
    bool ObjectKw = isObjectSchema(S) || S.MinProperties || S.MaxProperties;
    auto IfType = [&](bool Has, StringRef Kind, JSONType T) {
      if (!Has)
        return;
      std::string E;
      raw_string_ostream EOS(E);
      EOS << "R.ifType(\"" << Kind << "\", ";
      emitOwnType(S, T, Coerce, EOS);
      EOS << ")";
      Parts.push_back(E);
    };
    IfType(StringKw, "string", JSONType::String);
    IfType(NumberKw, "number", JSONType::Number);
    IfType(ArrayKw, "array", JSONType::Array);
    IfType(ObjectKw, "object", JSONType::Object);
  }
  if (is_contained(Types, JSONType::Integer) &&
      is_contained(Types, JSONType::Number))
    erase_value(Types, JSONType::Integer);
  if (!Types.empty()) {
    std::string Own;
    raw_string_ostream OwnOS(Own);
    if (Types.size() > 1)
      OwnOS << "R.anyOf([";
    for (size_t I = 0; I < Types.size(); ++I) {
      if (I)
        OwnOS << ", ";
      emitOwnType(S, Types[I], Coerce, OwnOS);
    }
    if (Types.size() > 1)
      OwnOS << "])";
    Parts.push_back(Own);
  }
  auto List = [&](StringRef Fn,
                  const std::vector<std::unique_ptr<SchemaNode>> &Vs) {
    std::string L = (Fn + "([").str();
    for (size_t I = 0; I < Vs.size(); ++I) {
      if (I)
        L += ", ";
      L += schema(*Vs[I], Coerce);
    }
    return L + "])";
  };
  for (const auto &M : S.AllOf)
    Parts.push_back(schema(*M, Coerce));
  if (!S.OneOf.empty())
    Parts.push_back(List("R.oneOf", S.OneOf));
  if (!S.AnyOf.empty())
    Parts.push_back(List("R.anyOf", S.AnyOf));
  if (S.Not)
    Parts.push_back("R.not(" + schema(*S.Not, Coerce) + ")");

  std::string Expr;
  if (Parts.empty())
    Expr = S.Types.has(JSONType::Null) ? "z.null()" : "z.unknown()";
  else if (Parts.size() == 1)
    Expr = Parts.front();
  else
    Expr = "R.allOf([" + join(Parts, ", ") + "])";
  if (S.isNullable() && !Parts.empty())
    Expr = Coerce ? "R.coerceNull(R.nullable(" + Expr + "))"
                  : "R.nullable(" + Expr + ")";
  OS << Expr;
}

void ZodEmitter::emitOwnType(const SchemaNode &S, JSONType T, bool Coerce,
                             raw_ostream &OS) {
  bool First = true;
  switch (T) {
  case JSONType::String:
    OS << "R.str(";
    if (S.MinLength || S.MaxLength || !S.Pattern.empty() || !S.Format.empty()) {
      OS << "{";
      if (S.MinLength)
        emitOpt(OS, First, "minLength", Twine(*S.MinLength));
      if (S.MaxLength)
        emitOpt(OS, First, "maxLength", Twine(*S.MaxLength));
      if (!S.Pattern.empty())
        emitOpt(OS, First, "pattern", quoteString(S.Pattern));
      if (!S.Format.empty())
        emitOpt(OS, First, "format", quoteString(S.Format));
      OS << " }";
    }
    OS << ")";
    return;
  case JSONType::Number:
  case JSONType::Integer: {
    std::string E;
    raw_string_ostream EOS(E);
    EOS << "R.num(";
    bool Any = T == JSONType::Integer || S.Minimum || S.Maximum ||
               S.ExclusiveMinimum || S.ExclusiveMaximum || S.MultipleOf ||
               !S.Format.empty();
    if (Any) {
      EOS << "{";
      if (T == JSONType::Integer)
        emitOpt(EOS, First, "integer", "true");
      if (S.Minimum)
        emitOpt(EOS, First, "minimum", S.Minimum->Text);
      if (S.Maximum)
        emitOpt(EOS, First, "maximum", S.Maximum->Text);
      if (S.ExclusiveMinimum)
        emitOpt(EOS, First, "exclusiveMinimum", S.ExclusiveMinimum->Text);
      if (S.ExclusiveMaximum)
        emitOpt(EOS, First, "exclusiveMaximum", S.ExclusiveMaximum->Text);
      if (S.MultipleOf)
        emitOpt(EOS, First, "multipleOf", S.MultipleOf->Text);
      if (!S.Format.empty())
        emitOpt(EOS, First, "format", quoteString(S.Format));
      EOS << " }";
    }
    EOS << ")";
    OS << coerced(TypeSet(T), Coerce, E);
    return;
  }
  case JSONType::Boolean:
    OS << coerced(TypeSet(T), Coerce, "z.boolean()");
    return;
  case JSONType::Null:
    OS << "z.null()";
    return;
  case JSONType::Array: {
    // A form field given once is one value; as parameters' decoders do, it
    // stands for a one-item array.
    if (Coerce)
      OS << "R.coerceArr(";
    OS << "R.arr(";
    if (S.Items)
      emit(*S.Items, Coerce, OS);
    else
      OS << "undefined";
    if (S.MinItems || S.MaxItems || S.UniqueItems || !S.PrefixItems.empty()) {
      OS << ", {";
      if (S.MinItems)
        emitOpt(OS, First, "minItems", Twine(*S.MinItems));
      if (S.MaxItems)
        emitOpt(OS, First, "maxItems", Twine(*S.MaxItems));
      if (S.UniqueItems)
        emitOpt(OS, First, "uniqueItems", "true");
      if (!S.PrefixItems.empty()) {
        std::string P = "[";
        for (size_t I = 0; I < S.PrefixItems.size(); ++I)
          P += (I ? ", " : "") + schema(*S.PrefixItems[I], Coerce);
        emitOpt(OS, First, "prefixItems", P + "]");
      }
      OS << " }";
    }
    OS << (Coerce ? "))" : ")");
    return;
  }
  case JSONType::Object: {
    OS << "R.obj({";
    bool FirstProp = true;
    for (const Property &P : S.Properties) {
      if (!P.Schema)
        continue;
      OS << (FirstProp ? " " : ", ") << propertyKey(P.Name) << ": ";
      FirstProp = false;
      emit(*P.Schema, Coerce, OS);
    }
    OS << (FirstProp ? "}, [" : " }, [");
    // Required readOnly properties are required in responses only.
    bool FirstReq = true;
    for (const std::string &Name : S.getRequiredNames()) {
      const Property *P = S.findProperty(Name);
      if (P && P->Schema && P->Schema->ReadOnly)
        continue;
      OS << (FirstReq ? "" : ", ") << quoteString(Name);
      FirstReq = false;
    }
    OS << "], ";
    switch (S.Additional) {
    case AdditionalKind::Forbidden:
      OS << "false";
      break;
    case AdditionalKind::Schema:
      if (S.AdditionalProperties) {
        emit(*S.AdditionalProperties, Coerce, OS);
        break;
      }
      LLVM_FALLTHROUGH;
    case AdditionalKind::Allowed:
    case AdditionalKind::Unspecified:
      OS << "true";
      break;
    }
    if (S.MinProperties || S.MaxProperties) {
      OS << ", {";
      if (S.MinProperties)
        emitOpt(OS, First, "minProperties", Twine(*S.MinProperties));
      if (S.MaxProperties)
        emitOpt(OS, First, "maxProperties", Twine(*S.MaxProperties));
      OS << " }";
    }
    OS << ")";
    return;
  }
  }
}

} // namespace scaffold
} // namespace bk
