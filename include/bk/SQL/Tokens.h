//===- bk/SQL/Tokens.h - PostgreSQL tokens of a text ------------*- C++ -*-===//
//
// The front end's lexer for callers that read SQL text of their own without
// parsing statements: expressions as the server prints them in EXPLAIN
// plans, for instance. Tokens follow PostgreSQL's scanner (operators,
// strings, dollar quotes, comments) exactly as the front end reads them.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SQL_TOKENS_H
#define BK_SQL_TOKENS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bk {
namespace sql {

enum class TokenKind : unsigned char {
  /// A keyword or an unquoted identifier (as written: not folded).
  Word,
  /// "name" or U&"name".
  QuotedIdentifier,
  /// '...', E'...', U&'...', B'...', X'...', $tag$...$tag$.
  String,
  Number,
  /// $1, $2, ...
  Parameter,
  /// +, =, <=, ~~, ||, ... and '::'.
  Operator,
  /// ( ) [ ] , ; . :
  Punctuation,
  /// Something the scanner rejects (an unterminated string or comment, a
  /// stray character).
  Error,
};

struct Token {
  TokenKind Kind;
  /// The token's bytes in the text given to tokenize().
  llvm::StringRef Text;

  bool is(TokenKind K) const { return Kind == K; }
  /// A Word spelled Keyword, ignoring case.
  bool isWord(llvm::StringRef Keyword) const {
    return Kind == TokenKind::Word && Text.equals_insensitive(Keyword);
  }
  bool isPunctuation(char C) const {
    return Kind == TokenKind::Punctuation && Text.size() == 1 && Text[0] == C;
  }
  /// A Word or a QuotedIdentifier: what can name a column or table.
  bool isName() const {
    return Kind == TokenKind::Word || Kind == TokenKind::QuotedIdentifier;
  }
  /// The name a Word or QuotedIdentifier stands for, as PostgreSQL reads
  /// it: unquoted names fold to lower case (ASCII only), quoted ones lose
  /// their quotes.
  std::string name() const;
};

/// The tokens of Text (valid UTF-8, which must outlive them), without
/// whitespace and comments.
std::vector<Token> tokenize(llvm::StringRef Text);

/// Calls F(I) for every token of T outside ( ) and [ ] (the brackets
/// themselves excluded, but for a closing one without its opening one), in
/// order, until F returns false.
void forEachTopLevel(llvm::ArrayRef<Token> T,
                     llvm::function_ref<bool(size_t)> F);

} // namespace sql
} // namespace bk

#endif // BK_SQL_TOKENS_H
