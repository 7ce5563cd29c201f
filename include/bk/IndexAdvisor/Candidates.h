//===- bk/IndexAdvisor/Candidates.h - Indexes worth trying ------*- C++ -*-===//
//
// From what a plan asks of one relation (Plan.h) to the indexes that could
// serve it: single-column, composite (equality keys first, most distinct
// first, then one range or the sort keys), join lookups, expression,
// partial (a constant predicate on a low-cardinality column) and covering
// (INCLUDE the other columns the query reads, for an index-only scan).
//
//===----------------------------------------------------------------------===//

#ifndef BK_INDEXADVISOR_CANDIDATES_H
#define BK_INDEXADVISOR_CANDIDATES_H

#include "bk/IndexAdvisor/Plan.h"
#include "bk/Schema/Schema.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <string>
#include <vector>

namespace bk {
namespace advisor {

struct IndexCandidate {
  struct Key {
    /// A column name, or an expression's text.
    std::string Text;
    bool IsExpression = false;
  };

  std::string Schema;
  std::string Table;
  std::vector<Key> Keys;
  std::vector<std::string> Include;
  /// The predicate of a partial index; empty for none.
  std::string Where;

  /// Equal for candidates that are the same index.
  std::string identity() const;
  /// "single-column", "composite", "expression", "partial" or "covering".
  llvm::StringRef kind() const;
  /// `CREATE INDEX [CONCURRENTLY IF NOT EXISTS] [Name] ON s.t (...)
  /// [INCLUDE (...)] [WHERE ...]`, without the ';'. No Name: the server
  /// picks one (as HypoPG wants it).
  std::string createSQL(llvm::StringRef Name = "",
                        bool Concurrently = false) const;
  /// The name PostgreSQL would choose (`movie_info_movie_id_idx`), among
  /// the names IsTaken does not refuse.
  std::string
  chooseName(const std::function<bool(llvm::StringRef)> &IsTaken) const;
};

/// What ANALYZE knows of a column.
struct ColumnStatistics {
  /// Estimated number of distinct values (0: unknown).
  double Distinct = 0;
  double NullFraction = 0;
  /// Average width in bytes.
  double Width = 0;
};

/// Statistics by "schema.table.column".
using StatisticsMap = llvm::StringMap<ColumnStatistics>;

struct CandidateOptions {
  /// The most keys a candidate has (PostgreSQL allows 32).
  unsigned MaxKeys = 4;
  /// The most columns a covering candidate INCLUDEs.
  unsigned MaxInclude = 3;
  /// ... and their total average width.
  double MaxIncludeWidth = 64;
  /// A column with at most this many distinct values makes a constant
  /// predicate on it a partial-index candidate.
  double LowCardinality = 16;
};

/// The candidates for one relation of a plan, most specific last, without
/// duplicates.
std::vector<IndexCandidate> candidatesFor(const RelationScan &R,
                                          const StatisticsMap &Stats,
                                          const CandidateOptions &Opts);

/// Whether an index of C already serves what Cand would: it has Cand's keys
/// as its leading keys (and its included columns and predicate), or it is
/// unique on Cand's leading column alone (a lookup finds one row either
/// way). Trying Cand would tell nothing worth a second index.
bool isServedByExistingIndex(const schema::Catalog &C,
                             const IndexCandidate &Cand);

} // namespace advisor
} // namespace bk

#endif // BK_INDEXADVISOR_CANDIDATES_H
