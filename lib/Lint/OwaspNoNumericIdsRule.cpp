//===- OwaspNoNumericIdsRule.cpp - owasp-no-numeric-ids -------------------===//

#include "bk/Lint/OwaspNoNumericIdsRule.h"

#include "bk/Lint/APILintUtils.h"

#include <set>

namespace bk {

/// "id", or a name ending in "Id", "ID", "_id" or "-id" (case as written:
/// "userId", "user_id", "USER-ID" is not one, "paid" is not one).
static bool isIdName(llvm::StringRef Name) {
  return Name == "id" || Name.endswith("Id") || Name.endswith("ID") ||
         Name.endswith("_id") || Name.endswith("-id");
}

/// The schema of a parameter: its `schema`, else the schema of its single
/// `content` media type; null when it has neither.
static const api::SchemaNode *parameterSchema(const api::Parameter &P) {
  if (P.Schema)
    return P.Schema.get();
  if (!P.Content.empty())
    return P.Content.front().Schema.get();
  return nullptr;
}

/// Integers, and numbers with an integer format.
static bool isIntegerSchema(const api::SchemaNode &S) {
  if (S.Types.has(api::JSONType::Integer))
    return true;
  return S.Types.has(api::JSONType::Number) &&
         (S.Format == "int32" || S.Format == "int64");
}

void OwaspNoNumericIdsRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  // A path-item parameter appears in every operation of its path with the
  // same location: report it once, with the first operation.
  std::set<Loc> Reported;
  for (const api::Operation &Op : A.Operations)
    for (const api::Parameter &P : Op.Parameters) {
      if (P.In != api::ParamIn::Path || !isIdName(P.Name))
        continue;
      const api::SchemaNode *S = parameterSchema(P);
      if (!S || !isIntegerSchema(lint::resolveSchema(A, *S)))
        continue;
      if (P.Location.isValid() && !Reported.insert(P.Location).second)
        continue;
      report(P.Location, "path parameter '" + P.Name + "' of " +
                             Op.getDisplayName() +
                             " is an integer; sequential ids let clients "
                             "guess other users' objects, use a UUID or "
                             "another unguessable id");
    }
}

} // namespace bk
