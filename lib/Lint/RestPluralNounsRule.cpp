//===- RestPluralNounsRule.cpp - rest-plural-nouns ------------------------===//
//
// A literal path segment directly followed by a template segment names a
// collection ("/users/{id}") and must be a plural noun.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RestPluralNounsRule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>

using namespace llvm;

namespace bk {

static bool isUpperASCII(char C) { return C >= 'A' && C <= 'Z'; }
static bool isLowerASCII(char C) { return C >= 'a' && C <= 'z'; }

/// The last word of a kebab-case, snake_case or camelCase segment:
/// "order-items" → "items", "line_item" → "item", "orderItem" → "Item".
static StringRef lastWord(StringRef Segment) {
  size_t Sep = Segment.find_last_of("-_");
  StringRef Word = Sep == StringRef::npos ? Segment : Segment.substr(Sep + 1);
  // camelCase: start at the last lower-case → upper-case boundary.
  for (size_t I = Word.size(); I > 1; --I)
    if (isUpperASCII(Word[I - 1]) && isLowerASCII(Word[I - 2]))
      return Word.substr(I - 1);
  return Word;
}

/// Plurals that do not end in a plain 's'.
static const char *const IrregularPlurals[] = {
    "people",   "children", "men",     "women", "data",    "media",
    "criteria", "feet",     "teeth",   "mice",  "geese",   "indices",
    "matrices", "series",   "species", "news",  "metadata"};

/// Plurals ending in "us" or "is" that the suffix test would take for
/// singulars ("status", "analysis"): common resource names in APIs.
static const char *const PluralsLikeSingulars[] = {
    "apis", "uris", "kpis", "skus", "menus", "wikis", "emojis", "taxis"};

/// Singular → plural where adding a suffix is wrong.
static const std::pair<const char *, const char *> IrregularSingulars[] = {
    {"person", "people"}, {"child", "children"}, {"man", "men"},
    {"woman", "women"},   {"foot", "feet"},      {"tooth", "teeth"},
    {"mouse", "mice"},    {"goose", "geese"}};

static bool isPlural(StringRef Word) {
  std::string W = Word.lower();
  StringRef L(W);
  if (is_contained(IrregularPlurals, L) ||
      is_contained(PluralsLikeSingulars, L))
    return true;
  return L.endswith("s") && !L.endswith("ss") && !L.endswith("us") &&
         !L.endswith("is");
}

static bool isVowel(char C) {
  C = toLower(C);
  return C == 'a' || C == 'e' || C == 'i' || C == 'o' || C == 'u';
}

/// The plural of Segment, changing only its last word.
static std::string pluralize(StringRef Segment) {
  StringRef Word = lastWord(Segment);
  std::string Stem = Segment.drop_back(Word.size()).str();
  std::string L = Word.lower();
  for (const auto &Irregular : IrregularSingulars)
    if (L == Irregular.first) {
      std::string P = Irregular.second;
      // Keep a capitalised camelCase word capitalised ("userChild").
      if (!Word.empty() && isUpperASCII(Word[0]))
        P[0] = toUpper(P[0]);
      return Stem + P;
    }
  StringRef LW(L);
  if (Word.size() >= 2 && LW.endswith("y") && !isVowel(L[L.size() - 2]))
    return Stem + Word.drop_back().str() + "ies";
  // analysis → analyses, basis → bases.
  if (LW.endswith("is"))
    return Stem + Word.drop_back(2).str() + "es";
  if (LW.endswith("s") || LW.endswith("x") || LW.endswith("z") ||
      LW.endswith("ch") || LW.endswith("sh"))
    return Stem + Word.str() + "es";
  return Stem + Word.str() + "s";
}

void RestPluralNounsRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  StringSet<> SeenPaths;
  for (const api::Operation &Op : A.Operations) {
    if (!SeenPaths.insert(Op.Path).second)
      continue;
    SmallVector<StringRef, 8> Segments = lint::pathSegments(Op.Path);
    SmallVector<StringRef, 2> Singular;
    for (size_t I = 0; I + 1 < Segments.size(); ++I) {
      StringRef S = Segments[I];
      if (lint::isTemplateSegment(S) ||
          !lint::isTemplateSegment(Segments[I + 1]))
        continue;
      if (lint::isVersionSegment(S) || S.contains('.') || S.contains(':'))
        continue;
      if (!isPlural(lastWord(S)))
        Singular.push_back(S);
    }
    if (Singular.empty())
      continue;
    // One finding per path; further singular segments of it are notes.
    Diagnostic D = finding(Op.Location, "path segment '" + Singular[0] +
                                            "' in '" + Op.Path +
                                            "' names a collection; use the "
                                            "plural '" +
                                            pluralize(Singular[0]) + "'");
    for (StringRef S : drop_begin(Singular))
      D.addNote(Op.Location, "path segment '" + S +
                                 "' names a collection too; use '" +
                                 pluralize(S) + "'");
    report(std::move(D));
  }
}

} // namespace bk
