//===- Recover.cpp - Route code to API IR ---------------------------------===//
//
// Loads the directory's modules, runs every framework's recogniser
// (Frameworks.def), turns the routes into operations (path parameters from
// the template, query/header parameters from the properties of their
// schemas, the body's schema as application/json, the statuses sent as
// responses) and merges `@openapi` JSDoc blocks.
//
//===----------------------------------------------------------------------===//

#include "bk/RouteRecovery/Recover.h"

#include "RecoveryInternal.h"

#include "bk/OpenAPI/Reader.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace bk {
namespace routes {

/// Parses the buffers into P's modules; false when one does not lex.
static bool parseBuffers(Program &P, ArrayRef<unsigned> BufferIDs) {
  bool OK = true;
  for (unsigned ID : BufferIDs) {
    std::unique_ptr<js::Module> M = js::parseModule(P.Ctx, ID);
    if (!M) {
      OK = false;
      continue;
    }
    P.Modules.push_back(std::move(M));
    P.addPath(P.Modules.back().get());
  }
  return OK;
}

/// The source files under Dir, in path order, added to Ctx.
static bool loadDirectory(Context &Ctx, StringRef Dir,
                          std::vector<unsigned> &IDs) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Path = It->path();
    StringRef Name = sys::path::filename(Path);
    if (It->type() == sys::fs::file_type::directory_file) {
      if (Name == "node_modules" || Name.startswith("."))
        It.no_push();
      continue;
    }
    if (Name.endswith(".d.ts") || Name.endswith(".d.mts") ||
        Name.endswith(".d.cts"))
      continue;
    StringRef Ext = sys::path::extension(Name);
    if (Ext == ".js" || Ext == ".mjs" || Ext == ".cjs" || Ext == ".ts" ||
        Ext == ".mts" || Ext == ".cts" || Ext == ".tsx" || Ext == ".jsx")
      Files.push_back(Path.str());
  }
  if (EC) {
    Ctx.getDiags().error(Loc(), Dir + ": " + EC.message());
    return false;
  }
  llvm::sort(Files);
  for (const std::string &F : Files) {
    auto MB = MemoryBuffer::getFile(F);
    if (!MB) {
      Ctx.getDiags().error(Loc(), F + ": " + MB.getError().message());
      return false;
    }
    IDs.push_back(Ctx.addBuffer(std::move(*MB)));
  }
  return true;
}

namespace {

StringRef reasonPhrase(StringRef Status) {
  unsigned Code = 0;
  Status.getAsInteger(10, Code);
  switch (Code) {
  case 200:
    return "OK";
  case 201:
    return "Created";
  case 202:
    return "Accepted";
  case 204:
    return "No Content";
  case 301:
    return "Moved Permanently";
  case 302:
    return "Found";
  case 304:
    return "Not Modified";
  case 400:
    return "Bad Request";
  case 401:
    return "Unauthorized";
  case 403:
    return "Forbidden";
  case 404:
    return "Not Found";
  case 409:
    return "Conflict";
  case 422:
    return "Unprocessable Content";
  case 429:
    return "Too Many Requests";
  case 500:
    return "Internal Server Error";
  default:
    return "Response";
  }
}

/// "GET /users/{id}" → "getUsersById".
std::string derivedOperationId(api::Method M, StringRef Path) {
  std::string Out = api::methodName(M).str();
  SmallVector<StringRef, 8> Segs;
  Path.split(Segs, '/', -1, false);
  for (StringRef S : Segs) {
    bool Param = S.startswith("{") && S.endswith("}");
    if (Param) {
      Out += "By";
      S = S.drop_front().drop_back();
    }
    bool Up = true;
    for (char C : S) {
      if (!isAlnum(C)) {
        Up = true;
        continue;
      }
      Out += Up ? toUpper(C) : C;
      Up = false;
    }
  }
  return Out;
}

/// The name and version in the nearest package.json at or above Dir
/// (empty when there is none).
std::pair<std::string, std::string> packageInfo(StringRef Dir) {
  SmallString<256> D(Dir);
  sys::fs::make_absolute(D);
  for (unsigned I = 0; I < 8 && !D.empty(); ++I) {
    SmallString<256> PJ(D);
    sys::path::append(PJ, "package.json");
    if (auto MB = MemoryBuffer::getFile(PJ)) {
      Expected<json::Value> V = json::parse((*MB)->getBuffer());
      if (!V) {
        consumeError(V.takeError());
        return {};
      }
      std::pair<std::string, std::string> Out;
      if (const json::Object *O = V->getAsObject()) {
        if (Optional<StringRef> Name = O->getString("name"))
          Out.first = Name->str();
        if (Optional<StringRef> Version = O->getString("version"))
          Out.second = Version->str();
      }
      return Out;
    }
    StringRef Parent = sys::path::parent_path(D);
    if (Parent == D)
      break;
    D = Parent;
  }
  return {};
}

/// The text of a `/** ... @openapi ... */` block: the lines after the tag,
/// without the leading ` * `.
Optional<std::string> openAPIBlock(StringRef Comment) {
  size_t Tag = Comment.find("@openapi");
  if (Tag == StringRef::npos)
    Tag = Comment.find("@swagger");
  if (Tag == StringRef::npos)
    return None;
  StringRef Rest = Comment.substr(Tag);
  Rest = Rest.substr(Rest.find('\n') == StringRef::npos ? Rest.size()
                                                        : Rest.find('\n') + 1);
  if (Rest.endswith("*/"))
    Rest = Rest.drop_back(2);
  std::string Out;
  SmallVector<StringRef, 32> Lines;
  Rest.split(Lines, '\n');
  for (StringRef L : Lines) {
    StringRef T = L.ltrim(" \t");
    if (T.startswith("*"))
      T = T.drop_front(T.startswith("* ") ? 2 : 1);
    else
      T = L;
    Out += T.rtrim().str();
    Out += '\n';
  }
  return Out;
}

class Assembler {
public:
  Assembler(Program &P, api::API &A) : P(P), A(A), Zod(P, A.Schemas) {}

  void add(const Route &R) {
    // Requests' paths start with '/': such a route never matches, and an
    // OpenAPI path must start with '/' too.
    if (!StringRef(R.Path).startswith("/")) {
      P.warning(*R.Mod, R.Offset,
                "'" + api::methodName(R.M).upper() + " " + R.Path +
                    "' is not a path (it does not start with '/'); skipped");
      return;
    }
    std::string Shape = pathShape(R.Path);
    for (const api::Operation &X : A.Operations)
      if (X.M == R.M && pathShape(X.Path) == Shape) {
        P.warning(*R.Mod, R.Offset,
                  "'" + api::methodName(R.M).upper() + " " + R.Path +
                      "' is registered again (as '" + X.Path +
                      "'); the first registration is kept");
        return;
      }
    api::Operation Op;
    Op.M = R.M;
    Op.Path = R.Path;
    Op.Location = P.loc(*R.Mod, R.Offset);
    std::string Id = !R.OperationId.empty() ? R.OperationId
                     : R.HandlerName.empty() || R.HandlerName == "handler" ||
                             R.HandlerName == "async"
                         ? derivedOperationId(R.M, R.Path)
                         : R.HandlerName;
    std::string Unique = Id;
    for (unsigned K = 2; A.findOperation(Unique); ++K)
      Unique = Id + std::to_string(K);
    Op.OperationId = Unique;

    // Path parameters, typed by a params schema when there is one.
    std::unique_ptr<api::SchemaNode> ParamsSchema;
    for (const auto &S : R.Schemas)
      if (S.first == RequestPart::Params) {
        bool Opt = false;
        ParamsSchema = Zod.convert(S.second, Opt, /*Inline=*/true);
      }
    StringRef Rest = R.Path;
    while (true) {
      size_t Open = Rest.find('{');
      if (Open == StringRef::npos)
        break;
      size_t Close = Rest.find('}', Open);
      if (Close == StringRef::npos)
        break;
      api::Parameter Pa;
      Pa.Name = Rest.slice(Open + 1, Close).str();
      Pa.In = api::ParamIn::Path;
      Pa.Required = true;
      Pa.Location = Op.Location;
      api::Property *Typed =
          ParamsSchema ? ParamsSchema->findProperty(Pa.Name) : nullptr;
      if (Typed && Typed->Schema) {
        Pa.Schema = std::move(Typed->Schema);
      } else {
        Pa.Schema = std::make_unique<api::SchemaNode>();
        Pa.Schema->Types.add(api::JSONType::String);
      }
      Op.Parameters.push_back(std::move(Pa));
      Rest = Rest.substr(Close + 1);
    }
    for (const auto &S : R.Schemas) {
      if (S.first != RequestPart::Query && S.first != RequestPart::Headers &&
          S.first != RequestPart::Cookies)
        continue;
      bool Opt = false;
      std::unique_ptr<api::SchemaNode> Obj =
          Zod.convert(S.second, Opt, /*Inline=*/true);
      if (Obj->Properties.empty())
        P.warning(*S.second.M, S.second.N->Offset,
                  "the query or header schema has no properties bk-scaffold "
                  "can read; no parameters recovered from it");
      for (api::Property &Pr : Obj->Properties) {
        api::ParamIn In = S.first == RequestPart::Query ? api::ParamIn::Query
                          : S.first == RequestPart::Headers
                              ? api::ParamIn::Header
                              : api::ParamIn::Cookie;
        // The same part validated twice (middleware and handler): once.
        if (Op.findParameter(Pr.Name, In))
          continue;
        if (Pr.Name.empty()) {
          P.warning(*S.second.M, S.second.N->Offset,
                    "a parameter with an empty name; left out");
          continue;
        }
        api::Parameter Pa;
        Pa.Name = Pr.Name;
        Pa.In = S.first == RequestPart::Query     ? api::ParamIn::Query
                : S.first == RequestPart::Headers ? api::ParamIn::Header
                                                  : api::ParamIn::Cookie;
        Pa.Required = Pr.Required;
        Pa.Schema = std::move(Pr.Schema);
        Pa.Location = P.loc(*S.second.M, S.second.N->Offset);
        Op.Parameters.push_back(std::move(Pa));
      }
    }
    // The serialisation the code states; only what differs from the
    // location's default is written.
    for (api::Parameter &Pa : Op.Parameters)
      for (const Route::Encoding &E : R.Encodings) {
        if (!Pa.is(E.Name, E.In))
          continue;
        api::Parameter Default;
        Default.In = Pa.In;
        if (E.Style != api::ParamStyle::Default &&
            E.Style != Default.getEffectiveStyle())
          Pa.Style = E.Style;
        if (E.Explode && *E.Explode != Pa.getEffectiveExplode())
          Pa.Explode = E.Explode;
      }
    for (const auto &S : R.Schemas) {
      if (S.first != RequestPart::Body || Op.Body)
        continue;
      bool Opt = false;
      api::MediaType MT;
      MT.Name = R.BodyMediaType.empty() ? "application/json" : R.BodyMediaType;
      if (S.second.N)
        MT.Schema = Zod.convert(S.second, Opt);
      Op.Body = std::make_unique<api::RequestBody>();
      Op.Body->Required = R.BodyRequired.getValueOr(!Opt);
      Op.Body->Content.push_back(std::move(MT));
    }
    std::vector<std::string> Statuses = R.Statuses;
    if (Statuses.empty()) {
      api::Response Resp;
      Resp.Status = "default";
      Resp.Description = "Not determined from the code";
      Op.Responses.push_back(std::move(Resp));
    }
    llvm::sort(Statuses);
    for (const std::string &S : Statuses) {
      api::Response Resp;
      Resp.Status = S;
      Resp.Description = reasonPhrase(S).str();
      Op.Responses.push_back(std::move(Resp));
    }
    A.Operations.push_back(std::move(Op));
  }

  /// Merges the operations of `@openapi` blocks: what the code does not
  /// say (summary, description, tags, deprecation, response descriptions
  /// and content, an operationId) comes from the documentation.
  void mergeDocs() {
    for (const auto &M : P.Modules)
      for (const js::DocComment &D : M->DocComments) {
        Optional<std::string> Block = openAPIBlock(D.Text);
        if (!Block)
          continue;
        std::string Doc = "openapi: 3.1.0\ninfo:\n  title: doc\n  "
                          "version: '0'\npaths:\n";
        StringRef B = *Block;
        // The block is a paths object, or starts with `paths:`.
        if (B.ltrim().startswith("paths:"))
          B = B.ltrim().drop_front(6);
        SmallVector<StringRef, 32> Lines;
        B.split(Lines, '\n');
        for (StringRef L : Lines)
          Doc += "  " + L.str() + "\n";
        // Read on its own: its problems are warnings at the block (the
        // code's description does not depend on it).
        Context DocCtx;
        std::vector<std::string> Problems;
        DocCtx.getDiags().setHandler([&](const Diagnostic &Diag) {
          if (Diag.Sev == Severity::Error)
            Problems.push_back(Diag.Message);
        });
        unsigned ID = DocCtx.addBuffer(
            MemoryBuffer::getMemBufferCopy(Doc, M->Path + " (@openapi block)"));
        openapi::ReadOptions RO;
        RO.AllowExternalRefs = false;
        RO.CheckExamples = false;
        std::unique_ptr<api::API> DocAPI = openapi::readOpenAPI(DocCtx, ID, RO);
        if (!DocAPI || !Problems.empty()) {
          P.warning(*M, D.Offset,
                    "this @openapi block is not a valid paths object (" +
                        (Problems.empty() ? std::string("unreadable")
                                          : Problems.front()) +
                        "); ignored");
          continue;
        }
        for (api::Operation &DOp : DocAPI->Operations) {
          api::Operation *Op = nullptr;
          for (api::Operation &X : A.Operations)
            if (X.M == DOp.M && X.Path == DOp.Path)
              Op = &X;
          if (!Op) {
            P.warning(*M, D.Offset,
                      "@openapi documents '" + api::methodName(DOp.M).upper() +
                          " " + DOp.Path +
                          "', which the code does not register; ignored");
            continue;
          }
          if (!DOp.Summary.empty())
            Op->Summary = DOp.Summary;
          if (!DOp.Description.empty())
            Op->Description = DOp.Description;
          if (!DOp.Tags.empty())
            Op->Tags = DOp.Tags;
          if (!DOp.OperationId.empty() && !A.findOperation(DOp.OperationId))
            Op->OperationId = DOp.OperationId;
          Op->Deprecated |= DOp.Deprecated;
          for (api::Response &DR : DOp.Responses) {
            auto It = find_if(Op->Responses, [&](const api::Response &X) {
              return X.Status == DR.Status;
            });
            if (It == Op->Responses.end()) {
              Op->Responses.push_back(std::move(DR));
              continue;
            }
            if (!DR.Description.empty())
              It->Description = DR.Description;
            if (It->Content.empty())
              It->Content = std::move(DR.Content);
          }
          // A documented response makes the placeholder unnecessary.
          if (Op->Responses.size() > 1)
            erase_if(Op->Responses, [](const api::Response &X) {
              return X.Status == "default" &&
                     X.Description == "Not determined from the code";
            });
          for (api::Parameter &DP : DOp.Parameters)
            for (api::Parameter &CP : Op->Parameters)
              if (CP.is(DP.Name, DP.In) && CP.Description.empty())
                CP.Description = DP.Description;
          if (Op->Body && DOp.Body && Op->Body->Description.empty())
            Op->Body->Description = DOp.Body->Description;
        }
        // Schemas the documentation names are kept if the code has none
        // of that name.
        for (api::NamedSchema &NS : DocAPI->Schemas)
          if (!A.findSchema(NS.Name))
            A.Schemas.push_back(std::move(NS));
      }
  }

private:
  Program &P;
  api::API &A;
  ZodConverter Zod;
};

} // namespace

std::unique_ptr<api::API> recoverAPI(Context &Ctx, StringRef Dir,
                                     const RecoverOptions &Opts) {
  if (!sys::fs::is_directory(Dir)) {
    Ctx.getDiags().error(Loc(), Dir + ": not a directory");
    return nullptr;
  }
  std::vector<unsigned> IDs;
  if (!loadDirectory(Ctx, Dir, IDs))
    return nullptr;
  RecoverOptions O = Opts;
  std::pair<std::string, std::string> Pkg = packageInfo(Dir);
  if (O.Title.empty())
    O.Title = !Pkg.first.empty() ? Pkg.first
                                 : sys::path::filename(Dir.rtrim('/')).str();
  std::unique_ptr<api::API> A = recoverAPIFromBuffers(Ctx, IDs, O);
  if (A && !Pkg.second.empty())
    A->TheInfo.Version = Pkg.second;
  if (A && A->Operations.empty())
    Ctx.getDiags().warning(Loc(), Dir + ": no routes found");
  return A;
}

/// zod accepts `.min(5).max(1)` (no value passes) and a JSON Schema literal
/// may say the same; an OpenAPI reader rejects such bounds. Each pair that
/// contradicts is left out, with a warning at the schema.
static void dropContradictoryBounds(DiagnosticEngine &Diags,
                                    api::SchemaNode &S) {
  auto Drop = [&](auto &Low, auto &High, StringRef LowName,
                  StringRef HighName) {
    Diags.warning(S.Location, LowName + " is above " + HighName +
                                  ": no value passes; both are left out");
    Low.reset();
    High.reset();
  };
  auto Counts = [&](Optional<uint64_t> &Low, Optional<uint64_t> &High,
                    StringRef LowName, StringRef HighName) {
    if (Low && High && *Low > *High)
      Drop(Low, High, LowName, HighName);
  };
  Counts(S.MinLength, S.MaxLength, "minLength", "maxLength");
  Counts(S.MinItems, S.MaxItems, "minItems", "maxItems");
  Counts(S.MinProperties, S.MaxProperties, "minProperties", "maxProperties");
  auto Numbers = [&](Optional<api::JSONNumber> &Low,
                     Optional<api::JSONNumber> &High, StringRef LowName,
                     StringRef HighName, bool Strict) {
    if (Low && High &&
        (Low->Value > High->Value || (Strict && Low->Value == High->Value)))
      Drop(Low, High, LowName, HighName);
  };
  Numbers(S.Minimum, S.Maximum, "minimum", "maximum", false);
  Numbers(S.ExclusiveMinimum, S.ExclusiveMaximum, "exclusiveMinimum",
          "exclusiveMaximum", true);
  Numbers(S.Minimum, S.ExclusiveMaximum, "minimum", "exclusiveMaximum", true);
  Numbers(S.ExclusiveMinimum, S.Maximum, "exclusiveMinimum", "maximum", true);
  S.forEachChild(
      [&](api::SchemaNode &Child) { dropContradictoryBounds(Diags, Child); });
}

/// The component a schema node refers to by $ref, if any.
static int referencedComponent(const api::API &A, const api::SchemaNode &N) {
  if (!N.isRef())
    return -1;
  const api::NamedSchema *T = A.findSchema(N.Ref);
  return T ? static_cast<int>(T - A.Schemas.data()) : -1;
}

/// Whether component From is, through $ref and allOf alone, part of
/// component To (From == To included).
static bool partOf(const api::API &A, unsigned From, unsigned To) {
  std::vector<bool> Seen(A.Schemas.size(), false);
  std::vector<unsigned> Work{From};
  std::vector<const api::SchemaNode *> Nodes;
  while (!Work.empty()) {
    unsigned Cur = Work.back();
    Work.pop_back();
    if (Cur == To)
      return true;
    if (Seen[Cur])
      continue;
    Seen[Cur] = true;
    Nodes.assign(1, &A.Schemas[Cur].Schema);
    while (!Nodes.empty()) {
      const api::SchemaNode *N = Nodes.back();
      Nodes.pop_back();
      int T = referencedComponent(A, *N);
      if (T >= 0)
        Work.push_back(static_cast<unsigned>(T));
      for (const auto &C : N->AllOf)
        Nodes.push_back(C.get());
    }
  }
  return false;
}

/// A JSON Schema literal `{ $id: 'Item', $ref: 'Item#' }`, or zod's
/// `z.lazy(() => Item)` as Item's own definition, makes a component that
/// is (through $ref and allOf alone) part of itself: it has no finite
/// expansion and an OpenAPI reader rejects it. Each reference that closes
/// such a cycle is left out, with a warning at the component.
static void breakInclusionCycles(DiagnosticEngine &Diags, api::API &A) {
  for (unsigned I = 0; I != A.Schemas.size(); ++I) {
    bool Broken = false;
    std::vector<api::SchemaNode *> Nodes{&A.Schemas[I].Schema};
    while (!Nodes.empty()) {
      api::SchemaNode *N = Nodes.back();
      Nodes.pop_back();
      int T = referencedComponent(A, *N);
      if (T >= 0 && partOf(A, static_cast<unsigned>(T), I)) {
        N->Ref.clear();
        N->RefIndex = api::SchemaNode::NoIndex;
        Broken = true;
      }
      for (auto &C : N->AllOf)
        Nodes.push_back(C.get());
    }
    if (Broken)
      Diags.warning(A.Schemas[I].Schema.Location,
                    "schema '" + A.Schemas[I].Name +
                        "' would include itself through $ref/allOf; that "
                        "reference is left out");
  }
}

std::unique_ptr<api::API> recoverAPIFromBuffers(Context &Ctx,
                                                ArrayRef<unsigned> BufferIDs,
                                                const RecoverOptions &Opts) {
  Program P(Ctx);
  if (!parseBuffers(P, BufferIDs))
    return nullptr;
  Recovered R;
#define BK_ROUTE_FRAMEWORK(Name, Function) Function(P, R);
#include "Frameworks.def"

  auto A = std::make_unique<api::API>();
  A->OpenAPIVersion = "3.1.0";
  A->TheInfo.Title = Opts.Title.empty() ? "API" : Opts.Title;
  A->TheInfo.Version = "0.0.0";
  // Deterministic: operations in path order, then method order.
  std::stable_sort(R.Routes.begin(), R.Routes.end(),
                   [](const Route &X, const Route &Y) {
                     if (X.Path != Y.Path)
                       return X.Path < Y.Path;
                     return X.M < Y.M;
                   });
  Assembler As(P, *A);
  for (const Route &Rt : R.Routes)
    As.add(Rt);
  As.mergeDocs();
  A->forEachRootSchema([&](const api::SchemaNode &S) {
    dropContradictoryBounds(Ctx.getDiags(), const_cast<api::SchemaNode &>(S));
  });
  A->resolveReferences();
  breakInclusionCycles(Ctx.getDiags(), *A);
  return A;
}

} // namespace routes
} // namespace bk
