//===- bk-diff.cpp - Offline PostgreSQL schema diff -----------------------===//
//
// bk-diff OLD NEW: reads two schemas (DDL files, directories of .sql files
// or '-'), and writes the migration from OLD to NEW and its rollback. Exit
// status as diff(1): 0 equivalent, 1 different, 2 error or refused
// destructive change. docs/CommandGuide/bk-diff.md has the options.
//
//===----------------------------------------------------------------------===//

#include "bk/Diff/Diff.h"
#include "bk/Diff/MigrationDriver.h"
#include "bk/Support/Context.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::list<std::string>
    Inputs(cl::Positional, cl::desc("<old schema> <new schema>"), cl::cat(Cat));
static diff::MigrationFlags Flags;
static cl::opt<bool> TimePhases(
    "time-phases",
    cl::desc("Print the wall time of each phase (parse, diff, plan, print) "
             "to stderr"),
    cl::cat(Cat));

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

  if (Inputs.size() != 2)
    return usageError(Diags, "expected two schemas, OLD and NEW (see --help)");
  if (Inputs[0] == "-" && Inputs[1] == "-")
    return usageError(Diags, "only one of OLD and NEW can be '-' (stdin)");
  if (!Flags.validate(Diags))
    return failWithDiagnostics(Diags);

  PhaseTimers Phases;
  auto PrintPhases = [&] {
    if (!TimePhases)
      return;
    errs() << "bk-diff: phases (wall):";
    for (Timer *T : {&Phases.Parse, &Phases.Diff, &Phases.Plan, &Phases.Print})
      errs() << " " << T->getName() << " "
             << format("%.3f", T->getTotalTime().getWallTime()) << " s";
    errs() << "\n";
  };

  std::unique_ptr<schema::Catalog> Old, New;
  {
    TimeRegion R(Phases.Parse);
    Old = diff::readSchemaArgument(Ctx, Inputs[0]);
    New = Old ? diff::readSchemaArgument(Ctx, Inputs[1]) : nullptr;
  }
  if (!Old || !New)
    return failWithDiagnostics(Diags);

  diff::DiffOptions Opts = Flags.diffOptions();
  Opts.DiffTimer = &Phases.Diff;
  Opts.PlanTimer = &Phases.Plan;
  diff::Migration M;
  bool OK =
      diff::diffCatalogs(std::move(*Old), std::move(*New), Opts, Diags, M);
  Diags.flush();
  if (!OK)
    return ExitError;
  int Status = M.Up.empty() ? ExitSuccess : ExitFindings;
  if (Flags.checkOnly()) {
    PrintPhases();
    return Status;
  }

  diff::ScriptHeader H;
  H.From = Inputs[0] == "-" ? "<stdin>" : Inputs[0];
  H.To = Inputs[1] == "-" ? "<stdin>" : Inputs[1];
  {
    TimeRegion R(Phases.Print);
    if (!Flags.write(Ctx, M, H, Opts))
      return failWithDiagnostics(Diags);
  }
  PrintPhases();
  return Status;
}
