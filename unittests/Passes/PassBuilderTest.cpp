//===- PassBuilderTest.cpp - Pipelines from names -------------------------===//

#include "bk/Passes/PassBuilder.h"

#include "llvm/ADT/StringSet.h"
#include "gtest/gtest.h"

using namespace bk;
using namespace llvm;

namespace {

TEST(PassBuilderTest, RegistryNamesAreUniquePerIR) {
  StringSet<> Schema, API;
  for (const PassInfo &P : getRegisteredPasses()) {
    auto &Set = P.Kind == IRKind::Schema ? Schema : API;
    EXPECT_TRUE(Set.insert(P.Name).second) << "duplicate: " << P.Name.str();
    EXPECT_FALSE(P.Description.empty()) << P.Name.str();
  }
  EXPECT_TRUE(Schema.count("verify"));
  EXPECT_TRUE(API.count("verify"));
}

TEST(PassBuilderTest, BuildsPipelinesInOrder) {
  PassManager<schema::Catalog> PM;
  ASSERT_FALSE(
      errorToBool(buildPipeline(PM, "verify, table-without-primary-key")));
  EXPECT_EQ(PM.size(), 2u);
  PassManager<api::API> APM;
  ASSERT_FALSE(errorToBool(buildPipeline(APM, "")));
  EXPECT_TRUE(APM.empty());
}

TEST(PassBuilderTest, ErrorsNameThePass) {
  PassManager<schema::Catalog> PM;
  EXPECT_EQ(toString(buildPipeline(PM, "verify,nonsense")),
            "unknown pass 'nonsense' (--list-passes shows them all)");
  EXPECT_EQ(toString(buildPipeline(PM, "operation-operation-id")),
            "pass 'operation-operation-id' runs on the API IR, but the input "
            "is Schema IR");
  EXPECT_EQ(toString(buildPipeline(PM, "verify,,verify")),
            "empty pass name in pipeline 'verify,,verify'");
}

} // namespace
