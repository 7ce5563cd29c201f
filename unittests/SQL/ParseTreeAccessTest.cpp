//===- unittests/SQL/ParseTreeAccessTest.cpp - Tree accessors -------------===//
//
// lib/SQL/ParseTreeAccess.h tells token nodes from rule contexts by the
// virtual table pointer of their ParseTree part. Release builds do not run
// its assert against the typeid test, so this does, on every class a
// parser's tree holds: the runtime's two token node classes, a rule's
// context class, a labelled alternative's class and a bare
// ParserRuleContext, on the heap as the parser makes them.
//
//===----------------------------------------------------------------------===//

#include "ParseTreeAccess.h"
#include "PostgreSQLParser.h"

#include "gtest/gtest.h"

#include <memory>

using namespace bk_sql_antlr;
using antlr4::tree::ParseTree;

namespace {

TEST(ParseTreeAccessTest, TokenNodesByVirtualTable) {
  antlr4::CommonToken Tok(PostgreSQLParser::IDENT, "x");
  auto Terminal = std::make_unique<antlr4::tree::TerminalNodeImpl>(&Tok);
  auto Error = std::make_unique<antlr4::tree::ErrorNodeImpl>(&Tok);
  auto Rule = std::make_unique<PostgreSQLParser::StatementContext>(nullptr, 0);
  auto Bare = std::make_unique<antlr4::ParserRuleContext>();
  auto Alt = std::make_unique<FastRuleContext>(nullptr, 0);

  struct Case {
    ParseTree *Node;
    bool Token;
  } Cases[] = {{Terminal.get(), true},
               {Error.get(), true},
               {Rule.get(), false},
               {Bare.get(), false},
               {Alt.get(), false}};
  for (const Case &C : Cases) {
    EXPECT_EQ(isTokenNode(C.Node), C.Token);
    EXPECT_EQ(isTokenNodeByType(C.Node), C.Token);
  }
  EXPECT_EQ(tokenNode(Terminal.get()), Terminal.get());
  EXPECT_EQ(tokenNode(Error.get()),
            static_cast<antlr4::tree::TerminalNode *>(Error.get()));
  EXPECT_EQ(tokenNode(Rule.get()), nullptr);
  EXPECT_EQ(treeCast<PostgreSQLParser::StatementContext>(Rule.get()),
            Rule.get());
  EXPECT_EQ(treeCast<PostgreSQLParser::StatementContext>(Terminal.get()),
            nullptr);
}

} // namespace
