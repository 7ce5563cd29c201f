//===- bk/Support/Text.h - Small text helpers for reports -------*- C++ -*-===//

#ifndef BK_SUPPORT_TEXT_H
#define BK_SUPPORT_TEXT_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace bk {

/// "1 error", "3 errors": N and Word, with an 's' unless N is 1.
inline std::string plural(uint64_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

} // namespace bk

#endif // BK_SUPPORT_TEXT_H
