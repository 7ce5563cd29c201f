//===- JSONSchema.cpp - API IR schemas -> JSON Schema ---------------------===//

#include "bk/Scaffold/JSONSchema.h"

#include "bk/Scaffold/Names.h"
#include "bk/Scaffold/TypeScript.h"
#include "bk/Scaffold/Zod.h"

#include "UsedComponents.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace bk::api;

namespace bk {
namespace scaffold {

JSONSchemaEmitter::JSONSchemaEmitter(const TypeScriptEmitter &TS) : TS(TS) {
  Used.resize(TS.getAPI().Schemas.size());
}

std::string JSONSchemaEmitter::schema(const SchemaNode &S, bool WithDefaults) {
  std::string R;
  raw_string_ostream OS(R);
  emit(S, WithDefaults, OS);
  return R;
}

void JSONSchemaEmitter::emitComponents(raw_ostream &OS) {
  const API &A = TS.getAPI();
  std::vector<bool> Done;
  std::vector<std::string> Bodies = emitUsedComponents(
      A.Schemas.size(), Done, [&](size_t I) { return Used[I]; },
      [&](size_t I) { return schema(A.Schemas[I].Schema); });
  OS << "[";
  bool First = true;
  for (unsigned I = 0; I < A.Schemas.size(); ++I) {
    if (!Done[I])
      continue;
    OS << (First ? "\n  " : ",\n  ");
    First = false;
    // {"$id": "Name", ...the schema's own keywords}
    StringRef Body = Bodies[I];
    OS << "{\"$id\":" << quoteString(TS.getTypeName(I, Shape::Request));
    if (Body != "{}")
      OS << "," << Body.drop_front();
    else
      OS << "}";
  }
  OS << (First ? "]" : "\n]");
}

namespace {
/// Writes the members of one JSON object.
class ObjectWriter {
public:
  explicit ObjectWriter(raw_ostream &OS) : OS(OS) { OS << "{"; }
  ~ObjectWriter() { OS << "}"; }
  raw_ostream &key(StringRef K) {
    OS << (First ? "" : ",") << quoteString(K) << ":";
    First = false;
    return OS;
  }

private:
  raw_ostream &OS;
  bool First = true;
};
} // namespace

void JSONSchemaEmitter::emit(const SchemaNode &S, bool WithDefaults,
                             raw_ostream &OS) {
  const API &A = TS.getAPI();
  ObjectWriter W(OS);
  if (S.isRef()) {
    if (S.RefIndex < A.Schemas.size()) {
      Used[S.RefIndex] = true;
      W.key("$ref") << quoteString(TS.getTypeName(S.RefIndex, Shape::Request));
      // A parameter's default may come from the component it refers to.
      const SchemaNode &Target = A.Schemas[S.RefIndex].Schema;
      if (WithDefaults && (S.Default || Target.Default))
        W.key("default") << (S.Default ? *S.Default : *Target.Default);
    }
    // 2020-12 applies keywords beside $ref too: write them as well.
    if (!hasSiblingConstraints(S))
      return;
  }
  std::vector<JSONType> Types = S.Types.types();
  if (Types.size() == 1)
    W.key("type") << quoteString(jsonTypeName(Types.front()));
  else if (!Types.empty()) {
    raw_ostream &T = W.key("type");
    T << "[";
    for (size_t I = 0; I < Types.size(); ++I)
      T << (I ? "," : "") << quoteString(jsonTypeName(Types[I]));
    T << "]";
  }
  if (!S.Format.empty())
    W.key("format") << quoteString(S.Format);
  if (!S.Enum.empty())
    W.key("enum") << "[" << join(S.Enum, ",") << "]";
  if (S.Const)
    W.key("const") << *S.Const;
  if (WithDefaults && S.Default && !S.isRef())
    W.key("default") << *S.Default;

  if (S.MinLength)
    W.key("minLength") << *S.MinLength;
  if (S.MaxLength)
    W.key("maxLength") << *S.MaxLength;
  if (!S.Pattern.empty())
    W.key("pattern") << quoteString(S.Pattern);

  if (S.Minimum)
    W.key("minimum") << S.Minimum->Text;
  if (S.Maximum)
    W.key("maximum") << S.Maximum->Text;
  if (S.ExclusiveMinimum)
    W.key("exclusiveMinimum") << S.ExclusiveMinimum->Text;
  if (S.ExclusiveMaximum)
    W.key("exclusiveMaximum") << S.ExclusiveMaximum->Text;
  if (S.MultipleOf)
    W.key("multipleOf") << S.MultipleOf->Text;

  if (!S.Properties.empty()) {
    raw_ostream &P = W.key("properties");
    P << "{";
    for (size_t I = 0; I < S.Properties.size(); ++I) {
      const Property &Prop = S.Properties[I];
      P << (I ? "," : "") << quoteString(Prop.Name) << ":";
      if (Prop.Schema)
        emit(*Prop.Schema, WithDefaults, P);
      else
        P << "{}";
    }
    P << "}";
  }
  // Required readOnly properties are required in responses only.
  std::vector<std::string> Required;
  for (const std::string &Name : S.getRequiredNames()) {
    const Property *P = S.findProperty(Name);
    if (!(P && P->Schema && P->Schema->ReadOnly))
      Required.push_back(quoteString(Name));
  }
  if (!Required.empty())
    W.key("required") << "[" << join(Required, ",") << "]";
  switch (S.Additional) {
  case AdditionalKind::Forbidden:
    W.key("additionalProperties") << "false";
    break;
  case AdditionalKind::Schema:
    if (S.AdditionalProperties)
      emit(*S.AdditionalProperties, WithDefaults,
           W.key("additionalProperties"));
    break;
  case AdditionalKind::Allowed:
  case AdditionalKind::Unspecified:
    break;
  }
  if (S.MinProperties)
    W.key("minProperties") << *S.MinProperties;
  if (S.MaxProperties)
    W.key("maxProperties") << *S.MaxProperties;

  if (!S.PrefixItems.empty()) {
    raw_ostream &P = W.key("prefixItems");
    P << "[";
    for (size_t I = 0; I < S.PrefixItems.size(); ++I) {
      P << (I ? "," : "");
      emit(*S.PrefixItems[I], WithDefaults, P);
    }
    P << "]";
  }
  if (S.Items)
    emit(*S.Items, WithDefaults, W.key("items"));
  if (S.MinItems)
    W.key("minItems") << *S.MinItems;
  if (S.MaxItems)
    W.key("maxItems") << *S.MaxItems;
  if (S.UniqueItems)
    W.key("uniqueItems") << "true";

  auto List = [&](StringRef Key,
                  const std::vector<std::unique_ptr<SchemaNode>> &Vs) {
    if (Vs.empty())
      return;
    raw_ostream &L = W.key(Key);
    L << "[";
    for (size_t I = 0; I < Vs.size(); ++I) {
      L << (I ? "," : "");
      emit(*Vs[I], WithDefaults, L);
    }
    L << "]";
  };
  List("allOf", S.AllOf);
  List("oneOf", S.OneOf);
  List("anyOf", S.AnyOf);
  if (S.Not)
    emit(*S.Not, WithDefaults, W.key("not"));
}

} // namespace scaffold
} // namespace bk
