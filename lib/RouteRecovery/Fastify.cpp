//===- Fastify.cpp - Routes as Fastify registers them ---------------------===//
//
// In every module that imports from 'fastify' (a value or only its types,
// as plugins do for their FastifyInstance parameter):
//   X.route({ method, url, schema, handler })
//   X.get|post|put|patch|delete|head|options(url, [options], handler)
// The request schemas are the route's `schema` (body, querystring,
// params, headers), each a JSON Schema literal or a zod schema (a zod type
// provider), or `routeSchema(spec)` of bk-scaffold's generated code, whose
// spec carries them. Plugins registered with `X.register(plugin,
// { prefix })` (a function, imported or not, nested registrations too) put
// their prefix before the paths of the routes registered inside them.
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

bool importsFastify(const js::Module &M) {
  return any_of(M.Imports, [](const js::Import &I) {
    return I.Module == "fastify" || StringRef(I.Module).startswith("fastify/");
  });
}

/// The schema parts of a route's `schema` value.
void routeSchemas(Program &P, const js::Module &M, const Node *SchemaN,
                  Route &Out) {
  if (!SchemaN)
    return;
  // routeSchema(V.op): bk-scaffold's spec of the operation.
  if (SchemaN->Kind == Node::Call && !SchemaN->Args.empty()) {
    Value Spec = P.resolve(M, SchemaN->Args[0]);
    if (Spec.N && Spec.N->Kind == Node::Object && Spec.N->prop("operationId"))
      operationSpec(P, Spec, Out);
    return;
  }
  Value V = P.resolve(M, SchemaN);
  if (!V.N || V.N->Kind != Node::Object) {
    P.warning(M, SchemaN->Offset,
              "the route's schema is not an object bk-scaffold can read; "
              "request schemas not recovered");
    return;
  }
  static const std::pair<const char *, RequestPart> Parts[] = {
      {"body", RequestPart::Body},
      {"querystring", RequestPart::Query},
      {"query", RequestPart::Query},
      {"params", RequestPart::Params},
      {"headers", RequestPart::Headers}};
  for (const auto &Pt : Parts)
    if (const Node *S = V.N->prop(Pt.first))
      Out.Schemas.push_back({Pt.second, Value{V.M, S, ""}});
}

} // namespace

namespace {

/// Which function each call is in, and the prefixes plugins are registered
/// with: `x.register(plugin, { prefix })` (nested registrations compose).
class Plugins {
public:
  explicit Plugins(Program &P) : P(P) {
    for (const auto &M : P.Modules)
      for (const Node *S : M->Statements)
        walk(*M, S, nullptr, 0);
    resolveRegistrations();
  }

  /// Modules holding a function registered as a plugin (CommonJS plugins
  /// often import nothing from 'fastify').
  std::set<const js::Module *> PluginModules;

  /// Every prefix the code in function Fn (null: top level) runs under.
  const std::vector<std::string> &prefixesOf(const Node *Fn) const {
    return Mounts.get(registeredAround(Fn));
  }

  /// Warns where registrations were found to nest in a cycle.
  void warnCycles() {
    for (const void *Cycle : Mounts.cycles()) {
      const Node *Fn = static_cast<const Node *>(Cycle);
      P.warning(*ModuleOf[Fn], Fn->Offset,
                "plugin is registered inside itself; its prefixes are not "
                "followed around the cycle");
    }
  }

  /// The function a call is in (null: top level).
  const Node *enclosing(const Node *Call) const {
    auto It = EnclosingOf.find(Call);
    return It == EnclosingOf.end() ? nullptr : It->second;
  }

private:
  /// The nearest function around Fn (or Fn) that is registered as a
  /// plugin; null: none is.
  const Node *registeredAround(const Node *Fn) const {
    while (Fn && !ModuleOf.count(Fn)) {
      auto It = Parent.find(Fn);
      Fn = It == Parent.end() ? nullptr : It->second;
    }
    return Fn;
  }

  // Module::Statements lists nested statements too: a node is reached from
  // its own entry (outside any function) and through the functions around
  // it, which win.
  void walk(const js::Module &M, const Node *N, const Node *Fn,
            unsigned Depth) {
    if (!N || Depth > 256)
      return;
    if (N->Kind == Node::Call) {
      if (Fn || !EnclosingOf.count(N))
        EnclosingOf[N] = Fn;
      if (N->calledMethod() == "register" && !N->Args.empty() &&
          Noted.insert(N).second)
        noteRegistration(M, N);
    }
    walk(M, N->Callee, Fn, Depth + 1);
    for (const Node *A : N->Args)
      walk(M, A, Fn, Depth + 1);
    for (const Node *E : N->Elements)
      walk(M, E, Fn, Depth + 1);
    for (const auto &Pr : N->Props)
      walk(M, Pr.second, Fn, Depth + 1);
    if (N->Fn) {
      if (Fn)
        Parent.emplace(N, Fn);
      for (const Node *S : N->Fn->Body)
        walk(M, S, N, Depth + 1);
    }
  }

  /// Registrations are resolved once every call knows its function.
  void resolveRegistrations() {
    struct Registration {
      const Node *Plugin;
      /// The function the register call is in (null: top level).
      const Node *Enclosing;
      std::string Prefix;
    };
    std::vector<Registration> Registered;
    for (const auto &Pending : PendingRegs) {
      const Node *Call = Pending.first;
      const js::Module &M = *Pending.second;
      std::string Prefix;
      if (Call->Args.size() >= 2) {
        Value Opts = P.resolve(M, Call->Args[1]);
        if (Opts.N && Opts.N->Kind == Node::Object)
          if (const Node *Pre = Opts.N->prop("prefix")) {
            if (Pre->Kind == Node::String)
              Prefix = Pre->Text;
            else
              P.warning(M, Pre->Offset,
                        "plugin prefix is not a string literal; the "
                        "plugin's routes are placed without it");
          }
      }
      Value Plugin = P.resolve(M, Call->Args[0]);
      // import('./routes') and require('./routes') name a module's default.
      if (Plugin.N && Plugin.N->Kind == Node::Call && !Plugin.N->Args.empty() &&
          Plugin.N->Args[0]->Kind == Node::String)
        if (const js::Module *To =
                P.resolveImport(*Plugin.M, Plugin.N->Args[0]->Text))
          Plugin = P.resolveExport(*To, "default");
      if (Plugin.N && Plugin.N->Fn) {
        Registered.push_back({Plugin.N, enclosing(Call), Prefix});
        ModuleOf[Plugin.N] = Plugin.M;
        PluginModules.insert(Plugin.M);
      } else if (!Prefix.empty()) {
        P.warning(M, Call->Offset,
                  "cannot tell which plugin is registered with prefix '" +
                      Prefix + "'; its routes are placed without it");
      }
    }
    // Every registered function is known now: mount each in the plugin
    // whose code registers it.
    for (const Registration &Reg : Registered)
      Mounts.mount(Reg.Plugin, registeredAround(Reg.Enclosing), Reg.Prefix);
    Mounts.solve();
  }

  void noteRegistration(const js::Module &M, const Node *Call) {
    PendingRegs.push_back({Call, &M});
  }

  Program &P;
  std::set<const Node *> Noted;
  std::vector<std::pair<const Node *, const js::Module *>> PendingRegs;
  std::map<const Node *, const Node *> EnclosingOf, Parent;
  /// The module of each function registered as a plugin.
  std::map<const Node *, const js::Module *> ModuleOf;
  MountPrefixes Mounts;
};

} // namespace

void recognizeFastify(Program &P, Recovered &R) {
  Plugins Plug(P);
  // Statements list nested statements too: each call once.
  std::set<const Node *> Done;
  for (const auto &M : P.Modules) {
    if (!importsFastify(*M) && !Plug.PluginModules.count(M.get()))
      continue;
    for (const Node *S : M->Statements)
      forEachNode(S, [&](const Node *C) {
        if (C->Kind != Node::Call || !Done.insert(C).second)
          return;
        StringRef Name = C->calledMethod();
        if (Name == "register")
          return; // followed by Plugins
        const Node *Opts = nullptr, *Handler = nullptr, *Url = nullptr;
        Optional<api::Method> Method;
        if (Name == "route" && C->Args.size() == 1) {
          Value O = P.resolve(*M, C->Args[0]);
          if (!O.N || O.N->Kind != Node::Object)
            return;
          const Node *Meth = O.N->prop("method");
          Url = O.N->prop("url");
          if (!Url)
            Url = O.N->prop("path");
          if (!Meth || !Url)
            return;
          if (Meth->Kind != Node::String) {
            P.warning(*M, Meth->Offset,
                      "route method is not a string literal; route "
                      "skipped");
            return;
          }
          Method = routeMethod(Meth->Text);
          Opts = O.N;
          Handler = O.N->prop("handler");
        } else if ((Method = routeMethod(Name)) && !C->Args.empty() &&
                   C->Args[0]->Kind == Node::String &&
                   StringRef(C->Args[0]->Text).startswith("/")) {
          Url = C->Args[0];
          if (C->Args.size() >= 3) {
            Value O = P.resolve(*M, C->Args[1]);
            Opts = O.N && O.N->Kind == Node::Object ? O.N : nullptr;
          }
          Handler = C->Args.back();
          // X.get(...) in a module that also uses Express is Express's.
          if (any_of(M->Imports,
                     [](const js::Import &I) { return I.Module == "express"; }))
            return;
        } else {
          return;
        }
        if (!Method)
          return;
        if (Url->Kind != Node::String) {
          P.warning(*M, Url->Offset,
                    "route path is not a string literal; route skipped");
          return;
        }
        const std::vector<std::string> &Prefixes =
            Plug.prefixesOf(Plug.enclosing(C));
        if (MountPrefixes::isTruncated(Prefixes))
          P.warning(*M, C->Offset,
                    "route is registered under " +
                        Twine(MountPrefixes::MaxPrefixes) +
                        " or more plugin prefixes; only the first " +
                        Twine(MountPrefixes::MaxPrefixes) + " are recovered");
        for (const std::string &Pre : Prefixes) {
          Route Out;
          Out.M = *Method;
          Out.Path = openAPIPath(P, *M, Url->Offset, joinPaths(Pre, Url->Text));
          if (Out.Path.empty())
            return;
          Out.Mod = M.get();
          Out.Offset = C->Offset;
          if (Opts)
            routeSchemas(P, *M, Opts->prop("schema"), Out);
          if (Handler) {
            Value H = P.resolve(*M, Handler);
            if (H.N && H.N->Fn) {
              collectStatuses(H.N, Out.Statuses);
              // An async handler's returned value is sent with 200.
              if (Out.Statuses.empty() &&
                  any_of(H.N->Fn->Body, [](const Node *St) {
                    return St->Kind == Node::Return && !St->Elements.empty();
                  }))
                Out.Statuses.push_back("200");
            }
            if (Handler->Kind == Node::Identifier)
              Out.HandlerName = Handler->Text;
          }
          R.Routes.push_back(std::move(Out));
        }
      });
  }
  Plug.warnCycles();
}

} // namespace routes
} // namespace bk
