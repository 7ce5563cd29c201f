//===- Template.cpp - Mustache templates ----------------------------------===//
//
// kainjow's engine does the parsing and rendering. Around it:
//
// - TemplateRenderContext implements kainjow's basic_context over our
//   TemplateData, so a render converts only the values the template looks
//   up, once each, instead of deep-copying a whole tree into kainjow::data.
// - scanTags() tokenises a template the way kainjow's parser does, to find
//   the partials it includes (loaded and checked with the template) and to
//   explain mismatched section tags.
// - preprocess() applies the Mustache spec's standalone-line rules (which
//   kainjow gets wrong around sections) and partial indentation before
//   kainjow parses, keeping a map back to the file's own offsets for
//   error locations.
//
//===----------------------------------------------------------------------===//

#include "bk/CodeGen/Template.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <kainjow/mustache.hpp>

#include <cassert>
#include <cstdlib>
#include <deque>
#include <exception>
#include <map>
#include <tuple>

using namespace llvm;

namespace bk {
namespace codegen {

namespace km = kainjow::mustache;

static constexpr StringLiteral TemplateExt = ".mustache";

//===----------------------------------------------------------------------===//
// TemplateData
//===----------------------------------------------------------------------===//

TemplateData TemplateData::list(ArrayRef<std::string> Strings) {
  TemplateData L = list();
  L.Elements.reserve(Strings.size());
  for (const std::string &S : Strings)
    L.Elements.emplace_back(S);
  return L;
}

bool TemplateData::isTruthy() const {
  switch (K) {
  case Kind::Object:
    return true;
  case Kind::List:
    return !Elements.empty();
  case Kind::String:
    return !Str.empty();
  case Kind::Bool:
    return BoolValue;
  }
  llvm_unreachable("unknown template data kind");
}

TemplateData &TemplateData::set(StringRef Key, TemplateData V) {
  assert(isObject() && "set() on a template value that is not an object");
  if (TemplateData *Old = get(Key)) {
    *Old = std::move(V);
    return *this;
  }
  Keys.push_back(Key.str());
  Elements.push_back(std::move(V));
  return *this;
}

const TemplateData *TemplateData::get(StringRef Key) const {
  if (!isObject())
    return nullptr;
  for (size_t I = 0, E = Keys.size(); I != E; ++I)
    if (Keys[I] == Key)
      return &Elements[I];
  return nullptr;
}

TemplateData *TemplateData::get(StringRef Key) {
  return const_cast<TemplateData *>(
      static_cast<const TemplateData *>(this)->get(Key));
}

TemplateData &TemplateData::push_back(TemplateData V) {
  if (isObject() && Elements.empty())
    K = Kind::List;
  assert(isList() && "push_back() on a template value that is not a list");
  Elements.push_back(std::move(V));
  return Elements.back();
}

static void printData(json::OStream &J, const TemplateData &D) {
  switch (D.getKind()) {
  case TemplateData::Kind::Object:
    J.objectBegin();
    for (size_t I = 0, E = D.keys().size(); I != E; ++I) {
      J.attributeBegin(D.keys()[I]);
      printData(J, D.elements()[I]);
      J.attributeEnd();
    }
    J.objectEnd();
    return;
  case TemplateData::Kind::List:
    J.arrayBegin();
    for (const TemplateData &E : D.elements())
      printData(J, E);
    J.arrayEnd();
    return;
  case TemplateData::Kind::String:
    J.value(D.getString());
    return;
  case TemplateData::Kind::Bool:
    J.value(D.getBool());
    return;
  }
}

void TemplateData::print(raw_ostream &OS) const {
  json::OStream J(OS, /*IndentSize=*/2);
  printData(J, *this);
}

//===----------------------------------------------------------------------===//
// Scanning and locating
//===----------------------------------------------------------------------===//

namespace {
/// A tag as kainjow's parser sees it. Kind is the sigil ('#', '^', '/', '>',
/// '&', '!', '=', '{' for a triple mustache) or 0 for a plain variable.
struct Tag {
  char Kind = 0;
  std::string Name;
  /// Where the opening delimiter starts, the closing one starts, and the tag
  /// ends (one past the closing delimiter).
  size_t Offset = 0;
  size_t CloseAt = 0;
  size_t End = 0;
};
} // namespace

/// Mirrors kainjow's set-delimiter parsing ("=<% %>=").
static bool parseSetDelimiter(StringRef Body, std::string &Begin,
                              std::string &End) {
  if (Body.size() < 5 || Body.back() != '=')
    return false;
  StringRef Inner = Body.drop_front().drop_back().trim();
  size_t Space = Inner.find(' ');
  if (Space == StringRef::npos)
    return false;
  StringRef NewBegin = Inner.take_front(Space);
  StringRef NewEnd = Inner.drop_front(Space).ltrim(' ');
  if (NewBegin.empty() || NewEnd.empty())
    return false;
  Begin = NewBegin.str();
  End = NewEnd.str();
  return true;
}

/// Tokenises the tags of a template as kainjow's parser does (same
/// delimiters, triple mustaches, set-delimiter tags). Stops at the first
/// unclosed tag.
static std::vector<Tag> scanTags(StringRef Text) {
  std::string Begin = "{{", End = "}}";
  std::vector<Tag> Tags;
  size_t Pos = 0;
  while ((Pos = Text.find(Begin, Pos)) != StringRef::npos) {
    Tag T;
    T.Offset = Pos;
    size_t Contents = Pos + Begin.size();
    bool Triple = Begin == "{{" && End == "}}" && Contents < Text.size() &&
                  Text[Contents] == '{';
    if (Triple)
      ++Contents;
    StringRef Close = Triple ? StringRef("}}}") : StringRef(End);
    size_t CloseAt = Text.find(Close, Contents);
    if (CloseAt == StringRef::npos)
      break;
    StringRef Body = Text.slice(Contents, CloseAt).trim();
    Pos = CloseAt + Close.size();
    T.CloseAt = CloseAt;
    T.End = Pos;
    if (Triple) {
      T.Kind = '{';
      T.Name = Body.str();
    } else if (Body.startswith("=")) {
      T.Kind = '=';
      parseSetDelimiter(Body, Begin, End);
    } else if (!Body.empty() && StringRef("#^/>&!").contains(Body.front())) {
      T.Kind = Body.front();
      T.Name = Body.drop_front().trim().str();
    } else {
      T.Name = Body.str();
    }
    Tags.push_back(std::move(T));
  }
  return Tags;
}

/// Marks the line of every rendered section tag in the text kainjow parses,
/// and is dropped from the output. kainjow drops any output line that holds
/// a section tag and only whitespace, which eats blank lines around
/// sections; a non-blank mark disables that, and preprocess() removes
/// standalone tag lines the way the Mustache spec says instead.
static constexpr char LineMark = '\x01';
/// Brackets the indentation of a standalone partial, appended to its name:
/// {{> name<IndentMark><indent><IndentMark>}}.
static constexpr char IndentMark = '\x1f';

namespace {
/// A template as handed to kainjow, with a map back to the original text.
struct Processed {
  struct Segment {
    size_t Out;
    size_t Orig;
    bool Inserted;
  };
  std::string Text;
  std::vector<Segment> Map;

  /// The offset in the original text of offset Off in Text.
  size_t toOriginal(size_t Off) const {
    auto It = llvm::upper_bound(
        Map, Off, [](size_t O, const Segment &S) { return O < S.Out; });
    if (It == Map.begin())
      return Off;
    --It;
    return It->Inserted ? It->Orig : It->Orig + (Off - It->Out);
  }
};
} // namespace

/// Whether tag G stands alone on its line (only spaces and tabs around it).
/// Sets [LineStart, LineEnd) to the line, newline included.
static bool isStandalone(StringRef Src, const Tag &G, size_t &LineStart,
                         size_t &LineEnd) {
  if (!G.Kind || !StringRef("#^/!=>").contains(G.Kind))
    return false;
  size_t NL = Src.rfind('\n', G.Offset);
  LineStart = NL == StringRef::npos ? 0 : NL + 1;
  if (Src.slice(LineStart, G.Offset).find_first_not_of(" \t") !=
      StringRef::npos)
    return false;
  size_t After = Src.find_first_not_of(" \t", G.End);
  if (After == StringRef::npos || After == Src.size()) {
    LineEnd = Src.size();
    return true;
  }
  if (Src[After] == '\n') {
    LineEnd = After + 1;
    return true;
  }
  if (Src.substr(After).startswith("\r\n")) {
    LineEnd = After + 2;
    return true;
  }
  return false;
}

/// Rewrites a template for kainjow: standalone section, comment, delimiter
/// and partial lines are removed (their tags kept), a standalone partial
/// carries its indentation in its name, and each section tag is followed by
/// a LineMark.
static Processed preprocess(StringRef Src, ArrayRef<Tag> Tags) {
  Processed P;
  P.Text.reserve(Src.size() + Tags.size());
  size_t Pos = 0;
  auto Copy = [&](size_t End) {
    if (End <= Pos)
      return;
    P.Map.push_back({P.Text.size(), Pos, false});
    P.Text.append(Src.data() + Pos, End - Pos);
    Pos = End;
  };
  auto Insert = [&](StringRef S) {
    P.Map.push_back({P.Text.size(), Pos, true});
    P.Text += S.str();
  };
  for (const Tag &G : Tags) {
    size_t LineStart = 0, LineEnd = 0;
    bool Standalone = isStandalone(Src, G, LineStart, LineEnd);
    if (Standalone) {
      Copy(LineStart);
      Pos = G.Offset;
    }
    if (Standalone && G.Kind == '>') {
      Copy(G.CloseAt);
      std::string Mark(1, IndentMark);
      Insert(Mark + Src.slice(LineStart, G.Offset).str() + Mark);
    }
    Copy(G.End);
    if (G.Kind == '#' || G.Kind == '^' || G.Kind == '/')
      Insert(StringRef(&LineMark, 1));
    if (Standalone)
      Pos = LineEnd;
  }
  Copy(Src.size());
  return P;
}

/// Src with Indent before each of its lines.
static std::string indentLines(StringRef Src, StringRef Indent) {
  std::string Out;
  Out.reserve(Src.size() + Indent.size() * (1 + Src.count('\n')));
  bool AtLineStart = true;
  for (char C : Src) {
    if (AtLineStart)
      Out += Indent.str();
    Out += C;
    AtLineStart = C == '\n';
  }
  return Out;
}

/// 1-based line and column (in bytes) of Offset in Text.
static std::pair<unsigned, unsigned> getLineAndCol(StringRef Text,
                                                   size_t Offset) {
  Offset = std::min(Offset, Text.size());
  StringRef Before = Text.take_front(Offset);
  unsigned Line = 1 + Before.count('\n');
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  return {Line, unsigned(Offset - LineStart + 1)};
}

/// Splits a kainjow message "Unclosed section \"items\" at 42" into our
/// style ("unclosed section 'items'") and the byte offset, when it has one.
static std::string convertMessage(StringRef Msg, Optional<size_t> &Offset) {
  size_t At = Msg.rfind(" at ");
  size_t N;
  if (At != StringRef::npos && !Msg.drop_front(At + 4).getAsInteger(10, N)) {
    Offset = N;
    Msg = Msg.take_front(At);
  }
  std::string Out;
  Out.reserve(Msg.size());
  for (char C : Msg)
    Out.push_back(C == '"' ? '\'' : C);
  if (!Out.empty())
    Out[0] = toLower(Out[0]);
  return Out;
}

/// Normalises a template name: no ".mustache", '/' separators, no "." or
/// empty components; rejects absolute names and "..".
static Expected<std::string> normalizeName(StringRef Name) {
  StringRef Trimmed = Name.trim();
  Trimmed.consume_back(TemplateExt);
  std::string Out;
  bool Valid = !Trimmed.empty() && !sys::path::is_absolute(Trimmed);
  SmallVector<StringRef, 4> Parts;
  Trimmed.split(Parts, '/');
  for (StringRef Part : Parts) {
    if (Part.empty() || Part == ".")
      continue;
    if (Part == "..")
      Valid = false;
    if (!Out.empty())
      Out += '/';
    Out += Part.str();
  }
  if (!Valid || Out.empty())
    return ErrorDiagnostic::get(Loc(), "invalid template name '" + Name +
                                           "': expected a relative path "
                                           "inside the templates directory");
  return Out;
}

static std::string describeSearchPath(ArrayRef<std::string> Dirs) {
  if (Dirs.empty())
    return "no template directories are set";
  return "searched " + join(Dirs.begin(), Dirs.end(), ", ");
}

//===----------------------------------------------------------------------===//
// Rendering
//===----------------------------------------------------------------------===//

struct Template::Impl {
  /// The template rewritten for kainjow, and parsed.
  Processed Source;
  km::mustache Mustache;
  /// The text kainjow parses when another template includes this one
  /// inline, and, by indentation, when one includes it standalone.
  km::data PartialText;
  std::map<std::string, km::data> IndentedText;

  Impl(StringRef Text, ArrayRef<Tag> Tags)
      : Source(preprocess(Text, Tags)), Mustache(Source.Text),
        PartialText(Source.Text) {
    disableEscaping();
  }

  void disableEscaping() {
    Mustache.set_custom_escape([](const std::string &S) { return S; });
  }

  /// kainjow keeps a render error in the parsed template, which then refuses
  /// to render again; parse afresh after one.
  void reset() {
    Mustache = km::mustache(Source.Text);
    disableEscaping();
  }

  const km::data *getPartialText(StringRef Original, StringRef Indent) {
    if (Indent.empty())
      return &PartialText;
    auto It = IndentedText.find(Indent.str());
    if (It != IndentedText.end())
      return &It->second;
    std::string Indented = indentLines(Original, Indent);
    Processed P = preprocess(Indented, scanTags(Indented));
    return &IndentedText.emplace(Indent.str(), km::data(P.Text)).first->second;
  }
};

namespace {
/// Thrown through kainjow to stop a render; the Error waits in the context.
struct RenderAbort {};

/// Collects kainjow's output, without LineMarks.
struct StringSink {
  std::string Out;
  StringSink &operator<<(const std::string &S) {
    for (char C : S)
      if (C != LineMark)
        Out += C;
    return *this;
  }
};

} // namespace

/// kainjow's view of a TemplateData tree. A value is converted to
/// kainjow::data the first time the template looks it up, and only shallowly:
/// an object becomes an empty kainjow object whose fields are resolved here
/// when kainjow pushes it as a section's context. Lists are converted
/// element by element in the same shallow way (kainjow iterates them
/// itself).
class TemplateRenderContext final : public km::basic_context<std::string> {
public:
  TemplateRenderContext(TemplateSet &Set, const Template &Root,
                        const TemplateData &Data)
      : Set(Set), Root(Root),
        StackBase(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))) {
    push(proxyFor(Data));
  }
  ~TemplateRenderContext() override { consumeError(std::move(Pending)); }

  void push(const km::data *D) override {
    checkStack();
    auto It = NodeOf.find(D);
    Scopes.push_back(It == NodeOf.end() ? nullptr : It->second);
    ScopeProxies.push_back(D);
  }

  void pop() override {
    Scopes.pop_back();
    ScopeProxies.pop_back();
  }

  const km::data *get(const std::string &Name) const override {
    if (Name == ".")
      return ScopeProxies.back();
    StringRef Rest = Name;
    StringRef First;
    std::tie(First, Rest) = Rest.split('.');
    // The first name is looked up through the enclosing scopes, the rest
    // inside what it found (the Mustache spec's dotted names).
    const TemplateData *Found = nullptr;
    for (const TemplateData *Scope : llvm::reverse(Scopes)) {
      if (!Scope)
        continue;
      if ((Found = Scope->get(First)))
        break;
    }
    while (Found && !Rest.empty()) {
      std::tie(First, Rest) = Rest.split('.');
      Found = Found->get(First);
    }
    return Found ? proxyFor(*Found) : nullptr;
  }

  const km::data *get_partial(const std::string &Tagged) const override {
    StringRef Name, Indent;
    std::tie(Name, Indent) = StringRef(Tagged).split(IndentMark);
    Indent.consume_back(StringRef(&IndentMark, 1));
    checkStack();
    Expected<const Template &> T = Set.get(Name.rtrim());
    if (!T)
      abort(T.takeError());
    return T->I->getPartialText(T->getText(), Indent);
  }

  Error takeError() { return std::move(Pending); }

private:
  /// How much stack a render may use: partials that include themselves
  /// recurse in kainjow, and a recursion that data does not stop (a missing
  /// key is looked up in enclosing scopes too) must end in an error, not a
  /// crash.
  static constexpr uintptr_t MaxStack = 2u << 20;

  [[noreturn]] void abort(Error E) const {
    consumeError(std::move(Pending));
    Pending = std::move(E);
    throw RenderAbort();
  }

  void checkStack() const {
    char Probe;
    uintptr_t Here = reinterpret_cast<uintptr_t>(&Probe);
    if (Here > StackBase || StackBase - Here < MaxStack)
      return;
    abort(ErrorDiagnostic::get(
        Loc(Set.internPath(Root.getPath()), 0, 0),
        "cannot render template '" + Root.getName() +
            "': partials nest too deeply (a partial that includes itself "
            "stops only when a section's key is false or empty; a missing "
            "key is looked up in enclosing scopes)"));
  }

  /// A kainjow value standing for D (not registered).
  static km::data makeProxy(const TemplateData &D) {
    switch (D.getKind()) {
    case TemplateData::Kind::Object:
      return km::data(km::data::type::object);
    case TemplateData::Kind::String:
      // An empty string is false in sections, and renders as nothing.
      if (D.getString().empty())
        return km::data(false);
      return km::data(D.getString().str());
    case TemplateData::Kind::Bool:
      return km::data(D.getBool());
    case TemplateData::Kind::List: {
      km::data L(km::data::type::list);
      for (const TemplateData &E : D.elements())
        L.push_back(makeProxy(E));
      return L;
    }
    }
    llvm_unreachable("unknown template data kind");
  }

  /// Records which TemplateData each kainjow value of a proxy tree stands
  /// for, so push() can find it.
  void registerProxy(const km::data &K, const TemplateData &D) const {
    NodeOf.try_emplace(&K, &D);
    Proxies.try_emplace(&D, &K);
    if (!D.isList() || !K.is_list())
      return;
    const km::list &Items = K.list_value();
    for (size_t I = 0, E = Items.size(); I != E; ++I)
      registerProxy(Items[I], D.elements()[I]);
  }

  const km::data *proxyFor(const TemplateData &D) const {
    auto It = Proxies.find(&D);
    if (It != Proxies.end())
      return It->second;
    Storage.push_back(makeProxy(D));
    registerProxy(Storage.back(), D);
    return &Storage.back();
  }

  TemplateSet &Set;
  const Template &Root;
  uintptr_t StackBase;
  std::vector<const TemplateData *> Scopes;
  std::vector<const km::data *> ScopeProxies;
  // Caches filled by the const lookups kainjow calls.
  mutable std::deque<km::data> Storage;
  mutable DenseMap<const TemplateData *, const km::data *> Proxies;
  mutable DenseMap<const km::data *, const TemplateData *> NodeOf;
  mutable Error Pending = Error::success();
};

//===----------------------------------------------------------------------===//
// Template
//===----------------------------------------------------------------------===//

Template::Template(TemplateSet &Set, std::string Name, std::string Path,
                   unsigned DirIndex, std::string Text)
    : Set(Set), Name(std::move(Name)), Path(std::move(Path)),
      DirIndex(DirIndex), Text(std::move(Text)) {}

Template::~Template() = default;

StringRef Template::getSearchDir() const { return Set.SearchPath[DirIndex]; }

Error Template::render(const TemplateData &Data, raw_ostream &OS) const {
  TemplateRenderContext Ctx(Set, *this, Data);
  StringSink Sink;
  try {
    I->Mustache.render(Ctx, Sink);
  } catch (const RenderAbort &) {
    return Ctx.takeError();
  } catch (const std::exception &E) {
    I->reset();
    return ErrorDiagnostic::get(Loc(Set.internPath(Path), 0, 0),
                                Twine("cannot render template '") + Name +
                                    "': " + E.what());
  }
  if (!I->Mustache.is_valid()) {
    Optional<size_t> Offset;
    std::string Msg = convertMessage(I->Mustache.error_message(), Offset);
    I->reset();
    return ErrorDiagnostic::get(Loc(Set.internPath(Path), 0, 0),
                                "cannot render template '" + Name +
                                    "': " + Msg);
  }
  OS << Sink.Out;
  return Error::success();
}

//===----------------------------------------------------------------------===//
// TemplateSet
//===----------------------------------------------------------------------===//

TemplateSet::TemplateSet(Context *Ctx) : Ctx(Ctx) {}

TemplateSet::~TemplateSet() = default;

StringRef TemplateSet::internPath(StringRef Path) const {
  return Ctx ? Ctx->intern(Path) : Paths.save(Path);
}

void TemplateSet::addToSourceMgr(StringRef Path, StringRef Text) {
  if (!Ctx)
    return;
  SourceMgr &SM = Ctx->getSourceMgr();
  for (unsigned I = 1, E = SM.getNumBuffers(); I <= E; ++I)
    if (SM.getMemoryBuffer(I)->getBufferIdentifier() == Path)
      return;
  Ctx->addBuffer(MemoryBuffer::getMemBufferCopy(Text, Path));
}

Error TemplateSet::addSearchDir(StringRef Dir) {
  if (Dir.empty())
    return ErrorDiagnostic::get(Loc(), "empty templates directory name");
  if (!sys::fs::exists(Dir))
    return ErrorDiagnostic::get(Loc(internPath(Dir), 0, 0),
                                "templates directory does not exist");
  if (!sys::fs::is_directory(Dir))
    return ErrorDiagnostic::get(Loc(internPath(Dir), 0, 0),
                                "templates path is not a directory");
  SearchPath.push_back(Dir.str());
  return Error::success();
}

/// The file for normalised name Key in Dir.
static std::string getFileIn(StringRef Dir, StringRef Key) {
  SmallString<256> P(Dir);
  sys::path::append(P, Key + TemplateExt);
  return std::string(P);
}

Optional<std::string> TemplateSet::findFile(StringRef Name) const {
  Expected<std::string> Key = normalizeName(Name);
  if (!Key) {
    consumeError(Key.takeError());
    return None;
  }
  for (const std::string &Dir : SearchPath) {
    std::string P = getFileIn(Dir, *Key);
    if (sys::fs::is_regular_file(P))
      return P;
  }
  return None;
}

Expected<const Template &> TemplateSet::get(StringRef Name) {
  Expected<std::string> Key = normalizeName(Name);
  if (!Key)
    return Key.takeError();
  auto It = Cache.find(*Key);
  if (It != Cache.end())
    return *It->second;
  return load(*Key);
}

Expected<const Template &> TemplateSet::load(StringRef Key) {
  std::string Path;
  unsigned DirIndex = 0;
  for (unsigned I = 0, E = SearchPath.size(); I != E; ++I) {
    std::string P = getFileIn(SearchPath[I], Key);
    if (!sys::fs::is_regular_file(P))
      continue;
    Path = std::move(P);
    DirIndex = I;
    break;
  }
  if (Path.empty())
    return ErrorDiagnostic::get(Loc(), "template '" + Key + "' not found (" +
                                           describeSearchPath(SearchPath) +
                                           ")");

  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (std::error_code EC = Buf.getError())
    return ErrorDiagnostic::get(Loc(internPath(Path), 0, 0),
                                "cannot read template: " + EC.message());

  ++NumParsed;
  std::unique_ptr<Template> T(new Template(*this, Key.str(), Path, DirIndex,
                                           (*Buf)->getBuffer().str()));
  StringRef Text = T->Text;
  auto LocAt = [&](size_t Offset) {
    auto LC = getLineAndCol(Text, Offset);
    addToSourceMgr(Path, Text);
    return Loc(internPath(Path), LC.first, LC.second);
  };

  std::vector<Tag> Tags = scanTags(Text);
  try {
    T->I = std::make_unique<Template::Impl>(Text, Tags);
  } catch (const std::exception &E) {
    return ErrorDiagnostic::get(Loc(internPath(Path), 0, 0),
                                Twine("cannot parse template: ") + E.what());
  }
  if (!T->I->Mustache.is_valid()) {
    Optional<size_t> Offset;
    std::string Msg = convertMessage(T->I->Mustache.error_message(), Offset);
    Diagnostic D(Severity::Error,
                 Offset ? LocAt(T->I->Source.toOriginal(*Offset))
                        : Loc(internPath(Path), 0, 0),
                 Msg);
    // kainjow reports a section closed by the wrong name as unclosed; point
    // at the end tag that did not match.
    std::vector<const Tag *> Open;
    for (const Tag &G : Tags) {
      if (G.Kind == '#' || G.Kind == '^') {
        Open.push_back(&G);
        continue;
      }
      if (G.Kind != '/' || Open.empty())
        continue;
      const Tag *Top = Open.back();
      Open.pop_back();
      if (Top->Name != G.Name && Offset &&
          T->I->Source.toOriginal(*Offset) == Top->Offset)
        D.addNote(LocAt(G.Offset), "'" + G.Name + "' closed here instead of '" +
                                       Top->Name + "'");
    }
    return make_error<ErrorDiagnostic>(std::move(D));
  }

  // Cache before loading partials, so a template may include itself
  // (recursion over a tree of data).
  Template &Result = *T;
  Cache[Key] = std::move(T);
  for (const Tag &G : Tags) {
    if (G.Kind != '>')
      continue;
    if (llvm::find(Result.Partials, G.Name) == Result.Partials.end())
      Result.Partials.push_back(G.Name);
    if (Error E = loadPartial(G.Name, Key, LocAt(G.Offset))) {
      Cache.erase(Key);
      return E;
    }
  }
  return Result;
}

Error TemplateSet::loadPartial(StringRef Name, StringRef IncludedFrom,
                               Loc IncludedAt) {
  Expected<std::string> Key = normalizeName(Name);
  if (!Key) {
    consumeError(Key.takeError());
    return ErrorDiagnostic::get(IncludedAt,
                                "invalid partial name '" + Name + "'");
  }
  if (Cache.count(*Key))
    return Error::success();
  if (!findFile(*Key))
    return ErrorDiagnostic::get(IncludedAt,
                                "partial '" + Name + "' not found (" +
                                    describeSearchPath(SearchPath) + ")");
  Expected<const Template &> P = get(*Key);
  if (P)
    return Error::success();
  return handleErrors(P.takeError(), [&](const ErrorDiagnostic &ED) {
    Diagnostic D = ED.getDiagnostic();
    D.addNote(IncludedAt,
              "in partial '" + Name + "' included from '" + IncludedFrom + "'");
    return make_error<ErrorDiagnostic>(std::move(D));
  });
}

Error TemplateSet::render(StringRef Name, const TemplateData &Data,
                          raw_ostream &OS) {
  Expected<const Template &> T = get(Name);
  if (!T)
    return T.takeError();
  return T->render(Data, OS);
}

Expected<std::string> TemplateSet::renderToString(StringRef Name,
                                                  const TemplateData &Data) {
  std::string Out;
  raw_string_ostream OS(Out);
  if (Error E = render(Name, Data, OS))
    return E;
  OS.flush();
  return Out;
}

Expected<std::vector<std::string>>
TemplateSet::listTemplates(StringRef SubDir) const {
  std::vector<std::string> Names;
  for (const std::string &Dir : SearchPath) {
    SmallString<256> Root(Dir);
    if (!SubDir.empty())
      sys::path::append(Root, SubDir);
    if (!sys::fs::is_directory(Root))
      continue;
    std::error_code EC;
    for (sys::fs::recursive_directory_iterator It(Root, EC), End;
         It != End && !EC; It.increment(EC)) {
      StringRef P = It->path();
      if (!P.endswith(TemplateExt) || !sys::fs::is_regular_file(P))
        continue;
      StringRef Rel = P.drop_front(Dir.size());
      Rel = Rel.ltrim(sys::path::get_separator());
      Rel.consume_back(TemplateExt);
      Names.push_back(sys::path::convert_to_slash(Rel));
    }
    if (EC)
      return ErrorDiagnostic::get(Loc(internPath(Root), 0, 0),
                                  "cannot list templates: " + EC.message());
  }
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return Names;
}

//===----------------------------------------------------------------------===//
// Built-in templates
//===----------------------------------------------------------------------===//

static int ExecutableAnchor;

std::vector<std::string> TemplateSet::getLoadedFiles() const {
  std::vector<std::string> Paths;
  for (const auto &Entry : Cache)
    if (Entry.second)
      Paths.push_back(Entry.second->getPath().str());
  llvm::sort(Paths);
  Paths.erase(std::unique(Paths.begin(), Paths.end()), Paths.end());
  return Paths;
}

std::string getBuiltinTemplatesDir(const char *Argv0) {
  if (const char *Env = std::getenv("BK_TEMPLATES_DIR"))
    if (*Env)
      return Env;

  std::string Exe =
      sys::fs::getMainExecutable(Argv0 ? Argv0 : "", &ExecutableAnchor);
  if (!Exe.empty()) {
    SmallString<256> Installed(sys::path::parent_path(Exe));
    sys::path::append(Installed, "..", "share", "bk", "templates");
    sys::path::remove_dots(Installed, /*remove_dot_dot=*/true);
    if (sys::fs::is_directory(Installed))
      return std::string(Installed);
  }

#ifdef BK_SOURCE_TEMPLATES_DIR
  if (sys::fs::is_directory(BK_SOURCE_TEMPLATES_DIR))
    return BK_SOURCE_TEMPLATES_DIR;
#endif
  return "";
}

} // namespace codegen
} // namespace bk
