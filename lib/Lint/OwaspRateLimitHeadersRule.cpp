//===- OwaspRateLimitHeadersRule.cpp - owasp-rate-limit-headers -----------===//
//
// Success responses declare RateLimit headers, and a 429 response says when
// to retry (API4:2023 Unrestricted Resource Consumption).
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/OwaspRateLimitHeadersRule.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace llvm;

namespace bk {

/// The header names that tell a client its rate limit (compared
/// case-insensitively, as HTTP header names are).
static bool isRateLimitHeader(StringRef Name) {
  static const char *const Names[] = {"RateLimit",
                                      "RateLimit-Limit",
                                      "RateLimit-Remaining",
                                      "RateLimit-Reset",
                                      "RateLimit-Policy",
                                      "X-RateLimit-Limit",
                                      "X-RateLimit-Remaining",
                                      "X-Rate-Limit-Limit",
                                      "X-Rate-Limit-Remaining"};
  return any_of(Names,
                [&](const char *N) { return Name.equals_insensitive(N); });
}

static bool hasRateLimitHeader(const api::Response &R) {
  return any_of(R.Headers,
                [](const api::Header &H) { return isRateLimitHeader(H.Name); });
}

static bool hasRetryAfter(const api::Response &R) {
  return any_of(R.Headers, [](const api::Header &H) {
    return StringRef(H.Name).equals_insensitive("Retry-After") ||
           isRateLimitHeader(H.Name);
  });
}

/// 200..299 or the range "2XX".
static bool isSuccess(const api::Response &R) {
  if (R.Status == "2XX")
    return true;
  Optional<unsigned> Code = R.getCode();
  return Code && *Code >= 200 && *Code <= 299;
}

void OwaspRateLimitHeadersRule::check(api::API &A,
                                      AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations) {
    bool Declared = any_of(Op.Responses, [](const api::Response &R) {
      return isSuccess(R) && hasRateLimitHeader(R);
    });
    // Walk the responses in order so that findings come in IR order.
    bool SeenSuccess = false;
    for (const api::Response &R : Op.Responses) {
      if (isSuccess(R) && !SeenSuccess) {
        SeenSuccess = true;
        if (!Declared)
          report(R.Location,
                 Op.getDisplayName() +
                     " does not tell clients their rate limit; declare "
                     "RateLimit-Limit/RateLimit-Remaining (or X-RateLimit-*) "
                     "headers on its success responses");
      }
      if (R.Status == "429" && !hasRetryAfter(R))
        report(R.Location, "the 429 response of " + Op.getDisplayName() +
                               " has no Retry-After header");
    }
  }
}

} // namespace bk
