//===- SeqScanHeavyTableCheck.cpp - seq-scan-heavy-table ------------------===//
//
// A large table read mostly by sequential scans is read whole for queries
// that want a few rows: the usual sign of a missing index.
// Docs: docs/rules/seq-scan-heavy-table.md
//
//===----------------------------------------------------------------------===//

#include "bk/Analyze/Checks.h"

using namespace llvm;

namespace bk {
namespace analyze {

Error SeqScanHeavyTableCheck::run(db::Connection &Conn,
                                  const schema::Catalog &C,
                                  const AnalyzeOptions &Opts,
                                  std::vector<Diagnostic> &Out) {
  // Scans that read (about) the whole table each time, more of them than
  // index scans.
  return forEachRowInSchemas(
      Conn, R"(
    SELECT s.schemaname AS schema, s.relname AS "table", t.live_rows,
           s.seq_scan, s.seq_tup_read, coalesce(s.idx_scan, 0) AS idx_scan,
           pg_total_relation_size(s.relid) AS bytes
    FROM pg_stat_user_tables s
    JOIN pg_class c ON c.oid = s.relid,
    -- The planner's row count once ANALYZE ran (n_live_tup can count a
    -- bulk load twice when statistics are flushed after the ANALYZE).
    LATERAL (SELECT CASE WHEN c.reltuples > 0 THEN c.reltuples::bigint
                         ELSE s.n_live_tup END AS live_rows) t
    WHERE t.live_rows >= $1 AND s.seq_scan >= $2
      AND s.seq_scan > coalesce(s.idx_scan, 0)
      AND s.seq_tup_read >= s.seq_scan * t.live_rows / 2
    ORDER BY s.seq_tup_read DESC, 1, 2)",
      {std::to_string(Opts.SeqScanMinRows),
       std::to_string(Opts.SeqScanMinScans)},
      Opts,
      [&](const db::QueryResult &R, size_t Row, const std::string &Schema) {
        std::string Table = qualifiedSQL(Schema, R.get(Row, "table"));
        int64_t Seq = R.getInt(Row, "seq_scan");
        int64_t Idx = R.getInt(Row, "idx_scan");
        std::string Share = formatPercent(Seq / double(Seq + Idx));
        Out.push_back(finding(
            Conn,
            "table " + Table + " (" + R.get(Row, "live_rows") + " rows, " +
                formatBytes(R.getInt(Row, "bytes")) + ") was read by " +
                std::to_string(Seq) + " sequential scans (" + Share +
                " of its scans, " + R.get(Row, "seq_tup_read") +
                " rows read); the queries filtering it need an index: find "
                "them in pg_stat_statements and index the columns they "
                "filter on"));
      });
}

} // namespace analyze
} // namespace bk
