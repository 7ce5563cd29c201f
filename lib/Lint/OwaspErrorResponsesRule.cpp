//===- OwaspErrorResponsesRule.cpp - owasp-error-responses ----------------===//
//
// Every path operation documents the errors it can return: 400 when it takes
// input, 401 when it requires authentication, 500 always (API8:2023
// Security Misconfiguration, API9:2023 Improper Inventory Management).
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/OwaspErrorResponsesRule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

using namespace llvm;

namespace bk {

/// Whether Op documents one of Statuses (compared as written: "400", "4XX",
/// "default").
static bool documents(const api::Operation &Op,
                      std::initializer_list<StringRef> Statuses) {
  return any_of(Op.Responses, [&](const api::Response &R) {
    return is_contained(Statuses, StringRef(R.Status));
  });
}

/// "400", "400 and 500", "400, 401 and 500".
static std::string joinCodes(ArrayRef<StringRef> Codes) {
  std::string S;
  for (size_t I = 0, E = Codes.size(); I != E; ++I) {
    if (I)
      S += I + 1 == E ? " and " : ", ";
    S += Codes[I].str();
  }
  return S;
}

void OwaspErrorResponsesRule::check(api::API &A,
                                    AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations) {
    SmallVector<StringRef, 3> Missing;
    bool TakesInput = !Op.Parameters.empty() || Op.Body;
    if (TakesInput && !documents(Op, {"400", "422", "4XX"}))
      Missing.push_back("400");
    if (lint::requiresAuthentication(A, Op) && !documents(Op, {"401", "4XX"}))
      Missing.push_back("401");
    if (!documents(Op, {"500", "5XX", "default"}))
      Missing.push_back("500");
    if (Missing.empty())
      continue;
    report(Op.Location, Op.getDisplayName() + " does not document " +
                            (Missing.size() == 1 ? "a " : "") +
                            joinCodes(Missing) +
                            (Missing.size() == 1 ? " response" : " responses"));
  }
}

} // namespace bk
