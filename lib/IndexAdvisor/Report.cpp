//===- Report.cpp - The advisor's findings, as text and JSON --------------===//

#include "bk/IndexAdvisor/Advisor.h"

#include "bk/Analyze/DatabaseCheck.h"
#include "bk/Support/Text.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <cmath>

using namespace llvm;

namespace bk {
namespace advisor {

/// Planner costs in JSON: whole units are precise enough.
static int64_t jsonCost(double C) {
  return static_cast<int64_t>(std::llround(C));
}

static std::string cost(double C) {
  std::string S;
  raw_string_ostream(S) << format("%.0f", C);
  return S;
}

/// "-81%" for a cost going from Before to After.
static std::string change(double Before, double After) {
  if (Before <= 0)
    return "-";
  double Share = (After - Before) / Before;
  return (Share <= 0 ? "-" : "+") + analyze::formatPercent(std::abs(Share));
}

std::string describeEvidence(const Suggestion &S) {
  std::string Out = "used by " + plural(S.Queries.size(), "query", "queries") +
                    ": cost " + cost(S.CostBefore) + " -> " + cost(S.CostWith) +
                    " (" + change(S.CostBefore, S.CostWith) + "), " +
                    cost(S.CostWithout) + " without this index";
  if (S.EstimatedBytes >= 0)
    Out += "; about " + analyze::formatBytes(S.EstimatedBytes);
  if (S.RowsWritten >= 0)
    Out += "; " + plural(S.RowsWritten, "row", "rows") +
           " written since statistics were reset would also write it";
  return Out;
}

void writeTextReport(raw_ostream &OS, const AdvisorResult &R,
                     ArrayRef<WorkloadQuery> Workload) {
  size_t Planned = 0;
  for (const QueryOutcome &Q : R.Queries)
    Planned += Q.Planned;
  OS << "workload: " << plural(Workload.size(), "query", "queries") << ", "
     << Planned << (R.FromText ? " read; " : " planned; ")
     << plural(R.Candidates, "candidate index", "candidate indexes");
  if (!R.Evaluated) {
    OS << ", not evaluated: " << R.NotEvaluated << "\n";
    if (R.Suggestions.empty())
      OS << "no index is suggested without HypoPG's proof\n";
  } else {
    OS << ", " << R.Plans << " plans\n"
       << "workload cost (planner units, weighted by calls): "
       << cost(R.WorkloadCostBefore) << " -> " << cost(R.WorkloadCostAfter)
       << " (" << change(R.WorkloadCostBefore, R.WorkloadCostAfter) << ")\n";
    if (R.Suggestions.empty())
      OS << "no index would make the workload cheaper\n";
  }
  unsigned N = 0;
  for (const Suggestion &S : R.Suggestions) {
    OS << "\n"
       << ++N << ". " << S.Index.createSQL(S.Name, true) << ";\n"
       << "   " << S.Index.kind() << "; ";
    if (R.Evaluated)
      OS << describeEvidence(S) << "\n"
         << "   the table has " << plural(S.ExistingIndexes, "index", "indexes")
         << "\n";
    else
      OS << "asked for by " << plural(S.Queries.size(), "query", "queries")
         << ", not proven\n";
    OS << "   queries:";
    const size_t Shown = 5;
    for (size_t I = 0; I < S.Queries.size() && I < Shown; ++I)
      OS << (I ? ", " : " ") << Workload[S.Queries[I]].Label;
    if (S.Queries.size() > Shown)
      OS << " and " << (S.Queries.size() - Shown) << " more";
    OS << "\n";
  }
  bool First = true;
  for (size_t Q = 0; Q < Workload.size(); ++Q)
    if (!R.Queries[Q].Planned) {
      if (First)
        OS << "\n";
      First = false;
      OS << (R.FromText ? "not read: " : "not planned: ") << Workload[Q].Label
         << ": " << R.Queries[Q].Problem << "\n";
    }
}

void writeJSONReport(raw_ostream &OS, const AdvisorResult &R,
                     ArrayRef<WorkloadQuery> Workload) {
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("evaluated", R.Evaluated);
    J.attribute("fromText", R.FromText);
    if (!R.Evaluated)
      J.attribute("notEvaluated", R.NotEvaluated);
    J.attribute("queries", static_cast<int64_t>(Workload.size()));
    J.attribute("candidates", static_cast<int64_t>(R.Candidates));
    J.attribute("plans", static_cast<int64_t>(R.Plans));
    J.attributeObject("workloadCost", [&] {
      J.attribute("before", jsonCost(R.WorkloadCostBefore));
      J.attribute("after", jsonCost(R.WorkloadCostAfter));
    });
    J.attributeArray("suggestions", [&] {
      for (const Suggestion &S : R.Suggestions)
        J.object([&] {
          J.attribute("name", S.Name);
          J.attribute("table", S.Index.Schema + "." + S.Index.Table);
          J.attribute("kind", S.Index.kind());
          J.attribute("sql", S.Index.createSQL(S.Name, true) + ";");
          J.attributeArray("keys", [&] {
            for (const IndexCandidate::Key &K : S.Index.Keys)
              J.object([&] {
                J.attribute(K.IsExpression ? "expression" : "column", K.Text);
              });
          });
          J.attributeArray("include", [&] {
            for (const std::string &C : S.Index.Include)
              J.value(C);
          });
          if (!S.Index.Where.empty())
            J.attribute("where", S.Index.Where);
          J.attributeArray("queries", [&] {
            for (size_t Q : S.Queries)
              J.value(Workload[Q].Label);
          });
          J.attributeObject("cost", [&] {
            J.attribute("before", jsonCost(S.CostBefore));
            J.attribute("with", jsonCost(S.CostWith));
            J.attribute("without", jsonCost(S.CostWithout));
          });
          J.attribute("estimatedBytes", S.EstimatedBytes);
          J.attribute("rowsWritten", S.RowsWritten);
          J.attribute("existingIndexes",
                      static_cast<int64_t>(S.ExistingIndexes));
        });
    });
    J.attributeArray("notPlanned", [&] {
      for (size_t Q = 0; Q < Workload.size(); ++Q)
        if (!R.Queries[Q].Planned)
          J.object([&] {
            J.attribute("query", Workload[Q].Label);
            J.attribute("problem", R.Queries[Q].Problem);
          });
    });
  });
  OS << "\n";
}

} // namespace advisor
} // namespace bk
