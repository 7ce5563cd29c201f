//===- IRTextTest.cpp - Generic IR text -----------------------------------===//

#include "bk/IR/IRText.h"

#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace bk;
using namespace bk::irtext;
using namespace llvm;

namespace {

struct Parsed {
  // Locations point into the Context's interned names: keep it alive.
  std::unique_ptr<Context> Ctx = std::make_unique<Context>();
  Optional<std::vector<Item>> Items;
  std::vector<Diagnostic> Diags;
};

Parsed parseText(StringRef Text) {
  Parsed P;
  unsigned ID =
      P.Ctx->addBuffer(MemoryBuffer::getMemBufferCopy(Text, "t.bkir"));
  P.Items = parse(*P.Ctx, ID);
  P.Diags = P.Ctx->getDiags().take();
  return P;
}

std::string printed(const std::vector<Item> &Items) {
  std::string S;
  raw_string_ostream OS(S);
  print(OS, Items);
  return OS.str();
}

TEST(IRTextTest, ParsesItemsArgsAttrsAndBodies) {
  Parsed P = parseText("// a comment\n"
                       "schema public {\n"
                       "  table users [comment = \"people\\n\", unlogged] {\n"
                       "    column id bigint [not_null, n = -3, f = 1.5e3];\n"
                       "    primary_key users_pkey (id, \"Weird Name\");\n"
                       "  }\n"
                       "}\n");
  ASSERT_TRUE(P.Items.hasValue());
  ASSERT_EQ(P.Items->size(), 1u);
  const Item &S = P.Items->front();
  EXPECT_EQ(S.Kind, "schema");
  ASSERT_EQ(S.Args.size(), 1u);
  EXPECT_EQ(S.Args[0].Text, "public");
  EXPECT_EQ(S.Location.Line, 2u);
  const Item &T = S.Children[0];
  EXPECT_EQ(T.findAttr("comment")->V->Text, "people\n");
  EXPECT_TRUE(T.hasFlag("unlogged"));
  EXPECT_FALSE(T.findAttr("unlogged")->V.hasValue());
  const Item &C = T.Children[0];
  EXPECT_EQ(C.Location, Loc("t.bkir", 4, 5));
  EXPECT_EQ(*C.findAttr("n")->V->getInteger(), -3);
  EXPECT_EQ(C.findAttr("f")->V->K, Value::Float);
  const Value &Cols = T.Children[1].Args[1];
  ASSERT_TRUE(Cols.isList());
  EXPECT_EQ(Cols.Items[1].K, Value::String);
  EXPECT_EQ(Cols.Items[1].Text, "Weird Name");
}

TEST(IRTextTest, PrintIsCanonicalAndRoundTrips) {
  const char *Text = "api \"Pet Store\" [version = \"1.0\"] {\n"
                     "  operation listPets [method = get, tags = (a, \"b c\"), "
                     "deprecated] loc(\"pets.yaml\":12:5);\n"
                     "  schema Empty {\n"
                     "  }\n"
                     "}\n";
  Parsed P = parseText(Text);
  ASSERT_TRUE(P.Items.hasValue());
  EXPECT_EQ(P.Items->front().Children[0].Origin.Line, 12u);
  std::string Once = printed(*P.Items);
  EXPECT_EQ(Once, Text);
  Parsed Again = parseText(Once);
  EXPECT_EQ(printed(*Again.Items), Once);
}

TEST(IRTextTest, NamesThatAreNotIdentifiersAreQuoted) {
  Item I("column");
  I.arg(Value::name("id"))
      .arg(Value::name("Mixed Case"))
      .arg(Value::name("loc"))
      .arg(Value::name("9lives"));
  I.attr("escapes", Value::string("a\"b\\c\x01"));
  std::string S;
  raw_string_ostream OS(S);
  print(OS, I);
  EXPECT_EQ(OS.str(), "column id \"Mixed Case\" \"loc\" \"9lives\" "
                      "[escapes = \"a\\\"b\\\\c\\x01\"];\n");
}

TEST(IRTextTest, SyntaxErrorsAreLocated) {
  struct Case {
    const char *Text;
    unsigned Line, Col;
    const char *Msg;
  } Cases[] = {
      {"schema public {\n", 2, 1, "expected '}' to close item 'schema'"},
      {"table t [a = ];\n", 1, 14, "expected a value, found ']'"},
      {"table t \"unterminated\n", 1, 9, "unterminated string"},
      {"table t [a, a];\n", 1, 13, "attribute 'a' given twice"},
      {"table t\n", 2, 1,
       "expected ';' or '{' after item 'table', found end of file"},
      {"table t @;\n", 1, 9, "unexpected character '@'"},
      {"table t [x = \"\\q\"];\n", 1, 15, "unknown escape '\\q'"},
      {"= x;\n", 1, 1, "expected an item kind, found '='"},
      {"t loc(\"f\":1);\n", 1, 12, "expected ':' in loc(...), found ')'"},
  };
  for (const Case &C : Cases) {
    Parsed P = parseText(C.Text);
    EXPECT_FALSE(P.Items.hasValue()) << C.Text;
    ASSERT_FALSE(P.Diags.empty()) << C.Text;
    EXPECT_EQ(P.Diags[0].Message, C.Msg) << C.Text;
    EXPECT_EQ(P.Diags[0].Location.Line, C.Line) << C.Text;
    EXPECT_EQ(P.Diags[0].Location.Col, C.Col) << C.Text;
  }
}

TEST(IRTextTest, DeepNestingIsAnErrorNotACrash) {
  std::string Deep;
  for (int I = 0; I < 100000; ++I)
    Deep += "a {";
  Parsed P = parseText(Deep);
  EXPECT_FALSE(P.Items.hasValue());
  std::string DeepList = "a " + std::string(100000, '(') + ";";
  EXPECT_FALSE(parseText(DeepList).Items.hasValue());
}

TEST(IRTextTest, ItemReaderChecksAttributes) {
  Context Ctx;
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(
      "index i [unique, method = hash, n = 3, keys = (a, b), typo = 1];\n",
      "r.bkir"));
  auto Items = parse(Ctx, ID);
  ASSERT_TRUE(Items.hasValue());
  ItemReader R(Ctx.getDiags(), Items->front());
  EXPECT_TRUE(R.expectArgs(1, 1));
  EXPECT_EQ(R.argText(0), "i");
  EXPECT_TRUE(R.flag("unique"));
  EXPECT_FALSE(R.flag("concurrently"));
  EXPECT_EQ(R.oneOf("method", {"btree", "hash"}, "btree"), "hash");
  EXPECT_EQ(*R.integer("n"), 3);
  EXPECT_EQ(R.textList("keys"), (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(R.finish());
  std::vector<Diagnostic> D = Ctx.getDiags().take();
  ASSERT_EQ(D.size(), 1u);
  EXPECT_EQ(D[0].Message, "unknown attribute 'typo' on 'index'");
  EXPECT_EQ(D[0].Location, Loc("r.bkir", 1, 55));
}

TEST(IRTextTest, ItemReaderRejectsBadValues) {
  Context Ctx;
  unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(
      "x [m = bogus, n = many, f = 1];\n", "r.bkir"));
  auto Items = parse(Ctx, ID);
  ASSERT_TRUE(Items.hasValue());
  ItemReader R(Ctx.getDiags(), Items->front());
  R.oneOf("m", {"a", "b"}, "a");
  R.integer("n");
  R.flag("f");
  EXPECT_FALSE(R.finish());
  std::vector<Diagnostic> D = Ctx.getDiags().take();
  ASSERT_EQ(D.size(), 3u);
  EXPECT_EQ(
      D[0].Message,
      "invalid value 'bogus' for attribute 'm'; expected one of 'a', 'b'");
  EXPECT_EQ(D[1].Message, "attribute 'n' expects an integer");
  EXPECT_EQ(D[2].Message, "attribute 'f' is a flag and takes no value");
}

} // namespace
