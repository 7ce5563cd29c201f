//===- WriterTest.cpp - API IR -> OpenAPI YAML/JSON -----------------------===//
//
// The writer's output form (golden YAML and JSON), the strings YAML needs
// quoted or written as blocks, and what findUnwritable reports.
//
//===----------------------------------------------------------------------===//

#include "RoundTrip.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::writertest;
using openapiwriter::Format;
using openapiwriter::WriteOptions;

namespace {

std::unique_ptr<api::API> read(llvm::StringRef Text) {
  std::string Errors;
  std::unique_ptr<api::API> A = readText(Text, "test.yaml", Errors);
  EXPECT_TRUE(A) << Errors;
  return A;
}

std::string write(const api::API &A, const WriteOptions &Opts = {}) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  openapiwriter::writeOpenAPI(A, OS, Opts);
  return OS.str();
}

std::string messages(const std::vector<Diagnostic> &Diags) {
  std::string S;
  for (const Diagnostic &D : Diags)
    S += D.Message + "\n";
  return S;
}

const char *Pets30 = R"(openapi: 3.0.3
info:
  title: Pets
  version: '1.0'
paths:
  /pets/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
    get:
      operationId: getPet
      responses:
        '200':
          description: |
            The pet.
            Two lines.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
    delete:
      operationId: deletePet
      responses:
        '204': {description: 'gone: for good'}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: integer, minimum: 1, maximum: 100, exclusiveMaximum: true}
        tag: {type: string, nullable: true, enum: [a, 'yes', null], default: 'yes'}
      additionalProperties: false
      x-meta: {owner: team, weights: [1, 2.50, true], none: {}}
)";

TEST(WriterTest, YAML) {
  std::unique_ptr<api::API> A = read(Pets30);
  ASSERT_TRUE(A);
  // The 3.1 forms: the nullable type array, the numeric exclusive bound; the
  // path item's parameter on each operation; JSON values as YAML.
  EXPECT_EQ(write(*A), R"(openapi: 3.1.0
info:
  title: Pets
  version: "1.0"
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: integer
            format: int64
      responses:
        "200":
          description: |
            The pet.
            Two lines.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
    delete:
      operationId: deletePet
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: integer
            format: int64
      responses:
        "204":
          description: "gone: for good"
components:
  schemas:
    Pet:
      type: object
      properties:
        id:
          type: integer
          minimum: 1
          exclusiveMaximum: 100
        tag:
          type:
            - string
            - "null"
          enum:
            - a
            - "yes"
            - null
          default: "yes"
      required:
        - id
      additionalProperties: false
      x-meta:
        owner: team
        weights:
          - 1
          - 2.50
          - true
        none: {}
)");
  EXPECT_EQ(messages(openapiwriter::findUnwritable(*A)), "");
}

TEST(WriterTest, JSON) {
  std::unique_ptr<api::API> A = read(R"(openapi: 3.1.0
info: {title: T, version: '1'}
components:
  schemas:
    Point:
      type: array
      prefixItems: [{type: number}, {type: number}]
      items: false
      examples: [[1, 2]]
      const: [0.5, -1e3]
)");
  ASSERT_TRUE(A);
  EXPECT_EQ(write(*A, {Format::JSON, "3.1.1"}), R"({
  "openapi": "3.1.1",
  "info": {
    "title": "T",
    "version": "1"
  },
  "components": {
    "schemas": {
      "Point": {
        "type": "array",
        "const": [
          0.5,
          -1e3
        ],
        "items": {
          "not": {}
        },
        "prefixItems": [
          {
            "type": "number"
          },
          {
            "type": "number"
          }
        ]
      }
    }
  }
}
)");
}

/// Strings a YAML writer gets wrong when it does not quote them, or quotes
/// them wrongly.
const char *const Tricky[] = {
    "plain words",
    " leading",
    "trailing ",
    "yes",
    "No",
    "ON",
    "null",
    "~",
    "true",
    "123",
    "1.0",
    "3.1.0",
    "1.2.3.",
    "0x1F",
    "1_000",
    "12:30",
    "2024-01-15",
    ".inf",
    "-1",
    "-foo",
    "- item",
    "--- doc",
    "...",
    "a: b",
    "a:b",
    "key:",
    "a #b",
    "a#b",
    "#c",
    "@x",
    "`x",
    "'q'",
    "\"dq\"",
    "{braces}",
    "[x]",
    "a, b",
    "*star",
    "&anchor",
    "!tag",
    "%pct",
    "|pipe",
    ">gt",
    "? q",
    "=",
    "<<",
    "back\\slash",
    "tab\tin",
    "ctl\x01",
    "del\x7f",
    "nel\xc2\x85",
    "ls\xe2\x80\xa8",
    "bom\xef\xbb\xbf",
    "\xc3\xbc"
    "n\xc3\xaf"
    "c\xc3\xb6"
    "d\xc3\xa9",
    "two\nlines",
    "two\nlines\n",
    "gaps\n\nhere\n\n\n",
    "\nleading break",
    "  indented\nsecond",
    "second\n  indented",
    "spaces \nat end",
    "only\n  \nspace line",
    "cr\r\nlf",
    "#x\n#y",
    "$ref",
    "/pets/{id}",
};

TEST(WriterTest, StringsReadBackAsWritten) {
  auto A = std::make_unique<api::API>();
  A->OpenAPIVersion = "3.1.0";
  A->TheInfo.Title = "Strings";
  A->TheInfo.Version = "1";
  api::NamedSchema NS;
  NS.Name = "S";
  NS.Schema.Types = api::JSONType::Object;
  for (const char *S : Tricky) {
    api::Property P;
    P.Name = S;
    P.Schema = std::make_unique<api::SchemaNode>();
    P.Schema->Description = S;
    std::string JSON;
    api::appendJSONString(JSON, S);
    P.Schema->Enum.push_back(JSON);
    NS.Schema.Properties.push_back(std::move(P));
  }
  A->Schemas.push_back(std::move(NS));
  for (Format F : {Format::YAML, Format::JSON}) {
    std::string Written;
    EXPECT_EQ(roundTrip(*A, "strings.yaml", F, &Written), "") << Written;
  }
  std::string YAML = write(*A);
  // Quoted only where needed.
  EXPECT_NE(YAML.find("\n          description: plain words\n"),
            std::string::npos);
  EXPECT_NE(YAML.find("\n        \"yes\":\n"), std::string::npos);
  EXPECT_NE(YAML.find("\n          description: |-\n            two\n"),
            std::string::npos);
}

TEST(WriterTest, PathItemsInFirstAppearanceOrder) {
  auto A = std::make_unique<api::API>();
  A->OpenAPIVersion = "3.1.0";
  A->TheInfo.Title = "T";
  A->TheInfo.Version = "1";
  auto Add = [&](api::Method M, const char *Path) {
    api::Operation Op;
    Op.M = M;
    Op.Path = Path;
    A->Operations.push_back(std::move(Op));
  };
  Add(api::Method::Get, "/b");
  Add(api::Method::Get, "/a");
  Add(api::Method::Post, "/b");
  EXPECT_EQ(write(*A), R"(openapi: 3.1.0
info:
  title: T
  version: "1"
paths:
  /b:
    get: {}
    post: {}
  /a:
    get: {}
)");
  std::unique_ptr<api::API> B = read(write(*A));
  ASSERT_TRUE(B);
  ASSERT_EQ(B->Operations.size(), 3u);
  EXPECT_EQ(B->Operations[1].M, api::Method::Post);
  EXPECT_EQ(B->Operations[2].Path, "/a");
}

const char *Only32 = R"(openapi: 3.2.0
info: {title: t, version: '1'}
paths:
  /search:
    query:
      operationId: search
      parameters:
        - name: q
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema: {type: object}
      responses:
        '200': {description: ok}
  /items/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, allowReserved: true, schema: {type: string}}
      responses:
        '200': {description: ok}
components:
  securitySchemes:
    device:
      type: oauth2
      deprecated: true
      flows:
        clientCredentials: {tokenUrl: 'https://example.com/token', scopes: {}}
        deviceAuthorization:
          deviceAuthorizationUrl: https://example.com/device
          tokenUrl: https://example.com/token
          scopes: {}
)";

TEST(WriterTest, WhatOnly32Says) {
  std::unique_ptr<api::API> A = read(Only32);
  ASSERT_TRUE(A);
  // Written as 3.2, everything is there.
  EXPECT_EQ(
      messages(openapiwriter::findUnwritable(*A, {Format::YAML, "3.2.0"})), "");
  EXPECT_EQ(roundTrip(*A, "test.yaml", Format::YAML), "");
  // Written as 3.1, it is left out, reported, and the rest reads.
  EXPECT_EQ(messages(openapiwriter::findUnwritable(*A)),
            "operation 'QUERY /search' needs OpenAPI 3.2: left out\n"
            "'allowReserved' of path parameter 'id' is not allowed in OpenAPI "
            "3.1.0: left out\n"
            "the deviceAuthorization flow of 'device' needs OpenAPI 3.2: left "
            "out\n"
            "'deprecated' of security scheme 'device' needs OpenAPI 3.2: left "
            "out\n");
  std::unique_ptr<api::API> B = read(write(*A));
  ASSERT_TRUE(B);
  EXPECT_EQ(B->Operations.size(), 1u);
  ASSERT_EQ(B->SecuritySchemes.size(), 1u);
  EXPECT_EQ(B->SecuritySchemes[0].Flows.size(), 1u);
}

TEST(WriterTest, WhatLaterVersionsForbid) {
  // 3.0 only recommends a server variable's default among its enum values.
  std::unique_ptr<api::API> A = read(R"(openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - url: 'https://{env}.example.com'
    variables:
      env: {default: dev, enum: [prod, test]}
paths:
  /a:
    get:
      parameters:
        - name: filter
          in: query
          style: form
          content:
            application/json:
              schema: {type: object}
      responses:
        '200': {description: ok}
)");
  ASSERT_TRUE(A);
  EXPECT_EQ(messages(openapiwriter::findUnwritable(*A)),
            "default 'dev' of server variable 'env' is not one of its enum "
            "values, as OpenAPI 3.1 requires: added to them\n");
  std::unique_ptr<api::API> B = read(write(*A));
  ASSERT_TRUE(B);
  EXPECT_EQ(B->Servers[0].Variables[0].Enum,
            std::vector<std::string>({"prod", "test", "dev"}));
  // 3.2 forbids style, explode and allowReserved beside content.
  EXPECT_EQ(
      messages(openapiwriter::findUnwritable(*B, {Format::YAML, "3.2.0"})),
      "'style', 'explode' and 'allowReserved' of parameter 'filter' are "
      "not allowed with 'content' in OpenAPI 3.2.0: left out\n");
  EXPECT_TRUE(read(write(*B, {Format::YAML, "3.2.0"})));
}

TEST(WriterTest, UnwritableNames) {
  auto A = std::make_unique<api::API>();
  A->OpenAPIVersion = "3.1.0";
  A->TheInfo.Title = "T";
  A->TheInfo.Version = "1";
  A->Extensions.push_back({"vendor", "1", Loc()});
  A->Extensions.push_back({"x-ok", "{\"a\":[]}", Loc()});
  api::NamedSchema NS;
  NS.Name = "a b";
  A->Schemas.push_back(std::move(NS));
  EXPECT_EQ(
      messages(openapiwriter::findUnwritable(*A, {Format::YAML, "3.0.3"})),
      "OpenAPI version '3.0.3' is written in the 3.1 form (the writer "
      "writes 3.1.x and 3.2.x)\n"
      "schema name 'a b' is not a component name (letters, digits, "
      "'.', '-' and '_' only)\n"
      "extension 'vendor' does not start with 'x-': left out\n");
  EXPECT_EQ(write(*A), R"(openapi: 3.1.0
info:
  title: T
  version: "1"
components:
  schemas:
    a b: {}
x-ok:
  a: []
)");
}

TEST(WriterTest, NumbersAsWritten) {
  std::unique_ptr<api::API> A = read(R"(openapi: 3.1.0
info: {title: T, version: '1'}
components:
  schemas:
    N:
      type: integer
      minimum: -9223372036854775808
      maximum: 9223372036854775807
      multipleOf: 0.010
      default: 1E+2
)");
  ASSERT_TRUE(A);
  std::string YAML = write(*A);
  EXPECT_NE(YAML.find("      default: 1E+2\n      minimum: "
                      "-9223372036854775808\n      maximum: "
                      "9223372036854775807\n      multipleOf: 0.010\n"),
            std::string::npos)
      << YAML;
  for (Format F : {Format::YAML, Format::JSON})
    EXPECT_EQ(roundTrip(*A, "test.yaml", F), "");
}

} // namespace
