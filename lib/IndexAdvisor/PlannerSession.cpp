//===- PlannerSession.cpp - Plans and hypothetical indexes ----------------===//

#include "PlannerSession.h"

#include "bk/SQL/Tokens.h"
#include "bk/Schema/Schema.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace bk {
namespace advisor {

Error PlannerSession::run(StringRef SQL) {
  Expected<db::QueryResult> R = Conn.query(SQL);
  return R ? Error::success() : R.takeError();
}

Expected<std::unique_ptr<PlannerSession>>
PlannerSession::start(db::Connection &Conn, const AdvisorOptions &Opts) {
  std::unique_ptr<PlannerSession> S(new PlannerSession(Conn));
  if (Error E = S->run("BEGIN"))
    return E;
  // Generic plans for prepared statements: what a parameterised
  // statement's plan is when its values are unknown.
  if (Error E = S->run("SET LOCAL plan_cache_mode = force_generic_plan"))
    return E;
  if (Error E = S->run("SET LOCAL statement_timeout = " +
                       std::to_string(Opts.StatementTimeoutMs)))
    return E;
  if (Error E = S->findHypoPG(Opts))
    return E;
  return S;
}

PlannerSession::~PlannerSession() { consumeError(run("ROLLBACK")); }

Error PlannerSession::findHypoPG(const AdvisorOptions &Opts) {
  if (!Opts.UseHypoPG) {
    NoHypoPG = "--no-hypopg was given";
    return Error::success();
  }
  auto Schema = [&]() -> Expected<std::string> {
    Expected<db::QueryResult> R =
        Conn.query("SELECT n.nspname FROM pg_catalog.pg_extension e JOIN "
                   "pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE "
                   "e.extname = 'hypopg'");
    if (!R)
      return R.takeError();
    return R->empty() ? std::string() : R->get(0, "nspname");
  };
  Expected<std::string> Installed = Schema();
  if (!Installed)
    return Installed.takeError();
  if (Installed->empty()) {
    Expected<db::QueryResult> Available = Conn.query(
        "SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = "
        "'hypopg'");
    if (!Available)
      return Available.takeError();
    if (Available->empty()) {
      NoHypoPG = "the server has no HypoPG extension (Debian: "
                 "postgresql-15-hypopg)";
      return Error::success();
    }
    // Created in this transaction only: rolled back with it.
    if (Error E = run("SAVEPOINT bk_hypopg"))
      return E;
    if (Error E = run("CREATE EXTENSION hypopg")) {
      NoHypoPG = "HypoPG is on the server but cannot be created in this "
                 "database: " +
                 toString(std::move(E));
      return run("ROLLBACK TO SAVEPOINT bk_hypopg");
    }
    Installed = Schema();
    if (!Installed)
      return Installed.takeError();
  }
  HypoSchema = schema::quoteIdentifier(*Installed);
  return Error::success();
}

/// The highest $n in SQL: how many values EXECUTE must pass.
static unsigned countParameters(StringRef SQL) {
  unsigned Max = 0;
  for (const sql::Token &T : sql::tokenize(SQL))
    if (T.is(sql::TokenKind::Parameter)) {
      unsigned N = 0;
      if (!T.Text.drop_front().getAsInteger(10, N))
        Max = std::max(Max, N);
    }
  return Max;
}

Expected<PlanSummary> PlannerSession::plan(const WorkloadQuery &Q) {
  ++Plans;
  StringRef SQL = StringRef(Q.SQL).trim();
  while (SQL.endswith(";"))
    SQL = SQL.drop_back().rtrim();
  unsigned Params = countParameters(SQL);
  if (Error E = run("SAVEPOINT bk_plan"))
    return E;
  auto Plan = [&]() -> Expected<db::QueryResult> {
    if (Params == 0)
      return Conn.query(("EXPLAIN (VERBOSE, FORMAT JSON) " + SQL).str());
    if (Error E = run(("PREPARE bk_advisor_query AS " + SQL).str()))
      return E;
    std::string Args;
    for (unsigned I = 0; I < Params; ++I)
      Args += I ? ", NULL" : "NULL";
    return Conn.query("EXPLAIN (VERBOSE, FORMAT JSON) EXECUTE "
                      "bk_advisor_query(" +
                      Args + ")");
  };
  Expected<db::QueryResult> R = Plan();
  // Prepared statements outlive savepoints.
  auto Finish = [&](bool OK) -> Error {
    if (Error E = run(OK ? "RELEASE SAVEPOINT bk_plan"
                         : "ROLLBACK TO SAVEPOINT bk_plan"))
      return E;
    return Params ? run("DEALLOCATE ALL") : Error::success();
  };
  if (!R) {
    std::string Message = toString(R.takeError());
    if (Error E = Finish(false))
      return E;
    return createStringError(inconvertibleErrorCode(), Message);
  }
  if (Error E = Finish(true))
    return E;
  if (R->empty())
    return createStringError(inconvertibleErrorCode(), "EXPLAIN gave no plan");
  return readPlan(R->get(0, R->getColumnNames().front()));
}

Expected<Optional<HypotheticalIndex>>
PlannerSession::create(const IndexCandidate &C) {
  if (Error E = run("SAVEPOINT bk_hypo"))
    return E;
  Expected<db::QueryResult> R =
      Conn.query("SELECT indexrelid::text AS oid, indexname FROM " +
                     HypoSchema + ".hypopg_create_index($1)",
                 {C.createSQL()});
  if (!R) {
    consumeError(R.takeError());
    if (Error E = run("ROLLBACK TO SAVEPOINT bk_hypo"))
      return E;
    return None;
  }
  if (Error E = run("RELEASE SAVEPOINT bk_hypo"))
    return E;
  if (R->empty())
    return None;
  return HypotheticalIndex{R->get(0, "oid"), R->get(0, "indexname")};
}

Error PlannerSession::drop(const HypotheticalIndex &I) {
  Expected<db::QueryResult> R = Conn.query(
      "SELECT " + HypoSchema + ".hypopg_drop_index($1::oid)", {I.Oid});
  return R ? Error::success() : R.takeError();
}

Error PlannerSession::reset() {
  return run("SELECT " + HypoSchema + ".hypopg_reset()");
}

int64_t PlannerSession::estimatedSize(const HypotheticalIndex &I) {
  Expected<db::QueryResult> R = Conn.query(
      "SELECT " + HypoSchema + ".hypopg_relation_size($1::oid) AS size",
      {I.Oid});
  if (!R) {
    consumeError(R.takeError());
    return -1;
  }
  return R->empty() || R->isNull(0, "size") ? -1 : R->getInt(0, "size");
}

} // namespace advisor
} // namespace bk
