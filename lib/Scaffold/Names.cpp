//===- Names.cpp - TypeScript identifiers and literals --------------------===//

#include "bk/Scaffold/Names.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <iterator>

using namespace llvm;

namespace bk {
namespace scaffold {

bool isReservedWord(StringRef S) {
  // ECMAScript reserved words, strict-mode ones, and the names TypeScript
  // gives its own types (a type alias may not take them).
  static const char *const Words[] = {
      "any",        "arguments", "await",   "bigint",     "boolean",
      "break",      "case",      "catch",   "class",      "const",
      "continue",   "debugger",  "default", "delete",     "do",
      "else",       "enum",      "eval",    "export",     "extends",
      "false",      "finally",   "for",     "function",   "if",
      "implements", "import",    "in",      "instanceof", "interface",
      "let",        "never",     "new",     "null",       "number",
      "object",     "package",   "private", "protected",  "public",
      "return",     "static",    "string",  "super",      "switch",
      "symbol",     "this",      "throw",   "true",       "try",
      "typeof",     "undefined", "unknown", "var",        "void",
      "while",      "with",      "yield"};
  return std::binary_search(std::begin(Words), std::end(Words), S,
                            [](StringRef A, StringRef B) { return A < B; });
}

static bool isLower(char C) { return C >= 'a' && C <= 'z'; }
static bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }
static bool isIdentStart(char C) { return isAlpha(C) || C == '_' || C == '$'; }
static bool isIdentChar(char C) { return isAlnum(C) || C == '_' || C == '$'; }

bool isIdentifier(StringRef S) {
  if (S.empty() || !isIdentStart(S.front()))
    return false;
  if (!std::all_of(S.begin(), S.end(), isIdentChar))
    return false;
  return !isReservedWord(S);
}

/// Splits S into words at non-alphanumerics and lower-to-upper changes.
template <typename Fn> static void forEachWord(StringRef S, Fn F) {
  size_t I = 0, N = S.size();
  while (I < N) {
    while (I < N && !isAlnum(S[I]))
      ++I;
    size_t Start = I;
    while (I < N && isAlnum(S[I])) {
      ++I;
      if (I < N && isLower(S[I - 1]) && isUpper(S[I]))
        break;
    }
    if (I > Start)
      F(S.slice(Start, I));
  }
}

std::string toPascalCase(StringRef S) {
  std::string R;
  forEachWord(S, [&](StringRef W) {
    R += toUpper(W.front());
    R += W.drop_front().str();
  });
  if (R.empty())
    return "_";
  if (isDigit(R.front()))
    R.insert(R.begin(), '_');
  return R;
}

std::string toCamelCase(StringRef S) {
  std::string R = toPascalCase(S);
  // Lower the leading run of capitals of an acronym word ("URLPath" ->
  // "urlPath", "ID" -> "id"), else just the first letter.
  size_t Caps = 0;
  while (Caps < R.size() && isUpper(R[Caps]))
    ++Caps;
  size_t Lower = Caps > 1 && Caps < R.size() ? Caps - 1 : Caps;
  for (size_t I = 0; I < Lower && I < R.size(); ++I)
    R[I] = toLower(R[I]);
  if (Caps == 0 && !R.empty() && isUpper(R[0]))
    R[0] = toLower(R[0]);
  if (isReservedWord(R))
    R += '_';
  return R;
}

std::string toKebabCase(StringRef S) {
  std::string R;
  forEachWord(S, [&](StringRef W) {
    if (!R.empty())
      R += '-';
    R += W.lower();
  });
  return R.empty() ? "_" : R;
}

std::string quoteString(StringRef S) {
  std::string R;
  R.reserve(S.size() + 2);
  R += '"';
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned char C = S[I];
    switch (C) {
    case '"':
      R += "\\\"";
      continue;
    case '\\':
      R += "\\\\";
      continue;
    case '\n':
      R += "\\n";
      continue;
    case '\r':
      R += "\\r";
      continue;
    case '\t':
      R += "\\t";
      continue;
    default:
      break;
    }
    if (C < 0x20 || C == 0x7f) {
      static const char Hex[] = "0123456789abcdef";
      R += "\\u00";
      R += Hex[C >> 4];
      R += Hex[C & 15];
      continue;
    }
    // U+2028 and U+2029 (E2 80 A8/A9) end lines in older JavaScript.
    if (C == 0xE2 && I + 2 < S.size() && (unsigned char)S[I + 1] == 0x80 &&
        ((unsigned char)S[I + 2] == 0xA8 || (unsigned char)S[I + 2] == 0xA9)) {
      R += (unsigned char)S[I + 2] == 0xA8 ? "\\u2028" : "\\u2029";
      I += 2;
      continue;
    }
    R += C;
  }
  R += '"';
  return R;
}

std::string propertyKey(StringRef Name) {
  if (!Name.empty() && isIdentStart(Name.front()) &&
      std::all_of(Name.begin(), Name.end(), isIdentChar))
    return Name.str();
  return quoteString(Name);
}

std::string commentText(StringRef S) {
  std::string R;
  for (size_t I = 0; I < S.size(); ++I) {
    R += S[I];
    if (S[I] == '*' && I + 1 < S.size() && S[I + 1] == '/')
      R += ' ';
  }
  return R;
}

std::string oneLine(StringRef S) {
  std::string R;
  R.reserve(S.size());
  for (size_t I = 0; I < S.size(); ++I) {
    unsigned char C = S[I];
    if (C == '\r' || C == '\n') {
      R += ' ';
      continue;
    }
    if (C == 0xE2 && I + 2 < S.size() && (unsigned char)S[I + 1] == 0x80 &&
        ((unsigned char)S[I + 2] == 0xA8 || (unsigned char)S[I + 2] == 0xA9)) {
      R += ' ';
      I += 2;
      continue;
    }
    R += C;
  }
  return R;
}

bool NameTable::reserve(StringRef Name) {
  return Used.try_emplace(key(Name), 1).second;
}

std::string NameTable::unique(StringRef Base) {
  if (reserve(Base))
    return Base.str();
  // The counter is read and written by key: inserting the candidate may
  // rehash the map.
  unsigned Next = Used[key(Base)];
  for (;;) {
    std::string Candidate = (Base + Twine(++Next)).str();
    if (reserve(Candidate)) {
      Used[key(Base)] = Next;
      return Candidate;
    }
  }
}

} // namespace scaffold
} // namespace bk
