//===- Workload.cpp - The queries the advisor plans -----------------------===//

#include "bk/IndexAdvisor/Advisor.h"

#include "bk/SQL/Parser.h"
#include "bk/Support/Error.h"
#include "bk/Support/InputFiles.h"

#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace bk {
namespace advisor {

/// Statements an index can make faster.
static bool isIndexableKind(StringRef Kind) {
  return StringSwitch<bool>(Kind)
      .Cases("select", "with", "update", "delete", "table", true)
      .Default(false);
}

/// The start of SQL on one line, for a report.
static std::string abbreviate(StringRef SQL) {
  std::string Out;
  for (char C : SQL.trim()) {
    bool Space = C == ' ' || C == '\n' || C == '\t' || C == '\r';
    if (Space && (Out.empty() || Out.back() == ' '))
      continue;
    Out += Space ? ' ' : C;
  }
  const size_t Max = 72;
  if (Out.size() > Max)
    Out = Out.substr(0, Max - 3) + "...";
  return Out;
}

Expected<std::vector<WorkloadQuery>>
readStatementStatistics(db::Connection &Conn, unsigned Limit,
                        std::string &Note) {
  std::vector<WorkloadQuery> Out;
  Expected<db::QueryResult> Ext =
      Conn.query("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = "
                 "'pg_stat_statements'");
  if (!Ext)
    return Ext.takeError();
  if (Ext->empty()) {
    Note = "pg_stat_statements is not installed in this database: there is "
           "no workload to read (give one with --workload FILE)";
    return Out;
  }
  // The extension's view may live in any schema: find it through the
  // search path, as a user's query would. Statements run inside functions
  // are told apart from 14 on.
  std::string TopLevel =
      Conn.getServerVersion() >= 140000 ? "AND s.toplevel " : "";
  Expected<db::QueryResult> R = Conn.query(
      "SELECT s.queryid::text AS queryid, s.query, s.calls::text AS calls "
      "FROM pg_stat_statements s JOIN pg_catalog.pg_database d ON d.oid = "
      "s.dbid WHERE d.datname = pg_catalog.current_database() " +
          TopLevel +
          "AND s.query ~* '^\\s*(select|with|update|delete|table)\\M' AND "
          "s.query !~* '\\m(pg_catalog|information_schema)\\.|hypopg_|"
          "pg_stat_statements' "
          "ORDER BY s.total_exec_time DESC, s.queryid LIMIT $1",
      {std::to_string(Limit)});
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    WorkloadQuery Q;
    Q.SQL = R->get(I, "query");
    Q.Calls = std::max<int64_t>(1, R->getInt(I, "calls"));
    Q.Location = Conn.getLoc();
    Q.Label = "queryid " + R->get(I, "queryid") + ": " + abbreviate(Q.SQL);
    Out.push_back(std::move(Q));
  }
  return Out;
}

bool readWorkloadFiles(Context &Ctx, StringRef Path,
                       std::vector<WorkloadQuery> &Out) {
  Expected<std::vector<std::string>> Files = expandInputPath(Path, ".sql");
  if (!Files)
    return !reportError(Ctx.getDiags(), Files.takeError());
  for (const std::string &F : *Files) {
    Expected<unsigned> ID = Ctx.loadFile(F);
    if (!ID)
      return !reportError(Ctx.getDiags(), ID.takeError());
    const MemoryBuffer *Buf = Ctx.getSourceMgr().getMemoryBuffer(*ID);
    StringRef Text = Buf->getBuffer();
    for (const sql::Statement &S : sql::splitStatements(Text)) {
      if (!isIndexableKind(S.Kind))
        continue;
      WorkloadQuery Q;
      Q.SQL = Text.slice(S.Begin, S.End).str();
      Q.Location = Ctx.getLoc(SMLoc::getFromPointer(Text.data() + S.Begin));
      Q.Label = (Q.Location.File + ":" + Twine(Q.Location.Line) + ":" +
                 Twine(Q.Location.Col))
                    .str();
      Out.push_back(std::move(Q));
    }
  }
  return true;
}

} // namespace advisor
} // namespace bk
