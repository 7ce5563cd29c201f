//===- TypeScriptTest.cpp - JSON Schema -> TypeScript and zod -------------===//

#include "bk/Scaffold/TypeScript.h"
#include "bk/Scaffold/Zod.h"

#include "bk/OpenAPI/Reader.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace bk::scaffold;

namespace {

/// The component schemas of a 3.1 description, read by the front end.
std::unique_ptr<api::API> readSchemas(Context &Ctx, llvm::StringRef Schemas) {
  std::string Text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
                     "paths: {}\ncomponents:\n  schemas:\n" +
                     Schemas.str();
  unsigned ID =
      Ctx.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "test.yaml"));
  std::unique_ptr<api::API> A = openapi::readOpenAPI(Ctx, ID);
  EXPECT_TRUE(A) << "the description does not read";
  return A;
}

struct Emitted {
  std::string Types, Validators;
};

Emitted emit(llvm::StringRef Schemas) {
  Context Ctx;
  std::unique_ptr<api::API> A = readSchemas(Ctx, Schemas);
  Emitted E;
  if (!A)
    return E;
  NameTable TypeNames, ValidatorNames;
  TypeScriptEmitter TS(*A, TypeNames);
  llvm::raw_string_ostream OS(E.Types);
  TS.emitComponents(OS);
  ZodEmitter Zod(TS, ValidatorNames);
  // A reference to each component makes it emitted.
  for (unsigned I = 0; I < A->Schemas.size(); ++I) {
    api::SchemaNode Ref;
    Ref.Ref = A->Schemas[I].Name;
    Ref.RefIndex = I;
    (void)Zod.schema(Ref, false);
  }
  llvm::raw_string_ostream VOS(E.Validators);
  Zod.emitComponents(VOS);
  return E;
}

TEST(TypeScriptTest, Scalars) {
  Emitted E = emit("    S: {type: string, format: date-time}\n"
                   "    N: {type: [integer, 'null']}\n"
                   "    B: {type: boolean}\n"
                   "    E: {enum: [a, 1, null]}\n"
                   "    C: {const: 'x'}\n"
                   "    Any: {}\n");
  EXPECT_EQ(E.Types, "export type S = string;\n\n"
                     "export type N = number | null;\n\n"
                     "export type B = boolean;\n\n"
                     "export type E = \"a\" | 1 | null;\n\n"
                     "export type C = \"x\";\n\n"
                     "export type Any = unknown;\n\n");
  EXPECT_NE(E.Validators.find("export const SSchema: z.ZodType = z.lazy(() "
                              "=> R.str({ format: \"date-time\" }));"),
            std::string::npos)
      << E.Validators;
  EXPECT_NE(E.Validators.find("R.nullable(R.num({ integer: true }))"),
            std::string::npos)
      << E.Validators;
  EXPECT_NE(E.Validators.find("R.lit([\"a\", 1, null])"), std::string::npos)
      << E.Validators;
}

TEST(TypeScriptTest, ReadOnlyWriteOnlyShapes) {
  Emitted E = emit("    User:\n"
                   "      type: object\n"
                   "      required: [id, name]\n"
                   "      properties:\n"
                   "        id: {type: integer, readOnly: true}\n"
                   "        name: {type: string}\n"
                   "        password: {type: string, writeOnly: true}\n"
                   "    Team:\n"
                   "      type: object\n"
                   "      properties:\n"
                   "        members: {type: array, items: {$ref: "
                   "'#/components/schemas/User'}}\n");
  EXPECT_EQ(E.Types, "export interface User {\n"
                     "  readonly id: number;\n"
                     "  name: string;\n"
                     "}\n\n"
                     "/** The request shape of User (without its readOnly "
                     "properties). */\n"
                     "export interface UserInput {\n"
                     "  name: string;\n"
                     "  password?: string;\n"
                     "}\n\n"
                     "export interface Team {\n"
                     "  members?: Array<User>;\n"
                     "}\n\n"
                     "/** The request shape of Team (without its readOnly "
                     "properties). */\n"
                     "export interface TeamInput {\n"
                     "  members?: Array<UserInput>;\n"
                     "}\n\n");
  // A required readOnly property is required in responses only.
  EXPECT_NE(E.Validators.find("}, [\"name\"], true)"), std::string::npos)
      << E.Validators;
}

TEST(TypeScriptTest, CompositionAndRecursion) {
  Emitted E = emit("    Node:\n"
                   "      type: object\n"
                   "      properties:\n"
                   "        children: {type: array, items: {$ref: "
                   "'#/components/schemas/Node'}}\n"
                   "    Both:\n"
                   "      allOf:\n"
                   "        - $ref: '#/components/schemas/Node'\n"
                   "        - {type: object, properties: {n: {type: "
                   "number}}}\n"
                   "    Either: {anyOf: [{type: string}, {type: number}]}\n"
                   "    Map: {type: object, additionalProperties: {type: "
                   "integer}}\n"
                   "    Closed: {type: object, additionalProperties: false}\n");
  EXPECT_NE(E.Types.find("export interface Node {\n"
                         "  children?: Array<Node>;\n"
                         "}"),
            std::string::npos)
      << E.Types;
  EXPECT_NE(E.Types.find("export type Both = Node & {\n  n?: number;\n};"),
            std::string::npos)
      << E.Types;
  EXPECT_NE(E.Types.find("export type Either = (string) | (number);"),
            std::string::npos)
      << E.Types;
  EXPECT_NE(E.Types.find("export type Map = { [key: string]: number };"),
            std::string::npos)
      << E.Types;
  EXPECT_NE(E.Types.find("export type Closed = Record<string, never>;"),
            std::string::npos)
      << E.Types;
  EXPECT_NE(E.Validators.find("R.allOf([NodeSchema, R.obj({ n: R.num() }, "
                              "[], true)])"),
            std::string::npos)
      << E.Validators;
}

} // namespace
