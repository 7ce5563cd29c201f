//===- bk/Support/ToolMain.h - What every bk driver shares ------*- C++ -*-===//
//
// The exit-code and common-option contract of DESIGN.md:
//
//   exit 0  success / no findings
//   exit 1  findings or differences (also -verify-diagnostics mismatches)
//   exit 2  usage, input or environment errors (LLVM's own error paths exit
//           1, so they are mapped here)
//
// Common options, spelled the same in every tool: --color, -q/--quiet,
// --version. Each tool declares its own options in getToolCategory() so that
// --help lists only bk options.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_TOOLMAIN_H
#define BK_SUPPORT_TOOLMAIN_H

#include "bk/Support/Context.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"

#include <functional>

namespace bk {

enum ExitCode : int {
  ExitSuccess = 0,
  ExitFindings = 1,
  ExitError = 2,
};

/// bk's version ("0.1.0"), as --version prints it.
llvm::StringRef getVersionString();

/// The --color setting (auto when not given).
ColorMode getColorOption();

/// Whether -q/--quiet was given.
bool getQuietOption();

/// The category every tool's own options belong to.
llvm::cl::OptionCategory &getToolCategory();

/// Parses the command line with only bk options visible. Usage errors are
/// printed and exit 2; --help and --version exit 0. Also installs the
/// fatal-error handlers so that LLVM's error paths exit 2 too.
void parseCommandLine(int Argc, const char *const *Argv,
                      llvm::StringRef Overview);

/// Prepares the heap for a tool that builds a large IR: on Linux with
/// glibc, the heap grows in large steps that the kernel backs with
/// transparent huge pages, so building GitHub's 13 MB description takes
/// ~1,800 page faults instead of ~27,000 (each one a VM exit on a virtual
/// machine). With mimalloc (BK_HAVE_MIMALLOC), its segments get huge
/// pages instead. Elsewhere, and when the kernel refuses, nothing changes.
/// parseCommandLine() calls it.
void prepareHeapForLargeInputs();

/// Applies the common options (--color, --quiet) to Ctx's diagnostics
/// engine and names the tool in unlocated diagnostics.
void configureDiagnostics(Context &Ctx, llvm::StringRef ToolName);

/// An ExitOnError that exits 2 (LLVM's default is 1, which means
/// "differences" in bk).
llvm::ExitOnError makeExitOnErr(llvm::StringRef ToolName);

/// How a driver gives up: flushes the diagnostics reported so far and
/// returns ExitError.
int failWithDiagnostics(DiagnosticEngine &Diags);

/// A usage error: Msg reported unlocated ("tool: error: Msg"), then
/// failWithDiagnostics().
int usageError(DiagnosticEngine &Diags, const llvm::Twine &Msg);

/// Runs Fn on Buffer as a whole, or, with -split-input-file, on each chunk
/// between lines "// -----" (any comment leader: "-- -----", "# -----"). A
/// chunk is loaded as a new buffer under the file's name, padded with the
/// preceding lines' newlines so line numbers stay those of the file. Returns
/// true when Fn succeeded on every chunk (all chunks are processed).
bool processSplitInput(Context &Ctx, unsigned BufferID, bool Split,
                       llvm::function_ref<bool(unsigned ChunkBufferID)> Fn);

} // namespace bk

#endif // BK_SUPPORT_TOOLMAIN_H
