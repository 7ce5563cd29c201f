//===- IRUnit.cpp - One input, either IR ----------------------------------===//

#include "bk/Passes/IRUnit.h"
#include "bk/API/APIText.h"
#include "bk/API/Verifier.h"
#include "bk/IR/IRText.h"
#include "bk/OpenAPI/Reader.h"
#include "bk/SQL/Parser.h"
#include "bk/Schema/SchemaText.h"
#include "bk/Schema/Verifier.h"

using namespace llvm;

namespace bk {

IRUnit readInput(Context &Ctx, unsigned BufferID) {
  return readInput(Ctx, BufferID, openapi::ReadOptions());
}

IRUnit readInput(Context &Ctx, unsigned BufferID,
                 const openapi::ReadOptions &ReadOpts) {
  IRUnit U;
  // SQL DDL goes through the SQL front end (docs/SQL.md).
  StringRef Name =
      Ctx.getSourceMgr().getMemoryBuffer(BufferID)->getBufferIdentifier();
  if (Name.endswith_insensitive(".sql")) {
    sql::ParseResult R = sql::parseSQL(Ctx, BufferID);
    if (!R.HadErrors)
      U.Catalog = std::move(R.Catalog);
    return U;
  }
  // OpenAPI (YAML or JSON) goes through the OpenAPI front end
  // (docs/OpenAPI.md); the driver verifies the IR itself.
  if (openapi::looksLikeOpenAPI(
          Name, Ctx.getSourceMgr().getMemoryBuffer(BufferID)->getBuffer())) {
    openapi::ReadOptions Opts = ReadOpts;
    Opts.Verify = false;
    U.API = openapi::readOpenAPI(Ctx, BufferID, Opts);
    return U;
  }
  Optional<std::vector<irtext::Item>> Items = irtext::parse(Ctx, BufferID);
  if (!Items)
    return U;
  if (!Items->empty() && Items->front().Kind == "api")
    U.API = api::readAPI(Ctx, *Items);
  else
    U.Catalog = schema::readCatalog(Ctx, *Items);
  return U;
}

bool verifyIR(const IRUnit &U, DiagnosticEngine &Diags) {
  if (U.API)
    return api::verifyAPI(*U.API, Diags);
  return schema::verifyCatalog(*U.Catalog, Diags);
}

void printIR(raw_ostream &OS, const IRUnit &U, bool PrintLocations) {
  if (U.API)
    api::printAPI(OS, *U.API, PrintLocations);
  else
    schema::printCatalog(OS, *U.Catalog, PrintLocations);
}

template <typename IRUnitT>
static Expected<bool> runPipelineImpl(
    Context &Ctx, IRUnitT &IR, const PipelineOptions &Opts,
    std::function<void(raw_ostream &, const IRUnitT &)> Print,
    std::function<bool(const IRUnitT &, DiagnosticEngine &)> Verify) {
  IRHooks<IRUnitT> Hooks;
  Hooks.Print = std::move(Print);
  Hooks.Verify = std::move(Verify);
  PassManager<IRUnitT> PM(std::move(Hooks));
  if (Error E = buildPipeline(PM, Opts.Passes))
    return E;
  PM.setPrintAfterAll(Opts.PrintAfterAll);
  PM.setVerifyEach(Opts.VerifyEach);
  AnalysisManager<IRUnitT> AM(Ctx);
  return PM.run(IR, AM);
}

Expected<bool> runPipeline(Context &Ctx, IRUnit &U,
                           const PipelineOptions &Opts) {
  bool Locs = Opts.PrintLocations;
  if (U.API)
    return runPipelineImpl<api::API>(
        Ctx, *U.API, Opts,
        [Locs](raw_ostream &OS, const api::API &A) {
          api::printAPI(OS, A, Locs);
        },
        [](const api::API &A, DiagnosticEngine &D) {
          return api::verifyAPI(A, D);
        });
  return runPipelineImpl<schema::Catalog>(
      Ctx, *U.Catalog, Opts,
      [Locs](raw_ostream &OS, const schema::Catalog &C) {
        schema::printCatalog(OS, C, Locs);
      },
      [](const schema::Catalog &C, DiagnosticEngine &D) {
        return schema::verifyCatalog(C, D);
      });
}

} // namespace bk
