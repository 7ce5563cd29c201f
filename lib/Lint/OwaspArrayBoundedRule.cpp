//===- OwaspArrayBoundedRule.cpp - owasp-array-bounded --------------------===//

#include "bk/Lint/OwaspArrayBoundedRule.h"
#include "bk/Lint/APILintUtils.h"

#include <string>

namespace bk {

/// The empty schema `{}`: no keyword that constrains a value.
static bool isEmptySchema(const api::SchemaNode &S) {
  return !S.isRef() && S.Types.empty() && S.Format.empty() && S.Enum.empty() &&
         !S.Const && S.Properties.empty() && S.ExtraRequired.empty() &&
         S.Additional == api::AdditionalKind::Unspecified && !S.MinProperties &&
         !S.MaxProperties && !S.Items && S.PrefixItems.empty() && !S.MinItems &&
         !S.MaxItems && !S.UniqueItems && !S.MinLength && !S.MaxLength &&
         S.Pattern.empty() && !S.Minimum && !S.Maximum && !S.ExclusiveMinimum &&
         !S.ExclusiveMaximum && !S.MultipleOf && S.AllOf.empty() &&
         S.OneOf.empty() && S.AnyOf.empty() && !S.Not;
}

/// The `false` schema, which matches nothing: the reader turns `items: false`
/// into a schema whose `not` is the empty schema.
static bool isFalseSchema(const api::SchemaNode &S) {
  return S.Not && isEmptySchema(*S.Not);
}

void OwaspArrayBoundedRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  lint::forEachRequestSchema(
      A, [&](const api::SchemaNode &S, const lint::SchemaSite &Site) {
        // A reference is checked at its target, which the walker also visits.
        if (S.isRef() || !S.Types.has(api::JSONType::Array) || S.MaxItems)
          return;
        // `items: false` closes the array after its prefixItems (3.1 tuples).
        if (S.Items && isFalseSchema(*S.Items))
          return;
        report(S.Location, lint::describeRequestSchema("array", Site) +
                               " has no maxItems; bound it");
      });
}

} // namespace bk
