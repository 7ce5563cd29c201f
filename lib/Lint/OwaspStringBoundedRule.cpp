//===- OwaspStringBoundedRule.cpp - owasp-string-bounded ------------------===//

#include "bk/Lint/OwaspStringBoundedRule.h"
#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>

using namespace llvm;

namespace bk {

/// Formats whose validators bound the length of the string.
static bool isBoundedFormat(StringRef Format) {
  static const char *const Formats[] = {"date", "date-time", "time",
                                        "uuid", "ipv4",      "ipv6"};
  return is_contained(Formats, Format);
}

/// A pattern anchored at both ends (^...$) with no open repetition ('*',
/// '+' or '{n,}') outside a character class and not escaped: every string
/// it matches has a bounded length.
static bool isBoundingPattern(StringRef P) {
  if (P.size() < 2 || !P.startswith("^") || !P.endswith("$"))
    return false;
  bool InClass = false;
  for (size_t I = 1, E = P.size(); I < E; ++I) {
    char C = P[I];
    if (C == '\\') {
      // The final '$' is escaped: the pattern is not anchored at the end.
      if (I + 2 == E)
        return false;
      ++I;
      continue;
    }
    if (InClass) {
      InClass = C != ']';
      continue;
    }
    if (C == '[') {
      InClass = true;
      // ']' right after '[' or '[^' is a literal.
      if (I + 1 < E && P[I + 1] == '^')
        ++I;
      if (I + 1 < E && P[I + 1] == ']')
        ++I;
      continue;
    }
    if (C == '*' || C == '+')
      return false;
    if (C == '{') {
      // {n,} is open; {n} and {n,m} are not.
      size_t J = I + 1;
      while (J < E && isDigit(P[J]))
        ++J;
      if (J > I + 1 && J + 1 < E && P[J] == ',' && P[J + 1] == '}')
        return false;
    }
  }
  return true;
}

void OwaspStringBoundedRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  lint::forEachRequestSchema(A, [&](const api::SchemaNode &S,
                                    const lint::SchemaSite &Site) {
    // A reference is checked at its target, which the walker also visits.
    if (S.isRef() || !S.Types.has(api::JSONType::String))
      return;
    if (S.MaxLength || !S.Enum.empty() || S.Const ||
        isBoundedFormat(S.Format) || isBoundingPattern(S.Pattern))
      return;
    report(S.Location, lint::describeRequestSchema("string", Site) +
                           " has no maxLength; bound it (or use enum/const)");
  });
}

} // namespace bk
