//===- RestDelete204Rule.cpp - rest-delete-204 ----------------------------===//
//
// A DELETE answers 204 No Content (or 202 Accepted when the deletion is
// asynchronous).
//
//===----------------------------------------------------------------------===//

#include "bk/Lint/RestDelete204Rule.h"

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace bk {

void RestDelete204Rule::check(api::API &A, AnalysisManager<api::API> &AM) {
  for (const api::Operation &Op : A.Operations) {
    if (Op.M != api::Method::Delete)
      continue;
    if (Op.findResponse("204") || Op.findResponse("202"))
      continue;
    Diagnostic D = finding(
        Op.Location, Op.getDisplayName() + " does not document 204 No Content");
    if (const api::Response *OK = Op.findResponse("200"))
      if (any_of(OK->Content, [](const api::MediaType &MT) {
            return lint::isJSONMediaType(MT.Name);
          }))
        D.addNote(OK->Location, "a 200 with a body here");
    report(std::move(D));
  }
}

} // namespace bk
