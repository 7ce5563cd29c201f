//===- bk/Lint/APILintUtils.h - What the API IR rules share -----*- C++ -*-===//
//
// Small queries over the API IR that several lint rules ask: the security
// an operation is under, the schemas a server accepts from clients, a
// schema seen through its $ref, path segments. Rules stay one check each;
// anything two rules need lives here.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_APILINTUTILS_H
#define BK_LINT_APILINTUTILS_H

#include "bk/API/API.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace bk {
namespace lint {

/// The requirement an operation is under: its own `security`, else the
/// API's global one; null when neither is written.
const api::SecurityRequirement *getEffectiveSecurity(const api::API &A,
                                                     const api::Operation &Op);

/// Whether a client must authenticate: the effective requirement exists and
/// every alternative names at least one scheme (an empty `{}` alternative
/// makes authentication optional).
bool requiresAuthentication(const api::API &A, const api::Operation &Op);

/// POST, PUT, PATCH and DELETE (QUERY is safe, as GET).
bool isWriteMethod(api::Method M);

/// application/json, application/problem+json, text/json, ... (parameters
/// after ';' ignored).
bool isJSONMediaType(llvm::StringRef Name);

/// S itself, or the component schema it references (followed through
/// chains of references, cycles stopped). Never null.
const api::SchemaNode &resolveSchema(const api::API &A,
                                     const api::SchemaNode &S);

/// The schema of property Name of S, looking through $refs and into allOf
/// parts; null when S declares no such property.
const api::SchemaNode *findPropertySchema(const api::API &A,
                                          const api::SchemaNode &S,
                                          llvm::StringRef Name);

/// Where a request schema sits, for messages and for rules that treat
/// allOf parts differently.
struct SchemaSite {
  /// The operation whose request reaches the schema first.
  const api::Operation *Op = nullptr;
  /// The property or parameter name the schema is the value of ("" for
  /// items, composition parts and body roots).
  llvm::StringRef Name;
  /// The schema is a direct allOf part (it cannot close its object alone).
  bool InAllOf = false;
};

/// "string 'name' in the request of POST /pets" (Kind, the site's name when
/// it has one, the operation): how request-schema findings start.
std::string describeRequestSchema(llvm::StringRef Kind, const SchemaSite &Site);

/// Calls F once on every schema node a server accepts from clients: the
/// schemas of path operations' parameters and request bodies (every media
/// type) and all their sub-schemas, following $refs into components (each
/// component visited once, so cycles end). Webhooks and callbacks are left
/// out: there the API is the client. The order is the operations' order,
/// then document order within a schema.
void forEachRequestSchema(
    const api::API &A,
    llvm::function_ref<void(const api::SchemaNode &, const SchemaSite &)> F);

/// As forEachRequestSchema, over the request bodies of path operations only
/// (every media type; parameters left out): the objects a client sends
/// whole, where mass assignment happens. Each component reached from a body
/// is visited once, even when a parameter also reaches it.
void forEachRequestBodySchema(
    const api::API &A,
    llvm::function_ref<void(const api::SchemaNode &, const SchemaSite &)> F);

/// The segments of a path template: "/v1/users/{id}" → {"v1", "users",
/// "{id}"} (empty segments dropped).
llvm::SmallVector<llvm::StringRef, 8> pathSegments(llvm::StringRef Path);

/// "{id}" and other segments that hold a template parameter.
bool isTemplateSegment(llvm::StringRef Segment);

/// "v1", "v2", "v10", "v1beta", "v2.1": a version segment.
bool isVersionSegment(llvm::StringRef Segment);

} // namespace lint
} // namespace bk

#endif // BK_LINT_APILINTUTILS_H
