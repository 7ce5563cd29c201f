//===- bk/JS/AST.h - JavaScript/TypeScript modules, as routes need ---*- C++
//-*-===//
//
// A tolerant reader of JavaScript and TypeScript source, enough to find how
// a server registers its routes (bk-scaffold --generate-spec): imports and
// exports, declarations, and expressions as trees of calls, member
// accesses, object and array literals, functions and literals. It is not a
// full parser: TypeScript types are skipped, operators are kept only as
// far as assignments and `?:`/`||` alternatives, and what it cannot read
// becomes an Other node (never an error), so that unusual code costs
// precision, not the whole file. Lexical errors (an unterminated string or
// comment) are reported.
//
//===----------------------------------------------------------------------===//

#ifndef BK_JS_AST_H
#define BK_JS_AST_H

#include "bk/Support/Context.h"

#include "llvm/ADT/StringRef.h"

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace bk {
namespace js {

struct Node;

/// A function or arrow function: its parameter names and its body.
struct FunctionInfo {
  std::vector<std::string> Params;
  /// Statements of a block body; an expression body is one Return.
  std::vector<Node *> Body;
};

struct Node {
  enum KindTy {
    Identifier,  ///< Text: the name
    String,      ///< Text: the decoded value ('…', "…", `…` without ${})
    Template,    ///< a template literal with ${…}: Text is the raw source
    Number,      ///< Text: as written
    Object,      ///< Props
    Array,       ///< Elements
    Call,        ///< Callee(Args)
    New,         ///< new Callee(Args)
    Member,      ///< Callee.Text, or Callee[Elements[0]] when Computed
    Function,    ///< Fn
    Assign,      ///< Callee = Elements[0] (also +=, ...: Text is the operator)
    Await,       ///< await / yield / spread / unary: Elements[0]
    Alternative, ///< a ? b : c, a || b, a ?? b: every operand in Elements
    Return,      ///< return Elements[0] (may be empty)
    Other        ///< anything else; Elements holds sub-expressions found
  };

  KindTy Kind = Other;
  /// Byte offset of the node's first token in its buffer.
  size_t Offset = 0;
  std::string Text;
  Node *Callee = nullptr;
  std::vector<Node *> Args;
  std::vector<Node *> Elements;
  /// Object properties in order; a spread has the key "..." and a method
  /// or shorthand property its name.
  std::vector<std::pair<std::string, Node *>> Props;
  std::unique_ptr<FunctionInfo> Fn;
  bool Computed = false;

  bool is(KindTy K) const { return Kind == K; }
  bool isIdentifier(llvm::StringRef Name) const {
    return Kind == Identifier && Text == Name;
  }
  /// The object property Key, or null.
  Node *prop(llvm::StringRef Key) const;
  /// For a call of a member (`a.b(...)`): "b"; empty otherwise.
  llvm::StringRef calledMethod() const;
};

/// `import X from 'm'`, `import { a as b } from 'm'`, `import * as ns from
/// 'm'`, `const X = require('m')`, `const { a } = require('m')`.
struct Import {
  std::string Local;
  std::string Module;
  /// "default", "*" (the namespace) or the exported name.
  std::string Imported;
  size_t Offset = 0;
};

/// A top-level (or function-level) `const|let|var Name = Init`,
/// `function Name() {}` or `class Name`.
struct Binding {
  std::string Name;
  Node *Init = nullptr;
  size_t Offset = 0;
};

/// A block comment starting with `/**`, with its offset, kept for
/// `@openapi` annotations.
struct DocComment {
  std::string Text;
  size_t Offset = 0;
};

/// One source file.
struct Module {
  std::string Path;
  unsigned BufferID = 0;
  std::vector<Import> Imports;
  /// Every declaration, at any depth, in source order (a name declared
  /// twice appears twice; lookups take the last before a use, or the last).
  std::vector<Binding> Bindings;
  /// exported name → local name ("default" → the binding "default" when
  /// an expression is exported).
  std::vector<std::pair<std::string, std::string>> Exports;
  /// `export { a } from 'm'` and `export * from 'm'`: exported name (or
  /// "*") → (module, imported name).
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>>
      ReExports;
  /// Every statement at any depth (expression statements, returns),
  /// in source order.
  std::vector<Node *> Statements;
  std::vector<DocComment> DocComments;

  /// The binding called Name (the last declared), or null.
  const Binding *findBinding(llvm::StringRef Name) const;
  const Import *findImport(llvm::StringRef Local) const;

  /// Owns every node.
  std::deque<Node> Nodes;
};

/// Reads buffer BufferID of Ctx as a JavaScript/TypeScript module. Lexical
/// errors are reported to Ctx's diagnostics; returns null then.
std::unique_ptr<Module> parseModule(Context &Ctx, unsigned BufferID);

} // namespace js
} // namespace bk

#endif // BK_JS_AST_H
