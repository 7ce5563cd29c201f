//===- bk/Lint/OwaspAdditionalPropertiesRule.h - owasp-additional-properties -*-
// C++ -*-===//
//
// Request objects do not accept arbitrary extra properties.
// Docs: docs/rules/owasp-additional-properties.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPADDITIONALPROPERTIESRULE_H
#define BK_LINT_OWASPADDITIONALPROPERTIESRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspAdditionalPropertiesRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPADDITIONALPROPERTIESRULE_H
