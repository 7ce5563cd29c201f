//===- Tokens.cpp - PostgreSQL tokens of a text ---------------------------===//
//
// sql::tokenize: the hand-written lexer's default-channel tokens, with the
// grammar's token types folded into the few kinds callers look at.
//
//===----------------------------------------------------------------------===//

#include "bk/SQL/Tokens.h"

#include "bk/Schema/Schema.h"

#include "Lexer.h"

#include "PostgreSQLParser.h"

using namespace llvm;

namespace bk {
namespace sql {

using P = bk_sql_antlr::PostgreSQLParser;

static TokenKind kindOf(size_t Type, StringRef Text) {
  switch (Type) {
  case P::IDENT:
    return TokenKind::Word;
  case P::QUOTED_IDENT:
  case P::UQUOTED_IDENT:
    return TokenKind::QuotedIdentifier;
  case P::STRING:
  case P::ESTRING:
  case P::USTRING:
  case P::BSTRING:
  case P::XSTRING:
  case P::DOLLAR_STRING:
    return TokenKind::String;
  case P::INTEGER:
  case P::NUMERIC:
    return TokenKind::Number;
  case P::PARAM:
    return TokenKind::Parameter;
  case P::LPAREN:
  case P::RPAREN:
  case P::LBRACKET:
  case P::RBRACKET:
  case P::COMMA:
  case P::SEMI:
  case P::COLON:
  case P::DOT:
    return TokenKind::Punctuation;
  case P::UNTERMINATED_DOLLAR:
  case P::UNTERMINATED_COMMENT:
  case P::ERROR_CHAR:
    return TokenKind::Error;
  default:
    // Every other token is a keyword or an operator.
    unsigned char C = Text.empty() ? 0 : Text[0];
    bool Letter = (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
                  C == '_' || C >= 0x80;
    return Letter ? TokenKind::Word : TokenKind::Operator;
  }
}

std::string Token::name() const {
  if (Kind == TokenKind::Word || Text.startswith("\""))
    return schema::normalizeIdentifier(Text);
  return Text.str();
}

std::vector<Token> tokenize(StringRef Text) {
  LexedTokens Lexed(Text);
  std::vector<Token> Out;
  Out.reserve(Lexed.OnChannel.size());
  for (uint32_t Index : Lexed.OnChannel) {
    const SQLToken &T = Lexed.Tokens[Index];
    if (T.getType() == antlr4::Token::EOF)
      break;
    StringRef Bytes = Text.slice(T.begin(), T.end());
    Out.push_back(Token{kindOf(T.getType(), Bytes), Bytes});
  }
  return Out;
}

void forEachTopLevel(ArrayRef<Token> T, function_ref<bool(size_t)> F) {
  unsigned Depth = 0;
  for (size_t I = 0; I < T.size(); ++I) {
    if (T[I].isPunctuation('(') || T[I].isPunctuation('['))
      ++Depth;
    else if ((T[I].isPunctuation(')') || T[I].isPunctuation(']')) && Depth)
      --Depth;
    else if (Depth == 0 && !F(I))
      return;
  }
}

} // namespace sql
} // namespace bk
