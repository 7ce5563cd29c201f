//===- Owasp429ResponseRule.cpp - owasp-429-response ----------------------===//
//
// Every path operation documents 429 Too Many Requests (API4:2023
// Unrestricted Resource Consumption).
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/Owasp429ResponseRule.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace bk {

void Owasp429ResponseRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations) {
    // `default` does not count: it says nothing about throttling.
    bool Documented = any_of(Op.Responses, [](const api::Response &R) {
      return R.Status == "429" || R.Status == "4XX";
    });
    if (!Documented)
      report(Op.Location,
             Op.getDisplayName() +
                 " does not document 429 Too Many Requests; rate-limited "
                 "clients cannot tell throttling from failure");
  }
}

} // namespace bk
