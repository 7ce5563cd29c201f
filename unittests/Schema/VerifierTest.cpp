//===- VerifierTest.cpp - Schema IR verifier ------------------------------===//

#include "bk/Schema/Verifier.h"
#include "bk/Schema/SchemaText.h"

#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace bk;
using namespace bk::schema;
using namespace llvm;

namespace {

/// Reads Text (which must read cleanly), verifies it and returns
/// "line:col: severity: message" for each diagnostic and note.
std::vector<std::string> verifyText(StringRef Text, bool *Ok = nullptr) {
  Context Ctx;
  unsigned ID =
      Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Text, "verify.bkir"));
  std::unique_ptr<Catalog> C = parseCatalog(Ctx, ID);
  std::vector<std::string> Out;
  if (!C) {
    Ctx.getDiags().take();
    Out.push_back("read failed");
    return Out;
  }
  bool Result = verifyCatalog(*C, Ctx.getDiags());
  if (Ok)
    *Ok = Result;
  for (const Diagnostic &D : Ctx.getDiags().take()) {
    auto Add = [&](const Diagnostic &X) {
      Out.push_back(std::to_string(X.Location.Line) + ":" +
                    std::to_string(X.Location.Col) + ": " +
                    severityName(X.Sev).str() + ": " + X.Message);
    };
    Add(D);
    for (const Diagnostic &N : D.Notes)
      Add(N);
  }
  return Out;
}

using Lines = std::vector<std::string>;

TEST(VerifierTest, AcceptsValidCatalog) {
  bool Ok = false;
  EXPECT_EQ(verifyText("schema public {\n"
                       "  table t {\n"
                       "    column id integer [not_null];\n"
                       "    primary_key t_pkey (id);\n"
                       "  }\n"
                       "}\n",
                       &Ok),
            Lines{});
  EXPECT_TRUE(Ok);
}

TEST(VerifierTest, DuplicateNames) {
  bool Ok = true;
  EXPECT_EQ(verifyText("schema public {\n"
                       "  table t {\n"
                       "    column a integer;\n"
                       "    column a text;\n"
                       "    unique t_a_key (a);\n"
                       "    check t_a_key [expr = \"(a > 0)\"];\n"
                       "  }\n"
                       "  sequence t;\n"
                       "  enum t (\"x\");\n"
                       "}\n"
                       "schema public {\n"
                       "}\n",
                       &Ok),
            (Lines{
                "4:5: error: redefinition of column 'a' in table 'public.t'",
                "3:5: note: previous definition is here",
                "6:5: error: redefinition of constraint 't_a_key' on table "
                "'public.t'",
                "5:5: note: previous definition is here",
                "8:3: error: sequence 'public.t' conflicts with table "
                "'public.t'",
                "2:3: note: previous definition is here",
                "9:3: error: type 'public.t' conflicts with table 'public.t'",
                "2:3: note: previous definition is here",
                "11:1: error: redefinition of schema 'public'",
                "1:1: note: previous definition is here",
            }));
  EXPECT_FALSE(Ok);
}

TEST(VerifierTest, IndexNamesShareTheRelationNamespace) {
  EXPECT_EQ(verifyText("schema public {\n"
                       "  table t {\n"
                       "    column a integer;\n"
                       "    primary_key t_pkey (a);\n"
                       "    index t_pkey { key a; }\n"
                       "  }\n"
                       "}\n"),
            (Lines{"5:5: error: redefinition of index 'public.t_pkey'",
                   "4:5: note: previous definition is here"}));
}

TEST(VerifierTest, MissingColumns) {
  EXPECT_EQ(
      verifyText("schema public {\n"
                 "  table t {\n"
                 "    column a integer;\n"
                 "    primary_key t_pkey (a, b);\n"
                 "    unique t_a_key (a) [include = (c)];\n"
                 "    index t_idx [include = (e)] {\n"
                 "      key d;\n"
                 "      key \"lower(x)\" [expression];\n"
                 "    }\n"
                 "    trigger tr [timing = before, events = (update), "
                 "update_of = (f), for_each = row, function = g];\n"
                 "  }\n"
                 "}\n"),
      (Lines{
          "4:5: error: column 'b' referenced by constraint 't_pkey' does not "
          "exist in table 'public.t'",
          "5:5: error: column 'c' referenced by constraint 't_a_key' does "
          "not exist in table 'public.t'",
          "6:5: error: column 'e' referenced by index 't_idx' does not "
          "exist in table 'public.t'",
          "7:7: error: column 'd' referenced by index 't_idx' does not "
          "exist in table 'public.t'",
          "10:5: error: column 'f' referenced by trigger 'tr' does not "
          "exist in table 'public.t'",
      }));
}

TEST(VerifierTest, InheritedColumnsExist) {
  EXPECT_EQ(verifyText("schema public {\n"
                       "  table parent [partition_by = list] {\n"
                       "    column a integer;\n"
                       "    partition_key a;\n"
                       "  }\n"
                       "  table child [partition_of = parent, bound = "
                       "\"FOR VALUES IN (1)\"] {\n"
                       "    index child_a_idx { key a; }\n"
                       "  }\n"
                       "  table elsewhere [inherits = (other.base)] {\n"
                       "    index elsewhere_idx { key anything; }\n"
                       "  }\n"
                       "}\n"),
            Lines{});
}

TEST(VerifierTest, PrimaryKeys) {
  EXPECT_EQ(verifyText("schema public {\n"
                       "  table t {\n"
                       "    column a integer;\n"
                       "    primary_key t_pkey (a);\n"
                       "    primary_key t_pkey2 (a);\n"
                       "  }\n"
                       "}\n"),
            (Lines{"5:5: error: multiple primary keys for table 'public.t' "
                   "are not allowed",
                   "4:5: note: previous primary key is here"}));
}

TEST(VerifierTest, ForeignKeys) {
  EXPECT_EQ(
      verifyText(
          "schema public {\n"
          "  table p {\n"
          "    column id integer;\n"
          "    column code text;\n"
          "    primary_key p_pkey (id);\n"
          "  }\n"
          "  table c {\n"
          "    column p_id integer;\n"
          "    column x integer;\n"
          "    foreign_key c_missing_fkey (p_id) [references = public.nope];\n"
          "    foreign_key c_count_fkey (p_id, x) [references = p, "
          "ref_columns = (id)];\n"
          "    foreign_key c_col_fkey (p_id) [references = p, ref_columns = "
          "(nope)];\n"
          "    foreign_key c_nokey_fkey (x) [references = p, ref_columns = "
          "(code)];\n"
          "    foreign_key c_pk_fkey (p_id, x) [references = p];\n"
          "    foreign_key c_ok_fkey (p_id) [references = p];\n"
          "    foreign_key c_elsewhere_fkey (p_id) [references = other.t];\n"
          "  }\n"
          "}\n"),
      (Lines{
          "10:5: error: table 'public.nope' referenced by foreign key "
          "'c_missing_fkey' does not exist",
          "11:5: error: number of referencing and referenced columns for "
          "foreign key 'c_count_fkey' disagree",
          "12:5: error: column 'nope' referenced by foreign key 'c_col_fkey' "
          "does not exist in table 'public.p'",
          "13:5: error: there is no unique constraint matching given keys "
          "for referenced table 'public.p'",
          "14:5: error: number of referencing and referenced columns for "
          "foreign key 'c_pk_fkey' disagree",
      }));
}

TEST(VerifierTest, Columns) {
  EXPECT_EQ(
      verifyText("schema public {\n"
                 "  table t {\n"
                 "    column a text [identity = always];\n"
                 "    column b integer [identity = by_default, default = "
                 "\"1\"];\n"
                 "    column c integer [generated = \"(b * 2)\", default = "
                 "\"0\"];\n"
                 "    column d bigint [identity = always, generated = \"1\"];\n"
                 "  }\n"
                 "}\n"),
      (Lines{
          "3:5: error: identity column 'a' of table 'public.t' must have "
          "type smallint, integer or bigint, not 'text'",
          "4:5: error: both default and identity specified for column 'b' "
          "of table 'public.t'",
          "5:5: error: both default and generation expression specified for "
          "column 'c' of table 'public.t'",
          "6:5: error: both identity and generation expression specified "
          "for column 'd' of table 'public.t'",
      }));
}

TEST(VerifierTest, TypesAndSequences) {
  bool Ok = false;
  EXPECT_EQ(
      verifyText("schema public {\n"
                 "  enum empty ();\n"
                 "  enum mood (\"sad\", \"ok\", \"sad\");\n"
                 "  composite nothing {\n"
                 "  }\n"
                 "  sequence s1 [min = 10, max = 5];\n"
                 "  sequence s2 [start = 0];\n"
                 "  sequence s3 [type = integer, max = 3000000000];\n"
                 "  sequence s4 [type = text, increment = 0];\n"
                 "  sequence s5 [increment = 0, cache = 0];\n"
                 "  sequence s6 [owned_by = public.nope.id];\n"
                 "}\n",
                 &Ok),
      (Lines{
          "2:3: warning: enum 'public.empty' has no values",
          "3:3: error: duplicate value 'sad' in enum 'public.mood'",
          "4:3: warning: composite type 'public.nothing' has no attributes",
          "6:3: error: MINVALUE (10) must be less than MAXVALUE (5)",
          "7:3: error: START value (0) cannot be less than MINVALUE (1)",
          "8:3: error: MAXVALUE (3000000000) is out of range for sequence "
          "data type integer",
          "9:3: error: sequence type must be smallint, integer, or bigint",
          "10:3: error: INCREMENT must not be zero",
          "11:3: error: table 'public.nope' owning sequence 'public.s6' does "
          "not exist",
      }));
  EXPECT_FALSE(Ok);
}

TEST(VerifierTest, TriggersAndPolicies) {
  EXPECT_EQ(
      verifyText(
          "schema public {\n"
          "  table t {\n"
          "    column a integer;\n"
          "    trigger t1 [timing = instead_of, events = (insert), function "
          "= public.f];\n"
          "    trigger t2 [timing = after, events = (truncate), for_each = "
          "row, function = public.g];\n"
          "    policy p1 [command = insert, using = \"true\"];\n"
          "    policy p2 [command = select, with_check = \"true\"];\n"
          "  }\n"
          "  function g \"()\" [returns = integer, language = sql, body = "
          "\"SELECT 1\"];\n"
          "}\n"),
      (Lines{
          "4:5: error: function 'public.f' called by trigger 't1' does not "
          "exist",
          "4:5: error: 'public.t' is a table; tables cannot have INSTEAD OF "
          "triggers",
          "4:5: error: INSTEAD OF triggers must be FOR EACH ROW",
          "5:5: error: function 'public.g' called by trigger 't2' must "
          "return type trigger",
          "5:5: error: TRUNCATE FOR EACH ROW triggers are not supported",
          "6:5: error: only WITH CHECK expression allowed for INSERT",
          "7:5: error: WITH CHECK cannot be applied to SELECT or DELETE",
      }));
}

TEST(VerifierTest, ExtensionsMayProvideTriggerFunctions) {
  EXPECT_EQ(verifyText("extension moddatetime [schema = public];\n"
                       "schema public {\n"
                       "  table t {\n"
                       "    column at date;\n"
                       "    trigger t_at [timing = before, events = (update), "
                       "for_each = row, function = public.moddatetime, args = "
                       "(\"at\")];\n"
                       "  }\n"
                       "}\n"),
            Lines{});
}

TEST(VerifierTest, Partitions) {
  EXPECT_EQ(
      verifyText("schema public {\n"
                 "  table plain {\n"
                 "    column a integer;\n"
                 "  }\n"
                 "  table p [partition_by = list] {\n"
                 "    column a integer;\n"
                 "    column b integer;\n"
                 "    partition_key a;\n"
                 "    partition_key b;\n"
                 "  }\n"
                 "  table c1 [partition_of = plain] {\n"
                 "  }\n"
                 "  table c2 [bound = DEFAULT] {\n"
                 "  }\n"
                 "  table c3 [partition_by = hash] {\n"
                 "  }\n"
                 "}\n"),
      (Lines{
          "9:5: error: cannot use \"list\" partition strategy with more "
          "than one column",
          "11:3: error: partition 'public.c1' has no partition bound",
          "11:3: error: table 'public.plain' is not partitioned",
          "13:3: error: table 'public.c2' has a partition bound but is not a "
          "partition",
          "15:3: error: partitioned table 'public.c3' has no partition key",
      }));
}

TEST(VerifierTest, FunctionsAndOverloads) {
  EXPECT_EQ(
      verifyText("schema public {\n"
                 "  function f \"(a integer)\" [returns = integer, language = "
                 "sql, body = \"SELECT a\"];\n"
                 "  function f \"(a text)\" [returns = text, language = sql, "
                 "body = \"SELECT a\"];\n"
                 "  function f \"(a integer)\" [returns = integer, language = "
                 "sql, rows = 5, body = \"SELECT a\"];\n"
                 "  procedure p \"()\" [body = \"x\"];\n"
                 "}\n"),
      (Lines{
          "4:3: error: redefinition of function 'public.f(a integer)'",
          "2:3: note: previous definition is here",
          "4:3: error: ROWS is not applicable when function "
          "'public.f(a integer)' does not return a set",
          "5:3: error: function 'public.p()' has no language",
      }));
}

} // namespace
