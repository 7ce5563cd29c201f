//===- bk/IndexAdvisor/Advisor.h - Indexes a workload needs -----*- C++ -*-===//
//
// bk-migrate --suggest-indexes. For each query of a workload (the
// statements pg_stat_statements has seen, or a file of queries) the server
// plans it; the plan's quals give candidate indexes (Candidates.h). With
// HypoPG the candidates become hypothetical indexes and the server plans
// again: the indexes a plan uses and that cut its cost are kept, then each
// kept index is dropped in turn and stays only if the workload's cost,
// weighted by calls, rises without it. Every suggestion thus carries an
// EXPLAIN cost gain of its own, and its write cost. Nothing is written to
// the database: all of it runs in one transaction that is rolled back.
//
// Statements with parameters ($1, as pg_stat_statements keeps them) are
// planned as PostgreSQL 15 plans a prepared statement's generic plan:
// PREPARE, then EXPLAIN EXECUTE under plan_cache_mode=force_generic_plan.
//
//===----------------------------------------------------------------------===//

#ifndef BK_INDEXADVISOR_ADVISOR_H
#define BK_INDEXADVISOR_ADVISOR_H

#include "bk/Database/Connection.h"
#include "bk/IndexAdvisor/Candidates.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace advisor {

struct WorkloadQuery {
  std::string SQL;
  /// How often it runs: pg_stat_statements' calls, 1 for a file's query.
  double Calls = 1;
  /// Where it was read; a pg_stat_statements entry is located at the server.
  Loc Location;
  /// How the report names it: "queries.sql:3:1", "queryid 1234".
  std::string Label;
};

/// The statements pg_stat_statements has seen in the connected database
/// that an index could speed up (SELECT, WITH, UPDATE, DELETE), the most
/// total time first, at most Limit. Statements naming the system catalogs
/// (or HypoPG's and pg_stat_statements' functions: bk's own) are left out. A
/// note (not an error) when the extension is absent.
llvm::Expected<std::vector<WorkloadQuery>>
readStatementStatistics(db::Connection &Conn, unsigned Limit,
                        std::string &Note);

/// The queries of Path: a file, a directory of .sql files (name order) or
/// '-'. Statements other than SELECT, WITH, UPDATE and DELETE are skipped.
/// False after reporting an error.
bool readWorkloadFiles(Context &Ctx, llvm::StringRef Path,
                       std::vector<WorkloadQuery> &Out);

struct AdvisorOptions {
  /// A plan's hypothetical indexes count only when they cut its cost by at
  /// least this share.
  double MinQueryGain = 0.10;
  /// A suggestion stays only when dropping it raises the weighted cost of
  /// the queries using it by more than this share.
  double MinIndexGain = 0.01;
  /// Each statement sent while planning (EXPLAIN of a 17-way join can take
  /// a while).
  unsigned StatementTimeoutMs = 60000;
  /// Test candidates without HypoPG only.
  bool UseHypoPG = true;
  CandidateOptions Candidates;
};

struct Suggestion {
  IndexCandidate Index;
  std::string Name;
  /// The workload queries (indices) whose plans use it.
  std::vector<size_t> Queries;
  /// The weighted cost of those queries with every suggestion, and with
  /// every suggestion but this one: the gain that is this index's own.
  double CostWith = 0;
  double CostWithout = 0;
  /// The same queries before any suggestion.
  double CostBefore = 0;
  /// HypoPG's estimate of the index's size; -1 unknown.
  int64_t EstimatedBytes = -1;
  /// Rows inserted, updated (not HOT) and deleted in the table since its
  /// statistics were reset: each also writes this index; -1 unknown.
  int64_t RowsWritten = -1;
  /// Indexes the table has now.
  unsigned ExistingIndexes = 0;
};

struct QueryOutcome {
  bool Planned = false;
  /// Why it could not be planned (the server's message).
  std::string Problem;
  double CostBefore = 0;
  double CostAfter = 0;
};

struct AdvisorResult {
  /// HypoPG proved the suggestions; otherwise they are the candidates the
  /// plans ask for, untested, and NotEvaluated says why.
  bool Evaluated = false;
  std::string NotEvaluated;
  /// Read from the queries' text without a server (Offline.h): Queries'
  /// Planned means read.
  bool FromText = false;
  std::vector<QueryOutcome> Queries;
  std::vector<Suggestion> Suggestions;
  size_t Candidates = 0;
  double WorkloadCostBefore = 0;
  double WorkloadCostAfter = 0;
  /// EXPLAINs run.
  unsigned Plans = 0;
};

/// Suggests indexes for Workload on Conn's database (whose catalog is C:
/// candidates an existing index serves are not tried).
llvm::Expected<AdvisorResult>
suggestIndexes(db::Connection &Conn, const schema::Catalog &C,
               llvm::ArrayRef<WorkloadQuery> Workload,
               const AdvisorOptions &Opts);

/// Names each suggestion as PostgreSQL would name the index, in order,
/// avoiding the relation names of C and the names given before.
void nameSuggestions(const schema::Catalog &C,
                     std::vector<Suggestion> &Suggestions);

/// The report: the suggestions with their evidence, then the queries that
/// could not be planned.
void writeTextReport(llvm::raw_ostream &OS, const AdvisorResult &R,
                     llvm::ArrayRef<WorkloadQuery> Workload);
void writeJSONReport(llvm::raw_ostream &OS, const AdvisorResult &R,
                     llvm::ArrayRef<WorkloadQuery> Workload);

/// The evidence of S in one line, for the migration file's comment.
std::string describeEvidence(const Suggestion &S);

} // namespace advisor
} // namespace bk

#endif // BK_INDEXADVISOR_ADVISOR_H
