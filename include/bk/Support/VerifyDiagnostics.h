//===- bk/Support/VerifyDiagnostics.h - -verify-diagnostics -----*- C++ -*-===//
//
// Checks the diagnostics a run produced against expectations written in the
// input itself, as MLIR's -verify-diagnostics does (LLVM 14 has no such
// verifier). In any comment syntax:
//
//   expected-error {{message substring}}          on this line
//   expected-warning @+1 {{...}}                  on the next line (@-N above)
//   expected-note @above {{...}}   @below         the previous / next line
//   expected-error @unknown {{...}}               a diagnostic with no location
//
// Every diagnostic must be expected and every expectation met; mismatches
// are reported as located errors on stderr.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_VERIFYDIAGNOSTICS_H
#define BK_SUPPORT_VERIFYDIAGNOSTICS_H

#include "bk/Support/Context.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {

class DiagnosticVerifier {
public:
  /// Installs itself as Ctx's diagnostic handler until destroyed.
  explicit DiagnosticVerifier(Context &Ctx);
  ~DiagnosticVerifier();

  /// Reads the expectations of a loaded buffer. Malformed expectations are
  /// reported right away and make verify() fail.
  void addBuffer(unsigned BufferID);

  /// Matches what was reported since the last verify() against the
  /// expectations added since then; prints mismatches to OS. True when
  /// everything matched.
  bool verify(llvm::raw_ostream &OS);

private:
  struct Expectation {
    Severity Sev;
    Loc Location;  // of the comment
    unsigned Line; // the line the diagnostic must be on; 0 for @unknown
    std::string File;
    std::string Text;
    bool Matched = false;
  };

  Context &Ctx;
  std::vector<Expectation> Expected;
  std::vector<Diagnostic> Seen;
  std::vector<Diagnostic> Malformed;
};

} // namespace bk

#endif // BK_SUPPORT_VERIFYDIAGNOSTICS_H
