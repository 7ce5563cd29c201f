//===- bk/API/API.h - The API IR --------------------------------*- C++ -*-===//
//
// The API IR: what an OpenAPI description (3.0, 3.1, 3.2) says, normalised so
// that the lint rules, the code generators and the spec writer read one
// model whatever the input version was.
//
//   API
//   ├── info, servers (with variables), tags
//   ├── operations and webhooks: method, path, operationId, parameters
//   │   (style/explode), request body and responses per media type,
//   │   security, callbacks (which hold operations again)
//   ├── component schemas: a JSON-Schema type model (SchemaNode)
//   └── security schemes and the global security requirement
//
// Normalisations the front end performs (and every reader may rely on):
//  - 3.0 `nullable: true` is the Null bit of the type set; 3.1 type arrays
//    map onto the same set.
//  - 3.0 boolean exclusiveMinimum/exclusiveMaximum become the 3.1 numeric
//    forms (`minimum: 5, exclusiveMinimum: true` is ExclusiveMinimum = 5).
//  - A $ref to a component schema is a SchemaNode with Ref set to the
//    component's name; resolveReferences() stores the component's index, so
//    recursive schemas are cycles through an index and never unrolled. $refs
//    to other components (parameters, responses, ...) and across files are
//    resolved by the front end by copying the target in place, keeping the
//    target's location.
//  - JSON values (enum, const, default, example, x- extensions) are kept as
//    JSON text, compact, with object keys in the order written.
//
// Everything is owned by value or through std::vector/std::unique_ptr, kept
// in declaration order, and carries the bk::Loc it was read from. Nothing is
// keyed by pointer, so iteration order is always deterministic.
//
//===----------------------------------------------------------------------===//

#ifndef BK_API_API_H
#define BK_API_API_H

#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace bk {
namespace api {

//===----------------------------------------------------------------------===//
// Enumerations and their names
//===----------------------------------------------------------------------===//

/// HTTP methods an OpenAPI path item can hold (QUERY is new in 3.2).
enum class Method {
  Get,
  Put,
  Post,
  Delete,
  Options,
  Head,
  Patch,
  Trace,
  Query
};

/// "get", "put", ... (lower case, as OpenAPI spells path item keys).
llvm::StringRef methodName(Method M);
/// Parses a method name, case-insensitively; None when unknown.
llvm::Optional<Method> parseMethod(llvm::StringRef Name);
/// Every method, in the order above.
llvm::ArrayRef<Method> allMethods();

/// Where a parameter lives (`querystring` is new in 3.2).
enum class ParamIn { Path, Query, Header, Cookie, QueryString };
llvm::StringRef paramInName(ParamIn In);
llvm::Optional<ParamIn> parseParamIn(llvm::StringRef Name);

/// Parameter serialisation styles; Default means "not written", whose
/// meaning depends on the location (see Parameter::getEffectiveStyle).
enum class ParamStyle {
  Default,
  Form,
  Simple,
  Label,
  Matrix,
  SpaceDelimited,
  PipeDelimited,
  DeepObject
};
/// "form", "simple", ... as OpenAPI spells them; "" for Default.
llvm::StringRef paramStyleName(ParamStyle S);
llvm::Optional<ParamStyle> parseParamStyle(llvm::StringRef Name);

/// The JSON-Schema primitive types, one bit each.
enum class JSONType : uint8_t {
  String = 1 << 0,
  Number = 1 << 1,
  Integer = 1 << 2,
  Boolean = 1 << 3,
  Object = 1 << 4,
  Array = 1 << 5,
  Null = 1 << 6,
};
llvm::StringRef jsonTypeName(JSONType T);
llvm::Optional<JSONType> parseJSONType(llvm::StringRef Name);
/// Every type, in the order above (the canonical printing order).
llvm::ArrayRef<JSONType> allJSONTypes();

/// A set of JSON types: the `type` keyword. Empty means unconstrained (no
/// `type` keyword was written).
class TypeSet {
public:
  TypeSet() = default;
  /*implicit*/ TypeSet(JSONType T) : Bits(static_cast<uint8_t>(T)) {}

  bool empty() const { return Bits == 0; }
  bool has(JSONType T) const { return Bits & static_cast<uint8_t>(T); }
  TypeSet &add(JSONType T) {
    Bits |= static_cast<uint8_t>(T);
    return *this;
  }
  TypeSet &remove(JSONType T) {
    Bits &= ~static_cast<uint8_t>(T);
    return *this;
  }
  /// Null is among the types (3.0 `nullable: true`).
  bool isNullable() const { return has(JSONType::Null); }
  /// The set without Null.
  TypeSet withoutNull() const {
    TypeSet S = *this;
    return S.remove(JSONType::Null);
  }
  /// Exactly one type is set.
  bool isSingle() const { return Bits && !(Bits & (Bits - 1)); }
  unsigned size() const;
  /// The types in canonical order.
  std::vector<JSONType> types() const;
  uint8_t getBits() const { return Bits; }

  bool operator==(TypeSet O) const { return Bits == O.Bits; }
  bool operator!=(TypeSet O) const { return Bits != O.Bits; }

private:
  uint8_t Bits = 0;
};

enum class SecuritySchemeType {
  APIKey,
  HTTP,
  OAuth2,
  OpenIDConnect,
  MutualTLS
};
/// "apiKey", "http", "oauth2", "openIdConnect", "mutualTLS".
llvm::StringRef securitySchemeTypeName(SecuritySchemeType T);
llvm::Optional<SecuritySchemeType> parseSecuritySchemeType(llvm::StringRef N);

enum class OAuthFlowKind {
  Implicit,
  Password,
  ClientCredentials,
  AuthorizationCode,
  DeviceAuthorization
};
/// "implicit", "password", "clientCredentials", "authorizationCode",
/// "deviceAuthorization" (as the keys of an OpenAPI `flows` object).
llvm::StringRef oauthFlowKindName(OAuthFlowKind K);
llvm::Optional<OAuthFlowKind> parseOAuthFlowKind(llvm::StringRef Name);

//===----------------------------------------------------------------------===//
// The JSON-Schema type model
//===----------------------------------------------------------------------===//

struct SchemaNode;

/// A JSON number as written ("9223372036854775807", "0.25") with its value,
/// so that int64 bounds and decimal steps reach generated code unchanged.
struct JSONNumber {
  /// The JSON number text.
  std::string Text;
  double Value = 0;

  JSONNumber() = default;
  /// The shortest text that reads back as D.
  /*implicit*/ JSONNumber(double D);
  /// Parses JSON number text (a leading '+' is dropped); None when Text is
  /// not a number.
  static llvm::Optional<JSONNumber> parse(llvm::StringRef Text);
  /// Written without fraction or exponent.
  bool isInteger() const;

  bool operator==(const JSONNumber &O) const { return Value == O.Value; }
  bool operator!=(const JSONNumber &O) const { return Value != O.Value; }
};

/// An `x-...` specification extension; JSON is its value as JSON text.
struct Extension {
  std::string Name;
  std::string JSON;
  Loc Location;
};

/// One entry of `properties`.
struct Property {
  std::string Name;
  /// The name is listed in the enclosing schema's `required`.
  bool Required = false;
  std::unique_ptr<SchemaNode> Schema;
  Loc Location;
};

/// A `discriminator`: the property that selects the variant and the
/// explicit value → component schema name mapping, in the order written.
struct Discriminator {
  std::string PropertyName;
  std::vector<std::pair<std::string, std::string>> Mapping;
  Loc Location;
};

/// What `additionalProperties` says.
enum class AdditionalKind {
  Unspecified, ///< not written (any additional property is allowed)
  Allowed,     ///< `true`
  Forbidden,   ///< `false`
  Schema       ///< a schema (SchemaNode::AdditionalProperties)
};

/// One JSON Schema. A reference to a component schema has Ref set (and may
/// carry sibling keywords such as description, as 3.1 allows).
struct SchemaNode {
  static constexpr unsigned NoIndex = ~0u;

  Loc Location;

  // Reference to a component schema.
  std::string Ref;
  /// Index of the referenced schema in API::Schemas once resolved
  /// (API::resolveReferences), NoIndex otherwise.
  unsigned RefIndex = NoIndex;

  TypeSet Types;
  std::string Format;
  std::string Title;
  std::string Description;

  // Values, as JSON text.
  std::vector<std::string> Enum;
  llvm::Optional<std::string> Const;
  llvm::Optional<std::string> Default;
  llvm::Optional<std::string> Example;

  // Objects.
  std::vector<Property> Properties;
  /// Names in `required` that are not among Properties (they may come from
  /// an allOf sibling), in the order written.
  std::vector<std::string> ExtraRequired;
  AdditionalKind Additional = AdditionalKind::Unspecified;
  std::unique_ptr<SchemaNode> AdditionalProperties;
  llvm::Optional<uint64_t> MinProperties;
  llvm::Optional<uint64_t> MaxProperties;

  // Arrays.
  std::unique_ptr<SchemaNode> Items;
  std::vector<std::unique_ptr<SchemaNode>> PrefixItems;
  llvm::Optional<uint64_t> MinItems;
  llvm::Optional<uint64_t> MaxItems;
  bool UniqueItems = false;

  // Strings.
  llvm::Optional<uint64_t> MinLength;
  llvm::Optional<uint64_t> MaxLength;
  std::string Pattern;

  // Numbers (3.1 forms: an exclusive bound is its own number).
  llvm::Optional<JSONNumber> Minimum;
  llvm::Optional<JSONNumber> Maximum;
  llvm::Optional<JSONNumber> ExclusiveMinimum;
  llvm::Optional<JSONNumber> ExclusiveMaximum;
  llvm::Optional<JSONNumber> MultipleOf;

  // Composition.
  std::vector<std::unique_ptr<SchemaNode>> AllOf;
  std::vector<std::unique_ptr<SchemaNode>> OneOf;
  std::vector<std::unique_ptr<SchemaNode>> AnyOf;
  std::unique_ptr<SchemaNode> Not;
  llvm::Optional<Discriminator> Disc;

  // Annotations.
  bool ReadOnly = false;
  bool WriteOnly = false;
  bool Deprecated = false;

  std::vector<Extension> Extensions;

  bool isRef() const { return !Ref.empty(); }
  bool isNullable() const { return Types.isNullable(); }
  /// The property called Name, or null.
  const Property *findProperty(llvm::StringRef Name) const;
  Property *findProperty(llvm::StringRef Name);
  /// Every name in `required`: required properties in order, then
  /// ExtraRequired.
  std::vector<std::string> getRequiredNames() const;

  /// Calls F on every direct sub-schema, in canonical order (properties,
  /// additionalProperties, items, prefixItems, allOf, oneOf, anyOf, not).
  template <typename Fn> void forEachChild(Fn F) const {
    for (const Property &P : Properties)
      if (P.Schema)
        F(*P.Schema);
    if (AdditionalProperties)
      F(*AdditionalProperties);
    if (Items)
      F(*Items);
    for (const auto &S : PrefixItems)
      F(*S);
    for (const auto &S : AllOf)
      F(*S);
    for (const auto &S : OneOf)
      F(*S);
    for (const auto &S : AnyOf)
      F(*S);
    if (Not)
      F(*Not);
  }
  template <typename Fn> void forEachChild(Fn F) {
    const_cast<const SchemaNode *>(this)->forEachChild(
        [&](const SchemaNode &S) { F(const_cast<SchemaNode &>(S)); });
  }
};

/// A schema under components/schemas.
struct NamedSchema {
  std::string Name;
  /// Its Location is the component's.
  SchemaNode Schema;
};

//===----------------------------------------------------------------------===//
// Operations
//===----------------------------------------------------------------------===//

/// A named example of a media type or parameter.
struct NamedExample {
  std::string Name;
  std::string Summary;
  std::string Description;
  /// JSON text; None when ExternalValue is used instead.
  llvm::Optional<std::string> Value;
  std::string ExternalValue;
  Loc Location;
};

/// One entry of a `content` map: a media type with its schema.
struct MediaType {
  /// "application/json", "text/*", ...
  std::string Name;
  std::unique_ptr<SchemaNode> Schema;
  llvm::Optional<std::string> Example;
  std::vector<NamedExample> Examples;
  Loc Location;
};

struct Parameter {
  std::string Name;
  ParamIn In = ParamIn::Query;
  std::string Description;
  bool Required = false;
  bool Deprecated = false;
  bool AllowEmptyValue = false;
  ParamStyle Style = ParamStyle::Default;
  /// None when not written (see getEffectiveExplode).
  llvm::Optional<bool> Explode;
  bool AllowReserved = false;
  /// Either Schema or Content (exactly one media type) is set.
  std::unique_ptr<SchemaNode> Schema;
  std::vector<MediaType> Content;
  llvm::Optional<std::string> Example;
  std::vector<NamedExample> Examples;
  std::vector<Extension> Extensions;
  Loc Location;

  /// The style in effect: the written one, else form for query and cookie
  /// parameters and simple for path and header parameters.
  ParamStyle getEffectiveStyle() const;
  /// The explode in effect: the written one, else true exactly for form.
  bool getEffectiveExplode() const;
  /// Whether this parameter is (Name, In): the same location and name,
  /// compared case-insensitively for headers (HTTP field names are).
  bool is(llvm::StringRef OtherName, ParamIn OtherIn) const;
};

struct RequestBody {
  std::string Description;
  bool Required = false;
  std::vector<MediaType> Content;
  Loc Location;

  const MediaType *findMediaType(llvm::StringRef Name) const;
};

/// A response header.
struct Header {
  std::string Name;
  std::string Description;
  bool Required = false;
  bool Deprecated = false;
  std::unique_ptr<SchemaNode> Schema;
  std::vector<MediaType> Content;
  Loc Location;
};

/// A design-time link from a response to another operation.
struct Link {
  std::string Name;
  std::string OperationId;
  std::string OperationRef;
  std::string Description;
  /// Parameter name → runtime expression or JSON text, in order.
  std::vector<std::pair<std::string, std::string>> Parameters;
  std::string RequestBody;
  Loc Location;
};

struct Response {
  /// "200", "4XX" or "default", as written.
  std::string Status;
  std::string Description;
  std::vector<Header> Headers;
  std::vector<MediaType> Content;
  std::vector<Link> Links;
  std::vector<Extension> Extensions;
  Loc Location;

  bool isDefault() const { return Status == "default"; }
  /// The numeric code for "100".."599", None for ranges and default.
  llvm::Optional<unsigned> getCode() const;
  const MediaType *findMediaType(llvm::StringRef Name) const;
};

/// One scheme of a security alternative, with the scopes it needs.
struct SchemeUse {
  std::string Scheme;
  std::vector<std::string> Scopes;
  Loc Location;
};

/// All schemes of one alternative must be satisfied together. An empty
/// alternative (`{}` in OpenAPI) makes authentication optional.
struct SecurityAlternative {
  std::vector<SchemeUse> Schemes;
  Loc Location;
};

/// A `security` list: any one alternative must be satisfied. An empty list
/// means no security at all.
struct SecurityRequirement {
  std::vector<SecurityAlternative> Alternatives;
  Loc Location;
};

struct Operation;

/// A `callbacks` entry: the operations the API calls back, their Path
/// being the runtime expression ("{$request.body#/callbackUrl}").
struct Callback {
  std::string Name;
  std::vector<Operation> Operations;
  Loc Location;
};

struct Operation {
  Method M = Method::Get;
  /// The path template ("/pets/{id}"); for a webhook, the webhook's name;
  /// in a callback, the callback expression.
  std::string Path;
  std::string OperationId;
  std::string Summary;
  std::string Description;
  std::vector<std::string> Tags;
  bool Deprecated = false;
  /// Path-item parameters merged with the operation's own, in order.
  std::vector<Parameter> Parameters;
  std::unique_ptr<RequestBody> Body;
  std::vector<Response> Responses;
  /// None: the API's global requirement applies. An empty requirement
  /// (`security: []`) explicitly removes security.
  llvm::Optional<SecurityRequirement> Security;
  std::vector<Callback> Callbacks;
  std::vector<Extension> Extensions;
  Loc Location;

  const Parameter *findParameter(llvm::StringRef Name, ParamIn In) const;
  const Response *findResponse(llvm::StringRef Status) const;
  /// "GET /pets/{id}".
  std::string getDisplayName() const;
};

//===----------------------------------------------------------------------===//
// Security schemes, servers, tags, the API
//===----------------------------------------------------------------------===//

struct OAuthScope {
  std::string Name;
  std::string Description;
  Loc Location;
};

struct OAuthFlow {
  OAuthFlowKind Kind = OAuthFlowKind::AuthorizationCode;
  std::string AuthorizationUrl;
  std::string TokenUrl;
  std::string RefreshUrl;
  std::string DeviceAuthorizationUrl;
  std::vector<OAuthScope> Scopes;
  Loc Location;
};

struct SecurityScheme {
  std::string Name;
  SecuritySchemeType Type = SecuritySchemeType::HTTP;
  std::string Description;
  /// http: the scheme, lower-cased ("bearer", "basic", ...).
  std::string Scheme;
  /// http bearer: a hint such as "JWT".
  std::string BearerFormat;
  /// apiKey: where the key goes (query, header or cookie) and its name.
  ParamIn KeyIn = ParamIn::Header;
  std::string KeyName;
  /// oauth2: the flows, in the order written.
  std::vector<OAuthFlow> Flows;
  /// openIdConnect: the discovery URL.
  std::string OpenIdConnectUrl;
  bool Deprecated = false;
  Loc Location;

  const OAuthFlow *findFlow(OAuthFlowKind K) const;
};

struct ServerVariable {
  std::string Name;
  std::string Default;
  std::vector<std::string> Enum;
  std::string Description;
  Loc Location;
};

struct Server {
  std::string Url;
  std::string Description;
  std::vector<ServerVariable> Variables;
  Loc Location;
};

struct Tag {
  std::string Name;
  std::string Description;
  Loc Location;
};

struct Info {
  std::string Title;
  std::string Version;
  std::string Summary;
  std::string Description;
};

class API {
public:
  /// The `openapi` field ("3.0.3", "3.1.0", "3.2.0").
  std::string OpenAPIVersion;
  Info TheInfo;
  std::vector<Server> Servers;
  std::vector<Tag> Tags;
  std::vector<Operation> Operations;
  /// Webhooks: Operation::Path is the webhook's name.
  std::vector<Operation> Webhooks;
  std::vector<NamedSchema> Schemas;
  std::vector<SecurityScheme> SecuritySchemes;
  /// The global requirement; None when not written.
  llvm::Optional<SecurityRequirement> Security;
  std::vector<Extension> Extensions;
  Loc Location;

  API() = default;
  API(const API &) = delete;
  API &operator=(const API &) = delete;
  API(API &&) = default;
  API &operator=(API &&) = default;

  /// The component schema called Name, or null (a linear search: use
  /// resolveReferences and RefIndex on hot paths).
  const NamedSchema *findSchema(llvm::StringRef Name) const;
  NamedSchema *findSchema(llvm::StringRef Name);
  /// The index of the component schema called Name, or NoIndex.
  unsigned findSchemaIndex(llvm::StringRef Name) const;
  /// The component a reference points to (resolved), or null.
  const NamedSchema *getRefTarget(const SchemaNode &S) const;

  const SecurityScheme *findSecurityScheme(llvm::StringRef Name) const;
  /// The operation (or webhook, or callback operation) with this id.
  const Operation *findOperation(llvm::StringRef OperationId) const;
  /// The path operation with this method and exact path template.
  const Operation *findOperation(Method M, llvm::StringRef Path) const;
  /// The path operation whose template matches a concrete request path
  /// ("/pets/42" matches "/pets/{id}"); exact segments win over templated
  /// ones, then declaration order.
  const Operation *matchOperation(Method M, llvm::StringRef RequestPath) const;

  /// Sets RefIndex of every reference (in schemas, parameters, bodies,
  /// responses, callbacks, webhooks) from its name; a reference to an
  /// unknown name gets NoIndex. Returns the number of unresolved ones.
  unsigned resolveReferences();

  /// Calls F on every operation: paths, then webhooks, each followed by its
  /// callbacks' operations (depth first).
  template <typename Fn> void forEachOperation(Fn F) const {
    for (const Operation &Op : Operations)
      forEachOperationIn(Op, F);
    for (const Operation &Op : Webhooks)
      forEachOperationIn(Op, F);
  }

  /// Calls F on every schema root (components, then those of every
  /// operation: parameters, headers, media types), not their sub-schemas.
  template <typename Fn> void forEachRootSchema(Fn F) const;

private:
  template <typename Fn>
  static void forEachOperationIn(const Operation &Op, Fn &F) {
    F(Op);
    for (const Callback &C : Op.Callbacks)
      for (const Operation &CO : C.Operations)
        forEachOperationIn(CO, F);
  }
};

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Splits a path template into its parameter names:
/// "/users/{id}/posts/{postId}" gives {"id", "postId"}. Returns false and
/// sets Error (when given) for an unbalanced or empty `{}`.
bool parsePathTemplate(llvm::StringRef Path, std::vector<std::string> &Params,
                       std::string *Error = nullptr);
/// The parameter names of a path template (malformed parts are skipped).
std::vector<std::string> pathTemplateParams(llvm::StringRef Path);
/// The template with every parameter name erased ("/a/{}/b/{}"): two
/// templates with the same shape are the same route.
std::string normalizePathTemplate(llvm::StringRef Path);
/// Whether a concrete path matches a template; Args receives the values.
bool matchPathTemplate(
    llvm::StringRef Template, llvm::StringRef Path,
    std::vector<std::pair<std::string, std::string>> *Args = nullptr);

/// Whether Status is a valid response key: "100".."599", "1XX".."5XX" or
/// "default".
bool isValidStatusCode(llvm::StringRef Status);

template <typename Fn> void API::forEachRootSchema(Fn F) const {
  for (const NamedSchema &NS : Schemas)
    F(NS.Schema);
  auto Content = [&](const std::vector<MediaType> &Media) {
    for (const MediaType &MT : Media)
      if (MT.Schema)
        F(*MT.Schema);
  };
  forEachOperation([&](const Operation &Op) {
    for (const Parameter &P : Op.Parameters) {
      if (P.Schema)
        F(*P.Schema);
      Content(P.Content);
    }
    if (Op.Body)
      Content(Op.Body->Content);
    for (const Response &R : Op.Responses) {
      for (const Header &H : R.Headers) {
        if (H.Schema)
          F(*H.Schema);
        Content(H.Content);
      }
      Content(R.Content);
    }
  });
}

} // namespace api
} // namespace bk

#endif // BK_API_API_H
