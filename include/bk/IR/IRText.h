//===- bk/IR/IRText.h - Generic textual form shared by both IRs -*- C++ -*-===//
//
// Both IRs print to and read from one generic syntax (documented in
// docs/IR.md), the way MLIR's generic operation form serves every dialect:
//
//   item   := KIND value* attrs? location? ( '{' item* '}' | ';' )
//   attrs  := '[' ( attr ( ',' attr )* )? ']'
//   attr   := IDENT ( '=' value )?          a bare IDENT is a true flag
//   value  := IDENT | STRING | INTEGER | FLOAT | '(' ( value ( ',' value )* )?
//   ')' location := 'loc' '(' STRING ':' INTEGER ':' INTEGER ')'
//
// `//` starts a comment to the end of the line. Identifiers are
// [A-Za-z_][A-Za-z0-9_$.-]*; anything else is written as a "string" with C
// escapes. Each IR maps its classes onto Items (IR/Schema/SchemaText.cpp,
// IR/API/APIText.cpp), so this file is the only lexer and parser of IR text.
//
//===----------------------------------------------------------------------===//

#ifndef BK_IR_IRTEXT_H
#define BK_IR_IRTEXT_H

#include "bk/Support/Context.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bk {
namespace irtext {

/// A value: a word, a string, a number or a parenthesised list.
struct Value {
  enum Kind { Ident, String, Integer, Float, List };
  Kind K = Ident;
  std::string Text;         // Ident, String, Integer, Float (as written)
  std::vector<Value> Items; // List
  Loc Location;             // where the value was read

  Value() = default;
  static Value ident(llvm::StringRef S);
  static Value string(llvm::StringRef S);
  /// An identifier when S is one (and not a keyword of the syntax), else a
  /// string: the form names are printed in.
  static Value name(llvm::StringRef S);
  static Value integer(int64_t N);
  static Value list(std::vector<Value> Items = {});
  static Value nameList(const std::vector<std::string> &Names);

  bool isList() const { return K == List; }
  /// Ident or String: a word-like value.
  bool isText() const { return K == Ident || K == String; }
  bool isInteger() const { return K == Integer; }
  llvm::Optional<int64_t> getInteger() const;
};

struct Attr {
  std::string Name;
  /// Present unless the attribute is a bare flag.
  llvm::Optional<Value> V;
  Loc Location;
};

struct Item {
  std::string Kind;
  std::vector<Value> Args;
  std::vector<Attr> Attrs;
  /// The location of the item in the text it was read from.
  Loc Location;
  /// The location written as loc("file":line:col), if any: where the object
  /// came from before it was printed as IR.
  Loc Origin;
  bool HasBody = false;
  std::vector<Item> Children;

  explicit Item(llvm::StringRef Kind = "") : Kind(Kind.str()) {}

  // Building (printers).
  Item &arg(Value V) {
    Args.push_back(std::move(V));
    return *this;
  }
  Item &attr(llvm::StringRef Name, Value V);
  Item &flag(llvm::StringRef Name, bool On = true);
  /// Adds Name = "S" (or a bare word) unless S is empty.
  Item &attrIfNotEmpty(llvm::StringRef Name, llvm::StringRef S);
  Item &child(Item C) {
    HasBody = true;
    Children.push_back(std::move(C));
    return Children.back();
  }

  // Reading (readers).
  const Attr *findAttr(llvm::StringRef Name) const;
  bool hasFlag(llvm::StringRef Name) const { return findAttr(Name) != nullptr; }
};

/// Parses Buffer (already in Ctx's SourceMgr) into items. Syntax errors are
/// reported to Ctx.getDiags(); the result is None when any was reported.
llvm::Optional<std::vector<Item>> parse(Context &Ctx, unsigned BufferID);

/// Prints items in the canonical layout: two-space indent, one item per
/// line, attributes in the order given.
void print(llvm::raw_ostream &OS, const std::vector<Item> &Items);
void print(llvm::raw_ostream &OS, const Item &I, unsigned Indent = 0);
void printValue(llvm::raw_ostream &OS, const Value &V);

/// Helps readers convert Items into IR classes with located diagnostics.
/// Every accessor reports a located error for a missing or ill-typed
/// attribute, and finish() reports attributes that no accessor asked for,
/// so a typo in hand-written IR never passes silently.
class ItemReader {
public:
  ItemReader(DiagnosticEngine &Diags, const Item &I);
  ~ItemReader();

  const Item &item() const { return I; }
  /// The object's location: its loc(...) when written, else the item's.
  Loc loc() const { return I.Origin.isValid() ? I.Origin : I.Location; }

  /// Positional arguments.
  bool expectArgs(unsigned Min, unsigned Max);
  std::string argText(unsigned N);

  bool flag(llvm::StringRef Name);
  std::string text(llvm::StringRef Name, llvm::StringRef Default = "");
  llvm::Optional<std::string> optText(llvm::StringRef Name);
  llvm::Optional<int64_t> integer(llvm::StringRef Name);
  llvm::Optional<double> number(llvm::StringRef Name);
  std::vector<std::string> textList(llvm::StringRef Name);
  /// The value of one of Choices; reports an error listing them otherwise.
  std::string oneOf(llvm::StringRef Name,
                    llvm::ArrayRef<llvm::StringRef> Choices,
                    llvm::StringRef Default);
  const Value *raw(llvm::StringRef Name);

  /// Reports an error at the item (or attribute) and marks the reader failed.
  void error(const llvm::Twine &Msg);
  void error(const Attr &A, const llvm::Twine &Msg);
  /// Reports unknown attributes; true when the item was read without error.
  bool finish();
  bool failed() const { return Failed; }

private:
  const Attr *use(llvm::StringRef Name);

  DiagnosticEngine &Diags;
  const Item &I;
  std::vector<bool> Used;
  bool Failed = false;
  bool Finished = false;
};

} // namespace irtext
} // namespace bk

#endif // BK_IR_IRTEXT_H
