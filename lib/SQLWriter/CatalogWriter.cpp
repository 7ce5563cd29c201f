//===- CatalogWriter.cpp - A whole catalog as ordered DDL -----------------===//
//
// Emits a catalog in fixed buckets (as sqldef's generator does), so that
// every statement only needs what earlier ones created:
//
//   schemas, extensions, types (topological: domains over enums, composites
//   using domains, ranges over either, each range after its canonical and
//   subtype_diff functions), functions that need no relation, sequences, tables
//   (partition and inheritance parents first), OWNED BY, indexes, foreign
//   keys and NOT VALID checks, views + materialized views + the remaining
//   functions (topological by name reference), defaults/checks/indexes that
//   call those functions, triggers, row-level security and policies,
//   comments.
//
//===----------------------------------------------------------------------===//

#include "bk/SQLWriter/SQLText.h"
#include "bk/SQLWriter/SQLWriter.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <set>
#include <tuple>

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace sqlwriter {

/// Kahn's algorithm: an order of 0..N-1 where every node comes after its
/// Deps; among ready nodes the one with the lowest Priority first. A cycle
/// is broken at its lowest-priority node, so the result is always total
/// and deterministic.
static std::vector<size_t>
topologicalOrder(const std::vector<std::vector<size_t>> &Deps,
                 const std::vector<size_t> &Priority) {
  size_t N = Deps.size();
  std::vector<std::vector<size_t>> Dependents(N);
  std::vector<size_t> Pending(N, 0);
  for (size_t I = 0; I < N; ++I) {
    std::set<size_t> Unique(Deps[I].begin(), Deps[I].end());
    Unique.erase(I);
    Pending[I] = Unique.size();
    for (size_t D : Unique)
      Dependents[D].push_back(I);
  }
  std::set<std::pair<size_t, size_t>> Ready;
  for (size_t I = 0; I < N; ++I)
    if (!Pending[I])
      Ready.insert({Priority[I], I});
  std::vector<bool> Done(N, false);
  std::vector<size_t> Order;
  while (Order.size() < N) {
    if (Ready.empty()) {
      // A cycle: take the first node not yet emitted.
      size_t Best = N;
      for (size_t I = 0; I < N; ++I)
        if (!Done[I] && (Best == N || Priority[I] < Priority[Best]))
          Best = I;
      Ready.insert({Priority[Best], Best});
    }
    size_t I = Ready.begin()->second;
    Ready.erase(Ready.begin());
    if (Done[I])
      continue;
    Done[I] = true;
    Order.push_back(I);
    for (size_t J : Dependents[I])
      if (!Done[J] && Pending[J] && --Pending[J] == 0)
        Ready.insert({Priority[J], J});
  }
  return Order;
}

static bool intersects(const std::set<std::string> &A,
                       const std::set<std::string> &B) {
  return any_of(A, [&](const std::string &X) { return B.count(X); });
}

namespace {

class CatalogWriter {
public:
  CatalogWriter(const Catalog &C, const WriterOptions &Opts)
      : C(C), Opts(Opts) {}

  std::vector<Statement> run();

private:
  const Catalog &C;
  const WriterOptions &Opts;
  std::vector<Statement> Out;
  std::vector<Statement> Comments;
  /// Names of tables, views and materialized views.
  std::set<std::string> RelationNames;
  /// Names of the functions written after the tables (language sql, or a
  /// relation's row type in the signature).
  std::set<std::string> LateFunctionNames;

  /// Whether the statements of Object are rendered (WriterOptions::Only).
  bool wanted(StringRef Object) const {
    return !Opts.Only || Opts.Only(Object);
  }
  void add(std::string SQL, std::string Object) {
    if (!SQL.empty() && wanted(Object))
      Out.push_back({std::move(SQL), std::move(Object)});
  }
  void comment(StringRef What, StringRef Text, StringRef Object) {
    if (Opts.Comments && !Text.empty() && wanted(Object))
      Comments.push_back({writeComment(What, Text), Object.str()});
  }
  void owner(StringRef What, StringRef Role, StringRef Object) {
    if (Opts.Owners && !Role.empty() && wanted(Object))
      add(writeOwner(What, Role), Object.str());
  }
  /// GRANT and REVOKE from PostgreSQL's default privileges to A's.
  void privileges(StringRef What, ACLKind K, StringRef Name, const ACL &A,
                  StringRef Owner, StringRef Object) {
    if (!Opts.Privileges || !A.Explicit || !wanted(Object))
      return;
    for (std::string &SQL : writePrivilegeChanges(
             What, K, Name, ACL(), A, Opts.Owners ? Owner : StringRef()))
      add(std::move(SQL), Object.str());
  }
  /// ALTER ... OWNER TO, REVOKE/GRANT and COMMENT ON for object O (with
  /// Name, Owner, Privileges and Comment), designated as What.
  template <typename T>
  void ownerPrivilegesComment(const std::string &What, ACLKind K, const T &O,
                              StringRef Object) {
    owner(What, O.Owner, Object);
    privileges(What, K, O.Name, O.Privileges, O.Owner, Object);
    comment(What, O.Comment, Object);
  }
  bool callsLateFunction(StringRef Text) const {
    return !Text.empty() && !LateFunctionNames.empty() &&
           intersects(referencedNames(Text), LateFunctionNames);
  }
  bool isLateFunction(const Function &F) const;
  /// The catalog's function a range type option names, or null.
  const Function *findFunctionByRef(StringRef Ref);
  std::map<const Function *, const Schema *> FunctionSchema;
  /// Functions written already (a range type's come before it).
  std::set<const Function *> WrittenFunctions;
  bool isDeferredIndex(const Index &I) const;

  void writeSchemas();
  void writeTypes();
  void writeFunction(const Schema &S, const Function &F);
  void writeTables();
  void writeViewsAndFunctions();
  void writeView(const Schema &S, const View &V);
  void writeDeferred();
  void writeTriggersAndPolicies();
  void writeTableComments(const Schema &S, const Table &T);
};

} // namespace

static std::string label(StringRef Kind, const Schema &S, StringRef Name) {
  return objectLabel(Kind, S, Name);
}

static std::string sqlName(const Schema &S, StringRef Name) {
  return QualifiedName(S.Name, Name).sql();
}

std::string objectLabel(StringRef Kind, const Schema &S, StringRef Name) {
  return Kind.str() + " " + QualifiedName(S.Name, Name).str();
}

std::string functionDesignation(const Schema &S, const Function &F) {
  return std::string(F.Kind == FunctionKind::Procedure ? "PROCEDURE "
                                                       : "FUNCTION ") +
         sqlName(S, F.Name) + "(" + functionIdentityArguments(F.Arguments) +
         ")";
}

std::string functionLabel(const Schema &S, const Function &F) {
  return std::string(F.Kind == FunctionKind::Procedure ? "procedure "
                                                       : "function ") +
         QualifiedName(S.Name, F.Name).str() + "(" + F.Arguments + ")";
}

bool CatalogWriter::isLateFunction(const Function &F) const {
  if (StringRef(F.Language).equals_insensitive("sql"))
    return true;
  return intersects(referencedNames(F.Arguments + " " + F.Returns),
                    RelationNames);
}

bool CatalogWriter::isDeferredIndex(const Index &I) const {
  if (callsLateFunction(I.Where))
    return true;
  return any_of(I.Keys, [&](const IndexKey &K) {
    return K.IsExpression && callsLateFunction(K.Text);
  });
}

void CatalogWriter::writeSchemas() {
  for (const Schema &S : C.Schemas) {
    std::string Label = "schema " + S.Name;
    // Every database has a public schema.
    if (S.Name != "public")
      add(writeCreateSchema(S), Label);
    ownerPrivilegesComment("SCHEMA " + quoteIdentifier(S.Name), ACLKind::Schema,
                           S, Label);
  }
  for (const Extension &E : C.Extensions) {
    std::string Label = "extension " + E.Name;
    add(writeCreateExtension(E), Label);
    comment("EXTENSION " + quoteIdentifier(E.Name), E.Comment, Label);
  }
}

void CatalogWriter::writeTypes() {
  // Enums first, then domains, then composites, each in catalog order;
  // a type whose text names another type comes after it.
  struct TypeNode {
    explicit TypeNode(const Schema *S) : S(S) {}
    const Schema *S;
    const EnumType *E = nullptr;
    const Domain *D = nullptr;
    const CompositeType *CT = nullptr;
    const RangeType *R = nullptr;
    std::string Name;
    std::set<std::string> Uses;
    /// A range's multirange type, created with it.
    std::string OtherName;
  };
  std::vector<TypeNode> Nodes;
  for (const Schema &S : C.Schemas)
    for (const EnumType &E : S.Enums) {
      Nodes.emplace_back(&S);
      Nodes.back().E = &E;
      Nodes.back().Name = E.Name;
    }
  for (const Schema &S : C.Schemas)
    for (const Domain &D : S.Domains) {
      Nodes.emplace_back(&S);
      Nodes.back().D = &D;
      Nodes.back().Name = D.Name;
      Nodes.back().Uses = referencedNames(D.BaseType);
    }
  for (const Schema &S : C.Schemas)
    for (const CompositeType &CT : S.Composites) {
      std::string Types;
      for (const CompositeAttribute &A : CT.Attributes)
        Types += A.Type + " ";
      Nodes.emplace_back(&S);
      Nodes.back().CT = &CT;
      Nodes.back().Name = CT.Name;
      Nodes.back().Uses = referencedNames(Types);
    }
  for (const Schema &S : C.Schemas)
    for (const RangeType &R : S.Ranges) {
      Nodes.emplace_back(&S);
      Nodes.back().R = &R;
      Nodes.back().Name = R.Name;
      Nodes.back().OtherName = R.multirangeName();
      Nodes.back().Uses = referencedNames(R.Subtype);
    }
  std::vector<std::vector<size_t>> Deps(Nodes.size());
  std::vector<size_t> Priority(Nodes.size());
  for (size_t I = 0; I < Nodes.size(); ++I) {
    Priority[I] = I;
    for (size_t J = 0; J < Nodes.size(); ++J)
      if (I != J && (Nodes[I].Uses.count(Nodes[J].Name) ||
                     (!Nodes[J].OtherName.empty() &&
                      Nodes[I].Uses.count(Nodes[J].OtherName))))
        Deps[I].push_back(J);
  }
  for (size_t I : topologicalOrder(Deps, Priority)) {
    const TypeNode &N = Nodes[I];
    const Schema &S = *N.S;
    if (N.E) {
      std::string Label = label("enum", S, N.Name);
      add(writeCreateEnum(S, *N.E), Label);
      ownerPrivilegesComment("TYPE " + sqlName(S, N.Name), ACLKind::Type, *N.E,
                             Label);
    } else if (N.D) {
      std::string Label = label("domain", S, N.Name);
      add(writeCreateDomain(S, *N.D), Label);
      for (const DomainCheck &DC : N.D->Checks)
        if (DC.NotValid)
          add(writeAddDomainCheck(S, *N.D, DC), Label);
      ownerPrivilegesComment("DOMAIN " + sqlName(S, N.Name), ACLKind::Type,
                             *N.D, Label);
    } else if (N.CT) {
      std::string Label = label("composite", S, N.Name);
      add(writeCreateComposite(S, *N.CT), Label);
      ownerPrivilegesComment("TYPE " + sqlName(S, N.Name), ACLKind::Type, *N.CT,
                             Label);
    } else {
      // Its canonical and subtype_diff functions must exist first.
      for (const std::string *Fn : {&N.R->Canonical, &N.R->SubtypeDiff})
        if (const Function *F = findFunctionByRef(*Fn))
          writeFunction(*FunctionSchema[F], *F);
      std::string Label = label("range", S, N.Name);
      add(writeCreateRange(S, *N.R), Label);
      ownerPrivilegesComment("TYPE " + sqlName(S, N.Name), ACLKind::Type, *N.R,
                             Label);
    }
  }
}

const Function *CatalogWriter::findFunctionByRef(StringRef Ref) {
  if (Ref.empty())
    return nullptr;
  // Ref is "name" (in public or pg_catalog) or "schema.name".
  StringRef SchemaName = "public", Name = Ref;
  if (Ref.contains('.'))
    std::tie(SchemaName, Name) = Ref.split('.');
  const Schema *S = C.findSchema(SchemaName);
  if (!S)
    return nullptr;
  // The first function of that name: overloads are not told apart.
  for (const Function &F : S->Functions)
    if (F.Name == Name && F.Kind == FunctionKind::Function) {
      FunctionSchema[&F] = S;
      return &F;
    }
  return nullptr;
}

void CatalogWriter::writeFunction(const Schema &S, const Function &F) {
  if (!WrittenFunctions.insert(&F).second)
    return;
  std::string Label = functionLabel(S, F);
  add(writeCreateFunction(S, F), Label);
  ownerPrivilegesComment(functionDesignation(S, F), ACLKind::Function, F,
                         Label);
}

void CatalogWriter::writeTables() {
  // Sequences: created before the tables whose defaults use them.
  for (const Schema &S : C.Schemas)
    for (const Sequence &Seq : S.Sequences) {
      std::string Label = label("sequence", S, Seq.Name);
      add(writeCreateSequence(S, Seq), Label);
      ownerPrivilegesComment("SEQUENCE " + sqlName(S, Seq.Name),
                             ACLKind::Sequence, Seq, Label);
    }

  // Tables: partition and inheritance parents first, and tables whose row
  // type a column uses.
  std::vector<std::pair<const Schema *, const Table *>> Tables;
  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables)
      Tables.push_back({&S, &T});
  // Lookups by pointer and by name, so ordering stays linear in the number
  // of tables (a schema may have thousands).
  std::map<const Table *, size_t> Position;
  std::map<std::string, std::vector<size_t>> ByName;
  for (size_t I = 0; I < Tables.size(); ++I) {
    Position[Tables[I].second] = I;
    ByName[Tables[I].second->Name].push_back(I);
  }
  auto IndexOf = [&](const Schema &S, const QualifiedName &Ref) {
    auto It = Position.find(C.findTable(Ref, S.Name));
    return It == Position.end() ? Tables.size() : It->second;
  };
  std::vector<std::vector<size_t>> Deps(Tables.size());
  std::vector<size_t> Priority(Tables.size());
  for (size_t I = 0; I < Tables.size(); ++I) {
    Priority[I] = I;
    const Schema &S = *Tables[I].first;
    const Table &T = *Tables[I].second;
    std::vector<QualifiedName> Parents = T.Inherits;
    if (T.isPartition())
      Parents.push_back(T.PartitionOf);
    for (const QualifiedName &P : Parents) {
      size_t J = IndexOf(S, P);
      if (J < Tables.size())
        Deps[I].push_back(J);
    }
    // A column whose type is another table's row type.
    std::string Types;
    for (const Column &Col : T.Columns)
      Types += Col.Type + " ";
    for (const std::string &Name : referencedNames(Types)) {
      auto It = ByName.find(Name);
      if (It != ByName.end())
        for (size_t J : It->second)
          if (J != I)
            Deps[I].push_back(J);
    }
  }
  for (size_t I : topologicalOrder(Deps, Priority)) {
    const Schema &S = *Tables[I].first;
    const Table &Orig = *Tables[I].second;
    if (!wanted(label("table", *Tables[I].first, Orig.Name)))
      continue;
    // Defaults and checks that call functions written later are added
    // once those exist (writeDeferred); a copy only for such a table.
    bool Defers =
        any_of(Orig.Columns,
               [&](const Column &Col) {
                 return callsLateFunction(Col.Default);
               }) ||
        any_of(Orig.Constraints, [&](const Constraint &K) {
          return K.Kind == ConstraintKind::Check && callsLateFunction(K.Expr);
        });
    Optional<Table> Copy;
    if (Defers) {
      Copy = Orig;
      for (Column &Col : Copy->Columns)
        if (callsLateFunction(Col.Default))
          Col.Default.clear();
      llvm::erase_if(Copy->Constraints, [&](const Constraint &K) {
        return K.Kind == ConstraintKind::Check && callsLateFunction(K.Expr);
      });
    }
    const Table &T = Copy ? *Copy : Orig;
    std::string Label = label("table", S, T.Name);
    add(writeCreateTable(S, T), Label);
    owner("TABLE " + sqlName(S, T.Name), T.Owner, Label);
    privileges("TABLE " + sqlName(S, T.Name), ACLKind::Relation, T.Name,
               T.Privileges, T.Owner, Label);
    if (Opts.Privileges && wanted(Label))
      for (const Column &Col : T.Columns)
        for (std::string &SQL : writeColumnPrivilegeChanges(
                 "TABLE " + sqlName(S, T.Name), Col.Name, {}, Col.Grants))
          add(std::move(SQL), Label);
  }

  for (const Schema &S : C.Schemas)
    for (const Sequence &Seq : S.Sequences)
      add(writeSequenceOwnedBy(S, Seq), label("sequence", S, Seq.Name));

  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables)
      for (const Index &I : T.Indexes)
        if (!isDeferredIndex(I) && wanted(label("index", S, I.Name)))
          add(writeCreateIndex(S, T.Name, I), label("index", S, I.Name));

  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables)
      for (const Constraint &K : T.Constraints)
        if (!isInlineConstraint(K) &&
            !(K.Kind == ConstraintKind::Check && callsLateFunction(K.Expr)) &&
            wanted(label("constraint", S, T.Name + "." + K.Name)))
          add(writeAddConstraint(S, T, K),
              label("constraint", S, T.Name + "." + K.Name));
}

void CatalogWriter::writeView(const Schema &S, const View &V) {
  StringRef Kind = V.Materialized ? "MATERIALIZED VIEW " : "VIEW ";
  std::string Label =
      label(V.Materialized ? "materialized view" : "view", S, V.Name);
  add(writeCreateView(S, V), Label);
  owner(Kind.str() + sqlName(S, V.Name), V.Owner, Label);
  privileges("TABLE " + sqlName(S, V.Name), ACLKind::Relation, V.Name,
             V.Privileges, V.Owner, Label);
  comment(Kind.str() + sqlName(S, V.Name), V.Comment, Label);
  for (const Index &I : V.Indexes)
    add(writeCreateIndex(S, V.Name, I), label("index", S, I.Name));
}

void CatalogWriter::writeViewsAndFunctions() {
  struct Node {
    const Schema *S;
    const View *V;
    const Function *F;
    std::set<std::string> Uses;
  };
  std::vector<Node> Nodes;
  for (const Schema &S : C.Schemas) {
    for (const View &V : S.Views)
      Nodes.push_back({&S, &V, nullptr, referencedNames(V.Query)});
    for (const Function &F : S.Functions)
      if (isLateFunction(F))
        Nodes.push_back(
            {&S, nullptr, &F,
             referencedNames(F.Arguments + " " + F.Returns + " " + F.Body)});
  }
  auto Name = [](const Node &N) -> const std::string & {
    return N.V ? N.V->Name : N.F->Name;
  };
  // Ties are broken by qualified name (then argument text).
  std::vector<size_t> ByName(Nodes.size());
  for (size_t I = 0; I < Nodes.size(); ++I)
    ByName[I] = I;
  llvm::stable_sort(ByName, [&](size_t A, size_t B) {
    const Node &X = Nodes[A], &Y = Nodes[B];
    StringRef XA = X.F ? StringRef(X.F->Arguments) : "";
    StringRef YA = Y.F ? StringRef(Y.F->Arguments) : "";
    return std::make_tuple(StringRef(X.S->Name), StringRef(Name(X)), XA) <
           std::make_tuple(StringRef(Y.S->Name), StringRef(Name(Y)), YA);
  });
  std::vector<size_t> Priority(Nodes.size());
  for (size_t Rank = 0; Rank < ByName.size(); ++Rank)
    Priority[ByName[Rank]] = Rank;
  std::vector<std::vector<size_t>> Deps(Nodes.size());
  for (size_t I = 0; I < Nodes.size(); ++I)
    for (size_t J = 0; J < Nodes.size(); ++J)
      if (I != J && Name(Nodes[I]) != Name(Nodes[J]) &&
          Nodes[I].Uses.count(Name(Nodes[J])))
        Deps[I].push_back(J);
  for (size_t I : topologicalOrder(Deps, Priority)) {
    if (Nodes[I].V)
      writeView(*Nodes[I].S, *Nodes[I].V);
    else
      writeFunction(*Nodes[I].S, *Nodes[I].F);
  }
}

void CatalogWriter::writeDeferred() {
  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables) {
      for (const Column &Col : T.Columns)
        if (callsLateFunction(Col.Default))
          add("ALTER TABLE " + sqlName(S, T.Name) + " ALTER COLUMN " +
                  quoteIdentifier(Col.Name) + " SET DEFAULT " + Col.Default +
                  ";",
              label("column", S, T.Name + "." + Col.Name));
      for (const Constraint &K : T.Constraints)
        if (K.Kind == ConstraintKind::Check && callsLateFunction(K.Expr))
          add(writeAddConstraint(S, T, K),
              label("constraint", S, T.Name + "." + K.Name));
      for (const Index &I : T.Indexes)
        if (isDeferredIndex(I))
          add(writeCreateIndex(S, T.Name, I), label("index", S, I.Name));
    }
}

void CatalogWriter::writeTableComments(const Schema &S, const Table &T) {
  std::string TableSQL = sqlName(S, T.Name);
  std::string Label = label("table", S, T.Name);
  comment("TABLE " + TableSQL, T.Comment, Label);
  for (const Column &Col : T.Columns)
    comment("COLUMN " + TableSQL + "." + quoteIdentifier(Col.Name), Col.Comment,
            label("column", S, T.Name + "." + Col.Name));
  for (const Constraint &K : T.Constraints)
    comment("CONSTRAINT " + quoteIdentifier(K.Name) + " ON " + TableSQL,
            K.Comment, label("constraint", S, T.Name + "." + K.Name));
  for (const Index &I : T.Indexes)
    comment("INDEX " + sqlName(S, I.Name), I.Comment,
            label("index", S, I.Name));
  for (const Trigger &Tr : T.Triggers)
    comment("TRIGGER " + quoteIdentifier(Tr.Name) + " ON " + TableSQL,
            Tr.Comment, label("trigger", S, T.Name + "." + Tr.Name));
  for (const Policy &P : T.Policies)
    comment("POLICY " + quoteIdentifier(P.Name) + " ON " + TableSQL, P.Comment,
            label("policy", S, T.Name + "." + P.Name));
}

void CatalogWriter::writeTriggersAndPolicies() {
  for (const Schema &S : C.Schemas) {
    for (const Table &T : S.Tables)
      for (const Trigger &Tr : T.Triggers)
        add(writeCreateTrigger(S, T.Name, Tr),
            label("trigger", S, T.Name + "." + Tr.Name));
    for (const View &V : S.Views)
      for (const Trigger &Tr : V.Triggers)
        add(writeCreateTrigger(S, V.Name, Tr),
            label("trigger", S, V.Name + "." + Tr.Name));
  }
  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables) {
      add(writeRowSecurity(S, T), label("table", S, T.Name));
      for (const Policy &P : T.Policies)
        add(writeCreatePolicy(S, T, P),
            label("policy", S, T.Name + "." + P.Name));
    }
}

std::vector<Statement> CatalogWriter::run() {
  for (const Schema &S : C.Schemas) {
    for (const Table &T : S.Tables)
      RelationNames.insert(T.Name);
    for (const View &V : S.Views)
      RelationNames.insert(V.Name);
  }
  for (const Schema &S : C.Schemas)
    for (const Function &F : S.Functions)
      if (isLateFunction(F))
        LateFunctionNames.insert(F.Name);

  writeSchemas();
  writeTypes();
  for (const Schema &S : C.Schemas)
    for (const Function &F : S.Functions)
      if (!isLateFunction(F))
        writeFunction(S, F);
  writeTables();
  writeViewsAndFunctions();
  writeDeferred();
  writeTriggersAndPolicies();

  // Comments last, in the order of the objects; a table's (and its
  // parts') comments follow the catalog order of tables.
  for (const Schema &S : C.Schemas)
    for (const Table &T : S.Tables)
      writeTableComments(S, T);
  for (const Schema &S : C.Schemas)
    for (const View &V : S.Views) {
      for (const Index &I : V.Indexes)
        comment("INDEX " + sqlName(S, I.Name), I.Comment,
                label("index", S, I.Name));
      for (const Trigger &Tr : V.Triggers)
        comment("TRIGGER " + quoteIdentifier(Tr.Name) + " ON " +
                    sqlName(S, V.Name),
                Tr.Comment, label("trigger", S, V.Name + "." + Tr.Name));
    }
  Out.insert(Out.end(), Comments.begin(), Comments.end());
  return std::move(Out);
}

std::vector<Statement> writeCatalogStatements(const Catalog &C,
                                              const WriterOptions &Opts) {
  return CatalogWriter(C, Opts).run();
}

void writeCatalog(raw_ostream &OS, const Catalog &C,
                  const WriterOptions &Opts) {
  for (const Statement &S : writeCatalogStatements(C, Opts))
    OS << S.SQL << "\n";
}

} // namespace sqlwriter
} // namespace bk
