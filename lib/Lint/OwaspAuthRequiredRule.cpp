//===- OwaspAuthRequiredRule.cpp - owasp-auth-required --------------------===//

#include "bk/Lint/OwaspAuthRequiredRule.h"

#include "bk/Lint/APILintUtils.h"

namespace bk {

void OwaspAuthRequiredRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations) {
    const api::SecurityRequirement *R = lint::getEffectiveSecurity(A, Op);
    // An operation-level `security: []` removes security on purpose: a
    // public read is a design decision, a public write is not. An empty
    // global list is no requirement at all.
    bool ExplicitlyPublic = Op.Security && Op.Security->Alternatives.empty();
    if (ExplicitlyPublic) {
      if (lint::isWriteMethod(Op.M))
        report(Op.Location, "write operation " + Op.getDisplayName() +
                                " is public (security: []); writes must "
                                "require authentication");
      continue;
    }
    if (!R || R->Alternatives.empty()) {
      report(Op.Location, "operation " + Op.getDisplayName() +
                              " requires no authentication; add a security "
                              "requirement");
      continue;
    }
    if (!lint::requiresAuthentication(A, Op) && lint::isWriteMethod(Op.M))
      report(Op.Location, "write operation " + Op.getDisplayName() +
                              " makes authentication optional ({} "
                              "alternative)");
  }
}

} // namespace bk
