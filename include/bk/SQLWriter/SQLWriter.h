//===- bk/SQLWriter/SQLWriter.h - Schema IR -> PostgreSQL DDL ---*- C++ -*-===//
//
// The one emitter of PostgreSQL 15 DDL: every Schema IR object as its CREATE
// statement(s), the fragments a migration needs (ALTER TABLE ... ADD
// CONSTRAINT, ALTER SEQUENCE ... OWNED BY, COMMENT ON, ALTER ... OWNER TO),
// and a whole catalog in an order PostgreSQL accepts by construction.
//
// Every statement is complete and ends with ';'. Names are written
// schema-qualified and quoted only when needed (quoteIdentifier());
// expressions, defaults, queries and bodies are the IR's opaque text, which
// front ends store as PostgreSQL deparses it with search_path = public.
// Output is deterministic: same catalog, same bytes. docs/SQLWriter.md has
// the statement order, the quoting rules and the known limits.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SQLWRITER_SQLWRITER_H
#define BK_SQLWRITER_SQLWRITER_H

#include "bk/Schema/Schema.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <string>
#include <vector>

namespace bk {
namespace sqlwriter {

//===----------------------------------------------------------------------===//
// Quoting
//===----------------------------------------------------------------------===//

/// A SQL string literal: 'it''s' (standard_conforming_strings, so
/// backslashes are literal and never doubled).
std::string quoteLiteral(llvm::StringRef S);

/// The dollar-quote tag for Body: "$$" unless that would end the body early,
/// else "$body$", "$body1$", "$body2$", ...: the first tag whose only
/// occurrence in Body + tag is the closing one.
std::string chooseDollarTag(llvm::StringRef Body);

/// Body between a pair of the tag chooseDollarTag() picks.
std::string dollarQuote(llvm::StringRef Body);

/// Expr in parentheses, unless one pair already encloses all of it.
std::string parenthesize(llvm::StringRef Expr);

/// A collation or operator class name as the IR stores it ("C",
/// "text_pattern_ops", "app.my_ops": a schema part only when the name
/// starts with a plain lower-case identifier and a dot) in SQL spelling.
std::string quoteQualifiedName(llvm::StringRef Name);

/// The argument types of a function's argument text for COMMENT ON / ALTER
/// FUNCTION: "a integer, b integer DEFAULT 1" → "a integer, b integer"
/// (defaults removed).
std::string functionIdentityArguments(llvm::StringRef Arguments);

/// A default expression as DEFAULT takes it: bare unless a top-level
/// operator that DEFAULT's restricted grammar (b_expr) lacks needs
/// parentheses.
std::string defaultExpr(llvm::StringRef Expr);

/// The inside of WITH (...): name=value, ..., values bare when they are
/// words or numbers.
std::string optionList(llvm::ArrayRef<schema::Option> Options);

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

/// One statement and the object it creates or changes, for labels:
/// "table public.users", "constraint public.users.users_org_fk",
/// "function public.add(a integer, b integer DEFAULT 1)".
struct Statement {
  std::string SQL;
  std::string Object;
};

/// The label of object Name of S: "table public.users",
/// "constraint public.users.users_pkey" (Kind, then schema.name).
std::string objectLabel(llvm::StringRef Kind, const schema::Schema &S,
                        llvm::StringRef Name);
/// "function public.add(a integer, b integer DEFAULT 1)" or "procedure ...".
std::string functionLabel(const schema::Schema &S, const schema::Function &F);
/// How COMMENT ON, ALTER ... OWNER TO and DROP designate a function:
/// "FUNCTION public.add(a integer, b integer)".
std::string functionDesignation(const schema::Schema &S,
                                const schema::Function &F);

struct WriterOptions {
  /// ALTER ... OWNER TO for objects with an owner.
  bool Owners = true;
  /// COMMENT ON for objects with a comment.
  bool Comments = true;
  /// GRANT and REVOKE for objects whose privileges are not the default.
  bool Privileges = true;
  /// When set, only the statements of objects (Statement::Object) it
  /// accepts are rendered, in the order the whole catalog would have them:
  /// a migration that touches a few objects of thousands asks for those.
  std::function<bool(llvm::StringRef Object)> Only;
};

struct IndexWriteOptions {
  bool Concurrently = false;
  bool IfNotExists = false;
};

// Each function returns one complete statement (ending with ';'). A table,
// index, trigger or policy is written with the schema it belongs to (S).

std::string writeCreateSchema(const schema::Schema &S);
std::string writeCreateExtension(const schema::Extension &E);
std::string writeCreateEnum(const schema::Schema &S, const schema::EnumType &E);
/// CREATE DOMAIN with its NOT NULL, DEFAULT, COLLATE and the checks that
/// are valid; each NOT VALID check is a writeAddDomainCheck().
std::string writeCreateDomain(const schema::Schema &S, const schema::Domain &D);
std::string writeAddDomainCheck(const schema::Schema &S,
                                const schema::Domain &D,
                                const schema::DomainCheck &C);
std::string writeCreateComposite(const schema::Schema &S,
                                 const schema::CompositeType &C);
/// CREATE TYPE ... AS RANGE, with multirange_type_name only when it is
/// not PostgreSQL's default (PostgreSQL 13 has no multiranges).
std::string writeCreateRange(const schema::Schema &S,
                             const schema::RangeType &R);
/// CREATE SEQUENCE without OWNED BY (the table may not exist yet).
std::string writeCreateSequence(const schema::Schema &S,
                                const schema::Sequence &Seq);
/// ALTER SEQUENCE ... OWNED BY; empty when the sequence has no owner column.
std::string writeSequenceOwnedBy(const schema::Schema &S,
                                 const schema::Sequence &Seq);

/// Whether a constraint is written inside CREATE TABLE: every kind but
/// FOREIGN KEY, and not NOT VALID (PostgreSQL marks NOT VALID constraints
/// of a new table valid).
bool isInlineConstraint(const schema::Constraint &C);
/// A column definition: name type [COLLATE] [GENERATED ...|DEFAULT]
/// [NOT NULL].
std::string writeColumnDefinition(const schema::Column &C);
/// A table constraint clause: CONSTRAINT name PRIMARY KEY (...) ...
std::string writeConstraintDefinition(const schema::Constraint &C);
/// CREATE TABLE with columns, inline constraints (isInlineConstraint()),
/// PARTITION OF/BY, INHERITS, UNLOGGED, WITH (...), TABLESPACE.
std::string writeCreateTable(const schema::Schema &S, const schema::Table &T);
/// ALTER TABLE ... ADD CONSTRAINT (foreign keys, NOT VALID checks, and any
/// constraint a migration adds).
std::string writeAddConstraint(const schema::Schema &S, const schema::Table &T,
                               const schema::Constraint &C);
/// CREATE INDEX on relation Rel (a table or materialized view) of S.
std::string writeCreateIndex(const schema::Schema &S, llvm::StringRef Rel,
                             const schema::Index &I,
                             const IndexWriteOptions &Opts = {});
/// CREATE VIEW / CREATE MATERIALIZED VIEW.
std::string writeCreateView(const schema::Schema &S, const schema::View &V);
/// CREATE FUNCTION / CREATE PROCEDURE, body dollar-quoted.
std::string writeCreateFunction(const schema::Schema &S,
                                const schema::Function &F);
/// CREATE [CONSTRAINT] TRIGGER on relation Rel of S.
std::string writeCreateTrigger(const schema::Schema &S, llvm::StringRef Rel,
                               const schema::Trigger &T);
std::string writeCreatePolicy(const schema::Schema &S, const schema::Table &T,
                              const schema::Policy &P);
/// ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY: zero to two
/// statements, one per line.
std::string writeRowSecurity(const schema::Schema &S, const schema::Table &T);

/// COMMENT ON <What> IS '...'; What is the SQL object designation
/// ("TABLE public.users", "COLUMN public.users.email"). Comment empty:
/// IS NULL.
std::string writeComment(llvm::StringRef What, llvm::StringRef Comment);
/// ALTER <What> OWNER TO role ("TABLE public.users").
std::string writeOwner(llvm::StringRef What, llvm::StringRef Owner);
/// The REVOKE and GRANT statements that turn an object's privileges From
/// into To. What designates the object as GRANT does ("TABLE public.t",
/// "FUNCTION public.f(integer)"), K and Name give its defaults; Owner is the
/// owner's role (CURRENT_USER when empty). Revokes come first; a privilege
/// set that is every privilege of the kind is written ALL.
std::vector<std::string>
writePrivilegeChanges(llvm::StringRef What, schema::ACLKind K,
                      llvm::StringRef Name, const schema::ACL &From,
                      const schema::ACL &To, llvm::StringRef Owner);
/// The same for one column's privileges (Table is "TABLE public.t").
std::vector<std::string>
writeColumnPrivilegeChanges(llvm::StringRef Table, llvm::StringRef Column,
                            const std::vector<schema::Grant> &From,
                            const std::vector<schema::Grant> &To);

//===----------------------------------------------------------------------===//
// Whole catalogs
//===----------------------------------------------------------------------===//

/// Every object of the catalog as statements, in an order PostgreSQL
/// accepts: schemas, extensions, types (by dependency), functions that
/// need no relation, sequences, tables (parents first), OWNED BY, foreign
/// keys and NOT VALID checks, indexes, views, materialized views and the
/// remaining functions (by name reference), materialized view indexes,
/// triggers, row-level security and policies, comments.
std::vector<Statement> writeCatalogStatements(const schema::Catalog &C,
                                              const WriterOptions &Opts = {});

/// writeCatalogStatements(), one statement after the other, each followed
/// by a newline.
void writeCatalog(llvm::raw_ostream &OS, const schema::Catalog &C,
                  const WriterOptions &Opts = {});

} // namespace sqlwriter
} // namespace bk

#endif // BK_SQLWRITER_SQLWRITER_H
