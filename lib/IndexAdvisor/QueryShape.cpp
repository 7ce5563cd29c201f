//===- QueryShape.cpp - What a query asks of its tables, without a server -===//
//
// For --suggest-indexes with --schema instead of a connection: a query's
// text is read as far as a plan would say it — the tables of its FROM list
// (and of UPDATE/DELETE), their aliases, and the conjuncts of its WHERE and
// JOIN ... ON conditions, with unqualified columns resolved through the
// schema — into the same RelationScans the plan reader gives. Only what is
// read with certainty counts: subqueries, CTEs, views and set operations
// are left out.
//
//===----------------------------------------------------------------------===//

#include "bk/IndexAdvisor/Offline.h"

#include "bk/SQL/Tokens.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace bk {
namespace advisor {

using sql::forEachTopLevel;
using sql::Token;
using sql::TokenKind;
using TokenRange = ArrayRef<Token>;

namespace {

/// Words that end a clause (or the FROM list) at depth 0.
bool isClauseWord(const Token &T) {
  if (!T.is(TokenKind::Word))
    return false;
  return StringSwitch<bool>(T.Text.lower())
      .Cases("from", "where", "group", "having", "order", "limit", true)
      .Cases("offset", "fetch", "for", "union", "intersect", "except", true)
      .Cases("window", "returning", "set", "using", true)
      .Default(false);
}

bool isJoinWord(const Token &T) {
  if (!T.is(TokenKind::Word))
    return false;
  return StringSwitch<bool>(T.Text.lower())
      .Cases("join", "inner", "left", "right", "full", "outer", true)
      .Cases("cross", "natural", "lateral", true)
      .Default(false);
}

struct Clauses {
  /// Token ranges [begin, end) of each clause's body, by its first word.
  StringMap<std::pair<size_t, size_t>> Ranges;
};

Clauses splitClauses(TokenRange T) {
  Clauses C;
  std::string Current;
  size_t Begin = 0;
  auto Close = [&](size_t End) {
    if (!Current.empty() && !C.Ranges.count(Current))
      C.Ranges[Current] = {Begin, End};
  };
  forEachTopLevel(T, [&](size_t I) {
    if (isClauseWord(T[I])) {
      Close(I);
      Current = T[I].Text.lower();
      Begin = I + 1;
      // GROUP BY, ORDER BY.
      if (I + 1 < T.size() && T[I + 1].isWord("by"))
        Begin = I + 2;
    }
    return true;
  });
  Close(T.size());
  return C;
}

class ShapeReader {
public:
  ShapeReader(const schema::Catalog &C, StringRef DefaultSchema)
      : C(C), DefaultSchema(DefaultSchema) {}

  bool read(TokenRange T, std::string &Problem);
  std::vector<RelationScan> take() { return std::move(Relations); }

private:
  struct Item {
    const schema::Table *Table = nullptr;
    size_t Relation = 0;
  };

  /// FROM items separated by ',' and JOINs; ON conditions go to Conditions.
  bool readFromList(TokenRange T, std::string &Problem);
  /// One `[schema.]table [[AS] alias]`.
  bool addTable(TokenRange T, std::string &Problem);
  /// Conjuncts of T as qual text with every column alias-qualified.
  void readCondition(TokenRange T);
  std::string qualified(TokenRange T);
  void addConjunct(TokenRange T);

  const schema::Catalog &C;
  StringRef DefaultSchema;
  std::vector<RelationScan> Relations;
  std::vector<Item> Items;
};

bool ShapeReader::addTable(TokenRange T, std::string &Problem) {
  if (T.empty() || !T[0].isName())
    return true; // a subquery or function: nothing certain to read
  std::string Schema = DefaultSchema.str(), Name = T[0].name();
  size_t I = 1;
  if (T.size() >= 3 && T[1].isPunctuation('.') && T[2].isName()) {
    Schema = Name;
    Name = T[2].name();
    I = 3;
  }
  if (I < T.size() && T[I].isWord("as"))
    ++I;
  std::string Alias = I < T.size() && T[I].isName() ? T[I].name() : Name;
  const schema::Table *Table = C.findTable(Schema, Name);
  if (!Table)
    return true; // a view or CTE: its tables are not seen
  RelationScan R;
  R.Schema = Schema;
  R.Name = Name;
  R.Alias = Alias;
  // No Output list to read: no covering candidate.
  R.OutputHasExpression = true;
  Items.push_back({Table, Relations.size()});
  Relations.push_back(std::move(R));
  return true;
}

bool ShapeReader::readFromList(TokenRange T, std::string &Problem) {
  size_t Begin = 0;
  std::vector<TokenRange> Conditions;
  auto Flush = [&](size_t End) -> bool {
    TokenRange Item = T.slice(Begin, End - Begin);
    // `... ON cond` or `... USING (cols)`.
    size_t On = Item.size();
    for (size_t J = 0; J < Item.size(); ++J)
      if (Item[J].isWord("on") || Item[J].isWord("using")) {
        On = J;
        break;
      }
    if (On < Item.size() && Item[On].isWord("on"))
      Conditions.push_back(Item.drop_front(On + 1));
    return addTable(Item.take_front(On), Problem);
  };
  bool OK = true;
  forEachTopLevel(T, [&](size_t I) {
    if (T[I].isPunctuation(',') || isJoinWord(T[I])) {
      if (I > Begin && !Flush(I))
        return OK = false;
      Begin = I + 1;
    }
    return true;
  });
  if (!OK || (T.size() > Begin && !Flush(T.size())))
    return false;
  for (TokenRange Cond : Conditions)
    readCondition(Cond);
  return true;
}

std::string ShapeReader::qualified(TokenRange T) {
  std::string Out;
  for (size_t I = 0; I < T.size(); ++I) {
    const Token &Tok = T[I];
    bool Qualified = I > 0 && T[I - 1].isPunctuation('.');
    bool Call = I + 1 < T.size() && T[I + 1].isPunctuation('(');
    bool Prefix = I + 1 < T.size() && T[I + 1].isPunctuation('.');
    // Unquoted names fold to lower case, as the server folds them.
    std::string Text =
        Tok.is(TokenKind::Word) ? Tok.Text.lower() : Tok.Text.str();
    if (Tok.isName() && !Qualified && !Call && !Prefix) {
      // An unqualified column of exactly one table of the FROM list.
      const Item *Owner = nullptr;
      unsigned Owners = 0;
      for (const Item &It : Items)
        if (It.Table->findColumn(Tok.name())) {
          Owner = &It;
          ++Owners;
        }
      if (Owners == 1)
        Text = schema::quoteIdentifier(Relations[Owner->Relation].Alias) + "." +
               Text;
    }
    // Spaced as the server prints: `lower(email)`, `(a)::date`, `t.c`.
    bool Tight = I == 0 || Tok.isPunctuation('.') || Qualified ||
                 Tok.isPunctuation(')') || Tok.isPunctuation(']') ||
                 Tok.isPunctuation(',') || T[I - 1].isPunctuation('(') ||
                 T[I - 1].isPunctuation('[') || Tok.Text == "::" ||
                 T[I - 1].Text == "::" ||
                 ((Tok.isPunctuation('(') || Tok.isPunctuation('[')) &&
                  T[I - 1].isName());
    if (!Tight)
      Out += ' ';
    Out += Text;
  }
  return Out;
}

void ShapeReader::addConjunct(TokenRange T) {
  auto Add = [&](const std::string &Qual) {
    for (Predicate &P : readQual(Qual))
      for (RelationScan &R : Relations) {
        if (R.Alias == P.Alias)
          R.Predicates.push_back(P);
        if (P.Kind == PredicateKind::Join && R.Alias == P.Other.Alias)
          R.Predicates.push_back(P.mirrored());
      }
  };
  // x BETWEEN a AND b, x [NOT] IN (...).
  for (size_t I = 1; I < T.size(); ++I) {
    if (T[I].isWord("between")) {
      size_t And = I + 1;
      while (And < T.size() && !T[And].isWord("and"))
        ++And;
      std::string Lhs = qualified(T.take_front(I));
      Add("(" + Lhs + " >= " + qualified(T.slice(I + 1, And - I - 1)) + ")");
      if (And < T.size())
        Add("(" + Lhs + " <= " + qualified(T.drop_front(And + 1)) + ")");
      return;
    }
    if (T[I].isWord("in") && I + 1 < T.size() && T[I + 1].isPunctuation('(')) {
      if (T[I - 1].isWord("not"))
        return;
      bool Subquery = I + 2 < T.size() && T[I + 2].isWord("select");
      std::string List =
          Subquery
              ? "ARRAY[$1]"
              : "ARRAY[" + qualified(T.slice(I + 2, T.size() - I - 3)) + "]";
      Add("(" + qualified(T.take_front(I)) + " = ANY (" + List + "))");
      return;
    }
  }
  Add("(" + qualified(T) + ")");
}

void ShapeReader::readCondition(TokenRange T) {
  // Split at depth-0 AND, keeping BETWEEN's own AND.
  size_t Begin = 0;
  bool Between = false, Disjunction = false;
  forEachTopLevel(T, [&](size_t I) {
    if (T[I].isWord("between")) {
      Between = true;
    } else if (T[I].isWord("and")) {
      if (Between) {
        Between = false;
        return true;
      }
      addConjunct(T.slice(Begin, I - Begin));
      Begin = I + 1;
    } else if (T[I].isWord("or")) {
      Disjunction = true; // at the top: no conjunct is certain
      return false;
    }
    return true;
  });
  if (!Disjunction && T.size() > Begin)
    addConjunct(T.drop_front(Begin));
}

bool ShapeReader::read(TokenRange T, std::string &Problem) {
  if (T.empty())
    return false;
  if (T[0].isWord("with")) {
    Problem = "a query with WITH is read only through a server's plan";
    return false;
  }
  Clauses Cl = splitClauses(T);
  auto Range = [&](StringRef Clause) -> Optional<TokenRange> {
    auto It = Cl.Ranges.find(Clause);
    if (It == Cl.Ranges.end())
      return None;
    return T.slice(It->second.first, It->second.second - It->second.first);
  };
  if (T[0].isWord("update")) {
    size_t End = 1;
    while (End < T.size() && !T[End].isWord("set"))
      ++End;
    if (!addTable(T.slice(1, End - 1), Problem))
      return false;
  } else if (T[0].isWord("delete")) {
    if (Optional<TokenRange> From = Range("from"))
      if (!addTable(*From, Problem))
        return false;
  } else if (T[0].isWord("select") || T[0].isWord("table")) {
    if (Optional<TokenRange> From = Range("from"))
      if (!readFromList(*From, Problem))
        return false;
  } else {
    Problem = "not a SELECT, UPDATE or DELETE";
    return false;
  }
  if (Relations.empty()) {
    Problem = "no table of the schema is read";
    return false;
  }
  if (Optional<TokenRange> Where = Range("where"))
    readCondition(*Where);
  // The sort keys of a query over one table.
  if (Optional<TokenRange> Order = Range("order"); Order && Items.size() == 1)
    for (size_t I = 0; I < Order->size(); ++I)
      if ((*Order)[I].isName() && !(*Order)[I].isWord("desc") &&
          !(*Order)[I].isWord("asc") && !(*Order)[I].isWord("nulls") &&
          !(*Order)[I].isWord("first") && !(*Order)[I].isWord("last") &&
          (I + 1 == Order->size() || !(*Order)[I + 1].isPunctuation('.')) &&
          Items[0].Table->findColumn((*Order)[I].name()))
        Relations[0].SortColumns.push_back((*Order)[I].name());
  return true;
}

} // namespace

std::vector<RelationScan> readQueryShape(StringRef SQL,
                                         const schema::Catalog &C,
                                         StringRef DefaultSchema,
                                         std::string &Problem) {
  std::vector<Token> Tokens = sql::tokenize(SQL);
  while (!Tokens.empty() && Tokens.back().isPunctuation(';'))
    Tokens.pop_back();
  if (any_of(Tokens, [](const Token &T) {
        return T.is(TokenKind::Error) || T.isPunctuation(';');
      })) {
    Problem = "not one statement PostgreSQL's scanner reads";
    return {};
  }
  ShapeReader Reader(C, DefaultSchema);
  if (!Reader.read(Tokens, Problem))
    return {};
  return Reader.take();
}

} // namespace advisor
} // namespace bk
