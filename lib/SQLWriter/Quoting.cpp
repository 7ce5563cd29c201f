//===- Quoting.cpp - Literals, dollar quotes, parentheses -----------------===//

#include "bk/SQLWriter/SQLText.h"
#include "bk/SQLWriter/SQLWriter.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace sqlwriter {

std::string quoteLiteral(StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += '\'';
    Out += C;
  }
  Out += '\'';
  return Out;
}

/// Whether Tag closes a dollar quote of Body exactly at its end: the first
/// occurrence of Tag in Body + Tag is the appended one.
static bool isSafeTag(StringRef Body, StringRef Tag) {
  std::string Joined = Body.str() + Tag.str();
  return StringRef(Joined).find(Tag) == Body.size();
}

std::string chooseDollarTag(StringRef Body) {
  if (isSafeTag(Body, "$$"))
    return "$$";
  for (unsigned N = 0;; ++N) {
    std::string Tag = "$body" + (N ? std::to_string(N) : std::string()) + "$";
    if (isSafeTag(Body, Tag))
      return Tag;
  }
}

std::string dollarQuote(StringRef Body) {
  std::string Tag = chooseDollarTag(Body);
  return Tag + Body.str() + Tag;
}

/// Moves I past the quoted token (string literal, quoted identifier or
/// dollar quote) starting at S[I]; false when S[I] starts none.
static bool skipQuoted(StringRef S, size_t &I) {
  char C = S[I];
  if (C == '\'' || C == '"') {
    for (++I; I < S.size(); ++I) {
      if (S[I] != C)
        continue;
      if (I + 1 < S.size() && S[I + 1] == C) {
        ++I;
        continue;
      }
      ++I;
      return true;
    }
    return true;
  }
  if (C == '$' && (I == 0 || !(isAlnum(S[I - 1]) || S[I - 1] == '_'))) {
    size_t End = S.find('$', I + 1);
    if (End == StringRef::npos)
      return false;
    StringRef Tag = S.slice(I, End + 1);
    if (!all_of(Tag.drop_front().drop_back(),
                [](char T) { return isAlnum(T) || T == '_'; }))
      return false;
    if (Tag.size() > 2 && isDigit(Tag[1]))
      return false; // $1 is a parameter
    size_t Close = S.find(Tag, End + 1);
    I = Close == StringRef::npos ? S.size() : Close + Tag.size();
    return true;
  }
  return false;
}

void scanTopLevel(StringRef S,
                  const std::function<void(size_t, unsigned)> &Visit) {
  unsigned Depth = 0;
  for (size_t I = 0; I < S.size();) {
    if (skipQuoted(S, I))
      continue;
    char C = S[I];
    if (C == '(' || C == '[')
      ++Depth;
    else if ((C == ')' || C == ']') && Depth)
      --Depth;
    Visit(I, Depth);
    ++I;
  }
}

bool hasTopLevelKeyword(StringRef S, std::initializer_list<StringRef> Words) {
  bool Found = false;
  size_t WordStart = StringRef::npos;
  auto EndWord = [&](size_t End) {
    if (WordStart == StringRef::npos)
      return;
    std::string W = S.slice(WordStart, End).lower();
    if (is_contained(Words, StringRef(W)))
      Found = true;
    WordStart = StringRef::npos;
  };
  size_t Last = 0;
  scanTopLevel(S, [&](size_t I, unsigned Depth) {
    bool InWord = !Depth && (isAlnum(S[I]) || S[I] == '_');
    // A quoted token or a parenthesis between two visits ends a word.
    if (WordStart != StringRef::npos && (!InWord || I != Last + 1))
      EndWord(Last + 1);
    if (InWord && WordStart == StringRef::npos &&
        (I == 0 || !(isAlnum(S[I - 1]) || S[I - 1] == '_' || S[I - 1] == '$')))
      WordStart = I;
    Last = I;
  });
  EndWord(Last + 1);
  return Found;
}

std::set<std::string> referencedNames(StringRef S) {
  std::set<std::string> Names;
  for (size_t I = 0; I < S.size();) {
    char C = S[I];
    if (C == '"') {
      std::string Name;
      if (!readQuotedIdentifier(S, I, Name))
        break;
      Names.insert(Name);
      continue;
    }
    if (skipQuoted(S, I))
      continue;
    if (isAlpha(C) || C == '_') {
      size_t Start = I;
      while (I < S.size() && (isAlnum(S[I]) || S[I] == '_' || S[I] == '$'))
        ++I;
      Names.insert(S.slice(Start, I).lower());
      continue;
    }
    ++I;
  }
  return Names;
}

std::vector<std::string> splitTopLevel(StringRef S, char Sep) {
  std::vector<std::string> Parts;
  size_t Start = 0;
  scanTopLevel(S, [&](size_t I, unsigned Depth) {
    if (!Depth && S[I] == Sep) {
      Parts.push_back(S.slice(Start, I).trim().str());
      Start = I + 1;
    }
  });
  StringRef Last = S.drop_front(Start).trim();
  if (!Last.empty() || !Parts.empty())
    Parts.push_back(Last.str());
  return Parts;
}

std::string parenthesize(StringRef Expr) {
  Expr = Expr.trim();
  if (Expr.startswith("(") && Expr.endswith(")")) {
    // Enclosed when the first '(' is closed by the last character only.
    bool ClosedEarly = false;
    scanTopLevel(Expr, [&](size_t I, unsigned Depth) {
      if (!Depth && I + 1 < Expr.size())
        ClosedEarly = true;
    });
    if (!ClosedEarly)
      return Expr.str();
  }
  return "(" + Expr.str() + ")";
}

static bool isLowerAlpha(char C) { return C >= 'a' && C <= 'z'; }

static bool isPlainLowerIdentifier(StringRef S) {
  if (S.empty() || !(isLowerAlpha(S[0]) || S[0] == '_'))
    return false;
  return all_of(S, [](char C) {
    return isLowerAlpha(C) || isDigit(C) || C == '_' || C == '$';
  });
}

std::string quoteQualifiedName(StringRef Name) {
  StringRef Schema, Rest;
  std::tie(Schema, Rest) = Name.split('.');
  if (!Rest.empty() && isPlainLowerIdentifier(Schema) && !Rest.contains('.'))
    return quoteIdentifier(Schema) + "." + quoteIdentifier(Rest);
  return quoteIdentifier(Name);
}

std::string functionIdentityArguments(StringRef Arguments) {
  std::string Out;
  for (const std::string &Arg : splitTopLevel(Arguments, ',')) {
    StringRef A = Arg;
    // Cut at a top-level DEFAULT or '=' (both spellings of a default).
    size_t Cut = StringRef::npos;
    scanTopLevel(A, [&](size_t I, unsigned Depth) {
      if (Depth || Cut != StringRef::npos)
        return;
      if (A[I] == '=' && I > 0 && isSpace(A[I - 1])) {
        Cut = I;
        return;
      }
      if (I > 0 && isSpace(A[I - 1]) &&
          A.substr(I, 7).equals_insensitive("default") &&
          (I + 7 == A.size() || isSpace(A[I + 7])))
        Cut = I;
    });
    if (!Out.empty())
      Out += ", ";
    Out += A.substr(0, Cut).trim().str();
  }
  return Out;
}

} // namespace sqlwriter
} // namespace bk
