//===- ParserTest.cpp - The tolerant JavaScript/TypeScript reader ---------===//

#include "bk/JS/AST.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::js;
using namespace llvm;

namespace {

struct Parsed {
  Context Ctx;
  std::vector<std::string> Errors;
  std::unique_ptr<Module> M;

  explicit Parsed(StringRef Src) {
    Ctx.getDiags().setHandler([this](const Diagnostic &D) {
      if (D.Sev == Severity::Error)
        Errors.push_back(D.Message);
    });
    unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Src, "m.ts"));
    M = parseModule(Ctx, ID);
  }
};

/// The calls of method Name among every statement, in order.
std::vector<const Node *> callsOf(const Module &M, StringRef Name) {
  std::vector<const Node *> Out;
  std::function<void(const Node *)> Walk = [&](const Node *N) {
    if (!N)
      return;
    if (N->Kind == Node::Call && N->calledMethod() == Name &&
        std::find(Out.begin(), Out.end(), N) == Out.end())
      Out.push_back(N);
    Walk(N->Callee);
    for (const Node *A : N->Args)
      Walk(A);
    for (const Node *E : N->Elements)
      Walk(E);
    for (const auto &P : N->Props)
      Walk(P.second);
    if (N->Fn)
      for (const Node *S : N->Fn->Body)
        Walk(S);
  };
  for (const Node *S : M.Statements)
    Walk(S);
  return Out;
}

TEST(JSParserTest, ImportsAndExports) {
  Parsed P(R"(
import express, { Router as R, type Request } from 'express';
import * as users from './users.js';
import type { Foo } from './types';
const { z } = require('zod');
const path = require('path');
export const a = 1, b = 2;
export default function main() {}
export { a as alpha };
export * from './more';
module.exports = main;
)");
  ASSERT_TRUE(P.M);
  auto Imp = [&](StringRef Local) { return P.M->findImport(Local); };
  ASSERT_TRUE(Imp("express"));
  EXPECT_EQ(Imp("express")->Imported, "default");
  ASSERT_TRUE(Imp("R"));
  EXPECT_EQ(Imp("R")->Imported, "Router");
  EXPECT_TRUE(Imp("Request"));
  ASSERT_TRUE(Imp("users"));
  EXPECT_EQ(Imp("users")->Imported, "*");
  EXPECT_EQ(Imp("users")->Module, "./users.js");
  EXPECT_TRUE(Imp("Foo"));
  ASSERT_TRUE(Imp("z"));
  EXPECT_EQ(Imp("z")->Module, "zod");
  EXPECT_EQ(Imp("z")->Imported, "z");
  EXPECT_EQ(Imp("path")->Imported, "*");
  std::vector<std::string> Exported;
  for (const auto &E : P.M->Exports)
    Exported.push_back(E.first + "=" + E.second);
  EXPECT_EQ(Exported, (std::vector<std::string>{"a=a", "b=b", "default=main",
                                                "alpha=a"}));
  ASSERT_EQ(P.M->ReExports.size(), 1u);
  EXPECT_EQ(P.M->ReExports[0].second.first, "./more");
}

TEST(JSParserTest, TypeScriptIsSkipped) {
  Parsed P(R"(
interface Options { a: string; b?: number }
type Handler<T> = (req: T) => Promise<void>;
enum Color { Red, Green }
export function make(o: Options = {}, ...rest: Array<Map<string, number>>): Router<{ x: 1 }> {
  const r = Router<Options>();
  r.get('/a', async (req: Request, res: Response): Promise<void> => { res.json(1 as number); });
  return r;
}
const x = <T,>(v: T): T => v;
router.post('/b', h!);
)");
  ASSERT_TRUE(P.M);
  EXPECT_TRUE(P.Errors.empty());
  const Binding *Make = P.M->findBinding("make");
  ASSERT_TRUE(Make && Make->Init && Make->Init->Fn);
  EXPECT_EQ(Make->Init->Fn->Params, (std::vector<std::string>{"o", "rest"}));
  // The routes inside and after the declarations are all read.
  auto Gets = callsOf(*P.M, "get");
  ASSERT_EQ(Gets.size(), 1u);
  EXPECT_EQ(Gets[0]->Args[0]->Text, "/a");
  ASSERT_EQ(Gets[0]->Args.size(), 2u);
  EXPECT_TRUE(Gets[0]->Args[1]->Fn);
  EXPECT_EQ(callsOf(*P.M, "post").size(), 1u);
  EXPECT_EQ(callsOf(*P.M, "json").size(), 1u);
  // Only top-level declarations are exported; `r` is not.
  ASSERT_EQ(P.M->Exports.size(), 1u);
  EXPECT_EQ(P.M->Exports[0].first, "make");
}

TEST(JSParserTest, LiteralsAndObjects) {
  Parsed P(R"(
const s = 'it\'s', d = "a\u0041\n", t = `plain`, u = `with ${1 + 2} expr`;
const re = /[/]x\/y/gi, n = 1_000.5e3;
const o = { a: 1, 'b-c': [1, 2], [k]: 3, m() { return 1; }, async h(x) {}, ...rest, short };
)");
  ASSERT_TRUE(P.M);
  auto Init = [&](StringRef Name) { return P.M->findBinding(Name)->Init; };
  EXPECT_EQ(Init("s")->Text, "it's");
  EXPECT_EQ(Init("d")->Text, "aA\n");
  EXPECT_EQ(Init("t")->Kind, Node::String);
  EXPECT_EQ(Init("u")->Kind, Node::Template);
  EXPECT_EQ(Init("re")->Text, "/[/]x\\/y/gi");
  EXPECT_EQ(Init("n")->Text, "1_000.5e3");
  const Node *O = Init("o");
  ASSERT_EQ(O->Kind, Node::Object);
  std::vector<std::string> Keys;
  for (const auto &Pr : O->Props)
    Keys.push_back(Pr.first);
  EXPECT_EQ(Keys, (std::vector<std::string>{"a", "b-c", "[computed]", "m", "h",
                                            "...", "short"}));
  EXPECT_TRUE(O->prop("m")->Fn);
}

TEST(JSParserTest, LexicalErrorsAreLocated) {
  for (const char *Src : {"const a = 'x;\n", "/* never closed", "let t = `a${",
                          "x = /abc\n", "const a\xff = 1;"}) {
    Parsed P(Src);
    EXPECT_FALSE(P.M) << Src;
    EXPECT_EQ(P.Errors.size(), 1u) << Src;
  }
}

TEST(JSParserTest, NeverStalls) {
  // Fragments that are not JavaScript still end, with what could be read.
  for (const char *Src :
       {"))))", "{{{{", "]]]", "=>=>", "a.b.c.(", "class { x = ", "if (",
        "export { a", "import {", "<T>(", "new", "async", "@@@", "case 1:"}) {
    Parsed P(Src);
    EXPECT_TRUE(P.M) << Src;
  }
}

} // namespace
