//===- Scaffold.cpp - OpenAPI -> server code ------------------------------===//
//
// The generator walks the API IR once to build an operation model (handler
// names, parameters by location, the request media type, security), emits
// types.ts and validators.ts with the TypeScript and zod emitters, and
// renders everything else from templates, one small TemplateData per file
// or operation.
//
//===----------------------------------------------------------------------===//

#include "bk/Scaffold/Scaffold.h"

#include "bk/Scaffold/JSONSchema.h"
#include "bk/Scaffold/Names.h"
#include "bk/Scaffold/TypeScript.h"
#include "bk/Scaffold/Zod.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Error.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace bk::api;
using bk::codegen::FileKind;
using bk::codegen::TemplateData;

namespace bk {
namespace scaffold {

//===----------------------------------------------------------------------===//
// Frameworks
//===----------------------------------------------------------------------===//

namespace {
enum class ValidatorKind { Zod, JSONSchema };
enum class RouterSyntax { PathToRegexp, FindMyWay };
struct FrameworkInfo {
  Framework F;
  StringLiteral Name;
  StringLiteral Description;
  ValidatorKind Validators;
  RouterSyntax Router;
};
} // namespace

static const FrameworkInfo Frameworks[] = {
#define BK_FRAMEWORK(Enum, Name, Description, Validators, Router)              \
  {Framework::Enum, Name, Description, ValidatorKind::Validators,              \
   RouterSyntax::Router},
#include "bk/Scaffold/Frameworks.def"
};

static const FrameworkInfo &info(Framework F) {
  return Frameworks[static_cast<unsigned>(F)];
}

StringRef frameworkName(Framework F) {
  return Frameworks[static_cast<unsigned>(F)].Name;
}
StringRef frameworkDescription(Framework F) {
  return Frameworks[static_cast<unsigned>(F)].Description;
}
Optional<Framework> parseFramework(StringRef Name) {
  for (const FrameworkInfo &I : Frameworks)
    if (Name.equals_insensitive(I.Name))
      return I.F;
  return None;
}
ArrayRef<Framework> allFrameworks() {
  static const Framework All[] = {
#define BK_FRAMEWORK(Enum, Name, Description, Validators, Router)              \
  Framework::Enum,
#include "bk/Scaffold/Frameworks.def"
  };
  return All;
}

//===----------------------------------------------------------------------===//
// The operation model
//===----------------------------------------------------------------------===//

namespace {

enum class BodyKind { None, JSON, Form, Text, Raw };

struct ParamInfo {
  const Parameter *P;
  /// The key the router captures a path parameter under.
  std::string RouterKey;
};

struct OperationInfo {
  const Operation *Op = nullptr;
  /// Handler name (camelCase) and type prefix (PascalCase).
  std::string Name;
  std::string TypeName;
  std::string Tag;
  std::string TagFile;
  std::vector<ParamInfo> Params[4]; // path, query, header, cookie
  const MediaType *Body = nullptr;
  BodyKind Kind = BodyKind::None;
  const SecurityRequirement *Security = nullptr;
  /// Position among all routes in the order a router must try them.
  unsigned RouteOrder = 0;
  /// The x-bk-crud extension of a --from-sql/--from-db operation.
  Optional<json::Object> Crud;
};

static unsigned paramSlot(ParamIn In) {
  switch (In) {
  case ParamIn::Path:
    return 0;
  case ParamIn::Query:
  case ParamIn::QueryString:
    return 1;
  case ParamIn::Header:
    return 2;
  case ParamIn::Cookie:
    return 3;
  }
  return 1;
}

static const char *const SlotNames[] = {"params", "query", "headers",
                                        "cookies"};
static const char *const SlotIn[] = {"path", "query", "header", "cookie"};

/// A name for an operation without operationId: the method and the path's
/// words ("post /pets/{id}/toys" -> "postPetsIdToys").
static std::string derivedName(const Operation &Op) {
  return toCamelCase((methodName(Op.M) + " " + Op.Path).str());
}

/// The x-bk-crud extension of an operation made by apiFromSchema().
static Optional<json::Object> crudOf(const Operation &Op) {
  for (const Extension &E : Op.Extensions) {
    if (E.Name != "x-bk-crud")
      continue;
    Expected<json::Value> V = json::parse(E.JSON);
    if (!V) {
      consumeError(V.takeError());
      return None;
    }
    if (json::Object *O = V->getAsObject())
      return std::move(*O);
  }
  return None;
}

static BodyKind bodyKind(StringRef MediaType) {
  StringRef T = MediaType.split(';').first.trim();
  if (isJSONMediaType(T))
    return BodyKind::JSON;
  if (T.equals_insensitive("application/x-www-form-urlencoded"))
    return BodyKind::Form;
  if (T.startswith_insensitive("text/"))
    return BodyKind::Text;
  return BodyKind::Raw;
}

/// The schema a $ref leads to (one level, enough for parameter shapes).
static const SchemaNode &resolved(const API &A, const SchemaNode &S) {
  const NamedSchema *T = A.getRefTarget(S);
  return T ? T->Schema : S;
}

/// The names the generated modules declare or use themselves, and the
/// global types their declarations refer to: no component or operation may
/// take them.
static NameTable typeScope() {
  NameTable T;
  for (StringRef Reserved : {"Handlers",
                             "Context",
                             "AuthInfo",
                             "ResponseHeaders",
                             "z",
                             "R",
                             "componentSchemas",
                             "components",
                             "OperationSpec",
                             "RouteSpec",
                             "JSONSchema",
                             "Record",
                             "Array",
                             "ReadonlyArray",
                             "Promise",
                             "Partial",
                             "Readonly",
                             "Required",
                             "Pick",
                             "Omit",
                             "Date",
                             "Error",
                             "Object",
                             "String",
                             "Number",
                             "Boolean",
                             "Symbol",
                             "Map",
                             "Set",
                             "Function",
                             "JSON",
                             "Math",
                             "Uint8Array",
                             "Buffer",
                             "BigInt"})
    T.reserve(Reserved);
  return T;
}

class Generator {
public:
  Generator(const API &A, codegen::TemplateSet &Templates,
            const ScaffoldOptions &Opts, codegen::FileSet &Files,
            DiagnosticEngine &Diags)
      : A(A), Templates(Templates), Opts(Opts), Files(Files), Diags(Diags),
        FW(info(Opts.Target)), TypeNames(typeScope()),
        ValidatorNames(typeScope()), TS(A, TypeNames), Zod(TS, ValidatorNames),
        JSON(TS) {}

  bool run(ScaffoldStats *Stats);

private:
  void buildModel();
  void emitTypes();
  void emitValidators();
  bool render(StringRef Template, const TemplateData &Data, StringRef Path,
              FileKind Kind = FileKind::Generated);
  TemplateData header() const;
  std::string paramSpecs(const OperationInfo &OI, unsigned Slot) const;
  std::string paramsSchema(const OperationInfo &OI, unsigned Slot);
  std::string paramsJSONSchema(const OperationInfo &OI, unsigned Slot);
  std::string paramsType(const OperationInfo &OI, unsigned Slot) const;
  std::string securityJSON(const SecurityRequirement &R) const;
  std::string routePath(const OperationInfo &OI) const;

  const API &A;
  codegen::TemplateSet &Templates;
  const ScaffoldOptions &Opts;
  codegen::FileSet &Files;
  DiagnosticEngine &Diags;
  const FrameworkInfo &FW;
  NameTable TypeNames, ValidatorNames;
  TypeScriptEmitter TS;
  ZodEmitter Zod;
  JSONSchemaEmitter JSON;
  std::vector<OperationInfo> Ops;
  /// Tag -> indexes into Ops, in order of first appearance.
  MapVector<std::string, std::vector<unsigned>, StringMap<unsigned>> Tags;
  bool Failed = false;
};

} // namespace

void Generator::buildModel() {
  NameTable TagFiles;
  StringMap<std::string> TagFileOf;
  std::vector<std::string> Names = handlerNames(A);
  for (const Operation &Op : A.Operations) {
    OperationInfo OI;
    OI.Op = &Op;
    OI.Name = Names[Ops.size()];
    OI.Tag = Op.Tags.empty() ? "default" : Op.Tags.front();
    auto It = TagFileOf.find(OI.Tag);
    if (It == TagFileOf.end())
      It = TagFileOf.try_emplace(OI.Tag, TagFiles.unique(toKebabCase(OI.Tag)))
               .first;
    OI.TagFile = It->second;
    // Router keys: a path parameter's own name when the router can take
    // it, else p0, p1, ... that no other parameter of the path is called.
    auto Plain = [](StringRef Name) {
      return !Name.empty() && !isDigit(Name.front()) &&
             all_of(Name, [](char C) { return isAlnum(C) || C == '_'; });
    };
    NameTable Keys;
    for (const Parameter &P : Op.Parameters)
      if (P.In == ParamIn::Path && Plain(P.Name))
        Keys.reserve(P.Name);
    for (const Parameter &P : Op.Parameters) {
      ParamInfo PI{&P, ""};
      if (P.In == ParamIn::Path) {
        PI.RouterKey = P.Name;
        for (unsigned N = 0; !Plain(P.Name); ++N)
          if (Keys.reserve("p" + std::to_string(N))) {
            PI.RouterKey = "p" + std::to_string(N);
            break;
          }
      }
      OI.Params[paramSlot(P.In)].push_back(PI);
    }
    if (Op.Body && !Op.Body->Content.empty()) {
      for (BodyKind Want : {BodyKind::JSON, BodyKind::Form, BodyKind::Text})
        for (const MediaType &MT : Op.Body->Content)
          if (!OI.Body && bodyKind(MT.Name) == Want)
            OI.Body = &MT, OI.Kind = Want;
      if (!OI.Body) {
        OI.Body = &Op.Body->Content.front();
        OI.Kind = BodyKind::Raw;
        Diags.warning(OI.Body->Location,
                      "request body '" + OI.Body->Name +
                          "' is passed to the handler unvalidated (bk-scaffold "
                          "validates JSON, form and text bodies)",
                      "scaffold-unvalidated-body");
      }
    }
    OI.Crud = crudOf(Op);
    OI.Security = Op.Security
                      ? Op.Security.getPointer()
                      : (A.Security ? A.Security.getPointer() : nullptr);
    Tags[OI.Tag].push_back(Ops.size());
    Ops.push_back(std::move(OI));
  }
  // An operation's types are <Name>Request, <Name>Response and
  // <Name>Handler: all three must be free.
  for (OperationInfo &OI : Ops) {
    std::string Base = toPascalCase(OI.Name);
    for (unsigned N = 1;; ++N) {
      std::string Candidate = N == 1 ? Base : Base + std::to_string(N);
      if (TypeNames.contains(Candidate) ||
          TypeNames.contains(Candidate + "Request") ||
          TypeNames.contains(Candidate + "Response") ||
          TypeNames.contains(Candidate + "Handler"))
        continue;
      for (StringRef Suffix : {"", "Request", "Response", "Handler"})
        TypeNames.reserve(Candidate + Suffix.str());
      OI.TypeName = Candidate;
      break;
    }
  }
  // Routes in the order a router must try them: a path with a literal
  // segment where another has a parameter comes first (OpenAPI matches
  // concrete paths before templated ones), then the description's order.
  std::vector<unsigned> Order(Ops.size());
  for (unsigned I = 0; I < Ops.size(); ++I)
    Order[I] = I;
  auto Shape = [&](unsigned I) {
    std::string K;
    StringRef Path = Ops[I].Op->Path;
    SmallVector<StringRef, 8> Segs;
    Path.split(Segs, '/');
    for (StringRef Seg : Segs)
      K += Seg.contains('{') ? '1' : '0';
    return K;
  };
  // An explicit HEAD operation before the GET of its path, which routers
  // would otherwise let answer HEAD too.
  auto IsHead = [&](unsigned I) { return Ops[I].Op->M == Method::Head; };
  std::stable_sort(Order.begin(), Order.end(), [&](unsigned X, unsigned Y) {
    std::string SX = Shape(X), SY = Shape(Y);
    if (SX != SY)
      return SX < SY;
    return IsHead(X) && !IsHead(Y);
  });
  for (unsigned I = 0; I < Order.size(); ++I)
    Ops[Order[I]].RouteOrder = I;
}

TemplateData Generator::header() const {
  TemplateData D;
  D.set("comment", "//")
      .set("tool", "bk-scaffold")
      .set("source", oneLine(Opts.SourceName));
  if (!Opts.Command.empty())
    D.set("command", oneLine(Opts.Command));
  D.set("framework", frameworkName(Opts.Target));
  D.set("title", oneLine(A.TheInfo.Title))
      .set("version", oneLine(A.TheInfo.Version));
  return D;
}

bool Generator::render(StringRef Template, const TemplateData &Data,
                       StringRef Path, FileKind Kind) {
  Expected<std::string> Text = Templates.renderToString(Template, Data);
  if (!Text) {
    reportError(Diags, Text.takeError());
    Failed = true;
    return false;
  }
  Files.add(Path, std::move(*Text), Kind);
  return true;
}

static StringRef shapeOf(const API &A, const Parameter &P) {
  if (!P.Schema)
    return "scalar";
  const SchemaNode &S = resolved(A, *P.Schema);
  if (S.Types.has(JSONType::Array))
    return "array";
  if (isObjectSchema(S))
    return "object";
  return "scalar";
}

std::string Generator::paramSpecs(const OperationInfo &OI,
                                  unsigned Slot) const {
  std::string R = "[";
  for (const ParamInfo &PI : OI.Params[Slot]) {
    const Parameter &P = *PI.P;
    if (R.size() > 1)
      R += ", ";
    R += "{ name: " + quoteString(P.Name);
    if (!PI.RouterKey.empty() && PI.RouterKey != P.Name)
      R += ", key: " + quoteString(PI.RouterKey);
    R += ", in: \"" + std::string(SlotIn[Slot]) + "\"";
    R += ", style: \"" + paramStyleName(P.getEffectiveStyle()).str() + "\"";
    R += std::string(", explode: ") +
         (P.getEffectiveExplode() ? "true" : "false");
    StringRef Shape = shapeOf(A, P);
    R += ", shape: \"" + Shape.str() + "\"";
    if (Shape == "object" && P.Schema) {
      const SchemaNode &S = resolved(A, *P.Schema);
      R += ", properties: [";
      for (size_t I = 0; I < S.Properties.size(); ++I)
        R += (I ? ", " : "") + quoteString(S.Properties[I].Name);
      R += "]";
    }
    R += " }";
  }
  return R + "]";
}

/// The schema of a parameter: its own, or its one media type's.
static const SchemaNode *paramSchema(const Parameter &P) {
  if (P.Schema)
    return P.Schema.get();
  if (!P.Content.empty() && P.Content.front().Schema)
    return P.Content.front().Schema.get();
  return nullptr;
}

std::string Generator::paramsSchema(const OperationInfo &OI, unsigned Slot) {
  std::string Props, Required;
  for (const ParamInfo &PI : OI.Params[Slot]) {
    const Parameter &P = *PI.P;
    const SchemaNode *S = paramSchema(P);
    std::string E =
        S ? Zod.schema(*S, /*Coerce=*/P.Content.empty()) : "z.unknown()";
    const SchemaNode *Def = S ? &resolved(A, *S) : nullptr;
    if (S && S->Default)
      Def = S;
    if (Def && Def->Default && !P.Required)
      E = "R.withDefault(" + E + ", " + *Def->Default + ")";
    Props += (Props.empty() ? " " : ", ") + propertyKey(P.Name) + ": " + E;
    if (P.Required)
      Required += (Required.empty() ? "" : ", ") + quoteString(P.Name);
  }
  return "R.obj({" + Props + (Props.empty() ? "}, [" : " }, [") + Required +
         "], true)";
}

std::string Generator::paramsJSONSchema(const OperationInfo &OI,
                                        unsigned Slot) {
  // Fastify sees header names in lower case.
  bool Lower = Slot == 2;
  std::string Props, Required;
  for (const ParamInfo &PI : OI.Params[Slot]) {
    const Parameter &P = *PI.P;
    const SchemaNode *S = paramSchema(P);
    std::string Name = Lower ? StringRef(P.Name).lower() : P.Name;
    Props += (Props.empty() ? "" : ",") + quoteString(Name) + ":" +
             (S ? JSON.schema(*S, /*WithDefaults=*/true) : "{}");
    if (P.Required)
      Required += (Required.empty() ? "" : ",") + quoteString(Name);
  }
  return "{\"type\":\"object\",\"properties\":{" + Props + "}" +
         (Required.empty() ? "" : ",\"required\":[" + Required + "]") + "}";
}

std::string Generator::paramsType(const OperationInfo &OI,
                                  unsigned Slot) const {
  if (OI.Params[Slot].empty())
    return "Record<string, never>";
  std::string R = "{\n";
  raw_string_ostream OS(R);
  for (const ParamInfo &PI : OI.Params[Slot]) {
    const Parameter &P = *PI.P;
    const SchemaNode *S = paramSchema(P);
    TypeScriptEmitter::emitDocComment(OS, P.Description, P.Deprecated, 2);
    bool HasDefault = S && (S->Default || resolved(A, *S).Default);
    OS << "    " << propertyKey(P.Name)
       << (P.Required || HasDefault ? ": " : "?: ")
       << (S ? TS.type(*S, Shape::Request, 2) : "unknown") << ";\n";
  }
  OS << "  }";
  return R;
}

std::string Generator::securityJSON(const SecurityRequirement &R) const {
  std::string J = "[";
  for (const SecurityAlternative &Alt : R.Alternatives) {
    if (J.size() > 1)
      J += ", ";
    J += "[";
    for (size_t I = 0; I < Alt.Schemes.size(); ++I) {
      const SchemeUse &U = Alt.Schemes[I];
      J += (I ? ", " : "") + std::string("[") + quoteString(U.Scheme) + ", [";
      for (size_t S = 0; S < U.Scopes.size(); ++S)
        J += (S ? ", " : "") + quoteString(U.Scopes[S]);
      J += "]]";
    }
    J += "]";
  }
  return J + "]";
}

std::string Generator::routePath(const OperationInfo &OI) const {
  // {name} -> :key; literal characters path-to-regexp gives a meaning to
  // are escaped.
  std::string R;
  StringRef Path = OI.Op->Path;
  const std::vector<ParamInfo> &PathParams = OI.Params[0];
  for (size_t I = 0; I < Path.size(); ++I) {
    char C = Path[I];
    if (C == '{') {
      size_t End = Path.find('}', I);
      if (End != StringRef::npos) {
        StringRef Name = Path.slice(I + 1, End);
        std::string Key = Name.str();
        for (const ParamInfo &PI : PathParams)
          if (PI.P->Name == Name)
            Key = PI.RouterKey;
        R += ":" + Key;
        I = End;
        continue;
      }
    }
    if (FW.Router == RouterSyntax::FindMyWay) {
      // find-my-way: a literal ':' is written '::'.
      R += C == ':' ? "::" : std::string(1, C);
      continue;
    }
    if (StringRef("()[]{}?+*!:\\").contains(C))
      R += '\\';
    R += C;
  }
  return R;
}

static std::string responseBodyType(const TypeScriptEmitter &TS,
                                    const Response &R) {
  if (R.Content.empty())
    return "";
  for (const MediaType &MT : R.Content)
    if (isJSONMediaType(MT.Name))
      return MT.Schema ? TS.type(*MT.Schema, Shape::Response, 2) : "unknown";
  for (const MediaType &MT : R.Content)
    if (StringRef(MT.Name).startswith_insensitive("text/"))
      return "string";
  return "unknown";
}

void Generator::emitTypes() {
  std::string Decls;
  raw_string_ostream OS(Decls);
  TS.emitComponents(OS);
  for (const OperationInfo &OI : Ops) {
    const Operation &Op = *OI.Op;
    std::string Doc = Op.getDisplayName();
    if (!Op.Summary.empty())
      Doc += ": " + Op.Summary;
    TypeScriptEmitter::emitDocComment(OS, Doc, Op.Deprecated, 0);
    OS << "export interface " << OI.TypeName << "Request {\n";
    for (unsigned Slot = 0; Slot < 4; ++Slot)
      OS << "  " << SlotNames[Slot] << ": " << paramsType(OI, Slot) << ";\n";
    if (!OI.Body) {
      OS << "  body?: undefined;\n";
    } else {
      std::string T = OI.Kind == BodyKind::Text ? "string"
                      : OI.Kind == BodyKind::Raw || !OI.Body->Schema
                          ? "unknown"
                          : TS.type(*OI.Body->Schema, Shape::Request, 1);
      OS << "  body: " << T << (Op.Body->Required ? "" : " | undefined")
         << ";\n";
    }
    OS << "}\n\n";
    OS << "export type " << OI.TypeName << "Response =";
    if (Op.Responses.empty())
      OS << " { status: number; body?: unknown; headers?: ResponseHeaders }";
    for (const Response &R : Op.Responses) {
      OS << "\n  | { status: ";
      if (Optional<unsigned> Code = R.getCode())
        OS << *Code;
      else
        OS << "number";
      std::string Body = responseBodyType(TS, R);
      if (Body.empty())
        OS << "; body?: undefined";
      else
        OS << "; body: " << Body;
      OS << "; headers?: ResponseHeaders }";
    }
    OS << ";\n\n";
    OS << "export type " << OI.TypeName
       << "Handler = (\n  request: " << OI.TypeName
       << "Request,\n  context: Context,\n) => " << OI.TypeName
       << "Response | Promise<" << OI.TypeName << "Response>;\n\n";
  }
  OS << "/** Every operation's handler, by operationId. */\n";
  OS << "export interface Handlers {\n";
  for (const OperationInfo &OI : Ops)
    OS << "  " << propertyKey(OI.Name) << ": " << OI.TypeName << "Handler;\n";
  OS << "}\n";
  TemplateData D = header();
  D.set("declarations", OS.str());
  render("typescript/types", D, "generated/types.ts");
}

void Generator::emitValidators() {
  bool UseZod = FW.Validators == ValidatorKind::Zod;
  std::string Decls;
  raw_string_ostream OS(Decls);
  for (const OperationInfo &OI : Ops) {
    OS << "export const " << OI.Name << ": "
       << (UseZod ? "OperationSpec" : "RouteSpec") << " = {\n";
    OS << "  operationId: " << quoteString(OI.Name) << ",\n";
    for (unsigned Slot = 0; Slot < 4; ++Slot) {
      if (OI.Params[Slot].empty())
        continue;
      OS << "  " << SlotNames[Slot] << ": { specs: " << paramSpecs(OI, Slot)
         << ", schema: "
         << (UseZod ? paramsSchema(OI, Slot) : paramsJSONSchema(OI, Slot))
         << " },\n";
    }
    if (OI.Body) {
      StringRef Kind = OI.Kind == BodyKind::JSON   ? "json"
                       : OI.Kind == BodyKind::Form ? "form"
                       : OI.Kind == BodyKind::Text ? "text"
                                                   : "raw";
      OS << "  body: { kind: \"" << Kind
         << "\", mediaType: " << quoteString(OI.Body->Name)
         << ", required: " << (OI.Op->Body->Required ? "true" : "false");
      bool Validated = OI.Kind == BodyKind::JSON || OI.Kind == BodyKind::Form;
      if (OI.Body->Schema && (UseZod ? OI.Kind != BodyKind::Raw : Validated)) {
        bool Form = OI.Kind == BodyKind::Form;
        OS << ", schema: ";
        if (UseZod) {
          OS << Zod.schema(*OI.Body->Schema, Form);
        } else {
          // Form bodies are text, coerced like parameters (hooks.ts).
          std::string J = JSON.schema(*OI.Body->Schema);
          if (Form)
            J = "{\"$comment\":\"bk:form\"," + J.substr(1);
          OS << (J == "{\"$comment\":\"bk:form\",}"
                     ? "{\"$comment\":\"bk:form\"}"
                     : J);
        }
      }
      OS << " },\n";
    }
    OS << "};\n";
  }
  std::string Components;
  raw_string_ostream COS(Components);
  TemplateData D = header();
  if (UseZod) {
    Zod.emitComponents(COS);
    D.set("components", COS.str()).set("operations", OS.str());
    render("typescript/validators", D, "generated/validators.ts");
    return;
  }
  JSON.emitComponents(COS);
  D.set("components", COS.str()).set("operations", OS.str());
  render("typescript/json-schemas", D, "generated/validators.ts");
}

bool Generator::run(ScaffoldStats *Stats) {
  buildModel();
  emitTypes();
  emitValidators();

  StringRef FWName = FW.Name;
  auto T = [&](StringRef Name) { return (FWName + "/" + Name).str(); };

  // Static runtime pieces (zod's only where zod validates).
  for (StringRef Name : {"validation", "params", "errors", "request"})
    if (Name != "validation" || FW.Validators == ValidatorKind::Zod)
      render(("typescript/" + Name).str(), header(),
             ("generated/" + Name + ".ts").str());

  // Security schemes.
  {
    TemplateData D = header();
    TemplateData List = TemplateData::list();
    for (const SecurityScheme &S : A.SecuritySchemes) {
      TemplateData E;
      E.set("name", S.Name).set("key", propertyKey(S.Name));
      E.set("quotedName", quoteString(S.Name));
      E.set("type", securitySchemeTypeName(S.Type));
      E.set("description",
            commentText(StringRef(S.Description).trim().split('\n').first));
      std::string Env = S.Name;
      for (char &C : Env)
        C = isAlnum(C) ? toUpper(C) : '_';
      E.set("envName", Env);
      bool JWT = S.Type == SecuritySchemeType::OAuth2 ||
                 S.Type == SecuritySchemeType::OpenIDConnect ||
                 (S.Type == SecuritySchemeType::HTTP && S.Scheme == "bearer");
      E.set("jwt", JWT);
      E.set("apiKey", S.Type == SecuritySchemeType::APIKey);
      E.set("keyIn", paramInName(S.KeyIn))
          .set("keyName", quoteString(S.KeyName));
      E.set("keyNameLower", quoteString(StringRef(S.KeyName).lower()));
      E.set("basic",
            S.Type == SecuritySchemeType::HTTP && S.Scheme != "bearer");
      E.set("httpScheme", S.Scheme);
      E.set("challenge",
            quoteString(S.Scheme == "basic" ? "Basic realm=\"api\""
                                            : StringRef(S.Scheme).str()));
      E.set("mutualTLS", S.Type == SecuritySchemeType::MutualTLS);
      List.push_back(std::move(E));
    }
    D.set("schemes", std::move(List));
    D.set("hasSchemes", !A.SecuritySchemes.empty());
    render("typescript/security", D, "generated/security.ts");
  }

  // CRUD operations (--from-sql/--from-db): the tables for the data-access
  // layer, and handlers that use it.
  StringMap<std::string> TableKeys;
  {
    std::string Tables;
    NameTable Keys;
    for (const OperationInfo &OI : Ops) {
      const Optional<json::Object> &Crud = OI.Crud;
      if (!Crud)
        continue;
      std::string Schema = Crud->getString("schema").getValueOr("").str();
      std::string Table = Crud->getString("table").getValueOr("").str();
      std::string Q = Schema + "." + Table;
      if (TableKeys.count(Q))
        continue;
      std::string Key = Keys.unique(
          toCamelCase(Schema == "public" ? Table : Schema + " " + Table));
      TableKeys[Q] = Key;
      auto Names = [&](StringRef Field) {
        std::string L = "[";
        if (const json::Array *Arr = Crud->getArray(Field))
          for (const json::Value &V : *Arr)
            if (Optional<StringRef> N = V.getAsString())
              L += (L.size() > 1 ? ", " : "") + quoteString(*N);
        return L + "]";
      };
      Tables += "  " + propertyKey(Key) + ": { sql: " +
                quoteString(schema::QualifiedName(Schema, Table).sql()) +
                ", columns: " + Names("columns") + ", key: " + Names("key") +
                ", writable: " + Names("writable") +
                ", filters: " + Names("filters") + " },\n";
    }
    if (!Tables.empty()) {
      TemplateData D = header();
      D.set("tables", Tables);
      render("typescript/tables", D, "generated/tables.ts");
      render("typescript/db", header(), "generated/db.ts");
    }
  }

  // Handler bindings and stubs.
  {
    TemplateData D = header();
    TemplateData List = TemplateData::list();
    for (const OperationInfo &OI : Ops) {
      TemplateData E;
      E.set("name", OI.Name).set("typeName", OI.TypeName);
      E.set("key", propertyKey(OI.Name));
      E.set("method", StringRef(methodName(OI.Op->M)).upper());
      E.set("path", oneLine(OI.Op->Path))
          .set("summary", oneLine(OI.Op->Summary));
      List.push_back(E);
      TemplateData Stub = E;
      Stub.set("source", oneLine(Opts.SourceName));
      StringRef HandlerTemplate = "typescript/handler";
      if (const Optional<json::Object> &Crud = OI.Crud) {
        // An implemented handler over the data-access layer.
        std::string Kind = Crud->getString("kind").getValueOr("").str();
        std::string Q = (Crud->getString("schema").getValueOr("") + "." +
                         Crud->getString("table").getValueOr(""))
                            .str();
        unsigned I =
            A.findSchemaIndex(Crud->getString("component").getValueOr(""));
        if (I != SchemaNode::NoIndex && TableKeys.count(Q)) {
          HandlerTemplate = "typescript/crud-handler";
          Stub.set(Kind, true);
          Stub.set("tableKey", TableKeys[Q]);
          Stub.set("rowType", TS.getTypeName(I, Shape::Response));
          Stub.set("parentColumn",
                   quoteString(Crud->getString("parentColumn").getValueOr("")));
          Stub.set("parentKey",
                   quoteString(Crud->getString("parentKey").getValueOr("")));
          static const StringMap<StringRef> Texts = {
              {"list", "lists rows"},
              {"create", "creates a row"},
              {"get", "reads a row"},
              {"update", "changes a row"},
              {"children", "lists the rows of a parent row"},
              {"delete", "deletes a row"}};
          Stub.set("kindText", Texts.lookup(Kind));
        }
      }
      render(HandlerTemplate, Stub, "handlers/" + OI.Name + ".ts",
             FileKind::UserOwned);
    }
    D.set("operations", std::move(List));
    render("typescript/handlers", D, "generated/handlers.ts");
  }

  // Routes, one file per tag.
  TemplateData TagList = TemplateData::list();
  for (auto &Entry : Tags) {
    TemplateData D = header();
    const OperationInfo &First = Ops[Entry.second.front()];
    D.set("tag", oneLine(Entry.first)).set("tagFile", First.TagFile);
    D.set("routerName", toCamelCase(First.TagFile + " routes"));
    TemplateData List = TemplateData::list();
    for (unsigned I : Entry.second) {
      const OperationInfo &OI = Ops[I];
      TemplateData E;
      E.set("name", OI.Name).set("typeName", OI.TypeName);
      E.set("method", methodName(OI.Op->M));
      E.set("METHOD", StringRef(methodName(OI.Op->M)).upper());
      E.set("path", oneLine(OI.Op->Path));
      E.set("order", OI.RouteOrder);
      E.set("routePath", quoteString(routePath(OI)));
      bool Secured = OI.Security && !OI.Security->Alternatives.empty();
      E.set("secured", Secured);
      E.set("security", Secured ? securityJSON(*OI.Security) : "[]");
      E.set("hasBody", OI.Body != nullptr);
      List.push_back(std::move(E));
    }
    D.set("operations", std::move(List));
    render(T("routes"), D, "generated/routes/" + First.TagFile + ".ts");
    TemplateData TagE;
    TagE.set("tag", oneLine(Entry.first)).set("tagFile", First.TagFile);
    TagE.set("routerName", toCamelCase(First.TagFile + " routes"));
    TagList.push_back(std::move(TagE));
  }

  {
    TemplateData D = header();
    D.set("tags", std::move(TagList));
    bool Form = any_of(
        Ops, [](const OperationInfo &OI) { return OI.Kind == BodyKind::Form; });
    bool Text = any_of(
        Ops, [](const OperationInfo &OI) { return OI.Kind == BodyKind::Text; });
    D.set("formBodies", Form).set("textBodies", Text);
    D.set("headOperations", any_of(Ops, [](const OperationInfo &OI) {
            return OI.Op->M == Method::Head;
          }));
    // Every other template of the framework is one file: NAME ->
    // generated/NAME.ts, except the user's server entry and the two files
    // that are not TypeScript. A --templates directory may add files.
    Expected<std::vector<std::string>> Names = Templates.listTemplates(FWName);
    if (!Names) {
      reportError(Diags, Names.takeError());
      return false;
    }
    for (const std::string &Name : *Names) {
      StringRef Base = StringRef(Name).drop_front(FWName.size() + 1);
      if (Base == "routes")
        continue;
      if (Base == "server")
        render(Name, D, "server.ts", FileKind::UserOwned);
      else if (Base == "readme")
        render(Name, D, "generated/README.md");
      else if (Base == "package")
        render(Name, D, "generated/package.json");
      else if (codegen::FileSet::isValidPath(
                   ("generated/" + Base + ".ts").str()))
        render(Name, D, ("generated/" + Base + ".ts").str());
    }
  }

  if (Stats) {
    Stats->Operations = Ops.size();
    Stats->ComponentTypes = A.Schemas.size();
    Stats->Validators = Zod.getNumUsedComponents();
  }
  return !Failed;
}

bool scaffold(const API &A, codegen::TemplateSet &Templates,
              const ScaffoldOptions &Opts, codegen::FileSet &Files,
              DiagnosticEngine &Diags, ScaffoldStats *Stats) {
  Generator G(A, Templates, Opts, Files, Diags);
  return G.run(Stats);
}

std::vector<std::string> handlerNames(const API &A) {
  // Case-insensitive: they name files (handlers/<name>.ts). Not the names
  // validators.ts declares beside them.
  NameTable Names(/*CaseInsensitive=*/true);
  for (StringRef Reserved : {"z", "r", "components", "componentSchemas"})
    Names.reserve(Reserved);
  std::vector<std::string> R;
  for (const Operation &Op : A.Operations)
    R.push_back(Names.unique(Op.OperationId.empty()
                                 ? derivedName(Op)
                                 : toCamelCase(Op.OperationId)));
  return R;
}

} // namespace scaffold
} // namespace bk
