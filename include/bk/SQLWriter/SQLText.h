//===- bk/SQLWriter/SQLText.h - Scanning opaque SQL text --------*- C++ -*-===//
//
// Small scanners over the IR's opaque expression and query text, aware of
// string literals, quoted identifiers and dollar quotes. The writer uses them
// to order statements and the differ to find what an object refers to.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SQLWRITER_SQLTEXT_H
#define BK_SQLWRITER_SQLTEXT_H

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

namespace bk {
namespace sqlwriter {
/// Calls Visit(Index, Depth) for every character outside quotes, with the
/// parenthesis depth after that character.
void scanTopLevel(llvm::StringRef S,
                  const std::function<void(size_t, unsigned)> &Visit);

/// Whether S has one of Words (lower case) as a word outside quotes and
/// parentheses.
bool hasTopLevelKeyword(llvm::StringRef S,
                        std::initializer_list<llvm::StringRef> Words);

/// Every name S may refer to: unquoted words lower-cased, quoted
/// identifiers as written; string literals skipped.
std::set<std::string> referencedNames(llvm::StringRef S);

/// S split at Sep outside quotes and parentheses, each part trimmed.
std::vector<std::string> splitTopLevel(llvm::StringRef S, char Sep);

} // namespace sqlwriter
} // namespace bk

#endif // BK_SQLWRITER_SQLTEXT_H
