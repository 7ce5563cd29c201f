//===- Splitter.cpp - Lexing and statement splitting ----------------------===//
//
// The whole buffer is lexed once (Lexer.cpp); the splitter then cuts the token
// stream at ';' outside parentheses (strings, dollar quotes and comments are
// single tokens, so they never split), which gives Statement boundaries and
// lets the parser resume at the next statement after a syntax error.
//
//===----------------------------------------------------------------------===//

#include "SQLInternal.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

#include <cstring>

using namespace llvm;

namespace bk {
namespace sql {

/// Whether Text is valid UTF-8; ASCII runs are checked eight bytes at a
/// time.
static bool isValidUTF8(StringRef Text) {
  const UTF8 *S = reinterpret_cast<const UTF8 *>(Text.data());
  const UTF8 *E = S + Text.size();
  while (S < E) {
    if (E - S >= 8) {
      uint64_t Word;
      std::memcpy(&Word, S, 8);
      if (!(Word & 0x8080808080808080ULL)) {
        S += 8;
        continue;
      }
    }
    if (*S < 0x80) {
      ++S;
      continue;
    }
    unsigned Len = getNumBytesForUTF8(*S);
    if (Len > static_cast<unsigned>(E - S) || !isLegalUTF8Sequence(S, S + Len))
      return false;
    S += Len;
  }
  return true;
}

LexedBuffer::LexedBuffer(StringRef Text) : Text(Text) {
  if (Text.size() >= UINT32_MAX || !isValidUTF8(Text))
    return;
  Data = std::make_unique<LexedTokens>(Text);
  Tokens = std::make_unique<SQLTokenStream>(*Data);
}

StringRef LexedBuffer::tokenText(const antlr4::Token *T) const {
  if (T->getType() == antlr4::Token::EOF)
    return StringRef();
  return Text.slice(tokenBegin(T), tokenEnd(T));
}

bool isKeywordToken(size_t Type) {
  return Type >= P::ACTION && Type <= P::ZONE;
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
  case P::OVERLAPS:
  case P::PLACING:
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

/// The kind of a statement from its first words; for GRANT and REVOKE,
/// from the words after their top-level ON as well: "grant on table",
/// "revoke on all", "grant on users" (a table: TABLE is optional), "grant"
/// (a role membership, which has no ON).
static std::string
statementKind(LexedBuffer &LB, const std::vector<const antlr4::Token *> &Words,
              const std::vector<const antlr4::Token *> &OnWords) {
  std::vector<std::string> W;
  for (const antlr4::Token *T : Words)
    W.push_back(LB.tokenText(T).lower());
  if (W.empty())
    return "";
  std::string Kind = W[0];
  if (Kind == "grant" || Kind == "revoke") {
    if (!OnWords.empty())
      Kind += " on " + LB.tokenText(OnWords[0]).lower();
    return Kind;
  }
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
  if (First == "grant" || First == "revoke") {
    // Privileges on what the IR models are parsed; on databases, languages,
    // large objects, foreign servers, tablespaces and parameters, and role
    // memberships (no ON), accepted and ignored.
    StringRef Target = Kind.substr(First.size()).ltrim();
    if (!Target.consume_front("on "))
      return StmtDisposition::Ignore;
    return StringSwitch<StmtDisposition>(Target)
        .Cases("database", "language", "large", "foreign", "tablespace",
               StmtDisposition::Ignore)
        .Case("parameter", StmtDisposition::Ignore)
        .Default(StmtDisposition::Parse);
  }
  return StringSwitch<StmtDisposition>(First)
      .Cases("set", "reset", "select", "insert", "update", "delete",
             StmtDisposition::Ignore)
      .Cases("begin", "commit", "start", "end", StmtDisposition::Ignore)
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
  // pg_dump's statements average well over 64 bytes; reserved and unused
  // is address space, never touched.
  Out.reserve(LB.text().size() / 64 + 16);
  auto Toks = [&LB](size_t K) { return &LB.token(K); };
  int Depth = 0;
  int Atomic = 0; // BEGIN ATOMIC ... END nesting (SQL-standard bodies)
  bool InStmt = false;
  SplitStatement Cur;
  std::vector<const antlr4::Token *> Words;
  bool WordsDone = false;
  // GRANT and REVOKE: the word after their top-level ON.
  std::vector<const antlr4::Token *> OnWords;
  bool GrantLike = false, AfterOn = false;
  auto Finish = [&](size_t Last) {
    Cur.LastToken = Last;
    Cur.S.End = LB.tokenEnd(Toks(Last));
    Cur.S.Kind = statementKind(LB, Words, OnWords);
    OnWords.clear();
    GrantLike = AfterOn = false;
    Out.push_back(std::move(Cur)); // reset where the next one starts
    InStmt = false;
    Depth = 0;
    Atomic = 0;
    Words.clear();
  };
  size_t LastDefault = 0;
  for (size_t I = 0, E = LB.size(); I != E; ++I) {
    const SQLToken *T = Toks(I);
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
      if (Words.size() < 6 && (isKeywordToken(Type) || Type == P::IDENT)) {
        Words.push_back(T);
        if (Words.size() == 1)
          GrantLike = Type == P::GRANT || Type == P::REVOKE;
      } else {
        WordsDone = true;
      }
    }
    if (GrantLike && OnWords.empty()) {
      if (AfterOn)
        OnWords.push_back(T);
      else
        AfterOn = Type == P::ON && Depth == 0;
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
      while (J < E && Toks(J)->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
        ++J;
      if (Atomic > 0 || (J < E && Toks(J)->getType() == P::ATOMIC))
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
      while (J < E && Toks(J)->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
        ++J;
      if (J < E && startsStatement(Toks(J)->getType()))
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
