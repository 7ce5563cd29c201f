//===- OwaspNoHttpBasicRule.cpp - owasp-no-http-basic ---------------------===//

#include "bk/Lint/OwaspNoHttpBasicRule.h"

namespace bk {

void OwaspNoHttpBasicRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  for (const api::SecurityScheme &S : A.SecuritySchemes) {
    if (S.Type == api::SecuritySchemeType::HTTP) {
      // The reader lower-cases the scheme ("Basic" is "basic").
      if (S.Scheme == "basic")
        report(S.Location, "security scheme '" + S.Name +
                               "' uses HTTP basic authentication, which sends "
                               "reusable credentials with every request; use "
                               "bearer tokens or OAuth 2");
      else if (S.Scheme == "digest")
        report(S.Location, "security scheme '" + S.Name +
                               "' uses HTTP digest authentication, which "
                               "relies on MD5; use bearer tokens or OAuth 2");
      continue;
    }
    if (S.Type != api::SecuritySchemeType::OAuth2)
      continue;
    for (const api::OAuthFlow &F : S.Flows)
      if (F.Kind == api::OAuthFlowKind::Password)
        report(F.Location, "security scheme '" + S.Name +
                               "' uses the OAuth 2 password flow, which hands "
                               "the user's password to the client; use "
                               "authorizationCode with PKCE");
  }
}

} // namespace bk
