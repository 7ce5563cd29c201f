//===- ReaderTest.cpp - The OpenAPI front end
//------------------------------===//

#include "bk/OpenAPI/Reader.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace bk;

namespace {

struct Result {
  std::unique_ptr<api::API> A;
  std::vector<Diagnostic> Diags;
};

Result read(Context &Ctx, llvm::StringRef Text,
            llvm::StringRef Name = "test.yaml") {
  unsigned ID = Ctx.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, Name));
  Result R;
  R.A = openapi::readOpenAPI(Ctx, ID);
  R.Diags = Ctx.getDiags().take();
  return R;
}

std::string messages(const std::vector<Diagnostic> &Diags) {
  std::string S;
  for (const Diagnostic &D : Diags)
    S += std::to_string(D.Location.Line) + ":" +
         std::to_string(D.Location.Col) + ": " + D.Message + "\n";
  return S;
}

const char *Header = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n";

TEST(ReaderTest, LocalRefsWithEscapes) {
  Context Ctx;
  std::string Spec = std::string(Header) + R"(paths:
  /a/{id}:
    get:
      parameters:
        - $ref: '#/paths/~1b~1{id}/get/parameters/0'
      responses:
        '200': {$ref: '#/paths/~1b~1%7Bid%7D/get/responses/200'}
  /b/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Node'}
components:
  schemas:
    Node:
      type: object
      properties:
        next: {$ref: '#/components/schemas/Node'}
)";
  Result R = read(Ctx, Spec);
  ASSERT_TRUE(R.A) << messages(R.Diags);
  ASSERT_EQ(R.A->Operations.size(), 2u);
  const api::Operation &A = R.A->Operations[0];
  ASSERT_EQ(A.Parameters.size(), 1u);
  EXPECT_EQ(A.Parameters[0].Name, "id");
  // The copy keeps the location of what it copies.
  EXPECT_EQ(A.Parameters[0].Location.Line, 13u);
  ASSERT_EQ(A.Responses.size(), 1u);
  EXPECT_EQ(A.Responses[0].Status, "200");
  EXPECT_EQ(A.Responses[0].Description, "ok");
  // The cycle is a reference by name, resolved to an index.
  const api::SchemaNode &Node = R.A->Schemas[0].Schema;
  ASSERT_EQ(Node.Properties.size(), 1u);
  EXPECT_EQ(Node.Properties[0].Schema->Ref, "Node");
  EXPECT_EQ(Node.Properties[0].Schema->RefIndex, 0u);
}

TEST(ReaderTest, UnresolvableRef) {
  Context Ctx;
  std::string Spec = std::string(Header) + R"(components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    C: {$ref: '#/components/schemas/A~2'}
)";
  Result R = read(Ctx, Spec);
  EXPECT_FALSE(R.A);
  EXPECT_EQ(messages(R.Diags),
            "5:15: cannot resolve $ref '#/components/schemas/B': "
            "'/components/schemas/B' does not exist\n"
            "6:15: cannot resolve $ref '#/components/schemas/A~2': JSON "
            "pointer '/components/schemas/A~2' has '~' not followed by 0 or "
            "1\n");
}

TEST(ReaderTest, ExternalRefs) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("bk-openapi", Dir));
  auto Write = [&](llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<128> P(Dir);
    llvm::sys::path::append(P, Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << Text;
    return std::string(P.str());
  };
  Write("common/pet.yaml", "type: object\nproperties:\n  owner: "
                           "{$ref: 'person.json#/Person'}\n");
  Write("common/person.json",
        "{\"Person\": {\"type\": \"object\", \"properties\": {\"pet\": "
        "{\"$ref\": \"pet.yaml\"}}}}");
  std::string Root =
      Write("api.yaml", std::string(Header) +
                            "components:\n  schemas:\n    Pet: {$ref: "
                            "'common/pet.yaml'}\n    Person: {type: string}\n");
  Context Ctx;
  unsigned ID = llvm::cantFail(Ctx.loadFile(Root));
  std::unique_ptr<api::API> A = openapi::readOpenAPI(Ctx, ID);
  std::vector<Diagnostic> Diags = Ctx.getDiags().take();
  ASSERT_TRUE(A) << messages(Diags);
  // pet.yaml becomes the component "pet" (its file's stem), person.json's
  // Person "Person_2" (Person is taken).
  ASSERT_EQ(A->Schemas.size(), 4u);
  EXPECT_EQ(A->Schemas[0].Schema.Ref, "pet");
  EXPECT_EQ(A->Schemas[2].Name, "pet");
  EXPECT_EQ(A->Schemas[3].Name, "Person_2");
  EXPECT_EQ(A->Schemas[2].Schema.Properties[0].Schema->Ref, "Person_2");
  EXPECT_EQ(A->Schemas[3].Schema.Properties[0].Schema->Ref, "pet");
  EXPECT_TRUE(A->Schemas[3].Schema.Location.File.endswith("person.json"));
  llvm::sys::fs::remove_directories(Dir);
}

TEST(ReaderTest, ExternalRefsDisabled) {
  Context Ctx;
  unsigned ID = Ctx.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(
      std::string(Header) + "components:\n  schemas:\n    A: {$ref: a.yaml}\n",
      "test.yaml"));
  openapi::ReadOptions Opts;
  Opts.AllowExternalRefs = false;
  EXPECT_FALSE(openapi::readOpenAPI(Ctx, ID, Opts));
  EXPECT_EQ(messages(Ctx.getDiags().take()),
            "5:15: cannot resolve $ref 'a.yaml': references to other files "
            "are disabled\n");
}

TEST(ReaderTest, Swagger) {
  Context Ctx;
  Result R = read(Ctx, "swagger: '2.0'\ninfo: {title: t, version: '1'}\n");
  EXPECT_FALSE(R.A);
  EXPECT_EQ(messages(R.Diags),
            "1:1: Swagger 2.0 is not supported; convert it to OpenAPI 3 "
            "first (e.g. with swagger2openapi)\n");
}

TEST(ReaderTest, NullableAndTypeArrays) {
  Context Ctx30, Ctx31;
  Result A = read(Ctx30, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
                         "paths: {}\ncomponents:\n  schemas:\n"
                         "    S: {type: string, nullable: true}\n");
  Result B =
      read(Ctx31, std::string(Header) + "components:\n  schemas:\n"
                                        "    S: {type: [string, 'null']}\n");
  ASSERT_TRUE(A.A && B.A) << messages(A.Diags) << messages(B.Diags);
  EXPECT_TRUE(A.A->Schemas[0].Schema.Types == B.A->Schemas[0].Schema.Types);
  EXPECT_TRUE(A.A->Schemas[0].Schema.isNullable());
}

TEST(ReaderTest, DeepNestingAndAliasBombs) {
  Context Ctx;
  std::string Deep = std::string(Header) +
                     "x-deep: " + std::string(100000, '[') +
                     std::string(100000, ']') + "\npaths: {}\n";
  Result R = read(Ctx, Deep);
  EXPECT_FALSE(R.A);
  ASSERT_EQ(R.Diags.size(), 1u);
  EXPECT_NE(R.Diags[0].Message.find("nesting deeper than"), std::string::npos);

  std::string Bomb =
      std::string(Header) + "paths: {}\nx-a: &a [1,1,1,1,1,1,1,1,1,1]\n";
  char Prev = 'a';
  for (char C = 'b'; C <= 'k'; ++C, ++Prev)
    Bomb += std::string("x-") + C + ": &" + C + " [*" + Prev + ",*" + Prev +
            ",*" + Prev + ",*" + Prev + ",*" + Prev + ",*" + Prev + ",*" +
            Prev + ",*" + Prev + ",*" + Prev + ",*" + Prev + "]\n";
  Context Ctx2;
  R = read(Ctx2, Bomb);
  EXPECT_FALSE(R.A);
  ASSERT_EQ(R.Diags.size(), 1u);
  EXPECT_NE(R.Diags[0].Message.find("through YAML aliases"), std::string::npos);
}

TEST(ReaderTest, LooksLikeOpenAPI) {
  EXPECT_TRUE(openapi::looksLikeOpenAPI("a.yaml", ""));
  EXPECT_TRUE(openapi::looksLikeOpenAPI("a.JSON", ""));
  EXPECT_TRUE(openapi::looksLikeOpenAPI("<stdin>", "openapi: 3.1.0\n"));
  EXPECT_TRUE(openapi::looksLikeOpenAPI("<stdin>", "# c\nswagger: '2.0'\n"));
  EXPECT_TRUE(openapi::looksLikeOpenAPI("<stdin>", "  {\"openapi\": 1}"));
  EXPECT_FALSE(openapi::looksLikeOpenAPI("<stdin>", "api \"x\" {}\n"));
  EXPECT_FALSE(openapi::looksLikeOpenAPI("a.bkir", "openapi: 3\n"));
}

} // namespace
