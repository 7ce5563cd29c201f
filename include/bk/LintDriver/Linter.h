//===- bk/LintDriver/Linter.h - Which rules run, and running them -*- C++ -*-=//
//
// bk-lint's core, usable from other drivers (bk-migrate --analyze runs the
// Schema IR rules through it):
//
//   lint::RuleConfig Config;                    // every rule, default severity
//   cantFail(Config.disable("rest-*"));
//   std::vector<Diagnostic> Findings = lint::runRules(Ctx, Unit, Config);
//
// A configuration file (.bk-lint.yaml, docs/CommandGuide/bk-lint.md) sets
// the same things as the command line:
//
//   fail-severity: warning
//   baseline: bk-lint-baseline.json
//   rules:
//     owasp-*: error          # error | warning | note | on | off
//     rest-versioning: off
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINTDRIVER_LINTER_H
#define BK_LINTDRIVER_LINTER_H

#include "bk/Passes/IRUnit.h"
#include "bk/Passes/PassBuilder.h"
#include "bk/Support/Context.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace bk {
namespace lint {

/// One registered rule and whether and how it runs.
struct RuleState {
  const PassInfo *Info = nullptr;
  bool Enabled = true;
  Severity Sev = Severity::Warning;

  llvm::StringRef getID() const { return Info->Name; }
};

/// The rules that run and their severities. Starts with every registered
/// rule enabled at its default severity; changes apply in order, so a
/// later setting wins (config file first, then the command line).
class RuleConfig {
public:
  RuleConfig();

  /// Pattern is a rule id, a glob over ids ("owasp-*") or "all". A pattern
  /// that matches no rule is an error located at L (or unlocated).
  llvm::Error enable(llvm::StringRef Pattern, Loc L = Loc());
  llvm::Error disable(llvm::StringRef Pattern, Loc L = Loc());
  /// Sets the severity of the matching rules and enables them.
  llvm::Error setSeverity(llvm::StringRef Pattern, Severity S, Loc L = Loc());

  llvm::ArrayRef<RuleState> rules() const { return Rules; }
  const RuleState *find(llvm::StringRef ID) const;
  unsigned getNumEnabled() const;

  /// Findings at or above it make bk-lint exit 1.
  Severity FailSeverity = Severity::Warning;
  /// The baseline file named by the configuration (relative paths are
  /// resolved against the configuration file's directory); empty for none.
  std::string BaselinePath;

private:
  template <typename Fn>
  llvm::Error forEachMatch(llvm::StringRef Pattern, Loc L, Fn F);

  std::vector<RuleState> Rules;
};

/// A rule or fail severity as users write it: error, warning, note (or
/// info, SARIF's word for note); None for anything else.
llvm::Optional<Severity> parseRuleSeverity(llvm::StringRef Name);

/// Reads a configuration file into Config. Problems are located errors
/// (unknown keys, unknown rules, bad severities).
llvm::Error readConfigFile(Context &Ctx, llvm::StringRef Path,
                           RuleConfig &Config);

/// Reads and verifies one input for linting; an empty unit when it is
/// invalid (reported to Ctx's engine). The front-end checks (API_FRONTEND_CHECK
/// in PassRegistry.def) that Config enables are made and their diagnostics
/// appended to Findings with the configured severity, instead of making the
/// input invalid; every other diagnostic goes to Ctx's engine as usual.
IRUnit readInputForLint(Context &Ctx, unsigned BufferID,
                        const RuleConfig &Config,
                        std::vector<Diagnostic> &Findings);

/// Runs the enabled rules for U's IR kind with their configured severities.
/// Returns the findings (not reported to Ctx's engine), in the order the
/// rules reported them.
std::vector<Diagnostic> runRules(Context &Ctx, IRUnit &U,
                                 const RuleConfig &Config);
/// The Schema IR rules alone, over a catalog (bk-migrate --analyze).
std::vector<Diagnostic> runRules(Context &Ctx, schema::Catalog &C,
                                 const RuleConfig &Config);

/// Orders findings for output: by file (in FileOrder, others after, by
/// name), line, column, rule id, message.
void sortFindings(std::vector<Diagnostic> &Findings,
                  llvm::ArrayRef<std::string> FileOrder);

} // namespace lint
} // namespace bk

#endif // BK_LINTDRIVER_LINTER_H
