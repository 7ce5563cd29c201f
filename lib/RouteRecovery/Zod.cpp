//===- Zod.cpp - zod schemas as JSON Schema -------------------------------===//
//
// A zod schema is a chain: a base (`z.string()`, `z.object({...})`, a name
// bound to another schema) and modifiers (`.min(1)`, `.optional()`,
// `.extend({...})`). The base becomes a SchemaNode and each modifier
// changes it the way zod's own JSON Schema export (and zod-to-openapi) do.
// A top-level named schema becomes a component; modifiers that only wrap
// it (`.optional()`, `.nullable()`, `.describe()`, `.default()`) keep the
// reference, those that reshape it (`.partial()`, `.extend()`, `.pick()`)
// copy it inline. Refinements and transforms have no JSON Schema form and
// are left out.
//
//===----------------------------------------------------------------------===//

#include "RecoveryInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace bk {
namespace routes {

using api::JSONType;
using api::SchemaNode;
using js::Node;
/// llvm::Optional, where a parameter called Optional hides it.
template <typename T> using Optional_ = llvm::Optional<T>;

namespace {

constexpr unsigned MaxDepth = 48;
/// The most schema nodes one recovery converts (ZodConverter::budget).
constexpr unsigned MaxWork = 50000;

struct Modifier {
  StringRef Name;
  const Node *Call;
};

/// Splits N into its base and its modifiers (innermost first). The base is
/// the call on the zod namespace (`z.string()`, `z.coerce.number()`) or
/// whatever the chain starts from (a name).
const Node *splitChain(const Node *N, std::vector<Modifier> &Mods,
                       const Program &P, const js::Module &M) {
  while (N && N->Kind == Node::Call && N->Callee &&
         N->Callee->Kind == Node::Member && !N->Callee->Computed) {
    const Node *Obj = N->Callee->Callee;
    // z.kind(...) or z.coerce.kind(...) or R.kind(...): the base.
    if (P.isPackageImport(M, Obj, "zod") || isScaffoldRuntime(P, M, Obj) ||
        (Obj && Obj->Kind == Node::Member && Obj->Text == "coerce" &&
         P.isPackageImport(M, Obj->Callee, "zod")))
      break;
    Mods.push_back({N->Callee->Text, N});
    N = Obj;
  }
  std::reverse(Mods.begin(), Mods.end());
  return N;
}

Optional<api::JSONNumber> number(const Node *N) {
  if (!N)
    return None;
  if (N->Kind == Node::Await && N->Text == "-" && !N->Elements.empty())
    if (Optional<api::JSONNumber> V = number(N->Elements[0]))
      return api::JSONNumber::parse("-" + V->Text);
  if (N->Kind != Node::Number)
    return None;
  std::string T = N->Text;
  T.erase(std::remove(T.begin(), T.end(), '_'), T.end());
  return api::JSONNumber::parse(T);
}

/// A literal as JSON text, or None.
Optional<std::string> literalJSON(const Node *N) {
  if (!N)
    return None;
  if (N->Kind == Node::String) {
    std::string Out;
    raw_string_ostream OS(Out);
    OS << json::Value(N->Text);
    return OS.str();
  }
  if (Optional<api::JSONNumber> V = number(N))
    return V->Text;
  if (N->Kind == Node::Identifier &&
      (N->Text == "true" || N->Text == "false" || N->Text == "null"))
    return N->Text;
  return None;
}

const Node *arg(const Modifier &Mod, size_t I) {
  return I < Mod.Call->Args.size() ? Mod.Call->Args[I] : nullptr;
}

/// A count (length, items, properties) as a non-negative integer that
/// fits; None for anything else (a bound so large is no bound).
Optional<uint64_t> countOf(const Optional<api::JSONNumber> &N) {
  if (!N || !(N->Value >= 0) || N->Value >= 9.0e18)
    return None;
  return static_cast<uint64_t>(N->Value);
}

/// Adds Q to S's properties; a name given twice keeps the last (as an
/// object literal does).
void addProperty(SchemaNode &S, api::Property Q) {
  for (api::Property &X : S.Properties)
    if (X.Name == Q.Name) {
      X = std::move(Q);
      return;
    }
  S.Properties.push_back(std::move(Q));
}

std::unique_ptr<SchemaNode> typed(JSONType T) {
  auto S = std::make_unique<SchemaNode>();
  S->Types.add(T);
  return S;
}

/// Deep copy of a schema (for modifiers that reshape a component).
std::unique_ptr<SchemaNode> clone(const SchemaNode &S) {
  auto C = std::make_unique<SchemaNode>();
  C->Location = S.Location;
  C->Ref = S.Ref;
  C->Types = S.Types;
  C->Format = S.Format;
  C->Title = S.Title;
  C->Description = S.Description;
  C->Enum = S.Enum;
  C->Const = S.Const;
  C->Default = S.Default;
  C->Example = S.Example;
  for (const api::Property &Pr : S.Properties) {
    api::Property Q;
    Q.Name = Pr.Name;
    Q.Required = Pr.Required;
    if (Pr.Schema)
      Q.Schema = clone(*Pr.Schema);
    C->Properties.push_back(std::move(Q));
  }
  C->ExtraRequired = S.ExtraRequired;
  C->Additional = S.Additional;
  if (S.AdditionalProperties)
    C->AdditionalProperties = clone(*S.AdditionalProperties);
  C->MinProperties = S.MinProperties;
  C->MaxProperties = S.MaxProperties;
  if (S.Items)
    C->Items = clone(*S.Items);
  for (const auto &X : S.PrefixItems)
    C->PrefixItems.push_back(clone(*X));
  C->MinItems = S.MinItems;
  C->MaxItems = S.MaxItems;
  C->UniqueItems = S.UniqueItems;
  C->MinLength = S.MinLength;
  C->MaxLength = S.MaxLength;
  C->Pattern = S.Pattern;
  C->Minimum = S.Minimum;
  C->Maximum = S.Maximum;
  C->ExclusiveMinimum = S.ExclusiveMinimum;
  C->ExclusiveMaximum = S.ExclusiveMaximum;
  C->MultipleOf = S.MultipleOf;
  for (const auto &X : S.AllOf)
    C->AllOf.push_back(clone(*X));
  for (const auto &X : S.OneOf)
    C->OneOf.push_back(clone(*X));
  for (const auto &X : S.AnyOf)
    C->AnyOf.push_back(clone(*X));
  if (S.Not)
    C->Not = clone(*S.Not);
  C->ReadOnly = S.ReadOnly;
  C->WriteOnly = S.WriteOnly;
  C->Deprecated = S.Deprecated;
  return C;
}

/// Modifiers that keep a reference to a component (wrap, not reshape).
bool wraps(StringRef Name) {
  return StringSwitch<bool>(Name)
      .Cases("optional", "nullable", "nullish", "describe", "default", true)
      .Cases("array", "refine", "superRefine", "transform", "brand", true)
      .Cases("readonly", "catch", "pipe", "openapi", true)
      .Default(false);
}

} // namespace

bool ZodConverter::isZod(const Value &V) const { return isZodAt(V, 0); }

bool ZodConverter::isZodAt(const Value &V, unsigned Depth) const {
  if (!V.N || !V.M || Depth > MaxDepth)
    return false;
  std::vector<Modifier> Mods;
  const Node *Base = splitChain(V.N, Mods, P, *V.M);
  if (!Base)
    return false;
  if (Base->Kind == Node::Call && Base->Callee &&
      Base->Callee->Kind == Node::Member)
    return true; // z.kind(...) (splitChain stopped there)
  if (Base->Kind == Node::Member && P.isPackageImport(*V.M, Base, "zod"))
    return true;
  if (Base->Kind == Node::Identifier || Base->Kind == Node::Member) {
    Value R = P.resolve(*V.M, Base);
    if (R.N && R.N != Base)
      return isZodAt(R, Depth + 1); // names may form cycles
  }
  return false;
}

std::unique_ptr<SchemaNode> ZodConverter::convert(const Value &V,
                                                  bool &Optional, bool Inline) {
  Optional = false;
  return convertAt(V, Optional, Inline, 0);
}

std::string ZodConverter::componentFor(const Value &NamedV, unsigned Depth) {
  std::string Key = NamedV.M->Path + "#" + NamedV.Name;
  auto It = Named.find(Key);
  if (It != Named.end())
    return It->second;
  std::string Name = NamedV.Name;
  StringRef Stem = Name;
  if (Stem.endswith("Schema") && Stem.size() > 6)
    Name = Stem.drop_back(6).str();
  if (!Name.empty() && islower(static_cast<unsigned char>(Name[0])))
    Name[0] = static_cast<char>(toupper(static_cast<unsigned char>(Name[0])));
  // Another binding with the same name elsewhere: number it.
  std::string Unique = Name;
  for (unsigned K = 2;
       any_of(Named, [&](const auto &E) { return E.second == Unique; }); ++K)
    Unique = Name + std::to_string(K);
  Named[Key] = Unique;
  // Reserve the slot first: recursive schemas refer to themselves.
  Components.push_back(api::NamedSchema());
  size_t Slot = Components.size() - 1;
  Components[Slot].Name = Unique;
  bool Opt = false;
  std::unique_ptr<SchemaNode> S =
      convertAt(NamedV, Opt, /*Inline=*/true, Depth + 1);
  Components[Slot].Schema = std::move(*S);
  Components[Slot].Schema.Location = P.loc(*NamedV.M, NamedV.N->Offset);
  return Unique;
}

std::unique_ptr<SchemaNode> ZodConverter::convertAt(const Value &V,
                                                    bool &Optional, bool Inline,
                                                    unsigned Depth) {
  if (!V.N || Depth > MaxDepth || !budget(V))
    return std::make_unique<SchemaNode>();
  const js::Module &M = *V.M;
  std::vector<Modifier> Mods;
  const Node *BaseN = splitChain(V.N, Mods, P, M);

  std::unique_ptr<SchemaNode> S;
  bool Reshapes =
      any_of(Mods, [](const Modifier &X) { return !wraps(X.Name); });
  // A name: a component reference, or its schema copied.
  if (BaseN &&
      (BaseN->Kind == Node::Identifier ||
       (BaseN->Kind == Node::Member && !P.isPackageImport(M, BaseN, "zod")))) {
    Value R = P.resolve(M, BaseN);
    if (R.N && R.N != BaseN && R.N->Kind == Node::Object && Mods.empty()) {
      S = literal(R, Depth + 1);
    } else if (!R.N || R.N == BaseN || !isZod(R)) {
      P.warning(M, BaseN->Offset,
                "cannot tell which zod schema '" +
                    (BaseN->Kind == Node::Identifier ? BaseN->Text
                                                     : std::string("…")) +
                    "' is; its schema is left open");
      S = std::make_unique<SchemaNode>();
    } else if (!R.Name.empty() && !(Inline && Mods.empty()) && !Reshapes) {
      S = std::make_unique<SchemaNode>();
      S->Ref = componentFor(R, Depth);
    } else {
      bool Opt = false;
      S = convertAt(R, Opt, /*Inline=*/true, Depth + 1);
      Optional |= Opt;
    }
  } else if (BaseN && BaseN->Kind == Node::Object && Mods.empty()) {
    S = literal(Value{&M, BaseN, ""}, Depth);
  } else {
    S = base(Value{&M, BaseN, ""}, Optional, Inline, Depth);
  }
  if (!S)
    S = std::make_unique<SchemaNode>();

  bool IsString = S->Types.has(JSONType::String);
  bool IsArray = S->Types.has(JSONType::Array);
  bool IsNumber =
      S->Types.has(JSONType::Number) || S->Types.has(JSONType::Integer);
  for (const Modifier &Mod : Mods) {
    StringRef Name = Mod.Name;
    const Node *A0 = arg(Mod, 0);
    if (Name == "optional") {
      Optional = true;
    } else if (Name == "nullable") {
      if (S->isRef()) {
        auto W = std::make_unique<SchemaNode>();
        W->AnyOf.push_back(std::move(S));
        W->AnyOf.push_back(typed(JSONType::Null));
        S = std::move(W);
      } else {
        S->Types.add(JSONType::Null);
      }
    } else if (Name == "nullish") {
      Optional = true;
      S->Types.add(JSONType::Null);
    } else if (Name == "default") {
      Optional = true;
      if (Optional_<std::string> J = literalJSON(A0))
        S->Default = *J;
    } else if (Name == "describe") {
      if (A0 && A0->Kind == Node::String)
        S->Description = A0->Text;
    } else if (Name == "array") {
      auto W = typed(JSONType::Array);
      W->Items = std::move(S);
      S = std::move(W);
      IsArray = true;
      IsString = IsNumber = false;
    } else if (Name == "min" || Name == "max" || Name == "length" ||
               Name == "nonempty") {
      Optional_<api::JSONNumber> Num =
          Name == "nonempty" ? Optional_<api::JSONNumber>(api::JSONNumber(1.0))
                             : number(A0);
      if (!Num)
        continue;
      uint64_t C = Num->Value < 0 ? 0 : countOf(Num).getValueOr(UINT64_MAX);
      bool Lo = Name != "max", Hi = Name == "max" || Name == "length";
      if (IsString) {
        if (Lo)
          S->MinLength = C;
        if (Hi)
          S->MaxLength = C;
      } else if (IsArray) {
        if (Lo)
          S->MinItems = C;
        if (Hi)
          S->MaxItems = C;
      } else if (IsNumber) {
        if (Name == "min")
          S->Minimum = *Num;
        else if (Name == "max")
          S->Maximum = *Num;
      }
    } else if (Name == "gte") {
      if (auto Num = number(A0))
        S->Minimum = *Num;
    } else if (Name == "lte") {
      if (auto Num = number(A0))
        S->Maximum = *Num;
    } else if (Name == "gt") {
      if (auto Num = number(A0))
        S->ExclusiveMinimum = *Num;
    } else if (Name == "lt") {
      if (auto Num = number(A0))
        S->ExclusiveMaximum = *Num;
    } else if (Name == "positive") {
      S->ExclusiveMinimum = api::JSONNumber(0.0);
    } else if (Name == "nonnegative") {
      S->Minimum = api::JSONNumber(0.0);
    } else if (Name == "negative") {
      S->ExclusiveMaximum = api::JSONNumber(0.0);
    } else if (Name == "nonpositive") {
      S->Maximum = api::JSONNumber(0.0);
    } else if (Name == "int") {
      S->Types = api::TypeSet(JSONType::Integer);
    } else if (Name == "multipleOf" || Name == "step") {
      if (auto Num = number(A0))
        S->MultipleOf = *Num;
    } else if (Name == "email" || Name == "uuid" || Name == "url" ||
               Name == "datetime" || Name == "date" || Name == "time" ||
               Name == "ipv4" || Name == "ipv6" || Name == "ip" ||
               Name == "duration" || Name == "base64") {
      S->Format = StringSwitch<std::string>(Name)
                      .Case("url", "uri")
                      .Case("datetime", "date-time")
                      .Case("ip", "ipv4")
                      .Case("base64", "byte")
                      .Default(Name.str());
    } else if (Name == "regex") {
      if (A0 && A0->Kind == Node::Other &&
          StringRef(A0->Text).startswith("/")) {
        StringRef R = A0->Text;
        S->Pattern = R.slice(1, R.rfind('/')).str();
      }
    } else if (Name == "startsWith") {
      if (A0 && A0->Kind == Node::String)
        S->Pattern = "^" + A0->Text; // literal prefix (not escaped)
    } else if (Name == "strict") {
      S->Additional = api::AdditionalKind::Forbidden;
    } else if (Name == "passthrough") {
      S->Additional = api::AdditionalKind::Allowed;
    } else if (Name == "catchall" && A0) {
      bool Opt = false;
      S->Additional = api::AdditionalKind::Schema;
      S->AdditionalProperties =
          convertAt(Value{&M, A0, ""}, Opt, false, Depth + 1);
    } else if (Name == "partial" || Name == "deepPartial") {
      for (api::Property &Pr : S->Properties)
        Pr.Required = false;
    } else if (Name == "required") {
      for (api::Property &Pr : S->Properties)
        Pr.Required = true;
    } else if ((Name == "extend" || Name == "merge" || Name == "and") && A0) {
      // extend({...}) adds properties; merge(Other) adds Other's.
      std::unique_ptr<SchemaNode> More;
      bool Opt = false;
      if (Name == "extend" && A0->Kind == Node::Object) {
        More = typed(JSONType::Object);
        for (const auto &Pr : A0->Props) {
          bool POpt = false;
          api::Property Q;
          Q.Name = Pr.first;
          Q.Schema =
              convertAt(Value{&M, Pr.second, ""}, POpt, false, Depth + 1);
          Q.Required = !POpt;
          addProperty(*More, std::move(Q));
        }
      } else {
        More = convertAt(Value{&M, A0, ""}, Opt, true, Depth + 1);
        if (More->isRef())
          if (const api::NamedSchema *NS = [&]() -> const api::NamedSchema * {
                StringRef RefName = More->Ref;
                for (const api::NamedSchema &C : Components)
                  if (C.Name == RefName)
                    return &C;
                return nullptr;
              }())
            More = clone(NS->Schema);
      }
      for (api::Property &Pr : More->Properties) {
        auto Existing = find_if(S->Properties, [&](const api::Property &X) {
          return X.Name == Pr.Name;
        });
        if (Existing != S->Properties.end())
          *Existing = std::move(Pr);
        else
          S->Properties.push_back(std::move(Pr));
      }
    } else if ((Name == "pick" || Name == "omit") && A0 &&
               A0->Kind == Node::Object) {
      std::vector<std::string> Keys;
      for (const auto &Pr : A0->Props)
        Keys.push_back(Pr.first);
      bool Pick = Name == "pick";
      erase_if(S->Properties, [&](const api::Property &Pr) {
        return is_contained(Keys, Pr.Name) != Pick;
      });
    } else if (Name == "or" && A0) {
      bool Opt = false;
      auto W = std::make_unique<SchemaNode>();
      W->AnyOf.push_back(std::move(S));
      W->AnyOf.push_back(convertAt(Value{&M, A0, ""}, Opt, false, Depth + 1));
      S = std::move(W);
    } else if (Name == "trim" || Name == "toLowerCase" ||
               Name == "toUpperCase" || Name == "refine" ||
               Name == "superRefine" || Name == "transform" ||
               Name == "brand" || Name == "readonly" || Name == "catch" ||
               Name == "pipe" || Name == "finite" || Name == "safe" ||
               Name == "openapi" || Name == "strip") {
      // No JSON Schema form (or no effect on the accepted JSON).
    } else {
      P.warning(M, Mod.Call->Offset,
                "zod method '" + Name + "' is not understood; ignored");
    }
    if (S->isRef() && !wraps(Name))
      break;
  }
  if (S->Location.isValid() == false && V.N)
    S->Location = P.loc(M, V.N->Offset);
  return S;
}

std::unique_ptr<SchemaNode> ZodConverter::base(const Value &V, bool &Optional,
                                               bool Inline, unsigned Depth) {
  const js::Module &M = *V.M;
  const Node *N = V.N;
  if (!N)
    return std::make_unique<SchemaNode>();
  if (N->Kind != Node::Call || !N->Callee || N->Callee->Kind != Node::Member) {
    P.warning(M, N->Offset,
              "expression is not a zod schema the recovery "
              "understands; its schema is left open");
    return std::make_unique<SchemaNode>();
  }
  if (isScaffoldRuntime(P, M, N->Callee->Callee))
    return runtime(V, Depth);
  StringRef Kind = N->Callee->Text;
  auto Arg = [&](size_t I) -> const Node * {
    return I < N->Args.size() ? N->Args[I] : nullptr;
  };
  auto Sub = [&](const Node *X, bool &Opt) {
    return convertAt(Value{&M, X, ""}, Opt, false, Depth + 1);
  };
  if (Kind == "string")
    return typed(JSONType::String);
  if (Kind == "number")
    return typed(JSONType::Number);
  if (Kind == "bigint") {
    auto S = typed(JSONType::Integer);
    S->Format = "int64";
    return S;
  }
  if (Kind == "boolean")
    return typed(JSONType::Boolean);
  if (Kind == "date") {
    auto S = typed(JSONType::String);
    S->Format = "date-time";
    return S;
  }
  if (Kind == "null")
    return typed(JSONType::Null);
  if (Kind == "any" || Kind == "unknown")
    return std::make_unique<SchemaNode>();
  if (Kind == "email" || Kind == "uuid" || Kind == "url") {
    auto S = typed(JSONType::String); // zod 4 top-level formats
    S->Format = Kind == "url" ? "uri" : Kind.str();
    return S;
  }
  if (Kind == "literal") {
    auto S = std::make_unique<SchemaNode>();
    if (Optional_<std::string> J = literalJSON(Arg(0)))
      S->Const = *J;
    return S;
  }
  if (Kind == "enum") {
    auto S = typed(JSONType::String);
    if (const Node *A = Arg(0)) {
      Value R = P.resolve(M, A);
      if (R.N && R.N->Kind == Node::Array) {
        for (const Node *E : R.N->Elements)
          if (Optional_<std::string> J = literalJSON(E))
            S->Enum.push_back(*J);
      } else {
        P.warning(M, A->Offset,
                  "values of z.enum(...) are not a literal array; the "
                  "schema allows any string");
      }
    }
    return S;
  }
  if (Kind == "object" || Kind == "strictObject" || Kind == "looseObject") {
    auto S = typed(JSONType::Object);
    if (Kind == "strictObject")
      S->Additional = api::AdditionalKind::Forbidden;
    Value R = P.resolve(M, Arg(0));
    if (R.N && R.N->Kind == Node::Object) {
      for (const auto &Pr : R.N->Props) {
        if (Pr.first == "...") {
          P.warning(*R.M, Pr.second->Offset,
                    "spread in a zod object shape is not followed; its "
                    "properties are missing");
          continue;
        }
        bool POpt = false;
        api::Property Q;
        Q.Name = Pr.first;
        Q.Schema = convertAt(Value{R.M, Pr.second, ""}, POpt, false, Depth + 1);
        Q.Required = !POpt;
        Q.Location = P.loc(*R.M, Pr.second->Offset);
        addProperty(*S, std::move(Q));
      }
    }
    return S;
  }
  if (Kind == "array" || Kind == "set") {
    auto S = typed(JSONType::Array);
    bool Opt = false;
    if (Arg(0))
      S->Items = Sub(Arg(0), Opt);
    S->UniqueItems = Kind == "set";
    return S;
  }
  if (Kind == "tuple") {
    auto S = typed(JSONType::Array);
    if (Arg(0) && Arg(0)->Kind == Node::Array)
      for (const Node *E : Arg(0)->Elements) {
        bool Opt = false;
        S->PrefixItems.push_back(Sub(E, Opt));
      }
    S->MinItems = S->MaxItems = S->PrefixItems.size();
    return S;
  }
  if (Kind == "record" || Kind == "map") {
    auto S = typed(JSONType::Object);
    const Node *Val = N->Args.size() >= 2 ? Arg(1) : Arg(0);
    if (Val) {
      bool Opt = false;
      S->Additional = api::AdditionalKind::Schema;
      S->AdditionalProperties = Sub(Val, Opt);
    }
    return S;
  }
  if (Kind == "union" || Kind == "discriminatedUnion") {
    auto S = std::make_unique<SchemaNode>();
    const Node *List = Kind == "union" ? Arg(0) : Arg(1);
    if (List && List->Kind == Node::Array)
      for (const Node *E : List->Elements) {
        bool Opt = false;
        (Kind == "union" ? S->AnyOf : S->OneOf).push_back(Sub(E, Opt));
      }
    if (Kind == "discriminatedUnion" && Arg(0) &&
        Arg(0)->Kind == Node::String) {
      api::Discriminator D;
      D.PropertyName = Arg(0)->Text;
      S->Disc = D;
    }
    return S;
  }
  if (Kind == "intersection") {
    auto S = std::make_unique<SchemaNode>();
    for (size_t I = 0; I < 2 && Arg(I); ++I) {
      bool Opt = false;
      S->AllOf.push_back(Sub(Arg(I), Opt));
    }
    return S;
  }
  if (Kind == "optional" || Kind == "nullable") {
    bool Opt = false;
    auto S = Sub(Arg(0), Opt);
    if (Kind == "optional")
      Optional = true;
    else
      S->Types.add(JSONType::Null);
    return S;
  }
  if (Kind == "lazy") {
    // z.lazy(() => X)
    const Node *F = Arg(0);
    if (F && F->Fn && !F->Fn->Body.empty()) {
      for (const Node *St : F->Fn->Body)
        if (St->Kind == Node::Return && !St->Elements.empty())
          return convertAt(Value{&M, St->Elements[0], ""}, Optional, Inline,
                           Depth + 1);
    }
    return std::make_unique<SchemaNode>();
  }
  if (Kind == "preprocess" || Kind == "pipeline") {
    bool Opt = false;
    return Sub(Kind == "preprocess" ? Arg(1) : Arg(0), Opt);
  }
  if (Kind == "nativeEnum") {
    P.warning(M, N->Offset,
              "z.nativeEnum: the enum's values are not read; the schema "
              "allows any string or number");
    return std::make_unique<SchemaNode>();
  }
  if (Kind == "int" || Kind == "int32") {
    auto S = typed(JSONType::Integer);
    if (Kind == "int32")
      S->Format = "int32";
    return S;
  }
  P.warning(M, N->Offset,
            "zod schema 'z." + Kind +
                "' is not understood; its schema is "
                "left open");
  return std::make_unique<SchemaNode>();
}

bool isScaffoldRuntime(const Program &P, const js::Module &M, const Node *N) {
  if (!N || N->Kind != Node::Identifier)
    return false;
  const js::Import *I = M.findImport(N->Text);
  if (!I || I->Imported != "*")
    return false;
  const js::Module *To = P.resolveImport(M, I->Module);
  if (!To)
    return false;
  auto Exports = [&](StringRef Name) {
    return any_of(To->Exports, [&](const auto &E) { return E.first == Name; });
  };
  return Exports("obj") && Exports("str") && Exports("num");
}

std::unique_ptr<SchemaNode> ZodConverter::runtime(const Value &V,
                                                  unsigned Depth) {
  const js::Module &M = *V.M;
  const Node *N = V.N;
  StringRef Kind = N->Callee->Text;
  auto Arg = [&](size_t I) -> const Node * {
    return I < N->Args.size() ? N->Args[I] : nullptr;
  };
  auto Sub = [&](const Node *X) {
    bool Opt = false;
    return convertAt(Value{&M, X, ""}, Opt, false, Depth + 1);
  };
  auto List = [&](std::vector<std::unique_ptr<SchemaNode>> &Out) {
    if (const Node *A = Arg(0))
      if (A->Kind == Node::Array)
        for (const Node *E : A->Elements)
          Out.push_back(Sub(E));
  };
  auto Options = [&](size_t I) -> const Node * {
    const Node *O = Arg(I);
    return O && O->Kind == Node::Object ? O : nullptr;
  };
  auto NumOpt = [&](const Node *O, StringRef Key) {
    return O ? number(O->prop(Key)) : None;
  };
  auto CountOpt = [&](const Node *O, StringRef Key) -> Optional_<uint64_t> {
    return countOf(NumOpt(O, Key));
  };
  auto StrOpt = [&](const Node *O, StringRef Key) -> std::string {
    const Node *X = O ? O->prop(Key) : nullptr;
    return X && X->Kind == Node::String ? X->Text : std::string();
  };
  if (Kind == "str") {
    auto S = typed(JSONType::String);
    const Node *O = Options(0);
    S->MinLength = CountOpt(O, "minLength");
    S->MaxLength = CountOpt(O, "maxLength");
    S->Pattern = StrOpt(O, "pattern");
    S->Format = StrOpt(O, "format");
    return S;
  }
  if (Kind == "num") {
    const Node *O = Options(0);
    const Node *Int = O ? O->prop("integer") : nullptr;
    auto S = typed(Int && Int->isIdentifier("true") ? JSONType::Integer
                                                    : JSONType::Number);
    S->Minimum = NumOpt(O, "minimum");
    S->Maximum = NumOpt(O, "maximum");
    S->ExclusiveMinimum = NumOpt(O, "exclusiveMinimum");
    S->ExclusiveMaximum = NumOpt(O, "exclusiveMaximum");
    S->MultipleOf = NumOpt(O, "multipleOf");
    S->Format = StrOpt(O, "format");
    return S;
  }
  if (Kind == "arr") {
    auto S = typed(JSONType::Array);
    if (Arg(0) && !Arg(0)->isIdentifier("undefined"))
      S->Items = Sub(Arg(0));
    const Node *O = Options(1);
    S->MinItems = CountOpt(O, "minItems");
    S->MaxItems = CountOpt(O, "maxItems");
    const Node *U = O ? O->prop("uniqueItems") : nullptr;
    S->UniqueItems = U && U->isIdentifier("true");
    if (const Node *PI = O ? O->prop("prefixItems") : nullptr)
      if (PI->Kind == Node::Array)
        for (const Node *E : PI->Elements)
          S->PrefixItems.push_back(Sub(E));
    return S;
  }
  if (Kind == "obj") {
    auto S = typed(JSONType::Object);
    std::vector<std::string> Required;
    if (const Node *R = Arg(1))
      if (R->Kind == Node::Array)
        for (const Node *E : R->Elements)
          if (E->Kind == Node::String)
            Required.push_back(E->Text);
    if (const Node *Props = Arg(0))
      if (Props->Kind == Node::Object)
        for (const auto &Pr : Props->Props) {
          api::Property Q;
          Q.Name = Pr.first;
          Q.Schema = Sub(Pr.second);
          Q.Required = is_contained(Required, Pr.first);
          addProperty(*S, std::move(Q));
        }
    for (const std::string &R : Required)
      if (!S->findProperty(R))
        S->ExtraRequired.push_back(R);
    if (const Node *Add = Arg(2)) {
      if (Add->isIdentifier("false")) {
        S->Additional = api::AdditionalKind::Forbidden;
      } else if (!Add->isIdentifier("true")) {
        S->Additional = api::AdditionalKind::Schema;
        S->AdditionalProperties = Sub(Add);
      }
    }
    const Node *O = Options(3);
    S->MinProperties = CountOpt(O, "minProperties");
    S->MaxProperties = CountOpt(O, "maxProperties");
    return S;
  }
  if (Kind == "lit" || Kind == "jsonEnum") {
    auto S = std::make_unique<SchemaNode>();
    std::vector<std::string> Values;
    if (const Node *A = Arg(0))
      if (A->Kind == Node::Array)
        for (const Node *E : A->Elements)
          if (Optional_<std::string> J = literalJSON(E))
            Values.push_back(*J);
    if (Values.size() == 1)
      S->Const = Values.front();
    else
      S->Enum = std::move(Values);
    return S;
  }
  if (Kind == "allOf" || Kind == "anyOf" || Kind == "oneOf") {
    auto S = std::make_unique<SchemaNode>();
    List(Kind == "allOf" ? S->AllOf : Kind == "anyOf" ? S->AnyOf : S->OneOf);
    return S;
  }
  if (Kind == "not") {
    auto S = std::make_unique<SchemaNode>();
    if (Arg(0))
      S->Not = Sub(Arg(0));
    return S;
  }
  if (Kind == "nullable") {
    std::unique_ptr<SchemaNode> S = Sub(Arg(0));
    if (S->isRef() || S->Types.empty()) {
      auto W = std::make_unique<SchemaNode>();
      W->AnyOf.push_back(std::move(S));
      W->AnyOf.push_back(typed(JSONType::Null));
      return W;
    }
    S->Types.add(JSONType::Null);
    return S;
  }
  if (Kind == "withDefault") {
    std::unique_ptr<SchemaNode> S = Sub(Arg(0));
    if (Optional_<std::string> J = literalJSON(Arg(1)))
      S->Default = *J;
    return S;
  }
  if (Kind == "coerceNum" || Kind == "coerceBool" || Kind == "coerceArr" ||
      Kind == "coerceNull")
    return Sub(Arg(0));
  if (Kind == "ifType") {
    // "If the value is of this kind, then X": X's keywords, not its type.
    std::unique_ptr<SchemaNode> S = Sub(Arg(1));
    S->Types = api::TypeSet();
    return S;
  }
  P.warning(M, N->Offset,
            "generated validation helper '" + Kind +
                "' is not understood; its schema is left open");
  return std::make_unique<SchemaNode>();
}

std::string ZodConverter::literalComponent(const js::Module &M, StringRef Ref,
                                           size_t Offset, unsigned Depth) {
  StringRef Name = Ref;
  if (Name.startswith("#/components/schemas/"))
    Name = Name.drop_front(strlen("#/components/schemas/"));
  Name = Name.rtrim('#'); // Fastify: 'Item#'
  std::string Key = "$id#" + Name.str();
  auto It = Named.find(Key);
  if (It != Named.end())
    return It->second;
  // The literal with this $id, in this module first.
  Value Found;
  auto Search = [&](const js::Module &X) {
    for (const Node *St : X.Statements)
      forEachNode(St, [&](const Node *N) {
        if (Found.N || N->Kind != Node::Object)
          return;
        const Node *Id = N->prop("$id");
        if (Id && Id->Kind == Node::String && Id->Text == Name)
          Found = Value{&X, N, ""};
      });
  };
  Search(M);
  for (const auto &X : P.Modules)
    if (!Found.N)
      Search(*X);
  if (!Found.N) {
    // No reference to nothing: the schema is left open.
    Named[Key] = "";
    P.warning(M, Offset,
              "JSON Schema $ref '" + Ref +
                  "' names no schema bk-scaffold can find; left open");
    return "";
  }
  Named[Key] = Name.str();
  Components.push_back(api::NamedSchema());
  size_t Slot = Components.size() - 1;
  Components[Slot].Name = Name.str();
  std::unique_ptr<SchemaNode> S = literal(Found, Depth + 1);
  Components[Slot].Schema = std::move(*S);
  return Name.str();
}

bool ZodConverter::budget(const Value &V) {
  if (++Work <= MaxWork)
    return true;
  if (!OverBudget && V.N && V.M)
    P.warning(*V.M, V.N->Offset,
              "schemas nest too deeply and widely to convert them all; "
              "the rest are left open");
  OverBudget = true;
  return false;
}

std::unique_ptr<SchemaNode> ZodConverter::literal(const Value &V,
                                                  unsigned Depth) {
  auto S = std::make_unique<SchemaNode>();
  const Node *N = V.N;
  if (!N || Depth > MaxDepth || !budget(V))
    return S;
  if (N->Kind != Node::Object) {
    // `true` is the schema that allows anything.
    if (!N->isIdentifier("true"))
      P.warning(*V.M, N->Offset,
                "a JSON Schema here is not an object literal; left open");
    return S;
  }
  S->Location = P.loc(*V.M, N->Offset);
  auto Sub = [&](const Node *X) {
    Value R = P.resolve(*V.M, X);
    return literal(R.N ? R : Value{V.M, X, ""}, Depth + 1);
  };
  auto Count = [&](const Node *X) -> Optional_<uint64_t> {
    return countOf(number(X));
  };
  auto Str = [](const Node *X) {
    return X && X->Kind == Node::String ? X->Text : std::string();
  };
  std::vector<std::string> Required;
  if (const Node *R = N->prop("required"))
    if (R->Kind == Node::Array)
      for (const Node *E : R->Elements)
        if (E->Kind == Node::String)
          Required.push_back(E->Text);
  for (const auto &Pr : N->Props) {
    StringRef K = Pr.first;
    const Node *X = Pr.second;
    if (K == "$ref") {
      S->Ref = literalComponent(*V.M, Str(X), X->Offset, Depth);
    } else if (K == "type") {
      auto Add = [&](StringRef T) {
        if (Optional_<JSONType> J = api::parseJSONType(T))
          S->Types.add(*J);
      };
      if (X->Kind == Node::String)
        Add(X->Text);
      else if (X->Kind == Node::Array)
        for (const Node *E : X->Elements)
          if (E->Kind == Node::String)
            Add(E->Text);
    } else if (K == "nullable" && X->isIdentifier("true")) {
      S->Types.add(JSONType::Null);
    } else if (K == "format") {
      S->Format = Str(X);
    } else if (K == "pattern") {
      S->Pattern = Str(X);
    } else if (K == "description") {
      S->Description = Str(X);
    } else if (K == "title") {
      S->Title = Str(X);
    } else if (K == "enum" && X->Kind == Node::Array) {
      for (const Node *E : X->Elements)
        if (Optional_<std::string> J = literalJSON(E))
          S->Enum.push_back(*J);
    } else if (K == "const") {
      S->Const = literalJSON(X);
    } else if (K == "default") {
      S->Default = literalJSON(X);
    } else if (K == "minLength") {
      S->MinLength = Count(X);
    } else if (K == "maxLength") {
      S->MaxLength = Count(X);
    } else if (K == "minItems") {
      S->MinItems = Count(X);
    } else if (K == "maxItems") {
      S->MaxItems = Count(X);
    } else if (K == "minProperties") {
      S->MinProperties = Count(X);
    } else if (K == "maxProperties") {
      S->MaxProperties = Count(X);
    } else if (K == "uniqueItems") {
      S->UniqueItems = X->isIdentifier("true");
    } else if (K == "minimum") {
      S->Minimum = number(X);
    } else if (K == "maximum") {
      S->Maximum = number(X);
    } else if (K == "exclusiveMinimum") {
      S->ExclusiveMinimum = number(X);
    } else if (K == "exclusiveMaximum") {
      S->ExclusiveMaximum = number(X);
    } else if (K == "multipleOf") {
      S->MultipleOf = number(X);
    } else if (K == "readOnly") {
      S->ReadOnly = X->isIdentifier("true");
    } else if (K == "writeOnly") {
      S->WriteOnly = X->isIdentifier("true");
    } else if (K == "deprecated") {
      S->Deprecated = X->isIdentifier("true");
    } else if (K == "properties" && X->Kind == Node::Object) {
      for (const auto &PP : X->Props) {
        api::Property Q;
        Q.Name = PP.first;
        Q.Schema = Sub(PP.second);
        Q.Required = is_contained(Required, PP.first);
        addProperty(*S, std::move(Q));
      }
    } else if (K == "additionalProperties") {
      if (X->isIdentifier("false")) {
        S->Additional = api::AdditionalKind::Forbidden;
      } else if (X->isIdentifier("true")) {
        S->Additional = api::AdditionalKind::Allowed;
      } else {
        S->Additional = api::AdditionalKind::Schema;
        S->AdditionalProperties = Sub(X);
      }
    } else if (K == "items") {
      S->Items = Sub(X);
    } else if (K == "prefixItems" && X->Kind == Node::Array) {
      for (const Node *E : X->Elements)
        S->PrefixItems.push_back(Sub(E));
    } else if ((K == "allOf" || K == "anyOf" || K == "oneOf") &&
               X->Kind == Node::Array) {
      for (const Node *E : X->Elements)
        (K == "allOf"   ? S->AllOf
         : K == "anyOf" ? S->AnyOf
                        : S->OneOf)
            .push_back(Sub(E));
    } else if (K == "not") {
      S->Not = Sub(X);
    } else if (K == "required" || K == "$id" || K == "$schema" ||
               K == "examples" || K == "example" || K == "$comment" ||
               K == "discriminator" || K == "xml" || K == "externalDocs" ||
               K.startswith("x-")) {
      // Read above, or nothing a request schema needs.
    } else {
      P.warning(*V.M, X->Offset,
                "JSON Schema keyword '" + K + "' is not understood; ignored");
    }
  }
  for (const std::string &R : Required)
    if (!S->findProperty(R))
      S->ExtraRequired.push_back(R);
  return S;
}

} // namespace routes
} // namespace bk
