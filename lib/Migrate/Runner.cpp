//===- Runner.cpp - Applying migration files to a database ----------------===//

#include "bk/Migrate/Runner.h"
#include "bk/Schema/Schema.h"
#include "bk/Support/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <chrono>

using namespace llvm;

namespace bk {
namespace migrate {

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

static bool isMigrationFileName(StringRef Name) {
  return Name.endswith(".sql") && !Name.endswith(".down.sql");
}

/// Reads F.Path: its checksum, no-transaction marker and statements.
static bool loadMigrationFile(Context &Ctx, MigrationFile &F) {
  Expected<unsigned> ID = Ctx.loadFile(F.Path);
  if (!ID) {
    reportError(Ctx.getDiags(), ID.takeError());
    return false;
  }
  F.BufferID = *ID;
  StringRef Text = Ctx.getSourceMgr().getMemoryBuffer(*ID)->getBuffer();
  F.Checksum =
      toHex(SHA256::hash(arrayRefFromStringRef(Text)), /*LowerCase=*/true);
  F.NoTransaction = Text.split('\n').first.trim() == "-- bk:no-transaction";
  F.Statements = sql::splitStatements(Text);
  return true;
}

bool collectMigrations(Context &Ctx, StringRef Path,
                       std::vector<MigrationFile> &Out) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  std::vector<std::string> Paths;
  if (sys::fs::is_directory(Path)) {
    std::error_code EC;
    for (sys::fs::directory_iterator It(Path, EC), End; It != End && !EC;
         It.increment(EC))
      if (isMigrationFileName(sys::path::filename(It->path())) &&
          !sys::fs::is_directory(It->path()))
        Paths.push_back(It->path());
    if (EC) {
      Diags.error(Loc(), Path + ": " + EC.message());
      return false;
    }
  } else {
    Paths.push_back(Path.str());
  }

  StringMap<std::string> Versions;
  for (const std::string &P : Paths) {
    MigrationFile F;
    F.Path = P;
    StringRef Stem = sys::path::filename(P);
    if (!Stem.consume_back(".up.sql"))
      Stem.consume_back(".sql");
    auto Parts = Stem.split('_');
    F.Version = Parts.first.str();
    F.Name = Parts.second.empty() ? Parts.first.str() : Parts.second.str();
    if (!loadMigrationFile(Ctx, F))
      return false;
    auto Inserted = Versions.try_emplace(F.Version, P);
    if (!Inserted.second) {
      Diags.error(Ctx.getBufferStartLoc(F.BufferID),
                  "migration version '" + F.Version + "' is also " +
                      Inserted.first->second);
      return false;
    }
    Out.push_back(std::move(F));
  }
  llvm::stable_sort(Out, [](const MigrationFile &A, const MigrationFile &B) {
    return A.Version < B.Version;
  });
  return true;
}

//===----------------------------------------------------------------------===//
// The run
//===----------------------------------------------------------------------===//

namespace {

/// What the history says about one version.
struct Applied {
  std::string Checksum;
  bool Complete = false;
  size_t StatementsDone = 0;
};

class Runner {
public:
  Runner(Context &Ctx, db::Connection &Conn, const RunOptions &Opts,
         raw_ostream &Report)
      : Ctx(Ctx), Diags(Ctx.getDiags()), Conn(Conn), Opts(Opts),
        Report(Report) {}

  bool run(std::vector<MigrationFile> &Files);
  bool rollback(StringRef Dir);

private:
  Context &Ctx;
  DiagnosticEngine &Diags;
  db::Connection &Conn;
  const RunOptions &Opts;
  raw_ostream &Report;
  StringMap<Applied> History;

  /// Runs SQL; false after reporting E (unlocated, at the connection).
  bool exec(StringRef SQL, ArrayRef<std::string> Params = {}) {
    Expected<db::QueryResult> R = Conn.query(SQL, Params);
    if (!R) {
      reportError(Diags, R.takeError());
      return false;
    }
    return true;
  }
  StringRef text(const MigrationFile &F, const sql::Statement &S) const {
    return Ctx.getSourceMgr()
        .getMemoryBuffer(F.BufferID)
        ->getBuffer()
        .slice(S.Begin, S.End);
  }
  Loc locOf(const MigrationFile &F, const sql::Statement &S) {
    const char *Start =
        Ctx.getSourceMgr().getMemoryBuffer(F.BufferID)->getBufferStart();
    return Ctx.getLoc(SMLoc::getFromPointer(Start + S.Begin));
  }
  /// Runs one statement of F; a failure is reported at the statement.
  bool execStatement(const MigrationFile &F, const sql::Statement &S);

  bool readHistory();
  bool applyInTransaction(MigrationFile &F);
  bool applyStatementwise(MigrationFile &F);
  bool dryRunStatementwise(MigrationFile &F);
  /// What the catalog has for a CREATE [UNIQUE] INDEX CONCURRENTLY.
  struct IndexState {
    bool IsConcurrentIndex = false;
    bool Exists = false;
    bool Valid = false;
    bool TableExists = false;
    /// schema.index, quoted.
    std::string Qualified;
  };
  /// The state for Statement (IsConcurrentIndex false for any other
  /// statement); None after reporting a query error.
  Optional<IndexState> concurrentIndexState(StringRef Statement);
};

} // namespace

bool Runner::execStatement(const MigrationFile &F, const sql::Statement &S) {
  Expected<db::QueryResult> R = Conn.query(text(F, S));
  if (R)
    return true;
  std::string Message;
  handleAllErrors(
      R.takeError(),
      [&](const ErrorDiagnostic &E) { Message = E.getDiagnostic().Message; },
      [&](const ErrorInfoBase &E) { Message = E.message(); });
  Diags.error(locOf(F, S), "migration " + F.Version + " failed: " + Message);
  return false;
}

bool Runner::readHistory() {
  Expected<db::QueryResult> Exists = Conn.query(
      "SELECT to_regclass($1) IS NOT NULL AS present", {HistoryTable});
  if (!Exists) {
    reportError(Diags, Exists.takeError());
    return false;
  }
  if (!Exists->getBool(0, "present"))
    return true;
  Expected<db::QueryResult> R = Conn.query(
      std::string("SELECT version, checksum, complete, statements_done FROM ") +
      HistoryTable);
  if (!R) {
    reportError(Diags, R.takeError());
    return false;
  }
  for (size_t I = 0; I < R->size(); ++I) {
    Applied A;
    A.Checksum = R->get(I, "checksum");
    A.Complete = R->getBool(I, "complete");
    A.StatementsDone = size_t(R->getInt(I, "statements_done"));
    History[R->get(I, "version")] = A;
  }
  return true;
}

/// The words of a statement, quoted identifiers kept whole.
static std::vector<std::string> words(StringRef S) {
  std::vector<std::string> Out;
  size_t I = 0;
  while (I < S.size()) {
    if (isSpace(S[I])) {
      ++I;
      continue;
    }
    size_t B = I;
    bool Quoted = false;
    while (I < S.size() && !isSpace(S[I]) && S[I] != '(') {
      if (S[I] == '"')
        Quoted = !Quoted;
      ++I;
      while (Quoted && I < S.size() && S[I] != '"')
        ++I;
    }
    if (I == B)
      ++I;
    Out.push_back(S.slice(B, I).str());
  }
  return Out;
}

Optional<Runner::IndexState> Runner::concurrentIndexState(StringRef Statement) {
  IndexState St;
  std::vector<std::string> W = words(Statement);
  size_t I = 0;
  auto Is = [&](StringRef Word) {
    return I < W.size() && StringRef(W[I]).equals_insensitive(Word);
  };
  if (!Is("create"))
    return St;
  ++I;
  if (Is("unique"))
    ++I;
  if (!Is("index"))
    return St;
  ++I;
  if (!Is("concurrently"))
    return St;
  ++I;
  if (Is("if")) // IF NOT EXISTS
    I += 3;
  if (I + 2 >= W.size())
    return St;
  std::string Index = schema::normalizeIdentifier(W[I]);
  ++I;
  if (!Is("on"))
    return St;
  ++I;
  if (Is("only"))
    ++I;
  if (I >= W.size())
    return St;
  St.IsConcurrentIndex = true;
  std::string Table = W[I];
  Expected<db::QueryResult> R = Conn.query(
      "SELECT to_regclass($1) IS NOT NULL AS table_exists, "
      "(SELECT i.indisvalid FROM pg_catalog.pg_index i JOIN "
      "pg_catalog.pg_class "
      "c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass($1) AND "
      "c.relname = $2) AS valid, "
      "(SELECT quote_ident(n.nspname) FROM pg_catalog.pg_class t JOIN "
      "pg_catalog.pg_namespace n ON n.oid = t.relnamespace WHERE t.oid = "
      "to_regclass($1)) AS schema",
      {Table, Index});
  if (!R) {
    reportError(Diags, R.takeError());
    return None;
  }
  St.TableExists = R->getBool(0, "table_exists");
  St.Exists = !R->isNull(0, "valid");
  St.Valid = St.Exists && R->getBool(0, "valid");
  St.Qualified =
      (R->isNull(0, "schema") ? std::string() : R->get(0, "schema") + ".") +
      schema::quoteIdentifier(Index);
  return St;
}

bool Runner::applyInTransaction(MigrationFile &F) {
  auto Start = std::chrono::steady_clock::now();
  // A dry run is one transaction around every file (run() rolls it back),
  // so each file sees what the ones before it did.
  if (!Opts.DryRun && !exec("BEGIN"))
    return false;
  for (const sql::Statement &S : F.Statements)
    if (!execStatement(F, S)) {
      exec("ROLLBACK");
      return false;
    }
  auto Ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - Start)
                .count();
  if (Opts.DryRun) {
    Report << "would apply " << F.Version << " " << F.Name << ": "
           << F.Statements.size() << " statements ran in " << Ms
           << " ms, rolled back (--dry-run)\n";
    return true;
  }
  if (!exec(std::string("INSERT INTO ") + HistoryTable +
                " (version, name, checksum, duration_ms, statements_done, "
                "complete) VALUES ($1, $2, $3, $4, $5, true)",
            {F.Version, F.Name, F.Checksum, std::to_string(Ms),
             std::to_string(F.Statements.size())}) ||
      !exec("COMMIT")) {
    exec("ROLLBACK");
    return false;
  }
  Report << "applied " << F.Version << " " << F.Name << ": "
         << F.Statements.size() << " statements in " << Ms << " ms\n";
  return true;
}

bool Runner::dryRunStatementwise(MigrationFile &F) {
  Report << "would apply " << F.Version << " " << F.Name
         << " without a transaction; its statements are not executed by "
            "--dry-run:\n";
  for (const sql::Statement &S : F.Statements) {
    StringRef Text = text(F, S);
    Optional<IndexState> St = concurrentIndexState(Text);
    if (!St)
      return false;
    Report << "  not executed: " << Text.split('\n').first.trim();
    if (St->IsConcurrentIndex) {
      if (!St->TableExists) {
        Report << "\n";
        Diags.error(locOf(F, S), "migration " + F.Version +
                                     ": the table of this index does not "
                                     "exist");
        return false;
      }
      if (St->Exists && St->Valid) {
        Report << "\n";
        Diags.error(locOf(F, S), "migration " + F.Version + ": index " +
                                     St->Qualified + " already exists");
        return false;
      }
      Report << (St->Exists
                     ? " (an invalid index of that name would be rebuilt)"
                     : " (checked: the table exists, the index does not)");
    }
    Report << "\n";
  }
  return true;
}

bool Runner::applyStatementwise(MigrationFile &F) {
  auto Start = std::chrono::steady_clock::now();
  size_t Done = 0;
  auto It = History.find(F.Version);
  if (It == History.end()) {
    if (!exec(std::string("INSERT INTO ") + HistoryTable +
                  " (version, name, checksum, duration_ms, statements_done, "
                  "complete) VALUES ($1, $2, $3, 0, 0, false)",
              {F.Version, F.Name, F.Checksum}))
      return false;
  } else {
    Done = It->second.StatementsDone;
    Report << "resuming " << F.Version << " " << F.Name << " after statement "
           << Done << " of " << F.Statements.size() << "\n";
  }
  for (size_t I = 0; I < F.Statements.size(); ++I) {
    const sql::Statement &S = F.Statements[I];
    // Session settings (SET lock_timeout) hold for the whole file: run them
    // again when resuming.
    bool IsSetting = StringRef(S.Kind) == "set";
    if (I < Done && !IsSetting)
      continue;
    Optional<IndexState> St = concurrentIndexState(text(F, S));
    if (!St)
      return false;
    bool Skip = false;
    if (St->IsConcurrentIndex && St->Exists) {
      if (St->Valid) {
        // Built by a run that was stopped before recording it.
        Skip = true;
      } else {
        Report << "dropping invalid index " << St->Qualified
               << " left by an interrupted run\n";
        if (!exec("DROP INDEX CONCURRENTLY " + St->Qualified))
          return false;
      }
    }
    if (!Skip && !execStatement(F, S))
      return false;
    if (I >= Done && !exec(std::string("UPDATE ") + HistoryTable +
                               " SET statements_done = $2 WHERE version = $1",
                           {F.Version, std::to_string(I + 1)}))
      return false;
  }
  auto Ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - Start)
                .count();
  if (!exec(std::string("UPDATE ") + HistoryTable +
                " SET complete = true, duration_ms = $2, applied_at = now(), "
                "applied_by = current_user WHERE version = $1",
            {F.Version, std::to_string(Ms)}))
    return false;
  Report << "applied " << F.Version << " " << F.Name << ": "
         << F.Statements.size() << " statements in " << Ms
         << " ms (no transaction)\n";
  return true;
}

bool Runner::run(std::vector<MigrationFile> &Files) {
  // One run at a time per database: a second waits here, then finds the
  // first one's work in the history.
  if (!exec("SELECT pg_catalog.pg_advisory_lock(7305867453101617267)"))
    return false;
  if (!Opts.DryRun &&
      (!exec(std::string("CREATE SCHEMA IF NOT EXISTS ") + HistorySchema) ||
       !exec(std::string("CREATE TABLE IF NOT EXISTS ") + HistoryTable +
             " (version text PRIMARY KEY, name text NOT NULL, checksum text "
             "NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), "
             "duration_ms bigint NOT NULL, applied_by text NOT NULL DEFAULT "
             "current_user, statements_done integer NOT NULL, complete "
             "boolean NOT NULL)")))
    return false;
  if (!readHistory())
    return false;

  // Refuse before running anything when an applied file has changed.
  bool Changed = false;
  for (const MigrationFile &F : Files) {
    auto It = History.find(F.Version);
    if (It == History.end() || It->second.Checksum == F.Checksum)
      continue;
    Diags.error(Ctx.getBufferStartLoc(F.BufferID),
                "migration " + F.Version + " was " +
                    (It->second.Complete ? "applied" : "partly applied") +
                    " with checksum " + It->second.Checksum.substr(0, 12) +
                    "…; this file has changed since (" +
                    F.Checksum.substr(0, 12) +
                    "…): write a new migration instead of editing it");
    Changed = true;
  }
  if (Changed)
    return false;

  unsigned Pending = 0;
  if (Opts.DryRun && !exec("BEGIN"))
    return false;
  for (MigrationFile &F : Files) {
    auto It = History.find(F.Version);
    if (It != History.end() && It->second.Complete)
      continue;
    ++Pending;
    bool OK = F.NoTransaction ? (Opts.DryRun ? dryRunStatementwise(F)
                                             : applyStatementwise(F))
                              : applyInTransaction(F);
    if (!OK) {
      if (Opts.DryRun)
        exec("ROLLBACK");
      return false;
    }
  }
  if (Opts.DryRun && !exec("ROLLBACK"))
    return false;
  if (!Pending)
    Report << "up to date: " << Files.size() << " migration"
           << (Files.size() == 1 ? "" : "s") << " already applied\n";
  return true;
}

bool Runner::rollback(StringRef Dir) {
  if (!exec("SELECT pg_catalog.pg_advisory_lock(7305867453101617267)") ||
      !readHistory())
    return false;
  // The latest complete version; a partly applied one must be finished
  // first (its down script expects all of it).
  std::string Latest;
  for (const auto &E : History) {
    if (!E.second.Complete) {
      Diags.error(Loc(), "migration " + E.first() +
                             " is partly applied: finish it with --migrate "
                             "before rolling back");
      return false;
    }
    if (E.first() > Latest)
      Latest = E.first().str();
  }
  if (Latest.empty()) {
    Report << "nothing to roll back: no migration is applied\n";
    return true;
  }
  Expected<db::QueryResult> Row = Conn.query(
      std::string("SELECT name FROM ") + HistoryTable + " WHERE version = $1",
      {Latest});
  if (!Row) {
    reportError(Diags, Row.takeError());
    return false;
  }
  MigrationFile F;
  F.Version = Latest;
  F.Name = Row->get(0, "name");
  SmallString<256> Path(Dir);
  sys::path::append(Path, F.Version + "_" + F.Name + ".down.sql");
  F.Path = std::string(Path.str());
  if (!sys::fs::exists(F.Path)) {
    Diags.error(Loc(), "no rollback for migration " + F.Version + ": " +
                           F.Path + " does not exist");
    return false;
  }
  if (!loadMigrationFile(Ctx, F))
    return false;

  auto Start = std::chrono::steady_clock::now();
  if (!F.NoTransaction && !exec("BEGIN"))
    return false;
  if (F.NoTransaction && Opts.DryRun) {
    Report << "would roll back " << F.Version << " " << F.Name
           << " without a transaction; its " << F.Statements.size()
           << " statements are not executed by --dry-run\n";
    return true;
  }
  for (const sql::Statement &S : F.Statements)
    if (!execStatement(F, S)) {
      if (!F.NoTransaction)
        exec("ROLLBACK");
      return false;
    }
  if (!exec(std::string("DELETE FROM ") + HistoryTable + " WHERE version = $1",
            {F.Version}))
    return false;
  auto Ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - Start)
                .count();
  if (Opts.DryRun) {
    if (!exec("ROLLBACK"))
      return false;
    Report << "would roll back " << F.Version << " " << F.Name << ": "
           << F.Statements.size() << " statements ran in " << Ms
           << " ms, rolled back (--dry-run)\n";
    return true;
  }
  if (!F.NoTransaction && !exec("COMMIT"))
    return false;
  Report << "rolled back " << F.Version << " " << F.Name << ": "
         << F.Statements.size() << " statements in " << Ms << " ms\n";
  return true;
}

bool applyMigrations(Context &Ctx, db::Connection &Conn,
                     std::vector<MigrationFile> &Files, const RunOptions &Opts,
                     raw_ostream &Report) {
  return Runner(Ctx, Conn, Opts, Report).run(Files);
}

bool rollbackLatest(Context &Ctx, db::Connection &Conn, StringRef Dir,
                    const RunOptions &Opts, raw_ostream &Report) {
  return Runner(Ctx, Conn, Opts, Report).rollback(Dir);
}

} // namespace migrate
} // namespace bk
