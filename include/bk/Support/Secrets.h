//===- bk/Support/Secrets.h - Never print a password ------------*- C++ -*-===//
//
// Connection strings reach messages, logs and reports; passwords must not.
// maskConnectionString() rewrites both PostgreSQL forms:
//
//   postgres://alice:s3cret@db:5432/app?password=x  ->
//   postgres://alice:****@db:5432/app?password=**** host=db user=alice
//   password='s3 cret'           ->  host=db user=alice password=****
//
// and redact() replaces any known secret wherever it appears in a text (a
// server's error message that echoes the password, say).
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_SECRETS_H
#define BK_SUPPORT_SECRETS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace bk {

/// The mask printed in place of a secret.
constexpr const char *SecretMask = "****";

/// The connection string with every password replaced by SecretMask.
std::string maskConnectionString(llvm::StringRef Conn);

/// The password of a URI or key=value connection string, if it has one
/// (percent-decoded / unquoted).
llvm::Optional<std::string> extractPassword(llvm::StringRef Conn);

/// Text with every occurrence of each non-empty secret replaced by SecretMask.
std::string redact(llvm::StringRef Text, llvm::ArrayRef<std::string> Secrets);

} // namespace bk

#endif // BK_SUPPORT_SECRETS_H
