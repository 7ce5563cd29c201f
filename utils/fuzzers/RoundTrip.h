//===- RoundTrip.h - The fuzzers' shared IR round-trip check ----*- C++ -*-===//
//
// Whatever a front end builds must print as IR text that reads back and
// prints to the same bytes; a difference aborts, which libFuzzer reports
// with the input.
//
//===----------------------------------------------------------------------===//

#ifndef BK_UTILS_FUZZERS_ROUNDTRIP_H
#define BK_UTILS_FUZZERS_ROUNDTRIP_H

#include "bk/Passes/IRUnit.h"
#include "bk/Support/Context.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <string>

namespace bk {
namespace fuzz {

inline std::string printToString(const IRUnit &U, bool PrintLocations) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  printIR(OS, U, PrintLocations);
  return OS.str();
}

/// Aborts unless U's IR text reads back (as IR text) and prints identically,
/// with or without loc(...) locations.
inline void checkIRRoundTrip(const IRUnit &U, bool PrintLocations = false) {
  std::string First = printToString(U, PrintLocations);
  Context Again;
  Again.getDiags().setHandler([](const Diagnostic &) {});
  unsigned ID = Again.addBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(First, "round-trip.bkir"));
  IRUnit Back = readInput(Again, ID);
  if (!Back || Again.getDiags().hasErrors()) {
    llvm::errs() << "printed IR does not read back:\n" << First;
    abort();
  }
  std::string Second = printToString(Back, PrintLocations);
  if (Second != First) {
    llvm::errs() << "IR round trip differs\n--- first:\n"
                 << First << "--- second:\n"
                 << Second;
    abort();
  }
}

} // namespace fuzz
} // namespace bk

#endif // BK_UTILS_FUZZERS_ROUNDTRIP_H
