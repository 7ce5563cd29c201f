//===- APITextTest.cpp - Printing and reading the API IR ------------------===//

#include "bk/API/APIText.h"
#include "bk/API/Verifier.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::api;

namespace {

/// Every item kind of the API IR, with a recursive schema (Pet.children).
static const char RichAPI[] = R"(
api "Pet Store" [openapi = "3.1.0", version = "1.0.0", summary = "pets", description = "A sample API"] {
  server "https://{env}.example.com/v1" [description = "main"] {
    variable env [default = prod, enum = (prod, staging), description = "environment"];
  }
  tag pets [description = "Everything about pets"];
  security_scheme bearerAuth [type = http, scheme = bearer, bearer_format = JWT];
  security_scheme apiKey [type = apiKey, in = header, name = "X-API-Key"];
  security_scheme oauth [type = oauth2, description = "OAuth"] {
    flow authorizationCode [authorization_url = "https://auth.example.com/authorize", token_url = "https://auth.example.com/token"] {
      scope "read:pets" [description = "read your pets"];
      scope "write:pets";
    }
  }
  security_scheme oidc [type = openIdConnect, url = "https://auth.example.com/.well-known/openid-configuration"];
  security_scheme mtls [type = mutualTLS, deprecated];
  security {
    require bearerAuth;
    require oauth [scopes = ("read:pets")];
    require apiKey oidc;
    require {
      scheme oauth [scopes = ("write:pets")];
      scheme apiKey;
    }
    require;
  }
  schema Pet [type = object, description = "a pet", required = (id, name, petType), additional_properties = false] {
    property id [type = integer, format = int64, read_only, minimum = 1, maximum = 9223372036854775807];
    property name [type = string, min_length = 1, max_length = 100, pattern = "^[a-z]+$"];
    property petType [type = string, enum = ("cat", "dog")];
    property tag [type = (string, null), default = null, example = "fluffy", deprecated];
    property password [type = string, format = password, write_only];
    property owner [ref = User, description = "who owns it"];
    property children [type = array, min_items = 0, max_items = 10, unique_items] {
      items [ref = Pet];
    }
    property weight [type = number, exclusive_minimum = 0, maximum = 1000.5, multiple_of = 0.25];
    property attrs [type = object, min_properties = 1, max_properties = 5] {
      additional_properties [type = string];
    }
    property point [type = array] {
      prefix_item [type = number];
      prefix_item [type = number];
    }
    discriminator petType {
      mapping cat Cat;
      mapping dog Dog;
    }
    extension x-internal [value = true];
  }
  schema Cat {
    all_of [ref = Pet];
    all_of [type = object] {
      property indoor [type = boolean, default = true];
    }
  }
  schema Dog {
    all_of [ref = Pet];
    all_of [type = object, required = (bark)];
  }
  schema User [type = object, title = "User", example = (object, ("id", 1), ("tags", ("a", 2.5, false)), ("nested", (object)))] {
    property id [type = integer, const = 7];
    property pets [type = array] {
      items [ref = Pet];
    }
  }
  schema Shape {
    one_of [ref = Cat];
    any_of [ref = Dog];
    not [type = null];
  }
  operation get "/pets" [operation_id = listPets, summary = "List pets", tags = (pets)] {
    parameter limit [in = query, description = "page size", style = form, explode, example = 20] {
      schema [type = integer, maximum = 100, minimum = 1];
    }
    parameter tags [in = query, style = pipeDelimited, explode = false, allow_reserved, allow_empty_value] {
      schema [type = array] {
        items [type = string];
      }
    }
    parameter filter [in = query, style = deepObject] {
      content "application/json" {
        schema [type = object];
      }
    }
    parameter "X-Request-Id" [in = header, required, deprecated] {
      schema [type = string, format = uuid];
      example first [summary = "an id", value = "0b0e"];
    }
    parameter session [in = cookie] {
      schema [type = string];
    }
    response "200" [description = "a page of pets"] {
      header "X-Rate-Limit" [description = "calls per hour", required] {
        schema [type = integer];
      }
      content "application/json" [example = ()] {
        schema [type = array] {
          items [ref = Pet];
        }
        example empty [description = "nothing", value = ()];
        example remote [external_value = "https://example.com/pets.json"];
      }
      link next [operation_id = getPet, description = "the first pet"] {
        parameter petId "$response.body#/0/id";
      }
      extension x-cache [value = 60];
    }
    response "4XX" [description = "client error"];
    response default [description = "error"] {
      content "application/problem+json" {
        schema [type = object];
      }
    }
    security;
  }
  operation post "/pets" [operation_id = createPet, deprecated] {
    request_body [description = "the pet", required] {
      content "application/json" {
        schema [ref = Pet];
      }
      content "application/xml";
    }
    response "201" [description = "created"];
    security {
      require oauth [scopes = ("write:pets")];
    }
    callback onCreated {
      operation post "{$request.body#/callbackUrl}" [operation_id = petCreatedCallback] {
        request_body {
          content "application/json" {
            schema [ref = Pet];
          }
        }
        response "200" [description = "ok"];
      }
    }
    extension x-rate-limit [value = (object, ("limit", 10))];
  }
  operation get "/pets/{petId}" [operation_id = getPet] {
    parameter petId [in = path, required, style = simple] {
      schema [type = integer, format = int64];
    }
    response "200" [description = "a pet"] {
      content "application/json" {
        schema [ref = Pet];
      }
    }
  }
  webhook post newPet [operation_id = newPetHook] {
    request_body {
      content "application/json" {
        schema [ref = Pet];
      }
    }
    response "200" [description = "ok"];
  }
  extension x-logo [value = (object, ("url", "https://example.com/logo.png"))];
}
)";

struct Parsed {
  Context Ctx;
  std::unique_ptr<API> A;
  std::vector<std::string> Messages;
};

/// Parses and reads Text; Messages gets "line:col: message" per diagnostic.
static void parseAndRead(Parsed &P, llvm::StringRef Text,
                         llvm::StringRef Name = "test.bkir") {
  unsigned ID =
      P.Ctx.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, Name));
  llvm::Optional<std::vector<irtext::Item>> Items = irtext::parse(P.Ctx, ID);
  if (Items)
    P.A = readAPI(P.Ctx, *Items);
  for (const Diagnostic &D : P.Ctx.getDiags().take())
    P.Messages.push_back(std::to_string(D.Location.Line) + ":" +
                         std::to_string(D.Location.Col) + ": " + D.Message);
}

static std::string print(const API &A, bool Locations = true) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  printAPI(OS, A, Locations);
  return OS.str();
}

TEST(APITextTest, RoundTripIsByteIdentical) {
  Parsed First;
  parseAndRead(First, RichAPI);
  ASSERT_TRUE(First.A) << (First.Messages.empty() ? "" : First.Messages[0]);
  EXPECT_TRUE(First.Messages.empty());
  std::string Text1 = print(*First.A);

  Parsed Second;
  parseAndRead(Second, Text1, "printed.bkir");
  ASSERT_TRUE(Second.A) << (Second.Messages.empty() ? "" : Second.Messages[0]);
  std::string Text2 = print(*Second.A);
  EXPECT_EQ(Text1, Text2);
  // Locations survive printing: the second read points into the first file.
  EXPECT_EQ(Second.A->Schemas[0].Schema.Location.File, "test.bkir");
  EXPECT_EQ(Second.A->Schemas[0].Schema.Location.Line,
            First.A->Schemas[0].Schema.Location.Line);

  // Without locations it round-trips as well, and no loc() is printed.
  std::string Plain1 = print(*First.A, /*Locations=*/false);
  EXPECT_EQ(Plain1.find("loc("), std::string::npos);
  Parsed Third;
  parseAndRead(Third, Plain1);
  ASSERT_TRUE(Third.A);
  EXPECT_EQ(print(*Third.A, false), Plain1);

  // The rich example is valid.
  DiagnosticEngine &Diags = First.Ctx.getDiags();
  EXPECT_TRUE(verifyAPI(*First.A, Diags));
  EXPECT_TRUE(Diags.take().empty());
}

TEST(APITextTest, ReadsEveryObjectKind) {
  Parsed P;
  parseAndRead(P, RichAPI);
  ASSERT_TRUE(P.A);
  const API &A = *P.A;
  EXPECT_EQ(A.OpenAPIVersion, "3.1.0");
  EXPECT_EQ(A.TheInfo.Title, "Pet Store");
  EXPECT_EQ(A.TheInfo.Version, "1.0.0");
  ASSERT_EQ(A.Servers.size(), 1u);
  ASSERT_EQ(A.Servers[0].Variables.size(), 1u);
  EXPECT_EQ(A.Servers[0].Variables[0].Enum,
            (std::vector<std::string>{"prod", "staging"}));
  ASSERT_EQ(A.SecuritySchemes.size(), 5u);
  EXPECT_EQ(A.SecuritySchemes[1].KeyIn, ParamIn::Header);
  EXPECT_EQ(A.SecuritySchemes[1].KeyName, "X-API-Key");
  ASSERT_EQ(A.SecuritySchemes[2].Flows.size(), 1u);
  EXPECT_EQ(A.SecuritySchemes[2].Flows[0].Scopes[0].Name, "read:pets");
  ASSERT_TRUE(A.Security.hasValue());
  ASSERT_EQ(A.Security->Alternatives.size(), 5u);
  EXPECT_EQ(A.Security->Alternatives[1].Schemes[0].Scopes,
            std::vector<std::string>{"read:pets"});
  EXPECT_EQ(A.Security->Alternatives[2].Schemes.size(), 2u);
  EXPECT_EQ(A.Security->Alternatives[3].Schemes[0].Scopes,
            std::vector<std::string>{"write:pets"});
  EXPECT_TRUE(A.Security->Alternatives[4].Schemes.empty());

  const NamedSchema *Pet = A.findSchema("Pet");
  ASSERT_NE(Pet, nullptr);
  const SchemaNode &S = Pet->Schema;
  EXPECT_EQ(S.Types, TypeSet(JSONType::Object));
  EXPECT_EQ(S.Additional, AdditionalKind::Forbidden);
  EXPECT_EQ(S.getRequiredNames(),
            (std::vector<std::string>{"id", "name", "petType"}));
  const Property *Tag = S.findProperty("tag");
  ASSERT_NE(Tag, nullptr);
  EXPECT_TRUE(Tag->Schema->isNullable());
  EXPECT_EQ(Tag->Schema->Default, std::string("null"));
  EXPECT_EQ(Tag->Schema->Example, std::string("\"fluffy\""));
  EXPECT_EQ(S.findProperty("petType")->Schema->Enum,
            (std::vector<std::string>{"\"cat\"", "\"dog\""}));
  const SchemaNode &Children = *S.findProperty("children")->Schema;
  EXPECT_EQ(Children.Items->RefIndex, A.findSchemaIndex("Pet"));
  EXPECT_EQ(*Children.MaxItems, 10u);
  EXPECT_TRUE(Children.UniqueItems);
  const SchemaNode &Weight = *S.findProperty("weight")->Schema;
  EXPECT_EQ(S.findProperty("id")->Schema->Maximum->Text, "9223372036854775807");
  EXPECT_EQ(Weight.ExclusiveMinimum->Value, 0.0);
  EXPECT_EQ(Weight.Maximum->Value, 1000.5);
  EXPECT_EQ(Weight.Maximum->Text, "1000.5");
  EXPECT_EQ(Weight.MultipleOf->Value, 0.25);
  EXPECT_EQ(S.findProperty("attrs")->Schema->Additional,
            AdditionalKind::Schema);
  EXPECT_EQ(S.findProperty("point")->Schema->PrefixItems.size(), 2u);
  ASSERT_TRUE(S.Disc.hasValue());
  EXPECT_EQ(S.Disc->PropertyName, "petType");
  EXPECT_EQ(S.Disc->Mapping[1],
            std::make_pair(std::string("dog"), std::string("Dog")));
  EXPECT_EQ(S.Extensions[0].JSON, "true");
  EXPECT_EQ(A.findSchema("Dog")->Schema.AllOf[1]->ExtraRequired,
            std::vector<std::string>{"bark"});
  EXPECT_EQ(*A.findSchema("User")->Schema.Example,
            "{\"id\":1,\"tags\":[\"a\",2.5,false],\"nested\":{}}");
  const SchemaNode &Shape = A.findSchema("Shape")->Schema;
  EXPECT_EQ(Shape.OneOf.size(), 1u);
  EXPECT_EQ(Shape.AnyOf.size(), 1u);
  EXPECT_EQ(Shape.Not->Types, TypeSet(JSONType::Null));

  const Operation *List = A.findOperation("listPets");
  ASSERT_NE(List, nullptr);
  EXPECT_EQ(List->M, Method::Get);
  EXPECT_EQ(List->Tags, std::vector<std::string>{"pets"});
  ASSERT_EQ(List->Parameters.size(), 5u);
  EXPECT_EQ(List->Parameters[0].Style, ParamStyle::Form);
  EXPECT_EQ(List->Parameters[0].Explode, true);
  EXPECT_EQ(List->Parameters[1].Explode, false);
  EXPECT_TRUE(List->Parameters[1].AllowReserved);
  EXPECT_EQ(List->Parameters[2].Content.size(), 1u);
  EXPECT_EQ(List->Parameters[3].In, ParamIn::Header);
  EXPECT_EQ(List->Parameters[3].Examples[0].Value, std::string("\"0b0e\""));
  EXPECT_EQ(List->Parameters[4].In, ParamIn::Cookie);
  ASSERT_TRUE(List->Security.hasValue());
  EXPECT_TRUE(List->Security->Alternatives.empty());
  const Response *OK = List->findResponse("200");
  ASSERT_NE(OK, nullptr);
  EXPECT_EQ(OK->Headers[0].Name, "X-Rate-Limit");
  EXPECT_EQ(OK->Content[0].Examples.size(), 2u);
  EXPECT_EQ(OK->Links[0].Parameters[0].second, "$response.body#/0/id");
  EXPECT_NE(List->findResponse("4XX"), nullptr);
  EXPECT_TRUE(List->findResponse("default")->isDefault());

  const Operation *Create = A.findOperation("createPet");
  ASSERT_NE(Create, nullptr);
  ASSERT_TRUE(Create->Body != nullptr);
  EXPECT_TRUE(Create->Body->Required);
  EXPECT_EQ(Create->Body->Content.size(), 2u);
  EXPECT_EQ(Create->Callbacks[0].Operations[0].Path,
            "{$request.body#/callbackUrl}");
  EXPECT_EQ(Create->Extensions[0].JSON, "{\"limit\":10}");
  EXPECT_FALSE(A.findOperation("getPet")->Security.hasValue());
  ASSERT_EQ(A.Webhooks.size(), 1u);
  EXPECT_EQ(A.Webhooks[0].Path, "newPet");
}

TEST(APITextTest, PrintsDefaultsOmittedAndCanonicalOrder) {
  API A;
  A.TheInfo.Title = "T";
  NamedSchema S;
  S.Name = "S";
  S.Schema.Types.add(JSONType::Null).add(JSONType::Integer);
  S.Schema.Minimum = 0.1;
  S.Schema.Maximum = 1e20;
  A.Schemas.push_back(std::move(S));
  Operation Op;
  Op.M = Method::Put;
  Op.Path = "/s/{id}";
  Parameter P;
  P.Name = "id";
  P.In = ParamIn::Path;
  P.Required = true;
  P.Schema = std::make_unique<SchemaNode>();
  Op.Parameters.push_back(std::move(P));
  A.Operations.push_back(std::move(Op));
  EXPECT_EQ(print(A), "api \"T\" {\n"
                      "  schema S [type = (integer, null), minimum = 0.1, "
                      "maximum = 1e+20];\n"
                      "  operation put \"/s/{id}\" {\n"
                      "    parameter id [in = path, required] {\n"
                      "      schema;\n"
                      "    }\n"
                      "  }\n"
                      "}\n");
}

TEST(APITextTest, ReaderErrorsAreLocated) {
  struct Case {
    const char *Text;
    const char *Message;
  } Cases[] = {
      {"api \"A\" {\n  schema S [typo = 1];\n}\n",
       "2:13: unknown attribute 'typo' on 'schema'"},
      {"api \"A\" {\n  operation get \"/x\" {\n    bogus;\n  }\n}\n",
       "3:5: unknown item 'bogus' in operation"},
      {"api \"A\" {\n  schema S [max_length = \"x\"];\n}\n",
       "2:13: attribute 'max_length' expects an integer"},
      {"api \"A\" {\n  schema S [min_items = -1];\n}\n",
       "2:13: attribute 'min_items' must not be negative"},
      {"api \"A\" {\n  operation get \"/x\" {\n    parameter p;\n  }\n}\n",
       "3:5: missing attribute 'in'"},
      {"api \"A\" {\n  operation fetch \"/x\";\n}\n",
       "2:3: unknown method 'fetch'"},
      {"api \"A\" {\n  schema S [type = (string, str)];\n}\n",
       "2:13: unknown type 'str'"},
      {"api \"A\" {\n  security_scheme s [type = magic];\n}\n",
       "2:22: unknown security scheme type 'magic'"},
      {"api \"A\" {\n  security_scheme s [type = http, name = n];\n}\n",
       "2:35: unknown attribute 'name' on 'security_scheme'"},
      {"api \"A\" {\n  operation get \"/x\" {\n    parameter p [in = body];\n"
       "  }\n}\n",
       "3:18: unknown parameter location 'body'"},
      {"api \"A\" {\n  schema S [required = (a, a)] {\n    property a;\n"
       "  }\n}\n",
       "2:13: duplicate name 'a' in attribute 'required'"},
      {"api \"A\" {\n  schema S [default = (1, (object, 2))];\n}\n",
       "2:13: attribute 'default' expects a JSON value"},
      {"api \"A\" {\n  schema;\n}\n",
       "2:3: 'schema' takes 1 argument, found 0"},
      {"catalog c;\n", "1:1: expected 'api', found 'catalog'"},
  };
  for (const Case &C : Cases) {
    Parsed P;
    parseAndRead(P, C.Text);
    EXPECT_FALSE(P.A) << C.Text;
    ASSERT_FALSE(P.Messages.empty()) << C.Text;
    EXPECT_EQ(P.Messages[0], C.Message) << C.Text;
  }
}

} // namespace
