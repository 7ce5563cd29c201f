//===- IRText.cpp - Generic textual form shared by both IRs ---------------===//
//
// The one lexer and parser of IR text (see bk/IR/IRText.h for the grammar),
// its printer, and ItemReader, which readers of each IR use to turn items
// into classes with located diagnostics.
//
//===----------------------------------------------------------------------===//

#include "bk/IR/IRText.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace bk {
namespace irtext {

//===----------------------------------------------------------------------===//
// Values and items
//===----------------------------------------------------------------------===//

static bool isIdentStart(char C) { return isAlpha(C) || C == '_'; }
static bool isIdentChar(char C) {
  return isAlnum(C) || C == '_' || C == '$' || C == '.' || C == '-';
}

/// Words the syntax itself gives a meaning to, printed quoted when used as
/// names.
static bool isKeyword(StringRef S) { return S == "loc"; }

static bool isIdentifier(StringRef S) {
  if (S.empty() || !isIdentStart(S.front()) || isKeyword(S))
    return false;
  return llvm::all_of(S, isIdentChar);
}

Value Value::ident(StringRef S) {
  Value V;
  V.K = Ident;
  V.Text = S.str();
  return V;
}

Value Value::string(StringRef S) {
  Value V;
  V.K = String;
  V.Text = S.str();
  return V;
}

Value Value::name(StringRef S) {
  return isIdentifier(S) ? ident(S) : string(S);
}

Value Value::integer(int64_t N) {
  Value V;
  V.K = Integer;
  V.Text = std::to_string(N);
  return V;
}

Value Value::list(std::vector<Value> Items) {
  Value V;
  V.K = List;
  V.Items = std::move(Items);
  return V;
}

Value Value::nameList(const std::vector<std::string> &Names) {
  std::vector<Value> Items;
  Items.reserve(Names.size());
  for (const std::string &N : Names)
    Items.push_back(name(N));
  return list(std::move(Items));
}

Optional<int64_t> Value::getInteger() const {
  int64_t N;
  if (K != Integer || StringRef(Text).getAsInteger(10, N))
    return None;
  return N;
}

Item &Item::attr(StringRef Name, Value V) {
  Attrs.push_back(Attr{Name.str(), std::move(V), Loc()});
  return *this;
}

Item &Item::flag(StringRef Name, bool On) {
  if (On)
    Attrs.push_back(Attr{Name.str(), None, Loc()});
  return *this;
}

Item &Item::attrIfNotEmpty(StringRef Name, StringRef S) {
  if (!S.empty())
    attr(Name, Value::name(S));
  return *this;
}

const Attr *Item::findAttr(StringRef Name) const {
  for (const Attr &A : Attrs)
    if (A.Name == Name)
      return &A;
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Lexer
//===----------------------------------------------------------------------===//

namespace {

struct Token {
  enum Kind {
    Eof,
    Error,
    Ident,
    String,
    Integer,
    Float,
    LParen,
    RParen,
    LBrace,
    RBrace,
    LSquare,
    RSquare,
    Comma,
    Colon,
    Equal,
    Semi,
  };
  Kind K = Eof;
  StringRef Spelling;
  std::string Value; // decoded string literal
};

class Lexer {
public:
  Lexer(Context &Ctx, StringRef Buffer)
      : Ctx(Ctx), Cur(Buffer.begin()), End(Buffer.end()) {}

  Token next();
  Loc locOf(const char *P) { return Ctx.getLoc(SMLoc::getFromPointer(P)); }
  Loc locOf(const Token &T) { return locOf(T.Spelling.data()); }

private:
  Token make(Token::Kind K, const char *Start) {
    Token T;
    T.K = K;
    T.Spelling = StringRef(Start, Cur - Start);
    return T;
  }
  Token error(const char *At, const Twine &Msg) {
    Ctx.getDiags().error(locOf(At), Msg);
    Token T;
    T.K = Token::Error;
    T.Spelling = StringRef(At, 0);
    return T;
  }
  Token lexString(const char *Start);
  Token lexNumber(const char *Start);

  Context &Ctx;
  const char *Cur;
  const char *End;
};

} // namespace

Token Lexer::next() {
  while (true) {
    while (Cur != End && isSpace(*Cur))
      ++Cur;
    if (Cur + 1 < End && Cur[0] == '/' && Cur[1] == '/') {
      while (Cur != End && *Cur != '\n')
        ++Cur;
      continue;
    }
    break;
  }
  const char *Start = Cur;
  if (Cur == End)
    return make(Token::Eof, Start);
  char C = *Cur++;
  switch (C) {
  case '(':
    return make(Token::LParen, Start);
  case ')':
    return make(Token::RParen, Start);
  case '{':
    return make(Token::LBrace, Start);
  case '}':
    return make(Token::RBrace, Start);
  case '[':
    return make(Token::LSquare, Start);
  case ']':
    return make(Token::RSquare, Start);
  case ',':
    return make(Token::Comma, Start);
  case ':':
    return make(Token::Colon, Start);
  case '=':
    return make(Token::Equal, Start);
  case ';':
    return make(Token::Semi, Start);
  case '"':
    return lexString(Start);
  default:
    break;
  }
  if (isDigit(C) || ((C == '-' || C == '+') && Cur != End && isDigit(*Cur)))
    return lexNumber(Start);
  if (isIdentStart(C)) {
    while (Cur != End && isIdentChar(*Cur))
      ++Cur;
    return make(Token::Ident, Start);
  }
  Cur = Start + 1;
  if (isPrint(C))
    return error(Start, Twine("unexpected character '") + Twine(C) + "'");
  return error(Start,
               "unexpected byte 0x" + utohexstr(static_cast<unsigned char>(C)));
}

Token Lexer::lexNumber(const char *Start) {
  bool IsFloat = false;
  while (Cur != End && isDigit(*Cur))
    ++Cur;
  if (Cur + 1 < End && *Cur == '.' && isDigit(Cur[1])) {
    IsFloat = true;
    ++Cur;
    while (Cur != End && isDigit(*Cur))
      ++Cur;
  }
  if (Cur != End && (*Cur == 'e' || *Cur == 'E')) {
    const char *Save = Cur++;
    if (Cur != End && (*Cur == '+' || *Cur == '-'))
      ++Cur;
    if (Cur != End && isDigit(*Cur)) {
      IsFloat = true;
      while (Cur != End && isDigit(*Cur))
        ++Cur;
    } else {
      Cur = Save;
    }
  }
  if (Cur != End && (isIdentChar(*Cur) && *Cur != '-' && *Cur != '.'))
    return error(Cur, "invalid character in number");
  return make(IsFloat ? Token::Float : Token::Integer, Start);
}

Token Lexer::lexString(const char *Start) {
  std::string Out;
  while (true) {
    if (Cur == End || *Cur == '\n')
      return error(Start, "unterminated string");
    char C = *Cur++;
    if (C == '"')
      break;
    if (C != '\\') {
      Out += C;
      continue;
    }
    if (Cur == End)
      return error(Start, "unterminated string");
    const char *EscStart = Cur - 1;
    char E = *Cur++;
    switch (E) {
    case '"':
    case '\\':
      Out += E;
      break;
    case 'n':
      Out += '\n';
      break;
    case 't':
      Out += '\t';
      break;
    case 'r':
      Out += '\r';
      break;
    case 'x': {
      if (End - Cur < 2 || !isHexDigit(Cur[0]) || !isHexDigit(Cur[1]))
        return error(EscStart, "expected two hex digits after '\\x'");
      Out += char(hexFromNibbles(Cur[0], Cur[1]));
      Cur += 2;
      break;
    }
    default:
      return error(EscStart, Twine("unknown escape '\\") + Twine(E) + "'");
    }
  }
  Token T = make(Token::String, Start);
  T.Value = std::move(Out);
  return T;
}

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

namespace {

class Parser {
public:
  Parser(Context &Ctx, StringRef Buffer) : Ctx(Ctx), Lex(Ctx, Buffer) {
    consume();
  }

  Optional<std::vector<Item>> parseFile();

private:
  void consume() { Tok = Lex.next(); }
  bool failed() const { return Failed; }
  bool error(const Token &T, const Twine &Msg) {
    if (T.K != Token::Error) // the lexer already reported its own errors
      Ctx.getDiags().error(Lex.locOf(T), Msg);
    Failed = true;
    return false;
  }
  bool expect(Token::Kind K, StringRef What) {
    if (Tok.K == K) {
      consume();
      return true;
    }
    return error(Tok, "expected " + What + ", found " + describe(Tok));
  }
  static std::string describe(const Token &T) {
    if (T.K == Token::Eof)
      return "end of file";
    return "'" + T.Spelling.str() + "'";
  }
  bool isValueStart() const {
    return Tok.K == Token::Ident || Tok.K == Token::String ||
           Tok.K == Token::Integer || Tok.K == Token::Float ||
           Tok.K == Token::LParen;
  }

  bool parseItem(Item &Out, unsigned Depth);
  bool parseValue(Value &Out, unsigned Depth);
  bool parseAttrs(Item &Out, unsigned Depth);
  bool parseLocation(Item &Out);

  Context &Ctx;
  Lexer Lex;
  Token Tok;
  bool Failed = false;
  // Nesting bound: hostile input must not overflow the stack.
  static constexpr unsigned MaxDepth = 256;
};

} // namespace

Optional<std::vector<Item>> Parser::parseFile() {
  std::vector<Item> Items;
  while (Tok.K != Token::Eof) {
    Item I;
    if (!parseItem(I, 0))
      return None;
    Items.push_back(std::move(I));
  }
  if (Failed)
    return None;
  return Items;
}

bool Parser::parseValue(Value &Out, unsigned Depth) {
  if (Depth > MaxDepth)
    return error(Tok, "values nested too deeply");
  Out.Location = Lex.locOf(Tok);
  switch (Tok.K) {
  case Token::Ident:
    Out.K = Value::Ident;
    Out.Text = Tok.Spelling.str();
    break;
  case Token::String:
    Out.K = Value::String;
    Out.Text = std::move(Tok.Value);
    break;
  case Token::Integer:
    Out.K = Value::Integer;
    Out.Text = Tok.Spelling.str();
    break;
  case Token::Float:
    Out.K = Value::Float;
    Out.Text = Tok.Spelling.str();
    break;
  case Token::LParen: {
    Out.K = Value::List;
    consume();
    if (Tok.K == Token::RParen) {
      consume();
      return true;
    }
    while (true) {
      Value V;
      if (!parseValue(V, Depth + 1))
        return false;
      Out.Items.push_back(std::move(V));
      if (Tok.K == Token::Comma) {
        consume();
        continue;
      }
      return expect(Token::RParen, "',' or ')' in list");
    }
  }
  default:
    return error(Tok, "expected a value, found " + describe(Tok));
  }
  consume();
  return true;
}

bool Parser::parseAttrs(Item &Out, unsigned Depth) {
  consume(); // '['
  if (Tok.K == Token::RSquare) {
    consume();
    return true;
  }
  while (true) {
    if (Tok.K != Token::Ident)
      return error(Tok, "expected an attribute name, found " + describe(Tok));
    Attr A;
    A.Name = Tok.Spelling.str();
    A.Location = Lex.locOf(Tok);
    consume();
    if (Tok.K == Token::Equal) {
      consume();
      Value V;
      if (!parseValue(V, Depth + 1))
        return false;
      A.V = std::move(V);
    }
    if (Out.findAttr(A.Name)) {
      Ctx.getDiags().error(A.Location,
                           "attribute '" + A.Name + "' given twice");
      Failed = true;
    }
    Out.Attrs.push_back(std::move(A));
    if (Tok.K == Token::Comma) {
      consume();
      continue;
    }
    return expect(Token::RSquare, "',' or ']' after attribute");
  }
}

bool Parser::parseLocation(Item &Out) {
  consume(); // 'loc'
  if (!expect(Token::LParen, "'(' after 'loc'"))
    return false;
  if (Tok.K != Token::String)
    return error(Tok, "expected a file name string in loc(...)");
  std::string File = Tok.Value;
  consume();
  unsigned Line = 0, Col = 0;
  for (unsigned *Field : {&Line, &Col}) {
    if (!expect(Token::Colon, "':' in loc(...)"))
      return false;
    if (Tok.K != Token::Integer || Tok.Spelling.getAsInteger(10, *Field))
      return error(Tok, "expected a line or column number in loc(...)");
    consume();
  }
  Out.Origin = Loc(Ctx.intern(File), Line, Col);
  return expect(Token::RParen, "')' to end loc(...)");
}

bool Parser::parseItem(Item &Out, unsigned Depth) {
  if (Depth > MaxDepth)
    return error(Tok, "items nested too deeply");
  if (Tok.K != Token::Ident)
    return error(Tok, "expected an item kind, found " + describe(Tok));
  Out.Kind = Tok.Spelling.str();
  Out.Location = Lex.locOf(Tok);
  consume();
  while (isValueStart() && !(Tok.K == Token::Ident && Tok.Spelling == "loc")) {
    Value V;
    if (!parseValue(V, Depth + 1))
      return false;
    Out.Args.push_back(std::move(V));
  }
  if (Tok.K == Token::LSquare && !parseAttrs(Out, Depth))
    return false;
  if (Tok.K == Token::Ident && Tok.Spelling == "loc" && !parseLocation(Out))
    return false;
  if (Tok.K == Token::Semi) {
    consume();
    return true;
  }
  if (Tok.K != Token::LBrace)
    return error(Tok, "expected ';' or '{' after item '" + Out.Kind +
                          "', found " + describe(Tok));
  consume();
  Out.HasBody = true;
  while (Tok.K != Token::RBrace) {
    if (Tok.K == Token::Eof)
      return error(Tok, "expected '}' to close item '" + Out.Kind + "'");
    Item Child;
    if (!parseItem(Child, Depth + 1))
      return false;
    Out.Children.push_back(std::move(Child));
  }
  consume();
  return true;
}

Optional<std::vector<Item>> parse(Context &Ctx, unsigned BufferID) {
  StringRef Buffer = Ctx.getSourceMgr().getMemoryBuffer(BufferID)->getBuffer();
  Parser P(Ctx, Buffer);
  return P.parseFile();
}

//===----------------------------------------------------------------------===//
// Printer
//===----------------------------------------------------------------------===//

static void printString(raw_ostream &OS, StringRef S) {
  OS << '"';
  for (unsigned char C : S) {
    switch (C) {
    case '"':
      OS << "\\\"";
      break;
    case '\\':
      OS << "\\\\";
      break;
    case '\n':
      OS << "\\n";
      break;
    case '\t':
      OS << "\\t";
      break;
    case '\r':
      OS << "\\r";
      break;
    default:
      if (C < 0x20 || C == 0x7f)
        OS << "\\x" << hexdigit(C >> 4, /*LowerCase=*/true)
           << hexdigit(C & 15, /*LowerCase=*/true);
      else
        OS << C;
    }
  }
  OS << '"';
}

void printValue(raw_ostream &OS, const Value &V) {
  switch (V.K) {
  case Value::Ident:
    if (isIdentifier(V.Text)) {
      OS << V.Text;
      break;
    }
    printString(OS, V.Text);
    break;
  case Value::String:
    printString(OS, V.Text);
    break;
  case Value::Integer:
  case Value::Float:
    OS << V.Text;
    break;
  case Value::List: {
    OS << '(';
    ListSeparator Sep;
    for (const Value &I : V.Items) {
      OS << Sep;
      printValue(OS, I);
    }
    OS << ')';
    break;
  }
  }
}

void print(raw_ostream &OS, const Item &I, unsigned Indent) {
  OS.indent(Indent) << I.Kind;
  for (const Value &V : I.Args) {
    OS << ' ';
    printValue(OS, V);
  }
  if (!I.Attrs.empty()) {
    OS << " [";
    ListSeparator Sep;
    for (const Attr &A : I.Attrs) {
      OS << Sep << A.Name;
      if (A.V) {
        OS << " = ";
        printValue(OS, *A.V);
      }
    }
    OS << ']';
  }
  if (I.Origin.isValid()) {
    OS << " loc(";
    printString(OS, I.Origin.File);
    OS << ':' << I.Origin.Line << ':' << I.Origin.Col << ')';
  }
  if (!I.HasBody && I.Children.empty()) {
    OS << ";\n";
    return;
  }
  OS << " {\n";
  for (const Item &C : I.Children)
    print(OS, C, Indent + 2);
  OS.indent(Indent) << "}\n";
}

void print(raw_ostream &OS, const std::vector<Item> &Items) {
  for (const Item &I : Items)
    print(OS, I, 0);
}

//===----------------------------------------------------------------------===//
// ItemReader
//===----------------------------------------------------------------------===//

ItemReader::ItemReader(DiagnosticEngine &Diags, const Item &I)
    : Diags(Diags), I(I), Used(I.Attrs.size(), false) {}

ItemReader::~ItemReader() {
  assert((Finished || Failed) && "ItemReader::finish() not called");
}

const Attr *ItemReader::use(StringRef Name) {
  for (size_t N = 0; N < I.Attrs.size(); ++N) {
    if (I.Attrs[N].Name != Name)
      continue;
    Used[N] = true;
    return &I.Attrs[N];
  }
  return nullptr;
}

void ItemReader::error(const Twine &Msg) {
  Diags.error(I.Location, Msg);
  Failed = true;
}

void ItemReader::error(const Attr &A, const Twine &Msg) {
  Diags.error(A.Location.isValid() ? A.Location : I.Location, Msg);
  Failed = true;
}

bool ItemReader::expectArgs(unsigned Min, unsigned Max) {
  unsigned N = I.Args.size();
  if (N >= Min && N <= Max)
    return true;
  std::string Want = Min == Max
                         ? std::to_string(Min)
                         : std::to_string(Min) + " to " + std::to_string(Max);
  error("'" + I.Kind + "' takes " + Want + " argument" + (Max == 1 ? "" : "s") +
        ", found " + Twine(N));
  return false;
}

std::string ItemReader::argText(unsigned N) {
  if (N >= I.Args.size())
    return "";
  const Value &V = I.Args[N];
  if (V.isList()) {
    Diags.error(V.Location, "expected a name or string, found a list");
    Failed = true;
    return "";
  }
  return V.Text;
}

bool ItemReader::flag(StringRef Name) {
  const Attr *A = use(Name);
  if (!A)
    return false;
  if (A->V) {
    // Accept an explicit "= true"/"= false" too.
    if (A->V->K == Value::Ident && A->V->Text == "true")
      return true;
    if (A->V->K == Value::Ident && A->V->Text == "false")
      return false;
    error(*A, "attribute '" + Name + "' is a flag and takes no value");
    return false;
  }
  return true;
}

const Value *ItemReader::raw(StringRef Name) {
  const Attr *A = use(Name);
  if (!A)
    return nullptr;
  if (!A->V) {
    error(*A, "attribute '" + Name + "' needs a value");
    return nullptr;
  }
  return &*A->V;
}

Optional<std::string> ItemReader::optText(StringRef Name) {
  const Value *V = raw(Name);
  if (!V)
    return None;
  if (V->isList()) {
    error(*use(Name), "attribute '" + Name + "' expects a name or string");
    return None;
  }
  return V->Text;
}

std::string ItemReader::text(StringRef Name, StringRef Default) {
  Optional<std::string> S = optText(Name);
  return S ? *S : Default.str();
}

Optional<int64_t> ItemReader::integer(StringRef Name) {
  const Value *V = raw(Name);
  if (!V)
    return None;
  Optional<int64_t> N = V->getInteger();
  if (!N)
    error(*use(Name), "attribute '" + Name + "' expects an integer");
  return N;
}

Optional<double> ItemReader::number(StringRef Name) {
  const Value *V = raw(Name);
  if (!V)
    return None;
  double D;
  if ((V->K != Value::Integer && V->K != Value::Float) ||
      StringRef(V->Text).getAsDouble(D)) {
    error(*use(Name), "attribute '" + Name + "' expects a number");
    return None;
  }
  return D;
}

std::vector<std::string> ItemReader::textList(StringRef Name) {
  const Value *V = raw(Name);
  std::vector<std::string> Out;
  if (!V)
    return Out;
  if (!V->isList()) {
    // A single name stands for a one-element list.
    Out.push_back(V->Text);
    return Out;
  }
  for (const Value &E : V->Items) {
    if (E.isList()) {
      Diags.error(E.Location, "attribute '" + Name +
                                  "' expects a list of names or strings");
      Failed = true;
      continue;
    }
    Out.push_back(E.Text);
  }
  return Out;
}

std::string ItemReader::oneOf(StringRef Name, ArrayRef<StringRef> Choices,
                              StringRef Default) {
  Optional<std::string> S = optText(Name);
  if (!S)
    return Default.str();
  if (llvm::is_contained(Choices, StringRef(*S)))
    return *S;
  std::string List;
  ListSeparator Sep;
  for (StringRef C : Choices)
    List += (Twine(Sep) + "'" + C + "'").str();
  error(*use(Name), "invalid value '" + *S + "' for attribute '" + Name +
                        "'; expected one of " + List);
  return Default.str();
}

bool ItemReader::finish() {
  Finished = true;
  for (size_t N = 0; N < I.Attrs.size(); ++N) {
    if (Used[N])
      continue;
    error(I.Attrs[N],
          "unknown attribute '" + I.Attrs[N].Name + "' on '" + I.Kind + "'");
  }
  return !Failed;
}

} // namespace irtext
} // namespace bk
