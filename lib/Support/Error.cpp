//===- Error.cpp - Located errors as values -------------------------------===//

#include "bk/Support/Error.h"

using namespace llvm;

namespace bk {

char ErrorDiagnostic::ID;
char ErrorReported::ID;

void ErrorDiagnostic::log(raw_ostream &OS) const {
  const Loc &L = Diag.Location;
  if (L.isValid()) {
    OS << L.File;
    if (L.Line)
      OS << ':' << L.Line << ':' << L.Col;
    OS << ": ";
  }
  OS << Diag.Message;
}

bool reportError(DiagnosticEngine &Diags, Error E) {
  if (!E)
    return false;
  handleAllErrors(
      std::move(E),
      [&](const ErrorDiagnostic &ED) { Diags.report(ED.getDiagnostic()); },
      [](const ErrorReported &) {},
      [&](const ErrorInfoBase &EI) { Diags.error(Loc(), EI.message()); });
  return true;
}

} // namespace bk
