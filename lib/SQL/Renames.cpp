//===- Renames.cpp - What ALTER ... RENAME changes besides a name ---------===//
//
// PostgreSQL refers to tables, columns, sequences, types and schemas by
// OID, so renaming one changes what every reference prints: a foreign key,
// a partition's parent, a check constraint, nextval('s'::regclass). The
// Schema IR refers to them by name; these functions rename the references
// the way the catalog shows them after the rename.
//
//===----------------------------------------------------------------------===//

#include "SQLInternal.h"

#include "bk/SQL/Tokens.h"
#include "bk/Schema/Schema.h"

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace sql {

/// Text with some of its tokens replaced: Replace(Toks, I) gives the new
/// text of token I, or None to keep it.
static std::string replaceTokens(
    StringRef Text,
    function_ref<Optional<std::string>(ArrayRef<Token>, size_t)> Replace) {
  std::vector<Token> Toks = tokenize(Text);
  std::string Out;
  size_t Pos = 0;
  for (size_t I = 0; I < Toks.size(); ++I) {
    Optional<std::string> New = Replace(Toks, I);
    if (!New)
      continue;
    size_t Begin = Toks[I].Text.data() - Text.data();
    Out += Text.slice(Pos, Begin);
    Out += *New;
    Pos = Begin + Toks[I].Text.size();
  }
  Out += Text.substr(Pos);
  return Out;
}

std::string renameColumnInExpression(StringRef Expr, StringRef From,
                                     StringRef To,
                                     ArrayRef<std::string> Qualifiers) {
  if (Expr.find(From) == StringRef::npos)
    return Expr.str();
  return replaceTokens(
      Expr, [&](ArrayRef<Token> T, size_t I) -> Optional<std::string> {
        if (!T[I].isName() || T[I].name() != From)
          return None;
        // Canonical text spells keywords in upper case and names in lower case
        // or quoted: VALUE is a keyword, value a column.
        if (T[I].is(TokenKind::Word) && T[I].Text != From)
          return None;
        // A call f(...), a qualifier t.x, a named argument, a type after '::'.
        if (I + 1 < T.size() &&
            (T[I + 1].isPunctuation('(') || T[I + 1].isPunctuation('.') ||
             T[I + 1].Text == "=>"))
          return None;
        if (I > 0 && T[I - 1].Text == "::")
          return None;
        // t.x where t is the table (or NEW and OLD in a trigger's WHEN); not
        // the field of (row).x.
        if (I > 0 && T[I - 1].isPunctuation('.') &&
            (I < 2 || !T[I - 2].isName() ||
             !is_contained(Qualifiers, T[I - 2].name())))
          return None;
        return quoteIdentifier(To);
      });
}

/// Calls F on every expression of T (defaults, generated columns, checks,
/// exclusion elements and predicates, index keys and predicates, partition
/// keys, triggers' WHEN, policies), with the names that may qualify a
/// column there.
static void
forEachExpression(Table &T,
                  function_ref<void(std::string &, ArrayRef<std::string>)> F) {
  std::vector<std::string> Own = {T.Name}, Rows = {"new", "old"};
  auto Expr = [&](std::string &E) {
    if (!E.empty())
      F(E, Own);
  };
  auto Keys = [&](std::vector<IndexKey> &L) {
    for (IndexKey &K : L)
      if (K.IsExpression)
        Expr(K.Text);
  };
  for (Column &C : T.Columns) {
    Expr(C.Default);
    Expr(C.Generated);
  }
  for (Constraint &C : T.Constraints) {
    Expr(C.Expr);
    Expr(C.Where);
    Keys(C.Elements);
  }
  for (Index &I : T.Indexes) {
    Keys(I.Keys);
    Expr(I.Where);
  }
  Keys(T.PartitionKeys);
  for (Trigger &Tr : T.Triggers)
    if (!Tr.When.empty())
      F(Tr.When, Rows);
  for (Policy &P : T.Policies) {
    Expr(P.Using);
    Expr(P.WithCheck);
  }
}

/// The columns and expressions of T itself that name column From.
static void renameColumnIn(Table &T, StringRef From, StringRef To) {
  auto Names = [&](std::vector<std::string> &L) {
    for (std::string &N : L)
      if (N == From)
        N = To.str();
  };
  auto Keys = [&](std::vector<IndexKey> &L) {
    for (IndexKey &K : L)
      if (!K.IsExpression && K.Text == From)
        K.Text = To.str();
  };
  for (Column &C : T.Columns)
    if (C.Name == From)
      C.Name = To.str();
  for (Constraint &C : T.Constraints) {
    Names(C.Columns);
    Names(C.Include);
    Names(C.OnDeleteSetColumns);
    Keys(C.Elements);
  }
  for (Index &I : T.Indexes) {
    Keys(I.Keys);
    Names(I.Include);
  }
  Keys(T.PartitionKeys);
  for (Trigger &Tr : T.Triggers)
    Names(Tr.UpdateColumns);
  forEachExpression(T, [&](std::string &E, ArrayRef<std::string> Q) {
    E = renameColumnInExpression(E, From, To, Q);
  });
}

void renameAttributeReferences(Catalog &C, const QualifiedName &Type,
                               StringRef From, StringRef To) {
  for (Schema &S : C.Schemas)
    for (Table &T : S.Tables) {
      if (none_of(T.Columns, [&](const Column &Col) {
            return typeRefersTo(Col.Type, Type.Schema, Type.Name);
          }))
        continue;
      // (col).field: a field after a parenthesised expression.
      forEachExpression(T, [&](std::string &E, ArrayRef<std::string>) {
        if (E.find(From.str()) == std::string::npos)
          return;
        E = replaceTokens(
            E, [&](ArrayRef<Token> Toks, size_t I) -> Optional<std::string> {
              if (I < 2 || !Toks[I].isName() || Toks[I].name() != From ||
                  !Toks[I - 1].isPunctuation('.') ||
                  !Toks[I - 2].isPunctuation(')'))
                return None;
              return quoteIdentifier(To);
            });
      });
    }
}

void renameColumnReferences(Catalog &C, const QualifiedName &TQ, StringRef From,
                            StringRef To, bool Recurse) {
  Table *T = C.findTable(TQ);
  if (!T)
    return;
  renameColumnIn(*T, From, To);
  for (Schema &S : C.Schemas) {
    for (Table &Other : S.Tables) {
      for (Constraint &Con : Other.Constraints)
        if (Con.Kind == ConstraintKind::ForeignKey && Con.RefTable == TQ)
          for (std::string &N : Con.RefColumns)
            if (N == From)
              N = To.str();
    }
    for (Sequence &Seq : S.Sequences)
      if (Seq.OwnedByTable == TQ && Seq.OwnedByColumn == From)
        Seq.OwnedByColumn = To.str();
  }
  if (!Recurse)
    return;
  // Partitions and inheritance children have the column too.
  std::vector<QualifiedName> Children;
  for (Schema &S : C.Schemas)
    for (Table &Other : S.Tables)
      if (Other.PartitionOf == TQ || is_contained(Other.Inherits, TQ))
        Children.emplace_back(S.Name, Other.Name);
  for (const QualifiedName &Child : Children)
    renameColumnReferences(C, Child, From, To, Recurse);
}

void renameTableReferences(Catalog &C, const QualifiedName &From,
                           const QualifiedName &To) {
  auto Rename = [&](QualifiedName &Q) {
    if (Q == From)
      Q = To;
  };
  for (Schema &S : C.Schemas) {
    for (Table &T : S.Tables) {
      for (Constraint &Con : T.Constraints)
        if (Con.Kind == ConstraintKind::ForeignKey)
          Rename(Con.RefTable);
      Rename(T.PartitionOf);
      for (QualifiedName &P : T.Inherits)
        Rename(P);
    }
    for (Sequence &Seq : S.Sequences)
      Rename(Seq.OwnedByTable);
  }
}

/// The relation a regclass literal names: 'users_id_seq', 'app.s',
/// '"Odd".s'; false when it is no such literal.
static bool regclassName(StringRef Literal, QualifiedName &Out) {
  if (!Literal.consume_front("'") || !Literal.consume_back("'") ||
      Literal.contains('\''))
    return false;
  std::vector<std::string> Parts;
  size_t I = 0;
  while (I <= Literal.size()) {
    std::string Part;
    if (I < Literal.size() && Literal[I] == '"') {
      if (!readQuotedIdentifier(Literal, I, Part))
        return false;
    } else {
      size_t B = I;
      while (I < Literal.size() && Literal[I] != '.')
        ++I;
      Part = Literal.slice(B, I).lower();
    }
    Parts.push_back(std::move(Part));
    if (I >= Literal.size())
      break;
    if (Literal[I] != '.')
      return false;
    ++I;
  }
  if (Parts.size() == 1)
    Out = QualifiedName("", Parts[0]);
  else if (Parts.size() == 2)
    Out = QualifiedName(Parts[0], Parts[1]);
  else
    return false;
  return !Out.Name.empty();
}

/// Every 'name'::regclass literal of a column default (nextval('s'::regclass))
/// whose relation Rename changes, rewritten; unqualified names are in
/// DefaultSchema, and stay unqualified unless Rename qualifies them.
static void renameRegclassLiterals(Catalog &C, StringRef DefaultSchema,
                                   function_ref<bool(QualifiedName &)> Rename) {
  for (Schema &S : C.Schemas)
    for (Table &T : S.Tables)
      for (Column &Col : T.Columns) {
        if (Col.Default.find("regclass") == std::string::npos)
          continue;
        Col.Default = replaceTokens(
            Col.Default,
            [&](ArrayRef<Token> Toks, size_t I) -> Optional<std::string> {
              QualifiedName Q;
              if (I + 2 >= Toks.size() || !Toks[I].is(TokenKind::String) ||
                  Toks[I + 1].Text != "::" || !Toks[I + 2].isWord("regclass") ||
                  !regclassName(Toks[I].Text, Q))
                return None;
              bool Qualified = !Q.Schema.empty();
              if (!Qualified)
                Q.Schema = DefaultSchema.str();
              std::string Was = Q.Schema;
              if (!Rename(Q))
                return None;
              // Moved to another schema: qualified (PostgreSQL prints the
              // schema of a relation off the search path).
              Qualified |= Q.Schema != Was;
              std::string Name = quoteIdentifier(Q.Name);
              if (Qualified)
                Name = quoteIdentifier(Q.Schema) + "." + Name;
              return "'" + Name + "'";
            });
      }
}

void renameSequenceReferences(Catalog &C, const QualifiedName &From,
                              const QualifiedName &To,
                              StringRef DefaultSchema) {
  renameRegclassLiterals(C, DefaultSchema, [&](QualifiedName &Q) {
    if (Q != From)
      return false;
    Q = To;
    return true;
  });
}

/// Calls F on every type name of the catalog that may name a user type:
/// columns, composite attributes, domains' base types, ranges' subtypes and
/// functions' return types.
static void forEachTypeName(Catalog &C, function_ref<void(std::string &)> F) {
  for (Schema &S : C.Schemas) {
    for (Table &T : S.Tables)
      for (Column &Col : T.Columns)
        F(Col.Type);
    for (CompositeType &CT : S.Composites)
      for (CompositeAttribute &A : CT.Attributes)
        F(A.Type);
    for (Domain &D : S.Domains)
      F(D.BaseType);
    for (RangeType &R : S.Ranges)
      F(R.Subtype);
    for (Function &Fn : S.Functions)
      F(Fn.Returns);
  }
}

void renameTypeReferences(Catalog &C, const QualifiedName &From, StringRef To) {
  forEachTypeName(C, [&](std::string &Type) {
    if (typeRefersTo(Type, From.Schema, From.Name))
      Type = renameTypeRef(Type, From.Name, To);
  });
}

void renameSchemaReferences(Catalog &C, StringRef From, StringRef To,
                            StringRef DefaultSchema) {
  renameRegclassLiterals(C, DefaultSchema, [&](QualifiedName &Q) {
    if (Q.Schema != From)
      return false;
    Q.Schema = To.str();
    return true;
  });
  forEachTypeName(
      C, [&](std::string &T) { T = renameTypeRefSchema(T, From, To); });
  auto Rename = [&](QualifiedName &Q) {
    if (Q.Schema == From)
      Q.Schema = To.str();
  };
  for (Schema &S : C.Schemas) {
    for (Table &T : S.Tables) {
      for (Constraint &Con : T.Constraints)
        Rename(Con.RefTable);
      Rename(T.PartitionOf);
      for (QualifiedName &P : T.Inherits)
        Rename(P);
      for (Trigger &Tr : T.Triggers)
        Rename(Tr.Function);
    }
    for (View &V : S.Views)
      for (Trigger &Tr : V.Triggers)
        Rename(Tr.Function);
    for (Sequence &Seq : S.Sequences)
      Rename(Seq.OwnedByTable);
  }
}

} // namespace sql
} // namespace bk
