//===- LowCardinalityIndexRule.cpp - low-cardinality-index ----------------===//
//
// A plain (non-unique, non-partial) btree or hash CREATE INDEX whose first key
// is a boolean column, or a column of an enum type with at most four labels,
// matches a large share of the table for each value: the planner rarely uses
// it, yet every write pays for it. A partial index on the rare value serves
// those lookups better. Indexes annotated `-- bk:allow low-cardinality-index`
// are exempt.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/LowCardinalityIndexRule.h"

#include "bk/Lint/SchemaLintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <string>
#include <vector>

using namespace llvm;

namespace bk {

/// Enums with at most this many labels count as low-cardinality.
static constexpr size_t MaxEnumLabels = 4;

static constexpr char RuleID[] = "low-cardinality-index";

/// Whether an annotation says `bk:allow` for this rule (more ids may follow,
/// separated by spaces or commas).
static bool isAllowed(const schema::Index &Idx) {
  for (const std::string &A : Idx.Annotations) {
    StringRef Rest = StringRef(A).trim();
    if (!Rest.consume_front("bk:allow"))
      continue;
    SmallVector<StringRef, 4> Words;
    SplitString(Rest, Words, " \t,");
    if (is_contained(Words, StringRef(RuleID)))
      return true;
  }
  return false;
}

/// The parts of a (possibly qualified, possibly quoted) type name, as names.
static std::vector<std::string> typeNameParts(StringRef Type) {
  std::vector<std::string> Parts;
  bool InQuotes = false;
  size_t Begin = 0;
  for (size_t I = 0; I < Type.size(); ++I) {
    if (Type[I] == '"')
      InQuotes = !InQuotes;
    else if (Type[I] == '.' && !InQuotes) {
      Parts.push_back(schema::normalizeIdentifier(Type.slice(Begin, I).trim()));
      Begin = I + 1;
    }
  }
  Parts.push_back(schema::normalizeIdentifier(Type.substr(Begin).trim()));
  return Parts;
}

/// The enum a column's type names: a qualified name in its schema, an
/// unqualified one in public (the search_path the catalog reader uses), then
/// in the table's schema.
static const schema::EnumType *findEnumType(const schema::Catalog &C,
                                            const schema::Schema &S,
                                            StringRef Type) {
  std::vector<std::string> Parts = typeNameParts(Type);
  if (Parts.size() >= 2) {
    const schema::Schema *In = C.findSchema(Parts[Parts.size() - 2]);
    return In ? In->findEnum(Parts.back()) : nullptr;
  }
  if (const schema::Schema *Public = C.findSchema("public"))
    if (const schema::EnumType *E = Public->findEnum(Parts.back()))
      return E;
  return S.findEnum(Parts.back());
}

/// A key as CREATE INDEX spells it.
static std::string keySQL(const schema::IndexKey &K) {
  std::string S =
      K.IsExpression ? "(" + K.Text + ")" : schema::quoteIdentifier(K.Text);
  if (!K.Collation.empty())
    S += " COLLATE " + schema::quoteIdentifier(K.Collation);
  if (!K.OpClass.empty())
    S += " " + K.OpClass;
  if (K.Order == schema::SortOrder::Asc)
    S += " ASC";
  else if (K.Order == schema::SortOrder::Desc)
    S += " DESC";
  if (K.Nulls == schema::NullsOrder::First)
    S += " NULLS FIRST";
  else if (K.Nulls == schema::NullsOrder::Last)
    S += " NULLS LAST";
  return S;
}

static std::string quoteLiteral(StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    Out += C;
    if (C == '\'')
      Out += '\'';
  }
  return Out + "'";
}

void LowCardinalityIndexRule::check(schema::Catalog &C,
                                    AnalysisManager<schema::Catalog> &AM) {
  for (const schema::Schema &S : C.Schemas) {
    for (const schema::Table &T : S.Tables) {
      for (const schema::Index &Idx : T.Indexes) {
        if (Idx.Unique || Idx.isPartial() || Idx.Keys.empty() || isAllowed(Idx))
          continue;
        StringRef Method =
            Idx.Method.empty() ? StringRef("btree") : StringRef(Idx.Method);
        if (!Method.equals_insensitive("btree") &&
            !Method.equals_insensitive("hash"))
          continue;
        const schema::IndexKey &First = Idx.Keys.front();
        if (First.IsExpression)
          continue;
        const schema::Column *Col = T.findColumn(First.Text);
        if (!Col)
          continue;

        // What the column holds, and the predicate that picks one value.
        std::string Holds, Predicate;
        std::string ColSQL = schema::quoteIdentifier(Col->Name);
        if (Col->Type == "boolean") {
          Holds = "boolean column '" + Col->Name + "', which has 2 values";
          Predicate = ColSQL;
        } else if (const schema::EnumType *E = findEnumType(C, S, Col->Type)) {
          if (E->Values.empty() || E->Values.size() > MaxEnumLabels)
            continue;
          std::vector<std::string> Labels;
          for (const std::string &V : E->Values)
            Labels.push_back("'" + V + "'");
          Holds = "enum column '" + Col->Name + "' (" +
                  utostr(E->Values.size()) +
                  (E->Values.size() == 1 ? " value: " : " values: ") +
                  join(Labels, ", ") + ")";
          Predicate = ColSQL + " = " + quoteLiteral(E->Values.front());
        } else {
          continue;
        }

        std::string Table = lint::qualifiedName(S, T);
        std::string TableSQL = schema::QualifiedName(S.Name, T.Name).sql();
        // CONCURRENTLY is refused on a partitioned table's indexes.
        StringRef Concurrently = T.isPartitioned() ? "" : "CONCURRENTLY ";
        std::string Msg = "index '" + Idx.Name + "' on " + Table +
                          " leads with " + Holds + "; ";
        Diagnostic D = finding(Idx.Location, "");
        if (Idx.Keys.size() == 1) {
          // Only the drop is machine-applicable: which partial index serves
          // the queries is the team's call.
          D.Fix = lint::dropIndexSQL(S, T, Idx.Name) + ";";
          D.Undo = lint::recreateIndexSQL(S, T, Idx);
          Msg += "the planner rarely uses it, yet every write pays for it: "
                 "DROP INDEX " +
                 Concurrently.str() +
                 schema::QualifiedName(S.Name, Idx.Name).sql() +
                 ", or a partial index on the rows you look for";
        } else {
          std::vector<std::string> Rest;
          for (const schema::IndexKey &K : drop_begin(Idx.Keys))
            Rest.push_back(keySQL(K));
          Msg += "a partial index serves the rare value better: CREATE INDEX " +
                 Concurrently.str() +
                 schema::quoteIdentifier(Idx.Name + "_partial") + " ON " +
                 TableSQL;
          if (!Method.equals_insensitive("btree"))
            Msg += " USING " + Method.lower();
          Msg += " " + lint::columnList(Rest);
          if (!Idx.Include.empty()) {
            std::vector<std::string> Include;
            for (const std::string &I : Idx.Include)
              Include.push_back(schema::quoteIdentifier(I));
            Msg += " INCLUDE " + lint::columnList(Include);
          }
          Msg += " WHERE " + Predicate;
        }
        D.Message = Msg;
        report(std::move(D));
      }
    }
  }
}

} // namespace bk
