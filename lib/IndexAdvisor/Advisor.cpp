//===- Advisor.cpp - Indexes a workload needs -----------------------------===//
//
// The search (see Advisor.h):
//  1. plan every query as it is; its plan's quals give candidates;
//  2. per query, all its candidates as hypothetical indexes: the ones its
//     new plan uses are wanted when they cut its cost by MinQueryGain;
//  3. all wanted indexes together, then each in turn (least used first)
//     dropped: it goes for good when the queries using it cost no more than
//     MinIndexGain more without it (another index serves them as well);
//  4. each remaining index dropped once more to measure its own gain.
// Costs are the planner's total cost, weighted by calls.
//
//===----------------------------------------------------------------------===//

#include "bk/IndexAdvisor/Advisor.h"

#include "PlannerSession.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <map>
#include <set>

using namespace llvm;

namespace bk {
namespace advisor {

namespace {

/// ANALYZE's statistics of the columns of every user table.
Expected<StatisticsMap> readStatistics(db::Connection &Conn) {
  Expected<db::QueryResult> R = Conn.query(
      "SELECT s.schemaname, s.tablename, s.attname, s.n_distinct::float8 AS "
      "n_distinct, s.null_frac::float8 AS null_frac, s.avg_width, "
      "c.reltuples::float8 AS reltuples FROM pg_catalog.pg_stats s JOIN "
      "pg_catalog.pg_namespace n ON n.nspname = s.schemaname JOIN "
      "pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = "
      "s.tablename WHERE s.schemaname NOT IN ('pg_catalog', "
      "'information_schema') AND NOT s.inherited");
  if (!R)
    return R.takeError();
  StatisticsMap Out;
  auto Number = [&](size_t Row, StringRef Col) {
    double D = 0;
    return StringRef(R->get(Row, Col)).getAsDouble(D) ? 0.0 : D;
  };
  for (size_t I = 0; I < R->size(); ++I) {
    ColumnStatistics S;
    double Distinct = Number(I, "n_distinct");
    // Negative: a fraction of the rows (ANALYZE's convention).
    S.Distinct = Distinct >= 0
                     ? Distinct
                     : -Distinct * std::max(0.0, Number(I, "reltuples"));
    S.NullFraction = Number(I, "null_frac");
    S.Width = Number(I, "avg_width");
    Out[R->get(I, "schemaname") + "." + R->get(I, "tablename") + "." +
        R->get(I, "attname")] = S;
  }
  return Out;
}

/// Rows written per table since its statistics were reset: inserts,
/// updates that were not HOT (those write every index) and deletes.
Expected<StringMap<int64_t>> readRowsWritten(db::Connection &Conn) {
  Expected<db::QueryResult> R = Conn.query(
      "SELECT schemaname, relname, (n_tup_ins + n_tup_upd - n_tup_hot_upd + "
      "n_tup_del)::text AS written FROM pg_catalog.pg_stat_user_tables");
  if (!R)
    return R.takeError();
  StringMap<int64_t> Out;
  for (size_t I = 0; I < R->size(); ++I)
    Out[R->get(I, "schemaname") + "." + R->get(I, "relname")] =
        R->getInt(I, "written");
  return Out;
}

class Search {
public:
  Search(PlannerSession &Session, const schema::Catalog &C,
         ArrayRef<WorkloadQuery> Workload, const AdvisorOptions &Opts,
         AdvisorResult &Result)
      : Session(Session), C(C), Workload(Workload), Opts(Opts), Result(Result),
        Cost(Workload.size()), Uses(Workload.size()) {}

  Error run(const StatisticsMap &Stats);

private:
  /// Plans query Q with the active indexes: its cost and the candidates it
  /// uses. None when the server could not plan it.
  Optional<std::pair<double, std::vector<size_t>>> evaluate(size_t Q);
  Error activate(size_t Cand);
  Error deactivate(size_t Cand);
  /// HypoPG's size estimate of an active candidate; -1 otherwise.
  int64_t sizeOf(size_t Cand);
  /// Users, the queries whose plans used an index just deactivated,
  /// planned again: their weighted cost with it and without it, and their
  /// new plans (a query the server cannot plan now keeps its old one).
  struct Replanned {
    double With = 0;
    double Without = 0;
    std::vector<std::pair<double, std::vector<size_t>>> Plans;
  };
  Replanned replan(ArrayRef<size_t> Users);
  /// Makes the new plans of Users current.
  void accept(ArrayRef<size_t> Users, Replanned &R);
  std::vector<size_t> usersOf(size_t Cand) const;
  double weight(size_t Q) const { return Workload[Q].Calls; }
  /// Plans every query as it is; their quals give the candidate pool.
  void collectCandidates(const StatisticsMap &Stats);
  Error tryPerQuery(std::vector<size_t> &Wanted);
  Error eliminate(std::vector<size_t> &Kept);
  Error describe(ArrayRef<size_t> Kept);

  PlannerSession &Session;
  const schema::Catalog &C;
  ArrayRef<WorkloadQuery> Workload;
  const AdvisorOptions &Opts;
  AdvisorResult &Result;

  std::vector<IndexCandidate> Pool;
  StringMap<size_t> PoolIndex;
  std::vector<std::vector<size_t>> QueryCandidates;
  /// Hypothetical indexes now in place, by candidate; and candidates by
  /// the names plans give them.
  std::map<size_t, HypotheticalIndex> Active;
  StringMap<size_t> ByName;
  /// Candidates the server refused to create.
  std::set<size_t> Refused;
  /// Each query's cost and the candidates its plan uses, with Active.
  std::vector<double> Cost;
  std::vector<std::vector<size_t>> Uses;
};

Optional<std::pair<double, std::vector<size_t>>> Search::evaluate(size_t Q) {
  Expected<PlanSummary> P = Session.plan(Workload[Q]);
  if (!P) {
    consumeError(P.takeError());
    return None;
  }
  std::vector<size_t> Used;
  for (const std::string &Name : P->IndexNames) {
    auto It = ByName.find(Name);
    if (It != ByName.end() && !is_contained(Used, It->second))
      Used.push_back(It->second);
  }
  return std::make_pair(P->TotalCost, std::move(Used));
}

Error Search::activate(size_t Cand) {
  if (Refused.count(Cand))
    return Error::success();
  Expected<Optional<HypotheticalIndex>> H = Session.create(Pool[Cand]);
  if (!H)
    return H.takeError();
  if (!*H) {
    // Not an index the server would build: never tried again.
    Refused.insert(Cand);
    return Error::success();
  }
  ByName[(*H)->Name] = Cand;
  Active[Cand] = std::move(**H);
  return Error::success();
}

int64_t Search::sizeOf(size_t Cand) {
  auto It = Active.find(Cand);
  return It == Active.end() ? -1 : Session.estimatedSize(It->second);
}

Error Search::deactivate(size_t Cand) {
  auto It = Active.find(Cand);
  if (It == Active.end())
    return Error::success();
  Error E = Session.drop(It->second);
  ByName.erase(It->second.Name);
  Active.erase(It);
  return E;
}

void Search::collectCandidates(const StatisticsMap &Stats) {
  QueryCandidates.resize(Workload.size());
  for (size_t Q = 0; Q < Workload.size(); ++Q) {
    QueryOutcome &O = Result.Queries[Q];
    Expected<PlanSummary> P = Session.plan(Workload[Q]);
    if (!P) {
      O.Problem = toString(P.takeError());
      continue;
    }
    O.Planned = true;
    O.CostBefore = O.CostAfter = Cost[Q] = P->TotalCost;
    for (const RelationScan &R : P->Relations)
      for (IndexCandidate &Cand : candidatesFor(R, Stats, Opts.Candidates)) {
        if (isServedByExistingIndex(C, Cand))
          continue;
        auto Ins = PoolIndex.try_emplace(Cand.identity(), Pool.size());
        if (Ins.second)
          Pool.push_back(std::move(Cand));
        if (!is_contained(QueryCandidates[Q], Ins.first->second))
          QueryCandidates[Q].push_back(Ins.first->second);
      }
  }
  Result.Candidates = Pool.size();
}

Error Search::tryPerQuery(std::vector<size_t> &Wanted) {
  for (size_t Q = 0; Q < Workload.size(); ++Q) {
    if (QueryCandidates[Q].empty())
      continue;
    for (size_t Cand : QueryCandidates[Q])
      if (Error E = activate(Cand))
        return E;
    if (auto R = evaluate(Q))
      if (R->first <= Cost[Q] * (1 - Opts.MinQueryGain))
        for (size_t Cand : R->second)
          if (!is_contained(Wanted, Cand))
            Wanted.push_back(Cand);
    if (Error E = Session.reset())
      return E;
    Active.clear();
    ByName.clear();
  }
  return Error::success();
}

Search::Replanned Search::replan(ArrayRef<size_t> Users) {
  Replanned R;
  for (size_t Q : Users) {
    auto P = evaluate(Q);
    if (!P)
      P = std::make_pair(Cost[Q], Uses[Q]);
    R.With += weight(Q) * Cost[Q];
    R.Without += weight(Q) * P->first;
    R.Plans.push_back(std::move(*P));
  }
  return R;
}

void Search::accept(ArrayRef<size_t> Users, Replanned &R) {
  for (size_t I = 0; I < Users.size(); ++I) {
    Cost[Users[I]] = R.Plans[I].first;
    Uses[Users[I]] = std::move(R.Plans[I].second);
  }
}

std::vector<size_t> Search::usersOf(size_t Cand) const {
  std::vector<size_t> Users;
  for (size_t Q = 0; Q < Workload.size(); ++Q)
    if (is_contained(Uses[Q], Cand))
      Users.push_back(Q);
  return Users;
}

Error Search::eliminate(std::vector<size_t> &Kept) {
  for (size_t Cand : Kept)
    if (Error E = activate(Cand))
      return E;
  for (size_t Q = 0; Q < Workload.size(); ++Q)
    if (Result.Queries[Q].Planned)
      if (auto R = evaluate(Q)) {
        Cost[Q] = R->first;
        Uses[Q] = std::move(R->second);
      }
  // The least used first: they are the likeliest to be served by another;
  // among those, the largest first, so that of a covering index and its
  // plain twin that serve a query about as well, the smaller one stays.
  std::vector<size_t> Order = Kept;
  std::map<size_t, std::pair<size_t, int64_t>> Rank;
  for (size_t Cand : Kept)
    Rank[Cand] = {usersOf(Cand).size(), -sizeOf(Cand)};
  std::stable_sort(Order.begin(), Order.end(),
                   [&](size_t A, size_t B) { return Rank[A] < Rank[B]; });
  for (size_t Cand : Order) {
    std::vector<size_t> Users = usersOf(Cand);
    if (Error E = deactivate(Cand))
      return E;
    Replanned R = replan(Users);
    if (R.Without > R.With * (1 + Opts.MinIndexGain)) {
      if (Error E = activate(Cand))
        return E;
      continue;
    }
    // Dropped for good: the queries keep their new plans.
    accept(Users, R);
    Kept.erase(find(Kept, Cand));
  }
  return Error::success();
}

Error Search::describe(ArrayRef<size_t> Kept) {
  Expected<StringMap<int64_t>> Written = readRowsWritten(Session.connection());
  if (!Written)
    return Written.takeError();
  for (size_t Cand : Kept) {
    Suggestion S;
    S.Index = Pool[Cand];
    S.Queries = usersOf(Cand);
    for (size_t Q : S.Queries)
      S.CostBefore += weight(Q) * Result.Queries[Q].CostBefore;
    S.EstimatedBytes = sizeOf(Cand);
    if (Error E = deactivate(Cand))
      return E;
    Replanned R = replan(S.Queries);
    S.CostWith = R.With;
    S.CostWithout = R.Without;
    // No gain of its own now that the others are in place: not suggested.
    if (R.Without <= R.With * (1 + Opts.MinIndexGain)) {
      accept(S.Queries, R);
      continue;
    }
    if (Error E = activate(Cand))
      return E;
    auto W = Written->find(S.Index.Schema + "." + S.Index.Table);
    if (W != Written->end())
      S.RowsWritten = W->second;
    if (const schema::Table *T = C.findTable(S.Index.Schema, S.Index.Table))
      S.ExistingIndexes = lint::getTableIndexes(C, *T).size();
    Result.Suggestions.push_back(std::move(S));
  }
  // The largest own gain first.
  std::stable_sort(Result.Suggestions.begin(), Result.Suggestions.end(),
                   [](const Suggestion &A, const Suggestion &B) {
                     return A.CostWithout - A.CostWith >
                            B.CostWithout - B.CostWith;
                   });
  // Named in that order: the first gets PostgreSQL's own choice.
  nameSuggestions(C, Result.Suggestions);
  return Error::success();
}

Error Search::run(const StatisticsMap &Stats) {
  collectCandidates(Stats);
  if (!Session.hasHypoPG()) {
    Result.NotEvaluated = Session.whyNoHypoPG().str();
    return Error::success();
  }
  Result.Evaluated = true;
  std::vector<size_t> Kept;
  if (Error E = tryPerQuery(Kept))
    return E;
  if (Error E = eliminate(Kept))
    return E;
  if (Error E = describe(Kept))
    return E;
  for (size_t Q = 0; Q < Workload.size(); ++Q)
    if (Result.Queries[Q].Planned)
      Result.Queries[Q].CostAfter = Cost[Q];
  return Error::success();
}

} // namespace

void nameSuggestions(const schema::Catalog &C,
                     std::vector<Suggestion> &Suggestions) {
  StringSet<> Given;
  for (Suggestion &S : Suggestions) {
    const schema::Schema *Sch = C.findSchema(S.Index.Schema);
    S.Name = S.Index.chooseName([&](StringRef N) {
      return Given.count((S.Index.Schema + "." + N).str()) ||
             (Sch && (Sch->findTable(N) || Sch->findView(N) ||
                      Sch->findSequence(N) || Sch->findIndex(N)));
    });
    Given.insert(S.Index.Schema + "." + S.Name);
  }
}

Expected<AdvisorResult> suggestIndexes(db::Connection &Conn,
                                       const schema::Catalog &C,
                                       ArrayRef<WorkloadQuery> Workload,
                                       const AdvisorOptions &Opts) {
  AdvisorResult Result;
  Result.Queries.resize(Workload.size());
  Expected<StatisticsMap> Stats = readStatistics(Conn);
  if (!Stats)
    return Stats.takeError();
  Expected<std::unique_ptr<PlannerSession>> Session =
      PlannerSession::start(Conn, Opts);
  if (!Session)
    return Session.takeError();
  Search S(**Session, C, Workload, Opts, Result);
  if (Error E = S.run(*Stats))
    return E;
  for (size_t Q = 0; Q < Workload.size(); ++Q) {
    Result.WorkloadCostBefore +=
        Workload[Q].Calls * Result.Queries[Q].CostBefore;
    Result.WorkloadCostAfter += Workload[Q].Calls * Result.Queries[Q].CostAfter;
  }
  Result.Plans = (*Session)->plansMade();
  return Result;
}

} // namespace advisor
} // namespace bk
