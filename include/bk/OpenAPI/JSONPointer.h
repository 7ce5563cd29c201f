//===- bk/OpenAPI/JSONPointer.h - JSON pointers and $ref strings -*- C++
//-*-===//
//
// RFC 6901 JSON pointers as they appear in OpenAPI $refs
// ("other.yaml#/components/schemas/Pet", "#/paths/~1pets/get"): splitting a
// reference into its file and fragment, and a fragment into unescaped tokens
// (`~1` is `/`, `~0` is `~`, %XX is percent-decoded first).
//
//===----------------------------------------------------------------------===//

#ifndef BK_OPENAPI_JSONPOINTER_H
#define BK_OPENAPI_JSONPOINTER_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bk {
namespace openapi {

/// A $ref split at '#': File is empty for a local reference, Pointer is
/// the (still escaped) fragment, empty for the whole document.
struct RefParts {
  std::string File;
  std::string Pointer;
};
RefParts splitRef(llvm::StringRef Ref);

/// Whether Ref names a remote resource (http:, https:, or any URI scheme).
bool isRemoteRef(llvm::StringRef Ref);

/// Splits a JSON pointer ("" or "/a/b~1c") into unescaped tokens. False,
/// with Error set, for a pointer that does not start with '/' or has a bad
/// escape.
bool parseJSONPointer(llvm::StringRef Pointer, std::vector<std::string> &Tokens,
                      std::string *Error = nullptr);

/// Escapes one token for a JSON pointer ("a/b~c" gives "a~1b~0c").
std::string escapePointerToken(llvm::StringRef Token);

/// Joins a directory of the referring file and a relative path, and
/// normalises `.` and `..` (an absolute Path is returned normalised).
std::string resolveRelativePath(llvm::StringRef BaseFile, llvm::StringRef Path);

} // namespace openapi
} // namespace bk

#endif // BK_OPENAPI_JSONPOINTER_H
