//===- Connection.cpp - A libpq connection --------------------------------===//

#include "bk/Database/Connection.h"
#include "bk/Support/Error.h"
#include "bk/Support/Secrets.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <libpq-fe.h>

#include <cassert>
#include <cstdlib>

using namespace llvm;

namespace bk {
namespace db {

//===----------------------------------------------------------------------===//
// Pure helpers
//===----------------------------------------------------------------------===//

ConnectFailure classifyConnectFailure(StringRef Message, bool NeedsPassword) {
  auto Has = [&](StringRef S) { return Message.contains(S); };
  if (NeedsPassword || Has("password authentication failed") ||
      Has("no password supplied") || Has("authentication failed") ||
      Has("no pg_hba.conf entry") || Has("password is required") ||
      (Has("role \"") && Has("does not exist")))
    return ConnectFailure::Authentication;
  if (Has("database \"") && Has("does not exist"))
    return ConnectFailure::DatabaseMissing;
  if (Has("permission denied") || Has("CONNECT privilege") ||
      Has("not permitted to log in") || Has("must be superuser"))
    return ConnectFailure::Privilege;
  if (Has("could not translate host name") || Has("Connection refused") ||
      Has("No such file or directory") || Has("could not connect") ||
      Has("timeout expired") || Has("Network is unreachable") ||
      Has("No route to host") || Has("server closed the connection") ||
      Has("Is the server running") || Has("the database system is"))
    return ConnectFailure::Unreachable;
  if (Has("invalid") || Has("missing \"=\"") || Has("unterminated") ||
      Has("unexpected spaces") || Has("definition of service") ||
      Has("service file"))
    return ConnectFailure::InvalidOptions;
  return ConnectFailure::Other;
}

StringRef describeConnectFailure(ConnectFailure F) {
  switch (F) {
  case ConnectFailure::InvalidOptions:
    return "invalid connection string";
  case ConnectFailure::Unreachable:
    return "cannot reach the server";
  case ConnectFailure::Authentication:
    return "authentication failed";
  case ConnectFailure::DatabaseMissing:
    return "database does not exist";
  case ConnectFailure::Privilege:
    return "permission denied";
  case ConnectFailure::Other:
    return "cannot connect";
  }
  llvm_unreachable("unknown connection failure");
}

std::string oneLine(StringRef Message) {
  SmallVector<StringRef, 8> Lines;
  Message.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  std::string Out;
  for (StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.empty())
      continue;
    if (!Out.empty())
      Out += "; ";
    Out += Line.str();
  }
  // The server's severity labels add nothing to "error:".
  for (StringRef Label : {"FATAL:  ", "ERROR:  ", "FATAL: ", "ERROR: "}) {
    size_t Pos;
    while ((Pos = Out.find(Label.str())) != std::string::npos)
      Out.erase(Pos, Label.size());
  }
  return Out;
}

static std::string percentEncode(StringRef S) {
  std::string Out;
  for (char C : S) {
    if (isAlnum(C) || StringRef("-._~").contains(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += hexdigit((unsigned char)C >> 4, /*LowerCase=*/false);
    Out += hexdigit((unsigned char)C & 15, /*LowerCase=*/false);
  }
  return Out;
}

std::string describeConnection(StringRef User, StringRef Host, StringRef Port,
                               StringRef DBName) {
  std::string Out = "postgres://";
  if (!User.empty())
    Out += percentEncode(User) + "@";
  Out += percentEncode(Host);
  if (!Port.empty())
    Out += ":" + Port.str();
  if (!DBName.empty())
    Out += "/" + percentEncode(DBName);
  return Out;
}

Optional<std::vector<std::string>> parseTextArray(StringRef Text) {
  if (!Text.consume_front("{") || !Text.consume_back("}"))
    return None;
  std::vector<std::string> Out;
  if (Text.empty())
    return Out;
  size_t I = 0, N = Text.size();
  while (true) {
    std::string Elt;
    if (I < N && Text[I] == '"') {
      ++I;
      while (I < N && Text[I] != '"') {
        if (Text[I] == '\\' && I + 1 < N)
          ++I;
        Elt += Text[I++];
      }
      if (I >= N)
        return None;
      ++I;
    } else {
      size_t Begin = I;
      while (I < N && Text[I] != ',')
        ++I;
      StringRef Raw = Text.slice(Begin, I).trim();
      if (Raw.empty() || Raw.startswith("{"))
        return None; // empty element or nested array
      if (Raw != "NULL")
        Elt = Raw.str();
    }
    Out.push_back(std::move(Elt));
    if (I == N)
      return Out;
    if (Text[I] != ',')
      return None;
    ++I;
  }
}

//===----------------------------------------------------------------------===//
// QueryResult
//===----------------------------------------------------------------------===//

size_t QueryResult::column(StringRef Name) const {
  for (size_t I = 0; I < Columns.size(); ++I)
    if (Columns[I] == Name)
      return I;
  assert(false && "no such column in the query result");
  return 0;
}

const std::string &QueryResult::get(size_t Row, StringRef Name) const {
  return Rows[Row][column(Name)];
}

bool QueryResult::isNull(size_t Row, StringRef Name) const {
  return NullFlags[Row][column(Name)];
}

bool QueryResult::getBool(size_t Row, StringRef Name) const {
  return get(Row, Name) == "t";
}

int64_t QueryResult::getInt(size_t Row, StringRef Name) const {
  int64_t V = 0;
  StringRef(get(Row, Name)).getAsInteger(10, V);
  return V;
}

std::vector<std::string> QueryResult::getArray(size_t Row,
                                               StringRef Name) const {
  if (isNull(Row, Name))
    return {};
  return parseTextArray(get(Row, Name)).getValueOr(std::vector<std::string>());
}

//===----------------------------------------------------------------------===//
// Connection
//===----------------------------------------------------------------------===//

static StringRef str(const char *S) { return S ? StringRef(S) : StringRef(); }

static bool isURI(StringRef S) {
  return S.startswith("postgres://") || S.startswith("postgresql://");
}

Expected<std::unique_ptr<Connection>> Connection::open(Context &Ctx,
                                                       StringRef ConnInfo) {
  std::unique_ptr<Connection> C(new Connection());
  bool FromEnv = ConnInfo.empty() || ConnInfo == "env";
  if (FromEnv)
    ConnInfo = "";

  if (Optional<std::string> PW = extractPassword(ConnInfo))
    C->Secrets.push_back(*PW);
  if (const char *EnvPW = std::getenv("PGPASSWORD"))
    C->Secrets.push_back(EnvPW);

  // dbname with expand_dbname takes the whole URL or key=value string, so
  // fallback_application_name can be added to either.
  std::string Info = ConnInfo.str();
  const char *Keys[] = {"dbname", "fallback_application_name", nullptr};
  const char *Values[] = {Info.c_str(), "bk", nullptr};
  C->Conn = PQconnectdbParams(Keys, Values, /*expand_dbname=*/1);

  if (C->Conn)
    if (const char *PW = PQpass(C->Conn))
      if (*PW)
        C->Secrets.push_back(PW);
  for (const std::string &S : C->Secrets)
    if (!S.empty())
      Ctx.getDiags().addSecret(S);

  // A URL the user wrote is named as written (masked); the environment
  // and key=value strings by the URL of what libpq resolved. A password
  // may hide anywhere (a database named like it): redact them all.
  if (isURI(ConnInfo) || !C->Conn || str(PQhost(C->Conn)).empty())
    C->Description =
        FromEnv ? std::string("postgres://") : maskConnectionString(ConnInfo);
  else
    C->Description =
        describeConnection(str(PQuser(C->Conn)), str(PQhost(C->Conn)),
                           str(PQport(C->Conn)), str(PQdb(C->Conn)));
  C->Description = redact(C->Description, C->Secrets);
  C->Location = Loc(Ctx.intern(C->Description), 0, 0);

  if (!C->Conn)
    return C->makeError("cannot connect: out of memory");
  if (PQstatus(C->Conn) != CONNECTION_OK) {
    StringRef Msg = str(PQerrorMessage(C->Conn));
    ConnectFailure F =
        classifyConnectFailure(Msg, PQconnectionNeedsPassword(C->Conn));
    return C->makeError(describeConnectFailure(F) + ": " + oneLine(Msg));
  }
  return C;
}

Connection::~Connection() {
  if (Conn)
    PQfinish(Conn);
}

int Connection::getServerVersion() const { return PQserverVersion(Conn); }

Error Connection::makeError(const Twine &Msg) const {
  return ErrorDiagnostic::get(Location, redact(Msg.str(), Secrets));
}

Expected<QueryResult> Connection::query(StringRef SQL,
                                        ArrayRef<std::string> Params) {
  std::vector<const char *> Values;
  for (const std::string &P : Params)
    Values.push_back(P.c_str());
  std::string Text = SQL.str();
  PGresult *Res = PQexecParams(Conn, Text.c_str(), (int)Values.size(),
                               /*paramTypes=*/nullptr, Values.data(),
                               /*paramLengths=*/nullptr,
                               /*paramFormats=*/nullptr, /*resultFormat=*/0);
  ExecStatusType Status = Res ? PQresultStatus(Res) : PGRES_FATAL_ERROR;
  if (Status != PGRES_TUPLES_OK && Status != PGRES_COMMAND_OK) {
    StringRef State =
        Res ? str(PQresultErrorField(Res, PG_DIAG_SQLSTATE)) : StringRef();
    std::string Msg =
        Res ? oneLine(str(PQresultErrorField(Res, PG_DIAG_MESSAGE_PRIMARY)))
            : std::string();
    if (Msg.empty())
      Msg = oneLine(str(PQerrorMessage(Conn)));
    PQclear(Res);
    if (State == "42501")
      return makeError("permission denied: " + Msg);
    if (PQstatus(Conn) != CONNECTION_OK)
      return makeError("connection lost: " + Msg);
    return makeError("query failed: " + Msg +
                     (State.empty() ? "" : " (SQLSTATE " + State.str() + ")"));
  }
  QueryResult R;
  int NF = PQnfields(Res), NT = PQntuples(Res);
  for (int F = 0; F < NF; ++F)
    R.addColumn(str(PQfname(Res, F)));
  for (int T = 0; T < NT; ++T) {
    std::vector<std::string> Row;
    std::vector<bool> Nulls;
    for (int F = 0; F < NF; ++F) {
      bool IsNull = PQgetisnull(Res, T, F);
      Nulls.push_back(IsNull);
      Row.push_back(
          IsNull ? std::string()
                 : std::string(PQgetvalue(Res, T, F), PQgetlength(Res, T, F)));
    }
    R.addRow(std::move(Row), std::move(Nulls));
  }
  PQclear(Res);
  return R;
}

} // namespace db
} // namespace bk

namespace bk {
namespace db {

ScopedSetting::ScopedSetting(Connection &Conn, llvm::StringRef Name,
                             llvm::StringRef Value)
    : Conn(Conn), Name(Name.str()) {
  Expected<QueryResult> R =
      Conn.query("SELECT pg_catalog.current_setting($1) AS old, "
                 "pg_catalog.set_config($1, $2, false) AS new",
                 {this->Name, Value.str()});
  if (!R) {
    llvm::consumeError(R.takeError());
    return;
  }
  Old = R->get(0, "old");
}

ScopedSetting::~ScopedSetting() {
  if (!Old)
    return;
  Expected<QueryResult> R =
      Conn.query("SELECT pg_catalog.set_config($1, $2, false)", {Name, *Old});
  if (!R)
    llvm::consumeError(R.takeError());
}

} // namespace db
} // namespace bk
