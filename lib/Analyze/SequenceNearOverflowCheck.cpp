//===- SequenceNearOverflowCheck.cpp - sequence-near-overflow -------------===//
//
// A sequence that reaches its maximum makes every INSERT that needs a new
// value fail ("nextval: reached maximum value"), usually on an integer
// (serial) primary key after two billion rows.
// Docs: docs/rules/sequence-near-overflow.md
//
//===----------------------------------------------------------------------===//

#include "bk/Analyze/Checks.h"

using namespace llvm;

namespace bk {
namespace analyze {

Error SequenceNearOverflowCheck::run(db::Connection &Conn,
                                     const schema::Catalog &C,
                                     const AnalyzeOptions &Opts,
                                     std::vector<Diagnostic> &Out) {
  // Ascending sequences only (descending ones run towards min_value, the
  // same check mirrored, rare enough to leave out). The owning column, when
  // there is one, is what must widen too.
  return forEachRowInSchemas(
      Conn, R"(
    SELECT s.schemaname AS schema, s.sequencename AS sequence,
           s.data_type::text AS type, s.last_value, s.max_value,
           (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname)
                   || ' ALTER COLUMN ' || quote_ident(a.attname)
              FROM pg_depend d
              JOIN pg_class t ON t.oid = d.refobjid
              JOIN pg_namespace tn ON tn.oid = t.relnamespace
              JOIN pg_attribute a ON a.attrelid = t.oid
                                 AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_class'::regclass
               AND d.objid = format('%I.%I', s.schemaname,
                                    s.sequencename)::regclass
               AND d.refclassid = 'pg_class'::regclass
               AND d.deptype IN ('a', 'i')
             LIMIT 1) AS owner
    FROM pg_sequences s
    WHERE s.last_value IS NOT NULL AND s.increment_by > 0
    ORDER BY 1, 2)",
      {}, Opts,
      [&](const db::QueryResult &R, size_t Row, const std::string &Schema) {
        double Last = static_cast<double>(R.getInt(Row, "last_value"));
        double Max = static_cast<double>(R.getInt(Row, "max_value"));
        if (Max <= 0 || Last / Max < Opts.SequenceRatio)
          return;
        std::string Seq = qualifiedSQL(Schema, R.get(Row, "sequence"));
        const std::string &Type = R.get(Row, "type");
        std::string Pct = formatPercent(Last / Max);
        std::string Fix;
        if (Type != "bigint") {
          Fix = "; widen it: ALTER SEQUENCE " + Seq + " AS bigint";
          if (!R.isNull(Row, "owner"))
            Fix += " and ALTER TABLE " + R.get(Row, "owner") +
                   " TYPE bigint (rewrites the table)";
        } else {
          Fix = "; it is already bigint: check what consumes values this fast";
        }
        Out.push_back(finding(Conn, "sequence " + Seq + " (" + Type +
                                        ") is at " + R.get(Row, "last_value") +
                                        " of " + R.get(Row, "max_value") +
                                        " (" + Pct +
                                        "); when it reaches the maximum every "
                                        "insert that needs a value fails" +
                                        Fix));
      });
}

} // namespace analyze
} // namespace bk
