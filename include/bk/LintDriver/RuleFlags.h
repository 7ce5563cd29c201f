//===- bk/LintDriver/RuleFlags.h - Rule selection options -------*- C++ -*-===//
//
// The options that choose rules and their severities, spelled the same in
// every tool that runs them (bk-lint, bk-migrate --analyze):
//
//   --enable / --disable RULE,...   ids, globs ("owasp-*") or "all"
//   --severity RULE=error|warning|note,...
//   --fail-severity error|warning|note
//   --config FILE / --no-config     .bk-lint.yaml in the current directory
//                                   is read when present
//
// Declare one RuleFlags object at file scope in the driver (its options join
// the tool's category), then call configure().
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINTDRIVER_RULEFLAGS_H
#define BK_LINTDRIVER_RULEFLAGS_H

#include "bk/LintDriver/Linter.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"

#include <string>

namespace bk {
class Context;

namespace lint {

class RuleFlags {
public:
  RuleFlags();

  /// Reads the configuration file (--config, else ./.bk-lint.yaml unless
  /// --no-config), then applies --enable, --disable and --severity in
  /// command-line order (so `--disable all --enable owasp-*` means what it
  /// says), then --fail-severity. Errors are ErrorDiagnostics, located in
  /// the configuration file where they come from it.
  llvm::Error configure(Context &Ctx, RuleConfig &Config) const;

  /// The configuration file name read by default.
  static constexpr const char *DefaultConfig = ".bk-lint.yaml";

private:
  llvm::cl::list<std::string> Enable, Disable, SeverityOpt;
  llvm::cl::opt<std::string> FailSeverity, ConfigFile;
  llvm::cl::opt<bool> NoConfig;
};

} // namespace lint
} // namespace bk

#endif // BK_LINTDRIVER_RULEFLAGS_H
