//===- bk/Database/Connection.h - A libpq connection ------------*- C++ -*-===//
//
// A thin wrapper over libpq: connect from a URL or key=value string (or from
// the PG* environment, service files and ~/.pgpass when the string is empty),
// run parameterised queries (PQexecParams, text results), and turn every
// failure into a located bk::ErrorDiagnostic whose message never contains
// the password.
//
// Errors are located at the connection's description, a masked URL such as
// "postgres://alice:****@db:5432/app", and say what went wrong in a way a
// user can act on:
//
//   invalid connection string: ...       (libpq rejected the options)
//   cannot reach the server: ...         (no server at that socket/host/port)
//   authentication failed: ...           (bad password, unknown role, pg_hba)
//   database does not exist: ...
//   permission denied: ...               (no CONNECT privilege, SQLSTATE 42501)
//
// libpq's own message follows, on one line, with every known secret
// replaced by "****". libpq headers never appear here.
//
//===----------------------------------------------------------------------===//

#ifndef BK_DATABASE_CONNECTION_H
#define BK_DATABASE_CONNECTION_H

#include "bk/Support/Context.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

struct pg_conn;

namespace bk {
namespace db {

/// Why a connection attempt failed, as far as libpq tells.
enum class ConnectFailure {
  InvalidOptions,
  Unreachable,
  Authentication,
  DatabaseMissing,
  Privilege,
  Other,
};

/// Classifies libpq's message for a failed connection. NeedsPassword is
/// PQconnectionNeedsPassword(): the server asked for a password and none
/// was given.
ConnectFailure classifyConnectFailure(llvm::StringRef Message,
                                      bool NeedsPassword);

/// The message prefix for a failure kind: "cannot reach the server", ...
llvm::StringRef describeConnectFailure(ConnectFailure F);

/// libpq's multi-line message on one line: lines trimmed and joined with
/// "; ", "FATAL:" / "ERROR:" prefixes dropped.
std::string oneLine(llvm::StringRef Message);

/// A URL naming a connection without its password:
/// "postgres://user@host:port/dbname"; a socket directory as host is
/// percent-encoded ("%2Ftmp%2Fpg"); empty parts are left out.
std::string describeConnection(llvm::StringRef User, llvm::StringRef Host,
                               llvm::StringRef Port, llvm::StringRef DBName);

/// Splits PostgreSQL's text output of a one-dimensional array
/// ("{a,\"b c\",NULL}") into its elements (NULL becomes an empty string).
/// None when Text is not such an array.
llvm::Optional<std::vector<std::string>> parseTextArray(llvm::StringRef Text);

/// The rows of a query, every value as text (NULL is an empty string and
/// isNull() tells it apart).
class QueryResult {
public:
  size_t size() const { return Rows.size(); }
  bool empty() const { return Rows.empty(); }
  size_t getNumColumns() const { return Columns.size(); }
  llvm::ArrayRef<std::string> getColumnNames() const { return Columns; }

  /// The value of column Name in row Row; Name must be a column.
  const std::string &get(size_t Row, llvm::StringRef Name) const;
  bool isNull(size_t Row, llvm::StringRef Name) const;
  /// get() == "t": a boolean column.
  bool getBool(size_t Row, llvm::StringRef Name) const;
  int64_t getInt(size_t Row, llvm::StringRef Name) const;
  /// A text[] / name[] column, split (empty for NULL).
  std::vector<std::string> getArray(size_t Row, llvm::StringRef Name) const;

  /// For Connection.
  void addColumn(llvm::StringRef Name) { Columns.push_back(Name.str()); }
  void addRow(std::vector<std::string> Values, std::vector<bool> Nulls) {
    Rows.push_back(std::move(Values));
    NullFlags.push_back(std::move(Nulls));
  }

private:
  size_t column(llvm::StringRef Name) const;

  std::vector<std::string> Columns;
  std::vector<std::vector<std::string>> Rows;
  std::vector<std::vector<bool>> NullFlags;
};

class Connection {
public:
  /// Connects with ConnInfo, a postgres:// URL or a key=value string; an
  /// empty string (or "env") uses the PG* environment variables, service
  /// files and ~/.pgpass as psql does. Every password involved is added to
  /// Ctx's diagnostics as a secret, so no later message can print it.
  static llvm::Expected<std::unique_ptr<Connection>>
  open(Context &Ctx, llvm::StringRef ConnInfo);

  ~Connection();
  Connection(const Connection &) = delete;
  Connection &operator=(const Connection &) = delete;

  /// The masked URL of this connection (no password).
  llvm::StringRef getDescription() const { return Description; }
  /// Where diagnostics about this connection, and objects read through it,
  /// are located: the description as a file name, no line.
  Loc getLoc() const { return Location; }
  /// The server's version as an integer, e.g. 150004.
  int getServerVersion() const;
  /// The passwords this connection knows (for redact()).
  llvm::ArrayRef<std::string> getSecrets() const { return Secrets; }

  /// Runs SQL with $1, $2, ... bound to Params (text). A failing query is an
  /// ErrorDiagnostic at getLoc(): "permission denied: ..." for SQLSTATE
  /// 42501, "query failed: ..." otherwise (with the SQLSTATE).
  llvm::Expected<QueryResult> query(llvm::StringRef SQL,
                                    llvm::ArrayRef<std::string> Params = {});

private:
  Connection() = default;
  llvm::Error makeError(const llvm::Twine &Msg) const;

  pg_conn *Conn = nullptr;
  std::string Description;
  Loc Location;
  std::vector<std::string> Secrets;
};

/// Sets a run-time parameter for this session until the object goes out of
/// scope, then restores the previous value. Failures are ignored: the
/// setting is an optimisation (a server without the parameter just runs
/// without it).
///
///   // Catalog queries are many-row joins the planner prices high enough
///   // to JIT-compile, which costs more than the query (~0.5 s each).
///   ScopedSetting NoJIT(Conn, "jit", "off");
class ScopedSetting {
public:
  ScopedSetting(Connection &Conn, llvm::StringRef Name, llvm::StringRef Value);
  ~ScopedSetting();
  ScopedSetting(const ScopedSetting &) = delete;
  ScopedSetting &operator=(const ScopedSetting &) = delete;

private:
  Connection &Conn;
  std::string Name;
  llvm::Optional<std::string> Old;
};

} // namespace db
} // namespace bk

#endif // BK_DATABASE_CONNECTION_H
