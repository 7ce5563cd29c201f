//===- UnusedIndexCheck.cpp - unused-index --------------------------------===//
//
// A non-unique index no scan has used since statistics were reset costs
// every INSERT, UPDATE and DELETE and takes space and cache for nothing.
// Docs: docs/rules/unused-index.md
//
//===----------------------------------------------------------------------===//

#include "bk/Analyze/Checks.h"

using namespace llvm;

namespace bk {
namespace analyze {

Error UnusedIndexCheck::run(db::Connection &Conn, const schema::Catalog &C,
                            const AnalyzeOptions &Opts,
                            std::vector<Diagnostic> &Out) {
  // The statistics' age bounds what "never" means: when they are younger
  // than --unused-after, nothing is said (and the index query, with a size
  // and a definition per index, is not run at all).
  Expected<db::QueryResult> AgeR = Conn.query(R"(
    SELECT (SELECT extract(epoch FROM now() - d.stats_reset)::bigint
              FROM pg_stat_database d
             WHERE d.datname = current_database()) AS stats_age,
           extract(epoch FROM now() - pg_postmaster_start_time())::bigint
             AS uptime)");
  if (!AgeR)
    return AgeR.takeError();
  // Never reset: the statistics cover at least the server's uptime
  // (PostgreSQL 15 keeps them across a clean restart).
  bool Reset = !AgeR->isNull(0, "stats_age");
  int64_t Age =
      Reset ? AgeR->getInt(0, "stats_age") : AgeR->getInt(0, "uptime");
  if (Opts.UnusedAfterDays && Age < int64_t(Opts.UnusedAfterDays) * 86400)
    return Error::success();

  // Unique, primary-key and constraint indexes enforce something; invalid
  // ones are invalid-index's.
  return forEachRowInSchemas(
      Conn, R"(
    SELECT s.schemaname AS schema, s.relname AS "table",
           s.indexrelname AS index, pg_relation_size(s.indexrelid) AS bytes,
           pg_get_indexdef(s.indexrelid) AS def
    FROM pg_stat_user_indexes s
    JOIN pg_index i ON i.indexrelid = s.indexrelid
    WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
      AND i.indisvalid
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                       WHERE c.conindid = s.indexrelid)
    ORDER BY 1, 2, 3)",
      {}, Opts,
      [&](const db::QueryResult &R, size_t Row, const std::string &Schema) {
        std::string Index = qualifiedSQL(Schema, R.get(Row, "index"));
        std::string Table = qualifiedSQL(Schema, R.get(Row, "table"));
        std::string Since =
            Reset ? "since statistics were reset " + formatAge(Age) + " ago"
                  : "in the " + formatAge(Age) + " since the server started";
        Diagnostic D =
            finding(Conn, "index " + Index + " on " + Table +
                              " has not been used by any scan " + Since + " (" +
                              formatBytes(R.getInt(Row, "bytes")) +
                              ", updated on every write); drop it "
                              "unless a rare job needs it: DROP INDEX "
                              "CONCURRENTLY " +
                              Index);
        D.Fix = "DROP INDEX CONCURRENTLY " + Index + ";";
        // pg_get_indexdef gives "CREATE [UNIQUE] INDEX name ON ..."; rebuild
        // without blocking writes.
        std::string Def = R.get(Row, "def");
        size_t At = Def.find(" INDEX ");
        if (At != std::string::npos)
          Def.insert(At + 7, "CONCURRENTLY ");
        D.Undo = Def + ";";
        Out.push_back(std::move(D));
      });
}

} // namespace analyze
} // namespace bk
