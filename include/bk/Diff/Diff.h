//===- bk/Diff/Diff.h - Schema IR diff -> migration -------------*- C++ -*-===//
//
// The schema differ behind bk-diff (and bk-migrate --compare): two Schema IR
// catalogs in, an ordered migration out, as an `up` script that turns the
// old schema into the new one and a `down` script that turns it back.
//
// Planning is correct by construction: statements that create objects are
// the SQLWriter's own statements for the new catalog (whose order creates
// every object after what it needs), filtered to what must be created;
// changes to objects that stay are inserted at their object's place in that
// order; dependants are dropped first, in the reverse of the old catalog's
// order, and what they depended on last. docs/CommandGuide/bk-diff.md has
// the phases; docs/MigrationSafety.md the safety rewrites.
//
// Every step says which lock it takes and what it risks (a table rewrite, a
// full scan, data loss), for comments in the SQL and for --format json.
//
//===----------------------------------------------------------------------===//

#ifndef BK_DIFF_DIFF_H
#define BK_DIFF_DIFF_H

#include "bk/Schema/Schema.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace diff {

/// What a step risks, a bit set.
enum Risk : unsigned {
  RiskNone = 0,
  /// Rewrites every row of the table (and its indexes).
  RiskRewrite = 1,
  /// Reads every row of the table while holding its lock.
  RiskScan = 2,
  /// Removes data that the inverse step does not bring back.
  RiskDataLoss = 4,
  /// May fail on existing rows (a cast, a NOT NULL column without default).
  RiskMayFail = 8,
};

/// The names of the risks in Risks, in bit order: "table rewrite", ...
std::vector<std::string> riskNames(unsigned Risks);

enum class ChangeKind { Create, Alter, Drop };

/// One statement of a migration.
struct Step {
  /// One complete statement ending with ';' (writeRowSecurity() may give
  /// two, one per line).
  std::string SQL;
  ChangeKind Change = ChangeKind::Alter;
  /// The object created, changed or dropped: "table public.users",
  /// "column public.users.email" (SQLWriter's labels).
  std::string Object;
  /// The lock mode taken on an existing relation ("ACCESS EXCLUSIVE",
  /// "SHARE UPDATE EXCLUSIVE", ...) and that relation; both empty when the
  /// step locks nothing that existed before (a new object).
  std::string Lock;
  std::string LockedRelation;
  unsigned Risks = RiskNone;
  /// Cannot run inside a transaction block (CONCURRENTLY).
  bool NoTransaction = false;
  /// A plain-words remark printed with the step ("data is not restored").
  std::string Note;
};

struct Script {
  std::vector<Step> Steps;

  bool empty() const { return Steps.empty(); }
  /// Some step cannot run in a transaction: the file starts with
  /// `-- bk:no-transaction`.
  bool needsNoTransaction() const;
};

struct Migration {
  Script Up;
  Script Down;
};

struct DiffOptions {
  /// Emit drops of tables and columns, narrowing type changes and enum
  /// value removals instead of refusing them.
  bool AllowDestructive = false;
  /// CREATE/DROP INDEX CONCURRENTLY on tables that exist (and unique or
  /// primary keys through such an index).
  bool Concurrently = true;
  /// SET NOT NULL directly (a full scan under ACCESS EXCLUSIVE) instead of
  /// through a validated CHECK (c IS NOT NULL) first.
  bool FastNotNull = false;
  /// Foreign keys and checks on existing tables added NOT VALID, then
  /// validated in a separate statement.
  bool ValidateSeparately = true;
  /// SET lock_timeout / statement_timeout at the top of each script; empty
  /// for none.
  std::string LockTimeout = "5s";
  std::string StatementTimeout;
  /// The PostgreSQL major version the scripts must run on (13..17).
  unsigned TargetVersion = 15;
  /// When set, the time spent comparing the catalogs and ordering the
  /// steps (both directions) is added to these (bk-diff --time-phases).
  llvm::Timer *DiffTimer = nullptr;
  llvm::Timer *PlanTimer = nullptr;
};

/// Plans the migration from Old to New (and back). Refused destructive
/// changes, changes bk-diff cannot make and names PostgreSQL would truncate
/// are reported to Diags as errors, located at the object; the result is
/// then false and Out is unspecified. Likely undeclared renames are
/// reported as warnings.
bool diffCatalogs(const schema::Catalog &Old, const schema::Catalog &New,
                  const DiffOptions &Opts, DiagnosticEngine &Diags,
                  Migration &Out);
/// The same on catalogs the caller no longer needs: they are changed in
/// place rather than copied (on 5,000 tables, the copies were a tenth of
/// bk-diff's time).
bool diffCatalogs(schema::Catalog &&Old, schema::Catalog &&New,
                  const DiffOptions &Opts, DiagnosticEngine &Diags,
                  Migration &Out);

//===----------------------------------------------------------------------===//
// Output
//===----------------------------------------------------------------------===//

struct ScriptHeader {
  /// How the inputs were named on the command line.
  std::string From;
  std::string To;
  /// "up" or "down".
  std::string Direction;
  /// What wrote the script ("Generated by ..." in its first comment).
  std::string Generator = "bk-diff";
};

/// The script as SQL: `-- bk:no-transaction` first when needed, a header
/// naming both inputs, the timeout preamble, then each step after a
/// comment with its object, lock and risks. No timestamps.
void printSQL(llvm::raw_ostream &OS, const Script &S, const ScriptHeader &H,
              const DiffOptions &Opts);

/// Both scripts as one JSON object: {"from", "to", "up": {...},
/// "down": {...}}, each step with its sql, change, object, lock, risks and
/// note.
void printJSON(llvm::raw_ostream &OS, const Migration &M, const ScriptHeader &H,
               const DiffOptions &Opts);

/// One line per changed object ("+ table public.users", "~ column ...",
/// "- index ..."), in up order, and a count line.
void printSummary(llvm::raw_ostream &OS, const Migration &M);

} // namespace diff
} // namespace bk

#endif // BK_DIFF_DIFF_H
