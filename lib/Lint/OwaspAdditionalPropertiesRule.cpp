//===- OwaspAdditionalPropertiesRule.cpp - owasp-additional-properties ----===//

#include "bk/Lint/OwaspAdditionalPropertiesRule.h"
#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/DenseSet.h"

#include <string>

using namespace llvm;

namespace bk {

/// `type: object`, or no type and declared properties.
static bool isObjectSchema(const api::SchemaNode &S) {
  return S.Types.has(api::JSONType::Object) ||
         (S.Types.empty() && !S.Properties.empty());
}

void OwaspAdditionalPropertiesRule::check(api::API &A,
                                          AnalysisManager<api::API> &AM) {
  // Components used as an allOf part of some request body: closing one
  // with `additionalProperties: false` would reject the properties its
  // siblings add, so they are exempt wherever else they are used (the walker
  // visits a component once, so this cannot be left to the first site).
  DenseSet<const api::SchemaNode *> AllOfParts;
  lint::forEachRequestBodySchema(
      A, [&](const api::SchemaNode &S, const lint::SchemaSite &Site) {
        if (S.isRef() && Site.InAllOf)
          if (const api::NamedSchema *T = A.getRefTarget(S))
            AllOfParts.insert(&T->Schema);
      });

  lint::forEachRequestBodySchema(A, [&](const api::SchemaNode &S,
                                        const lint::SchemaSite &Site) {
    // A reference is checked at its target, which the walker also visits.
    if (S.isRef() || Site.InAllOf || AllOfParts.count(&S) || !isObjectSchema(S))
      return;
    // An allOf composition cannot be closed in 3.0, and 3.1's
    // unevaluatedProperties is not kept: only a composition that declares
    // properties of its own is judged.
    if (!S.AllOf.empty() && S.Properties.empty())
      return;
    std::string What = lint::describeRequestSchema("object", Site);
    switch (S.Additional) {
    case api::AdditionalKind::Forbidden:
      return;
    case api::AdditionalKind::Unspecified:
    case api::AdditionalKind::Allowed:
      report(S.Location, What + " accepts undeclared properties; set "
                                "additionalProperties: false");
      return;
    case api::AdditionalKind::Schema:
      // A map bounded by maxProperties is fine.
      if (!S.MaxProperties)
        report(S.Location, What + " accepts any number of additional "
                                  "properties; set maxProperties");
      return;
    }
  });
}

} // namespace bk
