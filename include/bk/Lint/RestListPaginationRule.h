//===- bk/Lint/RestListPaginationRule.h - rest-list-pagination -*- C++ -*-===//
//
// List operations are paginated.
// Docs: docs/rules/rest-list-pagination.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_RESTLISTPAGINATIONRULE_H
#define BK_LINT_RESTLISTPAGINATIONRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class RestListPaginationRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_RESTLISTPAGINATIONRULE_H
