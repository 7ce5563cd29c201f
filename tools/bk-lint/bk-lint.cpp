//===- bk-lint.cpp - Lint OpenAPI descriptions and SQL schemas ------------===//
//
// bk-lint FILE...: reads OpenAPI descriptions (YAML/JSON) and SQL DDL, runs
// the enabled rules (OWASP API security, the house REST conventions, schema
// rules), and reports the findings as text, JSON or SARIF. Exit 0: no
// finding at or above --fail-severity; 1: such findings; 2: bad input or
// usage. docs/CommandGuide/bk-lint.md has the options.
//
//===----------------------------------------------------------------------===//

#include "bk/LintDriver/Baseline.h"
#include "bk/LintDriver/Linter.h"
#include "bk/LintDriver/Report.h"
#include "bk/LintDriver/RuleFlags.h"
#include "bk/Passes/IRUnit.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/ToolMain.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::list<std::string>
    Inputs(cl::Positional,
           cl::desc("<OpenAPI description or .sql schema ('-' for stdin)>..."),
           cl::cat(Cat));
static cl::opt<std::string> OutputFilename("o", cl::desc("Write the report to"),
                                           cl::value_desc("path"),
                                           cl::init("-"), cl::cat(Cat));
static cl::alias OutputAlias("output", cl::desc("Alias for -o"),
                             cl::aliasopt(OutputFilename), cl::cat(Cat));
static cl::opt<lint::ReportFormat> Format(
    "format", cl::desc("Report format"), cl::init(lint::ReportFormat::Text),
    cl::values(clEnumValN(lint::ReportFormat::Text, "text",
                          "file:line:col: warning: message [rule]"),
               clEnumValN(lint::ReportFormat::JSON, "json", "a JSON object"),
               clEnumValN(lint::ReportFormat::SARIF, "sarif", "SARIF 2.1.0")),
    cl::cat(Cat));
static lint::RuleFlags Rules;
static cl::opt<std::string>
    BaselineFile("baseline",
                 cl::desc("Report only findings not accepted by this "
                          "baseline file"),
                 cl::value_desc("path"), cl::cat(Cat));
static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Write the current findings as a baseline file and exit 0"),
    cl::value_desc("path"), cl::cat(Cat));
static cl::opt<bool> ListRules("list-rules",
                               cl::desc("List the rules and their settings"),
                               cl::cat(Cat));

static void listRules(raw_ostream &OS, const lint::RuleConfig &Config) {
  for (const lint::RuleState &R : Config.rules()) {
    StringRef ID = R.getID();
    OS << "  " << ID;
    OS.indent(ID.size() < 30 ? 30 - ID.size() : 1);
    std::string Setting =
        R.Enabled ? severityName(R.Sev).str() : std::string("off");
    OS << Setting;
    OS.indent(Setting.size() < 9 ? 9 - Setting.size() : 1);
    OS << (R.Info->IsDatabase            ? "database"
           : R.Info->Kind == IRKind::API ? "openapi "
                                         : "sql     ")
       << "  " << R.Info->Description << "\n";
  }
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-lint: check OpenAPI descriptions (structure, OWASP API "
                   "security, REST conventions) and SQL schemas\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-lint");
  DiagnosticEngine &Diags = Ctx.getDiags();

  lint::RuleConfig Config;
  if (reportError(Diags, Rules.configure(Ctx, Config)))
    return failWithDiagnostics(Diags);

  if (ListRules) {
    listRules(outs(), Config);
    return ExitSuccess;
  }
  if (Inputs.empty())
    return usageError(Diags, "no input files (bk-lint api.yaml schema.sql "
                             "...; '-' reads stdin)");

  // Read everything first: a bad input means exit 2 and no report at all.
  std::vector<IRUnit> Units;
  std::vector<Diagnostic> Findings;
  bool InputErrors = false;
  for (const std::string &Input : Inputs) {
    Expected<unsigned> ID = Ctx.loadFile(Input);
    if (!ID) {
      reportError(Diags, ID.takeError());
      InputErrors = true;
      continue;
    }
    IRUnit U = lint::readInputForLint(Ctx, *ID, Config, Findings);
    if (!U) {
      InputErrors = true;
      continue;
    }
    Units.push_back(std::move(U));
  }
  Diags.flush();
  if (InputErrors)
    return ExitError;

  for (IRUnit &U : Units) {
    std::vector<Diagnostic> F = lint::runRules(Ctx, U, Config);
    std::move(F.begin(), F.end(), std::back_inserter(Findings));
  }
  lint::sortFindings(Findings, Inputs);

  if (!WriteBaseline.empty()) {
    Error E = writeFileAtomically(WriteBaseline, [&](raw_ostream &OS) {
      lint::Baseline::write(OS, Findings);
      return Error::success();
    });
    if (reportError(Diags, std::move(E)))
      return failWithDiagnostics(Diags);
    if (!getQuietOption())
      errs() << "bk-lint: wrote " << Findings.size() << " finding"
             << (Findings.size() == 1 ? "" : "s") << " to '" << WriteBaseline
             << "'\n";
    return ExitSuccess;
  }

  lint::ReportInfo Info;
  Info.Files = Inputs;
  Info.Config = &Config;
  std::string BaselinePath =
      BaselineFile.empty() ? Config.BaselinePath : BaselineFile;
  if (!BaselinePath.empty()) {
    Expected<lint::Baseline> B = lint::Baseline::read(Ctx, BaselinePath);
    if (!B) {
      reportError(Diags, B.takeError());
      return failWithDiagnostics(Diags);
    }
    Info.Suppressed = B->filter(Findings);
  }

  auto Out = OutputFile::create(OutputFilename);
  if (!Out) {
    reportError(Diags, Out.takeError());
    return failWithDiagnostics(Diags);
  }
  raw_ostream &OS = (*Out)->os();
  switch (Format) {
  case lint::ReportFormat::Text: {
    ColorMode C = getColorOption();
    bool UseColor =
        C == ColorMode::Always || (C == ColorMode::Auto && (*Out)->isStdout() &&
                                   sys::Process::StandardOutHasColors());
    lint::writeTextReport(OS, Diags, Findings, Info, UseColor);
    break;
  }
  case lint::ReportFormat::JSON:
    lint::writeJSONReport(OS, Findings, Info);
    break;
  case lint::ReportFormat::SARIF:
    lint::writeSARIFReport(OS, Findings, Info);
    break;
  }
  if (reportError(Diags, (*Out)->commit()))
    return failWithDiagnostics(Diags);

  for (const Diagnostic &D : Findings)
    if (D.Sev >= Config.FailSeverity)
      return ExitFindings;
  return ExitSuccess;
}
