//===- RoundTrip.h - read -> write -> read, for the writer's tests -*- C++ -*-//
//
// The property the writer keeps: an OpenAPI description read into the IR,
// written back and read again gives the same IR (its text form, locations
// off). Only the `openapi` version may differ: a 3.0 description is written
// as 3.1.0.
//
//===----------------------------------------------------------------------===//

#ifndef BK_UNITTESTS_OPENAPIWRITER_ROUNDTRIP_H
#define BK_UNITTESTS_OPENAPIWRITER_ROUNDTRIP_H

#include "bk/API/APIText.h"
#include "bk/OpenAPI/Reader.h"
#include "bk/OpenAPIWriter/Writer.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace bk {
namespace writertest {

/// Reads the OpenAPI description Text (named Name, so that relative $refs
/// resolve beside it); null with the errors in Errors when it does not read.
inline std::unique_ptr<api::API>
readText(llvm::StringRef Text, llvm::StringRef Name, std::string &Errors) {
  Context Ctx;
  unsigned ID = Ctx.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, Name));
  std::unique_ptr<api::API> A = openapi::readOpenAPI(Ctx, ID);
  for (const Diagnostic &D : Ctx.getDiags().take())
    if (D.Sev == Severity::Error)
      Errors += std::to_string(D.Location.Line) + ":" +
                std::to_string(D.Location.Col) + ": " + D.Message + "\n";
  return A;
}

/// The IR text of A, locations off.
inline std::string irText(const api::API &A) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  api::printAPI(OS, A, /*PrintLocations=*/false);
  return OS.str();
}

/// A line diff of two texts: the lines only Old has (`-`) and only New has
/// (`+`), each with its line number, at most MaxLines of them. A longest
/// common subsequence where the differing middle is small enough, else the
/// whole middle.
inline std::string lineDiff(llvm::StringRef Old, llvm::StringRef New,
                            size_t MaxLines = 40) {
  llvm::SmallVector<llvm::StringRef, 64> A, B;
  Old.split(A, '\n');
  New.split(B, '\n');
  size_t Pre = 0;
  while (Pre < A.size() && Pre < B.size() && A[Pre] == B[Pre])
    ++Pre;
  size_t Suf = 0;
  while (Suf < A.size() - Pre && Suf < B.size() - Pre &&
         A[A.size() - 1 - Suf] == B[B.size() - 1 - Suf])
    ++Suf;
  size_t N = A.size() - Pre - Suf, M = B.size() - Pre - Suf;
  // Lcs[I][J]: the common subsequence of the middles from I and J on.
  std::vector<std::vector<unsigned>> Lcs;
  if (N * M <= 4000000) {
    Lcs.assign(N + 1, std::vector<unsigned>(M + 1, 0));
    for (size_t I = N; I-- > 0;)
      for (size_t J = M; J-- > 0;)
        Lcs[I][J] = A[Pre + I] == B[Pre + J]
                        ? Lcs[I + 1][J + 1] + 1
                        : std::max(Lcs[I + 1][J], Lcs[I][J + 1]);
  }
  std::string Out;
  size_t Lines = 0;
  auto Emit = [&](char Sign, size_t Line, llvm::StringRef Text) {
    if (Lines++ < MaxLines)
      Out += std::string(1, Sign) + std::to_string(Line + 1) + ": " +
             Text.str() + "\n";
  };
  size_t I = 0, J = 0;
  while (I < N || J < M) {
    if (I < N && J < M && !Lcs.empty() && A[Pre + I] == B[Pre + J]) {
      ++I, ++J;
    } else if (J == M ||
               (I < N && !Lcs.empty() && Lcs[I + 1][J] >= Lcs[I][J + 1])) {
      Emit('-', Pre + I, A[Pre + I]);
      ++I;
    } else if (I == N || !Lcs.empty()) {
      Emit('+', Pre + J, B[Pre + J]);
      ++J;
    } else {
      // No table: the whole middle of Old, then of New.
      for (; I < N; ++I)
        Emit('-', Pre + I, A[Pre + I]);
    }
  }
  if (Lines > MaxLines)
    Out += "... (" + std::to_string(Lines - MaxLines) + " more lines)\n";
  return Out;
}

/// The options a round trip of A writes with: A's own version from 3.1 on,
/// the default (3.1.0) for 3.0.
inline openapiwriter::WriteOptions optionsFor(const api::API &A,
                                              openapiwriter::Format F) {
  openapiwriter::WriteOptions Opts;
  Opts.Fmt = F;
  if (!llvm::StringRef(A.OpenAPIVersion).startswith("3.0"))
    Opts.Version = A.OpenAPIVersion;
  return Opts;
}

/// Writes A in format F, reads the output back (named Name) and compares
/// the IRs. Empty when they are the same; else what went wrong, with a
/// diff. Written receives the output.
inline std::string roundTrip(const api::API &A, llvm::StringRef Name,
                             openapiwriter::Format F,
                             std::string *Written = nullptr) {
  openapiwriter::WriteOptions Opts = optionsFor(A, F);
  std::string Expected = irText(A);
  if (Opts.Version != A.OpenAPIVersion) {
    std::string From = "openapi = \"" + A.OpenAPIVersion + "\"";
    size_t Pos = Expected.find(From);
    if (Pos != std::string::npos)
      Expected.replace(Pos, From.size(), "openapi = \"" + Opts.Version + "\"");
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  openapiwriter::writeOpenAPI(A, OS, Opts);
  OS.flush();
  if (Written)
    *Written = Out;
  std::string Errors;
  std::unique_ptr<api::API> B = readText(Out, Name, Errors);
  if (!B)
    return "the written description does not read back:\n" + Errors;
  std::string Got = irText(*B);
  if (Got == Expected)
    return "";
  return "the IR read back differs:\n" + lineDiff(Expected, Got);
}

} // namespace writertest
} // namespace bk

#endif // BK_UNITTESTS_OPENAPIWRITER_ROUNDTRIP_H
