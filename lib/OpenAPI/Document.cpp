//===- Document.cpp - A YAML/JSON document with locations -----------------===//

#include "Document.h"

#include "bk/API/API.h"
#include "bk/API/APIText.h"
#include "bk/OpenAPI/JSONPointer.h"
#include "bk/Support/URI.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <algorithm>
#include <array>
#include <memory>

using namespace llvm;

namespace bk {
namespace openapi {

//===----------------------------------------------------------------------===//
// JNode
//===----------------------------------------------------------------------===//

static constexpr unsigned IndexThreshold = 16;

const JNode::Member *JNode::getMember(StringRef Key) const {
  if (Index) {
    auto It = Index->find(Key);
    return It == Index->end() ? nullptr : &Members[It->second];
  }
  for (const Member &M : Members)
    if (M.Key == Key)
      return &M;
  return nullptr;
}

const JNode *JNode::get(StringRef Key) const {
  const Member *M = getMember(Key);
  return M ? M->Value : nullptr;
}

StringRef JNode::kindName() const {
  switch (K) {
  case Null:
    return "null";
  case Bool:
    return "boolean";
  case Number:
    return "number";
  case String:
    return "string";
  case Array:
    return "array";
  case Object:
    return "object";
  }
  return "value";
}

//===----------------------------------------------------------------------===//
// JSON pointers and $ref strings
//===----------------------------------------------------------------------===//

RefParts splitRef(StringRef Ref) {
  RefParts P;
  size_t Hash = Ref.find('#');
  P.File = Ref.substr(0, Hash).str();
  if (Hash != StringRef::npos)
    P.Pointer = Ref.substr(Hash + 1).str();
  return P;
}

bool isRemoteRef(StringRef Ref) {
  size_t Colon = Ref.find(':');
  if (Colon == StringRef::npos || Colon < 2)
    return false; // "C:" drive letters are paths
  size_t Hash = Ref.find('#'), Slash = Ref.find('/');
  if (Hash < Colon || Slash < Colon)
    return false;
  return llvm::all_of(Ref.take_front(Colon), [](char C) {
    return isAlnum(C) || C == '+' || C == '-' || C == '.';
  });
}

bool parseJSONPointer(StringRef Pointer, std::vector<std::string> &Tokens,
                      std::string *Error) {
  Tokens.clear();
  std::string Decoded = uri::percentDecode(Pointer);
  StringRef P = Decoded;
  if (P.empty())
    return true;
  if (!P.startswith("/")) {
    if (Error)
      *Error = "JSON pointer '" + Pointer.str() + "' does not start with '/'";
    return false;
  }
  P = P.drop_front();
  while (true) {
    size_t Slash = P.find('/');
    StringRef Tok = P.substr(0, Slash);
    std::string T;
    for (size_t I = 0; I < Tok.size(); ++I) {
      if (Tok[I] != '~') {
        T += Tok[I];
        continue;
      }
      if (I + 1 < Tok.size() && (Tok[I + 1] == '0' || Tok[I + 1] == '1')) {
        T += Tok[I + 1] == '0' ? '~' : '/';
        ++I;
        continue;
      }
      if (Error)
        *Error = "JSON pointer '" + Pointer.str() +
                 "' has '~' not followed by 0 or 1";
      return false;
    }
    Tokens.push_back(std::move(T));
    if (Slash == StringRef::npos)
      break;
    P = P.substr(Slash + 1);
  }
  return true;
}

std::string escapePointerToken(StringRef Token) {
  std::string Out;
  for (char C : Token) {
    if (C == '~')
      Out += "~0";
    else if (C == '/')
      Out += "~1";
    else
      Out += C;
  }
  return Out;
}

std::string resolveRelativePath(StringRef BaseFile, StringRef Path) {
  SmallString<256> Result;
  if (sys::path::is_absolute(Path)) {
    Result = Path;
  } else {
    Result = sys::path::parent_path(BaseFile);
    sys::path::append(Result, Path);
  }
  sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result.str());
}

const JNode *resolvePointer(const JNode *Root, StringRef Pointer,
                            std::string &Error) {
  std::vector<std::string> Tokens;
  if (!parseJSONPointer(Pointer, Tokens, &Error))
    return nullptr;
  const JNode *N = Root;
  std::string Path;
  for (const std::string &T : Tokens) {
    Path += "/" + escapePointerToken(T);
    if (N->isObject()) {
      const JNode *Next = N->get(T);
      if (!Next) {
        Error = "'" + Path + "' does not exist";
        return nullptr;
      }
      N = Next;
      continue;
    }
    if (N->isArray()) {
      unsigned Idx;
      if (StringRef(T).getAsInteger(10, Idx) || Idx >= N->Elems.size()) {
        Error = "'" + Path + "' does not exist";
        return nullptr;
      }
      N = N->Elems[Idx];
      continue;
    }
    Error = "'" + Path + "' does not exist (a " + N->kindName().str() +
            " has no members)";
    return nullptr;
  }
  return N;
}

//===----------------------------------------------------------------------===//
// JSON text
//===----------------------------------------------------------------------===//

void appendJSON(const JNode *N, std::string &Out) {
  switch (N->K) {
  case JNode::Null:
    Out += "null";
    return;
  case JNode::Bool:
  case JNode::Number:
    Out += N->Text;
    return;
  case JNode::String:
    api::appendJSONString(Out, N->Text);
    return;
  case JNode::Array: {
    Out += '[';
    bool First = true;
    for (const JNode *E : N->Elems) {
      if (!First)
        Out += ',';
      First = false;
      appendJSON(E, Out);
    }
    Out += ']';
    return;
  }
  case JNode::Object: {
    Out += '{';
    bool First = true;
    for (const JNode::Member &M : N->Members) {
      if (!First)
        Out += ',';
      First = false;
      api::appendJSONString(Out, M.Key);
      Out += ':';
      appendJSON(M.Value, Out);
    }
    Out += '}';
    return;
  }
  }
}

std::string toJSON(const JNode *N) {
  std::string S;
  appendJSON(N, S);
  return S;
}

//===----------------------------------------------------------------------===//
// YAML to JNode
//===----------------------------------------------------------------------===//

/// Whether S is a JSON number as written.
static bool isJSONNumber(StringRef S) {
  size_t I = 0, N = S.size();
  if (I < N && S[I] == '-')
    ++I;
  if (I >= N || !isDigit(S[I]))
    return false;
  if (S[I] == '0')
    ++I;
  else
    while (I < N && isDigit(S[I]))
      ++I;
  if (I < N && S[I] == '.') {
    ++I;
    if (I >= N || !isDigit(S[I]))
      return false;
    while (I < N && isDigit(S[I]))
      ++I;
  }
  if (I < N && (S[I] == 'e' || S[I] == 'E')) {
    ++I;
    if (I < N && (S[I] == '+' || S[I] == '-'))
      ++I;
    if (I >= N || !isDigit(S[I]))
      return false;
    while (I < N && isDigit(S[I]))
      ++I;
  }
  return I == N;
}

/// YAML 1.2 core schema number forms that are not JSON numbers, converted
/// to JSON ("+1", ".5", "0x1F", "0o17", "1."); None when S is no number.
static Optional<std::string> yamlNumberToJSON(StringRef S) {
  StringRef Body = S;
  bool Neg = false;
  if (Body.consume_front("-"))
    Neg = true;
  else
    Body.consume_front("+");
  uint64_t U;
  if ((Body.startswith("0x") && !Body.drop_front(2).getAsInteger(16, U)) ||
      (Body.startswith("0o") && !Body.drop_front(2).getAsInteger(8, U)))
    return (Neg ? "-" : "") + std::to_string(U);
  if (Body.empty() || !(isDigit(Body[0]) || Body[0] == '.'))
    return None;
  bool SawDigit = false;
  for (char C : Body) {
    if (isDigit(C))
      SawDigit = true;
    else if (C != '.' && C != 'e' && C != 'E' && C != '+' && C != '-')
      return None;
  }
  if (!SawDigit)
    return None;
  double D;
  if (Body.getAsDouble(D))
    return None;
  api::JSONNumber Num(Neg ? -D : D);
  return Num.Text;
}

class DocumentBuilder {
public:
  DocumentBuilder(Context &Ctx, Document &D, unsigned MaxDepth,
                  size_t MaxExpanded)
      : Ctx(Ctx), D(D), MaxDepth(MaxDepth), MaxExpanded(MaxExpanded) {}

  const JNode *build(yaml::Node *N, unsigned Depth);
  bool Failed = false;
  const bool *YamlFailed = nullptr;
  const char *ParseBegin = nullptr;
  /// Start of the buffer being parsed.
  const char *ParseStart = nullptr;
  /// The last key or element read (alias nodes have no location).
  const char *LastPtr = nullptr;

  void error(const char *P, const Twine &Msg) {
    if (Failed)
      return;
    Failed = true;
    Ctx.getDiags().error(D.loc(P), Msg);
  }

  const char *orig(const char *P) const {
    if (!P || !ParseBegin)
      return P;
    return D.BufStart + (P - ParseBegin);
  }

private:
  JNode *make(JNode::Kind K, const char *P) {
    JNode *N = new (D.Nodes.Allocate()) JNode();
    N->K = K;
    N->Ptr = P;
    return N;
  }
  JNode *scalar(StringRef Value, bool Plain, const char *P);
  template <typename T> ArrayRef<T> copyToArena(ArrayRef<T> Items) {
    if (Items.empty())
      return {};
    T *Mem = D.Alloc.Allocate<T>(Items.size());
    std::uninitialized_copy(Items.begin(), Items.end(), Mem);
    return ArrayRef<T>(Mem, Items.size());
  }

  Context &Ctx;
  Document &D;
  unsigned MaxDepth;
  size_t MaxExpanded;
  StringMap<const JNode *> Anchors;
};

JNode *DocumentBuilder::scalar(StringRef V, bool Plain, const char *P) {
  if (!Plain) {
    JNode *N = make(JNode::String, P);
    N->Text = V;
    return N;
  }
  if (V.empty() || V == "~" || V == "null" || V == "Null" || V == "NULL")
    return make(JNode::Null, P);
  if (V == "true" || V == "True" || V == "TRUE") {
    JNode *N = make(JNode::Bool, P);
    N->Text = "true";
    return N;
  }
  if (V == "false" || V == "False" || V == "FALSE") {
    JNode *N = make(JNode::Bool, P);
    N->Text = "false";
    return N;
  }
  char C = V[0];
  if (isDigit(C) || C == '-' || C == '+' || C == '.') {
    if (isJSONNumber(V)) {
      JNode *N = make(JNode::Number, P);
      N->Text = V;
      return N;
    }
    if (Optional<std::string> J = yamlNumberToJSON(V)) {
      JNode *N = make(JNode::Number, P);
      N->Text = D.Saver.save(*J);
      return N;
    }
  }
  JNode *N = make(JNode::String, P);
  N->Text = V;
  return N;
}

/// YAML line folding of a `>` block scalar whose indentation and chomping
/// llvm::yaml already applied: a line break between two text lines is a
/// space, each empty line a line break, and more-indented lines keep theirs.
static std::string foldBlockScalar(StringRef V) {
  StringRef Body = V.rtrim('\n');
  StringRef Trailing = V.drop_front(Body.size());
  SmallVector<StringRef, 16> Lines;
  Body.split(Lines, '\n');
  auto More = [](StringRef L) {
    return L.startswith(" ") || L.startswith("\t");
  };
  std::string Out;
  size_t I = 0;
  while (I < Lines.size()) {
    StringRef L = Lines[I];
    Out += L;
    size_t J = I + 1, Empty = 0;
    while (J < Lines.size() && Lines[J].empty())
      ++Empty, ++J;
    if (J >= Lines.size()) {
      Out.append(Empty, '\n');
      break;
    }
    bool Keep = More(L) || More(Lines[J]);
    if (Empty == 0)
      Out += Keep ? '\n' : ' ';
    else
      Out.append(Keep ? Empty + 1 : Empty, '\n');
    I = J;
  }
  Out += Trailing;
  return Out;
}

/// YAML line folding of a multi-line plain or quoted scalar: lines are
/// trimmed, a single line break is a space, and each empty line a break.
static std::string foldFlowScalar(StringRef V) {
  SmallVector<StringRef, 8> Lines;
  V.split(Lines, '\n');
  std::string Out;
  bool PendingSpace = false;
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef L = Lines[I];
    if (I > 0)
      L = L.ltrim(" \t");
    if (I + 1 < Lines.size())
      L = L.rtrim(" \t\r");
    if (L.empty() && I > 0 && I + 1 < Lines.size()) {
      Out += '\n';
      PendingSpace = false;
      continue;
    }
    if (PendingSpace)
      Out += ' ';
    Out += L;
    PendingSpace = true;
  }
  return Out;
}

static size_t addSat(size_t A, size_t B) {
  size_t S = A + B;
  return S < A ? SIZE_MAX : S;
}

const JNode *DocumentBuilder::build(yaml::Node *N, unsigned Depth) {
  if (Failed || *YamlFailed)
    return nullptr;
  // Null and alias nodes have no source range: use the key they follow.
  const char *P = N->getSourceRange().Start.getPointer();
  if (!P || isa<yaml::NullNode>(N) || isa<yaml::AliasNode>(N))
    P = LastPtr;
  else
    P = orig(P);
  if (Depth > MaxDepth) {
    error(P, "nesting deeper than " + Twine(MaxDepth) + " levels");
    return nullptr;
  }
  JNode *Result = nullptr;
  switch (N->getType()) {
  case yaml::Node::NK_Null:
    Result = make(JNode::Null, P);
    break;
  case yaml::Node::NK_Scalar: {
    auto *S = cast<yaml::ScalarNode>(N);
    SmallString<64> Storage;
    StringRef V = S->getValue(Storage);
    if (V.data() == Storage.data())
      V = D.Saver.save(V);
    StringRef Raw = S->getRawValue();
    bool Quoted = Raw.startswith("\"") || Raw.startswith("'");
    // llvm::yaml keeps the line break of a plain scalar that ends a line in
    // flow context (JSON's `"a": 0\n}`); plain scalars never end in spaces.
    if (!Quoted)
      V = V.rtrim(" \t\r\n");
    // Nor does it fold multi-line flow scalars: fold them here (a double-
    // quoted one only when no escape could have produced a line break).
    if (V.contains('\n') && (!Raw.startswith("\"") || !Raw.contains('\\')))
      V = D.Saver.save(foldFlowScalar(V));
    bool Plain = !Quoted && S->getRawTag() != "!!str" && S->getRawTag() != "!";
    Result = scalar(V, Plain, P);
    break;
  }
  case yaml::Node::NK_BlockScalar: {
    auto *S = cast<yaml::BlockScalarNode>(N);
    Result = make(JNode::String, P);
    // llvm::yaml does not fold `>` scalars: fold them here.
    // The node starts at its content: the header (`>-`, `|2`) is before it.
    const char *Q = P;
    while (Q > D.BufStart && isSpace(Q[-1]))
      --Q;
    while (Q > D.BufStart && (isDigit(Q[-1]) || Q[-1] == '-' || Q[-1] == '+'))
      --Q;
    if (Q > D.BufStart && Q[-1] == '>')
      Result->Text = D.Saver.save(foldBlockScalar(S->getValue()));
    else
      Result->Text = D.Saver.save(S->getValue());
    break;
  }
  case yaml::Node::NK_Alias: {
    auto *A = cast<yaml::AliasNode>(N);
    auto It = Anchors.find(A->getName());
    if (It == Anchors.end()) {
      error(P, "unknown YAML alias '*" + A->getName() + "'");
      return nullptr;
    }
    return It->second;
  }
  case yaml::Node::NK_Sequence: {
    Result = make(JNode::Array, P);
    SmallVector<const JNode *, 8> Elems;
    for (yaml::Node &E : *cast<yaml::SequenceNode>(N)) {
      if (*YamlFailed)
        return nullptr;
      const JNode *C = build(&E, Depth + 1);
      if (!C)
        return nullptr;
      Elems.push_back(C);
      Result->Expanded = addSat(Result->Expanded, C->Expanded);
    }
    Result->Elems = copyToArena(makeArrayRef(Elems));
    break;
  }
  case yaml::Node::NK_Mapping: {
    Result = make(JNode::Object, P);
    SmallVector<JNode::Member, 8> Members;
    std::unique_ptr<StringMap<unsigned>> Index;
    auto Has = [&](StringRef Key) {
      if (Index)
        return Index->count(Key) != 0;
      return llvm::any_of(Members,
                          [&](const JNode::Member &M) { return M.Key == Key; });
    };
    for (yaml::KeyValueNode &KV : *cast<yaml::MappingNode>(N)) {
      yaml::Node *K = KV.getKey();
      if (Failed || *YamlFailed || !K)
        return nullptr;
      const char *KP = orig(K->getSourceRange().Start.getPointer());
      StringRef Key;
      if (auto *KS = dyn_cast<yaml::ScalarNode>(K)) {
        SmallString<64> Storage;
        Key = KS->getValue(Storage);
        if (Key.data() == Storage.data())
          Key = D.Saver.save(Key);
      } else if (isa<yaml::NullNode>(K)) {
        Key = "";
      } else {
        error(KP, "mapping keys must be strings");
        return nullptr;
      }
      if (Has(Key)) {
        error(KP, "duplicate key '" + Key + "'");
        return nullptr;
      }
      LastPtr = KP;
      yaml::Node *V = KV.getValue();
      if (Failed || *YamlFailed || !V)
        return nullptr;
      const JNode *C = build(V, Depth + 1);
      if (!C)
        return nullptr;
      Members.push_back({Key, KP, C});
      Result->Expanded = addSat(Result->Expanded, C->Expanded);
      if (Index) {
        Index->try_emplace(Key, Members.size() - 1);
      } else if (Members.size() > IndexThreshold) {
        Index = std::make_unique<StringMap<unsigned>>();
        for (unsigned I = 0; I < Members.size(); ++I)
          Index->try_emplace(Members[I].Key, I);
      }
    }
    Result->Members = copyToArena(makeArrayRef(Members));
    Result->Index = std::move(Index);
    break;
  }
  case yaml::Node::NK_KeyValue:
    error(P, "unexpected key/value pair");
    return nullptr;
  }
  if (Failed)
    return nullptr;
  if (Result->Expanded > MaxExpanded) {
    error(Result->Ptr, "document expands to more than " + Twine(MaxExpanded) +
                           " nodes through YAML aliases");
    return nullptr;
  }
  StringRef Anchor = N->getAnchor();
  if (!Anchor.empty())
    Anchors[Anchor] = Result;
  return Result;
}

//===----------------------------------------------------------------------===//
// JSON to JNode
//===----------------------------------------------------------------------===//

/// Bytes that end a run of plain string content: the closing quote, an
/// escape, and the control characters JSON does not allow in strings.
static constexpr std::array<bool, 256> makeStringStops() {
  std::array<bool, 256> Stops{};
  for (unsigned C = 0; C < 0x20; ++C)
    Stops[C] = true;
  Stops['"'] = true;
  Stops['\\'] = true;
  return Stops;
}
static constexpr std::array<bool, 256> StringStops = makeStringStops();

/// Reads strict JSON (RFC 8259) into the tree DocumentBuilder builds from
/// the same text through llvm::yaml: the same kinds, texts and locations.
/// In particular a string starts at its opening quote, and an array or
/// object where llvm::yaml starts a flow collection: at the token after its
/// bracket. read() gives null, reporting nothing, on whatever it does not
/// read exactly as that path does: syntax errors, duplicate keys, nesting or
/// expansion over the limits, and \u escapes of UTF-16 surrogates (which
/// llvm::yaml encodes one half at a time). The caller then parses the text
/// again with llvm::yaml, which reports the errors.
class JSONReader {
public:
  JSONReader(Document &D, StringRef Text, unsigned MaxDepth, size_t MaxExpanded)
      : D(D), Cur(Text.begin()), End(Text.end()), MaxDepth(MaxDepth),
        MaxExpanded(MaxExpanded) {}

  const JNode *read();

private:
  /// An array or object being read; its elements or members so far are
  /// Elems or Members from Begin on.
  struct Frame {
    JNode *N;
    size_t Begin;
    std::unique_ptr<StringMap<unsigned>> Index;
  };

  JNode *make(JNode::Kind K, const char *P) {
    JNode *N = new (D.Nodes.Allocate()) JNode();
    N->K = K;
    N->Ptr = P;
    return N;
  }
  template <typename T> ArrayRef<T> copyToArena(ArrayRef<T> Items) {
    if (Items.empty())
      return {};
    T *Mem = D.Alloc.Allocate<T>(Items.size());
    std::uninitialized_copy(Items.begin(), Items.end(), Mem);
    return ArrayRef<T>(Mem, Items.size());
  }
  void skipSpace() {
    while (Cur != End &&
           (*Cur == ' ' || *Cur == '\n' || *Cur == '\r' || *Cur == '\t'))
      ++Cur;
  }
  bool consume(StringRef Word) {
    if (size_t(End - Cur) < Word.size() || StringRef(Cur, Word.size()) != Word)
      return false;
    Cur += Word.size();
    return true;
  }
  bool readString(StringRef &Out);
  bool readEscape();
  bool readKey();
  const JNode *readNumber();
  const JNode *readScalar();
  const JNode *close();

  Document &D;
  const char *Cur;
  const char *End;
  unsigned MaxDepth;
  size_t MaxExpanded;
  std::vector<Frame> Stack;
  std::vector<const JNode *> Elems;
  std::vector<JNode::Member> Members;
  /// The value of the string being unescaped.
  std::string Unescaped;
};

/// Reads the escape at Cur (after its backslash) onto Unescaped.
bool JSONReader::readEscape() {
  if (Cur == End)
    return false;
  char C = *Cur++;
  switch (C) {
  case '"':
  case '\\':
  case '/':
    Unescaped += C;
    return true;
  case 'b':
    Unescaped += '\b';
    return true;
  case 'f':
    Unescaped += '\f';
    return true;
  case 'n':
    Unescaped += '\n';
    return true;
  case 'r':
    Unescaped += '\r';
    return true;
  case 't':
    Unescaped += '\t';
    return true;
  case 'u':
    break;
  default:
    return false;
  }
  if (End - Cur < 4)
    return false;
  unsigned U = 0;
  for (int I = 0; I < 4; ++I) {
    unsigned H = hexDigitValue(Cur[I]);
    if (H == -1U)
      return false;
    U = U << 4 | H;
  }
  Cur += 4;
  if (U >= 0xD800 && U <= 0xDFFF)
    return false;
  if (U < 0x80) {
    Unescaped += char(U);
  } else if (U < 0x800) {
    Unescaped += char(0xC0 | U >> 6);
    Unescaped += char(0x80 | (U & 0x3F));
  } else {
    Unescaped += char(0xE0 | U >> 12);
    Unescaped += char(0x80 | (U >> 6 & 0x3F));
    Unescaped += char(0x80 | (U & 0x3F));
  }
  return true;
}

/// Reads the string at Cur (its opening quote). Like llvm::yaml, a string
/// without escapes is the text between its quotes; others are unescaped
/// into the document's allocator.
bool JSONReader::readString(StringRef &Out) {
  const char *Begin = ++Cur;
  while (Cur != End && !StringStops[uint8_t(*Cur)])
    ++Cur;
  if (Cur == End || (*Cur != '"' && *Cur != '\\'))
    return false;
  if (*Cur == '"') {
    Out = StringRef(Begin, Cur - Begin);
    ++Cur;
    return true;
  }
  Unescaped.assign(Begin, Cur);
  while (*Cur == '\\') {
    ++Cur;
    if (!readEscape())
      return false;
    const char *Run = Cur;
    while (Cur != End && !StringStops[uint8_t(*Cur)])
      ++Cur;
    if (Cur == End)
      return false;
    Unescaped.append(Run, Cur);
  }
  if (*Cur != '"')
    return false;
  ++Cur;
  Out = D.Saver.save(StringRef(Unescaped));
  return true;
}

/// Reads the key at Cur and the colon after it into a new member of the
/// object on top of the stack; its value comes later.
bool JSONReader::readKey() {
  if (Cur == End || *Cur != '"')
    return false;
  const char *KeyPtr = Cur;
  StringRef Key;
  if (!readString(Key))
    return false;
  Frame &F = Stack.back();
  // Duplicates are errors the YAML path reports.
  if (F.Index) {
    if (!F.Index->try_emplace(Key, Members.size() - F.Begin).second)
      return false;
  } else {
    for (size_t I = F.Begin, E = Members.size(); I != E; ++I)
      if (Members[I].Key == Key)
        return false;
  }
  Members.push_back({Key, KeyPtr, nullptr});
  // The YAML path's rule: an index once there are more than IndexThreshold
  // members.
  if (!F.Index && Members.size() - F.Begin > IndexThreshold) {
    F.Index = std::make_unique<StringMap<unsigned>>();
    for (size_t I = F.Begin, E = Members.size(); I != E; ++I)
      F.Index->try_emplace(Members[I].Key, I - F.Begin);
  }
  skipSpace();
  if (Cur == End || *Cur != ':')
    return false;
  ++Cur;
  skipSpace();
  return true;
}

const JNode *JSONReader::readNumber() {
  const char *Begin = Cur;
  auto Digits = [&] {
    const char *First = Cur;
    while (Cur != End && isDigit(*Cur))
      ++Cur;
    return Cur != First;
  };
  if (*Cur == '-')
    ++Cur;
  if (Cur != End && *Cur == '0')
    ++Cur;
  else if (!Digits())
    return nullptr;
  if (Cur != End && *Cur == '.') {
    ++Cur;
    if (!Digits())
      return nullptr;
  }
  if (Cur != End && (*Cur == 'e' || *Cur == 'E')) {
    ++Cur;
    if (Cur != End && (*Cur == '+' || *Cur == '-'))
      ++Cur;
    if (!Digits())
      return nullptr;
  }
  JNode *N = make(JNode::Number, Begin);
  N->Text = StringRef(Begin, Cur - Begin);
  return N;
}

/// Reads the string, number, boolean or null at Cur, typed and spelled as
/// DocumentBuilder::scalar() does.
const JNode *JSONReader::readScalar() {
  const char *P = Cur;
  switch (*Cur) {
  case '"': {
    StringRef S;
    if (!readString(S))
      return nullptr;
    JNode *N = make(JNode::String, P);
    N->Text = S;
    return N;
  }
  case 't':
  case 'f': {
    StringRef Word = *Cur == 't' ? "true" : "false";
    if (!consume(Word))
      return nullptr;
    JNode *N = make(JNode::Bool, P);
    N->Text = Word;
    return N;
  }
  case 'n':
    if (!consume("null"))
      return nullptr;
    return make(JNode::Null, P);
  default:
    if (*Cur == '-' || isDigit(*Cur))
      return readNumber();
    return nullptr;
  }
}

/// Ends the array or object on top of the stack (its bracket read).
const JNode *JSONReader::close() {
  Frame &F = Stack.back();
  JNode *N = F.N;
  if (N->K == JNode::Object) {
    N->Members = copyToArena(makeArrayRef(Members).drop_front(F.Begin));
    Members.resize(F.Begin);
    N->Index = std::move(F.Index);
  } else {
    N->Elems = copyToArena(makeArrayRef(Elems).drop_front(F.Begin));
    Elems.resize(F.Begin);
  }
  Stack.pop_back();
  return N->Expanded > MaxExpanded ? nullptr : N;
}

const JNode *JSONReader::read() {
  skipSpace();
  if (Cur == End || (*Cur != '{' && *Cur != '[') || MaxExpanded < 1)
    return nullptr;
  while (true) {
    // A value starts at Cur, as deep as the stack is high.
    if (Cur == End || Stack.size() > MaxDepth)
      return nullptr;
    const JNode *V;
    if (*Cur == '{' || *Cur == '[') {
      bool IsObject = *Cur == '{';
      ++Cur;
      skipSpace();
      JNode *N = make(IsObject ? JNode::Object : JNode::Array, Cur);
      Stack.push_back({N, IsObject ? Members.size() : Elems.size(), nullptr});
      if (Cur == End || *Cur != (IsObject ? '}' : ']')) {
        if (IsObject && !readKey())
          return nullptr;
        continue;
      }
      ++Cur;
      V = close();
    } else {
      V = readScalar();
    }
    // Add V to its array or object, and end those it was the last value of.
    while (true) {
      if (!V)
        return nullptr;
      if (Stack.empty()) {
        skipSpace();
        return Cur == End ? V : nullptr;
      }
      Frame &F = Stack.back();
      bool IsObject = F.N->K == JNode::Object;
      if (IsObject)
        Members.back().Value = V;
      else
        Elems.push_back(V);
      F.N->Expanded = addSat(F.N->Expanded, V->Expanded);
      skipSpace();
      if (Cur == End)
        return nullptr;
      if (*Cur == ',') {
        ++Cur;
        skipSpace();
        if (IsObject && !readKey())
          return nullptr;
        break;
      }
      if (*Cur != (IsObject ? '}' : ']'))
        return nullptr;
      ++Cur;
      V = close();
    }
  }
}

Loc Document::loc(const char *Ptr) const {
  if (!Ptr)
    return Loc(Name, 1, 1);
  unsigned Off = Ptr - BufStart;
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Off);
  unsigned Line = It - LineStarts.begin();
  return Loc(Name, Line, Off - LineStarts[Line - 1] + 1);
}

/// A copy of Text with tabs outside JSON strings turned into spaces, when
/// Text is JSON (starts with '{' or '[') and has tabs; None otherwise.
static Optional<std::string> sanitizeJSONTabs(StringRef Text) {
  StringRef T = Text.ltrim(" \t\r\n");
  if (!(T.startswith("{") || T.startswith("[")) ||
      Text.find('\t') == StringRef::npos)
    return None;
  std::string Out = Text.str();
  bool InString = false;
  for (size_t I = 0; I < Out.size(); ++I) {
    char C = Out[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '\t')
      Out[I] = ' ';
  }
  return Out;
}

std::unique_ptr<Document> Document::parse(Context &Ctx, unsigned BufferID,
                                          unsigned MaxDepth, size_t MaxExpanded,
                                          ParseMode Mode) {
  auto D = std::make_unique<Document>();
  const MemoryBuffer *Buf = Ctx.getSourceMgr().getMemoryBuffer(BufferID);
  D->BufferID = BufferID;
  D->Name = Ctx.intern(Buf->getBufferIdentifier());
  D->BufStart = Buf->getBufferStart();
  StringRef Text = Buf->getBuffer();
  D->LineStarts.push_back(0);
  for (size_t I = Text.find('\n'); I != StringRef::npos;
       I = Text.find('\n', I + 1))
    D->LineStarts.push_back(I + 1);

  if (Mode != ParseMode::YAMLOnly) {
    StringRef T = Text.ltrim(" \t\r\n");
    if (T.startswith("{") || T.startswith("[")) {
      if (const JNode *Root =
              JSONReader(*D, Text, MaxDepth, MaxExpanded).read()) {
        D->Root = Root;
        return D;
      }
    }
    // What the JSON reader built before it gave up stays in the allocators.
    if (Mode == ParseMode::JSONOnly)
      return nullptr;
  }

  MemoryBufferRef Ref = Buf->getMemBufferRef();
  DocumentBuilder B(Ctx, *D, MaxDepth, MaxExpanded);
  if (Optional<std::string> Clean = sanitizeJSONTabs(Text)) {
    D->Sanitized = MemoryBuffer::getMemBufferCopy(*Clean, D->Name);
    Ref = D->Sanitized->getMemBufferRef();
    B.ParseBegin = D->Sanitized->getBufferStart();
  }

  // llvm::yaml reports through its own SourceMgr; keep the first message.
  SourceMgr YamlSM;
  struct Captured {
    bool Seen = false;
    const char *P = nullptr;
    std::string Msg;
  } Cap;
  YamlSM.setDiagHandler(
      [](const SMDiagnostic &Diag, void *Opaque) {
        auto *C = static_cast<Captured *>(Opaque);
        if (C->Seen)
          return;
        C->Seen = true;
        C->P = Diag.getLoc().getPointer();
        C->Msg = Diag.getMessage().str();
      },
      &Cap);
  B.YamlFailed = &Cap.Seen;
  B.ParseStart = Ref.getBufferStart();
  yaml::Stream S(Ref, YamlSM, /*ShowColors=*/false);
  yaml::document_iterator DI = S.begin();
  const JNode *Root = nullptr;
  if (DI != S.end() && !Cap.Seen) {
    yaml::Node *RootNode = DI->getRoot();
    if (RootNode && !Cap.Seen)
      Root = B.build(RootNode, 0);
    // One document per file: anything after it is an error.
    if (Root && !Cap.Seen && !B.Failed) {
      ++DI;
      if (!Cap.Seen && DI != S.end()) {
        yaml::Node *Next = DI->getRoot();
        if (!Cap.Seen && Next && !isa<yaml::NullNode>(Next))
          B.error(B.orig(Next->getSourceRange().Start.getPointer()),
                  "unexpected content after the end of the document");
      }
    }
  }
  if (Cap.Seen) {
    if (!B.Failed) {
      const char *P = Cap.P;
      if (P < Ref.getBufferStart() || P > Ref.getBufferEnd())
        P = Ref.getBufferStart();
      B.error(B.orig(P), "YAML syntax error: " + Cap.Msg);
    }
    return nullptr;
  }
  if (B.Failed)
    return nullptr;
  if (!Root) {
    Ctx.getDiags().error(D->loc(D->BufStart), "empty document");
    return nullptr;
  }
  D->Root = Root;
  return D;
}

} // namespace openapi
} // namespace bk
