//===- SQLWriterTest.cpp - Quoting, dollar tags, statements and order -----===//

#include "bk/SQLWriter/SQLWriter.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::schema;
using namespace bk::sqlwriter;

namespace {

TEST(SQLWriterTest, QuotesIdentifiersOnlyWhenNeeded) {
  EXPECT_EQ(quoteIdentifier("users"), "users");
  EXPECT_EQ(quoteIdentifier("user_2$"), "user_2$");
  EXPECT_EQ(quoteIdentifier("Users"), "\"Users\"");
  EXPECT_EQ(quoteIdentifier("select"), "\"select\"");
  EXPECT_EQ(quoteIdentifier("a b"), "\"a b\"");
  EXPECT_EQ(quoteIdentifier("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(quoteIdentifier("2fa"), "\"2fa\"");
  EXPECT_EQ(QualifiedName("Mixed Case", "order").sql(),
            "\"Mixed Case\".\"order\"");
}

TEST(SQLWriterTest, QuotesLiterals) {
  EXPECT_EQ(quoteLiteral(""), "''");
  EXPECT_EQ(quoteLiteral("it's"), "'it''s'");
  EXPECT_EQ(quoteLiteral("''"), "''''''");
  // standard_conforming_strings: backslashes stay as they are.
  EXPECT_EQ(quoteLiteral("C:\\path"), "'C:\\path'");
  EXPECT_EQ(quoteLiteral("a\nb"), "'a\nb'");
}

TEST(SQLWriterTest, QuotesQualifiedCatalogNames) {
  EXPECT_EQ(quoteQualifiedName("C"), "\"C\"");
  EXPECT_EQ(quoteQualifiedName("text_pattern_ops"), "text_pattern_ops");
  EXPECT_EQ(quoteQualifiedName("app.my_ops"), "app.my_ops");
  EXPECT_EQ(quoteQualifiedName("en_US.utf8"), "\"en_US.utf8\"");
}

TEST(SQLWriterTest, ChoosesDollarTagNotInBody) {
  EXPECT_EQ(chooseDollarTag("SELECT 1"), "$$");
  EXPECT_EQ(chooseDollarTag("RETURN '$$';"), "$body$");
  // A trailing '$' would close "$$" one character early.
  EXPECT_EQ(chooseDollarTag("SELECT '$'::text || $"), "$body$");
  EXPECT_EQ(chooseDollarTag("x $$ y $body$"), "$body1$");
  EXPECT_EQ(chooseDollarTag("$$ $body$ $body1$"), "$body2$");
  EXPECT_EQ(dollarQuote("a $$ b"), "$body$a $$ b$body$");
  EXPECT_EQ(dollarQuote(""), "$$$$");
}

TEST(SQLWriterTest, Parenthesizes) {
  EXPECT_EQ(parenthesize("a > 0"), "(a > 0)");
  EXPECT_EQ(parenthesize("(a > 0)"), "(a > 0)");
  EXPECT_EQ(parenthesize("(a > 0) AND (b > 0)"), "((a > 0) AND (b > 0))");
  EXPECT_EQ(parenthesize("lower(x)"), "(lower(x))");
  EXPECT_EQ(parenthesize("(a = ')(')"), "(a = ')(')");
  EXPECT_EQ(parenthesize("(\"x)\" > 0)"), "(\"x)\" > 0)");
}

TEST(SQLWriterTest, FunctionIdentityArguments) {
  EXPECT_EQ(functionIdentityArguments(""), "");
  EXPECT_EQ(functionIdentityArguments("a integer, b text DEFAULT 'x, y'::text"),
            "a integer, b text");
  EXPECT_EQ(functionIdentityArguments("INOUT y integer DEFAULT 0"),
            "INOUT y integer");
  EXPECT_EQ(functionIdentityArguments("n numeric(10,2) = 1"),
            "n numeric(10,2)");
}

TEST(SQLWriterTest, WritesTableWithInlineConstraintsOnly) {
  Schema S;
  S.Name = "public";
  Table T;
  T.Name = "Users";
  Column Id;
  Id.Name = "id";
  Id.Type = "bigint";
  Id.NotNull = true;
  Id.Identity = IdentityKind::Always;
  Column Email;
  Email.Name = "email";
  Email.Type = "text";
  Email.Collation = "C";
  Email.Default = "''::text";
  T.Columns = {Id, Email};
  Constraint PK;
  PK.Kind = ConstraintKind::PrimaryKey;
  PK.Name = "users_pkey";
  PK.Columns = {"id"};
  Constraint FK;
  FK.Kind = ConstraintKind::ForeignKey;
  FK.Name = "users_id_fkey";
  FK.Columns = {"id"};
  FK.RefTable = QualifiedName("", "orgs");
  FK.OnDelete = ReferentialAction::Cascade;
  Constraint Check;
  Check.Kind = ConstraintKind::Check;
  Check.Name = "email_check";
  Check.Expr = "(email <> ''::text)";
  Check.NotValid = true;
  T.Constraints = {PK, FK, Check};
  EXPECT_EQ(writeCreateTable(S, T),
            "CREATE TABLE public.\"Users\" (\n"
            "  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
            "  email text COLLATE \"C\" DEFAULT ''::text,\n"
            "  CONSTRAINT users_pkey PRIMARY KEY (id)\n"
            ");");
  EXPECT_EQ(writeAddConstraint(S, T, FK),
            "ALTER TABLE public.\"Users\" ADD CONSTRAINT users_id_fkey "
            "FOREIGN KEY (id) REFERENCES public.orgs ON DELETE CASCADE;");
  EXPECT_EQ(writeAddConstraint(S, T, Check),
            "ALTER TABLE public.\"Users\" ADD CONSTRAINT email_check CHECK "
            "(email <> ''::text) NOT VALID;");
}

TEST(SQLWriterTest, ParenthesizesDefaultsOnlyWhenNeeded) {
  Column C;
  C.Name = "c";
  C.Type = "character varying(5)";
  C.Default = "''::character varying";
  EXPECT_EQ(writeColumnDefinition(C),
            "c character varying(5) DEFAULT ''::character varying");
  C.Type = "boolean";
  C.Default = "1 > 0 AND 'a or b' = 'x'";
  EXPECT_EQ(writeColumnDefinition(C),
            "c boolean DEFAULT (1 > 0 AND 'a or b' = 'x')");
  C.Default = "(now() AT TIME ZONE 'UTC'::text)";
  EXPECT_EQ(writeColumnDefinition(C),
            "c boolean DEFAULT (now() AT TIME ZONE 'UTC'::text)");
  C.Default = "now() AT TIME ZONE 'UTC'::text";
  EXPECT_EQ(writeColumnDefinition(C),
            "c boolean DEFAULT (now() AT TIME ZONE 'UTC'::text)");
  C.Default = "android()";
  EXPECT_EQ(writeColumnDefinition(C), "c boolean DEFAULT android()");
}

TEST(SQLWriterTest, WritesIndexOptions) {
  Schema S;
  S.Name = "app";
  Index I;
  I.Name = "t_idx";
  IndexKey K;
  K.Text = "lower(a)";
  K.IsExpression = true;
  K.Order = SortOrder::Desc;
  I.Keys = {K};
  I.Where = "a IS NOT NULL";
  IndexWriteOptions Opts;
  Opts.Concurrently = true;
  Opts.IfNotExists = true;
  EXPECT_EQ(writeCreateIndex(S, "t", I, Opts),
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_idx ON app.t "
            "((lower(a)) DESC) WHERE (a IS NOT NULL);");
}

TEST(SQLWriterTest, CommentsAndOwners) {
  EXPECT_EQ(writeComment("TABLE public.t", "it's"),
            "COMMENT ON TABLE public.t IS 'it''s';");
  EXPECT_EQ(writeComment("TABLE public.t", ""),
            "COMMENT ON TABLE public.t IS NULL;");
  EXPECT_EQ(writeOwner("TABLE public.t", "App Owner"),
            "ALTER TABLE public.t OWNER TO \"App Owner\";");
}

TEST(SQLWriterTest, OrdersViewsByReferenceThenName) {
  Catalog C;
  Schema &S = C.getOrAddSchema("public");
  View A, B, Z;
  A.Name = "a_top";
  A.Query = "SELECT m_mid.n FROM m_mid";
  B.Name = "m_mid";
  B.Query = "SELECT z_base.n FROM z_base";
  Z.Name = "z_base";
  Z.Query = "SELECT 1 AS n";
  View Other;
  Other.Name = "b_free";
  Other.Query = "SELECT 2 AS n";
  S.Views = {A, B, Z, Other};
  std::vector<std::string> Objects;
  for (const Statement &St : writeCatalogStatements(C))
    Objects.push_back(St.Object);
  EXPECT_EQ(Objects, (std::vector<std::string>{
                         "view public.b_free", "view public.z_base",
                         "view public.m_mid", "view public.a_top"}));
}

TEST(SQLWriterTest, OrdersTypesByDependency) {
  Catalog C;
  Schema &S = C.getOrAddSchema("app");
  Domain D;
  D.Name = "addr_d";
  D.BaseType = "app.addr";
  CompositeType CT;
  CT.Name = "addr";
  CompositeAttribute Zip;
  Zip.Name = "zip";
  Zip.Type = "app.zip";
  CT.Attributes = {Zip};
  Domain ZipD;
  ZipD.Name = "zip";
  ZipD.BaseType = "text";
  S.Domains = {D, ZipD};
  S.Composites = {CT};
  std::vector<std::string> Objects;
  for (const Statement &St : writeCatalogStatements(C))
    Objects.push_back(St.Object);
  EXPECT_EQ(Objects, (std::vector<std::string>{"schema app", "domain app.zip",
                                               "composite app.addr",
                                               "domain app.addr_d"}));
}

TEST(SQLWriterTest, LabelsStatementsAndDefersWhatCallsSQLFunctions) {
  Catalog C;
  Schema &S = C.getOrAddSchema("public");
  Table A;
  A.Name = "a";
  Column N;
  N.Name = "n";
  N.Type = "integer";
  N.Default = "next_n()";
  A.Columns = {N};
  Constraint FK;
  FK.Kind = ConstraintKind::ForeignKey;
  FK.Name = "a_n_fkey";
  FK.Columns = {"n"};
  FK.RefTable = QualifiedName("public", "a");
  A.Constraints = {FK};
  A.Comment = "it's a";
  S.Tables = {A};
  Function F;
  F.Name = "next_n";
  F.Returns = "integer";
  F.Language = "sql";
  F.Body = "SELECT count(*)::integer FROM a";
  S.Functions = {F};
  std::vector<Statement> Stmts = writeCatalogStatements(C);
  std::vector<std::string> Objects;
  for (const Statement &St : Stmts)
    Objects.push_back(St.Object);
  EXPECT_EQ(Objects, (std::vector<std::string>{
                         "table public.a", "constraint public.a.a_n_fkey",
                         "function public.next_n()", "column public.a.n",
                         "table public.a"}));
  EXPECT_EQ(Stmts[0].SQL, "CREATE TABLE public.a (\n  n integer\n);");
  EXPECT_EQ(Stmts[3].SQL,
            "ALTER TABLE public.a ALTER COLUMN n SET DEFAULT next_n();");
  EXPECT_EQ(Stmts[4].SQL, "COMMENT ON TABLE public.a IS 'it''s a';");

  WriterOptions NoComments;
  NoComments.Comments = false;
  EXPECT_EQ(writeCatalogStatements(C, NoComments).size(), 4u);
}

} // namespace
