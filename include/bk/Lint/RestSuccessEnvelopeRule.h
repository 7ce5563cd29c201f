//===- bk/Lint/RestSuccessEnvelopeRule.h - rest-success-envelope -*- C++
//-*-===//
//
// Success responses use the {data, meta} envelope.
// Docs: docs/rules/rest-success-envelope.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_RESTSUCCESSENVELOPERULE_H
#define BK_LINT_RESTSUCCESSENVELOPERULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class RestSuccessEnvelopeRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_RESTSUCCESSENVELOPERULE_H
