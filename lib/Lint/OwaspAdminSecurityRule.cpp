//===- OwaspAdminSecurityRule.cpp - owasp-admin-security ------------------===//

#include "bk/Lint/OwaspAdminSecurityRule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace bk {

/// A path segment that marks an administrative or internal function.
static bool isAdminSegment(llvm::StringRef Segment) {
  static const char *const Names[] = {
      "admin",      "admins",    "administrator", "administration", "internal",
      "management", "superuser", "staff",         "backoffice"};
  for (const char *N : Names)
    if (Segment.equals_insensitive(N))
      return true;
  return false;
}

/// An operation whose path has an admin segment (templates skipped).
static bool isAdminOperation(const api::Operation &Op) {
  for (llvm::StringRef Segment : lint::pathSegments(Op.Path))
    if (!lint::isTemplateSegment(Segment) && isAdminSegment(Segment))
      return true;
  return false;
}

/// A security alternative in a form that compares equal whatever the order
/// it was written in: (scheme, scopes) pairs sorted by scheme, scopes
/// sorted and unique.
using CanonicalAlternative =
    std::vector<std::pair<std::string, std::vector<std::string>>>;

static CanonicalAlternative canonicalize(const api::SecurityAlternative &Alt) {
  CanonicalAlternative C;
  for (const api::SchemeUse &U : Alt.Schemes) {
    std::set<std::string> Scopes(U.Scopes.begin(), U.Scopes.end());
    C.emplace_back(U.Scheme,
                   std::vector<std::string>(Scopes.begin(), Scopes.end()));
  }
  llvm::sort(C);
  return C;
}

void OwaspAdminSecurityRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  std::vector<const api::Operation *> AdminOps;
  // Every alternative some non-admin operation accepts.
  std::set<CanonicalAlternative> Ordinary;
  for (const api::Operation &Op : A.Operations) {
    if (isAdminOperation(Op)) {
      AdminOps.push_back(&Op);
      continue;
    }
    if (const api::SecurityRequirement *R = lint::getEffectiveSecurity(A, Op))
      for (const api::SecurityAlternative &Alt : R->Alternatives)
        Ordinary.insert(canonicalize(Alt));
  }

  for (const api::Operation *Op : AdminOps) {
    if (!lint::requiresAuthentication(A, *Op)) {
      report(Op->Location, "admin operation " + Op->getDisplayName() +
                               " does not require authentication");
      continue;
    }
    // requiresAuthentication guarantees a requirement with at least one
    // alternative, each naming a scheme.
    const api::SecurityRequirement *R = lint::getEffectiveSecurity(A, *Op);
    bool AllShared =
        llvm::all_of(R->Alternatives, [&](const api::SecurityAlternative &Alt) {
          return Ordinary.count(canonicalize(Alt)) != 0;
        });
    if (!AllShared)
      continue;
    std::string Schemes;
    for (const api::SchemeUse &U : R->Alternatives.front().Schemes) {
      if (!Schemes.empty())
        Schemes += ", ";
      Schemes += "'" + U.Scheme + "'";
    }
    report(Op->Location, "admin operation " + Op->getDisplayName() +
                             " accepts the same credentials as ordinary "
                             "operations (" +
                             Schemes +
                             "); require an admin scope or a separate scheme");
  }
}

} // namespace bk
