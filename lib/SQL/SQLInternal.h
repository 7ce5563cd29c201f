//===- SQLInternal.h - Shared pieces of the SQL front end -------*- C++ -*-===//
//
// Private to lib/SQL: the lexed buffer, the statement splitter and the
// canonical printer of parse subtrees. This is the only place besides the
// .cpp files that sees ANTLR types.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_SQL_SQLINTERNAL_H
#define BK_LIB_SQL_SQLINTERNAL_H

#include "bk/SQL/Parser.h"
#include "bk/Schema/Schema.h"

#include "Lexer.h"

#include "PostgreSQLParser.h"
#include "antlr4-runtime.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace bk {
namespace sql {

using P = bk_sql_antlr::PostgreSQLParser;
using bk_sql_antlr::tokenNode;
using bk_sql_antlr::treeCast;

/// One buffer run through the lexer (Lexer.h). Token offsets are byte
/// offsets into the buffer.
class LexedBuffer {
public:
  /// Lexes Text, which must outlive this object. Throws nothing; invalid
  /// UTF-8 (or a text of 4 GB or more) makes valid() false.
  explicit LexedBuffer(llvm::StringRef Text);
  LexedBuffer(const LexedBuffer &) = delete;
  LexedBuffer &operator=(const LexedBuffer &) = delete;

  bool valid() const { return Data != nullptr; }
  llvm::StringRef text() const { return Text; }
  const LexedTokens &data() const { return *Data; }
  /// A cursor for a parser (one per parser).
  SQLTokenStream &tokens() const { return *Tokens; }
  /// The token with index K (every channel; the last one is EOF).
  const SQLToken &token(size_t K) const { return Data->Tokens[K]; }
  size_t size() const { return Data->Tokens.size(); }
  /// The source text of a token (no copy).
  llvm::StringRef tokenText(const antlr4::Token *T) const;
  size_t tokenBegin(const antlr4::Token *T) const {
    return static_cast<const SQLToken *>(T)->begin();
  }
  size_t tokenEnd(const antlr4::Token *T) const {
    return static_cast<const SQLToken *>(T)->end();
  }

private:
  llvm::StringRef Text;
  std::unique_ptr<LexedTokens> Data;
  std::unique_ptr<SQLTokenStream> Tokens;
};

/// What the splitter found: the statement and its token range.
struct SplitStatement {
  Statement S;
  /// Token indices (into the token stream, every channel) of the first
  /// default-channel token and of the last one (the ';' when present).
  size_t FirstToken = 0;
  size_t LastToken = 0;
  /// The deepest parenthesis nesting, and the token where it was reached.
  unsigned MaxDepth = 0;
  size_t DeepestToken = 0;
  /// psql meta-commands (\connect ...) met before this statement: byte
  /// offsets and text.
};

struct MetaCommand {
  size_t Offset = 0;
  std::string Text;
};

/// How the front end treats a statement kind.
enum class StmtDisposition {
  /// Parsed by the grammar into the IR.
  Parse,
  /// Accepted and ignored (SET, GRANT, ...); SET search_path is handled by
  /// the driver.
  Ignore,
  /// Valid PostgreSQL the IR does not model: ignored with a remark.
  NotModelled,
};

StmtDisposition classifyStatement(llvm::StringRef Kind);

/// Statements nested deeper than this are rejected before parsing: the
/// parser recurses per level and must not overflow the stack.
constexpr unsigned MaxNestingDepth = 256;

/// Splits the token stream at top-level ';'.
std::vector<SplitStatement> splitTokens(LexedBuffer &LB,
                                        std::vector<MetaCommand> *Metas);

//===----------------------------------------------------------------------===//
// Canonical text
//===----------------------------------------------------------------------===//

/// Prints a parse subtree (an expression, a type, opaque tokens) in the
/// canonical form documented in docs/SQL.md.
std::string canonicalText(const LexedBuffer &LB, antlr4::tree::ParseTree *T);

/// As canonicalText, for an expression, without redundant outer
/// parentheses.
std::string canonicalExpr(const LexedBuffer &LB, P::ExprContext *E);
std::string canonicalExpr(const LexedBuffer &LB, P::BExprContext *E);

/// The canonical type name of a typeName subtree (normalizeTypeName()).
std::string canonicalType(const LexedBuffer &LB, P::TypeNameContext *T);

/// Whether a token type is a keyword the `identifier` rule does not accept.
bool isReservedToken(size_t Type);
/// Whether a token type is a keyword.
bool isKeywordToken(size_t Type);

} // namespace sql
} // namespace bk

namespace bk {
namespace sql {

/// Turns parsed statements into Schema IR, reporting semantic errors.
class IRBuilder {
public:
  IRBuilder(Context &Ctx, unsigned BufferID, const LexedBuffer &LB,
            schema::Catalog &Cat, const ParseOptions &Opts);
  ~IRBuilder();

  void build(P::StatementContext *S);
  /// Handles SET search_path / set_config('search_path', ...) given the
  /// statement's tokens.
  void handleSet(const SplitStatement &S);
  Loc loc(size_t ByteOffset) const;
  Loc loc(const antlr4::Token *T) const;
  bool hadErrors() const { return HadErrors; }

  struct Impl;

private:
  std::unique_ptr<Impl> I;
  bool HadErrors = false;
};

//===----------------------------------------------------------------------===//
// Renames (Renames.cpp)
//===----------------------------------------------------------------------===//

/// Expr (canonical text) with each reference to column From renamed to To:
/// unqualified ones, and those qualified by one of Qualifiers (the table,
/// or new and old in a trigger's WHEN).
std::string renameColumnInExpression(llvm::StringRef Expr, llvm::StringRef From,
                                     llvm::StringRef To,
                                     llvm::ArrayRef<std::string> Qualifiers);
/// Column From of table TQ renamed to To in the table (its columns,
/// constraints, indexes, partition keys, triggers, policies and their
/// expressions), in the foreign keys that reference it and the sequences it
/// owns; with Recurse, in its partitions and inheritance children too.
void renameColumnReferences(schema::Catalog &C, const schema::QualifiedName &TQ,
                            llvm::StringRef From, llvm::StringRef To,
                            bool Recurse);
/// Attribute From of composite type Type, now To: the field selections
/// ((col).field) in the expressions of tables with a column of the type.
void renameAttributeReferences(schema::Catalog &C,
                               const schema::QualifiedName &Type,
                               llvm::StringRef From, llvm::StringRef To);
/// Table From, now To: foreign keys, partitions' parents, inheritance
/// parents and sequences' OWNED BY.
void renameTableReferences(schema::Catalog &C,
                           const schema::QualifiedName &From,
                           const schema::QualifiedName &To);
/// Sequence From, now To (renamed or moved): the 'name'::regclass literals
/// of column defaults (nextval('s'::regclass)); unqualified ones are in
/// DefaultSchema.
void renameSequenceReferences(schema::Catalog &C,
                              const schema::QualifiedName &From,
                              const schema::QualifiedName &To,
                              llvm::StringRef DefaultSchema);
/// Type From, now To: column and attribute types (arrays too), domains'
/// base types, ranges' subtypes and functions' return types.
void renameTypeReferences(schema::Catalog &C, const schema::QualifiedName &From,
                          llvm::StringRef To);
/// Schema From, now To: every qualified reference to what is in it, also
/// in regclass literals.
void renameSchemaReferences(schema::Catalog &C, llvm::StringRef From,
                            llvm::StringRef To, llvm::StringRef DefaultSchema);

} // namespace sql
} // namespace bk
#endif // BK_LIB_SQL_SQLINTERNAL_H
