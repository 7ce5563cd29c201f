//===- MigrationDriver.cpp - Reading schemas and writing migrations -------===//

#include "bk/Diff/MigrationDriver.h"
#include "bk/SQL/Parser.h"
#include "bk/Support/Error.h"
#include "bk/Support/InputFiles.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <ctime>

using namespace llvm;

namespace bk {
namespace diff {

std::unique_ptr<schema::Catalog> readSchemaArgument(Context &Ctx,
                                                    StringRef Path) {
  Expected<std::vector<std::string>> Files = expandInputPath(Path, ".sql");
  if (!Files) {
    reportError(Ctx.getDiags(), Files.takeError());
    return nullptr;
  }
  auto Catalog = std::make_unique<schema::Catalog>();
  bool OK = true;
  for (const std::string &F : *Files) {
    Expected<unsigned> ID = Ctx.loadFile(F);
    if (!ID) {
      reportError(Ctx.getDiags(), ID.takeError());
      return nullptr;
    }
    OK &= sql::parseSQLInto(Ctx, *ID, *Catalog);
  }
  if (!OK || Ctx.getDiags().hasErrors())
    return nullptr;
  return Catalog;
}

std::string currentMigrationVersion() {
  std::time_t Now = std::time(nullptr);
  std::tm UTC;
  gmtime_r(&Now, &UTC);
  char Buf[32];
  std::strftime(Buf, sizeof(Buf), "%Y%m%d%H%M%S", &UTC);
  return Buf;
}

static bool isSlug(StringRef S) {
  return !S.empty() && S.front() != '.' && all_of(S, [](char C) {
    return isAlnum(C) || C == '_' || C == '-' || C == '.';
  });
}

static cl::OptionCategory &cat() { return getToolCategory(); }

MigrationFlags::MigrationFlags()
    : OutputFilename("o",
                     cl::desc("Write the up migration here ('-': stdout, the "
                              "default)"),
                     cl::value_desc("path"), cl::init("-"), cl::cat(cat())),
      OutputAlias("output", cl::desc("Alias for -o"),
                  cl::aliasopt(OutputFilename), cl::cat(cat())),
      DownFilename("down", cl::desc("Also write the down (rollback) migration"),
                   cl::value_desc("path"), cl::cat(cat())),
      OutputDir("output-dir",
                cl::desc("Write <version>_<name>.up.sql and .down.sql into "
                         "this directory"),
                cl::value_desc("dir"), cl::cat(cat())),
      MigrationName("name", cl::desc("With --output-dir: the migration's slug"),
                    cl::value_desc("slug"), cl::cat(cat())),
      // Given as --version V (ToolMain rewrites it; a bare --version
      // prints bk's version).
      MigrationVersion(
          "migration-version",
          cl::desc("With --output-dir: the file name's version prefix, also "
                   "given as --version V (default: the current UTC time, "
                   "YYYYMMDDHHMMSS)"),
          cl::value_desc("v"), cl::cat(cat())),
      Format("format", cl::desc("What to write"), cl::init(OutputFormat::SQL),
             cl::values(clEnumValN(OutputFormat::SQL, "sql",
                                   "migration SQL (default)"),
                        clEnumValN(OutputFormat::JSON, "json",
                                   "up and down steps with locks and risks, "
                                   "as JSON"),
                        clEnumValN(OutputFormat::Summary, "summary",
                                   "one line per changed object")),
             cl::cat(cat())),
      Check("check", cl::desc("Write nothing; exit 1 if the schemas differ"),
            cl::cat(cat())),
      AllowDestructive("allow-destructive",
                       cl::desc("Allow dropping tables and columns, narrowing "
                                "column types and removing enum values"),
                       cl::cat(cat())),
      NoConcurrently("no-concurrently",
                     cl::desc("Build and drop indexes on existing tables "
                              "without CONCURRENTLY (in the migration's "
                              "transaction)"),
                     cl::cat(cat())),
      FastNotNull("fast-not-null",
                  cl::desc("SET NOT NULL directly instead of through a "
                           "validated CHECK"),
                  cl::cat(cat())),
      ValidateInline("validate-inline",
                     cl::desc("Add foreign keys and checks to existing tables "
                              "validated at once, not NOT VALID + VALIDATE "
                              "CONSTRAINT"),
                     cl::cat(cat())),
      LockTimeout("lock-timeout",
                  cl::desc("SET lock_timeout to this at the top of each "
                           "script (default 5s; empty for none)"),
                  cl::value_desc("duration"), cl::init("5s"), cl::cat(cat())),
      StatementTimeout("statement-timeout",
                       cl::desc("SET statement_timeout to this at the top of "
                                "each script"),
                       cl::value_desc("duration"), cl::cat(cat())),
      TargetVersion("target-version",
                    cl::desc("PostgreSQL major version the migration must "
                             "run on, 13 to 17 (default 15)"),
                    cl::value_desc("n"), cl::init(15), cl::cat(cat())) {}

bool MigrationFlags::validate(DiagnosticEngine &Diags) const {
  auto Usage = [&](const Twine &Msg) {
    Diags.error(Loc(), Msg);
    return false;
  };
  bool ToDir = OutputDir.getNumOccurrences();
  if (ToDir &&
      (OutputFilename.getNumOccurrences() || DownFilename.getNumOccurrences()))
    return Usage("--output-dir writes both scripts: give no -o or --down");
  if (ToDir && !isSlug(MigrationName))
    return Usage("--output-dir needs --name SLUG (letters, digits, '_', '-')");
  if (!ToDir && (MigrationName.getNumOccurrences() ||
                 MigrationVersion.getNumOccurrences()))
    return Usage("--name and --version go with --output-dir");
  if (MigrationVersion.getNumOccurrences() && !isSlug(MigrationVersion))
    return Usage("--version must be letters, digits, '_', '-' or '.'");
  if (ToDir && Format != OutputFormat::SQL)
    return Usage("--output-dir writes SQL files; --format applies to -o");
  return true;
}

DiffOptions MigrationFlags::diffOptions() const {
  DiffOptions Opts;
  Opts.AllowDestructive = AllowDestructive;
  Opts.Concurrently = !NoConcurrently;
  Opts.FastNotNull = FastNotNull;
  Opts.ValidateSeparately = !ValidateInline;
  Opts.LockTimeout = LockTimeout;
  Opts.StatementTimeout = StatementTimeout;
  Opts.TargetVersion = TargetVersion;
  return Opts;
}

bool MigrationFlags::write(Context &Ctx, const Migration &M,
                           const ScriptHeader &Header,
                           const DiffOptions &Opts) const {
  DiagnosticEngine &Diags = Ctx.getDiags();
  ScriptHeader H = Header;
  // Everything is rendered first and written only when all of it is
  // ready: no partial output.
  auto Render = [&](const Script &S, StringRef Direction) {
    std::string Text;
    raw_string_ostream OS(Text);
    H.Direction = Direction.str();
    printSQL(OS, S, H, Opts);
    return OS.str();
  };
  std::vector<std::pair<std::string, std::string>> Files;
  if (OutputDir.getNumOccurrences()) {
    std::string Version = MigrationVersion.getNumOccurrences()
                              ? MigrationVersion.getValue()
                              : currentMigrationVersion();
    SmallString<256> Base(OutputDir);
    sys::path::append(Base, Version + "_" + MigrationName);
    Files.push_back({(Base + ".up.sql").str(), Render(M.Up, "up")});
    Files.push_back({(Base + ".down.sql").str(), Render(M.Down, "down")});
  } else {
    std::string Text;
    raw_string_ostream OS(Text);
    if (Format == OutputFormat::JSON) {
      H.Direction = "up";
      printJSON(OS, M, H, Opts);
    } else if (Format == OutputFormat::Summary) {
      printSummary(OS, M);
    } else {
      OS << Render(M.Up, "up");
    }
    Files.push_back({OutputFilename, OS.str()});
    if (DownFilename.getNumOccurrences())
      Files.push_back({DownFilename, Render(M.Down, "down")});
  }

  std::vector<std::unique_ptr<OutputFile>> Outs;
  for (auto &F : Files) {
    auto Out = OutputFile::create(F.first);
    if (!Out) {
      reportError(Diags, Out.takeError());
      return false;
    }
    (*Out)->os() << F.second;
    Outs.push_back(std::move(*Out));
  }
  for (auto &Out : Outs)
    if (reportError(Diags, Out->commit()))
      return false;
  return true;
}

} // namespace diff
} // namespace bk
