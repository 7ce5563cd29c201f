//===- APIText.cpp - Textual form of the API IR ---------------------------===//
//
// Printer (API → items) and reader (items → API) of the API IR. Both walk the
// classes in one fixed order, which is the canonical order of the text.
//
//===----------------------------------------------------------------------===//

#include "bk/API/APIText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace bk;
using namespace bk::api;
using irtext::Attr;
using irtext::Item;
using irtext::ItemReader;
using irtext::Value;

//===----------------------------------------------------------------------===//
// JSON values
//===----------------------------------------------------------------------===//

namespace {
/// A small JSON parser that turns JSON text straight into IR values,
/// keeping object keys in the order written (llvm::json does not).
class JSONParser {
public:
  explicit JSONParser(llvm::StringRef S) : S(S) {}

  bool parse(Value &Out) {
    if (!parseValue(Out, 0))
      return false;
    skipSpace();
    if (Pos != S.size())
      return fail("unexpected text after the JSON value");
    return true;
  }
  const std::string &getError() const { return Error; }

private:
  bool fail(const llvm::Twine &Msg) {
    if (Error.empty())
      Error = (Msg + " at offset " + llvm::Twine(Pos)).str();
    return false;
  }
  void skipSpace() {
    while (Pos < S.size() && (S[Pos] == ' ' || S[Pos] == '\t' ||
                              S[Pos] == '\n' || S[Pos] == '\r'))
      ++Pos;
  }
  bool consumeWord(llvm::StringRef W) {
    if (!S.substr(Pos).startswith(W))
      return false;
    Pos += W.size();
    return true;
  }

  bool parseValue(Value &Out, unsigned Depth) {
    if (Depth > 256)
      return fail("JSON value nested too deeply");
    skipSpace();
    if (Pos == S.size())
      return fail("expected a JSON value");
    char C = S[Pos];
    if (C == '"') {
      std::string Str;
      if (!parseString(Str))
        return false;
      Out = Value::string(Str);
      return true;
    }
    if (C == '[')
      return parseArray(Out, Depth);
    if (C == '{')
      return parseObject(Out, Depth);
    if (C == '-' || llvm::isDigit(C))
      return parseNumber(Out);
    for (llvm::StringRef W : {"true", "false", "null"})
      if (consumeWord(W)) {
        Out = Value::ident(W);
        return true;
      }
    return fail("expected a JSON value");
  }

  bool parseArray(Value &Out, unsigned Depth) {
    ++Pos; // [
    Out = Value::list();
    skipSpace();
    if (Pos < S.size() && S[Pos] == ']') {
      ++Pos;
      return true;
    }
    while (true) {
      Value Elt;
      if (!parseValue(Elt, Depth + 1))
        return false;
      Out.Items.push_back(std::move(Elt));
      skipSpace();
      if (Pos < S.size() && S[Pos] == ',') {
        ++Pos;
        continue;
      }
      if (Pos < S.size() && S[Pos] == ']') {
        ++Pos;
        return true;
      }
      return fail("expected ',' or ']' in JSON array");
    }
  }

  bool parseObject(Value &Out, unsigned Depth) {
    ++Pos; // {
    Out = Value::list({Value::ident("object")});
    skipSpace();
    if (Pos < S.size() && S[Pos] == '}') {
      ++Pos;
      return true;
    }
    while (true) {
      skipSpace();
      std::string Key;
      if (Pos == S.size() || S[Pos] != '"')
        return fail("expected a string key in JSON object");
      if (!parseString(Key))
        return false;
      skipSpace();
      if (Pos == S.size() || S[Pos] != ':')
        return fail("expected ':' in JSON object");
      ++Pos;
      Value Member;
      if (!parseValue(Member, Depth + 1))
        return false;
      Out.Items.push_back(Value::list({Value::string(Key), std::move(Member)}));
      skipSpace();
      if (Pos < S.size() && S[Pos] == ',') {
        ++Pos;
        continue;
      }
      if (Pos < S.size() && S[Pos] == '}') {
        ++Pos;
        return true;
      }
      return fail("expected ',' or '}' in JSON object");
    }
  }

  bool parseNumber(Value &Out) {
    size_t Start = Pos;
    bool IsInteger = true;
    if (S[Pos] == '-')
      ++Pos;
    auto Digits = [&] {
      size_t B = Pos;
      while (Pos < S.size() && llvm::isDigit(S[Pos]))
        ++Pos;
      return Pos != B;
    };
    if (!Digits())
      return fail("expected digits in JSON number");
    if (Pos < S.size() && S[Pos] == '.') {
      ++Pos;
      IsInteger = false;
      if (!Digits())
        return fail("expected digits after '.' in JSON number");
    }
    if (Pos < S.size() && (S[Pos] == 'e' || S[Pos] == 'E')) {
      ++Pos;
      IsInteger = false;
      if (Pos < S.size() && (S[Pos] == '+' || S[Pos] == '-'))
        ++Pos;
      if (!Digits())
        return fail("expected digits in JSON exponent");
    }
    llvm::StringRef Text = S.slice(Start, Pos);
    int64_t N;
    if (IsInteger && !Text.getAsInteger(10, N)) {
      Out = Value::integer(N);
      return true;
    }
    Out = Value();
    Out.K = Value::Float;
    Out.Text = Text.str();
    return true;
  }

  static void appendUTF8(std::string &Out, unsigned CP) {
    if (CP < 0x80) {
      Out += static_cast<char>(CP);
    } else if (CP < 0x800) {
      Out += static_cast<char>(0xC0 | (CP >> 6));
      Out += static_cast<char>(0x80 | (CP & 0x3F));
    } else if (CP < 0x10000) {
      Out += static_cast<char>(0xE0 | (CP >> 12));
      Out += static_cast<char>(0x80 | ((CP >> 6) & 0x3F));
      Out += static_cast<char>(0x80 | (CP & 0x3F));
    } else {
      Out += static_cast<char>(0xF0 | (CP >> 18));
      Out += static_cast<char>(0x80 | ((CP >> 12) & 0x3F));
      Out += static_cast<char>(0x80 | ((CP >> 6) & 0x3F));
      Out += static_cast<char>(0x80 | (CP & 0x3F));
    }
  }

  bool parseHex4(unsigned &CP) {
    if (Pos + 4 > S.size())
      return fail("truncated \\u escape in JSON string");
    if (S.substr(Pos, 4).getAsInteger(16, CP))
      return fail("invalid \\u escape in JSON string");
    Pos += 4;
    return true;
  }

  bool parseString(std::string &Out) {
    ++Pos; // "
    while (true) {
      if (Pos == S.size())
        return fail("unterminated JSON string");
      char C = S[Pos++];
      if (C == '"')
        return true;
      if (static_cast<unsigned char>(C) < 0x20)
        return fail("control character in JSON string");
      if (C != '\\') {
        Out += C;
        continue;
      }
      if (Pos == S.size())
        return fail("unterminated JSON string");
      char E = S[Pos++];
      switch (E) {
      case '"':
      case '\\':
      case '/':
        Out += E;
        break;
      case 'b':
        Out += '\b';
        break;
      case 'f':
        Out += '\f';
        break;
      case 'n':
        Out += '\n';
        break;
      case 'r':
        Out += '\r';
        break;
      case 't':
        Out += '\t';
        break;
      case 'u': {
        unsigned CP;
        if (!parseHex4(CP))
          return false;
        if (CP >= 0xD800 && CP < 0xDC00 && S.substr(Pos).startswith("\\u")) {
          size_t Save = Pos;
          Pos += 2;
          unsigned Low;
          if (!parseHex4(Low))
            return false;
          if (Low >= 0xDC00 && Low < 0xE000)
            CP = 0x10000 + ((CP - 0xD800) << 10) + (Low - 0xDC00);
          else
            Pos = Save;
        }
        appendUTF8(Out, CP);
        break;
      }
      default:
        return fail("invalid escape in JSON string");
      }
    }
  }

  llvm::StringRef S;
  size_t Pos = 0;
  std::string Error;
};
} // namespace

bool api::jsonToValue(llvm::StringRef JSON, Value &Out, std::string *Error) {
  JSONParser P(JSON);
  if (P.parse(Out))
    return true;
  if (Error)
    *Error = P.getError();
  return false;
}

bool api::isValidJSON(llvm::StringRef JSON) {
  Value V;
  return jsonToValue(JSON, V);
}

void api::appendJSONString(std::string &Out, llvm::StringRef S) {
  Out += '"';
  for (char C : S) {
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\r':
      Out += "\\r";
      break;
    case '\t':
      Out += "\\t";
      break;
    case '\b':
      Out += "\\b";
      break;
    case '\f':
      Out += "\\f";
      break;
    default:
      if (static_cast<unsigned char>(C) < 0x20) {
        char Buf[8];
        snprintf(Buf, sizeof(Buf), "\\u%04x", static_cast<unsigned>(C));
        Out += Buf;
      } else {
        Out += C;
      }
    }
  }
  Out += '"';
}

static bool isObjectList(const Value &V) {
  return V.isList() && !V.Items.empty() && V.Items[0].K == Value::Ident &&
         V.Items[0].Text == "object";
}

static bool appendJSON(const Value &V, std::string &Out) {
  switch (V.K) {
  case Value::String:
    appendJSONString(Out, V.Text);
    return true;
  case Value::Ident:
    if (V.Text == "true" || V.Text == "false" || V.Text == "null")
      Out += V.Text;
    else
      appendJSONString(Out, V.Text);
    return true;
  case Value::Integer:
  case Value::Float:
    if (!isValidJSON(V.Text))
      return false;
    Out += V.Text;
    return true;
  case Value::List:
    break;
  }
  if (isObjectList(V)) {
    Out += '{';
    for (size_t I = 1, E = V.Items.size(); I != E; ++I) {
      const Value &Member = V.Items[I];
      if (!Member.isList() || Member.Items.size() != 2 ||
          !Member.Items[0].isText())
        return false;
      if (I != 1)
        Out += ',';
      appendJSONString(Out, Member.Items[0].Text);
      Out += ':';
      if (!appendJSON(Member.Items[1], Out))
        return false;
    }
    Out += '}';
    return true;
  }
  Out += '[';
  for (size_t I = 0, E = V.Items.size(); I != E; ++I) {
    if (I)
      Out += ',';
    if (!appendJSON(V.Items[I], Out))
      return false;
  }
  Out += ']';
  return true;
}

bool api::valueToJSON(const Value &V, std::string &Out) {
  Out.clear();
  return appendJSON(V, Out);
}

//===----------------------------------------------------------------------===//
// Printer
//===----------------------------------------------------------------------===//

static Value numberValue(const JSONNumber &N) {
  Value V;
  V.K = N.isInteger() ? Value::Integer : Value::Float;
  V.Text = N.Text;
  return V;
}

/// The IR value of JSON text; a string holding the text when it is not
/// valid JSON (which the verifier reports).
static Value jsonValue(llvm::StringRef JSON) {
  Value V;
  if (jsonToValue(JSON, V))
    return V;
  return Value::string(JSON);
}

/// Adds Name = "S" (always quoted: free text, URLs) unless S is empty.
static void textAttr(Item &I, llvm::StringRef Name, llvm::StringRef S) {
  if (!S.empty())
    I.attr(Name, Value::string(S));
}

namespace {
class Printer {
public:
  explicit Printer(bool WithLocations) : WithLocations(WithLocations) {}

  Item printAPI(const API &A);

private:
  Item item(llvm::StringRef Kind, Loc L) const {
    Item I(Kind);
    if (WithLocations && L.isValid())
      I.Origin = L;
    return I;
  }

  void schemaBody(Item &I, const SchemaNode &S);
  Item schemaItem(llvm::StringRef Kind, const SchemaNode &S) {
    Item I = item(Kind, S.Location);
    schemaBody(I, S);
    return I;
  }
  void extensions(Item &I, const std::vector<Extension> &Exts);
  void examples(Item &I, const llvm::Optional<std::string> &Inline,
                const std::vector<NamedExample> &Examples);
  void content(Item &I, const std::vector<MediaType> &Content);
  Item parameter(const Parameter &P);
  Item response(const Response &R);
  Item security(const SecurityRequirement &S);
  Item operation(llvm::StringRef Kind, const Operation &Op);
  Item securityScheme(const SecurityScheme &S);

  bool WithLocations;
};
} // namespace

void Printer::extensions(Item &I, const std::vector<Extension> &Exts) {
  for (const Extension &E : Exts) {
    Item X = item("extension", E.Location);
    X.arg(Value::name(E.Name));
    X.attr("value", jsonValue(E.JSON));
    I.child(std::move(X));
  }
}

void Printer::schemaBody(Item &I, const SchemaNode &S) {
  if (S.isRef())
    I.attr("ref", Value::name(S.Ref));
  if (!S.Types.empty()) {
    std::vector<JSONType> Types = S.Types.types();
    if (Types.size() == 1) {
      I.attr("type", Value::ident(jsonTypeName(Types[0])));
    } else {
      std::vector<Value> Names;
      for (JSONType T : Types)
        Names.push_back(Value::ident(jsonTypeName(T)));
      I.attr("type", Value::list(std::move(Names)));
    }
  }
  I.attrIfNotEmpty("format", S.Format);
  textAttr(I, "title", S.Title);
  textAttr(I, "description", S.Description);
  if (!S.Enum.empty()) {
    std::vector<Value> Values;
    for (const std::string &E : S.Enum)
      Values.push_back(jsonValue(E));
    I.attr("enum", Value::list(std::move(Values)));
  }
  if (S.Const)
    I.attr("const", jsonValue(*S.Const));
  if (S.Default)
    I.attr("default", jsonValue(*S.Default));
  if (S.Example)
    I.attr("example", jsonValue(*S.Example));
  std::vector<std::string> Required = S.getRequiredNames();
  if (!Required.empty())
    I.attr("required", Value::nameList(Required));
  if (S.Additional == AdditionalKind::Allowed)
    I.attr("additional_properties", Value::ident("true"));
  else if (S.Additional == AdditionalKind::Forbidden)
    I.attr("additional_properties", Value::ident("false"));
  auto Count = [&](llvm::StringRef Name, const llvm::Optional<uint64_t> &N) {
    if (N)
      I.attr(Name, Value::integer(static_cast<int64_t>(*N)));
  };
  auto Number = [&](llvm::StringRef Name, const llvm::Optional<JSONNumber> &N) {
    if (N)
      I.attr(Name, numberValue(*N));
  };
  Count("min_properties", S.MinProperties);
  Count("max_properties", S.MaxProperties);
  Count("min_items", S.MinItems);
  Count("max_items", S.MaxItems);
  I.flag("unique_items", S.UniqueItems);
  Count("min_length", S.MinLength);
  Count("max_length", S.MaxLength);
  if (!S.Pattern.empty())
    I.attr("pattern", Value::string(S.Pattern));
  Number("minimum", S.Minimum);
  Number("exclusive_minimum", S.ExclusiveMinimum);
  Number("maximum", S.Maximum);
  Number("exclusive_maximum", S.ExclusiveMaximum);
  Number("multiple_of", S.MultipleOf);
  I.flag("read_only", S.ReadOnly);
  I.flag("write_only", S.WriteOnly);
  I.flag("deprecated", S.Deprecated);

  for (const Property &P : S.Properties) {
    Item PI = item("property", P.Location);
    PI.arg(Value::name(P.Name));
    if (P.Schema)
      schemaBody(PI, *P.Schema);
    I.child(std::move(PI));
  }
  if (S.Additional == AdditionalKind::Schema && S.AdditionalProperties)
    I.child(schemaItem("additional_properties", *S.AdditionalProperties));
  if (S.Items)
    I.child(schemaItem("items", *S.Items));
  for (const auto &C : S.PrefixItems)
    I.child(schemaItem("prefix_item", *C));
  for (const auto &C : S.AllOf)
    I.child(schemaItem("all_of", *C));
  for (const auto &C : S.OneOf)
    I.child(schemaItem("one_of", *C));
  for (const auto &C : S.AnyOf)
    I.child(schemaItem("any_of", *C));
  if (S.Not)
    I.child(schemaItem("not", *S.Not));
  if (S.Disc) {
    Item D = item("discriminator", S.Disc->Location);
    D.arg(Value::name(S.Disc->PropertyName));
    for (const auto &M : S.Disc->Mapping) {
      Item MI("mapping");
      MI.arg(Value::name(M.first)).arg(Value::name(M.second));
      D.child(std::move(MI));
    }
    I.child(std::move(D));
  }
  extensions(I, S.Extensions);
}

void Printer::examples(Item &I, const llvm::Optional<std::string> &Inline,
                       const std::vector<NamedExample> &Examples) {
  if (Inline)
    I.attr("example", jsonValue(*Inline));
  for (const NamedExample &E : Examples) {
    Item EI = item("example", E.Location);
    EI.arg(Value::name(E.Name));
    textAttr(EI, "summary", E.Summary);
    textAttr(EI, "description", E.Description);
    if (E.Value)
      EI.attr("value", jsonValue(*E.Value));
    textAttr(EI, "external_value", E.ExternalValue);
    I.child(std::move(EI));
  }
}

void Printer::content(Item &I, const std::vector<MediaType> &Content) {
  for (const MediaType &MT : Content) {
    Item CI = item("content", MT.Location);
    CI.arg(Value::string(MT.Name));
    if (MT.Schema)
      CI.child(schemaItem("schema", *MT.Schema));
    examples(CI, MT.Example, MT.Examples);
    I.child(std::move(CI));
  }
}

Item Printer::parameter(const Parameter &P) {
  Item I = item("parameter", P.Location);
  I.arg(Value::name(P.Name));
  I.attr("in", Value::ident(paramInName(P.In)));
  textAttr(I, "description", P.Description);
  I.flag("required", P.Required);
  I.flag("deprecated", P.Deprecated);
  I.flag("allow_empty_value", P.AllowEmptyValue);
  if (P.Style != ParamStyle::Default)
    I.attr("style", Value::ident(paramStyleName(P.Style)));
  if (P.Explode) {
    if (*P.Explode)
      I.flag("explode");
    else
      I.attr("explode", Value::ident("false"));
  }
  I.flag("allow_reserved", P.AllowReserved);
  if (P.Schema)
    I.child(schemaItem("schema", *P.Schema));
  content(I, P.Content);
  examples(I, P.Example, P.Examples);
  extensions(I, P.Extensions);
  return I;
}

Item Printer::response(const Response &R) {
  Item I = item("response", R.Location);
  I.arg(Value::name(R.Status));
  textAttr(I, "description", R.Description);
  for (const Header &H : R.Headers) {
    Item HI = item("header", H.Location);
    HI.arg(Value::name(H.Name));
    textAttr(HI, "description", H.Description);
    HI.flag("required", H.Required);
    HI.flag("deprecated", H.Deprecated);
    if (H.Schema)
      HI.child(schemaItem("schema", *H.Schema));
    content(HI, H.Content);
    I.child(std::move(HI));
  }
  content(I, R.Content);
  for (const Link &L : R.Links) {
    Item LI = item("link", L.Location);
    LI.arg(Value::name(L.Name));
    LI.attrIfNotEmpty("operation_id", L.OperationId);
    textAttr(LI, "operation_ref", L.OperationRef);
    textAttr(LI, "description", L.Description);
    textAttr(LI, "request_body", L.RequestBody);
    for (const auto &P : L.Parameters) {
      Item PI("parameter");
      PI.arg(Value::name(P.first)).arg(Value::string(P.second));
      LI.child(std::move(PI));
    }
    I.child(std::move(LI));
  }
  extensions(I, R.Extensions);
  return I;
}

Item Printer::security(const SecurityRequirement &S) {
  Item I = item("security", S.Location);
  for (const SecurityAlternative &Alt : S.Alternatives) {
    Item AI = item("require", Alt.Location);
    bool AnyScopes = llvm::any_of(
        Alt.Schemes, [](const SchemeUse &U) { return !U.Scopes.empty(); });
    if (Alt.Schemes.size() == 1 || !AnyScopes) {
      // Compact form: `require a b;` or `require a [scopes = (...)];`.
      for (const SchemeUse &U : Alt.Schemes)
        AI.arg(Value::name(U.Scheme));
      if (Alt.Schemes.size() == 1 && AnyScopes)
        AI.attr("scopes", Value::nameList(Alt.Schemes[0].Scopes));
    } else {
      for (const SchemeUse &U : Alt.Schemes) {
        Item UI = item("scheme", U.Location);
        UI.arg(Value::name(U.Scheme));
        if (!U.Scopes.empty())
          UI.attr("scopes", Value::nameList(U.Scopes));
        AI.child(std::move(UI));
      }
    }
    I.child(std::move(AI));
  }
  return I;
}

Item Printer::operation(llvm::StringRef Kind, const Operation &Op) {
  Item I = item(Kind, Op.Location);
  // A webhook's "path" is its name.
  I.arg(Value::ident(methodName(Op.M)))
      .arg(Kind == "webhook" ? Value::name(Op.Path) : Value::string(Op.Path));
  I.attrIfNotEmpty("operation_id", Op.OperationId);
  textAttr(I, "summary", Op.Summary);
  textAttr(I, "description", Op.Description);
  if (!Op.Tags.empty())
    I.attr("tags", Value::nameList(Op.Tags));
  I.flag("deprecated", Op.Deprecated);
  for (const Parameter &P : Op.Parameters)
    I.child(parameter(P));
  if (Op.Body) {
    const RequestBody &B = *Op.Body;
    Item BI = item("request_body", B.Location);
    textAttr(BI, "description", B.Description);
    BI.flag("required", B.Required);
    content(BI, B.Content);
    I.child(std::move(BI));
  }
  for (const Response &R : Op.Responses)
    I.child(response(R));
  if (Op.Security)
    I.child(security(*Op.Security));
  for (const Callback &C : Op.Callbacks) {
    Item CI = item("callback", C.Location);
    CI.arg(Value::name(C.Name));
    for (const Operation &CO : C.Operations)
      CI.child(operation("operation", CO));
    I.child(std::move(CI));
  }
  extensions(I, Op.Extensions);
  return I;
}

Item Printer::securityScheme(const SecurityScheme &S) {
  Item I = item("security_scheme", S.Location);
  I.arg(Value::name(S.Name));
  I.attr("type", Value::ident(securitySchemeTypeName(S.Type)));
  textAttr(I, "description", S.Description);
  switch (S.Type) {
  case SecuritySchemeType::HTTP:
    I.attrIfNotEmpty("scheme", S.Scheme);
    I.attrIfNotEmpty("bearer_format", S.BearerFormat);
    break;
  case SecuritySchemeType::APIKey:
    I.attr("in", Value::ident(paramInName(S.KeyIn)));
    I.attrIfNotEmpty("name", S.KeyName);
    break;
  case SecuritySchemeType::OpenIDConnect:
    textAttr(I, "url", S.OpenIdConnectUrl);
    break;
  case SecuritySchemeType::OAuth2:
  case SecuritySchemeType::MutualTLS:
    break;
  }
  I.flag("deprecated", S.Deprecated);
  for (const OAuthFlow &F : S.Flows) {
    Item FI = item("flow", F.Location);
    FI.arg(Value::ident(oauthFlowKindName(F.Kind)));
    textAttr(FI, "authorization_url", F.AuthorizationUrl);
    textAttr(FI, "device_authorization_url", F.DeviceAuthorizationUrl);
    textAttr(FI, "token_url", F.TokenUrl);
    textAttr(FI, "refresh_url", F.RefreshUrl);
    for (const OAuthScope &Sc : F.Scopes) {
      Item SI = item("scope", Sc.Location);
      SI.arg(Value::name(Sc.Name));
      textAttr(SI, "description", Sc.Description);
      FI.child(std::move(SI));
    }
    I.child(std::move(FI));
  }
  return I;
}

Item Printer::printAPI(const API &A) {
  Item I = item("api", A.Location);
  I.arg(Value::string(A.TheInfo.Title));
  if (!A.OpenAPIVersion.empty())
    I.attr("openapi", Value::string(A.OpenAPIVersion));
  if (!A.TheInfo.Version.empty())
    I.attr("version", Value::string(A.TheInfo.Version));
  textAttr(I, "summary", A.TheInfo.Summary);
  textAttr(I, "description", A.TheInfo.Description);
  // An empty API still prints a body, so the reader sees an `api {}`.
  I.HasBody = true;
  for (const Server &S : A.Servers) {
    Item SI = item("server", S.Location);
    SI.arg(Value::string(S.Url));
    textAttr(SI, "description", S.Description);
    for (const ServerVariable &V : S.Variables) {
      Item VI = item("variable", V.Location);
      VI.arg(Value::name(V.Name));
      VI.attr("default", Value::name(V.Default));
      if (!V.Enum.empty()) {
        std::vector<Value> Values;
        for (const std::string &E : V.Enum)
          Values.push_back(Value::name(E));
        VI.attr("enum", Value::list(std::move(Values)));
      }
      textAttr(VI, "description", V.Description);
      SI.child(std::move(VI));
    }
    I.child(std::move(SI));
  }
  for (const Tag &T : A.Tags) {
    Item TI = item("tag", T.Location);
    TI.arg(Value::name(T.Name));
    textAttr(TI, "description", T.Description);
    I.child(std::move(TI));
  }
  for (const SecurityScheme &S : A.SecuritySchemes)
    I.child(securityScheme(S));
  if (A.Security)
    I.child(security(*A.Security));
  for (const NamedSchema &NS : A.Schemas) {
    Item SI = item("schema", NS.Schema.Location);
    SI.arg(Value::name(NS.Name));
    schemaBody(SI, NS.Schema);
    I.child(std::move(SI));
  }
  for (const Operation &Op : A.Operations)
    I.child(operation("operation", Op));
  for (const Operation &Op : A.Webhooks)
    I.child(operation("webhook", Op));
  extensions(I, A.Extensions);
  return I;
}

std::vector<Item> api::toItems(const API &A, bool WithLocations) {
  std::vector<Item> Items;
  Items.push_back(Printer(WithLocations).printAPI(A));
  return Items;
}

void api::printAPI(llvm::raw_ostream &OS, const API &A, bool PrintLocations) {
  irtext::print(OS, toItems(A, PrintLocations));
}

//===----------------------------------------------------------------------===//
// Reader
//===----------------------------------------------------------------------===//

namespace {
class Reader {
public:
  explicit Reader(DiagnosticEngine &Diags) : Diags(Diags) {}

  std::unique_ptr<API> readAPI(const Item &I);

private:
  // Attribute helpers over ItemReader.
  std::string str(ItemReader &R, llvm::StringRef Name);
  std::string requiredStr(ItemReader &R, llvm::StringRef Name);
  llvm::Optional<bool> optBool(ItemReader &R, llvm::StringRef Name);
  llvm::Optional<uint64_t> count(ItemReader &R, llvm::StringRef Name);
  llvm::Optional<JSONNumber> number(ItemReader &R, llvm::StringRef Name);
  llvm::Optional<std::string> json(ItemReader &R, llvm::StringRef Name);
  std::vector<std::string> names(ItemReader &R, llvm::StringRef Name);
  template <typename T>
  llvm::Optional<T> enumAttr(ItemReader &R, llvm::StringRef Name,
                             llvm::Optional<T> (*Parse)(llvm::StringRef),
                             llvm::StringRef What, bool IsRequired);
  void unknownChild(const Item &Child, llvm::StringRef Parent);

  void readSchemaBody(ItemReader &R, SchemaNode &S, llvm::StringRef What);
  std::unique_ptr<SchemaNode> readSchema(const Item &I, llvm::StringRef What);
  bool readExtension(const Item &I, std::vector<Extension> &Exts);
  bool readExample(const Item &I, std::vector<NamedExample> &Examples);
  bool readContent(const Item &I, std::vector<MediaType> &Content);
  void readParameter(const Item &I, Parameter &P);
  void readResponse(const Item &I, Response &R);
  void readSecurity(const Item &I, SecurityRequirement &S);
  void readOperation(const Item &I, Operation &Op);
  void readSecurityScheme(const Item &I, SecurityScheme &S);
  void readServer(const Item &I, Server &S);

  DiagnosticEngine &Diags;
};
} // namespace

std::string Reader::str(ItemReader &R, llvm::StringRef Name) {
  llvm::Optional<std::string> T = R.optText(Name);
  return T ? *T : std::string();
}

std::string Reader::requiredStr(ItemReader &R, llvm::StringRef Name) {
  if (!R.item().findAttr(Name)) {
    R.error("missing attribute '" + Name + "'");
    return "";
  }
  return str(R, Name);
}

llvm::Optional<bool> Reader::optBool(ItemReader &R, llvm::StringRef Name) {
  const Attr *A = R.item().findAttr(Name);
  if (!A)
    return llvm::None;
  if (!A->V)
    return R.flag(Name);
  const Value *V = R.raw(Name);
  if (V && V->K == Value::Ident && (V->Text == "true" || V->Text == "false"))
    return V->Text == "true";
  R.error(*A, "attribute '" + Name + "' expects true or false");
  return llvm::None;
}

llvm::Optional<uint64_t> Reader::count(ItemReader &R, llvm::StringRef Name) {
  const Attr *A = R.item().findAttr(Name);
  llvm::Optional<int64_t> N = R.integer(Name);
  if (!N)
    return llvm::None;
  if (*N < 0) {
    R.error(*A, "attribute '" + Name + "' must not be negative");
    return llvm::None;
  }
  return static_cast<uint64_t>(*N);
}

llvm::Optional<JSONNumber> Reader::number(ItemReader &R, llvm::StringRef Name) {
  const Attr *A = R.item().findAttr(Name);
  const Value *V = R.raw(Name);
  if (!V)
    return llvm::None;
  llvm::Optional<JSONNumber> N;
  if (V->K == Value::Integer || V->K == Value::Float)
    N = JSONNumber::parse(V->Text);
  if (!N)
    R.error(*A, "attribute '" + Name + "' expects a number");
  return N;
}

llvm::Optional<std::string> Reader::json(ItemReader &R, llvm::StringRef Name) {
  const Attr *A = R.item().findAttr(Name);
  if (!A)
    return llvm::None;
  const Value *V = R.raw(Name);
  if (!V)
    return llvm::None;
  std::string Out;
  if (!valueToJSON(*V, Out)) {
    R.error(*A, "attribute '" + Name + "' expects a JSON value");
    return llvm::None;
  }
  return Out;
}

std::vector<std::string> Reader::names(ItemReader &R, llvm::StringRef Name) {
  if (!R.item().findAttr(Name))
    return {};
  return R.textList(Name);
}

template <typename T>
llvm::Optional<T> Reader::enumAttr(ItemReader &R, llvm::StringRef Name,
                                   llvm::Optional<T> (*Parse)(llvm::StringRef),
                                   llvm::StringRef What, bool IsRequired) {
  const Attr *A = R.item().findAttr(Name);
  if (!A) {
    if (IsRequired)
      R.error("missing attribute '" + Name + "'");
    return llvm::None;
  }
  llvm::Optional<std::string> Text = R.optText(Name);
  if (!Text)
    return llvm::None;
  llvm::Optional<T> Result = Parse(*Text);
  if (!Result)
    R.error(*A, "unknown " + What + " '" + *Text + "'");
  return Result;
}

void Reader::unknownChild(const Item &Child, llvm::StringRef Parent) {
  Diags.error(Child.Location, "unknown item '" + Child.Kind + "' in " + Parent);
}

std::unique_ptr<SchemaNode> Reader::readSchema(const Item &I,
                                               llvm::StringRef What) {
  auto S = std::make_unique<SchemaNode>();
  ItemReader R(Diags, I);
  R.expectArgs(0, 0);
  readSchemaBody(R, *S, What);
  R.finish();
  return S;
}

void Reader::readSchemaBody(ItemReader &R, SchemaNode &S,
                            llvm::StringRef What) {
  const Item &I = R.item();
  S.Location = R.loc();
  S.Ref = str(R, "ref");
  if (const Attr *A = I.findAttr("type")) {
    const Value *V = R.raw("type");
    std::vector<const Value *> Names;
    if (V && V->isList()) {
      for (const Value &E : V->Items)
        Names.push_back(&E);
      if (Names.empty())
        R.error(*A, "attribute 'type' expects at least one type");
    } else if (V) {
      Names.push_back(V);
    }
    for (const Value *N : Names) {
      llvm::Optional<JSONType> T;
      if (N->isText())
        T = parseJSONType(N->Text);
      if (!T) {
        R.error(*A, "unknown type '" + N->Text + "'");
        continue;
      }
      S.Types.add(*T);
    }
  }
  S.Format = str(R, "format");
  S.Title = str(R, "title");
  S.Description = str(R, "description");
  if (const Attr *A = I.findAttr("enum")) {
    const Value *V = R.raw("enum");
    if (!V || !V->isList()) {
      R.error(*A, "attribute 'enum' expects a list of JSON values");
    } else {
      for (const Value &E : V->Items) {
        std::string Out;
        if (!valueToJSON(E, Out)) {
          R.error(*A, "attribute 'enum' expects a list of JSON values");
          break;
        }
        S.Enum.push_back(std::move(Out));
      }
    }
  }
  S.Const = json(R, "const");
  S.Default = json(R, "default");
  S.Example = json(R, "example");
  std::vector<std::string> Required = names(R, "required");
  if (llvm::Optional<bool> B = optBool(R, "additional_properties"))
    S.Additional = *B ? AdditionalKind::Allowed : AdditionalKind::Forbidden;
  S.MinProperties = count(R, "min_properties");
  S.MaxProperties = count(R, "max_properties");
  S.MinItems = count(R, "min_items");
  S.MaxItems = count(R, "max_items");
  S.UniqueItems = R.flag("unique_items");
  S.MinLength = count(R, "min_length");
  S.MaxLength = count(R, "max_length");
  S.Pattern = str(R, "pattern");
  S.Minimum = number(R, "minimum");
  S.ExclusiveMinimum = number(R, "exclusive_minimum");
  S.Maximum = number(R, "maximum");
  S.ExclusiveMaximum = number(R, "exclusive_maximum");
  S.MultipleOf = number(R, "multiple_of");
  S.ReadOnly = R.flag("read_only");
  S.WriteOnly = R.flag("write_only");
  S.Deprecated = R.flag("deprecated");

  for (const Item &C : I.Children) {
    llvm::StringRef K = C.Kind;
    if (K == "property") {
      ItemReader PR(Diags, C);
      Property P;
      if (PR.expectArgs(1, 1))
        P.Name = PR.argText(0);
      P.Location = PR.loc();
      if (S.findProperty(P.Name))
        PR.error("duplicate property '" + P.Name + "'");
      P.Schema = std::make_unique<SchemaNode>();
      readSchemaBody(PR, *P.Schema, "property");
      PR.finish();
      S.Properties.push_back(std::move(P));
    } else if (K == "additional_properties") {
      if (S.Additional != AdditionalKind::Unspecified) {
        Diags.error(C.Location, "additional_properties given twice");
        continue;
      }
      S.Additional = AdditionalKind::Schema;
      S.AdditionalProperties = readSchema(C, "schema");
    } else if (K == "items") {
      if (S.Items) {
        Diags.error(C.Location, "items given twice");
        continue;
      }
      S.Items = readSchema(C, "schema");
    } else if (K == "prefix_item") {
      S.PrefixItems.push_back(readSchema(C, "schema"));
    } else if (K == "all_of") {
      S.AllOf.push_back(readSchema(C, "schema"));
    } else if (K == "one_of") {
      S.OneOf.push_back(readSchema(C, "schema"));
    } else if (K == "any_of") {
      S.AnyOf.push_back(readSchema(C, "schema"));
    } else if (K == "not") {
      if (S.Not) {
        Diags.error(C.Location, "not given twice");
        continue;
      }
      S.Not = readSchema(C, "schema");
    } else if (K == "discriminator") {
      if (S.Disc) {
        Diags.error(C.Location, "discriminator given twice");
        continue;
      }
      ItemReader DR(Diags, C);
      Discriminator D;
      if (DR.expectArgs(1, 1))
        D.PropertyName = DR.argText(0);
      D.Location = DR.loc();
      for (const Item &M : C.Children) {
        if (M.Kind != "mapping") {
          unknownChild(M, "discriminator");
          continue;
        }
        ItemReader MR(Diags, M);
        if (MR.expectArgs(2, 2))
          D.Mapping.emplace_back(MR.argText(0), MR.argText(1));
        MR.finish();
      }
      DR.finish();
      S.Disc = std::move(D);
    } else if (!readExtension(C, S.Extensions)) {
      unknownChild(C, What);
    }
  }

  // `required` names properties (or, for allOf siblings, names declared
  // elsewhere).
  for (const std::string &N : Required) {
    Property *P = S.findProperty(N);
    bool Seen = P ? P->Required : llvm::is_contained(S.ExtraRequired, N);
    if (Seen) {
      R.error(*I.findAttr("required"),
              "duplicate name '" + N + "' in attribute 'required'");
      continue;
    }
    if (P)
      P->Required = true;
    else
      S.ExtraRequired.push_back(N);
  }
}

bool Reader::readExtension(const Item &I, std::vector<Extension> &Exts) {
  if (I.Kind != "extension")
    return false;
  ItemReader R(Diags, I);
  Extension E;
  if (R.expectArgs(1, 1))
    E.Name = R.argText(0);
  E.Location = R.loc();
  if (!I.findAttr("value"))
    R.error("missing attribute 'value'");
  else if (llvm::Optional<std::string> J = json(R, "value"))
    E.JSON = *J;
  R.finish();
  Exts.push_back(std::move(E));
  return true;
}

bool Reader::readExample(const Item &I, std::vector<NamedExample> &Examples) {
  if (I.Kind != "example")
    return false;
  ItemReader R(Diags, I);
  NamedExample E;
  if (R.expectArgs(1, 1))
    E.Name = R.argText(0);
  E.Location = R.loc();
  E.Summary = str(R, "summary");
  E.Description = str(R, "description");
  E.Value = json(R, "value");
  E.ExternalValue = str(R, "external_value");
  for (const Item &C : I.Children)
    unknownChild(C, "example");
  R.finish();
  Examples.push_back(std::move(E));
  return true;
}

bool Reader::readContent(const Item &I, std::vector<MediaType> &Content) {
  if (I.Kind != "content")
    return false;
  ItemReader R(Diags, I);
  MediaType MT;
  if (R.expectArgs(1, 1))
    MT.Name = R.argText(0);
  MT.Location = R.loc();
  MT.Example = json(R, "example");
  for (const Item &C : I.Children) {
    if (C.Kind == "schema") {
      if (MT.Schema) {
        Diags.error(C.Location, "schema given twice");
        continue;
      }
      MT.Schema = readSchema(C, "schema");
      continue;
    }
    if (!readExample(C, MT.Examples))
      unknownChild(C, "content");
  }
  R.finish();
  Content.push_back(std::move(MT));
  return true;
}

void Reader::readParameter(const Item &I, Parameter &P) {
  ItemReader R(Diags, I);
  if (R.expectArgs(1, 1))
    P.Name = R.argText(0);
  P.Location = R.loc();
  if (auto In = enumAttr<ParamIn>(R, "in", parseParamIn, "parameter location",
                                  /*IsRequired=*/true))
    P.In = *In;
  P.Description = str(R, "description");
  P.Required = R.flag("required");
  P.Deprecated = R.flag("deprecated");
  P.AllowEmptyValue = R.flag("allow_empty_value");
  if (auto Style =
          enumAttr<ParamStyle>(R, "style", parseParamStyle, "parameter style",
                               /*IsRequired=*/false))
    P.Style = *Style;
  P.Explode = optBool(R, "explode");
  P.AllowReserved = R.flag("allow_reserved");
  P.Example = json(R, "example");
  for (const Item &C : I.Children) {
    if (C.Kind == "schema") {
      if (P.Schema) {
        Diags.error(C.Location, "schema given twice");
        continue;
      }
      P.Schema = readSchema(C, "schema");
      continue;
    }
    if (readContent(C, P.Content) || readExample(C, P.Examples) ||
        readExtension(C, P.Extensions))
      continue;
    unknownChild(C, "parameter");
  }
  R.finish();
}

void Reader::readResponse(const Item &I, Response &Resp) {
  ItemReader R(Diags, I);
  if (R.expectArgs(1, 1))
    Resp.Status = R.argText(0);
  Resp.Location = R.loc();
  Resp.Description = str(R, "description");
  for (const Item &C : I.Children) {
    if (C.Kind == "header") {
      ItemReader HR(Diags, C);
      Header H;
      if (HR.expectArgs(1, 1))
        H.Name = HR.argText(0);
      H.Location = HR.loc();
      H.Description = str(HR, "description");
      H.Required = HR.flag("required");
      H.Deprecated = HR.flag("deprecated");
      for (const Item &HC : C.Children) {
        if (HC.Kind == "schema") {
          if (H.Schema) {
            Diags.error(HC.Location, "schema given twice");
            continue;
          }
          H.Schema = readSchema(HC, "schema");
          continue;
        }
        if (!readContent(HC, H.Content))
          unknownChild(HC, "header");
      }
      HR.finish();
      Resp.Headers.push_back(std::move(H));
      continue;
    }
    if (C.Kind == "link") {
      ItemReader LR(Diags, C);
      Link L;
      if (LR.expectArgs(1, 1))
        L.Name = LR.argText(0);
      L.Location = LR.loc();
      L.OperationId = str(LR, "operation_id");
      L.OperationRef = str(LR, "operation_ref");
      L.Description = str(LR, "description");
      L.RequestBody = str(LR, "request_body");
      for (const Item &LC : C.Children) {
        if (LC.Kind != "parameter") {
          unknownChild(LC, "link");
          continue;
        }
        ItemReader PR(Diags, LC);
        if (PR.expectArgs(2, 2))
          L.Parameters.emplace_back(PR.argText(0), PR.argText(1));
        PR.finish();
      }
      LR.finish();
      Resp.Links.push_back(std::move(L));
      continue;
    }
    if (readContent(C, Resp.Content) || readExtension(C, Resp.Extensions))
      continue;
    unknownChild(C, "response");
  }
  R.finish();
}

void Reader::readSecurity(const Item &I, SecurityRequirement &S) {
  ItemReader R(Diags, I);
  R.expectArgs(0, 0);
  S.Location = R.loc();
  for (const Item &C : I.Children) {
    if (C.Kind != "require") {
      unknownChild(C, "security");
      continue;
    }
    ItemReader AR(Diags, C);
    SecurityAlternative Alt;
    Alt.Location = AR.loc();
    for (unsigned N = 0, E = C.Args.size(); N != E; ++N) {
      SchemeUse U;
      U.Scheme = AR.argText(N);
      U.Location =
          C.Args[N].Location.isValid() ? C.Args[N].Location : Alt.Location;
      Alt.Schemes.push_back(std::move(U));
    }
    if (const Attr *A = C.findAttr("scopes")) {
      if (Alt.Schemes.size() != 1)
        AR.error(*A, "attribute 'scopes' needs exactly one scheme; use "
                     "'scheme' items for several");
      std::vector<std::string> Scopes = AR.textList("scopes");
      if (Alt.Schemes.size() == 1)
        Alt.Schemes[0].Scopes = std::move(Scopes);
    }
    for (const Item &SC : C.Children) {
      if (SC.Kind != "scheme") {
        unknownChild(SC, "require");
        continue;
      }
      ItemReader UR(Diags, SC);
      SchemeUse U;
      if (UR.expectArgs(1, 1))
        U.Scheme = UR.argText(0);
      U.Location = UR.loc();
      U.Scopes = names(UR, "scopes");
      UR.finish();
      Alt.Schemes.push_back(std::move(U));
    }
    AR.finish();
    S.Alternatives.push_back(std::move(Alt));
  }
  R.finish();
}

void Reader::readOperation(const Item &I, Operation &Op) {
  ItemReader R(Diags, I);
  Op.Location = R.loc();
  if (R.expectArgs(2, 2)) {
    std::string M = R.argText(0);
    if (llvm::Optional<Method> PM = parseMethod(M))
      Op.M = *PM;
    else
      R.error("unknown method '" + M + "'");
    Op.Path = R.argText(1);
  }
  Op.OperationId = str(R, "operation_id");
  Op.Summary = str(R, "summary");
  Op.Description = str(R, "description");
  Op.Tags = names(R, "tags");
  Op.Deprecated = R.flag("deprecated");
  for (const Item &C : I.Children) {
    llvm::StringRef K = C.Kind;
    if (K == "parameter") {
      Parameter P;
      readParameter(C, P);
      Op.Parameters.push_back(std::move(P));
    } else if (K == "request_body") {
      if (Op.Body) {
        Diags.error(C.Location, "request_body given twice");
        continue;
      }
      ItemReader BR(Diags, C);
      auto B = std::make_unique<RequestBody>();
      BR.expectArgs(0, 0);
      B->Location = BR.loc();
      B->Description = str(BR, "description");
      B->Required = BR.flag("required");
      for (const Item &BC : C.Children)
        if (!readContent(BC, B->Content))
          unknownChild(BC, "request_body");
      BR.finish();
      Op.Body = std::move(B);
    } else if (K == "response") {
      Response Resp;
      readResponse(C, Resp);
      Op.Responses.push_back(std::move(Resp));
    } else if (K == "security") {
      if (Op.Security) {
        Diags.error(C.Location, "security given twice");
        continue;
      }
      SecurityRequirement S;
      readSecurity(C, S);
      Op.Security = std::move(S);
    } else if (K == "callback") {
      ItemReader CR(Diags, C);
      Callback CB;
      if (CR.expectArgs(1, 1))
        CB.Name = CR.argText(0);
      CB.Location = CR.loc();
      for (const Item &CC : C.Children) {
        if (CC.Kind != "operation") {
          unknownChild(CC, "callback");
          continue;
        }
        Operation CO;
        readOperation(CC, CO);
        CB.Operations.push_back(std::move(CO));
      }
      CR.finish();
      Op.Callbacks.push_back(std::move(CB));
    } else if (!readExtension(C, Op.Extensions)) {
      unknownChild(C, I.Kind);
    }
  }
  R.finish();
}

void Reader::readSecurityScheme(const Item &I, SecurityScheme &S) {
  ItemReader R(Diags, I);
  if (R.expectArgs(1, 1))
    S.Name = R.argText(0);
  S.Location = R.loc();
  if (auto T = enumAttr<SecuritySchemeType>(R, "type", parseSecuritySchemeType,
                                            "security scheme type",
                                            /*IsRequired=*/true))
    S.Type = *T;
  S.Description = str(R, "description");
  S.Deprecated = R.flag("deprecated");
  // Attributes of other scheme types stay unread, so finish() reports them.
  switch (S.Type) {
  case SecuritySchemeType::HTTP:
    S.Scheme = str(R, "scheme");
    S.BearerFormat = str(R, "bearer_format");
    break;
  case SecuritySchemeType::APIKey:
    if (auto In = enumAttr<ParamIn>(R, "in", parseParamIn, "key location",
                                    /*IsRequired=*/true))
      S.KeyIn = *In;
    S.KeyName = requiredStr(R, "name");
    break;
  case SecuritySchemeType::OpenIDConnect:
    S.OpenIdConnectUrl = requiredStr(R, "url");
    break;
  case SecuritySchemeType::OAuth2:
  case SecuritySchemeType::MutualTLS:
    break;
  }
  for (const Item &C : I.Children) {
    if (C.Kind != "flow" || S.Type != SecuritySchemeType::OAuth2) {
      unknownChild(C, "security_scheme");
      continue;
    }
    ItemReader FR(Diags, C);
    OAuthFlow F;
    F.Location = FR.loc();
    if (FR.expectArgs(1, 1)) {
      std::string K = FR.argText(0);
      if (llvm::Optional<OAuthFlowKind> PK = parseOAuthFlowKind(K))
        F.Kind = *PK;
      else
        FR.error("unknown flow '" + K + "'");
    }
    F.AuthorizationUrl = str(FR, "authorization_url");
    F.DeviceAuthorizationUrl = str(FR, "device_authorization_url");
    F.TokenUrl = str(FR, "token_url");
    F.RefreshUrl = str(FR, "refresh_url");
    for (const Item &SC : C.Children) {
      if (SC.Kind != "scope") {
        unknownChild(SC, "flow");
        continue;
      }
      ItemReader SR(Diags, SC);
      OAuthScope Scope;
      if (SR.expectArgs(1, 1))
        Scope.Name = SR.argText(0);
      Scope.Location = SR.loc();
      Scope.Description = str(SR, "description");
      SR.finish();
      F.Scopes.push_back(std::move(Scope));
    }
    FR.finish();
    S.Flows.push_back(std::move(F));
  }
  R.finish();
}

void Reader::readServer(const Item &I, Server &S) {
  ItemReader R(Diags, I);
  if (R.expectArgs(1, 1))
    S.Url = R.argText(0);
  S.Location = R.loc();
  S.Description = str(R, "description");
  for (const Item &C : I.Children) {
    if (C.Kind != "variable") {
      unknownChild(C, "server");
      continue;
    }
    ItemReader VR(Diags, C);
    ServerVariable V;
    if (VR.expectArgs(1, 1))
      V.Name = VR.argText(0);
    V.Location = VR.loc();
    V.Default = requiredStr(VR, "default");
    V.Enum = names(VR, "enum");
    V.Description = str(VR, "description");
    VR.finish();
    S.Variables.push_back(std::move(V));
  }
  R.finish();
}

std::unique_ptr<API> Reader::readAPI(const Item &I) {
  auto A = std::make_unique<API>();
  ItemReader R(Diags, I);
  if (R.expectArgs(1, 1))
    A->TheInfo.Title = R.argText(0);
  A->Location = R.loc();
  A->OpenAPIVersion = str(R, "openapi");
  A->TheInfo.Version = str(R, "version");
  A->TheInfo.Summary = str(R, "summary");
  A->TheInfo.Description = str(R, "description");
  for (const Item &C : I.Children) {
    llvm::StringRef K = C.Kind;
    if (K == "server") {
      A->Servers.emplace_back();
      readServer(C, A->Servers.back());
    } else if (K == "tag") {
      ItemReader TR(Diags, C);
      Tag T;
      if (TR.expectArgs(1, 1))
        T.Name = TR.argText(0);
      T.Location = TR.loc();
      T.Description = str(TR, "description");
      TR.finish();
      A->Tags.push_back(std::move(T));
    } else if (K == "security_scheme") {
      A->SecuritySchemes.emplace_back();
      readSecurityScheme(C, A->SecuritySchemes.back());
    } else if (K == "security") {
      if (A->Security) {
        Diags.error(C.Location, "security given twice");
        continue;
      }
      SecurityRequirement S;
      readSecurity(C, S);
      A->Security = std::move(S);
    } else if (K == "schema") {
      ItemReader SR(Diags, C);
      NamedSchema NS;
      if (SR.expectArgs(1, 1))
        NS.Name = SR.argText(0);
      readSchemaBody(SR, NS.Schema, "schema");
      SR.finish();
      A->Schemas.push_back(std::move(NS));
    } else if (K == "operation") {
      A->Operations.emplace_back();
      readOperation(C, A->Operations.back());
    } else if (K == "webhook") {
      A->Webhooks.emplace_back();
      readOperation(C, A->Webhooks.back());
    } else if (!readExtension(C, A->Extensions)) {
      unknownChild(C, "api");
    }
  }
  R.finish();
  A->resolveReferences();
  return A;
}

std::unique_ptr<API> api::readAPI(Context &Ctx,
                                  const std::vector<Item> &Items) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  unsigned ErrorsBefore = Diags.getNumErrors();
  const Item *Top = nullptr;
  for (const Item &I : Items) {
    if (I.Kind != "api") {
      Diags.error(I.Location, "expected 'api', found '" + I.Kind + "'");
      continue;
    }
    if (Top) {
      Diags.error(I.Location, "more than one 'api' item");
      continue;
    }
    Top = &I;
  }
  if (!Top) {
    if (Diags.getNumErrors() == ErrorsBefore)
      Diags.error(Loc(), "no 'api' item in the input");
    return nullptr;
  }
  std::unique_ptr<API> A = Reader(Diags).readAPI(*Top);
  if (Diags.getNumErrors() != ErrorsBefore)
    return nullptr;
  return A;
}
