//===- bk-scaffold.cpp - OpenAPI -> TypeScript server ---------------------===//
//
// bk-scaffold SPEC --framework express -o DIR: reads an OpenAPI description
// and writes a server's generated/ code, handler stubs and entry (the layout
// is in bk/Scaffold/Scaffold.h). Only files whose bytes change are written;
// handlers are never overwritten. `-o -` writes every file as one split-file
// stream. Exit status: 0 done (or up to date with --check), 1 stale
// (--check), 2 error. docs/CommandGuide/bk-scaffold.md has the options.
//
//===----------------------------------------------------------------------===//

#include "bk/CodeGen/FileSet.h"
#include "bk/CodeGen/Template.h"
#include "bk/Database/CatalogReader.h"
#include "bk/Database/Connection.h"
#include "bk/Diff/MigrationDriver.h"
#include "bk/OpenAPI/Reader.h"
#include "bk/OpenAPIWriter/Writer.h"
#include "bk/RouteRecovery/Recover.h"
#include "bk/Scaffold/FromSchema.h"
#include "bk/Scaffold/Names.h"
#include "bk/Scaffold/Scaffold.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/Text.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::opt<std::string>
    InputFilename(cl::Positional, cl::Optional,
                  cl::desc("<OpenAPI description> (or --from-sql/--from-db)"),
                  cl::cat(Cat));
static cl::opt<bool> GenerateSpec(
    "generate-spec",
    cl::desc("Recover an OpenAPI description from the route code under the "
             "directory given as input, and write it to --output (a .yaml or "
             ".json file, or '-')"),
    cl::cat(Cat));
static cl::opt<std::string> VerifySpec(
    "verify",
    cl::desc("Compare the route code under the directory given as input "
             "with this OpenAPI description: exit 1 and a located report "
             "when they have drifted apart"),
    cl::value_desc("spec"), cl::cat(Cat));
static cl::opt<std::string>
    FromSQL("from-sql",
            cl::desc("Generate a CRUD API over the tables of a DDL file (or a "
                     "directory of .sql files, in name order)"),
            cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string>
    FromDB("from-db",
           cl::desc("Generate a CRUD API over the tables of a live database "
                    "(a postgres:// URL, or 'env': the PG* variables)"),
           cl::value_desc("url"), cl::cat(Cat));
static cl::list<std::string>
    SchemaNames("schema",
                cl::desc("With --from-*: a schema whose tables to expose "
                         "(default: public; may be repeated)"),
                cl::value_desc("name"), cl::cat(Cat));
static cl::list<std::string>
    IncludeTables("include-table",
                  cl::desc("With --from-*: expose only tables matching this "
                           "glob (name or schema.name; may be repeated)"),
                  cl::value_desc("glob"), cl::cat(Cat));
static cl::list<std::string>
    ExcludeTables("exclude-table",
                  cl::desc("With --from-*: never expose tables matching this "
                           "glob (may be repeated)"),
                  cl::value_desc("glob"), cl::cat(Cat));
static cl::list<std::string>
    ExcludeColumns("exclude-column",
                   cl::desc("With --from-*: never expose columns matching "
                            "this table.column glob (may be repeated)"),
                   cl::value_desc("glob"), cl::cat(Cat));
static cl::opt<std::string> Title("title",
                                  cl::desc("With --from-* and --generate-spec: "
                                           "the API's title"),
                                  cl::value_desc("text"), cl::cat(Cat));
static cl::opt<std::string>
    FrameworkName("framework", cl::desc("The server framework: express"),
                  cl::value_desc("name"), cl::init("express"), cl::cat(Cat));
static cl::opt<std::string>
    OutputDir("output",
              cl::desc("Output directory, or '-' for one split-file stream "
                       "on stdout"),
              cl::value_desc("dir"), cl::cat(Cat));
static cl::alias OutputDirShort("o", cl::aliasopt(OutputDir),
                                cl::desc("Alias for --output"), cl::cat(Cat));
static cl::list<std::string>
    TemplateDirs("templates",
                 cl::desc("A directory of templates that override the "
                          "built-in ones (may be repeated; first wins)"),
                 cl::value_desc("dir"), cl::cat(Cat));
static cl::opt<bool> Check("check",
                           cl::desc("Write nothing; exit 1 and list the files "
                                    "when the output is stale"),
                           cl::cat(Cat));
static cl::opt<bool> DryRun("dry-run",
                            cl::desc("Write nothing; list what would change"),
                            cl::cat(Cat));
static cl::opt<std::string>
    Depfile("depfile",
            cl::desc("Write a Make/Ninja depfile naming the description, "
                     "every file it refers to and every template"),
            cl::value_desc("file"), cl::cat(Cat));

/// A path as file headers name it: "./a//b/" and "a/b" are one path, so
/// the generated bytes do not depend on how the command line spelled it.
static std::string normalPath(StringRef P) {
  if (P == "-")
    return P.str();
  SmallString<256> N(P);
  sys::path::remove_dots(N, /*remove_dot_dot=*/false);
  StringRef R = N;
  while (R.size() > 1 && sys::path::is_separator(R.back()))
    R = R.drop_back();
  return R.empty() ? "." : R.str();
}

/// With --from-db: the connection's masked URL (no password).
static std::string DBDescription;

/// The command line that regenerates the output, for file headers: the
/// description and options as given (paths normalised), without the
/// absolute tool path.
static std::string regenerateCommand() {
  std::string C = "bk-scaffold ";
  if (FromSQL.getNumOccurrences())
    C += "--from-sql " + normalPath(FromSQL);
  else if (FromDB.getNumOccurrences())
    C += "--from-db " + (FromDB == "env" ? std::string("env") : DBDescription);
  else
    C += normalPath(InputFilename);
  C += " --framework " + FrameworkName + " -o " + normalPath(OutputDir);
  for (const std::string &T : TemplateDirs)
    C += " --templates " + normalPath(T);
  return C;
}

/// handlers/*.ts files bk-scaffold created for an operation that is gone.
static std::vector<std::string> orphanHandlers(StringRef Dir,
                                               ArrayRef<std::string> Names) {
  StringSet<> Live;
  for (const std::string &N : Names)
    Live.insert(N);
  std::vector<std::string> Orphans;
  SmallString<256> HandlerDir(Dir);
  sys::path::append(HandlerDir, "handlers");
  std::error_code EC;
  for (sys::fs::directory_iterator It(HandlerDir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef File = sys::path::filename(It->path());
    if (!File.endswith(".ts") || File.endswith(".d.ts"))
      continue;
    if (Live.count(File.drop_back(3)))
      continue;
    // Only the files bk-scaffold created: their header says so. A module
    // of the user's own beside the handlers (db.ts) belongs to nobody.
    ErrorOr<std::unique_ptr<MemoryBuffer>> Text =
        MemoryBuffer::getFile(It->path(), /*IsText=*/true);
    if (Text && (*Text)->getBuffer().take_front(1024).contains(
                    "bk-scaffold created this file once"))
      Orphans.push_back(("handlers/" + File).str());
  }
  llvm::sort(Orphans);
  return Orphans;
}

/// The OpenAPI description SPEC, or null after reporting why not.
static std::unique_ptr<api::API> readDescription(Context &Ctx) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  Expected<unsigned> BufferID = Ctx.loadFile(InputFilename);
  if (!BufferID) {
    reportError(Diags, BufferID.takeError());
    return nullptr;
  }
  // The front end's checks of examples, defaults and discriminators are
  // bk-lint's business: a description that fails them still generates.
  // A build step should not drown its log either: each kind of warning is
  // shown once, with the count of the others like it.
  openapi::ReadOptions ReadOpts;
  ReadOpts.CheckExamples = false;
  StringMap<std::vector<Diagnostic>> Warnings;
  std::vector<std::string> WarningOrder;
  Diags.setFilter([&](const Diagnostic &D) {
    bool FrontEndCheck =
        D.ID == "default-matches-schema" || D.ID == "discriminator-property";
    if (D.Sev != Severity::Warning && !FrontEndCheck)
      return false;
    std::string Key = D.ID.empty() ? D.Message : D.ID;
    auto It = Warnings.try_emplace(Key);
    if (It.second)
      WarningOrder.push_back(Key);
    It.first->second.push_back(D);
    return true;
  });
  std::unique_ptr<api::API> A = openapi::readOpenAPI(Ctx, *BufferID, ReadOpts);
  Diags.setFilter(nullptr);
  for (const std::string &Key : WarningOrder) {
    std::vector<Diagnostic> &Found = Warnings[Key];
    Diagnostic First = Found.front();
    First.Sev = Severity::Warning;
    if (Found.size() > 1)
      First.Message += " (and " + std::to_string(Found.size() - 1) +
                       " more like it: bk-lint lists them all)";
    Diags.report(First);
  }
  if (!A || Diags.hasErrors())
    return nullptr;
  return A;
}

/// --from-sql / --from-db: the tables of a schema as a CRUD API, or null
/// after reporting why not.
static std::unique_ptr<api::API> readSchemaAPI(Context &Ctx) {
  std::unique_ptr<schema::Catalog> Catalog;
  scaffold::CRUDOptions Opts;
  if (!SchemaNames.empty())
    Opts.Schemas.assign(SchemaNames.begin(), SchemaNames.end());
  Opts.IncludeTables.assign(IncludeTables.begin(), IncludeTables.end());
  Opts.ExcludeTables.assign(ExcludeTables.begin(), ExcludeTables.end());
  Opts.ExcludeColumns.assign(ExcludeColumns.begin(), ExcludeColumns.end());
  if (FromSQL.getNumOccurrences()) {
    // The SQL front end's remarks (statements the Schema IR does not model,
    // such as ALTER AGGREGATE) say nothing about the tables: not shown.
    Ctx.getDiags().setFilter(
        [](const Diagnostic &D) { return D.Sev == Severity::Remark; });
    Catalog = diff::readSchemaArgument(Ctx, FromSQL);
    Ctx.getDiags().setFilter(nullptr);
  } else {
    Expected<std::unique_ptr<db::Connection>> Conn =
        db::Connection::open(Ctx, FromDB);
    if (!Conn) {
      reportError(Ctx.getDiags(), Conn.takeError());
      return nullptr;
    }
    DBDescription = (*Conn)->getDescription().str();
    db::CatalogReaderOptions ReadOpts;
    ReadOpts.Schemas = Opts.Schemas;
    ReadOpts.Owners = false;
    Expected<std::unique_ptr<schema::Catalog>> Live =
        db::readCatalog(**Conn, ReadOpts);
    if (!Live) {
      reportError(Ctx.getDiags(), Live.takeError());
      return nullptr;
    }
    Catalog = std::move(*Live);
  }
  if (!Catalog)
    return nullptr;
  // The same title whichever way the schema came, so a DDL file and the
  // database loaded from it give the same server.
  Opts.Title = Title.getNumOccurrences() ? Title.getValue() : "CRUD API";
  return scaffold::apiFromSchema(*Catalog, Opts, Ctx.getDiags());
}

/// The description --verify compares with (its examples are not checked:
/// that is bk-lint's business).
static std::unique_ptr<api::API> readDescriptionFile(Context &Ctx,
                                                     StringRef Path) {
  Expected<unsigned> BufferID = Ctx.loadFile(Path);
  if (!BufferID) {
    reportError(Ctx.getDiags(), BufferID.takeError());
    return nullptr;
  }
  openapi::ReadOptions ReadOpts;
  ReadOpts.CheckExamples = false;
  return openapi::readOpenAPI(Ctx, *BufferID, ReadOpts);
}

/// --generate-spec: route code under InputFilename → OpenAPI at OutputDir;
/// --verify SPEC: that against SPEC.
static int generateSpec(Context &Ctx) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  if (InputFilename.empty() || FromSQL.getNumOccurrences() ||
      FromDB.getNumOccurrences())
    return usageError(Diags, "--generate-spec and --verify read one "
                             "directory of route code: bk-scaffold "
                             "ROUTES_DIR --generate-spec -o openapi.yaml, "
                             "bk-scaffold ROUTES_DIR --verify openapi.yaml");
  if (GenerateSpec && !VerifySpec.empty())
    return usageError(Diags, "give one of --generate-spec and --verify");
  if (GenerateSpec && OutputDir.empty())
    return usageError(Diags, "--generate-spec needs -o FILE (or '-')");
  if (!VerifySpec.empty() && !OutputDir.empty())
    return usageError(Diags, "--verify writes nothing: drop -o");
  if (Check || DryRun || !Depfile.empty() || !TemplateDirs.empty())
    return usageError(Diags, "--check, --dry-run, --depfile and --templates "
                             "are for generating code, not --generate-spec");
  routes::RecoverOptions Opts;
  Opts.Title = Title;
  std::unique_ptr<api::API> A = routes::recoverAPI(Ctx, InputFilename, Opts);
  if (!A || Diags.hasErrors())
    return failWithDiagnostics(Diags);
  if (!VerifySpec.empty()) {
    auto Spec = readDescriptionFile(Ctx, VerifySpec);
    if (!Spec || Diags.hasErrors())
      return failWithDiagnostics(Diags);
    unsigned Drifts = routes::verifyRoutes(Ctx, *A, *Spec);
    Diags.flush();
    if (Drifts) {
      errs() << "bk-scaffold: " << plural(Drifts, "drift") << " between "
             << normalPath(InputFilename) << " and " << VerifySpec << "\n";
      return ExitFindings;
    }
    return ExitSuccess;
  }
  // An existing description is merged into, not replaced.
  if (OutputDir != "-" && sys::fs::exists(OutputDir)) {
    auto Existing = readDescriptionFile(Ctx, OutputDir);
    if (!Existing || Diags.hasErrors())
      return failWithDiagnostics(Diags);
    routes::mergeInto(Ctx, *A, std::move(*Existing));
  }
  openapiwriter::WriteOptions WO;
  if (StringRef(OutputDir).endswith(".json"))
    WO.Fmt = openapiwriter::Format::JSON;
  std::string Header;
  if (WO.Fmt == openapiwriter::Format::YAML)
    Header = "# Recovered by bk-scaffold --generate-spec from " +
             scaffold::oneLine(normalPath(InputFilename)) + ".\n";
  Diags.flush();
  if (OutputDir == "-") {
    outs() << Header;
    openapiwriter::writeOpenAPI(*A, outs(), WO);
    outs().flush();
    return ExitSuccess;
  }
  if (Error E = writeFileAtomically(OutputDir, [&](raw_ostream &OS) {
        OS << Header;
        openapiwriter::writeOpenAPI(*A, OS, WO);
        return Error::success();
      })) {
    reportError(Diags, std::move(E));
    return failWithDiagnostics(Diags);
  }
  return ExitSuccess;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(
      argc, argv,
      "bk-scaffold: generate a TypeScript server from an OpenAPI "
      "description\n\n"
      "  bk-scaffold openapi.yaml --framework express -o src/api/\n\n"
      "Writes DIR/generated/ (rewritten on every run), DIR/handlers/ and "
      "DIR/server.ts (created once, never rewritten).\n"
      "Exit status: 0 done, 1 stale output (--check), 2 error.\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-scaffold");
  DiagnosticEngine &Diags = Ctx.getDiags();

  if (GenerateSpec || !VerifySpec.empty())
    return generateSpec(Ctx);
  if (OutputDir.empty())
    return usageError(Diags, "give an output directory: -o DIR (or '-')");

  Optional<scaffold::Framework> FW = scaffold::parseFramework(FrameworkName);
  if (!FW) {
    std::string Known;
    for (scaffold::Framework F : scaffold::allFrameworks())
      Known += (Known.empty() ? "" : ", ") + scaffold::frameworkName(F).str();
    return usageError(Diags, "unknown framework '" + FrameworkName +
                                 "' (known: " + Known + ")");
  }
  bool ToStdout = OutputDir == "-";
  if (ToStdout && (Check || DryRun || !Depfile.empty()))
    return usageError(Diags, "--check, --dry-run and --depfile need an "
                             "output directory, not '-'");
  if (Check && DryRun)
    return usageError(Diags, "give one of --check and --dry-run");

  bool FromSchema = FromSQL.getNumOccurrences() || FromDB.getNumOccurrences();
  if (int(FromSchema) + int(!InputFilename.empty()) != 1 ||
      (FromSQL.getNumOccurrences() && FromDB.getNumOccurrences()))
    return usageError(Diags, "give one input: an OpenAPI description, "
                             "--from-sql FILE or --from-db URL");
  std::unique_ptr<api::API> A =
      FromSchema ? readSchemaAPI(Ctx) : readDescription(Ctx);
  if (!A || Diags.hasErrors())
    return failWithDiagnostics(Diags);

  codegen::TemplateSet Templates(&Ctx);
  for (const std::string &Dir : TemplateDirs)
    if (Error E = Templates.addSearchDir(Dir)) {
      reportError(Diags, std::move(E));
      return failWithDiagnostics(Diags);
    }
  std::string Builtin = codegen::getBuiltinTemplatesDir(argv[0]);
  if (Builtin.empty())
    return usageError(Diags, "cannot find bk's templates: set "
                             "BK_TEMPLATES_DIR to the templates/ directory");
  if (Error E = Templates.addSearchDir(Builtin)) {
    reportError(Diags, std::move(E));
    return failWithDiagnostics(Diags);
  }

  scaffold::ScaffoldOptions Opts;
  Opts.Target = *FW;
  Opts.SourceName = FromSQL.getNumOccurrences()  ? normalPath(FromSQL)
                    : FromDB.getNumOccurrences() ? DBDescription
                    : InputFilename == "-"       ? std::string("<stdin>")
                                                 : normalPath(InputFilename);
  Opts.Command = regenerateCommand();
  codegen::FileSet Files;
  scaffold::ScaffoldStats Stats;
  if (!scaffold::scaffold(*A, Templates, Opts, Files, Diags, &Stats))
    return failWithDiagnostics(Diags);
  if (FromSchema) {
    // The description of the generated API, for bk-lint and other tools.
    std::string Spec = "# Generated by bk-scaffold from " +
                       scaffold::oneLine(Opts.SourceName) + ". DO NOT EDIT.\n";
    raw_string_ostream SpecOS(Spec);
    openapiwriter::writeOpenAPI(*A, SpecOS);
    Files.add("generated/openapi.yaml", std::move(SpecOS.str()));
  }

  if (ToStdout) {
    Diags.flush();
    Files.writeSplitFile(outs());
    outs().flush();
    (void)A.release(); // not torn down: see the end of main()
    return ExitSuccess;
  }

  codegen::WriteOptions WOpts;
  WOpts.Check = Check;
  WOpts.DryRun = DryRun;
  Expected<codegen::WriteResult> R =
      codegen::writeFileSet(Files, OutputDir, WOpts);
  if (!R) {
    reportError(Diags, R.takeError());
    return failWithDiagnostics(Diags);
  }
  auto Rel = [&](StringRef P) {
    SmallString<256> Full(OutputDir);
    sys::path::append(Full, P);
    return std::string(Full);
  };

  if (Check) {
    Diags.flush();
    if (!R->isStale())
      return ExitSuccess;
    for (const std::string &P : R->Written)
      outs() << "stale: " << Rel(P) << "\n";
    for (const std::string &P : R->Created)
      outs() << "missing: " << Rel(P) << "\n";
    for (const std::string &P : R->Removed)
      outs() << "obsolete: " << Rel(P) << "\n";
    if (R->ManifestChanged && R->Written.empty() && R->Created.empty() &&
        R->Removed.empty())
      outs() << "stale: " << Rel(WOpts.ManifestPath) << "\n";
    return ExitFindings;
  }

  for (const std::string &P : R->Overwritten)
    Diags.warning(Loc(), "'" + Rel(P) +
                             "' had been edited; it was regenerated (edit "
                             "handlers/ or templates instead)");
  for (const std::string &P : R->KeptModified)
    Diags.warning(Loc(), "'" + Rel(P) +
                             "' is no longer generated but had been edited; "
                             "it was kept");
  for (const std::string &P :
       orphanHandlers(OutputDir, scaffold::handlerNames(*A)))
    Diags.warning(Loc(), "'" + Rel(P) + "' belongs to no operation of " +
                             Opts.SourceName +
                             " any more; it was kept (delete it when its "
                             "code is no longer needed)");

  if (DryRun) {
    Diags.flush();
    for (const std::string &P : R->Written)
      outs() << "would write: " << Rel(P) << "\n";
    for (const std::string &P : R->Created)
      outs() << "would create: " << Rel(P) << "\n";
    for (const std::string &P : R->Removed)
      outs() << "would remove: " << Rel(P) << "\n";
    return ExitSuccess;
  }

  // The manifest is the build step's output: bring its time forward even
  // when no byte changed, so make/ninja see the step as done.
  std::string Manifest = Rel(WOpts.ManifestPath);
  if (!R->ManifestChanged) {
    int FD;
    if (!sys::fs::openFileForWrite(Manifest, FD, sys::fs::CD_OpenExisting,
                                   sys::fs::OF_Append)) {
      (void)sys::fs::setLastAccessAndModificationTime(
          FD, sys::TimePoint<>(std::chrono::system_clock::now()));
      sys::Process::SafelyCloseFileDescriptor(FD);
    }
  }

  if (!Depfile.empty()) {
    std::vector<std::string> Inputs;
    SourceMgr &SM = Ctx.getSourceMgr();
    for (unsigned I = 1; I <= SM.getNumBuffers(); ++I) {
      StringRef Name = SM.getMemoryBuffer(I)->getBufferIdentifier();
      if (Name != "-" && Name != "<stdin>" && sys::fs::exists(Name) &&
          !StringRef(Name).endswith(".mustache"))
        Inputs.push_back(Name.str());
    }
    for (const std::string &T : Templates.getLoadedFiles())
      Inputs.push_back(T);
    if (Error E = codegen::writeDepfile(Depfile, {Manifest}, Inputs)) {
      reportError(Diags, std::move(E));
      return failWithDiagnostics(Diags);
    }
  }

  Diags.flush();
  // As compilers do: the process ends here, so the IR is not torn down node
  // by node (tens of milliseconds on GitHub's description).
  (void)A.release();
  if (!getQuietOption())
    errs() << "bk-scaffold: " << scaffold::frameworkName(*FW) << " server for "
           << plural(Stats.Operations, "operation") << " in " << OutputDir
           << ": " << R->Written.size() << " written, " << R->Unchanged.size()
           << " unchanged, " << R->Created.size() << " created, "
           << R->Kept.size() << " kept\n";
  return ExitSuccess;
}
