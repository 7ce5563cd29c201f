//===- RestSuccessEnvelopeRule.cpp - rest-success-envelope ----------------===//
//
// JSON success responses wrap their payload in {"data": ..., "meta": {...}};
// a list (an array under data) carries meta for its pagination.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RestSuccessEnvelopeRule.h"

#include "bk/Lint/APILintUtils.h"

using namespace llvm;

namespace bk {

/// A 2xx response that has a body: 200..299 but 204, or the range "2XX".
static bool isSuccessWithBody(const api::Response &R) {
  if (R.Status == "2XX")
    return true;
  Optional<unsigned> Code = R.getCode();
  return Code && *Code >= 200 && *Code <= 299 && *Code != 204;
}

void RestSuccessEnvelopeRule::check(api::API &A,
                                    AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations)
    for (const api::Response &R : Op.Responses) {
      if (!isSuccessWithBody(R))
        continue;
      for (const api::MediaType &MT : R.Content) {
        if (!MT.Schema || !lint::isJSONMediaType(MT.Name))
          continue;
        const api::SchemaNode &S = *MT.Schema;
        const api::SchemaNode &Resolved = lint::resolveSchema(A, S);
        bool IsObject =
            Resolved.Types.empty() || Resolved.Types.has(api::JSONType::Object);
        const api::SchemaNode *Data =
            IsObject ? lint::findPropertySchema(A, S, "data") : nullptr;
        if (!Data) {
          report(S.Location, "the " + R.Status + " response of " +
                                 Op.getDisplayName() +
                                 " is not wrapped in the {data, meta} "
                                 "envelope; put the payload under 'data'");
          continue;
        }
        if (lint::resolveSchema(A, *Data).Types.has(api::JSONType::Array) &&
            !lint::findPropertySchema(A, S, "meta"))
          report(S.Location, "the " + R.Status + " response of " +
                                 Op.getDisplayName() +
                                 " returns a list without 'meta'; add meta "
                                 "with the pagination cursor");
      }
    }
}

} // namespace bk
