//===- RestVersioningRule.cpp - rest-versioning ---------------------------===//
//
// The major version is in the URL: every server URL has a version segment,
// or every path starts with one. When only some paths do, the others are
// reported, health and infrastructure endpoints excepted.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RestVersioningRule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>

using namespace llvm;

namespace bk {

/// The server URL with every {variable} replaced by its default.
static std::string expandServerUrl(const api::Server &S) {
  std::string Out;
  StringRef Url = S.Url;
  while (!Url.empty()) {
    size_t Open = Url.find('{');
    size_t Close =
        Open == StringRef::npos ? StringRef::npos : Url.find('}', Open + 1);
    if (Close == StringRef::npos) {
      Out += Url.str();
      break;
    }
    Out += Url.substr(0, Open).str();
    StringRef Name = Url.slice(Open + 1, Close);
    auto Var = find_if(S.Variables, [&](const api::ServerVariable &V) {
      return V.Name == Name;
    });
    Out += Var != S.Variables.end() ? Var->Default
                                    : Url.slice(Open, Close + 1).str();
    Url = Url.substr(Close + 1);
  }
  return Out;
}

/// The path part of a server URL: "https://api.example.com/v1?x" → "/v1";
/// a relative URL ("/v1", "v1") is all path.
static StringRef urlPath(StringRef Url) {
  size_t Scheme = Url.find("://");
  if (Scheme != StringRef::npos) {
    Url = Url.substr(Scheme + 3);
    size_t Slash = Url.find('/');
    Url = Slash == StringRef::npos ? StringRef() : Url.substr(Slash);
  }
  return Url.take_until([](char C) { return C == '?' || C == '#'; });
}

static bool isVersionedServer(const api::Server &S) {
  std::string Url = expandServerUrl(S);
  return any_of(lint::pathSegments(urlPath(Url)), lint::isVersionSegment);
}

static bool isVersionedPath(StringRef Path) {
  SmallVector<StringRef, 8> Segments = lint::pathSegments(Path);
  return !Segments.empty() && lint::isVersionSegment(Segments.front());
}

/// Health, readiness and discovery endpoints live outside any version.
static bool isWellKnownUnversioned(StringRef Path) {
  static const StringRef Paths[] = {"/health",  "/healthz", "/ready",
                                    "/readyz",  "/live",    "/livez",
                                    "/metrics", "/status",  "/ping"};
  StringRef P = Path.size() > 1 ? Path.rtrim('/') : Path;
  return is_contained(Paths, P) || P == "/.well-known" ||
         P.startswith("/.well-known/");
}

void RestVersioningRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  if (A.Operations.empty())
    return;
  if (!A.Servers.empty() && all_of(A.Servers, isVersionedServer))
    return;

  bool AnyVersioned = false, AllVersioned = true;
  for (const api::Operation &Op : A.Operations) {
    bool V = isVersionedPath(Op.Path);
    AnyVersioned |= V;
    AllVersioned &= V;
  }
  if (AllVersioned)
    return;

  if (!AnyVersioned) {
    report(A.Servers.empty() ? A.Location : A.Servers.front().Location,
           "the API is not versioned in its URL; put the major version in "
           "the server URL or path ('/v1')");
    return;
  }

  // Some paths are versioned: the others are out of line.
  StringSet<> Seen;
  for (const api::Operation &Op : A.Operations) {
    if (isVersionedPath(Op.Path) || isWellKnownUnversioned(Op.Path) ||
        !Seen.insert(Op.Path).second)
      continue;
    report(Op.Location, "path '" + Op.Path +
                            "' is not under a version prefix like the others");
  }
}

} // namespace bk
