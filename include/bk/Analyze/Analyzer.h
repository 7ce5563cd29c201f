//===- bk/Analyze/Analyzer.h - bk-migrate --analyze -------------*- C++ -*-===//
//
// Analyses a live database: the Schema IR rules over its catalog (the same
// rules bk-lint runs on DDL files) and the database checks over its
// statistics, each as configured in a lint::RuleConfig.
//
//===----------------------------------------------------------------------===//

#ifndef BK_ANALYZE_ANALYZER_H
#define BK_ANALYZE_ANALYZER_H

#include "bk/Analyze/DatabaseCheck.h"
#include "bk/LintDriver/Linter.h"
#include "bk/Support/Context.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <vector>

namespace bk {
namespace analyze {

/// The registered database check called ID, or null.
std::unique_ptr<DatabaseCheck> createDatabaseCheck(llvm::StringRef ID,
                                                   Severity Sev);

/// Runs every enabled Schema IR rule over C (read from Conn) and every
/// enabled database check against Conn. Findings come in rule order, then
/// check order.
llvm::Expected<std::vector<Diagnostic>>
analyzeDatabase(Context &Ctx, db::Connection &Conn, schema::Catalog &C,
                const lint::RuleConfig &Config, const AnalyzeOptions &Opts);

} // namespace analyze
} // namespace bk

#endif // BK_ANALYZE_ANALYZER_H
