//===- RuleFlags.cpp - Rule selection options -----------------------------===//

#include "bk/LintDriver/RuleFlags.h"
#include "bk/Support/Error.h"
#include "bk/Support/ToolMain.h"

#include "llvm/Support/FileSystem.h"

#include <algorithm>

using namespace llvm;

namespace bk {
namespace lint {

RuleFlags::RuleFlags()
    : Enable("enable",
             cl::desc("Turn rules on (ids, globs such as 'owasp-*', or "
                      "'all')"),
             cl::value_desc("rule,..."), cl::CommaSeparated,
             cl::cat(getToolCategory())),
      Disable("disable", cl::desc("Turn rules off (ids, globs, or 'all')"),
              cl::value_desc("rule,..."), cl::CommaSeparated,
              cl::cat(getToolCategory())),
      SeverityOpt("severity",
                  cl::desc("Set a rule's severity (error, warning, note); "
                           "the rule is turned on"),
                  cl::value_desc("rule=severity,..."), cl::CommaSeparated,
                  cl::cat(getToolCategory())),
      FailSeverity("fail-severity",
                   cl::desc("Exit 1 when a finding is at or above this "
                            "severity (error, warning, note; default warning, "
                            "or the config file's)"),
                   cl::value_desc("severity"), cl::cat(getToolCategory())),
      ConfigFile("config",
                 cl::desc("Configuration file (default: .bk-lint.yaml in the "
                          "current directory, when present)"),
                 cl::value_desc("path"), cl::cat(getToolCategory())),
      NoConfig("no-config", cl::desc("Do not read .bk-lint.yaml"),
               cl::cat(getToolCategory())) {}

Error RuleFlags::configure(Context &Ctx, RuleConfig &Config) const {
  std::string Path = ConfigFile;
  if (Path.empty() && !NoConfig && sys::fs::exists(DefaultConfig))
    Path = DefaultConfig;
  if (!Path.empty())
    if (Error E = readConfigFile(Ctx, Path, Config))
      return E;

  struct Action {
    unsigned Pos;
    int Kind; // 0 enable, 1 disable, 2 severity
    std::string Value;
  };
  std::vector<Action> Actions;
  for (unsigned I = 0; I < Enable.size(); ++I)
    Actions.push_back({Enable.getPosition(I), 0, Enable[I]});
  for (unsigned I = 0; I < Disable.size(); ++I)
    Actions.push_back({Disable.getPosition(I), 1, Disable[I]});
  for (unsigned I = 0; I < SeverityOpt.size(); ++I)
    Actions.push_back({SeverityOpt.getPosition(I), 2, SeverityOpt[I]});
  std::stable_sort(
      Actions.begin(), Actions.end(),
      [](const Action &A, const Action &B) { return A.Pos < B.Pos; });
  for (const Action &A : Actions) {
    Error E = Error::success();
    if (A.Kind == 0) {
      E = Config.enable(A.Value);
    } else if (A.Kind == 1) {
      E = Config.disable(A.Value);
    } else {
      auto [Rule, Level] = StringRef(A.Value).split('=');
      Optional<Severity> S = parseRuleSeverity(Level);
      if (!S)
        return ErrorDiagnostic::get(
            Loc(),
            "--severity wants RULE=error|warning|note, not '" + A.Value + "'");
      E = Config.setSeverity(Rule, *S);
    }
    if (E)
      return E;
  }
  if (FailSeverity.getNumOccurrences()) {
    Optional<Severity> S = parseRuleSeverity(FailSeverity);
    if (!S)
      return ErrorDiagnostic::get(Loc(), "--fail-severity wants error, "
                                         "warning or note, not '" +
                                             FailSeverity + "'");
    Config.FailSeverity = *S;
  }
  return Error::success();
}

} // namespace lint
} // namespace bk
