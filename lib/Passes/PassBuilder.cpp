//===- PassBuilder.cpp - Pipelines from names -----------------------------===//

#include "bk/Passes/PassBuilder.h"
#include "bk/Passes/PassIncludes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace bk {

StringRef getIRKindName(IRKind K) {
  return K == IRKind::Schema ? "Schema IR" : "API IR";
}

ArrayRef<PassInfo> getRegisteredPasses() {
  static const PassInfo Infos[] = {
#define SCHEMA_PASS(NAME, CLASS, DESC)                                         \
  {NAME, IRKind::Schema, false, Severity::Note, DESC},
#define API_PASS(NAME, CLASS, DESC)                                            \
  {NAME, IRKind::API, false, Severity::Note, DESC},
#define SCHEMA_RULE(ID, CLASS, SEV, DESC)                                      \
  {ID, IRKind::Schema, true, Severity::SEV, DESC},
#define API_RULE(ID, CLASS, SEV, DESC)                                         \
  {ID, IRKind::API, true, Severity::SEV, DESC},
#define API_FRONTEND_CHECK(ID, SEV, DESC)                                      \
  {ID, IRKind::API, true, Severity::SEV, DESC, /*IsFrontEnd=*/true},
#define DATABASE_CHECK(ID, CLASS, SEV, DESC)                                   \
  {ID,                                                                         \
   IRKind::Schema,                                                             \
   true,                                                                       \
   Severity::SEV,                                                              \
   DESC,                                                                       \
   /*IsFrontEnd=*/false,                                                       \
   /*IsDatabase=*/true},
#include "bk/Passes/PassRegistry.def"
  };
  return Infos;
}

static std::unique_ptr<Pass<schema::Catalog>> createPass(StringRef Name,
                                                         schema::Catalog *) {
#define SCHEMA_PASS(NAME, CLASS, DESC)                                         \
  if (Name == NAME)                                                            \
    return std::make_unique<CLASS>();
#define SCHEMA_RULE(ID, CLASS, SEV, DESC)                                      \
  if (Name == ID)                                                              \
    return std::make_unique<CLASS>(ID, Severity::SEV);
#include "bk/Passes/PassRegistry.def"
  return nullptr;
}

static std::unique_ptr<Pass<api::API>> createPass(StringRef Name, api::API *) {
#define API_PASS(NAME, CLASS, DESC)                                            \
  if (Name == NAME)                                                            \
    return std::make_unique<CLASS>();
#define API_RULE(ID, CLASS, SEV, DESC)                                         \
  if (Name == ID)                                                              \
    return std::make_unique<CLASS>(ID, Severity::SEV);
#include "bk/Passes/PassRegistry.def"
  return nullptr;
}

std::unique_ptr<Pass<schema::Catalog>> createSchemaPass(StringRef Name) {
  return createPass(Name, static_cast<schema::Catalog *>(nullptr));
}

std::unique_ptr<Pass<api::API>> createAPIPass(StringRef Name) {
  return createPass(Name, static_cast<api::API *>(nullptr));
}

template <typename IRUnitT>
static Error buildPipelineImpl(PassManager<IRUnitT> &PM, StringRef Pipeline,
                               IRKind Kind) {
  SmallVector<StringRef, 8> Names;
  Pipeline.split(Names, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  if (Pipeline.trim().empty())
    return Error::success();
  for (StringRef Name : Names) {
    Name = Name.trim();
    if (Name.empty())
      return createStringError(inconvertibleErrorCode(),
                               "empty pass name in pipeline '%s'",
                               Pipeline.str().c_str());
    if (auto P = createPass(Name, static_cast<IRUnitT *>(nullptr))) {
      PM.addPass(std::move(P));
      continue;
    }
    const PassInfo *Other = nullptr;
    for (const PassInfo &I : getRegisteredPasses()) {
      if (I.Name == Name && I.IsDatabase)
        return createStringError(
            inconvertibleErrorCode(),
            "'%s' is a check of a live database (bk-migrate --analyze), not "
            "a pass",
            Name.str().c_str());
      if (I.Name == Name && I.IsFrontEnd)
        return createStringError(
            inconvertibleErrorCode(),
            "'%s' is a check of the front end, made whenever an input is "
            "read, not a pass",
            Name.str().c_str());
      if (I.Name == Name && I.Kind != Kind)
        Other = &I;
    }
    if (Other)
      return createStringError(inconvertibleErrorCode(),
                               "pass '%s' runs on the %s, but the input is %s",
                               Name.str().c_str(),
                               getIRKindName(Other->Kind).str().c_str(),
                               getIRKindName(Kind).str().c_str());
    return createStringError(inconvertibleErrorCode(),
                             "unknown pass '%s' (--list-passes shows them all)",
                             Name.str().c_str());
  }
  return Error::success();
}

Error buildPipeline(PassManager<schema::Catalog> &PM, StringRef Pipeline) {
  return buildPipelineImpl(PM, Pipeline, IRKind::Schema);
}

Error buildPipeline(PassManager<api::API> &PM, StringRef Pipeline) {
  return buildPipelineImpl(PM, Pipeline, IRKind::API);
}

} // namespace bk
