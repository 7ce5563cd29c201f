//===- OwaspNoCredentialsInQueryRule.cpp - owasp-no-credentials-in-query --===//

#include "bk/Lint/OwaspNoCredentialsInQueryRule.h"

#include "llvm/ADT/StringExtras.h"

#include <set>
#include <string>

namespace bk {

/// Whether a query parameter name names a credential: compared
/// case-insensitively once '-' and '_' are removed ("access_token",
/// "Access-Token" and "accessToken" are the same name).
static bool isCredentialName(llvm::StringRef Name) {
  std::string Norm;
  for (char C : Name)
    if (C != '-' && C != '_')
      Norm.push_back(llvm::toLower(C));
  static const char *const Credentials[] = {
      "apikey",       "accesstoken", "token",     "authtoken",    "idtoken",
      "refreshtoken", "password",    "passwd",    "pwd",          "secret",
      "clientsecret", "jwt",         "sessionid", "authorization"};
  for (const char *C : Credentials)
    if (Norm == C)
      return true;
  return false;
}

void OwaspNoCredentialsInQueryRule::check(api::API &A,
                                          AnalysisManager<api::API> &AM) {
  for (const api::SecurityScheme &S : A.SecuritySchemes)
    if (S.Type == api::SecuritySchemeType::APIKey &&
        S.KeyIn == api::ParamIn::Query)
      report(S.Location, "security scheme '" + S.Name +
                             "' sends its API key in the query string ('" +
                             S.KeyName +
                             "'), where logs and proxies keep it; send it in "
                             "a header");

  // A path-item parameter (or a $ref'd component parameter) appears in
  // several operations with the same location: report it once, with the
  // first operation that has it.
  std::set<Loc> Reported;
  for (const api::Operation &Op : A.Operations)
    for (const api::Parameter &P : Op.Parameters) {
      if (P.In != api::ParamIn::Query || !isCredentialName(P.Name))
        continue;
      if (P.Location.isValid() && !Reported.insert(P.Location).second)
        continue;
      report(P.Location, "query parameter '" + P.Name + "' of " +
                             Op.getDisplayName() +
                             " carries a credential; send it in a header");
    }
}

} // namespace bk
