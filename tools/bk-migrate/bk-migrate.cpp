//===- bk-migrate.cpp - A live PostgreSQL database and its migrations -----===//
//
// bk-migrate --connection URL --compare DESIRED: reads the live catalog
// (libpq), diffs it against the desired schema (a DDL file, a directory of
// .sql files or '-') with bk-diff's planner, and writes the migration that
// brings the database to it, and back. Exit 0 no drift, 1 drift (the CI
// drift check), 2 connection or input error. docs/CommandGuide/bk-migrate.md
// has the options; the other modes of the issue (--analyze, --migrate, ...)
// come as they are built.
//
//===----------------------------------------------------------------------===//

#include "bk/Database/CatalogReader.h"
#include "bk/Database/Connection.h"
#include "bk/Diff/Diff.h"
#include "bk/Diff/MigrationDriver.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/ToolMain.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::opt<std::string> ConnectionString(
    "connection",
    cl::desc("The database: a postgres:// URL or key=value string; 'env' or "
             "an empty value uses the PG* environment, as psql does"),
    cl::value_desc("url"), cl::cat(Cat));
static cl::opt<std::string> Compare(
    "compare",
    cl::desc("Diff the database against this desired schema (a DDL file, a "
             "directory of .sql files or '-') and write the migration to it"),
    cl::value_desc("desired.sql"), cl::cat(Cat));
static cl::list<std::string>
    Schemas("schemas", cl::desc("Read only these schemas of the database"),
            cl::value_desc("a,b,..."), cl::CommaSeparated, cl::cat(Cat));
static cl::list<std::string>
    ExcludeSchemas("exclude-schemas",
                   cl::desc("Skip these schemas of the database"),
                   cl::value_desc("a,b,..."), cl::CommaSeparated, cl::cat(Cat));
static diff::MigrationFlags Flags;

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-migrate: a live PostgreSQL database and its "
                   "migrations\n\n"
                   "  bk-migrate --connection URL --compare desired.sql "
                   "[-o up.sql] [--down down.sql]\n\n"
                   "Exit status: 0 no drift, 1 drift, 2 error.\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-migrate");
  DiagnosticEngine &Diags = Ctx.getDiags();
  auto Fail = [&] {
    Diags.flush();
    return ExitError;
  };
  auto Usage = [&](const Twine &Msg) {
    Diags.error(Loc(), Msg);
    return Fail();
  };
  if (!Compare.getNumOccurrences())
    return Usage("give --compare desired.sql (see --help)");
  if (!ConnectionString.getNumOccurrences())
    return Usage("--compare needs --connection URL (or --connection env for "
                 "the PG* environment)");
  if (!Flags.validate(Diags))
    return Fail();

  // The desired schema first: a typo there needs no server.
  std::unique_ptr<schema::Catalog> Desired =
      diff::readSchemaArgument(Ctx, Compare);
  if (!Desired)
    return Fail();

  Expected<std::unique_ptr<db::Connection>> Conn =
      db::Connection::open(Ctx, ConnectionString);
  if (!Conn) {
    reportError(Diags, Conn.takeError());
    return Fail();
  }
  db::CatalogReaderOptions ReadOpts;
  ReadOpts.Schemas = Schemas;
  ReadOpts.ExcludeSchemas = ExcludeSchemas;
  Expected<std::unique_ptr<schema::Catalog>> Live =
      db::readCatalog(**Conn, ReadOpts);
  if (!Live) {
    reportError(Diags, Live.takeError());
    return Fail();
  }

  diff::DiffOptions Opts = Flags.diffOptions();
  diff::Migration M;
  bool OK = diff::diffCatalogs(**Live, *Desired, Opts, Diags, M);
  Diags.flush();
  if (!OK)
    return ExitError;
  int Status = M.Up.empty() ? ExitSuccess : ExitFindings;
  if (Flags.checkOnly())
    return Status;

  diff::ScriptHeader H;
  H.From = ("database " + (*Conn)->getDescription()).str();
  H.To = Compare == "-" ? std::string("<stdin>") : Compare.getValue();
  if (!Flags.write(Ctx, M, H, Opts))
    return Fail();
  return Status;
}
