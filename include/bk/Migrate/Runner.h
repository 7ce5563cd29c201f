//===- bk/Migrate/Runner.h - Applying migration files to a database -*- C++
//-*-===//
//
// bk-migrate --migrate: migration files (DESIGN.md's "Files bk writes")
// applied to a live database in version order, each once, recorded in a
// history table (bk.migrations: version, name, checksum, applied at,
// duration, who). A session advisory lock serialises concurrent runs; an
// applied file that changed since is refused before anything runs.
//
// A file runs in one transaction with its history row, so it is applied
// entirely or not at all. A file that starts with `-- bk:no-transaction`
// (CREATE INDEX CONCURRENTLY) runs statement by statement, its progress
// recorded after each one, so a run that was killed resumes where it
// stopped; an index a killed CREATE INDEX CONCURRENTLY left invalid is
// dropped and built again, a valid one is kept.
//
// --dry-run runs the pending transactional files inside one transaction
// that is rolled back, and never runs a no-transaction statement: it checks
// that the index it would build is not there yet and that its table is.
//
//===----------------------------------------------------------------------===//

#ifndef BK_MIGRATE_RUNNER_H
#define BK_MIGRATE_RUNNER_H

#include "bk/Database/Connection.h"
#include "bk/SQL/Parser.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace migrate {

/// The schema and table of the history.
constexpr const char *HistorySchema = "bk";
constexpr const char *HistoryTable = "bk.migrations";

struct MigrationFile {
  std::string Path;
  /// From the file name <version>_<name>.up.sql (or <version>_<name>.sql,
  /// or <name>.sql whose version is the name).
  std::string Version;
  std::string Name;
  unsigned BufferID = 0;
  /// SHA-256 of the file's bytes, hex.
  std::string Checksum;
  /// The file starts with `-- bk:no-transaction`.
  bool NoTransaction = false;
  /// Its statements (comments-only text between them skipped).
  std::vector<sql::Statement> Statements;
};

/// The migration files of Path: the file itself, or in a directory every
/// *.up.sql and plain *.sql (never *.down.sql), in version order. Two files
/// of one version are an error. False after reporting errors.
bool collectMigrations(Context &Ctx, llvm::StringRef Path,
                       std::vector<MigrationFile> &Out);

struct RunOptions {
  bool DryRun = false;
};

/// Applies the files not yet applied, in order, reporting each to Report.
/// False after reporting an error (a changed applied file, a failing
/// statement located in its file, a lost connection): what ran before it
/// stays applied and recorded.
bool applyMigrations(Context &Ctx, db::Connection &Conn,
                     std::vector<MigrationFile> &Files, const RunOptions &Opts,
                     llvm::raw_ostream &Report);

/// Rolls back the latest applied migration: runs Dir/<version>_<name>.down.sql
/// (in one transaction with the removal of its history row, unless it
/// starts with `-- bk:no-transaction`). Refused while a migration is partly
/// applied or when the down file is missing. False after reporting errors.
bool rollbackLatest(Context &Ctx, db::Connection &Conn, llvm::StringRef Dir,
                    const RunOptions &Opts, llvm::raw_ostream &Report);

} // namespace migrate
} // namespace bk

#endif // BK_MIGRATE_RUNNER_H
