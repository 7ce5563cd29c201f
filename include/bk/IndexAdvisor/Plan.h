//===- bk/IndexAdvisor/Plan.h - What an EXPLAIN plan asks of indexes -*- C++
//-*-===//
//
// The index advisor reads candidates from the server's own plans: EXPLAIN
// (VERBOSE, FORMAT JSON) names every base relation scanned, with its alias,
// and prints every qual with alias-qualified columns, so the server has
// already resolved names, views, CTEs and subqueries. This header reads
// those quals (Filter, Index Cond, Hash Cond, Join Filter, Sort Key, ...)
// into the predicates an index could serve.
//
//===----------------------------------------------------------------------===//

#ifndef BK_INDEXADVISOR_PLAN_H
#define BK_INDEXADVISOR_PLAN_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace bk {
namespace advisor {

/// A column of a relation in the plan: `alias.column`, names unquoted.
struct ColumnRef {
  std::string Alias;
  std::string Column;
};

enum class PredicateKind {
  /// column = value, column = ANY (values), column IS NULL: an index key
  /// that can come first.
  Equality,
  /// column < value, column BETWEEN ... (as >= AND <=).
  Range,
  /// column = column of another relation: the key of a parameterised
  /// nested-loop lookup.
  Join,
  /// column IS NOT NULL: only ever the predicate of a partial index.
  NotNull,
};

struct Predicate {
  PredicateKind Kind = PredicateKind::Equality;
  /// The alias of the relation the predicate restricts.
  std::string Alias;
  /// The column, or empty for an expression over the relation's columns.
  std::string Column;
  /// An expression key, without the alias: `lower((email)::text)`.
  std::string Expression;
  /// Join: the other relation's column.
  ColumnRef Other;
  /// Compared with a literal written in the query (not a parameter, another
  /// column or a function of the moment): a partial index may use it.
  bool Literal = false;
  /// The whole conjunct without the alias, as a partial index's WHERE:
  /// `(kind_id = 1)`.
  std::string Text;

  /// A Join seen from the other relation: `t.id = mc.movie_id` for
  /// `mc.movie_id = t.id`.
  Predicate mirrored() const {
    Predicate M = *this;
    std::swap(M.Alias, M.Other.Alias);
    std::swap(M.Column, M.Other.Column);
    return M;
  }
};

/// The conjuncts of one qual as EXPLAIN prints it, that an index can serve:
/// `((t.kind_id = 1) AND (t.production_year > 2000))` gives two. Disjunctions
/// and comparisons between two expressions give none.
std::vector<Predicate> readQual(llvm::StringRef Qual);

/// The column of an entry of "Sort Key" or "Output" (`t.title`, `t.title
/// DESC`, or `title` with no alias in a one-relation query); None for an
/// expression.
llvm::Optional<ColumnRef> readColumnEntry(llvm::StringRef Entry);

/// One base relation a plan scans.
struct RelationScan {
  std::string Schema;
  std::string Name;
  std::string Alias;
  /// What the plan asks of the relation's rows, across all its quals.
  std::vector<Predicate> Predicates;
  /// The columns a Sort directly over this relation alone sorts by.
  std::vector<std::string> SortColumns;
  /// The columns the plan reads from the relation (its scan's Output).
  std::vector<std::string> OutputColumns;
  /// The scan had an expression in its Output: no index-only scan.
  bool OutputHasExpression = false;
};

struct PlanSummary {
  double TotalCost = 0;
  std::vector<RelationScan> Relations;
  /// Every "Index Name" in the plan.
  std::vector<std::string> IndexNames;
};

/// Reads the output of EXPLAIN (VERBOSE, FORMAT JSON).
llvm::Expected<PlanSummary> readPlan(llvm::StringRef ExplainJSON);

} // namespace advisor
} // namespace bk

#endif // BK_INDEXADVISOR_PLAN_H
