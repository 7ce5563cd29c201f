//===- SchemaTextTest.cpp - Schema IR text: print, read, round trip -------===//

#include "bk/Schema/SchemaText.h"
#include "bk/Schema/Verifier.h"

#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace bk;
using namespace bk::schema;
using namespace llvm;

namespace {

// Every object kind and most attributes, in canonical form (what
// printCatalog prints without locations).
static const char *const RichCatalog =
    R"bkir(extension pgcrypto [schema = public, version = "1.3"];
extension uuid-ossp;
schema public [owner = app, comment = "application data"] {
  enum mood ("sad", "ok", "happy") [comment = "feelings"];
  domain us_postal_code text [not_null, collation = C] {
    check us_postal_code_check [expr = "(VALUE ~ '^\\d{5}$'::text)"];
  }
  composite address {
    attribute street text;
    attribute zip "character varying(10)" [collation = C];
  }
  sequence order_no_seq [type = integer, start = 1000, increment = 5, min = 1000, max = 999999, cache = 10, cycle, owned_by = public.orders.order_no];
  sequence countdown [increment = -1, min = -100, max = -1];
  table orgs [comment = "tenants"] {
    column id bigint [not_null, identity = always];
    column name text [not_null];
    primary_key orgs_pkey (id);
  }
  table users [row_security, force_row_security, options = ("fillfactor=70"), owner = app, comment = "people"] {
    column id bigint [not_null, identity = by_default];
    column org_id bigint;
    column email "character varying(255)" [not_null, default = "''::character varying", collation = C, comment = "login"];
    column email_lower text [generated = "lower((email)::text)"];
    column feeling mood;
    column home address;
    column tags "text[]";
    column created_at "timestamp with time zone" [not_null, default = "now()"];
    column updated_at "timestamp with time zone";
    primary_key users_pkey (id) [include = (email)];
    unique users_email_key (email) [nulls_not_distinct];
    foreign_key users_org_id_fkey (org_id) [references = public.orgs, ref_columns = (id), match = full, on_delete = set_null, on_delete_set = (org_id), on_update = cascade, deferrable, initially_deferred];
    check users_email_check [expr = "((email)::text <> ''::text)", no_inherit, not_valid];
    index users_lower_email_idx [unique, where = "(created_at IS NOT NULL)", options = ("fillfactor=90"), tablespace = fast, comment = "lookup"] {
      key "lower((email)::text)" [expression, collation = C, opclass = text_pattern_ops, order = desc, nulls = last];
    }
    index users_tags_idx [method = gin] {
      key tags;
    }
    index users_org_idx [include = (email)] {
      key org_id [order = asc, nulls = first];
    }
    trigger users_touch [timing = before, events = (insert, update), update_of = (email), for_each = row, function = public.touch, args = ("updated_at"), when = "(new.email IS NOT NULL)"];
    trigger users_audit [constraint, timing = after, events = (delete), for_each = row, function = public.audit, deferrable, initially_deferred];
    trigger users_truncated [timing = after, events = (truncate), function = public.audit];
    trigger users_deleted [timing = after, events = (delete), function = public.audit, old_table = old_rows];
    policy users_tenant [command = select, restrictive, roles = (app_user, Admin), using = "(org_id = (current_setting('app.org'::text))::bigint)"];
    policy users_insert [command = insert, with_check = "true"];
  }
  table orders {
    column order_no integer [not_null, default = "nextval('order_no_seq'::regclass)"];
    column user_id bigint [not_null];
    foreign_key orders_user_id_fkey (user_id) [references = public.users, on_delete = cascade];
  }
  table bookings {
    column room integer;
    column during tstzrange;
    exclude bookings_room_during_excl [method = gist, where = "(room > 0)"] {
      key room [operator = "="];
      key during [operator = "&&"];
    }
  }
  table events [partition_by = range] {
    column id bigint [not_null];
    column created_at "timestamp with time zone" [not_null];
    partition_key created_at;
  }
  table events_2024 [partition_of = public.events, bound = "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"] {
  }
  table archived_orgs [unlogged, inherits = (public.orgs)] {
    column archived_at date;
  }
  view active_users [columns = (id, email), options = ("security_barrier=true"), query = "SELECT users.id, users.email FROM users WHERE (users.created_at IS NOT NULL)", comment = "signed-up users"] {
    trigger active_users_insert [timing = instead_of, events = (insert), for_each = row, function = public.touch];
  }
  materialized_view user_counts [with_no_data, tablespace = fast, query = "SELECT users.org_id, count(*) AS n FROM users GROUP BY users.org_id"] {
    index user_counts_org_idx [unique] {
      key org_id;
    }
  }
  function touch "()" [returns = trigger, language = plpgsql, body = "BEGIN NEW.updated_at := now(); RETURN NEW; END"];
  function audit "()" [returns = trigger, language = plpgsql, security_definer, config = ("search_path=public"), body = "BEGIN RETURN NULL; END"];
  function add "(a integer, b integer DEFAULT 1)" [returns = integer, language = sql, volatility = immutable, strict, leakproof, parallel = safe, cost = 10, body = "SELECT a + b"];
  function user_ids "()" [returns = "SETOF bigint", language = sql, volatility = stable, rows = 100, body = "SELECT id FROM users", owner = app, comment = "every id"];
  procedure cleanup "(days integer)" [language = sql, body = "DELETE FROM users WHERE false"];
}
schema "Audit Trail" [owner = auditor] {
}
)bkir";

struct ReadResult {
  // Locations point into the Context's interned names: keep it alive.
  std::unique_ptr<Context> Ctx = std::make_unique<Context>();
  std::unique_ptr<Catalog> Cat;
  std::vector<Diagnostic> Diags;

  /// "line:col: message" of each diagnostic.
  std::vector<std::string> messages() const {
    std::vector<std::string> Out;
    for (const Diagnostic &D : Diags)
      Out.push_back(std::to_string(D.Location.Line) + ":" +
                    std::to_string(D.Location.Col) + ": " + D.Message);
    return Out;
  }
};

ReadResult readText(StringRef Text, StringRef Name = "input.bkir") {
  ReadResult R;
  unsigned ID = R.Ctx->addBuffer(MemoryBuffer::getMemBufferCopy(Text, Name));
  R.Cat = parseCatalog(*R.Ctx, ID);
  R.Diags = R.Ctx->getDiags().take();
  return R;
}

std::string printed(const Catalog &C, bool Locations) {
  std::string S;
  raw_string_ostream OS(S);
  printCatalog(OS, C, Locations);
  return OS.str();
}

TEST(SchemaTextTest, PrintsCanonicalTextBack) {
  ReadResult R = readText(RichCatalog);
  ASSERT_TRUE(R.Cat) << ::testing::PrintToString(R.messages());
  EXPECT_EQ(printed(*R.Cat, /*Locations=*/false), RichCatalog);
}

TEST(SchemaTextTest, RichCatalogVerifies) {
  ReadResult R = readText(RichCatalog);
  ASSERT_TRUE(R.Cat);
  EXPECT_TRUE(verifyCatalog(*R.Cat, R.Ctx->getDiags()));
  EXPECT_TRUE(R.Ctx->getDiags().take().empty());
}

TEST(SchemaTextTest, RoundTripKeepsLocations) {
  ReadResult First = readText(RichCatalog, "schema.bkir");
  ASSERT_TRUE(First.Cat);
  std::string Text1 = printed(*First.Cat, /*Locations=*/true);
  EXPECT_NE(Text1.find("table users [row_security, force_row_security, "
                       "options = (\"fillfactor=70\"), owner = app, "
                       "comment = \"people\"] loc(\"schema.bkir\":19:3) {"),
            std::string::npos)
      << Text1;

  ReadResult Second = readText(Text1, "printed.bkir");
  ASSERT_TRUE(Second.Cat) << ::testing::PrintToString(Second.messages());
  EXPECT_EQ(printed(*Second.Cat, /*Locations=*/true), Text1);
  // Objects keep the location they were first read at.
  const Table *Users = Second.Cat->findTable("public", "users");
  ASSERT_TRUE(Users);
  EXPECT_EQ(Users->Location, Loc("schema.bkir", 19, 3));
  EXPECT_EQ(Users->findColumn("email")->Location, Loc("schema.bkir", 22, 5));
}

TEST(SchemaTextTest, ReadsEveryKind) {
  ReadResult R = readText(RichCatalog);
  ASSERT_TRUE(R.Cat);
  const Catalog &C = *R.Cat;
  ASSERT_EQ(C.Extensions.size(), 2u);
  EXPECT_EQ(C.Extensions[0].Schema, "public");
  EXPECT_EQ(C.Extensions[1].Name, "uuid-ossp");
  ASSERT_EQ(C.Schemas.size(), 2u);
  EXPECT_EQ(C.Schemas[1].Name, "Audit Trail");
  const Schema &S = C.Schemas[0];
  EXPECT_EQ(S.Enums[0].Values,
            (std::vector<std::string>{"sad", "ok", "happy"}));
  EXPECT_EQ(S.Domains[0].Checks[0].Expr, "(VALUE ~ '^\\d{5}$'::text)");
  EXPECT_EQ(S.Composites[0].Attributes[1].Type, "character varying(10)");
  const Sequence &Seq = S.Sequences[0];
  EXPECT_EQ(Seq.Type, "integer");
  EXPECT_EQ(*Seq.Start, 1000);
  EXPECT_EQ(Seq.OwnedByTable, QualifiedName("public", "orders"));
  EXPECT_EQ(Seq.OwnedByColumn, "order_no");
  EXPECT_EQ(*S.Sequences[1].MinValue, -100);

  const Table &U = *S.findTable("users");
  EXPECT_TRUE(U.RowSecurity);
  EXPECT_EQ(U.Columns[0].Identity, IdentityKind::ByDefault);
  EXPECT_EQ(U.Columns[3].Generated, "lower((email)::text)");
  const Constraint &FK = *U.findConstraint("users_org_id_fkey");
  EXPECT_EQ(FK.Kind, ConstraintKind::ForeignKey);
  EXPECT_EQ(FK.RefTable, QualifiedName("public", "orgs"));
  EXPECT_EQ(FK.OnDelete, ReferentialAction::SetNull);
  EXPECT_EQ(FK.OnUpdate, ReferentialAction::Cascade);
  EXPECT_EQ(FK.Match, MatchKind::Full);
  EXPECT_TRUE(FK.Deferrable && FK.InitiallyDeferred);
  const Index &LowerIdx = U.Indexes[0];
  EXPECT_TRUE(LowerIdx.Unique);
  ASSERT_EQ(LowerIdx.Keys.size(), 1u);
  EXPECT_TRUE(LowerIdx.Keys[0].IsExpression);
  EXPECT_EQ(LowerIdx.Keys[0].Order, SortOrder::Desc);
  EXPECT_EQ(LowerIdx.Keys[0].Nulls, NullsOrder::Last);
  EXPECT_EQ(U.Triggers[0].Events, unsigned(TE_Insert | TE_Update));
  EXPECT_EQ(U.Triggers[0].Function, QualifiedName("public", "touch"));
  EXPECT_FALSE(U.Policies[0].Permissive);
  EXPECT_EQ(U.Policies[0].Roles,
            (std::vector<std::string>{"app_user", "Admin"}));

  const Table &Bookings = *S.findTable("bookings");
  EXPECT_EQ(Bookings.Constraints[0].Elements[1].Operator, "&&");
  EXPECT_EQ(S.findTable("events")->PartitionBy, PartitionStrategy::Range);
  EXPECT_EQ(S.findTable("events_2024")->PartitionOf,
            QualifiedName("public", "events"));
  EXPECT_TRUE(S.findView("user_counts")->Materialized);
  EXPECT_EQ(S.Functions[2].Arguments, "a integer, b integer DEFAULT 1");
  EXPECT_EQ(S.Functions[2].Volatile, Volatility::Immutable);
  EXPECT_EQ(S.Functions[4].Kind, FunctionKind::Procedure);
}

TEST(SchemaTextTest, BuiltCatalogRoundTrips) {
  Catalog C;
  Schema &S = C.getOrAddSchema("app");
  S.Location = Loc("app.sql", 1, 1);
  S.Tables.emplace_back();
  Table &T = S.Tables.back();
  T.Name = "Weird.Table";
  T.Location = Loc("app.sql", 2, 1);
  Column Col;
  Col.Name = "select";
  Col.Type = "numeric(10,2)";
  Col.Default = "0";
  T.Columns.push_back(Col);
  Constraint FK;
  FK.Kind = ConstraintKind::ForeignKey;
  FK.Name = "fk";
  FK.Columns = {"select"};
  FK.RefTable = QualifiedName("other.schema", "t\"q");
  T.Constraints.push_back(FK);

  std::string Text = printed(C, /*Locations=*/true);
  EXPECT_NE(
      Text.find("references = \"\\\"other.schema\\\".\\\"t\\\"\\\"q\\\"\""),
      std::string::npos)
      << Text;
  ReadResult R = readText(Text);
  ASSERT_TRUE(R.Cat) << ::testing::PrintToString(R.messages());
  // Objects without a location take the one they were read at.
  EXPECT_EQ(printed(*R.Cat, false), printed(C, false));
  const Table &RT = R.Cat->Schemas[0].Tables[0];
  EXPECT_EQ(RT.Name, "Weird.Table");
  EXPECT_EQ(RT.Constraints[0].RefTable, FK.RefTable);
  EXPECT_EQ(RT.Columns[0].Default, "0");
  EXPECT_EQ(RT.Location, Loc("app.sql", 2, 1));
}

TEST(SchemaTextTest, NormalizesTypesOnRead) {
  ReadResult R = readText("schema public {\n"
                          "  table t {\n"
                          "    column a int4;\n"
                          "    column b \"varchar(20)[]\";\n"
                          "  }\n"
                          "}\n");
  ASSERT_TRUE(R.Cat);
  EXPECT_EQ(R.Cat->Schemas[0].Tables[0].Columns[0].Type, "integer");
  EXPECT_EQ(R.Cat->Schemas[0].Tables[0].Columns[1].Type,
            "character varying(20)[]");
}

TEST(SchemaTextTest, ReportsUnknownAttribute) {
  ReadResult R = readText("schema public {\n"
                          "  table t [colour = red] {\n"
                          "  }\n"
                          "}\n");
  EXPECT_FALSE(R.Cat);
  EXPECT_EQ(R.messages(), std::vector<std::string>{
                              "2:12: unknown attribute 'colour' on 'table'"});
  EXPECT_EQ(R.Diags[0].Location.File, "input.bkir");
}

TEST(SchemaTextTest, ReportsBadValues) {
  ReadResult R =
      readText("schema public {\n"
               "  table t {\n"
               "    column a integer [identity = sometimes];\n"
               "    column b;\n"
               "    foreign_key fk (a);\n"
               "    primary_key pk id;\n"
               "    check c [expr = (1, 2)];\n"
               "    index i [unique = maybe] { key a; }\n"
               "  }\n"
               "  tabel x;\n"
               "  sequence s [start = \"one\", owned_by = a.b.c.d];\n"
               "  function f g [returns = integer];\n"
               "}\n"
               "role admin;\n");
  EXPECT_FALSE(R.Cat);
  EXPECT_EQ(
      R.messages(),
      (std::vector<std::string>{
          "3:23: invalid value 'sometimes' for attribute 'identity'; "
          "expected one of 'none', 'always', 'by_default'",
          "4:5: 'column' takes 2 arguments, found 1",
          "5:5: 'foreign_key' needs a 'references' attribute",
          "6:20: expected a parenthesised list of names",
          "7:14: attribute 'expr' expects a name or string",
          "8:14: attribute 'unique' is a flag and takes no value",
          "10:3: unknown item 'tabel' in schema 'public'; expected table, "
          "enum, domain, composite, range, sequence, view, materialized_view, "
          "function or procedure",
          "11:15: attribute 'start' expects an integer",
          "11:30: expected table.column or schema.table.column, got "
          "'a.b.c.d'",
          "12:3: expected the argument list in parentheses, as \"(a "
          "integer)\"",
          "14:1: unknown item 'role' at top level; expected 'extension' or "
          "'schema'",
      }));
}

TEST(SchemaTextTest, ReportsMissingRequiredAttributes) {
  ReadResult R = readText("schema public {\n"
                          "  table t {\n"
                          "    trigger tr [events = (insert, upsert)];\n"
                          "  }\n"
                          "  view v;\n"
                          "}\n");
  EXPECT_FALSE(R.Cat);
  EXPECT_EQ(R.messages(),
            (std::vector<std::string>{
                "3:5: 'trigger' needs a 'timing' attribute",
                "3:5: 'trigger' needs a 'function' attribute",
                "3:17: unknown trigger event 'upsert'; expected insert, "
                "update, delete or truncate",
                "5:3: 'view' needs a 'query' attribute",
            }));
}

TEST(SchemaTextTest, DetectsSchemaIR) {
  ReadResult R = readText("schema public {\n}\n");
  ASSERT_TRUE(R.Cat);
  EXPECT_EQ(printed(*R.Cat, false), "schema public {\n}\n");
  EXPECT_TRUE(isSchemaIR(toItems(*R.Cat)));
  EXPECT_FALSE(isSchemaIR({}));
}

} // namespace
