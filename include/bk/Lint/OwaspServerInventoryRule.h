//===- bk/Lint/OwaspServerInventoryRule.h - owasp-server-inventory -*- C++
//-*-===//
//
// Servers are declared and each says which environment it is.
// Docs: docs/rules/owasp-server-inventory.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPSERVERINVENTORYRULE_H
#define BK_LINT_OWASPSERVERINVENTORYRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspServerInventoryRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPSERVERINVENTORYRULE_H
