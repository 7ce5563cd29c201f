//===- OwaspHttpsOnlyRule.cpp - owasp-https-only --------------------------===//

#include "bk/Lint/OwaspHttpsOnlyRule.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>
#include <utility>

namespace bk {

/// The host of an absolute URL: the text after "://" up to ':', '/' or the
/// end ("[::1]" kept whole for IPv6), without any "user@" part.
static llvm::StringRef urlHost(llvm::StringRef URL) {
  size_t Sep = URL.find("://");
  if (Sep == llvm::StringRef::npos)
    return "";
  llvm::StringRef Authority = URL.drop_front(Sep + 3);
  Authority = Authority.take_until(
      [](char C) { return C == '/' || C == '?' || C == '#'; });
  size_t At = Authority.rfind('@');
  if (At != llvm::StringRef::npos)
    Authority = Authority.drop_front(At + 1);
  if (Authority.startswith("[")) {
    size_t Close = Authority.find(']');
    return Close == llvm::StringRef::npos ? Authority
                                          : Authority.take_front(Close + 1);
  }
  return Authority.take_until([](char C) { return C == ':'; });
}

/// A development host, where plain HTTP is fine: localhost, the loopback
/// and wildcard addresses, and the reserved .localhost, .local and .test
/// names.
static bool isDevelopmentHost(llvm::StringRef Host) {
  std::string H = Host.lower();
  llvm::StringRef HR(H);
  return HR == "localhost" || HR == "127.0.0.1" || HR == "[::1]" ||
         HR == "0.0.0.0" || HR.endswith(".localhost") ||
         HR.endswith(".local") || HR.endswith(".test");
}

/// Whether URL starts with one of the clear-text schemes (case-insensitive)
/// and does not point at a development host.
static bool isPlainURL(llvm::StringRef URL, bool AllowWebSocket) {
  bool Plain = URL.startswith_insensitive("http://") ||
               (AllowWebSocket && URL.startswith_insensitive("ws://"));
  return Plain && !isDevelopmentHost(urlHost(URL));
}

/// The variable that makes up the whole scheme part ("{scheme}://...") of a
/// server URL, or null.
static const api::ServerVariable *schemeVariable(const api::Server &S) {
  llvm::StringRef URL = S.Url;
  size_t Sep = URL.find("://");
  if (Sep == llvm::StringRef::npos)
    return nullptr;
  llvm::StringRef Scheme = URL.take_front(Sep);
  if (!Scheme.consume_front("{") || !Scheme.consume_back("}"))
    return nullptr;
  for (const api::ServerVariable &V : S.Variables)
    if (V.Name == Scheme)
      return &V;
  return nullptr;
}

/// A scheme value that sends data in clear text.
static bool isPlainScheme(llvm::StringRef Value) {
  return Value.equals_insensitive("http") || Value.equals_insensitive("ws");
}

void OwaspHttpsOnlyRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  for (const api::Server &S : A.Servers) {
    if (isPlainURL(S.Url, /*AllowWebSocket=*/true)) {
      report(S.Location, "server '" + S.Url +
                             "' is not HTTPS; credentials and data cross the "
                             "network in clear text");
      continue;
    }
    const api::ServerVariable *V = schemeVariable(S);
    if (!V || isDevelopmentHost(urlHost(S.Url)))
      continue;
    if (isPlainScheme(V->Default) || llvm::any_of(V->Enum, isPlainScheme))
      report(S.Location, "server '" + S.Url +
                             "' allows plain HTTP through variable '" +
                             V->Name + "'");
  }

  for (const api::SecurityScheme &S : A.SecuritySchemes) {
    if (S.Type == api::SecuritySchemeType::OpenIDConnect) {
      if (isPlainURL(S.OpenIdConnectUrl, /*AllowWebSocket=*/false))
        report(S.Location, "security scheme '" + S.Name +
                               "' has an OpenID Connect URL that is not "
                               "HTTPS: '" +
                               S.OpenIdConnectUrl + "'");
      continue;
    }
    if (S.Type != api::SecuritySchemeType::OAuth2)
      continue;
    for (const api::OAuthFlow &F : S.Flows) {
      // One finding per flow: the first URL in clear text, the others as
      // notes.
      const std::pair<const char *, const std::string *> URLs[] = {
          {"an authorization URL", &F.AuthorizationUrl},
          {"a token URL", &F.TokenUrl},
          {"a refresh URL", &F.RefreshUrl},
          {"a device authorization URL", &F.DeviceAuthorizationUrl}};
      llvm::Optional<Diagnostic> D;
      for (const auto &U : URLs) {
        if (!isPlainURL(*U.second, /*AllowWebSocket=*/false))
          continue;
        if (!D)
          D = finding(F.Location, "security scheme '" + S.Name + "' has " +
                                      U.first + " that is not HTTPS: '" +
                                      *U.second + "'");
        else
          D->addNote(F.Location, "it also has " + llvm::Twine(U.first) +
                                     " that is not HTTPS: '" + *U.second + "'");
      }
      if (D)
        report(std::move(*D));
    }
  }
}

} // namespace bk
