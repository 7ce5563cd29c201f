//===- Fastify.cpp - Routes as Fastify registers them ---------------------===//
//
// In every module that imports from 'fastify' (a value or only its types,
// as plugins do for their FastifyInstance parameter):
//   X.route({ method, url, schema, handler })
//   X.get|post|put|patch|delete|head|options(url, [options], handler)
// The request schemas are the route's `schema` (body, querystring,
// params, headers), each a JSON Schema literal or a zod schema (a zod type
// provider), or `routeSchema(spec)` of bk-scaffold's generated code, whose
// spec carries them. A prefix given to `X.register(plugin, { prefix })` is
// not followed yet: it is reported, and the plugin's routes keep their
// paths.
//
//===----------------------------------------------------------------------===//

#include "RecoveryInternal.h"

#include "llvm/ADT/STLExtras.h"

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

void recognizeFastify(Program &P, Recovered &R) {
  for (const auto &M : P.Modules) {
    if (!importsFastify(*M))
      continue;
    for (const Node *S : M->Statements)
      forEachNode(S, [&](const Node *C) {
        if (C->Kind != Node::Call)
          return;
        StringRef Name = C->calledMethod();
        if (Name == "register" && C->Args.size() >= 2) {
          Value Opts = P.resolve(*M, C->Args[1]);
          if (Opts.N && Opts.N->Kind == Node::Object && Opts.N->prop("prefix"))
            P.warning(*M, C->Offset,
                      "a plugin registered with a prefix: bk-scaffold does "
                      "not follow it yet; the plugin's routes keep their "
                      "paths");
          return;
        }
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
        Route Out;
        Out.M = *Method;
        Out.Path = openAPIPath(P, *M, Url->Offset, Url->Text);
        if (Out.Path.empty())
          return;
        Out.Mod = M.get();
        Out.Offset = C->Offset;
        if (Opts)
          routeSchemas(P, *M, Opts->prop("schema"), Out);
        if (Handler) {
          Value H = P.resolve(*M, Handler);
          if (H.N && H.N->Fn)
            collectStatuses(H.N, Out.Statuses);
          if (Handler->Kind == Node::Identifier)
            Out.HandlerName = Handler->Text;
        }
        R.Routes.push_back(std::move(Out));
      });
  }
}

} // namespace routes
} // namespace bk
