//===- bk/Lint/OwaspUrlInputRule.h - owasp-url-input -*- C++ -*-===//
//
// URLs accepted from clients are constrained (server-side request forgery).
// Docs: docs/rules/owasp-url-input.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPURLINPUTRULE_H
#define BK_LINT_OWASPURLINPUTRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspUrlInputRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPURLINPUTRULE_H
