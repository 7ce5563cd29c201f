//===- Verifier.cpp - Schema IR well-formedness ---------------------------===//
//
// Messages follow PostgreSQL's own where it has one, with names quoted '...'
// and schema-qualified, so a user recognises them.
//
//===----------------------------------------------------------------------===//

#include "bk/Schema/Verifier.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"

#include <algorithm>
#include <set>
#include <string>

using namespace llvm;

namespace bk {
namespace schema {

static std::string quote(StringRef S) { return ("'" + S + "'").str(); }

static std::string qualified(StringRef Schema, StringRef Name) {
  return quote(QualifiedName(Schema, Name).str());
}

namespace {

/// A name in a per-schema namespace.
struct NamedObject {
  std::string Name;
  const char *Kind;
  Loc Location;
  bool IsRelation;
  bool IsType;
};

/// The columns a table has, its own and those of its parents in the catalog.
struct ColumnSet {
  StringSet<> Names;
  /// False when some parent is not in the catalog: a missing column may be
  /// one of its columns, so none is reported.
  bool Complete = true;

  bool has(StringRef Name) const { return !Complete || Names.count(Name); }
};

class Verifier {
public:
  Verifier(const Catalog &C, DiagnosticEngine &Diags) : C(C), Diags(Diags) {}

  bool run();

private:
  void error(Loc L, const Twine &Msg) {
    Diags.error(L, Msg);
    ++Errors;
  }
  void warning(Loc L, const Twine &Msg) { Diags.warning(L, Msg); }
  void redefinition(Loc L, const Twine &What, Loc Previous) {
    Diagnostic D(Severity::Error, L, "redefinition of " + What);
    D.addNote(Previous, "previous definition is here");
    Diags.report(std::move(D));
    ++Errors;
  }

  /// Reports objects given the same name (GetName) in one scope, in
  /// declaration order; What describes an object in the message.
  template <typename RangeT, typename NameFn, typename WhatFn>
  void checkUnique(const RangeT &Objects, NameFn GetName, WhatFn What) {
    StringMap<Loc> Seen;
    for (const auto &O : Objects) {
      auto Ins = Seen.try_emplace(GetName(O), O.Location);
      if (!Ins.second)
        redefinition(O.Location, What(O), Ins.first->second);
    }
  }

  const Table *findTable(const QualifiedName &Name, StringRef DefaultSchema,
                         bool &SchemaKnown) const {
    StringRef SchemaName =
        Name.Schema.empty() ? DefaultSchema : StringRef(Name.Schema);
    const Schema *S = C.findSchema(SchemaName);
    SchemaKnown = S != nullptr;
    if (!S)
      return nullptr;
    // Sequences and foreign keys look tables up by name: an index per
    // schema, so that a catalog of thousands of tables is not quadratic.
    // The first of two same-named tables, as Schema::findTable.
    auto Ins = TablesBySchema.try_emplace(S);
    StringMap<const Table *> &Tables = Ins.first->second;
    if (Ins.second)
      for (const Table &T : S->Tables)
        Tables.try_emplace(T.Name, &T);
    return Tables.lookup(Name.Name);
  }
  mutable DenseMap<const Schema *, StringMap<const Table *>> TablesBySchema;
  void collectColumns(const Table &T, StringRef SchemaName, ColumnSet &Out,
                      std::set<std::string> &Visited) const;
  ColumnSet columnsOf(const Table &T, StringRef SchemaName) const {
    ColumnSet Out;
    std::set<std::string> Visited;
    collectColumns(T, SchemaName, Out, Visited);
    return Out;
  }

  void checkNamespaces(const Schema &S);
  void checkTable(const Schema &S, const Table &T);
  void checkColumn(const Schema &S, const Table &T, const Column &Col);
  void checkConstraint(const Schema &S, const Table &T, const ColumnSet &Cols,
                       const Constraint &Con);
  void checkForeignKey(const Schema &S, const Table &T, const Constraint &Con);
  void checkIndex(const Schema &S, StringRef RelName, const ColumnSet *Cols,
                  const Index &I);
  /// Checks the column keys of What against Cols (RelName is qualified).
  void checkKeys(StringRef What, StringRef RelName, const ColumnSet *Cols,
                 ArrayRef<IndexKey> Keys);
  void checkPartitioning(const Schema &S, const Table &T,
                         const ColumnSet &Cols);
  void checkTrigger(const Schema &S, StringRef RelName, bool OnView,
                    const ColumnSet *Cols, const Trigger &Trig);
  void checkTriggerFunction(const Trigger &Trig);
  void checkPolicy(const Policy &P);
  void checkEnum(const Schema &S, const EnumType &E);
  void checkDomain(const Schema &S, const Domain &D);
  void checkComposite(const Schema &S, const CompositeType &CT);
  void checkRange(const Schema &S, const RangeType &R);
  void checkSequence(const Schema &S, const Sequence &Seq);
  void checkView(const Schema &S, const View &V);
  void checkFunction(const Schema &S, const Function &F);

  const Catalog &C;
  DiagnosticEngine &Diags;
  unsigned Errors = 0;
};

} // namespace

void Verifier::collectColumns(const Table &T, StringRef SchemaName,
                              ColumnSet &Out,
                              std::set<std::string> &Visited) const {
  if (!Visited.insert(QualifiedName(SchemaName, T.Name).str()).second)
    return;
  for (const Column &Col : T.Columns)
    Out.Names.insert(Col.Name);
  SmallVector<const QualifiedName *, 2> Parents;
  for (const QualifiedName &P : T.Inherits)
    Parents.push_back(&P);
  if (T.isPartition())
    Parents.push_back(&T.PartitionOf);
  for (const QualifiedName *P : Parents) {
    bool SchemaKnown;
    const Table *Parent = findTable(*P, SchemaName, SchemaKnown);
    if (!Parent) {
      Out.Complete = false;
      continue;
    }
    collectColumns(*Parent,
                   P->Schema.empty() ? SchemaName : StringRef(P->Schema), Out,
                   Visited);
  }
}

bool Verifier::run() {
  checkUnique(
      C.Extensions, [](const Extension &E) { return E.Name; },
      [](const Extension &E) { return "extension " + quote(E.Name); });
  checkUnique(
      C.Schemas, [](const Schema &S) { return S.Name; },
      [](const Schema &S) { return "schema " + quote(S.Name); });
  for (const Extension &E : C.Extensions)
    if (E.Name.empty())
      error(E.Location, "extension has an empty name");

  for (const Schema &S : C.Schemas) {
    if (S.Name.empty())
      error(S.Location, "schema has an empty name");
    checkNamespaces(S);
    for (const EnumType &E : S.Enums)
      checkEnum(S, E);
    for (const Domain &D : S.Domains)
      checkDomain(S, D);
    for (const CompositeType &CT : S.Composites)
      checkComposite(S, CT);
    for (const RangeType &R : S.Ranges)
      checkRange(S, R);
    for (const Sequence &Seq : S.Sequences)
      checkSequence(S, Seq);
    for (const Table &T : S.Tables)
      checkTable(S, T);
    for (const View &V : S.Views)
      checkView(S, V);
    for (const Function &F : S.Functions)
      checkFunction(S, F);
  }
  return Errors == 0;
}

//===----------------------------------------------------------------------===//
// Namespaces
//===----------------------------------------------------------------------===//

void Verifier::checkNamespaces(const Schema &S) {
  std::vector<NamedObject> Objects;
  auto Add = [&](StringRef Name, const char *Kind, Loc L, bool IsRelation,
                 bool IsType) {
    Objects.push_back({Name.str(), Kind, L, IsRelation, IsType});
  };
  for (const EnumType &E : S.Enums)
    Add(E.Name, "type", E.Location, false, true);
  for (const Domain &D : S.Domains)
    Add(D.Name, "domain", D.Location, false, true);
  for (const CompositeType &CT : S.Composites)
    Add(CT.Name, "type", CT.Location, true, true);
  for (const RangeType &R : S.Ranges) {
    Add(R.Name, "type", R.Location, false, true);
    Add(R.multirangeName(), "type", R.Location, false, true);
  }
  for (const Sequence &Seq : S.Sequences)
    Add(Seq.Name, "sequence", Seq.Location, true, false);
  for (const Table &T : S.Tables) {
    Add(T.Name, "table", T.Location, true, true);
    // PRIMARY KEY, UNIQUE and EXCLUDE constraints create an index of the
    // constraint's name.
    for (const Constraint &Con : T.Constraints)
      if (Con.isIndexBacked())
        Add(Con.Name, "index", Con.Location, true, false);
    for (const Index &I : T.Indexes)
      Add(I.Name, "index", I.Location, true, false);
  }
  for (const View &V : S.Views) {
    Add(V.Name, V.Materialized ? "materialized view" : "view", V.Location, true,
        true);
    for (const Index &I : V.Indexes)
      Add(I.Name, "index", I.Location, true, false);
  }
  // The earlier declaration is the "previous" one.
  llvm::stable_sort(Objects, [](const NamedObject &A, const NamedObject &B) {
    return A.Location < B.Location;
  });

  StringMap<const NamedObject *> Relations, Types;
  for (const NamedObject &O : Objects) {
    if (O.Name.empty()) {
      error(O.Location, Twine(O.Kind) + " has an empty name");
      continue;
    }
    const NamedObject *Prev = nullptr;
    if (O.IsRelation) {
      auto Ins = Relations.try_emplace(O.Name, &O);
      if (!Ins.second)
        Prev = Ins.first->second;
    }
    if (O.IsType) {
      auto Ins = Types.try_emplace(O.Name, &O);
      if (!Ins.second && !Prev)
        Prev = Ins.first->second;
    }
    if (!Prev)
      continue;
    std::string Name = qualified(S.Name, O.Name);
    if (StringRef(O.Kind) == Prev->Kind) {
      redefinition(O.Location, Twine(O.Kind) + " " + Name, Prev->Location);
      continue;
    }
    Diagnostic D(Severity::Error, O.Location,
                 Twine(O.Kind) + " " + Name + " conflicts with " + Prev->Kind +
                     " " + Name);
    D.addNote(Prev->Location, "previous definition is here");
    Diags.report(std::move(D));
    ++Errors;
  }

  // Functions may be overloaded: the name and the arguments must differ.
  checkUnique(
      S.Functions, [](const Function &F) { return F.signature(); },
      [&](const Function &F) {
        return (F.Kind == FunctionKind::Procedure ? "procedure "
                                                  : "function ") +
               qualified(S.Name, F.signature());
      });
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

void Verifier::checkTable(const Schema &S, const Table &T) {
  std::string TName = qualified(S.Name, T.Name);
  checkUnique(
      T.Columns, [](const Column &Col) { return Col.Name; },
      [&](const Column &Col) {
        return "column " + quote(Col.Name) + " in table " + TName;
      });
  for (const Column &Col : T.Columns)
    checkColumn(S, T, Col);

  ColumnSet Cols = columnsOf(T, S.Name);

  checkUnique(
      T.Constraints, [](const Constraint &Con) { return Con.Name; },
      [&](const Constraint &Con) {
        return "constraint " + quote(Con.Name) + " on table " + TName;
      });
  const Constraint *PrimaryKey = nullptr;
  for (const Constraint &Con : T.Constraints) {
    if (Con.Kind == ConstraintKind::PrimaryKey) {
      if (PrimaryKey) {
        Diagnostic D(Severity::Error, Con.Location,
                     "multiple primary keys for table " + TName +
                         " are not allowed");
        D.addNote(PrimaryKey->Location, "previous primary key is here");
        Diags.report(std::move(D));
        ++Errors;
      } else {
        PrimaryKey = &Con;
      }
    }
    checkConstraint(S, T, Cols, Con);
  }

  for (const Index &I : T.Indexes)
    checkIndex(S, T.Name, &Cols, I);
  checkPartitioning(S, T, Cols);

  checkUnique(
      T.Triggers, [](const Trigger &Trig) { return Trig.Name; },
      [&](const Trigger &Trig) {
        return "trigger " + quote(Trig.Name) + " on table " + TName;
      });
  for (const Trigger &Trig : T.Triggers)
    checkTrigger(S, T.Name, /*OnView=*/false, &Cols, Trig);

  checkUnique(
      T.Policies, [](const Policy &P) { return P.Name; },
      [&](const Policy &P) {
        return "policy " + quote(P.Name) + " on table " + TName;
      });
  for (const Policy &P : T.Policies)
    checkPolicy(P);
}

void Verifier::checkColumn(const Schema &S, const Table &T, const Column &Col) {
  std::string Where =
      quote(Col.Name) + " of table " + qualified(S.Name, T.Name);
  if (Col.Name.empty())
    error(Col.Location, "column has an empty name");
  if (Col.Type.empty())
    error(Col.Location, "column " + Where + " has no type");
  if (Col.isIdentity() && !Col.Type.empty() && !isIntegerTypeName(Col.Type))
    error(Col.Location, "identity column " + Where +
                            " must have type smallint, integer or bigint, "
                            "not " +
                            quote(Col.Type));
  if (Col.isIdentity() && !Col.Default.empty())
    error(Col.Location,
          "both default and identity specified for column " + Where);
  if (Col.isGenerated() && !Col.Default.empty())
    error(Col.Location,
          "both default and generation expression specified for column " +
              Where);
  if (Col.isGenerated() && Col.isIdentity())
    error(Col.Location,
          "both identity and generation expression specified for column " +
              Where);
}

static const char *constraintKindText(ConstraintKind K) {
  switch (K) {
  case ConstraintKind::PrimaryKey:
    return "primary key";
  case ConstraintKind::Unique:
    return "unique constraint";
  case ConstraintKind::ForeignKey:
    return "foreign key";
  case ConstraintKind::Check:
    return "check constraint";
  case ConstraintKind::Exclude:
    return "exclusion constraint";
  }
  llvm_unreachable("unknown constraint kind");
}

void Verifier::checkConstraint(const Schema &S, const Table &T,
                               const ColumnSet &Cols, const Constraint &Con) {
  std::string TName = qualified(S.Name, T.Name);
  std::string CName = quote(Con.Name);
  if (Con.Name.empty())
    error(Con.Location, Twine(constraintKindText(Con.Kind)) + " on table " +
                            TName + " has an empty name");
  auto CheckColumns = [&](ArrayRef<std::string> Names) {
    for (const std::string &Name : Names)
      if (!Cols.has(Name))
        error(Con.Location, "column " + quote(Name) +
                                " referenced by constraint " + CName +
                                " does not exist in table " + TName);
  };
  CheckColumns(Con.Include);

  switch (Con.Kind) {
  case ConstraintKind::PrimaryKey:
  case ConstraintKind::Unique:
  case ConstraintKind::ForeignKey:
    if (Con.Columns.empty())
      error(Con.Location, Twine(constraintKindText(Con.Kind)) + " " + CName +
                              " has no columns");
    CheckColumns(Con.Columns);
    if (Con.Kind == ConstraintKind::ForeignKey)
      checkForeignKey(S, T, Con);
    break;
  case ConstraintKind::Check:
    if (Con.Expr.empty())
      error(Con.Location, "check constraint " + CName + " has no expression");
    if (Con.Deferrable)
      error(Con.Location, "check constraints cannot be marked DEFERRABLE");
    break;
  case ConstraintKind::Exclude:
    if (Con.Elements.empty())
      error(Con.Location, "exclusion constraint " + CName + " has no elements");
    for (const IndexKey &K : Con.Elements)
      if (K.Operator.empty())
        error(K.Location, "element " + quote(K.Text) +
                              " of exclusion constraint " + CName +
                              " has no operator");
    checkKeys("constraint " + CName, QualifiedName(S.Name, T.Name).str(), &Cols,
              Con.Elements);
    break;
  }
  if (Con.InitiallyDeferred && !Con.Deferrable)
    error(Con.Location,
          "constraint " + CName + " is INITIALLY DEFERRED but not DEFERRABLE");
  if (Con.NotValid && Con.isIndexBacked())
    error(Con.Location, Twine(constraintKindText(Con.Kind)) + " " + CName +
                            " cannot be marked NOT VALID");
  if (Con.NullsNotDistinct && Con.Kind != ConstraintKind::Unique)
    error(Con.Location, "only unique constraints can be NULLS NOT DISTINCT");
}

/// Whether the referenced columns Keys (in any order) are the key of a
/// PRIMARY KEY or UNIQUE constraint, or of a full unique index on columns.
static bool hasUniqueKey(const Table &T, ArrayRef<std::string> Keys) {
  std::set<std::string> Wanted(Keys.begin(), Keys.end());
  if (Wanted.size() != Keys.size())
    return false;
  for (const Constraint &Con : T.Constraints) {
    if (Con.Kind != ConstraintKind::PrimaryKey &&
        Con.Kind != ConstraintKind::Unique)
      continue;
    if (std::set<std::string>(Con.Columns.begin(), Con.Columns.end()) ==
            Wanted &&
        Con.Columns.size() == Keys.size())
      return true;
  }
  for (const Index &I : T.Indexes) {
    if (!I.Unique || I.isPartial() || I.Keys.size() != Keys.size())
      continue;
    std::set<std::string> Have;
    bool Plain = true;
    for (const IndexKey &K : I.Keys) {
      Plain &= !K.IsExpression;
      Have.insert(K.Text);
    }
    if (Plain && Have == Wanted)
      return true;
  }
  return false;
}

void Verifier::checkForeignKey(const Schema &S, const Table &T,
                               const Constraint &Con) {
  std::string CName = quote(Con.Name);
  if (Con.RefTable.empty()) {
    error(Con.Location, "foreign key " + CName + " has no referenced table");
    return;
  }
  if (!Con.OnDeleteSetColumns.empty()) {
    if (Con.OnDelete != ReferentialAction::SetNull &&
        Con.OnDelete != ReferentialAction::SetDefault)
      error(Con.Location, "foreign key " + CName +
                              " lists on_delete_set columns without ON "
                              "DELETE SET NULL or SET DEFAULT");
    for (const std::string &Name : Con.OnDeleteSetColumns)
      if (!is_contained(Con.Columns, Name))
        error(Con.Location, "column " + quote(Name) +
                                " referenced in ON DELETE SET action must be "
                                "part of foreign key " +
                                CName);
  }
  if (!Con.RefColumns.empty() && Con.RefColumns.size() != Con.Columns.size())
    error(Con.Location, "number of referencing and referenced columns for "
                        "foreign key " +
                            CName + " disagree");

  bool SchemaKnown;
  const Table *Ref = findTable(Con.RefTable, S.Name, SchemaKnown);
  StringRef RefSchema =
      Con.RefTable.Schema.empty() ? StringRef(S.Name) : Con.RefTable.Schema;
  std::string RefName = qualified(RefSchema, Con.RefTable.Name);
  if (!Ref) {
    if (SchemaKnown)
      error(Con.Location, "table " + RefName + " referenced by foreign key " +
                              CName + " does not exist");
    return;
  }
  if (Con.RefColumns.empty()) {
    const Constraint *PK = Ref->getPrimaryKey();
    if (!PK)
      error(Con.Location,
            "there is no primary key for referenced table " + RefName);
    else if (PK->Columns.size() != Con.Columns.size())
      error(Con.Location, "number of referencing and referenced columns for "
                          "foreign key " +
                              CName + " disagree");
    return;
  }
  ColumnSet RefCols = columnsOf(*Ref, RefSchema);
  bool AllExist = true;
  for (const std::string &Name : Con.RefColumns) {
    if (RefCols.has(Name))
      continue;
    AllExist = false;
    error(Con.Location, "column " + quote(Name) +
                            " referenced by foreign key " + CName +
                            " does not exist in table " + RefName);
  }
  if (AllExist && !hasUniqueKey(*Ref, Con.RefColumns))
    error(Con.Location, "there is no unique constraint matching given keys "
                        "for referenced table " +
                            RefName);
}

void Verifier::checkKeys(StringRef What, StringRef RelName,
                         const ColumnSet *Cols, ArrayRef<IndexKey> Keys) {
  for (const IndexKey &K : Keys) {
    if (K.Text.empty()) {
      error(K.Location, "empty key in " + What);
      continue;
    }
    if (!K.IsExpression && Cols && !Cols->has(K.Text))
      error(K.Location, "column " + quote(K.Text) + " referenced by " + What +
                            " does not exist in table " + quote(RelName));
  }
}

void Verifier::checkIndex(const Schema &S, StringRef RelName,
                          const ColumnSet *Cols, const Index &I) {
  std::string IName = quote(I.Name);
  std::string Rel = QualifiedName(S.Name, RelName).str();
  if (I.Keys.empty())
    error(I.Location, "index " + IName + " has no keys");
  checkKeys("index " + IName, Rel, Cols, I.Keys);
  if (Cols)
    for (const std::string &Name : I.Include)
      if (!Cols->has(Name))
        error(I.Location, "column " + quote(Name) + " referenced by index " +
                              IName + " does not exist in table " + quote(Rel));
  if (I.Unique && I.Method != "btree")
    error(I.Location, "access method " + quote(I.Method) +
                          " does not support unique indexes");
  if (I.NullsNotDistinct && !I.Unique)
    error(I.Location,
          "index " + IName + " is NULLS NOT DISTINCT but not unique");
  if (I.Method.empty())
    error(I.Location, "index " + IName + " has no access method");
}

void Verifier::checkPartitioning(const Schema &S, const Table &T,
                                 const ColumnSet &Cols) {
  std::string TName = qualified(S.Name, T.Name);
  if (T.isPartitioned() && T.PartitionKeys.empty())
    error(T.Location, "partitioned table " + TName + " has no partition key");
  if (!T.isPartitioned() && !T.PartitionKeys.empty())
    error(T.Location, "table " + TName +
                          " has a partition key but no partition_by strategy");
  if (T.PartitionBy == PartitionStrategy::List && T.PartitionKeys.size() > 1)
    error(T.PartitionKeys[1].Location, "cannot use \"list\" partition "
                                       "strategy with more than one column");
  checkKeys("the partition key of " + TName,
            QualifiedName(S.Name, T.Name).str(), &Cols, T.PartitionKeys);

  if (!T.isPartition()) {
    if (!T.PartitionBound.empty())
      error(T.Location,
            "table " + TName + " has a partition bound but is not a partition");
  } else {
    if (T.PartitionBound.empty())
      error(T.Location, "partition " + TName + " has no partition bound");
    if (!T.Inherits.empty())
      error(T.Location, "partition " + TName + " cannot also inherit");
    bool SchemaKnown;
    const Table *Parent = findTable(T.PartitionOf, S.Name, SchemaKnown);
    StringRef PSchema =
        T.PartitionOf.Schema.empty() ? StringRef(S.Name) : T.PartitionOf.Schema;
    std::string PName = qualified(PSchema, T.PartitionOf.Name);
    if (!Parent && SchemaKnown)
      error(T.Location, "parent table " + PName + " of partition " + TName +
                            " does not exist");
    if (Parent && !Parent->isPartitioned())
      error(T.Location, "table " + PName + " is not partitioned");
  }
  for (const QualifiedName &P : T.Inherits) {
    bool SchemaKnown;
    StringRef PSchema = P.Schema.empty() ? StringRef(S.Name) : P.Schema;
    if (!findTable(P, S.Name, SchemaKnown) && SchemaKnown)
      error(T.Location, "table " + qualified(PSchema, P.Name) +
                            " inherited by " + TName + " does not exist");
  }
}

void Verifier::checkTrigger(const Schema &S, StringRef RelName, bool OnView,
                            const ColumnSet *Cols, const Trigger &Trig) {
  std::string TName = quote(Trig.Name);
  std::string RName = qualified(S.Name, RelName);
  if (Trig.Name.empty())
    error(Trig.Location, "trigger on " + RName + " has an empty name");
  if (!Trig.Events)
    error(Trig.Location, "trigger " + TName + " has no events");
  if (Trig.Function.empty()) {
    error(Trig.Location, "trigger " + TName + " has no function");
  } else if (!Trig.Function.Schema.empty()) {
    checkTriggerFunction(Trig);
  }
  if (Trig.hasEvent(TE_Truncate) && Trig.ForEachRow)
    error(Trig.Location, "TRUNCATE FOR EACH ROW triggers are not supported");
  if (!Trig.UpdateColumns.empty() && !Trig.hasEvent(TE_Update))
    error(Trig.Location,
          "trigger " + TName + " has update_of columns but no update event");
  if (Cols)
    for (const std::string &Name : Trig.UpdateColumns)
      if (!Cols->has(Name))
        error(Trig.Location, "column " + quote(Name) +
                                 " referenced by trigger " + TName +
                                 " does not exist in table " + RName);
  if (Trig.Timing == TriggerTiming::InsteadOf) {
    if (!OnView)
      error(Trig.Location, RName + " is a table; tables cannot have INSTEAD "
                                   "OF triggers");
    if (!Trig.ForEachRow)
      error(Trig.Location, "INSTEAD OF triggers must be FOR EACH ROW");
    if (!Trig.When.empty())
      error(Trig.Location, "INSTEAD OF triggers cannot have WHEN conditions");
    if (!Trig.UpdateColumns.empty())
      error(Trig.Location, "INSTEAD OF triggers cannot have column lists");
  } else if (OnView && Trig.ForEachRow) {
    error(Trig.Location,
          "views cannot have row-level BEFORE or AFTER triggers");
  }
  if (Trig.IsConstraint &&
      (Trig.Timing != TriggerTiming::After || !Trig.ForEachRow))
    error(Trig.Location,
          "constraint trigger " + TName + " must be AFTER ... FOR EACH ROW");
  if ((Trig.Deferrable || Trig.InitiallyDeferred) && !Trig.IsConstraint)
    error(Trig.Location, "only constraint triggers can be deferrable");
  if (Trig.InitiallyDeferred && !Trig.Deferrable)
    error(Trig.Location,
          "trigger " + TName + " is INITIALLY DEFERRED but not DEFERRABLE");
  if (Trig.Timing != TriggerTiming::After &&
      (!Trig.OldTable.empty() || !Trig.NewTable.empty()))
    error(Trig.Location,
          "transition tables can only be specified for AFTER triggers");
}

/// A schema-qualified trigger function must exist in its schema and return
/// trigger, unless the schema is not in the catalog or an extension may
/// have put the function there.
void Verifier::checkTriggerFunction(const Trigger &Trig) {
  const QualifiedName &Name = Trig.Function;
  const Schema *FS = C.findSchema(Name.Schema);
  if (!FS)
    return;
  bool Found = false;
  for (const Function &F : FS->Functions) {
    if (F.Name != Name.Name)
      continue;
    Found = true;
    if (F.Kind == FunctionKind::Function && F.Returns == "trigger")
      return;
  }
  std::string What = "function " + quote(Name.str()) + " called by trigger " +
                     quote(Trig.Name);
  if (Found) {
    error(Trig.Location, What + " must return type trigger");
    return;
  }
  bool FromExtension = llvm::any_of(C.Extensions, [&](const Extension &E) {
    return E.Schema.empty() || E.Schema == Name.Schema;
  });
  if (!FromExtension)
    error(Trig.Location, What + " does not exist");
}

void Verifier::checkPolicy(const Policy &P) {
  if (P.Name.empty())
    error(P.Location, "policy has an empty name");
  if (P.Command == PolicyCommand::Insert && !P.Using.empty())
    error(P.Location, "only WITH CHECK expression allowed for INSERT");
  if ((P.Command == PolicyCommand::Select ||
       P.Command == PolicyCommand::Delete) &&
      !P.WithCheck.empty())
    error(P.Location, "WITH CHECK cannot be applied to SELECT or DELETE");
}

//===----------------------------------------------------------------------===//
// Types, sequences, views, functions
//===----------------------------------------------------------------------===//

void Verifier::checkEnum(const Schema &S, const EnumType &E) {
  std::string EName = qualified(S.Name, E.Name);
  if (E.Values.empty())
    warning(E.Location, "enum " + EName + " has no values");
  StringSet<> Seen;
  for (const std::string &V : E.Values) {
    if (V.empty() || V.size() > MaxIdentifierLength)
      error(E.Location, "invalid label " + quote(V) + " in enum " + EName +
                            ": labels must be 1 to 63 bytes long");
    if (!Seen.insert(V).second)
      error(E.Location, "duplicate value " + quote(V) + " in enum " + EName);
  }
}

void Verifier::checkDomain(const Schema &S, const Domain &D) {
  std::string DName = qualified(S.Name, D.Name);
  if (D.BaseType.empty())
    error(D.Location, "domain " + DName + " has no base type");
  checkUnique(
      D.Checks, [](const DomainCheck &Ch) { return Ch.Name; },
      [&](const DomainCheck &Ch) {
        return "constraint " + quote(Ch.Name) + " on domain " + DName;
      });
  for (const DomainCheck &Ch : D.Checks) {
    if (Ch.Name.empty())
      error(Ch.Location,
            "check constraint on domain " + DName + " has an empty name");
    if (Ch.Expr.empty())
      error(Ch.Location,
            "check constraint " + quote(Ch.Name) + " has no expression");
  }
}

void Verifier::checkComposite(const Schema &S, const CompositeType &CT) {
  std::string CName = qualified(S.Name, CT.Name);
  if (CT.Attributes.empty())
    warning(CT.Location, "composite type " + CName + " has no attributes");
  checkUnique(
      CT.Attributes, [](const CompositeAttribute &A) { return A.Name; },
      [&](const CompositeAttribute &A) {
        return "attribute " + quote(A.Name) + " in type " + CName;
      });
  for (const CompositeAttribute &A : CT.Attributes) {
    if (A.Name.empty())
      error(A.Location, "attribute of type " + CName + " has an empty name");
    if (A.Type.empty())
      error(A.Location, "attribute " + quote(A.Name) + " of type " + CName +
                            " has no type");
  }
}

void Verifier::checkRange(const Schema &S, const RangeType &R) {
  std::string RName = qualified(S.Name, R.Name);
  if (R.Subtype.empty())
    error(R.Location, "range type " + RName + " has no subtype");
}

void Verifier::checkSequence(const Schema &S, const Sequence &Seq) {
  std::string SName = qualified(S.Name, Seq.Name);
  if (!isIntegerTypeName(Seq.Type)) {
    error(Seq.Location, "sequence type must be smallint, integer, or bigint");
    return;
  }
  if (Seq.Increment == 0) {
    error(Seq.Location, "INCREMENT must not be zero");
    return;
  }
  // The type's own range: the defaults of a sequence counting the other way.
  Sequence Up = Seq, Down = Seq;
  Up.MinValue = Up.MaxValue = Down.MinValue = Down.MaxValue = None;
  Up.Increment = 1;
  Down.Increment = -1;
  int64_t Lo = Down.effectiveMinValue(), Hi = Up.effectiveMaxValue();
  int64_t Min = Seq.effectiveMinValue(), Max = Seq.effectiveMaxValue();
  if (Min < Lo || Min > Hi)
    error(Seq.Location, "MINVALUE (" + Twine(Min) +
                            ") is out of range for sequence data type " +
                            Seq.Type);
  if (Max < Lo || Max > Hi)
    error(Seq.Location, "MAXVALUE (" + Twine(Max) +
                            ") is out of range for sequence data type " +
                            Seq.Type);
  if (Min >= Max) {
    error(Seq.Location, "MINVALUE (" + Twine(Min) +
                            ") must be less than MAXVALUE (" + Twine(Max) +
                            ")");
  } else {
    int64_t Start = Seq.effectiveStart();
    if (Start < Min)
      error(Seq.Location, "START value (" + Twine(Start) +
                              ") cannot be less than MINVALUE (" + Twine(Min) +
                              ")");
    if (Start > Max)
      error(Seq.Location, "START value (" + Twine(Start) +
                              ") cannot be greater than MAXVALUE (" +
                              Twine(Max) + ")");
  }
  if (Seq.Cache < 1)
    error(Seq.Location,
          "CACHE (" + Twine(Seq.Cache) + ") must be greater than zero");

  if (Seq.OwnedByTable.empty())
    return;
  bool SchemaKnown;
  const Table *T = findTable(Seq.OwnedByTable, S.Name, SchemaKnown);
  StringRef TSchema = Seq.OwnedByTable.Schema.empty()
                          ? StringRef(S.Name)
                          : StringRef(Seq.OwnedByTable.Schema);
  std::string TName = qualified(TSchema, Seq.OwnedByTable.Name);
  if (!T) {
    if (SchemaKnown)
      error(Seq.Location,
            "table " + TName + " owning sequence " + SName + " does not exist");
    return;
  }
  if (!columnsOf(*T, TSchema).has(Seq.OwnedByColumn))
    error(Seq.Location, "column " + quote(Seq.OwnedByColumn) +
                            " owning sequence " + SName +
                            " does not exist in table " + TName);
}

void Verifier::checkView(const Schema &S, const View &V) {
  std::string VName = qualified(S.Name, V.Name);
  if (V.Query.empty())
    error(V.Location, "view " + VName + " has no query");
  // The columns of a view are known only when listed.
  ColumnSet Cols;
  for (const std::string &Name : V.Columns)
    Cols.Names.insert(Name);
  Cols.Complete = !V.Columns.empty();
  for (const Index &I : V.Indexes)
    checkIndex(S, V.Name, &Cols, I);
  if (!V.Materialized && !V.Indexes.empty())
    error(V.Location, "view " + VName +
                          " is not materialized and cannot "
                          "have indexes");
  checkUnique(
      V.Triggers, [](const Trigger &Trig) { return Trig.Name; },
      [&](const Trigger &Trig) {
        return "trigger " + quote(Trig.Name) + " on view " + VName;
      });
  for (const Trigger &Trig : V.Triggers)
    checkTrigger(S, V.Name, /*OnView=*/true, &Cols, Trig);
}

void Verifier::checkFunction(const Schema &S, const Function &F) {
  std::string FName = qualified(S.Name, F.signature());
  if (F.Name.empty())
    error(F.Location, "function has an empty name");
  if (F.Kind == FunctionKind::Procedure) {
    if (!F.Returns.empty())
      error(F.Location, "procedure " + FName + " cannot have a return type");
  } else if (F.Returns.empty()) {
    error(F.Location, "function " + FName + " has no return type");
  }
  if (F.Language.empty())
    error(F.Location, "function " + FName + " has no language");
  std::string Returns = StringRef(F.Returns).lower();
  if (F.Rows && !StringRef(Returns).startswith("setof ") &&
      !StringRef(Returns).startswith("table"))
    error(F.Location, "ROWS is not applicable when function " + FName +
                          " does not return a set");
}

bool verifyCatalog(const Catalog &C, DiagnosticEngine &Diags) {
  return Verifier(C, Diags).run();
}

} // namespace schema
} // namespace bk
