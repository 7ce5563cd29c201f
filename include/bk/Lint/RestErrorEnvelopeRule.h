//===- bk/Lint/RestErrorEnvelopeRule.h - rest-error-envelope -*- C++ -*-===//
//
// Error responses use the {error: {code, message, details}} envelope.
// Docs: docs/rules/rest-error-envelope.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_RESTERRORENVELOPERULE_H
#define BK_LINT_RESTERRORENVELOPERULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class RestErrorEnvelopeRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_RESTERRORENVELOPERULE_H
