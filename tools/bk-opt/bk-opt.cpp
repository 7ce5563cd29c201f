//===- bk-opt.cpp - Run passes over bk IR ---------------------------------===//
//
// Reads Schema IR or API IR, runs the passes named by -passes=, and prints
// the IR. With -verify-diagnostics it checks the diagnostics against
// expected-* comments in the input instead; --emit=statements lists how the
// SQL front end took each statement (see docs/CommandGuide/bk-opt.md).
//
//===----------------------------------------------------------------------===//

#include "bk/Database/CatalogReader.h"
#include "bk/Database/Connection.h"
#include "bk/Passes/IRUnit.h"
#include "bk/Passes/PassBuilder.h"
#include "bk/SQL/Parser.h"
#include "bk/SQLWriter/SQLWriter.h"
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

static cl::opt<std::string> ConnectionString(
    "connection",
    cl::desc("Read the Schema IR from a live PostgreSQL database instead of "
             "a file: a postgres:// URL or key=value string; 'env' or an "
             "empty value uses the PG* environment"),
    cl::value_desc("url"), cl::cat(Cat));
static cl::list<std::string>
    Schemas("schemas", cl::desc("With --connection: read only these schemas"),
            cl::value_desc("a,b,..."), cl::CommaSeparated, cl::cat(Cat));
static cl::list<std::string>
    ExcludeSchemas("exclude-schemas",
                   cl::desc("With --connection: skip these schemas"),
                   cl::value_desc("a,b,..."), cl::CommaSeparated, cl::cat(Cat));
static cl::opt<bool>
    ReadOwners("owners",
               cl::desc("With --connection: record object owners "
                        "(default true)"),
               cl::init(true), cl::cat(Cat));

enum class EmitKind { IR, SQL, Statements };
static cl::opt<EmitKind> Emit(
    "emit", cl::desc("What to print"), cl::init(EmitKind::IR),
    cl::values(clEnumValN(EmitKind::IR, "ir", "the IR (default)"),
               clEnumValN(EmitKind::SQL, "sql",
                          "Schema IR as PostgreSQL DDL (docs/SQLWriter.md)"),
               clEnumValN(EmitKind::Statements, "statements",
                          "SQL input: each statement's byte range, verdict "
                          "and kind (no passes)")),
    cl::cat(Cat));

static void listPasses(raw_ostream &OS) {
  for (const PassInfo &P : getRegisteredPasses()) {
    OS << "  " << P.Name;
    OS.indent(P.Name.size() < 28 ? 28 - P.Name.size() : 1)
        << (P.IsDatabase   ? "database check"
            : P.IsFrontEnd ? "front-end check"
            : P.IsRule     ? "rule"
                           : "pass")
        << ", " << getIRKindName(P.Kind) << ": " << P.Description << "\n";
  }
}

/// Verifies, transforms and prints one IR unit into OS.
static bool processUnit(Context &Ctx, IRUnit &U, raw_ostream &OS) {
  unsigned ErrorsBefore = Ctx.getDiags().getNumErrors();
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
  if (Emit == EmitKind::SQL) {
    if (U.getKind() != IRKind::Schema) {
      Ctx.getDiags().error(Loc(), "--emit=sql needs Schema IR, not API IR");
      return false;
    }
    sqlwriter::writeCatalog(OS, *U.Catalog);
    return true;
  }
  printIR(OS, U, PrintLocations);
  return true;
}

/// --emit=statements: how the SQL front end took each top-level statement,
/// one line `BEGIN END parsed|ignored|error KIND` (byte offsets; `error` is a
/// syntax error, sql::Statement::Parsed). Diagnostics are reported as usual;
/// false only when the input could not be split at all.
static bool printStatements(Context &Ctx, unsigned BufferID, raw_ostream &OS) {
  StringRef Name =
      Ctx.getSourceMgr().getMemoryBuffer(BufferID)->getBufferIdentifier();
  if (!Name.endswith_insensitive(".sql")) {
    Ctx.getDiags().error(Loc(), "--emit=statements needs a .sql input");
    return false;
  }
  sql::ParseResult R = sql::parseSQL(Ctx, BufferID);
  if (R.HadErrors && R.Statements.empty())
    return false; // invalid UTF-8
  for (const sql::Statement &S : R.Statements)
    OS << S.Begin << ' ' << S.End << ' '
       << (!S.Parsed   ? "error"
           : S.Ignored ? "ignored"
                       : "parsed")
       << ' ' << S.Kind << '\n';
  return true;
}

/// Reads, verifies, transforms and prints one input (or chunk) into OS.
static bool processBuffer(Context &Ctx, unsigned BufferID, raw_ostream &OS) {
  if (Emit == EmitKind::Statements)
    return printStatements(Ctx, BufferID, OS);
  IRUnit U = readInput(Ctx, BufferID);
  return processUnit(Ctx, U, OS);
}

/// --connection: the live catalog instead of an input file.
static bool processDatabase(Context &Ctx, raw_ostream &OS) {
  if (Emit == EmitKind::Statements) {
    Ctx.getDiags().error(Loc(), "--emit=statements needs a .sql input");
    return false;
  }
  Expected<std::unique_ptr<db::Connection>> Conn =
      db::Connection::open(Ctx, ConnectionString);
  if (!Conn) {
    reportError(Ctx.getDiags(), Conn.takeError());
    return false;
  }
  db::CatalogReaderOptions Opts;
  Opts.Schemas = Schemas;
  Opts.ExcludeSchemas = ExcludeSchemas;
  Opts.Owners = ReadOwners;
  Expected<std::unique_ptr<schema::Catalog>> Catalog =
      db::readCatalog(**Conn, Opts);
  if (!Catalog) {
    reportError(Ctx.getDiags(), Catalog.takeError());
    return false;
  }
  IRUnit U;
  U.Catalog = std::move(*Catalog);
  return processUnit(Ctx, U, OS);
}

/// Writes Result to -o (nothing on failure); the exit code.
static int writeOutput(Context &Ctx, StringRef Result) {
  auto Out = OutputFile::create(OutputFilename);
  if (Out)
    (*Out)->os() << Result;
  Error E = Out ? (*Out)->commit() : Out.takeError();
  if (reportError(Ctx.getDiags(), std::move(E))) {
    Ctx.getDiags().flush();
    return ExitError;
  }
  return ExitSuccess;
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
  if (Emit == EmitKind::Statements && !Passes.empty())
    return usageError(Ctx.getDiags(), "--emit=statements runs no passes");

  if (ConnectionString.getNumOccurrences()) {
    if (InputFilename.getNumOccurrences() || VerifyDiagnostics ||
        SplitInputFile) {
      Ctx.getDiags().error(Loc(), "--connection reads the database instead "
                                  "of an input file: give no input file, "
                                  "-verify-diagnostics or -split-input-file");
      return ExitError;
    }
    std::string Result;
    raw_string_ostream ResultOS(Result);
    ResultOS.SetBuffered(); // flushed before the output is written
    bool OK = processDatabase(Ctx, ResultOS);
    Ctx.getDiags().flush();
    if (!OK)
      return ExitError;
    ResultOS.flush();
    return writeOutput(Ctx, Result);
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
  // Buffered (unbuffered, each << is a call); flushed before writing.
  ResultOS.SetBuffered();
  bool FirstChunk = true;
  Optional<DiagnosticVerifier> Verifier;
  if (VerifyDiagnostics)
    Verifier.emplace(Ctx);
  bool OK = processSplitInput(Ctx, *BufferID, SplitInputFile, [&](unsigned ID) {
    if (!FirstChunk)
      ResultOS << (Emit == EmitKind::SQL ? "-- -----\n" : "// -----\n");
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

  ResultOS.flush();
  return writeOutput(Ctx, Result);
}
