//===- InvalidIndexCheck.cpp - invalid-index ------------------------------===//
//
// An index left invalid by a failed or interrupted CREATE INDEX
// CONCURRENTLY (or REINDEX CONCURRENTLY) is maintained on every write but
// never used for reads, and a unique one may not enforce uniqueness.
// Docs: docs/rules/invalid-index.md
//
//===----------------------------------------------------------------------===//

#include "bk/Analyze/Checks.h"

using namespace llvm;

namespace bk {
namespace analyze {

Error InvalidIndexCheck::run(db::Connection &Conn, const schema::Catalog &C,
                             const AnalyzeOptions &Opts,
                             std::vector<Diagnostic> &Out) {
  return forEachRowInSchemas(
      Conn, R"(
    SELECT n.nspname AS schema, ic.relname AS index, tc.relname AS "table",
           i.indisunique AS is_unique, pg_relation_size(i.indexrelid) AS bytes
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = ic.relnamespace
    WHERE NOT i.indisvalid
    ORDER BY 1, 2)",
      {}, Opts,
      [&](const db::QueryResult &R, size_t Row, const std::string &Schema) {
        std::string Index = qualifiedSQL(Schema, R.get(Row, "index"));
        std::string Table = qualifiedSQL(Schema, R.get(Row, "table"));
        bool Unique = R.getBool(Row, "is_unique");
        Diagnostic D = finding(
            Conn,
            Twine(Unique ? "unique index " : "index ") + Index + " on " +
                Table + " is invalid (" + formatBytes(R.getInt(Row, "bytes")) +
                "): a CREATE INDEX CONCURRENTLY failed or was interrupted; "
                "it slows every write, serves no read" +
                (Unique ? " and enforces nothing for existing rows" : "") +
                "; rebuild it: REINDEX INDEX CONCURRENTLY " + Index);
        D.Fix = "REINDEX INDEX CONCURRENTLY " + Index + ";";
        Out.push_back(std::move(D));
      });
}

} // namespace analyze
} // namespace bk
