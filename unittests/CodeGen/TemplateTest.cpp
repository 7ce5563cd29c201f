//===- TemplateTest.cpp - Mustache template tests -------------------------===//

#include "bk/CodeGen/Template.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "TakeDiagnostic.h"

#include "gtest/gtest.h"

#include <cstdlib>

using namespace llvm;
using namespace bk;
using namespace bk::codegen;

namespace {

/// A temporary "builtin" and "user" template directory pair.
class TemplateTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("bk-template-test", Root));
    Builtin = path("builtin");
    User = path("user");
    ASSERT_FALSE(sys::fs::create_directories(Builtin));
    ASSERT_FALSE(sys::fs::create_directories(User));
  }

  void TearDown() override { sys::fs::remove_directories(Root); }

  std::string path(StringRef Rel) const {
    SmallString<256> P(Root);
    sys::path::append(P, Rel);
    return std::string(P);
  }

  /// Writes Dir/Name.mustache.
  void write(StringRef Dir, StringRef Name, StringRef Text) {
    SmallString<256> P(Dir);
    sys::path::append(P, Name + ".mustache");
    ASSERT_FALSE(sys::fs::create_directories(sys::path::parent_path(P)));
    std::error_code EC;
    raw_fd_ostream OS(P, EC);
    ASSERT_FALSE(EC) << EC.message();
    OS << Text;
  }

  /// A set searching User, then Builtin.
  void addDirs(TemplateSet &Set) {
    ASSERT_FALSE(errorToBool(Set.addSearchDir(User)));
    ASSERT_FALSE(errorToBool(Set.addSearchDir(Builtin)));
  }

  std::string render(TemplateSet &Set, StringRef Name,
                     const TemplateData &Data) {
    Expected<std::string> Out = Set.renderToString(Name, Data);
    if (!Out) {
      ADD_FAILURE() << toString(Out.takeError());
      return "";
    }
    return *Out;
  }

  SmallString<128> Root;
  std::string Builtin, User;
};

TEST_F(TemplateTest, VariablesSectionsAndLists) {
  write(Builtin, "route",
        "{{method}} {{path}}\n"
        "{{#params}}\n"
        "- {{name}}: {{type}}{{#required}} (required){{/required}}\n"
        "{{/params}}\n"
        "{{^params}}\n"
        "no parameters\n"
        "{{/params}}\n");
  TemplateSet Set;
  addDirs(Set);

  TemplateData Op;
  Op.set("method", "GET").set("path", "/users/{id}");
  TemplateData Params = TemplateData::list();
  Params.push_back(TemplateData()
                       .set("name", "id")
                       .set("type", "string")
                       .set("required", true));
  Params.push_back(TemplateData().set("name", "limit").set("type", "number"));
  Op.set("params", std::move(Params));
  EXPECT_EQ(render(Set, "route", Op), "GET /users/{id}\n"
                                      "- id: string (required)\n"
                                      "- limit: number\n");

  TemplateData NoParams;
  NoParams.set("method", "POST")
      .set("path", "/users")
      .set("params", TemplateData::list());
  EXPECT_EQ(render(Set, "route", NoParams), "POST /users\nno parameters\n");
}

TEST_F(TemplateTest, Truthiness) {
  write(Builtin, "t", "{{#v}}yes{{/v}}{{^v}}no{{/v}}\n");
  TemplateSet Set;
  addDirs(Set);
  auto Run = [&](TemplateData V) {
    TemplateData D;
    D.set("v", std::move(V));
    return render(Set, "t", D);
  };
  EXPECT_EQ(Run(true), "yes\n");
  EXPECT_EQ(Run(false), "no\n");
  EXPECT_EQ(Run("x"), "yes\n");
  EXPECT_EQ(Run(""), "no\n");
  EXPECT_EQ(Run(TemplateData::list()), "no\n");
  EXPECT_EQ(Run(TemplateData::object()), "yes\n");
  EXPECT_EQ(render(Set, "t", TemplateData()), "no\n");
}

TEST_F(TemplateTest, DottedNamesScopesAndStringLists) {
  write(Builtin, "t",
        "{{type.name}}|{{#tags}}[{{.}}]{{/tags}}|"
        "{{#type}}{{name}}:{{api}}{{/type}}|{{count}}");
  TemplateSet Set;
  addDirs(Set);
  TemplateData D;
  D.set("api", "users")
      .set("type", TemplateData().set("name", "User"))
      .set("tags", TemplateData::list({"a", "b"}))
      .set("count", 42);
  // Sections see outer names; integers render in decimal.
  EXPECT_EQ(render(Set, "t", D), "User|[a][b]|User:users|42");
}

TEST_F(TemplateTest, NoHTMLEscaping) {
  write(Builtin, "t", "{{s}} {{{s}}} {{&s}}");
  TemplateSet Set;
  addDirs(Set);
  TemplateData D;
  D.set("s", "<a href=\"x\">&'</a>");
  EXPECT_EQ(render(Set, "t", D),
            "<a href=\"x\">&'</a> <a href=\"x\">&'</a> <a href=\"x\">&'</a>");
}

TEST_F(TemplateTest, Partials) {
  write(Builtin, "common/param", "{{name}}: {{type}}");
  write(Builtin, "express/route",
        "function {{op}}({{#params}}{{> common/param}}, {{/params}})");
  TemplateSet Set;
  addDirs(Set);
  TemplateData D;
  D.set("op", "getUser");
  D.set("params", TemplateData::list())
      .get("params")
      ->push_back(TemplateData().set("name", "id").set("type", "string"));
  EXPECT_EQ(render(Set, "express/route", D), "function getUser(id: string, )");
  Expected<const Template &> T = Set.get("express/route");
  ASSERT_TRUE(bool(T)) << toString(T.takeError());
  ASSERT_EQ(T->getPartials().size(), 1u);
  EXPECT_EQ(T->getPartials()[0], "common/param");
}

TEST_F(TemplateTest, StandaloneLinesAndBlankLines) {
  // Standalone section, comment and delimiter lines vanish; blank lines
  // around and inside sections stay (kainjow alone drops some of them).
  write(Builtin, "t",
        "{{! a comment line }}\n"
        "start\n"
        "  {{#items}}\n"
        "\n"
        "  item {{.}}\n"
        "  {{/items}}\n"
        "\n"
        "{{^items}}\n"
        "none\n"
        "{{/items}}\n"
        "{{#flag}}inline{{/flag}} end\n");
  TemplateSet Set;
  addDirs(Set);
  TemplateData D;
  D.set("items", TemplateData::list({"a", "b"})).set("flag", true);
  EXPECT_EQ(render(Set, "t", D), "start\n"
                                 "\n"
                                 "  item a\n"
                                 "\n"
                                 "  item b\n"
                                 "\n"
                                 "inline end\n");
  D.set("items", TemplateData::list()).set("flag", false);
  EXPECT_EQ(render(Set, "t", D), "start\n"
                                 "\n"
                                 "none\n"
                                 " end\n");
}

TEST_F(TemplateTest, StandalonePartialIsIndented) {
  write(Builtin, "body", "{{#fields}}\n{{name}}: {{type}};\n{{/fields}}\n");
  write(Builtin, "iface",
        "export interface {{name}} {\n"
        "  {{> body}}\n"
        "}\n"
        "inline: {{> body}}|\n");
  TemplateSet Set;
  addDirs(Set);
  TemplateData D;
  D.set("name", "User").set("fields", TemplateData::list());
  D.get("fields")->push_back(
      TemplateData().set("name", "id").set("type", "string"));
  D.get("fields")->push_back(
      TemplateData().set("name", "age").set("type", "number"));
  EXPECT_EQ(render(Set, "iface", D), "export interface User {\n"
                                     "  id: string;\n"
                                     "  age: number;\n"
                                     "}\n"
                                     "inline: id: string;\n"
                                     "age: number;\n"
                                     "|\n");
}

TEST_F(TemplateTest, RecursivePartial) {
  write(Builtin, "node", "{{name}}{{#children}}({{> node}}){{/children}}");
  TemplateSet Set;
  addDirs(Set);
  auto Node = [](StringRef Name) {
    TemplateData N;
    // Leaves need their own empty list: a missing key would be found in
    // the parent's scope.
    N.set("name", Name).set("children", TemplateData::list());
    return N;
  };
  TemplateData Mid = Node("b");
  Mid.get("children")->push_back(Node("c"));
  TemplateData Top = Node("a");
  Top.get("children")->push_back(std::move(Mid));
  Top.get("children")->push_back(Node("d"));
  EXPECT_EQ(render(Set, "node", Top), "a(b(c))(d)");
  EXPECT_EQ(Set.getNumParsed(), 1u);

  // Without them the recursion never ends: an error, not a crash.
  TemplateData Leafless;
  Leafless.set("name", "x").set("children", TemplateData::list());
  Leafless.get("children")->push_back(TemplateData().set("name", "y"));
  Diagnostic D = takeDiagnostic(Set.renderToString("node", Leafless));
  EXPECT_NE(D.Message.find("partials nest too deeply"), std::string::npos)
      << D.Message;
  EXPECT_EQ(D.Location.File, path("builtin/node.mustache"));

  // The template still renders afterwards.
  EXPECT_EQ(render(Set, "node", Top), "a(b(c))(d)");
}

TEST_F(TemplateTest, UserDirectoryOverridesOneFile) {
  write(Builtin, "express/app", "builtin app {{> express/part}}");
  write(Builtin, "express/routes", "builtin routes");
  write(Builtin, "express/part", "builtin part");
  write(User, "express/app", "user app {{> express/part}}");
  write(User, "express/part", "user part");
  TemplateSet Set;
  addDirs(Set);

  EXPECT_EQ(render(Set, "express/app", TemplateData()), "user app user part");
  EXPECT_EQ(render(Set, "express/routes", TemplateData()), "builtin routes");

  Expected<const Template &> App = Set.get("express/app");
  ASSERT_TRUE(bool(App)) << toString(App.takeError());
  EXPECT_EQ(App->getSearchDirIndex(), 0u);
  EXPECT_EQ(App->getSearchDir(), User);
  EXPECT_EQ(App->getPath(), path("user/express/app.mustache"));
  Expected<const Template &> Routes = Set.get("express/routes.mustache");
  ASSERT_TRUE(bool(Routes)) << toString(Routes.takeError());
  EXPECT_EQ(Routes->getSearchDirIndex(), 1u);
  EXPECT_EQ(Routes->getSearchDir(), Builtin);

  EXPECT_EQ(Set.findFile("express/routes"),
            Optional<std::string>(path("builtin/express/routes.mustache")));
  EXPECT_EQ(Set.findFile("express/nothing"), None);

  Expected<std::vector<std::string>> Names = Set.listTemplates("express");
  ASSERT_TRUE(bool(Names)) << toString(Names.takeError());
  EXPECT_EQ(*Names, (std::vector<std::string>{"express/app", "express/part",
                                              "express/routes"}));
}

TEST_F(TemplateTest, ParsedOnce) {
  write(Builtin, "main", "{{#items}}{{> item}}{{/items}}");
  write(Builtin, "item", "<{{.}}>");
  TemplateSet Set;
  addDirs(Set);
  Expected<const Template &> A = Set.get("main");
  ASSERT_TRUE(bool(A)) << toString(A.takeError());
  // The partial is loaded (and checked) with the template.
  EXPECT_EQ(Set.getNumParsed(), 2u);
  Expected<const Template &> B = Set.get("./main.mustache");
  ASSERT_TRUE(bool(B)) << toString(B.takeError());
  EXPECT_EQ(&*A, &*B);

  TemplateData D;
  D.set("items", TemplateData::list({"x", "y"}));
  for (int I = 0; I != 3; ++I)
    EXPECT_EQ(render(Set, "main", D), "<x><y>");
  EXPECT_EQ(Set.getNumParsed(), 2u);
}

TEST_F(TemplateTest, UnclosedSectionIsLocated) {
  write(Builtin, "bad", "line one\n  {{#items}}\n  {{name}}\n");
  TemplateSet Set;
  addDirs(Set);
  Diagnostic D = takeDiagnostic(Set.get("bad"));
  EXPECT_EQ(D.Location.File, path("builtin/bad.mustache"));
  EXPECT_EQ(D.Location.Line, 2u);
  EXPECT_EQ(D.Location.Col, 3u);
  EXPECT_EQ(D.Message, "unclosed section 'items'");
  EXPECT_EQ(Set.getNumParsed(), 1u);

  // The file:line:col form tools print.
  Expected<const Template &> Again = Set.get("bad");
  EXPECT_EQ(toString(Again.takeError()),
            path("builtin/bad.mustache") + ":2:3: unclosed section 'items'");
}

TEST_F(TemplateTest, OtherSyntaxErrors) {
  write(Builtin, "unclosed-tag", "a\nb {{name\n");
  write(Builtin, "unopened", "x\n\n    {{/items}}\n");
  write(Builtin, "mismatch", "{{#a}}\n x {{/b}}\n");
  write(Builtin, "after-standalone", "{{#a}}\n  {{/a}}\n  x {{y\n");
  TemplateSet Set;
  addDirs(Set);

  Diagnostic D = takeDiagnostic(Set.get("unclosed-tag"));
  EXPECT_EQ(D.Message, "unclosed tag");
  EXPECT_EQ(D.Location.Line, 2u);
  EXPECT_EQ(D.Location.Col, 3u);

  D = takeDiagnostic(Set.get("unopened"));
  EXPECT_EQ(D.Message, "unopened section 'items'");
  EXPECT_EQ(D.Location.Line, 3u);
  EXPECT_EQ(D.Location.Col, 5u);

  D = takeDiagnostic(Set.get("mismatch"));
  EXPECT_EQ(D.Message, "unclosed section 'a'");
  EXPECT_EQ(D.Location.Line, 1u);
  EXPECT_EQ(D.Location.Col, 1u);
  ASSERT_EQ(D.Notes.size(), 1u);
  EXPECT_EQ(D.Notes[0].Message, "'b' closed here instead of 'a'");
  EXPECT_EQ(D.Notes[0].Location.Line, 2u);
  EXPECT_EQ(D.Notes[0].Location.Col, 4u);

  // Positions count in the file as written, not as rewritten for kainjow.
  D = takeDiagnostic(Set.get("after-standalone"));
  EXPECT_EQ(D.Message, "unclosed tag");
  EXPECT_EQ(D.Location.Line, 3u);
  EXPECT_EQ(D.Location.Col, 5u);
}

TEST_F(TemplateTest, MissingTemplate) {
  TemplateSet Set;
  addDirs(Set);
  Diagnostic D = takeDiagnostic(Set.get("express/nope"));
  EXPECT_FALSE(D.Location.isValid());
  EXPECT_EQ(D.Message, "template 'express/nope' not found (searched " + User +
                           ", " + Builtin + ")");

  D = takeDiagnostic(Set.get("../etc/passwd"));
  EXPECT_NE(D.Message.find("invalid template name '../etc/passwd'"),
            std::string::npos)
      << D.Message;

  TemplateSet Empty;
  D = takeDiagnostic(Empty.render("x", TemplateData(), llvm::nulls()));
  EXPECT_EQ(D.Message,
            "template 'x' not found (no template directories are set)");
}

TEST_F(TemplateTest, PartialNotFound) {
  write(Builtin, "main", "hello\n  {{> missing/part}}\n");
  TemplateSet Set;
  addDirs(Set);
  Diagnostic D = takeDiagnostic(Set.get("main"));
  EXPECT_EQ(D.Location.File, path("builtin/main.mustache"));
  EXPECT_EQ(D.Location.Line, 2u);
  EXPECT_EQ(D.Location.Col, 3u);
  EXPECT_EQ(D.Message, "partial 'missing/part' not found (searched " + User +
                           ", " + Builtin + ")");
  // A template whose partial is missing is not cached as good.
  Expected<std::string> Out = Set.renderToString("main", TemplateData());
  EXPECT_FALSE(bool(Out));
  consumeError(Out.takeError());
}

TEST_F(TemplateTest, ErrorInPartialPointsIntoPartial) {
  write(Builtin, "main", "{{> part}}\n");
  write(Builtin, "part", "ok\n{{#x}}\n");
  TemplateSet Set;
  addDirs(Set);
  Diagnostic D = takeDiagnostic(Set.get("main"));
  EXPECT_EQ(D.Location.File, path("builtin/part.mustache"));
  EXPECT_EQ(D.Location.Line, 2u);
  EXPECT_EQ(D.Message, "unclosed section 'x'");
  ASSERT_EQ(D.Notes.size(), 1u);
  EXPECT_EQ(D.Notes[0].Location.File, path("builtin/main.mustache"));
  EXPECT_EQ(D.Notes[0].Location.Line, 1u);
  EXPECT_EQ(D.Notes[0].Message, "in partial 'part' included from 'main'");
}

TEST_F(TemplateTest, DiagnosticsShowTemplateLine) {
  write(Builtin, "bad", "first\n  {{#items}}\n");
  Context Ctx;
  TemplateSet Set(&Ctx);
  addDirs(Set);
  Diagnostic D = takeDiagnostic(Set.get("bad"));
  std::string Out;
  raw_string_ostream OS(Out);
  Ctx.getDiags().printText(OS, D, /*UseColor=*/false);
  OS.flush();
  EXPECT_NE(Out.find("bad.mustache:2:3: error: unclosed section 'items'"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("  {{#items}}\n  ^"), std::string::npos) << Out;
}

TEST_F(TemplateTest, SearchDirMustExist) {
  TemplateSet Set;
  Diagnostic D = takeDiagnostic(Set.addSearchDir(path("nope")));
  EXPECT_EQ(D.Location.File, path("nope"));
  EXPECT_EQ(D.Message, "templates directory does not exist");
  EXPECT_TRUE(Set.getSearchPath().empty());
}

TEST_F(TemplateTest, PrintData) {
  TemplateData D;
  D.set("a", "x").set("b", true).set("c", TemplateData::list({"1"}));
  D.set("a", "y"); // replaced in place
  std::string Out;
  raw_string_ostream OS(Out);
  D.print(OS);
  OS.flush();
  EXPECT_EQ(Out, "{\n  \"a\": \"y\",\n  \"b\": true,\n  \"c\": [\n    \"1\"\n"
                 "  ]\n}");
}

TEST(BuiltinTemplatesTest, GeneratedHeader) {
  // Found next to the executable or, in the build tree, in the sources.
  ::unsetenv("BK_TEMPLATES_DIR");
  std::string Dir = getBuiltinTemplatesDir("BKCodeGenTests");
  ASSERT_FALSE(Dir.empty());
  EXPECT_EQ(sys::path::filename(Dir), "templates");

  TemplateSet Set;
  ASSERT_FALSE(errorToBool(Set.addSearchDir(Dir)));
  TemplateData D;
  D.set("comment", "//")
      .set("tool", "bk-scaffold")
      .set("source", "openapi.yaml");
  Expected<std::string> Out = Set.renderToString("common/generated-header", D);
  ASSERT_TRUE(bool(Out)) << toString(Out.takeError());
  EXPECT_EQ(*Out, "// Code generated by bk-scaffold from openapi.yaml. DO NOT "
                  "EDIT.\n");

  D.set("comment", "--").set("command", "bk-diff a.sql b.sql");
  Out = Set.renderToString("common/generated-header", D);
  ASSERT_TRUE(bool(Out)) << toString(Out.takeError());
  EXPECT_EQ(*Out, "-- Code generated by bk-scaffold from openapi.yaml. DO NOT "
                  "EDIT.\n"
                  "-- Regenerate with: bk-diff a.sql b.sql\n");

  ::setenv("BK_TEMPLATES_DIR", "/some/where", 1);
  EXPECT_EQ(getBuiltinTemplatesDir("BKCodeGenTests"), "/some/where");
  ::unsetenv("BK_TEMPLATES_DIR");
}

} // namespace
