//===- Program.cpp - Modules, names across them, shared helpers ----------===//
//
// What a name in a module stands for: its binding, or the export of the
// module an import names (relative imports only; packages are leaves that
// recognisers ask about with isPackageImport). Also the helpers every
// framework shares: paths, status codes, walking nodes.
//
//===----------------------------------------------------------------------===//

#include "RecoveryInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace llvm;

namespace bk {
namespace routes {

static constexpr unsigned MaxDepth = 32;

void Program::addPath(const js::Module *M) {
  SmallString<256> P(M->Path);
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  ByPath[P] = M;
}

const js::Module *Program::resolveImport(const js::Module &From,
                                         StringRef Spec) const {
  if (!Spec.startswith("./") && !Spec.startswith("../"))
    return nullptr;
  SmallString<256> Base(sys::path::parent_path(From.Path));
  sys::path::append(Base, Spec);
  sys::path::remove_dots(Base, /*remove_dot_dot=*/true);
  std::string B = std::string(Base);
  auto Find = [&](const std::string &P) -> const js::Module * {
    auto It = ByPath.find(P);
    return It == ByPath.end() ? nullptr : It->second;
  };
  if (const js::Module *M = Find(B))
    return M;
  // TypeScript's ESM convention: './users.js' names users.ts.
  StringRef Ext = sys::path::extension(B);
  std::string Stem = B;
  if (Ext == ".js" || Ext == ".mjs" || Ext == ".cjs")
    Stem = B.substr(0, B.size() - Ext.size());
  for (const char *E : {".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs"}) {
    if (const js::Module *M = Find(Stem + E))
      return M;
    if (const js::Module *M = Find(B + "/index" + E))
      return M;
  }
  return nullptr;
}

Value Program::resolveExport(const js::Module &M, StringRef Name) const {
  // Each export is resolved once. One met again while it is being resolved
  // is a cycle (`export * from` a module that re-exports this one), which
  // resolves to nothing, as ECMAScript's ResolveExport has it; without the
  // cache, modules that re-export one another twice take exponential time.
  // resolve's depth bound is for the chains of bindings within one module.
  auto [It, New] = Exports.try_emplace({&M, Name.str()});
  if (!New)
    return It->second;
  Value V = resolveExportOnce(M, Name);
  It->second = V; // a std::map entry stays where it is as the map grows
  return V;
}

Value Program::resolveExportOnce(const js::Module &M, StringRef Name) const {
  for (const auto &E : M.Exports)
    if (E.first == Name) {
      if (const js::Binding *B = M.findBinding(E.second)) {
        if (!B->Init)
          return {};
        Value V = resolve(M, B->Init);
        if (V.Name.empty())
          V.Name = B->Name;
        return V;
      }
      if (const js::Import *I = M.findImport(E.second))
        if (const js::Module *To = resolveImport(M, I->Module))
          return resolveExport(*To, I->Imported);
    }
  for (const auto &R : M.ReExports)
    if (R.first == Name || R.first == "*")
      if (const js::Module *To = resolveImport(M, R.second.first)) {
        StringRef Inner = R.first == "*" ? Name : StringRef(R.second.second);
        if (Value V = resolveExport(*To, Inner))
          return V;
      }
  // CommonJS: module.exports = X / exports.name = X.
  for (const js::Node *S : M.Statements) {
    if (S->Kind != js::Node::Assign || !S->Callee || S->Elements.empty())
      continue;
    const js::Node *L = S->Callee;
    bool IsModuleExports = L->Kind == js::Node::Member &&
                           L->Text == "exports" && L->Callee &&
                           L->Callee->isIdentifier("module");
    if (Name == "default" && IsModuleExports)
      return resolve(M, S->Elements[0]);
    // module.exports = { name, other: value }
    if (IsModuleExports && S->Elements[0]->Kind == js::Node::Object)
      if (const js::Node *V = S->Elements[0]->prop(Name))
        return resolve(M, V);
    if (L->Kind == js::Node::Member && L->Text == Name && L->Callee &&
        (L->Callee->isIdentifier("exports") ||
         (L->Callee->Kind == js::Node::Member && L->Callee->Text == "exports")))
      return resolve(M, S->Elements[0]);
  }
  return {};
}

Value Program::resolve(const js::Module &M, const js::Node *N,
                       unsigned Depth) const {
  if (!N || Depth > MaxDepth)
    return {&M, N, ""};
  switch (N->Kind) {
  case js::Node::Identifier: {
    if (const js::Binding *B = M.findBinding(N->Text)) {
      if (!B->Init)
        return {&M, N, N->Text};
      Value V = resolve(M, B->Init, Depth + 1);
      if (V.Name.empty())
        V.Name = B->Name;
      return V;
    }
    if (const js::Import *I = M.findImport(N->Text)) {
      const js::Module *To = resolveImport(M, I->Module);
      if (!To || I->Imported == "*")
        return {&M, N, N->Text};
      if (Value V = resolveExport(*To, I->Imported))
        return V;
    }
    return {&M, N, ""};
  }
  case js::Node::Member: {
    // ns.name where ns is `import * as ns` of a module of ours.
    if (!N->Computed && N->Callee && N->Callee->Kind == js::Node::Identifier) {
      if (const js::Import *I = M.findImport(N->Callee->Text))
        if (I->Imported == "*")
          if (const js::Module *To = resolveImport(M, I->Module))
            if (Value V = resolveExport(*To, N->Text))
              return V;
    }
    return {&M, N, ""};
  }
  case js::Node::Await:
    if (N->Text == "await" && !N->Elements.empty())
      return resolve(M, N->Elements[0], Depth + 1);
    return {&M, N, ""};
  case js::Node::Call:
    // require('./x') is the module's default export (module.exports).
    if (N->Callee && N->Callee->isIdentifier("require") && !N->Args.empty() &&
        N->Args[0]->Kind == js::Node::String)
      if (const js::Module *To = resolveImport(M, N->Args[0]->Text))
        if (Value V = resolveExport(*To, "default"))
          return V;
    return {&M, N, ""};
  default:
    return {&M, N, ""};
  }
}

bool Program::isPackageImport(const js::Module &M, const js::Node *N,
                              StringRef Pkg, StringRef Imported) const {
  if (!N)
    return false;
  if (N->Kind == js::Node::Member && !N->Computed && N->Callee &&
      N->Callee->Kind == js::Node::Identifier) {
    // ns.Router for `import * as ns from 'express'`.
    const js::Import *I = M.findImport(N->Callee->Text);
    return I && I->Module == Pkg &&
           (I->Imported == "*" || I->Imported == "default") &&
           (Imported.empty() || Imported == N->Text);
  }
  if (N->Kind != js::Node::Identifier)
    return false;
  const js::Import *I = M.findImport(N->Text);
  if (!I || I->Module != Pkg)
    return false;
  return Imported.empty() || I->Imported == Imported ||
         (Imported == "default" && I->Imported == "*");
}

Loc Program::loc(const js::Module &M, size_t Offset) const {
  const MemoryBuffer *MB = Ctx.getSourceMgr().getMemoryBuffer(M.BufferID);
  Offset = std::min(Offset, MB->getBufferSize());
  return Ctx.getLoc(SMLoc::getFromPointer(MB->getBufferStart() + Offset));
}

void forEachNode(const js::Node *N,
                 const std::function<void(const js::Node *)> &F,
                 unsigned Depth) {
  if (!N || Depth > 256)
    return;
  F(N);
  forEachNode(N->Callee, F, Depth + 1);
  for (const js::Node *A : N->Args)
    forEachNode(A, F, Depth + 1);
  for (const js::Node *E : N->Elements)
    forEachNode(E, F, Depth + 1);
  for (const auto &Pr : N->Props)
    forEachNode(Pr.second, F, Depth + 1);
  if (N->Fn)
    for (const js::Node *S : N->Fn->Body)
      forEachNode(S, F, Depth + 1);
}

void collectStatuses(const js::Node *Handler, std::vector<std::string> &Out) {
  bool Sends = false, SetsBody = false, AssignsStatus = false;
  auto Add = [&](const std::string &S) {
    if (!is_contained(Out, S))
      Out.push_back(S);
  };
  // A status code as written (a number literal), if it is one: 100-599.
  auto AddCode = [&](const js::Node *N) {
    unsigned Code = 0;
    if (N && N->Kind == js::Node::Number &&
        !StringRef(N->Text).getAsInteger(10, Code) && Code >= 100 &&
        Code <= 599)
      Add(std::to_string(Code));
  };
  forEachNode(Handler, [&](const js::Node *N) {
    if (N->Kind == js::Node::Call) {
      StringRef M = N->calledMethod();
      if ((M == "status" || M == "sendStatus" || M == "code" || M == "throw") &&
          !N->Args.empty() && N->Args[0]->Kind == js::Node::Number) {
        AddCode(N->Args[0]);
      } else if (M == "json" || M == "send" || M == "end" || M == "render" ||
                 M == "redirect") {
        // res.json(x) sends 200; res.status(201).json(x) does not.
        const js::Node *Recv = N->Callee->Callee;
        StringRef Before = Recv ? Recv->calledMethod() : StringRef();
        if (Before != "status" && Before != "code")
          Sends = true;
      }
    } else if (N->Kind == js::Node::Assign && N->Callee &&
               N->Callee->Kind == js::Node::Member &&
               N->Callee->Text == "status" && !N->Elements.empty() &&
               N->Elements[0]->Kind == js::Node::Number) {
      AddCode(N->Elements[0]);
      AssignsStatus = true;
    } else if (N->Kind == js::Node::Assign && N->Callee &&
               N->Callee->Kind == js::Node::Member &&
               N->Callee->Text == "body") {
      SetsBody = true; // Koa: ctx.body = ... is 200 unless a status is set
    }
  });
  if (Sends || (SetsBody && !AssignsStatus))
    Add("200");
}

std::string pathShape(StringRef Path) {
  std::string Out;
  bool InParam = false;
  for (char C : Path) {
    if (C == '{')
      InParam = true;
    else if (C == '}')
      InParam = false;
    if (!InParam || C == '{')
      Out += C;
  }
  return Out;
}

std::string joinPaths(StringRef Prefix, StringRef Path) {
  std::string Out = Prefix.rtrim('/').str();
  if (!Path.empty() && Path != "/") {
    if (!Path.startswith("/"))
      Out += '/';
    Out += Path.str();
  }
  if (Out.empty())
    Out = "/";
  return Out;
}

void MountPrefixes::mount(const void *Child, const void *Parent,
                          StringRef Prefix) {
  Children[Parent].push_back({Child, Prefix.str()});
}

void MountPrefixes::solve() {
  // Breadth first from the root; each path is an item with the item it
  // came through, so a cycle is seen where it closes.
  struct Item {
    const void *Node;
    std::string Prefix;
    size_t Prev;
  };
  constexpr size_t None = ~size_t(0);
  std::vector<Item> Items = {{nullptr, "", None}};
  std::map<const void *, std::set<std::string>> Seen;
  for (size_t I = 0; I < Items.size(); ++I) {
    auto It = Children.find(Items[I].Node);
    if (It == Children.end())
      continue;
    for (const Edge &E : It->second) {
      bool Cycle = false;
      for (size_t J = I; J != None && !Cycle; J = Items[J].Prev)
        Cycle = Items[J].Node == E.Child;
      if (Cycle) {
        if (!is_contained(Cycles, E.Child))
          Cycles.push_back(E.Child);
        continue;
      }
      std::vector<std::string> &Out = Found[E.Child];
      std::string Prefix = joinPaths(Items[I].Prefix, E.Prefix);
      if (Out.size() >= MaxPrefixes || !Seen[E.Child].insert(Prefix).second)
        continue;
      Out.push_back(Prefix);
      Items.push_back({E.Child, std::move(Prefix), I});
    }
  }
}

const std::vector<std::string> &MountPrefixes::get(const void *Node) const {
  static const std::vector<std::string> Root = {""};
  auto It = Found.find(Node);
  return It == Found.end() ? Root : It->second;
}

std::string openAPIPath(Program &P, const js::Module &M, size_t Offset,
                        StringRef Path) {
  if (Path.find_first_of("{}") != StringRef::npos) {
    P.warning(M, Offset,
              "route path '" + Path +
                  "' has a literal brace, which an OpenAPI path cannot "
                  "have; route skipped");
    return "";
  }
  std::string Out;
  size_t I = 0;
  while (I < Path.size()) {
    char C = Path[I];
    if (C == ':' && I + 1 < Path.size() &&
        (isAlnum(Path[I + 1]) || Path[I + 1] == '_')) {
      size_t J = I + 1;
      while (J < Path.size() && (isAlnum(Path[J]) || Path[J] == '_'))
        ++J;
      Out += "{" + Path.slice(I + 1, J).str() + "}";
      if (J < Path.size() && Path[J] == '(') {
        // A regular expression constraint: OpenAPI has none for paths.
        size_t Close = Path.find(')', J);
        J = Close == StringRef::npos ? Path.size() : Close + 1;
      }
      if (J < Path.size() && Path[J] == '?') {
        P.warning(M, Offset,
                  "optional path parameter '" + Path.slice(I + 1, J) +
                      "' in '" + Path +
                      "': OpenAPI path parameters are always required");
        ++J;
      }
      I = J;
      continue;
    }
    if (C == '*') {
      P.warning(M, Offset,
                "wildcard in route path '" + Path +
                    "' cannot be written as an OpenAPI path; kept as '*'");
    }
    Out += C;
    ++I;
  }
  std::vector<std::string> Params;
  std::string Error;
  if (!api::parsePathTemplate(Out, Params, &Error)) {
    P.warning(M, Offset, Error + "; route skipped");
    return "";
  }
  for (size_t K = 0; K < Params.size(); ++K)
    if (is_contained(makeArrayRef(Params).take_front(K), Params[K])) {
      P.warning(M, Offset,
                "route path '" + Path + "' repeats parameter '" + Params[K] +
                    "'; route skipped");
      return "";
    }
  return Out;
}

Optional<api::Method> routeMethod(StringRef Name) {
  if (Name == "del") // Koa's (and old Express's) alias
    return api::Method::Delete;
  Optional<api::Method> M = api::parseMethod(Name);
  if (M && *M == api::Method::Query)
    return None;
  return M;
}

void operationSpec(Program &P, const Value &Spec, Route &Out) {
  (void)P;
  const js::Node *O = Spec.N;
  if (const js::Node *Id = O->prop("operationId"))
    if (Id->Kind == js::Node::String)
      Out.OperationId = Id->Text;
  static const std::pair<const char *, RequestPart> Groups[] = {
      {"params", RequestPart::Params},
      {"query", RequestPart::Query},
      {"headers", RequestPart::Headers},
      {"cookies", RequestPart::Cookies}};
  for (const auto &G : Groups) {
    const js::Node *Grp = O->prop(G.first);
    if (!Grp || Grp->Kind != js::Node::Object)
      continue;
    if (const js::Node *S = Grp->prop("schema"))
      Out.Schemas.push_back({G.second, Value{Spec.M, S, ""}});
    // specs: [{ name, in, style, explode }]
    const js::Node *Specs = Grp->prop("specs");
    if (!Specs || Specs->Kind != js::Node::Array)
      continue;
    for (const js::Node *E : Specs->Elements) {
      if (E->Kind != js::Node::Object)
        continue;
      const js::Node *Name = E->prop("name"), *In = E->prop("in");
      const js::Node *Style = E->prop("style"), *Explode = E->prop("explode");
      if (!Name || Name->Kind != js::Node::String || !In ||
          In->Kind != js::Node::String)
        continue;
      Optional<api::ParamIn> Where = api::parseParamIn(In->Text);
      if (!Where)
        continue;
      // `key`: the name the route path uses where the parameter's own
      // name cannot be a path segment's parameter name.
      const js::Node *Key = E->prop("key");
      if (Key && Key->Kind == js::Node::String &&
          *Where == api::ParamIn::Path) {
        std::string From = "{" + Key->Text + "}";
        size_t At = Out.Path.find(From);
        if (At != std::string::npos)
          Out.Path.replace(At, From.size(), "{" + Name->Text + "}");
      }
      Route::Encoding Enc;
      Enc.Name = Name->Text;
      Enc.In = *Where;
      if (Style && Style->Kind == js::Node::String)
        if (Optional<api::ParamStyle> St = api::parseParamStyle(Style->Text))
          Enc.Style = *St;
      if (Explode &&
          (Explode->isIdentifier("true") || Explode->isIdentifier("false")))
        Enc.Explode = Explode->isIdentifier("true");
      Out.Encodings.push_back(std::move(Enc));
    }
  }
  if (const js::Node *B = O->prop("body")) {
    if (B->Kind != js::Node::Object)
      return;
    if (const js::Node *MT = B->prop("mediaType"))
      if (MT->Kind == js::Node::String)
        Out.BodyMediaType = MT->Text;
    if (const js::Node *Req = B->prop("required"))
      Out.BodyRequired = Req->isIdentifier("true");
    if (const js::Node *S = B->prop("schema"))
      Out.Schemas.push_back({RequestPart::Body, Value{Spec.M, S, ""}});
    else
      Out.Schemas.push_back({RequestPart::Body, Value{Spec.M, nullptr, ""}});
  }
}

} // namespace routes
} // namespace bk
