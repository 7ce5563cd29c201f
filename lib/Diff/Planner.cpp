//===- Planner.cpp - Two catalogs in, ordered migration steps out ---------===//
//
// One direction of a migration, From → To, in five phases:
//
//   1. renames declared in To (ALTER ... RENAME), applied to a copy of From;
//   2. early drops: what depends on something that changes or goes away
//      (triggers, policies, views, foreign keys, constraints, indexes,
//      functions that must be recreated), dependants first;
//   3. the SQLWriter's statements for To, in its order, keeping only those
//      of objects to create, with each changed object's ALTER steps at the
//      place of its CREATE statement (so a column changes after the types it
//      needs exist and before the indexes and views that use it);
//   4. comments, owners and OWNED BY of objects that stay;
//   5. late drops: tables, sequences, functions, types, extensions and
//      schemas that are gone, in the reverse of From's creation order.
//
//===----------------------------------------------------------------------===//

#include "DiffInternal.h"

#include "bk/SQLWriter/SQLText.h"
#include "bk/SQLWriter/SQLWriter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

using namespace llvm;
using namespace bk::schema;
using namespace bk::sqlwriter;
using namespace bk::diff::detail;

namespace bk {
namespace diff {

std::vector<std::string> riskNames(unsigned Risks) {
  std::vector<std::string> Out;
  if (Risks & RiskRewrite)
    Out.push_back("table rewrite");
  if (Risks & RiskScan)
    Out.push_back("full scan");
  if (Risks & RiskDataLoss)
    Out.push_back("data loss");
  if (Risks & RiskMayFail)
    Out.push_back("may fail on existing rows");
  return Out;
}

bool Script::needsNoTransaction() const {
  return any_of(Steps, [](const Step &S) { return S.NoTransaction; });
}

static const char *const AccessExclusive = "ACCESS EXCLUSIVE";
static const char *const ShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";
static const char *const ShareRowExclusive = "SHARE ROW EXCLUSIVE";

static std::string qname(const Schema &S, StringRef Name) {
  return QualifiedName(S.Name, Name).sql();
}
static std::string qstr(const Schema &S, StringRef Name) {
  return QualifiedName(S.Name, Name).str();
}
/// Overloads told apart by their argument types, compared loosely (a dump
/// qualifies public.customer where the file wrote customer).
static std::string functionKey(const Function &F) {
  return F.Name + "(" +
         canonicalExpression(functionIdentityArguments(F.Arguments)) + ")";
}

/// Functions PostgreSQL evaluates per row (a column added with one of them
/// as its default rewrites the table).
static bool isVolatileDefault(StringRef Expr) {
  std::set<std::string> Names = referencedNames(Expr);
  for (StringRef F :
       {"random", "clock_timestamp", "gen_random_uuid", "uuid_generate_v1",
        "uuid_generate_v4", "nextval", "timeofday", "txid_current"})
    if (Names.count(F.str()))
      return true;
  return false;
}

namespace {

/// Tables and sequences of a catalog by (schema, name): the planner looks
/// objects up inside loops over every table, and a schema may have
/// thousands (Schema::findTable is a linear search).
class Lookup {
public:
  void build(const Catalog &C) {
    Tables.clear();
    Sequences.clear();
    for (const Schema &S : C.Schemas) {
      for (const Table &T : S.Tables)
        Tables.try_emplace(key(S.Name, T.Name), &T);
      for (const Sequence &Q : S.Sequences)
        Sequences.try_emplace(key(S.Name, Q.Name), &Q);
    }
  }
  const Table *table(StringRef S, StringRef N) const {
    return Tables.lookup(key(S, N));
  }
  const Sequence *sequence(StringRef S, StringRef N) const {
    return Sequences.lookup(key(S, N));
  }

private:
  static std::string key(StringRef S, StringRef N) {
    return (S + Twine('\0') + N).str();
  }
  StringMap<const Table *> Tables;
  StringMap<const Sequence *> Sequences;
};

class Planner {
public:
  Planner(const Catalog &From, const Catalog &To,
          const std::vector<Rename> &Renames, const DiffOptions &Opts,
          DiagnosticEngine &Diags, bool IsDown)
      : Cur(From), To(To), Renames(Renames), Opts(Opts), Diags(Diags),
        IsDown(IsDown) {}

  bool run(Script &Out);

private:
  Catalog Cur;
  const Catalog &To;
  /// Lookups into Cur (built once the renames are applied) and To.
  Lookup CurIndex, ToIndex;
  const std::vector<Rename> &Renames;
  const DiffOptions &Opts;
  DiagnosticEngine &Diags;
  bool IsDown;
  bool Failed = false;

  // Phase outputs.
  std::vector<Step> RenameSteps;
  /// Early drops by group (triggers, policies, views, foreign keys, other
  /// constraints, indexes, functions), each in its own order.
  std::vector<Step> DropTriggers, DropPolicies, DropFKs, DropConstraints,
      DropIndexes, DropFunctions, DropTablesEarly;
  /// Ordered at assembly by From's creation order.
  std::vector<Step> DropViews;
  std::map<std::string, std::vector<Step>> SlotSteps;
  std::set<std::string> CreateLabels, ReplaceLabels;
  std::vector<Step> PostSteps;
  /// Late drops with their position in From's creation order.
  std::vector<Step> LateDrops;

  // What the phases learn about each other.
  /// Relations (by unqualified name) whose columns change shape: views
  /// over them are recreated.
  std::set<std::string> ChangedRelations;
  std::set<std::string> RecreatedFunctions;
  /// The ALTER TYPE ... ADD VALUE statements (PostgreSQL refuses to use a
  /// new enum value in the transaction that added it).
  std::set<std::string> AddedEnumValues;
  /// How a column's values move from a type recreated under a temporary
  /// name to its new definition.
  struct TypeSwap {
    enum ConversionKind {
      /// col::text::new: enums (values kept by label), ranges, and
      /// composites whose attributes keep their positions.
      ViaText,
      /// col::new: a domain over another base type casts through it.
      Direct,
      /// ROW((col).a, (col).b::t, NULL::u)::new: a composite whose
      /// attributes were added, dropped or moved as well.
      Rows,
    } Kind = ViaText;
    /// Rows: the new attributes, each with its old type ("" if it is new).
    std::vector<std::tuple<std::string, std::string, std::string>> Fields;
    /// The conversion drops values: a composite's attribute dropped or
    /// narrowed, a domain's base type narrowed.
    bool LosesData = false;
  };
  /// Types recreated under a temporary name: (schema, name).
  std::map<std::pair<std::string, std::string>, TypeSwap> SwappedTypes;
  /// Whether a table column of Cur uses type Name of S (also as an array);
  /// returns a type (composite or domain) of Cur that uses it, or "".
  std::string typeUsers(const Schema &S, StringRef Name,
                        bool &UsedByColumn) const;
  /// Renames type Name of S to a free temporary name, marks the new
  /// definition for creation and the temporary one for dropping.
  void swapType(const Schema &S, StringRef Kind, StringRef Name, TypeSwap How);
  /// The USING expression that converts column Col (of type Type) for a
  /// swapped type; "" when there is none.
  std::string swapConversion(const TypeSwap &How, StringRef Col, StringRef Type,
                             Loc L);
  /// Tables dropped or recreated: (schema, name).
  std::set<std::pair<std::string, std::string>> DroppedTables;
  std::set<std::pair<std::string, std::string>> RecreatedTables;
  /// Columns dropped: (schema, table, column).
  std::set<std::tuple<std::string, std::string, std::string>> DroppedColumns;

  // Steps.
  Step make(ChangeKind K, std::string Object, std::string SQL,
            StringRef Lock = "", StringRef Rel = "", unsigned Risks = 0) {
    Step S;
    S.Change = K;
    S.Object = std::move(Object);
    S.SQL = std::move(SQL);
    S.Lock = Lock.str();
    S.LockedRelation = Rel.str();
    S.Risks = Risks;
    return S;
  }
  void slot(const std::string &Label, Step S) {
    SlotSteps[Label].push_back(std::move(S));
  }
  void lateDrop(const std::string &Label, Step S) {
    S.Object = Label;
    LateDrops.push_back(std::move(S));
  }
  /// Refuses a destructive change unless allowed; true when refused.
  bool refuse(Loc L, const Twine &What) {
    if (IsDown || Opts.AllowDestructive)
      return false;
    Diags.error(L, "refusing to " + What +
                       " (pass --allow-destructive to allow it)");
    Failed = true;
    return true;
  }
  void unsupported(Loc L, const Twine &What) {
    Diags.error(L, What);
    Failed = true;
  }
  std::string restoredNote() const {
    return IsDown ? "restores the definition only: data the up migration "
                    "dropped is not restored"
                  : "";
  }
  const Table *curTable(StringRef S, StringRef N) const {
    return CurIndex.table(S, N);
  }
  const Table *toTable(StringRef S, StringRef N) const {
    return ToIndex.table(S, N);
  }
  bool tableKept(const Schema &S, const Table &T) const {
    return curTable(S.Name, T.Name) && !RecreatedTables.count({S.Name, T.Name});
  }

  void applyRenames();
  void matchRenamedParts();
  void diffSchemas();
  void diffTypes();
  void diffEnum(const Schema &S, const EnumType &Old, const EnumType &New);
  void diffDomain(const Schema &S, const Domain &Old, const Domain &New);
  void diffComposite(const Schema &S, const CompositeType &Old,
                     const CompositeType &New);
  void diffRange(const Schema &S, const RangeType &Old, const RangeType &New);
  /// A domain or range whose element type (or more) changes: refused when
  /// the element narrows, an error when another type uses it, else swapped.
  void swapRedefinedType(const Schema &S, StringRef Kind, StringRef Name,
                         StringRef OldElement, StringRef NewElement, Loc L,
                         TypeSwap::ConversionKind Conversion);
  /// After type Name of S is swapped: swaps the types that use it (and so
  /// on), unchanged themselves; an error for one that changes too.
  void swapUsers(const Schema &S, StringRef Kind, StringRef Name, Loc L);
  void diffFunctions();
  void diffSequences();
  void diffTables();
  void diffTable(const Schema &S, const Table &Old, const Table &New);
  void diffColumn(const Schema &S, const Table &T, const Column &Old,
                  const Column &New);
  void addInlineConstraint(const Schema &S, const Table &T,
                           const Constraint &K);
  void diffTableParts(const Schema &S, const Table &Old, const Table &New,
                      bool ColumnsChanged);
  void dropTable(const Schema &S, const Table &T, bool Recreate);
  void diffViews();
  void diffComments();
  void warnLikelyRenames();
  void assemble(Script &Out);
  Step createStep(const Statement &St);
};

} // namespace

//===----------------------------------------------------------------------===//
// Renames
//===----------------------------------------------------------------------===//

/// Renames every reference to table (S, Old) in C.
static void renameTableRefs(Catalog &C, StringRef S, StringRef Old,
                            StringRef New) {
  auto Fix = [&](QualifiedName &N, StringRef Owner) {
    StringRef NS = N.Schema.empty() ? Owner : StringRef(N.Schema);
    if (NS == S && N.Name == Old)
      N.Name = New.str();
  };
  for (Schema &Sc : C.Schemas) {
    for (Table &T : Sc.Tables) {
      for (Constraint &K : T.Constraints)
        if (K.Kind == ConstraintKind::ForeignKey)
          Fix(K.RefTable, Sc.Name);
      if (T.isPartition())
        Fix(T.PartitionOf, Sc.Name);
      for (QualifiedName &P : T.Inherits)
        Fix(P, Sc.Name);
    }
    for (Sequence &Q : Sc.Sequences)
      if (!Q.OwnedByTable.empty())
        Fix(Q.OwnedByTable, Sc.Name);
  }
}

/// Renames column Old of table (S, T) and every reference to it by name.
static void renameColumnRefs(Catalog &C, Schema &S, Table &T, StringRef Old,
                             StringRef New) {
  auto Fix = [&](std::vector<std::string> &Names) {
    for (std::string &N : Names)
      if (N == Old)
        N = New.str();
  };
  // Partitions share their parent's columns.
  std::vector<Table *> Tables = {&T};
  for (Table &P : S.Tables)
    if (P.isPartition() && P.PartitionOf.Name == T.Name &&
        (P.PartitionOf.Schema.empty() || P.PartitionOf.Schema == S.Name))
      Tables.push_back(&P);
  for (Table *X : Tables) {
    if (Column *Col = X->findColumn(Old))
      Col->Name = New.str();
    for (Constraint &K : X->Constraints) {
      Fix(K.Columns);
      Fix(K.Include);
      Fix(K.OnDeleteSetColumns);
    }
    for (Index &I : X->Indexes) {
      for (IndexKey &K : I.Keys)
        if (!K.IsExpression && K.Text == Old)
          K.Text = New.str();
      Fix(I.Include);
    }
    for (Trigger &Tr : X->Triggers)
      Fix(Tr.UpdateColumns);
    for (IndexKey &K : X->PartitionKeys)
      if (!K.IsExpression && K.Text == Old)
        K.Text = New.str();
  }
  for (Schema &Sc : C.Schemas) {
    for (Table &Other : Sc.Tables)
      for (Constraint &K : Other.Constraints)
        if (K.Kind == ConstraintKind::ForeignKey &&
            (K.RefTable.Schema.empty() ? Sc.Name : K.RefTable.Schema) ==
                S.Name &&
            K.RefTable.Name == T.Name)
          Fix(K.RefColumns);
    for (Sequence &Q : Sc.Sequences)
      if (Q.OwnedByTable.Name == T.Name && Q.OwnedByColumn == Old)
        Q.OwnedByColumn = New.str();
  }
}

void Planner::applyRenames() {
  for (const Rename &R : Renames) {
    // The down script undoes the renames: New → Old.
    StringRef From = IsDown ? R.NewName : R.OldName;
    StringRef ToName = IsDown ? R.OldName : R.NewName;
    Schema *S = Cur.findSchema(R.Schema);
    const Schema *TS = To.findSchema(R.Schema);
    if (!S || !TS)
      continue;
    // Only a rename the target agrees with: the new name there, the old
    // one gone (diffing a schema against itself renames nothing).
    auto TargetHas = [&](StringRef Name) -> bool {
      switch (R.Kind) {
      case RenameKind::Table:
        return TS->findTable(Name);
      case RenameKind::Enum:
        return TS->findEnum(Name);
      case RenameKind::Domain:
        return TS->findDomain(Name);
      case RenameKind::Sequence:
        return TS->findSequence(Name);
      case RenameKind::View:
        return TS->findView(Name);
      case RenameKind::Index:
        return TS->findIndex(Name);
      case RenameKind::Column:
        return true; // Checked below, once the table is known.
      case RenameKind::Constraint:
        return any_of(TS->Tables,
                      [&](const Table &T) { return T.findConstraint(Name); });
      }
      return false;
    };
    if (R.Kind != RenameKind::Column && (!TargetHas(ToName) || TargetHas(From)))
      continue;
    std::string Label;
    std::string SQL;
    std::string Rel; // The relation whose lock the rename takes.
    switch (R.Kind) {
    case RenameKind::Table: {
      Table *T = S->findTable(From);
      if (!T || S->findTable(ToName))
        continue;
      SQL = "ALTER TABLE " + qname(*S, From) + " RENAME TO " +
            quoteIdentifier(ToName) + ";";
      T->Name = ToName.str();
      renameTableRefs(Cur, S->Name, From, ToName);
      Label = objectLabel("table", *S, ToName);
      Rel = qstr(*S, ToName);
      break;
    }
    case RenameKind::Column: {
      StringRef TableName = R.Table;
      if (IsDown) {
        // The table may itself be renamed back first (renames run in
        // declaration order: a table's rename precedes its columns').
        for (const Rename &TR : Renames)
          if (TR.Kind == RenameKind::Table && TR.Schema == R.Schema &&
              TR.NewName == R.Table)
            TableName = TR.OldName;
      }
      Table *T = S->findTable(TableName);
      if (!T || !T->findColumn(From) || T->findColumn(ToName))
        continue;
      // The target's table: in the down script, the old name.
      const Table *TT = TS->findTable(IsDown ? TableName : R.Table);
      if (!TT || !TT->findColumn(ToName) || TT->findColumn(From))
        continue;
      SQL = "ALTER TABLE " + qname(*S, T->Name) + " RENAME COLUMN " +
            quoteIdentifier(From) + " TO " + quoteIdentifier(ToName) + ";";
      Label = objectLabel("column", *S, T->Name + "." + ToName.str());
      Rel = qstr(*S, T->Name);
      renameColumnRefs(Cur, *S, *T, From, ToName);
      break;
    }
    case RenameKind::Constraint: {
      Table *T = nullptr;
      for (Table &X : S->Tables)
        if (X.findConstraint(From) && !X.findConstraint(ToName))
          T = &X;
      if (!T)
        continue;
      SQL = "ALTER TABLE " + qname(*S, T->Name) + " RENAME CONSTRAINT " +
            quoteIdentifier(From) + " TO " + quoteIdentifier(ToName) + ";";
      T->findConstraint(From)->Name = ToName.str();
      Label = objectLabel("constraint", *S, T->Name + "." + ToName.str());
      Rel = qstr(*S, T->Name);
      break;
    }
    case RenameKind::Index: {
      Index *I = nullptr;
      for (Table &X : S->Tables)
        if (Index *Y = X.findIndex(From))
          I = Y;
      if (!I || S->findIndex(ToName))
        continue;
      SQL = "ALTER INDEX " + qname(*S, From) + " RENAME TO " +
            quoteIdentifier(ToName) + ";";
      I->Name = ToName.str();
      Label = objectLabel("index", *S, ToName);
      break;
    }
    case RenameKind::Enum:
    case RenameKind::Domain: {
      bool IsEnum = R.Kind == RenameKind::Enum;
      if (IsEnum ? (!S->findEnum(From) || S->findEnum(ToName))
                 : (!S->findDomain(From) || S->findDomain(ToName)))
        continue;
      SQL = std::string(IsEnum ? "ALTER TYPE " : "ALTER DOMAIN ") +
            qname(*S, From) + " RENAME TO " + quoteIdentifier(ToName) + ";";
      if (IsEnum)
        S->findEnum(From)->Name = ToName.str();
      else
        S->findDomain(From)->Name = ToName.str();
      for (Schema &Sc : Cur.Schemas)
        for (Table &T : Sc.Tables)
          for (Column &C : T.Columns)
            if (typeRefersTo(C.Type, S->Name, From))
              C.Type = renameTypeRef(C.Type, From, ToName);
      Label = objectLabel(IsEnum ? "enum" : "domain", *S, ToName);
      break;
    }
    case RenameKind::Sequence: {
      Sequence *Q = S->findSequence(From);
      if (!Q || S->findSequence(ToName))
        continue;
      SQL = "ALTER SEQUENCE " + qname(*S, From) + " RENAME TO " +
            quoteIdentifier(ToName) + ";";
      Q->Name = ToName.str();
      Label = objectLabel("sequence", *S, ToName);
      break;
    }
    case RenameKind::View: {
      View *V = S->findView(From);
      if (!V || S->findView(ToName))
        continue;
      SQL = std::string(V->Materialized ? "ALTER MATERIALIZED VIEW "
                                        : "ALTER VIEW ") +
            qname(*S, From) + " RENAME TO " + quoteIdentifier(ToName) + ";";
      V->Name = ToName.str();
      Label = objectLabel(V->Materialized ? "materialized view" : "view", *S,
                          ToName);
      break;
    }
    }
    Step St = make(ChangeKind::Alter, Label, SQL, AccessExclusive, Rel);
    RenameSteps.push_back(std::move(St));
  }
}

/// Constraints and indexes whose definition is unchanged but whose name
/// differs (PostgreSQL keeps `people_pkey` when people becomes users; a
/// fresh users table has `users_pkey`) are renamed, not rebuilt: a rename
/// only touches the catalog. Only one-to-one matches count.
void Planner::matchRenamedParts() {
  for (const Schema &NS : To.Schemas) {
    Schema *S = Cur.findSchema(NS.Name);
    if (!S)
      continue;
    StringMap<Table *> CurTables;
    for (Table &T : S->Tables)
      CurTables.try_emplace(T.Name, &T);
    for (const Table &NT : NS.Tables) {
      Table *T = CurTables.lookup(NT.Name);
      if (!T)
        continue;
      std::string Rel = qstr(*S, T->Name);
      for (Constraint &K : T->Constraints) {
        if (NT.findConstraint(K.Name))
          continue;
        const Constraint *Match = nullptr;
        unsigned Count = 0;
        for (const Constraint &N : NT.Constraints)
          if (!T->findConstraint(N.Name) &&
              sameConstraint(K, S->Name, N, NS.Name) &&
              K.NotValid == N.NotValid) {
            Match = &N;
            ++Count;
          }
        if (Count != 1)
          continue;
        unsigned Back = 0;
        for (const Constraint &O : T->Constraints)
          if (!NT.findConstraint(O.Name) &&
              sameConstraint(O, S->Name, *Match, NS.Name))
            ++Back;
        if (Back != 1)
          continue;
        RenameSteps.push_back(
            make(ChangeKind::Alter,
                 objectLabel("constraint", *S, T->Name + "." + Match->Name),
                 "ALTER TABLE " + qname(*S, T->Name) + " RENAME CONSTRAINT " +
                     quoteIdentifier(K.Name) + " TO " +
                     quoteIdentifier(Match->Name) + ";",
                 AccessExclusive, Rel));
        K.Name = Match->Name;
      }
      for (Index &I : T->Indexes) {
        if (NT.findIndex(I.Name))
          continue;
        const Index *Match = nullptr;
        unsigned Count = 0;
        for (const Index &N : NT.Indexes)
          if (sameIndex(I, N) && !T->findIndex(N.Name) &&
              !S->findIndex(N.Name)) {
            Match = &N;
            ++Count;
          }
        if (Count != 1)
          continue;
        unsigned Back = 0;
        for (const Index &O : T->Indexes)
          if (!NT.findIndex(O.Name) && sameIndex(O, *Match))
            ++Back;
        if (Back != 1)
          continue;
        RenameSteps.push_back(
            make(ChangeKind::Alter, objectLabel("index", *S, Match->Name),
                 "ALTER INDEX " + qname(*S, I.Name) + " RENAME TO " +
                     quoteIdentifier(Match->Name) + ";",
                 AccessExclusive, Rel));
        I.Name = Match->Name;
      }
    }
    // A serial column's sequence (people_id_seq after people became
    // persons): renamed, so it keeps counting where it was.
    StringSet<> NewSequences, CurSequences;
    for (const Sequence &N : NS.Sequences)
      NewSequences.insert(N.Name);
    for (const Sequence &Q : S->Sequences)
      CurSequences.insert(Q.Name);
    for (Sequence &Q : S->Sequences) {
      if (NewSequences.count(Q.Name) || Q.OwnedByTable.empty())
        continue;
      const Sequence *Match = nullptr;
      unsigned Count = 0;
      for (const Sequence &N : NS.Sequences) {
        QualifiedName A = Q.OwnedByTable, B = N.OwnedByTable;
        if (A.Schema.empty())
          A.Schema = S->Name;
        if (B.Schema.empty())
          B.Schema = NS.Name;
        if (!CurSequences.count(N.Name) && A == B &&
            Q.OwnedByColumn == N.OwnedByColumn && sameSequenceOptions(Q, N)) {
          Match = &N;
          ++Count;
        }
      }
      if (Count != 1)
        continue;
      RenameSteps.push_back(
          make(ChangeKind::Alter, objectLabel("sequence", *S, Match->Name),
               "ALTER SEQUENCE " + qname(*S, Q.Name) + " RENAME TO " +
                   quoteIdentifier(Match->Name) + ";"));
      // Defaults name the sequence by OID: PostgreSQL shows the new name.
      for (Table &T : S->Tables)
        for (Column &C : T.Columns)
          for (const std::string &Form :
               {std::string("'"), "'" + S->Name + "."}) {
            std::string From = Form + Q.Name + "'";
            std::string ToText = Form + Match->Name + "'";
            size_t Pos;
            while ((Pos = C.Default.find(From)) != std::string::npos)
              C.Default.replace(Pos, From.size(), ToText);
          }
      CurSequences.insert(Match->Name);
      Q.Name = Match->Name;
    }
  }
}

//===----------------------------------------------------------------------===//
// Schemas and extensions
//===----------------------------------------------------------------------===//

void Planner::diffSchemas() {
  for (const Schema &S : To.Schemas)
    if (!Cur.findSchema(S.Name))
      CreateLabels.insert("schema " + S.Name);
  for (const Schema &S : Cur.Schemas)
    if (!To.findSchema(S.Name))
      lateDrop("schema " + S.Name,
               make(ChangeKind::Drop, "schema " + S.Name,
                    "DROP SCHEMA " + quoteIdentifier(S.Name) + ";"));

  for (const Extension &E : To.Extensions) {
    std::string Label = "extension " + E.Name;
    const Extension *Old = Cur.findExtension(E.Name);
    if (!Old) {
      CreateLabels.insert(Label);
      continue;
    }
    if (!E.Schema.empty() && E.Schema != Old->Schema)
      slot(Label, make(ChangeKind::Alter, Label,
                       "ALTER EXTENSION " + quoteIdentifier(E.Name) +
                           " SET SCHEMA " + quoteIdentifier(E.Schema) + ";"));
    if (!E.Version.empty() && E.Version != Old->Version)
      slot(Label, make(ChangeKind::Alter, Label,
                       "ALTER EXTENSION " + quoteIdentifier(E.Name) +
                           " UPDATE TO " + quoteLiteral(E.Version) + ";"));
  }
  for (const Extension &E : Cur.Extensions)
    if (!To.findExtension(E.Name))
      lateDrop("extension " + E.Name,
               make(ChangeKind::Drop, "extension " + E.Name,
                    "DROP EXTENSION " + quoteIdentifier(E.Name) + ";"));
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

void Planner::diffEnum(const Schema &S, const EnumType &Old,
                       const EnumType &New) {
  if (Old.Values == New.Values)
    return;
  std::string Label = objectLabel("enum", S, New.Name);
  // Old's values in the same order inside New's: add the others in place.
  size_t J = 0;
  for (size_t I = 0; I < New.Values.size() && J < Old.Values.size(); ++I)
    if (New.Values[I] == Old.Values[J])
      ++J;
  if (J == Old.Values.size()) {
    std::set<std::string> Have(Old.Values.begin(), Old.Values.end());
    for (size_t I = 0; I < New.Values.size(); ++I) {
      const std::string &V = New.Values[I];
      if (Have.count(V))
        continue;
      std::string SQL =
          "ALTER TYPE " + qname(S, New.Name) + " ADD VALUE " + quoteLiteral(V);
      if (I > 0)
        SQL += " AFTER " + quoteLiteral(New.Values[I - 1]);
      else if (!Old.Values.empty())
        SQL += " BEFORE " + quoteLiteral(Old.Values[0]);
      slot(Label, make(ChangeKind::Alter, Label, SQL + ";"));
      AddedEnumValues.insert(SQL + ";");
      Have.insert(V);
    }
    return;
  }

  // Values removed or reordered: create the new type beside the old one,
  // convert the columns through text, drop the old one.
  std::vector<std::string> Removed;
  for (const std::string &V : Old.Values)
    if (!is_contained(New.Values, V))
      Removed.push_back(V);
  if (!Removed.empty() &&
      refuse(Old.Location, "remove value '" + join(Removed, "', '") +
                               "' from enum " + qstr(S, Old.Name) +
                               ", which fails if a row holds it"))
    return;
  swapType(S, "enum", New.Name, TypeSwap());
}

std::string Planner::typeUsers(const Schema &S, StringRef Name,
                               bool &UsedByColumn) const {
  std::string UsedByType;
  for (const Schema &CS : Cur.Schemas) {
    for (const Table &T : CS.Tables)
      for (const Column &C : T.Columns)
        if (typeRefersTo(C.Type, S.Name, Name))
          UsedByColumn = true;
    for (const CompositeType &C : CS.Composites)
      for (const CompositeAttribute &A : C.Attributes)
        if (typeRefersTo(A.Type, S.Name, Name))
          UsedByType = qstr(CS, C.Name);
    for (const Domain &D : CS.Domains)
      if (typeRefersTo(D.BaseType, S.Name, Name))
        UsedByType = qstr(CS, D.Name);
    for (const RangeType &R : CS.Ranges)
      if (typeRefersTo(R.Subtype, S.Name, Name))
        UsedByType = qstr(CS, R.Name);
  }
  return UsedByType;
}

void Planner::swapType(const Schema &S, StringRef Kind, StringRef Name,
                       TypeSwap How) {
  std::string Label = objectLabel(Kind, S, Name);
  const Schema *CS = Cur.findSchema(S.Name);
  auto Taken = [&](StringRef N) {
    for (const Schema *X : {&S, CS})
      if (X && (X->hasType(N) || X->findSequence(N)))
        return true;
    return false;
  };
  // A range's multirange keeps its name when the range is renamed: it is
  // renamed too, out of the new range's way.
  const RangeType *OldRange = CS ? CS->findRange(Name) : nullptr;
  const RangeType *NewRange = S.findRange(Name);
  std::string Tmp, TmpMulti;
  for (unsigned N = 0; Tmp.empty() || Taken(Tmp) ||
                       (OldRange && (Taken(TmpMulti) || TmpMulti == Tmp));
       ++N) {
    std::string Label = "bk_old" + (N ? std::to_string(N) : std::string());
    Tmp = makeObjectName(Name, "", Label);
    if (OldRange)
      TmpMulti = makeObjectName(OldRange->multirangeName(), "", Label);
  }
  // ALTER TYPE renames domains too.
  slot(Label, make(ChangeKind::Alter, Label,
                   "ALTER TYPE " + qname(S, Name) + " RENAME TO " +
                       quoteIdentifier(Tmp) + ";"));
  if (OldRange) {
    std::string Multi = qname(S, OldRange->multirangeName());
    slot(Label, make(ChangeKind::Alter, Label,
                     "ALTER TYPE " + Multi + " RENAME TO " +
                         quoteIdentifier(TmpMulti) + ";"));
    // So are the constructor functions, named after the types: the new
    // range's would clash with them.
    // (The range's constructors take its subtype: when that is swapped
    // too, the old ones take the renamed subtype and clash with nothing.)
    const std::string &Sub = OldRange->Subtype;
    std::string TmpRange = qname(S, Tmp);
    bool SubtypeSwapped = any_of(SwappedTypes, [&](const auto &E) {
      return typeRefersTo(Sub, E.first.first, E.first.second);
    });
    if (!SubtypeSwapped)
      for (const std::string &Args :
           {Sub + ", " + Sub, Sub + ", " + Sub + ", text"})
        slot(Label, make(ChangeKind::Alter, Label,
                         "ALTER FUNCTION " + qname(S, Name) + "(" + Args +
                             ") RENAME TO " + quoteIdentifier(Tmp) + ";"));
    for (const std::string &Args :
         {std::string(), TmpRange, "VARIADIC " + TmpRange + "[]"})
      slot(Label, make(ChangeKind::Alter, Label,
                       "ALTER FUNCTION " + Multi + "(" + Args + ") RENAME TO " +
                           quoteIdentifier(TmpMulti) + ";"));
  }
  CreateLabels.insert(Label);
  if (NewRange)
    SwappedTypes[{S.Name, NewRange->multirangeName()}] = How;
  SwappedTypes[{S.Name, Name.str()}] = std::move(How);
  lateDrop(Label, make(ChangeKind::Drop, Label,
                       (Kind == "domain" ? "DROP DOMAIN " : "DROP TYPE ") +
                           qname(S, Tmp) + ";"));
}

std::string Planner::swapConversion(const TypeSwap &How, StringRef Col,
                                    StringRef Type, Loc L) {
  bool Array = StringRef(Type).rtrim().endswith("]");
  switch (How.Kind) {
  case TypeSwap::Direct:
    return (Col + "::" + Type).str();
  case TypeSwap::ViaText:
    return (Col + "::text::" + Type).str();
  case TypeSwap::Rows:
    break;
  }
  if (Array) {
    unsupported(L, "converting array column " + Col + " to composite type " +
                       Type +
                       ", whose attributes are added, dropped or moved while "
                       "others change type, is not supported by bk-diff yet: "
                       "change the attribute types and the attribute list in "
                       "two migrations");
    return "";
  }
  std::string Row = "ROW(";
  bool First = true;
  for (const auto &F : How.Fields) {
    if (!First)
      Row += ", ";
    First = false;
    const std::string &Name = std::get<0>(F), &NewType = std::get<1>(F),
                      &OldType = std::get<2>(F);
    if (OldType.empty())
      Row += "NULL::" + NewType;
    else if (sameType(OldType, NewType))
      Row += "(" + Col.str() + ")." + quoteIdentifier(Name);
    else
      Row += "(" + Col.str() + ")." + quoteIdentifier(Name) + "::" + NewType;
  }
  Row += ")::" + Type.str();
  // A row of nulls is not a null row: only the latter stays NULL.
  return ("CASE WHEN " + Col + " IS NOT DISTINCT FROM NULL THEN NULL ELSE " +
          Row + " END")
      .str();
}

void Planner::swapRedefinedType(const Schema &S, StringRef Kind, StringRef Name,
                                StringRef OldElement, StringRef NewElement,
                                Loc L, TypeSwap::ConversionKind Conversion) {
  bool Narrowed =
      !sameType(OldElement, NewElement) &&
      classifyTypeChange(OldElement, NewElement) == TypeChange::Narrowing;
  if (Narrowed &&
      refuse(L, "narrow " + Kind + " " + qstr(S, Name) + " from " + OldElement +
                    " to " + NewElement +
                    ", which fails or loses data on values that do not fit"))
    return;
  TypeSwap How;
  How.Kind = Conversion;
  How.LosesData = Narrowed;
  swapType(S, Kind, Name, std::move(How));
  swapUsers(S, Kind, Name, L);
}

void Planner::swapUsers(const Schema &S, StringRef Kind, StringRef Name,
                        Loc L) {
  std::vector<std::string> Names{Name.str()};
  // A range's multirange is a type of its own that others may use.
  const Schema *OS = Cur.findSchema(S.Name);
  if (const RangeType *R = OS ? OS->findRange(Name) : nullptr)
    Names.push_back(R->multirangeName());
  auto Uses = [&](StringRef Type) {
    return any_of(Names, [&](const std::string &N) {
      return typeRefersTo(Type, S.Name, N);
    });
  };
  // The users, each with its definition on both sides (as SQL: the same
  // text is the same definition, naming the swapped type by its name).
  struct User {
    const Schema *NS;
    const char *Kind;
    std::string Name, Old, New;
  };
  std::vector<User> Users;
  for (const Schema &CS : Cur.Schemas) {
    const Schema *NS = To.findSchema(CS.Name);
    for (const CompositeType &C : CS.Composites)
      if (any_of(C.Attributes,
                 [&](const CompositeAttribute &A) { return Uses(A.Type); })) {
        const CompositeType *N = NS ? NS->findComposite(C.Name) : nullptr;
        Users.push_back({NS, "composite", C.Name, writeCreateComposite(CS, C),
                         N ? writeCreateComposite(*NS, *N) : ""});
      }
    for (const Domain &D : CS.Domains)
      if (Uses(D.BaseType)) {
        const Domain *N = NS ? NS->findDomain(D.Name) : nullptr;
        Users.push_back({NS, "domain", D.Name, writeCreateDomain(CS, D),
                         N ? writeCreateDomain(*NS, *N) : ""});
      }
    for (const RangeType &R : CS.Ranges)
      if (Uses(R.Subtype)) {
        const RangeType *N = NS ? NS->findRange(R.Name) : nullptr;
        Users.push_back({NS, "range", R.Name, writeCreateRange(CS, R),
                         N ? writeCreateRange(*NS, *N) : ""});
      }
  }
  for (const User &U : Users) {
    // Dropped (after the swap), or swapped already by its own change.
    if (U.New.empty() || SwappedTypes.count({U.NS->Name, U.Name}))
      continue;
    if (U.Old != U.New) {
      unsupported(L, "changing " + Kind + " " + qstr(S, Name) + " while type " +
                         qstr(*U.NS, U.Name) +
                         ", which uses it, changes too is not supported by "
                         "bk-diff yet: change them in two migrations");
      continue;
    }
    // A type over the swapped one is swapped with it: recreated over the
    // new definition, its values converted through text.
    swapType(*U.NS, U.Kind, U.Name, TypeSwap());
    swapUsers(*U.NS, U.Kind, U.Name, L);
  }
}

void Planner::diffDomain(const Schema &S, const Domain &Old,
                         const Domain &New) {
  std::string Label = objectLabel("domain", S, New.Name);
  std::string Name = qname(S, New.Name);
  if (!sameType(Old.BaseType, New.BaseType) || Old.Collation != New.Collation) {
    // PostgreSQL cannot change a domain's base type in place: the new
    // domain is created beside the old one (renamed) and every column
    // converted to it; its default and checks come with its definition.
    swapRedefinedType(S, "domain", Old.Name, Old.BaseType, New.BaseType,
                      New.Location, TypeSwap::Direct);
    return;
  }
  if (!sameExpression(Old.Default, New.Default))
    slot(Label,
         make(ChangeKind::Alter, Label,
              "ALTER DOMAIN " + Name +
                  (New.Default.empty()
                       ? std::string(" DROP DEFAULT;")
                       : " SET DEFAULT " + defaultExpr(New.Default) + ";")));
  for (const DomainCheck &C : Old.Checks) {
    auto It = find_if(New.Checks,
                      [&](const DomainCheck &X) { return X.Name == C.Name; });
    if (It == New.Checks.end() || !sameExpression(It->Expr, C.Expr) ||
        (It->NotValid && !C.NotValid))
      slot(Label, make(ChangeKind::Alter, Label,
                       "ALTER DOMAIN " + Name + " DROP CONSTRAINT " +
                           quoteIdentifier(C.Name) + ";"));
  }
  if (Old.NotNull != New.NotNull)
    slot(Label, make(ChangeKind::Alter, Label,
                     "ALTER DOMAIN " + Name +
                         (New.NotNull ? " SET NOT NULL;" : " DROP NOT NULL;"),
                     "", "", New.NotNull ? RiskScan | RiskMayFail : RiskNone));
  for (const DomainCheck &C : New.Checks) {
    auto It = find_if(Old.Checks,
                      [&](const DomainCheck &X) { return X.Name == C.Name; });
    bool Kept = It != Old.Checks.end() && sameExpression(It->Expr, C.Expr) &&
                !(C.NotValid && !It->NotValid);
    if (Kept) {
      if (It->NotValid && !C.NotValid)
        slot(Label, make(ChangeKind::Alter, Label,
                         "ALTER DOMAIN " + Name + " VALIDATE CONSTRAINT " +
                             quoteIdentifier(C.Name) + ";",
                         "", "", RiskScan | RiskMayFail));
      continue;
    }
    DomainCheck Added = C;
    bool Validate = !C.NotValid;
    Added.NotValid = true;
    slot(Label,
         make(ChangeKind::Alter, Label, writeAddDomainCheck(S, New, Added)));
    if (Validate)
      slot(Label, make(ChangeKind::Alter, Label,
                       "ALTER DOMAIN " + Name + " VALIDATE CONSTRAINT " +
                           quoteIdentifier(C.Name) + ";",
                       "", "", RiskScan | RiskMayFail));
  }
}

static const CompositeAttribute *findAttribute(const CompositeType &C,
                                               StringRef Name) {
  for (const CompositeAttribute &A : C.Attributes)
    if (A.Name == Name)
      return &A;
  return nullptr;
}

void Planner::diffComposite(const Schema &S, const CompositeType &Old,
                            const CompositeType &New) {
  std::string Label = objectLabel("composite", S, New.Name);
  std::string Name = qname(S, New.Name);
  // What changes: attributes dropped (values lost), retyped, narrowed.
  std::vector<const CompositeAttribute *> Dropped, Narrowed;
  bool Retyped = false;
  for (const CompositeAttribute &A : Old.Attributes) {
    const CompositeAttribute *N = findAttribute(New, A.Name);
    if (!N) {
      Dropped.push_back(&A);
      continue;
    }
    if (sameType(N->Type, A.Type) && N->Collation == A.Collation)
      continue;
    Retyped = true;
    if (!sameType(N->Type, A.Type) &&
        classifyTypeChange(A.Type, N->Type) == TypeChange::Narrowing)
      Narrowed.push_back(&A);
  }
  if (Retyped || !Dropped.empty()) {
    bool UsedByColumn = false;
    std::string UsedByType = typeUsers(S, Old.Name, UsedByColumn);
    if (UsedByColumn || !UsedByType.empty()) {
      for (const CompositeAttribute *A : Dropped)
        if (refuse(New.Location, "drop attribute " + A->Name +
                                     " of composite type " + qstr(S, New.Name) +
                                     ", whose values in the columns that "
                                     "use it are lost"))
          return;
      for (const CompositeAttribute *A : Narrowed)
        if (refuse(New.Location,
                   "narrow attribute " + A->Name + " of composite type " +
                       qstr(S, New.Name) + " from " + A->Type + " to " +
                       findAttribute(New, A->Name)->Type +
                       ", which fails or loses data on values that do not "
                       "fit"))
          return;
    }
    // PostgreSQL refuses ALTER ATTRIBUTE ... TYPE on a composite that a
    // table column (or another type) uses: the new type is created beside
    // the old one (renamed) and the columns are converted to it; the types
    // that use it are swapped with it.
    if (Retyped && (UsedByColumn || !UsedByType.empty())) {
      TypeSwap How;
      bool SamePositions = Old.Attributes.size() == New.Attributes.size();
      for (size_t I = 0; SamePositions && I < New.Attributes.size(); ++I)
        SamePositions = Old.Attributes[I].Name == New.Attributes[I].Name;
      How.Kind = SamePositions ? TypeSwap::ViaText : TypeSwap::Rows;
      How.LosesData = !Dropped.empty() || !Narrowed.empty();
      for (const CompositeAttribute &A : New.Attributes) {
        const CompositeAttribute *O = findAttribute(Old, A.Name);
        How.Fields.emplace_back(A.Name, A.Type, O ? O->Type : "");
      }
      swapType(S, "composite", New.Name, std::move(How));
      swapUsers(S, "composite", New.Name, New.Location);
      return;
    }
  }
  for (const CompositeAttribute *A : Dropped)
    slot(Label, make(ChangeKind::Alter, Label,
                     "ALTER TYPE " + Name + " DROP ATTRIBUTE " +
                         quoteIdentifier(A->Name) + ";"));
  for (const CompositeAttribute &A : New.Attributes) {
    const CompositeAttribute *O = findAttribute(Old, A.Name);
    std::string TypeSQL = A.Type;
    if (!A.Collation.empty())
      TypeSQL += " COLLATE " + quoteQualifiedName(A.Collation);
    if (!O)
      slot(Label, make(ChangeKind::Alter, Label,
                       "ALTER TYPE " + Name + " ADD ATTRIBUTE " +
                           quoteIdentifier(A.Name) + " " + TypeSQL + ";"));
    else if (!sameType(O->Type, A.Type) || O->Collation != A.Collation)
      slot(Label, make(ChangeKind::Alter, Label,
                       "ALTER TYPE " + Name + " ALTER ATTRIBUTE " +
                           quoteIdentifier(A.Name) + " TYPE " + TypeSQL + ";"));
  }
}

void Planner::diffRange(const Schema &S, const RangeType &Old,
                        const RangeType &New) {
  bool SameSubtype = sameType(Old.Subtype, New.Subtype);
  if (SameSubtype && Old.SubtypeOpClass == New.SubtypeOpClass &&
      Old.Collation == New.Collation && Old.Canonical == New.Canonical &&
      Old.SubtypeDiff == New.SubtypeDiff) {
    if (Old.multirangeName() != New.multirangeName()) {
      std::string Label = objectLabel("range", S, New.Name);
      slot(Label,
           make(ChangeKind::Alter, Label,
                "ALTER TYPE " + qname(S, Old.multirangeName()) + " RENAME TO " +
                    quoteIdentifier(New.multirangeName()) + ";"));
    }
    return;
  }
  // PostgreSQL cannot alter a range type's definition: the new type is
  // created beside the old one (renamed) and the columns converted through
  // the ranges' text form.
  swapRedefinedType(S, "range", Old.Name, Old.Subtype, New.Subtype,
                    New.Location, TypeSwap::ViaText);
}

void Planner::diffTypes() {
  for (const Schema &S : To.Schemas) {
    const Schema *OS = Cur.findSchema(S.Name);
    for (const EnumType &E : S.Enums) {
      const EnumType *Old = OS ? OS->findEnum(E.Name) : nullptr;
      if (!Old)
        CreateLabels.insert(objectLabel("enum", S, E.Name));
      else
        diffEnum(S, *Old, E);
    }
    for (const Domain &D : S.Domains) {
      const Domain *Old = OS ? OS->findDomain(D.Name) : nullptr;
      if (!Old)
        CreateLabels.insert(objectLabel("domain", S, D.Name));
      else
        diffDomain(S, *Old, D);
    }
    for (const CompositeType &C : S.Composites) {
      const CompositeType *Old = OS ? OS->findComposite(C.Name) : nullptr;
      if (!Old)
        CreateLabels.insert(objectLabel("composite", S, C.Name));
      else
        diffComposite(S, *Old, C);
    }
    for (const RangeType &R : S.Ranges) {
      const RangeType *Old = OS ? OS->findRange(R.Name) : nullptr;
      if (!Old)
        CreateLabels.insert(objectLabel("range", S, R.Name));
      else
        diffRange(S, *Old, R);
    }
  }
  for (const Schema &S : Cur.Schemas) {
    const Schema *NS = To.findSchema(S.Name);
    for (const EnumType &E : S.Enums)
      if (!NS || !NS->findEnum(E.Name))
        lateDrop(objectLabel("enum", S, E.Name),
                 make(ChangeKind::Drop, objectLabel("enum", S, E.Name),
                      "DROP TYPE " + qname(S, E.Name) + ";"));
    for (const Domain &D : S.Domains)
      if (!NS || !NS->findDomain(D.Name))
        lateDrop(objectLabel("domain", S, D.Name),
                 make(ChangeKind::Drop, objectLabel("domain", S, D.Name),
                      "DROP DOMAIN " + qname(S, D.Name) + ";"));
    for (const CompositeType &C : S.Composites)
      if (!NS || !NS->findComposite(C.Name))
        lateDrop(objectLabel("composite", S, C.Name),
                 make(ChangeKind::Drop, objectLabel("composite", S, C.Name),
                      "DROP TYPE " + qname(S, C.Name) + ";"));
    for (const RangeType &R : S.Ranges)
      if (!NS || !NS->findRange(R.Name))
        lateDrop(objectLabel("range", S, R.Name),
                 make(ChangeKind::Drop, objectLabel("range", S, R.Name),
                      "DROP TYPE " + qname(S, R.Name) + ";"));
  }
}

//===----------------------------------------------------------------------===//
// Functions and sequences
//===----------------------------------------------------------------------===//

static const Function *findFunction(const Schema *S, StringRef Key) {
  if (!S)
    return nullptr;
  for (const Function &F : S->Functions)
    if (functionKey(F) == Key)
      return &F;
  return nullptr;
}

void Planner::diffFunctions() {
  for (const Schema &S : To.Schemas) {
    const Schema *OS = Cur.findSchema(S.Name);
    for (const Function &F : S.Functions) {
      const Function *Old = findFunction(OS, functionKey(F));
      std::string Label = functionLabel(S, F);
      if (!Old) {
        CreateLabels.insert(Label);
        continue;
      }
      // A function whose arguments or result use a type recreated under a
      // temporary name would keep the old type, which could then not be
      // dropped: it is recreated after the new type.
      // (A word-level match, as the SQL writer orders functions after the
      // types their signatures name.)
      bool UsesSwapped = false;
      if (!SwappedTypes.empty()) {
        std::set<std::string> Names =
            referencedNames(Old->Arguments + " " + Old->Returns);
        for (const auto &T : SwappedTypes)
          if (Names.count(T.first.second))
            UsesSwapped = true;
      }
      if (!UsesSwapped && sameFunctionBody(*Old, F))
        continue;
      // CREATE OR REPLACE keeps dependants but cannot change the kind, the
      // result type or argument names and defaults.
      if (!UsesSwapped && Old->Kind == F.Kind &&
          sameExpression(Old->Returns, F.Returns) &&
          Old->Arguments == F.Arguments) {
        ReplaceLabels.insert(Label);
        continue;
      }
      DropFunctions.push_back(
          make(ChangeKind::Drop, functionLabel(*OS, *Old),
               "DROP " + functionDesignation(*OS, *Old) + ";"));
      RecreatedFunctions.insert(F.Name);
      CreateLabels.insert(Label);
    }
  }
  for (const Schema &S : Cur.Schemas)
    for (const Function &F : S.Functions)
      if (!findFunction(To.findSchema(S.Name), functionKey(F)))
        lateDrop(functionLabel(S, F),
                 make(ChangeKind::Drop, functionLabel(S, F),
                      "DROP " + functionDesignation(S, F) + ";"));
}

static std::string sequenceOptions(const Sequence &Q) {
  std::string Out =
      " AS " + Q.Type + " INCREMENT BY " + std::to_string(Q.Increment) +
      " MINVALUE " + std::to_string(Q.effectiveMinValue()) + " MAXVALUE " +
      std::to_string(Q.effectiveMaxValue()) + " START WITH " +
      std::to_string(Q.effectiveStart()) + " CACHE " + std::to_string(Q.Cache) +
      (Q.Cycle ? " CYCLE" : " NO CYCLE");
  return Out;
}

void Planner::diffSequences() {
  for (const Schema &S : To.Schemas) {
    for (const Sequence &Q : S.Sequences) {
      std::string Label = objectLabel("sequence", S, Q.Name);
      const Sequence *Old = CurIndex.sequence(S.Name, Q.Name);
      if (!Old) {
        CreateLabels.insert(Label);
        // A new sequence for a column that already holds values (an integer
        // column becoming serial) starts past them, or the next insert
        // collides.
        QualifiedName Owner = Q.OwnedByTable;
        if (Owner.Schema.empty())
          Owner.Schema = S.Name;
        const Table *OT =
            Owner.empty() ? nullptr : curTable(Owner.Schema, Owner.Name);
        const Column *OC = OT ? OT->findColumn(Q.OwnedByColumn) : nullptr;
        if (OC && Q.Increment > 0 && isIntegerTypeName(OC->Type) &&
            !RecreatedTables.count({Owner.Schema, Owner.Name})) {
          std::string Start = std::to_string(Q.effectiveStart());
          Step St = make(
              ChangeKind::Alter, Label,
              "SELECT pg_catalog.setval(" + quoteLiteral(qname(S, Q.Name)) +
                  ", GREATEST(COALESCE(max(" + quoteIdentifier(OC->Name) +
                  ") + 1, " + Start + "), " + Start + "), false) FROM " +
                  Owner.sql() + ";",
              "ACCESS SHARE", Owner.str(), RiskScan);
          St.Note = "starts the sequence after the column's largest value";
          PostSteps.push_back(std::move(St));
        }
        continue;
      }
      if (!sameSequenceOptions(*Old, Q))
        slot(Label, make(ChangeKind::Alter, Label,
                         "ALTER SEQUENCE " + qname(S, Q.Name) +
                             sequenceOptions(Q) + ";"));
      QualifiedName OldOwner = Old->OwnedByTable, NewOwner = Q.OwnedByTable;
      if (!OldOwner.empty() && OldOwner.Schema.empty())
        OldOwner.Schema = S.Name;
      if (!NewOwner.empty() && NewOwner.Schema.empty())
        NewOwner.Schema = S.Name;
      if (OldOwner != NewOwner || Old->OwnedByColumn != Q.OwnedByColumn) {
        std::string SQL = writeSequenceOwnedBy(S, Q);
        if (SQL.empty())
          SQL = "ALTER SEQUENCE " + qname(S, Q.Name) + " OWNED BY NONE;";
        PostSteps.push_back(make(ChangeKind::Alter, Label, SQL));
      }
    }
  }
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

void Planner::dropTable(const Schema &S, const Table &T, bool Recreate) {
  DroppedTables.insert({S.Name, T.Name});
  ChangedRelations.insert(T.Name);
  std::string Label = objectLabel("table", S, T.Name);
  // Its foreign keys go first, so tables that reference each other can be
  // dropped in any order (a partition's are its parent's).
  if (!T.isPartition())
    for (const Constraint &K : T.Constraints)
      if (K.Kind == ConstraintKind::ForeignKey)
        DropFKs.push_back(
            make(ChangeKind::Drop,
                 objectLabel("constraint", S, T.Name + "." + K.Name),
                 "ALTER TABLE " + qname(S, T.Name) + " DROP CONSTRAINT " +
                     quoteIdentifier(K.Name) + ";",
                 AccessExclusive, qstr(S, T.Name)));
  // A partition goes with its parent.
  if (T.isPartition() && !Recreate) {
    std::string ParentSchema =
        T.PartitionOf.Schema.empty() ? S.Name : T.PartitionOf.Schema;
    if (DroppedTables.count({ParentSchema, T.PartitionOf.Name}))
      return;
  }
  Step D = make(ChangeKind::Drop, Label, "DROP TABLE " + qname(S, T.Name) + ";",
                AccessExclusive, qstr(S, T.Name), RiskDataLoss);
  if (Recreate)
    DropTablesEarly.push_back(std::move(D));
  else
    lateDrop(Label, std::move(D));
}

void Planner::diffColumn(const Schema &S, const Table &T, const Column &Old,
                         const Column &New) {
  std::string Label = objectLabel("table", S, T.Name);
  std::string ColLabel = objectLabel("column", S, T.Name + "." + New.Name);
  std::string Alter = "ALTER TABLE " + qname(S, T.Name) + " ";
  std::string Col = quoteIdentifier(New.Name);
  std::string Rel = qstr(S, T.Name);
  auto Add = [&](std::string SQL, unsigned Risks = RiskNone,
                 StringRef Lock = AccessExclusive) {
    slot(Label, make(ChangeKind::Alter, ColLabel, Alter + SQL + ";", Lock, Rel,
                     Risks));
  };

  // Generated columns: PostgreSQL 17 can change the expression; before,
  // the column is dropped and added again.
  bool Recreate = false;
  if (Old.isGenerated() && New.isGenerated() &&
      !sameExpression(Old.Generated, New.Generated)) {
    if (Opts.TargetVersion >= 17) {
      Add("ALTER COLUMN " + Col + " SET EXPRESSION AS (" + New.Generated + ")",
          RiskRewrite);
    } else {
      Recreate = true;
    }
  } else if (!Old.isGenerated() && New.isGenerated()) {
    if (refuse(New.Location, "replace the values of column " + Rel + "." +
                                 New.Name + " with a generated expression"))
      return;
    Recreate = true;
  }
  if (Recreate) {
    ChangedRelations.insert(T.Name);
    Add("DROP COLUMN " + Col, RiskDataLoss);
    Add("ADD COLUMN " + writeColumnDefinition(New), RiskRewrite);
    return;
  }
  if (Old.isGenerated() && !New.isGenerated())
    Add("ALTER COLUMN " + Col + " DROP EXPRESSION");

  if (Old.isIdentity() && !New.isIdentity())
    Add("ALTER COLUMN " + Col + " DROP IDENTITY");

  std::string OldDefault = Old.isIdentity() ? "" : Old.Default;
  const TypeSwap *Swapped = nullptr;
  for (const auto &T2 : SwappedTypes)
    if (typeRefersTo(New.Type, T2.first.first, T2.first.second))
      Swapped = &T2.second;
  bool TypeChanged = !sameType(Old.Type, New.Type);
  if (TypeChanged || Old.Collation != New.Collation || Swapped) {
    ChangedRelations.insert(T.Name);
    TypeChange Kind = Swapped ? TypeChange::Conversion
                              : classifyTypeChange(Old.Type, New.Type);
    if (!TypeChanged && !Swapped)
      Kind = TypeChange::WideningRewrite; // A collation change.
    if (Kind == TypeChange::Narrowing &&
        refuse(New.Location, "narrow column " + Rel + "." + New.Name +
                                 " from " + Old.Type + " to " + New.Type +
                                 ", which fails or loses data on values "
                                 "that do not fit"))
      return;
    // A default of the old type may not cast to the new one: set it again
    // after the conversion.
    if (Kind == TypeChange::Conversion && !OldDefault.empty()) {
      Add("ALTER COLUMN " + Col + " DROP DEFAULT");
      OldDefault.clear();
    }
    std::string SQL = "ALTER COLUMN " + Col + " TYPE " + New.Type;
    if (!New.Collation.empty())
      SQL += " COLLATE " + quoteQualifiedName(New.Collation);
    if (Swapped) {
      std::string Using = swapConversion(*Swapped, Col, New.Type, New.Location);
      if (Using.empty())
        return;
      SQL += " USING " + Using;
    } else if (Kind == TypeChange::Conversion) {
      SQL += " USING " + Col + "::" + New.Type;
    }
    unsigned Risks = Kind == TypeChange::Widening ? RiskNone : RiskRewrite;
    if (Kind == TypeChange::Narrowing)
      Risks |= RiskDataLoss | RiskMayFail;
    if (Kind == TypeChange::Conversion)
      Risks |= RiskMayFail;
    if (Swapped && Swapped->LosesData)
      Risks |= RiskDataLoss;
    Add(SQL, Risks);
  }

  std::string NewDefault = New.isIdentity() ? "" : New.Default;
  if (!sameExpression(OldDefault, NewDefault))
    Add(NewDefault.empty() ? "ALTER COLUMN " + Col + " DROP DEFAULT"
                           : "ALTER COLUMN " + Col + " SET DEFAULT " +
                                 defaultExpr(NewDefault));

  if (!Old.NotNull && New.NotNull) {
    if (Opts.FastNotNull || T.isPartitioned()) {
      Add("ALTER COLUMN " + Col + " SET NOT NULL", RiskScan | RiskMayFail);
    } else {
      // A validated CHECK (col IS NOT NULL) lets SET NOT NULL skip its scan
      // (PostgreSQL 12+); the check is validated under a weaker lock.
      const Table *OT = curTable(S.Name, T.Name);
      std::string Tmp =
          chooseName(T.Name, New.Name, "not_null", [&](StringRef N) {
            return T.findConstraint(N) || (OT && OT->findConstraint(N));
          });
      std::string TmpQ = quoteIdentifier(Tmp);
      Add("ADD CONSTRAINT " + TmpQ + " CHECK (" + Col +
          " IS NOT NULL) NOT VALID");
      Add("VALIDATE CONSTRAINT " + TmpQ, RiskScan | RiskMayFail,
          ShareUpdateExclusive);
      Add("ALTER COLUMN " + Col + " SET NOT NULL");
      Add("DROP CONSTRAINT " + TmpQ);
    }
  } else if (Old.NotNull && !New.NotNull) {
    Add("ALTER COLUMN " + Col + " DROP NOT NULL");
  }

  if (!Old.isIdentity() && New.isIdentity()) {
    Add("ALTER COLUMN " + Col + " ADD GENERATED " +
            (New.Identity == IdentityKind::Always ? "ALWAYS" : "BY DEFAULT") +
            " AS IDENTITY",
        RiskNone);
    // The new identity sequence starts at 1: move it past the values the
    // column holds, or the next insert collides with them.
    Step St =
        make(ChangeKind::Alter, ColLabel,
             "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(" +
                 quoteLiteral(qname(S, T.Name)) + ", " +
                 quoteLiteral(New.Name) + "), COALESCE(max(" + Col +
                 "), 0) + 1, false) FROM " + qname(S, T.Name) + ";",
             "ACCESS SHARE", Rel, RiskScan);
    St.Note = "starts the identity after the column's largest value";
    slot(Label, std::move(St));
  } else if (Old.isIdentity() && New.isIdentity() &&
             Old.Identity != New.Identity)
    Add("ALTER COLUMN " + Col + " SET GENERATED " +
        (New.Identity == IdentityKind::Always ? "ALWAYS" : "BY DEFAULT"));
}

/// A constraint written inside CREATE TABLE, added to a table that exists:
/// checks NOT VALID then validated, keys through an index built
/// concurrently.
void Planner::addInlineConstraint(const Schema &S, const Table &T,
                                  const Constraint &K) {
  std::string Label = objectLabel("table", S, T.Name);
  std::string KLabel = objectLabel("constraint", S, T.Name + "." + K.Name);
  std::string Rel = qstr(S, T.Name);
  std::string Alter = "ALTER TABLE " + qname(S, T.Name) + " ";
  bool Partitioned = T.isPartitioned() || T.isPartition();
  if (K.Kind == ConstraintKind::Check && Opts.ValidateSeparately &&
      !Partitioned) {
    Constraint NV = K;
    NV.NotValid = true;
    slot(Label, make(ChangeKind::Create, KLabel, writeAddConstraint(S, T, NV),
                     AccessExclusive, Rel));
    slot(Label,
         make(ChangeKind::Create, KLabel,
              Alter + "VALIDATE CONSTRAINT " + quoteIdentifier(K.Name) + ";",
              ShareUpdateExclusive, Rel, RiskScan | RiskMayFail));
    return;
  }
  bool Keyed =
      K.Kind == ConstraintKind::PrimaryKey || K.Kind == ConstraintKind::Unique;
  if (Keyed && Opts.Concurrently && !Partitioned) {
    Index I;
    I.Name = K.Name;
    I.Unique = true;
    I.NullsNotDistinct = K.NullsNotDistinct;
    for (const std::string &C : K.Columns) {
      IndexKey Key;
      Key.Text = C;
      I.Keys.push_back(Key);
    }
    I.Include = K.Include;
    IndexWriteOptions IO;
    IO.Concurrently = true;
    Step Build =
        make(ChangeKind::Create, KLabel, writeCreateIndex(S, T.Name, I, IO),
             ShareUpdateExclusive, Rel, RiskScan | RiskMayFail);
    Build.NoTransaction = true;
    slot(Label, std::move(Build));
    std::string SQL =
        Alter + "ADD CONSTRAINT " + quoteIdentifier(K.Name) +
        (K.Kind == ConstraintKind::PrimaryKey ? " PRIMARY KEY" : " UNIQUE") +
        " USING INDEX " + quoteIdentifier(K.Name);
    if (K.Deferrable)
      SQL += " DEFERRABLE";
    if (K.InitiallyDeferred)
      SQL += " INITIALLY DEFERRED";
    slot(Label,
         make(ChangeKind::Create, KLabel, SQL + ";", AccessExclusive, Rel,
              K.Kind == ConstraintKind::PrimaryKey ? RiskScan : RiskNone));
    return;
  }
  unsigned Risks = RiskScan | RiskMayFail;
  slot(Label, make(ChangeKind::Create, KLabel, writeAddConstraint(S, T, K),
                   AccessExclusive, Rel, Risks));
}

void Planner::diffTableParts(const Schema &S, const Table &Old,
                             const Table &New, bool ColumnsChanged) {
  std::string Rel = qstr(S, New.Name);
  std::string Alter = "ALTER TABLE " + qname(S, New.Name) + " ";
  std::string Label = objectLabel("table", S, New.Name);

  // Keys another table's foreign key may need: when one is dropped, the
  // foreign keys referencing this table are dropped first and added again.
  bool KeyDropped = false;

  for (const Constraint &K : Old.Constraints) {
    const Constraint *N = New.findConstraint(K.Name);
    bool Same = N && sameConstraint(K, S.Name, *N, S.Name) &&
                !(N->NotValid && !K.NotValid);
    if (Same)
      continue;
    if (K.isIndexBacked())
      KeyDropped = true;
    Step D = make(ChangeKind::Drop,
                  objectLabel("constraint", S, Old.Name + "." + K.Name),
                  Alter + "DROP CONSTRAINT " + quoteIdentifier(K.Name) + ";",
                  AccessExclusive, Rel);
    (K.Kind == ConstraintKind::ForeignKey ? DropFKs : DropConstraints)
        .push_back(std::move(D));
  }
  for (const Index &I : Old.Indexes) {
    const Index *N = New.findIndex(I.Name);
    if (N && sameIndex(I, *N))
      continue;
    if (I.Unique)
      KeyDropped = true;
    bool Conc = Opts.Concurrently && !Old.isPartitioned();
    Step D = make(ChangeKind::Drop, objectLabel("index", S, I.Name),
                  std::string("DROP INDEX ") + (Conc ? "CONCURRENTLY " : "") +
                      qname(S, I.Name) + ";",
                  Conc ? ShareUpdateExclusive : AccessExclusive, Rel);
    D.NoTransaction = Conc;
    DropIndexes.push_back(std::move(D));
  }
  if (KeyDropped)
    for (const Schema &OS : Cur.Schemas)
      for (const Table &T : OS.Tables) {
        if (DroppedTables.count({OS.Name, T.Name}))
          continue;
        const Table *NT = toTable(OS.Name, T.Name);
        for (const Constraint &K : T.Constraints) {
          if (K.Kind != ConstraintKind::ForeignKey)
            continue;
          QualifiedName Ref = K.RefTable;
          if (Ref.Schema.empty())
            Ref.Schema = OS.Name;
          if (Ref != QualifiedName(S.Name, New.Name))
            continue;
          const Constraint *NK = NT ? NT->findConstraint(K.Name) : nullptr;
          if (!NK || !sameConstraint(K, OS.Name, *NK, OS.Name))
            continue; // Dropped (and re-added) as a change already.
          DropFKs.push_back(
              make(ChangeKind::Drop,
                   objectLabel("constraint", OS, T.Name + "." + K.Name),
                   "ALTER TABLE " + qname(OS, T.Name) + " DROP CONSTRAINT " +
                       quoteIdentifier(K.Name) + ";",
                   AccessExclusive, qstr(OS, T.Name)));
          CreateLabels.insert(
              objectLabel("constraint", OS, T.Name + "." + K.Name));
        }
      }

  for (const Constraint &K : New.Constraints) {
    const Constraint *O = Old.findConstraint(K.Name);
    bool Same = O && sameConstraint(*O, S.Name, K, S.Name) &&
                !(K.NotValid && !O->NotValid);
    if (Same) {
      if (O->NotValid && !K.NotValid)
        slot(Label, make(ChangeKind::Alter,
                         objectLabel("constraint", S, New.Name + "." + K.Name),
                         Alter + "VALIDATE CONSTRAINT " +
                             quoteIdentifier(K.Name) + ";",
                         ShareUpdateExclusive, Rel, RiskScan | RiskMayFail));
      continue;
    }
    if (isInlineConstraint(K))
      addInlineConstraint(S, New, K);
    else
      CreateLabels.insert(
          objectLabel("constraint", S, New.Name + "." + K.Name));
  }
  for (const Index &I : New.Indexes) {
    const Index *O = Old.findIndex(I.Name);
    if (!O || !sameIndex(*O, I))
      CreateLabels.insert(objectLabel("index", S, I.Name));
  }

  // Triggers and policies: changed ones, those calling a recreated
  // function, and (on a table whose columns change type) those that name
  // columns are dropped and created again.
  for (const Trigger &Tr : Old.Triggers) {
    const Trigger *N = New.findTrigger(Tr.Name);
    bool Same =
        N && sameTrigger(Tr, S.Name, *N, S.Name) &&
        !RecreatedFunctions.count(Tr.Function.Name) &&
        !(ColumnsChanged && (!Tr.When.empty() || !Tr.UpdateColumns.empty()));
    if (Same)
      continue;
    DropTriggers.push_back(make(
        ChangeKind::Drop, objectLabel("trigger", S, Old.Name + "." + Tr.Name),
        "DROP TRIGGER " + quoteIdentifier(Tr.Name) + " ON " +
            qname(S, Old.Name) + ";",
        AccessExclusive, Rel));
    if (N)
      CreateLabels.insert(objectLabel("trigger", S, New.Name + "." + Tr.Name));
  }
  for (const Trigger &Tr : New.Triggers)
    if (!Old.findTrigger(Tr.Name))
      CreateLabels.insert(objectLabel("trigger", S, New.Name + "." + Tr.Name));

  for (const Policy &P : Old.Policies) {
    const Policy *N = New.findPolicy(P.Name);
    if (N && samePolicy(P, *N) && !ColumnsChanged)
      continue;
    DropPolicies.push_back(make(
        ChangeKind::Drop, objectLabel("policy", S, Old.Name + "." + P.Name),
        "DROP POLICY " + quoteIdentifier(P.Name) + " ON " + qname(S, Old.Name) +
            ";",
        AccessExclusive, Rel));
    if (N)
      CreateLabels.insert(objectLabel("policy", S, New.Name + "." + P.Name));
  }
  for (const Policy &P : New.Policies)
    if (!Old.findPolicy(P.Name))
      CreateLabels.insert(objectLabel("policy", S, New.Name + "." + P.Name));

  if (Old.RowSecurity != New.RowSecurity)
    slot(Label, make(ChangeKind::Alter, Label,
                     Alter + (New.RowSecurity ? "ENABLE" : "DISABLE") +
                         " ROW LEVEL SECURITY;",
                     AccessExclusive, Rel));
  if (Old.ForceRowSecurity != New.ForceRowSecurity)
    slot(Label, make(ChangeKind::Alter, Label,
                     Alter + (New.ForceRowSecurity ? "FORCE" : "NO FORCE") +
                         " ROW LEVEL SECURITY;",
                     AccessExclusive, Rel));
}

void Planner::diffTable(const Schema &S, const Table &Old, const Table &New) {
  std::string Label = objectLabel("table", S, New.Name);
  std::string Rel = qstr(S, New.Name);
  std::string Alter = "ALTER TABLE " + qname(S, New.Name) + " ";
  auto Add = [&](std::string SQL, unsigned Risks = RiskNone,
                 StringRef Lock = AccessExclusive) {
    slot(Label,
         make(ChangeKind::Alter, Label, Alter + SQL + ";", Lock, Rel, Risks));
  };

  // Column changes (their order in the table is not compared: a column
  // added by ALTER TABLE lands at the end, whatever the file says).
  bool ColumnsChanged = false;
  std::set<std::string> BeforeTypes;
  for (const Column &C : Old.Columns) {
    if (New.findColumn(C.Name))
      continue;
    ColumnsChanged = true;
    DroppedColumns.insert({S.Name, New.Name, C.Name});
    if (refuse(C.Location,
               "drop column " + Rel + "." + C.Name + ", which loses its data"))
      continue;
    if (New.isPartition())
      continue; // Dropped through the parent.
    slot(Label, make(ChangeKind::Drop,
                     objectLabel("column", S, New.Name + "." + C.Name),
                     Alter + "DROP COLUMN " + quoteIdentifier(C.Name) + ";",
                     AccessExclusive, Rel, RiskDataLoss));
  }
  if (ColumnsChanged)
    ChangedRelations.insert(New.Name);
  for (const Column &C : New.Columns) {
    const Column *O = Old.findColumn(C.Name);
    if (O) {
      size_t Before = ChangedRelations.size();
      bool Had = ChangedRelations.count(New.Name);
      if (!New.isPartition())
        diffColumn(S, New, *O, C);
      if (!Had && ChangedRelations.size() != Before)
        ColumnsChanged = true;
      continue;
    }
    if (New.isPartition())
      continue; // Added through the parent.
    unsigned Risks = RiskNone;
    std::string Note;
    if (C.NotNull && C.Default.empty() && !C.isIdentity() && !C.isGenerated()) {
      Risks |= RiskMayFail;
      Note = "fails if the table has rows: NOT NULL without a default";
    }
    if (C.isGenerated() || C.isIdentity() || isVolatileDefault(C.Default))
      Risks |= RiskRewrite;
    Step St = make(ChangeKind::Create,
                   objectLabel("column", S, New.Name + "." + C.Name),
                   Alter + "ADD COLUMN " + writeColumnDefinition(C) + ";",
                   AccessExclusive, Rel, Risks);
    St.Note = IsDown ? restoredNote() : Note;
    slot(Label, std::move(St));
  }
  if (ColumnsChanged)
    ChangedRelations.insert(New.Name);

  // Storage.
  if (Old.Unlogged != New.Unlogged)
    Add(New.Unlogged ? "SET UNLOGGED" : "SET LOGGED", RiskRewrite);
  if (!sameOptions(Old.Options, New.Options)) {
    std::vector<std::string> Reset;
    for (const Option &O : Old.Options)
      if (none_of(New.Options,
                  [&](const Option &X) { return X.Name == O.Name; }))
        Reset.push_back(O.Name);
    if (!Reset.empty())
      Add("RESET (" + join(Reset, ", ") + ")");
    if (!New.Options.empty())
      Add("SET (" + optionList(New.Options) + ")");
  }
  if (Old.Tablespace != New.Tablespace)
    Add("SET TABLESPACE " + quoteIdentifier(New.Tablespace.empty()
                                                ? "pg_default"
                                                : New.Tablespace),
        RiskRewrite);

  // Inheritance and partition bounds.
  for (const QualifiedName &P : Old.Inherits)
    if (!is_contained(New.Inherits, P))
      Add("NO INHERIT " + P.sql());
  for (const QualifiedName &P : New.Inherits)
    if (!is_contained(Old.Inherits, P))
      Add("INHERIT " + P.sql(), RiskScan);
  if (Old.isPartition() &&
      (!New.isPartition() ||
       !sameExpression(Old.PartitionBound, New.PartitionBound))) {
    QualifiedName P = Old.PartitionOf;
    if (P.Schema.empty())
      P.Schema = S.Name;
    slot(Label, make(ChangeKind::Alter, Label,
                     "ALTER TABLE " + P.sql() + " DETACH PARTITION " +
                         qname(S, New.Name) + ";",
                     AccessExclusive, P.str()));
  }
  if (New.isPartition() &&
      (!Old.isPartition() ||
       !sameExpression(Old.PartitionBound, New.PartitionBound))) {
    QualifiedName P = New.PartitionOf;
    if (P.Schema.empty())
      P.Schema = S.Name;
    std::string Bound =
        StringRef(New.PartitionBound).trim().equals_insensitive("default")
            ? "DEFAULT"
            : New.PartitionBound;
    slot(Label, make(ChangeKind::Alter, Label,
                     "ALTER TABLE " + P.sql() + " ATTACH PARTITION " +
                         qname(S, New.Name) + " " + Bound + ";",
                     ShareUpdateExclusive, P.str(), RiskScan | RiskMayFail));
  }

  diffTableParts(S, Old, New, ColumnsChanged);
}

void Planner::diffTables() {
  // Tables whose partitioning changes are dropped and created again, with
  // their partitions.
  for (const Schema &S : To.Schemas)
    for (const Table &T : S.Tables) {
      const Table *Old = curTable(S.Name, T.Name);
      if (!Old)
        continue;
      bool Recreate =
          Old->PartitionBy != T.PartitionBy ||
          !sameKeys(Old->PartitionKeys, T.PartitionKeys) ||
          (Old->isPartition() && T.isPartition() &&
           QualifiedName(Old->PartitionOf.Schema.empty()
                             ? S.Name
                             : Old->PartitionOf.Schema,
                         Old->PartitionOf.Name) !=
               QualifiedName(
                   T.PartitionOf.Schema.empty() ? S.Name : T.PartitionOf.Schema,
                   T.PartitionOf.Name));
      if (!Recreate)
        continue;
      if (refuse(Old->Location, "recreate table " + qstr(S, T.Name) +
                                    " to change its partitioning, which "
                                    "loses its data"))
        continue;
      RecreatedTables.insert({S.Name, T.Name});
    }
  // Partitions of recreated tables are recreated too.
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const Schema &S : Cur.Schemas)
      for (const Table &T : S.Tables)
        if (!RecreatedTables.count({S.Name, T.Name}) && T.isPartition()) {
          StringRef PS = T.PartitionOf.Schema.empty()
                             ? StringRef(S.Name)
                             : StringRef(T.PartitionOf.Schema);
          if (RecreatedTables.count({PS.str(), T.PartitionOf.Name}) &&
              toTable(S.Name, T.Name)) {
            RecreatedTables.insert({S.Name, T.Name});
            Grew = true;
          }
        }
  }

  for (const Schema &S : To.Schemas)
    for (const Table &T : S.Tables) {
      const Table *Old = curTable(S.Name, T.Name);
      if (Old && !RecreatedTables.count({S.Name, T.Name})) {
        diffTable(S, *Old, T);
        continue;
      }
      if (Old) {
        const Schema &OS = *Cur.findSchema(S.Name);
        dropTable(OS, *Old, /*Recreate=*/true);
        // Foreign keys of other tables that reference it go first.
        for (const Schema &XS : Cur.Schemas)
          for (const Table &X : XS.Tables)
            for (const Constraint &K : X.Constraints) {
              QualifiedName Ref = K.RefTable;
              if (Ref.Schema.empty())
                Ref.Schema = XS.Name;
              if (K.Kind != ConstraintKind::ForeignKey ||
                  Ref != QualifiedName(S.Name, T.Name) ||
                  (XS.Name == S.Name && X.Name == T.Name) ||
                  DroppedTables.count({XS.Name, X.Name}))
                continue;
              DropFKs.push_back(
                  make(ChangeKind::Drop,
                       objectLabel("constraint", XS, X.Name + "." + K.Name),
                       "ALTER TABLE " + qname(XS, X.Name) +
                           " DROP CONSTRAINT " + quoteIdentifier(K.Name) + ";",
                       AccessExclusive, qstr(XS, X.Name)));
              if (const Table *NX = toTable(XS.Name, X.Name))
                if (NX->findConstraint(K.Name))
                  CreateLabels.insert(
                      objectLabel("constraint", XS, X.Name + "." + K.Name));
            }
      }
      // A new (or recreated) table: everything the writer says about it.
      CreateLabels.insert(objectLabel("table", S, T.Name));
      for (const Column &C : T.Columns)
        CreateLabels.insert(objectLabel("column", S, T.Name + "." + C.Name));
      for (const Constraint &K : T.Constraints)
        CreateLabels.insert(
            objectLabel("constraint", S, T.Name + "." + K.Name));
      for (const Index &I : T.Indexes)
        CreateLabels.insert(objectLabel("index", S, I.Name));
      for (const Trigger &Tr : T.Triggers)
        CreateLabels.insert(objectLabel("trigger", S, T.Name + "." + Tr.Name));
      for (const Policy &P : T.Policies)
        CreateLabels.insert(objectLabel("policy", S, T.Name + "." + P.Name));
    }

  for (const Schema &S : Cur.Schemas)
    for (const Table &T : S.Tables)
      if (!toTable(S.Name, T.Name)) {
        if (refuse(T.Location,
                   "drop table " + qstr(S, T.Name) + ", which loses its data"))
          continue;
        dropTable(S, T, /*Recreate=*/false);
      }

  // Sequences that are gone: unless a dropped table or column owned them
  // (PostgreSQL drops those with it).
  for (const Schema &S : Cur.Schemas) {
    for (const Sequence &Q : S.Sequences) {
      if (ToIndex.sequence(S.Name, Q.Name))
        continue;
      if (!Q.OwnedByTable.empty()) {
        std::string OS =
            Q.OwnedByTable.Schema.empty() ? S.Name : Q.OwnedByTable.Schema;
        if (DroppedTables.count({OS, Q.OwnedByTable.Name}) ||
            DroppedColumns.count({OS, Q.OwnedByTable.Name, Q.OwnedByColumn}))
          continue;
      }
      std::string Label = objectLabel("sequence", S, Q.Name);
      lateDrop(Label, make(ChangeKind::Drop, Label,
                           "DROP SEQUENCE " + qname(S, Q.Name) + ";"));
    }
  }
}

//===----------------------------------------------------------------------===//
// Views
//===----------------------------------------------------------------------===//

void Planner::diffViews() {
  // Views to drop: gone, changed, or over something that changes.
  std::set<std::pair<std::string, std::string>> Drop;
  auto Uses = [&](const View &V, const std::set<std::string> &Names) {
    std::set<std::string> Refs = referencedNames(V.Query);
    return any_of(Names, [&](const std::string &N) { return Refs.count(N); });
  };
  for (const Schema &S : Cur.Schemas)
    for (const View &V : S.Views) {
      const Schema *NS = To.findSchema(S.Name);
      const View *N = NS ? NS->findView(V.Name) : nullptr;
      if (!N || !sameView(V, *N) || Uses(V, ChangedRelations) ||
          Uses(V, RecreatedFunctions))
        Drop.insert({S.Name, V.Name});
    }
  // Views over dropped views.
  for (bool Grew = true; Grew;) {
    Grew = false;
    std::set<std::string> Names;
    for (const auto &D : Drop)
      Names.insert(D.second);
    for (const Schema &S : Cur.Schemas)
      for (const View &V : S.Views)
        if (!Drop.count({S.Name, V.Name}) && Uses(V, Names)) {
          Drop.insert({S.Name, V.Name});
          Grew = true;
        }
  }

  for (const Schema &S : Cur.Schemas)
    for (const View &V : S.Views) {
      if (!Drop.count({S.Name, V.Name}))
        continue;
      std::string Label =
          objectLabel(V.Materialized ? "materialized view" : "view", S, V.Name);
      DropViews.push_back(
          make(ChangeKind::Drop, Label,
               std::string(V.Materialized ? "DROP MATERIALIZED VIEW "
                                          : "DROP VIEW ") +
                   qname(S, V.Name) + ";",
               AccessExclusive, qstr(S, V.Name)));
    }

  for (const Schema &S : To.Schemas) {
    const Schema *OS = Cur.findSchema(S.Name);
    for (const View &V : S.Views) {
      const View *Old = OS ? OS->findView(V.Name) : nullptr;
      std::string Label =
          objectLabel(V.Materialized ? "materialized view" : "view", S, V.Name);
      if (!Old || Drop.count({S.Name, V.Name})) {
        CreateLabels.insert(Label);
        for (const Index &I : V.Indexes)
          CreateLabels.insert(objectLabel("index", S, I.Name));
        for (const Trigger &Tr : V.Triggers)
          CreateLabels.insert(
              objectLabel("trigger", S, V.Name + "." + Tr.Name));
        continue;
      }
      std::string Rel = qstr(S, V.Name);
      for (const Index &I : Old->Indexes) {
        auto It = find_if(V.Indexes,
                          [&](const Index &X) { return X.Name == I.Name; });
        if (It != V.Indexes.end() && sameIndex(I, *It))
          continue;
        DropIndexes.push_back(
            make(ChangeKind::Drop, objectLabel("index", S, I.Name),
                 "DROP INDEX " + qname(S, I.Name) + ";", AccessExclusive, Rel));
      }
      for (const Index &I : V.Indexes) {
        auto It = find_if(Old->Indexes,
                          [&](const Index &X) { return X.Name == I.Name; });
        if (It == Old->Indexes.end() || !sameIndex(*It, I))
          CreateLabels.insert(objectLabel("index", S, I.Name));
      }
      for (const Trigger &Tr : Old->Triggers) {
        auto It = find_if(V.Triggers,
                          [&](const Trigger &X) { return X.Name == Tr.Name; });
        if (It != V.Triggers.end() && sameTrigger(Tr, S.Name, *It, S.Name) &&
            !RecreatedFunctions.count(Tr.Function.Name))
          continue;
        DropTriggers.push_back(make(
            ChangeKind::Drop, objectLabel("trigger", S, V.Name + "." + Tr.Name),
            "DROP TRIGGER " + quoteIdentifier(Tr.Name) + " ON " +
                qname(S, V.Name) + ";",
            AccessExclusive, Rel));
        if (It != V.Triggers.end())
          CreateLabels.insert(
              objectLabel("trigger", S, V.Name + "." + Tr.Name));
      }
      for (const Trigger &Tr : V.Triggers)
        if (none_of(Old->Triggers,
                    [&](const Trigger &X) { return X.Name == Tr.Name; }))
          CreateLabels.insert(
              objectLabel("trigger", S, V.Name + "." + Tr.Name));
    }
  }
}

//===----------------------------------------------------------------------===//
// Comments and owners of objects that stay
//===----------------------------------------------------------------------===//

void Planner::diffComments() {
  auto Comment = [&](const std::string &Label, const std::string &What,
                     StringRef Old, StringRef New) {
    if (Old != New && !CreateLabels.count(Label))
      PostSteps.push_back(
          make(ChangeKind::Alter, Label, writeComment(What, New)));
  };
  auto Owner = [&](const std::string &Label, const std::string &What,
                   StringRef Old, StringRef New) {
    if (!New.empty() && Old != New && !CreateLabels.count(Label))
      PostSteps.push_back(
          make(ChangeKind::Alter, Label, writeOwner(What, New)));
  };
  // GRANT and REVOKE on objects kept (created ones get theirs with their
  // definition), after any owner change.
  auto Privileges = [&](const std::string &Label, const std::string &What,
                        ACLKind K, StringRef Name, const ACL &Old,
                        const ACL &New, StringRef Owner) {
    if (Old == New || CreateLabels.count(Label))
      return;
    for (std::string &SQL :
         writePrivilegeChanges(What, K, Name, Old, New, Owner))
      PostSteps.push_back(make(ChangeKind::Alter, Label, std::move(SQL)));
  };
  for (const Schema &S : To.Schemas) {
    const Schema *OS = Cur.findSchema(S.Name);
    if (!OS)
      continue;
    std::string SL = "schema " + S.Name;
    // Every database's public schema comes with a comment ("standard public
    // schema"): a schema file that says nothing about it keeps it.
    if (S.Name != "public" || !S.Comment.empty())
      Comment(SL, "SCHEMA " + quoteIdentifier(S.Name), OS->Comment, S.Comment);
    Owner(SL, "SCHEMA " + quoteIdentifier(S.Name), OS->Owner, S.Owner);
    Privileges(SL, "SCHEMA " + quoteIdentifier(S.Name), ACLKind::Schema, S.Name,
               OS->Privileges, S.Privileges, S.Owner);
    for (const Table &T : S.Tables) {
      const Table *OT = curTable(S.Name, T.Name);
      if (!OT || RecreatedTables.count({S.Name, T.Name}))
        continue;
      std::string TL = objectLabel("table", S, T.Name);
      std::string TQ = qname(S, T.Name);
      Comment(TL, "TABLE " + TQ, OT->Comment, T.Comment);
      Owner(TL, "TABLE " + TQ, OT->Owner, T.Owner);
      Privileges(TL, "TABLE " + TQ, ACLKind::Relation, T.Name, OT->Privileges,
                 T.Privileges, T.Owner);
      for (const Column &C : T.Columns) {
        const Column *OC = OT->findColumn(C.Name);
        if (!CreateLabels.count(TL))
          for (std::string &SQL : writeColumnPrivilegeChanges(
                   "TABLE " + TQ, C.Name,
                   OC ? OC->Grants : std::vector<Grant>(), C.Grants))
            PostSteps.push_back(
                make(ChangeKind::Alter,
                     objectLabel("column", S, T.Name + "." + C.Name),
                     std::move(SQL)));
        Comment(objectLabel("column", S, T.Name + "." + C.Name),
                "COLUMN " + TQ + "." + quoteIdentifier(C.Name),
                OC ? StringRef(OC->Comment) : StringRef(), C.Comment);
      }
      for (const Constraint &K : T.Constraints) {
        const Constraint *OK = OT->findConstraint(K.Name);
        std::string KL = objectLabel("constraint", S, T.Name + "." + K.Name);
        // A constraint added in place is commented here too.
        bool Added = !OK || !sameConstraint(*OK, S.Name, K, S.Name);
        if (Added && isInlineConstraint(K) && !K.Comment.empty())
          PostSteps.push_back(
              make(ChangeKind::Alter, KL,
                   writeComment("CONSTRAINT " + quoteIdentifier(K.Name) +
                                    " ON " + TQ,
                                K.Comment)));
        else if (!Added)
          Comment(KL, "CONSTRAINT " + quoteIdentifier(K.Name) + " ON " + TQ,
                  OK->Comment, K.Comment);
      }
      for (const Index &I : T.Indexes)
        if (const Index *OI = OT->findIndex(I.Name))
          Comment(objectLabel("index", S, I.Name), "INDEX " + qname(S, I.Name),
                  OI->Comment, I.Comment);
      for (const Trigger &Tr : T.Triggers)
        if (const Trigger *OTr = OT->findTrigger(Tr.Name))
          Comment(objectLabel("trigger", S, T.Name + "." + Tr.Name),
                  "TRIGGER " + quoteIdentifier(Tr.Name) + " ON " + TQ,
                  OTr->Comment, Tr.Comment);
      for (const Policy &P : T.Policies)
        if (const Policy *OP = OT->findPolicy(P.Name))
          Comment(objectLabel("policy", S, T.Name + "." + P.Name),
                  "POLICY " + quoteIdentifier(P.Name) + " ON " + TQ,
                  OP->Comment, P.Comment);
    }
    // Types: comment, owner and privileges alike.
    auto TypeAttrs = [&](StringRef Kind, StringRef SQLKind, const auto *O,
                         const auto &N) {
      if (!O)
        return;
      std::string L = objectLabel(Kind, S, N.Name);
      std::string What = SQLKind.str() + " " + qname(S, N.Name);
      Comment(L, What, O->Comment, N.Comment);
      Owner(L, What, O->Owner, N.Owner);
      Privileges(L, What, ACLKind::Type, N.Name, O->Privileges, N.Privileges,
                 N.Owner);
    };
    for (const EnumType &E : S.Enums)
      TypeAttrs("enum", "TYPE", OS->findEnum(E.Name), E);
    for (const Domain &D : S.Domains)
      TypeAttrs("domain", "DOMAIN", OS->findDomain(D.Name), D);
    for (const CompositeType &C : S.Composites)
      TypeAttrs("composite", "TYPE", OS->findComposite(C.Name), C);
    for (const RangeType &R : S.Ranges)
      TypeAttrs("range", "TYPE", OS->findRange(R.Name), R);
    for (const Sequence &Q : S.Sequences)
      if (const Sequence *O = CurIndex.sequence(S.Name, Q.Name)) {
        std::string L = objectLabel("sequence", S, Q.Name);
        Comment(L, "SEQUENCE " + qname(S, Q.Name), O->Comment, Q.Comment);
        Owner(L, "SEQUENCE " + qname(S, Q.Name), O->Owner, Q.Owner);
        Privileges(L, "SEQUENCE " + qname(S, Q.Name), ACLKind::Sequence, Q.Name,
                   O->Privileges, Q.Privileges, Q.Owner);
      }
    for (const View &V : S.Views)
      if (const View *O = OS->findView(V.Name)) {
        std::string Kind = V.Materialized ? "MATERIALIZED VIEW " : "VIEW ";
        std::string L = objectLabel(
            V.Materialized ? "materialized view" : "view", S, V.Name);
        Comment(L, Kind + qname(S, V.Name), O->Comment, V.Comment);
        Owner(L, Kind + qname(S, V.Name), O->Owner, V.Owner);
        Privileges(L, "TABLE " + qname(S, V.Name), ACLKind::Relation, V.Name,
                   O->Privileges, V.Privileges, V.Owner);
        for (const Index &I : V.Indexes)
          for (const Index &OI : O->Indexes)
            if (OI.Name == I.Name)
              Comment(objectLabel("index", S, I.Name),
                      "INDEX " + qname(S, I.Name), OI.Comment, I.Comment);
      }
    for (const Function &F : S.Functions)
      if (const Function *O = findFunction(OS, functionKey(F))) {
        std::string L = functionLabel(S, F);
        if (RecreatedFunctions.count(F.Name) && CreateLabels.count(L))
          continue;
        Comment(L, functionDesignation(S, F), O->Comment, F.Comment);
        Owner(L, functionDesignation(S, F), O->Owner, F.Owner);
        Privileges(L, functionDesignation(S, F), ACLKind::Function, F.Name,
                   O->Privileges, F.Privileges, F.Owner);
      }
  }
  for (const Extension &E : To.Extensions)
    if (const Extension *O = Cur.findExtension(E.Name))
      if (!E.Comment.empty()) // The extension's script sets its own.
        Comment("extension " + E.Name, "EXTENSION " + quoteIdentifier(E.Name),
                O->Comment, E.Comment);
}

//===----------------------------------------------------------------------===//
// Undeclared renames
//===----------------------------------------------------------------------===//

void Planner::warnLikelyRenames() {
  auto Shape = [](const Table &T) {
    std::vector<std::pair<std::string, std::string>> Out;
    for (const Column &C : T.Columns)
      Out.push_back({C.Name, C.Type});
    llvm::sort(Out);
    return Out;
  };
  for (const Schema &S : To.Schemas) {
    const Schema *OS = Cur.findSchema(S.Name);
    if (!OS)
      continue;
    std::vector<const Table *> Dropped;
    for (const Table &G : OS->Tables)
      if (!toTable(S.Name, G.Name))
        Dropped.push_back(&G);
    for (const Table &T : S.Tables) {
      const Table *Old = curTable(S.Name, T.Name);
      if (!Old) {
        for (const Table *GP : Dropped)
          if (const Table &G = *GP; !T.Columns.empty() && Shape(G) == Shape(T))
            Diags.warning(T.Location,
                          "table " + qstr(S, T.Name) +
                              " has the columns of "
                              "dropped table " +
                              qstr(S, G.Name) +
                              "; if it is a rename, declare it with "
                              "'-- bk:renamed-from " +
                              quoteIdentifier(G.Name) +
                              "' (otherwise it is dropped and created)");
        continue;
      }
      // One column gone and one of the same type new.
      std::vector<const Column *> Gone, Added;
      for (const Column &C : Old->Columns)
        if (!T.findColumn(C.Name))
          Gone.push_back(&C);
      for (const Column &C : T.Columns)
        if (!Old->findColumn(C.Name))
          Added.push_back(&C);
      for (const Column *A : Added)
        for (const Column *G : Gone)
          if (A->Type == G->Type)
            Diags.warning(A->Location,
                          "column " + qstr(S, T.Name) + "." + A->Name +
                              " has the type of dropped column " + G->Name +
                              "; if it is a rename, declare it with "
                              "'-- bk:renamed-from " +
                              quoteIdentifier(G->Name) +
                              "' (otherwise its data is dropped)");
    }
  }
}

//===----------------------------------------------------------------------===//
// Assembly
//===----------------------------------------------------------------------===//

/// The relation an index label's statement is on, and whether it is a
/// partitioned table.
static bool findIndexOwner(const Catalog &C, StringRef SchemaName,
                           StringRef IndexName, const Schema *&S,
                           std::string &Rel, const Index *&I,
                           bool &Partitioned) {
  S = C.findSchema(SchemaName);
  if (!S)
    return false;
  for (const Table &T : S->Tables)
    if (const Index *X = T.findIndex(IndexName)) {
      Rel = T.Name;
      I = X;
      Partitioned = T.isPartitioned();
      return true;
    }
  for (const View &V : S->Views)
    for (const Index &X : V.Indexes)
      if (X.Name == IndexName) {
        Rel = V.Name;
        I = &X;
        Partitioned = false;
        return true;
      }
  return false;
}

Step Planner::createStep(const Statement &St) {
  Step S = make(ChangeKind::Create, St.Object, St.SQL);
  StringRef Label = St.Object;
  StringRef SQL = St.SQL;
  bool IsCreate = SQL.startswith("CREATE ");
  if (Label.startswith("index ") && IsCreate) {
    // "index schema.name": on a relation that exists, build it without
    // blocking writes.
    StringRef QN = Label.drop_front(6);
    const Schema *Sc;
    std::string Rel;
    const Index *I;
    bool Partitioned;
    for (const Schema &X : To.Schemas) {
      if (!QN.startswith(X.Name + ".") ||
          !findIndexOwner(To, X.Name, QN.drop_front(X.Name.size() + 1), Sc, Rel,
                          I, Partitioned))
        continue;
      const Schema *OS = Cur.findSchema(X.Name);
      bool Exists =
          OS && !DroppedTables.count({X.Name, Rel}) &&
          !RecreatedTables.count({X.Name, Rel}) &&
          (curTable(X.Name, Rel) ||
           (OS->findView(Rel) &&
            !CreateLabels.count(objectLabel("materialized view", X, Rel))));
      if (!Exists)
        break;
      IndexWriteOptions IO;
      IO.Concurrently = Opts.Concurrently && !Partitioned;
      S.SQL = writeCreateIndex(*Sc, Rel, *I, IO);
      S.Lock = IO.Concurrently ? ShareUpdateExclusive : "SHARE";
      S.LockedRelation = qstr(*Sc, Rel);
      S.Risks = RiskScan | (I->Unique ? RiskMayFail : RiskNone);
      S.NoTransaction = IO.Concurrently;
      break;
    }
  } else if (Label.startswith("constraint ") &&
             SQL.startswith("ALTER TABLE ")) {
    // A foreign key (or NOT VALID check) on a table that exists: NOT VALID
    // first, validated after.
    for (const Schema &X : To.Schemas)
      for (const Table &T : X.Tables)
        for (const Constraint &K : T.Constraints) {
          if (objectLabel("constraint", X, T.Name + "." + K.Name) != Label)
            continue;
          if (!tableKept(X, T))
            return S;
          S.Lock = K.Kind == ConstraintKind::ForeignKey ? ShareRowExclusive
                                                        : AccessExclusive;
          S.LockedRelation = qstr(X, T.Name);
          if (K.NotValid)
            return S;
          if (!Opts.ValidateSeparately || T.isPartitioned() ||
              T.isPartition()) {
            S.Risks = RiskScan | RiskMayFail;
            return S;
          }
          Constraint NV = K;
          NV.NotValid = true;
          S.SQL = writeAddConstraint(X, T, NV) + "\n" + "ALTER TABLE " +
                  qname(X, T.Name) + " VALIDATE CONSTRAINT " +
                  quoteIdentifier(K.Name) + ";";
          S.Risks = RiskScan | RiskMayFail;
          S.Note = "added NOT VALID, then validated under a SHARE UPDATE "
                   "EXCLUSIVE lock";
          return S;
        }
  } else if (Label.startswith("trigger ") && IsCreate) {
    S.Lock = ShareRowExclusive;
  } else if (Label.startswith("materialized view ") && IsCreate) {
    S.Risks = RiskScan;
  } else if (Label.startswith("table ") && IsCreate) {
    S.Note = restoredNote();
  }
  return S;
}

void Planner::assemble(Script &Out) {
  std::vector<Step> &Steps = Out.Steps;
  auto Append = [&](std::vector<Step> &V) {
    for (Step &S : V)
      Steps.push_back(std::move(S));
  };
  Append(RenameSteps);
  Append(DropTriggers);
  Append(DropPolicies);
  // Drops go in the reverse of From's creation order: the writer's order of
  // just the objects dropped.
  std::map<std::string, size_t> FromOrder;
  if (!DropViews.empty() || !LateDrops.empty()) {
    std::set<std::string> Dropped;
    for (const Step &S : DropViews)
      Dropped.insert(S.Object);
    for (const Step &S : LateDrops)
      Dropped.insert(S.Object);
    WriterOptions WO;
    WO.Only = [&](StringRef Object) { return Dropped.count(Object.str()); };
    std::vector<Statement> FromStatements = writeCatalogStatements(Cur, WO);
    for (size_t I = 0; I < FromStatements.size(); ++I)
      FromOrder.insert({FromStatements[I].Object, I});
  }
  auto Reverse = [&](std::vector<Step> &V) {
    auto Pos = [&](const Step &S) {
      auto It = FromOrder.find(S.Object);
      return It == FromOrder.end() ? size_t(0) : It->second;
    };
    llvm::stable_sort(
        V, [&](const Step &A, const Step &B) { return Pos(A) > Pos(B); });
  };
  Reverse(DropViews);
  Append(DropViews);
  Append(DropFKs);
  Append(DropConstraints);
  Append(DropIndexes);
  Append(DropFunctions);
  Append(DropTablesEarly);

  // To's statements: only those of objects created, replaced or changed
  // (the last for the place of their changes).
  WriterOptions WO;
  WO.Only = [&](StringRef Object) {
    std::string O = Object.str();
    return CreateLabels.count(O) || ReplaceLabels.count(O) ||
           SlotSteps.count(O);
  };
  std::set<std::string> Slotted;
  for (const Statement &St : writeCatalogStatements(To, WO)) {
    if (Slotted.insert(St.Object).second) {
      auto It = SlotSteps.find(St.Object);
      if (It != SlotSteps.end()) {
        Append(It->second);
        SlotSteps.erase(It);
      }
    }
    if (CreateLabels.count(St.Object)) {
      Steps.push_back(createStep(St));
    } else if (ReplaceLabels.count(St.Object) &&
               StringRef(St.SQL).startswith("CREATE ")) {
      Step S = make(ChangeKind::Alter, St.Object,
                    "CREATE OR REPLACE " + St.SQL.substr(7));
      Steps.push_back(std::move(S));
    }
  }
  // Steps of objects the writer gave no statement (none expected).
  for (auto &P : SlotSteps)
    Append(P.second);
  Append(PostSteps);
  Reverse(LateDrops);
  Append(LateDrops);

  // A value added to an enum and used later in the same script (a default,
  // a check, an index predicate): PostgreSQL allows that only when the
  // ADD VALUE has committed, so the script runs without a transaction.
  for (Step &Add : Steps) {
    if (!AddedEnumValues.count(Add.SQL))
      continue;
    StringRef Rest = StringRef(Add.SQL).split(" ADD VALUE ").second;
    std::string Literal;
    size_t I = 0;
    if (Rest.empty() || Rest[0] != '\'')
      continue;
    for (I = 1; I < Rest.size(); ++I) {
      if (Rest[I] == '\'' && I + 1 < Rest.size() && Rest[I + 1] == '\'') {
        ++I;
        continue;
      }
      if (Rest[I] == '\'')
        break;
    }
    Literal = Rest.take_front(I + 1).str();
    bool UsedLater = any_of(Steps, [&](const Step &Other) {
      return &Other != &Add && !AddedEnumValues.count(Other.SQL) &&
             StringRef(Other.SQL).contains(Literal);
    });
    if (UsedLater) {
      Add.NoTransaction = true;
      Add.Note = "the new value is used later in this script: PostgreSQL "
                 "allows that only after ADD VALUE has committed, so the "
                 "script runs without a transaction";
    }
  }
}

bool Planner::run(Script &Out) {
  Optional<TimeRegion> Timing;
  if (Opts.DiffTimer)
    Timing.emplace(*Opts.DiffTimer);
  ToIndex.build(To);
  applyRenames();
  matchRenamedParts();
  CurIndex.build(Cur);
  if (!IsDown)
    warnLikelyRenames();
  diffSchemas();
  diffTypes();
  diffFunctions();
  diffSequences();
  diffTables();
  diffViews();
  diffComments();
  Timing.reset();
  if (Failed)
    return false;
  if (Opts.PlanTimer)
    Timing.emplace(*Opts.PlanTimer);
  assemble(Out);
  return true;
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

/// Names PostgreSQL would truncate make a diff that never converges.
static bool checkNames(const Catalog &C, const DiffOptions &Opts,
                       DiagnosticEngine &Diags) {
  bool OK = true;
  auto Check = [&](StringRef Name, Loc L, StringRef What) {
    if (Name.size() <= MaxIdentifierLength)
      return;
    Diags.error(L, What + " name '" + Name + "' is " + Twine(Name.size()) +
                       " bytes; PostgreSQL keeps 63 and would truncate it, "
                       "so the schemas would never match");
    OK = false;
  };
  auto NeedsVersion = [&](bool Uses, Loc L, StringRef Feature,
                          unsigned Version) {
    if (!Uses || Opts.TargetVersion >= Version)
      return;
    Diags.error(L, Feature + " needs PostgreSQL " + Twine(Version) +
                       " (--target-version is " + Twine(Opts.TargetVersion) +
                       ")");
    OK = false;
  };
  for (const Schema &S : C.Schemas) {
    for (const Table &T : S.Tables) {
      Check(T.Name, T.Location, "table");
      for (const Column &Col : T.Columns)
        Check(Col.Name, Col.Location, "column");
      for (const Constraint &K : T.Constraints) {
        Check(K.Name, K.Location, "constraint");
        NeedsVersion(K.NullsNotDistinct, K.Location,
                     "UNIQUE NULLS NOT DISTINCT", 15);
        NeedsVersion(!K.OnDeleteSetColumns.empty(), K.Location,
                     "ON DELETE SET NULL/DEFAULT with a column list", 15);
      }
      for (const Index &I : T.Indexes) {
        Check(I.Name, I.Location, "index");
        NeedsVersion(I.NullsNotDistinct, I.Location,
                     "UNIQUE NULLS NOT DISTINCT", 15);
      }
      for (const Trigger &Tr : T.Triggers)
        Check(Tr.Name, Tr.Location, "trigger");
      for (const Policy &P : T.Policies)
        Check(P.Name, P.Location, "policy");
    }
    for (const View &V : S.Views)
      Check(V.Name, V.Location, "view");
    for (const Sequence &Q : S.Sequences)
      Check(Q.Name, Q.Location, "sequence");
    for (const EnumType &E : S.Enums)
      Check(E.Name, E.Location, "type");
    for (const Domain &D : S.Domains)
      Check(D.Name, D.Location, "domain");
    for (const Function &F : S.Functions)
      Check(F.Name, F.Location, "function");
  }
  return OK;
}

bool diffCatalogs(const Catalog &Old, const Catalog &New,
                  const DiffOptions &Opts, DiagnosticEngine &Diags,
                  Migration &Out) {
  Catalog OldC = Old, NewC = New;
  return diffCatalogs(std::move(OldC), std::move(NewC), Opts, Diags, Out);
}

bool diffCatalogs(Catalog &&OldC, Catalog &&NewC, const DiffOptions &Opts,
                  DiagnosticEngine &Diags, Migration &Out) {
  unsigned ErrorsBefore = Diags.getNumErrors();
  if (Opts.TargetVersion < 13 || Opts.TargetVersion > 17) {
    Diags.error(Loc(), "--target-version must be 13 to 17, not " +
                           Twine(Opts.TargetVersion));
    return false;
  }
  std::vector<Rename> Renames = collectRenames(NewC, Diags);
  checkNames(NewC, Opts, Diags);
  if (Diags.getNumErrors() != ErrorsBefore)
    return false;
  schema::dropDerivedObjects(OldC);
  schema::dropDerivedObjects(NewC);
  Out = Migration();
  if (!Planner(OldC, NewC, Renames, Opts, Diags, /*IsDown=*/false).run(Out.Up))
    return false;
  return Planner(NewC, OldC, Renames, Opts, Diags, /*IsDown=*/true)
      .run(Out.Down);
}

} // namespace diff
} // namespace bk
