//===- bk/Lint/OwaspHttpsOnlyRule.h - owasp-https-only -*- C++ -*-===//
//
// Servers and OAuth/OpenID URLs use HTTPS.
// Docs: docs/rules/owasp-https-only.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPHTTPSONLYRULE_H
#define BK_LINT_OWASPHTTPSONLYRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspHttpsOnlyRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPHTTPSONLYRULE_H
