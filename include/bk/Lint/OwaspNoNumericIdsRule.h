//===- bk/Lint/OwaspNoNumericIdsRule.h - owasp-no-numeric-ids -*- C++ -*-===//
//
// Path parameters that identify resources are not guessable integers.
// Docs: docs/rules/owasp-no-numeric-ids.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPNONUMERICIDSRULE_H
#define BK_LINT_OWASPNONUMERICIDSRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspNoNumericIdsRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPNONUMERICIDSRULE_H
