//===- bk/Support/Text.h - Small text helpers for reports -------*- C++ -*-===//

#ifndef BK_SUPPORT_TEXT_H
#define BK_SUPPORT_TEXT_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace bk {

/// "1 query", "3 queries": N and the word that goes with it.
inline std::string plural(uint64_t N, llvm::StringRef Singular,
                          llvm::StringRef Plural) {
  return std::to_string(N) + " " + (N == 1 ? Singular : Plural).str();
}

/// "1 error", "3 errors": N and Word, with an 's' unless N is 1.
inline std::string plural(uint64_t N, llvm::StringRef Word) {
  return plural(N, Word, (Word + "s").str());
}

} // namespace bk

#endif // BK_SUPPORT_TEXT_H
