//===- bk/Lint/OwaspArrayBoundedRule.h - owasp-array-bounded -*- C++ -*-===//
//
// Request arrays are bounded by maxItems.
// Docs: docs/rules/owasp-array-bounded.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPARRAYBOUNDEDRULE_H
#define BK_LINT_OWASPARRAYBOUNDEDRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspArrayBoundedRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPARRAYBOUNDEDRULE_H
