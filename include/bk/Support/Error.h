//===- bk/Support/Error.h - Located errors as values ------------*- C++ -*-===//
//
// Libraries return llvm::Error / llvm::Expected<T>. A located failure is an
// ErrorDiagnostic carrying the full Diagnostic; ErrorReported says the
// failure was already reported to the DiagnosticEngine (so the tool only
// needs to exit 2). Modelled on FileCheck's ErrorDiagnostic/ErrorReported.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_ERROR_H
#define BK_SUPPORT_ERROR_H

#include "bk/Support/Diagnostics.h"

#include "llvm/Support/Error.h"

namespace bk {

class ErrorDiagnostic : public llvm::ErrorInfo<ErrorDiagnostic> {
public:
  static char ID;

  /// The location's file name is interned (internFileName): the caller's
  /// may be a temporary, and the diagnostic may outlive this error.
  explicit ErrorDiagnostic(Diagnostic D) : Diag(std::move(D)) {
    Diag.Location.File = internFileName(Diag.Location.File);
    for (Diagnostic &N : Diag.Notes)
      N.Location.File = internFileName(N.Location.File);
  }

  const Diagnostic &getDiagnostic() const { return Diag; }

  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
  /// "file:line:col: message" (without caret).
  void log(llvm::raw_ostream &OS) const override;

  static llvm::Error get(Loc L, const llvm::Twine &Msg,
                         llvm::StringRef ID = "") {
    return llvm::make_error<ErrorDiagnostic>(
        Diagnostic(Severity::Error, L, Msg, ID));
  }

private:
  Diagnostic Diag;
};

/// The error was already reported through the DiagnosticEngine.
class ErrorReported final : public llvm::ErrorInfo<ErrorReported> {
public:
  static char ID;

  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
  void log(llvm::raw_ostream &OS) const override {
    OS << "error already reported";
  }

  static llvm::Error reportedOrSuccess(bool HasErrorReported) {
    if (HasErrorReported)
      return llvm::make_error<ErrorReported>();
    return llvm::Error::success();
  }
};

/// Reports every ErrorDiagnostic in E to Diags; any other error is reported
/// as an unlocated error with its message. ErrorReported is dropped.
/// Returns true when E held an error.
bool reportError(DiagnosticEngine &Diags, llvm::Error E);

} // namespace bk

#endif // BK_SUPPORT_ERROR_H
