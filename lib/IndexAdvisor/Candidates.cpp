//===- Candidates.cpp - Indexes worth trying ------------------------------===//

#include "bk/IndexAdvisor/Candidates.h"

#include "bk/Lint/SchemaLintUtils.h"
#include "bk/SQL/Tokens.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>

using namespace llvm;

namespace bk {
namespace advisor {

std::string IndexCandidate::identity() const {
  std::string Out = Schema + "." + Table + "(";
  for (const Key &K : Keys)
    Out += (K.IsExpression ? "(" + K.Text + ")" : K.Text) + ",";
  Out += ")";
  if (!Include.empty())
    Out += " include " + join(Include, ",");
  if (!Where.empty())
    Out += " where " + lint::normalizePredicate(Where);
  return Out;
}

StringRef IndexCandidate::kind() const {
  if (!Where.empty())
    return "partial";
  if (!Include.empty())
    return "covering";
  if (any_of(Keys, [](const Key &K) { return K.IsExpression; }))
    return "expression";
  return Keys.size() == 1 ? "single-column" : "composite";
}

std::string IndexCandidate::createSQL(StringRef Name, bool Concurrently) const {
  std::string Out = "CREATE INDEX ";
  if (Concurrently)
    Out += "CONCURRENTLY IF NOT EXISTS ";
  if (!Name.empty())
    Out += schema::quoteIdentifier(Name) + " ";
  Out += "ON " + schema::quoteIdentifier(Schema) + "." +
         schema::quoteIdentifier(Table) + " (";
  for (size_t I = 0; I < Keys.size(); ++I)
    Out += (I ? ", " : "") + (Keys[I].IsExpression
                                  ? "(" + Keys[I].Text + ")"
                                  : schema::quoteIdentifier(Keys[I].Text));
  Out += ")";
  if (!Include.empty()) {
    Out += " INCLUDE (";
    for (size_t I = 0; I < Include.size(); ++I)
      Out += (I ? ", " : "") + schema::quoteIdentifier(Include[I]);
    Out += ")";
  }
  if (!Where.empty())
    Out += " WHERE " + Where;
  return Out;
}

/// PostgreSQL names an expression key after its outermost function, else
/// "expr" (FigureColname).
static std::string keyName(const IndexCandidate::Key &K) {
  if (!K.IsExpression)
    return K.Text;
  std::vector<sql::Token> T = sql::tokenize(K.Text);
  if (T.size() >= 2 && T[0].is(sql::TokenKind::Word) && T[1].isPunctuation('('))
    return T[0].Text.lower();
  return "expr";
}

std::string IndexCandidate::chooseName(
    const std::function<bool(StringRef)> &IsTaken) const {
  std::vector<std::string> Names;
  for (const Key &K : Keys)
    Names.push_back(keyName(K));
  // PostgreSQL names an index after its included columns too.
  Names.insert(Names.end(), Include.begin(), Include.end());
  return schema::chooseName(Table, schema::nameAddition(Names), "idx", IsTaken);
}

namespace {

class CandidateSet {
public:
  CandidateSet(const RelationScan &R, const CandidateOptions &Opts)
      : R(R), Opts(Opts) {}

  void add(std::vector<IndexCandidate::Key> Keys,
           std::vector<std::string> Include = {}, std::string Where = "") {
    IndexCandidate C;
    C.Schema = R.Schema;
    C.Table = R.Name;
    StringSet<> Seen;
    for (IndexCandidate::Key &K : Keys)
      if (C.Keys.size() < Opts.MaxKeys &&
          Seen.insert((K.IsExpression ? "(" : "") + K.Text).second)
        C.Keys.push_back(std::move(K));
    if (C.Keys.empty())
      return;
    C.Include = std::move(Include);
    C.Where = std::move(Where);
    if (Identities.insert(C.identity()).second)
      Out.push_back(std::move(C));
  }

  std::vector<IndexCandidate> take() { return std::move(Out); }

private:
  const RelationScan &R;
  const CandidateOptions &Opts;
  StringSet<> Identities;
  std::vector<IndexCandidate> Out;
};

using KeyList = std::vector<IndexCandidate::Key>;

KeyList columns(ArrayRef<std::string> Names) {
  KeyList Out;
  for (const std::string &N : Names)
    Out.push_back({N, false});
  return Out;
}

KeyList concat(KeyList A, const KeyList &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

void addUnique(std::vector<std::string> &V, StringRef S) {
  if (!is_contained(V, S))
    V.push_back(S.str());
}

} // namespace

std::vector<IndexCandidate> candidatesFor(const RelationScan &R,
                                          const StatisticsMap &Stats,
                                          const CandidateOptions &Opts) {
  auto StatsOf = [&](StringRef Column) -> ColumnStatistics {
    auto It = Stats.find((R.Schema + "." + R.Name + "." + Column).str());
    return It == Stats.end() ? ColumnStatistics() : It->second;
  };
  std::vector<std::string> Equal, Range, Join, Used;
  KeyList Expressions;
  for (const Predicate &P : R.Predicates) {
    if (!P.Column.empty())
      addUnique(Used, P.Column);
    if (!P.Expression.empty()) {
      if (P.Kind == PredicateKind::Equality || P.Kind == PredicateKind::Range)
        Expressions.push_back({P.Expression, true});
      continue;
    }
    switch (P.Kind) {
    case PredicateKind::Equality:
      addUnique(Equal, P.Column);
      break;
    case PredicateKind::Range:
      addUnique(Range, P.Column);
      break;
    case PredicateKind::Join:
      addUnique(Join, P.Column);
      break;
    case PredicateKind::NotNull:
      break;
    }
  }
  // The most selective equality first: it narrows the scan the most.
  std::stable_sort(Equal.begin(), Equal.end(),
                   [&](const std::string &A, const std::string &B) {
                     return StatsOf(A).Distinct > StatsOf(B).Distinct;
                   });

  CandidateSet Set(R, Opts);
  for (const std::vector<std::string> *List : {&Join, &Equal, &Range})
    for (const std::string &C : *List)
      Set.add(columns(C));
  KeyList E = columns(Equal);
  KeyList Widest;
  auto Composite = [&](KeyList Keys) {
    if (Keys.size() > Widest.size())
      Widest = Keys;
    Set.add(std::move(Keys));
  };
  if (Equal.size() >= 2)
    Composite(E);
  if (!Equal.empty() && !Range.empty())
    Composite(concat(E, columns(Range.front())));
  if (!R.SortColumns.empty())
    Composite(concat(E, columns(R.SortColumns)));
  // A parameterised lookup by the join key, narrowed by the filters.
  for (const std::string &J : Join) {
    if (!Equal.empty())
      Composite(concat(columns(J), E));
    if (!Range.empty())
      Composite(concat(concat(columns(J), E), columns(Range.front())));
  }
  for (const IndexCandidate::Key &X : Expressions)
    Set.add({X});

  // Partial: a constant predicate on a column with few values, over the
  // other key the query needs.
  for (const Predicate &P : R.Predicates) {
    if (P.Column.empty() || !P.Literal ||
        (P.Kind != PredicateKind::Equality && P.Kind != PredicateKind::NotNull))
      continue;
    ColumnStatistics S = StatsOf(P.Column);
    bool Few = S.Distinct > 0 && S.Distinct <= Opts.LowCardinality;
    bool NullTest = StringRef(P.Text).endswith_insensitive("NULL)");
    if (!Few && !NullTest)
      continue;
    auto Other = [&]() -> Optional<std::string> {
      const std::vector<std::string> *Lists[] = {&Join, &Equal, &Range,
                                                 &R.SortColumns};
      for (const std::vector<std::string> *List : Lists)
        for (const std::string &C : *List)
          if (C != P.Column)
            return C;
      return None;
    };
    if (Optional<std::string> Key = Other())
      Set.add(columns(*Key), {}, P.Text);
  }

  // Covering: the widest key plus the few other columns the query reads.
  if (Widest.empty() && !Used.empty())
    Widest = columns(Used.front());
  if (!Widest.empty() && !R.OutputHasExpression) {
    std::vector<std::string> Rest;
    double Width = 0;
    const std::vector<std::string> *Read[] = {&R.OutputColumns, &Used};
    for (const std::vector<std::string> *List : Read)
      for (const std::string &C : *List)
        if (none_of(Widest,
                    [&](const IndexCandidate::Key &K) {
                      return !K.IsExpression && K.Text == C;
                    }) &&
            !is_contained(Rest, C)) {
          Rest.push_back(C);
          Width += StatsOf(C).Width;
        }
    if (!Rest.empty() && Rest.size() <= Opts.MaxInclude &&
        Width <= Opts.MaxIncludeWidth)
      Set.add(Widest, Rest);
  }
  return Set.take();
}

bool isServedByExistingIndex(const schema::Catalog &C,
                             const IndexCandidate &Cand) {
  const schema::Table *T = C.findTable(Cand.Schema, Cand.Table);
  if (!T)
    return false;
  for (const lint::TableIndex &I : lint::getTableIndexes(C, *T)) {
    // A unique index on the leading column alone already finds the one row
    // any lookup of Cand's keys can find: more keys or included columns
    // would only save that row's heap visit, for a second index's writes.
    if (I.Unique && I.Keys.size() == 1 && !I.KeyIsExpression[0] &&
        !I.isPartial() && !Cand.Keys[0].IsExpression &&
        I.Keys[0] == Cand.Keys[0].Text)
      return true;
    if (I.Method != "btree" ||
        lint::normalizePredicate(I.Where) !=
            lint::normalizePredicate(Cand.Where) ||
        I.Keys.size() < Cand.Keys.size())
      continue;
    std::vector<lint::IndexKeyShape> Shapes = lint::getKeyShapes(I, *T);
    bool Prefix = true;
    for (size_t K = 0; K < Cand.Keys.size() && Prefix; ++K)
      Prefix = Shapes[K].Text == Cand.Keys[K].Text &&
               Shapes[K].IsExpression == Cand.Keys[K].IsExpression &&
               Shapes[K].OpClass.empty() && Shapes[K].Collation.empty();
    if (!Prefix)
      continue;
    bool Covers = all_of(Cand.Include, [&](const std::string &Col) {
      return is_contained(I.Keys, Col) || is_contained(I.Include, Col);
    });
    if (Covers)
      return true;
  }
  return false;
}

} // namespace advisor
} // namespace bk
