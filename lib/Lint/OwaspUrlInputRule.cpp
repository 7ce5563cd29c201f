//===- OwaspUrlInputRule.cpp - owasp-url-input ----------------------------===//

#include "bk/Lint/OwaspUrlInputRule.h"
#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>

using namespace llvm;

namespace bk {

static bool isURLFormat(StringRef Format) {
  static const char *const Formats[] = {"uri", "url", "uri-reference", "iri",
                                        "iri-reference"};
  return is_contained(Formats, Format);
}

/// Names that carry a URL the server will fetch or send the user to:
/// compared lower-case with '_' and '-' removed (callback_url, callbackUrl,
/// redirect-uri, returnTo).
static bool isURLName(StringRef Name) {
  std::string Key;
  for (char C : Name)
    if (C != '_' && C != '-')
      Key += toLower(C);
  StringRef K = Key;
  return K.endswith("url") || K.endswith("uri") || K == "callback" ||
         K == "webhook" || K == "redirect" || K == "returnto";
}

void OwaspUrlInputRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  lint::forEachRequestSchema(
      A, [&](const api::SchemaNode &S, const lint::SchemaSite &Site) {
        // A reference is checked at its target, which the walker also visits.
        if (S.isRef() || !S.Types.has(api::JSONType::String))
          return;
        if (!isURLFormat(S.Format) && !isURLName(Site.Name))
          return;
        if (!S.Enum.empty() || S.Const || !S.Pattern.empty())
          return;
        report(S.Location, lint::describeRequestSchema("URL", Site) +
                               " accepts any address; constrain it with a "
                               "pattern or enum of allowed hosts, and check it "
                               "server-side (SSRF)");
      });
}

} // namespace bk
