//===- bk/Lint/OwaspIntegerBoundedRule.h - owasp-integer-bounded -*- C++
//-*-===//
//
// Request integers have a minimum and a maximum.
// Docs: docs/rules/owasp-integer-bounded.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPINTEGERBOUNDEDRULE_H
#define BK_LINT_OWASPINTEGERBOUNDEDRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspIntegerBoundedRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPINTEGERBOUNDEDRULE_H
