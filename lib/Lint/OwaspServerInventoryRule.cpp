//===- OwaspServerInventoryRule.cpp - owasp-server-inventory --------------===//

#include "bk/Lint/OwaspServerInventoryRule.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace bk {

/// Whether a description names a deployment environment: one of its words
/// (runs of letters and digits), compared case-insensitively, is an
/// environment name ("Production (EU)", "pre-prod", "QA sandbox").
static bool namesEnvironment(llvm::StringRef Description) {
  static const char *const Environments[] = {
      "production", "prod",        "staging", "stage", "sandbox",    "test",
      "testing",    "development", "dev",     "qa",    "uat",        "preview",
      "demo",       "local",       "live",    "mock",  "integration"};
  llvm::StringRef Rest = Description;
  while (!Rest.empty()) {
    Rest = Rest.drop_until([](char C) { return llvm::isAlnum(C); });
    llvm::StringRef Word =
        Rest.take_while([](char C) { return llvm::isAlnum(C); });
    Rest = Rest.drop_front(Word.size());
    if (Word.empty())
      break;
    for (const char *E : Environments)
      if (Word.equals_insensitive(E))
        return true;
  }
  return false;
}

void OwaspServerInventoryRule::check(api::API &A,
                                     AnalysisManager<api::API> &AM) {
  if (A.Servers.empty()) {
    report(A.Location, "the API declares no servers; list every environment "
                       "it is deployed to (production, staging, ...)");
    return;
  }
  for (const api::Server &S : A.Servers) {
    llvm::StringRef Description = llvm::StringRef(S.Description).trim();
    if (Description.empty())
      report(S.Location, "server '" + S.Url +
                             "' has no description; say which environment "
                             "it is (production, staging, ...)");
    else if (!namesEnvironment(Description))
      report(S.Location, "server '" + S.Url + "' description '" + Description +
                             "' does not name an environment (production, "
                             "staging, ...)");
  }
}

} // namespace bk
