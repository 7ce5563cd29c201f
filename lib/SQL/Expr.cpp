//===- Expr.cpp - Canonical text of expressions, types and queries --------===//
//
// The canonical form (docs/SQL.md): tokens separated by single spaces, no
// space inside parentheses and brackets, before ',' or after '.', around
// '::', or between a function name and its '('; keywords upper case except
// true/false; identifiers normalised and quoted only when needed; type names
// through normalizeTypeName(); '!=' spelled '<>'; double parentheses
// collapsed and the expression's own outer parentheses dropped.
//
//===----------------------------------------------------------------------===//

#include "SQLInternal.h"

#include "bk/Schema/Schema.h"

using namespace llvm;

namespace bk {
namespace sql {

namespace {

enum class PieceKind {
  Word,  // keyword, literal, operator
  Ident, // identifier (a following '(' is a call)
  Call,  // keyword used as a function name (CAST, EXTRACT, ...)
  Open,  // ( [
  Close, // ) ]
  Comma,
  Dot,    // . ::
  Prefix, // unary sign: no space after
};

struct Piece {
  std::string Text;
  PieceKind Kind;
};

class Printer {
public:
  explicit Printer(const LexedBuffer &LB) : LB(LB) {}

  void print(antlr4::tree::ParseTree *T);
  std::string str() const;

private:
  void terminal(antlr4::tree::TerminalNode *N);
  void add(std::string Text, PieceKind K) {
    Pieces.push_back({std::move(Text), K});
  }

  const LexedBuffer &LB;
  std::vector<Piece> Pieces;
};

} // namespace

/// Raw text of a subtree with single spaces between tokens and none around
/// punctuation: the input normalizeTypeName() expects.
static std::string rawText(const LexedBuffer &LB, antlr4::tree::ParseTree *T) {
  std::string Out;
  antlr4::misc::Interval I = T->getSourceInterval();
  if (I.a < 0 || I.b < I.a)
    return Out;
  SQLTokenStream &Toks = LB.tokens();
  size_t PrevType = 0;
  for (size_t K = I.a; K <= size_t(I.b) && K < Toks.size(); ++K) {
    antlr4::Token *Tok = Toks.get(K);
    if (Tok->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
      continue;
    size_t Type = Tok->getType();
    bool Glue = Out.empty() || Type == P::LPAREN || Type == P::RPAREN ||
                Type == P::COMMA || Type == P::DOT || Type == P::LBRACKET ||
                Type == P::RBRACKET || PrevType == P::LPAREN ||
                PrevType == P::DOT || PrevType == P::LBRACKET ||
                PrevType == P::COMMA;
    if (!Glue)
      Out += ' ';
    Out += LB.tokenText(Tok).str();
    PrevType = Type;
  }
  return Out;
}

std::string canonicalType(const LexedBuffer &LB, P::TypeNameContext *T) {
  if (!T)
    return "";
  return schema::normalizeTypeName(rawText(LB, T));
}

/// Words of queries the grammar has no token for (opaque runs only).
static bool isQueryKeyword(StringRef W) {
  static const char *Words[] = {
      "join",      "left",      "right",     "inner",     "outer",
      "cross",     "natural",   "lateral",   "limit",     "offset",
      "union",     "intersect", "except",    "having",    "window",
      "recursive", "returning", "fetch",     "coalesce",  "nullif",
      "greatest",  "least",     "exists",    "filter",    "over",
      "partition", "rows",      "preceding", "following", "unbounded",
      "asc",       "desc",      "nulls",     "first",     "last",
      "interval",  "data",      "no",        "row",       "current",
      "range",     "groups",    "within",    "escape",    "at",
      "time",      "zone",      "timestamp", "similar",   "ilike",
      "like",      "isnull",    "notnull",   "is",        "collate",
      "extract",   "by"};
  for (const char *X : Words)
    if (W == X)
      return true;
  return false;
}

void Printer::terminal(antlr4::tree::TerminalNode *N) {
  antlr4::Token *Tok = N->getSymbol();
  if (!Tok)
    return;
  size_t Type = Tok->getType();
  if (Type == antlr4::Token::EOF)
    return;
  StringRef Text = LB.tokenText(Tok);
  auto *Parent = treeCast<antlr4::ParserRuleContext>(N->parent);
  bool Opaque = Parent && (treeCast<P::BalancedContext>(Parent) ||
                           treeCast<P::AnyTokensContext>(Parent) ||
                           treeCast<P::AtomicBodyContext>(Parent));
  // A name right after or before a '.' stays a name.
  if (Opaque && !Pieces.empty() && Pieces.back().Kind == PieceKind::Dot)
    Opaque = false;
  bool InIdentifier = Parent && (treeCast<P::IdentifierContext>(Parent));
  switch (Type) {
  case P::LPAREN:
  case P::LBRACKET:
    add(Text.str(), PieceKind::Open);
    return;
  case P::RPAREN:
  case P::RBRACKET:
    add(Text.str(), PieceKind::Close);
    return;
  case P::COMMA:
    add(",", PieceKind::Comma);
    return;
  case P::DOT:
  case P::TYPECAST:
    add(Text.str(), PieceKind::Dot);
    return;
  case P::NE:
    add("<>", PieceKind::Word);
    return;
  case P::IDENT:
    // An unquoted reserved word cannot be a name: it is a keyword the
    // grammar has no token for (JOIN, LIMIT, ...); so are the query words
    // of opaque token runs.
    if (schema::isReservedKeyword(Text.lower()) ||
        (Opaque && isQueryKeyword(Text.lower()))) {
      add(Text.upper(), PieceKind::Word);
      return;
    }
    add(schema::quoteIdentifier(schema::normalizeIdentifier(Text)),
        PieceKind::Ident);
    return;
  case P::QUOTED_IDENT:
    add(schema::quoteIdentifier(schema::normalizeIdentifier(Text)),
        PieceKind::Ident);
    return;
  case P::VALUE:
    add("VALUE", PieceKind::Word);
    return;
  case P::PLUS:
  case P::MINUS:
    if (Parent && (treeCast<P::UnaryContext>(Parent) ||
                   treeCast<P::BUnaryContext>(Parent) ||
                   treeCast<P::SignedNumberContext>(Parent))) {
      add(Text.str(), PieceKind::Prefix);
      return;
    }
    add(Text.str(), PieceKind::Word);
    return;
  case P::TRUE:
  case P::FALSE:
    add(Text.lower(), PieceKind::Word);
    return;
  default:
    break;
  }
  if (isKeywordToken(Type)) {
    // A keyword standing for a name (a column called "type") prints as the
    // name; in opaque token runs, unreserved keywords are names too.
    // In opaque token runs every keyword prints as a keyword: upper case
    // does not change what an unquoted name means.
    bool AsName = InIdentifier && !Opaque;
    if (Opaque && !isReservedToken(Type) && !isQueryKeyword(Text.lower())) {
      // An unreserved keyword in an opaque run: most likely a name.
      add(Text.lower(), PieceKind::Ident);
      return;
    }
    if (AsName) {
      add(schema::quoteIdentifier(Text.lower()), PieceKind::Ident);
      return;
    }
    bool IsCall = Type == P::CAST || Type == P::EXTRACT || Type == P::ROW ||
                  Type == P::CURRENT_TIME || Type == P::CURRENT_TIMESTAMP ||
                  Type == P::LOCALTIME || Type == P::LOCALTIMESTAMP ||
                  Type == P::COLLATION || Type == P::CURRENT_SCHEMA ||
                  Type == P::AUTHORIZATION || Type == P::OPERATOR ||
                  Type == P::POSITION || Type == P::SUBSTRING ||
                  Type == P::TRIM || Type == P::OVERLAY || Type == P::NORMALIZE;
    add(Text.upper(), IsCall ? PieceKind::Call : PieceKind::Word);
    return;
  }
  add(Text.str(), PieceKind::Word);
}

/// For ((x)), the inner parenthesised expression; null otherwise.
static P::ParenExprContext *innerParen(P::ParenExprContext *PE) {
  if (PE->COMMA() || !PE->expr() || PE->indirection())
    return nullptr;
  auto *Prim = treeCast<P::PrimaryContext>(PE->expr());
  if (!Prim)
    return nullptr;
  auto *Inner = treeCast<P::ParenExprContext>(Prim->primaryExpr());
  if (!Inner || Inner->COMMA())
    return nullptr;
  return Inner;
}

void Printer::print(antlr4::tree::ParseTree *T) {
  if (!T)
    return;
  if (auto *N = tokenNode(T)) {
    terminal(N);
    return;
  }
  if (auto *TN = treeCast<P::TypeNameContext>(T)) {
    add(canonicalType(LB, TN), PieceKind::Word);
    return;
  }
  if (auto *PE = treeCast<P::ParenExprContext>(T)) {
    // ((x)) prints as (x), ((x)).f as (x).f.
    if (PE->indirection() && !PE->COMMA()) {
      auto *Prim = treeCast<P::PrimaryContext>(PE->expr());
      auto *Inner =
          Prim ? treeCast<P::ParenExprContext>(Prim->primaryExpr()) : nullptr;
      if (Inner && !Inner->COMMA() && !Inner->indirection()) {
        while (P::ParenExprContext *In = innerParen(Inner))
          Inner = In;
        add("(", PieceKind::Open);
        print(Inner->expr());
        add(")", PieceKind::Close);
        print(PE->indirection());
        return;
      }
    }
    while (P::ParenExprContext *Inner = innerParen(PE))
      PE = Inner;
    T = PE;
  }
  for (antlr4::tree::ParseTree *C : T->children)
    print(C);
}

std::string Printer::str() const {
  std::string Out;
  const Piece *Prev = nullptr;
  for (const Piece &Pc : Pieces) {
    if (Pc.Text.empty())
      continue;
    bool Space = Prev != nullptr;
    if (Prev) {
      if (Prev->Kind == PieceKind::Open || Prev->Kind == PieceKind::Dot ||
          Prev->Kind == PieceKind::Prefix)
        Space = false;
      if (Pc.Kind == PieceKind::Close || Pc.Kind == PieceKind::Comma ||
          Pc.Kind == PieceKind::Dot)
        Space = false;
      if (Pc.Kind == PieceKind::Open &&
          (Pc.Text == "[" || Prev->Kind == PieceKind::Ident ||
           Prev->Kind == PieceKind::Call))
        Space = false;
    }
    if (Space)
      Out += ' ';
    Out += Pc.Text;
    Prev = &Pc;
  }
  return Out;
}

std::string canonicalText(const LexedBuffer &LB, antlr4::tree::ParseTree *T) {
  Printer Pr(LB);
  Pr.print(T);
  return Pr.str();
}

/// Drops the expression's own outer parentheses: ((a > 0)) is a > 0.
static antlr4::tree::ParseTree *stripOuterParens(P::ExprContext *E) {
  while (auto *Prim = treeCast<P::PrimaryContext>(E)) {
    auto *PE = treeCast<P::ParenExprContext>(Prim->primaryExpr());
    if (!PE || PE->COMMA() || !PE->expr() || PE->indirection())
      break;
    E = PE->expr();
  }
  return E;
}

std::string canonicalExpr(const LexedBuffer &LB, P::ExprContext *E) {
  if (!E)
    return "";
  return canonicalText(LB, stripOuterParens(E));
}

std::string canonicalExpr(const LexedBuffer &LB, P::BExprContext *E) {
  if (!E)
    return "";
  if (auto *BP = treeCast<P::BPrimaryContext>(E)) {
    auto *PE = treeCast<P::ParenExprContext>(BP->primaryExpr());
    if (PE && !PE->COMMA() && PE->expr() && !PE->indirection())
      return canonicalExpr(LB, PE->expr());
  }
  return canonicalText(LB, E);
}

} // namespace sql
} // namespace bk
