//===- Parser.cpp - The SQL front end's driver ----------------------------===//
//
// Lexes the buffer once, splits it into statements, and parses each one on
// its own: SLL prediction with a bail-out strategy first, full LL only when
// that fails, and a located "syntax error: unexpected X, expected Y" when
// LL fails too. ANTLR's console listeners are never installed.

//
//===----------------------------------------------------------------------===//

#include "SQLInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace bk {
namespace sql {

namespace {

/// Thrown by ReportingStrategy to abandon a statement.
struct StatementFailed {};

/// Records the first error of a statement and abandons it (no recovery
/// inside a statement: the splitter gives the resynchronisation points).
class ReportingStrategy : public antlr4::DefaultErrorStrategy {
public:
  antlr4::Token *Offending = nullptr;
  antlr4::misc::IntervalSet Expected;

  void reset(antlr4::Parser *P) override {
    DefaultErrorStrategy::reset(P);
    Offending = nullptr;
    Expected = antlr4::misc::IntervalSet();
  }
  void reportError(antlr4::Parser *P,
                   const antlr4::RecognitionException &E) override {
    if (Offending)
      return;
    Offending = E.getOffendingToken();
    if (!Offending)
      Offending = P->getCurrentToken();
    Expected = E.getExpectedTokens();
  }
  void recover(antlr4::Parser *, std::exception_ptr) override {
    throw StatementFailed();
  }
  antlr4::Token *recoverInline(antlr4::Parser *P) override {
    if (!Offending) {
      Offending = P->getCurrentToken();
      Expected = P->getExpectedTokens();
    }
    throw StatementFailed();
  }
  void sync(antlr4::Parser *) override {}
};

} // namespace

static std::string tokenDisplay(size_t Type,
                                const antlr4::dfa::Vocabulary &Vocab) {
  switch (Type) {
  case antlr4::Token::EOF:
    return "end of input";
  case P::IDENT:
  case P::QUOTED_IDENT:
  case P::UQUOTED_IDENT:
    return "identifier";
  case P::STRING:
  case P::ESTRING:
  case P::USTRING:
  case P::DOLLAR_STRING:
    return "string";
  case P::INTEGER:
    return "integer";
  case P::NUMERIC:
    return "number";
  case P::BSTRING:
  case P::XSTRING:
    return "bit string";
  case P::PARAM:
    return "parameter";
  case P::OP:
    return "operator";
  case P::TYPECAST:
    return "'::'";
  case P::COLON_EQUALS:
    return "':='";
  case P::EQUALS_GREATER:
    return "'=>'";
  case P::LE:
    return "'<='";
  case P::GE:
    return "'>='";
  case P::NE:
    return "'<>'";
  case P::LPAREN:
    return "'('";
  case P::RPAREN:
    return "')'";
  case P::LBRACKET:
    return "'['";
  case P::RBRACKET:
    return "']'";
  case P::COMMA:
    return "','";
  case P::SEMI:
    return "';'";
  case P::COLON:
    return "':'";
  case P::DOT:
    return "'.'";
  case P::PLUS:
    return "'+'";
  case P::MINUS:
    return "'-'";
  case P::STAR:
    return "'*'";
  case P::SLASH:
    return "'/'";
  case P::PERCENT:
    return "'%'";
  case P::CARET:
    return "'^'";
  case P::LT:
    return "'<'";
  case P::GT:
    return "'>'";
  case P::EQ:
    return "'='";
  default:
    break;
  }
  std::string Name = Vocab.getSymbolicName(Type);
  if (Name == "NULL_P")
    Name = "NULL";
  return Name;
}

static std::string unexpectedText(const LexedBuffer &LB, antlr4::Token *T) {
  if (!T || T->getType() == antlr4::Token::EOF)
    return "end of input";
  switch (T->getType()) {
  case P::UNTERMINATED_DOLLAR:
    return "unterminated dollar-quoted string";
  case P::UNTERMINATED_COMMENT:
    return "unterminated /* comment";
  case P::ERROR_CHAR: {
    StringRef Text = LB.tokenText(T);
    if (Text == "'")
      return "unterminated quoted string";
    if (Text == "\"")
      return "unterminated quoted identifier";
    return "character '" + Text.str() + "'";
  }
  default:
    break;
  }
  StringRef Text = LB.tokenText(T);
  std::string Shown =
      Text.size() > 24 ? Text.take_front(21).str() + "..." : Text.str();
  return "'" + Shown + "'";
}

static std::string expectedText(const antlr4::misc::IntervalSet &Set,
                                const antlr4::dfa::Vocabulary &Vocab) {
  std::vector<size_t> Types;
  for (const antlr4::misc::Interval &I : Set.getIntervals())
    for (ssize_t T = I.a; T <= I.b; ++T)
      Types.push_back(static_cast<size_t>(T));
  bool HasIdent = is_contained(Types, size_t(P::IDENT));
  std::vector<std::string> Names;
  for (size_t T : Types) {
    // Keywords that may be names are covered by "identifier".
    if (HasIdent && isKeywordToken(T) && !isReservedToken(T))
      continue;
    if (T == P::QUOTED_IDENT || T == P::UQUOTED_IDENT)
      continue;
    std::string N = tokenDisplay(T, Vocab);
    if (T == P::ESTRING || T == P::USTRING || T == P::DOLLAR_STRING ||
        T == P::XSTRING)
      continue; // shown once as "string" / "bit string"
    if (!N.empty() && !is_contained(Names, N))
      Names.push_back(N);
  }
  if (Names.empty())
    return "";
  const size_t Max = 8;
  std::string Out;
  size_t Shown = std::min(Names.size(), Max);
  for (size_t I = 0; I < Shown; ++I) {
    if (I)
      Out += (I + 1 == Shown && Names.size() <= Max) ? " or " : ", ";
    Out += Names[I];
  }
  if (Names.size() > Max)
    Out += ", ...";
  return Out;
}

static std::string upperKind(StringRef Kind) { return Kind.upper(); }

/// Of the ALTER statements pg_dump emits and the IR ignores (ALTER
/// FUNCTION, INDEX, TRIGGER, POLICY ...), those it models: RENAME TO, and a
/// function's OWNER TO.
static bool isModelledAlter(const LexedBuffer &LB, const SplitStatement &SS,
                            StringRef Kind) {
  std::vector<size_t> Words;
  for (size_t K = SS.FirstToken; K <= SS.LastToken && K < LB.size(); ++K) {
    const SQLToken &T = LB.token(K);
    if (T.getChannel() == antlr4::Token::DEFAULT_CHANNEL &&
        T.getType() != P::SEMI && T.getType() != antlr4::Token::EOF)
      Words.push_back(T.getType());
  }
  size_t N = Words.size();
  bool Routine = Kind == "alter function" || Kind == "alter procedure";
  if (Routine || Kind == "alter index" || Kind == "alter trigger" ||
      Kind == "alter policy")
    for (size_t I = 0; I + 1 < N; ++I)
      if (Words[I] == P::RENAME && Words[I + 1] == P::TO)
        return true;
  return Routine && N >= 3 && Words[N - 3] == P::OWNER && Words[N - 2] == P::TO;
}

ParseResult parseSQL(Context &Ctx, unsigned BufferID,
                     const ParseOptions &Opts) {
  ParseResult R;
  R.Catalog = std::make_unique<schema::Catalog>();
  R.HadErrors = !parseSQLInto(Ctx, BufferID, *R.Catalog, Opts, &R.Statements);
  return R;
}

namespace {

/// The prediction state (one DFA per decision) of one thread's parsers.
/// The generated parser shares one set between every parser of the
/// process, and the runtime guards each DFA edge lookup with a
/// process-wide lock; a set per thread makes the lookups lock-free and
/// lets threads parse at once. It lives, and warms up, once per thread.
struct ThreadPrediction {
  explicit ThreadPrediction(const antlr4::atn::ATN &A) {
    size_t N = A.getNumberOfDecisions();
    Decisions.reserve(N);
    for (size_t I = 0; I < N; ++I)
      Decisions.emplace_back(A.getDecisionState(I), I);
  }
  std::vector<antlr4::dfa::DFA> Decisions;
  antlr4::atn::PredictionContextCache Contexts;
};

/// ANTLR's prediction over this thread's DFAs: no other thread reads or
/// writes them, so an edge is looked up without the runtime's lock.
class ThreadSimulator final : public antlr4::atn::ParserATNSimulator {
public:
  using antlr4::atn::ParserATNSimulator::ParserATNSimulator;

  /// The runtime's adaptivePredict once the decision has its start state
  /// (every prediction but a decision's first): the same steps, with its
  /// exit bookkeeping in a destructor instead of a std::function (two heap
  /// allocations per prediction, 5% of the front end's instructions).
  size_t adaptivePredict(antlr4::TokenStream *Input, size_t Decision,
                         antlr4::ParserRuleContext *Outer) override {
    antlr4::dfa::DFA &D = decisionToDFA[Decision];
    antlr4::dfa::DFAState *Start =
        D.isPrecedenceDfa() ? D.getPrecedenceStartState(parser->getPrecedence())
                            : D.s0;
    if (!Start)
      return ParserATNSimulator::adaptivePredict(Input, Decision, Outer);
    _input = Input;
    _startIndex = Input->index();
    _outerContext = Outer;
    _dfa = &D;
    // On every way out, as the runtime does: the merge cache emptied, the
    // input back where the prediction started.
    struct Restore {
      ThreadSimulator &Sim;
      antlr4::TokenStream *Input;
      size_t Index;
      ssize_t Mark;
      ~Restore() {
        Sim.mergeCache.clear();
        Sim._dfa = nullptr;
        Input->seek(Index);
        Input->release(Mark);
      }
    } R{*this, Input, _startIndex, Input->mark()};
    return execATN(D, Start, Input, _startIndex,
                   Outer ? Outer : &antlr4::ParserRuleContext::EMPTY);
  }

protected:
  antlr4::dfa::DFAState *getExistingTargetState(antlr4::dfa::DFAState *From,
                                                size_t Symbol) override {
    auto It = From->edges.find(Symbol);
    return It == From->edges.end() ? nullptr : It->second;
  }
};

/// The generated parser with this thread's prediction state, and without
/// the runtime's dynamic_casts when a rule's context joins the tree (the
/// parent of a rule context is always a rule context).
class TreeParser final : public P {
public:
  explicit TreeParser(antlr4::TokenStream *Input) : P(Input) {
    thread_local ThreadPrediction Prediction(getATN());
    antlr4::atn::ATNSimulator *Shared = _interpreter;
    _interpreter = new ThreadSimulator(this, getATN(), Prediction.Decisions,
                                       Prediction.Contexts);
    delete Shared;
  }

  void enterOuterAlt(antlr4::ParserRuleContext *Ctx, size_t Alt) override {
    Ctx->setAltNumber(Alt);
    // A labelled alternative's context replaces the rule's in the tree.
    if (_buildParseTrees && _ctx != Ctx && _ctx->parent) {
      auto *Parent = static_cast<antlr4::ParserRuleContext *>(_ctx->parent);
      Parent->removeLastChild();
      Parent->addChild(Ctx);
    }
    _ctx = Ctx;
  }

protected:
  void addContextToParseTree() override {
    if (_ctx->parent)
      static_cast<antlr4::ParserRuleContext *>(_ctx->parent)->addChild(_ctx);
  }
};

/// An ANTLR parser over a cursor of a buffer's tokens; trees stay alive
/// until reset().
class StatementParser {
public:
  explicit StatementParser(const LexedBuffer &LB)
      : Stream(LB.data()), Parser(&Stream) {
    Parser.removeErrorListeners();
    Sim = Parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  }

  /// Stage 1: SLL prediction, bailing out at the first error. Null when
  /// that fails. Earlier trees stay alive.
  P::StatementEntryContext *parseFast(size_t FirstToken) {
    Parser.setErrorHandler(Bail);
    Bail->reset(&Parser);
    Sim->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    Stream.seek(FirstToken);
    try {
      return Parser.statementEntry();
    } catch (antlr4::ParseCancellationException &) {
    } catch (antlr4::RecognitionException &) {
    }
    return nullptr;
  }

  /// Stage 2: full LL; on failure, Reporting holds the first error.
  P::StatementEntryContext *parseReporting(size_t FirstToken) {
    Parser.setErrorHandler(Reporting);
    Reporting->reset(&Parser);
    Sim->setPredictionMode(antlr4::atn::PredictionMode::LL);
    Stream.seek(FirstToken);
    try {
      return Parser.statementEntry();
    } catch (StatementFailed &) {
    } catch (antlr4::RecognitionException &E) {
      Reporting->reportError(&Parser, E);
    }
    return nullptr;
  }

  /// Frees every tree this parser built.
  void reset() { Parser.reset(); }

  const antlr4::dfa::Vocabulary &vocabulary() const {
    return Parser.getVocabulary();
  }

  std::shared_ptr<ReportingStrategy> Reporting =
      std::make_shared<ReportingStrategy>();

private:
  SQLTokenStream Stream;
  TreeParser Parser;
  antlr4::atn::ParserATNSimulator *Sim = nullptr;
  std::shared_ptr<antlr4::BailErrorStrategy> Bail =
      std::make_shared<antlr4::BailErrorStrategy>();
};

} // namespace

/// The number of values of a row constructor, (a, b) or ROW(a, b); 0 for
/// any other expression.
static size_t rowArity(P::ExprContext *E) {
  auto *Prim = treeCast<P::PrimaryContext>(E);
  if (!Prim)
    return 0;
  if (auto *PE = treeCast<P::ParenExprContext>(Prim->primaryExpr()))
    return PE->exprList() ? 1 + PE->exprList()->expr().size() : 0;
  if (auto *R = treeCast<P::RowExprContext>(Prim->primaryExpr()))
    return R->exprList() ? R->exprList()->expr().size() : 0;
  return 0;
}

/// PostgreSQL's grammar takes OVERLAPS between two rows of two values each
/// ((start, end) or (start, length)) and rejects any other operands while
/// parsing. Reports the first misuse in T; false if there was one.
static bool checkOverlaps(antlr4::tree::ParseTree *T, const IRBuilder &Builder,
                          DiagnosticEngine &Diags) {
  if (auto *O = treeCast<P::OverlapsContext>(T)) {
    for (int Side = 0; Side < 2; ++Side) {
      P::ExprContext *E = O->expr(Side);
      if (E && rowArity(E) != 2) {
        Diags.error(Builder.loc(E->getStart()),
                    Twine("wrong number of parameters on ") +
                        (Side ? "right" : "left") +
                        " side of OVERLAPS expression");
        return false;
      }
    }
  }
  for (antlr4::tree::ParseTree *C : T->children)
    if (!tokenNode(C) && !checkOverlaps(C, Builder, Diags))
      return false;
  return true;
}

bool parseSQLInto(Context &Ctx, unsigned BufferID, schema::Catalog &Into,
                  const ParseOptions &Opts, std::vector<Statement> *Out) {
  bool HadErrors = false;
  const MemoryBuffer *MB = Ctx.getSourceMgr().getMemoryBuffer(BufferID);
  LexedBuffer LB(MB->getBuffer());
  IRBuilder Builder(Ctx, BufferID, LB, Into, Opts);
  DiagnosticEngine &Diags = Ctx.getDiags();
  if (!LB.valid()) {
    Diags.error(Ctx.getBufferStartLoc(BufferID), "input is not valid UTF-8");
    return false;
  }

  std::vector<MetaCommand> Metas;
  std::vector<SplitStatement> Stmts = splitTokens(LB, &Metas);
  // Statements are searched for OVERLAPS only in a buffer that has one.
  bool HasOverlaps = any_of(LB.data().Tokens, [](const SQLToken &T) {
    return T.getType() == P::OVERLAPS;
  });
  for (const MetaCommand &M : Metas) {
    StringRef Cmd = StringRef(M.Text).split(' ').first;
    Diags.warning(Builder.loc(M.Offset),
                  "psql meta-command '" + Cmd + "' ignored");
  }

  StatementParser Parser(LB);
  for (SplitStatement &SS : Stmts) {
    Statement &S = SS.S;
    S.Location = Builder.loc(S.Begin);
    StmtDisposition Disposition = classifyStatement(S.Kind);
    if (Disposition == StmtDisposition::Ignore &&
        isModelledAlter(LB, SS, S.Kind))
      Disposition = StmtDisposition::Parse;
    switch (Disposition) {
    case StmtDisposition::Ignore:
      Builder.handleSet(SS);
      S.Parsed = S.Ignored = true;
      continue;
    case StmtDisposition::NotModelled:
      Diags.report(Diagnostic(Severity::Remark, S.Location,
                              upperKind(S.Kind) +
                                  " is not modelled in the Schema IR; "
                                  "statement ignored"));
      S.Parsed = S.Ignored = true;
      continue;
    case StmtDisposition::Parse:
      break;
    }

    if (SS.MaxDepth > MaxNestingDepth) {
      Diags.error(Builder.loc(LB.token(SS.DeepestToken).begin()),
                  "statement nested too deeply (more than " +
                      Twine(MaxNestingDepth) +
                      " levels of parentheses or brackets)");
      HadErrors = true;
      continue;
    }

    P::StatementEntryContext *Tree = Parser.parseFast(SS.FirstToken);
    if (!Tree)
      Tree = Parser.parseReporting(SS.FirstToken);
    if (!Tree) {
      antlr4::Token *Off = Parser.Reporting->Offending;
      Loc L = Off ? Builder.loc(Off) : S.Location;
      if (!Off || Off->getType() == antlr4::Token::EOF)
        L = Builder.loc(S.End); // just past the statement's last token
      std::string Msg = "syntax error: unexpected " + unexpectedText(LB, Off);
      std::string Exp =
          expectedText(Parser.Reporting->Expected, Parser.vocabulary());
      if (!Exp.empty())
        Msg += ", expected " + Exp;
      Diags.error(L, Msg);
      HadErrors = true;
    } else if (HasOverlaps && !checkOverlaps(Tree, Builder, Diags)) {
      HadErrors = true;
    } else {
      S.Parsed = true;
      Builder.build(Tree->statement());
    }
    Parser.reset();
  }
  if (Builder.hadErrors())
    HadErrors = true;
  if (Out) {
    Out->reserve(Out->size() + Stmts.size());
    for (SplitStatement &SS : Stmts)
      Out->push_back(std::move(SS.S));
  }
  return !HadErrors;
}

std::vector<Statement> splitStatements(StringRef SQL) {
  std::vector<Statement> Out;
  LexedBuffer LB(SQL);
  if (!LB.valid())
    return Out;
  for (SplitStatement &SS : splitTokens(LB, nullptr))
    Out.push_back(std::move(SS.S));
  return Out;
}

Optional<std::string> canonicalizeExpression(StringRef Expr) {
  // Parsed as the CHECK of a throwaway statement.
  std::string Text = "CREATE TABLE t (CHECK (" + Expr.str() + "))";
  LexedBuffer LB(Text);
  if (!LB.valid())
    return None;
  unsigned Depth = 0;
  for (size_t K = 0; K < LB.size(); ++K) {
    const SQLToken *T = &LB.token(K);
    if (T->getType() == P::LPAREN || T->getType() == P::LBRACKET) {
      if (++Depth > MaxNestingDepth)
        return None;
    } else if ((T->getType() == P::RPAREN || T->getType() == P::RBRACKET) &&
               Depth > 0) {
      --Depth;
    }
  }
  TreeParser Parser(&LB.tokens());
  Parser.removeErrorListeners();
  Parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    P::StatementEntryContext *Tree = Parser.statementEntry();
    auto *CT = Tree->statement()->createTableStmt();
    if (!CT || CT->tableElement().size() != 1)
      return None;
    auto *TC = CT->tableElement(0)->tableConstraint();
    if (!TC || !TC->tableConstraintBody() || !TC->tableConstraintBody()->expr())
      return None;
    return canonicalExpr(LB, TC->tableConstraintBody()->expr());
  } catch (...) {
    return None;
  }
}

} // namespace sql
} // namespace bk
