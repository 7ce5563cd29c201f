//===- bk/Lint/OwaspAdminSecurityRule.h - owasp-admin-security -*- C++ -*-===//
//
// Admin endpoints require a scheme or scope that ordinary endpoints do not.
// Docs: docs/rules/owasp-admin-security.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPADMINSECURITYRULE_H
#define BK_LINT_OWASPADMINSECURITYRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspAdminSecurityRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPADMINSECURITYRULE_H
