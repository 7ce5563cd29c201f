//===- bk/Lint/OwaspNoHttpBasicRule.h - owasp-no-http-basic -*- C++ -*-===//
//
// No security scheme sends reusable credentials (HTTP basic or digest).
// Docs: docs/rules/owasp-no-http-basic.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_OWASPNOHTTPBASICRULE_H
#define BK_LINT_OWASPNOHTTPBASICRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class OwaspNoHttpBasicRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_OWASPNOHTTPBASICRULE_H
