//===- bk/Lint/OwaspStringBoundedRule.h - owasp-string-bounded -*- C++ -*-===//
//
// Request strings are bounded by maxLength, enum or const.
// Docs: docs/rules/owasp-string-bounded.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPSTRINGBOUNDEDRULE_H
#define BK_LINT_OWASPSTRINGBOUNDEDRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspStringBoundedRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPSTRINGBOUNDEDRULE_H
