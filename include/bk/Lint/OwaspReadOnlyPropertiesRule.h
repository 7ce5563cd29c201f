//===- bk/Lint/OwaspReadOnlyPropertiesRule.h - owasp-read-only-properties -*-
// C++ -*-===//
//
// Server-managed properties in request bodies are readOnly (mass assignment).
// Docs: docs/rules/owasp-read-only-properties.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPREADONLYPROPERTIESRULE_H
#define BK_LINT_OWASPREADONLYPROPERTIESRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspReadOnlyPropertiesRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPREADONLYPROPERTIESRULE_H
