//===- bk/Schema/Schema.h - The Schema IR -----------------------*- C++ -*-===//
//
// The Schema IR: what a PostgreSQL database (or a set of DDL files) declares,
// as plain classes that front ends fill, passes read and back ends print.
//
//   Catalog ─┬─ Extension*
//            └─ Schema* ─┬─ Table* ─┬─ Column*
//                        │          ├─ Constraint* (PK, UNIQUE, FK, CHECK,
//                        │          │               EXCLUDE)
//                        │          ├─ Index* ── IndexKey*
//                        │          ├─ Trigger*
//                        │          └─ Policy*
//                        ├─ EnumType*, Domain*, CompositeType*,
//                        │  RangeType*
//                        ├─ Sequence*
//                        ├─ View* (plain and materialized)
//                        └─ Function* (functions and procedures)
//
// Objects are owned by value in std::vectors, in declaration order; every
// lookup is by name, so iteration order (and so output) is deterministic.
// Every object has the Location it was declared at.
//
// Names are stored as PostgreSQL stores them: the real name, case preserved,
// without quotes (normalizeIdentifier() turns SQL spellings into names). Type
// names are canonical text (normalizeTypeName()): "integer",
// "character varying(255)", "timestamp with time zone", "text[]".
// Expressions, defaults, queries and function bodies are opaque text, stored
// as the front end normalised them.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCHEMA_SCHEMA_H
#define BK_SCHEMA_SCHEMA_H

#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace bk {
namespace schema {

//===----------------------------------------------------------------------===//
// Names and types
//===----------------------------------------------------------------------===//

/// A schema-qualified name. Schema is empty for an unqualified reference.
struct QualifiedName {
  std::string Schema;
  std::string Name;

  QualifiedName() = default;
  QualifiedName(llvm::StringRef Schema, llvm::StringRef Name)
      : Schema(Schema.str()), Name(Name.str()) {}

  bool empty() const { return Name.empty(); }
  /// "schema.name" (or "name"), unquoted: for messages.
  std::string str() const;
  /// The SQL spelling, each part quoted when needed: public."Users".
  std::string sql() const;

  bool operator==(const QualifiedName &O) const {
    return Schema == O.Schema && Name == O.Name;
  }
  bool operator!=(const QualifiedName &O) const { return !(*this == O); }
  bool operator<(const QualifiedName &O) const;
};

/// The name a SQL identifier denotes: a "quoted" identifier without its
/// quotes (and with "" unescaped), anything else lower-cased.
std::string normalizeIdentifier(llvm::StringRef Ident);

/// Whether Name is a lower-case identifier ([a-z_][a-z0-9_$]*), which SQL
/// needs no quotes for unless it is a keyword.
bool isPlainIdentifier(llvm::StringRef Name);

/// The SQL spelling of a name: quoted (with " doubled) unless it is a plain
/// lower-case identifier that is not a reserved keyword.
std::string quoteIdentifier(llvm::StringRef Name);

/// Reads the double-quoted identifier that starts at S[I] (a '"'), undoing
/// "" escapes, into Out and moves I past the closing quote. False when the
/// quote is not closed.
bool readQuotedIdentifier(llvm::StringRef S, size_t &I, std::string &Out);
/// Reads a quoted or plain identifier at S[I] into Out (a plain one
/// lower-cased) and moves I past it; false if there is none.
bool readIdentifier(llvm::StringRef S, size_t &I, std::string &Out);

/// Whether Name is one of PostgreSQL's reserved keywords (lower case).
bool isReservedKeyword(llvm::StringRef Name);

/// Maps a SQL type name to its canonical spelling, the one PostgreSQL's
/// format_type() prints:
///
///   int, int4 → integer          int8 → bigint          int2 → smallint
///   bool → boolean               float8, float → double precision
///   float4 → real                float(p) → real (p ≤ 24) / double precision
///   decimal(p,s) → numeric(p,s)  varchar(n) → character varying(n)
///   char → character(1)          char(n) → character(n)
///   timestamptz → timestamp with time zone
///   timestamp(3) → timestamp(3) without time zone
///   timetz → time with time zone varbit → bit varying    bit → bit(1)
///   serial, serial4 → integer    bigserial, serial8 → bigint
///   smallserial, serial2 → smallint
///   int[], int4[3], int[][], int ARRAY → integer[]   (as PostgreSQL, which
///   keeps neither sizes nor dimensions)
///   pg_catalog.int4 → integer
///
/// Keywords and unquoted names are lower-cased and white space is
/// normalised ("numeric(10, 2)" → "numeric(10,2)"); user types are kept as
/// written, quoted only where SQL needs it ("MyType" stays "MyType",
/// "mytype" becomes mytype). The serial forms lose their "serial-ness":
/// front ends ask serialBaseType() first to add the sequence and default.
std::string normalizeTypeName(llvm::StringRef Type);

/// Whether a column's type text names the user type T of schema TSchema,
/// also as an array; unqualified names resolve to "public".
bool typeRefersTo(llvm::StringRef ColumnType, llvm::StringRef TSchema,
                  llvm::StringRef T);
/// ColumnType with its reference to type From (as typeRefersTo() finds it)
/// renamed to To, keeping qualification and array brackets.
std::string renameTypeRef(llvm::StringRef ColumnType, llvm::StringRef From,
                          llvm::StringRef To);
/// ColumnType with its qualification by schema From changed to To.
std::string renameTypeRefSchema(llvm::StringRef ColumnType,
                                llvm::StringRef From, llvm::StringRef To);

/// For serial, serial4, bigserial, serial8, smallserial and serial2 (any
/// case), the integer type it stands for; None for any other type.
llvm::Optional<llvm::StringRef> serialBaseType(llvm::StringRef Type);

/// Whether a canonical type name is smallint, integer or bigint (the types
/// identity columns and sequences may have).
bool isIntegerTypeName(llvm::StringRef CanonicalType);

//===----------------------------------------------------------------------===//
// PostgreSQL's implicit names
//===----------------------------------------------------------------------===//

/// The longest identifier PostgreSQL keeps (NAMEDATALEN - 1).
constexpr unsigned MaxIdentifierLength = 63;

/// PostgreSQL's makeObjectName(): "name1_name2_label", truncating name1 and
/// name2 (the longer one first) so the result fits in 63 bytes.
std::string makeObjectName(llvm::StringRef Name1, llvm::StringRef Name2,
                           llvm::StringRef Label);

/// The column part of an implicit name: names joined with '_', cut at 63
/// bytes (ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition).
std::string nameAddition(llvm::ArrayRef<std::string> Names);

/// PostgreSQL's ChooseRelationName()/ChooseConstraintName(): the first of
/// makeObjectName(Name1, Name2, Label), ... with Label, Label1, Label2, ...
/// for which IsTaken returns false.
std::string chooseName(llvm::StringRef Name1, llvm::StringRef Name2,
                       llvm::StringRef Label,
                       const std::function<bool(llvm::StringRef)> &IsTaken);

//===----------------------------------------------------------------------===//
// Privileges
//===----------------------------------------------------------------------===//

/// What an ACL is on: the kinds differ in privileges and defaults.
enum class ACLKind { Relation, Sequence, Function, Type, Schema, Column };

/// One grantee's privileges on an object, as an aclitem writes them: the
/// privilege letters (r SELECT, a INSERT, w UPDATE, d DELETE, D TRUNCATE,
/// x REFERENCES, t TRIGGER, X EXECUTE, U USAGE, C CREATE, m MAINTAIN),
/// each followed by '*' when held WITH GRANT OPTION, in PostgreSQL's order
/// (ACL_ALL_RIGHTS_STR, "arwdDxtXUCTcsAm").
struct Grant {
  /// A role name; empty for PUBLIC.
  std::string Grantee;
  std::string Privileges;

  bool operator==(const Grant &O) const {
    return Grantee == O.Grantee && Privileges == O.Privileges;
  }
  bool operator!=(const Grant &O) const { return !(*this == O); }
};

/// An object's access control list. Explicit is false while the object
/// has PostgreSQL's default privileges (for its owner, and EXECUTE or USAGE
/// for PUBLIC on functions and types); GRANT and REVOKE make it explicit
/// and an ACL equal to the default is stored as the default again.
struct ACL {
  bool Explicit = false;
  /// The owner's privileges when they are not every privilege of the kind
  /// (REVOKE ... FROM the owner); none for all. (std::optional: its move
  /// is noexcept, so vectors of tables move them rather than copy.)
  std::optional<std::string> OwnerPrivileges;
  /// The other grantees, sorted by name (PUBLIC, the empty name, first).
  std::vector<Grant> Grants;

  bool operator==(const ACL &O) const {
    return Explicit == O.Explicit && OwnerPrivileges == O.OwnerPrivileges &&
           Grants == O.Grants;
  }
  bool operator!=(const ACL &O) const { return !(*this == O); }
};
// The operations on ACLs are in bk/Schema/Privileges.h.

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

/// A storage parameter or option: fillfactor=70, security_barrier=true.
struct Option {
  std::string Name;
  std::string Value;
};

enum class IdentityKind { None, Always, ByDefault };

struct Column {
  Loc Location;
  std::string Name;
  /// Canonical type name (normalizeTypeName()).
  std::string Type;
  bool NotNull = false;
  /// Default expression; empty for none.
  std::string Default;
  IdentityKind Identity = IdentityKind::None;
  /// Expression of GENERATED ALWAYS AS (expr) STORED; empty for none.
  std::string Generated;
  std::string Collation;
  std::string Comment;
  /// Column privileges (GRANT SELECT (col) ...); empty for none.
  std::vector<Grant> Grants;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;

  bool isIdentity() const { return Identity != IdentityKind::None; }
  bool isGenerated() const { return !Generated.empty(); }
};

enum class SortOrder { Default, Asc, Desc };
enum class NullsOrder { Default, First, Last };

/// One key of an index, of an EXCLUDE constraint or of a partition key:
/// a column or an expression.
struct IndexKey {
  Loc Location;
  /// The column name, or the expression text when IsExpression.
  std::string Text;
  bool IsExpression = false;
  std::string Collation;
  std::string OpClass;
  SortOrder Order = SortOrder::Default;
  NullsOrder Nulls = NullsOrder::Default;
  /// The operator of an EXCLUDE element (=, &&); empty elsewhere.
  std::string Operator;

  bool isDescending() const { return Order == SortOrder::Desc; }
  /// NULLS FIRST, explicitly or by default (the default for DESC).
  bool nullsFirst() const {
    return Nulls == NullsOrder::First ||
           (Nulls == NullsOrder::Default && isDescending());
  }
};

enum class ConstraintKind { PrimaryKey, Unique, ForeignKey, Check, Exclude };
enum class ReferentialAction {
  NoAction,
  Restrict,
  Cascade,
  SetNull,
  SetDefault
};
enum class MatchKind { Simple, Full, Partial };

/// A table constraint. One class for every kind, as PostgreSQL's
/// pg_constraint; fields that do not apply to the kind stay empty.
struct Constraint {
  Loc Location;
  ConstraintKind Kind = ConstraintKind::Check;
  std::string Name;

  /// Key columns (PRIMARY KEY, UNIQUE) or referencing columns (FOREIGN KEY).
  std::vector<std::string> Columns;
  /// INCLUDE columns (PRIMARY KEY, UNIQUE, EXCLUDE).
  std::vector<std::string> Include;
  /// UNIQUE NULLS NOT DISTINCT.
  bool NullsNotDistinct = false;

  // FOREIGN KEY.
  QualifiedName RefTable;
  /// Referenced columns; empty means the referenced table's primary key.
  std::vector<std::string> RefColumns;
  ReferentialAction OnDelete = ReferentialAction::NoAction;
  ReferentialAction OnUpdate = ReferentialAction::NoAction;
  /// ON DELETE SET NULL (a, b) / SET DEFAULT (a, b); empty for all columns.
  std::vector<std::string> OnDeleteSetColumns;
  MatchKind Match = MatchKind::Simple;

  // CHECK.
  std::string Expr;
  bool NoInherit = false;

  // EXCLUDE.
  std::string Method;
  std::vector<IndexKey> Elements;
  /// WHERE predicate of a partial EXCLUDE constraint.
  std::string Where;

  // Every kind.
  bool Deferrable = false;
  bool InitiallyDeferred = false;
  /// NOT VALID (CHECK and FOREIGN KEY).
  bool NotValid = false;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;

  bool isIndexBacked() const {
    return Kind == ConstraintKind::PrimaryKey ||
           Kind == ConstraintKind::Unique || Kind == ConstraintKind::Exclude;
  }
};

struct Index {
  Loc Location;
  std::string Name;
  bool Unique = false;
  bool NullsNotDistinct = false;
  /// Access method; "btree" unless told otherwise.
  std::string Method = "btree";
  std::vector<IndexKey> Keys;
  std::vector<std::string> Include;
  /// Predicate of a partial index; empty for none.
  std::string Where;
  std::vector<Option> Options;
  std::string Tablespace;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;

  bool isPartial() const { return !Where.empty(); }
};

enum class TriggerTiming { Before, After, InsteadOf };

/// Trigger events, a bit set.
enum TriggerEvent : unsigned {
  TE_Insert = 1,
  TE_Update = 2,
  TE_Delete = 4,
  TE_Truncate = 8,
};

struct Trigger {
  Loc Location;
  std::string Name;
  TriggerTiming Timing = TriggerTiming::After;
  /// TriggerEvent bits.
  unsigned Events = 0;
  /// UPDATE OF columns.
  std::vector<std::string> UpdateColumns;
  bool ForEachRow = false;
  /// The trigger function, schema-qualified when written so.
  QualifiedName Function;
  std::vector<std::string> Arguments;
  /// WHEN condition; empty for none.
  std::string When;
  /// REFERENCING OLD TABLE AS / NEW TABLE AS names.
  std::string OldTable;
  std::string NewTable;
  /// CREATE CONSTRAINT TRIGGER.
  bool IsConstraint = false;
  bool Deferrable = false;
  bool InitiallyDeferred = false;
  std::string Comment;

  bool hasEvent(TriggerEvent E) const { return Events & E; }
};

enum class PolicyCommand { All, Select, Insert, Update, Delete };

struct Policy {
  Loc Location;
  std::string Name;
  PolicyCommand Command = PolicyCommand::All;
  /// PERMISSIVE (the default) or RESTRICTIVE.
  bool Permissive = true;
  /// TO roles; empty means PUBLIC.
  std::vector<std::string> Roles;
  std::string Using;
  std::string WithCheck;
  std::string Comment;
};

enum class PartitionStrategy { None, Range, List, Hash };

struct Table {
  Loc Location;
  std::string Name;
  std::vector<Column> Columns;
  std::vector<Constraint> Constraints;
  std::vector<Index> Indexes;
  std::vector<Trigger> Triggers;
  std::vector<Policy> Policies;

  bool RowSecurity = false;
  bool ForceRowSecurity = false;
  bool Unlogged = false;

  /// PARTITION BY strategy (keys); None for a table that is not partitioned.
  PartitionStrategy PartitionBy = PartitionStrategy::None;
  std::vector<IndexKey> PartitionKeys;
  /// PARTITION OF parent, with its bound: "FOR VALUES FROM (1) TO (10)",
  /// "FOR VALUES IN ('a')", "FOR VALUES WITH (MODULUS 4, REMAINDER 0)" or
  /// "DEFAULT".
  QualifiedName PartitionOf;
  std::string PartitionBound;
  std::vector<QualifiedName> Inherits;

  std::vector<Option> Options;
  std::string Tablespace;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;
  std::string Owner;
  ACL Privileges;

  bool isPartitioned() const { return PartitionBy != PartitionStrategy::None; }
  bool isPartition() const { return !PartitionOf.empty(); }

  Column *findColumn(llvm::StringRef Name);
  const Column *findColumn(llvm::StringRef Name) const;
  Constraint *findConstraint(llvm::StringRef Name);
  const Constraint *findConstraint(llvm::StringRef Name) const;
  Index *findIndex(llvm::StringRef Name);
  const Index *findIndex(llvm::StringRef Name) const;
  Trigger *findTrigger(llvm::StringRef Name);
  const Trigger *findTrigger(llvm::StringRef Name) const;
  Policy *findPolicy(llvm::StringRef Name);
  const Policy *findPolicy(llvm::StringRef Name) const;
  /// The (first) PRIMARY KEY constraint, or null.
  const Constraint *getPrimaryKey() const;
};
static_assert(std::is_nothrow_move_constructible<Table>::value,
              "vectors of tables must move them, not copy");

//===----------------------------------------------------------------------===//
// Types, sequences, views, functions
//===----------------------------------------------------------------------===//

struct EnumType {
  Loc Location;
  std::string Name;
  std::vector<std::string> Values;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;
  std::string Owner;
  ACL Privileges;
};

struct DomainCheck {
  Loc Location;
  std::string Name;
  /// The condition, using VALUE for the value checked.
  std::string Expr;
  bool NotValid = false;
};

struct Domain {
  Loc Location;
  std::string Name;
  std::string BaseType;
  bool NotNull = false;
  std::string Default;
  std::string Collation;
  std::vector<DomainCheck> Checks;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;
  std::string Owner;
  ACL Privileges;
};

struct CompositeAttribute {
  Loc Location;
  std::string Name;
  std::string Type;
  std::string Collation;
};

struct CompositeType {
  Loc Location;
  std::string Name;
  std::vector<CompositeAttribute> Attributes;
  std::string Comment;
  std::string Owner;
  ACL Privileges;
};

/// CREATE TYPE name AS RANGE (subtype = ..., ...). Function, operator
/// class and collation names are as a domain's collation: the name, bare
/// when it lives in pg_catalog or public, "schema.name" elsewhere.
struct RangeType {
  Loc Location;
  std::string Name;
  /// Canonical type name of the element type.
  std::string Subtype;
  /// SUBTYPE_OPCLASS; empty for the subtype's default b-tree class.
  std::string SubtypeOpClass;
  /// COLLATION; empty for the subtype's own.
  std::string Collation;
  /// CANONICAL and SUBTYPE_DIFF functions; empty for none.
  std::string Canonical;
  std::string SubtypeDiff;
  /// MULTIRANGE_TYPE_NAME; empty for PostgreSQL's default
  /// (defaultMultirangeName()).
  std::string MultirangeName;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;
  std::string Owner;
  ACL Privileges;

  /// The multirange type's name: MultirangeName or the default.
  std::string multirangeName() const;
};

/// The multirange type PostgreSQL (14 and later) names for range type
/// Name: "range" in it becomes "multirange" (its first occurrence), else
/// "_multirange" is appended; cut to 63 bytes.
std::string defaultMultirangeName(llvm::StringRef RangeName);

struct Sequence {
  Loc Location;
  std::string Name;
  /// smallint, integer or bigint.
  std::string Type = "bigint";
  /// START, MINVALUE and MAXVALUE; None for PostgreSQL's default (see the
  /// effective*() helpers).
  llvm::Optional<int64_t> Start;
  int64_t Increment = 1;
  llvm::Optional<int64_t> MinValue;
  llvm::Optional<int64_t> MaxValue;
  int64_t Cache = 1;
  bool Cycle = false;
  /// OWNED BY table.column; empty for none.
  QualifiedName OwnedByTable;
  std::string OwnedByColumn;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;
  std::string Owner;
  ACL Privileges;

  /// The values PostgreSQL uses when MINVALUE/MAXVALUE/START are defaulted:
  /// 1 / the type's maximum for an ascending sequence, the type's minimum /
  /// -1 for a descending one; START is MINVALUE (ascending) or MAXVALUE.
  int64_t effectiveMinValue() const;
  int64_t effectiveMaxValue() const;
  int64_t effectiveStart() const;
};

struct View {
  Loc Location;
  std::string Name;
  bool Materialized = false;
  /// The defining SELECT.
  std::string Query;
  /// Explicit column names; empty when the query's names are used.
  std::vector<std::string> Columns;
  /// WITH (security_barrier=true, check_option=local, ...).
  std::vector<Option> Options;
  /// Materialized views only: WITH NO DATA, indexes, tablespace.
  bool WithNoData = false;
  std::vector<Index> Indexes;
  std::string Tablespace;
  /// INSTEAD OF triggers of a view.
  std::vector<Trigger> Triggers;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;
  std::string Owner;
  ACL Privileges;
};

enum class FunctionKind { Function, Procedure };
enum class Volatility { Volatile, Stable, Immutable };
enum class ParallelSafety { Unsafe, Restricted, Safe };

struct Function {
  Loc Location;
  FunctionKind Kind = FunctionKind::Function;
  std::string Name;
  /// The argument list as written between the parentheses, normalised:
  /// "a integer, b text DEFAULT 'x'::text".
  std::string Arguments;
  /// The return type ("integer", "SETOF record", "TABLE(id integer)",
  /// "trigger", "void"); empty for a procedure.
  std::string Returns;
  std::string Language;
  /// The body, opaque (the text between the dollar quotes).
  std::string Body;
  Volatility Volatile = Volatility::Volatile;
  bool Strict = false;
  bool SecurityDefiner = false;
  bool Leakproof = false;
  ParallelSafety Parallel = ParallelSafety::Unsafe;
  llvm::Optional<int64_t> Cost;
  llvm::Optional<int64_t> Rows;
  /// SET configuration_parameter = value.
  std::vector<Option> Config;
  std::string Comment;
  /// Annotations from the source: `-- bk:...` and sqldef's `-- @renamed
  /// from=...` comments right before the object, without the `--`.
  std::vector<std::string> Annotations;
  std::string Owner;
  ACL Privileges;

  /// "name(arguments)": what tells overloads apart in messages.
  std::string signature() const;
};

//===----------------------------------------------------------------------===//
// Schemas and the catalog
//===----------------------------------------------------------------------===//

struct Schema {
  Loc Location;
  std::string Name;
  std::string Comment;
  std::string Owner;
  ACL Privileges;
  std::vector<Table> Tables;
  std::vector<EnumType> Enums;
  std::vector<Domain> Domains;
  std::vector<CompositeType> Composites;
  std::vector<RangeType> Ranges;
  std::vector<Sequence> Sequences;
  std::vector<View> Views;
  std::vector<Function> Functions;

  Table *findTable(llvm::StringRef Name);
  const Table *findTable(llvm::StringRef Name) const;
  View *findView(llvm::StringRef Name);
  const View *findView(llvm::StringRef Name) const;
  Sequence *findSequence(llvm::StringRef Name);
  const Sequence *findSequence(llvm::StringRef Name) const;
  EnumType *findEnum(llvm::StringRef Name);
  const EnumType *findEnum(llvm::StringRef Name) const;
  Domain *findDomain(llvm::StringRef Name);
  const Domain *findDomain(llvm::StringRef Name) const;
  CompositeType *findComposite(llvm::StringRef Name);
  const CompositeType *findComposite(llvm::StringRef Name) const;
  RangeType *findRange(llvm::StringRef Name);
  const RangeType *findRange(llvm::StringRef Name) const;
  /// What every user-defined type has, whatever its kind: what ALTER TYPE
  /// … OWNER TO, COMMENT ON TYPE and GRANT … ON TYPE change.
  struct TypeAttributes {
    std::string &Comment;
    std::string &Owner;
    ACL &Privileges;
  };
  /// Those of the enum, domain, composite or range type Name, if any.
  llvm::Optional<TypeAttributes> findTypeAttributes(llvm::StringRef Name);
  /// Whether Name is taken by a type: an enum, domain, composite, range
  /// (or its multirange), table or view (their row types).
  bool hasType(llvm::StringRef Name) const;
  /// The first function or procedure named Name (overloads: iterate).
  const Function *findFunction(llvm::StringRef Name) const;
  /// The index named Name on any table or materialized view, or null.
  const Index *findIndex(llvm::StringRef Name) const;
};

struct Extension {
  Loc Location;
  std::string Name;
  /// WITH SCHEMA; empty for the default.
  std::string Schema;
  std::string Version;
  std::string Comment;
};

struct Catalog {
  std::vector<Extension> Extensions;
  std::vector<Schema> Schemas;

  Schema *findSchema(llvm::StringRef Name);
  const Schema *findSchema(llvm::StringRef Name) const;
  /// The schema named Name, appended when missing.
  Schema &getOrAddSchema(llvm::StringRef Name);
  const Extension *findExtension(llvm::StringRef Name) const;

  /// A table by qualified name; an unqualified name is looked up in
  /// DefaultSchema.
  Table *findTable(const QualifiedName &Name,
                   llvm::StringRef DefaultSchema = "public");
  const Table *findTable(const QualifiedName &Name,
                         llvm::StringRef DefaultSchema = "public") const;
  Table *findTable(llvm::StringRef Schema, llvm::StringRef Name) {
    return findTable(QualifiedName(Schema, Name));
  }
  const Table *findTable(llvm::StringRef Schema, llvm::StringRef Name) const {
    return findTable(QualifiedName(Schema, Name));
  }
  /// A column of a table, or null.
  const Column *findColumn(const QualifiedName &Table,
                           llvm::StringRef Column) const;
};

} // namespace schema
} // namespace bk

#endif // BK_SCHEMA_SCHEMA_H
