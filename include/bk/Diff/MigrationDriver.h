//===- bk/Diff/MigrationDriver.h - What bk-diff and bk-migrate share -*- C++
//-*-===//
//
// The command-line surface of a migration: reading a schema argument (a DDL
// file, '-' or a directory of .sql files), the differ's options, and writing
// the result (-o/--down, --output-dir/--name/--version, --format). bk-diff
// OLD NEW and bk-migrate --compare DESIRED take the same options and write
// the same files, so both tools declare one static MigrationFlags.
//
//===----------------------------------------------------------------------===//

#ifndef BK_DIFF_MIGRATIONDRIVER_H
#define BK_DIFF_MIGRATIONDRIVER_H

#include "bk/Diff/Diff.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"

#include <memory>
#include <string>

namespace bk {
namespace diff {

/// Reads one schema: a DDL file, '-' (stdin), or a directory whose .sql
/// files are read in name order into one catalog. Null after reporting
/// errors to Ctx's diagnostics.
std::unique_ptr<schema::Catalog> readSchemaArgument(Context &Ctx,
                                                    llvm::StringRef Path);

/// YYYYMMDDHHMMSS of the current UTC time: a migration file's default
/// version.
std::string currentMigrationVersion();

enum class OutputFormat { SQL, JSON, Summary };

/// The options of a tool that writes migrations. Construct one with static
/// storage (the options register with LLVM's command line then).
class MigrationFlags {
public:
  MigrationFlags();

  /// Checks the combination of options; reports a usage error and returns
  /// false when it does not hold.
  bool validate(DiagnosticEngine &Diags) const;
  DiffOptions diffOptions() const;
  bool checkOnly() const { return Check; }
  /// --format and -o, for modes that write a report instead of a
  /// migration (bk-migrate --analyze).
  OutputFormat getFormat() const { return Format; }
  llvm::StringRef getOutputFilename() const { return OutputFilename; }
  /// --output-dir was given: write() makes a migration pair there.
  bool writesDirectory() const { return OutputDir.getNumOccurrences(); }

  /// Renders M as the options ask (SQL, JSON or a summary; -o and --down,
  /// or the --output-dir pair) and writes it atomically, all or nothing.
  /// False after reporting an error.
  bool write(Context &Ctx, const Migration &M, const ScriptHeader &H,
             const DiffOptions &Opts) const;

private:
  llvm::cl::opt<std::string> OutputFilename;
  llvm::cl::alias OutputAlias;
  llvm::cl::opt<std::string> DownFilename;
  llvm::cl::opt<std::string> OutputDir;
  llvm::cl::opt<std::string> MigrationName;
  llvm::cl::opt<std::string> MigrationVersion;
  llvm::cl::opt<OutputFormat> Format;
  llvm::cl::opt<bool> Check;
  llvm::cl::opt<bool> AllowDestructive;
  llvm::cl::opt<bool> NoConcurrently;
  llvm::cl::opt<bool> FastNotNull;
  llvm::cl::opt<bool> ValidateInline;
  llvm::cl::opt<std::string> LockTimeout;
  llvm::cl::opt<std::string> StatementTimeout;
  llvm::cl::opt<unsigned> TargetVersion;
};

} // namespace diff
} // namespace bk

#endif // BK_DIFF_MIGRATIONDRIVER_H
