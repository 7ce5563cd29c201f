//===- VerifierTest.cpp - Structural checks of the API IR -----------------===//

#include "bk/API/Verifier.h"
#include "bk/API/APIText.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::api;

namespace {

/// Reads Body wrapped in an `api` item and verifies it. Returns one
/// "line:col: message" per diagnostic, notes prefixed with "note: ".
static std::vector<std::string> verify(llvm::StringRef Body) {
  Context Ctx;
  std::string Text = ("api \"V\" {\n" + Body + "}\n").str();
  unsigned ID =
      Ctx.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "v.bkir"));
  std::vector<std::string> Out;
  auto Format = [&](const Diagnostic &D, llvm::StringRef Prefix) {
    Out.push_back((Prefix + llvm::Twine(D.Location.Line) + ":" +
                   llvm::Twine(D.Location.Col) + ": " + D.Message)
                      .str());
  };
  llvm::Optional<std::vector<irtext::Item>> Items = irtext::parse(Ctx, ID);
  std::unique_ptr<API> A = Items ? readAPI(Ctx, *Items) : nullptr;
  if (!A) {
    Out.push_back("read failed");
    return Out;
  }
  bool Ok = verifyAPI(*A, Ctx.getDiags());
  for (const Diagnostic &D : Ctx.getDiags().take()) {
    Format(D, "");
    for (const Diagnostic &N : D.Notes)
      Format(N, "note: ");
  }
  EXPECT_EQ(Ok, Out.empty());
  return Out;
}

using Lines = std::vector<std::string>;

static const char PetSchema[] =
    "  schema Pet [type = object] { property id [type = integer]; }\n";

TEST(VerifierTest, ValidAPIHasNoErrors) {
  EXPECT_EQ(
      verify(std::string(PetSchema) +
             "  operation get \"/pets/{id}\" [operation_id = getPet] {\n"
             "    parameter id [in = path, required] { schema; }\n"
             "    response \"200\" [description = ok] {\n"
             "      content \"application/json\" { schema [ref = Pet]; }\n"
             "    }\n"
             "  }\n"),
      Lines{});
}

TEST(VerifierTest, DuplicateOperationId) {
  EXPECT_EQ(verify("  operation get \"/a\" [operation_id = op];\n"
                   "  operation get \"/b\" [operation_id = op];\n"),
            (Lines{"3:3: duplicate operationId 'op'",
                   "note: 2:3: previous definition is here"}));
}

TEST(VerifierTest, DuplicateRoute) {
  EXPECT_EQ(verify("  operation get \"/a\";\n"
                   "  operation get \"/a\";\n"
                   "  operation post \"/a\";\n"),
            (Lines{"3:3: duplicate operation 'GET /a'",
                   "note: 2:3: previous definition is here"}));
  // Templates differing only in parameter names are the same route.
  EXPECT_EQ(verify("  operation get \"/a/{x}\" {\n"
                   "    parameter x [in = path, required] { schema; }\n  }\n"
                   "  operation get \"/a/{y}\" {\n"
                   "    parameter y [in = path, required] { schema; }\n  }\n"),
            (Lines{"5:3: duplicate operation 'GET /a/{y}'",
                   "note: 2:3: previous definition as 'GET /a/{x}' is here"}));
}

TEST(VerifierTest, PathTemplateAndPathParameters) {
  EXPECT_EQ(verify("  operation get \"/users/{id}/posts/{postId}\" {\n"
                   "    parameter id [in = path, required] { schema; }\n"
                   "    parameter extra [in = path, required] { schema; }\n"
                   "  }\n"),
            (Lines{"2:3: path parameter 'postId' of '/users/{id}/posts/"
                   "{postId}' is not declared as an 'in: path' parameter",
                   "4:5: path parameter 'extra' does not appear in path "
                   "'/users/{id}/posts/{postId}'"}));
  EXPECT_EQ(verify("  operation get \"/u/{id}\" {\n"
                   "    parameter id [in = path] { schema; }\n  }\n"),
            Lines{"3:5: path parameter 'id' must be required"});
  EXPECT_EQ(verify("  operation get \"/u/{id\";\n"),
            Lines{"2:3: unterminated '{' in path template '/u/{id'"});
  EXPECT_EQ(verify("  operation get \"u\";\n"),
            Lines{"2:3: path 'u' does not start with '/'"});
}

TEST(VerifierTest, DuplicateParameter) {
  EXPECT_EQ(verify("  operation get \"/a\" {\n"
                   "    parameter q [in = query] { schema; }\n"
                   "    parameter q [in = header] { schema; }\n"
                   "    parameter q [in = query] { schema; }\n"
                   "    parameter Q [in = header] { schema; }\n"
                   "  }\n"),
            (Lines{"5:5: duplicate query parameter 'q'",
                   "note: 3:5: previous definition is here",
                   "6:5: duplicate header parameter 'Q'",
                   "note: 4:5: previous definition is here"}));
}

TEST(VerifierTest, ParameterShape) {
  EXPECT_EQ(verify("  operation get \"/a\" {\n"
                   "    parameter a [in = query];\n"
                   "    parameter b [in = query] { schema; content \"a/b\"; }\n"
                   "    parameter c [in = header, style = form] { schema; }\n"
                   "  }\n"),
            (Lines{"3:5: parameter 'a' has neither a schema nor content",
                   "4:5: parameter 'b' has both a schema and content",
                   "5:5: style 'form' is not allowed for a header parameter"}));
}

TEST(VerifierTest, InvalidStatusCode) {
  EXPECT_EQ(verify("  operation get \"/a\" {\n"
                   "    response \"600\";\n    response \"2xx\";\n"
                   "    response \"2XX\";\n    response default;\n"
                   "    response \"200\";\n    response \"200\";\n  }\n"),
            (Lines{"3:5: invalid response status code '600'; expected 100-599, "
                   "1XX-5XX or default",
                   "4:5: invalid response status code '2xx'; expected 100-599, "
                   "1XX-5XX or default",
                   "8:5: duplicate response '200'",
                   "note: 7:5: previous definition is here"}));
}

TEST(VerifierTest, UnknownSchemaReference) {
  EXPECT_EQ(verify("  schema A [type = object] {\n"
                   "    property b [ref = B];\n"
                   "    property c [type = array] { items [ref = A]; }\n"
                   "  }\n"),
            Lines{"3:5: reference to unknown schema 'B'"});
}

TEST(VerifierTest, Discriminator) {
  EXPECT_EQ(verify("  schema A [type = object] {\n"
                   "    property kind [type = string];\n"
                   "    discriminator type { mapping x X; }\n"
                   "  }\n"),
            (Lines{"4:5: discriminator property 'type' is not declared in "
                   "the schema's properties or required list",
                   "4:5: discriminator mapping 'x' names unknown schema 'X'"}));
  // Declared through allOf, in every oneOf variant, or only as required.
  EXPECT_EQ(verify("  schema Base [type = object] { property kind; }\n"
                   "  schema X { all_of [ref = Base]; }\n"
                   "  schema Y [required = (kind)];\n"
                   "  schema U {\n"
                   "    one_of [ref = X];\n    one_of [ref = Y];\n"
                   "    discriminator kind { mapping x X; mapping y Y; }\n"
                   "  }\n"
                   "  schema Z {\n"
                   "    all_of [ref = Base];\n"
                   "    discriminator kind;\n"
                   "  }\n"),
            Lines{});
}

TEST(VerifierTest, UndefinedSecurityScheme) {
  EXPECT_EQ(verify("  security_scheme key [type = apiKey, in = header, "
                   "name = k];\n"
                   "  security { require key; require nope; }\n"
                   "  operation get \"/a\" {\n"
                   "    security { require {\n"
                   "      scheme key;\n      scheme other [scopes = (x)];\n"
                   "    } }\n"
                   "  }\n"),
            (Lines{"3:35: security requirement names undefined security "
                   "scheme 'nope'",
                   "7:7: security requirement names undefined security "
                   "scheme 'other'"}));
}

TEST(VerifierTest, SecuritySchemeShape) {
  EXPECT_EQ(verify("  security_scheme h [type = http];\n"
                   "  security_scheme o [type = oauth2] {\n"
                   "    flow authorizationCode [token_url = t];\n"
                   "  }\n"
                   "  security_scheme o [type = mutualTLS];\n"),
            (Lines{"2:3: http security scheme 'h' has no scheme",
                   "4:5: flow 'authorizationCode' of security scheme 'o' needs "
                   "an authorizationUrl",
                   "6:3: duplicate security scheme 'o'",
                   "note: 3:3: previous definition is here"}));
}

TEST(VerifierTest, MinGreaterThanMax) {
  EXPECT_EQ(
      verify("  schema S [type = object, min_properties = 3, "
             "max_properties = 2] {\n"
             "    property a [min_length = 5, max_length = 3];\n"
             "    property b [minimum = 10, maximum = 1.5];\n"
             "    property c [exclusive_minimum = 1, exclusive_maximum = 1];\n"
             "    property d [min_items = 2, max_items = 1];\n"
             "    property e [multiple_of = 0];\n"
             "    property f [read_only, write_only];\n"
             "  }\n"),
      (Lines{"2:3: minProperties (3) is greater than maxProperties (2)",
             "3:5: minLength (5) is greater than maxLength (3)",
             "4:5: minimum (10) is greater than maximum (1.5)",
             "5:5: exclusiveMinimum (1) is equal to exclusiveMaximum (1)",
             "6:5: minItems (2) is greater than maxItems (1)",
             "7:5: multipleOf (0) must be greater than 0",
             "8:5: schema is both readOnly and writeOnly"}));
}

TEST(VerifierTest, InheritanceCycle) {
  EXPECT_EQ(verify("  schema A { all_of [ref = B]; }\n"
                   "  schema B { all_of [ref = A]; }\n"
                   "  schema Tree [type = object] {\n"
                   "    property kids [type = array] { items [ref = Tree]; }\n"
                   "  }\n"),
            (Lines{"2:3: schema 'A' includes itself through $ref/allOf",
                   "3:3: schema 'B' includes itself through $ref/allOf"}));
}

TEST(VerifierTest, ServersLinksAndExtensions) {
  EXPECT_EQ(
      verify("  server \"https://{region}.x.com/{v}\" {\n"
             "    variable region [default = eu, enum = (us, ap)];\n"
             "  }\n"
             "  operation get \"/a\" [operation_id = a] {\n"
             "    response \"200\" {\n"
             "      link l1 [operation_id = a];\n"
             "      link l2 [operation_id = missing];\n"
             "    }\n"
             "    extension bad [value = 1];\n"
             "  }\n"),
      (Lines{"2:3: server URL 'https://{region}.x.com/{v}' uses undeclared "
             "variable 'v'",
             "3:5: default 'eu' of server variable 'region' is not one of "
             "its enum values",
             "8:7: link 'l2' names unknown operation 'missing'",
             "10:5: extension name 'bad' does not start with 'x-'"}));
}

TEST(VerifierTest, InvalidJSONFromFrontEnd) {
  API A;
  NamedSchema S;
  S.Name = "S";
  S.Schema.Default = std::string("{oops");
  A.Schemas.push_back(std::move(S));
  llvm::SourceMgr SM;
  DiagnosticEngine Diags(SM);
  EXPECT_FALSE(verifyAPI(A, Diags));
  std::vector<Diagnostic> Ds = Diags.take();
  ASSERT_EQ(Ds.size(), 1u);
  EXPECT_EQ(Ds[0].Message, "default is not valid JSON: {oops");
}

} // namespace
