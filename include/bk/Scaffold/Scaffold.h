//===- bk/Scaffold/Scaffold.h - OpenAPI -> server code ----------*- C++ -*-===//
//
// bk-scaffold's engine: an API IR in, the files of a TypeScript server out
// (into a codegen::FileSet, which the driver writes, checks or streams).
//
// Layout of the output directory (docs/CommandGuide/bk-scaffold.md):
//
//   generated/        rewritten on every run, with a hash manifest
//     types.ts        a type per component schema (request shapes where
//                     readOnly/writeOnly differ) and per operation: its
//                     request (params, query, headers, cookies, body), its
//                     responses by status, its handler signature
//     validators.ts   one request validator per operation (zod 4)
//     validation.ts, params.ts, errors.ts   the runtime those use
//     security.ts     one hook per security scheme, with defaults
//     routes/<tag>.ts the routes of one tag
//     handlers.ts     binds every operation to its handler file
//     app.ts          createApp(): headers, rate limit, body limit, 404,
//                     the error envelope
//   handlers/<operation>.ts   yours: created once, never rewritten
//   server.ts                 yours: starts the app
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCAFFOLD_SCAFFOLD_H
#define BK_SCAFFOLD_SCAFFOLD_H

#include "bk/API/API.h"
#include "bk/CodeGen/FileSet.h"
#include "bk/CodeGen/Template.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bk {
namespace scaffold {

enum class Framework {
#define BK_FRAMEWORK(Enum, Name, Description, Validators, Router) Enum,
#include "bk/Scaffold/Frameworks.def"
};

/// "express", ...
llvm::StringRef frameworkName(Framework F);
llvm::StringRef frameworkDescription(Framework F);
llvm::Optional<Framework> parseFramework(llvm::StringRef Name);
llvm::ArrayRef<Framework> allFrameworks();

struct ScaffoldOptions {
  Framework Target = Framework::Express;
  /// The description's name as the user gave it, for file headers.
  std::string SourceName;
  /// The command that regenerates the output, for file headers (empty:
  /// none written).
  std::string Command;
};

/// What one run produced, for the driver's report.
struct ScaffoldStats {
  unsigned Operations = 0;
  unsigned ComponentTypes = 0;
  unsigned Validators = 0;
};

/// Generates the server for A into Files. Constructs the generator cannot
/// honour (a request body with no JSON or form media type, a cookie
/// parameter in an unsupported style) are warnings at their location;
/// template errors are errors. Returns false when an error was reported.
bool scaffold(const api::API &A, codegen::TemplateSet &Templates,
              const ScaffoldOptions &Opts, codegen::FileSet &Files,
              DiagnosticEngine &Diags, ScaffoldStats *Stats = nullptr);

/// The operations of A, by handler name, in description order: what a
/// handlers/ directory should hold (the driver reports handler files that
/// no operation uses any more).
std::vector<std::string> handlerNames(const api::API &A);

} // namespace scaffold
} // namespace bk

#endif // BK_SCAFFOLD_SCAFFOLD_H
