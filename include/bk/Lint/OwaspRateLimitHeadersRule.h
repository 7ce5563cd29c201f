//===- bk/Lint/OwaspRateLimitHeadersRule.h - owasp-rate-limit-headers -*- C++
//-*-===//
//
// Responses tell clients their rate limit with RateLimit headers.
// Docs: docs/rules/owasp-rate-limit-headers.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPRATELIMITHEADERSRULE_H
#define BK_LINT_OWASPRATELIMITHEADERSRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspRateLimitHeadersRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPRATELIMITHEADERSRULE_H
