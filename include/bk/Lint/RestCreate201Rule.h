//===- bk/Lint/RestCreate201Rule.h - rest-create-201 -*- C++ -*-===//
//
// Creating a resource answers 201 Created.
// Docs: docs/rules/rest-create-201.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_RESTCREATE201RULE_H
#define BK_LINT_RESTCREATE201RULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class RestCreate201Rule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_RESTCREATE201RULE_H
