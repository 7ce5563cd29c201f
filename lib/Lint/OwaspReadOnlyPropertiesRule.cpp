//===- OwaspReadOnlyPropertiesRule.cpp - owasp-read-only-properties -------===//

#include "bk/Lint/OwaspReadOnlyPropertiesRule.h"
#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>

using namespace llvm;

namespace bk {

/// Properties the server sets: compared lower-case with '_' and '-'
/// removed, so created_at, createdAt and Created-At are one name.
static bool isServerManagedName(StringRef Name) {
  static const char *const Names[] = {"id",          "createdat", "updatedat",
                                      "deletedat",   "createdby", "updatedby",
                                      "isadmin",     "role",      "roles",
                                      "permissions", "ownerid"};
  std::string Key;
  for (char C : Name)
    if (C != '_' && C != '-')
      Key += toLower(C);
  return is_contained(Names, StringRef(Key));
}

/// readOnly on the schema itself, on the component it references (3.1
/// allows readOnly beside a $ref), or on one of its allOf parts (the 3.0
/// way to annotate a reference).
static bool isReadOnly(const api::API &A, const api::SchemaNode &S,
                       unsigned Depth = 0) {
  if (S.ReadOnly || lint::resolveSchema(A, S).ReadOnly)
    return true;
  if (Depth > 8)
    return false;
  return any_of(S.AllOf, [&](const std::unique_ptr<api::SchemaNode> &P) {
    return isReadOnly(A, *P, Depth + 1);
  });
}

void OwaspReadOnlyPropertiesRule::check(api::API &A,
                                        AnalysisManager<api::API> &AM) {
  lint::forEachRequestBodySchema(A, [&](const api::SchemaNode &S,
                                        const lint::SchemaSite &Site) {
    for (const api::Property &P : S.Properties)
      if (P.Schema && isServerManagedName(P.Name) && !isReadOnly(A, *P.Schema))
        report(P.Location,
               "property '" + P.Name + "' can be set by clients in the " +
                   "request of " + Site.Op->getDisplayName() +
                   "; mark it readOnly or leave it out of the request schema");
  });
}

} // namespace bk
