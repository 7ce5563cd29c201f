//===- RecoveryInternal.h - Shared pieces of route recovery -----*- C++ -*-===//
//
// Private to lib/RouteRecovery: the program (modules and what their names
// stand for), the recovered routes, zod schemas as JSON Schema.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_ROUTERECOVERY_RECOVERYINTERNAL_H
#define BK_LIB_ROUTERECOVERY_RECOVERYINTERNAL_H

#include "bk/API/API.h"
#include "bk/JS/AST.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/StringMap.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bk {
namespace routes {

/// A node together with the module it is in.
struct Value {
  const js::Module *M = nullptr;
  const js::Node *N = nullptr;
  /// The binding the value was found through, when it was named.
  std::string Name;
  explicit operator bool() const { return N != nullptr; }
};

/// Every module of the directory and what names stand for across them.
class Program {
public:
  explicit Program(Context &Ctx) : Ctx(Ctx) {}

  Context &Ctx;
  std::vector<std::unique_ptr<js::Module>> Modules;

  /// The module a relative import names ('./users', './users.js' for
  /// users.ts, './routes' for routes/index.ts), or null (a package).
  const js::Module *resolveImport(const js::Module &From,
                                  llvm::StringRef Spec) const;
  /// Follows identifiers to their bindings, imports to the exporting
  /// module, namespace members to exports, `await`, parentheses and
  /// `x as T`; stops at anything else.
  Value resolve(const js::Module &M, const js::Node *N,
                unsigned Depth = 0) const;
  /// The export Name of module M (worked out once).
  Value resolveExport(const js::Module &M, llvm::StringRef Name) const;
  /// Whether N (in M) is, or is a member of, an import of package Pkg
  /// (`express`, `zod`): Imported is "default", "*" or the export name;
  /// empty matches any.
  bool isPackageImport(const js::Module &M, const js::Node *N,
                       llvm::StringRef Pkg,
                       llvm::StringRef Imported = "") const;

  Loc loc(const js::Module &M, size_t Offset) const;
  void warning(const js::Module &M, size_t Offset, const llvm::Twine &Msg) {
    Ctx.getDiags().warning(loc(M, Offset), Msg);
  }

  /// Makes M findable by resolveImport.
  void addPath(const js::Module *M);

private:
  Value resolveExportOnce(const js::Module &M, llvm::StringRef Name) const;

  llvm::StringMap<const js::Module *> ByPath;
  /// resolveExport's answers, by module and name.
  mutable std::map<std::pair<const js::Module *, std::string>, Value> Exports;
};

/// Where a request schema goes.
enum class RequestPart { Body, Query, Params, Headers, Cookies };

/// One route as a framework registers it.
struct Route {
  api::Method M = api::Method::Get;
  /// OpenAPI path template ("/users/{id}").
  std::string Path;
  const js::Module *Mod = nullptr;
  size_t Offset = 0;
  /// Schemas the route validates its request with.
  std::vector<std::pair<RequestPart, Value>> Schemas;
  /// Status codes the handlers send ("200", "201"...), in order found.
  std::vector<std::string> Statuses;
  /// The handler's name when it is a named function or member.
  std::string HandlerName;
  /// What the code states outright (bk-scaffold's own route tables).
  std::string OperationId;
  std::string BodyMediaType;
  llvm::Optional<bool> BodyRequired;
  /// Serialisation the code states for a parameter: (name, in) → style,
  /// explode.
  struct Encoding {
    std::string Name;
    api::ParamIn In = api::ParamIn::Query;
    api::ParamStyle Style = api::ParamStyle::Default;
    llvm::Optional<bool> Explode;
  };
  std::vector<Encoding> Encodings;
};

struct Recovered {
  std::vector<Route> Routes;
};

/// Calls F on N and every node below it (function bodies included), depth
/// first, at most a bounded depth.
void forEachNode(const js::Node *N,
                 const std::function<void(const js::Node *)> &F,
                 unsigned Depth = 0);

/// The status codes a handler function sends: `.status(N)`,
/// `.sendStatus(N)`, `.code(N)`, `ctx.throw(N)`, `X.status = N`; "200" for a
/// `.json(`, `.send(` or `.end(` not chained on one, and for `ctx.body = `
/// when no `ctx.status = ` is. Appends to Out without duplicates.
void collectStatuses(const js::Node *Handler, std::vector<std::string> &Out);

/// The HTTP method a framework's route method (`get`, `delete`, Koa's
/// `del`) or a route object's `method` ('GET') names, case-insensitively;
/// not QUERY, which no framework registers yet.
llvm::Optional<api::Method> routeMethod(llvm::StringRef Name);

/// Adds the request parts of a bk-scaffold operation spec object
/// (`{ operationId, params: { schema }, query, headers, cookies, body }`)
/// to Out.
void operationSpec(Program &P, const Value &Spec, Route &Out);

/// Whether N (in M) is a namespace import of bk-scaffold's generated
/// validation helpers (a module of ours exporting obj, str and num).
bool isScaffoldRuntime(const Program &P, const js::Module &M,
                       const js::Node *N);

/// Converts an Express/Koa path ("/users/:id") to an OpenAPI template
/// ("/users/{id}"); warns (at M, Offset) about what OpenAPI cannot say, and
/// returns "" (route to skip) when the result is no valid template.
std::string openAPIPath(Program &P, const js::Module &M, size_t Offset,
                        llvm::StringRef Path);
/// The path with every parameter's name blanked: OpenAPI holds "/a/{x}"
/// and "/a/{y}" to be the same path.
std::string pathShape(llvm::StringRef Path);

/// Joins a mount prefix and a path.
std::string joinPaths(llvm::StringRef Prefix, llvm::StringRef Path);

/// The full path prefixes of the nodes of a mount graph: Express and Koa
/// routers mounted in routers, Fastify plugins registered in plugins. A
/// node's prefixes are its parents' prefixes, each joined with the prefix it
/// is mounted at, found by following mounts down from the root, so that
/// plugins registered twice in each of many nested plugins cost linear time,
/// not exponential. A path that would enter a node it already went through
/// (a cycle of mounts) stops there; each node keeps its distinct prefixes in
/// the order found, at most MaxPrefixes of them.
class MountPrefixes {
public:
  static constexpr size_t MaxPrefixes = 256;

  /// Child is mounted in Parent (null: at the root) at Prefix.
  void mount(const void *Child, const void *Parent, llvm::StringRef Prefix);
  /// Works every node's prefixes out, once the mounts are known.
  void solve();
  /// Node's prefixes; {""} for a node no path from the root reaches.
  const std::vector<std::string> &get(const void *Node) const;

  /// Whether a node's prefixes may have been cut at MaxPrefixes.
  static bool isTruncated(const std::vector<std::string> &Prefixes) {
    return Prefixes.size() >= MaxPrefixes;
  }
  /// The nodes where a cycle of mounts closed, in the order found.
  llvm::ArrayRef<const void *> cycles() const { return Cycles; }

private:
  struct Edge {
    const void *Child;
    std::string Prefix;
  };
  std::map<const void *, std::vector<Edge>> Children;
  std::map<const void *, std::vector<std::string>> Found;
  std::vector<const void *> Cycles;
};

/// zod schemas as JSON Schema. Named top-level schemas become components
/// (their binding's name without a "Schema" suffix) referenced by $ref.
class ZodConverter {
public:
  ZodConverter(Program &P, std::vector<api::NamedSchema> &Components)
      : P(P), Components(Components) {}

  /// Whether V is a zod schema expression (`z.…`, a call of bk-scaffold's
  /// generated validation helpers `R.obj(…)`, or a name bound to one).
  bool isZod(const Value &V) const;
  /// The JSON Schema of V. Optional is set for `.optional()` (and
  /// `.default()`); Inline forbids component references at the top.
  std::unique_ptr<api::SchemaNode> convert(const Value &V, bool &Optional,
                                           bool Inline = false);

private:
  bool isZodAt(const Value &V, unsigned Depth) const;
  std::unique_ptr<api::SchemaNode> base(const Value &V, bool &Optional,
                                        bool Inline, unsigned Depth);
  /// `R.obj(...)`, `R.str(...)`: bk-scaffold's generated helpers.
  std::unique_ptr<api::SchemaNode> runtime(const Value &V, unsigned Depth);
  /// A JSON Schema written as an object literal.
  std::unique_ptr<api::SchemaNode> literal(const Value &V, unsigned Depth);
  /// The component for a JSON Schema `$ref` ("Pet", "#/components/schemas/
  /// Pet", or the `$id` of a schema literal anywhere in the program); ""
  /// (warned at Offset) when no literal has that `$id`.
  std::string literalComponent(const js::Module &M, llvm::StringRef Ref,
                               size_t Offset, unsigned Depth);
  std::unique_ptr<api::SchemaNode> convertAt(const Value &V, bool &Optional,
                                             bool Inline, unsigned Depth);
  std::string componentFor(const Value &Named, unsigned Depth);

  Program &P;
  std::vector<api::NamedSchema> &Components;
  /// Binding (module path + name) → component name.
  std::map<std::string, std::string> Named;
  /// Schema nodes converted so far: a name used twice at every level of a
  /// deep literal would otherwise take 2^depth steps (budget()).
  unsigned Work = 0;
  bool OverBudget = false;
  /// Counts one node; false (after one warning at V) once the budget is
  /// spent, and the node is then left open.
  bool budget(const Value &V);
};

#define BK_ROUTE_FRAMEWORK(Name, Function)                                     \
  void Function(Program &P, Recovered &R);
#include "Frameworks.def"

} // namespace routes
} // namespace bk

#endif // BK_LIB_ROUTERECOVERY_RECOVERYINTERNAL_H
