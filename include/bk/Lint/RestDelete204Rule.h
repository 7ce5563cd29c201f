//===- bk/Lint/RestDelete204Rule.h - rest-delete-204 -*- C++ -*-===//
//
// Deleting a resource answers 204 No Content.
// Docs: docs/rules/rest-delete-204.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_RESTDELETE204RULE_H
#define BK_LINT_RESTDELETE204RULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class RestDelete204Rule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_RESTDELETE204RULE_H
