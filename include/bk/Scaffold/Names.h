//===- bk/Scaffold/Names.h - TypeScript identifiers and literals -*- C++
//-*-===//
//
// Names in an OpenAPI description are free text ("pet-id", "2fa", "class");
// generated TypeScript needs identifiers, property keys and string literals.
// These helpers make them, and NameTable keeps the names of one scope
// unique and deterministic (the first claimant keeps the name, later ones get
// a numeric suffix, in the order the generator asks).
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCAFFOLD_NAMES_H
#define BK_SCAFFOLD_NAMES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace bk {
namespace scaffold {

/// Whether S is an ASCII JavaScript identifier that is not a reserved word
/// (so it can name a variable, a type or an unquoted property).
bool isIdentifier(llvm::StringRef S);

/// Whether S is a reserved word of JavaScript or TypeScript's type names
/// that cannot name a type ("string", "number", ...).
bool isReservedWord(llvm::StringRef S);

/// "pet-id" -> "PetId", "user_name" -> "UserName", "2fa" -> "_2fa",
/// "" -> "_". Word boundaries are non-alphanumerics and lower-to-upper
/// case changes; letters inside a word keep their case ("getHTTPStatus" ->
/// "GetHTTPStatus").
std::string toPascalCase(llvm::StringRef S);
/// As toPascalCase with the first letter lower-cased ("PetId" -> "petId");
/// a reserved word gets a trailing '_' ("delete" -> "delete_").
std::string toCamelCase(llvm::StringRef S);
/// A file name stem: lower case words joined by '-' ("Pet Store" ->
/// "pet-store"); "_" for an empty result.
std::string toKebabCase(llvm::StringRef S);

/// A JavaScript string literal in double quotes (valid JSON too), with
/// control characters, quotes, backslashes and U+2028/U+2029 escaped.
std::string quoteString(llvm::StringRef S);
/// An object literal or interface key: the name itself when it is an
/// identifier (reserved words are fine as keys), else quoted.
std::string propertyKey(llvm::StringRef Name);
/// The text of a block comment line, with "*/" broken so it cannot end
/// the comment.
std::string commentText(llvm::StringRef S);
/// S on one line: line breaks (CR, LF, U+2028, U+2029) become spaces, so a
/// value placed in a `//` comment cannot end it.
std::string oneLine(llvm::StringRef S);

/// Unique names within one scope. A case-insensitive table (for file
/// names, which differ only in case on macOS and Windows) treats "getURL"
/// and "getUrl" as the same name.
class NameTable {
public:
  explicit NameTable(bool CaseInsensitive = false)
      : CaseInsensitive(CaseInsensitive) {}
  /// Claims Name exactly; false when it is taken.
  bool reserve(llvm::StringRef Name);
  /// Base when free, else Base2, Base3, ...; the result is claimed.
  std::string unique(llvm::StringRef Base);
  bool contains(llvm::StringRef Name) const { return Used.count(key(Name)); }

private:
  std::string key(llvm::StringRef Name) const {
    return CaseInsensitive ? Name.lower() : Name.str();
  }
  bool CaseInsensitive;
  llvm::StringMap<unsigned> Used;
};

} // namespace scaffold
} // namespace bk

#endif // BK_SCAFFOLD_NAMES_H
