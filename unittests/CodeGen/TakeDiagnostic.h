//===- TakeDiagnostic.h - The diagnostic inside an llvm::Error --*- C++ -*-===//
//
// The CodeGen tests check located errors: these take the Diagnostic out of
// an ErrorDiagnostic, failing the test when there is none.
//
//===----------------------------------------------------------------------===//

#ifndef BK_UNITTESTS_CODEGEN_TAKEDIAGNOSTIC_H
#define BK_UNITTESTS_CODEGEN_TAKEDIAGNOSTIC_H

#include "bk/Support/Error.h"

#include "llvm/Support/Error.h"

#include "gtest/gtest.h"

namespace bk {

/// The Diagnostic inside an ErrorDiagnostic (fails the test otherwise).
inline Diagnostic takeDiagnostic(llvm::Error E) {
  Diagnostic D;
  bool Found = false;
  llvm::handleAllErrors(
      std::move(E),
      [&](const ErrorDiagnostic &ED) {
        D = ED.getDiagnostic();
        Found = true;
      },
      [&](const llvm::ErrorInfoBase &EI) {
        ADD_FAILURE() << "not an ErrorDiagnostic: " << EI.message();
      });
  EXPECT_TRUE(Found) << "expected an error";
  return D;
}

template <typename T> Diagnostic takeDiagnostic(llvm::Expected<T> &&V) {
  if (V) {
    ADD_FAILURE() << "expected an error";
    return Diagnostic();
  }
  return takeDiagnostic(V.takeError());
}

} // namespace bk

#endif // BK_UNITTESTS_CODEGEN_TAKEDIAGNOSTIC_H
