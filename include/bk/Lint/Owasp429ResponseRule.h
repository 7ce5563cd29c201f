//===- bk/Lint/Owasp429ResponseRule.h - owasp-429-response -*- C++ -*-===//
//
// Operations document the 429 Too Many Requests response.
// Docs: docs/rules/owasp-429-response.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASP429RESPONSERULE_H
#define BK_LINT_OWASP429RESPONSERULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class Owasp429ResponseRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASP429RESPONSERULE_H
