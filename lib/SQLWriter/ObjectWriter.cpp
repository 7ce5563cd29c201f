//===- ObjectWriter.cpp - One statement per Schema IR object --------------===//

#include "bk/SQLWriter/SQLText.h"
#include "bk/SQLWriter/SQLWriter.h"
#include "bk/Schema/Privileges.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace sqlwriter {

static std::string qualify(const Schema &S, StringRef Name) {
  return QualifiedName(S.Name, Name).sql();
}

/// A reference that is unqualified in the IR means the referring object's
/// schema.
static std::string qualifyRef(const Schema &S, const QualifiedName &Ref) {
  if (Ref.Schema.empty())
    return QualifiedName(S.Name, Ref.Name).sql();
  return Ref.sql();
}

static std::string nameList(ArrayRef<std::string> Names) {
  std::string Out;
  for (const std::string &N : Names) {
    if (!Out.empty())
      Out += ", ";
    Out += quoteIdentifier(N);
  }
  return Out;
}

static bool isPlainOptionValue(StringRef V) {
  if (V.empty())
    return false;
  StringRef Digits = V.startswith("-") ? V.drop_front() : V;
  if (!Digits.empty() && isDigit(Digits[0]))
    return all_of(Digits, [](char C) { return isDigit(C) || C == '.'; });
  // Words, reserved ones too (true, false): the grammar takes keywords here.
  return isAlpha(V[0]) && all_of(V, [](char C) {
           return isDigit(C) || (C >= 'a' && C <= 'z') || C == '_';
         });
}

std::string optionList(ArrayRef<Option> Options) {
  std::string Out;
  for (const Option &O : Options) {
    if (!Out.empty())
      Out += ", ";
    Out += O.Name + "=" +
           (isPlainOptionValue(O.Value) ? O.Value : quoteLiteral(O.Value));
  }
  return Out;
}

std::string defaultExpr(StringRef Expr) {
  if (hasTopLevelKeyword(Expr, {"and", "or", "not", "is", "isnull", "notnull",
                                "like", "ilike", "similar", "in", "between",
                                "collate", "at"}))
    return parenthesize(Expr);
  return Expr.str();
}

static std::string writeKey(const IndexKey &K) {
  std::string Out =
      K.IsExpression ? parenthesize(K.Text) : quoteIdentifier(K.Text);
  if (!K.Collation.empty())
    Out += " COLLATE " + quoteQualifiedName(K.Collation);
  if (!K.OpClass.empty())
    Out += " " + quoteQualifiedName(K.OpClass);
  if (K.Order == SortOrder::Asc)
    Out += " ASC";
  else if (K.Order == SortOrder::Desc)
    Out += " DESC";
  if (K.Nulls == NullsOrder::First)
    Out += " NULLS FIRST";
  else if (K.Nulls == NullsOrder::Last)
    Out += " NULLS LAST";
  if (!K.Operator.empty())
    Out += " WITH " + K.Operator;
  return Out;
}

static std::string keyList(ArrayRef<IndexKey> Keys) {
  std::string Out;
  for (const IndexKey &K : Keys) {
    if (!Out.empty())
      Out += ", ";
    Out += writeKey(K);
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Schemas, extensions, types, sequences
//===----------------------------------------------------------------------===//

std::string writeCreateSchema(const Schema &S) {
  return "CREATE SCHEMA " + quoteIdentifier(S.Name) + ";";
}

std::string writeCreateExtension(const Extension &E) {
  std::string Out = "CREATE EXTENSION " + quoteIdentifier(E.Name);
  if (!E.Schema.empty())
    Out += " WITH SCHEMA " + quoteIdentifier(E.Schema);
  if (!E.Version.empty())
    Out += " VERSION " + quoteLiteral(E.Version);
  return Out + ";";
}

std::string writeCreateEnum(const Schema &S, const EnumType &E) {
  std::string Out = "CREATE TYPE " + qualify(S, E.Name) + " AS ENUM (";
  ListSeparator LS;
  for (const std::string &V : E.Values)
    Out += std::string(StringRef(LS)) + quoteLiteral(V);
  return Out + ");";
}

static std::string domainCheck(const DomainCheck &C) {
  return "CONSTRAINT " + quoteIdentifier(C.Name) + " CHECK " +
         parenthesize(C.Expr);
}

std::string writeCreateDomain(const Schema &S, const Domain &D) {
  std::string Out = "CREATE DOMAIN " + qualify(S, D.Name) + " AS " + D.BaseType;
  if (!D.Collation.empty())
    Out += " COLLATE " + quoteQualifiedName(D.Collation);
  if (!D.Default.empty())
    Out += " DEFAULT " + defaultExpr(D.Default);
  if (D.NotNull)
    Out += " NOT NULL";
  for (const DomainCheck &C : D.Checks)
    if (!C.NotValid)
      Out += " " + domainCheck(C);
  return Out + ";";
}

std::string writeAddDomainCheck(const Schema &S, const Domain &D,
                                const DomainCheck &C) {
  return "ALTER DOMAIN " + qualify(S, D.Name) + " ADD " + domainCheck(C) +
         (C.NotValid ? " NOT VALID;" : ";");
}

std::string writeCreateComposite(const Schema &S, const CompositeType &C) {
  std::string Out = "CREATE TYPE " + qualify(S, C.Name) + " AS (";
  ListSeparator LS;
  for (const CompositeAttribute &A : C.Attributes) {
    Out += std::string(StringRef(LS)) + quoteIdentifier(A.Name) + " " + A.Type;
    if (!A.Collation.empty())
      Out += " COLLATE " + quoteQualifiedName(A.Collation);
  }
  return Out + ");";
}

std::string writeCreateRange(const Schema &S, const RangeType &R) {
  std::string Out =
      "CREATE TYPE " + qualify(S, R.Name) + " AS RANGE (subtype = " + R.Subtype;
  for (auto Opt : {std::make_pair("subtype_opclass", &R.SubtypeOpClass),
                   std::make_pair("collation", &R.Collation),
                   std::make_pair("canonical", &R.Canonical),
                   std::make_pair("subtype_diff", &R.SubtypeDiff)})
    if (!Opt.second->empty())
      Out += ", " + std::string(Opt.first) + " = " +
             quoteQualifiedName(*Opt.second);
  if (!R.MultirangeName.empty())
    Out += ", multirange_type_name = " + qualify(S, R.MultirangeName);
  return Out + ");";
}

std::string writeCreateSequence(const Schema &S, const Sequence &Seq) {
  std::string Out = "CREATE SEQUENCE " + qualify(S, Seq.Name);
  if (Seq.Type != "bigint")
    Out += " AS " + Seq.Type;
  if (Seq.Increment != 1)
    Out += " INCREMENT BY " + std::to_string(Seq.Increment);
  if (Seq.MinValue)
    Out += " MINVALUE " + std::to_string(*Seq.MinValue);
  if (Seq.MaxValue)
    Out += " MAXVALUE " + std::to_string(*Seq.MaxValue);
  if (Seq.Start)
    Out += " START WITH " + std::to_string(*Seq.Start);
  if (Seq.Cache != 1)
    Out += " CACHE " + std::to_string(Seq.Cache);
  if (Seq.Cycle)
    Out += " CYCLE";
  return Out + ";";
}

std::string writeSequenceOwnedBy(const Schema &S, const Sequence &Seq) {
  if (Seq.OwnedByTable.empty() || Seq.OwnedByColumn.empty())
    return "";
  return "ALTER SEQUENCE " + qualify(S, Seq.Name) + " OWNED BY " +
         qualifyRef(S, Seq.OwnedByTable) + "." +
         quoteIdentifier(Seq.OwnedByColumn) + ";";
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

bool isInlineConstraint(const Constraint &C) {
  return C.Kind != ConstraintKind::ForeignKey && !C.NotValid;
}

/// What follows a column's name and type: identity, generation, DEFAULT,
/// NOT NULL (also the WITH OPTIONS clause of a partition's column).
static std::string columnConstraints(const Column &C) {
  std::string Out;
  if (C.Identity == IdentityKind::Always)
    Out += " GENERATED ALWAYS AS IDENTITY";
  else if (C.Identity == IdentityKind::ByDefault)
    Out += " GENERATED BY DEFAULT AS IDENTITY";
  if (C.isGenerated())
    Out += " GENERATED ALWAYS AS " + parenthesize(C.Generated) + " STORED";
  else if (!C.Default.empty())
    Out += " DEFAULT " + defaultExpr(C.Default);
  if (C.NotNull)
    Out += " NOT NULL";
  return Out;
}

std::string writeColumnDefinition(const Column &C) {
  std::string Out = quoteIdentifier(C.Name) + " " + C.Type;
  if (!C.Collation.empty())
    Out += " COLLATE " + quoteQualifiedName(C.Collation);
  return Out + columnConstraints(C);
}

static StringRef actionSQL(ReferentialAction A) {
  switch (A) {
  case ReferentialAction::NoAction:
    return "NO ACTION";
  case ReferentialAction::Restrict:
    return "RESTRICT";
  case ReferentialAction::Cascade:
    return "CASCADE";
  case ReferentialAction::SetNull:
    return "SET NULL";
  case ReferentialAction::SetDefault:
    return "SET DEFAULT";
  }
  return "NO ACTION";
}

/// The constraint clause; foreign keys reference tables of schema S when
/// unqualified.
static std::string constraintClause(const Schema *S, const Constraint &C) {
  std::string Out = "CONSTRAINT " + quoteIdentifier(C.Name) + " ";
  switch (C.Kind) {
  case ConstraintKind::PrimaryKey:
  case ConstraintKind::Unique:
    Out += C.Kind == ConstraintKind::PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
    if (C.NullsNotDistinct)
      Out += " NULLS NOT DISTINCT";
    Out += " (" + nameList(C.Columns) + ")";
    if (!C.Include.empty())
      Out += " INCLUDE (" + nameList(C.Include) + ")";
    break;
  case ConstraintKind::Check:
    Out += "CHECK " + parenthesize(C.Expr);
    if (C.NoInherit)
      Out += " NO INHERIT";
    break;
  case ConstraintKind::Exclude:
    Out += "EXCLUDE";
    if (!C.Method.empty() && C.Method != "btree")
      Out += " USING " + quoteIdentifier(C.Method);
    Out += " (" + keyList(C.Elements) + ")";
    if (!C.Include.empty())
      Out += " INCLUDE (" + nameList(C.Include) + ")";
    if (!C.Where.empty())
      Out += " WHERE " + parenthesize(C.Where);
    break;
  case ConstraintKind::ForeignKey: {
    Out += "FOREIGN KEY (" + nameList(C.Columns) + ") REFERENCES ";
    Out += S ? qualifyRef(*S, C.RefTable) : C.RefTable.sql();
    if (!C.RefColumns.empty())
      Out += " (" + nameList(C.RefColumns) + ")";
    if (C.Match == MatchKind::Full)
      Out += " MATCH FULL";
    else if (C.Match == MatchKind::Partial)
      Out += " MATCH PARTIAL";
    if (C.OnUpdate != ReferentialAction::NoAction)
      Out += " ON UPDATE " + actionSQL(C.OnUpdate).str();
    if (C.OnDelete != ReferentialAction::NoAction) {
      Out += " ON DELETE " + actionSQL(C.OnDelete).str();
      if (!C.OnDeleteSetColumns.empty())
        Out += " (" + nameList(C.OnDeleteSetColumns) + ")";
    }
    break;
  }
  }
  if (C.Deferrable)
    Out += " DEFERRABLE";
  if (C.InitiallyDeferred)
    Out += " INITIALLY DEFERRED";
  if (C.NotValid)
    Out += " NOT VALID";
  return Out;
}

std::string writeConstraintDefinition(const Constraint &C) {
  return constraintClause(nullptr, C);
}

std::string writeCreateTable(const Schema &S, const Table &T) {
  std::string Out = "CREATE ";
  if (T.Unlogged)
    Out += "UNLOGGED ";
  Out += "TABLE " + qualify(S, T.Name);
  std::vector<std::string> Elements;
  for (const Column &C : T.Columns)
    Elements.push_back(T.isPartition()
                           ? quoteIdentifier(C.Name) + " WITH OPTIONS" +
                                 columnConstraints(C)
                           : writeColumnDefinition(C));
  for (const Constraint &C : T.Constraints)
    if (isInlineConstraint(C))
      Elements.push_back(constraintClause(&S, C));

  if (T.isPartition())
    Out += " PARTITION OF " + qualifyRef(S, T.PartitionOf);
  if (!Elements.empty() || !T.isPartition()) {
    Out += " (";
    if (!Elements.empty())
      Out += "\n";
    for (size_t I = 0; I < Elements.size(); ++I)
      Out += "  " + Elements[I] + (I + 1 < Elements.size() ? ",\n" : "\n");
    Out += ")";
  }
  if (T.isPartition())
    Out += StringRef(T.PartitionBound).trim().equals_insensitive("default")
               ? " DEFAULT"
               : " " + T.PartitionBound;
  if (!T.Inherits.empty()) {
    Out += " INHERITS (";
    ListSeparator LS;
    for (const QualifiedName &P : T.Inherits)
      Out += std::string(StringRef(LS)) + qualifyRef(S, P);
    Out += ")";
  }
  if (T.isPartitioned()) {
    Out += " PARTITION BY ";
    Out += T.PartitionBy == PartitionStrategy::Range  ? "RANGE"
           : T.PartitionBy == PartitionStrategy::List ? "LIST"
                                                      : "HASH";
    Out += " (" + keyList(T.PartitionKeys) + ")";
  }
  if (!T.Options.empty())
    Out += " WITH (" + optionList(T.Options) + ")";
  if (!T.Tablespace.empty())
    Out += " TABLESPACE " + quoteIdentifier(T.Tablespace);
  return Out + ";";
}

std::string writeAddConstraint(const Schema &S, const Table &T,
                               const Constraint &C) {
  return "ALTER TABLE " + qualify(S, T.Name) + " ADD " +
         constraintClause(&S, C) + ";";
}

std::string writeCreateIndex(const Schema &S, StringRef Rel, const Index &I,
                             const IndexWriteOptions &Opts) {
  std::string Out = "CREATE ";
  if (I.Unique)
    Out += "UNIQUE ";
  Out += "INDEX ";
  if (Opts.Concurrently)
    Out += "CONCURRENTLY ";
  if (Opts.IfNotExists)
    Out += "IF NOT EXISTS ";
  Out += quoteIdentifier(I.Name) + " ON " + qualify(S, Rel);
  if (!I.Method.empty() && I.Method != "btree")
    Out += " USING " + quoteIdentifier(I.Method);
  Out += " (" + keyList(I.Keys) + ")";
  if (!I.Include.empty())
    Out += " INCLUDE (" + nameList(I.Include) + ")";
  if (I.NullsNotDistinct)
    Out += " NULLS NOT DISTINCT";
  if (!I.Options.empty())
    Out += " WITH (" + optionList(I.Options) + ")";
  if (!I.Tablespace.empty())
    Out += " TABLESPACE " + quoteIdentifier(I.Tablespace);
  if (I.isPartial())
    Out += " WHERE " + parenthesize(I.Where);
  return Out + ";";
}

//===----------------------------------------------------------------------===//
// Views, functions, triggers, policies
//===----------------------------------------------------------------------===//

std::string writeCreateView(const Schema &S, const View &V) {
  std::string Out =
      V.Materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ";
  Out += qualify(S, V.Name);
  if (!V.Columns.empty())
    Out += " (" + nameList(V.Columns) + ")";
  if (!V.Options.empty())
    Out += " WITH (" + optionList(V.Options) + ")";
  if (V.Materialized && !V.Tablespace.empty())
    Out += " TABLESPACE " + quoteIdentifier(V.Tablespace);
  StringRef Query = StringRef(V.Query).trim();
  if (Query.endswith(";"))
    Query = Query.drop_back().rtrim();
  Out += " AS\n" + Query.str();
  if (V.Materialized && V.WithNoData)
    Out += "\n  WITH NO DATA";
  return Out + ";";
}

/// Parameters whose value is a list of names (GUC_LIST_QUOTE): each element
/// is its own literal, as pg_dump writes them.
static bool isListParameter(StringRef Name) {
  return Name.equals_insensitive("search_path") ||
         Name.equals_insensitive("temp_tablespaces") ||
         Name.equals_insensitive("session_preload_libraries") ||
         Name.equals_insensitive("shared_preload_libraries") ||
         Name.equals_insensitive("local_preload_libraries");
}

static std::string configValue(const Option &O) {
  if (!isListParameter(O.Name))
    return quoteLiteral(O.Value);
  std::string Out;
  for (const std::string &Elt : splitTopLevel(O.Value, ',')) {
    if (!Out.empty())
      Out += ", ";
    Out += quoteLiteral(
        StringRef(Elt).startswith("\"") ? normalizeIdentifier(Elt) : Elt);
  }
  return Out.empty() ? "''" : Out;
}

std::string writeCreateFunction(const Schema &S, const Function &F) {
  bool IsProc = F.Kind == FunctionKind::Procedure;
  std::string Out = IsProc ? "CREATE PROCEDURE " : "CREATE FUNCTION ";
  Out += qualify(S, F.Name) + "(" + F.Arguments + ")";
  if (!IsProc)
    Out += " RETURNS " + F.Returns;
  if (!F.Language.empty())
    Out += " LANGUAGE " + quoteIdentifier(F.Language);
  if (!IsProc) {
    if (F.Volatile == Volatility::Immutable)
      Out += " IMMUTABLE";
    else if (F.Volatile == Volatility::Stable)
      Out += " STABLE";
    if (F.Strict)
      Out += " STRICT";
    if (F.Leakproof)
      Out += " LEAKPROOF";
    if (F.Parallel == ParallelSafety::Safe)
      Out += " PARALLEL SAFE";
    else if (F.Parallel == ParallelSafety::Restricted)
      Out += " PARALLEL RESTRICTED";
    if (F.Cost)
      Out += " COST " + std::to_string(*F.Cost);
    if (F.Rows)
      Out += " ROWS " + std::to_string(*F.Rows);
  }
  if (F.SecurityDefiner)
    Out += " SECURITY DEFINER";
  for (const Option &O : F.Config)
    Out += " SET " + quoteIdentifier(O.Name) + " TO " + configValue(O);
  Out += " AS " + dollarQuote(F.Body);
  return Out + ";";
}

std::string writeCreateTrigger(const Schema &S, StringRef Rel,
                               const Trigger &T) {
  std::string Out =
      T.IsConstraint ? "CREATE CONSTRAINT TRIGGER " : "CREATE TRIGGER ";
  Out += quoteIdentifier(T.Name);
  Out += T.Timing == TriggerTiming::Before  ? " BEFORE "
         : T.Timing == TriggerTiming::After ? " AFTER "
                                            : " INSTEAD OF ";
  ListSeparator Or(" OR ");
  if (T.hasEvent(TE_Insert))
    Out += std::string(StringRef(Or)) + "INSERT";
  if (T.hasEvent(TE_Update)) {
    Out += std::string(StringRef(Or)) + "UPDATE";
    if (!T.UpdateColumns.empty())
      Out += " OF " + nameList(T.UpdateColumns);
  }
  if (T.hasEvent(TE_Delete))
    Out += std::string(StringRef(Or)) + "DELETE";
  if (T.hasEvent(TE_Truncate))
    Out += std::string(StringRef(Or)) + "TRUNCATE";
  Out += " ON " + qualify(S, Rel);
  if (T.Deferrable)
    Out += " DEFERRABLE";
  if (T.InitiallyDeferred)
    Out += " INITIALLY DEFERRED";
  if (!T.OldTable.empty() || !T.NewTable.empty()) {
    Out += " REFERENCING";
    if (!T.OldTable.empty())
      Out += " OLD TABLE AS " + quoteIdentifier(T.OldTable);
    if (!T.NewTable.empty())
      Out += " NEW TABLE AS " + quoteIdentifier(T.NewTable);
  }
  Out += T.ForEachRow ? " FOR EACH ROW" : " FOR EACH STATEMENT";
  if (!T.When.empty())
    Out += " WHEN " + parenthesize(T.When);
  Out += " EXECUTE FUNCTION " + qualifyRef(S, T.Function) + "(";
  ListSeparator LS;
  for (const std::string &A : T.Arguments)
    Out += std::string(StringRef(LS)) + quoteLiteral(A);
  return Out + ");";
}

static StringRef policyCommand(PolicyCommand C) {
  switch (C) {
  case PolicyCommand::All:
    return "ALL";
  case PolicyCommand::Select:
    return "SELECT";
  case PolicyCommand::Insert:
    return "INSERT";
  case PolicyCommand::Update:
    return "UPDATE";
  case PolicyCommand::Delete:
    return "DELETE";
  }
  return "ALL";
}

std::string writeCreatePolicy(const Schema &S, const Table &T,
                              const Policy &P) {
  std::string Out =
      "CREATE POLICY " + quoteIdentifier(P.Name) + " ON " + qualify(S, T.Name);
  if (!P.Permissive)
    Out += " AS RESTRICTIVE";
  if (P.Command != PolicyCommand::All)
    Out += " FOR " + policyCommand(P.Command).str();
  if (!P.Roles.empty()) {
    Out += " TO ";
    ListSeparator LS;
    for (const std::string &R : P.Roles)
      Out += std::string(StringRef(LS)) +
             (R == "public" ? std::string("PUBLIC") : quoteIdentifier(R));
  }
  if (!P.Using.empty())
    Out += " USING " + parenthesize(P.Using);
  if (!P.WithCheck.empty())
    Out += " WITH CHECK " + parenthesize(P.WithCheck);
  return Out + ";";
}

std::string writeRowSecurity(const Schema &S, const Table &T) {
  std::string Out;
  if (T.RowSecurity)
    Out += "ALTER TABLE " + qualify(S, T.Name) + " ENABLE ROW LEVEL SECURITY;";
  if (T.ForceRowSecurity)
    Out += std::string(Out.empty() ? "" : "\n") + "ALTER TABLE " +
           qualify(S, T.Name) + " FORCE ROW LEVEL SECURITY;";
  return Out;
}

std::string writeComment(StringRef What, StringRef Comment) {
  return "COMMENT ON " + What.str() + " IS " +
         (Comment.empty() ? std::string("NULL") : quoteLiteral(Comment)) + ";";
}

std::string writeOwner(StringRef What, StringRef Owner) {
  return "ALTER " + What.str() + " OWNER TO " + quoteIdentifier(Owner) + ";";
}

//===----------------------------------------------------------------------===//
// Privileges
//===----------------------------------------------------------------------===//

static std::string lettersNotIn(StringRef A, StringRef B) {
  std::string Out;
  for (char C : A)
    if (!B.contains(C))
      Out += C;
  return Out;
}

/// "ALL" or "SELECT, INSERT"; each with " (col)" for a column.
static std::string privilegeList(StringRef Letters, StringRef All,
                                 StringRef Column) {
  std::string Suffix =
      Column.empty() ? std::string() : " (" + quoteIdentifier(Column) + ")";
  if (Letters == All)
    return "ALL" + Suffix;
  std::string Out;
  for (char C : canonicalPrivileges(Letters)) {
    if (!Out.empty())
      Out += ", ";
    Out += privilegeKeyword(C).str() + Suffix;
  }
  return Out;
}

/// The statements that take one grantee from letters From to To.
static void grantChanges(std::vector<std::string> &Out, StringRef On,
                         StringRef Role, StringRef From, StringRef To,
                         StringRef All, StringRef Column, bool IgnoreOptions) {
  HeldPrivileges F = splitPrivileges(From), T = splitPrivileges(To);
  if (IgnoreOptions)
    F.WithGrantOption.clear(), T.WithGrantOption.clear();
  auto List = [&](StringRef L) { return privilegeList(L, All, Column); };
  std::string Revoke = lettersNotIn(F.Plain, T.Plain);
  if (!Revoke.empty())
    Out.push_back("REVOKE " + List(Revoke) + " ON " + On.str() + " FROM " +
                  Role.str() + ";");
  // Grant options lost on privileges kept.
  std::string RevokeOption =
      lettersNotIn(lettersNotIn(F.WithGrantOption, T.WithGrantOption), Revoke);
  if (!RevokeOption.empty())
    Out.push_back("REVOKE GRANT OPTION FOR " + List(RevokeOption) + " ON " +
                  On.str() + " FROM " + Role.str() + ";");
  std::string Grant =
      lettersNotIn(lettersNotIn(T.Plain, F.Plain), T.WithGrantOption);
  if (!Grant.empty())
    Out.push_back("GRANT " + List(Grant) + " ON " + On.str() + " TO " +
                  Role.str() + ";");
  // Privileges granted with grant option: new ones, or kept ones that
  // gain it (those not revoked above keep their letter).
  std::string GrantOption = lettersNotIn(T.WithGrantOption, F.WithGrantOption);
  if (!GrantOption.empty())
    Out.push_back("GRANT " + List(GrantOption) + " ON " + On.str() + " TO " +
                  Role.str() + " WITH GRANT OPTION;");
}

static std::string granteeSQL(StringRef Grantee) {
  return Grantee.empty() ? std::string("PUBLIC") : quoteIdentifier(Grantee);
}

/// Each grantee of From or To with its letters on each side.
static void
eachGrantee(const std::vector<Grant> &From, const std::vector<Grant> &To,
            llvm::function_ref<void(StringRef, StringRef, StringRef)> Fn) {
  std::map<std::string, std::pair<std::string, std::string>> Both;
  for (const Grant &G : From)
    Both[G.Grantee].first = G.Privileges;
  for (const Grant &G : To)
    Both[G.Grantee].second = G.Privileges;
  for (const auto &E : Both)
    Fn(E.first, E.second.first, E.second.second);
}

std::vector<std::string> writePrivilegeChanges(StringRef What, ACLKind K,
                                               StringRef Name, const ACL &From,
                                               const ACL &To, StringRef Owner) {
  std::vector<std::string> Out;
  StringRef All = allPrivileges(K);
  auto OwnerLetters = [&](const ACL &A) {
    return A.Explicit && A.OwnerPrivileges ? *A.OwnerPrivileges : All.str();
  };
  auto Grants = [&](const ACL &A) {
    return A.Explicit ? A.Grants : defaultGrants(K, Name);
  };
  std::string OwnerRole =
      Owner.empty() ? std::string("CURRENT_USER") : quoteIdentifier(Owner);
  grantChanges(Out, What, OwnerRole, OwnerLetters(From), OwnerLetters(To), All,
               "", /*IgnoreOptions=*/true);
  eachGrantee(Grants(From), Grants(To),
              [&](StringRef Grantee, StringRef F, StringRef T) {
                grantChanges(Out, What, granteeSQL(Grantee), F, T, All, "",
                             false);
              });
  return Out;
}

std::vector<std::string>
writeColumnPrivilegeChanges(StringRef Table, StringRef Column,
                            const std::vector<Grant> &From,
                            const std::vector<Grant> &To) {
  std::vector<std::string> Out;
  eachGrantee(From, To, [&](StringRef Grantee, StringRef F, StringRef T) {
    grantChanges(Out, Table, granteeSQL(Grantee), F, T,
                 allPrivileges(ACLKind::Column), Column, false);
  });
  return Out;
}

} // namespace sqlwriter
} // namespace bk
