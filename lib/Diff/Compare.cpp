//===- Compare.cpp - Definitions compared, type changes classified --------===//

#include "DiffInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <tuple>

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace diff {
namespace detail {

//===----------------------------------------------------------------------===//
// Definitions compared
//===----------------------------------------------------------------------===//

bool sameType(StringRef A, StringRef B) {
  return A == B || canonicalTypeName(A) == canonicalTypeName(B);
}

bool sameFunctionRef(const QualifiedName &A, StringRef SA,
                     const QualifiedName &B, StringRef SB) {
  return canonicalFunctionRef(A, SA) == canonicalFunctionRef(B, SB);
}

bool sameTrigger(const Trigger &A, StringRef SA, const Trigger &B,
                 StringRef SB) {
  auto Tie = [](const Trigger &T) {
    return std::tie(T.Timing, T.Events, T.UpdateColumns, T.ForEachRow,
                    T.Arguments, T.OldTable, T.NewTable, T.IsConstraint,
                    T.Deferrable, T.InitiallyDeferred);
  };
  return Tie(A) == Tie(B) && sameExpression(A.When, B.When) &&
         sameFunctionRef(A.Function, SA, B.Function, SB);
}

bool samePolicy(const Policy &A, const Policy &B) {
  auto Tie = [](const Policy &P) {
    return std::tie(P.Command, P.Permissive, P.Roles);
  };
  return Tie(A) == Tie(B) && sameExpression(A.Using, B.Using) &&
         sameExpression(A.WithCheck, B.WithCheck);
}

bool sameView(const View &A, const View &B) {
  auto Tie = [](const View &V) {
    return std::tie(V.Materialized, V.Columns, V.WithNoData, V.Tablespace);
  };
  return Tie(A) == Tie(B) && sameOptions(A.Options, B.Options) &&
         (A.Query == B.Query ||
          canonicalQuery(A.Query) == canonicalQuery(B.Query));
}

bool sameFunctionBody(const Function &A, const Function &B) {
  auto Tie = [](const Function &F) {
    return std::tie(F.Kind, F.Language, F.Body, F.Volatile, F.Strict,
                    F.SecurityDefiner, F.Leakproof, F.Parallel, F.Cost, F.Rows);
  };
  return Tie(A) == Tie(B) && sameOptions(A.Config, B.Config) &&
         sameExpression(A.Arguments, B.Arguments) &&
         sameExpression(A.Returns, B.Returns);
}

bool sameSequenceOptions(const Sequence &A, const Sequence &B) {
  return A.Type == B.Type && A.Increment == B.Increment &&
         A.effectiveMinValue() == B.effectiveMinValue() &&
         A.effectiveMaxValue() == B.effectiveMaxValue() &&
         A.effectiveStart() == B.effectiveStart() && A.Cache == B.Cache &&
         A.Cycle == B.Cycle;
}

//===----------------------------------------------------------------------===//
// Type changes
//===----------------------------------------------------------------------===//

namespace {
/// A canonical type name split into its base ("character varying",
/// "timestamp without time zone"), modifiers and array-ness.
struct TypeShape {
  std::string Base;
  std::vector<int64_t> Mods;
  bool Array = false;
  bool Parsed = true;
};
} // namespace

static TypeShape shapeOf(StringRef T) {
  TypeShape S;
  while (T.consume_back("[]"))
    S.Array = true;
  size_t Open = T.find('(');
  if (Open == StringRef::npos) {
    S.Base = T.str();
    return S;
  }
  size_t Close = T.find(')', Open);
  if (Close == StringRef::npos) {
    S.Parsed = false;
    return S;
  }
  SmallVector<StringRef, 2> Parts;
  T.slice(Open + 1, Close).split(Parts, ',');
  for (StringRef P : Parts) {
    int64_t V;
    if (P.trim().getAsInteger(10, V)) {
      S.Parsed = false;
      return S;
    }
    S.Mods.push_back(V);
  }
  S.Base =
      (T.take_front(Open).rtrim() + " " + T.substr(Close + 1).ltrim()).str();
  S.Base = StringRef(S.Base).trim().str();
  return S;
}

static int intRank(StringRef Base) {
  return StringSwitch<int>(Base)
      .Case("smallint", 1)
      .Case("integer", 2)
      .Case("bigint", 3)
      .Default(0);
}

static bool isTimeBase(StringRef Base) {
  return Base == "timestamp without time zone" ||
         Base == "timestamp with time zone" ||
         Base == "time without time zone" || Base == "time with time zone" ||
         Base == "interval";
}

static bool isStringBase(StringRef Base) {
  return Base == "text" || Base == "character varying";
}

/// The change of a non-array type From → To, or None when no rule knows
/// the pair (a conversion).
static Optional<TypeChange> classifyShapes(const TypeShape &F,
                                           const TypeShape &T) {
  // Integers, and integers to unbounded numeric.
  int FI = intRank(F.Base), TI = intRank(T.Base);
  if (FI && TI)
    return TI > FI ? TypeChange::WideningRewrite : TypeChange::Narrowing;
  if (FI && T.Base == "numeric" && T.Mods.empty())
    return TypeChange::WideningRewrite;
  if (F.Base == "numeric" && TI)
    return TypeChange::Narrowing;
  if (F.Base == "real" && T.Base == "double precision")
    return TypeChange::WideningRewrite;
  if (F.Base == "double precision" && (T.Base == "real" || TI))
    return TypeChange::Narrowing;
  if (F.Base == "real" && TI)
    return TypeChange::Narrowing;

  // Bounded strings and bit strings: a larger (or no) bound keeps the bytes.
  if ((isStringBase(F.Base) && isStringBase(T.Base)) ||
      (F.Base == "bit varying" && T.Base == "bit varying")) {
    if (T.Mods.empty() &&
        (T.Base == "text" || T.Base == F.Base || F.Base == "character varying"))
      return TypeChange::Widening;
    if (T.Mods.empty())
      return TypeChange::Widening;
    if (!F.Mods.empty() && T.Mods[0] >= F.Mods[0])
      return TypeChange::Widening;
    return TypeChange::Narrowing;
  }
  if (F.Base == "character" && T.Base == "character")
    return T.Mods.empty() || F.Mods.empty() || T.Mods[0] >= F.Mods[0]
               ? TypeChange::WideningRewrite
               : TypeChange::Narrowing;

  // numeric(p,s): more integer digits and no fewer fraction digits.
  if (F.Base == "numeric" && T.Base == "numeric") {
    if (T.Mods.empty())
      return TypeChange::Widening;
    if (F.Mods.empty())
      return TypeChange::Narrowing;
    int64_t FS = F.Mods.size() > 1 ? F.Mods[1] : 0;
    int64_t TS = T.Mods.size() > 1 ? T.Mods[1] : 0;
    if (TS == FS && T.Mods[0] >= F.Mods[0])
      return TypeChange::Widening;
    if (TS > FS && T.Mods[0] - TS >= F.Mods[0] - FS)
      return TypeChange::WideningRewrite;
    return TypeChange::Narrowing;
  }

  // Fractional-second precision of the time types.
  if (isTimeBase(F.Base) && F.Base == T.Base) {
    int64_t FP = F.Mods.empty() ? 6 : F.Mods[0];
    int64_t TP = T.Mods.empty() ? 6 : T.Mods[0];
    return TP >= FP ? TypeChange::Widening : TypeChange::Narrowing;
  }
  if ((F.Base == "timestamp without time zone" ||
       F.Base == "timestamp with time zone") &&
      T.Base == "date")
    return TypeChange::Narrowing;

  // Anything to text keeps its text form (an assignment I/O cast).
  if (T.Base == "text" || (T.Base == "character varying" && T.Mods.empty()))
    return TypeChange::WideningRewrite;
  return None;
}

TypeChange classifyTypeChange(StringRef From, StringRef To) {
  TypeShape F = shapeOf(From), T = shapeOf(To);
  if (!F.Parsed || !T.Parsed || F.Array != T.Array)
    return TypeChange::Conversion;
  if (Optional<TypeChange> C = classifyShapes(F, T)) {
    // Arrays of a widened element type are rewritten element by element.
    if (F.Array && *C == TypeChange::Widening)
      return TypeChange::WideningRewrite;
    return *C;
  }
  return TypeChange::Conversion;
}

//===----------------------------------------------------------------------===//
// Rename declarations
//===----------------------------------------------------------------------===//

/// The old name an annotation declares, or "" when it declares none.
/// Reports a declaration without a name.
static std::string renamedFrom(const std::vector<std::string> &Annotations,
                               Loc L, DiagnosticEngine &Diags,
                               std::string *SchemaOut = nullptr) {
  for (StringRef A : Annotations) {
    StringRef Value;
    if (A.consume_front("bk:renamed-from")) {
      Value = A.trim();
    } else if (A.consume_front("@renamed")) {
      size_t From = A.find("from=");
      if (From == StringRef::npos) {
        Diags.error(L, "'@renamed' needs 'from=OLD_NAME'");
        return "";
      }
      Value = A.substr(From + 5);
      Value = Value.take_until([](char C) { return C == ' ' || C == '\t'; });
    } else {
      continue;
    }
    Value = Value.trim();
    std::string First, Second;
    size_t I = 0;
    if (!readIdentifier(Value, I, First)) {
      Diags.error(L, "rename declaration needs the old name: '-- " + A.str() +
                         "'");
      return "";
    }
    if (I < Value.size() && Value[I] == '.') {
      ++I;
      if (!readIdentifier(Value, I, Second)) {
        Diags.error(L, "bad old name in rename declaration '" + Value + "'");
        return "";
      }
      if (SchemaOut)
        *SchemaOut = First;
      First = Second;
    }
    if (I != Value.size()) {
      Diags.error(L, "bad old name in rename declaration '" + Value + "'");
      return "";
    }
    return First;
  }
  return "";
}

std::vector<Rename> collectRenames(const Catalog &New,
                                   DiagnosticEngine &Diags) {
  std::vector<Rename> Out;
  auto Add = [&](RenameKind K, const Schema &S, StringRef Table,
                 StringRef NewName, const std::vector<std::string> &Anns,
                 Loc L) {
    std::string OldSchema;
    std::string Old = renamedFrom(Anns, L, Diags, &OldSchema);
    if (Old.empty() || Old == NewName)
      return;
    if (!OldSchema.empty() && OldSchema != S.Name) {
      Diags.error(L, "bk-diff renames objects within a schema; moving '" +
                         OldSchema + "." + Old + "' to schema '" + S.Name +
                         "' is not supported");
      return;
    }
    Out.push_back({K, S.Name, Table.str(), Old, NewName.str(), L});
  };
  for (const Schema &S : New.Schemas) {
    for (const Table &T : S.Tables) {
      Add(RenameKind::Table, S, "", T.Name, T.Annotations, T.Location);
      for (const Column &C : T.Columns)
        Add(RenameKind::Column, S, T.Name, C.Name, C.Annotations, C.Location);
      for (const Constraint &C : T.Constraints)
        Add(RenameKind::Constraint, S, T.Name, C.Name, C.Annotations,
            C.Location);
      for (const Index &I : T.Indexes)
        Add(RenameKind::Index, S, T.Name, I.Name, I.Annotations, I.Location);
    }
    for (const EnumType &E : S.Enums)
      Add(RenameKind::Enum, S, "", E.Name, E.Annotations, E.Location);
    for (const Domain &D : S.Domains)
      Add(RenameKind::Domain, S, "", D.Name, D.Annotations, D.Location);
    for (const Sequence &Q : S.Sequences)
      Add(RenameKind::Sequence, S, "", Q.Name, Q.Annotations, Q.Location);
    for (const View &V : S.Views)
      Add(RenameKind::View, S, "", V.Name, V.Annotations, V.Location);
  }
  return Out;
}

} // namespace detail
} // namespace diff
} // namespace bk
