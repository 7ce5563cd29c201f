//===- NPlusOneCheck.cpp - n-plus-one -------------------------------------===//
//
// The N+1 pattern: an application reads a list of parents, then one query
// per parent for its children. pg_stat_statements shows it as a statement
// shape with very many calls, few rows per call, and a parameterised
// equality on a foreign key column; its likely parent is a statement that
// reads many rows of the referenced table.
// Docs: docs/rules/n-plus-one.md
//
//===----------------------------------------------------------------------===//

#include "bk/Analyze/Checks.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Regex.h"

#include <map>

using namespace llvm;

namespace bk {
namespace analyze {

namespace {
/// A single-column foreign key, by the table and column that refer.
struct ForeignKey {
  std::string Name;
  std::string Table; ///< "public.order_items"
  std::string Column;
  std::string RefTable; ///< "public.orders"
};

/// One statement shape of pg_stat_statements.
struct Shape {
  std::string Query;
  int64_t Calls = 0;
  int64_t Rows = 0;
  double TotalMs = 0;
  std::string Table; ///< the first FROM table, schema-qualified
};
} // namespace

static std::string unquote(StringRef S) {
  if (S.size() >= 2 && S.front() == '"' && S.back() == '"')
    return S.drop_front().drop_back().str();
  return S.lower();
}

/// The schema-qualified table after the first FROM, or "" when there is none.
static std::string fromTable(StringRef Query) {
  static const Regex From(
      "[Ff][Rr][Oo][Mm][[:space:]]+(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)"
      "(\\.(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*))?");
  SmallVector<StringRef, 4> M;
  if (!From.match(Query, &M))
    return "";
  if (M.size() > 3 && !M[3].empty())
    return unquote(M[1]) + "." + unquote(M[3]);
  return "public." + unquote(M[1]);
}

/// The columns compared for equality with a parameter after WHERE
/// ("order_id = $1", "t.order_id=$2").
static std::vector<std::string> parameterEqualities(StringRef Query) {
  std::vector<std::string> Cols;
  size_t W = Query.lower().find("where");
  if (W == StringRef::npos)
    return Cols;
  StringRef Rest = Query.substr(W);
  static const Regex Eq("(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)[[:space:]]*=[["
                        ":space:]]*\\$[0-9]+");
  SmallVector<StringRef, 2> M;
  while (Eq.match(Rest, &M)) {
    Cols.push_back(unquote(M[1]));
    Rest = Rest.substr(M[0].data() - Rest.data() + M[0].size());
  }
  return Cols;
}

static std::string shorten(StringRef Query) {
  std::string Out;
  for (char C : Query)
    if (!isSpace(C) || (!Out.empty() && Out.back() != ' '))
      Out += isSpace(C) ? ' ' : C;
  if (Out.size() > 100)
    Out = Out.substr(0, 97) + "...";
  return Out;
}

Error NPlusOneCheck::run(db::Connection &Conn, const schema::Catalog &C,
                         const AnalyzeOptions &Opts,
                         std::vector<Diagnostic> &Out) {
  Expected<db::QueryResult> Ext = Conn.query(
      "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'");
  if (!Ext)
    return Ext.takeError();
  if (Ext->empty()) {
    Diagnostic D = finding(
        Conn, "pg_stat_statements is not installed in this database, so N+1 "
              "patterns cannot be seen: CREATE EXTENSION pg_stat_statements "
              "(with shared_preload_libraries = 'pg_stat_statements')");
    D.Sev = Severity::Note;
    Out.push_back(std::move(D));
    return Error::success();
  }

  std::map<std::pair<std::string, std::string>, ForeignKey> FKs;
  for (const schema::Schema &S : C.Schemas)
    for (const schema::Table &T : S.Tables)
      for (const schema::Constraint &K : T.Constraints)
        if (K.Kind == schema::ConstraintKind::ForeignKey &&
            K.Columns.size() == 1) {
          ForeignKey F{K.Name, S.Name + "." + T.Name, K.Columns[0],
                       (K.RefTable.Schema.empty() ? std::string("public")
                                                  : K.RefTable.Schema) +
                           "." + K.RefTable.Name};
          FKs.emplace(std::make_pair(F.Table, F.Column), F);
        }

  Expected<db::QueryResult> R = Conn.query(R"(
    SELECT query, calls, rows, total_exec_time AS total_ms
    FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database
                   WHERE datname = current_database())
    ORDER BY total_exec_time DESC, queryid
    LIMIT 2000)");
  if (!R)
    return R.takeError();
  std::vector<Shape> Shapes;
  for (size_t Row = 0; Row < R->size(); ++Row) {
    Shape S;
    S.Query = R->get(Row, "query");
    S.Calls = R->getInt(Row, "calls");
    S.Rows = R->getInt(Row, "rows");
    S.TotalMs = std::strtod(R->get(Row, "total_ms").c_str(), nullptr);
    S.Table = fromTable(S.Query);
    Shapes.push_back(std::move(S));
  }

  // Child shapes grouped by foreign key, in order of total time.
  std::vector<std::pair<const ForeignKey *, std::vector<const Shape *>>> Found;
  for (const Shape &S : Shapes) {
    if (S.Calls < Opts.NPlusOneMinCalls || S.Table.empty() ||
        double(S.Rows) / double(S.Calls) > 2.0)
      continue;
    for (const std::string &Col : parameterEqualities(S.Query)) {
      auto It = FKs.find({S.Table, Col});
      if (It == FKs.end())
        continue;
      auto G = llvm::find_if(
          Found, [&](const auto &P) { return P.first == &It->second; });
      if (G == Found.end())
        Found.push_back({&It->second, {&S}});
      else
        G->second.push_back(&S);
      break;
    }
  }

  for (const auto &[FK, Children] : Found) {
    int64_t Calls = 0, Rows = 0;
    double Ms = 0;
    for (const Shape *S : Children) {
      Calls += S->Calls;
      Rows += S->Rows;
      Ms += S->TotalMs;
    }
    // The likely parent: the statement reading the most rows of the
    // referenced table, several per call.
    const Shape *Parent = nullptr;
    for (const Shape &S : Shapes)
      if (S.Table == FK->RefTable && S.Calls && S.Rows > S.Calls &&
          (!Parent || S.Rows > Parent->Rows))
        Parent = &S;
    std::string Numbers;
    raw_string_ostream(Numbers)
        << Calls << " calls, " << format("%.1f", double(Rows) / double(Calls))
        << " rows per call, " << format("%.0f", Ms) << " ms in total";
    std::string Msg = "N+1 on " + FK->Table + " by " + FK->Column +
                      " (foreign key '" + FK->Name + "' to " + FK->RefTable +
                      "): " + Numbers + " for '" + shorten(Children[0]->Query) +
                      "'";
    if (Children.size() > 1)
      Msg += " and " + std::to_string(Children.size() - 1) + " similar shape" +
             (Children.size() > 2 ? "s" : "");
    if (Parent)
      Msg += "; likely parent: '" + shorten(Parent->Query) + "' (" +
             std::to_string(Parent->Calls) + " calls, " +
             std::to_string(Parent->Rows) + " rows)";
    Msg += "; fetch the children of all parents in one query (WHERE " +
           FK->Column + " = ANY($1), or a JOIN)";
    Out.push_back(finding(Conn, Msg));
  }
  return Error::success();
}

} // namespace analyze
} // namespace bk
