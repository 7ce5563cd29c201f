//===- Analyzer.cpp - bk-migrate --analyze --------------------------------===//

#include "bk/Analyze/Analyzer.h"

#include "bk/Analyze/Checks.h"
#include "bk/Passes/IRUnit.h"

using namespace llvm;

namespace bk {
namespace analyze {

std::unique_ptr<DatabaseCheck> createDatabaseCheck(StringRef ID, Severity Sev) {
#define DATABASE_CHECK(NAME, CLASS, SEVERITY, DESCRIPTION)                     \
  if (ID == NAME)                                                              \
    return std::make_unique<CLASS>(NAME, Sev);
#include "bk/Passes/PassRegistry.def"
  return nullptr;
}

Expected<std::vector<Diagnostic>>
analyzeDatabase(Context &Ctx, db::Connection &Conn, schema::Catalog &C,
                const lint::RuleConfig &Config, const AnalyzeOptions &Opts) {
  // The Schema IR rules see the catalog as bk-lint sees a DDL file.
  std::vector<Diagnostic> Findings = lint::runRules(Ctx, C, Config);

  // The statistics queries, like the catalog's, are not worth JIT-compiling.
  db::ScopedSetting NoJIT(Conn, "jit", "off");

  for (const lint::RuleState &R : Config.rules()) {
    if (!R.Enabled || !R.Info->IsDatabase)
      continue;
    std::unique_ptr<DatabaseCheck> Check =
        createDatabaseCheck(R.getID(), R.Sev);
    if (!Check)
      continue;
    if (Error E = Check->run(Conn, C, Opts, Findings))
      return E;
  }
  return Findings;
}

} // namespace analyze
} // namespace bk
