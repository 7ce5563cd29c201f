//===- bk-migrate.cpp - A live PostgreSQL database and its migrations -----===//
//
// bk-migrate --connection URL, with one mode:
//   --compare DESIRED   the live catalog (libpq) diffed against the desired
//                       schema with bk-diff's planner: the migration that
//                       brings the database to it, and back; exit 0 no
//                       drift, 1 drift (the CI drift check), 2 error.
//   --migrate FILE|DIR  migration files applied in version order, each once,
//                       recorded in bk.migrations ([--dry-run]).
//   --rollback DIR      the latest applied migration undone with its
//                       .down.sql ([--dry-run]).
//   --analyze           schema problems and what the statistics show.
//   --suggest-indexes   indexes the workload (pg_stat_statements, or
//                       --workload FILE) needs, proven with HypoPG.
// docs/CommandGuide/bk-migrate.md has the options.
//
//===----------------------------------------------------------------------===//

#include "bk/Analyze/Analyzer.h"
#include "bk/Database/CatalogReader.h"
#include "bk/Database/Connection.h"
#include "bk/Diff/Diff.h"
#include "bk/Diff/MigrationDriver.h"
#include "bk/IndexAdvisor/Advisor.h"
#include "bk/IndexAdvisor/Offline.h"
#include "bk/LintDriver/Report.h"
#include "bk/LintDriver/RuleFlags.h"
#include "bk/Migrate/Runner.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/StringSet.h"
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
static cl::opt<std::string> Migrate(
    "migrate",
    cl::desc("Apply the migration files not yet applied: a file, or a "
             "directory of <version>_<name>.up.sql files, in version order"),
    cl::value_desc("file|dir"), cl::cat(Cat));
static cl::opt<std::string>
    Rollback("rollback",
             cl::desc("Roll back the latest applied migration with its "
                      "<version>_<name>.down.sql from this directory"),
             cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<bool> DryRun(
    "dry-run",
    cl::desc("With --migrate: run each migration in a transaction that is "
             "rolled back; statements that cannot run in one are checked, "
             "not run"),
    cl::cat(Cat));
static cl::list<std::string>
    Schemas("schemas", cl::desc("Read only these schemas of the database"),
            cl::value_desc("a,b,..."), cl::CommaSeparated, cl::cat(Cat));
static cl::list<std::string>
    ExcludeSchemas("exclude-schemas",
                   cl::desc("Skip these schemas of the database"),
                   cl::value_desc("a,b,..."), cl::CommaSeparated, cl::cat(Cat));
static cl::opt<bool>
    Analyze("analyze",
            cl::desc("Report schema problems (the Schema IR rules of "
                     "bk-lint) and what the statistics show (invalid and "
                     "unused indexes, sequences near overflow); exit 1 on "
                     "findings at or above --fail-severity"),
            cl::cat(Cat));
static cl::opt<unsigned> UnusedAfter(
    "unused-after",
    cl::desc("With --analyze: report unused indexes only when statistics "
             "cover at least this many days (default 7; 0: always)"),
    cl::value_desc("days"), cl::init(7), cl::cat(Cat));
static cl::opt<bool> SuggestIndexes(
    "suggest-indexes",
    cl::desc("Suggest the indexes the workload needs, each proven by the "
             "planner's cost with HypoPG's hypothetical indexes"),
    cl::cat(Cat));
static cl::opt<std::string> Workload(
    "workload",
    cl::desc("With --suggest-indexes: the queries (a .sql file, a directory "
             "of them or '-') instead of pg_stat_statements"),
    cl::value_desc("file|dir"), cl::cat(Cat));
static cl::opt<std::string>
    DDL("ddl",
        cl::desc("With --suggest-indexes and --workload, instead of "
                 "--connection: the schema (a DDL file, a directory of .sql "
                 "files or '-'); the indexes the queries' text asks for, "
                 "unproven"),
        cl::value_desc("schema.sql"), cl::cat(Cat));
static cl::opt<unsigned> MaxQueries(
    "max-queries",
    cl::desc("With --suggest-indexes: read at most this many statements "
             "from pg_stat_statements, the most total time first (default "
             "500)"),
    cl::value_desc("n"), cl::init(500), cl::cat(Cat));
static cl::opt<unsigned> MinGain(
    "min-gain",
    cl::desc("With --suggest-indexes: the cost cut, in percent, a query's "
             "plan must gain from hypothetical indexes for them to count "
             "(default 10)"),
    cl::value_desc("percent"), cl::init(10), cl::cat(Cat));
static cl::opt<bool> NoHypoPG(
    "no-hypopg",
    cl::desc("With --suggest-indexes: only find candidates, as when the "
             "server has no HypoPG"),
    cl::cat(Cat));
/// With --analyze: which rules and checks run, at which severity, and what
/// fails (bk-lint's options and .bk-lint.yaml).
static lint::RuleFlags Rules;
static diff::MigrationFlags Flags;

/// The --connection server; null after reporting why not.
static std::unique_ptr<db::Connection> openConnection(Context &Ctx) {
  Expected<std::unique_ptr<db::Connection>> Conn =
      db::Connection::open(Ctx, ConnectionString);
  if (!Conn) {
    reportError(Ctx.getDiags(), Conn.takeError());
    return nullptr;
  }
  return std::move(*Conn);
}

/// The server's catalog in --schemas/--exclude-schemas, without bk's own
/// history schema (part of no desired schema, and not the user's to lint);
/// null after reporting why not.
static std::unique_ptr<schema::Catalog> readLiveCatalog(Context &Ctx,
                                                        db::Connection &Conn) {
  db::CatalogReaderOptions ReadOpts;
  ReadOpts.Schemas = Schemas;
  ReadOpts.ExcludeSchemas = ExcludeSchemas;
  ReadOpts.ExcludeSchemas.push_back(migrate::HistorySchema);
  Expected<std::unique_ptr<schema::Catalog>> Live =
      db::readCatalog(Conn, ReadOpts);
  if (!Live) {
    reportError(Ctx.getDiags(), Live.takeError());
    return nullptr;
  }
  return std::move(*Live);
}

/// The machine-applicable fixes of Findings as a migration: up applies them
/// in report order, down undoes those that can be undone, in reverse.
static diff::Migration
fixesAsMigration(const std::vector<Diagnostic> &Findings) {
  diff::Migration M;
  auto StepFor = [](const Diagnostic &D, StringRef SQL) {
    diff::Step S;
    S.SQL = SQL.str();
    StringRef Verb = StringRef(SQL).ltrim();
    S.Change = Verb.startswith_insensitive("CREATE") ? diff::ChangeKind::Create
               : Verb.startswith_insensitive("DROP") ? diff::ChangeKind::Drop
                                                     : diff::ChangeKind::Alter;
    S.Object = "finding [" + D.ID + "]";
    S.NoTransaction = StringRef(SQL).contains("CONCURRENTLY");
    S.Note = D.Message;
    return S;
  };
  // Two findings can name the same fix (an index both duplicate and
  // unused): it runs once, and is undone once.
  StringSet<> Seen;
  std::vector<const Diagnostic *> Applied;
  for (const Diagnostic &D : Findings)
    if (!D.Fix.empty() && Seen.insert(D.Fix).second) {
      M.Up.Steps.push_back(StepFor(D, D.Fix));
      Applied.push_back(&D);
    }
  for (auto It = Applied.rbegin(); It != Applied.rend(); ++It)
    if (!(*It)->Undo.empty())
      M.Down.Steps.push_back(StepFor(**It, (*It)->Undo));
  return M;
}

/// Writes a report to -o (stdout by default), all or nothing; false after
/// reporting why not.
static bool writeReport(DiagnosticEngine &Diags,
                        function_ref<void(raw_ostream &)> Write) {
  auto Out = OutputFile::create(Flags.getOutputFilename());
  if (!Out) {
    reportError(Diags, Out.takeError());
    return false;
  }
  Write((*Out)->os());
  return !reportError(Diags, (*Out)->commit());
}

/// With --output-dir: M, the changes a report proposes, as a migration pair
/// for --migrate; false after reporting an error.
static bool writeProposedMigration(Context &Ctx, StringRef From,
                                   const diff::Migration &M, StringRef Mode) {
  if (!Flags.writesDirectory() || M.Up.empty())
    return true;
  diff::ScriptHeader H;
  H.From = From.str();
  H.To = ("what bk-migrate " + Mode + " proposes").str();
  H.Generator = ("bk-migrate " + Mode).str();
  return Flags.write(Ctx, M, H, Flags.diffOptions());
}

/// --analyze: the rules over the live catalog and the database checks;
/// exit 1 on findings at or above --fail-severity.
static int runAnalyze(Context &Ctx) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  lint::RuleConfig Config;
  if (reportError(Diags, Rules.configure(Ctx, Config)))
    return failWithDiagnostics(Diags);
  std::unique_ptr<db::Connection> Conn = openConnection(Ctx);
  if (!Conn)
    return failWithDiagnostics(Diags);
  analyze::AnalyzeOptions Opts;
  Opts.Schemas = Schemas;
  Opts.ExcludeSchemas = ExcludeSchemas;
  Opts.ExcludeSchemas.push_back(migrate::HistorySchema);
  Opts.UnusedAfterDays = UnusedAfter;
  std::unique_ptr<schema::Catalog> Live = readLiveCatalog(Ctx, *Conn);
  if (!Live)
    return failWithDiagnostics(Diags);
  Expected<std::vector<Diagnostic>> Findings =
      analyze::analyzeDatabase(Ctx, *Conn, *Live, Config, Opts);
  if (!Findings) {
    reportError(Diags, Findings.takeError());
    return failWithDiagnostics(Diags);
  }
  std::string Where = Conn->getDescription().str();
  std::vector<std::string> Files = {Where};
  lint::sortFindings(*Findings, Files);
  lint::ReportInfo Info;
  Info.Files = Files;
  Info.Config = &Config;
  Info.ToolName = "bk-migrate --analyze";
  bool Written = writeReport(Diags, [&](raw_ostream &OS) {
    if (Flags.getFormat() == diff::OutputFormat::JSON)
      lint::writeJSONReport(OS, *Findings, Info);
    else
      lint::writeTextReport(OS, Diags, *Findings, Info, /*UseColor=*/false);
  });
  // --output-dir: the fixes as a migration pair for --migrate.
  if (!Written ||
      !writeProposedMigration(Ctx, "database " + Conn->getDescription().str(),
                              fixesAsMigration(*Findings), "--analyze"))
    return failWithDiagnostics(Diags);
  Diags.flush();
  for (const Diagnostic &D : *Findings)
    if (D.Sev >= Config.FailSeverity)
      return ExitFindings;
  return ExitSuccess;
}

/// The suggestions as a migration: each index created concurrently, with
/// its evidence; down drops them.
static diff::Migration suggestionsAsMigration(const advisor::AdvisorResult &R) {
  diff::Migration M;
  for (const advisor::Suggestion &S : R.Suggestions) {
    std::string Index = schema::quoteIdentifier(S.Index.Schema) + "." +
                        schema::quoteIdentifier(S.Name);
    std::string Table = S.Index.Schema + "." + S.Index.Table;
    diff::Step Up;
    Up.SQL = S.Index.createSQL(S.Name, /*Concurrently=*/true) + ";";
    Up.Change = diff::ChangeKind::Create;
    Up.Object = "index " + S.Index.Schema + "." + S.Name;
    Up.Lock = "SHARE UPDATE EXCLUSIVE";
    Up.LockedRelation = Table;
    Up.NoTransaction = true;
    Up.Note = advisor::describeEvidence(S);
    M.Up.Steps.push_back(Up);
    diff::Step Down;
    Down.SQL = "DROP INDEX CONCURRENTLY IF EXISTS " + Index + ";";
    Down.Change = diff::ChangeKind::Drop;
    Down.Object = Up.Object;
    Down.Lock = Up.Lock;
    Down.LockedRelation = Table;
    Down.NoTransaction = true;
    M.Down.Steps.insert(M.Down.Steps.begin(), Down);
  }
  return M;
}

/// The advisor's report on stdout (or -o), the migration with --output-dir.
static int reportSuggestions(Context &Ctx, const advisor::AdvisorResult &R,
                             ArrayRef<advisor::WorkloadQuery> Queries,
                             StringRef From) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  bool Written = writeReport(Diags, [&](raw_ostream &OS) {
    if (Flags.getFormat() == diff::OutputFormat::JSON)
      advisor::writeJSONReport(OS, R, Queries);
    else
      advisor::writeTextReport(OS, R, Queries);
  });
  if (!Written || !writeProposedMigration(Ctx, From, suggestionsAsMigration(R),
                                          "--suggest-indexes"))
    return failWithDiagnostics(Diags);
  Diags.flush();
  return ExitSuccess;
}

/// --suggest-indexes: the workload, planned with candidate indexes (or, with
/// --ddl, read from its text).
static int runSuggestIndexes(Context &Ctx) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  // The workload file first: a typo there needs no server.
  std::vector<advisor::WorkloadQuery> Queries;
  if (Workload.getNumOccurrences() &&
      !advisor::readWorkloadFiles(Ctx, Workload, Queries))
    return failWithDiagnostics(Diags);
  // No server: the queries' text against the schema file.
  if (DDL.getNumOccurrences()) {
    std::unique_ptr<schema::Catalog> Schema =
        diff::readSchemaArgument(Ctx, DDL);
    if (!Schema)
      return failWithDiagnostics(Diags);
    advisor::AdvisorResult R =
        advisor::suggestFromText(*Schema, Queries, advisor::AdvisorOptions());
    return reportSuggestions(Ctx, R, Queries, "schema " + DDL);
  }
  std::unique_ptr<db::Connection> Conn = openConnection(Ctx);
  if (!Conn)
    return failWithDiagnostics(Diags);
  if (!Workload.getNumOccurrences()) {
    std::string Note;
    Expected<std::vector<advisor::WorkloadQuery>> Seen =
        advisor::readStatementStatistics(*Conn, MaxQueries, Note);
    if (!Seen) {
      reportError(Diags, Seen.takeError());
      return failWithDiagnostics(Diags);
    }
    if (!Note.empty())
      Diags.note(Conn->getLoc(), Note);
    Queries = std::move(*Seen);
  }
  std::unique_ptr<schema::Catalog> Live = readLiveCatalog(Ctx, *Conn);
  if (!Live)
    return failWithDiagnostics(Diags);
  advisor::AdvisorOptions Opts;
  Opts.MinQueryGain = MinGain / 100.0;
  Opts.UseHypoPG = !NoHypoPG;
  Expected<advisor::AdvisorResult> R =
      advisor::suggestIndexes(*Conn, *Live, Queries, Opts);
  if (!R) {
    reportError(Diags, R.takeError());
    return failWithDiagnostics(Diags);
  }
  if (!R->Evaluated)
    Diags.note(Conn->getLoc(), "indexes not evaluated: " + R->NotEvaluated);
  return reportSuggestions(Ctx, *R, Queries,
                           "database " + Conn->getDescription().str());
}

/// --migrate / --rollback: the files, then the server; exit 0 done (or
/// nothing to do), 2 on any error (what ran before it stays applied and
/// recorded).
static int runMigrations(Context &Ctx) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  std::vector<migrate::MigrationFile> Files;
  if (Migrate.getNumOccurrences() &&
      !migrate::collectMigrations(Ctx, Migrate, Files))
    return failWithDiagnostics(Diags);
  std::unique_ptr<db::Connection> Conn = openConnection(Ctx);
  if (!Conn)
    return failWithDiagnostics(Diags);
  migrate::RunOptions Opts;
  Opts.DryRun = DryRun;
  bool OK = Rollback.getNumOccurrences()
                ? migrate::rollbackLatest(Ctx, *Conn, Rollback, Opts, outs())
                : migrate::applyMigrations(Ctx, *Conn, Files, Opts, outs());
  outs().flush();
  Diags.flush();
  return OK ? ExitSuccess : ExitError;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-migrate: a live PostgreSQL database and its "
                   "migrations\n\n"
                   "  bk-migrate --connection URL --analyze [--format json]\n"
                   "  bk-migrate --connection URL --suggest-indexes "
                   "[--workload FILE] [--output-dir DIR --name SLUG]\n"
                   "  bk-migrate --ddl schema.sql --suggest-indexes "
                   "--workload FILE\n"
                   "  bk-migrate --connection URL --compare desired.sql "
                   "[-o up.sql] [--down down.sql]\n"
                   "  bk-migrate --connection URL --migrate FILE|DIR "
                   "[--dry-run]\n"
                   "  bk-migrate --connection URL --rollback DIR "
                   "[--dry-run]\n\n"
                   "Exit status: 0 no drift / applied, 1 drift, 2 error.\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-migrate");
  DiagnosticEngine &Diags = Ctx.getDiags();
  bool Analyzing = Analyze, Suggesting = SuggestIndexes,
       Comparing = Compare.getNumOccurrences(),
       Migrating = Migrate.getNumOccurrences(),
       RollingBack = Rollback.getNumOccurrences();
  if (Analyzing + Suggesting + Comparing + Migrating + RollingBack != 1)
    return usageError(Diags, "give one of --analyze, --suggest-indexes, "
                             "--compare desired.sql, --migrate FILE|DIR or "
                             "--rollback DIR (see --help)");
  if (!Suggesting &&
      (Workload.getNumOccurrences() || MaxQueries.getNumOccurrences() ||
       MinGain.getNumOccurrences() || NoHypoPG))
    return usageError(Diags, "--workload, --max-queries, --min-gain and "
                             "--no-hypopg go with --suggest-indexes");
  if (DDL.getNumOccurrences() &&
      (!Suggesting || !Workload.getNumOccurrences() ||
       ConnectionString.getNumOccurrences()))
    return usageError(Diags, "--ddl goes with --suggest-indexes and "
                             "--workload, instead of --connection");
  if (!ConnectionString.getNumOccurrences() && !DDL.getNumOccurrences())
    return usageError(
        Diags, std::string(Analyzing    ? "--analyze"
                           : Suggesting ? "--suggest-indexes"
                           : Comparing  ? "--compare"
                           : Migrating  ? "--migrate"
                                        : "--rollback") +
                   " needs --connection URL (or --connection env for the PG* "
                   "environment)");
  if (Analyzing) {
    if (!Flags.validate(Diags))
      return failWithDiagnostics(Diags);
    return runAnalyze(Ctx);
  }
  if (Suggesting) {
    if (!Flags.validate(Diags))
      return failWithDiagnostics(Diags);
    return runSuggestIndexes(Ctx);
  }
  if (DryRun && Comparing)
    return usageError(Diags, "--dry-run goes with --migrate or --rollback");
  if (Migrating || RollingBack)
    return runMigrations(Ctx);
  if (!Flags.validate(Diags))
    return failWithDiagnostics(Diags);

  // The desired schema first: a typo there needs no server.
  std::unique_ptr<schema::Catalog> Desired =
      diff::readSchemaArgument(Ctx, Compare);
  if (!Desired)
    return failWithDiagnostics(Diags);

  std::unique_ptr<db::Connection> Conn = openConnection(Ctx);
  if (!Conn)
    return failWithDiagnostics(Diags);
  std::unique_ptr<schema::Catalog> Live = readLiveCatalog(Ctx, *Conn);
  if (!Live)
    return failWithDiagnostics(Diags);

  diff::DiffOptions Opts = Flags.diffOptions();
  diff::Migration M;
  bool OK = diff::diffCatalogs(*Live, *Desired, Opts, Diags, M);
  Diags.flush();
  if (!OK)
    return ExitError;
  int Status = M.Up.empty() ? ExitSuccess : ExitFindings;
  if (Flags.checkOnly())
    return Status;

  diff::ScriptHeader H;
  H.From = ("database " + Conn->getDescription()).str();
  H.To = Compare == "-" ? std::string("<stdin>") : Compare.getValue();
  H.Generator = "bk-migrate --compare";
  if (!Flags.write(Ctx, M, H, Opts))
    return failWithDiagnostics(Diags);
  return Status;
}
