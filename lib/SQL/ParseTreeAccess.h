//===- ParseTreeAccess.h - Tree accessors without dynamic_cast -*- C++ -*-===//
//
// Private to lib/SQL. Every context class ANTLR generates from
// grammar/PostgreSQLParser.g4 derives from FastRuleContext (the grammar's
// contextSuperClass option), so the accessors the generated code defines
// (`ctx->identifier()`, `ctx->NOT()`, `ctx->tableElement()`) call the member
// templates below instead of the runtime's. The runtime's test each child
// with dynamic_cast; libstdc++ implements a failed dynamic_cast by walking
// the class hierarchy and comparing mangled type names with strcmp, and with
// several accessor calls per node that was a fifth of the front end's time.
//
// Here a child is a token node when its dynamic type is the runtime's
// TerminalNodeImpl or ErrorNodeImpl (told by its virtual table pointer);
// every other child of a parser's tree is a ParserRuleContext, and is a T
// when its rule index is T's (T a rule's context class) or its dynamic type
// is T (T the class of a labelled alternative, which nothing derives from).
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_SQL_PARSETREEACCESS_H
#define BK_LIB_SQL_PARSETREEACCESS_H

#include "antlr4-runtime.h"

#include <cassert>
#include <cstring>
#include <type_traits>
#include <typeinfo>
#include <vector>

namespace bk_sql_antlr {

/// typeid(A) == typeid(B) without a call to strcmp when the mangled names
/// differ in their first two characters, as a generated class's and the
/// runtime's do ("N13bk_sql_antlr..." against "N6antlr4...").
inline bool sameType(const std::type_info &A, const std::type_info &B) {
  const char *X = A.name(), *Y = B.name();
  if (X == Y)
    return true;
  if (X[0] != Y[0] || X[1] != Y[1])
    return false;
  return A == B;
}

/// isTokenNode() by the dynamic type's name: the reference the fast test
/// is checked against.
inline bool isTokenNodeByType(antlr4::tree::ParseTree *N) {
  const std::type_info &T = typeid(*N);
  return sameType(T, typeid(antlr4::tree::TerminalNodeImpl)) ||
         sameType(T, typeid(antlr4::tree::ErrorNodeImpl));
}

/// The virtual table pointer of N's ParseTree part (the Itanium C++ ABI
/// puts it first in every polymorphic object). Objects of the same dynamic
/// type have the same one: each class has one virtual table in the program.
inline const void *parseTreeVptr(const antlr4::tree::ParseTree *N) {
  const void *V;
  std::memcpy(&V, static_cast<const void *>(N), sizeof V);
  return V;
}

/// The ParseTree virtual table pointers of the runtime's two token node
/// classes, read once off an instance of each.
struct TokenNodeVptrs {
  const void *Terminal, *Error;
  TokenNodeVptrs() {
    antlr4::tree::TerminalNodeImpl T(nullptr);
    antlr4::tree::ErrorNodeImpl E(nullptr);
    Terminal = parseTreeVptr(&T);
    Error = parseTreeVptr(&E);
  }
};

/// Whether N (not null) is a token node rather than a rule context: two
/// pointer comparisons, where typeid cost a name comparison per class (a
/// twentieth of the front end's instructions).
inline bool isTokenNode(antlr4::tree::ParseTree *N) {
  static const TokenNodeVptrs Vptrs;
  const void *V = parseTreeVptr(N);
  bool Token = V == Vptrs.Terminal || V == Vptrs.Error;
  assert(Token == isTokenNodeByType(N) && "virtual table test disagrees");
  return Token;
}

/// dynamic_cast<TerminalNode *>(N) for a node of a parser's tree.
inline antlr4::tree::TerminalNode *tokenNode(antlr4::tree::ParseTree *N) {
  return N && isTokenNode(N) ? static_cast<antlr4::tree::TerminalNode *>(N)
                             : nullptr;
}

/// A rule's context class (the one its labelled alternatives derive from)
/// is constructed from a parent and an invoking state; an alternative's
/// class from its rule's context only.
template <typename T>
constexpr bool IsRuleContextClass =
    std::is_constructible<T, antlr4::ParserRuleContext *, size_t>::value;

/// The rule index of T, a rule's context class.
template <typename T> size_t ruleIndexOf() {
  static const size_t Index = T(nullptr, 0).getRuleIndex();
  return Index;
}

/// Whether the rule context C is a T.
template <typename T> bool isContext(antlr4::ParserRuleContext *C) {
  static_assert(std::is_base_of<antlr4::ParserRuleContext, T>::value,
                "T must be a generated context class");
  if constexpr (IsRuleContextClass<T>)
    return C->getRuleIndex() == ruleIndexOf<T>();
  else
    return sameType(typeid(*C), typeid(T));
}

/// dynamic_cast<T *>(N) for a node of a parser's tree and T a generated
/// context class (or antlr4::ParserRuleContext).
template <typename T> T *treeCast(antlr4::tree::ParseTree *N) {
  if (!N || isTokenNode(N))
    return nullptr;
  auto *C = static_cast<antlr4::ParserRuleContext *>(N);
  if constexpr (std::is_same<T, antlr4::ParserRuleContext>::value)
    return C;
  else
    return isContext<T>(C) ? static_cast<T *>(C) : nullptr;
}

/// The base of every generated context class; see the file comment.
class FastRuleContext : public antlr4::ParserRuleContext {
public:
  FastRuleContext() { children.reserve(4); }
  FastRuleContext(antlr4::ParserRuleContext *Parent, size_t InvokingState)
      : antlr4::ParserRuleContext(Parent, InvokingState) {
    // One allocation for the first four children instead of three.
    children.reserve(4);
  }

  template <typename T> T *getRuleContext(size_t I) {
    size_t Seen = 0;
    for (antlr4::tree::ParseTree *Child : children)
      if (T *C = treeCast<T>(Child))
        if (Seen++ == I)
          return C;
    return nullptr;
  }

  template <typename T> std::vector<T *> getRuleContexts() {
    std::vector<T *> Out;
    for (antlr4::tree::ParseTree *Child : children)
      if (T *C = treeCast<T>(Child))
        Out.push_back(C);
    return Out;
  }

  antlr4::tree::TerminalNode *getToken(size_t Type, size_t I) override {
    size_t Seen = 0;
    for (antlr4::tree::ParseTree *Child : children) {
      if (!isTokenNode(Child))
        continue;
      auto *N = static_cast<antlr4::tree::TerminalNode *>(Child);
      if (N->getSymbol()->getType() == Type && Seen++ == I)
        return N;
    }
    return nullptr;
  }

  std::vector<antlr4::tree::TerminalNode *> getTokens(size_t Type) override {
    std::vector<antlr4::tree::TerminalNode *> Out;
    for (antlr4::tree::ParseTree *Child : children) {
      if (!isTokenNode(Child))
        continue;
      auto *N = static_cast<antlr4::tree::TerminalNode *>(Child);
      if (N->getSymbol()->getType() == Type)
        Out.push_back(N);
    }
    return Out;
  }
};

} // namespace bk_sql_antlr

#endif // BK_LIB_SQL_PARSETREEACCESS_H
