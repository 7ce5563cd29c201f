//===- Compare.cpp - Definitions compared, type changes classified --------===//

#include "DiffInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <tuple>

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace diff {
namespace detail {

//===----------------------------------------------------------------------===//
// Loose expression keys
//===----------------------------------------------------------------------===//

namespace {
struct LooseToken {
  enum KindTy { Literal, Name, Cast, Punct } Kind;
  std::string Text;
};
} // namespace

static bool isOperatorChar(char C) {
  return StringRef("+-*/<>=~!@#%^&|?").contains(C);
}

static std::vector<LooseToken> lexLoose(StringRef S) {
  std::vector<LooseToken> Out;
  size_t I = 0, N = S.size();
  while (I < N) {
    char C = S[I];
    if (isSpace(C)) {
      ++I;
      continue;
    }
    size_t B = I;
    if (C == '\'') {
      for (++I; I < N; ++I)
        if (S[I] == '\'') {
          if (I + 1 < N && S[I + 1] == '\'') {
            ++I;
            continue;
          }
          ++I;
          break;
        }
      Out.push_back({LooseToken::Literal, S.slice(B, I).str()});
    } else if (C == '"') {
      for (++I; I < N; ++I)
        if (S[I] == '"') {
          if (I + 1 < N && S[I + 1] == '"') {
            ++I;
            continue;
          }
          ++I;
          break;
        }
      Out.push_back({LooseToken::Name, S.slice(B, I).str()});
    } else if (isDigit(C)) {
      while (I < N && (isAlnum(S[I]) || S[I] == '.'))
        ++I;
      Out.push_back({LooseToken::Literal, S.slice(B, I).str()});
    } else if (isAlpha(C) || C == '_') {
      while (I < N && (isAlnum(S[I]) || S[I] == '_' || S[I] == '$'))
        ++I;
      Out.push_back({LooseToken::Name, S.slice(B, I).lower()});
    } else if (C == ':' && I + 1 < N && S[I + 1] == ':') {
      I += 2;
      Out.push_back({LooseToken::Cast, "::"});
    } else if (isOperatorChar(C)) {
      while (I < N && isOperatorChar(S[I]))
        ++I;
      Out.push_back({LooseToken::Punct, S.slice(B, I).str()});
    } else {
      ++I;
      Out.push_back({LooseToken::Punct, std::string(1, C)});
    }
  }
  return Out;
}

/// The index just past the type name that starts at Toks[I].
static size_t skipTypeName(const std::vector<LooseToken> &Toks, size_t I) {
  auto Is = [&](size_t J, StringRef T) {
    return J < Toks.size() && Toks[J].Text == T;
  };
  if (I >= Toks.size() || Toks[I].Kind != LooseToken::Name)
    return I;
  ++I;
  if (Is(I, ".") && I + 1 < Toks.size() && Toks[I + 1].Kind == LooseToken::Name)
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

/// A simple query over one relation (SELECT ... FROM [schema.]rel [WHERE
/// ...], no join, alias, comma or subquery): PostgreSQL's deparser
/// qualifies every column with the relation's name; rel.col → col.
static void dropSingleRelationQualifiers(std::vector<LooseToken> &Toks) {
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
  if (I >= Toks.size() || Toks[I].Kind != LooseToken::Name)
    return;
  std::string Rel = Toks[I].Text;
  size_t After = I + 1;
  if (After < Toks.size() && Toks[After].Text != "where" &&
      Toks[After].Text != "group" && Toks[After].Text != "order" &&
      Toks[After].Text != "having" && Toks[After].Text != "limit")
    return; // An alias, a comma or something else: keep it all.
  std::vector<LooseToken> Out;
  for (size_t J = 0; J < Toks.size(); ++J) {
    if (J != I && Toks[J].Kind == LooseToken::Name && Toks[J].Text == Rel &&
        J + 2 < Toks.size() && Toks[J + 1].Text == "." &&
        Toks[J + 2].Kind == LooseToken::Name) {
      ++J;
      continue;
    }
    Out.push_back(std::move(Toks[J]));
  }
  Toks = std::move(Out);
}

static std::string looseTokens(std::vector<LooseToken> In);

std::string looseExpr(StringRef Expr) { return looseTokens(lexLoose(Expr)); }

std::string looseQuery(StringRef Query) {
  std::vector<LooseToken> In = lexLoose(Query);
  // public. first, so "FROM public.rel" is one name.
  std::vector<LooseToken> Plain;
  for (size_t I = 0; I < In.size(); ++I) {
    if (In[I].Kind == LooseToken::Name && In[I].Text == "public" &&
        I + 2 < In.size() && In[I + 1].Text == "." &&
        In[I + 2].Kind == LooseToken::Name) {
      ++I;
      continue;
    }
    Plain.push_back(In[I]);
  }
  dropSingleRelationQualifiers(Plain);
  return looseTokens(std::move(Plain));
}

static std::string looseTokens(std::vector<LooseToken> In) {
  std::vector<LooseToken> Toks;
  for (size_t I = 0; I < In.size(); ++I) {
    LooseToken T = In[I];
    // public.name → name.
    if (T.Kind == LooseToken::Name && T.Text == "public" && I + 2 < In.size() &&
        In[I + 1].Text == "." && In[I + 2].Kind == LooseToken::Name) {
      ++I;
      continue;
    }
    if (T.Kind == LooseToken::Literal &&
        StringRef(T.Text).startswith("'public."))
      T.Text = "'" + T.Text.substr(8);
    if (T.Kind == LooseToken::Literal)
      T.Text = timestampInUTC(T.Text);
    // A cast of a literal or a column, or of one in parentheses (the
    // implicit coercions PostgreSQL writes out: (qty)::numeric).
    if (T.Kind == LooseToken::Cast && !Toks.empty()) {
      auto IsOperand = [](const LooseToken &X) {
        return X.Kind == LooseToken::Literal || X.Kind == LooseToken::Name;
      };
      bool OfLiteral = IsOperand(Toks.back()) && Toks.back().Text != ")";
      if (!OfLiteral && Toks.size() >= 3 && Toks.back().Text == ")" &&
          IsOperand(Toks[Toks.size() - 2]) && Toks[Toks.size() - 3].Text == "(")
        OfLiteral = true;
      // (alias.column)::type
      if (!OfLiteral && Toks.size() >= 5 && Toks.back().Text == ")" &&
          Toks[Toks.size() - 2].Kind == LooseToken::Name &&
          Toks[Toks.size() - 3].Text == "." &&
          Toks[Toks.size() - 4].Kind == LooseToken::Name &&
          Toks[Toks.size() - 5].Text == "(")
        OfLiteral = true;
      if (!OfLiteral && Toks.size() >= 4 && Toks.back().Text == ")" &&
          Toks[Toks.size() - 2].Kind == LooseToken::Literal &&
          Toks[Toks.size() - 3].Text == "-" &&
          Toks[Toks.size() - 4].Text == "(")
        OfLiteral = true;
      if (OfLiteral) {
        size_t End = skipTypeName(In, I + 1);
        if (End > I + 1) {
          I = End - 1;
          continue;
        }
      }
    }
    Toks.push_back(std::move(T));
  }
  // (x) → x for a single literal or name not called as a function.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I + 2 < Toks.size(); ++I) {
      if (Toks[I].Text != "(")
        continue;
      // x, or a qualified a.b.
      size_t Close = I + 2;
      if (I + 4 < Toks.size() && Toks[I + 1].Kind == LooseToken::Name &&
          Toks[I + 2].Text == "." && Toks[I + 3].Kind == LooseToken::Name)
        Close = I + 4;
      if (Toks[Close].Text != ")" || (Toks[I + 1].Kind != LooseToken::Literal &&
                                      Toks[I + 1].Kind != LooseToken::Name))
        continue;
      if (I > 0 && Toks[I - 1].Kind == LooseToken::Name &&
          !opensExpression(Toks[I - 1].Text))
        continue;
      Toks.erase(Toks.begin() + Close);
      Toks.erase(Toks.begin() + I);
      Changed = true;
    }
  }
  // x BETWEEN a AND b → x >= a AND x <= b, as PostgreSQL stores it.
  for (size_t I = 1; I + 3 < Toks.size(); ++I) {
    if (Toks[I].Text != "between" || Toks[I + 2].Text != "and" ||
        Toks[I - 1].Kind == LooseToken::Punct || Toks[I - 1].Text == "not" ||
        Toks[I + 1].Kind == LooseToken::Punct ||
        Toks[I + 3].Kind == LooseToken::Punct ||
        (I >= 2 && Toks[I - 2].Kind != LooseToken::Punct &&
         !isBooleanWord(Toks[I - 2].Text)))
      continue;
    LooseToken X = Toks[I - 1], A = Toks[I + 1], B = Toks[I + 3];
    std::vector<LooseToken> R = {
        X, {LooseToken::Punct, ">="}, A, {LooseToken::Name, "and"},
        X, {LooseToken::Punct, "<="}, B};
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
      bool CallOrList = I > 0 && Toks[I - 1].Kind == LooseToken::Name &&
                        !opensExpression(Toks[I - 1].Text);
      bool Before = I == 0 || opensExpression(Toks[I - 1].Text);
      if (CallOrList || !Before)
        continue;
      size_t Depth = 0, Close = 0;
      bool Comparison = false, Boolean = false;
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
          if (W == "and" || W == "or")
            Boolean = true;
          if (W == "not" && J == I + 1)
            Comparison = true; // (NOT x): NOT binds tighter than AND/OR.
          if (W == "=" || W == "<>" || W == "!=" || W == "<" || W == ">" ||
              W == "<=" || W == ">=" || W == "is" || W == "like" ||
              W == "ilike")
            Comparison = true;
        }
      }
      bool After =
          Close + 1 == Toks.size() || closesExpression(Toks[Close + 1].Text);
      // (f(x)): one call in parentheses.
      bool Call = Close > I + 3 && Toks[I + 1].Kind == LooseToken::Name &&
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
      if (!Close || !((Comparison && !Boolean) || Call) || !After)
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
  std::string Out;
  for (const LooseToken &T : Toks) {
    if (!Out.empty())
      Out += ' ';
    Out += T.Text;
  }
  return Out;
}

bool sameExpr(StringRef A, StringRef B) {
  return A == B || looseExpr(A) == looseExpr(B);
}

bool sameType(StringRef A, StringRef B) {
  if (A == B)
    return true;
  A.consume_front("public.");
  B.consume_front("public.");
  return A == B;
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
        !(A[I].IsExpression ? sameExpr(A[I].Text, B[I].Text)
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
  return Tie(A) == Tie(B) && sameExpr(A.Expr, B.Expr) &&
         sameExpr(A.Where, B.Where) && sameKeys(A.Elements, B.Elements) &&
         resolve(A.RefTable, SA) == resolve(B.RefTable, SB);
}

bool sameIndex(const Index &A, const Index &B) {
  auto Tie = [](const Index &I) {
    return std::tie(I.Unique, I.NullsNotDistinct, I.Method, I.Include,
                    I.Tablespace);
  };
  return Tie(A) == Tie(B) && sameExpr(A.Where, B.Where) &&
         sameKeys(A.Keys, B.Keys) && sameOptions(A.Options, B.Options);
}

bool sameFunctionRef(const QualifiedName &A, StringRef SA,
                     const QualifiedName &B, StringRef SB) {
  if (A.Name != B.Name)
    return false;
  if (resolve(A, SA) == resolve(B, SB))
    return true;
  // An unqualified name found through the search path, which starts with
  // pg_catalog: the catalog names the schema it was found in.
  auto Found = [](const QualifiedName &Unqualified, const QualifiedName &Q) {
    return Unqualified.Schema.empty() &&
           (Q.Schema == "pg_catalog" || Q.Schema == "public");
  };
  return Found(A, B) || Found(B, A);
}

bool sameTrigger(const Trigger &A, StringRef SA, const Trigger &B,
                 StringRef SB) {
  auto Tie = [](const Trigger &T) {
    return std::tie(T.Timing, T.Events, T.UpdateColumns, T.ForEachRow,
                    T.Arguments, T.OldTable, T.NewTable, T.IsConstraint,
                    T.Deferrable, T.InitiallyDeferred);
  };
  return Tie(A) == Tie(B) && sameExpr(A.When, B.When) &&
         sameFunctionRef(A.Function, SA, B.Function, SB);
}

bool samePolicy(const Policy &A, const Policy &B) {
  auto Tie = [](const Policy &P) {
    return std::tie(P.Command, P.Permissive, P.Roles);
  };
  return Tie(A) == Tie(B) && sameExpr(A.Using, B.Using) &&
         sameExpr(A.WithCheck, B.WithCheck);
}

bool sameView(const View &A, const View &B) {
  auto Tie = [](const View &V) {
    return std::tie(V.Materialized, V.Columns, V.WithNoData, V.Tablespace);
  };
  return Tie(A) == Tie(B) && sameOptions(A.Options, B.Options) &&
         (A.Query == B.Query || looseQuery(A.Query) == looseQuery(B.Query));
}

bool sameFunctionBody(const Function &A, const Function &B) {
  auto Tie = [](const Function &F) {
    return std::tie(F.Kind, F.Language, F.Body, F.Volatile, F.Strict,
                    F.SecurityDefiner, F.Leakproof, F.Parallel, F.Cost, F.Rows);
  };
  return Tie(A) == Tie(B) && sameOptions(A.Config, B.Config) &&
         sameExpr(A.Arguments, B.Arguments) && sameExpr(A.Returns, B.Returns);
}

bool sameSequenceOptions(const Sequence &A, const Sequence &B) {
  return A.Type == B.Type && A.Increment == B.Increment &&
         A.effectiveMinValue() == B.effectiveMinValue() &&
         A.effectiveMaxValue() == B.effectiveMaxValue() &&
         A.effectiveStart() == B.effectiveStart() && A.Cache == B.Cache &&
         A.Cycle == B.Cycle;
}

//===----------------------------------------------------------------------===//
// Type references
//===----------------------------------------------------------------------===//

namespace {
/// A type name taken apart: [schema.]name[(mods)][[]...].
struct TypeRef {
  std::string Schema;
  std::string Name;
  /// Where the name part starts and ends in the text.
  size_t NameBegin = 0, NameEnd = 0;
  bool Parsed = false;
};
} // namespace

/// Reads one identifier (quoted or plain) at S[I].
static bool readIdent(StringRef S, size_t &I, std::string &Out) {
  if (I < S.size() && S[I] == '"')
    return readQuotedIdentifier(S, I, Out);
  size_t B = I;
  while (I < S.size() && (isAlnum(S[I]) || S[I] == '_' || S[I] == '$'))
    ++I;
  if (I == B)
    return false;
  Out = S.slice(B, I).lower();
  return true;
}

static TypeRef parseTypeRef(StringRef T) {
  TypeRef R;
  size_t I = 0;
  std::string First;
  size_t FirstBegin = I;
  if (!readIdent(T, I, First))
    return R;
  if (I < T.size() && T[I] == '.') {
    ++I;
    R.NameBegin = I;
    if (!readIdent(T, I, R.Name))
      return R;
    R.Schema = First;
  } else {
    R.NameBegin = FirstBegin;
    R.Name = First;
  }
  R.NameEnd = I;
  StringRef Rest = T.substr(I);
  while (Rest.consume_back("[]"))
    ;
  R.Parsed = Rest.empty();
  return R;
}

bool typeRefersTo(StringRef ColumnType, StringRef TSchema, StringRef T) {
  TypeRef R = parseTypeRef(ColumnType);
  if (!R.Parsed)
    return false;
  StringRef Schema = R.Schema.empty() ? StringRef("public") : R.Schema;
  return R.Name == T && Schema == TSchema;
}

std::string renameTypeRef(StringRef ColumnType, StringRef From, StringRef To) {
  TypeRef R = parseTypeRef(ColumnType);
  if (!R.Parsed || R.Name != From)
    return ColumnType.str();
  return (ColumnType.take_front(R.NameBegin) + quoteIdentifier(To) +
          ColumnType.substr(R.NameEnd))
      .str();
}

//===----------------------------------------------------------------------===//
// Type changes
//===----------------------------------------------------------------------===//

namespace {
/// A canonical type name split into its base ("character varying",
/// "timestamp without time zone"), modifiers and array-ness.
struct TypeShape {
  std::string Base;
  std::vector<int64_t> Mods;
  bool Array = false;
  bool Parsed = true;
};
} // namespace

static TypeShape shapeOf(StringRef T) {
  TypeShape S;
  while (T.consume_back("[]"))
    S.Array = true;
  size_t Open = T.find('(');
  if (Open == StringRef::npos) {
    S.Base = T.str();
    return S;
  }
  size_t Close = T.find(')', Open);
  if (Close == StringRef::npos) {
    S.Parsed = false;
    return S;
  }
  SmallVector<StringRef, 2> Parts;
  T.slice(Open + 1, Close).split(Parts, ',');
  for (StringRef P : Parts) {
    int64_t V;
    if (P.trim().getAsInteger(10, V)) {
      S.Parsed = false;
      return S;
    }
    S.Mods.push_back(V);
  }
  S.Base =
      (T.take_front(Open).rtrim() + " " + T.substr(Close + 1).ltrim()).str();
  S.Base = StringRef(S.Base).trim().str();
  return S;
}

static int intRank(StringRef Base) {
  return StringSwitch<int>(Base)
      .Case("smallint", 1)
      .Case("integer", 2)
      .Case("bigint", 3)
      .Default(0);
}

static bool isTimeBase(StringRef Base) {
  return Base == "timestamp without time zone" ||
         Base == "timestamp with time zone" ||
         Base == "time without time zone" || Base == "time with time zone" ||
         Base == "interval";
}

static bool isStringBase(StringRef Base) {
  return Base == "text" || Base == "character varying";
}

/// The change of a non-array type From → To, or None when no rule knows
/// the pair (a conversion).
static Optional<TypeChange> classifyShapes(const TypeShape &F,
                                           const TypeShape &T) {
  // Integers, and integers to unbounded numeric.
  int FI = intRank(F.Base), TI = intRank(T.Base);
  if (FI && TI)
    return TI > FI ? TypeChange::WideningRewrite : TypeChange::Narrowing;
  if (FI && T.Base == "numeric" && T.Mods.empty())
    return TypeChange::WideningRewrite;
  if (F.Base == "numeric" && TI)
    return TypeChange::Narrowing;
  if (F.Base == "real" && T.Base == "double precision")
    return TypeChange::WideningRewrite;
  if (F.Base == "double precision" && (T.Base == "real" || TI))
    return TypeChange::Narrowing;
  if (F.Base == "real" && TI)
    return TypeChange::Narrowing;

  // Bounded strings and bit strings: a larger (or no) bound keeps the bytes.
  if ((isStringBase(F.Base) && isStringBase(T.Base)) ||
      (F.Base == "bit varying" && T.Base == "bit varying")) {
    if (T.Mods.empty() &&
        (T.Base == "text" || T.Base == F.Base || F.Base == "character varying"))
      return TypeChange::Widening;
    if (T.Mods.empty())
      return TypeChange::Widening;
    if (!F.Mods.empty() && T.Mods[0] >= F.Mods[0])
      return TypeChange::Widening;
    return TypeChange::Narrowing;
  }
  if (F.Base == "character" && T.Base == "character")
    return T.Mods.empty() || F.Mods.empty() || T.Mods[0] >= F.Mods[0]
               ? TypeChange::WideningRewrite
               : TypeChange::Narrowing;

  // numeric(p,s): more integer digits and no fewer fraction digits.
  if (F.Base == "numeric" && T.Base == "numeric") {
    if (T.Mods.empty())
      return TypeChange::Widening;
    if (F.Mods.empty())
      return TypeChange::Narrowing;
    int64_t FS = F.Mods.size() > 1 ? F.Mods[1] : 0;
    int64_t TS = T.Mods.size() > 1 ? T.Mods[1] : 0;
    if (TS == FS && T.Mods[0] >= F.Mods[0])
      return TypeChange::Widening;
    if (TS > FS && T.Mods[0] - TS >= F.Mods[0] - FS)
      return TypeChange::WideningRewrite;
    return TypeChange::Narrowing;
  }

  // Fractional-second precision of the time types.
  if (isTimeBase(F.Base) && F.Base == T.Base) {
    int64_t FP = F.Mods.empty() ? 6 : F.Mods[0];
    int64_t TP = T.Mods.empty() ? 6 : T.Mods[0];
    return TP >= FP ? TypeChange::Widening : TypeChange::Narrowing;
  }
  if ((F.Base == "timestamp without time zone" ||
       F.Base == "timestamp with time zone") &&
      T.Base == "date")
    return TypeChange::Narrowing;

  // Anything to text keeps its text form (an assignment I/O cast).
  if (T.Base == "text" || (T.Base == "character varying" && T.Mods.empty()))
    return TypeChange::WideningRewrite;
  return None;
}

TypeChange classifyTypeChange(StringRef From, StringRef To) {
  TypeShape F = shapeOf(From), T = shapeOf(To);
  if (!F.Parsed || !T.Parsed || F.Array != T.Array)
    return TypeChange::Conversion;
  if (Optional<TypeChange> C = classifyShapes(F, T)) {
    // Arrays of a widened element type are rewritten element by element.
    if (F.Array && *C == TypeChange::Widening)
      return TypeChange::WideningRewrite;
    return *C;
  }
  return TypeChange::Conversion;
}

//===----------------------------------------------------------------------===//
// Rename declarations
//===----------------------------------------------------------------------===//

/// The old name an annotation declares, or "" when it declares none.
/// Reports a declaration without a name.
static std::string renamedFrom(const std::vector<std::string> &Annotations,
                               Loc L, DiagnosticEngine &Diags,
                               std::string *SchemaOut = nullptr) {
  for (StringRef A : Annotations) {
    StringRef Value;
    if (A.consume_front("bk:renamed-from")) {
      Value = A.trim();
    } else if (A.consume_front("@renamed")) {
      size_t From = A.find("from=");
      if (From == StringRef::npos) {
        Diags.error(L, "'@renamed' needs 'from=OLD_NAME'");
        return "";
      }
      Value = A.substr(From + 5);
      Value = Value.take_until([](char C) { return C == ' ' || C == '\t'; });
    } else {
      continue;
    }
    Value = Value.trim();
    std::string First, Second;
    size_t I = 0;
    if (!readIdent(Value, I, First)) {
      Diags.error(L, "rename declaration needs the old name: '-- " + A.str() +
                         "'");
      return "";
    }
    if (I < Value.size() && Value[I] == '.') {
      ++I;
      if (!readIdent(Value, I, Second)) {
        Diags.error(L, "bad old name in rename declaration '" + Value + "'");
        return "";
      }
      if (SchemaOut)
        *SchemaOut = First;
      First = Second;
    }
    if (I != Value.size()) {
      Diags.error(L, "bad old name in rename declaration '" + Value + "'");
      return "";
    }
    return First;
  }
  return "";
}

std::vector<Rename> collectRenames(const Catalog &New,
                                   DiagnosticEngine &Diags) {
  std::vector<Rename> Out;
  auto Add = [&](RenameKind K, const Schema &S, StringRef Table,
                 StringRef NewName, const std::vector<std::string> &Anns,
                 Loc L) {
    std::string OldSchema;
    std::string Old = renamedFrom(Anns, L, Diags, &OldSchema);
    if (Old.empty() || Old == NewName)
      return;
    if (!OldSchema.empty() && OldSchema != S.Name) {
      Diags.error(L, "bk-diff renames objects within a schema; moving '" +
                         OldSchema + "." + Old + "' to schema '" + S.Name +
                         "' is not supported");
      return;
    }
    Out.push_back({K, S.Name, Table.str(), Old, NewName.str(), L});
  };
  for (const Schema &S : New.Schemas) {
    for (const Table &T : S.Tables) {
      Add(RenameKind::Table, S, "", T.Name, T.Annotations, T.Location);
      for (const Column &C : T.Columns)
        Add(RenameKind::Column, S, T.Name, C.Name, C.Annotations, C.Location);
      for (const Constraint &C : T.Constraints)
        Add(RenameKind::Constraint, S, T.Name, C.Name, C.Annotations,
            C.Location);
      for (const Index &I : T.Indexes)
        Add(RenameKind::Index, S, T.Name, I.Name, I.Annotations, I.Location);
    }
    for (const EnumType &E : S.Enums)
      Add(RenameKind::Enum, S, "", E.Name, E.Annotations, E.Location);
    for (const Domain &D : S.Domains)
      Add(RenameKind::Domain, S, "", D.Name, D.Annotations, D.Location);
    for (const Sequence &Q : S.Sequences)
      Add(RenameKind::Sequence, S, "", Q.Name, Q.Annotations, Q.Location);
    for (const View &V : S.Views)
      Add(RenameKind::View, S, "", V.Name, V.Annotations, V.Location);
  }
  return Out;
}

} // namespace detail
} // namespace diff
} // namespace bk
