//===- bk/Lint/OwaspErrorResponsesRule.h - owasp-error-responses -*- C++
//-*-===//
//
// Operations document 400, 401 and 500 responses.
// Docs: docs/rules/owasp-error-responses.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPERRORRESPONSESRULE_H
#define BK_LINT_OWASPERRORRESPONSESRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspErrorResponsesRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPERRORRESPONSESRULE_H
