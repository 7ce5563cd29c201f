//===- CatalogReader.cpp - Live catalog -> Schema IR ----------------------===//
//
// One query per kind of object. Rows name their object by oid (relations,
// types) or by schema and name; the reader files each row under the object
// it belongs to and drops rows of schemas the catalog does not hold (system
// schemas, schemas filtered out by the options).
//
//===----------------------------------------------------------------------===//

#include "bk/Database/CatalogReader.h"
#include "bk/Schema/Canonical.h"
#include "bk/Schema/Privileges.h"
#include "bk/Support/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <map>

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace db {

//===----------------------------------------------------------------------===//
// Pure helpers
//===----------------------------------------------------------------------===//

std::string makeTextArray(ArrayRef<std::string> Values) {
  std::string Out = "{";
  ListSeparator Sep(",");
  for (const std::string &V : Values) {
    Out += Sep;
    Out += '"';
    for (char C : V) {
      if (C == '"' || C == '\\')
        Out += '\\';
      Out += C;
    }
    Out += '"';
  }
  return Out + "}";
}

/// The index just past the parenthesis matching the one at Open (quotes
/// respected); npos when unbalanced.
static size_t skipParens(StringRef S, size_t Open) {
  int Depth = 0;
  for (size_t I = Open; I < S.size(); ++I) {
    char C = S[I];
    if (C == '\'' || C == '"') {
      size_t End = S.find(C, I + 1);
      if (End == StringRef::npos)
        return StringRef::npos;
      I = End;
      continue;
    }
    if (C == '(')
      ++Depth;
    else if (C == ')' && --Depth == 0)
      return I + 1;
  }
  return StringRef::npos;
}

/// Splits at commas outside parentheses and quotes.
static std::vector<StringRef> splitTopLevel(StringRef S) {
  std::vector<StringRef> Out;
  size_t Begin = 0;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C == '(') {
      size_t End = skipParens(S, I);
      if (End == StringRef::npos)
        break;
      I = End - 1;
    } else if (C == '\'' || C == '"') {
      size_t End = S.find(C, I + 1);
      if (End == StringRef::npos)
        break;
      I = End;
    } else if (C == ',') {
      Out.push_back(S.slice(Begin, I).trim());
      Begin = I + 1;
    }
  }
  Out.push_back(S.substr(Begin).trim());
  return Out;
}

/// Reads a SQL identifier (bare or "quoted") at the start of S; the name
/// it denotes, with S advanced past it.
static Optional<std::string> takeIdentifier(StringRef &S) {
  if (S.startswith("\"")) {
    std::string Name;
    size_t I = 1;
    for (; I < S.size(); ++I) {
      if (S[I] == '"') {
        if (I + 1 < S.size() && S[I + 1] == '"') {
          Name += '"';
          ++I;
          continue;
        }
        break;
      }
      Name += S[I];
    }
    if (I >= S.size())
      return None;
    S = S.substr(I + 1);
    return Name;
  }
  size_t I = 0;
  while (I < S.size() && (isAlnum(S[I]) || S[I] == '_' || S[I] == '$' ||
                          (unsigned char)S[I] >= 0x80))
    ++I;
  if (I == 0 || isDigit(S[0]))
    return None;
  std::string Name = S.take_front(I).str();
  S = S.substr(I);
  return Name;
}

/// One element of a partition key: `col`, `(expr)` or `f(x)`, then
/// optional COLLATE name and an operator class.
static bool parseKeyElement(StringRef E, IndexKey &K) {
  StringRef Rest = E;
  if (Rest.startswith("(")) {
    size_t End = skipParens(Rest, 0);
    if (End == StringRef::npos)
      return false;
    K.Text = Rest.slice(1, End - 1).str();
    K.IsExpression = true;
    Rest = Rest.substr(End);
  } else {
    StringRef Probe = Rest;
    Optional<std::string> Name = takeIdentifier(Probe);
    if (!Name)
      return false;
    if (Probe.startswith("(")) {
      // A function call: the whole call is the expression.
      size_t End = skipParens(Rest, Rest.size() - Probe.size());
      if (End == StringRef::npos)
        return false;
      K.Text = Rest.take_front(End).str();
      K.IsExpression = true;
      Rest = Rest.substr(End);
    } else {
      K.Text = *Name;
      Rest = Probe;
    }
  }
  Rest = Rest.trim();
  if (Rest.consume_front("COLLATE ")) {
    Rest = Rest.ltrim();
    Optional<std::string> Coll = takeIdentifier(Rest);
    if (!Coll)
      return false;
    // A schema-qualified collation: schema.name.
    if (Rest.consume_front(".")) {
      Optional<std::string> Part = takeIdentifier(Rest);
      if (!Part)
        return false;
      *Coll += "." + *Part;
    }
    K.Collation = *Coll;
    Rest = Rest.trim();
  }
  if (!Rest.empty())
    K.OpClass = Rest.str();
  return true;
}

bool parsePartitionKeyDef(StringRef Def, PartitionStrategy &By,
                          std::vector<IndexKey> &Keys) {
  Def = Def.trim();
  size_t Open = Def.find('(');
  if (Open == StringRef::npos || !Def.endswith(")"))
    return false;
  StringRef Strategy = Def.take_front(Open).trim();
  if (Strategy == "RANGE")
    By = PartitionStrategy::Range;
  else if (Strategy == "LIST")
    By = PartitionStrategy::List;
  else if (Strategy == "HASH")
    By = PartitionStrategy::Hash;
  else
    return false;
  if (skipParens(Def, Open) != Def.size())
    return false;
  Keys.clear();
  for (StringRef E : splitTopLevel(Def.slice(Open + 1, Def.size() - 1))) {
    IndexKey K;
    if (!parseKeyElement(E, K))
      return false;
    Keys.push_back(std::move(K));
  }
  return true;
}

std::string triggerWhenClause(StringRef Def) {
  // Quoted text before WHEN (a trigger or table name) cannot hold " WHEN (":
  // names are double-quoted and the keyword is followed by a parenthesis.
  size_t When = Def.find(" WHEN (");
  if (When == StringRef::npos)
    return "";
  size_t Open = When + 6;
  size_t End = skipParens(Def, Open);
  if (End == StringRef::npos)
    return "";
  return Def.slice(Open + 1, End - 1).str();
}

//===----------------------------------------------------------------------===//
// The reader
//===----------------------------------------------------------------------===//

namespace {

/// The system schemas, never read.
const char *const SystemSchemaFilter =
    "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
    "AND n.nspname NOT LIKE 'pg\\_temp\\_%' "
    "AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

class Reader {
public:
  Reader(Connection &Conn, const CatalogReaderOptions &Opts)
      : Conn(Conn), Opts(Opts), Where(Conn.getLoc()),
        C(std::make_unique<Catalog>()) {}

  Expected<std::unique_ptr<Catalog>> run();

private:
  Expected<QueryResult> query(const std::string &SQL,
                              ArrayRef<std::string> Params = {}) {
    return Conn.query(SQL, Params);
  }
  /// The SQL of a query over objects of catalog Cat (pg_class, pg_type,
  /// pg_proc) whose oid is Oid: true when an extension owns the object.
  static std::string extensionMember(StringRef Cat, StringRef Oid) {
    return ("EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep WHERE "
            "dep.classid = 'pg_catalog." +
            Cat + "'::pg_catalog.regclass AND dep.objid = " + Oid +
            " AND dep.deptype = 'e')")
        .str();
  }
  std::string owner(const QueryResult &R, size_t I) const {
    return Opts.Owners ? R.get(I, "owner") : std::string();
  }
  Schema *schema(const std::string &Name) { return C->findSchema(Name); }

  Error readSchemas();
  Error readExtensions();
  Error readEnums();
  Error readDomains();
  Error readComposites();
  Error readRanges();
  Error readSequences();
  Error readRelations();
  Error readInheritance();
  Error readColumns();
  Error readIndexKeys();
  Error readConstraints();
  Error readIndexes();
  Error readFunctions();
  Error readTriggers();
  Error readPolicies();
  Error readPrivileges();
  void dropDefaultPublicSchema();

  Connection &Conn;
  const CatalogReaderOptions &Opts;
  Loc Where;
  std::unique_ptr<Catalog> C;

  /// Tables, views and composite types by pg_class oid (filled once the
  /// vectors holding them stop growing).
  std::map<std::string, Table *> Tables;
  std::map<std::string, View *> Views;
  std::map<std::string, CompositeType *> Composites;
  /// Keys and INCLUDE columns of every index, by index oid.
  struct IndexColumns {
    std::vector<IndexKey> Keys;
    std::vector<std::string> Include;
  };
  std::map<std::string, IndexColumns> IndexKeys;
  /// Whether the public schema had its default owner and comment.
  bool PublicIsDefault = false;
};

} // namespace

Error Reader::readSchemas() {
  // Fixed settings, so the text the server deparses is the same whatever
  // the role's or machine's settings: format_type() and regclass qualify
  // names against this search_path; partition bounds and defaults of
  // timestamps print in UTC, ISO style (as pg_dump does).
  if (Expected<QueryResult> R =
          query("SELECT pg_catalog.set_config('search_path', 'public', false), "
                "pg_catalog.set_config('TimeZone', 'UTC', false), "
                "pg_catalog.set_config('DateStyle', 'ISO, MDY', false), "
                "pg_catalog.set_config('IntervalStyle', 'postgres', false), "
                "pg_catalog.set_config('extra_float_digits', '3', false)");
      !R)
    return R.takeError();

  std::string SQL =
      "SELECT n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) AS owner, "
      "pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment "
      "FROM pg_catalog.pg_namespace n WHERE " +
      std::string(SystemSchemaFilter) +
      " AND (pg_catalog.cardinality($1::text[]) = 0 "
      "  OR n.nspname = ANY ($1::text[])) "
      "AND NOT (n.nspname = ANY ($2::text[])) AND NOT " +
      extensionMember("pg_namespace", "n.oid") + " ORDER BY n.oid";
  std::string Params[] = {makeTextArray(Opts.Schemas),
                          makeTextArray(Opts.ExcludeSchemas)};
  Expected<QueryResult> R = query(SQL, Params);
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    Schema S;
    S.Location = Where;
    S.Name = R->get(I, "nspname");
    S.Owner = owner(*R, I);
    S.Comment = R->get(I, "comment");
    // PostgreSQL 15 creates public owned by pg_database_owner with this
    // comment in every database: that is no declaration (also when a dump
    // gave the schema another owner, as pagila's does).
    if (isStockPublicComment(S.Name, S.Comment)) {
      S.Comment.clear();
      if (R->get(I, "owner") == "pg_database_owner") {
        S.Owner.clear();
        PublicIsDefault = true;
      }
    }
    C->Schemas.push_back(std::move(S));
  }
  return Error::success();
}

Error Reader::readExtensions() {
  Expected<QueryResult> R =
      query("SELECT e.extname, n.nspname, e.extversion, "
            "pg_catalog.obj_description(e.oid, 'pg_extension') AS comment "
            "FROM pg_catalog.pg_extension e "
            "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
            // Every database has plpgsql: not a declaration either.
            "WHERE e.extname <> 'plpgsql' ORDER BY e.oid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    Extension E;
    E.Location = Where;
    E.Name = R->get(I, "extname");
    E.Schema = R->get(I, "nspname");
    E.Version = R->get(I, "extversion");
    E.Comment = R->get(I, "comment");
    C->Extensions.push_back(std::move(E));
  }
  return Error::success();
}

Error Reader::readEnums() {
  // One row per label, in label order; an enum without labels has one row
  // with a NULL label.
  Expected<QueryResult> R = query(
      "SELECT t.oid, n.nspname, t.typname, e.enumlabel, "
      "pg_catalog.pg_get_userbyid(t.typowner) AS owner, "
      "pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
      "FROM pg_catalog.pg_type t "
      "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
      "LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
      "WHERE t.typtype = 'e' AND " +
      std::string(SystemSchemaFilter) + " AND NOT " +
      extensionMember("pg_type", "t.oid") + " ORDER BY t.oid, e.enumsortorder");
  if (!R)
    return R.takeError();
  std::string LastOid;
  EnumType *Cur = nullptr;
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    if (R->get(I, "oid") != LastOid) {
      LastOid = R->get(I, "oid");
      EnumType E;
      E.Location = Where;
      E.Name = R->get(I, "typname");
      E.Owner = owner(*R, I);
      E.Comment = R->get(I, "comment");
      S->Enums.push_back(std::move(E));
      Cur = &S->Enums.back();
    }
    if (!R->isNull(I, "enumlabel"))
      Cur->Values.push_back(R->get(I, "enumlabel"));
  }
  return Error::success();
}

/// A collation name as the IR writes it: bare in pg_catalog and public,
/// schema-qualified elsewhere.
static const char *const CollationName =
    "CASE WHEN cn.nspname IN ('pg_catalog', 'public') THEN co.collname "
    "ELSE cn.nspname || '.' || co.collname END";

Error Reader::readDomains() {
  // One row per check constraint (NULL columns for a domain without one).
  Expected<QueryResult> R =
      query("SELECT t.oid, n.nspname, t.typname, "
            "pg_catalog.format_type(t.typbasetype, t.typtypmod) AS basetype, "
            "t.typnotnull, t.typdefault, " +
            std::string(CollationName) +
            " AS collation, "
            "pg_catalog.pg_get_userbyid(t.typowner) AS owner, "
            "pg_catalog.obj_description(t.oid, 'pg_type') AS comment, "
            "con.conname, pg_catalog.pg_get_expr(con.conbin, 0) AS expr, "
            "con.convalidated "
            "FROM pg_catalog.pg_type t "
            "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            "JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype "
            "LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation "
            "  AND t.typcollation <> bt.typcollation "
            "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
            "LEFT JOIN pg_catalog.pg_constraint con ON con.contypid = t.oid "
            "  AND con.contype = 'c' "
            "WHERE t.typtype = 'd' AND " +
            SystemSchemaFilter + " AND NOT " +
            extensionMember("pg_type", "t.oid") + " ORDER BY t.oid, con.oid");
  if (!R)
    return R.takeError();
  std::string LastOid;
  Domain *Cur = nullptr;
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    if (R->get(I, "oid") != LastOid) {
      LastOid = R->get(I, "oid");
      Domain D;
      D.Location = Where;
      D.Name = R->get(I, "typname");
      D.BaseType = normalizeTypeName(R->get(I, "basetype"));
      D.NotNull = R->getBool(I, "typnotnull");
      D.Default = R->get(I, "typdefault");
      D.Collation = R->get(I, "collation");
      D.Owner = owner(*R, I);
      D.Comment = R->get(I, "comment");
      S->Domains.push_back(std::move(D));
      Cur = &S->Domains.back();
    }
    if (R->isNull(I, "conname"))
      continue;
    DomainCheck DC;
    DC.Location = Where;
    DC.Name = R->get(I, "conname");
    DC.Expr = R->get(I, "expr");
    DC.NotValid = !R->getBool(I, "convalidated");
    Cur->Checks.push_back(std::move(DC));
  }
  return Error::success();
}

Error Reader::readComposites() {
  Expected<QueryResult> R =
      query("SELECT c.oid AS relid, n.nspname, t.typname, "
            "pg_catalog.pg_get_userbyid(t.typowner) AS owner, "
            "pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
            "FROM pg_catalog.pg_type t "
            "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
            "JOIN pg_catalog.pg_class c ON c.oid = t.typrelid "
            "WHERE t.typtype = 'c' AND c.relkind = 'c' AND " +
            std::string(SystemSchemaFilter) + " AND NOT " +
            extensionMember("pg_type", "t.oid") + " ORDER BY t.oid");
  if (!R)
    return R.takeError();
  std::vector<std::pair<std::string, std::pair<Schema *, size_t>>> Added;
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    CompositeType CT;
    CT.Location = Where;
    CT.Name = R->get(I, "typname");
    CT.Owner = owner(*R, I);
    CT.Comment = R->get(I, "comment");
    S->Composites.push_back(std::move(CT));
    Added.push_back({R->get(I, "relid"), {S, S->Composites.size() - 1}});
  }
  for (auto &A : Added)
    Composites[A.first] = &A.second.first->Composites[A.second.second];
  return Error::success();
}

/// A range type option's name as RangeType keeps it: bare in pg_catalog and
/// public, qualified elsewhere; "" for none.
static std::string rangeOptionName(StringRef Schema, StringRef Name) {
  if (Name.empty())
    return "";
  if (Schema == "pg_catalog" || Schema == "public")
    return Name.str();
  return (Schema + "." + Name).str();
}

Error Reader::readRanges() {
  // Multirange types came with PostgreSQL 14.
  bool Multiranges = Conn.getServerVersion() >= 140000;
  Expected<QueryResult> R = query(
      std::string("SELECT n.nspname, t.typname, "
                  "pg_catalog.format_type(r.rngsubtype, NULL) AS subtype, "
                  "opcn.nspname AS opcschema, opc.opcname, "
                  "cn.nspname AS collschema, co.collname, "
                  "canp.nspname AS canschema, can.proname AS canname, "
                  "difp.nspname AS diffschema, dif.proname AS diffname, ") +
      (Multiranges ? "mt.typname" : "NULL::name") +
      " AS multirange, "
      "pg_catalog.pg_get_userbyid(t.typowner) AS owner, "
      "pg_catalog.obj_description(t.oid, 'pg_type') AS comment "
      "FROM pg_catalog.pg_type t "
      "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
      "JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid "
      "JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype "
      "LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc "
      "  AND NOT opc.opcdefault "
      "LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace "
      "LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation "
      "  AND r.rngcollation <> st.typcollation "
      "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
      "LEFT JOIN pg_catalog.pg_proc can ON can.oid = r.rngcanonical "
      "LEFT JOIN pg_catalog.pg_namespace canp ON canp.oid = can.pronamespace "
      "LEFT JOIN pg_catalog.pg_proc dif ON dif.oid = r.rngsubdiff "
      "LEFT JOIN pg_catalog.pg_namespace difp ON difp.oid = dif.pronamespace " +
      (Multiranges ? "LEFT JOIN pg_catalog.pg_type mt "
                     "ON mt.oid = r.rngmultitypid "
                   : "") +
      "WHERE t.typtype = 'r' AND " + SystemSchemaFilter + " AND NOT " +
      extensionMember("pg_type", "t.oid") + " ORDER BY t.oid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    RangeType RT;
    RT.Location = Where;
    RT.Name = R->get(I, "typname");
    RT.Subtype = normalizeTypeName(R->get(I, "subtype"));
    RT.SubtypeOpClass =
        rangeOptionName(R->get(I, "opcschema"), R->get(I, "opcname"));
    RT.Collation =
        rangeOptionName(R->get(I, "collschema"), R->get(I, "collname"));
    RT.Canonical =
        rangeOptionName(R->get(I, "canschema"), R->get(I, "canname"));
    RT.SubtypeDiff =
        rangeOptionName(R->get(I, "diffschema"), R->get(I, "diffname"));
    std::string Multi = R->get(I, "multirange");
    if (!Multi.empty() && Multi != defaultMultirangeName(RT.Name))
      RT.MultirangeName = Multi;
    RT.Owner = owner(*R, I);
    RT.Comment = R->get(I, "comment");
    S->Ranges.push_back(std::move(RT));
  }
  return Error::success();
}

/// A LEFT JOIN of the comment of object Oid (a row of Catalog; column SubId,
/// 0 for the object itself) as Alias.description: what obj_description and
/// col_description return, without their per-row lookup (a query each;
/// 0.2 s over 100,000 columns).
static std::string commentJoin(StringRef Alias, StringRef Oid,
                               StringRef Catalog, StringRef SubId = "0") {
  return ("LEFT JOIN pg_catalog.pg_description " + Alias + " ON " + Alias +
          ".objoid = " + Oid + " AND " + Alias + ".classoid = 'pg_catalog." +
          Catalog + "'::pg_catalog.regclass AND " + Alias +
          ".objsubid = " + SubId + " ")
      .str();
}

Error Reader::readSequences() {
  Expected<QueryResult> R =
      query("SELECT n.nspname, c.relname, "
            "pg_catalog.format_type(s.seqtypid, NULL) AS type, s.seqstart, "
            "s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, "
            "own.nspname AS ownschema, own.relname AS owntable, "
            "own.attname AS owncolumn, "
            "pg_catalog.pg_get_userbyid(c.relowner) AS owner, "
            "pg_catalog.obj_description(c.oid, 'pg_class') AS comment "
            "FROM pg_catalog.pg_sequence s "
            "JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "LEFT JOIN LATERAL ("
            "  SELECT tn.nspname, t.relname, a.attname "
            "  FROM pg_catalog.pg_depend d "
            "  JOIN pg_catalog.pg_class t ON t.oid = d.refobjid "
            "  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace "
            "  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid "
            "    AND a.attnum = d.refobjsubid "
            "  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            "    AND d.objid = c.oid AND d.refobjsubid > 0 "
            "    AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            "    AND d.deptype = 'a' LIMIT 1) own ON true "
            "WHERE " +
            std::string(SystemSchemaFilter) + " AND NOT " +
            extensionMember("pg_class", "c.oid") +
            // Identity columns' sequences belong to their column.
            " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
            "  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
            "  AND d.objid = c.oid AND d.deptype = 'i') "
            "ORDER BY c.oid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    Sequence Seq;
    Seq.Location = Where;
    Seq.Name = R->get(I, "relname");
    Seq.Type = normalizeTypeName(R->get(I, "type"));
    Seq.Increment = R->getInt(I, "seqincrement");
    Seq.Cache = R->getInt(I, "seqcache");
    Seq.Cycle = R->getBool(I, "seqcycle");
    // Bounds and start equal to PostgreSQL's defaults stay implicit.
    int64_t Min = R->getInt(I, "seqmin"), Max = R->getInt(I, "seqmax"),
            Start = R->getInt(I, "seqstart");
    if (Min != Seq.effectiveMinValue())
      Seq.MinValue = Min;
    if (Max != Seq.effectiveMaxValue())
      Seq.MaxValue = Max;
    if (Start != Seq.effectiveStart())
      Seq.Start = Start;
    if (!R->isNull(I, "owntable")) {
      Seq.OwnedByTable =
          QualifiedName(R->get(I, "ownschema"), R->get(I, "owntable"));
      Seq.OwnedByColumn = R->get(I, "owncolumn");
    }
    Seq.Owner = owner(*R, I);
    Seq.Comment = R->get(I, "comment");
    S->Sequences.push_back(std::move(Seq));
  }
  return Error::success();
}

/// "name=value" options from a reloptions text[].
static std::vector<Option> toOptions(const std::vector<std::string> &Raw) {
  std::vector<Option> Out;
  for (const std::string &O : Raw) {
    StringRef Name, Value;
    std::tie(Name, Value) = StringRef(O).split('=');
    Out.push_back(Option{Name.str(), Value.str()});
  }
  return Out;
}

Error Reader::readRelations() {
  Expected<QueryResult> R = query(
      "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, "
      "c.relrowsecurity, c.relforcerowsecurity, c.reloptions, "
      "c.relispopulated, ts.spcname, "
      "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) "
      "END AS partkey, c.relispartition, "
      "pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound, "
      "CASE WHEN c.relkind IN ('v', 'm') THEN "
      "pg_catalog.pg_get_viewdef(c.oid, false) END AS query, "
      "pg_catalog.pg_get_userbyid(c.relowner) AS owner, "
      "dsc.description AS comment "
      "FROM pg_catalog.pg_class c "
      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
      commentJoin("dsc", "c.oid", "pg_class") +
      "LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace "
      "WHERE c.relkind IN ('r', 'p', 'v', 'm') AND " +
      std::string(SystemSchemaFilter) + " AND NOT " +
      extensionMember("pg_class", "c.oid") + " ORDER BY c.oid");
  if (!R)
    return R.takeError();
  struct Added {
    std::string Oid;
    Schema *S;
    size_t Index;
    bool IsView;
  };
  std::vector<Added> All;
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    StringRef Kind = R->get(I, "relkind");
    if (Kind == "v" || Kind == "m") {
      View V;
      V.Location = Where;
      V.Name = R->get(I, "relname");
      V.Materialized = Kind == "m";
      StringRef Q = StringRef(R->get(I, "query")).trim();
      Q.consume_back(";");
      V.Query = Q.str();
      V.Options = toOptions(R->getArray(I, "reloptions"));
      V.WithNoData = V.Materialized && !R->getBool(I, "relispopulated");
      V.Tablespace = R->get(I, "spcname");
      V.Owner = owner(*R, I);
      V.Comment = R->get(I, "comment");
      S->Views.push_back(std::move(V));
      All.push_back({R->get(I, "oid"), S, S->Views.size() - 1, true});
      continue;
    }
    Table T;
    T.Location = Where;
    T.Name = R->get(I, "relname");
    T.Unlogged = R->get(I, "relpersistence") == "u";
    T.RowSecurity = R->getBool(I, "relrowsecurity");
    T.ForceRowSecurity = R->getBool(I, "relforcerowsecurity");
    T.Options = toOptions(R->getArray(I, "reloptions"));
    T.Tablespace = R->get(I, "spcname");
    if (!R->isNull(I, "partkey") &&
        !parsePartitionKeyDef(R->get(I, "partkey"), T.PartitionBy,
                              T.PartitionKeys))
      return ErrorDiagnostic::get(Where, "cannot read the partition key of " +
                                             S->Name + "." + T.Name + ": '" +
                                             R->get(I, "partkey") + "'");
    for (IndexKey &K : T.PartitionKeys)
      K.Location = Where;
    if (R->getBool(I, "relispartition"))
      T.PartitionBound = R->get(I, "bound");
    T.Owner = owner(*R, I);
    T.Comment = R->get(I, "comment");
    S->Tables.push_back(std::move(T));
    All.push_back({R->get(I, "oid"), S, S->Tables.size() - 1, false});
  }
  for (const Added &A : All) {
    if (A.IsView)
      Views[A.Oid] = &A.S->Views[A.Index];
    else
      Tables[A.Oid] = &A.S->Tables[A.Index];
  }
  return Error::success();
}

Error Reader::readInheritance() {
  Expected<QueryResult> R =
      query("SELECT i.inhrelid, pn.nspname, p.relname, c.relispartition "
            "FROM pg_catalog.pg_inherits i "
            "JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid "
            "JOIN pg_catalog.pg_class p ON p.oid = i.inhparent "
            "JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace "
            "WHERE c.relkind IN ('r', 'p') "
            "ORDER BY i.inhrelid, i.inhseqno");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    auto It = Tables.find(R->get(I, "inhrelid"));
    if (It == Tables.end())
      continue;
    QualifiedName Parent(R->get(I, "nspname"), R->get(I, "relname"));
    if (R->getBool(I, "relispartition"))
      It->second->PartitionOf = Parent;
    else
      It->second->Inherits.push_back(Parent);
  }
  return Error::success();
}

Error Reader::readColumns() {
  // Columns of tables and attributes of composite types, in attnum order.
  // Inherited columns (attislocal false: partitions, INHERITS children)
  // are the parent's.
  Expected<QueryResult> R = query(
      "SELECT a.attrelid, a.attname, "
      "pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, "
      "a.attnotnull, a.attidentity, a.attgenerated, "
      "pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS def, " +
      std::string(CollationName) +
      " AS collation, "
      "dsc.description AS comment "
      "FROM pg_catalog.pg_attribute a "
      "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid " +
      commentJoin("dsc", "a.attrelid", "pg_class", "a.attnum") +
      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
      "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid "
      "  AND d.adnum = a.attnum "
      "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
      "  AND a.attcollation <> t.typcollation "
      "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
      "WHERE c.relkind IN ('r', 'p', 'c') AND a.attnum > 0 "
      "AND NOT a.attisdropped AND (a.attislocal OR c.relkind = 'c') AND " +
      SystemSchemaFilter + " ORDER BY a.attrelid, a.attnum");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    const std::string &Rel = R->get(I, "attrelid");
    std::string Type = normalizeTypeName(R->get(I, "type"));
    auto CT = Composites.find(Rel);
    if (CT != Composites.end()) {
      CompositeAttribute A;
      A.Location = Where;
      A.Name = R->get(I, "attname");
      A.Type = std::move(Type);
      A.Collation = R->get(I, "collation");
      CT->second->Attributes.push_back(std::move(A));
      continue;
    }
    auto T = Tables.find(Rel);
    if (T == Tables.end())
      continue;
    Column Col;
    Col.Location = Where;
    Col.Name = R->get(I, "attname");
    Col.Type = std::move(Type);
    Col.NotNull = R->getBool(I, "attnotnull");
    StringRef Identity = R->get(I, "attidentity");
    if (Identity == "a")
      Col.Identity = IdentityKind::Always;
    else if (Identity == "d")
      Col.Identity = IdentityKind::ByDefault;
    if (R->get(I, "attgenerated") == "s")
      Col.Generated = R->get(I, "def");
    else
      Col.Default = R->get(I, "def");
    Col.Collation = R->get(I, "collation");
    Col.Comment = R->get(I, "comment");
    T->second->Columns.push_back(std::move(Col));
  }
  return Error::success();
}

Error Reader::readIndexKeys() {
  // One row per index column (keys, then INCLUDE columns) of every index
  // in a non-system schema. indclass, indoption and indcollation have one
  // entry per key column (0-based); indkey one per column.
  Expected<QueryResult> R = query(
      // can_order once per access method (the property call builds the
      // method's routine table each time).
      "WITH ams AS (SELECT oid, "
      "  pg_catalog.pg_indexam_has_property(oid, 'can_order') AS canorder "
      "  FROM pg_catalog.pg_am WHERE amtype = 'i') "
      "SELECT i.indexrelid, k.ord, i.indnkeyatts, "
      "i.indkey[k.ord - 1] AS attnum, ta.attname, "
      // The definition only for expressions: pg_get_indexdef per column
      // is most of this query's time on large catalogs.
      "CASE WHEN i.indkey[k.ord - 1] = 0 THEN "
      "  pg_catalog.pg_get_indexdef(i.indexrelid, k.ord, false) END AS def, "
      "CASE WHEN NOT opc.opcdefault THEN "
      "  CASE WHEN opn.nspname = 'pg_catalog' THEN opc.opcname "
      "  ELSE opn.nspname || '.' || opc.opcname END END AS opclass, "
      "i.indoption[k.ord - 1] AS option, "
      "ams.canorder, "
      "CASE WHEN i.indcollation[k.ord - 1] <> 0 AND ("
      "  CASE WHEN i.indkey[k.ord - 1] <> 0 "
      "  THEN i.indcollation[k.ord - 1] <> ta.attcollation "
      "  ELSE i.indcollation[k.ord - 1] <> ity.typcollation AND "
      "    pg_catalog.strpos(pg_catalog.pg_get_indexdef(i.indexrelid), "
      "      ' COLLATE ' || pg_catalog.quote_ident(co.collname)) > 0 END) "
      "THEN " +
      std::string(CollationName) +
      " END AS collation "
      "FROM pg_catalog.pg_index i "
      "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
      "JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace "
      "JOIN ams ON ams.oid = ic.relam "
      "CROSS JOIN LATERAL pg_catalog.generate_series(1, i.indnatts) k(ord) "
      "LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = i.indrelid "
      "  AND ta.attnum = i.indkey[k.ord - 1] "
      // The index's own attribute (its type's collation) for expressions.
      "LEFT JOIN pg_catalog.pg_attribute ia ON i.indkey[k.ord - 1] = 0 "
      "  AND ia.attrelid = i.indexrelid AND ia.attnum = k.ord "
      "LEFT JOIN pg_catalog.pg_type ity ON ity.oid = ia.atttypid "
      "LEFT JOIN pg_catalog.pg_opclass opc "
      "  ON opc.oid = i.indclass[k.ord - 1] AND k.ord <= i.indnkeyatts "
      "LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace "
      "LEFT JOIN pg_catalog.pg_collation co "
      "  ON co.oid = i.indcollation[k.ord - 1] AND k.ord <= i.indnkeyatts "
      "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
      "WHERE " +
      SystemSchemaFilter + " ORDER BY i.indexrelid, k.ord");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    IndexColumns &IC = IndexKeys[R->get(I, "indexrelid")];
    bool IsColumn = R->get(I, "attnum") != "0";
    if (R->getInt(I, "ord") > R->getInt(I, "indnkeyatts")) {
      IC.Include.push_back(R->get(I, "attname"));
      continue;
    }
    IndexKey K;
    K.Location = Where;
    K.IsExpression = !IsColumn;
    K.Text = IsColumn ? R->get(I, "attname") : R->get(I, "def");
    K.OpClass = R->get(I, "opclass");
    K.Collation = R->get(I, "collation");
    if (R->getBool(I, "canorder")) {
      int64_t Option = R->getInt(I, "option");
      bool Desc = Option & 1, NullsFirst = Option & 2;
      if (Desc)
        K.Order = SortOrder::Desc;
      if (NullsFirst != Desc)
        K.Nulls = NullsFirst ? NullsOrder::First : NullsOrder::Last;
    }
    IC.Keys.push_back(std::move(K));
  }
  return Error::success();
}

static ReferentialAction toAction(StringRef C) {
  if (C == "r")
    return ReferentialAction::Restrict;
  if (C == "c")
    return ReferentialAction::Cascade;
  if (C == "n")
    return ReferentialAction::SetNull;
  if (C == "d")
    return ReferentialAction::SetDefault;
  return ReferentialAction::NoAction;
}

/// The attribute names of an int2[] of attnums of relation REL, in order.
static std::string attnames(StringRef Array, StringRef Rel) {
  return ("ARRAY(SELECT a.attname FROM pg_catalog.unnest(" + Array +
          ") WITH ORDINALITY x(num, ord) JOIN pg_catalog.pg_attribute a "
          "ON a.attrelid = " +
          Rel + " AND a.attnum = x.num ORDER BY x.ord)")
      .str();
}

Error Reader::readConstraints() {
  // Constraints declared on the table itself: clones on partitions
  // (conparentid) and inherited copies (not conislocal) are the parent's.
  Expected<QueryResult> R =
      query("SELECT con.oid, con.conrelid, con.conname, con.contype, "
            "con.condeferrable, con.condeferred, con.convalidated, "
            "con.connoinherit, " +
            attnames("con.conkey", "con.conrelid") + " AS cols, " +
            attnames("con.confkey", "con.confrelid") + " AS refcols, " +
            attnames("con.confdelsetcols", "con.conrelid") +
            " AS delsetcols, "
            "fn.nspname AS refschema, fc.relname AS reftable, "
            "con.confupdtype, con.confdeltype, con.confmatchtype, "
            "CASE WHEN con.contype = 'c' THEN "
            "pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS expr, "
            "con.conindid, i.indnullsnotdistinct, am.amname, "
            "pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate, "
            "ARRAY(SELECT o.oprname FROM pg_catalog.unnest(con.conexclop) "
            "  WITH ORDINALITY x(op, ord) JOIN pg_catalog.pg_operator o "
            "  ON o.oid = x.op ORDER BY x.ord) AS exclops, "
            "dsc.description AS comment "
            "FROM pg_catalog.pg_constraint con " +
            commentJoin("dsc", "con.oid", "pg_constraint") +
            "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid "
            "  AND con.contype IN ('p', 'u', 'x') "
            "LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
            "LEFT JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
            "LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid "
            "LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
            "WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conislocal "
            "AND con.conparentid = 0 AND " +
            SystemSchemaFilter + " ORDER BY con.conrelid, con.oid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    auto T = Tables.find(R->get(I, "conrelid"));
    if (T == Tables.end())
      continue;
    Constraint Con;
    Con.Location = Where;
    Con.Name = R->get(I, "conname");
    StringRef Type = R->get(I, "contype");
    Con.Deferrable = R->getBool(I, "condeferrable");
    Con.InitiallyDeferred = R->getBool(I, "condeferred");
    Con.NotValid = !R->getBool(I, "convalidated");
    Con.Comment = R->get(I, "comment");
    const IndexColumns &IC = IndexKeys[R->get(I, "conindid")];
    if (Type == "p" || Type == "u") {
      Con.Kind =
          Type == "p" ? ConstraintKind::PrimaryKey : ConstraintKind::Unique;
      Con.Columns = R->getArray(I, "cols");
      Con.Include = IC.Include;
      Con.NullsNotDistinct = R->getBool(I, "indnullsnotdistinct");
    } else if (Type == "f") {
      Con.Kind = ConstraintKind::ForeignKey;
      Con.Columns = R->getArray(I, "cols");
      Con.RefTable =
          QualifiedName(R->get(I, "refschema"), R->get(I, "reftable"));
      Con.RefColumns = R->getArray(I, "refcols");
      Con.OnUpdate = toAction(R->get(I, "confupdtype"));
      Con.OnDelete = toAction(R->get(I, "confdeltype"));
      Con.OnDeleteSetColumns = R->getArray(I, "delsetcols");
      StringRef Match = R->get(I, "confmatchtype");
      Con.Match = Match == "f"   ? MatchKind::Full
                  : Match == "p" ? MatchKind::Partial
                                 : MatchKind::Simple;
    } else if (Type == "c") {
      Con.Kind = ConstraintKind::Check;
      Con.Expr = R->get(I, "expr");
      Con.NoInherit = R->getBool(I, "connoinherit");
    } else {
      Con.Kind = ConstraintKind::Exclude;
      Con.Method = R->get(I, "amname");
      Con.Elements = IC.Keys;
      std::vector<std::string> Ops = R->getArray(I, "exclops");
      for (size_t K = 0; K < Con.Elements.size() && K < Ops.size(); ++K)
        Con.Elements[K].Operator = Ops[K];
      Con.Include = IC.Include;
      Con.Where = R->get(I, "predicate");
    }
    T->second->Constraints.push_back(std::move(Con));
  }
  return Error::success();
}

Error Reader::readIndexes() {
  // Indexes of tables and materialized views that back no constraint of
  // their own table and are no partition of a parent's index.
  Expected<QueryResult> R = query(
      "SELECT i.indexrelid, i.indrelid, ic.relname, am.amname, "
      "i.indisunique, i.indnullsnotdistinct, "
      "pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate, "
      "ic.reloptions, ts.spcname, "
      "dsc.description AS comment "
      "FROM pg_catalog.pg_index i "
      "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid " +
      commentJoin("dsc", "ic.oid", "pg_class") +
      "JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace "
      "JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
      "LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = ic.reltablespace "
      "WHERE " +
      std::string(SystemSchemaFilter) +
      " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con "
      "  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
      "  AND con.contype IN ('p', 'u', 'x')) "
      "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits inh "
      "  WHERE inh.inhrelid = i.indexrelid) AND NOT " +
      extensionMember("pg_class", "ic.oid") + " ORDER BY i.indexrelid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    const std::string &Rel = R->get(I, "indrelid");
    std::vector<Index> *Into = nullptr;
    if (auto T = Tables.find(Rel); T != Tables.end())
      Into = &T->second->Indexes;
    else if (auto V = Views.find(Rel); V != Views.end())
      Into = &V->second->Indexes;
    if (!Into)
      continue;
    Index Idx;
    Idx.Location = Where;
    Idx.Name = R->get(I, "relname");
    Idx.Method = R->get(I, "amname");
    Idx.Unique = R->getBool(I, "indisunique");
    Idx.NullsNotDistinct = R->getBool(I, "indnullsnotdistinct");
    Idx.Where = R->get(I, "predicate");
    Idx.Options = toOptions(R->getArray(I, "reloptions"));
    Idx.Tablespace = R->get(I, "spcname");
    Idx.Comment = R->get(I, "comment");
    const IndexColumns &IC = IndexKeys[R->get(I, "indexrelid")];
    Idx.Keys = IC.Keys;
    Idx.Include = IC.Include;
    Into->push_back(std::move(Idx));
  }
  return Error::success();
}

/// pg_get_function_arguments() spells IN for procedures' arguments, where
/// it is the default all the same: "IN a integer, OUT b text" becomes
/// "a integer, OUT b text".
static std::string dropInModes(StringRef Args) {
  std::string Out;
  ListSeparator Sep(", ");
  for (StringRef A : splitTopLevel(Args)) {
    if (A.empty())
      continue;
    A.consume_front("IN ");
    Out += Sep;
    Out += A.str();
  }
  return Out;
}

Error Reader::readFunctions() {
  Expected<QueryResult> R =
      query("SELECT n.nspname, p.proname, p.prokind, "
            "pg_catalog.pg_get_function_arguments(p.oid) AS args, "
            "pg_catalog.pg_get_function_result(p.oid) AS result, "
            "l.lanname, p.prosrc, p.provolatile, p.proisstrict, p.prosecdef, "
            "p.proleakproof, p.proparallel, p.procost, p.prorows, p.proretset, "
            "p.proconfig, pg_catalog.pg_get_userbyid(p.proowner) AS owner, "
            "pg_catalog.obj_description(p.oid, 'pg_proc') AS comment "
            "FROM pg_catalog.pg_proc p "
            "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
            "JOIN pg_catalog.pg_language l ON l.oid = p.prolang "
            "WHERE p.prokind IN ('f', 'p') AND " +
            std::string(SystemSchemaFilter) + " AND NOT " +
            extensionMember("pg_proc", "p.oid") +
            // Constructors of range types belong to their type.
            " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
            "  WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
            "  AND d.objid = p.oid AND d.deptype = 'i') ORDER BY p.oid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    Function F;
    F.Location = Where;
    F.Kind = R->get(I, "prokind") == "p" ? FunctionKind::Procedure
                                         : FunctionKind::Function;
    F.Name = R->get(I, "proname");
    F.Arguments = R->get(I, "args");
    if (F.Kind == FunctionKind::Procedure)
      F.Arguments = dropInModes(F.Arguments);
    if (F.Kind == FunctionKind::Function)
      F.Returns = R->get(I, "result");
    F.Language = R->get(I, "lanname");
    F.Body = R->get(I, "prosrc");
    StringRef Vol = R->get(I, "provolatile");
    F.Volatile = Vol == "i"   ? Volatility::Immutable
                 : Vol == "s" ? Volatility::Stable
                              : Volatility::Volatile;
    F.Strict = R->getBool(I, "proisstrict");
    F.SecurityDefiner = R->getBool(I, "prosecdef");
    F.Leakproof = R->getBool(I, "proleakproof");
    StringRef Par = R->get(I, "proparallel");
    F.Parallel = Par == "s"   ? ParallelSafety::Safe
                 : Par == "r" ? ParallelSafety::Restricted
                              : ParallelSafety::Unsafe;
    if (F.Kind == FunctionKind::Function) {
      // PostgreSQL's defaults: cost 1 for C and internal functions, 100
      // otherwise; 1000 rows for set-returning functions.
      double Cost = 0;
      StringRef(R->get(I, "procost")).getAsDouble(Cost);
      bool IsC = F.Language == "c" || F.Language == "internal";
      if (Cost != (IsC ? 1 : 100))
        F.Cost = (int64_t)Cost;
      double Rows = 0;
      StringRef(R->get(I, "prorows")).getAsDouble(Rows);
      if (R->getBool(I, "proretset") && Rows != 1000)
        F.Rows = (int64_t)Rows;
    }
    F.Config = toOptions(R->getArray(I, "proconfig"));
    F.Owner = owner(*R, I);
    F.Comment = R->get(I, "comment");
    S->Functions.push_back(std::move(F));
  }
  return Error::success();
}

/// Trigger arguments from tgargs as hex: each argument ends with a NUL.
static std::vector<std::string> triggerArgs(StringRef Hex, int64_t N) {
  std::string Bytes = fromHex(Hex);
  std::vector<std::string> Out;
  SmallVector<StringRef, 4> Parts;
  StringRef(Bytes).split(Parts, '\0', -1, /*KeepEmpty=*/true);
  for (int64_t I = 0; I < N && I < (int64_t)Parts.size(); ++I)
    Out.push_back(Parts[I].str());
  return Out;
}

Error Reader::readTriggers() {
  Expected<QueryResult> R =
      query("SELECT t.tgrelid, t.tgname, t.tgtype, "
            "fn.nspname AS funcschema, f.proname, t.tgnargs, "
            "pg_catalog.encode(t.tgargs, 'hex') AS args, " +
            attnames("t.tgattr::pg_catalog.int2[]", "t.tgrelid") +
            " AS updatecols, "
            "pg_catalog.pg_get_triggerdef(t.oid, false) AS def, "
            "t.tgoldtable, t.tgnewtable, t.tgconstraint <> 0 AS isconstraint, "
            "t.tgdeferrable, t.tginitdeferred, "
            "pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment "
            "FROM pg_catalog.pg_trigger t "
            "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_catalog.pg_proc f ON f.oid = t.tgfoid "
            "JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace "
            "WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND " +
            SystemSchemaFilter + " ORDER BY t.tgrelid, t.oid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    const std::string &Rel = R->get(I, "tgrelid");
    std::vector<Trigger> *Into = nullptr;
    if (auto T = Tables.find(Rel); T != Tables.end())
      Into = &T->second->Triggers;
    else if (auto V = Views.find(Rel); V != Views.end())
      Into = &V->second->Triggers;
    if (!Into)
      continue;
    Trigger Trig;
    Trig.Location = Where;
    Trig.Name = R->get(I, "tgname");
    // tgtype bits (pg_trigger.h): ROW 1, BEFORE 2, INSERT 4, DELETE 8,
    // UPDATE 16, TRUNCATE 32, INSTEAD 64.
    int64_t Type = R->getInt(I, "tgtype");
    Trig.ForEachRow = Type & 1;
    Trig.Timing = Type & 64  ? TriggerTiming::InsteadOf
                  : Type & 2 ? TriggerTiming::Before
                             : TriggerTiming::After;
    if (Type & 4)
      Trig.Events |= TE_Insert;
    if (Type & 16)
      Trig.Events |= TE_Update;
    if (Type & 8)
      Trig.Events |= TE_Delete;
    if (Type & 32)
      Trig.Events |= TE_Truncate;
    Trig.UpdateColumns = R->getArray(I, "updatecols");
    Trig.Function =
        QualifiedName(R->get(I, "funcschema"), R->get(I, "proname"));
    Trig.Arguments = triggerArgs(R->get(I, "args"), R->getInt(I, "tgnargs"));
    Trig.When = triggerWhenClause(R->get(I, "def"));
    Trig.OldTable = R->get(I, "tgoldtable");
    Trig.NewTable = R->get(I, "tgnewtable");
    Trig.IsConstraint = R->getBool(I, "isconstraint");
    Trig.Deferrable = R->getBool(I, "tgdeferrable");
    Trig.InitiallyDeferred = R->getBool(I, "tginitdeferred");
    Trig.Comment = R->get(I, "comment");
    Into->push_back(std::move(Trig));
  }
  return Error::success();
}

Error Reader::readPolicies() {
  Expected<QueryResult> R =
      query("SELECT p.polrelid, p.polname, p.polcmd, p.polpermissive, "
            "ARRAY(SELECT pg_catalog.pg_get_userbyid(r.oid) "
            "  FROM pg_catalog.unnest(p.polroles) WITH ORDINALITY r(oid, ord) "
            "  WHERE r.oid <> 0 ORDER BY r.ord) AS roles, "
            "pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS qual, "
            "pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS withcheck, "
            "pg_catalog.obj_description(p.oid, 'pg_policy') AS comment "
            "FROM pg_catalog.pg_policy p "
            "JOIN pg_catalog.pg_class c ON c.oid = p.polrelid "
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "WHERE " +
            std::string(SystemSchemaFilter) + " ORDER BY p.polrelid, p.oid");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    auto T = Tables.find(R->get(I, "polrelid"));
    if (T == Tables.end())
      continue;
    Policy P;
    P.Location = Where;
    P.Name = R->get(I, "polname");
    StringRef Cmd = R->get(I, "polcmd");
    P.Command = Cmd == "r"   ? PolicyCommand::Select
                : Cmd == "a" ? PolicyCommand::Insert
                : Cmd == "w" ? PolicyCommand::Update
                : Cmd == "d" ? PolicyCommand::Delete
                             : PolicyCommand::All;
    P.Permissive = R->getBool(I, "polpermissive");
    P.Roles = R->getArray(I, "roles");
    P.Using = R->get(I, "qual");
    P.WithCheck = R->get(I, "withcheck");
    P.Comment = R->get(I, "comment");
    T->second->Policies.push_back(std::move(P));
  }
  return Error::success();
}

void Reader::dropDefaultPublicSchema() {
  // The public schema every database starts with, still empty and
  // untouched, was not declared by anyone.
  if (!PublicIsDefault)
    return;
  llvm::erase_if(C->Schemas, [](const Schema &S) {
    return S.Name == "public" && S.Tables.empty() && S.Enums.empty() &&
           S.Domains.empty() && S.Composites.empty() && S.Ranges.empty() &&
           S.Sequences.empty() && S.Views.empty() && S.Functions.empty() &&
           !S.Privileges.Explicit;
  });
}

/// An aclitem's text, "grantee=privileges/grantor" (grantee empty for
/// PUBLIC, double-quoted when it needs to be), as a Grant.
static Optional<Grant> parseACLItem(StringRef Item) {
  Grant G;
  size_t I = 0;
  if (Item.startswith("\"")) {
    if (!readQuotedIdentifier(Item, I, G.Grantee))
      return None;
  } else {
    I = Item.find('=');
    if (I == StringRef::npos)
      return None;
    G.Grantee = Item.take_front(I).str();
  }
  if (I >= Item.size() || Item[I] != '=')
    return None;
  StringRef Rest = Item.drop_front(I + 1);
  G.Privileges =
      canonicalPrivileges(Rest.take_until([](char C) { return C == '/'; }));
  return G;
}

Error Reader::readPrivileges() {
  // Only objects whose ACL is not NULL (PostgreSQL's default) have rows;
  // def is the default ACL, whose owner entry has every privilege of the
  // kind on this server's version.
  std::string Filter = std::string(" AND ") + SystemSchemaFilter;
  Expected<QueryResult> R = query(
      "SELECT 'relation' AS kind, n.nspname, c.relname AS name, "
      "NULL AS sub, c.relacl::pg_catalog.text[] AS acl, "
      "pg_catalog.acldefault((CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' "
      "END)::pg_catalog.\"char\", c.relowner)::pg_catalog.text[] AS def, "
      "pg_catalog.pg_get_userbyid(c.relowner) AS owner "
      "FROM pg_catalog.pg_class c "
      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'S')" +
      Filter + " AND NOT " + extensionMember("pg_class", "c.oid") +
      " UNION ALL "
      "SELECT 'column', n.nspname, c.relname, a.attname, "
      "a.attacl::pg_catalog.text[], NULL, "
      "pg_catalog.pg_get_userbyid(c.relowner) "
      "FROM pg_catalog.pg_attribute a "
      "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped "
      "AND c.relkind IN ('r', 'p')" +
      Filter + " AND NOT " + extensionMember("pg_class", "c.oid") +
      " UNION ALL "
      "SELECT 'function', n.nspname, p.proname, "
      "pg_catalog.pg_get_function_arguments(p.oid), "
      "p.proacl::pg_catalog.text[], "
      "pg_catalog.acldefault('f'::pg_catalog.\"char\", "
      "p.proowner)::pg_catalog.text[], "
      "pg_catalog.pg_get_userbyid(p.proowner) "
      "FROM pg_catalog.pg_proc p "
      "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
      "WHERE p.proacl IS NOT NULL AND p.prokind IN ('f', 'p')" +
      Filter + " AND NOT " + extensionMember("pg_proc", "p.oid") +
      " UNION ALL "
      "SELECT 'type', n.nspname, t.typname, NULL, "
      "t.typacl::pg_catalog.text[], "
      "pg_catalog.acldefault('T'::pg_catalog.\"char\", "
      "t.typowner)::pg_catalog.text[], "
      "pg_catalog.pg_get_userbyid(t.typowner) "
      "FROM pg_catalog.pg_type t "
      "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
      "WHERE t.typacl IS NOT NULL AND t.typtype IN ('e', 'd', 'c', 'r')" +
      Filter + " AND NOT " + extensionMember("pg_type", "t.oid") +
      " UNION ALL "
      "SELECT 'schema', n.nspname, n.nspname, NULL, "
      "n.nspacl::pg_catalog.text[], "
      "pg_catalog.acldefault('n'::pg_catalog.\"char\", "
      "n.nspowner)::pg_catalog.text[], "
      "pg_catalog.pg_get_userbyid(n.nspowner) "
      "FROM pg_catalog.pg_namespace n WHERE n.nspacl IS NOT NULL" +
      Filter + " ORDER BY 1, 2, 3, 4");
  if (!R)
    return R.takeError();
  for (size_t I = 0; I < R->size(); ++I) {
    Schema *S = schema(R->get(I, "nspname"));
    if (!S)
      continue;
    std::string Kind = R->get(I, "kind"), Name = R->get(I, "name"),
                Owner = R->get(I, "owner");
    std::vector<Grant> Items;
    llvm::Optional<std::string> OwnerLetters;
    auto Elements = [&](StringRef Column) {
      return parseTextArray(R->get(I, Column))
          .getValueOr(std::vector<std::string>());
    };
    for (const std::string &Text : Elements("acl"))
      if (Optional<Grant> G = parseACLItem(Text)) {
        if (G->Grantee == Owner && Kind != "column")
          OwnerLetters = G->Privileges;
        else
          Items.push_back(std::move(*G));
      }
    llvm::sort(Items, [](const Grant &A, const Grant &B) {
      return A.Grantee < B.Grantee;
    });
    if (Kind == "column") {
      if (Table *T = S->findTable(Name))
        if (Column *Col = T->findColumn(R->get(I, "sub")))
          Col->Grants = std::move(Items);
      continue;
    }
    ACL A;
    A.Explicit = true;
    A.Grants = std::move(Items);
    // Every privilege of the kind (on this server) is the default.
    std::string All;
    for (const std::string &Text : Elements("def"))
      if (Optional<Grant> G = parseACLItem(Text))
        if (G->Grantee == Owner)
          All = G->Privileges;
    if (!OwnerLetters)
      A.OwnerPrivileges = std::string();
    else if (*OwnerLetters != All)
      A.OwnerPrivileges = *OwnerLetters;
    ACLKind K = Kind == "function" ? ACLKind::Function
                : Kind == "type"   ? ACLKind::Type
                : Kind == "schema" ? ACLKind::Schema
                                   : ACLKind::Relation;
    ACL *Target = nullptr;
    if (Kind == "relation") {
      if (Table *T = S->findTable(Name))
        Target = &T->Privileges;
      else if (View *V = S->findView(Name))
        Target = &V->Privileges;
      else if (Sequence *Seq = S->findSequence(Name)) {
        Target = &Seq->Privileges;
        K = ACLKind::Sequence;
      }
    } else if (Kind == "function") {
      for (Function &F : S->Functions)
        if (F.Name == Name && F.Arguments == dropInModes(R->get(I, "sub")))
          Target = &F.Privileges;
    } else if (Kind == "type") {
      if (auto Type = S->findTypeAttributes(Name))
        Target = &Type->Privileges;
    } else {
      Target = &S->Privileges;
    }
    if (!Target)
      continue;
    // The default spelled out is the default.
    if (!A.OwnerPrivileges && A.Grants == defaultGrants(K, S->Name))
      A = ACL();
    *Target = std::move(A);
  }
  return Error::success();
}

Expected<std::unique_ptr<Catalog>> Reader::run() {
  // Order matters: relations before what hangs off them, composite types
  // before columns, index keys before constraints and indexes.
  for (Error (Reader::*Step)() :
       {&Reader::readSchemas, &Reader::readExtensions, &Reader::readEnums,
        &Reader::readDomains, &Reader::readComposites, &Reader::readRanges,
        &Reader::readSequences, &Reader::readRelations,
        &Reader::readInheritance, &Reader::readColumns, &Reader::readIndexKeys,
        &Reader::readConstraints, &Reader::readIndexes, &Reader::readFunctions,
        &Reader::readTriggers, &Reader::readPolicies, &Reader::readPrivileges})
    if (Error E = (this->*Step)())
      return E;
  dropDefaultPublicSchema();
  return std::move(C);
}

Expected<std::unique_ptr<Catalog>>
readCatalog(Connection &Conn, const CatalogReaderOptions &Opts) {
  // The catalog queries are joins over every column and index that the
  // planner prices high enough to JIT-compile; compiling costs more than
  // running them (0.3-0.6 s each on 5,000 tables).
  ScopedSetting NoJIT(Conn, "jit", "off");
  Reader R(Conn, Opts);
  return R.run();
}

} // namespace db
} // namespace bk
