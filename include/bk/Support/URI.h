//===- bk/Support/URI.h - RFC 3986 URI references --------------*- C++ -*-===//
//
// Checking and percent-decoding URI references (RFC 3986), for the OpenAPI
// fields the specification says are URLs and for connection strings.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_URI_H
#define BK_SUPPORT_URI_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace bk {
namespace uri {

/// Decodes every well-formed %XX escape of S; other bytes are kept as they
/// are (a lone '%' included).
std::string percentDecode(llvm::StringRef S);

/// Whether S is a URI-reference of RFC 3986 section 4.1 (a URI, or a
/// relative reference such as `/terms` or `#/paths/~1pets`). On failure,
/// Why says what is wrong and Offset (when given) is the byte of S at fault.
bool isURIReference(llvm::StringRef S, std::string *Why = nullptr,
                    size_t *Offset = nullptr);

} // namespace uri
} // namespace bk

#endif // BK_SUPPORT_URI_H
