//===- bk/SQL/ReferenceLexer.h - Checking the SQL lexer ---------*- C++ -*-===//
//
// The SQL front end lexes with a hand-written lexer (lib/SQL/Lexer.cpp);
// grammar/PostgreSQLLexer.g4 is its specification, and the ANTLR lexer
// generated from it is kept, in library BKSQLReferenceLexer, only to check
// the two agree. Used by the unit tests and the SQL fuzzer; no tool links it.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SQL_REFERENCELEXER_H
#define BK_SQL_REFERENCELEXER_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace bk {
namespace sql {

/// Lexes Text with both lexers. Returns "" when they produce the same tokens
/// (type, channel, byte range and line of every token, hidden ones
/// included), otherwise a one-line description of the first difference.
/// Text that is not valid UTF-8 (which the front end rejects before lexing)
/// returns "".
std::string compareWithReferenceLexer(llvm::StringRef Text);

} // namespace sql
} // namespace bk

#endif // BK_SQL_REFERENCELEXER_H
