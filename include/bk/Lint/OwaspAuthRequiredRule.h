//===- bk/Lint/OwaspAuthRequiredRule.h - owasp-auth-required -*- C++ -*-===//
//
// Every operation requires authentication, unless it is a read deliberately
// made public. Docs: docs/rules/owasp-auth-required.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPAUTHREQUIREDRULE_H
#define BK_LINT_OWASPAUTHREQUIREDRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspAuthRequiredRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPAUTHREQUIREDRULE_H
