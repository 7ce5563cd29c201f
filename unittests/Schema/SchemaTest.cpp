//===- SchemaTest.cpp - Schema IR classes and name helpers ----------------===//

#include "bk/Schema/Schema.h"
#include "bk/Schema/Privileges.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::schema;

namespace {

TEST(SchemaTest, NormalizesIntegerAliases) {
  EXPECT_EQ(normalizeTypeName("int"), "integer");
  EXPECT_EQ(normalizeTypeName("INT4"), "integer");
  EXPECT_EQ(normalizeTypeName("integer"), "integer");
  EXPECT_EQ(normalizeTypeName("int8"), "bigint");
  EXPECT_EQ(normalizeTypeName("BigInt"), "bigint");
  EXPECT_EQ(normalizeTypeName("int2"), "smallint");
  EXPECT_EQ(normalizeTypeName("serial"), "integer");
  EXPECT_EQ(normalizeTypeName("serial4"), "integer");
  EXPECT_EQ(normalizeTypeName("bigserial"), "bigint");
  EXPECT_EQ(normalizeTypeName("serial8"), "bigint");
  EXPECT_EQ(normalizeTypeName("smallserial"), "smallint");
  EXPECT_EQ(normalizeTypeName("pg_catalog.int4"), "integer");
}

TEST(SchemaTest, NormalizesOtherBuiltins) {
  EXPECT_EQ(normalizeTypeName("bool"), "boolean");
  EXPECT_EQ(normalizeTypeName("float8"), "double precision");
  EXPECT_EQ(normalizeTypeName("float"), "double precision");
  EXPECT_EQ(normalizeTypeName("float(10)"), "real");
  EXPECT_EQ(normalizeTypeName("float(53)"), "double precision");
  EXPECT_EQ(normalizeTypeName("float4"), "real");
  EXPECT_EQ(normalizeTypeName("DOUBLE   PRECISION"), "double precision");
  EXPECT_EQ(normalizeTypeName("decimal"), "numeric");
  EXPECT_EQ(normalizeTypeName("decimal(10, 2)"), "numeric(10,2)");
  EXPECT_EQ(normalizeTypeName("NUMERIC ( 10 ,2 )"), "numeric(10,2)");
  EXPECT_EQ(normalizeTypeName("varchar"), "character varying");
  EXPECT_EQ(normalizeTypeName("varchar(255)"), "character varying(255)");
  EXPECT_EQ(normalizeTypeName("character varying(255)"),
            "character varying(255)");
  EXPECT_EQ(normalizeTypeName("char"), "character(1)");
  EXPECT_EQ(normalizeTypeName("char(3)"), "character(3)");
  EXPECT_EQ(normalizeTypeName("bpchar"), "bpchar");
  EXPECT_EQ(normalizeTypeName("bit"), "bit(1)");
  EXPECT_EQ(normalizeTypeName("varbit(8)"), "bit varying(8)");
  EXPECT_EQ(normalizeTypeName("text"), "text");
  EXPECT_EQ(normalizeTypeName("JSONB"), "jsonb");
  EXPECT_EQ(normalizeTypeName("interval day to second(3)"),
            "interval day to second(3)");
}

TEST(SchemaTest, NormalizesDateTimeTypes) {
  EXPECT_EQ(normalizeTypeName("timestamptz"), "timestamp with time zone");
  EXPECT_EQ(normalizeTypeName("timestamp with time zone"),
            "timestamp with time zone");
  EXPECT_EQ(normalizeTypeName("timestamp"), "timestamp without time zone");
  EXPECT_EQ(normalizeTypeName("timestamp(3)"),
            "timestamp(3) without time zone");
  EXPECT_EQ(normalizeTypeName("TIMESTAMP (6) WITH TIME ZONE"),
            "timestamp(6) with time zone");
  EXPECT_EQ(normalizeTypeName("time"), "time without time zone");
  EXPECT_EQ(normalizeTypeName("timetz"), "time with time zone");
  EXPECT_EQ(normalizeTypeName("date"), "date");
}

TEST(SchemaTest, NormalizesArrays) {
  EXPECT_EQ(normalizeTypeName("text[]"), "text[]");
  EXPECT_EQ(normalizeTypeName("int4[3]"), "integer[]");
  EXPECT_EQ(normalizeTypeName("int[][]"), "integer[]");
  EXPECT_EQ(normalizeTypeName("int ARRAY"), "integer[]");
  EXPECT_EQ(normalizeTypeName("integer ARRAY[4]"), "integer[]");
  EXPECT_EQ(normalizeTypeName("varchar(20)[]"), "character varying(20)[]");
  EXPECT_EQ(normalizeTypeName("timestamptz []"), "timestamp with time zone[]");
}

TEST(SchemaTest, KeepsUserTypes) {
  EXPECT_EQ(normalizeTypeName("mood"), "mood");
  EXPECT_EQ(normalizeTypeName("Mood"), "mood");
  EXPECT_EQ(normalizeTypeName("\"mood\""), "mood");
  EXPECT_EQ(normalizeTypeName("\"Mood\""), "\"Mood\"");
  EXPECT_EQ(normalizeTypeName("Public.Address"), "public.address");
  EXPECT_EQ(normalizeTypeName("app.\"Status\"[]"), "app.\"Status\"[]");
  EXPECT_EQ(normalizeTypeName("public.geometry(Point, 4326)"),
            "public.geometry(Point,4326)");
  EXPECT_EQ(normalizeTypeName("  Strange  Thing  "), "strange thing");
}

TEST(SchemaTest, NormalizationIsIdempotent) {
  for (const char *T :
       {"int", "varchar(255)", "timestamptz", "timestamp(3)", "float(10)",
        "char", "bit", "int[][]", "\"Mood\"", "public.\"X y\"[]",
        "numeric(10, 2)", "interval", "interval(6)", "double precision",
        "bpchar", "mood", "weird ( stuff"}) {
    std::string Once = normalizeTypeName(T);
    EXPECT_EQ(normalizeTypeName(Once), Once) << "type " << T;
  }
}

TEST(SchemaTest, SerialBaseTypes) {
  EXPECT_EQ(serialBaseType("SERIAL").getValueOr(""), "integer");
  EXPECT_EQ(serialBaseType("bigserial").getValueOr(""), "bigint");
  EXPECT_EQ(serialBaseType("serial2").getValueOr(""), "smallint");
  EXPECT_FALSE(serialBaseType("integer").hasValue());
  EXPECT_TRUE(isIntegerTypeName("bigint"));
  EXPECT_FALSE(isIntegerTypeName("numeric"));
}

TEST(SchemaTest, Identifiers) {
  EXPECT_EQ(normalizeIdentifier("Users"), "users");
  EXPECT_EQ(normalizeIdentifier("\"Users\""), "Users");
  EXPECT_EQ(normalizeIdentifier("\"a\"\"b\""), "a\"b");
  EXPECT_EQ(quoteIdentifier("users"), "users");
  EXPECT_EQ(quoteIdentifier("Users"), "\"Users\"");
  EXPECT_EQ(quoteIdentifier("user"), "\"user\"");
  EXPECT_EQ(quoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(quoteIdentifier("1abc"), "\"1abc\"");
  EXPECT_EQ(QualifiedName("public", "Users").sql(), "public.\"Users\"");
  EXPECT_EQ(QualifiedName("public", "users").str(), "public.users");
  EXPECT_EQ(QualifiedName("", "users").str(), "users");
}

TEST(SchemaTest, PrivilegesFollowPostgres) {
  EXPECT_EQ(canonicalPrivileges("rwa*r"), "a*rw");
  EXPECT_EQ(privilegeLetter("temp"), 'T');
  EXPECT_EQ(privilegeKeyword('D'), "TRUNCATE");

  // A function starts with EXECUTE for PUBLIC; taking it away makes the
  // ACL explicit, giving it back restores the default.
  ACL F;
  revokePrivileges(F, ACLKind::Function, "f", "", false, "X", false);
  EXPECT_TRUE(F.Explicit);
  EXPECT_TRUE(F.Grants.empty());
  grantPrivileges(F, ACLKind::Function, "f", "", false, "X");
  EXPECT_EQ(F, ACL());

  // Grant options: granted with the privilege, revoked alone.
  ACL T;
  grantPrivileges(T, ACLKind::Relation, "t", "bob", false, "r*a");
  ASSERT_EQ(T.Grants.size(), 1u);
  EXPECT_EQ(T.Grants[0].Privileges, "ar*");
  revokePrivileges(T, ACLKind::Relation, "t", "bob", false, "r", true);
  EXPECT_EQ(T.Grants[0].Privileges, "ar");
  revokePrivileges(T, ACLKind::Relation, "t", "bob", false, "ar", false);
  EXPECT_EQ(T, ACL());

  // The owner's own entry: every privilege is the default.
  revokePrivileges(T, ACLKind::Relation, "t", "app", true, "Dt", false);
  ASSERT_TRUE(T.OwnerPrivileges.has_value());
  EXPECT_EQ(*T.OwnerPrivileges, "arwdx");
  grantPrivileges(T, ACLKind::Relation, "t", "app", true, "tD");
  EXPECT_EQ(T, ACL());

  // The public schema gives PUBLIC USAGE (PostgreSQL 15's template).
  ACL P;
  revokePrivileges(P, ACLKind::Schema, "public", "", false, "U", false);
  EXPECT_TRUE(P.Explicit);
  grantPrivileges(P, ACLKind::Schema, "public", "", false, "U");
  EXPECT_EQ(P, ACL());
}

TEST(SchemaTest, MultirangeNamesFollowPostgres) {
  // Checked against PostgreSQL 15 (pg_type, typtype 'm').
  EXPECT_EQ(defaultMultirangeName("floatrange"), "floatmultirange");
  EXPECT_EQ(defaultMultirangeName("period"), "period_multirange");
  EXPECT_EQ(defaultMultirangeName("my_range_range"), "my_multirange_range");
  EXPECT_EQ(defaultMultirangeName(std::string(62, 'a')),
            std::string(52, 'a') + "_multirange");
  EXPECT_EQ(defaultMultirangeName("range" + std::string(58, 'b')),
            "multirange" + std::string(53, 'b'));
  RangeType R;
  R.Name = "span";
  EXPECT_EQ(R.multirangeName(), "span_multirange");
  R.MultirangeName = "spans";
  EXPECT_EQ(R.multirangeName(), "spans");
}

TEST(SchemaTest, ImplicitNamesFollowPostgres) {
  EXPECT_EQ(makeObjectName("users", "", "pkey"), "users_pkey");
  EXPECT_EQ(makeObjectName("users", "email", "key"), "users_email_key");
  EXPECT_EQ(
      makeObjectName("users", nameAddition({"org_id", "team_id"}), "fkey"),
      "users_org_id_team_id_fkey");
  // Truncation shortens the longer part first, to 63 bytes in all.
  std::string Long(60, 'a');
  std::string Name = makeObjectName(Long, "email", "key");
  EXPECT_EQ(Name.size(), 63u);
  EXPECT_EQ(Name, std::string(53, 'a') + "_email_key");
  // Checked against PostgreSQL 15: CHECK (x > 0) and CHECK (x > y) on a
  // table with a 60-character name.
  EXPECT_EQ(makeObjectName(Long, "x", "check"),
            std::string(55, 'a') + "_x_check");
  EXPECT_EQ(makeObjectName(Long, "", "check"), std::string(57, 'a') + "_check");
  std::string Taken = "users_email_key";
  EXPECT_EQ(chooseName("users", "email", "key",
                       [&](llvm::StringRef N) {
                         return N == Taken || N == "users_email_key1";
                       }),
            "users_email_key2");
}

TEST(SchemaTest, Lookups) {
  Catalog C;
  Schema &S = C.getOrAddSchema("public");
  EXPECT_EQ(&C.getOrAddSchema("public"), &S);
  S.Tables.emplace_back();
  Table &T = S.Tables.back();
  T.Name = "users";
  T.Columns.push_back(Column());
  T.Columns.back().Name = "id";
  Constraint PK;
  PK.Kind = ConstraintKind::PrimaryKey;
  PK.Name = "users_pkey";
  PK.Columns = {"id"};
  T.Constraints.push_back(PK);
  Index I;
  I.Name = "users_idx";
  T.Indexes.push_back(I);

  EXPECT_EQ(C.findSchema("public"), &S);
  EXPECT_EQ(C.findSchema("other"), nullptr);
  EXPECT_EQ(C.findTable(QualifiedName("public", "users")), &T);
  EXPECT_EQ(C.findTable(QualifiedName("", "users")), &T);
  EXPECT_EQ(C.findTable("public", "nope"), nullptr);
  ASSERT_NE(C.findColumn(QualifiedName("public", "users"), "id"), nullptr);
  EXPECT_EQ(C.findColumn(QualifiedName("public", "users"), "x"), nullptr);
  EXPECT_EQ(T.getPrimaryKey()->Name, "users_pkey");
  EXPECT_NE(T.findConstraint("users_pkey"), nullptr);
  EXPECT_EQ(S.findIndex("users_idx"), &T.Indexes[0]);
}

TEST(SchemaTest, SequenceDefaults) {
  Sequence S;
  EXPECT_EQ(S.effectiveMinValue(), 1);
  EXPECT_EQ(S.effectiveMaxValue(), INT64_MAX);
  EXPECT_EQ(S.effectiveStart(), 1);
  S.Type = "integer";
  S.Increment = -1;
  EXPECT_EQ(S.effectiveMinValue(), INT32_MIN);
  EXPECT_EQ(S.effectiveMaxValue(), -1);
  EXPECT_EQ(S.effectiveStart(), -1);
  S.MaxValue = 100;
  EXPECT_EQ(S.effectiveStart(), 100);
}

TEST(TypeRefTest, FindsAndRenames) {
  EXPECT_TRUE(typeRefersTo("mood", "public", "mood"));
  EXPECT_TRUE(typeRefersTo("public.mood[]", "public", "mood"));
  EXPECT_TRUE(typeRefersTo("app.\"Mood\"", "app", "Mood"));
  EXPECT_FALSE(typeRefersTo("app.mood", "public", "mood"));
  EXPECT_FALSE(typeRefersTo("moods", "public", "mood"));
  EXPECT_FALSE(typeRefersTo("character varying(5)", "public", "character"));
  EXPECT_EQ(renameTypeRef("public.mood[]", "mood", "feeling"),
            "public.feeling[]");
  EXPECT_EQ(renameTypeRef("mood", "mood", "Feeling"), "\"Feeling\"");
  EXPECT_EQ(renameTypeRef("text", "mood", "feeling"), "text");
  EXPECT_EQ(renameTypeRefSchema("app.mood[]", "app", "Shop"),
            "\"Shop\".mood[]");
  EXPECT_EQ(renameTypeRefSchema("mood", "public", "shop"), "mood");
}

} // namespace
