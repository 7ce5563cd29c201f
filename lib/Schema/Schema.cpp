//===- Schema.cpp - The Schema IR -----------------------------------------===//

#include "bk/Schema/Schema.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <limits>
#include <tuple>

using namespace llvm;

namespace bk {
namespace schema {

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

std::string QualifiedName::str() const {
  if (Schema.empty())
    return Name;
  return Schema + "." + Name;
}

std::string QualifiedName::sql() const {
  if (Schema.empty())
    return quoteIdentifier(Name);
  return quoteIdentifier(Schema) + "." + quoteIdentifier(Name);
}

bool QualifiedName::operator<(const QualifiedName &O) const {
  return std::tie(Schema, Name) < std::tie(O.Schema, O.Name);
}

std::string normalizeIdentifier(StringRef Ident) {
  Ident = Ident.trim();
  if (Ident.size() >= 2 && Ident.front() == '"' && Ident.back() == '"') {
    std::string Name;
    StringRef Body = Ident.drop_front().drop_back();
    for (size_t I = 0; I < Body.size(); ++I) {
      Name += Body[I];
      if (Body[I] == '"' && I + 1 < Body.size() && Body[I + 1] == '"')
        ++I;
    }
    return Name;
  }
  return Ident.lower();
}

// Every keyword PostgreSQL 15's quote_identifier() quotes: the reserved ones,
// and those usable only as column names or only as type/function names
// (pg_get_keywords() where catcode <> 'U').
// clang-format off
static const char *const ReservedKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc",
    "asymmetric", "authorization", "between", "bigint", "binary", "bit",
    "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
    "collate", "collation", "column", "concurrently", "constraint", "create",
    "cross", "current_catalog", "current_date", "current_role",
    "current_schema", "current_time", "current_timestamp", "current_user",
    "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else",
    "end", "except", "exists", "extract", "false", "fetch", "float", "for",
    "foreign", "freeze", "from", "full", "grant", "greatest", "group",
    "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int",
    "integer", "intersect", "interval", "into", "is", "isnull", "join",
    "lateral", "leading", "least", "left", "like", "limit", "localtime",
    "localtimestamp", "national", "natural", "nchar", "none", "normalize",
    "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or",
    "order", "out", "outer", "overlaps", "overlay", "placing", "position",
    "precision", "primary", "real", "references", "returning", "right", "row",
    "select", "session_user", "setof", "similar", "smallint", "some",
    "substring", "symmetric", "table", "tablesample", "then", "time",
    "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique",
    "user", "using", "values", "varchar", "variadic", "verbose", "when",
    "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement",
    "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
    "xmlserialize", "xmltable",
};
// clang-format on

bool isReservedKeyword(StringRef Name) {
  // Every quoteIdentifier() asks: a sorted copy, searched in O(log n).
  static const std::vector<StringRef> Sorted = [] {
    std::vector<StringRef> V(std::begin(ReservedKeywords),
                             std::end(ReservedKeywords));
    llvm::sort(V);
    return V;
  }();
  return std::binary_search(Sorted.begin(), Sorted.end(), Name);
}

static bool isLowerAlpha(char C) { return C >= 'a' && C <= 'z'; }

bool isPlainIdentifier(StringRef Name) {
  if (Name.empty() || !(isLowerAlpha(Name[0]) || Name[0] == '_'))
    return false;
  return llvm::all_of(Name, [](char C) {
    return isLowerAlpha(C) || isDigit(C) || C == '_' || C == '$';
  });
}

std::string quoteIdentifier(StringRef Name) {
  if (isPlainIdentifier(Name) && !isReservedKeyword(Name))
    return Name.str();
  std::string Quoted = "\"";
  for (char C : Name) {
    if (C == '"')
      Quoted += '"';
    Quoted += C;
  }
  Quoted += '"';
  return Quoted;
}

//===----------------------------------------------------------------------===//
// Type names
//===----------------------------------------------------------------------===//

namespace {
struct TypeToken {
  enum Kind { Word, Quoted, Dot, Paren, ArrayDim };
  Kind K;
  std::string Text;
};
} // namespace

bool readQuotedIdentifier(StringRef S, size_t &I, std::string &Out) {
  assert(I < S.size() && S[I] == '"' && "not at a quoted identifier");
  for (++I; I < S.size(); ++I) {
    if (S[I] != '"') {
      Out += S[I];
      continue;
    }
    if (I + 1 < S.size() && S[I + 1] == '"') {
      Out += '"';
      ++I;
      continue;
    }
    ++I;
    return true;
  }
  return false;
}

/// Splits a type name into words (lower-cased), quoted names, dots,
/// parenthesised modifiers (white space removed, case kept) and array
/// dimensions.
static bool tokenizeType(StringRef S, SmallVectorImpl<TypeToken> &Tokens) {
  size_t I = 0, E = S.size();
  while (I < E) {
    char C = S[I];
    if (isSpace(C)) {
      ++I;
      continue;
    }
    if (C == '"') {
      std::string Name;
      if (!readQuotedIdentifier(S, I, Name))
        return false;
      Tokens.push_back({TypeToken::Quoted, Name});
      continue;
    }
    if (isAlnum(C) || C == '_') {
      size_t Start = I;
      while (I < E && (isAlnum(S[I]) || S[I] == '_' || S[I] == '$'))
        ++I;
      Tokens.push_back({TypeToken::Word, S.slice(Start, I).lower()});
      continue;
    }
    if (C == '.') {
      Tokens.push_back({TypeToken::Dot, "."});
      ++I;
      continue;
    }
    if (C == '(' || C == '[') {
      char Close = C == '(' ? ')' : ']';
      size_t End = S.find(Close, I);
      if (End == StringRef::npos)
        return false;
      // Modifiers keep their case (PostGIS prints geometry(Point,4326)).
      std::string Inner;
      for (char IC : S.slice(I + 1, End))
        if (!isSpace(IC))
          Inner += IC;
      if (C == '(')
        Tokens.push_back({TypeToken::Paren, "(" + Inner + ")"});
      else
        Tokens.push_back({TypeToken::ArrayDim, Inner});
      I = End + 1;
      continue;
    }
    return false;
  }
  return true;
}

/// White space collapsed, lower-cased outside double quotes: what a type we
/// cannot take apart is kept as.
static std::string fallbackTypeName(StringRef S) {
  std::string Out;
  bool InQuotes = false, PendingSpace = false;
  for (char C : S.trim()) {
    if (C == '"')
      InQuotes = !InQuotes;
    if (!InQuotes && isSpace(C)) {
      PendingSpace = true;
      continue;
    }
    if (PendingSpace)
      Out += ' ';
    PendingSpace = false;
    Out += InQuotes ? C : toLower(C);
  }
  return Out;
}

/// The canonical spelling of a built-in type written as words (without its
/// modifier), or None for a name that is not one.
static Optional<StringRef> builtinTypeName(StringRef Key) {
  // One hash lookup: this runs for every type name a schema spells.
  static const StringMap<StringRef> Names = [] {
    StringMap<StringRef> M;
    auto Add = [&](std::initializer_list<StringRef> Keys, StringRef Name) {
      for (StringRef K : Keys)
        M[K] = Name;
    };
    Add({"int", "int4", "integer", "serial", "serial4"}, "integer");
    Add({"int8", "bigint", "bigserial", "serial8"}, "bigint");
    Add({"int2", "smallint", "smallserial", "serial2"}, "smallint");
    Add({"bool", "boolean"}, "boolean");
    Add({"float8", "double precision"}, "double precision");
    Add({"float4", "real"}, "real");
    Add({"float"}, "float");
    Add({"decimal", "dec", "numeric"}, "numeric");
    Add({"varchar", "character varying", "char varying",
         "national character varying", "national char varying",
         "nchar varying"},
        "character varying");
    Add({"char", "character", "nchar", "national character", "national char"},
        "character");
    Add({"bpchar"}, "bpchar");
    Add({"varbit", "bit varying"}, "bit varying");
    Add({"bit"}, "bit");
    Add({"timestamp", "timestamp without time zone"}, "timestamp");
    Add({"timestamptz", "timestamp with time zone"}, "timestamptz");
    Add({"time", "time without time zone"}, "time");
    Add({"timetz", "time with time zone"}, "timetz");
    return M;
  }();
  auto It = Names.find(Key);
  if (It == Names.end())
    return None;
  return It->second;
}

/// The canonical spelling of words Key with modifier Mod ("" or "(...)").
static std::string canonicalWords(StringRef Key, StringRef Mod) {
  Optional<StringRef> Builtin = builtinTypeName(Key);
  if (!Builtin)
    return (Key + Mod).str();
  StringRef Name = *Builtin;
  if (Name == "timestamp")
    return ("timestamp" + Mod + " without time zone").str();
  if (Name == "timestamptz")
    return ("timestamp" + Mod + " with time zone").str();
  if (Name == "time")
    return ("time" + Mod + " without time zone").str();
  if (Name == "timetz")
    return ("time" + Mod + " with time zone").str();
  if (Name == "float") {
    unsigned Precision = 0;
    if (Mod.size() > 2 &&
        !Mod.drop_front().drop_back().getAsInteger(10, Precision) &&
        Precision <= 24)
      return "real";
    return "double precision";
  }
  if (Name == "bpchar" && !Mod.empty())
    return ("character" + Mod).str();
  if ((Name == "character" || Name == "bit") && Mod.empty())
    return (Name + "(1)").str();
  return (Name + Mod).str();
}

std::string normalizeTypeName(StringRef Type) {
  SmallVector<TypeToken, 8> Tokens;
  if (!tokenizeType(Type, Tokens) || Tokens.empty())
    return fallbackTypeName(Type);

  // Array dimensions: T[], T[3][], T ARRAY, T ARRAY[3].
  unsigned Dims = 0;
  while (!Tokens.empty() && Tokens.back().K == TypeToken::ArrayDim) {
    Tokens.pop_back();
    ++Dims;
  }
  if (!Tokens.empty() && Tokens.back().K == TypeToken::Word &&
      Tokens.back().Text == "array" && Dims <= 1) {
    Tokens.pop_back();
    Dims = 1;
  }

  // The modifier, wherever it is: timestamp(3) with time zone.
  std::string Mod;
  for (auto It = Tokens.begin(); It != Tokens.end(); ++It) {
    if (It->K != TypeToken::Paren)
      continue;
    if (!Mod.empty())
      return fallbackTypeName(Type);
    Mod = It->Text;
    Tokens.erase(It);
    break;
  }
  if (Tokens.empty() || llvm::any_of(Tokens, [](const TypeToken &T) {
        return T.K == TypeToken::Paren || T.K == TypeToken::ArrayDim;
      }))
    return fallbackTypeName(Type);

  std::string Base;
  bool Qualified = llvm::any_of(Tokens, [](const TypeToken &T) {
    return T.K == TypeToken::Dot || T.K == TypeToken::Quoted;
  });
  if (!Qualified) {
    SmallVector<StringRef, 4> Words;
    for (const TypeToken &T : Tokens)
      Words.push_back(T.Text);
    Base = canonicalWords(join(Words, " "), Mod);
  } else {
    // name ( '.' name )*, each name a word or a quoted name.
    SmallVector<const TypeToken *, 3> Parts;
    for (size_t I = 0; I < Tokens.size(); ++I) {
      bool WantName = I % 2 == 0;
      bool IsName =
          Tokens[I].K == TypeToken::Word || Tokens[I].K == TypeToken::Quoted;
      if (WantName != IsName)
        return fallbackTypeName(Type);
      if (IsName)
        Parts.push_back(&Tokens[I]);
    }
    if (Tokens.size() % 2 == 0)
      return fallbackTypeName(Type);
    if (Parts.size() == 2 && Parts[0]->Text == "pg_catalog" &&
        Parts[1]->K == TypeToken::Word && builtinTypeName(Parts[1]->Text)) {
      Base = canonicalWords(Parts[1]->Text, Mod);
    } else {
      SmallVector<std::string, 3> Quoted;
      for (const TypeToken *P : Parts)
        Quoted.push_back(quoteIdentifier(P->Text));
      Base = join(Quoted, ".") + Mod;
    }
  }
  // PostgreSQL keeps neither the sizes nor the number of dimensions.
  if (Dims)
    Base += "[]";
  return Base;
}

Optional<StringRef> serialBaseType(StringRef Type) {
  std::string Lower = Type.trim().lower();
  StringRef Base = StringSwitch<StringRef>(Lower)
                       .Cases("serial", "serial4", "integer")
                       .Cases("bigserial", "serial8", "bigint")
                       .Cases("smallserial", "serial2", "smallint")
                       .Default("");
  if (Base.empty())
    return None;
  return Base;
}

bool isIntegerTypeName(StringRef CanonicalType) {
  return CanonicalType == "smallint" || CanonicalType == "integer" ||
         CanonicalType == "bigint";
}

//===----------------------------------------------------------------------===//
// Implicit names
//===----------------------------------------------------------------------===//

/// The longest prefix of S no longer than N bytes that does not cut a UTF-8
/// sequence (pg_mbcliplen).
static size_t clipUTF8(StringRef S, size_t N) {
  while (N > 0 && N < S.size() && (S[N] & 0xC0) == 0x80)
    --N;
  return N;
}

std::string makeObjectName(StringRef Name1, StringRef Name2, StringRef Label) {
  size_t Overhead = 0;
  if (!Label.empty())
    Overhead += Label.size() + 1;
  if (!Name2.empty())
    ++Overhead;
  size_t Avail =
      Overhead < MaxIdentifierLength ? MaxIdentifierLength - Overhead : 0;
  size_t N1 = Name1.size(), N2 = Name2.size();
  while (N1 + N2 > Avail) {
    if (N1 > N2)
      --N1;
    else
      --N2;
  }
  N1 = clipUTF8(Name1, N1);
  N2 = clipUTF8(Name2, N2);
  std::string Result = Name1.take_front(N1).str();
  if (!Name2.empty())
    Result += "_" + Name2.take_front(N2).str();
  if (!Label.empty())
    Result += "_" + Label.str();
  return Result;
}

std::string nameAddition(ArrayRef<std::string> Names) {
  std::string Buf;
  for (const std::string &Name : Names) {
    if (!Buf.empty())
      Buf += '_';
    Buf += StringRef(Name).take_front(MaxIdentifierLength).str();
    if (Buf.size() > MaxIdentifierLength)
      break;
  }
  return Buf;
}

std::string chooseName(StringRef Name1, StringRef Name2, StringRef Label,
                       const std::function<bool(StringRef)> &IsTaken) {
  std::string ModLabel = Label.str();
  for (unsigned Pass = 1;; ++Pass) {
    std::string Name = makeObjectName(Name1, Name2, ModLabel);
    if (!IsTaken(Name))
      return Name;
    ModLabel = Label.str() + std::to_string(Pass);
  }
}

//===----------------------------------------------------------------------===//
// Lookups
//===----------------------------------------------------------------------===//

template <typename T>
static T *findNamed(std::vector<T> &Objects, StringRef Name) {
  for (T &O : Objects)
    if (O.Name == Name)
      return &O;
  return nullptr;
}

template <typename T>
static const T *findNamed(const std::vector<T> &Objects, StringRef Name) {
  for (const T &O : Objects)
    if (O.Name == Name)
      return &O;
  return nullptr;
}

Column *Table::findColumn(StringRef N) { return findNamed(Columns, N); }
const Column *Table::findColumn(StringRef N) const {
  return findNamed(Columns, N);
}
Constraint *Table::findConstraint(StringRef N) {
  return findNamed(Constraints, N);
}
const Constraint *Table::findConstraint(StringRef N) const {
  return findNamed(Constraints, N);
}
Index *Table::findIndex(StringRef N) { return findNamed(Indexes, N); }
const Index *Table::findIndex(StringRef N) const {
  return findNamed(Indexes, N);
}
Trigger *Table::findTrigger(StringRef N) { return findNamed(Triggers, N); }
const Trigger *Table::findTrigger(StringRef N) const {
  return findNamed(Triggers, N);
}
Policy *Table::findPolicy(StringRef N) { return findNamed(Policies, N); }
const Policy *Table::findPolicy(StringRef N) const {
  return findNamed(Policies, N);
}

const Constraint *Table::getPrimaryKey() const {
  for (const Constraint &C : Constraints)
    if (C.Kind == ConstraintKind::PrimaryKey)
      return &C;
  return nullptr;
}

static int64_t typeMin(StringRef Type) {
  if (Type == "smallint")
    return std::numeric_limits<int16_t>::min();
  if (Type == "integer")
    return std::numeric_limits<int32_t>::min();
  return std::numeric_limits<int64_t>::min();
}

static int64_t typeMax(StringRef Type) {
  if (Type == "smallint")
    return std::numeric_limits<int16_t>::max();
  if (Type == "integer")
    return std::numeric_limits<int32_t>::max();
  return std::numeric_limits<int64_t>::max();
}

int64_t Sequence::effectiveMinValue() const {
  if (MinValue)
    return *MinValue;
  return Increment > 0 ? 1 : typeMin(Type);
}

int64_t Sequence::effectiveMaxValue() const {
  if (MaxValue)
    return *MaxValue;
  return Increment > 0 ? typeMax(Type) : -1;
}

int64_t Sequence::effectiveStart() const {
  if (Start)
    return *Start;
  return Increment > 0 ? effectiveMinValue() : effectiveMaxValue();
}

std::string Function::signature() const { return Name + "(" + Arguments + ")"; }

Table *Schema::findTable(StringRef N) { return findNamed(Tables, N); }
const Table *Schema::findTable(StringRef N) const {
  return findNamed(Tables, N);
}
View *Schema::findView(StringRef N) { return findNamed(Views, N); }
const View *Schema::findView(StringRef N) const { return findNamed(Views, N); }
Sequence *Schema::findSequence(StringRef N) { return findNamed(Sequences, N); }
const Sequence *Schema::findSequence(StringRef N) const {
  return findNamed(Sequences, N);
}
EnumType *Schema::findEnum(StringRef N) { return findNamed(Enums, N); }
const EnumType *Schema::findEnum(StringRef N) const {
  return findNamed(Enums, N);
}
Domain *Schema::findDomain(StringRef N) { return findNamed(Domains, N); }
const Domain *Schema::findDomain(StringRef N) const {
  return findNamed(Domains, N);
}
CompositeType *Schema::findComposite(StringRef N) {
  return findNamed(Composites, N);
}
const CompositeType *Schema::findComposite(StringRef N) const {
  return findNamed(Composites, N);
}
RangeType *Schema::findRange(StringRef N) { return findNamed(Ranges, N); }
const RangeType *Schema::findRange(StringRef N) const {
  return findNamed(Ranges, N);
}

//===----------------------------------------------------------------------===//
// Type references
//===----------------------------------------------------------------------===//

namespace {
/// A type name taken apart: [schema.]name[(mods)][[]...].
struct TypeRef {
  std::string Schema;
  std::string Name;
  /// Where the name part starts and ends in the text.
  size_t NameBegin = 0, NameEnd = 0;
  bool Parsed = false;
};
} // namespace

bool readIdentifier(StringRef S, size_t &I, std::string &Out) {
  if (I < S.size() && S[I] == '"')
    return readQuotedIdentifier(S, I, Out);
  size_t B = I;
  while (I < S.size() && (isAlnum(S[I]) || S[I] == '_' || S[I] == '$'))
    ++I;
  if (I == B)
    return false;
  Out = S.slice(B, I).lower();
  return true;
}

static TypeRef parseTypeRef(StringRef T) {
  TypeRef R;
  size_t I = 0;
  std::string First;
  size_t FirstBegin = I;
  if (!readIdentifier(T, I, First))
    return R;
  if (I < T.size() && T[I] == '.') {
    ++I;
    R.NameBegin = I;
    if (!readIdentifier(T, I, R.Name))
      return R;
    R.Schema = First;
  } else {
    R.NameBegin = FirstBegin;
    R.Name = First;
  }
  R.NameEnd = I;
  StringRef Rest = T.substr(I);
  while (Rest.consume_back("[]"))
    ;
  R.Parsed = Rest.empty();
  return R;
}

bool typeRefersTo(StringRef ColumnType, StringRef TSchema, StringRef T) {
  TypeRef R = parseTypeRef(ColumnType);
  if (!R.Parsed)
    return false;
  StringRef Schema = R.Schema.empty() ? StringRef("public") : R.Schema;
  return R.Name == T && Schema == TSchema;
}

std::string renameTypeRefSchema(StringRef ColumnType, StringRef From,
                                StringRef To) {
  TypeRef R = parseTypeRef(ColumnType);
  if (!R.Parsed || R.Schema != From)
    return ColumnType.str();
  return (quoteIdentifier(To) + "." + ColumnType.substr(R.NameBegin)).str();
}

std::string renameTypeRef(StringRef ColumnType, StringRef From, StringRef To) {
  TypeRef R = parseTypeRef(ColumnType);
  if (!R.Parsed || R.Name != From)
    return ColumnType.str();
  return (ColumnType.take_front(R.NameBegin) + quoteIdentifier(To) +
          ColumnType.substr(R.NameEnd))
      .str();
}

Optional<Schema::TypeAttributes> Schema::findTypeAttributes(StringRef N) {
  if (EnumType *E = findEnum(N))
    return TypeAttributes{E->Comment, E->Owner, E->Privileges};
  if (Domain *D = findDomain(N))
    return TypeAttributes{D->Comment, D->Owner, D->Privileges};
  if (CompositeType *C = findComposite(N))
    return TypeAttributes{C->Comment, C->Owner, C->Privileges};
  if (RangeType *R = findRange(N))
    return TypeAttributes{R->Comment, R->Owner, R->Privileges};
  return None;
}

bool Schema::hasType(StringRef N) const {
  if (findEnum(N) || findDomain(N) || findComposite(N) || findRange(N) ||
      findTable(N) || findView(N))
    return true;
  return any_of(Ranges,
                [&](const RangeType &R) { return R.multirangeName() == N; });
}

std::string defaultMultirangeName(StringRef RangeName) {
  std::string Out;
  size_t At = RangeName.find("range");
  if (At != StringRef::npos)
    Out = (RangeName.take_front(At) + "multi" + RangeName.drop_front(At)).str();
  else
    Out =
        (RangeName.take_front(MaxIdentifierLength - 11) + "_multirange").str();
  return Out.substr(0, clipUTF8(Out, MaxIdentifierLength));
}

std::string RangeType::multirangeName() const {
  return MultirangeName.empty() ? defaultMultirangeName(Name) : MultirangeName;
}

const Function *Schema::findFunction(StringRef N) const {
  return findNamed(Functions, N);
}

const Index *Schema::findIndex(StringRef N) const {
  for (const Table &T : Tables)
    if (const Index *I = T.findIndex(N))
      return I;
  for (const View &V : Views)
    if (const Index *I = findNamed(V.Indexes, N))
      return I;
  return nullptr;
}

Schema *Catalog::findSchema(StringRef N) { return findNamed(Schemas, N); }
const Schema *Catalog::findSchema(StringRef N) const {
  return findNamed(Schemas, N);
}

Schema &Catalog::getOrAddSchema(StringRef N) {
  if (Schema *S = findSchema(N))
    return *S;
  Schemas.emplace_back();
  Schemas.back().Name = N.str();
  return Schemas.back();
}

const Extension *Catalog::findExtension(StringRef N) const {
  return findNamed(Extensions, N);
}

Table *Catalog::findTable(const QualifiedName &Name, StringRef DefaultSchema) {
  Schema *S =
      findSchema(Name.Schema.empty() ? DefaultSchema : StringRef(Name.Schema));
  return S ? S->findTable(Name.Name) : nullptr;
}

const Table *Catalog::findTable(const QualifiedName &Name,
                                StringRef DefaultSchema) const {
  const Schema *S =
      findSchema(Name.Schema.empty() ? DefaultSchema : StringRef(Name.Schema));
  return S ? S->findTable(Name.Name) : nullptr;
}

const Column *Catalog::findColumn(const QualifiedName &TableName,
                                  StringRef ColumnName) const {
  const Table *T = findTable(TableName);
  return T ? T->findColumn(ColumnName) : nullptr;
}

} // namespace schema
} // namespace bk
