//===- OperationOperationId.cpp - operation-operation-id ------------------===//

#include "bk/Lint/OperationOperationId.h"

namespace bk {

void OperationOperationIdRule::check(api::API &A,
                                     AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations)
    if (Op.OperationId.empty())
      report(Op.Location,
             "operation " + Op.getDisplayName() + " has no operationId");
}

} // namespace bk
