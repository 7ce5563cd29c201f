//===- bk/Analyze/DatabaseCheck.h - Checks of a live database ---*- C++ -*-===//
//
// A database check looks at what only a running server knows: statistics
// (pg_stat_*), index validity, sequence positions. Each is one class in
// lib/Analyze, registered with DATABASE_CHECK in PassRegistry.def, with its
// doc page in docs/rules/. bk-migrate --analyze runs them after the Schema
// IR rules, which see the catalog read from the same server.
//
//===----------------------------------------------------------------------===//

#ifndef BK_ANALYZE_DATABASECHECK_H
#define BK_ANALYZE_DATABASECHECK_H

#include "bk/Database/Connection.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace bk {
namespace analyze {

struct AnalyzeOptions {
  /// Only these schemas (empty: all but the system ones).
  std::vector<std::string> Schemas;
  /// Never these schemas.
  std::vector<std::string> ExcludeSchemas;
  /// unused-index reports only when statistics cover at least this many
  /// days (0: always).
  unsigned UnusedAfterDays = 7;
  /// sequence-near-overflow reports from this share of the maximum.
  double SequenceRatio = 0.75;
  /// seq-scan-heavy-table looks at tables with at least this many rows and
  /// this many sequential scans.
  int64_t SeqScanMinRows = 10000;
  int64_t SeqScanMinScans = 100;
  /// n-plus-one looks at statement shapes called at least this often.
  int64_t NPlusOneMinCalls = 1000;

  /// Whether a schema is analysed under Schemas/ExcludeSchemas.
  bool includesSchema(llvm::StringRef Name) const;
};

class DatabaseCheck {
public:
  DatabaseCheck(llvm::StringRef ID, Severity Sev) : ID(ID), Sev(Sev) {}
  virtual ~DatabaseCheck() = default;

  llvm::StringRef getID() const { return ID; }
  Severity getSeverity() const { return Sev; }

  /// Appends the findings to Out. An Error only when the server could not
  /// answer (a query failed).
  virtual llvm::Error run(db::Connection &Conn, const schema::Catalog &C,
                          const AnalyzeOptions &Opts,
                          std::vector<Diagnostic> &Out) = 0;

protected:
  /// A finding with the check's id and severity, located at the server.
  Diagnostic finding(db::Connection &Conn, const llvm::Twine &Msg) const {
    return Diagnostic(Sev, Conn.getLoc(), Msg, ID);
  }

private:
  std::string ID;
  Severity Sev;
};

/// Runs SQL (with $1, ... bound to Params) and calls F(Result, Row, Schema)
/// for each row whose "schema" column names a schema Opts includes.
llvm::Error
forEachRowInSchemas(db::Connection &Conn, llvm::StringRef SQL,
                    llvm::ArrayRef<std::string> Params,
                    const AnalyzeOptions &Opts,
                    llvm::function_ref<void(const db::QueryResult &, size_t,
                                            const std::string &)>
                        F);

/// Schema.Name as SQL, quoted where needed ("public.orders").
std::string qualifiedSQL(llvm::StringRef Schema, llvm::StringRef Name);

/// "88%": a fraction as a whole percentage.
std::string formatPercent(double Fraction);

/// "16 kB", "3.2 MB": a byte count as pg_size_pretty writes it.
std::string formatBytes(int64_t Bytes);
/// "12 days", "5 hours", "40 minutes".
std::string formatAge(int64_t Seconds);

} // namespace analyze
} // namespace bk

#endif // BK_ANALYZE_DATABASECHECK_H
