//===- bk/SQL/Parser.h - PostgreSQL DDL front end ---------------*- C++ -*-===//
//
// Reads PostgreSQL DDL (hand-written schemas, Rails/Django structure.sql,
// pg_dump --schema-only output) into the Schema IR. The grammar lives in
// grammar/PostgreSQL{Lexer,Parser}.g4; ANTLR types never appear in this
// header.
//
// Errors are located diagnostics reported to the Context; after a syntax
// error the parser resumes at the next statement, so one run reports every
// error in a file.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SQL_PARSER_H
#define BK_SQL_PARSER_H

#include "bk/Schema/Schema.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace bk {
namespace sql {

struct ParseOptions {
  /// The schema unqualified names resolve to (a `SET search_path` in the
  /// input changes it from that point on).
  std::string DefaultSchema = "public";
};

/// One top-level statement as the splitter saw it.
struct Statement {
  /// Byte offsets into the buffer: [Begin, End), End just past the ';' (or
  /// the end of input).
  size_t Begin = 0;
  size_t End = 0;
  Loc Location;
  /// Lower-case statement kind: "create table", "alter table", "set", ...
  std::string Kind;
  /// The statement parsed without error.
  bool Parsed = false;
  /// The statement was understood but has no effect on the Schema IR
  /// (SET, SELECT set_config, GRANT, ...).
  bool Ignored = false;
};

struct ParseResult {
  /// Always non-null; holds what could be read even when there were errors.
  std::unique_ptr<schema::Catalog> Catalog;
  std::vector<Statement> Statements;
  /// Errors were reported to the Context's diagnostics.
  bool HadErrors = false;
};

/// Parses the SQL in buffer BufferID of Ctx.
ParseResult parseSQL(Context &Ctx, unsigned BufferID,
                     const ParseOptions &Opts = ParseOptions());

/// Parses BufferID into an existing catalog: a schema spread over several
/// files, read one after the other (each starts with Opts' search path).
/// Appends the statements to Statements when given; false when errors were
/// reported.
bool parseSQLInto(Context &Ctx, unsigned BufferID, schema::Catalog &Into,
                  const ParseOptions &Opts = ParseOptions(),
                  std::vector<Statement> *Statements = nullptr);

/// Splits SQL text at top-level ';' (outside strings, dollar quotes,
/// comments and parentheses) without parsing it. Locations are left empty;
/// Kind is filled ("create table", "set", ...).
std::vector<Statement> splitStatements(llvm::StringRef SQL);

/// The canonical text of one SQL expression (docs/SQL.md), or None when
/// Expr is not a valid expression.
llvm::Optional<std::string> canonicalizeExpression(llvm::StringRef Expr);

} // namespace sql
} // namespace bk

#endif // BK_SQL_PARSER_H
