//===- Target.cpp - What bk-load sends requests to ------------------------===//

#include "bk/Load/Target.h"
#include "bk/Support/URI.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace bk {
namespace load {

static Error bad(StringRef URL, const Twine &Why) {
  return createStringError(inconvertibleErrorCode(),
                           "bad URL '" + URL + "': " + Why);
}

Expected<Target> parseTarget(StringRef URL) {
  Target T;
  StringRef Rest = URL;
  std::string Why;
  if (!uri::isURIReference(URL, &Why))
    return bad(URL, Why);
  if (Rest.consume_front_insensitive("https://"))
    T.TLS = true;
  else if (!Rest.consume_front_insensitive("http://"))
    return bad(URL, "the scheme must be http or https");
  size_t End = Rest.find_first_of("/?#");
  StringRef Authority = Rest.take_front(End);
  StringRef Path = End == StringRef::npos ? "" : Rest.substr(End);
  Path = Path.take_until([](char C) { return C == '#'; });
  if (Authority.contains('@'))
    return bad(URL, "user information is not supported; send credentials "
                    "with --header");
  StringRef Host = Authority, Port;
  if (Authority.startswith("[")) {
    size_t Close = Authority.find(']');
    Host = Authority.slice(1, Close);
    StringRef After = Authority.substr(Close + 1);
    if (!After.empty() && !After.consume_front(":"))
      return bad(URL, "only a port may follow an IPv6 address");
    if (Authority.endswith(":"))
      return bad(URL, "the port is empty");
    Port = After;
  } else {
    std::tie(Host, Port) = Authority.split(':');
    if (Authority.contains(':') && Port.empty())
      return bad(URL, "the port is empty");
  }
  if (Host.empty())
    return bad(URL, "the host is empty");
  T.Host = Host.str();
  T.Port = T.TLS ? 443 : 80;
  if (!Port.empty()) {
    unsigned P;
    if (Port.getAsInteger(10, P) || P == 0 || P > 65535)
      return bad(URL, "the port must be a number from 1 to 65535");
    T.Port = P;
  }
  if (Path.empty() || Path.front() == '?')
    T.PathAndQuery = ("/" + Path).str();
  else
    T.PathAndQuery = Path.str();
  return T;
}

std::string Target::hostHeader() const {
  std::string H = StringRef(Host).contains(':') ? "[" + Host + "]" : Host;
  if (Port != (TLS ? 443 : 80))
    H += ":" + utostr(Port);
  return H;
}

std::string Target::authority() const {
  std::string H = StringRef(Host).contains(':') ? "[" + Host + "]" : Host;
  return H + ":" + utostr(Port);
}

std::string Target::url() const {
  return (TLS ? "https://" : "http://") + authority() + PathAndQuery;
}

} // namespace load
} // namespace bk
