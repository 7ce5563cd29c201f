//===- RestErrorEnvelopeRule.cpp - rest-error-envelope --------------------===//
//
// JSON error responses (4xx, 5xx, default) answer
// {"error": {"code": ..., "message": ..., "details": [...]}};
// application/problem+json (RFC 9457) is the accepted alternative.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RestErrorEnvelopeRule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

using namespace llvm;

namespace bk {

/// 400..599, "4XX", "5XX" or "default".
static bool isErrorResponse(const api::Response &R) {
  if (R.isDefault() || R.Status == "4XX" || R.Status == "5XX")
    return true;
  Optional<unsigned> Code = R.getCode();
  return Code && *Code >= 400 && *Code <= 599;
}

static bool isProblemJSON(StringRef MediaType) {
  return MediaType.split(';').first.trim().equals_insensitive(
      "application/problem+json");
}

/// What S lacks of the envelope: "'error'", "'error.code'",
/// "'error.message'", "'error.code' and 'error.message'"; empty when S is an
/// envelope.
static std::string missingParts(const api::API &A, const api::SchemaNode &S) {
  const api::SchemaNode *Error = lint::findPropertySchema(A, S, "error");
  if (!Error)
    return "'error'";
  bool NoCode = !lint::findPropertySchema(A, *Error, "code");
  bool NoMessage = !lint::findPropertySchema(A, *Error, "message");
  if (NoCode && NoMessage)
    return "'error.code' and 'error.message'";
  if (NoCode)
    return "'error.code'";
  if (NoMessage)
    return "'error.message'";
  return "";
}

void RestErrorEnvelopeRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  // A component used by many error responses is reported once, at the
  // component; components come before operations in the IR, so they are
  // reported first, in component order.
  BitVector BadComponents(A.Schemas.size());
  std::vector<std::string> ComponentMissing(A.Schemas.size());
  struct Inline {
    Loc Location;
    std::string Message;
  };
  std::vector<Inline> Inlines;

  for (const api::Operation &Op : A.Operations)
    for (const api::Response &R : Op.Responses) {
      if (!isErrorResponse(R))
        continue;
      for (const api::MediaType &MT : R.Content) {
        if (!MT.Schema || !lint::isJSONMediaType(MT.Name) ||
            isProblemJSON(MT.Name))
          continue;
        const api::SchemaNode &S = *MT.Schema;
        if (S.isRef()) {
          unsigned Index = A.findSchemaIndex(S.Ref);
          // An unresolved $ref has been reported by the reader.
          if (Index == api::SchemaNode::NoIndex || BadComponents.test(Index))
            continue;
          std::string Missing = missingParts(A, S);
          if (!Missing.empty()) {
            BadComponents.set(Index);
            ComponentMissing[Index] = std::move(Missing);
          }
          continue;
        }
        if (missingParts(A, S).empty())
          continue;
        Inlines.push_back({S.Location, "the " + R.Status + " response of " +
                                           Op.getDisplayName() +
                                           " does not use the error envelope; "
                                           "answer {error: {code, message, "
                                           "details}}"});
      }
    }

  for (unsigned Index : BadComponents.set_bits())
    report(A.Schemas[Index].Schema.Location,
           "schema '" + A.Schemas[Index].Name +
               "' used by error responses lacks " + ComponentMissing[Index]);
  for (const Inline &I : Inlines)
    report(I.Location, I.Message);
}

} // namespace bk
