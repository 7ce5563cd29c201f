//===- URI.cpp - RFC 3986 URI references ----------------------------------===//

#include "bk/Support/URI.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace bk {
namespace uri {

std::string percentDecode(StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '%' && I + 2 < S.size() && isHexDigit(S[I + 1]) &&
        isHexDigit(S[I + 2])) {
      Out += static_cast<char>(hexFromNibbles(S[I + 1], S[I + 2]));
      I += 2;
      continue;
    }
    Out += S[I];
  }
  return Out;
}

namespace {
/// One RFC 3986 URI-reference being checked left to right.
class Checker {
public:
  explicit Checker(StringRef S) : S(S) {}

  bool run() {
    // Component boundaries: the fragment starts at the first '#', the query
    // at the first '?' before it.
    size_t Hash = S.find('#');
    StringRef Before = S.take_front(Hash);
    size_t Query = Before.find('?');
    StringRef Hier = Before.take_front(Query);
    if (!hierPart(Hier))
      return false;
    if (Query != StringRef::npos &&
        !chars(Query + 1, Before.size(), "/?", "query"))
      return false;
    if (Hash != StringRef::npos && !chars(Hash + 1, S.size(), "/?", "fragment"))
      return false;
    return true;
  }

  std::string Why;
  size_t Offset = 0;

private:
  StringRef S;

  bool fail(size_t At, const Twine &Msg) {
    Offset = At;
    Why = Msg.str();
    return false;
  }
  static bool unreserved(char C) {
    return isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~';
  }
  static bool subDelim(char C) { return StringRef("!$&'()*+,;=").contains(C); }

  /// Checks S[Begin, End) holds only unreserved characters, sub-delims,
  /// percent escapes and the characters of Extra.
  bool chars(size_t Begin, size_t End, StringRef Extra, StringRef What) {
    for (size_t I = Begin; I < End; ++I) {
      char C = S[I];
      if (C == '%') {
        if (I + 2 >= End || !isHexDigit(S[I + 1]) || !isHexDigit(S[I + 2]))
          return fail(I, "'%' not followed by two hexadecimal digits in the " +
                             What);
        I += 2;
        continue;
      }
      if (unreserved(C) || subDelim(C) || Extra.contains(C))
        continue;
      std::string Shown = isPrint(C) ? std::string(1, C)
                                     : ("\\x" + utohexstr((unsigned char)C));
      if (C == ' ')
        Shown = "space";
      else
        Shown = "'" + Shown + "'";
      return fail(I, "character " + Shown + " must be percent-encoded in the " +
                         What);
    }
    return true;
  }

  bool hierPart(StringRef Hier) {
    // A scheme is the text before the first ':' when that comes before any
    // '/'; without a valid one, a ':' there makes the reference invalid
    // (RFC 3986 4.2: a relative path's first segment has no ':').
    size_t Pos = 0;
    size_t Colon = Hier.find(':');
    size_t Slash = Hier.find('/');
    if (Colon != StringRef::npos && Colon < Slash) {
      StringRef Scheme = Hier.take_front(Colon);
      if (Scheme.empty() || !isAlpha(Scheme[0]))
        return fail(0, "a URI must start with a scheme (a letter, then "
                       "letters, digits, '+', '-' or '.'); a relative "
                       "reference cannot have ':' in its first segment");
      for (size_t I = 1; I < Scheme.size(); ++I)
        if (!isAlnum(Scheme[I]) && !StringRef("+-.").contains(Scheme[I]))
          return fail(I, "character '" + Twine(Scheme[I]) +
                             "' is not allowed in a URI scheme");
      Pos = Colon + 1;
    }
    if (Hier.substr(Pos).startswith("//")) {
      Pos += 2;
      size_t End = Hier.find('/', Pos);
      if (End == StringRef::npos)
        End = Hier.size();
      if (!authority(Pos, End))
        return false;
      Pos = End;
    }
    return chars(Pos, Hier.size(), ":@/", "path");
  }

  bool authority(size_t Begin, size_t End) {
    StringRef A = S.slice(Begin, End);
    size_t At = A.rfind('@');
    size_t HostBegin = Begin;
    if (At != StringRef::npos) {
      if (!chars(Begin, Begin + At, ":", "user information"))
        return false;
      HostBegin = Begin + At + 1;
    }
    StringRef Host = S.slice(HostBegin, End);
    size_t PortColon;
    if (Host.startswith("[")) {
      size_t Close = Host.find(']');
      if (Close == StringRef::npos)
        return fail(HostBegin, "'[' of an IP literal is not closed");
      for (size_t I = 1; I < Close; ++I)
        if (!isHexDigit(Host[I]) && !StringRef(":.").contains(Host[I]) &&
            !unreserved(Host[I]) && !subDelim(Host[I]))
          return fail(HostBegin + I, "character '" + Twine(Host[I]) +
                                         "' is not allowed in an IP literal");
      if (Close + 1 < Host.size() && Host[Close + 1] != ':')
        return fail(HostBegin + Close + 1,
                    "only a port may follow an IP literal");
      PortColon = Close + 1 < Host.size() ? Close + 1 : StringRef::npos;
    } else {
      PortColon = Host.find(':');
      size_t NameEnd =
          PortColon == StringRef::npos ? End : HostBegin + PortColon;
      if (!chars(HostBegin, NameEnd, "", "host"))
        return false;
    }
    if (PortColon != StringRef::npos)
      for (size_t I = PortColon + 1; I < Host.size(); ++I)
        if (!isDigit(Host[I]))
          return fail(HostBegin + I, "a port must be digits");
    return true;
  }
};
} // namespace

bool isURIReference(StringRef S, std::string *Why, size_t *Offset) {
  Checker C(S);
  if (C.run())
    return true;
  if (Why)
    *Why = C.Why;
  if (Offset)
    *Offset = C.Offset;
  return false;
}

} // namespace uri
} // namespace bk
