//===- Canonical.cpp - One spelling per meaning ---------------------------===//
//
// Expressions are compared as token lists: a small lexer (strings, quoted
// names, words, numbers, operators, punctuation) and rewrites over the
// tokens, then the tokens printed back with SQL's spacing.
//
//===----------------------------------------------------------------------===//

#include "bk/Schema/Canonical.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <tuple>

using namespace llvm;

namespace bk {
namespace schema {

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

namespace {
struct Token {
  enum KindTy { Literal, Name, Cast, Punct } Kind;
  std::string Text;
};
} // namespace

static bool isIdentifierStart(char C) {
  return isAlpha(C) || C == '_' || (unsigned char)C >= 0x80;
}

/// A string literal holding a number: '-1', '2.5' (the deparser quotes
/// negative constants: a > '-1'::integer).
static bool isQuotedNumber(StringRef Lit) {
  if (!Lit.consume_front("'") || !Lit.consume_back("'"))
    return false;
  Lit.consume_front("-");
  if (Lit.empty() || !isDigit(Lit.front()) || !isDigit(Lit.back()))
    return false;
  return all_of(Lit, [](char C) { return isDigit(C) || C == '.'; }) &&
         Lit.count('.') <= 1;
}

/// The first word of a numeric type's name.
static bool isNumericType(StringRef W) {
  return StringSwitch<bool>(W)
      .Cases("smallint", "integer", "bigint", "int", "int2", "int4", "int8",
             true)
      .Cases("numeric", "decimal", "real", "double", "float", "float4",
             "float8", true)
      .Default(false);
}

static bool isOperatorChar(char C) {
  return StringRef("+-*/<>=~!@#%^&|?").contains(C);
}

/// The index just past the quoted text ('...' or "...", the quote doubled
/// inside) that starts at S[I]; the end of S when it is not closed.
static size_t skipQuoted(StringRef S, size_t I) {
  char Quote = S[I];
  for (++I; I < S.size(); ++I) {
    if (S[I] != Quote)
      continue;
    if (I + 1 < S.size() && S[I + 1] == Quote) {
      ++I;
      continue;
    }
    return I + 1;
  }
  return S.size();
}

static std::vector<Token> lexTokens(StringRef S) {
  std::vector<Token> Out;
  size_t I = 0, N = S.size();
  while (I < N) {
    char C = S[I];
    if (isSpace(C)) {
      ++I;
      continue;
    }
    size_t B = I;
    if (C == '\'') {
      I = skipQuoted(S, I);
      Out.push_back({Token::Literal, S.slice(B, I).str()});
    } else if (C == '"') {
      I = skipQuoted(S, I);
      // A quoted name that needs no quotes is the plain word: "a" is a,
      // "Mixed" and "user" (a column, not CURRENT_USER) stay quoted. So do
      // keywords, but for a function's name ("substring"(x, 1), as
      // PostgreSQL prints it, is substring(x, 1)).
      std::string Name = normalizeIdentifier(S.slice(B, I));
      size_t Next = I;
      while (Next < N && isSpace(S[Next]))
        ++Next;
      std::string Plain = quoteIdentifier(Name);
      if (Next < N && S[Next] == '(' && isPlainIdentifier(Name))
        Plain = Name;
      Out.push_back({Token::Name, std::move(Plain)});
    } else if (isDigit(C)) {
      while (I < N && (isAlnum(S[I]) || S[I] == '.'))
        ++I;
      Out.push_back({Token::Literal, S.slice(B, I).str()});
    } else if (isIdentifierStart(C)) {
      while (I < N && (isIdentifierStart(S[I]) || isDigit(S[I]) || S[I] == '$'))
        ++I;
      Out.push_back({Token::Name, S.slice(B, I).lower()});
    } else if (C == ':' && I + 1 < N && S[I + 1] == ':') {
      I += 2;
      Out.push_back({Token::Cast, "::"});
    } else if (isOperatorChar(C)) {
      while (I < N && isOperatorChar(S[I]))
        ++I;
      StringRef Op = S.slice(B, I);
      // PostgreSQL prints LIKE as ~~ (and NOT ILIKE as !~~*).
      if (Op.consume_front("!~~")) {
        Out.push_back({Token::Name, "not"});
        Op = Op.empty() ? "~~" : "~~*";
      }
      if (Op == "~~")
        Out.push_back({Token::Name, "like"});
      else if (Op == "~~*")
        Out.push_back({Token::Name, "ilike"});
      else
        Out.push_back({Token::Punct, Op == "!=" ? "<>" : Op.str()});
    } else {
      ++I;
      Out.push_back({Token::Punct, std::string(1, C)});
    }
  }
  return Out;
}

/// The index just past the type name that starts at Toks[I].
static size_t skipTypeName(const std::vector<Token> &Toks, size_t I) {
  auto Is = [&](size_t J, StringRef T) {
    return J < Toks.size() && Toks[J].Text == T;
  };
  if (I >= Toks.size() || Toks[I].Kind != Token::Name)
    return I;
  ++I;
  if (Is(I, ".") && I + 1 < Toks.size() && Toks[I + 1].Kind == Token::Name)
    I += 2;
  // Multi-word names: character varying, double precision, timestamp with
  // time zone, ...
  while (Is(I, "varying") || Is(I, "precision"))
    ++I;
  if ((Is(I, "with") || Is(I, "without")) && Is(I + 1, "time") &&
      Is(I + 2, "zone"))
    I += 3;
  if (Is(I, "(")) {
    size_t Depth = 0;
    for (; I < Toks.size(); ++I) {
      if (Toks[I].Text == "(")
        ++Depth;
      else if (Toks[I].Text == ")" && --Depth == 0) {
        ++I;
        break;
      }
    }
    if ((Is(I, "with") || Is(I, "without")) && Is(I + 1, "time") &&
        Is(I + 2, "zone"))
      I += 3;
  }
  while (Is(I, "[") && Is(I + 1, "]"))
    I += 2;
  return I;
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
static int64_t daysFromCivil(int64_t Y, unsigned M, unsigned D) {
  Y -= M <= 2;
  int64_t Era = (Y >= 0 ? Y : Y - 399) / 400;
  unsigned YoE = unsigned(Y - Era * 400);
  unsigned DoY = (153 * (M + (M > 2 ? -3 : 9)) + 2) / 5 + D - 1;
  unsigned DoE = YoE * 365 + YoE / 4 - YoE / 100 + DoY;
  return Era * 146097 + int64_t(DoE) - 719468;
}

static void civilFromDays(int64_t Z, int64_t &Y, unsigned &M, unsigned &D) {
  Z += 719468;
  int64_t Era = (Z >= 0 ? Z : Z - 146096) / 146097;
  unsigned DoE = unsigned(Z - Era * 146097);
  unsigned YoE = (DoE - DoE / 1460 + DoE / 36524 - DoE / 146096) / 365;
  Y = int64_t(YoE) + Era * 400;
  unsigned DoY = DoE - (365 * YoE + YoE / 4 - YoE / 100);
  unsigned MP = (5 * DoY + 2) / 153;
  D = DoY - (153 * MP + 2) / 5 + 1;
  M = MP < 10 ? MP + 3 : MP - 9;
  Y += M <= 2;
}

/// 'YYYY-MM-DD HH:MM:SS[.frac]+HH[:MM]' (a timestamp with a UTC offset, as
/// partition bounds of timestamptz keys print) in UTC, so bounds written
/// in different time zones compare equal; other literals unchanged.
static std::string timestampInUTC(StringRef Lit) {
  StringRef S = Lit;
  if (!S.consume_front("'") || !S.consume_back("'") || S.size() < 22)
    return Lit.str();
  auto Num = [&](size_t B, size_t N, unsigned &Out) {
    return !S.substr(B, N).getAsInteger(10, Out) &&
           all_of(S.substr(B, N), isDigit);
  };
  unsigned Y, Mo, D, H, Mi, Se;
  if (!Num(0, 4, Y) || S[4] != '-' || !Num(5, 2, Mo) || S[7] != '-' ||
      !Num(8, 2, D) || S[10] != ' ' || !Num(11, 2, H) || S[13] != ':' ||
      !Num(14, 2, Mi) || S[16] != ':' || !Num(17, 2, Se))
    return Lit.str();
  size_t I = 19;
  StringRef Frac;
  if (I < S.size() && S[I] == '.') {
    size_t B = I++;
    while (I < S.size() && isDigit(S[I]))
      ++I;
    Frac = S.slice(B, I);
  }
  if (I >= S.size() || (S[I] != '+' && S[I] != '-'))
    return Lit.str();
  int Sign = S[I] == '+' ? 1 : -1;
  unsigned OH = 0, OM = 0;
  StringRef Off = S.substr(I + 1);
  if (Off.size() == 2 ? !Num(I + 1, 2, OH)
      : Off.size() == 5 && Off[2] == ':'
          ? !Num(I + 1, 2, OH) || !Num(I + 4, 2, OM)
          : true)
    return Lit.str();
  int64_t Secs = daysFromCivil(Y, Mo, D) * 86400 + H * 3600 + Mi * 60 + Se -
                 Sign * int64_t(OH * 3600 + OM * 60);
  int64_t Days = Secs >= 0 ? Secs / 86400 : (Secs - 86399) / 86400;
  int64_t Rem = Secs - Days * 86400;
  int64_t UY;
  unsigned UM, UD;
  civilFromDays(Days, UY, UM, UD);
  char Buf[64];
  snprintf(Buf, sizeof(Buf), "'%04lld-%02u-%02u %02lld:%02lld:%02lld",
           (long long)UY, UM, UD, (long long)(Rem / 3600),
           (long long)(Rem / 60 % 60), (long long)(Rem % 60));
  return std::string(Buf) + Frac.str() + "+00'";
}

static bool isBooleanWord(StringRef W) {
  return W == "and" || W == "or" || W == "not";
}

/// Words after which '(' opens an expression, not a call or a list.
static bool opensExpression(StringRef W) {
  return isBooleanWord(W) || W == "(" || W == "," || W == "where" ||
         W == "on" || W == "having" || W == "when" || W == "then" ||
         W == "else" || W == "by" || W == "select";
}

/// Words before which ')' closes an expression.
static bool closesExpression(StringRef W) {
  return W == "and" || W == "or" || W == ")" || W == "," || W == "then" ||
         W == "when" || W == "else" || W == "end" || W == "group" ||
         W == "order" || W == "having" || W == "limit" || W == "from" ||
         W == "as" || W == "where";
}

/// Words that are no function when '(' follows: `in (1, 2)`, `and (a)`.
static bool spacedBeforeParen(StringRef W) {
  return opensExpression(W) ||
         StringSwitch<bool>(W)
             .Cases("in", "any", "all", "some", "exists", "as", "from", "to",
                    true)
             .Cases("values", "with", "distinct", "between", "like", "ilike",
                    "is", "using", true)
             .Cases("case", "over", "filter", "within", "union", "intersect",
                    "except", "join", true)
             .Default(false);
}

constexpr size_t npos = ~size_t(0);

/// Whether the '(' at Toks[Open] opens a call's arguments: it follows a
/// name that is no keyword.
static bool isCallParen(const std::vector<Token> &Toks, size_t Open) {
  return Open > 0 && Toks[Open - 1].Kind == Token::Name &&
         !spacedBeforeParen(Toks[Open - 1].Text);
}

/// The index of the '(' or '[' matching the ')' or ']' at Toks[Close], or
/// npos.
static size_t matchingOpen(const std::vector<Token> &Toks, size_t Close) {
  StringRef Closer = Toks[Close].Text;
  StringRef Opener = Closer == ")" ? "(" : "[";
  size_t Depth = 0;
  for (size_t I = Close + 1; I-- > 0;) {
    if (Toks[I].Text == Closer)
      ++Depth;
    else if (Toks[I].Text == Opener && --Depth == 0)
      return I;
  }
  return npos;
}

/// Where the single operand that ends at Toks[End] starts: a literal (with
/// its sign), a qualified name, a call (IsCall) or an array constructor;
/// npos for anything else.
static size_t operandStart(const std::vector<Token> &Toks, size_t End,
                           bool &IsCall) {
  IsCall = false;
  if (End >= Toks.size())
    return npos;
  const Token &T = Toks[End];
  if (T.Kind == Token::Literal) {
    if (End >= 1 && Toks[End - 1].Text == "-" &&
        (End == 1 || (Toks[End - 2].Kind == Token::Punct &&
                      Toks[End - 2].Text != ")" && Toks[End - 2].Text != "]")))
      return End - 1;
    return End;
  }
  auto NameStart = [&](size_t I) {
    while (I >= 2 && Toks[I - 1].Text == "." && Toks[I - 2].Kind == Token::Name)
      I -= 2;
    return I;
  };
  if (T.Kind == Token::Name)
    return NameStart(End);
  if (T.Text == ")") {
    size_t Open = matchingOpen(Toks, End);
    if (Open == npos || !isCallParen(Toks, Open))
      return npos;
    IsCall = true;
    return NameStart(Open - 1);
  }
  if (T.Text == "]") {
    size_t Open = matchingOpen(Toks, End);
    if (Open != npos && Open > 0 && Toks[Open - 1].Text == "array")
      return Open - 1;
  }
  return npos;
}

/// x = ANY (ARRAY[a, b]) → x IN (a, b), and <> ALL → NOT IN: how PostgreSQL
/// stores an IN list.
static void rewriteQuantifiedArrays(std::vector<Token> &Toks) {
  for (size_t I = 0; I + 4 < Toks.size(); ++I) {
    bool Any = Toks[I].Text == "=" && Toks[I + 1].Text == "any";
    bool All = Toks[I].Text == "<>" && Toks[I + 1].Text == "all";
    if ((!Any && !All) || Toks[I + 2].Text != "(")
      continue;
    // = ANY ((ARRAY[...])): parentheses the casts left behind.
    size_t Open = I + 2, Inner = Open + 1;
    while (Inner < Toks.size() && Toks[Inner].Text == "(")
      ++Inner;
    if (Inner + 1 >= Toks.size() || Toks[Inner].Text != "array" ||
        Toks[Inner + 1].Text != "[")
      continue;
    size_t Depth = 0, CloseBracket = npos;
    for (size_t J = Inner + 1; J < Toks.size(); ++J) {
      if (Toks[J].Text == "[")
        ++Depth;
      else if (Toks[J].Text == "]" && --Depth == 0) {
        CloseBracket = J;
        break;
      }
    }
    size_t Extra = Inner - Open - 1, Close = CloseBracket + Extra + 1;
    if (CloseBracket == npos || Close >= Toks.size() ||
        Toks[Close].Text != ")" ||
        !all_of(
            make_range(Toks.begin() + CloseBracket + 1, Toks.begin() + Close),
            [](const Token &X) { return X.Text == ")"; }))
      continue;
    std::vector<Token> Out(Toks.begin(), Toks.begin() + I);
    if (All)
      Out.push_back({Token::Name, "not"});
    Out.push_back({Token::Name, "in"});
    Out.push_back({Token::Punct, "("});
    Out.insert(Out.end(), Toks.begin() + Inner + 2,
               Toks.begin() + CloseBracket);
    Out.push_back({Token::Punct, ")"});
    Out.insert(Out.end(), Toks.begin() + Close + 1, Toks.end());
    Toks = std::move(Out);
  }
}

/// The index of the ')' matching the '(' at Toks[Open], or npos.
static size_t matchingClose(const std::vector<Token> &Toks, size_t Open) {
  size_t Depth = 0;
  for (size_t I = Open; I < Toks.size(); ++I) {
    if (Toks[I].Text == "(")
      ++Depth;
    else if (Toks[I].Text == ")" && --Depth == 0)
      return I;
  }
  return npos;
}

namespace {
/// A run of a call's arguments and the word that starts it ("" for the
/// first run).
struct ArgumentRun {
  std::string Word;
  std::vector<Token> Toks;
};
} // namespace

/// Toks[Begin, End) cut before each of Words outside parentheses.
static std::vector<ArgumentRun> cutAt(const std::vector<Token> &Toks,
                                      size_t Begin, size_t End,
                                      ArrayRef<StringRef> Words) {
  std::vector<ArgumentRun> Out(1);
  size_t Depth = 0;
  for (size_t I = Begin; I < End; ++I) {
    const Token &T = Toks[I];
    if (T.Text == "(")
      ++Depth;
    else if (T.Text == ")" && Depth)
      --Depth;
    else if (Depth == 0 && T.Kind != Token::Literal &&
             is_contained(Words, StringRef(T.Text))) {
      Out.push_back({T.Text, {}});
      continue;
    }
    Out.back().Toks.push_back(T);
  }
  return Out;
}

/// An operand without the parentheses around the whole of it.
static std::vector<Token> unwrapped(std::vector<Token> Toks) {
  while (Toks.size() >= 2 && Toks.front().Text == "(" &&
         matchingClose(Toks, 0) == Toks.size() - 1)
    Toks = std::vector<Token>(Toks.begin() + 1, Toks.end() - 1);
  return Toks;
}

static bool isStringLiteral(const std::vector<Token> &Toks) {
  return Toks.size() == 1 && Toks[0].Kind == Token::Literal &&
         StringRef(Toks[0].Text).startswith("'");
}

/// The arguments of SUBSTRING, TRIM and POSITION as PostgreSQL prints them
/// back (ruleutils.c, get_func_sql_syntax), or an empty list to keep them.
static std::vector<Token> sqlSyntaxArguments(StringRef Function,
                                             const std::vector<Token> &Toks,
                                             size_t Begin, size_t End) {
  std::vector<Token> Out;
  auto Add = [&](StringRef Word, const std::vector<Token> &Operand) {
    if (!Word.empty())
      Out.push_back({Word == "," ? Token::Punct : Token::Name, Word.str()});
    Out.insert(Out.end(), Operand.begin(), Operand.end());
  };
  if (Function == "substring") {
    std::vector<ArgumentRun> R =
        cutAt(Toks, Begin, End, {"from", "for", "similar", "escape"});
    // substring(x FOR n) is substring(x FROM 1 FOR n); FOR n FROM m is
    // FROM m FOR n.
    if (R.size() == 2 && R[1].Word == "for")
      R.insert(R.begin() + 1, ArgumentRun{"from", {{Token::Literal, "1"}}});
    if (R.size() == 3 && R[1].Word == "for" && R[2].Word == "from")
      std::swap(R[1], R[2]);
    // With a pattern, substring(text, text) and the SIMILAR form: the
    // deparser names only those taking positions SUBSTRING(... FROM ...).
    if (R.size() == 2 && R[1].Word == "from" && isStringLiteral(R[1].Toks))
      R[1].Word = ",";
    if (R.size() == 3 && R[1].Word == "from" && R[2].Word == "for" &&
        isStringLiteral(R[1].Toks) && isStringLiteral(R[2].Toks))
      R[1].Word = "similar", R[2].Word = "escape";
    for (const ArgumentRun &A : R)
      Add(A.Word, A.Toks);
    return Out;
  }
  if (Function == "trim") {
    // TRIM([BOTH | LEADING | TRAILING] [chars] FROM x) and trim(x[, chars])
    // print as TRIM(direction [chars] FROM x).
    StringRef Direction = "both";
    if (Begin < End &&
        (Toks[Begin].Text == "both" || Toks[Begin].Text == "leading" ||
         Toks[Begin].Text == "trailing"))
      Direction = Toks[Begin++].Text;
    std::vector<ArgumentRun> R = cutAt(Toks, Begin, End, {"from", ","});
    std::vector<std::vector<Token>> Args;
    size_t First = R.size() > 1 && R[1].Word == "from" ? 1 : 0;
    for (size_t I = First; I < R.size(); ++I)
      Args.push_back(R[I].Toks);
    if (First && !R[0].Toks.empty())
      Args.push_back(R[0].Toks);
    if (Args.empty() || Args.size() > 2 ||
        any_of(make_range(R.begin() + First + 1, R.end()),
               [](const ArgumentRun &A) { return A.Word != ","; }))
      return Out;
    Add(Direction, {});
    if (Args.size() == 2)
      Add("", Args[1]);
    Add("from", Args[0]);
    return Out;
  }
  if (Function == "position") {
    // POSITION((a) IN (b)): the deparser parenthesises both operands.
    std::vector<ArgumentRun> R = cutAt(Toks, Begin, End, {"in"});
    if (R.size() != 2)
      return Out;
    Add("", unwrapped(R[0].Toks));
    Add("in", unwrapped(R[1].Toks));
  }
  return Out;
}

/// The SQL-syntax forms of SUBSTRING, TRIM and POSITION, and the rows of
/// OVERLAPS, in the one form PostgreSQL prints.
static void rewriteSQLSyntaxCalls(std::vector<Token> &Toks) {
  for (size_t I = 0; I + 1 < Toks.size(); ++I) {
    StringRef W = Toks[I].Text;
    if (W == "overlaps" && Toks[I].Kind == Token::Name) {
      // ROW(a, b) OVERLAPS ROW(c, d) prints as (a, b) OVERLAPS (c, d).
      if (I + 2 < Toks.size() && Toks[I + 1].Text == "row" &&
          Toks[I + 2].Text == "(")
        Toks.erase(Toks.begin() + I + 1);
      if (I > 0 && Toks[I - 1].Text == ")") {
        size_t Open = matchingOpen(Toks, I - 1);
        if (Open != npos && Open > 0 && Toks[Open - 1].Text == "row") {
          Toks.erase(Toks.begin() + Open - 1);
          --I;
        }
      }
      continue;
    }
    if (W == "is" && Toks[I + 1].Text == "not") {
      // x IS NOT [form] NORMALIZED is (NOT (x IS [form] NORMALIZED)).
      size_t End = I + 2;
      if (End < Toks.size() &&
          (Toks[End].Text == "nfc" || Toks[End].Text == "nfd" ||
           Toks[End].Text == "nfkc" || Toks[End].Text == "nfkd"))
        ++End;
      bool IsCall = false;
      size_t Start = I ? operandStart(Toks, I - 1, IsCall) : npos;
      if (End >= Toks.size() || Toks[End].Text != "normalized" || Start == npos)
        continue;
      Toks.erase(Toks.begin() + I + 1);
      Toks.insert(Toks.begin() + End,
                  {{Token::Punct, ")"}, {Token::Punct, ")"}});
      Toks.insert(
          Toks.begin() + Start,
          {{Token::Punct, "("}, {Token::Name, "not"}, {Token::Punct, "("}});
      I = End + 4;
      continue;
    }
    if (Toks[I].Kind != Token::Name || Toks[I + 1].Text != "(" ||
        (I > 0 && Toks[I - 1].Text == ".") ||
        (W != "substring" && W != "trim" && W != "position"))
      continue;
    size_t Close = matchingClose(Toks, I + 1);
    if (Close == npos)
      continue;
    std::vector<Token> Args = sqlSyntaxArguments(W, Toks, I + 2, Close);
    if (Args.empty())
      continue;
    Toks.erase(Toks.begin() + I + 2, Toks.begin() + Close);
    Toks.insert(Toks.begin() + I + 2, Args.begin(), Args.end());
  }
}

/// The tokens with SQL's spacing: none inside parentheses and brackets,
/// around `.` and `::`, before `,`, between a function and its `(`, or
/// after a unary sign; one space elsewhere.
static std::string printTokens(const std::vector<Token> &Toks) {
  std::string Out;
  for (size_t I = 0; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (I > 0) {
      const Token &P = Toks[I - 1];
      bool Space = true;
      if (T.Text == ")" || T.Text == "]" || T.Text == "," || T.Text == "." ||
          T.Kind == Token::Cast || T.Text == "[")
        Space = false;
      else if (P.Text == "(" || P.Text == "[" || P.Text == "." ||
               P.Kind == Token::Cast)
        Space = false;
      else if (T.Text == "(" && P.Kind == Token::Name &&
               !spacedBeforeParen(P.Text))
        Space = false;
      else if ((P.Text == "-" || P.Text == "+") &&
               (I == 1 ||
                (Toks[I - 2].Kind == Token::Punct && Toks[I - 2].Text != ")" &&
                 Toks[I - 2].Text != "]") ||
                (Toks[I - 2].Kind == Token::Name &&
                 spacedBeforeParen(Toks[I - 2].Text))))
        Space = false; // A sign: -1, (-1), x * -1.
      if (Space)
        Out += ' ';
    }
    Out += T.Text;
  }
  return Out;
}

/// A simple query over one relation (SELECT ... FROM [schema.]rel [WHERE
/// ...], no join, alias, comma or subquery): PostgreSQL's deparser
/// qualifies every column with the relation's name; rel.col → col.
static void dropSingleRelationQualifiers(std::vector<Token> &Toks) {
  if (Toks.empty() || Toks[0].Text != "select")
    return;
  size_t From = 0, Depth = 0;
  for (size_t I = 0; I < Toks.size(); ++I) {
    StringRef W = Toks[I].Text;
    if (W == "(")
      ++Depth;
    else if (W == ")" && Depth)
      --Depth;
    else if ((W == "select" && I) || W == "join" || W == "union" ||
             W == "intersect" || W == "except")
      return;
    else if (W == "from" && Depth == 0) {
      if (From)
        return;
      From = I;
    }
  }
  if (!From)
    return;
  size_t I = From + 1;
  if (I + 2 < Toks.size() && Toks[I + 1].Text == ".")
    I += 2;
  if (I >= Toks.size() || Toks[I].Kind != Token::Name)
    return;
  std::string Rel = Toks[I].Text;
  size_t After = I + 1;
  if (After < Toks.size() && Toks[After].Text != "where" &&
      Toks[After].Text != "group" && Toks[After].Text != "order" &&
      Toks[After].Text != "having" && Toks[After].Text != "limit")
    return; // An alias, a comma or something else: keep it all.
  std::vector<Token> Out;
  for (size_t J = 0; J < Toks.size(); ++J) {
    if (J != I && Toks[J].Kind == Token::Name && Toks[J].Text == Rel &&
        J + 2 < Toks.size() && Toks[J + 1].Text == "." &&
        Toks[J + 2].Kind == Token::Name) {
      ++J;
      continue;
    }
    Out.push_back(std::move(Toks[J]));
  }
  Toks = std::move(Out);
}

/// public and pg_catalog are on every search path bk writes for: a name
/// qualified with them means the same unqualified.
static bool isImplicitSchema(StringRef S) {
  return S == "public" || S == "pg_catalog";
}

/// public.name, pg_catalog.name → name.
static std::vector<Token> dropImplicitSchemas(std::vector<Token> In) {
  std::vector<Token> Out;
  for (size_t I = 0; I < In.size(); ++I) {
    if (In[I].Kind == Token::Name && isImplicitSchema(In[I].Text) &&
        I + 2 < In.size() && In[I + 1].Text == "." &&
        In[I + 2].Kind == Token::Name) {
      ++I;
      continue;
    }
    Out.push_back(std::move(In[I]));
  }
  return Out;
}

static std::string canonicalTokens(std::vector<Token> In);

std::string canonicalExpression(StringRef Expr) {
  return canonicalTokens(dropImplicitSchemas(lexTokens(Expr)));
}

/// FROM ((a JOIN b ON x) JOIN c ON y) → FROM a JOIN b ON x JOIN c ON y,
/// without the parentheses PostgreSQL puts around every join, and INNER
/// JOIN and LEFT OUTER JOIN as it prints them: JOIN, LEFT JOIN.
static void normalizeJoins(std::vector<Token> &Toks) {
  std::vector<Token> Out;
  for (size_t I = 0; I < Toks.size(); ++I) {
    bool BeforeJoin = I + 1 < Toks.size() && Toks[I + 1].Text == "join";
    StringRef Prev = Out.empty() ? StringRef() : StringRef(Out.back().Text);
    if ((Toks[I].Text == "inner" && BeforeJoin) ||
        (Toks[I].Text == "outer" && BeforeJoin &&
         (Prev == "left" || Prev == "right" || Prev == "full")))
      continue;
    Out.push_back(std::move(Toks[I]));
  }
  Toks = std::move(Out);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I + 1 < Toks.size(); ++I) {
      if (Toks[I].Text != "from" || Toks[I + 1].Text != "(")
        continue;
      size_t Depth = 0, Close = npos;
      bool Join = false;
      for (size_t J = I + 1; J < Toks.size() && Close == npos; ++J) {
        if (Toks[J].Text == "(")
          ++Depth;
        else if (Toks[J].Text == ")" && --Depth == 0)
          Close = J;
        else if (Depth == 1 && Toks[J].Text == "join")
          Join = true;
      }
      if (Close == npos || !Join)
        continue;
      Toks.erase(Toks.begin() + Close);
      Toks.erase(Toks.begin() + I + 1);
      Changed = true;
    }
  }
}

std::string canonicalQuery(StringRef Query) {
  // Schemas first, so "FROM public.rel" is one name.
  std::vector<Token> Toks = dropImplicitSchemas(lexTokens(Query));
  normalizeJoins(Toks);
  dropSingleRelationQualifiers(Toks);
  // The name PostgreSQL gives an output column it cannot name otherwise:
  // SELECT 1 is SELECT 1 AS "?column?".
  for (size_t I = 0; I + 1 < Toks.size(); ++I)
    if (Toks[I].Text == "as" && Toks[I + 1].Text == "\"?column?\"")
      Toks.erase(Toks.begin() + I, Toks.begin() + I + 2);
  return canonicalTokens(std::move(Toks));
}

static std::string canonicalTokens(std::vector<Token> In) {
  std::vector<Token> Toks;
  for (size_t I = 0; I < In.size(); ++I) {
    Token T = In[I];
    // interval '1 day' is '1 day'::interval, B'01' '01'::bit: typed
    // literals lose their type like other casts.
    if (T.Kind == Token::Name && I + 1 < In.size() &&
        In[I + 1].Kind == Token::Literal &&
        StringRef(In[I + 1].Text).startswith("'") &&
        StringSwitch<bool>(T.Text)
            .Cases("interval", "date", "time", "timestamp", "timestamptz", "b",
                   true)
            .Default(false))
      continue;
    // 'public.users_id_seq'::regclass → 'users_id_seq'.
    if (T.Kind == Token::Literal) {
      StringRef Lit = T.Text;
      if (Lit.consume_front("'public.") || Lit.consume_front("'pg_catalog."))
        T.Text = ("'" + Lit).str();
      T.Text = timestampInUTC(T.Text);
    }
    if (T.Kind == Token::Cast && !Toks.empty()) {
      // (x)::t → x::t: the deparser puts parentheses around what it casts.
      if (Toks.back().Text == ")") {
        size_t Open = matchingOpen(Toks, Toks.size() - 1);
        bool IsCall = false;
        if (Open != npos && !isCallParen(Toks, Open) &&
            operandStart(Toks, Toks.size() - 2, IsCall) == Open + 1) {
          Toks.pop_back();
          Toks.erase(Toks.begin() + Open);
        }
      }
      // A cast of a literal, a column or an array constructor: the implicit
      // coercions PostgreSQL writes out ('a'::text, (qty)::numeric). Casts
      // of calls and of other expressions stay.
      bool IsCall = false;
      size_t Start = operandStart(Toks, Toks.size() - 1, IsCall);
      size_t End = skipTypeName(In, I + 1);
      if (Start != npos && !IsCall && End > I + 1) {
        if (isQuotedNumber(Toks.back().Text) && isNumericType(In[I + 1].Text))
          Toks.back().Text =
              StringRef(Toks.back().Text).drop_front().drop_back().str();
        I = End - 1;
        continue;
      }
    }
    Toks.push_back(std::move(T));
  }
  rewriteQuantifiedArrays(Toks);
  rewriteSQLSyntaxCalls(Toks);
  // CASE ... ELSE NULL END: the ELSE PostgreSQL adds to a CASE without one.
  for (size_t I = 0; I + 2 < Toks.size(); ++I)
    if (Toks[I].Text == "else" && Toks[I + 1].Text == "null" &&
        Toks[I + 2].Text == "end")
      Toks.erase(Toks.begin() + I, Toks.begin() + I + 2);
  // (x) → x for a single literal or name not called as a function.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I + 2 < Toks.size(); ++I) {
      if (Toks[I].Text != "(")
        continue;
      // x, or a qualified a.b.
      size_t Close = I + 2;
      if (I + 4 < Toks.size() && Toks[I + 1].Kind == Token::Name &&
          Toks[I + 2].Text == "." && Toks[I + 3].Kind == Token::Name)
        Close = I + 4;
      if (Toks[Close].Text != ")" || (Toks[I + 1].Kind != Token::Literal &&
                                      Toks[I + 1].Kind != Token::Name))
        continue;
      if (I > 0 && Toks[I - 1].Kind == Token::Name &&
          !opensExpression(Toks[I - 1].Text) &&
          !(Toks[I - 1].Text == "from" && I >= 2 &&
            Toks[I - 2].Text == "distinct"))
        continue;
      Toks.erase(Toks.begin() + Close);
      Toks.erase(Toks.begin() + I);
      Changed = true;
    }
  }
  // (a[1]).f → a[1].f: the deparser selects a field of an element without
  // parentheses.
  for (size_t I = 0; I + 4 < Toks.size(); ++I) {
    if (Toks[I].Text != "(" || Toks[I + 1].Kind != Token::Name ||
        Toks[I + 2].Text != "[" ||
        (I > 0 && Toks[I - 1].Kind == Token::Name &&
         !opensExpression(Toks[I - 1].Text)))
      continue;
    size_t Close = matchingClose(Toks, I);
    if (Close == npos || Close + 1 >= Toks.size() ||
        Toks[Close + 1].Text != "." || Toks[Close - 1].Text != "]")
      continue;
    // Only subscripts between the name and the ')'.
    size_t J = I + 2;
    while (J < Close && Toks[J].Text == "[") {
      size_t Depth = 0;
      for (; J < Close; ++J) {
        if (Toks[J].Text == "[")
          ++Depth;
        else if (Toks[J].Text == "]" && --Depth == 0)
          break;
      }
      ++J;
    }
    if (J != Close)
      continue;
    Toks.erase(Toks.begin() + Close);
    Toks.erase(Toks.begin() + I);
  }
  // x BETWEEN a AND b → x >= a AND x <= b, as PostgreSQL stores it.
  for (size_t I = 1; I + 3 < Toks.size(); ++I) {
    if (Toks[I].Text != "between" || Toks[I + 2].Text != "and" ||
        Toks[I - 1].Kind == Token::Punct || Toks[I - 1].Text == "not" ||
        Toks[I + 1].Kind == Token::Punct || Toks[I + 3].Kind == Token::Punct ||
        (I >= 2 && Toks[I - 2].Kind != Token::Punct &&
         !isBooleanWord(Toks[I - 2].Text)))
      continue;
    Token X = Toks[I - 1], A = Toks[I + 1], B = Toks[I + 3];
    std::vector<Token> R = {X, {Token::Punct, ">="}, A, {Token::Name, "and"},
                            X, {Token::Punct, "<="}, B};
    Toks.erase(Toks.begin() + I - 1, Toks.begin() + I + 4);
    Toks.insert(Toks.begin() + I - 1, R.begin(), R.end());
  }
  // (a > b) AND c → a > b AND c: a comparison binds tighter than AND, OR
  // and NOT, so its parentheses there change nothing.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I < Toks.size(); ++I) {
      if (Toks[I].Text != "(")
        continue;
      bool CallOrList = I > 0 && Toks[I - 1].Kind == Token::Name &&
                        !opensExpression(Toks[I - 1].Text);
      bool Before = I == 0 || opensExpression(Toks[I - 1].Text);
      if (CallOrList || !Before)
        continue;
      size_t Depth = 0, Close = 0;
      bool Comparison = false, And = false, Or = false;
      for (size_t J = I; J < Toks.size(); ++J) {
        if (Toks[J].Text == "(") {
          ++Depth;
        } else if (Toks[J].Text == ")") {
          if (--Depth == 0) {
            Close = J;
            break;
          }
        } else if (Depth == 1) {
          StringRef W = Toks[J].Text;
          And |= W == "and";
          Or |= W == "or";
          if (W == "not" && J == I + 1)
            Comparison = true; // (NOT x): NOT binds tighter than AND/OR.
          // Every operator binds tighter than NOT, AND and OR; so do IS,
          // LIKE and IN.
          if ((Toks[J].Kind == Token::Punct && isOperatorChar(W.front())) ||
              W == "is" || W == "like" || W == "ilike" || W == "in" ||
              W == "similar" || W == "overlaps")
            Comparison = true;
        }
      }
      bool After =
          Close + 1 == Toks.size() || closesExpression(Toks[Close + 1].Text);
      StringRef Prev = I ? StringRef(Toks[I - 1].Text) : StringRef();
      StringRef Next =
          Close + 1 < Toks.size() ? StringRef(Toks[Close + 1].Text) : "";
      // (a AND b) among ANDs and ORs, (a OR b) among ORs: AND binds tighter
      // than OR. Not after NOT.
      bool Group = Close && Prev != "not" &&
                   ((And && !Or) || (Or && Prev != "and" && Next != "and"));
      // (f(x)): one call in parentheses.
      bool Call = Close > I + 3 && Toks[I + 1].Kind == Token::Name &&
                  Toks[I + 2].Text == "(" && Toks[Close - 1].Text == ")";
      if (Call) {
        size_t D = 0;
        for (size_t J = I + 2; J < Close; ++J) {
          if (Toks[J].Text == "(")
            ++D;
          else if (Toks[J].Text == ")" && --D == 0 && J != Close - 1)
            Call = false;
        }
      }
      if (!Close || !((Comparison && !And && !Or) || Call || Group) || !After)
        continue;
      Toks.erase(Toks.begin() + Close);
      Toks.erase(Toks.begin() + I);
      Changed = true;
    }
  }
  // Parentheses around the whole.
  while (Toks.size() >= 2 && Toks.front().Text == "(" &&
         Toks.back().Text == ")") {
    size_t Depth = 0, Close = 0;
    for (size_t I = 0; I < Toks.size(); ++I) {
      if (Toks[I].Text == "(")
        ++Depth;
      else if (Toks[I].Text == ")" && --Depth == 0) {
        Close = I;
        break;
      }
    }
    if (Close != Toks.size() - 1)
      break;
    Toks.erase(Toks.begin());
    Toks.pop_back();
  }
  return printTokens(Toks);
}

//===----------------------------------------------------------------------===//
// Names and types
//===----------------------------------------------------------------------===//

std::string canonicalTypeName(StringRef Type) {
  if (!Type.consume_front("public."))
    Type.consume_front("pg_catalog.");
  return Type.str();
}

QualifiedName canonicalFunctionRef(const QualifiedName &F,
                                   StringRef OwnerSchema) {
  if (F.Schema == "pg_catalog" || F.Schema == OwnerSchema)
    return QualifiedName("", F.Name);
  return F;
}

//===----------------------------------------------------------------------===//
// Definitions compared
//===----------------------------------------------------------------------===//

bool sameExpression(StringRef A, StringRef B) {
  return A == B || canonicalExpression(A) == canonicalExpression(B);
}

static auto keyTie(const IndexKey &K) {
  return std::tie(K.IsExpression, K.Collation, K.OpClass, K.Order, K.Nulls,
                  K.Operator);
}

bool sameKeys(const std::vector<IndexKey> &A, const std::vector<IndexKey> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (keyTie(A[I]) != keyTie(B[I]) ||
        !(A[I].IsExpression ? sameExpression(A[I].Text, B[I].Text)
                            : A[I].Text == B[I].Text))
      return false;
  return true;
}

bool sameOptions(const std::vector<Option> &A, const std::vector<Option> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (A[I].Name != B[I].Name || A[I].Value != B[I].Value)
      return false;
  return true;
}

/// A reference resolved against the referring object's schema.
static QualifiedName resolve(const QualifiedName &N, StringRef Schema) {
  if (!N.Schema.empty() || N.empty())
    return N;
  return QualifiedName(Schema, N.Name);
}

bool sameConstraint(const Constraint &A, StringRef SA, const Constraint &B,
                    StringRef SB) {
  auto Tie = [](const Constraint &C) {
    return std::tie(C.Kind, C.Columns, C.Include, C.NullsNotDistinct,
                    C.RefColumns, C.OnDelete, C.OnUpdate, C.OnDeleteSetColumns,
                    C.Match, C.NoInherit, C.Method, C.Deferrable,
                    C.InitiallyDeferred);
  };
  return Tie(A) == Tie(B) && sameExpression(A.Expr, B.Expr) &&
         sameExpression(A.Where, B.Where) && sameKeys(A.Elements, B.Elements) &&
         resolve(A.RefTable, SA) == resolve(B.RefTable, SB);
}

bool sameIndex(const Index &A, const Index &B) {
  auto Tie = [](const Index &I) {
    return std::tie(I.Unique, I.NullsNotDistinct, I.Method, I.Include,
                    I.Tablespace);
  };
  return Tie(A) == Tie(B) && sameExpression(A.Where, B.Where) &&
         sameKeys(A.Keys, B.Keys) && sameOptions(A.Options, B.Options);
}

//===----------------------------------------------------------------------===//
// Catalogs
//===----------------------------------------------------------------------===//

bool isStockPublicComment(StringRef Schema, StringRef Comment) {
  return Schema == "public" &&
         (Comment.empty() || Comment == "standard public schema");
}

void dropDerivedObjects(Catalog &C) {
  struct Removal {
    Table *T;
    std::vector<std::string> Constraints, Indexes;
  };
  std::vector<Removal> Removals;
  for (Schema &S : C.Schemas)
    for (Table &T : S.Tables) {
      if (!T.isPartition())
        continue;
      const Table *P = C.findTable(T.PartitionOf, S.Name);
      if (!P)
        continue;
      Removal R{&T, {}, {}};
      for (const Constraint &K : T.Constraints)
        if (K.isIndexBacked() &&
            any_of(P->Constraints, [&](const Constraint &PK) {
              Constraint Renamed = PK;
              Renamed.Name = K.Name;
              return sameConstraint(Renamed, S.Name, K, S.Name);
            }))
          R.Constraints.push_back(K.Name);
      for (const Index &I : T.Indexes)
        if (any_of(P->Indexes,
                   [&](const Index &PI) { return sameIndex(PI, I); }))
          R.Indexes.push_back(I.Name);
      Removals.push_back(std::move(R));
    }
  for (Removal &R : Removals) {
    erase_if(R.T->Constraints, [&](const Constraint &K) {
      return is_contained(R.Constraints, K.Name);
    });
    erase_if(R.T->Indexes,
             [&](const Index &I) { return is_contained(R.Indexes, I.Name); });
  }
}

/// A date or timestamp literal without a UTC offset, 'YYYY-MM-DD[ HH:MM[:SS
/// [.frac]]]', as PostgreSQL prints a value of type KeyType (timestamp with
/// or without time zone) whose session time zone is UTC:
/// '2024-01-01' → '2024-01-01 00:00:00+00'. Other literals unchanged.
static std::string timestampLiteral(StringRef Lit, bool WithTimeZone) {
  StringRef S = Lit;
  if (!S.consume_front("'") || !S.consume_back("'"))
    return Lit.str();
  auto Digits = [&](size_t B, size_t N) {
    return B + N <= S.size() && all_of(S.substr(B, N), isDigit);
  };
  if (!Digits(0, 4) || S.size() < 10 || S[4] != '-' || !Digits(5, 2) ||
      S[7] != '-' || !Digits(8, 2))
    return Lit.str();
  std::string Time = "00:00:00";
  StringRef Rest = S.substr(10);
  if (!Rest.empty()) {
    if (Rest.size() < 6 || Rest[0] != ' ' || !Digits(11, 2) || S[13] != ':' ||
        !Digits(14, 2))
      return Lit.str();
    Time = S.substr(11, 5).str() + ":00";
    Rest = Rest.substr(6);
    if (!Rest.empty()) {
      if (Rest.size() < 3 || Rest[0] != ':' || !Digits(17, 2))
        return Lit.str();
      Time = S.substr(11, 8).str();
      Rest = Rest.substr(3);
      if (Rest.startswith(".") && Rest.size() > 1 &&
          all_of(Rest.drop_front(), isDigit)) {
        Time += Rest.str();
        Rest = "";
      }
      if (!Rest.empty())
        return Lit.str(); // An offset: timestampInUTC() wrote it in UTC.
    }
  }
  return "'" + S.take_front(10).str() + " " + Time +
         (WithTimeZone ? "+00'" : "'");
}

std::string canonicalPartitionBound(StringRef Bound, StringRef KeyType) {
  std::string Out = canonicalExpression(Bound);
  bool WithTimeZone = KeyType == "timestamp with time zone" ||
                      (StringRef(KeyType).startswith("timestamp(") &&
                       StringRef(KeyType).endswith("with time zone"));
  bool Without = KeyType == "timestamp without time zone" ||
                 (StringRef(KeyType).startswith("timestamp(") &&
                  StringRef(KeyType).endswith("without time zone"));
  if (!WithTimeZone && !Without)
    return Out;
  std::vector<Token> Toks = lexTokens(Out);
  for (Token &T : Toks)
    if (T.Kind == Token::Literal)
      T.Text = timestampLiteral(T.Text, WithTimeZone);
  return printTokens(Toks);
}

namespace {
/// Rewrites fields and remembers whether any changed.
class Canonicalizer {
public:
  bool changed() const { return Changed; }

  void set(std::string &Field, std::string New) {
    if (Field == New)
      return;
    Field = std::move(New);
    Changed = true;
  }
  void expr(std::string &E) {
    if (!E.empty())
      set(E, canonicalExpression(E));
  }
  void type(std::string &T) { set(T, canonicalTypeName(T)); }
  /// Annotations are `--` comments of the source: no catalog keeps them.
  void annotations(std::vector<std::string> &A) {
    if (A.empty())
      return;
    A.clear();
    Changed = true;
  }
  void keys(std::vector<IndexKey> &Keys) {
    for (IndexKey &K : Keys)
      if (K.IsExpression)
        expr(K.Text);
  }
  void index(Index &I) {
    annotations(I.Annotations);
    keys(I.Keys);
    expr(I.Where);
  }
  void trigger(Trigger &T, StringRef Schema) {
    expr(T.When);
    QualifiedName F = canonicalFunctionRef(T.Function, Schema);
    if (F != T.Function) {
      T.Function = std::move(F);
      Changed = true;
    }
  }
  void table(Table &T, StringRef Schema);
  void schema(Schema &S);

  explicit Canonicalizer(const Catalog &C) : Cat(C) {}

private:
  const Catalog &Cat;
  bool Changed = false;
};
} // namespace

void Canonicalizer::table(Table &T, StringRef Schema) {
  annotations(T.Annotations);
  for (Column &C : T.Columns) {
    annotations(C.Annotations);
    type(C.Type);
    expr(C.Default);
    expr(C.Generated);
  }
  for (Constraint &K : T.Constraints) {
    annotations(K.Annotations);
    expr(K.Expr);
    expr(K.Where);
    keys(K.Elements);
  }
  for (Index &I : T.Indexes)
    index(I);
  for (Trigger &Tr : T.Triggers)
    trigger(Tr, Schema);
  for (Policy &P : T.Policies) {
    expr(P.Using);
    expr(P.WithCheck);
  }
  keys(T.PartitionKeys);
  if (T.PartitionBound.empty())
    return;
  // Bounds of a timestamp key print as timestamps: the key's type tells.
  std::string KeyType;
  if (const Table *P = Cat.findTable(T.PartitionOf, Schema))
    if (P->PartitionKeys.size() == 1 && !P->PartitionKeys[0].IsExpression)
      if (const Column *Key = P->findColumn(P->PartitionKeys[0].Text))
        KeyType = Key->Type;
  set(T.PartitionBound, canonicalPartitionBound(T.PartitionBound, KeyType));
}

void Canonicalizer::schema(Schema &S) {
  if (isStockPublicComment(S.Name, S.Comment))
    set(S.Comment, "");
  for (Table &T : S.Tables)
    table(T, S.Name);
  for (EnumType &E : S.Enums)
    annotations(E.Annotations);
  for (Domain &D : S.Domains) {
    annotations(D.Annotations);
    type(D.BaseType);
    expr(D.Default);
    for (DomainCheck &K : D.Checks)
      expr(K.Expr);
  }
  for (CompositeType &CT : S.Composites)
    for (CompositeAttribute &A : CT.Attributes)
      type(A.Type);
  for (RangeType &R : S.Ranges) {
    annotations(R.Annotations);
    type(R.Subtype);
  }
  for (Sequence &Q : S.Sequences) {
    annotations(Q.Annotations);
    type(Q.Type);
  }
  for (View &V : S.Views) {
    annotations(V.Annotations);
    if (!V.Query.empty())
      set(V.Query, canonicalQuery(V.Query));
    for (Index &I : V.Indexes)
      index(I);
    for (Trigger &Tr : V.Triggers)
      trigger(Tr, S.Name);
  }
  for (Function &F : S.Functions) {
    annotations(F.Annotations);
    expr(F.Arguments);
    expr(F.Returns);
  }
}

bool canonicalize(Catalog &C) {
  size_t Before = 0, After = 0;
  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables)
      Before += T.Constraints.size() + T.Indexes.size();
  dropDerivedObjects(C);
  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables)
      After += T.Constraints.size() + T.Indexes.size();
  Canonicalizer R(C);
  for (Schema &S : C.Schemas)
    R.schema(S);
  return R.changed() || Before != After;
}

} // namespace schema
} // namespace bk
