//===- Document.h - A YAML/JSON document with locations ---------*- C++ -*-===//
//
// The reader's view of one file: a small immutable tree of JSON values
// (JNode) built from llvm::yaml, each node knowing where it was written.
// The tree gives random access for JSON pointers, which llvm::yaml's lazy,
// read-once nodes do not. YAML aliases are shared, not copied; Expanded
// counts the nodes a full expansion would give, to refuse alias bombs.
// Strict JSON is read by a direct reader that builds the very same tree;
// whatever it does not accept goes to llvm::yaml, which reports the errors.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_OPENAPI_DOCUMENT_H
#define BK_LIB_OPENAPI_DOCUMENT_H

#include "bk/Support/Context.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace bk {
namespace openapi {

struct JNode {
  enum Kind : uint8_t { Null, Bool, Number, String, Array, Object };
  Kind K = Null;
  /// Where the node starts in its (original) buffer.
  const char *Ptr = nullptr;
  /// Scalars: the value ("true", "12", the string).
  llvm::StringRef Text;
  struct Member {
    llvm::StringRef Key;
    const char *KeyPtr;
    const JNode *Value;
  };
  /// Arrays: the elements; objects: the members in the order written. Both
  /// live in the document's allocator.
  llvm::ArrayRef<const JNode *> Elems;
  llvm::ArrayRef<Member> Members;
  /// Index of Members by key for large objects (built once).
  std::unique_ptr<llvm::StringMap<unsigned>> Index;
  /// Number of nodes with YAML aliases expanded (saturating).
  size_t Expanded = 1;

  bool isObject() const { return K == Object; }
  bool isArray() const { return K == Array; }
  bool isString() const { return K == String; }
  bool isScalar() const { return K != Object && K != Array; }
  /// The member called Key, or null.
  const JNode *get(llvm::StringRef Key) const;
  const Member *getMember(llvm::StringRef Key) const;
  /// "object", "array", "string", ...
  llvm::StringRef kindName() const;
};

/// One loaded file.
class Document {
public:
  unsigned BufferID = 0;
  /// The buffer's name, interned.
  llvm::StringRef Name;
  const JNode *Root = nullptr;

  /// The location of a pointer into this document's buffer.
  Loc loc(const char *Ptr) const;

  /// Which readers parse() uses. Auto tries the JSON reader on text that
  /// starts with '{' or '[' and falls back to llvm::yaml; YAMLOnly and
  /// JSONOnly are for tests (JSONOnly gives null, reporting nothing, where
  /// Auto would fall back).
  enum class ParseMode { Auto, YAMLOnly, JSONOnly };

  /// Parses BufferID of Ctx. Syntax errors (YAML, duplicate keys, nesting
  /// too deep, alias bombs) are reported to Ctx's diagnostics; null then.
  static std::unique_ptr<Document> parse(Context &Ctx, unsigned BufferID,
                                         unsigned MaxDepth, size_t MaxExpanded,
                                         ParseMode Mode = ParseMode::Auto);

private:
  friend class DocumentBuilder;
  friend class JSONReader;
  llvm::SpecificBumpPtrAllocator<JNode> Nodes;
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver{Alloc};
  std::vector<unsigned> LineStarts;
  const char *BufStart = nullptr;
  /// A copy of the buffer with tabs outside strings replaced by spaces
  /// (JSON allows them where YAML does not), when one was needed.
  std::unique_ptr<llvm::MemoryBuffer> Sanitized;
};

/// Follows Pointer (escaped fragment) from Root; null with Error set when a
/// token names nothing.
const JNode *resolvePointer(const JNode *Root, llvm::StringRef Pointer,
                            std::string &Error);

/// The compact JSON text of a node (YAML scalars typed as in YAML 1.2's
/// core schema).
void appendJSON(const JNode *N, std::string &Out);
std::string toJSON(const JNode *N);

} // namespace openapi
} // namespace bk

#endif // BK_LIB_OPENAPI_DOCUMENT_H
