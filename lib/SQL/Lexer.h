//===- Lexer.h - The SQL front end's hand-written lexer ---------*- C++ -*-===//
//
// Private to lib/SQL. grammar/PostgreSQLLexer.g4 is the specification of the
// tokens; lexSQL() implements it by hand, because ANTLR's lexer simulation
// (and one heap object per token) took most of the front end's time. The
// generated ANTLR lexer is kept as the reference the hand-written one is
// checked against, token for token, by the unit tests and the SQL fuzzer
// (include/bk/SQL/ReferenceLexer.h).
//
// Tokens are compact and stored contiguously; SQLTokenStream hands them to
// the ANTLR parser through the antlr4::TokenStream interface, skipping
// hidden ones as CommonTokenStream does. Offsets are byte offsets into the
// UTF-8 text.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_SQL_LEXER_H
#define BK_LIB_SQL_LEXER_H

#include "antlr4-runtime.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace bk {
namespace sql {

struct LexedTokens;

/// One token: its type, channel and byte range. The text is the source's.
class SQLToken final : public antlr4::Token {
public:
  SQLToken(const LexedTokens *Owner, size_t Type, unsigned Channel,
           uint32_t Begin, uint32_t End, uint32_t Line)
      : Owner(Owner), Begin(Begin), End(End), Line(Line),
        Type(static_cast<uint16_t>(Type)),
        Channel(static_cast<uint8_t>(Channel)) {}

  std::string getText() const override;
  size_t getType() const override {
    return Type == EOFType ? antlr4::Token::EOF : Type;
  }
  size_t getLine() const override { return Line; }
  size_t getCharPositionInLine() const override;
  size_t getChannel() const override { return Channel; }
  size_t getTokenIndex() const override;
  size_t getStartIndex() const override { return Begin; }
  size_t getStopIndex() const override { return End - 1; }
  antlr4::TokenSource *getTokenSource() const override;
  antlr4::CharStream *getInputStream() const override { return nullptr; }
  std::string toString() const override;

  /// The byte range [begin(), end()) of the token in the text.
  uint32_t begin() const { return Begin; }
  uint32_t end() const { return End; }

  static constexpr uint16_t EOFType = 0xFFFF;

private:
  const LexedTokens *Owner;
  uint32_t Begin, End, Line;
  uint16_t Type;
  uint8_t Channel;
};

/// The tokens of one text, every channel, ending with EOF. Immutable once
/// lexed, so any number of SQLTokenStreams (one per parser, on any thread)
/// may read it at once.
struct LexedTokens {
  /// Lexes Text (valid UTF-8 under 4 GB, which must outlive this).
  explicit LexedTokens(llvm::StringRef Text);
  LexedTokens(const LexedTokens &) = delete;
  LexedTokens &operator=(const LexedTokens &) = delete;

  llvm::StringRef Text;
  std::vector<SQLToken> Tokens;
  /// Indices of the default-channel tokens (and EOF, last).
  std::vector<uint32_t> OnChannel;
};

/// A cursor over LexedTokens for the ANTLR parser: it sees the default
/// channel only, as with CommonTokenStream.
class SQLTokenStream final : public antlr4::TokenStream {
public:
  explicit SQLTokenStream(const LexedTokens &Data) : Data(Data) {}
  SQLTokenStream(const SQLTokenStream &) = delete;
  SQLTokenStream &operator=(const SQLTokenStream &) = delete;

  // antlr4::TokenStream.
  antlr4::Token *LT(ssize_t K) override;
  antlr4::Token *get(size_t Index) const override {
    return const_cast<SQLToken *>(&Data.Tokens[Index]);
  }
  antlr4::TokenSource *getTokenSource() const override;
  std::string getText(const antlr4::misc::Interval &I) override;
  std::string getText() override;
  std::string getText(antlr4::RuleContext *Ctx) override;
  std::string getText(antlr4::Token *Start, antlr4::Token *Stop) override;

  // antlr4::IntStream.
  void consume() override;
  size_t LA(ssize_t I) override { return LT(I)->getType(); }
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return Data.OnChannel[Pos]; }
  void seek(size_t Index) override;
  size_t size() override { return Data.Tokens.size(); }
  std::string getSourceName() const override { return "sql"; }

private:
  const LexedTokens &Data;
  /// The current position, an index into Data.OnChannel.
  size_t Pos = 0;
};

} // namespace sql
} // namespace bk

#endif // BK_LIB_SQL_LEXER_H
