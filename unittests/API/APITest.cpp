//===- APITest.cpp - API IR classes and helpers ---------------------------===//

#include "bk/API/API.h"
#include "bk/API/APIText.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::api;

namespace {

TEST(APITest, MethodNames) {
  for (Method M : allMethods()) {
    llvm::Optional<Method> Back = parseMethod(methodName(M));
    ASSERT_TRUE(Back.hasValue());
    EXPECT_EQ(*Back, M);
  }
  EXPECT_EQ(methodName(Method::Delete), "delete");
  EXPECT_EQ(parseMethod("GET"), Method::Get);
  EXPECT_EQ(parseMethod("Patch"), Method::Patch);
  EXPECT_FALSE(parseMethod("fetch").hasValue());
}

TEST(APITest, EnumNames) {
  EXPECT_EQ(parseParamIn("cookie"), ParamIn::Cookie);
  EXPECT_EQ(paramInName(ParamIn::QueryString), "querystring");
  EXPECT_EQ(parseParamStyle("deepObject"), ParamStyle::DeepObject);
  EXPECT_FALSE(parseParamStyle("deepobject").hasValue());
  EXPECT_EQ(paramStyleName(ParamStyle::Default), "");
  EXPECT_EQ(parseSecuritySchemeType("openIdConnect"),
            SecuritySchemeType::OpenIDConnect);
  EXPECT_EQ(oauthFlowKindName(OAuthFlowKind::ClientCredentials),
            "clientCredentials");
  for (JSONType T : allJSONTypes())
    EXPECT_EQ(parseJSONType(jsonTypeName(T)), T);
}

TEST(APITest, TypeSet) {
  TypeSet S;
  EXPECT_TRUE(S.empty());
  S.add(JSONType::Null).add(JSONType::String);
  EXPECT_TRUE(S.isNullable());
  EXPECT_FALSE(S.isSingle());
  EXPECT_EQ(S.size(), 2u);
  // Canonical order, whatever the insertion order.
  std::vector<JSONType> Types = S.types();
  ASSERT_EQ(Types.size(), 2u);
  EXPECT_EQ(Types[0], JSONType::String);
  EXPECT_EQ(Types[1], JSONType::Null);
  EXPECT_EQ(S.withoutNull(), TypeSet(JSONType::String));
  EXPECT_TRUE(S.withoutNull().isSingle());
}

TEST(APITest, PathTemplateParams) {
  std::vector<std::string> Params;
  ASSERT_TRUE(parsePathTemplate("/users/{id}/posts/{postId}", Params));
  EXPECT_EQ(Params, (std::vector<std::string>{"id", "postId"}));
  EXPECT_EQ(pathTemplateParams("/users/{id}/posts/{postId}"),
            (std::vector<std::string>{"id", "postId"}));
  ASSERT_TRUE(parsePathTemplate("/files/{name}.{ext}", Params));
  EXPECT_EQ(Params, (std::vector<std::string>{"name", "ext"}));
  ASSERT_TRUE(parsePathTemplate("/plain", Params));
  EXPECT_TRUE(Params.empty());

  std::string Error;
  EXPECT_FALSE(parsePathTemplate("/users/{id", Params, &Error));
  EXPECT_EQ(Error, "unterminated '{' in path template '/users/{id'");
  EXPECT_FALSE(parsePathTemplate("/users/id}", Params, &Error));
  EXPECT_EQ(Error, "unbalanced '}' in path template '/users/id}'");
  EXPECT_FALSE(parsePathTemplate("/users/{}", Params, &Error));
  EXPECT_EQ(Error, "empty parameter name in path template '/users/{}'");
}

TEST(APITest, NormalizeAndMatchPathTemplate) {
  EXPECT_EQ(normalizePathTemplate("/a/{id}/b/{x}"), "/a/{}/b/{}");
  EXPECT_EQ(normalizePathTemplate("/a/{petId}"),
            normalizePathTemplate("/a/{id}"));

  std::vector<std::pair<std::string, std::string>> Args;
  EXPECT_TRUE(matchPathTemplate("/users/{id}/posts/{postId}",
                                "/users/42/posts/7", &Args));
  ASSERT_EQ(Args.size(), 2u);
  EXPECT_EQ(Args[0], std::make_pair(std::string("id"), std::string("42")));
  EXPECT_EQ(Args[1], std::make_pair(std::string("postId"), std::string("7")));
  EXPECT_TRUE(matchPathTemplate("/files/{name}.{ext}", "/files/a.txt", &Args));
  EXPECT_EQ(Args[1].second, "txt");
  EXPECT_FALSE(matchPathTemplate("/users/{id}", "/users"));
  EXPECT_FALSE(matchPathTemplate("/users/{id}", "/users/"));
  EXPECT_FALSE(matchPathTemplate("/users/{id}", "/posts/1"));
  EXPECT_TRUE(matchPathTemplate("/users", "/users"));
}

TEST(APITest, StatusCodes) {
  for (const char *S : {"200", "100", "599", "1XX", "5XX", "default"})
    EXPECT_TRUE(isValidStatusCode(S)) << S;
  for (const char *S : {"600", "099", "6XX", "2xx", "20", "2000", "", "ok"})
    EXPECT_FALSE(isValidStatusCode(S)) << S;
  Response R;
  R.Status = "404";
  EXPECT_EQ(R.getCode(), 404u);
  R.Status = "4XX";
  EXPECT_FALSE(R.getCode().hasValue());
}

TEST(APITest, EffectiveStyleAndExplode) {
  Parameter P;
  P.In = ParamIn::Query;
  EXPECT_EQ(P.getEffectiveStyle(), ParamStyle::Form);
  EXPECT_TRUE(P.getEffectiveExplode());
  P.In = ParamIn::Path;
  EXPECT_EQ(P.getEffectiveStyle(), ParamStyle::Simple);
  EXPECT_FALSE(P.getEffectiveExplode());
  P.Style = ParamStyle::Label;
  P.Explode = true;
  EXPECT_EQ(P.getEffectiveStyle(), ParamStyle::Label);
  EXPECT_TRUE(P.getEffectiveExplode());
}

static std::unique_ptr<SchemaNode> refTo(llvm::StringRef Name) {
  auto S = std::make_unique<SchemaNode>();
  S->Ref = Name.str();
  return S;
}

/// A tree node: {value: string, children: [Node]} — recursive by name.
static API makeTreeAPI() {
  API A;
  A.TheInfo.Title = "Trees";
  NamedSchema Other;
  Other.Name = "Other";
  Other.Schema.Types = JSONType::Boolean;
  A.Schemas.push_back(std::move(Other));
  NamedSchema Node;
  Node.Name = "Node";
  Node.Schema.Types = JSONType::Object;
  Property Value;
  Value.Name = "value";
  Value.Required = true;
  Value.Schema = std::make_unique<SchemaNode>();
  Value.Schema->Types = JSONType::String;
  Node.Schema.Properties.push_back(std::move(Value));
  Property Children;
  Children.Name = "children";
  Children.Schema = std::make_unique<SchemaNode>();
  Children.Schema->Types = JSONType::Array;
  Children.Schema->Items = refTo("Node");
  Node.Schema.Properties.push_back(std::move(Children));
  A.Schemas.push_back(std::move(Node));

  Operation Op;
  Op.M = Method::Get;
  Op.Path = "/trees/{id}";
  Op.OperationId = "getTree";
  Response R;
  R.Status = "200";
  MediaType MT;
  MT.Name = "application/json";
  MT.Schema = refTo("Node");
  R.Content.push_back(std::move(MT));
  MediaType Bad;
  Bad.Name = "text/plain";
  Bad.Schema = refTo("Missing");
  R.Content.push_back(std::move(Bad));
  Op.Responses.push_back(std::move(R));
  A.Operations.push_back(std::move(Op));

  Operation Static;
  Static.M = Method::Get;
  Static.Path = "/trees/latest";
  Static.OperationId = "latestTree";
  Callback CB;
  CB.Name = "onChange";
  Operation CO;
  CO.M = Method::Post;
  CO.Path = "{$request.query.url}";
  CO.OperationId = "treeChanged";
  CB.Operations.push_back(std::move(CO));
  Static.Callbacks.push_back(std::move(CB));
  A.Operations.push_back(std::move(Static));
  return A;
}

TEST(APITest, RecursiveSchemaIsACycleNotAnUnrolling) {
  API A = makeTreeAPI();
  EXPECT_EQ(A.resolveReferences(), 1u); // "Missing"
  const NamedSchema *Node = A.findSchema("Node");
  ASSERT_NE(Node, nullptr);
  EXPECT_EQ(A.findSchemaIndex("Node"), 1u);
  const Property *Children = Node->Schema.findProperty("children");
  ASSERT_NE(Children, nullptr);
  const SchemaNode &Items = *Children->Schema->Items;
  EXPECT_TRUE(Items.isRef());
  EXPECT_EQ(Items.RefIndex, 1u);
  EXPECT_EQ(A.getRefTarget(Items), Node);
  EXPECT_EQ(Node->Schema.getRequiredNames(), std::vector<std::string>{"value"});

  const Response *R = A.Operations[0].findResponse("200");
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->findMediaType("application/json")->Schema->RefIndex, 1u);
  EXPECT_EQ(R->findMediaType("text/plain")->Schema->RefIndex,
            SchemaNode::NoIndex);
  EXPECT_EQ(A.getRefTarget(*R->findMediaType("text/plain")->Schema), nullptr);

  // The API moves without invalidating resolved references.
  API Moved = std::move(A);
  EXPECT_EQ(Moved.getRefTarget(Items), &Moved.Schemas[1]);
}

TEST(APITest, OperationLookup) {
  API A = makeTreeAPI();
  EXPECT_EQ(A.findOperation("getTree"), &A.Operations[0]);
  EXPECT_EQ(A.findOperation("treeChanged"),
            &A.Operations[1].Callbacks[0].Operations[0]);
  EXPECT_EQ(A.findOperation("nope"), nullptr);
  EXPECT_EQ(A.findOperation(Method::Get, "/trees/{id}"), &A.Operations[0]);
  EXPECT_EQ(A.findOperation(Method::Post, "/trees/{id}"), nullptr);
  // The literal route wins over the templated one.
  EXPECT_EQ(A.matchOperation(Method::Get, "/trees/latest"), &A.Operations[1]);
  EXPECT_EQ(A.matchOperation(Method::Get, "/trees/12"), &A.Operations[0]);
  EXPECT_EQ(A.matchOperation(Method::Get, "/forests/12"), nullptr);
  EXPECT_EQ(A.Operations[0].getDisplayName(), "GET /trees/{id}");

  std::vector<std::string> Ids;
  A.forEachOperation(
      [&](const Operation &Op) { Ids.push_back(Op.OperationId); });
  EXPECT_EQ(Ids,
            (std::vector<std::string>{"getTree", "latestTree", "treeChanged"}));
  unsigned Roots = 0;
  A.forEachRootSchema([&](const SchemaNode &) { ++Roots; });
  EXPECT_EQ(Roots, 4u); // two components, two media types
}

TEST(APITest, JSONNumbers) {
  // int64 bounds are kept exactly as written.
  llvm::Optional<JSONNumber> Big = JSONNumber::parse("9223372036854775807");
  ASSERT_TRUE(Big.hasValue());
  EXPECT_EQ(Big->Text, "9223372036854775807");
  EXPECT_TRUE(Big->isInteger());
  llvm::Optional<JSONNumber> Step = JSONNumber::parse("+0.25e1");
  ASSERT_TRUE(Step.hasValue());
  EXPECT_EQ(Step->Text, "0.25e1");
  EXPECT_EQ(Step->Value, 2.5);
  EXPECT_FALSE(Step->isInteger());
  for (const char *Bad : {"", "-", "1.", ".5", "1e", "0x10", "1 "})
    EXPECT_FALSE(JSONNumber::parse(Bad).hasValue()) << Bad;
  EXPECT_EQ(JSONNumber(100.0).Text, "100");
  EXPECT_EQ(JSONNumber(0.1).Text, "0.1");
  EXPECT_EQ(JSONNumber(-1.5).Text, "-1.5");
  EXPECT_EQ(JSONNumber(1e20).Text, "1e+20");
}

TEST(APITest, JSONValues) {
  for (const char *JSON :
       {"\"a\\\"b\\n\"", "1", "-2.5e3", "true", "null", "[]", "{}",
        "[1,\"x\",[false]]", "{\"b\":1,\"a\":{\"c\":[null]}}"}) {
    irtext::Value V;
    ASSERT_TRUE(jsonToValue(JSON, V)) << JSON;
    std::string Back;
    ASSERT_TRUE(valueToJSON(V, Back)) << JSON;
    EXPECT_EQ(Back, JSON);
  }
  // Key order is kept; spaces are dropped; \u escapes become UTF-8.
  irtext::Value V;
  ASSERT_TRUE(
      jsonToValue(" { \"z\" : 1 , \"a\" : \"\\u00e9\\ud83d\\ude00\" } ", V));
  std::string Back;
  ASSERT_TRUE(valueToJSON(V, Back));
  EXPECT_EQ(Back, "{\"z\":1,\"a\":\"\xc3\xa9\xf0\x9f\x98\x80\"}");

  std::string Error;
  EXPECT_FALSE(jsonToValue("{\"a\":}", V, &Error));
  EXPECT_FALSE(Error.empty());
  EXPECT_FALSE(isValidJSON("[1,]"));
  EXPECT_FALSE(isValidJSON("1 2"));
  EXPECT_TRUE(isValidJSON("  {\"a\": [1, 2.5]}  "));
}

} // namespace
