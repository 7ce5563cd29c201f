//===- Writer.cpp - API IR -> OpenAPI YAML/JSON ---------------------------===//
//
// Two steps: the Builder turns the IR into a small ordered tree of JSON
// values (Node), in the order the OpenAPI objects are conventionally
// written and the IR's order within every list; then a printer writes that
// tree as YAML or as JSON. The Builder also records what it cannot write
// (findUnwritable).
//
//===----------------------------------------------------------------------===//

#include "bk/OpenAPIWriter/Writer.h"

#include "bk/API/APIText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"

using namespace bk;
using namespace bk::api;
using bk::openapiwriter::Format;
using bk::openapiwriter::WriteOptions;
using llvm::StringRef;
using llvm::Twine;

//===----------------------------------------------------------------------===//
// The tree of JSON values
//===----------------------------------------------------------------------===//

namespace {
/// A JSON value with object members in the order written.
struct Node {
  enum Kind : uint8_t { Null, Bool, Number, String, Array, Object };
  struct Member;

  Kind K = Null;
  /// Bool ("true", "false"), Number (JSON number text), String.
  std::string Text;
  std::vector<Node> Elems;
  std::vector<Member> Members;

  static Node scalar(Kind K, StringRef Text) {
    Node N;
    N.K = K;
    N.Text = Text.str();
    return N;
  }
  static Node str(StringRef S) { return scalar(String, S); }
  static Node boolean(bool B) { return scalar(Bool, B ? "true" : "false"); }
  static Node number(StringRef Text) { return scalar(Number, Text); }
  static Node count(uint64_t N) { return number(std::to_string(N)); }
  static Node array() { return scalar(Array, ""); }
  static Node object() { return scalar(Object, ""); }

  bool isCollection() const { return K == Array || K == Object; }
  bool empty() const { return Elems.empty() && Members.empty(); }

  /// Adds member Key (which must not be there yet) and returns its value.
  Node &add(StringRef Key, Node V);
  void push(Node V) { Elems.push_back(std::move(V)); }
};

struct Node::Member {
  std::string Key;
  Node Value;
};

Node &Node::add(StringRef Key, Node V) {
  Members.push_back({Key.str(), std::move(V)});
  return Members.back().Value;
}
} // namespace

/// Whether S is a number as JSON writes it.
static bool isJSONNumber(StringRef S) {
  S.consume_front("-");
  if (S.empty() || !llvm::isDigit(S[0]) ||
      (S[0] == '0' && S.size() > 1 && llvm::isDigit(S[1])))
    return false;
  auto Digits = [&] {
    size_t N = 0;
    while (N < S.size() && llvm::isDigit(S[N]))
      ++N;
    S = S.drop_front(N);
    return N != 0;
  };
  Digits();
  if (S.consume_front(".") && !Digits())
    return false;
  if (S.consume_front("e") || S.consume_front("E")) {
    if (!S.consume_front("+"))
      S.consume_front("-");
    if (!Digits())
      return false;
  }
  return S.empty();
}

/// The JSON form of a number: its text as written when that is JSON, else
/// the shortest text of its value ("007" and "+1" are not JSON).
static Node numberNode(const JSONNumber &N) {
  if (isJSONNumber(N.Text))
    return Node::number(N.Text);
  return Node::number(JSONNumber(N.Value).Text);
}

/// The node of an irtext value that jsonToValue produced.
static Node fromValue(const irtext::Value &V) {
  switch (V.K) {
  case irtext::Value::String:
    return Node::str(V.Text);
  case irtext::Value::Ident:
    if (V.Text == "true" || V.Text == "false")
      return Node::scalar(Node::Bool, V.Text);
    if (V.Text == "null")
      return Node();
    return Node::str(V.Text);
  case irtext::Value::Integer:
  case irtext::Value::Float:
    return Node::number(V.Text);
  case irtext::Value::List:
    break;
  }
  // jsonToValue writes an object as (object, ("key", value), ...).
  if (!V.Items.empty() && V.Items[0].K == irtext::Value::Ident &&
      V.Items[0].Text == "object") {
    Node O = Node::object();
    for (size_t I = 1, E = V.Items.size(); I != E; ++I)
      O.add(V.Items[I].Items[0].Text, fromValue(V.Items[I].Items[1]));
    return O;
  }
  Node A = Node::array();
  for (const irtext::Value &E : V.Items)
    A.push(fromValue(E));
  return A;
}

//===----------------------------------------------------------------------===//
// IR -> tree
//===----------------------------------------------------------------------===//

/// A component name as the front end accepts it.
static bool isComponentName(StringRef K) {
  return !K.empty() && llvm::all_of(K, [](char C) {
    return llvm::isAlnum(C) || C == '.' || C == '-' || C == '_';
  });
}

/// "#/components/schemas/<Name>", the name escaped as a JSON pointer token
/// and percent-encoded where a URI fragment needs it.
static std::string schemaRef(StringRef Name) {
  std::string Out = "#/components/schemas/";
  for (unsigned char C : Name) {
    if (C == '~') {
      Out += "~0";
    } else if (C == '/') {
      Out += "~1";
    } else if (llvm::isAlnum(C) || StringRef("-._!$&'()*+,;=:@").contains(C)) {
      Out += C;
    } else {
      Out += '%';
      Out += llvm::hexdigit(C >> 4);
      Out += llvm::hexdigit(C & 15);
    }
  }
  return Out;
}

namespace {
class MapBuilder;

class Builder {
public:
  Builder(const API &A, const WriteOptions &Opts,
          std::vector<Diagnostic> &Issues)
      : A(A), Opts(Opts), Issues(Issues) {
    StringRef V = Opts.Version;
    unsigned Major = 0, Minor = 0;
    bool OK = !V.consumeInteger(10, Major) && V.consume_front(".") &&
              !V.consumeInteger(10, Minor) && Major == 3 &&
              (Minor == 1 || Minor == 2);
    if (!OK)
      issue(A.Location, "OpenAPI version '" + Opts.Version +
                            "' is written in the 3.1 form (the writer "
                            "writes 3.1.x and 3.2.x)");
    V32 = OK && Minor >= 2;
  }

  Node build();

private:
  friend class MapBuilder;

  void issue(Loc L, const Twine &Msg) {
    Issues.emplace_back(Severity::Warning, L, Msg);
  }
  /// Reports a 3.2 feature when writing 3.1; true when it can be written.
  bool needs32(Loc L, const Twine &What) {
    if (V32)
      return true;
    issue(L, What + " needs OpenAPI 3.2: left out");
    return false;
  }

  Node json(StringRef JSON, Loc L);
  void text(Node &O, StringRef Key, StringRef S) {
    if (!S.empty())
      O.add(Key, Node::str(S));
  }
  void flag(Node &O, StringRef Key, bool B) {
    if (B)
      O.add(Key, Node::boolean(true));
  }
  void extensions(Node &O, const std::vector<Extension> &Exts);

  Node schema(const SchemaNode &S);
  Node examples(const std::vector<NamedExample> &Examples);
  Node content(const std::vector<MediaType> &Content);
  Node parameter(const Parameter &P);
  Node header(const Header &H);
  Node link(const Link &L);
  Node response(const Response &R);
  Node security(const SecurityRequirement &S);
  Node operation(const Operation &Op);
  Node pathItems(const std::vector<Operation> &Ops, StringRef What);
  Node securityScheme(const SecurityScheme &S);
  Node server(const Server &S);

  const API &A;
  const WriteOptions &Opts;
  std::vector<Diagnostic> &Issues;
  bool V32 = false;
};

/// An object being filled from a list of named IR objects: a later entry
/// with a name already written is left out and reported.
class MapBuilder {
public:
  MapBuilder(Builder &B, Node &Obj, StringRef What)
      : B(B), Obj(Obj), What(What) {
    for (const Node::Member &M : Obj.Members)
      Seen.insert(M.Key);
  }

  /// Adds Key: V unless Key was written; Loc is the IR object's.
  Node *add(StringRef Key, Node V, Loc L) {
    if (!Seen.insert(Key).second) {
      B.issue(L, "duplicate " + What + " '" + Key + "': left out");
      return nullptr;
    }
    return &Obj.add(Key, std::move(V));
  }

private:
  Builder &B;
  Node &Obj;
  StringRef What;
  llvm::StringSet<> Seen;
};
} // namespace

Node Builder::json(StringRef JSON, Loc L) {
  irtext::Value V;
  std::string Error;
  if (jsonToValue(JSON, V, &Error))
    return fromValue(V);
  issue(L, "invalid JSON value written as a string: " + Error);
  return Node::str(JSON);
}

void Builder::extensions(Node &O, const std::vector<Extension> &Exts) {
  MapBuilder M(*this, O, "field");
  for (const Extension &E : Exts) {
    if (!StringRef(E.Name).startswith("x-")) {
      issue(E.Location,
            "extension '" + E.Name + "' does not start with 'x-': left out");
      continue;
    }
    M.add(E.Name, json(E.JSON, E.Location), E.Location);
  }
}

Node Builder::schema(const SchemaNode &S) {
  Node O = Node::object();
  if (S.isRef())
    O.add("$ref", Node::str(schemaRef(S.Ref)));
  if (!S.Types.empty()) {
    std::vector<JSONType> Types = S.Types.types();
    if (Types.size() == 1) {
      O.add("type", Node::str(jsonTypeName(Types[0])));
    } else {
      Node T = Node::array();
      for (JSONType JT : Types)
        T.push(Node::str(jsonTypeName(JT)));
      O.add("type", std::move(T));
    }
  }
  text(O, "format", S.Format);
  text(O, "title", S.Title);
  text(O, "description", S.Description);
  if (!S.Enum.empty()) {
    Node E = Node::array();
    for (const std::string &V : S.Enum)
      E.push(json(V, S.Location));
    O.add("enum", std::move(E));
  }
  if (S.Const)
    O.add("const", json(*S.Const, S.Location));
  if (S.Default)
    O.add("default", json(*S.Default, S.Location));
  if (S.Example)
    O.add("example", json(*S.Example, S.Location));

  // Objects.
  if (!S.Properties.empty()) {
    Node &Props = O.add("properties", Node::object());
    MapBuilder M(*this, Props, "property");
    for (const Property &P : S.Properties)
      M.add(P.Name, P.Schema ? schema(*P.Schema) : Node::object(), P.Location);
  }
  std::vector<std::string> Required = S.getRequiredNames();
  if (!Required.empty()) {
    Node R = Node::array();
    for (const std::string &Name : Required)
      R.push(Node::str(Name));
    O.add("required", std::move(R));
  }
  switch (S.Additional) {
  case AdditionalKind::Unspecified:
    break;
  case AdditionalKind::Allowed:
    O.add("additionalProperties", Node::boolean(true));
    break;
  case AdditionalKind::Forbidden:
    O.add("additionalProperties", Node::boolean(false));
    break;
  case AdditionalKind::Schema:
    O.add("additionalProperties", S.AdditionalProperties
                                      ? schema(*S.AdditionalProperties)
                                      : Node::object());
    break;
  }
  if (S.MinProperties)
    O.add("minProperties", Node::count(*S.MinProperties));
  if (S.MaxProperties)
    O.add("maxProperties", Node::count(*S.MaxProperties));

  // Arrays.
  if (S.Items)
    O.add("items", schema(*S.Items));
  if (!S.PrefixItems.empty()) {
    Node P = Node::array();
    for (const auto &C : S.PrefixItems)
      P.push(schema(*C));
    O.add("prefixItems", std::move(P));
  }
  if (S.MinItems)
    O.add("minItems", Node::count(*S.MinItems));
  if (S.MaxItems)
    O.add("maxItems", Node::count(*S.MaxItems));
  flag(O, "uniqueItems", S.UniqueItems);

  // Strings.
  if (S.MinLength)
    O.add("minLength", Node::count(*S.MinLength));
  if (S.MaxLength)
    O.add("maxLength", Node::count(*S.MaxLength));
  text(O, "pattern", S.Pattern);

  // Numbers.
  if (S.Minimum)
    O.add("minimum", numberNode(*S.Minimum));
  if (S.ExclusiveMinimum)
    O.add("exclusiveMinimum", numberNode(*S.ExclusiveMinimum));
  if (S.Maximum)
    O.add("maximum", numberNode(*S.Maximum));
  if (S.ExclusiveMaximum)
    O.add("exclusiveMaximum", numberNode(*S.ExclusiveMaximum));
  if (S.MultipleOf)
    O.add("multipleOf", numberNode(*S.MultipleOf));

  // Composition.
  auto List = [&](StringRef Key,
                  const std::vector<std::unique_ptr<SchemaNode>> &Items) {
    if (Items.empty())
      return;
    Node L = Node::array();
    for (const auto &C : Items)
      L.push(schema(*C));
    O.add(Key, std::move(L));
  };
  List("allOf", S.AllOf);
  List("oneOf", S.OneOf);
  List("anyOf", S.AnyOf);
  if (S.Not)
    O.add("not", schema(*S.Not));
  if (S.Disc) {
    Node &D = O.add("discriminator", Node::object());
    D.add("propertyName", Node::str(S.Disc->PropertyName));
    if (!S.Disc->Mapping.empty()) {
      Node &Map = D.add("mapping", Node::object());
      MapBuilder M(*this, Map, "discriminator mapping");
      for (const auto &KV : S.Disc->Mapping)
        M.add(KV.first, Node::str(schemaRef(KV.second)), S.Disc->Location);
    }
  }

  // Annotations.
  flag(O, "readOnly", S.ReadOnly);
  flag(O, "writeOnly", S.WriteOnly);
  flag(O, "deprecated", S.Deprecated);
  extensions(O, S.Extensions);
  return O;
}

Node Builder::examples(const std::vector<NamedExample> &Examples) {
  Node O = Node::object();
  MapBuilder M(*this, O, "example");
  for (const NamedExample &E : Examples) {
    Node X = Node::object();
    text(X, "summary", E.Summary);
    text(X, "description", E.Description);
    if (E.Value)
      X.add("value", json(*E.Value, E.Location));
    if (!E.ExternalValue.empty()) {
      if (E.Value)
        issue(E.Location, "example '" + E.Name +
                              "' has both a value and an external value: "
                              "the external value is left out");
      else
        X.add("externalValue", Node::str(E.ExternalValue));
    }
    M.add(E.Name, std::move(X), E.Location);
  }
  return O;
}

Node Builder::content(const std::vector<MediaType> &Content) {
  Node O = Node::object();
  MapBuilder M(*this, O, "media type");
  for (const MediaType &MT : Content) {
    Node X = Node::object();
    if (MT.Schema)
      X.add("schema", schema(*MT.Schema));
    if (MT.Example)
      X.add("example", json(*MT.Example, MT.Location));
    if (!MT.Examples.empty())
      X.add("examples", examples(MT.Examples));
    M.add(MT.Name, std::move(X), MT.Location);
  }
  return O;
}

Node Builder::parameter(const Parameter &P) {
  Node O = Node::object();
  O.add("name", Node::str(P.Name));
  O.add("in", Node::str(paramInName(P.In)));
  text(O, "description", P.Description);
  flag(O, "required", P.Required);
  flag(O, "deprecated", P.Deprecated);
  flag(O, "allowEmptyValue", P.AllowEmptyValue);
  // 3.2 forbids the serialisation fields with `content`.
  bool Serialised = !(V32 && !P.Content.empty());
  if (!Serialised &&
      (P.Style != ParamStyle::Default || P.Explode || P.AllowReserved))
    issue(P.Location, "'style', 'explode' and 'allowReserved' of parameter '" +
                          P.Name +
                          "' are not allowed with 'content' in OpenAPI " +
                          Opts.Version + ": left out");
  if (P.Style != ParamStyle::Default && Serialised)
    O.add("style", Node::str(paramStyleName(P.Style)));
  if (P.Explode && Serialised)
    O.add("explode", Node::boolean(*P.Explode));
  if (P.AllowReserved && Serialised) {
    // 3.1 allows it on query parameters only, 3.2 also on path and
    // (form-style) cookie parameters.
    bool OK = P.In == ParamIn::Query ||
              (V32 && (P.In == ParamIn::Path || P.In == ParamIn::Cookie));
    if (OK)
      flag(O, "allowReserved", true);
    else
      issue(P.Location, "'allowReserved' of " + paramInName(P.In) +
                            " parameter '" + P.Name +
                            "' is not allowed in OpenAPI " + Opts.Version +
                            ": left out");
  }
  if (P.Schema)
    O.add("schema", schema(*P.Schema));
  if (!P.Content.empty())
    O.add("content", content(P.Content));
  if (P.Example)
    O.add("example", json(*P.Example, P.Location));
  if (!P.Examples.empty())
    O.add("examples", examples(P.Examples));
  extensions(O, P.Extensions);
  return O;
}

Node Builder::header(const Header &H) {
  Node O = Node::object();
  text(O, "description", H.Description);
  flag(O, "required", H.Required);
  flag(O, "deprecated", H.Deprecated);
  if (H.Schema)
    O.add("schema", schema(*H.Schema));
  if (!H.Content.empty())
    O.add("content", content(H.Content));
  return O;
}

/// A link's parameter or request body: the front end keeps a string as is
/// and any other value as JSON text, so JSON objects and arrays are written
/// as such and everything else (runtime expressions, constants) as a
/// string.
static Node linkValue(StringRef S) {
  StringRef T = S.ltrim();
  irtext::Value V;
  if ((T.startswith("{") || T.startswith("[")) && jsonToValue(S, V))
    return fromValue(V);
  return Node::str(S);
}

Node Builder::link(const Link &L) {
  Node O = Node::object();
  text(O, "operationId", L.OperationId);
  text(O, "operationRef", L.OperationRef);
  // The IR keeps the reference as written: it still resolves in the output
  // when it points at a path item or webhook operation, which are written
  // where they were.
  StringRef Ref = L.OperationRef;
  if (Ref.startswith("#") && !Ref.startswith("#/paths/") &&
      !Ref.startswith("#/webhooks/"))
    issue(L.Location, "operationRef '" + Ref + "' of link '" + L.Name +
                          "' points outside paths and webhooks, which is "
                          "all the output has");
  if (!L.Parameters.empty()) {
    Node &Ps = O.add("parameters", Node::object());
    MapBuilder M(*this, Ps, "link parameter");
    for (const auto &KV : L.Parameters)
      M.add(KV.first, linkValue(KV.second), L.Location);
  }
  if (!L.RequestBody.empty())
    O.add("requestBody", linkValue(L.RequestBody));
  text(O, "description", L.Description);
  return O;
}

Node Builder::response(const Response &R) {
  Node O = Node::object();
  // Required until 3.2.
  if (!R.Description.empty() || !V32)
    O.add("description", Node::str(R.Description));
  if (!R.Headers.empty()) {
    Node &Hs = O.add("headers", Node::object());
    MapBuilder M(*this, Hs, "header");
    for (const Header &H : R.Headers)
      M.add(H.Name, header(H), H.Location);
  }
  if (!R.Content.empty())
    O.add("content", content(R.Content));
  if (!R.Links.empty()) {
    Node &Ls = O.add("links", Node::object());
    MapBuilder M(*this, Ls, "link");
    for (const Link &L : R.Links)
      M.add(L.Name, link(L), L.Location);
  }
  extensions(O, R.Extensions);
  return O;
}

Node Builder::security(const SecurityRequirement &S) {
  Node L = Node::array();
  for (const SecurityAlternative &Alt : S.Alternatives) {
    Node O = Node::object();
    MapBuilder M(*this, O, "security scheme use");
    for (const SchemeUse &U : Alt.Schemes) {
      Node Scopes = Node::array();
      for (const std::string &Sc : U.Scopes)
        Scopes.push(Node::str(Sc));
      M.add(U.Scheme, std::move(Scopes), U.Location);
    }
    L.push(std::move(O));
  }
  return L;
}

Node Builder::operation(const Operation &Op) {
  Node O = Node::object();
  if (!Op.Tags.empty()) {
    Node T = Node::array();
    for (const std::string &Tag : Op.Tags)
      T.push(Node::str(Tag));
    O.add("tags", std::move(T));
  }
  text(O, "summary", Op.Summary);
  text(O, "description", Op.Description);
  text(O, "operationId", Op.OperationId);
  Node Params = Node::array();
  for (const Parameter &P : Op.Parameters) {
    if (P.In == ParamIn::QueryString &&
        !needs32(P.Location, "querystring parameter '" + P.Name + "'"))
      continue;
    Params.push(parameter(P));
  }
  if (!Params.empty())
    O.add("parameters", std::move(Params));
  if (Op.Body) {
    const RequestBody &B = *Op.Body;
    Node &BO = O.add("requestBody", Node::object());
    text(BO, "description", B.Description);
    BO.add("content", content(B.Content));
    flag(BO, "required", B.Required);
  }
  if (!Op.Responses.empty()) {
    Node &Rs = O.add("responses", Node::object());
    MapBuilder M(*this, Rs, "response");
    for (const Response &R : Op.Responses)
      M.add(R.Status, response(R), R.Location);
  }
  if (!Op.Callbacks.empty()) {
    Node &Cs = O.add("callbacks", Node::object());
    MapBuilder M(*this, Cs, "callback");
    for (const Callback &C : Op.Callbacks)
      M.add(C.Name, pathItems(C.Operations, "callback expression"), C.Location);
  }
  flag(O, "deprecated", Op.Deprecated);
  if (Op.Security)
    O.add("security", security(*Op.Security));
  extensions(O, Op.Extensions);
  return O;
}

Node Builder::pathItems(const std::vector<Operation> &Ops, StringRef What) {
  Node O = Node::object();
  llvm::StringMap<unsigned> ItemIndex;
  for (const Operation &Op : Ops) {
    if (Op.M == Method::Query &&
        !needs32(Op.Location, "operation '" + Op.getDisplayName() + "'"))
      continue;
    if (What == "path" && !StringRef(Op.Path).startswith("/"))
      issue(Op.Location, "path '" + Op.Path +
                             "' does not start with '/' (OpenAPI readers "
                             "reject it)");
    if (What == "path" && V32) {
      std::vector<std::string> Params = pathTemplateParams(Op.Path);
      llvm::StringSet<> Seen;
      for (const std::string &P : Params)
        if (!Seen.insert(P).second)
          issue(Op.Location, "path template '" + Op.Path +
                                 "' repeats parameter '" + P +
                                 "', which OpenAPI 3.2 forbids");
    }
    if (StringRef(Op.Path).startswith("x-"))
      issue(Op.Location, What + " '" + Op.Path +
                             "' starts with 'x-' (OpenAPI readers take it "
                             "for an extension)");
    auto Ins = ItemIndex.try_emplace(Op.Path, O.Members.size());
    if (Ins.second)
      O.add(Op.Path, Node::object());
    Node &Item = O.Members[Ins.first->second].Value;
    MapBuilder M(*this, Item, "operation");
    M.add(methodName(Op.M), operation(Op), Op.Location);
  }
  return O;
}

Node Builder::securityScheme(const SecurityScheme &S) {
  Node O = Node::object();
  O.add("type", Node::str(securitySchemeTypeName(S.Type)));
  text(O, "description", S.Description);
  switch (S.Type) {
  case SecuritySchemeType::APIKey:
    O.add("name", Node::str(S.KeyName));
    O.add("in", Node::str(paramInName(S.KeyIn)));
    break;
  case SecuritySchemeType::HTTP:
    text(O, "scheme", S.Scheme);
    text(O, "bearerFormat", S.BearerFormat);
    break;
  case SecuritySchemeType::OAuth2: {
    Node &Flows = O.add("flows", Node::object());
    MapBuilder M(*this, Flows, "OAuth flow");
    for (const OAuthFlow &F : S.Flows) {
      StringRef Kind = oauthFlowKindName(F.Kind);
      if (F.Kind == OAuthFlowKind::DeviceAuthorization &&
          !needs32(F.Location,
                   "the deviceAuthorization flow of '" + S.Name + "'"))
        continue;
      Node FO = Node::object();
      text(FO, "authorizationUrl", F.AuthorizationUrl);
      text(FO, "deviceAuthorizationUrl", F.DeviceAuthorizationUrl);
      text(FO, "tokenUrl", F.TokenUrl);
      text(FO, "refreshUrl", F.RefreshUrl);
      Node &Scopes = FO.add("scopes", Node::object());
      MapBuilder SM(*this, Scopes, "scope");
      for (const OAuthScope &Sc : F.Scopes)
        SM.add(Sc.Name, Node::str(Sc.Description), Sc.Location);
      M.add(Kind, std::move(FO), F.Location);
    }
    break;
  }
  case SecuritySchemeType::OpenIDConnect:
    O.add("openIdConnectUrl", Node::str(S.OpenIdConnectUrl));
    break;
  case SecuritySchemeType::MutualTLS:
    break;
  }
  if (S.Deprecated &&
      needs32(S.Location, "'deprecated' of security scheme '" + S.Name + "'"))
    flag(O, "deprecated", true);
  return O;
}

Node Builder::server(const Server &S) {
  Node O = Node::object();
  O.add("url", Node::str(S.Url));
  text(O, "description", S.Description);
  if (!S.Variables.empty()) {
    Node &Vars = O.add("variables", Node::object());
    MapBuilder M(*this, Vars, "server variable");
    for (const ServerVariable &V : S.Variables) {
      Node VO = Node::object();
      if (!V.Enum.empty()) {
        Node E = Node::array();
        for (const std::string &X : V.Enum)
          E.push(Node::str(X));
        // 3.0 only recommends it; 3.1 requires it.
        if (!llvm::is_contained(V.Enum, V.Default)) {
          issue(V.Location, "default '" + V.Default + "' of server variable '" +
                                V.Name +
                                "' is not one of its enum values, as OpenAPI "
                                "3.1 requires: added to them");
          E.push(Node::str(V.Default));
        }
        VO.add("enum", std::move(E));
      }
      VO.add("default", Node::str(V.Default));
      text(VO, "description", V.Description);
      M.add(V.Name, std::move(VO), V.Location);
    }
  }
  return O;
}

Node Builder::build() {
  Node Root = Node::object();
  Root.add("openapi", Node::str(Opts.Version));

  Node &Info = Root.add("info", Node::object());
  Info.add("title", Node::str(A.TheInfo.Title));
  text(Info, "summary", A.TheInfo.Summary);
  text(Info, "description", A.TheInfo.Description);
  Info.add("version", Node::str(A.TheInfo.Version));

  if (!A.Servers.empty()) {
    Node Servers = Node::array();
    for (const Server &S : A.Servers)
      Servers.push(server(S));
    Root.add("servers", std::move(Servers));
  }
  if (A.Security)
    Root.add("security", security(*A.Security));
  if (!A.Tags.empty()) {
    Node Tags = Node::array();
    for (const Tag &T : A.Tags) {
      Node O = Node::object();
      O.add("name", Node::str(T.Name));
      text(O, "description", T.Description);
      Tags.push(std::move(O));
    }
    Root.add("tags", std::move(Tags));
  }

  // 3.1 needs one of paths, webhooks and components: write paths when
  // nothing else is there.
  bool HasComponents = !A.Schemas.empty() || !A.SecuritySchemes.empty();
  if (!A.Operations.empty() || (A.Webhooks.empty() && !HasComponents))
    Root.add("paths", pathItems(A.Operations, "path"));
  if (!A.Webhooks.empty())
    Root.add("webhooks", pathItems(A.Webhooks, "webhook"));

  if (HasComponents) {
    Node &Components = Root.add("components", Node::object());
    if (!A.Schemas.empty()) {
      Node &Schemas = Components.add("schemas", Node::object());
      MapBuilder M(*this, Schemas, "schema");
      for (const NamedSchema &NS : A.Schemas) {
        if (!isComponentName(NS.Name))
          issue(NS.Schema.Location,
                "schema name '" + NS.Name +
                    "' is not a component name (letters, digits, '.', "
                    "'-' and '_' only)");
        M.add(NS.Name, schema(NS.Schema), NS.Schema.Location);
      }
    }
    if (!A.SecuritySchemes.empty()) {
      Node &Schemes = Components.add("securitySchemes", Node::object());
      MapBuilder M(*this, Schemes, "security scheme");
      for (const SecurityScheme &S : A.SecuritySchemes)
        M.add(S.Name, securityScheme(S), S.Location);
    }
  }
  extensions(Root, A.Extensions);
  return Root;
}

//===----------------------------------------------------------------------===//
// YAML
//===----------------------------------------------------------------------===//

/// The length of the UTF-8 sequence at S[I] that YAML does not print raw
/// (C1 controls, NEL, the line and paragraph separators, the byte order
/// mark), or 0.
static size_t unprintableAt(StringRef S, size_t I) {
  auto Byte = [&](size_t J) -> unsigned {
    return J < S.size() ? static_cast<unsigned char>(S[J]) : 0;
  };
  unsigned B0 = Byte(I);
  if (B0 == 0xC2 && Byte(I + 1) >= 0x80 && Byte(I + 1) <= 0x9F)
    return 2;
  if (B0 == 0xE2 && Byte(I + 1) == 0x80 &&
      (Byte(I + 2) == 0xA8 || Byte(I + 2) == 0xA9))
    return 3;
  if (B0 == 0xEF && Byte(I + 1) == 0xBB && Byte(I + 2) == 0xBF)
    return 3;
  return 0;
}

/// Whether S has a character YAML must escape: a control character (tab
/// included: a plain or block scalar must not need it), DEL, or one of
/// unprintableAt's.
static bool hasUnprintable(StringRef S, bool AllowNewline) {
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned char C = S[I];
    if ((C < 0x20 && !(AllowNewline && C == '\n')) || C == 0x7F)
      return true;
    if (C >= 0x80 && unprintableAt(S, I))
      return true;
  }
  return false;
}

/// Whether S reads back from a plain YAML scalar as the string S, under
/// YAML 1.2's core schema and YAML 1.1's (yes/no/on/off booleans, sexagesimal
/// and underscored numbers) alike.
static bool isPlainSafe(StringRef S) {
  if (S.empty() || S != S.trim(" ") || hasUnprintable(S, false))
    return false;
  static const char *const Words[] = {
      "null",  "Null",  "NULL",  "~",   "true", "True", "TRUE",
      "false", "False", "FALSE", "yes", "Yes",  "YES",  "no",
      "No",    "NO",    "on",    "On",  "ON",   "off",  "Off",
      "OFF",   "y",     "Y",     "n",   "N",    "=",    "<<"};
  if (llvm::is_contained(Words, S))
    return false;
  char C = S[0];
  // Versions ("3.1.0") read as strings; anything else that starts like a
  // number (or .inf, a date, 0x1F, 1_000, 1:20) is quoted.
  if (llvm::isDigit(C)) {
    unsigned Dots = llvm::count(S, '.');
    return Dots >= 2 && S.back() != '.' && S.find("..") == StringRef::npos &&
           llvm::all_of(S, [](char X) { return llvm::isDigit(X) || X == '.'; });
  }
  if (C == '-')
    return S.size() > 1 && llvm::isAlpha(S[1]);
  if (StringRef(".+?:,[]{}#&*!|>'\"%@`<=").contains(C))
    return false;
  if (S.contains(": ") || S.contains(" #") || S.endswith(":"))
    return false;
  return true;
}

static void appendQuoted(std::string &Out, StringRef S, bool ForYAML) {
  if (!ForYAML) {
    appendJSONString(Out, S);
    return;
  }
  // JSON escapes, and \u escapes for what YAML does not print raw.
  Out += '"';
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned char C = S[I];
    size_t N = C >= 0x80 ? unprintableAt(S, I) : 0;
    if (C == 0x7F || N) {
      unsigned CP = C;
      if (N == 2)
        CP = ((C & 0x1F) << 6) | (S[I + 1] & 0x3F);
      else if (N == 3)
        CP = ((C & 0x0F) << 12) | ((S[I + 1] & 0x3F) << 6) | (S[I + 2] & 0x3F);
      Out += "\\u";
      for (int Shift = 12; Shift >= 0; Shift -= 4)
        Out += llvm::hexdigit((CP >> Shift) & 15);
      if (N)
        I += N - 1;
      continue;
    }
    std::string One;
    appendJSONString(One, S.substr(I, 1));
    Out.append(One, 1, One.size() - 2);
  }
  Out += '"';
}

namespace {
class YAMLPrinter {
public:
  explicit YAMLPrinter(llvm::raw_ostream &OS) : OS(OS) {}

  void printDocument(const Node &Root) {
    if (Root.K == Node::Object && !Root.empty())
      printMapping(Root, 0, /*Inline=*/false);
    else
      printValueLine(Root, 0);
  }

private:
  void indent(unsigned N) { OS.indent(N); }

  void scalar(const Node &N) {
    switch (N.K) {
    case Node::Null:
      OS << "null";
      return;
    case Node::Bool:
    case Node::Number:
      OS << N.Text;
      return;
    case Node::String:
      string(N.Text);
      return;
    case Node::Array:
      OS << "[]";
      return;
    case Node::Object:
      OS << "{}";
      return;
    }
  }

  /// A key or a one-line string value: plain when YAML reads it back as
  /// the same string, else quoted.
  void string(StringRef S) {
    if (isPlainSafe(S)) {
      OS << S;
      return;
    }
    std::string Q;
    appendQuoted(Q, S, /*ForYAML=*/true);
    OS << Q;
  }

  /// Whether S is written as a literal block: multi-line text that a block
  /// scalar gives back exactly.
  static bool isBlockText(StringRef S) {
    if (!S.contains('\n') || hasUnprintable(S, /*AllowNewline=*/true))
      return false;
    StringRef Body = S.rtrim('\n');
    if (Body.empty())
      return false;
    llvm::SmallVector<StringRef, 16> Lines;
    Body.split(Lines, '\n');
    bool SeenText = false;
    for (StringRef L : Lines) {
      // Only-space lines are read as indentation; the first text line sets
      // the indentation, so it must not start with a space.
      if (!L.empty() && L.trim(" ").empty())
        return false;
      if (!SeenText && !L.empty()) {
        if (L[0] == ' ')
          return false;
        SeenText = true;
      }
    }
    return true;
  }

  /// Writes a literal block scalar: the header then the lines at Indent.
  void block(StringRef S, unsigned Indent) {
    StringRef Body = S.rtrim('\n');
    size_t Trailing = S.size() - Body.size();
    OS << (Trailing == 0 ? "|-" : Trailing == 1 ? "|" : "|+") << '\n';
    llvm::SmallVector<StringRef, 16> Lines;
    Body.split(Lines, '\n');
    for (StringRef L : Lines) {
      if (!L.empty()) {
        indent(Indent);
        OS << L;
      }
      OS << '\n';
    }
    for (size_t I = 1; I < Trailing; ++I)
      OS << '\n';
  }

  /// Writes a value whose line has begun (after "key:" or "- "); Indent is
  /// where nested lines go.
  void printValueLine(const Node &N, unsigned Indent) {
    if (N.K == Node::String && isBlockText(N.Text)) {
      block(N.Text, Indent);
      return;
    }
    scalar(N);
    OS << '\n';
  }

  void printMapping(const Node &O, unsigned Indent, bool Inline) {
    bool First = true;
    for (const Node::Member &M : O.Members) {
      if (!(First && Inline))
        indent(Indent);
      First = false;
      string(M.Key);
      const Node &V = M.Value;
      if (V.isCollection() && !V.empty()) {
        OS << ":\n";
        if (V.K == Node::Object)
          printMapping(V, Indent + 2, /*Inline=*/false);
        else
          printSequence(V, Indent + 2, /*Inline=*/false);
        continue;
      }
      OS << ": ";
      printValueLine(V, Indent + 2);
    }
  }

  void printSequence(const Node &A, unsigned Indent, bool Inline) {
    bool First = true;
    for (const Node &E : A.Elems) {
      if (!(First && Inline))
        indent(Indent);
      First = false;
      OS << "- ";
      if (E.isCollection() && !E.empty()) {
        if (E.K == Node::Object)
          printMapping(E, Indent + 2, /*Inline=*/true);
        else
          printSequence(E, Indent + 2, /*Inline=*/true);
        continue;
      }
      printValueLine(E, Indent + 2);
    }
  }

  llvm::raw_ostream &OS;
};

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

class JSONPrinter {
public:
  explicit JSONPrinter(llvm::raw_ostream &OS) : OS(OS) {}

  void printDocument(const Node &Root) {
    print(Root, 0);
    OS << '\n';
  }

private:
  void string(StringRef S) {
    std::string Q;
    appendJSONString(Q, S);
    OS << Q;
  }

  void print(const Node &N, unsigned Indent) {
    switch (N.K) {
    case Node::Null:
      OS << "null";
      return;
    case Node::Bool:
    case Node::Number:
      OS << N.Text;
      return;
    case Node::String:
      string(N.Text);
      return;
    case Node::Array:
      if (N.Elems.empty()) {
        OS << "[]";
        return;
      }
      OS << "[\n";
      for (size_t I = 0, E = N.Elems.size(); I != E; ++I) {
        OS.indent(Indent + 2);
        print(N.Elems[I], Indent + 2);
        OS << (I + 1 == E ? "\n" : ",\n");
      }
      OS.indent(Indent) << ']';
      return;
    case Node::Object:
      if (N.Members.empty()) {
        OS << "{}";
        return;
      }
      OS << "{\n";
      for (size_t I = 0, E = N.Members.size(); I != E; ++I) {
        OS.indent(Indent + 2);
        string(N.Members[I].Key);
        OS << ": ";
        print(N.Members[I].Value, Indent + 2);
        OS << (I + 1 == E ? "\n" : ",\n");
      }
      OS.indent(Indent) << '}';
      return;
    }
  }

  llvm::raw_ostream &OS;
};
} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

void openapiwriter::writeOpenAPI(const API &A, llvm::raw_ostream &OS,
                                 const WriteOptions &Opts) {
  std::vector<Diagnostic> Issues;
  Node Root = Builder(A, Opts, Issues).build();
  if (Opts.Fmt == Format::JSON)
    JSONPrinter(OS).printDocument(Root);
  else
    YAMLPrinter(OS).printDocument(Root);
}

std::vector<Diagnostic>
openapiwriter::findUnwritable(const API &A, const WriteOptions &Opts) {
  std::vector<Diagnostic> Issues;
  Builder(A, Opts, Issues).build();
  return Issues;
}
