//===- bk/Lint/OperationOperationId.h - operation-operation-id --*- C++ -*-===//
//
// Code generators name handlers, client methods and types after the
// operationId; without one, every tool invents a different name.
// Docs: docs/rules/operation-operation-id.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OPERATIONOPERATIONID_H
#define BK_LINT_OPERATIONOPERATIONID_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OperationOperationIdRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OPERATIONOPERATIONID_H
