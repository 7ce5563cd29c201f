//===- RestListPaginationRule.cpp - rest-list-pagination ------------------===//
//
// A list operation (a GET whose 200 JSON response is an array, or has an
// array under 'data') takes a page size and a cursor or offset.
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RestListPaginationRule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace llvm;

namespace bk {

static bool isArray(const api::API &A, const api::SchemaNode &S) {
  return lint::resolveSchema(A, S).Types.has(api::JSONType::Array);
}

/// A GET whose 200 JSON response is a list, bare or under 'data'.
static bool isListOperation(const api::API &A, const api::Operation &Op) {
  if (Op.M != api::Method::Get)
    return false;
  for (const api::Response &R : Op.Responses) {
    if (R.Status != "200")
      continue;
    for (const api::MediaType &MT : R.Content) {
      if (!MT.Schema || !lint::isJSONMediaType(MT.Name))
        continue;
      if (isArray(A, *MT.Schema))
        return true;
      if (const api::SchemaNode *Data =
              lint::findPropertySchema(A, *MT.Schema, "data"))
        if (isArray(A, *Data))
          return true;
    }
  }
  return false;
}

/// Whether Op takes a query parameter named (case-insensitively) one of
/// Names.
static bool hasQueryParameter(const api::Operation &Op,
                              ArrayRef<StringRef> Names) {
  return any_of(Op.Parameters, [&](const api::Parameter &P) {
    return P.In == api::ParamIn::Query && any_of(Names, [&](StringRef N) {
             return N.equals_insensitive(P.Name);
           });
  });
}

static const StringRef PageSizeNames[] = {"limit", "per_page", "perpage",
                                          "page_size", "pagesize"};
static const StringRef PositionNames[] = {
    "cursor",         "after",  "before", "page_token", "pagetoken",
    "starting_after", "offset", "page",   "skip"};

void RestListPaginationRule::check(api::API &A, AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations) {
    if (!isListOperation(A, Op))
      continue;
    bool HasSize = hasQueryParameter(Op, PageSizeNames);
    bool HasPosition = hasQueryParameter(Op, PositionNames);
    if (HasSize && HasPosition)
      continue;
    std::string Name = "list operation " + Op.getDisplayName();
    if (!HasSize && !HasPosition)
      report(Op.Location, Name + " has no pagination parameters; take limit "
                                 "and cursor (or offset/page)");
    else if (!HasSize)
      report(Op.Location, Name + " has no page-size parameter (limit)");
    else
      report(Op.Location, Name + " has no cursor or offset parameter");
  }
}

} // namespace bk
