//===- bk/Lint/RestPluralNounsRule.h - rest-plural-nouns -*- C++ -*-===//
//
// Collection path segments are plural nouns.
// Docs: docs/rules/rest-plural-nouns.md
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINT_RESTPLURALNOUNSRULE_H
#define BK_LINT_RESTPLURALNOUNSRULE_H

#include "bk/API/API.h"
#include "bk/Passes/PassManager.h"

namespace bk {

class RestPluralNounsRule : public Rule<api::API> {
public:
  using Rule::Rule;

protected:
  void check(api::API &A, AnalysisManager<api::API> &AM) override;
};

} // namespace bk

#endif // BK_LINT_RESTPLURALNOUNSRULE_H
