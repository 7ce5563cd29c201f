//===- Plan.cpp - What an EXPLAIN plan asks of indexes --------------------===//
//
// Reads EXPLAIN (VERBOSE, FORMAT JSON) output. Quals are read from the
// server's own deparsed text (ruleutils.c), which is regular: every
// operator expression is parenthesised, AND lists are flat, columns are
// `alias.column` with names quoted only when they must be.
//
//===----------------------------------------------------------------------===//

#include "bk/IndexAdvisor/Plan.h"

#include "bk/SQL/Tokens.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/JSON.h"

using namespace llvm;

namespace bk {
namespace advisor {

using sql::forEachTopLevel;
using sql::Token;
using sql::TokenKind;
using TokenRange = ArrayRef<Token>;

namespace {

bool isOpen(const Token &T) {
  return T.isPunctuation('(') || T.isPunctuation('[');
}
bool isClose(const Token &T) {
  return T.isPunctuation(')') || T.isPunctuation(']');
}

/// The index of the bracket closing the one at Open, or T.size().
size_t closing(TokenRange T, size_t Open) {
  unsigned Depth = 0;
  for (size_t I = Open; I < T.size(); ++I) {
    if (isOpen(T[I]))
      ++Depth;
    else if (isClose(T[I]) && --Depth == 0)
      return I;
  }
  return T.size();
}

TokenRange stripParens(TokenRange T) {
  while (T.size() >= 2 && T.front().isPunctuation('(') &&
         closing(T, 0) == T.size() - 1)
    T = T.slice(1, T.size() - 2);
  return T;
}

/// Whether T[I] starts `alias.column` (not `schema.function(`, not the
/// middle of `a.b.c`).
bool isColumnRefAt(TokenRange T, size_t I) {
  return I + 2 < T.size() && T[I].isName() && T[I + 1].isPunctuation('.') &&
         T[I + 2].isName() && (I == 0 || !T[I - 1].isPunctuation('.')) &&
         (I + 3 >= T.size() ||
          (!T[I + 3].isPunctuation('(') && !T[I + 3].isPunctuation('.')));
}

/// The text of T (tokens of Source) with every `alias.` before a column
/// removed: what the expression says inside an index on the relation.
std::string withoutAliases(TokenRange T) {
  if (T.empty())
    return "";
  std::string Out;
  const char *Pos = T.front().Text.begin();
  for (size_t I = 0; I < T.size(); ++I)
    if (isColumnRefAt(T, I)) {
      Out.append(Pos, T[I].Text.begin());
      Pos = T[I + 2].Text.begin();
      I += 2;
    }
  Out.append(Pos, T.back().Text.end());
  return Out;
}

/// Casts that do not change what a column's index can serve: the server
/// prints a varchar column compared with text as `(c)::text`, a binary
/// relabelling. (char(n) and name to text are functions: not these.)
bool isRelabelCast(TokenRange Type) {
  if (!Type.empty() && Type.back().isPunctuation(']'))
    return false;
  std::string Name;
  for (const Token &T : Type)
    Name += (Name.empty() ? "" : " ") + T.Text.lower();
  return Name == "text" || Name == "character varying" || Name == "varchar";
}

enum class OperandKind { Column, Expression, Value, Other };

struct Operand {
  OperandKind Kind = OperandKind::Other;
  ColumnRef Column;
  /// Expression: its text without the alias.
  std::string Expression;
  /// Value: a literal written in the query.
  bool Literal = false;
};

Operand readOperand(TokenRange T) {
  Operand O;
  T = stripParens(T);
  if (T.empty())
    return O;
  // A column under a relabelling cast is the column.
  size_t Cast = T.size();
  forEachTopLevel(T, [&](size_t I) {
    if (T[I].is(TokenKind::Operator) && T[I].Text == "::") {
      Cast = I;
      return false;
    }
    return true;
  });
  TokenRange Head = stripParens(T.take_front(Cast));
  if (Cast < T.size() && Head.size() == 3 && isColumnRefAt(Head, 0) &&
      isRelabelCast(T.drop_front(Cast + 1)))
    T = Head;
  if (T.size() == 3 && isColumnRefAt(T, 0)) {
    O.Kind = OperandKind::Column;
    O.Column = {T[0].name(), T[2].name()};
    return O;
  }
  StringSet<> Aliases;
  bool Literal = true;
  for (size_t I = 0; I < T.size(); ++I) {
    if (isColumnRefAt(T, I)) {
      Aliases.insert(T[I].name());
      I += 2;
      continue;
    }
    const Token &Tok = T[I];
    if (Tok.is(TokenKind::Parameter) || Tok.isPunctuation('(') ||
        (Tok.is(TokenKind::Word) && !Tok.isWord("true") &&
         !Tok.isWord("false") && !Tok.isWord("null") && !Tok.isWord("array") &&
         !(I > 0 && T[I - 1].is(TokenKind::Operator) && T[I - 1].Text == "::")))
      Literal = false;
  }
  // Type names after '::' may be several words (`character varying`).
  if (Aliases.empty()) {
    O.Kind = OperandKind::Value;
    O.Literal = Literal;
    return O;
  }
  if (Aliases.size() == 1) {
    O.Kind = OperandKind::Expression;
    O.Column.Alias = Aliases.begin()->getKey().str();
    O.Expression = withoutAliases(T);
  }
  return O;
}

bool readConjunct(TokenRange Whole, Predicate &P) {
  TokenRange T = stripParens(Whole);
  bool HasOr = false;
  forEachTopLevel(T, [&](size_t I) {
    HasOr |= T[I].isWord("or") || (I == 0 && T[I].isWord("not"));
    return !HasOr;
  });
  if (HasOr || T.empty())
    return false;
  auto SetTarget = [&](const Operand &O) {
    P.Alias = O.Column.Alias;
    if (O.Kind == OperandKind::Column)
      P.Column = O.Column.Column;
    else
      P.Expression = O.Expression;
  };
  P.Text = "(" + withoutAliases(T) + ")";
  // x IS [NOT] NULL.
  size_t N = T.size();
  if (N >= 3 && T[N - 1].isWord("null")) {
    bool Not = T[N - 2].isWord("not");
    size_t Is = N - (Not ? 3 : 2);
    if (Is == 0 || !T[Is].isWord("is"))
      return false;
    Operand O = readOperand(T.take_front(Is));
    if (O.Kind != OperandKind::Column && O.Kind != OperandKind::Expression)
      return false;
    P.Kind = Not ? PredicateKind::NotNull : PredicateKind::Equality;
    P.Literal = true;
    SetTarget(O);
    return true;
  }
  size_t Op = N;
  forEachTopLevel(T, [&](size_t I) {
    if (T[I].is(TokenKind::Operator) && T[I].Text != "::" && I > 0) {
      Op = I;
      return false;
    }
    return true;
  });
  if (Op == N)
    return false;
  StringRef OpText = T[Op].Text;
  TokenRange L = T.take_front(Op), R = T.drop_front(Op + 1);
  bool Any = false;
  if (R.size() >= 3 && (R[0].isWord("any") || R[0].isWord("some")) &&
      R[1].isPunctuation('(') && closing(R, 1) == R.size() - 1) {
    Any = true;
    R = R.slice(2, R.size() - 3);
  }
  Operand LO = readOperand(L), RO = readOperand(R);
  if (LO.Kind == OperandKind::Value)
    std::swap(LO, RO);
  bool Equality = OpText == "=";
  bool Range = !Any && (OpText == "<" || OpText == "<=" || OpText == ">" ||
                        OpText == ">=");
  if (!Equality && !Range)
    return false;
  if (LO.Kind == OperandKind::Column && RO.Kind == OperandKind::Column) {
    if (!Equality || Any || LO.Column.Alias == RO.Column.Alias)
      return false;
    P.Kind = PredicateKind::Join;
    SetTarget(LO);
    P.Other = RO.Column;
    return true;
  }
  if ((LO.Kind != OperandKind::Column && LO.Kind != OperandKind::Expression) ||
      RO.Kind != OperandKind::Value)
    return false;
  P.Kind = Equality ? PredicateKind::Equality : PredicateKind::Range;
  P.Literal = RO.Literal;
  SetTarget(LO);
  return true;
}

void readConjuncts(TokenRange T, std::vector<Predicate> &Out) {
  T = stripParens(T);
  std::vector<size_t> Ands;
  forEachTopLevel(T, [&](size_t I) {
    if (T[I].isWord("and"))
      Ands.push_back(I);
    return true;
  });
  if (Ands.empty()) {
    Predicate P;
    if (readConjunct(T, P))
      Out.push_back(std::move(P));
    return;
  }
  size_t Begin = 0;
  Ands.push_back(T.size());
  for (size_t And : Ands) {
    readConjuncts(T.slice(Begin, And - Begin), Out);
    Begin = And + 1;
  }
}

} // namespace

/// Whether T reads as one expression could: no scanner error, no ';',
/// brackets balanced and matched. The server's quals always do; anything
/// else is not read at all, so no candidate can carry it into SQL.
static bool isWellFormed(TokenRange T) {
  std::string Open;
  for (const Token &Tok : T) {
    if (Tok.is(TokenKind::Error) || Tok.isPunctuation(';'))
      return false;
    if (isOpen(Tok)) {
      Open += Tok.Text.front();
    } else if (isClose(Tok)) {
      if (Open.empty() || Open.back() != (Tok.Text.front() == ')' ? '(' : '['))
        return false;
      Open.pop_back();
    }
  }
  return Open.empty();
}

std::vector<Predicate> readQual(StringRef Qual) {
  std::vector<Token> Tokens = sql::tokenize(Qual);
  std::vector<Predicate> Out;
  if (!isWellFormed(Tokens))
    return Out;
  readConjuncts(Tokens, Out);
  return Out;
}

Optional<ColumnRef> readColumnEntry(StringRef Entry) {
  std::vector<Token> Tokens = sql::tokenize(Entry);
  if (!isWellFormed(Tokens))
    return None;
  TokenRange T = Tokens;
  // `t.title DESC NULLS LAST`, `t.title USING <`.
  for (size_t I = 0; I < T.size(); ++I)
    if (T[I].isWord("desc") || T[I].isWord("asc") || T[I].isWord("nulls") ||
        T[I].isWord("using")) {
      T = T.take_front(I);
      break;
    }
  // EXPLAIN leaves a column unqualified when the query has one relation.
  TokenRange Bare = stripParens(T);
  if (Bare.size() == 1 && Bare[0].isName() && !Bare[0].isWord("null") &&
      !Bare[0].isWord("true") && !Bare[0].isWord("false"))
    return ColumnRef{"", Bare[0].name()};
  Operand O = readOperand(T);
  if (O.Kind != OperandKind::Column)
    return None;
  return O.Column;
}

namespace {

/// Qual fields of plan nodes that restrict or join base relations.
const char *const QualFields[] = {"Filter",    "Index Cond", "Recheck Cond",
                                  "Hash Cond", "Merge Cond", "Join Filter",
                                  "TID Cond",  "Order By"};

class PlanReader {
public:
  explicit PlanReader(PlanSummary &Out) : Out(Out) {}

  /// Reads Node and its children; returns the aliases of the base
  /// relations under it.
  std::vector<std::string> walk(const json::Object &Node) {
    std::vector<std::string> Below;
    if (Optional<StringRef> Rel = Node.getString("Relation Name")) {
      RelationScan S;
      S.Name = Rel->str();
      S.Schema = Node.getString("Schema").getValueOr("public").str();
      S.Alias = Node.getString("Alias").getValueOr(*Rel).str();
      if (const json::Array *Output = Node.getArray("Output"))
        for (const json::Value &V : *Output)
          if (Optional<StringRef> Entry = V.getAsString()) {
            if (Optional<ColumnRef> C = readColumnEntry(*Entry);
                C && (C->Alias.empty() || C->Alias == S.Alias))
              S.OutputColumns.push_back(C->Column);
            else
              S.OutputHasExpression = true;
          }
      Below.push_back(S.Alias);
      Out.Relations.push_back(std::move(S));
    }
    if (Optional<StringRef> Index = Node.getString("Index Name"))
      Out.IndexNames.push_back(Index->str());
    for (const char *Field : QualFields)
      if (Optional<StringRef> Qual = Node.getString(Field))
        for (Predicate &P : readQual(*Qual))
          Pending.push_back(std::move(P));
    if (const json::Array *Plans = Node.getArray("Plans"))
      for (const json::Value &Child : *Plans)
        if (const json::Object *C = Child.getAsObject())
          for (std::string &A : walk(*C))
            Below.push_back(std::move(A));
    StringRef Type = Node.getString("Node Type").getValueOr("");
    if ((Type == "Sort" || Type == "Incremental Sort") && Below.size() == 1)
      if (const json::Array *Keys = Node.getArray("Sort Key"))
        for (const json::Value &V : *Keys)
          if (Optional<StringRef> Entry = V.getAsString())
            if (Optional<ColumnRef> C = readColumnEntry(*Entry))
              if (C->Alias == Below.front())
                SortKeys.push_back(*C);
    return Below;
  }

  /// Gives each relation the predicates and sort keys naming its alias.
  void attach() {
    auto Find = [&](StringRef Alias) -> RelationScan * {
      for (RelationScan &S : Out.Relations)
        if (S.Alias == Alias)
          return &S;
      return nullptr;
    };
    auto Add = [](RelationScan &S, Predicate P) {
      for (const Predicate &Q : S.Predicates)
        if (Q.Kind == P.Kind && Q.Column == P.Column &&
            Q.Expression == P.Expression && Q.Text == P.Text)
          return;
      S.Predicates.push_back(std::move(P));
    };
    for (Predicate &P : Pending) {
      if (P.Kind == PredicateKind::Join)
        if (RelationScan *S = Find(P.Other.Alias))
          Add(*S, P.mirrored());
      if (RelationScan *S = Find(P.Alias))
        Add(*S, std::move(P));
    }
    for (const ColumnRef &C : SortKeys)
      if (RelationScan *S = Find(C.Alias))
        if (!is_contained(S->SortColumns, C.Column))
          S->SortColumns.push_back(C.Column);
  }

private:
  PlanSummary &Out;
  std::vector<Predicate> Pending;
  std::vector<ColumnRef> SortKeys;
};

} // namespace

Expected<PlanSummary> readPlan(StringRef ExplainJSON) {
  Expected<json::Value> V = json::parse(ExplainJSON);
  if (!V)
    return createStringError(inconvertibleErrorCode(),
                             "EXPLAIN output is not JSON: " +
                                 toString(V.takeError()));
  const json::Array *Top = V->getAsArray();
  const json::Object *Root =
      Top && !Top->empty() ? (*Top)[0].getAsObject() : nullptr;
  const json::Object *Plan = Root ? Root->getObject("Plan") : nullptr;
  if (!Plan)
    return createStringError(inconvertibleErrorCode(),
                             "EXPLAIN output has no plan");
  PlanSummary Out;
  Out.TotalCost = Plan->getNumber("Total Cost").getValueOr(0);
  PlanReader Reader(Out);
  Reader.walk(*Plan);
  Reader.attach();
  return Out;
}

} // namespace advisor
} // namespace bk
