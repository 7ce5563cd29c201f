//===- bk/Lint/OwaspNoCredentialsInQueryRule.h - owasp-no-credentials-in-query
//-*- C++ -*-===//
//
// No API key, token or password travels in the query string.
// Docs: docs/rules/owasp-no-credentials-in-query.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPNOCREDENTIALSINQUERYRULE_H
#define BK_LINT_OWASPNOCREDENTIALSINQUERYRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspNoCredentialsInQueryRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPNOCREDENTIALSINQUERYRULE_H
