//===- bk-opt.cpp - Run passes over bk IR ---------------------------------===//
//
// Reads Schema IR or API IR, runs the passes named by -passes=, and prints
// the IR. With -verify-diagnostics it checks the diagnostics against
// expected-* comments in the input instead (see docs/CommandGuide/bk-opt.md).
//
//===----------------------------------------------------------------------===//

#include "bk/Passes/IRUnit.h"
#include "bk/Passes/PassBuilder.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/ToolMain.h"
#include "bk/Support/VerifyDiagnostics.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::opt<std::string> InputFilename(cl::Positional,
                                          cl::desc("<input .bkir file>"),
                                          cl::init("-"), cl::cat(Cat));
static cl::opt<std::string> OutputFilename("o", cl::desc("Output file"),
                                           cl::value_desc("path"),
                                           cl::init("-"), cl::cat(Cat));
static cl::alias OutputAlias("output", cl::desc("Alias for -o"),
                             cl::aliasopt(OutputFilename), cl::cat(Cat));
static cl::opt<std::string>
    Passes("passes", cl::desc("Comma-separated passes and rules to run"),
           cl::value_desc("a,b,..."), cl::cat(Cat));
static cl::opt<bool> PrintAfterAll("print-after-all",
                                   cl::desc("Print the IR after every pass"),
                                   cl::cat(Cat));
static cl::opt<bool>
    VerifyDiagnostics("verify-diagnostics",
                      cl::desc("Check diagnostics against expected-* "
                               "comments in the input"),
                      cl::cat(Cat));
static cl::opt<bool>
    SplitInputFile("split-input-file",
                   cl::desc("Process each '// -----' chunk of the input "
                            "separately"),
                   cl::cat(Cat));
static cl::opt<bool> VerifyEach("verify-each",
                                cl::desc("Verify the IR after every pass"),
                                cl::init(true), cl::cat(Cat));
static cl::opt<bool>
    PrintLocations("print-locations",
                   cl::desc("Print each object's source location as "
                            "loc(\"file\":line:col)"),
                   cl::cat(Cat));
static cl::opt<bool> ListPasses("list-passes",
                                cl::desc("List the passes and rules"),
                                cl::cat(Cat));
static cl::opt<DiagnosticFormat> Format(
    "format", cl::desc("Diagnostics format"), cl::init(DiagnosticFormat::Text),
    cl::values(clEnumValN(DiagnosticFormat::Text, "text", "file:line:col text"),
               clEnumValN(DiagnosticFormat::JSON, "json", "a JSON array")),
    cl::cat(Cat));

static void listPasses(raw_ostream &OS) {
  for (const PassInfo &P : getRegisteredPasses()) {
    OS << "  " << P.Name;
    OS.indent(P.Name.size() < 28 ? 28 - P.Name.size() : 1)
        << (P.IsRule ? "rule" : "pass") << ", " << getIRKindName(P.Kind)
        << ": " << P.Description << "\n";
  }
}

/// Reads, verifies, transforms and prints one input (or chunk) into OS.
static bool processBuffer(Context &Ctx, unsigned BufferID, raw_ostream &OS) {
  unsigned ErrorsBefore = Ctx.getDiags().getNumErrors();
  IRUnit U = readIRText(Ctx, BufferID);
  if (!U || !verifyIR(U, Ctx.getDiags()))
    return false;
  PipelineOptions Opts;
  Opts.Passes = Passes;
  Opts.PrintAfterAll = PrintAfterAll ? &errs() : nullptr;
  Opts.PrintLocations = PrintLocations;
  Opts.VerifyEach = VerifyEach;
  Expected<bool> OK = runPipeline(Ctx, U, Opts);
  if (!OK) {
    reportError(Ctx.getDiags(), OK.takeError());
    return false;
  }
  if (!*OK || Ctx.getDiags().getNumErrors() != ErrorsBefore)
    return false;
  printIR(OS, U, PrintLocations);
  return true;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-opt: run bk passes over Schema IR or API IR\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-opt");
  Ctx.getDiags().setFormat(Format);
  if (ListPasses) {
    listPasses(outs());
    return ExitSuccess;
  }

  Expected<unsigned> BufferID = Ctx.loadFile(InputFilename);
  if (!BufferID) {
    reportError(Ctx.getDiags(), BufferID.takeError());
    return ExitError;
  }

  // Output is built in memory and written only when the whole run
  // succeeded: no partial output on error.
  std::string Result;
  raw_string_ostream ResultOS(Result);
  bool FirstChunk = true;
  Optional<DiagnosticVerifier> Verifier;
  if (VerifyDiagnostics)
    Verifier.emplace(Ctx);
  bool OK = processSplitInput(Ctx, *BufferID, SplitInputFile, [&](unsigned ID) {
    if (!FirstChunk)
      ResultOS << "// -----\n";
    FirstChunk = false;
    if (Verifier)
      Verifier->addBuffer(ID);
    return processBuffer(Ctx, ID, ResultOS);
  });

  if (Verifier) {
    bool Matched = Verifier->verify(errs());
    Verifier.reset();
    return Matched ? ExitSuccess : ExitFindings;
  }
  Ctx.getDiags().flush();
  if (!OK)
    return ExitError;

  auto Out = OutputFile::create(OutputFilename);
  if (Out)
    (*Out)->os() << ResultOS.str();
  Error E = Out ? (*Out)->commit() : Out.takeError();
  if (reportError(Ctx.getDiags(), std::move(E))) {
    Ctx.getDiags().flush();
    return ExitError;
  }
  return ExitSuccess;
}
