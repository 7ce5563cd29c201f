//===- Offline.cpp - Index candidates from a workload's text --------------===//

#include "bk/IndexAdvisor/Offline.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>

using namespace llvm;

namespace bk {
namespace advisor {

/// Whether A's keys are a strict prefix of B's on the same table: B serves
/// every lookup A would.
static bool isServedBy(const IndexCandidate &A, const IndexCandidate &B) {
  if (A.Schema != B.Schema || A.Table != B.Table ||
      A.Keys.size() >= B.Keys.size())
    return false;
  for (size_t K = 0; K < A.Keys.size(); ++K)
    if (A.Keys[K].Text != B.Keys[K].Text ||
        A.Keys[K].IsExpression != B.Keys[K].IsExpression)
      return false;
  return true;
}

AdvisorResult suggestFromText(const schema::Catalog &C,
                              ArrayRef<WorkloadQuery> Workload,
                              const AdvisorOptions &Opts) {
  AdvisorResult R;
  R.FromText = true;
  R.Queries.resize(Workload.size());
  R.NotEvaluated = "no server: these are the indexes the queries' text asks "
                   "for, not proven by a plan";
  std::vector<IndexCandidate> Pool;
  StringMap<size_t> PoolIndex;
  std::vector<std::vector<size_t>> Users;
  for (size_t Q = 0; Q < Workload.size(); ++Q) {
    QueryOutcome &O = R.Queries[Q];
    std::vector<RelationScan> Shape =
        readQueryShape(Workload[Q].SQL, C, "public", O.Problem);
    if (Shape.empty())
      continue;
    O.Planned = true;
    for (const RelationScan &Rel : Shape) {
      // Plain keys only: partial and covering candidates need statistics
      // and the columns a plan reads.
      std::vector<IndexCandidate> Keys;
      for (IndexCandidate &Cand : candidatesFor(Rel, {}, Opts.Candidates))
        if (Cand.Include.empty() && Cand.Where.empty() &&
            !isServedByExistingIndex(C, Cand))
          Keys.push_back(std::move(Cand));
      for (const IndexCandidate &Cand : Keys) {
        if (any_of(Keys, [&](const IndexCandidate &Other) {
              return isServedBy(Cand, Other);
            }))
          continue;
        auto Ins = PoolIndex.try_emplace(Cand.identity(), Pool.size());
        if (Ins.second) {
          Pool.push_back(Cand);
          Users.emplace_back();
        }
        std::vector<size_t> &U = Users[Ins.first->second];
        if (U.empty() || U.back() != Q)
          U.push_back(Q);
      }
    }
  }
  R.Candidates = Pool.size();
  // A candidate a wider one serves goes, its queries to the wider one.
  std::vector<bool> Served(Pool.size());
  for (size_t I = 0; I < Pool.size(); ++I)
    for (size_t J = 0; J < Pool.size() && !Served[I]; ++J)
      if (isServedBy(Pool[I], Pool[J])) {
        Served[I] = true;
        Users[J].insert(Users[J].end(), Users[I].begin(), Users[I].end());
      }
  for (size_t I = 0; I < Pool.size(); ++I) {
    if (Served[I])
      continue;
    Suggestion S;
    S.Index = Pool[I];
    S.Queries = Users[I];
    llvm::sort(S.Queries);
    S.Queries.erase(std::unique(S.Queries.begin(), S.Queries.end()),
                    S.Queries.end());
    R.Suggestions.push_back(std::move(S));
  }
  // The most asked for first.
  std::stable_sort(R.Suggestions.begin(), R.Suggestions.end(),
                   [](const Suggestion &A, const Suggestion &B) {
                     return A.Queries.size() > B.Queries.size();
                   });
  nameSuggestions(C, R.Suggestions);
  return R;
}

} // namespace advisor
} // namespace bk
