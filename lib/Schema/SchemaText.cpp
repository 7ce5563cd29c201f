//===- SchemaText.cpp - Schema IR in the generic IR text ------------------===//
//
// One print*() and one read*() function per object kind. The printers and
// readers list attributes in the same order; docs/IR-Schema.md describes
// them.
//
//===----------------------------------------------------------------------===//

#include "bk/Schema/SchemaText.h"
#include "bk/Schema/Privileges.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;
using bk::irtext::Attr;
using bk::irtext::Item;
using bk::irtext::ItemReader;
using bk::irtext::Value;

namespace bk {
namespace schema {

//===----------------------------------------------------------------------===//
// Spellings
//===----------------------------------------------------------------------===//

namespace {
template <typename E> struct Spelling {
  E V;
  const char *Name;
};
} // namespace

static const Spelling<IdentityKind> IdentitySpellings[] = {
    {IdentityKind::None, "none"},
    {IdentityKind::Always, "always"},
    {IdentityKind::ByDefault, "by_default"},
};
static const Spelling<SortOrder> OrderSpellings[] = {
    {SortOrder::Default, "default"},
    {SortOrder::Asc, "asc"},
    {SortOrder::Desc, "desc"},
};
static const Spelling<NullsOrder> NullsSpellings[] = {
    {NullsOrder::Default, "default"},
    {NullsOrder::First, "first"},
    {NullsOrder::Last, "last"},
};
static const Spelling<ReferentialAction> ActionSpellings[] = {
    {ReferentialAction::NoAction, "no_action"},
    {ReferentialAction::Restrict, "restrict"},
    {ReferentialAction::Cascade, "cascade"},
    {ReferentialAction::SetNull, "set_null"},
    {ReferentialAction::SetDefault, "set_default"},
};
static const Spelling<MatchKind> MatchSpellings[] = {
    {MatchKind::Simple, "simple"},
    {MatchKind::Full, "full"},
    {MatchKind::Partial, "partial"},
};
static const Spelling<TriggerTiming> TimingSpellings[] = {
    {TriggerTiming::Before, "before"},
    {TriggerTiming::After, "after"},
    {TriggerTiming::InsteadOf, "instead_of"},
};
static const Spelling<TriggerEvent> EventSpellings[] = {
    {TE_Insert, "insert"},
    {TE_Update, "update"},
    {TE_Delete, "delete"},
    {TE_Truncate, "truncate"},
};
static const Spelling<PolicyCommand> CommandSpellings[] = {
    {PolicyCommand::All, "all"},       {PolicyCommand::Select, "select"},
    {PolicyCommand::Insert, "insert"}, {PolicyCommand::Update, "update"},
    {PolicyCommand::Delete, "delete"},
};
static const Spelling<PartitionStrategy> StrategySpellings[] = {
    {PartitionStrategy::None, "none"},
    {PartitionStrategy::Range, "range"},
    {PartitionStrategy::List, "list"},
    {PartitionStrategy::Hash, "hash"},
};
static const Spelling<Volatility> VolatilitySpellings[] = {
    {Volatility::Volatile, "volatile"},
    {Volatility::Stable, "stable"},
    {Volatility::Immutable, "immutable"},
};
static const Spelling<ParallelSafety> ParallelSpellings[] = {
    {ParallelSafety::Unsafe, "unsafe"},
    {ParallelSafety::Restricted, "restricted"},
    {ParallelSafety::Safe, "safe"},
};

template <typename E, size_t N>
static StringRef spell(const Spelling<E> (&Table)[N], E V) {
  for (const Spelling<E> &S : Table)
    if (S.V == V)
      return S.Name;
  llvm_unreachable("value without a spelling");
}

//===----------------------------------------------------------------------===//
// Qualified names in IR text
//===----------------------------------------------------------------------===//

// IR names are case-sensitive and unquoted; only a part that holds a '.' or
// a '"' (or is empty) is written in double quotes, with '"' doubled.
static std::string irNamePart(StringRef Part) {
  if (!Part.empty() && Part.find_first_of(".\"") == StringRef::npos)
    return Part.str();
  std::string Out = "\"";
  for (char C : Part) {
    if (C == '"')
      Out += '"';
    Out += C;
  }
  return Out + "\"";
}

static std::string irNameParts(ArrayRef<StringRef> Parts) {
  std::string Out;
  for (StringRef P : Parts) {
    if (!Out.empty())
      Out += '.';
    Out += irNamePart(P);
  }
  return Out;
}

static std::string irName(const QualifiedName &N) {
  if (N.Schema.empty())
    return irNamePart(N.Name);
  return irNamePart(N.Schema) + "." + irNamePart(N.Name);
}

/// Splits "a.b" / "a.\"b.c\"" into its parts; false when malformed.
static bool splitIRName(StringRef S, SmallVectorImpl<std::string> &Parts) {
  size_t I = 0;
  while (true) {
    std::string Part;
    if (I < S.size() && S[I] == '"') {
      if (!readQuotedIdentifier(S, I, Part))
        return false;
    } else {
      size_t End = S.find_first_of(".\"", I);
      if (End == StringRef::npos)
        End = S.size();
      Part = S.slice(I, End).str();
      I = End;
      if (Part.empty())
        return false;
    }
    Parts.push_back(std::move(Part));
    if (I == S.size())
      return true;
    if (S[I] != '.')
      return false;
    ++I;
  }
}

static std::string joinOptions(const Option &O) {
  return O.Name + "=" + O.Value;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

namespace {
class CatalogPrinter {
public:
  explicit CatalogPrinter(bool PrintLocations)
      : PrintLocations(PrintLocations) {}

  std::vector<Item> print(const Catalog &C);

private:
  Item named(StringRef Kind, StringRef Name, const Loc &L) const {
    Item I(Kind);
    I.arg(Value::name(Name));
    if (PrintLocations && L.isValid())
      I.Origin = L;
    return I;
  }

  Item printExtension(const Extension &E);
  Item printSchema(const Schema &S);
  Item printTable(const Table &T);
  Item printColumn(const Column &C);
  Item printConstraint(const Constraint &C);
  Item printIndex(const Index &I);
  Item printKey(StringRef Kind, const IndexKey &K);
  Item printTrigger(const Trigger &T);
  Item printPolicy(const Policy &P);
  Item printEnum(const EnumType &E);
  Item printDomain(const Domain &D);
  Item printComposite(const CompositeType &C);
  Item printRange(const RangeType &R);
  Item printSequence(const Sequence &S);
  Item printView(const View &V);
  Item printFunction(const Function &F);

  bool PrintLocations;
};
} // namespace

static Value optionList(const std::vector<Option> &Options) {
  std::vector<Value> Items;
  for (const Option &O : Options)
    Items.push_back(Value::name(joinOptions(O)));
  return Value::list(std::move(Items));
}

/// Adds Name = "S" unless S is empty: comments, expressions, queries and
/// bodies are always strings, so they read alike whatever they hold.
static void textAttr(Item &I, StringRef Name, StringRef S) {
  if (!S.empty())
    I.attr(Name, Value::string(S));
}

/// annotations = ("bk:...", "@renamed from=x"), when there are any.
static void annotationsAttr(Item &I, const std::vector<std::string> &A) {
  if (A.empty())
    return;
  std::vector<Value> Values;
  for (const std::string &S : A)
    Values.push_back(Value::string(S));
  I.attr("annotations", Value::list(std::move(Values)));
}

static void ownerAndComment(Item &I, StringRef Owner, StringRef Comment) {
  I.attrIfNotEmpty("owner", Owner);
  textAttr(I, "comment", Comment);
}

/// grants = ("=U", "reader=r*"): each grantee (empty for PUBLIC) with its
/// privilege letters, as an aclitem without its grantor.
static Value grantList(const std::vector<Grant> &Grants) {
  std::vector<Value> Values;
  for (const Grant &G : Grants)
    Values.push_back(Value::string(G.Grantee + "=" + G.Privileges));
  return Value::list(std::move(Values));
}

/// acl = (...) and owner_acl = "..." for an ACL that is not the default.
static void aclAttrs(Item &I, const ACL &A) {
  if (!A.Explicit)
    return;
  I.attr("acl", grantList(A.Grants));
  if (A.OwnerPrivileges)
    I.attr("owner_acl", Value::string(*A.OwnerPrivileges));
}

std::vector<Item> CatalogPrinter::print(const Catalog &C) {
  std::vector<Item> Items;
  for (const Extension &E : C.Extensions)
    Items.push_back(printExtension(E));
  for (const Schema &S : C.Schemas)
    Items.push_back(printSchema(S));
  return Items;
}

Item CatalogPrinter::printExtension(const Extension &E) {
  Item I = named("extension", E.Name, E.Location);
  I.attrIfNotEmpty("schema", E.Schema);
  textAttr(I, "version", E.Version);
  textAttr(I, "comment", E.Comment);
  return I;
}

Item CatalogPrinter::printSchema(const Schema &S) {
  Item I = named("schema", S.Name, S.Location);
  ownerAndComment(I, S.Owner, S.Comment);
  aclAttrs(I, S.Privileges);
  // A schema always has a body, even an empty one.
  I.HasBody = true;
  for (const EnumType &E : S.Enums)
    I.child(printEnum(E));
  for (const Domain &D : S.Domains)
    I.child(printDomain(D));
  for (const CompositeType &C : S.Composites)
    I.child(printComposite(C));
  for (const RangeType &R : S.Ranges)
    I.child(printRange(R));
  for (const Sequence &Seq : S.Sequences)
    I.child(printSequence(Seq));
  for (const Table &T : S.Tables)
    I.child(printTable(T));
  for (const View &V : S.Views)
    I.child(printView(V));
  for (const Function &F : S.Functions)
    I.child(printFunction(F));
  return I;
}

Item CatalogPrinter::printTable(const Table &T) {
  Item I = named("table", T.Name, T.Location);
  I.flag("unlogged", T.Unlogged);
  if (T.isPartitioned())
    I.attr("partition_by",
           Value::ident(spell(StrategySpellings, T.PartitionBy)));
  if (T.isPartition())
    I.attr("partition_of", Value::name(irName(T.PartitionOf)));
  textAttr(I, "bound", T.PartitionBound);
  if (!T.Inherits.empty()) {
    std::vector<Value> Parents;
    for (const QualifiedName &P : T.Inherits)
      Parents.push_back(Value::name(irName(P)));
    I.attr("inherits", Value::list(std::move(Parents)));
  }
  I.flag("row_security", T.RowSecurity);
  I.flag("force_row_security", T.ForceRowSecurity);
  if (!T.Options.empty())
    I.attr("options", optionList(T.Options));
  I.attrIfNotEmpty("tablespace", T.Tablespace);
  ownerAndComment(I, T.Owner, T.Comment);
  aclAttrs(I, T.Privileges);
  annotationsAttr(I, T.Annotations);
  I.HasBody = true;
  for (const Column &C : T.Columns)
    I.child(printColumn(C));
  for (const IndexKey &K : T.PartitionKeys)
    I.child(printKey("partition_key", K));
  for (const Constraint &C : T.Constraints)
    I.child(printConstraint(C));
  for (const Index &Idx : T.Indexes)
    I.child(printIndex(Idx));
  for (const Trigger &Trig : T.Triggers)
    I.child(printTrigger(Trig));
  for (const Policy &P : T.Policies)
    I.child(printPolicy(P));
  return I;
}

Item CatalogPrinter::printColumn(const Column &C) {
  Item I = named("column", C.Name, C.Location);
  I.arg(Value::name(C.Type));
  I.flag("not_null", C.NotNull);
  textAttr(I, "default", C.Default);
  if (C.isIdentity())
    I.attr("identity", Value::ident(spell(IdentitySpellings, C.Identity)));
  textAttr(I, "generated", C.Generated);
  I.attrIfNotEmpty("collation", C.Collation);
  textAttr(I, "comment", C.Comment);
  if (!C.Grants.empty())
    I.attr("acl", grantList(C.Grants));
  annotationsAttr(I, C.Annotations);
  return I;
}

static StringRef constraintKindName(ConstraintKind K) {
  switch (K) {
  case ConstraintKind::PrimaryKey:
    return "primary_key";
  case ConstraintKind::Unique:
    return "unique";
  case ConstraintKind::ForeignKey:
    return "foreign_key";
  case ConstraintKind::Check:
    return "check";
  case ConstraintKind::Exclude:
    return "exclude";
  }
  llvm_unreachable("unknown constraint kind");
}

Item CatalogPrinter::printConstraint(const Constraint &C) {
  Item I = named(constraintKindName(C.Kind), C.Name, C.Location);
  switch (C.Kind) {
  case ConstraintKind::PrimaryKey:
  case ConstraintKind::Unique:
    I.arg(Value::nameList(C.Columns));
    I.flag("nulls_not_distinct", C.NullsNotDistinct);
    if (!C.Include.empty())
      I.attr("include", Value::nameList(C.Include));
    break;
  case ConstraintKind::ForeignKey:
    I.arg(Value::nameList(C.Columns));
    I.attr("references", Value::name(irName(C.RefTable)));
    if (!C.RefColumns.empty())
      I.attr("ref_columns", Value::nameList(C.RefColumns));
    if (C.Match != MatchKind::Simple)
      I.attr("match", Value::ident(spell(MatchSpellings, C.Match)));
    if (C.OnDelete != ReferentialAction::NoAction)
      I.attr("on_delete", Value::ident(spell(ActionSpellings, C.OnDelete)));
    if (!C.OnDeleteSetColumns.empty())
      I.attr("on_delete_set", Value::nameList(C.OnDeleteSetColumns));
    if (C.OnUpdate != ReferentialAction::NoAction)
      I.attr("on_update", Value::ident(spell(ActionSpellings, C.OnUpdate)));
    break;
  case ConstraintKind::Check:
    I.attr("expr", Value::string(C.Expr));
    I.flag("no_inherit", C.NoInherit);
    break;
  case ConstraintKind::Exclude:
    I.attrIfNotEmpty("method", C.Method);
    if (!C.Include.empty())
      I.attr("include", Value::nameList(C.Include));
    textAttr(I, "where", C.Where);
    break;
  }
  I.flag("deferrable", C.Deferrable);
  I.flag("initially_deferred", C.InitiallyDeferred);
  I.flag("not_valid", C.NotValid);
  textAttr(I, "comment", C.Comment);
  annotationsAttr(I, C.Annotations);
  if (C.Kind == ConstraintKind::Exclude) {
    I.HasBody = true;
    for (const IndexKey &K : C.Elements)
      I.child(printKey("key", K));
  }
  return I;
}

Item CatalogPrinter::printKey(StringRef Kind, const IndexKey &K) {
  Item I = named(Kind, K.Text, K.Location);
  I.flag("expression", K.IsExpression);
  I.attrIfNotEmpty("collation", K.Collation);
  I.attrIfNotEmpty("opclass", K.OpClass);
  if (K.Order != SortOrder::Default)
    I.attr("order", Value::ident(spell(OrderSpellings, K.Order)));
  if (K.Nulls != NullsOrder::Default)
    I.attr("nulls", Value::ident(spell(NullsSpellings, K.Nulls)));
  if (!K.Operator.empty())
    I.attr("operator", Value::string(K.Operator));
  return I;
}

Item CatalogPrinter::printIndex(const Index &Idx) {
  Item I = named("index", Idx.Name, Idx.Location);
  I.flag("unique", Idx.Unique);
  I.flag("nulls_not_distinct", Idx.NullsNotDistinct);
  if (Idx.Method != "btree")
    I.attr("method", Value::name(Idx.Method));
  if (!Idx.Include.empty())
    I.attr("include", Value::nameList(Idx.Include));
  textAttr(I, "where", Idx.Where);
  if (!Idx.Options.empty())
    I.attr("options", optionList(Idx.Options));
  I.attrIfNotEmpty("tablespace", Idx.Tablespace);
  textAttr(I, "comment", Idx.Comment);
  annotationsAttr(I, Idx.Annotations);
  I.HasBody = true;
  for (const IndexKey &K : Idx.Keys)
    I.child(printKey("key", K));
  return I;
}

Item CatalogPrinter::printTrigger(const Trigger &T) {
  Item I = named("trigger", T.Name, T.Location);
  I.flag("constraint", T.IsConstraint);
  I.attr("timing", Value::ident(spell(TimingSpellings, T.Timing)));
  std::vector<Value> Events;
  for (const Spelling<TriggerEvent> &S : EventSpellings)
    if (T.hasEvent(S.V))
      Events.push_back(Value::ident(S.Name));
  I.attr("events", Value::list(std::move(Events)));
  if (!T.UpdateColumns.empty())
    I.attr("update_of", Value::nameList(T.UpdateColumns));
  if (T.ForEachRow)
    I.attr("for_each", Value::ident("row"));
  I.attr("function", Value::name(irName(T.Function)));
  if (!T.Arguments.empty()) {
    std::vector<Value> Args;
    for (const std::string &A : T.Arguments)
      Args.push_back(Value::string(A));
    I.attr("args", Value::list(std::move(Args)));
  }
  textAttr(I, "when", T.When);
  I.attrIfNotEmpty("old_table", T.OldTable);
  I.attrIfNotEmpty("new_table", T.NewTable);
  I.flag("deferrable", T.Deferrable);
  I.flag("initially_deferred", T.InitiallyDeferred);
  textAttr(I, "comment", T.Comment);
  return I;
}

Item CatalogPrinter::printPolicy(const Policy &P) {
  Item I = named("policy", P.Name, P.Location);
  if (P.Command != PolicyCommand::All)
    I.attr("command", Value::ident(spell(CommandSpellings, P.Command)));
  I.flag("restrictive", !P.Permissive);
  if (!P.Roles.empty())
    I.attr("roles", Value::nameList(P.Roles));
  textAttr(I, "using", P.Using);
  textAttr(I, "with_check", P.WithCheck);
  textAttr(I, "comment", P.Comment);
  return I;
}

Item CatalogPrinter::printEnum(const EnumType &E) {
  Item I = named("enum", E.Name, E.Location);
  std::vector<Value> Values;
  for (const std::string &V : E.Values)
    Values.push_back(Value::string(V));
  I.arg(Value::list(std::move(Values)));
  ownerAndComment(I, E.Owner, E.Comment);
  aclAttrs(I, E.Privileges);
  annotationsAttr(I, E.Annotations);
  return I;
}

Item CatalogPrinter::printDomain(const Domain &D) {
  Item I = named("domain", D.Name, D.Location);
  I.arg(Value::name(D.BaseType));
  I.flag("not_null", D.NotNull);
  textAttr(I, "default", D.Default);
  I.attrIfNotEmpty("collation", D.Collation);
  ownerAndComment(I, D.Owner, D.Comment);
  aclAttrs(I, D.Privileges);
  annotationsAttr(I, D.Annotations);
  for (const DomainCheck &C : D.Checks) {
    Item Check = named("check", C.Name, C.Location);
    Check.attr("expr", Value::string(C.Expr));
    Check.flag("not_valid", C.NotValid);
    I.child(std::move(Check));
  }
  return I;
}

Item CatalogPrinter::printComposite(const CompositeType &C) {
  Item I = named("composite", C.Name, C.Location);
  ownerAndComment(I, C.Owner, C.Comment);
  aclAttrs(I, C.Privileges);
  I.HasBody = true;
  for (const CompositeAttribute &A : C.Attributes) {
    Item Attr = named("attribute", A.Name, A.Location);
    Attr.arg(Value::name(A.Type));
    Attr.attrIfNotEmpty("collation", A.Collation);
    I.child(std::move(Attr));
  }
  return I;
}

Item CatalogPrinter::printRange(const RangeType &R) {
  Item I = named("range", R.Name, R.Location);
  I.arg(Value::name(R.Subtype));
  I.attrIfNotEmpty("subtype_opclass", R.SubtypeOpClass);
  I.attrIfNotEmpty("collation", R.Collation);
  I.attrIfNotEmpty("canonical", R.Canonical);
  I.attrIfNotEmpty("subtype_diff", R.SubtypeDiff);
  I.attrIfNotEmpty("multirange", R.MultirangeName);
  ownerAndComment(I, R.Owner, R.Comment);
  aclAttrs(I, R.Privileges);
  annotationsAttr(I, R.Annotations);
  return I;
}

Item CatalogPrinter::printSequence(const Sequence &S) {
  Item I = named("sequence", S.Name, S.Location);
  if (S.Type != "bigint")
    I.attr("type", Value::name(S.Type));
  if (S.Start)
    I.attr("start", Value::integer(*S.Start));
  if (S.Increment != 1)
    I.attr("increment", Value::integer(S.Increment));
  if (S.MinValue)
    I.attr("min", Value::integer(*S.MinValue));
  if (S.MaxValue)
    I.attr("max", Value::integer(*S.MaxValue));
  if (S.Cache != 1)
    I.attr("cache", Value::integer(S.Cache));
  I.flag("cycle", S.Cycle);
  if (!S.OwnedByTable.empty()) {
    SmallVector<StringRef, 3> Parts;
    if (!S.OwnedByTable.Schema.empty())
      Parts.push_back(S.OwnedByTable.Schema);
    Parts.push_back(S.OwnedByTable.Name);
    Parts.push_back(S.OwnedByColumn);
    I.attr("owned_by", Value::name(irNameParts(Parts)));
  }
  ownerAndComment(I, S.Owner, S.Comment);
  aclAttrs(I, S.Privileges);
  annotationsAttr(I, S.Annotations);
  return I;
}

Item CatalogPrinter::printView(const View &V) {
  Item I =
      named(V.Materialized ? "materialized_view" : "view", V.Name, V.Location);
  if (!V.Columns.empty())
    I.attr("columns", Value::nameList(V.Columns));
  if (!V.Options.empty())
    I.attr("options", optionList(V.Options));
  I.flag("with_no_data", V.WithNoData);
  I.attrIfNotEmpty("tablespace", V.Tablespace);
  I.attr("query", Value::string(V.Query));
  ownerAndComment(I, V.Owner, V.Comment);
  aclAttrs(I, V.Privileges);
  annotationsAttr(I, V.Annotations);
  for (const Index &Idx : V.Indexes)
    I.child(printIndex(Idx));
  for (const Trigger &T : V.Triggers)
    I.child(printTrigger(T));
  return I;
}

Item CatalogPrinter::printFunction(const Function &F) {
  bool IsProc = F.Kind == FunctionKind::Procedure;
  Item I = named(IsProc ? "procedure" : "function", F.Name, F.Location);
  I.arg(Value::string("(" + F.Arguments + ")"));
  if (!IsProc)
    I.attr("returns", Value::name(F.Returns));
  I.attrIfNotEmpty("language", F.Language);
  if (!IsProc) {
    if (F.Volatile != Volatility::Volatile)
      I.attr("volatility",
             Value::ident(spell(VolatilitySpellings, F.Volatile)));
    I.flag("strict", F.Strict);
    I.flag("leakproof", F.Leakproof);
    if (F.Parallel != ParallelSafety::Unsafe)
      I.attr("parallel", Value::ident(spell(ParallelSpellings, F.Parallel)));
    if (F.Cost)
      I.attr("cost", Value::integer(*F.Cost));
    if (F.Rows)
      I.attr("rows", Value::integer(*F.Rows));
  }
  I.flag("security_definer", F.SecurityDefiner);
  if (!F.Config.empty())
    I.attr("config", optionList(F.Config));
  I.attr("body", Value::string(F.Body));
  ownerAndComment(I, F.Owner, F.Comment);
  aclAttrs(I, F.Privileges);
  annotationsAttr(I, F.Annotations);
  return I;
}

std::vector<Item> toItems(const Catalog &C, bool PrintLocations) {
  return CatalogPrinter(PrintLocations).print(C);
}

void printCatalog(raw_ostream &OS, const Catalog &C, bool PrintLocations) {
  irtext::print(OS, toItems(C, PrintLocations));
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {
class CatalogReader {
public:
  explicit CatalogReader(DiagnosticEngine &Diags) : Diags(Diags) {}

  std::unique_ptr<Catalog> read(const std::vector<Item> &Items);

private:
  // Error reporting.
  void error(Loc L, const Twine &Msg) {
    Diags.error(L, Msg);
    Failed = true;
  }
  void unknownChild(const Item &Child, StringRef Parent, StringRef Expected) {
    error(Child.Location, "unknown item '" + Child.Kind + "' in " + Parent +
                              "; expected " + Expected);
  }
  void noBody(ItemReader &R) {
    if (R.item().HasBody)
      R.error("'" + R.item().Kind + "' takes no body");
  }
  void finish(ItemReader &R) {
    if (!R.finish())
      Failed = true;
  }

  // Values.
  bool args(ItemReader &R, unsigned N) {
    if (R.expectArgs(N, N))
      return true;
    Failed = true;
    return false;
  }
  std::vector<std::string> argList(ItemReader &R, unsigned N);
  template <typename E, size_t Size>
  E oneOf(ItemReader &R, StringRef Name, const Spelling<E> (&Table)[Size],
          E Default);
  template <typename E, size_t Size>
  E required(ItemReader &R, StringRef Name, const Spelling<E> (&Table)[Size]);
  std::string type(ItemReader &R, unsigned N);
  std::vector<Grant> grants(ItemReader &R);
  ACL acl(ItemReader &R);
  QualifiedName qualifiedName(ItemReader &R, StringRef Name);
  std::vector<QualifiedName> qualifiedNameList(ItemReader &R, StringRef Name);
  std::vector<Option> options(ItemReader &R, StringRef Name);

  // Objects.
  void readExtension(const Item &I, Catalog &C);
  void readSchema(const Item &I, Catalog &C);
  void readTable(const Item &I, Schema &S);
  void readColumn(const Item &I, Table &T);
  void readConstraint(const Item &I, Table &T);
  /// Where a key is read: index keys have an order, EXCLUDE elements an
  /// operator too, partition keys neither.
  enum KeyKind { IndexKeyKind, ExcludeKeyKind, PartitionKeyKind };
  IndexKey readKey(const Item &I, KeyKind Kind);
  void readIndex(const Item &I, std::vector<Index> &Indexes);
  void readTrigger(const Item &I, std::vector<Trigger> &Triggers);
  void readPolicy(const Item &I, Table &T);
  void readEnum(const Item &I, Schema &S);
  void readDomain(const Item &I, Schema &S);
  void readComposite(const Item &I, Schema &S);
  void readRange(const Item &I, Schema &S);
  void readSequence(const Item &I, Schema &S);
  void readView(const Item &I, Schema &S);
  void readFunction(const Item &I, Schema &S);

  DiagnosticEngine &Diags;
  bool Failed = false;
};
} // namespace

std::vector<std::string> CatalogReader::argList(ItemReader &R, unsigned N) {
  std::vector<std::string> Names;
  const Item &I = R.item();
  if (N >= I.Args.size())
    return Names;
  const Value &V = I.Args[N];
  if (!V.isList()) {
    error(V.Location.isValid() ? V.Location : I.Location,
          "expected a parenthesised list of names");
    return Names;
  }
  for (const Value &E : V.Items) {
    if (!E.isText()) {
      error(E.Location.isValid() ? E.Location : I.Location,
            "expected a name or a string");
      continue;
    }
    Names.push_back(E.Text);
  }
  return Names;
}

template <typename E, size_t Size>
E CatalogReader::oneOf(ItemReader &R, StringRef Name,
                       const Spelling<E> (&Table)[Size], E Default) {
  SmallVector<StringRef, 8> Choices;
  for (const Spelling<E> &S : Table)
    Choices.push_back(S.Name);
  std::string Chosen = R.oneOf(Name, Choices, spell(Table, Default));
  for (const Spelling<E> &S : Table)
    if (Chosen == S.Name)
      return S.V;
  Failed = true;
  return Default;
}

template <typename E, size_t Size>
E CatalogReader::required(ItemReader &R, StringRef Name,
                          const Spelling<E> (&Table)[Size]) {
  if (!R.item().findAttr(Name))
    R.error("'" + R.item().Kind + "' needs a '" + Name + "' attribute");
  return oneOf(R, Name, Table, Table[0].V);
}

std::vector<Grant> CatalogReader::grants(ItemReader &R) {
  std::vector<Grant> Out;
  for (const std::string &Text : R.textList("acl")) {
    // Role names may hold '='; privilege letters never do.
    size_t Eq = Text.rfind('=');
    std::string Letters =
        Eq == std::string::npos ? "" : canonicalPrivileges(Text.substr(Eq + 1));
    if (Eq == std::string::npos || Letters.size() != Text.size() - Eq - 1) {
      R.error(*R.item().findAttr("acl"),
              "expected \"grantee=privileges\" (privilege letters of "
              "arwdDxtXUCTcsAm, '*' after one held with grant option), got '" +
                  Text + "'");
      continue;
    }
    if (any_of(Out, [&](const Grant &G) {
          return G.Grantee == Text.substr(0, Eq);
        })) {
      R.error(*R.item().findAttr("acl"),
              "grantee '" + Text.substr(0, Eq) + "' is listed twice");
      continue;
    }
    Out.push_back(Grant{Text.substr(0, Eq), Letters});
  }
  llvm::sort(Out, [](const Grant &A, const Grant &B) {
    return A.Grantee < B.Grantee;
  });
  return Out;
}

ACL CatalogReader::acl(ItemReader &R) {
  ACL A;
  if (R.item().findAttr("acl")) {
    A.Explicit = true;
    A.Grants = grants(R);
  }
  if (Optional<std::string> Owner = R.optText("owner_acl")) {
    if (!A.Explicit)
      R.error(*R.item().findAttr("owner_acl"),
              "'owner_acl' needs an 'acl' attribute");
    A.Explicit = true;
    A.OwnerPrivileges = canonicalPrivileges(*Owner);
  }
  return A;
}

std::string CatalogReader::type(ItemReader &R, unsigned N) {
  std::string Type = normalizeTypeName(R.argText(N));
  if (Type.empty())
    R.error("expected a type name");
  return Type;
}

QualifiedName CatalogReader::qualifiedName(ItemReader &R, StringRef Name) {
  Optional<std::string> Text = R.optText(Name);
  if (!Text)
    return QualifiedName();
  SmallVector<std::string, 2> Parts;
  if (!splitIRName(*Text, Parts) || Parts.size() > 2) {
    R.error(*R.item().findAttr(Name),
            "expected a name or schema.name, got '" + *Text + "'");
    return QualifiedName();
  }
  if (Parts.size() == 1)
    return QualifiedName("", Parts[0]);
  return QualifiedName(Parts[0], Parts[1]);
}

std::vector<QualifiedName> CatalogReader::qualifiedNameList(ItemReader &R,
                                                            StringRef Name) {
  std::vector<QualifiedName> Names;
  for (const std::string &Text : R.textList(Name)) {
    SmallVector<std::string, 2> Parts;
    if (!splitIRName(Text, Parts) || Parts.size() > 2) {
      R.error(*R.item().findAttr(Name),
              "expected a name or schema.name, got '" + Text + "'");
      continue;
    }
    if (Parts.size() == 1)
      Names.emplace_back("", Parts[0]);
    else
      Names.emplace_back(Parts[0], Parts[1]);
  }
  return Names;
}

std::vector<Option> CatalogReader::options(ItemReader &R, StringRef Name) {
  std::vector<Option> Options;
  for (const std::string &Text : R.textList(Name)) {
    StringRef Key, Val;
    std::tie(Key, Val) = StringRef(Text).split('=');
    if (Key.empty() || Key.size() == Text.size()) {
      R.error(*R.item().findAttr(Name),
              "expected \"name=value\" options, got '" + Text + "'");
      continue;
    }
    Options.push_back({Key.str(), Val.str()});
  }
  return Options;
}

std::unique_ptr<Catalog> CatalogReader::read(const std::vector<Item> &Items) {
  auto C = std::make_unique<Catalog>();
  for (const Item &I : Items) {
    if (I.Kind == "extension")
      readExtension(I, *C);
    else if (I.Kind == "schema")
      readSchema(I, *C);
    else
      error(I.Location, "unknown item '" + I.Kind +
                            "' at top level; expected 'extension' or "
                            "'schema'");
  }
  if (Failed)
    return nullptr;
  return C;
}

void CatalogReader::readExtension(const Item &I, Catalog &C) {
  ItemReader R(Diags, I);
  Extension E;
  E.Location = R.loc();
  if (args(R, 1))
    E.Name = R.argText(0);
  E.Schema = R.text("schema");
  E.Version = R.text("version");
  E.Comment = R.text("comment");
  noBody(R);
  finish(R);
  C.Extensions.push_back(std::move(E));
}

void CatalogReader::readSchema(const Item &I, Catalog &C) {
  ItemReader R(Diags, I);
  C.Schemas.emplace_back();
  Schema &S = C.Schemas.back();
  S.Location = R.loc();
  if (args(R, 1))
    S.Name = R.argText(0);
  S.Owner = R.text("owner");
  S.Privileges = acl(R);
  S.Comment = R.text("comment");
  finish(R);
  for (const Item &Child : I.Children) {
    StringRef K = Child.Kind;
    if (K == "table")
      readTable(Child, S);
    else if (K == "enum")
      readEnum(Child, S);
    else if (K == "domain")
      readDomain(Child, S);
    else if (K == "composite")
      readComposite(Child, S);
    else if (K == "range")
      readRange(Child, S);
    else if (K == "sequence")
      readSequence(Child, S);
    else if (K == "view" || K == "materialized_view")
      readView(Child, S);
    else if (K == "function" || K == "procedure")
      readFunction(Child, S);
    else
      unknownChild(Child, "schema '" + S.Name + "'",
                   "table, enum, domain, composite, range, sequence, view, "
                   "materialized_view, function or procedure");
  }
}

void CatalogReader::readTable(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  S.Tables.emplace_back();
  Table &T = S.Tables.back();
  T.Location = R.loc();
  if (args(R, 1))
    T.Name = R.argText(0);
  T.Unlogged = R.flag("unlogged");
  T.PartitionBy =
      oneOf(R, "partition_by", StrategySpellings, PartitionStrategy::None);
  T.PartitionOf = qualifiedName(R, "partition_of");
  T.PartitionBound = R.text("bound");
  T.Inherits = qualifiedNameList(R, "inherits");
  T.RowSecurity = R.flag("row_security");
  T.ForceRowSecurity = R.flag("force_row_security");
  T.Options = options(R, "options");
  T.Tablespace = R.text("tablespace");
  T.Owner = R.text("owner");
  T.Privileges = acl(R);
  T.Comment = R.text("comment");
  T.Annotations = R.textList("annotations");
  finish(R);
  for (const Item &Child : I.Children) {
    StringRef K = Child.Kind;
    if (K == "column")
      readColumn(Child, T);
    else if (K == "partition_key")
      T.PartitionKeys.push_back(readKey(Child, PartitionKeyKind));
    else if (K == "primary_key" || K == "unique" || K == "foreign_key" ||
             K == "check" || K == "exclude")
      readConstraint(Child, T);
    else if (K == "index")
      readIndex(Child, T.Indexes);
    else if (K == "trigger")
      readTrigger(Child, T.Triggers);
    else if (K == "policy")
      readPolicy(Child, T);
    else
      unknownChild(Child, "table '" + T.Name + "'",
                   "column, partition_key, primary_key, unique, "
                   "foreign_key, check, exclude, index, trigger or policy");
  }
}

void CatalogReader::readColumn(const Item &I, Table &T) {
  ItemReader R(Diags, I);
  Column C;
  C.Location = R.loc();
  if (args(R, 2)) {
    C.Name = R.argText(0);
    C.Type = type(R, 1);
  }
  C.NotNull = R.flag("not_null");
  C.Default = R.text("default");
  C.Identity = oneOf(R, "identity", IdentitySpellings, IdentityKind::None);
  C.Generated = R.text("generated");
  C.Collation = R.text("collation");
  C.Comment = R.text("comment");
  C.Grants = grants(R);
  C.Annotations = R.textList("annotations");
  noBody(R);
  finish(R);
  T.Columns.push_back(std::move(C));
}

void CatalogReader::readConstraint(const Item &I, Table &T) {
  ItemReader R(Diags, I);
  Constraint C;
  C.Location = R.loc();
  StringRef K = I.Kind;
  bool HasColumns = K == "primary_key" || K == "unique" || K == "foreign_key";
  if (args(R, HasColumns ? 2 : 1)) {
    C.Name = R.argText(0);
    if (HasColumns)
      C.Columns = argList(R, 1);
  }
  if (K == "primary_key" || K == "unique") {
    C.Kind =
        K == "unique" ? ConstraintKind::Unique : ConstraintKind::PrimaryKey;
    C.NullsNotDistinct = R.flag("nulls_not_distinct");
    C.Include = R.textList("include");
  } else if (K == "foreign_key") {
    C.Kind = ConstraintKind::ForeignKey;
    if (!I.findAttr("references"))
      R.error("'foreign_key' needs a 'references' attribute");
    C.RefTable = qualifiedName(R, "references");
    C.RefColumns = R.textList("ref_columns");
    C.Match = oneOf(R, "match", MatchSpellings, MatchKind::Simple);
    C.OnDelete =
        oneOf(R, "on_delete", ActionSpellings, ReferentialAction::NoAction);
    C.OnDeleteSetColumns = R.textList("on_delete_set");
    C.OnUpdate =
        oneOf(R, "on_update", ActionSpellings, ReferentialAction::NoAction);
  } else if (K == "check") {
    C.Kind = ConstraintKind::Check;
    if (!I.findAttr("expr"))
      R.error("'check' needs an 'expr' attribute");
    C.Expr = R.text("expr");
    C.NoInherit = R.flag("no_inherit");
  } else {
    C.Kind = ConstraintKind::Exclude;
    C.Method = R.text("method");
    C.Include = R.textList("include");
    C.Where = R.text("where");
  }
  C.Deferrable = R.flag("deferrable");
  C.InitiallyDeferred = R.flag("initially_deferred");
  C.NotValid = R.flag("not_valid");
  C.Comment = R.text("comment");
  C.Annotations = R.textList("annotations");
  if (C.Kind != ConstraintKind::Exclude)
    noBody(R);
  finish(R);
  for (const Item &Child : I.Children) {
    if (Child.Kind == "key")
      C.Elements.push_back(readKey(Child, ExcludeKeyKind));
    else
      unknownChild(Child, "constraint '" + C.Name + "'", "key");
  }
  T.Constraints.push_back(std::move(C));
}

IndexKey CatalogReader::readKey(const Item &I, KeyKind Kind) {
  ItemReader R(Diags, I);
  IndexKey K;
  K.Location = R.loc();
  if (args(R, 1))
    K.Text = R.argText(0);
  K.IsExpression = R.flag("expression");
  K.Collation = R.text("collation");
  K.OpClass = R.text("opclass");
  if (Kind != PartitionKeyKind) {
    K.Order = oneOf(R, "order", OrderSpellings, SortOrder::Default);
    K.Nulls = oneOf(R, "nulls", NullsSpellings, NullsOrder::Default);
  }
  if (Kind == ExcludeKeyKind)
    K.Operator = R.text("operator");
  noBody(R);
  finish(R);
  return K;
}

void CatalogReader::readIndex(const Item &I, std::vector<Index> &Indexes) {
  ItemReader R(Diags, I);
  Index Idx;
  Idx.Location = R.loc();
  if (args(R, 1))
    Idx.Name = R.argText(0);
  Idx.Unique = R.flag("unique");
  Idx.NullsNotDistinct = R.flag("nulls_not_distinct");
  Idx.Method = R.text("method", "btree");
  Idx.Include = R.textList("include");
  Idx.Where = R.text("where");
  Idx.Options = options(R, "options");
  Idx.Tablespace = R.text("tablespace");
  Idx.Comment = R.text("comment");
  Idx.Annotations = R.textList("annotations");
  finish(R);
  for (const Item &Child : I.Children) {
    if (Child.Kind == "key")
      Idx.Keys.push_back(readKey(Child, IndexKeyKind));
    else
      unknownChild(Child, "index '" + Idx.Name + "'", "key");
  }
  Indexes.push_back(std::move(Idx));
}

void CatalogReader::readTrigger(const Item &I, std::vector<Trigger> &Triggers) {
  ItemReader R(Diags, I);
  Trigger T;
  T.Location = R.loc();
  if (args(R, 1))
    T.Name = R.argText(0);
  T.IsConstraint = R.flag("constraint");
  T.Timing = required(R, "timing", TimingSpellings);
  if (const Attr *A = I.findAttr("events")) {
    for (const std::string &E : R.textList("events")) {
      auto It =
          llvm::find_if(EventSpellings, [&](const Spelling<TriggerEvent> &S) {
            return E == S.Name;
          });
      if (It == std::end(EventSpellings)) {
        R.error(*A, "unknown trigger event '" + E +
                        "'; expected insert, update, delete or truncate");
        continue;
      }
      T.Events |= It->V;
    }
  } else {
    R.error("'trigger' needs an 'events' attribute");
  }
  T.UpdateColumns = R.textList("update_of");
  T.ForEachRow =
      R.oneOf("for_each", {"row", "statement"}, "statement") == "row";
  if (!I.findAttr("function"))
    R.error("'trigger' needs a 'function' attribute");
  T.Function = qualifiedName(R, "function");
  T.Arguments = R.textList("args");
  T.When = R.text("when");
  T.OldTable = R.text("old_table");
  T.NewTable = R.text("new_table");
  T.Deferrable = R.flag("deferrable");
  T.InitiallyDeferred = R.flag("initially_deferred");
  T.Comment = R.text("comment");
  noBody(R);
  finish(R);
  Triggers.push_back(std::move(T));
}

void CatalogReader::readPolicy(const Item &I, Table &T) {
  ItemReader R(Diags, I);
  Policy P;
  P.Location = R.loc();
  if (args(R, 1))
    P.Name = R.argText(0);
  P.Command = oneOf(R, "command", CommandSpellings, PolicyCommand::All);
  P.Permissive = !R.flag("restrictive");
  P.Roles = R.textList("roles");
  P.Using = R.text("using");
  P.WithCheck = R.text("with_check");
  P.Comment = R.text("comment");
  noBody(R);
  finish(R);
  T.Policies.push_back(std::move(P));
}

void CatalogReader::readEnum(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  EnumType E;
  E.Location = R.loc();
  if (args(R, 2)) {
    E.Name = R.argText(0);
    E.Values = argList(R, 1);
  }
  E.Owner = R.text("owner");
  E.Privileges = acl(R);
  E.Comment = R.text("comment");
  E.Annotations = R.textList("annotations");
  noBody(R);
  finish(R);
  S.Enums.push_back(std::move(E));
}

void CatalogReader::readDomain(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  Domain D;
  D.Location = R.loc();
  if (args(R, 2)) {
    D.Name = R.argText(0);
    D.BaseType = type(R, 1);
  }
  D.NotNull = R.flag("not_null");
  D.Default = R.text("default");
  D.Collation = R.text("collation");
  D.Owner = R.text("owner");
  D.Privileges = acl(R);
  D.Comment = R.text("comment");
  D.Annotations = R.textList("annotations");
  finish(R);
  for (const Item &Child : I.Children) {
    if (Child.Kind != "check") {
      unknownChild(Child, "domain '" + D.Name + "'", "check");
      continue;
    }
    ItemReader CR(Diags, Child);
    DomainCheck C;
    C.Location = CR.loc();
    if (args(CR, 1))
      C.Name = CR.argText(0);
    if (!Child.findAttr("expr"))
      CR.error("'check' needs an 'expr' attribute");
    C.Expr = CR.text("expr");
    C.NotValid = CR.flag("not_valid");
    noBody(CR);
    finish(CR);
    D.Checks.push_back(std::move(C));
  }
  S.Domains.push_back(std::move(D));
}

void CatalogReader::readComposite(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  CompositeType C;
  C.Location = R.loc();
  if (args(R, 1))
    C.Name = R.argText(0);
  C.Owner = R.text("owner");
  C.Privileges = acl(R);
  C.Comment = R.text("comment");
  finish(R);
  for (const Item &Child : I.Children) {
    if (Child.Kind != "attribute") {
      unknownChild(Child, "composite '" + C.Name + "'", "attribute");
      continue;
    }
    ItemReader AR(Diags, Child);
    CompositeAttribute A;
    A.Location = AR.loc();
    if (args(AR, 2)) {
      A.Name = AR.argText(0);
      A.Type = type(AR, 1);
    }
    A.Collation = AR.text("collation");
    noBody(AR);
    finish(AR);
    C.Attributes.push_back(std::move(A));
  }
  S.Composites.push_back(std::move(C));
}

void CatalogReader::readRange(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  RangeType RT;
  RT.Location = R.loc();
  if (args(R, 2)) {
    RT.Name = R.argText(0);
    RT.Subtype = type(R, 1);
  }
  RT.SubtypeOpClass = R.text("subtype_opclass");
  RT.Collation = R.text("collation");
  RT.Canonical = R.text("canonical");
  RT.SubtypeDiff = R.text("subtype_diff");
  RT.MultirangeName = R.text("multirange");
  RT.Owner = R.text("owner");
  RT.Privileges = acl(R);
  RT.Comment = R.text("comment");
  RT.Annotations = R.textList("annotations");
  noBody(R);
  finish(R);
  S.Ranges.push_back(std::move(RT));
}

void CatalogReader::readSequence(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  Sequence Seq;
  Seq.Location = R.loc();
  if (args(R, 1))
    Seq.Name = R.argText(0);
  Seq.Type = normalizeTypeName(R.text("type", "bigint"));
  Seq.Start = R.integer("start");
  Seq.Increment = R.integer("increment").getValueOr(1);
  Seq.MinValue = R.integer("min");
  Seq.MaxValue = R.integer("max");
  Seq.Cache = R.integer("cache").getValueOr(1);
  Seq.Cycle = R.flag("cycle");
  if (Optional<std::string> Owned = R.optText("owned_by")) {
    SmallVector<std::string, 3> Parts;
    if (!splitIRName(*Owned, Parts) || Parts.size() < 2 || Parts.size() > 3) {
      R.error(*I.findAttr("owned_by"),
              "expected table.column or schema.table.column, got '" + *Owned +
                  "'");
    } else {
      Seq.OwnedByColumn = Parts.back();
      Seq.OwnedByTable.Name = Parts[Parts.size() - 2];
      if (Parts.size() == 3)
        Seq.OwnedByTable.Schema = Parts[0];
    }
  }
  Seq.Owner = R.text("owner");
  Seq.Privileges = acl(R);
  Seq.Comment = R.text("comment");
  Seq.Annotations = R.textList("annotations");
  noBody(R);
  finish(R);
  S.Sequences.push_back(std::move(Seq));
}

void CatalogReader::readView(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  View V;
  V.Location = R.loc();
  V.Materialized = I.Kind == "materialized_view";
  if (args(R, 1))
    V.Name = R.argText(0);
  V.Columns = R.textList("columns");
  V.Options = options(R, "options");
  if (V.Materialized) {
    V.WithNoData = R.flag("with_no_data");
    V.Tablespace = R.text("tablespace");
  }
  if (!I.findAttr("query"))
    R.error("'" + I.Kind + "' needs a 'query' attribute");
  V.Query = R.text("query");
  V.Owner = R.text("owner");
  V.Privileges = acl(R);
  V.Comment = R.text("comment");
  V.Annotations = R.textList("annotations");
  finish(R);
  for (const Item &Child : I.Children) {
    if (V.Materialized && Child.Kind == "index")
      readIndex(Child, V.Indexes);
    else if (!V.Materialized && Child.Kind == "trigger")
      readTrigger(Child, V.Triggers);
    else
      unknownChild(Child, "view '" + V.Name + "'",
                   V.Materialized ? "index" : "trigger");
  }
  S.Views.push_back(std::move(V));
}

void CatalogReader::readFunction(const Item &I, Schema &S) {
  ItemReader R(Diags, I);
  Function F;
  F.Location = R.loc();
  bool IsProc = I.Kind == "procedure";
  F.Kind = IsProc ? FunctionKind::Procedure : FunctionKind::Function;
  if (args(R, 2)) {
    F.Name = R.argText(0);
    StringRef Args = I.Args[1].Text;
    if (!I.Args[1].isText() || !Args.startswith("(") || !Args.endswith(")"))
      R.error("expected the argument list in parentheses, as \"(a integer)\"");
    else
      F.Arguments = Args.drop_front().drop_back().str();
  }
  if (!IsProc) {
    if (!I.findAttr("returns"))
      R.error("'function' needs a 'returns' attribute");
    F.Returns = R.text("returns");
  }
  F.Language = R.text("language");
  if (!IsProc) {
    F.Volatile =
        oneOf(R, "volatility", VolatilitySpellings, Volatility::Volatile);
    F.Strict = R.flag("strict");
    F.Leakproof = R.flag("leakproof");
    F.Parallel =
        oneOf(R, "parallel", ParallelSpellings, ParallelSafety::Unsafe);
    F.Cost = R.integer("cost");
    F.Rows = R.integer("rows");
  }
  F.SecurityDefiner = R.flag("security_definer");
  F.Config = options(R, "config");
  F.Body = R.text("body");
  F.Owner = R.text("owner");
  F.Privileges = acl(R);
  F.Comment = R.text("comment");
  F.Annotations = R.textList("annotations");
  noBody(R);
  finish(R);
  S.Functions.push_back(std::move(F));
}

std::unique_ptr<Catalog> readCatalog(Context &Ctx,
                                     const std::vector<Item> &Items) {
  return CatalogReader(Ctx.getDiags()).read(Items);
}

std::unique_ptr<Catalog> parseCatalog(Context &Ctx, unsigned BufferID) {
  Optional<std::vector<Item>> Items = irtext::parse(Ctx, BufferID);
  if (!Items)
    return nullptr;
  return readCatalog(Ctx, *Items);
}

bool isSchemaIR(const std::vector<Item> &Items) {
  return !Items.empty() &&
         (Items.front().Kind == "extension" || Items.front().Kind == "schema");
}

} // namespace schema
} // namespace bk
