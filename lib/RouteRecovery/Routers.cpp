//===- Routers.cpp - Express and Koa: routers, routes, mounts -------------===//
//
// Both frameworks register routes on router objects and mount routers in
// one another; they differ in how the objects are made and mounted.
//   Express: applications `express()`, routers `express.Router()` or
//            `Router()` imported from 'express'; `X.use(prefix, router)`.
//   Koa:     applications `new Koa()`, routers `new Router({ prefix })`
//            from '@koa/router' or 'koa-router' (and `router.prefix(p)`);
//            `X.use(prefix?, router.routes())`.
// Applications and routers are found among the bindings of every module.
// Then, in every statement:
//   X.get|post|put|patch|delete|head|options|all(path, ...handlers)
//   X.route(path).get(...).post(...)
//   X.use([prefix], router...)      a mount: router's routes get prefix
// where X is an application or router (through imports and exports too).
// A router mounted nowhere keeps its paths as they are (with a warning).
// Request schemas come from zod schemas among a route's middleware
// (`validate(S)`, `validate({ body: S, query: Q })`, `validateQuery(Q)`)
// or parsed in a handler (`S.parse(req.body)`, `S.parse(ctx.request.body)`).
//
//===----------------------------------------------------------------------===//

#include "RecoveryInternal.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <set>

using namespace llvm;

namespace bk {
namespace routes {

using js::Node;

namespace {

enum class Flavor { Express, Koa };

struct RouterObj {
  const js::Module *M = nullptr;
  std::string Name;
  bool IsApp = false;
  size_t Offset = 0;
  /// Koa: the router's own prefix (`new Router({ prefix })`, `prefix()`).
  std::string OwnPrefix;
  /// (parent index, prefix) for each place it is mounted.
  std::vector<std::pair<size_t, std::string>> Mounts;
};

struct RawRoute {
  size_t Router;
  api::Method Method;
  std::string Path; // Express syntax, relative to the router
  const js::Module *M;
  size_t Offset;
  const Node *Call;
  std::vector<const Node *> Handlers;
};

class RouterRecognizer {
public:
  RouterRecognizer(Program &P, Recovered &R, Flavor F) : P(P), R(R), F(F) {}

  void run() {
    findRouters();
    if (Routers.empty())
      return;
    // Statements list nested statements too: each call once.
    std::set<const Node *> Done;
    for (const auto &M : P.Modules)
      for (const Node *S : M->Statements)
        forEachNode(S, [&](const Node *N) {
          if (N->Kind == Node::Call && Done.insert(N).second)
            visitCall(*M, N);
        });
    mountAll();
    emit();
    warnCycles();
  }

private:
  Program &P;
  Recovered &R;
  Flavor F;
  std::vector<RouterObj> Routers;
  std::vector<RawRoute> Raw;
  MountPrefixes Mounts;
  /// returnedRouter's answers, by function.
  mutable std::map<const Node *, int> Returns;
  /// Routers warned about being mounted nowhere.
  std::set<size_t> Unmounted;

  /// The router a creation call makes: app (1), router (2) or neither.
  int creates(const js::Module &M, const Node *Init) const {
    if (!Init || (Init->Kind != Node::Call && Init->Kind != Node::New))
      return 0;
    const Node *C = Init->Callee;
    if (F == Flavor::Koa) {
      if (P.isPackageImport(M, C, "koa", "default"))
        return 1; // new Koa()
      for (const char *Pkg : {"@koa/router", "koa-router"})
        if (P.isPackageImport(M, C, Pkg, "default") ||
            P.isPackageImport(M, C, Pkg, "Router"))
          return 2; // new Router()
      return 0;
    }
    if (P.isPackageImport(M, C, "express", "default"))
      return 1; // express()
    if (C && C->Kind == Node::Member && C->Text == "Router" &&
        P.isPackageImport(M, C->Callee, "express", "default"))
      return 2; // express.Router()
    if (P.isPackageImport(M, C, "express", "Router"))
      return 2; // Router()
    return 0;
  }

  void findRouters() {
    for (const auto &M : P.Modules)
      for (const js::Binding &B : M->Bindings)
        if (int K = creates(*M, B.Init)) {
          RouterObj O;
          O.M = M.get();
          O.Name = B.Name;
          O.IsApp = K == 1;
          O.Offset = B.Offset;
          if (F == Flavor::Koa && !B.Init->Args.empty()) {
            Value Opts = P.resolve(*M, B.Init->Args[0]);
            if (Opts.N && Opts.N->Kind == Node::Object)
              if (const Node *Pre = Opts.N->prop("prefix")) {
                if (Pre->Kind == Node::String)
                  O.OwnPrefix = Pre->Text;
                else
                  P.warning(*M, Pre->Offset,
                            "router prefix is not a string literal; its "
                            "routes are placed without it");
              }
          }
          Routers.push_back(O);
        }
  }

  /// The router a receiver expression stands for, or -1.
  int routerOf(const js::Module &M, const Node *N, unsigned Depth = 0) const {
    if (!N || Depth > 64)
      return -1;
    // Koa mounts router.routes() (or .middleware()); use() returns its
    // receiver, for chains (app.use(a).use(b)).
    while (N && N->Kind == Node::Call &&
           ((F == Flavor::Koa && (N->calledMethod() == "routes" ||
                                  N->calledMethod() == "middleware")) ||
            N->calledMethod() == "use"))
      N = N->Callee->Callee;
    if (!N)
      return -1;
    Value V = P.resolve(M, N);
    for (size_t I = 0; I < Routers.size(); ++I) {
      const RouterObj &O = Routers[I];
      if (V.M == O.M && !V.Name.empty() && V.Name == O.Name)
        return static_cast<int>(I);
      if (V.M == O.M && V.N && creates(*V.M, V.N)) {
        const js::Binding *B = O.M->findBinding(O.Name);
        if (B && B->Init == V.N)
          return static_cast<int>(I);
      }
    }
    // A function that returns a router: usersRouter().
    if (V.N && V.N->Kind == Node::Call && V.N->Callee) {
      Value Fn = P.resolve(*V.M, V.N->Callee);
      if (Fn.N && Fn.N->Fn)
        return returnedRouter(Fn, Depth);
    }
    return -1;
  }

  /// The router function Fn returns (its first return of one), or -1. Each
  /// function is looked at once: functions returning calls of functions
  /// with several returns each would otherwise take exponential time. A
  /// function met again while it is being looked at (recursion) returns
  /// none.
  int returnedRouter(const Value &Fn, unsigned Depth) const {
    auto [It, New] = Returns.try_emplace(Fn.N, -1);
    if (!New)
      return It->second;
    int K = -1;
    for (const Node *S : Fn.N->Fn->Body)
      if (S->Kind == Node::Return && !S->Elements.empty())
        if ((K = routerOf(*Fn.M, S->Elements[0], Depth + 1)) >= 0)
          break;
    It->second = K; // a std::map entry stays where it is as the map grows
    return K;
  }

  void visitCall(const js::Module &M, const Node *C) {
    StringRef Name = C->calledMethod();
    if (Name.empty())
      return;
    const Node *Recv = C->Callee->Callee;
    if (F == Flavor::Koa && Name == "prefix" && !C->Args.empty()) {
      int K = routerOf(M, Recv);
      if (K >= 0 && C->Args[0]->Kind == Node::String)
        Routers[K].OwnPrefix = C->Args[0]->Text;
      return;
    }
    if (Name == "use") {
      int Parent = routerOf(M, Recv);
      if (Parent < 0)
        return;
      std::string Prefix;
      size_t First = 0;
      if (!C->Args.empty()) {
        const Node *A0 = C->Args[0];
        if (A0->Kind == Node::String) {
          Prefix = A0->Text;
          First = 1;
        } else if (A0->Kind == Node::Template ||
                   (A0->Kind == Node::Identifier && routerOf(M, A0) < 0 &&
                    !A0->Fn)) {
          // A computed prefix: the router below cannot be placed.
          for (size_t I = 1; I < C->Args.size(); ++I)
            if (routerOf(M, C->Args[I]) >= 0)
              P.warning(M, A0->Offset,
                        "router mounted at a prefix that is not a string "
                        "literal; its routes are placed without it");
          First = 1;
        }
      }
      for (size_t I = First; I < C->Args.size(); ++I) {
        int Child = routerOf(M, C->Args[I]);
        if (Child >= 0 && Child != Parent)
          Routers[Child].Mounts.push_back({size_t(Parent), Prefix});
      }
      return;
    }
    bool All = Name == "all";
    Optional<api::Method> Meth = routeMethod(Name);
    if (!Meth && !All)
      return;
    // X.route('/p').get(...)
    std::string Path;
    int Router = -1;
    const Node *PathNode = nullptr;
    std::vector<const Node *> Handlers;
    const Node *Chain = Recv;
    while (Chain && Chain->Kind == Node::Call &&
           routeMethod(Chain->calledMethod()))
      Chain = Chain->Callee->Callee; // .get().post() chains
    if (Chain && Chain->Kind == Node::Call &&
        Chain->calledMethod() == "route") {
      Router = routerOf(M, Chain->Callee->Callee);
      PathNode = Chain->Args.empty() ? nullptr : Chain->Args[0];
      Handlers.assign(C->Args.begin(), C->Args.end());
    } else {
      Router = routerOf(M, Recv);
      if (C->Args.empty())
        return;
      PathNode = C->Args[0];
      // app.get('setting') reads a setting.
      if (Meth && *Meth == api::Method::Get && C->Args.size() == 1 &&
          Router >= 0 && Routers[Router].IsApp)
        return;
      Handlers.assign(C->Args.begin() + 1, C->Args.end());
    }
    if (Router < 0)
      return;
    if (!PathNode || PathNode->Kind != Node::String) {
      P.warning(M, PathNode ? PathNode->Offset : C->Offset,
                "route path is not a string literal; route skipped");
      return;
    }
    Path = PathNode->Text;
    std::vector<api::Method> Methods;
    if (All)
      Methods = {api::Method::Get, api::Method::Put, api::Method::Post,
                 api::Method::Delete, api::Method::Patch};
    else
      Methods = {*Meth};
    for (api::Method X : Methods)
      Raw.push_back({size_t(Router), X, Path, &M, C->Offset, C, Handlers});
  }

  /// Mounts every router (and application: Express mounts sub-apps) in its
  /// parents; one mounted nowhere, at the root.
  void mountAll() {
    for (const RouterObj &O : Routers) {
      if (O.Mounts.empty())
        Mounts.mount(&O, nullptr, O.OwnPrefix);
      for (const auto &M : O.Mounts) {
        const RouterObj &Parent = Routers[M.first];
        // Koa: a router's own prefix comes after the one it is mounted at.
        Mounts.mount(&O, &Parent,
                     O.OwnPrefix.empty() ? M.second
                                         : joinPaths(M.second, O.OwnPrefix));
      }
    }
    Mounts.solve();
  }

  /// Every full prefix under which router I is reachable.
  const std::vector<std::string> &prefixes(size_t I) {
    const RouterObj &O = Routers[I];
    if (!O.IsApp && O.Mounts.empty() && Unmounted.insert(I).second)
      P.warning(*O.M, O.Offset,
                "router '" + O.Name +
                    "' is not mounted where bk-scaffold can see; its routes "
                    "are placed at the root");
    return Mounts.get(&O);
  }

  /// Warns where mounts were found to nest in a cycle.
  void warnCycles() {
    for (const void *Cycle : Mounts.cycles()) {
      const RouterObj &O = *static_cast<const RouterObj *>(Cycle);
      P.warning(*O.M, O.Offset,
                "router '" + O.Name +
                    "' is mounted inside itself; its prefixes are not "
                    "followed around the cycle");
    }
  }

  void requestSchemas(const RawRoute &RR, Route &Out) {
    ZodConverter Probe(P, Scratch);
    auto Part = [](StringRef Name) -> Optional<RequestPart> {
      std::string L = Name.lower();
      if (StringRef(L).contains("quer"))
        return RequestPart::Query;
      if (StringRef(L).contains("param"))
        return RequestPart::Params;
      if (StringRef(L).contains("header"))
        return RequestPart::Headers;
      if (StringRef(L).contains("body"))
        return RequestPart::Body;
      return None;
    };
    for (const Node *H : RR.Handlers) {
      // Middleware: validate(S), validateQuery(Q), validate({ body: S }).
      if (H->Kind == Node::Call) {
        StringRef Callee = H->Callee && H->Callee->Kind == Node::Identifier
                               ? StringRef(H->Callee->Text)
                               : H->calledMethod();
        for (const Node *A : H->Args) {
          Value V = P.resolve(*RR.M, A);
          if (V.N && V.N->Kind == Node::Object && !Probe.isZod(V)) {
            for (const auto &Pr : V.N->Props) {
              Optional<RequestPart> K = Part(Pr.first);
              Value S{V.M, Pr.second, ""};
              if (K && Probe.isZod(S))
                Out.Schemas.push_back({*K, S});
            }
            continue;
          }
          if (Probe.isZod(Value{RR.M, A, ""}))
            Out.Schemas.push_back({Part(Callee).getValueOr(RequestPart::Body),
                                   Value{RR.M, A, ""}});
        }
      }
      // In a handler: S.parse(req.body), S.safeParse(req.query).
      if (H->Fn) {
        std::string Req = H->Fn->Params.empty() ? "req" : H->Fn->Params[0];
        forEachNode(H, [&](const Node *N) {
          StringRef Meth = N->calledMethod();
          if (Meth != "parse" && Meth != "safeParse" && Meth != "parseAsync" &&
              Meth != "safeParseAsync")
            return;
          if (N->Args.empty() || N->Args[0]->Kind != Node::Member)
            return;
          // req.body, ctx.request.body, ctx.query: the chain's root is the
          // handler's first parameter, its last member the part.
          const Node *A = N->Args[0];
          const Node *Root = A;
          while (Root->Kind == Node::Member && Root->Callee)
            Root = Root->Callee;
          if (!Root->isIdentifier(Req))
            return;
          Optional<RequestPart> K = Part(A->Text);
          Value S{RR.M, N->Callee->Callee, ""};
          if (K && Probe.isZod(S))
            Out.Schemas.push_back({*K, S});
        });
        collectStatuses(H, Out.Statuses);
      } else if (H->Kind == Node::Identifier || H->Kind == Node::Member) {
        Value F = P.resolve(*RR.M, H);
        if (F.N && F.N->Fn)
          collectStatuses(F.N, Out.Statuses);
      }
    }
    if (!RR.Handlers.empty()) {
      const Node *Last = RR.Handlers.back();
      if (Last->Kind == Node::Identifier)
        Out.HandlerName = Last->Text;
      else if (Last->Kind == Node::Member && !Last->Computed)
        Out.HandlerName = Last->Text;
    }
  }

  void emit() {
    for (const RawRoute &RR : Raw) {
      const std::vector<std::string> &Prefixes = prefixes(RR.Router);
      if (MountPrefixes::isTruncated(Prefixes))
        P.warning(*RR.M, RR.Offset,
                  "route is mounted under " +
                      Twine(MountPrefixes::MaxPrefixes) +
                      " or more prefixes; only the first " +
                      Twine(MountPrefixes::MaxPrefixes) + " are recovered");
      for (const std::string &Pre : Prefixes) {
        Route Out;
        Out.M = RR.Method;
        Out.Path = openAPIPath(P, *RR.M, RR.Offset, joinPaths(Pre, RR.Path));
        if (Out.Path.empty())
          continue;
        Out.Mod = RR.M;
        Out.Offset = RR.Offset;
        requestSchemas(RR, Out);
        R.Routes.push_back(std::move(Out));
      }
    }
  }

  /// Components the probing converter would make (never used).
  std::vector<api::NamedSchema> Scratch;
};

} // namespace

void recognizeExpress(Program &P, Recovered &R) {
  RouterRecognizer(P, R, Flavor::Express).run();
}

void recognizeKoa(Program &P, Recovered &R) {
  RouterRecognizer(P, R, Flavor::Koa).run();
}

} // namespace routes
} // namespace bk
