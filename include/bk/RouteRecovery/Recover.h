//===- bk/RouteRecovery/Recover.h - An API description from route code -*- C++
//-*-===//
//
// `bk-scaffold ROUTES_DIR --generate-spec`: reads the JavaScript and
// TypeScript files of a server (lib/JS) and recovers the API it serves as
// API IR, which lib/OpenAPIWriter writes as OpenAPI 3.1:
//   - routes as each framework registers them (Frameworks.def), with the
//     prefixes of mounted routers, across files (imports and exports);
//   - request schemas from the zod schemas the routes validate with;
//   - the status codes handlers send;
//   - `@openapi` JSDoc blocks, merged (the code wins on paths, methods,
//     parameters and request schemas; the documentation adds summaries,
//     descriptions, tags and responses).
// What cannot be understood is reported as a located warning, never
// silently dropped.
//
//===----------------------------------------------------------------------===//

#ifndef BK_ROUTERECOVERY_RECOVER_H
#define BK_ROUTERECOVERY_RECOVER_H

#include "bk/API/API.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>

namespace bk {
namespace routes {

struct RecoverOptions {
  /// info.title; default: the name in the nearest package.json, else the
  /// directory's name (info.version is that package.json's version, else
  /// 0.0.0).
  std::string Title;
};

/// Reads every .js, .mjs, .cjs, .ts, .mts and .cts file under Dir (not
/// node_modules, not .d.ts, not dot-directories), in path order, and
/// recovers the API. Null when a file cannot be read or lexed (reported).
std::unique_ptr<api::API> recoverAPI(Context &Ctx, llvm::StringRef Dir,
                                     const RecoverOptions &Opts = {});

/// The same over buffers already in Ctx's SourceMgr, named by their paths
/// (relative imports resolve between them); Title defaults to "API".
std::unique_ptr<api::API>
recoverAPIFromBuffers(Context &Ctx, llvm::ArrayRef<unsigned> BufferIDs,
                      const RecoverOptions &Opts = {});

/// `--generate-spec -o FILE` when FILE exists: Code takes from Existing
/// what only people write (info, servers, tags, security; per operation
/// its summary, description, tags, operationId, responses; descriptions
/// and examples of parameters, bodies and schemas) while paths, parameters
/// and request schemas stay the code's; operations the code no longer
/// registers are reported (warnings at Existing) and dropped
/// (lib/RouteRecovery/Merge.cpp).
void mergeInto(Context &Ctx, api::API &Code, api::API &&Existing);

/// `--verify`: reports, as located errors with the ID "drift", every
/// difference between the API recovered from the code and the
/// description Spec on operations, parameters, request bodies and request
/// schemas (lib/RouteRecovery/Verify.cpp); returns how many.
unsigned verifyRoutes(Context &Ctx, const api::API &Code, const api::API &Spec);

} // namespace routes
} // namespace bk

#endif // BK_ROUTERECOVERY_RECOVER_H
