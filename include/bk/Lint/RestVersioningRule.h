//===- bk/Lint/RestVersioningRule.h - rest-versioning -*- C++ -*-===//
//
// The API is versioned in its URL.
// Docs: docs/rules/rest-versioning.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_RESTVERSIONINGRULE_H
#define BK_LINT_RESTVERSIONINGRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class RestVersioningRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_RESTVERSIONINGRULE_H
