//===- Splitter.cpp - Lexing and statement splitting ----------------------===//
//
// The whole buffer is lexed once; the splitter then cuts the token stream
// at ';' outside parentheses (strings, dollar quotes and comments are single
// tokens, so they never split), which gives Statement boundaries and lets
// the parser resume at the next statement after a syntax error.
//
//===----------------------------------------------------------------------===//

#include "SQLInternal.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

using namespace llvm;

namespace bk {
namespace sql {

namespace {
/// ANTLR's own UTF-8 decoding (std::wstring_convert) costs more than the
/// whole lexer; decode the already validated text directly.
class FastInputStream : public antlr4::ANTLRInputStream {
public:
  explicit FastInputStream(StringRef Text) {
    _data.clear();
    _data.reserve(Text.size());
    const unsigned char *S =
        reinterpret_cast<const unsigned char *>(Text.data());
    const unsigned char *E = S + Text.size();
    while (S < E) {
      unsigned char C = *S;
      if (C < 0x80) {
        _data.push_back(C);
        ++S;
        continue;
      }
      unsigned Len = C >= 0xF0 ? 4 : C >= 0xE0 ? 3 : 2;
      char32_t CP = C & (0x3F >> (Len - 1));
      for (unsigned I = 1; I < Len && S + I < E; ++I)
        CP = (CP << 6) | (S[I] & 0x3F);
      _data.push_back(CP);
      S += Len;
    }
    p = 0;
  }
};
/// Tokens are allocated from their LexedBuffer's arena: one token per
/// word, and malloc was a fifth of the lexer's time.
thread_local BumpPtrAllocator *TokenArena = nullptr;

class ArenaToken : public antlr4::CommonToken {
public:
  using CommonToken::CommonToken;
  static void *operator new(size_t Size) {
    // Outside a LexedBuffer's lexing (not expected): a never-freed arena.
    static BumpPtrAllocator Fallback;
    BumpPtrAllocator &A = TokenArena ? *TokenArena : Fallback;
    return A.Allocate(Size, alignof(std::max_align_t));
  }
  // The memory goes with the arena.
  static void operator delete(void *) {}
};

class ArenaTokenFactory : public antlr4::TokenFactory<antlr4::CommonToken> {
public:
  std::unique_ptr<antlr4::CommonToken>
  create(std::pair<antlr4::TokenSource *, antlr4::CharStream *> Source,
         size_t Type, const std::string &Text, size_t Channel, size_t Start,
         size_t Stop, size_t Line, size_t CharPositionInLine) override {
    auto T = std::unique_ptr<antlr4::CommonToken>(
        new ArenaToken(Source, Type, Channel, Start, Stop));
    T->setLine(Line);
    T->setCharPositionInLine(CharPositionInLine);
    if (!Text.empty())
      T->setText(Text);
    return T;
  }
  std::unique_ptr<antlr4::CommonToken>
  create(size_t Type, const std::string &Text) override {
    return std::unique_ptr<antlr4::CommonToken>(new ArenaToken(Type, Text));
  }
};

ArenaTokenFactory TheTokenFactory;

} // namespace

LexedBuffer::~LexedBuffer() {
  // Tokens live in Arena: destroy them (no-op frees) before it goes.
  TokenArena = &Arena;
  Tokens.reset();
  TheLexer.reset();
  TokenArena = nullptr;
}

LexedBuffer::LexedBuffer(StringRef Text) : Text(Text) {
  // ANTLR indexes code points; keep a map back to bytes unless the text is
  // plain ASCII.
  bool Ascii = true;
  for (unsigned char C : Text)
    if (C >= 0x80) {
      Ascii = false;
      break;
    }
  if (!Ascii) {
    const UTF8 *Begin = reinterpret_cast<const UTF8 *>(Text.data());
    const UTF8 *End = Begin + Text.size();
    if (!isLegalUTF8String(&Begin, End)) {
      Valid = false;
      return;
    }
    CPToByte.reserve(Text.size() + 1);
    for (size_t I = 0; I < Text.size(); ++I)
      if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
        CPToByte.push_back(static_cast<uint32_t>(I));
    CPToByte.push_back(static_cast<uint32_t>(Text.size()));
  }
  try {
    Input = std::make_unique<FastInputStream>(Text);
  } catch (...) {
    Valid = false;
    return;
  }
  TheLexer = std::make_unique<Lexer>(Input.get());
  TheLexer->removeErrorListeners();
  TheLexer->setTokenFactory(&TheTokenFactory);
  Tokens = std::make_unique<antlr4::CommonTokenStream>(TheLexer.get());
  TokenArena = &Arena;
  Tokens->fill();
  TokenArena = nullptr;
}

StringRef LexedBuffer::tokenText(const antlr4::Token *T) const {
  if (T->getType() == antlr4::Token::EOF)
    return StringRef();
  size_t B = tokenBegin(T), E = tokenEnd(T);
  if (B > Text.size() || E > Text.size() || E < B)
    return StringRef();
  return Text.slice(B, E);
}

bool isKeywordToken(size_t Type) {
  return Type >= Lexer::ACTION && Type <= Lexer::ZONE;
}

bool isReservedToken(size_t Type) {
  switch (Type) {
  case P::ALL:
  case P::AND:
  case P::ANY:
  case P::ARRAY:
  case P::AS:
  case P::ASC:
  case P::AUTHORIZATION:
  case P::BETWEEN:
  case P::BOTH:
  case P::CASE:
  case P::CAST:
  case P::CHECK:
  case P::COLLATE:
  case P::COLLATION:
  case P::COLUMN:
  case P::CONCURRENTLY:
  case P::CONSTRAINT:
  case P::CREATE:
  case P::CURRENT_CATALOG:
  case P::CURRENT_DATE:
  case P::CURRENT_ROLE:
  case P::CURRENT_SCHEMA:
  case P::CURRENT_TIME:
  case P::CURRENT_TIMESTAMP:
  case P::CURRENT_USER:
  case P::DEFAULT:
  case P::DEFERRABLE:
  case P::DESC:
  case P::DISTINCT:
  case P::ELSE:
  case P::END:
  case P::EXISTS:
  case P::FALSE:
  case P::FOR:
  case P::FOREIGN:
  case P::FROM:
  case P::FULL:
  case P::GROUP:
  case P::ILIKE:
  case P::IN:
  case P::INITIALLY:
  case P::INTO:
  case P::IS:
  case P::ISNULL:
  case P::LEADING:
  case P::LIKE:
  case P::LOCALTIME:
  case P::LOCALTIMESTAMP:
  case P::NOT:
  case P::NOTNULL:
  case P::NULL_P:
  case P::ON:
  case P::ONLY:
  case P::OR:
  case P::ORDER:
  case P::PRIMARY:
  case P::REFERENCES:
  case P::SELECT:
  case P::SESSION_USER:
  case P::SIMILAR:
  case P::SOME:
  case P::SYMMETRIC:
  case P::TABLE:
  case P::THEN:
  case P::TO:
  case P::TRAILING:
  case P::TRUE:
  case P::UNIQUE:
  case P::USER:
  case P::USING:
  case P::VALUES:
  case P::VARIADIC:
  case P::WHEN:
  case P::WHERE:
  case P::WITH:
  case P::OUT:
  case P::INOUT:
    return true;
  default:
    return false;
  }
}

/// Words that start a statement: a ';' inside unbalanced parentheses that
/// is followed by one of them ends the statement anyway (better recovery).
static bool startsStatement(size_t Type) {
  switch (Type) {
  case P::CREATE:
  case P::ALTER:
  case P::DROP:
  case P::COMMENT:
  case P::SET:
  case P::SELECT:
    return true;
  default:
    return false;
  }
}

static std::string statementKind(LexedBuffer &LB,
                                 const std::vector<antlr4::Token *> &Words) {
  std::vector<std::string> W;
  for (antlr4::Token *T : Words)
    W.push_back(LB.tokenText(T).lower());
  if (W.empty())
    return "";
  std::string Kind = W[0];
  if (Kind != "create" && Kind != "alter" && Kind != "drop" &&
      Kind != "comment")
    return Kind;
  size_t I = 1;
  if (Kind == "comment") {
    if (I < W.size() && W[I] == "on")
      Kind += " on", ++I;
  }
  // Modifiers that do not change the kind of object.
  static const char *Modifiers[] = {
      "or",     "replace", "unique",     "unlogged", "temp",       "temporary",
      "global", "local",   "constraint", "trusted",  "procedural", "recursive"};
  while (Kind == "create" && I < W.size() &&
         std::find(std::begin(Modifiers), std::end(Modifiers), W[I]) !=
             std::end(Modifiers))
    ++I;
  if (I >= W.size())
    return Kind;
  Kind += " " + W[I];
  static const char *TwoWords[] = {"materialized", "text",    "foreign",
                                   "event",        "access",  "user",
                                   "default",      "operator"};
  if (std::find(std::begin(TwoWords), std::end(TwoWords), W[I]) !=
          std::end(TwoWords) &&
      I + 1 < W.size()) {
    // "operator class" and "user mapping", but "create operator ===".
    StringRef Next = W[I + 1];
    if (W[I] != "operator" && W[I] != "user")
      Kind += " " + W[I + 1];
    else if (Next == "class" || Next == "family" || Next == "mapping")
      Kind += " " + W[I + 1];
  }
  return Kind;
}

StmtDisposition classifyStatement(StringRef Kind) {
  StringRef First = Kind.split(' ').first;
  if (First == "create" || First == "alter" || First == "drop" ||
      First == "comment") {
    StringRef Object = Kind.substr(First.size()).ltrim();
    if (First == "comment")
      Object = Object.substr(2).ltrim(); // "on"
    StringRef ObjWord = Object.split(' ').first;
    bool Modelled =
        StringSwitch<bool>(ObjWord)
            .Cases("schema", "table", "index", "sequence", "view", true)
            .Cases("materialized", "type", "domain", "function", true)
            .Cases("procedure", "trigger", "extension", "policy", "column",
                   true)
            .Case("constraint", true)
            .Default(false);
    if (Modelled && Object != "materialized view" && ObjWord == "materialized")
      Modelled = false;
    if (Modelled) {
      // Things pg_dump emits that change nothing the IR models.
      if (First == "alter" &&
          (ObjWord == "function" || ObjWord == "procedure" ||
           ObjWord == "index" || ObjWord == "extension" ||
           ObjWord == "trigger" || ObjWord == "policy"))
        return StmtDisposition::Ignore;
      return StmtDisposition::Parse;
    }
    if (First == "comment" && (ObjWord == "database" || ObjWord == "role"))
      return StmtDisposition::Ignore;
    bool Known = StringSwitch<bool>(ObjWord)
                     .Cases("aggregate", "operator", "text", "cast", true)
                     .Cases("collation", "conversion", "language", "rule", true)
                     .Cases("server", "foreign", "user", "role", "group", true)
                     .Cases("database", "tablespace", "statistics", true)
                     .Cases("transform", "access", "publication", true)
                     .Cases("subscription", "event", "default", "large", true)
                     .Cases("routine", "system", true)
                     .Default(false);
    if (!Known)
      return StmtDisposition::Parse; // the parser reports what is wrong
    if (Kind == "alter default privileges" || Kind == "alter database" ||
        Kind == "alter role" || Kind == "alter user" || Kind == "alter system")
      return StmtDisposition::Ignore;
    return StmtDisposition::NotModelled;
  }
  return StringSwitch<StmtDisposition>(First)
      .Cases("set", "reset", "select", "insert", "update", "delete",
             StmtDisposition::Ignore)
      .Cases("grant", "revoke", "begin", "commit", "start", "end",
             StmtDisposition::Ignore)
      .Cases("rollback", "savepoint", "release", "analyze", "vacuum",
             StmtDisposition::Ignore)
      .Cases("lock", "notify", "checkpoint", "discard", "refresh",
             StmtDisposition::Ignore)
      .Cases("reindex", "cluster", "listen", "unlisten", "abort",
             StmtDisposition::Ignore)
      .Cases("do", "security", "import", "call", "copy",
             StmtDisposition::NotModelled)
      .Default(StmtDisposition::Parse);
}

std::vector<SplitStatement> splitTokens(LexedBuffer &LB,
                                        std::vector<MetaCommand> *Metas) {
  std::vector<SplitStatement> Out;
  const std::vector<antlr4::Token *> &Toks = LB.tokens().getTokens();
  int Depth = 0;
  int Atomic = 0; // BEGIN ATOMIC ... END nesting (SQL-standard bodies)
  bool InStmt = false;
  SplitStatement Cur;
  std::vector<antlr4::Token *> Words;
  bool WordsDone = false;
  auto Finish = [&](size_t Last) {
    Cur.LastToken = Last;
    Cur.S.End = LB.tokenEnd(Toks[Last]);
    Cur.S.Kind = statementKind(LB, Words);
    Out.push_back(Cur);
    InStmt = false;
    Depth = 0;
    Atomic = 0;
    Words.clear();
  };
  size_t LastDefault = 0;
  for (size_t I = 0, E = Toks.size(); I != E; ++I) {
    antlr4::Token *T = Toks[I];
    size_t Type = T->getType();
    if (Type == antlr4::Token::EOF)
      break;
    if (T->getChannel() == 2) {
      if (Metas)
        Metas->push_back({LB.tokenBegin(T), LB.tokenText(T).rtrim().str()});
      continue;
    }
    if (T->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
      continue;
    if (!InStmt) {
      if (Type == P::SEMI)
        continue; // empty statement
      InStmt = true;
      WordsDone = false;
      Cur = SplitStatement();
      Cur.FirstToken = I;
      Cur.S.Begin = LB.tokenBegin(T);
    }
    if (!WordsDone) {
      if (Words.size() < 6 && (isKeywordToken(Type) || Type == P::IDENT))
        Words.push_back(T);
      else
        WordsDone = true;
    }
    LastDefault = I;
    switch (Type) {
    case P::LPAREN:
    case P::LBRACKET:
      if (unsigned(++Depth) > Cur.MaxDepth) {
        Cur.MaxDepth = Depth;
        Cur.DeepestToken = I;
      }
      break;
    case P::RBRACKET:
    case P::RPAREN:
      if (Depth > 0)
        --Depth;
      break;
    case P::BEGIN: {
      // BEGIN ATOMIC opens a body whose ';' do not end the statement.
      size_t J = I + 1;
      while (J < E && Toks[J]->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
        ++J;
      if (Atomic > 0 || (J < E && Toks[J]->getType() == P::ATOMIC))
        ++Atomic;
      break;
    }
    case P::CASE:
      if (Atomic > 0)
        ++Atomic;
      break;
    case P::END:
      if (Atomic > 0)
        --Atomic;
      break;
    case P::SEMI: {
      if (Atomic > 0)
        break;
      if (Depth == 0) {
        Finish(I);
        break;
      }
      size_t J = I + 1;
      while (J < E && Toks[J]->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
        ++J;
      if (J < E && startsStatement(Toks[J]->getType()))
        Finish(I);
      break;
    }
    default:
      break;
    }
  }
  if (InStmt)
    Finish(LastDefault);
  return Out;
}

} // namespace sql
} // namespace bk
