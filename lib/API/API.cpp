//===- API.cpp - The API IR -----------------------------------------------===//

#include "bk/API/API.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace bk;
using namespace bk::api;

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

static const Method Methods[] = {
    Method::Get,  Method::Put,   Method::Post,  Method::Delete, Method::Options,
    Method::Head, Method::Patch, Method::Trace, Method::Query};

llvm::ArrayRef<Method> api::allMethods() { return Methods; }

llvm::StringRef api::methodName(Method M) {
  switch (M) {
  case Method::Get:
    return "get";
  case Method::Put:
    return "put";
  case Method::Post:
    return "post";
  case Method::Delete:
    return "delete";
  case Method::Options:
    return "options";
  case Method::Head:
    return "head";
  case Method::Patch:
    return "patch";
  case Method::Trace:
    return "trace";
  case Method::Query:
    return "query";
  }
  llvm_unreachable("unknown method");
}

llvm::Optional<Method> api::parseMethod(llvm::StringRef Name) {
  for (Method M : Methods)
    if (Name.equals_insensitive(methodName(M)))
      return M;
  return llvm::None;
}

llvm::StringRef api::paramInName(ParamIn In) {
  switch (In) {
  case ParamIn::Path:
    return "path";
  case ParamIn::Query:
    return "query";
  case ParamIn::Header:
    return "header";
  case ParamIn::Cookie:
    return "cookie";
  case ParamIn::QueryString:
    return "querystring";
  }
  llvm_unreachable("unknown parameter location");
}

llvm::Optional<ParamIn> api::parseParamIn(llvm::StringRef Name) {
  return llvm::StringSwitch<llvm::Optional<ParamIn>>(Name)
      .Case("path", ParamIn::Path)
      .Case("query", ParamIn::Query)
      .Case("header", ParamIn::Header)
      .Case("cookie", ParamIn::Cookie)
      .Case("querystring", ParamIn::QueryString)
      .Default(llvm::None);
}

llvm::StringRef api::paramStyleName(ParamStyle S) {
  switch (S) {
  case ParamStyle::Default:
    return "";
  case ParamStyle::Form:
    return "form";
  case ParamStyle::Simple:
    return "simple";
  case ParamStyle::Label:
    return "label";
  case ParamStyle::Matrix:
    return "matrix";
  case ParamStyle::SpaceDelimited:
    return "spaceDelimited";
  case ParamStyle::PipeDelimited:
    return "pipeDelimited";
  case ParamStyle::DeepObject:
    return "deepObject";
  }
  llvm_unreachable("unknown parameter style");
}

llvm::Optional<ParamStyle> api::parseParamStyle(llvm::StringRef Name) {
  return llvm::StringSwitch<llvm::Optional<ParamStyle>>(Name)
      .Case("form", ParamStyle::Form)
      .Case("simple", ParamStyle::Simple)
      .Case("label", ParamStyle::Label)
      .Case("matrix", ParamStyle::Matrix)
      .Case("spaceDelimited", ParamStyle::SpaceDelimited)
      .Case("pipeDelimited", ParamStyle::PipeDelimited)
      .Case("deepObject", ParamStyle::DeepObject)
      .Default(llvm::None);
}

static const JSONType JSONTypes[] = {
    JSONType::String, JSONType::Number, JSONType::Integer, JSONType::Boolean,
    JSONType::Object, JSONType::Array,  JSONType::Null};

llvm::ArrayRef<JSONType> api::allJSONTypes() { return JSONTypes; }

llvm::StringRef api::jsonTypeName(JSONType T) {
  switch (T) {
  case JSONType::String:
    return "string";
  case JSONType::Number:
    return "number";
  case JSONType::Integer:
    return "integer";
  case JSONType::Boolean:
    return "boolean";
  case JSONType::Object:
    return "object";
  case JSONType::Array:
    return "array";
  case JSONType::Null:
    return "null";
  }
  llvm_unreachable("unknown JSON type");
}

llvm::Optional<JSONType> api::parseJSONType(llvm::StringRef Name) {
  for (JSONType T : JSONTypes)
    if (Name == jsonTypeName(T))
      return T;
  return llvm::None;
}

unsigned TypeSet::size() const {
  unsigned N = 0;
  for (JSONType T : JSONTypes)
    N += has(T);
  return N;
}

std::vector<JSONType> TypeSet::types() const {
  std::vector<JSONType> Result;
  for (JSONType T : JSONTypes)
    if (has(T))
      Result.push_back(T);
  return Result;
}

llvm::StringRef api::securitySchemeTypeName(SecuritySchemeType T) {
  switch (T) {
  case SecuritySchemeType::APIKey:
    return "apiKey";
  case SecuritySchemeType::HTTP:
    return "http";
  case SecuritySchemeType::OAuth2:
    return "oauth2";
  case SecuritySchemeType::OpenIDConnect:
    return "openIdConnect";
  case SecuritySchemeType::MutualTLS:
    return "mutualTLS";
  }
  llvm_unreachable("unknown security scheme type");
}

llvm::Optional<SecuritySchemeType>
api::parseSecuritySchemeType(llvm::StringRef N) {
  return llvm::StringSwitch<llvm::Optional<SecuritySchemeType>>(N)
      .Case("apiKey", SecuritySchemeType::APIKey)
      .Case("http", SecuritySchemeType::HTTP)
      .Case("oauth2", SecuritySchemeType::OAuth2)
      .Case("openIdConnect", SecuritySchemeType::OpenIDConnect)
      .Case("mutualTLS", SecuritySchemeType::MutualTLS)
      .Default(llvm::None);
}

llvm::StringRef api::oauthFlowKindName(OAuthFlowKind K) {
  switch (K) {
  case OAuthFlowKind::Implicit:
    return "implicit";
  case OAuthFlowKind::Password:
    return "password";
  case OAuthFlowKind::ClientCredentials:
    return "clientCredentials";
  case OAuthFlowKind::AuthorizationCode:
    return "authorizationCode";
  case OAuthFlowKind::DeviceAuthorization:
    return "deviceAuthorization";
  }
  llvm_unreachable("unknown OAuth flow");
}

llvm::Optional<OAuthFlowKind> api::parseOAuthFlowKind(llvm::StringRef Name) {
  return llvm::StringSwitch<llvm::Optional<OAuthFlowKind>>(Name)
      .Case("implicit", OAuthFlowKind::Implicit)
      .Case("password", OAuthFlowKind::Password)
      .Case("clientCredentials", OAuthFlowKind::ClientCredentials)
      .Case("authorizationCode", OAuthFlowKind::AuthorizationCode)
      .Case("deviceAuthorization", OAuthFlowKind::DeviceAuthorization)
      .Default(llvm::None);
}

//===----------------------------------------------------------------------===//
// Numbers
//===----------------------------------------------------------------------===//

JSONNumber::JSONNumber(double D) : Value(D) {
  if (D == std::trunc(D) && std::fabs(D) < 9.0e15) {
    Text = std::to_string(static_cast<long long>(D));
    return;
  }
  char Buf[64];
  for (int Precision = 1; Precision <= 17; ++Precision) {
    snprintf(Buf, sizeof(Buf), "%.*g", Precision, D);
    if (std::strtod(Buf, nullptr) == D)
      break;
  }
  Text = Buf;
}

llvm::Optional<JSONNumber> JSONNumber::parse(llvm::StringRef Text) {
  if (Text.startswith("+"))
    Text = Text.drop_front();
  // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, with
  // leading zeros tolerated.
  llvm::StringRef Rest = Text;
  Rest.consume_front("-");
  auto Digits = [&] {
    size_t N = 0;
    while (N < Rest.size() && llvm::isDigit(Rest[N]))
      ++N;
    Rest = Rest.drop_front(N);
    return N != 0;
  };
  if (!Digits())
    return llvm::None;
  if (Rest.consume_front(".") && !Digits())
    return llvm::None;
  if (Rest.consume_front("e") || Rest.consume_front("E")) {
    if (!Rest.consume_front("+"))
      Rest.consume_front("-");
    if (!Digits())
      return llvm::None;
  }
  if (!Rest.empty())
    return llvm::None;
  JSONNumber N;
  N.Text = Text.str();
  N.Value = std::strtod(N.Text.c_str(), nullptr);
  return N;
}

bool JSONNumber::isInteger() const {
  return llvm::StringRef(Text).find_first_of(".eE") == llvm::StringRef::npos;
}

//===----------------------------------------------------------------------===//
// Lookups
//===----------------------------------------------------------------------===//

const Property *SchemaNode::findProperty(llvm::StringRef Name) const {
  for (const Property &P : Properties)
    if (P.Name == Name)
      return &P;
  return nullptr;
}

Property *SchemaNode::findProperty(llvm::StringRef Name) {
  for (Property &P : Properties)
    if (P.Name == Name)
      return &P;
  return nullptr;
}

std::vector<std::string> SchemaNode::getRequiredNames() const {
  std::vector<std::string> Names;
  for (const Property &P : Properties)
    if (P.Required)
      Names.push_back(P.Name);
  Names.insert(Names.end(), ExtraRequired.begin(), ExtraRequired.end());
  return Names;
}

ParamStyle Parameter::getEffectiveStyle() const {
  if (Style != ParamStyle::Default)
    return Style;
  if (In == ParamIn::Path || In == ParamIn::Header)
    return ParamStyle::Simple;
  return ParamStyle::Form;
}

bool Parameter::getEffectiveExplode() const {
  if (Explode)
    return *Explode;
  return getEffectiveStyle() == ParamStyle::Form;
}

template <typename T>
static const MediaType *findMedia(const T &Content, llvm::StringRef Name) {
  for (const MediaType &MT : Content)
    if (MT.Name == Name)
      return &MT;
  return nullptr;
}

const MediaType *RequestBody::findMediaType(llvm::StringRef Name) const {
  return findMedia(Content, Name);
}

const MediaType *Response::findMediaType(llvm::StringRef Name) const {
  return findMedia(Content, Name);
}

llvm::Optional<unsigned> Response::getCode() const {
  unsigned Code;
  if (Status.size() != 3 || llvm::StringRef(Status).getAsInteger(10, Code))
    return llvm::None;
  if (Code < 100 || Code > 599)
    return llvm::None;
  return Code;
}

const Parameter *Operation::findParameter(llvm::StringRef Name,
                                          ParamIn In) const {
  for (const Parameter &P : Parameters)
    if (P.is(Name, In))
      return &P;
  return nullptr;
}

bool Parameter::is(llvm::StringRef OtherName, ParamIn OtherIn) const {
  if (In != OtherIn)
    return false;
  // HTTP header names are case-insensitive.
  return In == ParamIn::Header ? OtherName.equals_insensitive(Name)
                               : OtherName == Name;
}

const Response *Operation::findResponse(llvm::StringRef Status) const {
  for (const Response &R : Responses)
    if (R.Status == Status)
      return &R;
  return nullptr;
}

std::string Operation::getDisplayName() const {
  return methodName(M).upper() + " " + Path;
}

const OAuthFlow *SecurityScheme::findFlow(OAuthFlowKind K) const {
  for (const OAuthFlow &F : Flows)
    if (F.Kind == K)
      return &F;
  return nullptr;
}

const NamedSchema *API::findSchema(llvm::StringRef Name) const {
  unsigned I = findSchemaIndex(Name);
  return I == SchemaNode::NoIndex ? nullptr : &Schemas[I];
}

NamedSchema *API::findSchema(llvm::StringRef Name) {
  unsigned I = findSchemaIndex(Name);
  return I == SchemaNode::NoIndex ? nullptr : &Schemas[I];
}

unsigned API::findSchemaIndex(llvm::StringRef Name) const {
  for (unsigned I = 0, E = Schemas.size(); I != E; ++I)
    if (Schemas[I].Name == Name)
      return I;
  return SchemaNode::NoIndex;
}

const NamedSchema *API::getRefTarget(const SchemaNode &S) const {
  if (!S.isRef())
    return nullptr;
  if (S.RefIndex < Schemas.size() && Schemas[S.RefIndex].Name == S.Ref)
    return &Schemas[S.RefIndex];
  return findSchema(S.Ref);
}

const SecurityScheme *API::findSecurityScheme(llvm::StringRef Name) const {
  for (const SecurityScheme &S : SecuritySchemes)
    if (S.Name == Name)
      return &S;
  return nullptr;
}

const Operation *API::findOperation(llvm::StringRef OperationId) const {
  const Operation *Found = nullptr;
  forEachOperation([&](const Operation &Op) {
    if (!Found && Op.OperationId == OperationId)
      Found = &Op;
  });
  return Found;
}

const Operation *API::findOperation(Method M, llvm::StringRef Path) const {
  for (const Operation &Op : Operations)
    if (Op.M == M && Op.Path == Path)
      return &Op;
  return nullptr;
}

/// How many literal segments a template has: more literal is more specific.
static unsigned literalSegments(llvm::StringRef Template) {
  llvm::SmallVector<llvm::StringRef, 8> Segments;
  Template.split(Segments, '/');
  unsigned N = 0;
  for (llvm::StringRef S : Segments)
    N += !S.contains('{');
  return N;
}

const Operation *API::matchOperation(Method M,
                                     llvm::StringRef RequestPath) const {
  const Operation *Best = nullptr;
  unsigned BestLiterals = 0;
  for (const Operation &Op : Operations) {
    if (Op.M != M || !matchPathTemplate(Op.Path, RequestPath))
      continue;
    unsigned Literals = literalSegments(Op.Path);
    if (!Best || Literals > BestLiterals) {
      Best = &Op;
      BestLiterals = Literals;
    }
  }
  return Best;
}

static void resolveIn(SchemaNode &S, const llvm::StringMap<unsigned> &Index,
                      unsigned &Unresolved) {
  if (S.isRef()) {
    auto It = Index.find(S.Ref);
    S.RefIndex = It == Index.end() ? SchemaNode::NoIndex : It->second;
    Unresolved += It == Index.end();
  }
  S.forEachChild([&](SchemaNode &C) { resolveIn(C, Index, Unresolved); });
}

static void resolveContent(std::vector<MediaType> &Content,
                           const llvm::StringMap<unsigned> &Index,
                           unsigned &Unresolved) {
  for (MediaType &MT : Content)
    if (MT.Schema)
      resolveIn(*MT.Schema, Index, Unresolved);
}

static void resolveOperation(Operation &Op,
                             const llvm::StringMap<unsigned> &Index,
                             unsigned &Unresolved) {
  for (Parameter &P : Op.Parameters) {
    if (P.Schema)
      resolveIn(*P.Schema, Index, Unresolved);
    resolveContent(P.Content, Index, Unresolved);
  }
  if (Op.Body)
    resolveContent(Op.Body->Content, Index, Unresolved);
  for (Response &R : Op.Responses) {
    for (Header &H : R.Headers) {
      if (H.Schema)
        resolveIn(*H.Schema, Index, Unresolved);
      resolveContent(H.Content, Index, Unresolved);
    }
    resolveContent(R.Content, Index, Unresolved);
  }
  for (Callback &C : Op.Callbacks)
    for (Operation &CO : C.Operations)
      resolveOperation(CO, Index, Unresolved);
}

unsigned API::resolveReferences() {
  llvm::StringMap<unsigned> Index;
  for (unsigned I = 0, E = Schemas.size(); I != E; ++I)
    Index.try_emplace(Schemas[I].Name, I); // the first of duplicates wins
  unsigned Unresolved = 0;
  for (NamedSchema &NS : Schemas)
    resolveIn(NS.Schema, Index, Unresolved);
  for (Operation &Op : Operations)
    resolveOperation(Op, Index, Unresolved);
  for (Operation &Op : Webhooks)
    resolveOperation(Op, Index, Unresolved);
  return Unresolved;
}

//===----------------------------------------------------------------------===//
// Path templates and status codes
//===----------------------------------------------------------------------===//

bool api::parsePathTemplate(llvm::StringRef Path,
                            std::vector<std::string> &Params,
                            std::string *Error) {
  auto Fail = [&](const llvm::Twine &Msg) {
    if (Error)
      *Error = Msg.str();
    return false;
  };
  Params.clear();
  size_t Pos = 0;
  while (Pos < Path.size()) {
    char C = Path[Pos];
    if (C == '}')
      return Fail("unbalanced '}' in path template '" + Path + "'");
    if (C != '{') {
      ++Pos;
      continue;
    }
    size_t Close = Path.find_first_of("{}", Pos + 1);
    if (Close == llvm::StringRef::npos || Path[Close] != '}')
      return Fail("unterminated '{' in path template '" + Path + "'");
    llvm::StringRef Name = Path.slice(Pos + 1, Close);
    if (Name.empty())
      return Fail("empty parameter name in path template '" + Path + "'");
    Params.push_back(Name.str());
    Pos = Close + 1;
  }
  return true;
}

std::vector<std::string> api::pathTemplateParams(llvm::StringRef Path) {
  std::vector<std::string> Params;
  size_t Pos = 0;
  while ((Pos = Path.find('{', Pos)) != llvm::StringRef::npos) {
    size_t Close = Path.find('}', Pos + 1);
    if (Close == llvm::StringRef::npos)
      break;
    llvm::StringRef Name = Path.slice(Pos + 1, Close);
    if (!Name.empty() && !Name.contains('{'))
      Params.push_back(Name.str());
    Pos = Close + 1;
  }
  return Params;
}

std::string api::normalizePathTemplate(llvm::StringRef Path) {
  std::string Result;
  Result.reserve(Path.size());
  bool InParam = false;
  for (char C : Path) {
    if (InParam) {
      if (C == '}') {
        Result += '}';
        InParam = false;
      }
      continue;
    }
    Result += C;
    InParam = C == '{';
  }
  return Result;
}

bool api::matchPathTemplate(
    llvm::StringRef Template, llvm::StringRef Path,
    std::vector<std::pair<std::string, std::string>> *Args) {
  llvm::SmallVector<llvm::StringRef, 8> TSegs, PSegs;
  Template.split(TSegs, '/');
  Path.split(PSegs, '/');
  if (TSegs.size() != PSegs.size())
    return false;
  std::vector<std::pair<std::string, std::string>> Found;
  for (unsigned I = 0, E = TSegs.size(); I != E; ++I) {
    llvm::StringRef T = TSegs[I], P = PSegs[I];
    // Match literal text and `{name}` holes left to right; a hole takes
    // everything up to the next literal text (or the segment's end).
    while (!T.empty()) {
      size_t Open = T.find('{');
      llvm::StringRef Lit = T.substr(0, Open);
      if (!P.startswith(Lit))
        return false;
      P = P.drop_front(Lit.size());
      if (Open == llvm::StringRef::npos) {
        T = "";
        break;
      }
      size_t Close = T.find('}', Open);
      if (Close == llvm::StringRef::npos)
        return false;
      llvm::StringRef Name = T.slice(Open + 1, Close);
      T = T.drop_front(Close + 1);
      llvm::StringRef NextLit = T.substr(0, T.find('{'));
      size_t End = NextLit.empty() ? P.size() : P.find(NextLit);
      if (End == llvm::StringRef::npos || End == 0)
        return false;
      Found.emplace_back(Name.str(), P.substr(0, End).str());
      P = P.drop_front(End);
    }
    if (!P.empty())
      return false;
  }
  if (Args)
    *Args = std::move(Found);
  return true;
}

bool api::isValidStatusCode(llvm::StringRef Status) {
  if (Status == "default")
    return true;
  if (Status.size() != 3 || Status[0] < '1' || Status[0] > '5')
    return false;
  if (Status.substr(1) == "XX")
    return true;
  return llvm::isDigit(Status[1]) && llvm::isDigit(Status[2]);
}
