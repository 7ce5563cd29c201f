//===- Verifier.cpp - Structural checks of the API IR ---------------------===//

#include "bk/API/Verifier.h"
#include "bk/API/APIText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace bk;
using namespace bk::api;

/// Whether a parameter style is allowed for a location.
static bool isStyleAllowed(ParamStyle S, ParamIn In) {
  switch (S) {
  case ParamStyle::Default:
    return true;
  case ParamStyle::Matrix:
  case ParamStyle::Label:
    return In == ParamIn::Path;
  case ParamStyle::Simple:
    return In == ParamIn::Path || In == ParamIn::Header;
  case ParamStyle::Form:
    return In == ParamIn::Query || In == ParamIn::Cookie;
  case ParamStyle::SpaceDelimited:
  case ParamStyle::PipeDelimited:
  case ParamStyle::DeepObject:
    return In == ParamIn::Query;
  }
  return false;
}

namespace {
class Verifier {
public:
  Verifier(const API &A, DiagnosticEngine &Diags) : A(A), Diags(Diags) {}

  bool run();

private:
  enum class OpKind { Path, Webhook, Callback };

  void error(Loc L, const llvm::Twine &Msg) {
    Diags.error(L, Msg);
    Ok = false;
  }
  void warning(Loc L, const llvm::Twine &Msg) { Diags.warning(L, Msg); }
  /// Whether the description is OpenAPI 3.0 / at least 3.2 (an IR without
  /// a version is checked by the newest rules).
  bool isV30() const {
    return llvm::StringRef(A.OpenAPIVersion).startswith("3.0");
  }
  bool isAtLeastV32() const {
    llvm::StringRef V = A.OpenAPIVersion;
    return !V.startswith("3.0") && !V.startswith("3.1");
  }
  void errorWithNote(Loc L, const llvm::Twine &Msg, Loc NoteLoc,
                     const llvm::Twine &NoteMsg) {
    Diagnostic D(Severity::Error, L, Msg);
    D.addNote(NoteLoc, NoteMsg);
    Diags.report(std::move(D));
    Ok = false;
  }

  /// The component index a reference points to (NoIndex when unknown),
  /// using the resolved index when it is current.
  unsigned refIndex(const SchemaNode &S) const {
    if (S.RefIndex < A.Schemas.size() && A.Schemas[S.RefIndex].Name == S.Ref)
      return S.RefIndex;
    return A.findSchemaIndex(S.Ref);
  }

  void checkJSON(Loc L, llvm::StringRef What, llvm::StringRef JSON);
  void checkExtensions(const std::vector<Extension> &Exts);
  void checkSchema(const SchemaNode &S);
  bool declaresProperty(const SchemaNode &S, llvm::StringRef Name,
                        std::vector<bool> &Visiting, unsigned Depth);
  void checkInheritanceCycles();
  void addInheritedTargets(const SchemaNode &S, std::vector<unsigned> &Out);
  void checkSecurity(const SecurityRequirement &S);
  void checkContent(const std::vector<MediaType> &Content);
  void checkExamples(const std::vector<NamedExample> &Examples);
  void checkParameter(const Parameter &P);
  void checkResponse(const Response &R);
  void checkOperation(const Operation &Op, OpKind Kind);
  void checkSecurityScheme(const SecurityScheme &S);
  void checkServer(const Server &S);

  const API &A;
  DiagnosticEngine &Diags;
  bool Ok = true;
  /// Operation ids seen so far (across paths, webhooks and callbacks).
  llvm::StringMap<const Operation *> OperationIds;
  /// Every operation id, for links.
  llvm::StringSet<> AllOperationIds;
  /// Normalised "METHOD path" routes seen so far.
  llvm::StringMap<const Operation *> Routes;
};
} // namespace

/// Reports the second and later objects with the same key.
template <typename T, typename KeyFn>
static void checkUnique(
    const std::vector<T> &Objects, KeyFn Key, llvm::StringRef What,
    llvm::function_ref<void(Loc, const llvm::Twine &, Loc, const llvm::Twine &)>
        Report) {
  llvm::StringMap<const T *> Seen;
  for (const T &O : Objects) {
    std::string K = Key(O);
    auto Ins = Seen.try_emplace(K, &O);
    if (Ins.second)
      continue;
    Report(O.Location, "duplicate " + What + " '" + K + "'",
           Ins.first->second->Location, "previous definition is here");
  }
}

void Verifier::checkJSON(Loc L, llvm::StringRef What, llvm::StringRef JSON) {
  if (!isValidJSON(JSON))
    error(L, What + " is not valid JSON: " + JSON);
}

void Verifier::checkExtensions(const std::vector<Extension> &Exts) {
  for (const Extension &E : Exts) {
    if (!llvm::StringRef(E.Name).startswith("x-"))
      error(E.Location,
            "extension name '" + E.Name + "' does not start with 'x-'");
    checkJSON(E.Location, "value of extension '" + E.Name + "'", E.JSON);
  }
}

bool Verifier::declaresProperty(const SchemaNode &S, llvm::StringRef Name,
                                std::vector<bool> &Visiting, unsigned Depth) {
  if (Depth > 64)
    return false;
  if (S.findProperty(Name) || llvm::is_contained(S.ExtraRequired, Name))
    return true;
  if (S.isRef()) {
    unsigned I = refIndex(S);
    if (I != SchemaNode::NoIndex && !Visiting[I]) {
      Visiting[I] = true;
      bool Found =
          declaresProperty(A.Schemas[I].Schema, Name, Visiting, Depth + 1);
      Visiting[I] = false;
      if (Found)
        return true;
    }
  }
  for (const auto &C : S.AllOf)
    if (declaresProperty(*C, Name, Visiting, Depth + 1))
      return true;
  // Every variant of a union declares it.
  for (const auto *Union : {&S.OneOf, &S.AnyOf}) {
    if (Union->empty())
      continue;
    if (llvm::all_of(*Union, [&](const std::unique_ptr<SchemaNode> &C) {
          return declaresProperty(*C, Name, Visiting, Depth + 1);
        }))
      return true;
  }
  return false;
}

void Verifier::checkSchema(const SchemaNode &S) {
  Loc L = S.Location;
  if (S.isRef() && refIndex(S) == SchemaNode::NoIndex)
    error(L, "reference to unknown schema '" + S.Ref + "'");
  for (const std::string &E : S.Enum)
    checkJSON(L, "enum value", E);
  if (S.Const)
    checkJSON(L, "const", *S.Const);
  if (S.Default)
    checkJSON(L, "default", *S.Default);
  if (S.Example)
    checkJSON(L, "example", *S.Example);

  auto CheckCount = [&](const llvm::Optional<uint64_t> &Min,
                        const llvm::Optional<uint64_t> &Max,
                        llvm::StringRef MinName, llvm::StringRef MaxName) {
    if (Min && Max && *Min > *Max)
      error(L, MinName + " (" + llvm::Twine(*Min) + ") is greater than " +
                   MaxName + " (" + llvm::Twine(*Max) + ")");
  };
  CheckCount(S.MinLength, S.MaxLength, "minLength", "maxLength");
  CheckCount(S.MinItems, S.MaxItems, "minItems", "maxItems");
  CheckCount(S.MinProperties, S.MaxProperties, "minProperties",
             "maxProperties");

  auto CheckBounds = [&](const llvm::Optional<JSONNumber> &Low,
                         const llvm::Optional<JSONNumber> &High,
                         llvm::StringRef LowName, llvm::StringRef HighName,
                         bool Strict) {
    if (!Low || !High)
      return;
    bool Equal = Low->Value == High->Value;
    if (Low->Value > High->Value || (Strict && Equal))
      error(L, LowName + " (" + Low->Text + ") is " +
                   (Strict && Equal ? "equal to " : "greater than ") +
                   HighName + " (" + High->Text + ")");
  };
  CheckBounds(S.Minimum, S.Maximum, "minimum", "maximum", false);
  CheckBounds(S.ExclusiveMinimum, S.ExclusiveMaximum, "exclusiveMinimum",
              "exclusiveMaximum", true);
  CheckBounds(S.Minimum, S.ExclusiveMaximum, "minimum", "exclusiveMaximum",
              true);
  CheckBounds(S.ExclusiveMinimum, S.Maximum, "exclusiveMinimum", "maximum",
              true);
  if (S.MultipleOf && S.MultipleOf->Value <= 0)
    error(L, "multipleOf (" + S.MultipleOf->Text + ") must be greater than 0");
  if (S.ReadOnly && S.WriteOnly)
    error(L, "schema is both readOnly and writeOnly");
  if (S.Additional == AdditionalKind::Schema && !S.AdditionalProperties)
    error(L, "additionalProperties schema is missing");

  checkUnique(
      S.Properties, [](const Property &P) { return P.Name; }, "property",
      [&](Loc L, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(L, M, NL, NM);
      });

  if (S.Disc) {
    Loc DL = S.Disc->Location.isValid() ? S.Disc->Location : L;
    std::vector<bool> Visiting(A.Schemas.size(), false);
    if (S.Disc->PropertyName.empty())
      error(DL, "discriminator has no property name");
    else if (!declaresProperty(S, S.Disc->PropertyName, Visiting, 0))
      Diags.report(Diagnostic(Severity::Error, DL,
                              "discriminator property '" +
                                  S.Disc->PropertyName +
                                  "' is not declared in the schema's "
                                  "properties or required list",
                              "discriminator-property"));
    for (const auto &M : S.Disc->Mapping)
      if (!A.findSchema(M.second))
        error(DL, "discriminator mapping '" + M.first +
                      "' names unknown schema '" + M.second + "'");
  }
  checkExtensions(S.Extensions);
  S.forEachChild([&](const SchemaNode &C) { checkSchema(C); });
}

void Verifier::addInheritedTargets(const SchemaNode &S,
                                   std::vector<unsigned> &Out) {
  if (S.isRef()) {
    unsigned I = refIndex(S);
    if (I != SchemaNode::NoIndex)
      Out.push_back(I);
  }
  for (const auto &C : S.AllOf)
    addInheritedTargets(*C, Out);
}

void Verifier::checkInheritanceCycles() {
  // A schema that is (through $ref and allOf alone) part of itself has no
  // finite expansion; a cycle through properties or items is fine.
  unsigned N = A.Schemas.size();
  std::vector<std::vector<unsigned>> Edges(N);
  for (unsigned I = 0; I != N; ++I)
    addInheritedTargets(A.Schemas[I].Schema, Edges[I]);
  for (unsigned Start = 0; Start != N; ++Start) {
    std::vector<bool> Seen(N, false);
    std::vector<unsigned> Work(Edges[Start]);
    bool Cycle = false;
    while (!Work.empty() && !Cycle) {
      unsigned Cur = Work.back();
      Work.pop_back();
      if (Cur == Start) {
        Cycle = true;
        break;
      }
      if (Seen[Cur])
        continue;
      Seen[Cur] = true;
      Work.insert(Work.end(), Edges[Cur].begin(), Edges[Cur].end());
    }
    if (Cycle)
      error(A.Schemas[Start].Schema.Location,
            "schema '" + A.Schemas[Start].Name +
                "' includes itself through $ref/allOf");
  }
}

void Verifier::checkSecurity(const SecurityRequirement &S) {
  for (const SecurityAlternative &Alt : S.Alternatives) {
    for (const SchemeUse &U : Alt.Schemes) {
      Loc L = U.Location.isValid() ? U.Location : Alt.Location;
      if (!A.findSecurityScheme(U.Scheme))
        error(L, "security requirement names undefined security scheme '" +
                     U.Scheme + "'");
    }
    checkUnique(
        Alt.Schemes, [](const SchemeUse &U) { return U.Scheme; },
        "security scheme in requirement",
        [&](Loc L, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
          errorWithNote(L.isValid() ? L : Alt.Location, M, NL, NM);
        });
  }
}

void Verifier::checkExamples(const std::vector<NamedExample> &Examples) {
  for (const NamedExample &E : Examples) {
    if (E.Value)
      checkJSON(E.Location, "value of example '" + E.Name + "'", *E.Value);
    if (E.Value && !E.ExternalValue.empty())
      error(E.Location,
            "example '" + E.Name + "' has both a value and an external value");
  }
  checkUnique(
      Examples, [](const NamedExample &E) { return E.Name; }, "example",
      [&](Loc L, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(L, M, NL, NM);
      });
}

void Verifier::checkContent(const std::vector<MediaType> &Content) {
  checkUnique(
      Content, [](const MediaType &MT) { return MT.Name; }, "media type",
      [&](Loc L, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(L, M, NL, NM);
      });
  for (const MediaType &MT : Content) {
    if (MT.Name.empty())
      error(MT.Location, "media type has no name");
    if (MT.Example)
      checkJSON(MT.Location, "example", *MT.Example);
    checkExamples(MT.Examples);
    if (MT.Schema)
      checkSchema(*MT.Schema);
  }
}

void Verifier::checkParameter(const Parameter &P) {
  if (P.Name.empty())
    error(P.Location, "parameter has no name");
  if (P.In == ParamIn::Path && !P.Required)
    error(P.Location, "path parameter '" + P.Name + "' must be required");
  if (!isStyleAllowed(P.Style, P.In))
    error(P.Location, "style '" + paramStyleName(P.Style) +
                          "' is not allowed for a " + paramInName(P.In) +
                          " parameter");
  if (P.Schema && !P.Content.empty())
    error(P.Location,
          "parameter '" + P.Name + "' has both a schema and content");
  else if (!P.Schema && P.Content.empty())
    error(P.Location,
          "parameter '" + P.Name + "' has neither a schema nor content");
  if (P.Content.size() > 1)
    error(P.Location, "content of parameter '" + P.Name +
                          "' must have exactly one media type");
  if (P.Example)
    checkJSON(P.Location, "example", *P.Example);
  checkExamples(P.Examples);
  if (P.Schema)
    checkSchema(*P.Schema);
  checkContent(P.Content);
  checkExtensions(P.Extensions);
}

void Verifier::checkResponse(const Response &R) {
  if (!isValidStatusCode(R.Status))
    error(R.Location, "invalid response status code '" + R.Status +
                          "'; expected 100-599, 1XX-5XX or default");
  checkUnique(
      R.Headers,
      [](const Header &H) { return llvm::StringRef(H.Name).lower(); }, "header",
      [&](Loc L, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(L, M, NL, NM);
      });
  for (const Header &H : R.Headers) {
    if (H.Schema && !H.Content.empty())
      error(H.Location,
            "header '" + H.Name + "' has both a schema and content");
    if (H.Schema)
      checkSchema(*H.Schema);
    checkContent(H.Content);
  }
  checkContent(R.Content);
  for (const Link &L : R.Links) {
    if (!L.OperationId.empty() && !L.OperationRef.empty())
      error(L.Location, "link '" + L.Name +
                            "' has both an operationId and an operationRef");
    else if (!L.OperationId.empty() && !AllOperationIds.count(L.OperationId))
      error(L.Location, "link '" + L.Name + "' names unknown operation '" +
                            L.OperationId + "'");
    else if (L.OperationId.empty() && L.OperationRef.empty())
      error(L.Location, "link '" + L.Name +
                            "' has neither an operationId nor an operationRef");
  }
  checkExtensions(R.Extensions);
}

void Verifier::checkOperation(const Operation &Op, OpKind Kind) {
  Loc L = Op.Location;
  std::string Name = Op.getDisplayName();

  if (!Op.OperationId.empty()) {
    auto Ins = OperationIds.try_emplace(Op.OperationId, &Op);
    if (!Ins.second)
      errorWithNote(L, "duplicate operationId '" + Op.OperationId + "'",
                    Ins.first->second->Location, "previous definition is here");
  }

  if (Kind == OpKind::Path) {
    std::string Route =
        (methodName(Op.M) + " " + normalizePathTemplate(Op.Path)).str();
    auto Ins = Routes.try_emplace(Route, &Op);
    if (!Ins.second) {
      const Operation *Prev = Ins.first->second;
      std::string Note = Prev->Path == Op.Path
                             ? std::string("previous definition is here")
                             : "previous definition as '" +
                                   Prev->getDisplayName() + "' is here";
      errorWithNote(L, "duplicate operation '" + Name + "'", Prev->Location,
                    Note);
    }
    if (!llvm::StringRef(Op.Path).startswith("/"))
      error(L, "path '" + Op.Path + "' does not start with '/'");
  }

  // Parameters: unique by (name, location), headers case-insensitively.
  llvm::StringMap<const Parameter *> ParamKeys;
  for (const Parameter &P : Op.Parameters) {
    std::string Name =
        P.In == ParamIn::Header ? llvm::StringRef(P.Name).lower() : P.Name;
    auto Ins =
        ParamKeys.try_emplace((paramInName(P.In) + ":" + Name).str(), &P);
    if (!Ins.second)
      errorWithNote(P.Location,
                    "duplicate " + paramInName(P.In) + " parameter '" + P.Name +
                        "'",
                    Ins.first->second->Location, "previous definition is here");
  }

  if (Kind == OpKind::Path) {
    std::vector<std::string> Params;
    std::string Err;
    if (!parsePathTemplate(Op.Path, Params, &Err)) {
      error(L, Err);
    } else {
      llvm::StringSet<> InTemplate;
      for (const std::string &P : Params) {
        // 3.2 forbids a template expression appearing twice; before, both
        // places simply take the parameter's value.
        if (!InTemplate.insert(P).second) {
          if (isAtLeastV32())
            error(L, "path template '" + Op.Path + "' repeats parameter '" + P +
                         "'");
          continue;
        }
        if (!Op.findParameter(P, ParamIn::Path))
          error(L, "path parameter '" + P + "' of '" + Op.Path +
                       "' is not declared as an 'in: path' parameter");
      }
      for (const Parameter &P : Op.Parameters)
        if (P.In == ParamIn::Path && !InTemplate.count(P.Name))
          error(P.Location, "path parameter '" + P.Name +
                                "' does not appear in path '" + Op.Path + "'");
    }
  }

  for (const Parameter &P : Op.Parameters)
    checkParameter(P);
  if (Op.Body) {
    // `content` is required, but may be empty (no minProperties in the
    // specification's schemas): such a body has no media type to send.
    if (Op.Body->Content.empty())
      warning(Op.Body->Location,
              "request body of '" + Name + "' has no media types");
    checkContent(Op.Body->Content);
  }
  checkUnique(
      Op.Responses, [](const Response &R) { return R.Status; }, "response",
      [&](Loc RL, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(RL, M, NL, NM);
      });
  for (const Response &R : Op.Responses)
    checkResponse(R);
  if (Op.Security)
    checkSecurity(*Op.Security);
  checkUnique(
      Op.Callbacks, [](const Callback &C) { return C.Name; }, "callback",
      [&](Loc CL, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(CL, M, NL, NM);
      });
  for (const Callback &C : Op.Callbacks)
    for (const Operation &CO : C.Operations)
      checkOperation(CO, OpKind::Callback);
  checkExtensions(Op.Extensions);
}

void Verifier::checkSecurityScheme(const SecurityScheme &S) {
  Loc L = S.Location;
  switch (S.Type) {
  case SecuritySchemeType::HTTP:
    if (S.Scheme.empty())
      error(L, "http security scheme '" + S.Name + "' has no scheme");
    if (!S.BearerFormat.empty() &&
        !llvm::StringRef(S.Scheme).equals_insensitive("bearer"))
      error(L, "security scheme '" + S.Name +
                   "' has a bearer format but its scheme is not bearer");
    break;
  case SecuritySchemeType::APIKey:
    if (S.KeyName.empty())
      error(L, "apiKey security scheme '" + S.Name + "' has no name");
    if (S.KeyIn != ParamIn::Query && S.KeyIn != ParamIn::Header &&
        S.KeyIn != ParamIn::Cookie)
      error(L, "apiKey security scheme '" + S.Name +
                   "' must be in query, header or cookie");
    break;
  case SecuritySchemeType::OAuth2:
    if (S.Flows.empty())
      error(L, "oauth2 security scheme '" + S.Name + "' has no flows");
    break;
  case SecuritySchemeType::OpenIDConnect:
    if (S.OpenIdConnectUrl.empty())
      error(L, "openIdConnect security scheme '" + S.Name + "' has no url");
    break;
  case SecuritySchemeType::MutualTLS:
    break;
  }
  checkUnique(
      S.Flows,
      [](const OAuthFlow &F) { return oauthFlowKindName(F.Kind).str(); },
      "flow",
      [&](Loc FL, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(FL, M, NL, NM);
      });
  for (const OAuthFlow &F : S.Flows) {
    llvm::StringRef Kind = oauthFlowKindName(F.Kind);
    auto Need = [&](const std::string &Url, llvm::StringRef Field) {
      if (Url.empty())
        error(F.Location.isValid() ? F.Location : L,
              "flow '" + Kind + "' of security scheme '" + S.Name + "' needs " +
                  Field);
    };
    switch (F.Kind) {
    case OAuthFlowKind::Implicit:
      Need(F.AuthorizationUrl, "an authorizationUrl");
      break;
    case OAuthFlowKind::AuthorizationCode:
      Need(F.AuthorizationUrl, "an authorizationUrl");
      Need(F.TokenUrl, "a tokenUrl");
      break;
    case OAuthFlowKind::Password:
    case OAuthFlowKind::ClientCredentials:
      Need(F.TokenUrl, "a tokenUrl");
      break;
    case OAuthFlowKind::DeviceAuthorization:
      Need(F.DeviceAuthorizationUrl, "a deviceAuthorizationUrl");
      Need(F.TokenUrl, "a tokenUrl");
      break;
    }
    checkUnique(
        F.Scopes, [](const OAuthScope &Sc) { return Sc.Name; }, "scope",
        [&](Loc SL, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
          errorWithNote(SL, M, NL, NM);
        });
  }
}

void Verifier::checkServer(const Server &S) {
  checkUnique(
      S.Variables, [](const ServerVariable &V) { return V.Name; },
      "server variable",
      [&](Loc VL, const llvm::Twine &M, Loc NL, const llvm::Twine &NM) {
        errorWithNote(VL, M, NL, NM);
      });
  for (const ServerVariable &V : S.Variables)
    if (!V.Enum.empty() && !llvm::is_contained(V.Enum, V.Default)) {
      // 3.0: the default SHOULD be in the enum; 3.1 made it MUST.
      std::string Msg = "default '" + V.Default + "' of server variable '" +
                        V.Name + "' is not one of its enum values";
      if (isV30())
        warning(V.Location, Msg);
      else
        error(V.Location, Msg);
    }
  std::vector<std::string> Names;
  std::string Err;
  if (!parsePathTemplate(S.Url, Names, &Err)) {
    error(S.Location, Err);
    return;
  }
  for (const std::string &N : Names)
    if (llvm::none_of(S.Variables,
                      [&](const ServerVariable &V) { return V.Name == N; }))
      error(S.Location,
            "server URL '" + S.Url + "' uses undeclared variable '" + N + "'");
}

bool Verifier::run() {
  A.forEachOperation([&](const Operation &Op) {
    if (!Op.OperationId.empty())
      AllOperationIds.insert(Op.OperationId);
  });
  auto Report = [&](Loc L, const llvm::Twine &M, Loc NL,
                    const llvm::Twine &NM) { errorWithNote(L, M, NL, NM); };
  for (const Server &S : A.Servers)
    checkServer(S);
  checkUnique(
      A.Tags, [](const Tag &T) { return T.Name; }, "tag", Report);
  checkUnique(
      A.SecuritySchemes, [](const SecurityScheme &S) { return S.Name; },
      "security scheme", Report);
  for (const SecurityScheme &S : A.SecuritySchemes)
    checkSecurityScheme(S);
  if (A.Security)
    checkSecurity(*A.Security);

  // Named schemas: the Location lives on the SchemaNode.
  llvm::StringMap<const NamedSchema *> SchemaNames;
  for (const NamedSchema &NS : A.Schemas) {
    auto Ins = SchemaNames.try_emplace(NS.Name, &NS);
    if (!Ins.second)
      errorWithNote(NS.Schema.Location, "duplicate schema '" + NS.Name + "'",
                    Ins.first->second->Schema.Location,
                    "previous definition is here");
    checkSchema(NS.Schema);
  }
  checkInheritanceCycles();

  for (const Operation &Op : A.Operations)
    checkOperation(Op, OpKind::Path);
  for (const Operation &Op : A.Webhooks)
    checkOperation(Op, OpKind::Webhook);
  checkExtensions(A.Extensions);
  return Ok;
}

bool api::verifyAPI(const API &A, DiagnosticEngine &Diags) {
  return Verifier(A, Diags).run();
}
