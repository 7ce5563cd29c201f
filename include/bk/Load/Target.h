//===- bk/Load/Target.h - What bk-load sends requests to --------*- C++ -*-===//
//
// An http:// or https:// URL split into what a connection needs: scheme,
// host (for DNS, SNI and the Host header), port and request target.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LOAD_TARGET_H
#define BK_LOAD_TARGET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace bk {
namespace load {

struct Target {
  bool TLS = false;
  /// As written, without IPv6 brackets (for DNS and SNI).
  std::string Host;
  uint16_t Port = 80;
  /// Path and query, at least "/".
  std::string PathAndQuery = "/";

  /// The Host header: the host, bracketed for IPv6, with the port when it
  /// is not the scheme's default.
  std::string hostHeader() const;
  /// host:port, the host bracketed for IPv6 ("[::1]:8080"), for messages.
  std::string authority() const;
  /// The URL again, normalised ("http://127.0.0.1:8080/a?b").
  std::string url() const;
};

/// Parses an absolute http or https URL. The error says what is wrong:
/// "bad URL 'ftp://x': the scheme must be http or https".
llvm::Expected<Target> parseTarget(llvm::StringRef URL);

} // namespace load
} // namespace bk

#endif // BK_LOAD_TARGET_H
