//===- FromSchema.cpp - Schema IR -> CRUD API IR --------------------------===//

#include "bk/Scaffold/FromSchema.h"

#include "bk/Scaffold/Names.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/GlobPattern.h"

#include <cmath>

using namespace llvm;
using namespace bk::api;
using namespace bk::schema;

namespace bk {
namespace scaffold {

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

static std::unique_ptr<SchemaNode> node(SchemaNode S) {
  return std::make_unique<SchemaNode>(std::move(S));
}

static SchemaNode typed(JSONType T) {
  SchemaNode S;
  S.Types = TypeSet(T);
  return S;
}

static SchemaNode stringWithFormat(StringRef Format) {
  SchemaNode S = typed(JSONType::String);
  S.Format = Format.str();
  return S;
}

static SchemaNode integerRange(double Min, double Max, StringRef Format) {
  SchemaNode S = typed(JSONType::Integer);
  S.Format = Format.str();
  S.Minimum = JSONNumber(Min);
  S.Maximum = JSONNumber(Max);
  return S;
}

/// "character varying(20)" -> ("character varying", "20").
static std::pair<StringRef, StringRef> splitModifiers(StringRef Type) {
  size_t Open = Type.find('(');
  if (Open == StringRef::npos || !Type.endswith(")"))
    return {Type, ""};
  return {Type.take_front(Open).rtrim(),
          Type.slice(Open + 1, Type.size() - 1).trim()};
}

/// One conjunct of a CHECK on a single value, in the forms the mapping
/// understands: `x >= 1`, `x < 10`, `x BETWEEN 1 AND 9`, `x IN (...)`,
/// `x = ANY (ARRAY[...])`, `length(x) <= 20` (casts and parentheses
/// ignored). X is the column name, or VALUE in a domain.
static bool applySimpleCheck(StringRef Expr, StringRef X, SchemaNode &S) {
  // Drop casts (`::numeric`, `::text[]`, `::character varying`) and
  // parentheses, then match on the remaining words.
  std::string Clean;
  for (size_t I = 0; I < Expr.size(); ++I) {
    if (Expr.substr(I).startswith("::")) {
      I += 2;
      while (I < Expr.size() && (isAlnum(Expr[I]) || Expr[I] == '_' ||
                                 Expr[I] == '.' || Expr[I] == '"' ||
                                 (Expr[I] == ' ' && I + 1 < Expr.size() &&
                                  StringRef("vwz").contains(Expr[I + 1]) &&
                                  (Expr.substr(I).startswith(" varying") ||
                                   Expr.substr(I).startswith(" with") ||
                                   Expr.substr(I).startswith(" without") ||
                                   Expr.substr(I).startswith(" zone"))) ||
                                 Expr[I] == '[' || Expr[I] == ']'))
        ++I;
      --I;
      continue;
    }
    if (Expr[I] == '(' || Expr[I] == ')') {
      Clean += ' ';
      continue;
    }
    Clean += Expr[I];
  }
  SmallVector<StringRef, 8> Words;
  StringRef(Clean).split(Words, ' ', -1, false);
  auto Num = [](StringRef W) { return JSONNumber::parse(W); };
  bool Length = false;
  if (Words.size() >= 2 && (Words[0].equals_insensitive("length") ||
                            Words[0].equals_insensitive("char_length"))) {
    Length = true;
    Words.erase(Words.begin());
  }
  if (Words.size() < 3 || !Words[0].equals_insensitive(X))
    return false;
  StringRef Op = Words[1];
  if (Words.size() == 3) {
    Optional<JSONNumber> N = Num(Words[2]);
    if (!N)
      return false;
    if (Length) {
      if (!N->isInteger() || N->Value < 0)
        return false;
      uint64_t V = (uint64_t)N->Value;
      if (Op == "<=")
        S.MaxLength = V;
      else if (Op == "<" && V > 0)
        S.MaxLength = V - 1;
      else if (Op == ">=")
        S.MinLength = V;
      else if (Op == ">")
        S.MinLength = V + 1;
      else
        return false;
      return true;
    }
    if (Op == ">=")
      S.Minimum = *N;
    else if (Op == ">")
      S.ExclusiveMinimum = *N;
    else if (Op == "<=")
      S.Maximum = *N;
    else if (Op == "<")
      S.ExclusiveMaximum = *N;
    else
      return false;
    return true;
  }
  if (Length)
    return false;
  if (Words.size() == 5 && Op.equals_insensitive("between") &&
      Words[3].equals_insensitive("and")) {
    Optional<JSONNumber> Lo = Num(Words[2]), Hi = Num(Words[4]);
    if (!Lo || !Hi)
      return false;
    S.Minimum = *Lo;
    S.Maximum = *Hi;
    return true;
  }
  // x IN ('a', 'b') / x = ANY ARRAY['a', 'b']: string literals only.
  size_t First = 0;
  if (Op.equals_insensitive("in"))
    First = 2;
  else if (Op == "=" && Words.size() > 4 &&
           Words[2].equals_insensitive("any") &&
           Words[3].startswith_insensitive("array["))
    First = 3;
  if (!First)
    return false;
  std::string Rest = join(make_range(Words.begin() + First, Words.end()), " ");
  StringRef R(Rest);
  R.consume_front_insensitive("array[");
  std::vector<std::string> Values;
  while (!R.empty()) {
    R = R.ltrim(" ,]");
    if (R.empty())
      break;
    if (!R.startswith("'"))
      return false;
    std::string V;
    size_t I = 1;
    for (; I < R.size(); ++I) {
      if (R[I] == '\'') {
        if (I + 1 < R.size() && R[I + 1] == '\'') {
          V += '\'';
          ++I;
          continue;
        }
        break;
      }
      V += R[I];
    }
    if (I >= R.size())
      return false;
    Values.push_back(quoteString(V));
    R = R.drop_front(I + 1);
  }
  if (Values.empty())
    return false;
  S.Enum = std::move(Values);
  return true;
}

/// Splits a CHECK expression at its top-level ANDs.
static std::vector<std::string> conjuncts(StringRef Expr) {
  std::vector<std::string> Out;
  int Depth = 0;
  size_t Start = 0;
  bool InString = false;
  for (size_t I = 0; I < Expr.size(); ++I) {
    char C = Expr[I];
    if (C == '\'')
      InString = !InString;
    if (InString)
      continue;
    if (C == '(')
      ++Depth;
    else if (C == ')')
      --Depth;
    else if (Depth <= 1 && Expr.substr(I).startswith_insensitive(" and ") &&
             !Expr.substr(Start, I - Start).contains_insensitive("between")) {
      Out.push_back(Expr.slice(Start, I).str());
      Start = I + 5;
    }
  }
  Out.push_back(Expr.substr(Start).str());
  // A BETWEEN's own AND was skipped above only when the conjunct began with
  // it; the conjunct after a BETWEEN starts after its second AND.
  return Out;
}

static void applyChecks(StringRef Expr, StringRef X, SchemaNode &S) {
  for (const std::string &C : conjuncts(Expr))
    (void)applySimpleCheck(C, X, S);
}

SchemaNode columnSchema(const Catalog &C, StringRef Type,
                        StringRef DefaultSchema) {
  if (Type.endswith("[]")) {
    SchemaNode S = typed(JSONType::Array);
    S.Items = node(columnSchema(C, Type.drop_back(2), DefaultSchema));
    return S;
  }
  auto [Base, Mods] = splitModifiers(Type);
  if (Base == "smallint")
    return integerRange(-32768, 32767, "int32");
  if (Base == "integer")
    return integerRange(-2147483648.0, 2147483647.0, "int32");
  if (Base == "bigint") {
    SchemaNode S = typed(JSONType::Integer);
    S.Format = "int64";
    return S;
  }
  if (Base == "real" || Base == "double precision") {
    SchemaNode S = typed(JSONType::Number);
    S.Format = Base == "real" ? "float" : "double";
    return S;
  }
  if (Base == "numeric") {
    SchemaNode S = typed(JSONType::Number);
    SmallVector<StringRef, 2> PS;
    Mods.split(PS, ',');
    unsigned P = 0, Sc = 0;
    if (!Mods.empty() && !PS[0].trim().getAsInteger(10, P)) {
      if (PS.size() > 1)
        (void)PS[1].trim().getAsInteger(10, Sc);
      double Limit = std::pow(10.0, (double)P - Sc);
      S.ExclusiveMaximum = JSONNumber(Limit);
      S.ExclusiveMinimum = JSONNumber(-Limit);
      S.MultipleOf =
          Sc == 0 ? JSONNumber(1.0)
                  : *JSONNumber::parse("0." + std::string(Sc - 1, '0') + "1");
    }
    return S;
  }
  if (Base == "boolean")
    return typed(JSONType::Boolean);
  if (Base == "character varying" || Base == "character" || Base == "bit" ||
      Base == "bit varying") {
    SchemaNode S = typed(JSONType::String);
    unsigned N;
    if (!Mods.empty() && !Mods.getAsInteger(10, N))
      S.MaxLength = N;
    return S;
  }
  if (Base == "text" || Base == "name" || Base == "citext" ||
      Base == "interval" || Base == "money" || Base == "inet" ||
      Base == "cidr" || Base == "macaddr" || Base == "tsvector" ||
      Base == "xml")
    return typed(JSONType::String);
  if (Base == "date")
    return stringWithFormat("date");
  if (Base.startswith("timestamp"))
    return stringWithFormat("date-time");
  if (Base.startswith("time")) {
    SchemaNode S = typed(JSONType::String);
    S.Pattern = "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}(:?\\d{2})?)?$";
    return S;
  }
  if (Base == "uuid")
    return stringWithFormat("uuid");
  if (Base == "bytea")
    return stringWithFormat("byte");
  if (Base == "json" || Base == "jsonb")
    return SchemaNode();

  // User types: enums and domains, qualified or in the default schema.
  StringRef TypeSchema = DefaultSchema, TypeName = Base;
  if (Base.contains('.'))
    std::tie(TypeSchema, TypeName) = Base.split('.');
  std::string Name = normalizeIdentifier(TypeName);
  if (const Schema *Sch = C.findSchema(normalizeIdentifier(TypeSchema))) {
    if (const EnumType *E = Sch->findEnum(Name)) {
      SchemaNode S = typed(JSONType::String);
      for (const std::string &V : E->Values)
        S.Enum.push_back(quoteString(V));
      return S;
    }
    if (const Domain *D = Sch->findDomain(Name)) {
      SchemaNode S = columnSchema(C, D->BaseType, DefaultSchema);
      for (const DomainCheck &Check : D->Checks)
        applyChecks(Check.Expr, "VALUE", S);
      return S;
    }
  }
  SchemaNode S;
  S.Description = ("PostgreSQL type " + Type).str();
  return S;
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

namespace {

struct Resource {
  const Schema *Sch;
  const Table *T;
  std::vector<const Column *> Columns;
  /// Primary-key columns, empty when the table has none.
  std::vector<const Column *> Key;
  /// Columns a list can filter on (the first column of an index or key).
  std::vector<const Column *> Filters;
  std::string TypeName;
  std::string Path;
  std::string Tag;
};

class Builder {
public:
  Builder(const Catalog &C, const CRUDOptions &Opts, DiagnosticEngine &Diags)
      : C(C), Opts(Opts), Diags(Diags) {}
  std::unique_ptr<API> build();

private:
  bool selected(const Schema &S, const Table &T) const;
  bool columnExcluded(const Table &T, const Column &Col) const;
  bool writable(const Column &Col) const;
  SchemaNode columnNode(const Resource &R, const Column &Col) const;
  void addComponents(Resource &R);
  void addOperations(const Resource &R);
  void addListParts(Operation &Op, const Resource &R, StringRef SkipColumn);
  void addChildOperations(const Resource &Child);
  Operation &addOperation(const Resource &R, Method M, std::string Path,
                          std::string Id, StringRef Kind, StringRef Summary);
  Parameter keyParameter(const Resource &R, const Column &Col) const;
  void addResponse(Operation &Op, StringRef Status, StringRef Description,
                   std::unique_ptr<SchemaNode> Schema = nullptr);
  void addErrors(Operation &Op, ArrayRef<StringRef> Statuses);
  /// A required application/json body of component Component.
  void setJSONBody(Operation &Op, StringRef Component);
  SchemaNode ref(StringRef Name) const;
  std::string crudExtension(const Resource &R, StringRef Kind,
                            const Resource *Parent = nullptr,
                            const Constraint *FK = nullptr) const;

  const Catalog &C;
  const CRUDOptions &Opts;
  DiagnosticEngine &Diags;
  std::unique_ptr<API> A;
  std::vector<Resource> Resources;
  NameTable Names;
};

} // namespace

static bool matchesAny(ArrayRef<std::string> Globs, StringRef Name,
                       StringRef Qualified) {
  for (const std::string &G : Globs) {
    Expected<GlobPattern> P = GlobPattern::create(G);
    if (!P) {
      consumeError(P.takeError());
      continue;
    }
    if (P->match(Name) || P->match(Qualified))
      return true;
  }
  return false;
}

bool Builder::selected(const Schema &S, const Table &T) const {
  std::string Q = S.Name + "." + T.Name;
  if (!Opts.IncludeTables.empty() && !matchesAny(Opts.IncludeTables, T.Name, Q))
    return false;
  return !matchesAny(Opts.ExcludeTables, T.Name, Q);
}

bool Builder::columnExcluded(const Table &T, const Column &Col) const {
  return matchesAny(Opts.ExcludeColumns, T.Name + "." + Col.Name,
                    T.Name + "." + Col.Name);
}

/// Whether a client may set the column: not generated, not an identity
/// ALWAYS, not a tsvector (triggers maintain those).
bool Builder::writable(const Column &Col) const {
  return !Col.isGenerated() && Col.Identity != IdentityKind::Always &&
         Col.Type != "tsvector";
}

SchemaNode Builder::columnNode(const Resource &R, const Column &Col) const {
  SchemaNode S = columnSchema(C, Col.Type, R.Sch->Name);
  // The table's CHECK constraints on this one column.
  for (const Constraint &K : R.T->Constraints)
    if (K.Kind == ConstraintKind::Check)
      applyChecks(K.Expr, Col.Name, S);
  if (!Col.NotNull && !S.Types.empty())
    S.Types.add(JSONType::Null);
  if (!writable(Col))
    S.ReadOnly = true;
  S.Description = Col.Comment;
  return S;
}

SchemaNode Builder::ref(StringRef Name) const {
  SchemaNode S;
  S.Ref = Name.str();
  return S;
}

std::string Builder::crudExtension(const Resource &R, StringRef Kind,
                                   const Resource *Parent,
                                   const Constraint *FK) const {
  auto List = [](ArrayRef<const Column *> Cols) {
    std::string L = "[";
    for (size_t I = 0; I < Cols.size(); ++I)
      L += (I ? "," : "") + quoteString(Cols[I]->Name);
    return L + "]";
  };
  std::vector<const Column *> Writable;
  for (const Column *Col : R.Columns)
    if (writable(*Col))
      Writable.push_back(Col);
  std::string J =
      "{\"kind\":" + quoteString(Kind) +
      ",\"component\":" + quoteString(R.TypeName) +
      ",\"schema\":" + quoteString(R.Sch->Name) +
      ",\"table\":" + quoteString(R.T->Name) +
      ",\"columns\":" + List(R.Columns) + ",\"key\":" + List(R.Key) +
      ",\"writable\":" + List(Writable) + ",\"filters\":" + List(R.Filters);
  if (FK)
    J += ",\"parentColumn\":" + quoteString(FK->Columns.front());
  if (Parent && !Parent->Key.empty())
    J += ",\"parentKey\":" + quoteString(Parent->Key.front()->Name);
  return J + "}";
}

void Builder::addComponents(Resource &R) {
  SchemaNode Row = typed(JSONType::Object);
  Row.Description = R.T->Comment;
  SchemaNode Create = typed(JSONType::Object);
  Create.Description = "The columns of a new " + R.T->Name + " row.";
  Create.Additional = AdditionalKind::Forbidden;
  SchemaNode Update = typed(JSONType::Object);
  Update.Description = "The columns of " + R.T->Name + " to change.";
  Update.Additional = AdditionalKind::Forbidden;
  Update.MinProperties = 1;
  for (const Column *Col : R.Columns) {
    Property P;
    P.Name = Col->Name;
    P.Required = Col->NotNull;
    P.Schema = node(columnNode(R, *Col));
    if (writable(*Col)) {
      SchemaNode Body = columnNode(R, *Col);
      Property CP;
      CP.Name = Col->Name;
      CP.Required = Col->NotNull && Col->Default.empty() && !Col->isIdentity();
      CP.Schema = node(columnNode(R, *Col));
      Create.Properties.push_back(std::move(CP));
      Property UP;
      UP.Name = Col->Name;
      UP.Schema = node(std::move(Body));
      Update.Properties.push_back(std::move(UP));
    }
    Row.Properties.push_back(std::move(P));
  }
  A->Schemas.push_back({R.TypeName, std::move(Row)});
  A->Schemas.push_back({R.TypeName + "Create", std::move(Create)});
  if (!R.Key.empty())
    A->Schemas.push_back({R.TypeName + "Update", std::move(Update)});
}

Operation &Builder::addOperation(const Resource &R, Method M, std::string Path,
                                 std::string Id, StringRef Kind,
                                 StringRef Summary) {
  A->Operations.emplace_back();
  Operation &Op = A->Operations.back();
  Op.M = M;
  Op.Path = std::move(Path);
  Op.OperationId = std::move(Id);
  Op.Summary = Summary.str();
  Op.Tags.push_back(R.Tag);
  Op.Extensions.push_back({"x-bk-crud", crudExtension(R, Kind), Loc()});
  return Op;
}

Parameter Builder::keyParameter(const Resource &R, const Column &Col) const {
  Parameter P;
  P.Name = Col.Name;
  P.In = ParamIn::Path;
  P.Required = true;
  SchemaNode S = columnNode(R, Col);
  S.Types.remove(JSONType::Null);
  S.ReadOnly = false;
  P.Schema = node(std::move(S));
  return P;
}

void Builder::addResponse(Operation &Op, StringRef Status,
                          StringRef Description,
                          std::unique_ptr<SchemaNode> Schema) {
  Response R;
  R.Status = Status.str();
  R.Description = Description.str();
  if (Schema) {
    MediaType MT;
    MT.Name = "application/json";
    MT.Schema = std::move(Schema);
    R.Content.push_back(std::move(MT));
  }
  Op.Responses.push_back(std::move(R));
}

void Builder::setJSONBody(Operation &Op, StringRef Component) {
  Op.Body = std::make_unique<RequestBody>();
  Op.Body->Required = true;
  MediaType MT;
  MT.Name = "application/json";
  MT.Schema = node(ref(Component));
  Op.Body->Content.push_back(std::move(MT));
}

void Builder::addErrors(Operation &Op, ArrayRef<StringRef> Statuses) {
  static const StringMap<StringRef> Descriptions = {
      {"400", "The request is not valid"},
      {"404", "No such row"},
      {"409", "The row conflicts with another (a unique key) or is still "
              "referenced"},
      {"422", "A foreign key or check constraint refuses the row"}};
  for (StringRef S : Statuses)
    addResponse(Op, S, Descriptions.lookup(S), node(ref("Error")));
}

/// The query parameters and 200 response of a list: limit, cursor and
/// order, an equality filter per filter column (but SkipColumn, which the
/// path gives), a page of R's rows.
void Builder::addListParts(Operation &Op, const Resource &R,
                           StringRef SkipColumn) {
  Parameter Limit;
  Limit.Name = "limit";
  Limit.Description = "The most rows to return";
  SchemaNode LS = integerRange(1, 1000, "int32");
  LS.Default = "100";
  Limit.Schema = node(std::move(LS));
  Op.Parameters.push_back(std::move(Limit));
  if (!R.Key.empty()) {
    Parameter Cursor;
    Cursor.Name = "cursor";
    Cursor.Description = "nextCursor of the previous page";
    Cursor.Schema = node(typed(JSONType::String));
    Op.Parameters.push_back(std::move(Cursor));
    Parameter Order;
    Order.Name = "order";
    Order.Description = "Primary-key order";
    SchemaNode OS = typed(JSONType::String);
    OS.Enum = {"\"asc\"", "\"desc\""};
    OS.Default = "\"asc\"";
    Order.Schema = node(std::move(OS));
    Op.Parameters.push_back(std::move(Order));
  }
  for (const Column *F : R.Filters) {
    if (F->Name == "limit" || F->Name == "cursor" || F->Name == "order" ||
        F->Name == SkipColumn)
      continue;
    Parameter P;
    P.Name = F->Name;
    P.Description = "Only rows whose " + F->Name + " equals this";
    SchemaNode S = columnNode(R, *F);
    S.Types.remove(JSONType::Null);
    S.ReadOnly = false;
    P.Schema = node(std::move(S));
    Op.Parameters.push_back(std::move(P));
  }
  SchemaNode Page = typed(JSONType::Object);
  Property Items, Next;
  Items.Name = "items";
  Items.Required = true;
  SchemaNode IS = typed(JSONType::Array);
  IS.Items = node(ref(R.TypeName));
  Items.Schema = node(std::move(IS));
  Next.Name = "nextCursor";
  Next.Required = true;
  SchemaNode NS = typed(JSONType::String);
  NS.Types.add(JSONType::Null);
  Next.Schema = node(std::move(NS));
  Page.Properties.push_back(std::move(Items));
  Page.Properties.push_back(std::move(Next));
  addResponse(Op, "200", "A page of rows", node(std::move(Page)));
}

void Builder::addOperations(const Resource &R) {
  std::string Singular = toPascalCase(R.T->Name);
  std::string KeyPath;
  for (const Column *K : R.Key)
    KeyPath += "/{" + K->Name + "}";

  // List.
  {
    Operation &Op = addOperation(R, Method::Get, R.Path, "list" + Singular,
                                 "list", "List " + R.T->Name + " rows");
    addListParts(Op, R, "");
    addErrors(Op, {"400"});
  }
  // Create.
  {
    Operation &Op = addOperation(R, Method::Post, R.Path, "create" + Singular,
                                 "create", "Create a " + R.T->Name + " row");
    setJSONBody(Op, R.TypeName + "Create");
    addResponse(Op, "201", "The new row", node(ref(R.TypeName)));
    addErrors(Op, {"400", "409", "422"});
  }
  if (R.Key.empty())
    return;
  std::string One = R.Path + KeyPath;
  auto Keyed = [&](Method M, StringRef Verb, StringRef Kind,
                   StringRef Summary) -> Operation & {
    Operation &Op =
        addOperation(R, M, One, (Verb + Singular).str(), Kind, Summary);
    for (const Column *K : R.Key)
      Op.Parameters.push_back(keyParameter(R, *K));
    return Op;
  };
  {
    Operation &Op = Keyed(Method::Get, "get", "get",
                          "Get a " + R.T->Name + " row by its key");
    addResponse(Op, "200", "The row", node(ref(R.TypeName)));
    addErrors(Op, {"400", "404"});
  }
  {
    Operation &Op = Keyed(Method::Patch, "update", "update",
                          "Change columns of a " + R.T->Name + " row");
    setJSONBody(Op, R.TypeName + "Update");
    addResponse(Op, "200", "The changed row", node(ref(R.TypeName)));
    addErrors(Op, {"400", "404", "409", "422"});
  }
  {
    Operation &Op = Keyed(Method::Delete, "delete", "delete",
                          "Delete a " + R.T->Name + " row");
    addResponse(Op, "204", "Deleted");
    addErrors(Op, {"400", "404", "409"});
  }
}

/// GET /<parent>/{key}/<child>: the rows of Child whose single-column
/// foreign key refers to a parent with a single-column primary key, when
/// Child refers to that parent once (two keys to one parent would give one
/// path two meanings).
void Builder::addChildOperations(const Resource &Child) {
  for (const Constraint &K : Child.T->Constraints) {
    if (K.Kind != ConstraintKind::ForeignKey || K.Columns.size() != 1)
      continue;
    StringRef RefSchema = K.RefTable.Schema.empty() ? StringRef(Child.Sch->Name)
                                                    : K.RefTable.Schema;
    const Resource *Parent = nullptr;
    for (const Resource &P : Resources)
      if (P.Sch->Name == RefSchema && P.T->Name == K.RefTable.Name)
        Parent = &P;
    if (!Parent || Parent->Key.size() != 1)
      continue;
    unsigned SameParent =
        count_if(Child.T->Constraints, [&](const Constraint &O) {
          return O.Kind == ConstraintKind::ForeignKey &&
                 O.RefTable.Name == K.RefTable.Name &&
                 (O.RefTable.Schema.empty()
                      ? StringRef(Child.Sch->Name)
                      : StringRef(O.RefTable.Schema)) == RefSchema;
        });
    if (SameParent != 1)
      continue;
    const Column *ParentKey = Parent->Key.front();
    std::string Path =
        Parent->Path + "/{" + ParentKey->Name + "}/" + Child.T->Name;
    A->Operations.emplace_back();
    Operation &Op = A->Operations.back();
    Op.M = Method::Get;
    Op.Path = Path;
    Op.OperationId =
        "list" + toPascalCase(Parent->T->Name) + toPascalCase(Child.T->Name);
    Op.Summary =
        "List the " + Child.T->Name + " rows of a " + Parent->T->Name + " row";
    Op.Tags.push_back(Child.Tag);
    Op.Extensions.push_back(
        {"x-bk-crud", crudExtension(Child, "children", Parent, &K), Loc()});
    Op.Parameters.push_back(keyParameter(*Parent, *ParentKey));
    addListParts(Op, Child, K.Columns.front());
    addErrors(Op, {"400"});
  }
}

std::unique_ptr<API> Builder::build() {
  A = std::make_unique<API>();
  A->OpenAPIVersion = "3.1.0";
  A->TheInfo.Title = Opts.Title;
  A->TheInfo.Version = "1.0.0";
  for (const std::string &SchemaName : Opts.Schemas) {
    const Schema *S = C.findSchema(SchemaName);
    if (!S)
      continue;
    for (const Table &T : S->Tables) {
      if (T.isPartition() || !selected(*S, T))
        continue;
      Resource R;
      R.Sch = S;
      R.T = &T;
      for (const Column &Col : T.Columns)
        if (!columnExcluded(T, Col))
          R.Columns.push_back(&Col);
      if (const Constraint *PK = T.getPrimaryKey())
        for (const std::string &K : PK->Columns)
          if (const Column *Col = T.findColumn(K))
            R.Key.push_back(Col);
      if (R.Key.empty())
        Diags.warning(T.Location,
                      "table '" + T.Name +
                          "' has no primary key: it gets list and create "
                          "only",
                      "scaffold-no-primary-key");
      // Filters: the leading column of each index and key, once, in
      // column order.
      StringSet<> Leading;
      for (const Index &I : T.Indexes)
        if (!I.Keys.empty() && !I.Keys.front().IsExpression && !I.isPartial())
          Leading.insert(I.Keys.front().Text);
      for (const Constraint &K : T.Constraints)
        if (!K.Columns.empty() && K.Kind != ConstraintKind::Check &&
            K.Kind != ConstraintKind::Exclude)
          Leading.insert(K.Columns.front());
      for (const Column *Col : R.Columns)
        if (Leading.count(Col->Name) && !StringRef(Col->Type).endswith("]") &&
            Col->Type != "json" && Col->Type != "jsonb" &&
            Col->Type != "tsvector")
          R.Filters.push_back(Col);
      std::string Base = S->Name == "public"
                             ? toPascalCase(T.Name)
                             : toPascalCase(S->Name + " " + T.Name);
      R.TypeName = Names.unique(Base);
      R.Tag = S->Name == "public" ? T.Name : S->Name + "." + T.Name;
      R.Path = "/" + (S->Name == "public" ? T.Name : S->Name + "/" + T.Name);
      Resources.push_back(std::move(R));
    }
  }
  if (Resources.empty()) {
    Diags.error(Loc(), "no table to expose (check --schema, --include-table "
                       "and --exclude-table)");
    return nullptr;
  }
  // The error envelope.
  {
    SchemaNode Err = typed(JSONType::Object);
    Property E;
    E.Name = "error";
    E.Required = true;
    SchemaNode Inner = typed(JSONType::Object);
    for (StringRef F : {"code", "message"}) {
      Property P;
      P.Name = F.str();
      P.Required = true;
      P.Schema = node(typed(JSONType::String));
      Inner.Properties.push_back(std::move(P));
    }
    Property D;
    D.Name = "details";
    D.Schema = node(SchemaNode());
    Inner.Properties.push_back(std::move(D));
    E.Schema = node(std::move(Inner));
    Err.Properties.push_back(std::move(E));
    Names.reserve("Error");
    A->Schemas.push_back({"Error", std::move(Err)});
  }
  for (Resource &R : Resources)
    addComponents(R);
  for (const Resource &R : Resources)
    addOperations(R);
  for (const Resource &R : Resources)
    addChildOperations(R);
  A->resolveReferences();
  return std::move(A);
}

std::unique_ptr<API> apiFromSchema(const Catalog &C, const CRUDOptions &Opts,
                                   DiagnosticEngine &Diags) {
  Builder B(C, Opts, Diags);
  return B.build();
}

} // namespace scaffold
} // namespace bk
