//===- OwaspIntegerBoundedRule.cpp - owasp-integer-bounded ----------------===//

#include "bk/Lint/OwaspIntegerBoundedRule.h"
#include "bk/Lint/APILintUtils.h"

#include <string>

namespace bk {

/// `type: integer`, or `type: number` with an integer format.
static bool isIntegerSchema(const api::SchemaNode &S) {
  if (S.Types.has(api::JSONType::Integer))
    return true;
  return S.Types.has(api::JSONType::Number) &&
         (S.Format == "int32" || S.Format == "int64");
}

void OwaspIntegerBoundedRule::check(api::API &A,
                                    AnalysisManager<api::API> &AM) {
  lint::forEachRequestSchema(
      A, [&](const api::SchemaNode &S, const lint::SchemaSite &Site) {
        // A reference is checked at its target, which the walker also visits.
        if (S.isRef() || !isIntegerSchema(S) || !S.Enum.empty() || S.Const)
          return;
        bool HasMin = S.Minimum || S.ExclusiveMinimum;
        bool HasMax = S.Maximum || S.ExclusiveMaximum;
        if (HasMin && HasMax)
          return;
        const char *Missing = !HasMin && !HasMax ? "no minimum and no maximum"
                              : !HasMin          ? "no minimum"
                                                 : "no maximum";
        report(S.Location, lint::describeRequestSchema("integer", Site) +
                               " has " + Missing + "; bound it");
      });
}

} // namespace bk
