//===- bk-diff.cpp - Offline PostgreSQL schema diff -----------------------===//
//
// bk-diff OLD NEW: reads two schemas (DDL files, directories of .sql files
// or '-'), and writes the migration from OLD to NEW and its rollback. Exit
// status as diff(1): 0 equivalent, 1 different, 2 error or refused
// destructive change. docs/CommandGuide/bk-diff.md has the options.
//
//===----------------------------------------------------------------------===//

#include "bk/Diff/Diff.h"
#include "bk/SQL/Parser.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"

#include <ctime>

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::list<std::string>
    Inputs(cl::Positional, cl::desc("<old schema> <new schema>"), cl::cat(Cat));
static cl::opt<std::string> OutputFilename(
    "o", cl::desc("Write the up migration here ('-': stdout, the default)"),
    cl::value_desc("path"), cl::init("-"), cl::cat(Cat));
static cl::alias OutputAlias("output", cl::desc("Alias for -o"),
                             cl::aliasopt(OutputFilename), cl::cat(Cat));
static cl::opt<std::string>
    DownFilename("down", cl::desc("Also write the down (rollback) migration"),
                 cl::value_desc("path"), cl::cat(Cat));
static cl::opt<std::string> OutputDir(
    "output-dir",
    cl::desc("Write <version>_<name>.up.sql and .down.sql into this directory"),
    cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<std::string>
    MigrationName("name", cl::desc("With --output-dir: the migration's slug"),
                  cl::value_desc("slug"), cl::cat(Cat));
// Given as --version V (ToolMain rewrites it; a bare --version prints
// bk's version).
static cl::opt<std::string> MigrationVersion(
    "migration-version",
    cl::desc("With --output-dir: the file name's version prefix, also given "
             "as --version V (default: the current UTC time, "
             "YYYYMMDDHHMMSS)"),
    cl::value_desc("v"), cl::cat(Cat));

enum class OutputFormat { SQL, JSON, Summary };
static cl::opt<OutputFormat> Format(
    "format", cl::desc("What to write"), cl::init(OutputFormat::SQL),
    cl::values(clEnumValN(OutputFormat::SQL, "sql", "migration SQL (default)"),
               clEnumValN(OutputFormat::JSON, "json",
                          "up and down steps with locks and risks, as JSON"),
               clEnumValN(OutputFormat::Summary, "summary",
                          "one line per changed object")),
    cl::cat(Cat));
static cl::opt<bool>
    Check("check", cl::desc("Write nothing; exit 1 if the schemas differ"),
          cl::cat(Cat));

static cl::opt<bool> AllowDestructive(
    "allow-destructive",
    cl::desc("Allow dropping tables and columns, narrowing column types and "
             "removing enum values"),
    cl::cat(Cat));
static cl::opt<bool>
    NoConcurrently("no-concurrently",
                   cl::desc("Build and drop indexes on existing tables without "
                            "CONCURRENTLY (in the migration's transaction)"),
                   cl::cat(Cat));
static cl::opt<bool> FastNotNull(
    "fast-not-null",
    cl::desc("SET NOT NULL directly instead of through a validated CHECK"),
    cl::cat(Cat));
static cl::opt<bool> ValidateInline(
    "validate-inline",
    cl::desc("Add foreign keys and checks to existing tables validated at "
             "once, not NOT VALID + VALIDATE CONSTRAINT"),
    cl::cat(Cat));
static cl::opt<std::string>
    LockTimeout("lock-timeout",
                cl::desc("SET lock_timeout to this at the top of each script "
                         "(default 5s; empty for none)"),
                cl::value_desc("duration"), cl::init("5s"), cl::cat(Cat));
static cl::opt<std::string> StatementTimeout(
    "statement-timeout",
    cl::desc("SET statement_timeout to this at the top of each script"),
    cl::value_desc("duration"), cl::cat(Cat));
static cl::opt<bool> TimePhases(
    "time-phases",
    cl::desc("Print the wall time of each phase (parse, diff, plan, print) "
             "to stderr"),
    cl::cat(Cat));
static cl::opt<unsigned>
    TargetVersion("target-version",
                  cl::desc("PostgreSQL major version the migration must run "
                           "on, 13 to 17 (default 15)"),
                  cl::value_desc("n"), cl::init(15), cl::cat(Cat));

/// Reads one side: a file, '-', or a directory whose .sql files are read in
/// name order into one catalog. Null after reporting errors.
static std::unique_ptr<schema::Catalog> readSchema(Context &Ctx,
                                                   StringRef Path) {
  std::vector<std::string> Files;
  if (Path != "-" && sys::fs::is_directory(Path)) {
    std::error_code EC;
    for (sys::fs::directory_iterator It(Path, EC), End; It != End && !EC;
         It.increment(EC))
      if (sys::path::extension(It->path()) == ".sql" &&
          !sys::fs::is_directory(It->path()))
        Files.push_back(It->path());
    if (EC) {
      Ctx.getDiags().error(Loc(), Path + ": " + EC.message());
      return nullptr;
    }
    llvm::sort(Files);
  } else {
    Files.push_back(Path.str());
  }
  auto Catalog = std::make_unique<schema::Catalog>();
  bool OK = true;
  for (const std::string &F : Files) {
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

/// --time-phases: one line of our own instead of LLVM's timer report
/// (cleared before the timers go, so the group prints nothing).
struct PhaseTimers {
  TimerGroup Group{"bk-diff", "bk-diff phases"};
  Timer Parse{"parse", "parse both schemas", Group};
  Timer Diff{"diff", "compare the catalogs", Group};
  Timer Plan{"plan", "order the steps", Group};
  Timer Print{"print", "write the scripts", Group};
  ~PhaseTimers() { Group.clear(); }
};

/// YYYYMMDDHHMMSS, UTC.
static std::string currentVersion() {
  std::time_t Now = std::time(nullptr);
  std::tm UTC;
  gmtime_r(&Now, &UTC);
  char Buf[32];
  std::strftime(Buf, sizeof(Buf), "%Y%m%d%H%M%S", &UTC);
  return Buf;
}

static bool isSlug(StringRef S) {
  return !S.empty() && all_of(S, [](char C) {
    return isAlnum(C) || C == '_' || C == '-' || C == '.';
  }) && S.front() != '.';
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-diff: offline PostgreSQL schema diff\n\n"
                   "  bk-diff OLD NEW [-o up.sql] [--down down.sql]\n\n"
                   "OLD and NEW are DDL files, directories of .sql files "
                   "(read in name order) or '-'.\n"
                   "Exit status: 0 equivalent, 1 different, 2 error or "
                   "refused destructive change.\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-diff");
  DiagnosticEngine &Diags = Ctx.getDiags();
  auto Usage = [&](const Twine &Msg) {
    Diags.error(Loc(), Msg);
    Diags.flush();
    return ExitError;
  };

  if (Inputs.size() != 2)
    return Usage("expected two schemas, OLD and NEW (see --help)");
  if (Inputs[0] == "-" && Inputs[1] == "-")
    return Usage("only one of OLD and NEW can be '-' (stdin)");
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

  PhaseTimers Phases;
  Timer &ParseTimer = Phases.Parse, &DiffTimer = Phases.Diff,
        &PlanTimer = Phases.Plan, &PrintTimer = Phases.Print;
  auto PrintPhases = [&] {
    if (!TimePhases)
      return;
    errs() << "bk-diff: phases (wall):";
    for (Timer *T : {&ParseTimer, &DiffTimer, &PlanTimer, &PrintTimer})
      errs() << " " << T->getName() << " "
             << format("%.3f", T->getTotalTime().getWallTime()) << " s";
    errs() << "\n";
  };

  std::unique_ptr<schema::Catalog> Old, New;
  {
    TimeRegion R(ParseTimer);
    Old = readSchema(Ctx, Inputs[0]);
    New = Old ? readSchema(Ctx, Inputs[1]) : nullptr;
  }
  if (!Old || !New) {
    Diags.flush();
    return ExitError;
  }

  diff::DiffOptions Opts;
  Opts.AllowDestructive = AllowDestructive;
  Opts.Concurrently = !NoConcurrently;
  Opts.FastNotNull = FastNotNull;
  Opts.ValidateSeparately = !ValidateInline;
  Opts.LockTimeout = LockTimeout;
  Opts.StatementTimeout = StatementTimeout;
  Opts.TargetVersion = TargetVersion;
  Opts.DiffTimer = &DiffTimer;
  Opts.PlanTimer = &PlanTimer;
  diff::Migration M;
  bool OK = diff::diffCatalogs(*Old, *New, Opts, Diags, M);
  Diags.flush();
  if (!OK)
    return ExitError;
  int Status = M.Up.empty() ? ExitSuccess : ExitFindings;
  if (Check) {
    PrintPhases();
    return Status;
  }
  Optional<TimeRegion> Printing;
  Printing.emplace(PrintTimer);

  diff::ScriptHeader H;
  H.From = Inputs[0] == "-" ? "<stdin>" : Inputs[0];
  H.To = Inputs[1] == "-" ? "<stdin>" : Inputs[1];

  // Everything is rendered first and written only when all of it is ready:
  // no partial output.
  auto Render = [&](const diff::Script &S, StringRef Direction) {
    std::string Text;
    raw_string_ostream OS(Text);
    H.Direction = Direction.str();
    diff::printSQL(OS, S, H, Opts);
    return OS.str();
  };
  std::vector<std::pair<std::string, std::string>> Files;
  if (ToDir) {
    std::string Version = MigrationVersion.getNumOccurrences()
                              ? MigrationVersion.getValue()
                              : currentVersion();
    SmallString<256> Base(OutputDir);
    sys::path::append(Base, Version + "_" + MigrationName);
    Files.push_back({(Base + ".up.sql").str(), Render(M.Up, "up")});
    Files.push_back({(Base + ".down.sql").str(), Render(M.Down, "down")});
  } else {
    std::string Text;
    raw_string_ostream OS(Text);
    if (Format == OutputFormat::JSON) {
      H.Direction = "up";
      diff::printJSON(OS, M, H, Opts);
    } else if (Format == OutputFormat::Summary) {
      diff::printSummary(OS, M);
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
      Diags.flush();
      return ExitError;
    }
    (*Out)->os() << F.second;
    Outs.push_back(std::move(*Out));
  }
  for (auto &Out : Outs)
    if (reportError(Diags, Out->commit())) {
      Diags.flush();
      return ExitError;
    }
  Printing.reset();
  PrintPhases();
  return Status;
}
