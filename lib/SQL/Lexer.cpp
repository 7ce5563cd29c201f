//===- Lexer.cpp - The SQL front end's hand-written lexer -----------------===//
//
// Implements grammar/PostgreSQLLexer.g4 by hand, with ANTLR's rules for
// choosing between token rules: the longest match wins, and on equal
// lengths the rule written first. Where a rule can fail part-way (an
// unterminated string), the longest prefix that does match counts, exactly
// as in ANTLR's lexer simulation. The keyword table comes from the grammar
// itself at configure time (SQLKeywords.inc), so the two cannot drift.
//
//===----------------------------------------------------------------------===//

#include "Lexer.h"

#include "PostgreSQLParser.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdint>
#include <cstring>

using namespace llvm;

namespace bk {
namespace sql {

using P = bk_sql_antlr::PostgreSQLParser;

namespace {

constexpr size_t NoMatch = ~size_t(0);

/// Keyword spellings (lower case) to token types.
/// The keywords, in an open-addressing table hashed while the word is
/// lower-cased: a lookup for every identifier-shaped word, so cheaper than a
/// StringMap's (hash, then compare, of a copy).
class KeywordTable {
public:
  KeywordTable() {
#define BK_SQL_KEYWORD(Token, Spelling) insert(Spelling, P::Token);
#include "SQLKeywords.inc"
#undef BK_SQL_KEYWORD
  }
  /// The keyword token of an identifier-shaped word, or P::IDENT.
  size_t lookup(StringRef Word) const {
    if (Word.size() > MaxLength)
      return P::IDENT;
    char Lower[MaxKeywordLength];
    uint32_t H = HashSeed;
    for (size_t I = 0; I < Word.size(); ++I) {
      unsigned char C = Word[I];
      if (C >= 0x80)
        return P::IDENT;
      C = (C >= 'A' && C <= 'Z') ? C + ('a' - 'A') : C;
      Lower[I] = static_cast<char>(C);
      H = step(H, C);
    }
    for (size_t Slot = H & (Size - 1);; Slot = (Slot + 1) & (Size - 1)) {
      const Entry &E = Slots[Slot];
      if (!E.Spelling)
        return P::IDENT;
      if (E.Length == Word.size() &&
          std::memcmp(E.Spelling, Lower, Word.size()) == 0)
        return E.Token;
    }
  }

private:
  struct Entry {
    const char *Spelling = nullptr;
    size_t Length = 0;
    size_t Token = 0;
  };
  static constexpr size_t Size = 1024; // a power of two, over 4x the keywords
  static constexpr size_t MaxKeywordLength = 64;
  static constexpr uint32_t HashSeed = 2166136261u; // FNV-1a
  static uint32_t step(uint32_t H, unsigned char C) {
    return (H ^ C) * 16777619u;
  }

  void insert(const char *Spelling, size_t Token) {
    size_t Length = std::strlen(Spelling);
    assert(Length <= MaxKeywordLength && "keyword too long");
    uint32_t H = HashSeed;
    for (size_t I = 0; I < Length; ++I)
      H = step(H, static_cast<unsigned char>(Spelling[I]));
    size_t Slot = H & (Size - 1);
    while (Slots[Slot].Spelling)
      Slot = (Slot + 1) & (Size - 1);
    Slots[Slot] = {Spelling, Length, Token};
    MaxLength = std::max(MaxLength, Length);
  }

  Entry Slots[Size];
  size_t MaxLength = 0;
};

const KeywordTable &keywords() {
  static const KeywordTable Table;
  return Table;
}

bool isDigit(unsigned char C) { return C >= '0' && C <= '9'; }
bool isAsciiLetter(unsigned char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z');
}
bool isOpChar(unsigned char C) {
  switch (C) {
  case '+':
  case '-':
  case '*':
  case '/':
  case '<':
  case '>':
  case '=':
  case '~':
  case '!':
  case '@':
  case '#':
  case '%':
  case '^':
  case '&':
  case '|':
  case '`':
  case '?':
    return true;
  default:
    return false;
  }
}

/// The byte length of the UTF-8 sequence led by C (the text is valid).
size_t sequenceLength(unsigned char C) {
  return C < 0x80 ? 1 : C >= 0xF0 ? 4 : C >= 0xE0 ? 3 : 2;
}

class Scanner {
public:
  explicit Scanner(StringRef Text)
      : S(reinterpret_cast<const unsigned char *>(Text.data())),
        N(Text.size()) {}

  unsigned char at(size_t I) const { return I < N ? S[I] : 0; }

  /// The length of the identifier-class character at I (IDENT_START when
  /// Start, IDENT_CONT otherwise, or DOLLAR_TAG's second class when
  /// NoDollar), 0 when there is none. Non-ASCII: U+0080..U+FFFE.
  size_t identChar(size_t I, bool Start, bool NoDollar) const {
    if (I >= N)
      return 0;
    unsigned char C = S[I];
    if (C < 0x80) {
      if (isAsciiLetter(C) || C == '_')
        return 1;
      if (!Start && (isDigit(C) || (C == '$' && !NoDollar)))
        return 1;
      return 0;
    }
    size_t L = sequenceLength(C);
    if (L == 4)
      return 0; // beyond U+FFFF
    if (L == 3 && C == 0xEF && at(I + 1) == 0xBF && at(I + 2) == 0xBF)
      return 0; // U+FFFF
    return L;
  }

  /// IDENT_START IDENT_CONT*: the end of the run, or I when none.
  size_t identEnd(size_t I) const {
    size_t L = identChar(I, /*Start=*/true, false);
    if (!L)
      return I;
    I += L;
    while (size_t C = identChar(I, false, false))
      I += C;
    return I;
  }

  /// A quoted run opened by the quote at I: pairs of Quote stand for one,
  /// backslash escapes when Escapes, a non-empty body when NonEmpty. The end
  /// of the longest match, or NoMatch. At the end of input without a closing
  /// quote, ANTLR's longest match ends at the first quote of the last pair.
  size_t quotedEnd(size_t I, unsigned char Quote, bool Escapes,
                   bool NonEmpty) const {
    size_t LastCloser = NoMatch;
    size_t J = I + 1;
    while (J < N) {
      unsigned char C = S[J];
      if (Escapes && C == '\\') {
        if (J + 1 >= N)
          return LastCloser;
        J += 1 + sequenceLength(S[J + 1]);
        continue;
      }
      if (C == Quote) {
        bool Empty = J == I + 1;
        if (J + 1 < N && S[J + 1] == Quote) {
          if (!(NonEmpty && Empty))
            LastCloser = J + 1;
          J += 2;
          continue;
        }
        if (NonEmpty && Empty)
          return LastCloser;
        return J + 1;
      }
      ++J;
    }
    return LastCloser;
  }

  /// EXPONENT at I: its end, or NoMatch.
  size_t exponentEnd(size_t I) const {
    if (at(I) != 'e' && at(I) != 'E')
      return NoMatch;
    size_t J = I + 1;
    if (at(J) == '+' || at(J) == '-')
      ++J;
    if (!isDigit(at(J)))
      return NoMatch;
    while (isDigit(at(J)))
      ++J;
    return J;
  }

  /// BLOCK_COMMENT at I ('/*' there): the end, or NoMatch when it never
  /// closes. Nested comments count, as in PostgreSQL.
  size_t blockCommentEnd(size_t I) const {
    unsigned Depth = 0;
    size_t J = I;
    while (J + 1 < N) {
      if (S[J] == '/' && S[J + 1] == '*') {
        ++Depth;
        J += 2;
      } else if (S[J] == '*' && S[J + 1] == '/') {
        J += 2;
        if (--Depth == 0)
          return J;
      } else {
        ++J;
      }
    }
    return NoMatch;
  }

  /// The length of the operator at I as PostgreSQL's scanner makes it: the
  /// run of operator characters, cut before an embedded '/*' or '--', and
  /// without trailing '+' or '-' unless it holds one of ~!@#^&|`?%. 0 when
  /// I starts a comment.
  size_t operatorLength(size_t I) const {
    size_t L = 0;
    while (isOpChar(at(I + L))) {
      if (L + 1 < N - I && ((S[I + L] == '/' && S[I + L + 1] == '*') ||
                            (S[I + L] == '-' && S[I + L + 1] == '-')))
        break;
      ++L;
    }
    if (L > 1 && (S[I + L - 1] == '+' || S[I + L - 1] == '-')) {
      for (size_t K = 0; K + 1 < L; ++K)
        if (std::strchr("~!@#^&|`?%", S[I + K]))
          return L;
      do
        --L;
      while (L > 1 && (S[I + L - 1] == '+' || S[I + L - 1] == '-'));
    }
    return L;
  }

  const unsigned char *S;
  size_t N;
};

} // namespace

//===----------------------------------------------------------------------===//
// SQLToken
//===----------------------------------------------------------------------===//

std::string SQLToken::getText() const {
  if (Type == EOFType)
    return "<EOF>";
  return Owner->Text.slice(Begin, End).str();
}

size_t SQLToken::getCharPositionInLine() const {
  StringRef Before = Owner->Text.take_front(Begin);
  size_t LineStart = Before.rfind('\n');
  StringRef InLine =
      LineStart == StringRef::npos ? Before : Before.drop_front(LineStart + 1);
  size_t Column = 0;
  for (unsigned char C : InLine)
    if ((C & 0xC0) != 0x80)
      ++Column;
  return Column;
}

size_t SQLToken::getTokenIndex() const { return this - Owner->Tokens.data(); }

std::string SQLToken::toString() const {
  return "[@" + std::to_string(getTokenIndex()) + "," + std::to_string(Begin) +
         ":" + std::to_string(End) + "='" + getText() + "',<" +
         std::to_string(getType()) + ">," + std::to_string(Line) + "]";
}

//===----------------------------------------------------------------------===//
// SQLTokenStream and the lexer
//===----------------------------------------------------------------------===//

namespace {
/// What the parser asks of a token source outside error recovery (ours
/// never conjures tokens): names and a factory.
class NoTokenSource : public antlr4::TokenSource {
public:
  std::unique_ptr<antlr4::Token> nextToken() override { return nullptr; }
  size_t getLine() const override { return 0; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream *getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "sql"; }
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }
};
NoTokenSource TheTokenSource;
} // namespace

antlr4::TokenSource *SQLToken::getTokenSource() const {
  return &TheTokenSource;
}

antlr4::TokenSource *SQLTokenStream::getTokenSource() const {
  return &TheTokenSource;
}

antlr4::Token *SQLTokenStream::LT(ssize_t K) {
  if (K == 0)
    return nullptr;
  if (K < 0) {
    if (static_cast<size_t>(-K) > Pos)
      return nullptr;
    return get(Data.OnChannel[Pos + K]);
  }
  size_t I = Pos + static_cast<size_t>(K) - 1;
  if (I >= Data.OnChannel.size())
    I = Data.OnChannel.size() - 1; // EOF
  return get(Data.OnChannel[I]);
}

void SQLTokenStream::consume() {
  if (Pos + 1 >= Data.OnChannel.size())
    throw antlr4::IllegalStateException("cannot consume EOF");
  ++Pos;
}

void SQLTokenStream::seek(size_t Index) {
  // Prediction seeks back a few tokens at a time: look near Pos first.
  const std::vector<uint32_t> &OnChannel = Data.OnChannel;
  if (Pos < OnChannel.size() && OnChannel[Pos] >= Index) {
    for (unsigned Steps = 0; Steps < 16; ++Steps) {
      if (Pos == 0 || OnChannel[Pos - 1] < Index)
        return;
      --Pos;
    }
  }
  Pos = std::lower_bound(OnChannel.begin(), OnChannel.end(), Index) -
        OnChannel.begin();
  if (Pos >= OnChannel.size())
    Pos = OnChannel.size() - 1;
}

std::string SQLTokenStream::getText(const antlr4::misc::Interval &I) {
  const std::vector<SQLToken> &Tokens = Data.Tokens;
  if (I.a < 0 || I.b < I.a || Tokens.empty())
    return "";
  size_t A = static_cast<size_t>(I.a);
  size_t B = std::min(static_cast<size_t>(I.b), Tokens.size() - 1);
  std::string Out;
  for (size_t K = A; K <= B; ++K) {
    if (Tokens[K].getType() == antlr4::Token::EOF)
      break;
    Out += Data.Text.slice(Tokens[K].begin(), Tokens[K].end()).str();
  }
  return Out;
}

std::string SQLTokenStream::getText() {
  return getText(antlr4::misc::Interval(size_t(0), Data.Tokens.size() - 1));
}

std::string SQLTokenStream::getText(antlr4::RuleContext *Ctx) {
  return getText(Ctx->getSourceInterval());
}

std::string SQLTokenStream::getText(antlr4::Token *Start, antlr4::Token *Stop) {
  if (!Start || !Stop)
    return "";
  return getText(
      antlr4::misc::Interval(Start->getTokenIndex(), Stop->getTokenIndex()));
}

LexedTokens::LexedTokens(StringRef Text) : Text(Text) {
  Scanner Sc(Text);
  const unsigned char *S = Sc.S;
  const size_t N = Sc.N;
  const KeywordTable &KW = keywords();
  // DDL has one token per four to five bytes, pg_dump's with its
  // indentation and comments fewer; a growing vector would copy them all.
  // What is reserved and not used is address space, never touched.
  Tokens.reserve(N / 3 + 16);
  OnChannel.reserve(N / 3 + 16);
  size_t Line = 1;
  size_t I = 0;
  auto CountLines = [&](size_t From, size_t To) {
    const void *P = S + From;
    size_t Left = To - From;
    while (Left) {
      const void *NL = std::memchr(P, '\n', Left);
      if (!NL)
        break;
      ++Line;
      size_t Used = static_cast<const unsigned char *>(NL) -
                    static_cast<const unsigned char *>(P) + 1;
      P = static_cast<const unsigned char *>(P) + Used;
      Left -= Used;
    }
  };
  // Emits [I, End) as Type and moves on; EmitLines for the tokens that may
  // span lines.
  auto Add = [&](size_t Type, unsigned Channel, size_t Begin, size_t End) {
    if (Channel == antlr4::Token::DEFAULT_CHANNEL)
      OnChannel.push_back(static_cast<uint32_t>(Tokens.size()));
    Tokens.emplace_back(this, Type, Channel, static_cast<uint32_t>(Begin),
                        static_cast<uint32_t>(End),
                        static_cast<uint32_t>(Line));
  };
  auto Emit = [&](size_t Type, size_t End, unsigned Channel = 0) {
    Add(Type, Channel, I, End);
    I = End;
  };
  auto EmitLines = [&](size_t Type, size_t End, unsigned Channel = 0) {
    Add(Type, Channel, I, End);
    CountLines(I, End);
    I = End;
  };
  while (I < N) {
    unsigned char C = S[I];
    switch (C) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\f': {
      // WS -> skip.
      size_t J = I;
      while (J < N && (S[J] == ' ' || S[J] == '\t' || S[J] == '\r' ||
                       S[J] == '\n' || S[J] == '\f')) {
        if (S[J] == '\n')
          ++Line;
        ++J;
      }
      I = J;
      continue;
    }
    case '(':
      Emit(P::LPAREN, I + 1);
      continue;
    case ')':
      Emit(P::RPAREN, I + 1);
      continue;
    case '[':
      Emit(P::LBRACKET, I + 1);
      continue;
    case ']':
      Emit(P::RBRACKET, I + 1);
      continue;
    case ',':
      Emit(P::COMMA, I + 1);
      continue;
    case ';':
      Emit(P::SEMI, I + 1);
      continue;
    case ':':
      if (Sc.at(I + 1) == ':')
        Emit(P::TYPECAST, I + 2);
      else if (Sc.at(I + 1) == '=')
        Emit(P::COLON_EQUALS, I + 2);
      else
        Emit(P::COLON, I + 1);
      continue;
    case '.':
      if (isDigit(Sc.at(I + 1))) {
        size_t J = I + 1;
        while (isDigit(Sc.at(J)))
          ++J;
        size_t X = Sc.exponentEnd(J);
        Emit(P::NUMERIC, X == NoMatch ? J : X);
      } else {
        Emit(P::DOT, I + 1);
      }
      continue;
    case '\'': {
      size_t E = Sc.quotedEnd(I, '\'', false, false);
      if (E == NoMatch)
        Emit(P::ERROR_CHAR, I + 1);
      else
        EmitLines(P::STRING, E);
      continue;
    }
    case '"': {
      size_t E = Sc.quotedEnd(I, '"', false, true);
      if (E == NoMatch)
        Emit(P::ERROR_CHAR, I + 1);
      else
        EmitLines(P::QUOTED_IDENT, E);
      continue;
    }
    case '$': {
      // DOLLAR_STRING's opening tag, then its body; PARAM.
      size_t J = I + 1;
      if (isDigit(Sc.at(J))) {
        while (isDigit(Sc.at(J)))
          ++J;
        Emit(P::PARAM, J);
        continue;
      }
      if (size_t L = Sc.identChar(J, /*Start=*/true, true)) {
        J += L;
        while (size_t L2 = Sc.identChar(J, false, /*NoDollar=*/true))
          J += L2;
      }
      if (Sc.at(J) != '$') {
        Emit(P::ERROR_CHAR, I + 1);
        continue;
      }
      ++J;
      StringRef Tag = Text.slice(I, J);
      size_t Close = Text.find(Tag, J);
      if (Close == StringRef::npos)
        EmitLines(P::UNTERMINATED_DOLLAR, N);
      else
        EmitLines(P::DOLLAR_STRING, Close + Tag.size());
      continue;
    }
    case '\\': {
      size_t J = I;
      while (J < N && S[J] != '\r' && S[J] != '\n')
        ++J;
      Emit(P::META_COMMAND, J, /*Channel=*/2);
      continue;
    }
    default:
      break;
    }

    if (isDigit(C)) {
      size_t J = I;
      while (isDigit(Sc.at(J)))
        ++J;
      if (Sc.at(J) == '.') {
        size_t K = J + 1;
        while (isDigit(Sc.at(K)))
          ++K;
        size_t X = Sc.exponentEnd(K);
        Emit(P::NUMERIC, X == NoMatch ? K : X);
      } else if (size_t X = Sc.exponentEnd(J); X != NoMatch) {
        Emit(P::NUMERIC, X);
      } else {
        Emit(P::INTEGER, J);
      }
      continue;
    }

    if (isOpChar(C)) {
      // As in PostgreSQL, '--' and '/*' always start comments.
      if (C == '-' && Sc.at(I + 1) == '-') {
        size_t E = I;
        while (E < N && S[E] != '\r' && S[E] != '\n')
          ++E;
        Emit(P::LINE_COMMENT, E, antlr4::Token::HIDDEN_CHANNEL);
        continue;
      }
      if (C == '/' && Sc.at(I + 1) == '*') {
        size_t E = Sc.blockCommentEnd(I);
        if (E == NoMatch)
          EmitLines(P::UNTERMINATED_COMMENT, N);
        else
          EmitLines(P::BLOCK_COMMENT, E, antlr4::Token::HIDDEN_CHANNEL);
        continue;
      }
      size_t Len = Sc.operatorLength(I);
      size_t J = I + Len;
      size_t Type = P::OP;
      if (Len == 1) {
        switch (C) {
        case '+':
          Type = P::PLUS;
          break;
        case '-':
          Type = P::MINUS;
          break;
        case '*':
          Type = P::STAR;
          break;
        case '/':
          Type = P::SLASH;
          break;
        case '%':
          Type = P::PERCENT;
          break;
        case '^':
          Type = P::CARET;
          break;
        case '<':
          Type = P::LT;
          break;
        case '>':
          Type = P::GT;
          break;
        case '=':
          Type = P::EQ;
          break;
        default:
          break;
        }
      } else if (Len == 2) {
        unsigned char D = S[I + 1];
        if (C == '<' && D == '=')
          Type = P::LE;
        else if (C == '>' && D == '=')
          Type = P::GE;
        else if ((C == '<' && D == '>') || (C == '!' && D == '='))
          Type = P::NE;
        else if (C == '=' && D == '>')
          Type = P::EQUALS_GREATER;
      }
      Emit(Type, J);
      continue;
    }

    // Words: keywords, IDENT, and the prefixed literals E'', U&'', U&"",
    // B'', X''.
    size_t WordEnd = Sc.identEnd(I);
    if (WordEnd != I) {
      size_t Best = WordEnd;
      size_t Type = KW.lookup(Text.slice(I, WordEnd));
      unsigned char Next = Sc.at(I + 1);
      auto Consider = [&](size_t End, size_t T) {
        if (End != NoMatch && End > Best) {
          Best = End;
          Type = T;
        }
      };
      switch (C) {
      case 'e':
      case 'E':
        if (Next == '\'')
          Consider(Sc.quotedEnd(I + 1, '\'', true, false), P::ESTRING);
        break;
      case 'u':
      case 'U':
        if (Next == '&' && Sc.at(I + 2) == '\'')
          Consider(Sc.quotedEnd(I + 2, '\'', false, false), P::USTRING);
        else if (Next == '&' && Sc.at(I + 2) == '"')
          Consider(Sc.quotedEnd(I + 2, '"', false, true), P::UQUOTED_IDENT);
        break;
      case 'b':
      case 'B':
      case 'x':
      case 'X':
        if (Next == '\'') {
          bool Bits = C == 'b' || C == 'B';
          size_t J = I + 2;
          while (J < N &&
                 (Bits ? (S[J] == '0' || S[J] == '1') : std::isxdigit(S[J])))
            ++J;
          if (Sc.at(J) == '\'')
            Consider(J + 1, Bits ? P::BSTRING : P::XSTRING);
        }
        break;
      default:
        break;
      }
      if (Best == WordEnd)
        Emit(Type, Best);
      else
        EmitLines(Type, Best); // string literals may span lines
      continue;
    }

    // ERROR_CHAR: one character.
    Emit(P::ERROR_CHAR, std::min(N, I + sequenceLength(C)));
  }
  Add(SQLToken::EOFType, antlr4::Token::DEFAULT_CHANNEL, N, N);
}

} // namespace sql
} // namespace bk
