//===- RouteTables.cpp - Routes declared as objects in tables -------------===//
//
// `{ method: 'get', path: '/pets/:id', handler }` (or `url:` / `route:`)
// wherever it appears: route lists registered by a loop, bk-scaffold's own
// generated route definitions. Such tables are registered at the root.
// Objects passed to a framework's own route() are left to that framework's
// recogniser. The request of a route is what its handler validates:
//   parseRequest(V.op, ...)   bk-scaffold's operation spec: operationId,
//                             params/query/headers/cookies groups and body,
//                             their schemas built by R.* helpers
//   S.parse(req.body)         a zod schema, as with Express
//
//===----------------------------------------------------------------------===//

#include "RecoveryInternal.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace bk {
namespace routes {

using js::Node;

namespace {} // namespace

void recognizeRouteTables(Program &P, Recovered &R) {
  for (const auto &M : P.Modules) {
    // Objects that are arguments of X.route(...): a framework's own API.
    std::vector<const Node *> FrameworkOwned;
    for (const Node *S : M->Statements)
      forEachNode(S, [&](const Node *N) {
        if (N->Kind == Node::Call && N->calledMethod() == "route")
          for (const Node *A : N->Args)
            FrameworkOwned.push_back(A);
      });
    std::vector<const Node *> Seen;
    for (const Node *S : M->Statements)
      forEachNode(S, [&](const Node *N) {
        if (N->Kind != Node::Object || is_contained(Seen, N) ||
            is_contained(FrameworkOwned, N))
          return;
        Seen.push_back(N);
        const Node *Meth = N->prop("method");
        const Node *Path = N->prop("path");
        if (!Path)
          Path = N->prop("url");
        const Node *Handler = N->prop("handler");
        if (!Meth || !Path || !Handler || Meth->Kind != Node::String)
          return;
        Optional<api::Method> Method = routeMethod(Meth->Text);
        if (!Method)
          return;
        if (Path->Kind != Node::String) {
          P.warning(*M, Path->Offset,
                    "route path is not a string literal; route skipped");
          return;
        }
        Route Out;
        Out.M = *Method;
        Out.Path = openAPIPath(P, *M, Path->Offset, Path->Text);
        if (Out.Path.empty())
          return;
        Out.Mod = M.get();
        Out.Offset = N->Offset;
        forEachNode(Handler, [&](const Node *C) {
          if (C->Kind != Node::Call || C->Args.empty())
            return;
          const Node *Callee = C->Callee;
          bool IsParseRequest = Callee && ((Callee->Kind == Node::Identifier &&
                                            Callee->Text == "parseRequest") ||
                                           C->calledMethod() == "parseRequest");
          if (!IsParseRequest)
            return;
          Value Spec = P.resolve(*M, C->Args[0]);
          if (Spec.N && Spec.N->Kind == Node::Object &&
              Spec.N->prop("operationId"))
            operationSpec(P, Spec, Out);
        });
        collectStatuses(Handler, Out.Statuses);
        R.Routes.push_back(std::move(Out));
      });
  }
}

} // namespace routes
} // namespace bk
