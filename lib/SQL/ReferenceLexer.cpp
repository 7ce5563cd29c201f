//===- ReferenceLexer.cpp - The ANTLR lexer as the hand lexer's oracle ----===//
//
// Runs the ANTLR lexer generated from grammar/PostgreSQLLexer.g4 and the
// front end's SQLTokenStream over the same text and compares the tokens.
// ANTLR indexes code points; they are mapped back to byte offsets.
//
//===----------------------------------------------------------------------===//

#include "bk/SQL/ReferenceLexer.h"

#include "Lexer.h"

#include "PostgreSQLLexer.h"

#include "llvm/Support/ConvertUTF.h"

using namespace llvm;

namespace bk {
namespace sql {

namespace {
/// The text as code points (ANTLR's own UTF-8 decoding is slow).
class CodePointStream : public antlr4::ANTLRInputStream {
public:
  explicit CodePointStream(StringRef Text) {
    _data.clear();
    const unsigned char *S =
        reinterpret_cast<const unsigned char *>(Text.data());
    const unsigned char *E = S + Text.size();
    while (S < E) {
      unsigned char C = *S;
      unsigned Len = C < 0x80 ? 1 : C >= 0xF0 ? 4 : C >= 0xE0 ? 3 : 2;
      char32_t CP = Len == 1 ? C : C & (0x3F >> (Len - 1));
      for (unsigned I = 1; I < Len && S + I < E; ++I)
        CP = (CP << 6) | (S[I] & 0x3F);
      _data.push_back(CP);
      S += Len;
    }
    p = 0;
  }
};

std::string describe(StringRef Text, size_t Type, size_t Channel, size_t Begin,
                     size_t End, size_t Line) {
  std::string Shown = Text.slice(Begin, End).take_front(40).str();
  return "type " +
         std::to_string(Type == antlr4::Token::EOF ? -1 : long(Type)) +
         " channel " + std::to_string(Channel) + " bytes [" +
         std::to_string(Begin) + "," + std::to_string(End) + ") line " +
         std::to_string(Line) + " '" + Shown + "'";
}
} // namespace

std::string compareWithReferenceLexer(StringRef Text) {
  const UTF8 *B = reinterpret_cast<const UTF8 *>(Text.data());
  if (!isLegalUTF8String(&B, B + Text.size()))
    return "";
  std::vector<size_t> CPToByte;
  for (size_t I = 0; I < Text.size(); ++I)
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
      CPToByte.push_back(I);
  CPToByte.push_back(Text.size());
  auto Byte = [&](size_t CP) {
    return CP < CPToByte.size() ? CPToByte[CP] : Text.size();
  };

  CodePointStream Input(Text);
  bk_sql_antlr::PostgreSQLLexer Ref(&Input);
  Ref.removeErrorListeners();
  antlr4::CommonTokenStream RefTokens(&Ref);
  RefTokens.fill();
  LexedTokens Ours(Text);

  const std::vector<antlr4::Token *> &R = RefTokens.getTokens();
  size_t Count = std::max(R.size(), Ours.Tokens.size());
  for (size_t K = 0; K < Count; ++K) {
    std::string Want, Got;
    if (K < R.size()) {
      antlr4::Token *T = R[K];
      bool IsEOF = T->getType() == antlr4::Token::EOF;
      size_t Begin = IsEOF ? Text.size() : Byte(T->getStartIndex());
      size_t End = IsEOF ? Text.size() : Byte(T->getStopIndex() + 1);
      Want = describe(Text, T->getType(), T->getChannel(), Begin, End,
                      T->getLine());
    }
    if (K < Ours.Tokens.size()) {
      const SQLToken *T = &Ours.Tokens[K];
      Got = describe(Text, T->getType(), T->getChannel(), T->begin(), T->end(),
                     T->getLine());
    }
    if (Want != Got)
      return "token " + std::to_string(K) +
             ": ANTLR lexer: " + (Want.empty() ? "none" : Want) +
             "; bk lexer: " + (Got.empty() ? "none" : Got);
  }
  return "";
}

} // namespace sql
} // namespace bk
