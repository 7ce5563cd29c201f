//===- RestCreate201Rule.cpp - rest-create-201 ----------------------------===//
//
// A POST to a collection creates a resource and answers 201 Created (or 202
// Accepted when the creation is asynchronous).
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RestCreate201Rule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

using namespace llvm;

namespace bk {

/// Last segments that name an action, not a collection.
static const StringRef ActionSegments[] = {
    "search",  "query",  "batch",    "login",  "logout", "token",
    "refresh", "verify", "validate", "import", "export", "upload"};

/// Whether a POST to Path creates a resource: the last segment is a literal
/// collection name, not a template, an action or a version.
static bool isCollectionPath(StringRef Path) {
  SmallVector<StringRef, 8> Segments = lint::pathSegments(Path);
  if (Segments.empty())
    return false;
  StringRef Last = Segments.back();
  if (lint::isTemplateSegment(Last) || Last.contains(':') ||
      lint::isVersionSegment(Last))
    return false;
  return none_of(ActionSegments, [&](StringRef Action) {
    return Last.equals_insensitive(Action);
  });
}

void RestCreate201Rule::check(api::API &A, AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations) {
    if (Op.M != api::Method::Post || !isCollectionPath(Op.Path))
      continue;
    if (Op.findResponse("201") || Op.findResponse("202"))
      continue;
    Diagnostic D = finding(Op.Location, Op.getDisplayName() +
                                            " creates a resource but does not "
                                            "document 201 Created");
    if (const api::Response *OK = Op.findResponse("200"))
      D.addNote(OK->Location, "it answers 200 here");
    report(std::move(D));
  }
}

} // namespace bk
