//===- Secrets.cpp - Never print a password -------------------------------===//

#include "bk/Support/Secrets.h"
#include "bk/Support/URI.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace bk {

static bool isURI(StringRef Conn) {
  return Conn.startswith("postgres://") || Conn.startswith("postgresql://");
}

namespace {
/// One key=value pair of a conninfo string, as byte offsets of its value.
struct ConnInfoValue {
  StringRef Key;
  size_t Begin, End; // [Begin, End) of the value as written (with quotes)
  std::string Value; // unquoted
};
} // namespace

/// Splits a libpq key=value string; values may be single-quoted with
/// backslash escapes.
static std::vector<ConnInfoValue> parseConnInfo(StringRef S) {
  std::vector<ConnInfoValue> Out;
  size_t I = 0, N = S.size();
  while (I < N) {
    while (I < N && isSpace(S[I]))
      ++I;
    size_t KeyBegin = I;
    while (I < N && S[I] != '=' && !isSpace(S[I]))
      ++I;
    StringRef Key = S.slice(KeyBegin, I);
    while (I < N && isSpace(S[I]))
      ++I;
    if (I >= N || S[I] != '=')
      break;
    ++I;
    while (I < N && isSpace(S[I]))
      ++I;
    ConnInfoValue V{Key, I, I, ""};
    if (I < N && S[I] == '\'') {
      ++I;
      while (I < N && S[I] != '\'') {
        if (S[I] == '\\' && I + 1 < N)
          ++I;
        V.Value += S[I++];
      }
      if (I < N)
        ++I;
    } else {
      while (I < N && !isSpace(S[I])) {
        if (S[I] == '\\' && I + 1 < N)
          ++I;
        V.Value += S[I++];
      }
    }
    V.End = I;
    Out.push_back(std::move(V));
  }
  return Out;
}

namespace {
/// The parts of a postgres:// URI that can hold a password.
struct URIParts {
  size_t UserInfoBegin = 0, UserInfoEnd = 0; // "user:pass" before '@'
  size_t PasswordBegin = std::string::npos;  // inside the user info
  size_t QueryBegin = std::string::npos;     // after '?'
};
} // namespace

static URIParts splitURI(StringRef Conn) {
  URIParts P;
  size_t Start = Conn.find("://") + 3;
  size_t AuthEnd = Conn.find_first_of("/?#", Start);
  if (AuthEnd == StringRef::npos)
    AuthEnd = Conn.size();
  size_t At = Conn.slice(Start, AuthEnd).rfind('@');
  if (At != StringRef::npos) {
    P.UserInfoBegin = Start;
    P.UserInfoEnd = Start + At;
    size_t Colon = Conn.slice(Start, Start + At).find(':');
    if (Colon != StringRef::npos)
      P.PasswordBegin = Start + Colon + 1;
  }
  P.QueryBegin = Conn.find('?');
  if (P.QueryBegin != StringRef::npos)
    ++P.QueryBegin;
  return P;
}

std::string maskConnectionString(StringRef Conn) {
  if (!isURI(Conn)) {
    std::string Out;
    size_t Last = 0;
    for (const ConnInfoValue &V : parseConnInfo(Conn)) {
      if (V.Key != "password")
        continue;
      Out += Conn.slice(Last, V.Begin).str();
      Out += SecretMask;
      Last = V.End;
    }
    Out += Conn.substr(Last).str();
    return Out;
  }
  URIParts P = splitURI(Conn);
  std::string Out;
  if (P.PasswordBegin != std::string::npos) {
    Out = Conn.substr(0, P.PasswordBegin).str() + SecretMask +
          Conn.slice(P.UserInfoEnd, P.QueryBegin == std::string::npos
                                        ? Conn.size()
                                        : P.QueryBegin)
              .str();
  } else {
    Out = Conn.substr(0, P.QueryBegin == std::string::npos ? Conn.size()
                                                           : P.QueryBegin)
              .str();
  }
  if (P.QueryBegin == std::string::npos)
    return Out;
  // Query parameters: password=... (up to '&' or '#').
  StringRef Query = Conn.substr(P.QueryBegin);
  SmallVector<StringRef, 8> Params;
  Query.split(Params, '&');
  ListSeparator Sep("&");
  for (StringRef Param : Params) {
    Out += Sep;
    if (Param.startswith("password=")) {
      size_t Hash = Param.find('#');
      Out += "password=";
      Out += SecretMask;
      if (Hash != StringRef::npos)
        Out += Param.substr(Hash).str();
      continue;
    }
    Out += Param.str();
  }
  return Out;
}

Optional<std::string> extractPassword(StringRef Conn) {
  if (!isURI(Conn)) {
    Optional<std::string> PW;
    for (const ConnInfoValue &V : parseConnInfo(Conn))
      if (V.Key == "password")
        PW = V.Value;
    return PW;
  }
  URIParts P = splitURI(Conn);
  if (P.QueryBegin != std::string::npos) {
    SmallVector<StringRef, 8> Params;
    Conn.substr(P.QueryBegin).split(Params, '&');
    for (StringRef Param : Params)
      if (Param.consume_front("password="))
        return uri::percentDecode(Param.split('#').first);
  }
  if (P.PasswordBegin != std::string::npos)
    return uri::percentDecode(Conn.slice(P.PasswordBegin, P.UserInfoEnd));
  return None;
}

std::string redact(StringRef Text, ArrayRef<std::string> Secrets) {
  std::string Out = Text.str();
  for (const std::string &S : Secrets) {
    if (S.empty())
      continue;
    size_t Pos = 0;
    while ((Pos = Out.find(S, Pos)) != std::string::npos) {
      Out.replace(Pos, S.size(), SecretMask);
      Pos += strlen(SecretMask);
    }
  }
  return Out;
}

} // namespace bk
