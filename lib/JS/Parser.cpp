//===- Parser.cpp - A tolerant JavaScript/TypeScript reader ---------------===//
//
// Lexes the whole buffer (strings, template literals, regular expression
// literals, comments, numbers, punctuation), then reads statements and
// expressions recursively. TypeScript annotations are skipped where they
// can appear in the code that registers routes: after a declared name or
// a parameter (`: T`), `as T`, `satisfies T`, `<T>` type arguments of a
// call, `interface`/`type` declarations, non-null `!`.
//
//===----------------------------------------------------------------------===//

#include "bk/JS/AST.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace bk {
namespace js {

Node *Node::prop(StringRef Key) const {
  for (auto It = Props.rbegin(); It != Props.rend(); ++It)
    if (It->first == Key)
      return It->second;
  return nullptr;
}

StringRef Node::calledMethod() const {
  if (Kind == Call && Callee && Callee->Kind == Member && !Callee->Computed)
    return Callee->Text;
  return "";
}

const Binding *Module::findBinding(StringRef Name) const {
  for (auto It = Bindings.rbegin(); It != Bindings.rend(); ++It)
    if (It->Name == Name)
      return &*It;
  return nullptr;
}

const Import *Module::findImport(StringRef Local) const {
  for (const Import &I : Imports)
    if (I.Local == Local)
      return &I;
  return nullptr;
}

namespace {

enum class Tok { Ident, String, Template, Number, Regex, Punct, End };

struct Token {
  Tok Kind = Tok::End;
  StringRef Text; // source text
  size_t Offset = 0;
  std::string Value; // decoded string value
  bool NewlineBefore = false;
};

class Lexer {
public:
  Lexer(StringRef Src, std::vector<DocComment> &Docs) : S(Src), Docs(Docs) {}

  /// False with Error/ErrorOffset set on a lexical error.
  bool run(std::vector<Token> &Out) {
    size_t I = 0, N = S.size();
    bool Newline = true;
    while (I < N) {
      char C = S[I];
      if (C == '\n') {
        Newline = true;
        ++I;
        continue;
      }
      if (C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v') {
        ++I;
        continue;
      }
      if (C == '/' && I + 1 < N && S[I + 1] == '/') {
        while (I < N && S[I] != '\n')
          ++I;
        continue;
      }
      if (C == '/' && I + 1 < N && S[I + 1] == '*') {
        size_t E = S.find("*/", I + 2);
        if (E == StringRef::npos)
          return fail(I, "unterminated comment");
        if (S.substr(I).startswith("/**"))
          Docs.push_back({S.slice(I, E + 2).str(), I});
        if (S.slice(I, E).contains('\n'))
          Newline = true;
        I = E + 2;
        continue;
      }
      Token T;
      T.Offset = I;
      T.NewlineBefore = Newline;
      Newline = false;
      if (C == '\'' || C == '"') {
        size_t J = I + 1;
        std::string V;
        while (J < N && S[J] != C) {
          if (S[J] == '\n')
            return fail(I, "unterminated string");
          if (S[J] == '\\' && J + 1 < N) {
            V += unescape(J);
            continue;
          }
          V += S[J++];
        }
        if (J >= N)
          return fail(I, "unterminated string");
        T.Kind = Tok::String;
        T.Value = std::move(V);
        T.Text = S.slice(I, J + 1);
        I = J + 1;
      } else if (C == '`') {
        size_t J = I + 1;
        std::string V;
        bool HasExpr = false;
        unsigned Depth = 0;
        while (J < N) {
          char D = S[J];
          if (Depth == 0 && D == '`')
            break;
          if (D == '\\' && J + 1 < N) {
            if (Depth == 0)
              V += unescape(J);
            else
              J += 2;
            continue;
          }
          if (Depth == 0 && D == '$' && J + 1 < N && S[J + 1] == '{') {
            HasExpr = true;
            Depth = 1;
            J += 2;
            continue;
          }
          if (Depth > 0) {
            if (D == '{')
              ++Depth;
            else if (D == '}')
              --Depth;
            ++J;
            continue;
          }
          V += D;
          ++J;
        }
        if (J >= N)
          return fail(I, "unterminated template literal");
        T.Kind = HasExpr ? Tok::Template : Tok::String;
        T.Value = std::move(V);
        T.Text = S.slice(I, J + 1);
        I = J + 1;
      } else if (isIdentStart(C)) {
        size_t J = I;
        while (J < N && isIdentPart(S[J]))
          ++J;
        T.Kind = Tok::Ident;
        T.Text = S.slice(I, J);
        I = J;
      } else if (isDigit(C) || (C == '.' && I + 1 < N && isDigit(S[I + 1]))) {
        size_t J = I;
        while (J < N && (isIdentPart(S[J]) || S[J] == '.' ||
                         ((S[J] == '+' || S[J] == '-') &&
                          (S[J - 1] == 'e' || S[J - 1] == 'E'))))
          ++J;
        T.Kind = Tok::Number;
        T.Text = S.slice(I, J);
        I = J;
      } else if (C == '/' && regexAllowed(Out)) {
        size_t J = I + 1;
        bool InClass = false;
        while (J < N && (InClass || S[J] != '/')) {
          if (S[J] == '\n')
            return fail(I, "unterminated regular expression");
          if (S[J] == '\\')
            ++J;
          else if (S[J] == '[')
            InClass = true;
          else if (S[J] == ']')
            InClass = false;
          ++J;
        }
        if (J >= N)
          return fail(I, "unterminated regular expression");
        ++J;
        while (J < N && isIdentPart(S[J]))
          ++J;
        T.Kind = Tok::Regex;
        T.Text = S.slice(I, J);
        I = J;
      } else {
        static const char *Puncts[] = {
            ">>>=", "...", "===",  "!==", "**=", "<<=", ">>=", ">>>",
            "&&=",  "||=", "?\?=", "=>",  "==",  "!=",  "<=",  ">=",
            "&&",   "||",  "??",   "?.",  "++",  "--",  "+=",  "-=",
            "*=",   "/=",  "%=",   "&=",  "|=",  "^=",  "**",  "<<"};
        size_t Len = 1;
        for (const char *P : Puncts)
          if (S.substr(I).startswith(P)) {
            Len = strlen(P);
            break;
          }
        // `?.` before a digit is `?` then a number.
        if (Len == 2 && S.substr(I, 2) == "?." && I + 2 < N &&
            isDigit(S[I + 2]))
          Len = 1;
        T.Kind = Tok::Punct;
        T.Text = S.substr(I, Len);
        I += Len;
      }
      Out.push_back(std::move(T));
    }
    Token End;
    End.Offset = N;
    Out.push_back(End);
    return true;
  }

  std::string Error;
  size_t ErrorOffset = 0;

private:
  static bool isDigit(char C) { return C >= '0' && C <= '9'; }
  static bool isIdentStart(char C) {
    return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || C == '_' ||
           C == '$' || static_cast<unsigned char>(C) >= 0x80 || C == '#' ||
           C == '@';
  }
  static bool isIdentPart(char C) { return isIdentStart(C) || isDigit(C); }

  bool fail(size_t At, StringRef Msg) {
    Error = Msg.str();
    ErrorOffset = At;
    return false;
  }

  /// Decodes the escape at J (a backslash) and moves past it.
  std::string unescape(size_t &J) {
    char E = S[J + 1];
    J += 2;
    switch (E) {
    case 'n':
      return "\n";
    case 't':
      return "\t";
    case 'r':
      return "\r";
    case 'b':
      return "\b";
    case 'f':
      return "\f";
    case 'v':
      return "\v";
    case '0':
      return std::string(1, '\0');
    case '\n':
      return "";
    case 'u':
    case 'x': {
      size_t Len = E == 'x' ? 2 : 4;
      size_t From = J;
      if (E == 'u' && J < S.size() && S[J] == '{') {
        size_t Close = S.find('}', J);
        if (Close == StringRef::npos)
          return "";
        From = J + 1;
        Len = Close - From;
        J = Close + 1;
      } else {
        J += Len;
      }
      unsigned CP = 0;
      if (S.substr(From, Len).getAsInteger(16, CP))
        return "";
      std::string Out;
      char Buf[4];
      char *P = Buf;
      if (ConvertCodePointToUTF8(CP, P))
        Out.assign(Buf, P);
      return Out;
    }
    default:
      return std::string(1, E);
    }
  }

  /// Whether a '/' starts a regular expression here (rather than divide).
  static bool regexAllowed(const std::vector<Token> &Out) {
    if (Out.empty())
      return true;
    const Token &P = Out.back();
    switch (P.Kind) {
    case Tok::Number:
    case Tok::String:
    case Tok::Template:
    case Tok::Regex:
      return false;
    case Tok::Ident:
      return StringSwitch<bool>(P.Text)
          .Cases("return", "typeof", "instanceof", "in", "of", "new", true)
          .Cases("delete", "void", "throw", "case", "do", "else", true)
          .Default(false);
    case Tok::Punct:
      return P.Text != ")" && P.Text != "]" && P.Text != "}";
    case Tok::End:
      return true;
    }
    return true;
  }

  StringRef S;
  std::vector<DocComment> &Docs;
};

/// Statement and expression reader over the tokens.
class Reader {
public:
  Reader(Module &M, std::vector<Token> &Toks) : M(M), T(Toks) {}

  void readModule() {
    while (!at(Tok::End))
      statement(/*TopLevel=*/true);
  }

private:
  Module &M;
  std::vector<Token> &T;
  size_t P = 0;

  const Token &cur() const { return T[P]; }
  const Token &peek(size_t K = 1) const {
    return T[std::min(P + K, T.size() - 1)];
  }
  bool at(Tok K) const { return cur().Kind == K; }
  bool atPunct(StringRef S) const {
    return cur().Kind == Tok::Punct && cur().Text == S;
  }
  bool atWord(StringRef S) const {
    return cur().Kind == Tok::Ident && cur().Text == S;
  }
  bool eat(StringRef S) {
    if (atPunct(S) || atWord(S)) {
      ++P;
      return true;
    }
    return false;
  }
  void advance() {
    if (!at(Tok::End))
      ++P;
  }

  Node *make(Node::KindTy K, size_t Offset) {
    M.Nodes.emplace_back();
    Node *N = &M.Nodes.back();
    N->Kind = K;
    N->Offset = Offset;
    return N;
  }

  /// Skips a balanced group opened at the current token.
  void skipBalanced() {
    StringRef Open = cur().Text;
    StringRef Close = Open == "("   ? ")"
                      : Open == "[" ? "]"
                      : Open == "{" ? "}"
                                    : ">";
    unsigned Depth = 0;
    while (!at(Tok::End)) {
      if (cur().Kind == Tok::Punct) {
        if (cur().Text == Open)
          ++Depth;
        else if (cur().Text == Close && --Depth == 0) {
          advance();
          return;
        }
      }
      advance();
    }
  }

  /// Skips a TypeScript type: up to a token that cannot continue it at
  /// depth zero.
  void skipType() {
    int Depth = 0;
    size_t Start = P;
    while (!at(Tok::End)) {
      const Token &C = cur();
      if (C.Kind == Tok::Punct) {
        StringRef X = C.Text;
        // `): T {` — a body after a complete type.
        if (X == "{" && Depth == 0 && P > Start &&
            (T[P - 1].Kind == Tok::Ident || T[P - 1].Text == "]" ||
             T[P - 1].Text == ">" || T[P - 1].Text == ")" ||
             T[P - 1].Text == "}"))
          return;
        if (X == "(" || X == "[" || X == "{" || X == "<") {
          ++Depth;
        } else if (X == ")" || X == "]" || X == "}" || X == ">") {
          if (Depth == 0)
            return;
          --Depth;
        } else if (X == "=>") {
          // `(a: T) => R` as a type goes on with its result type; after any
          // other type, `=>` is an arrow function's.
          if (Depth == 0 &&
              !(P > Start && T[Start].Text == "(" && T[P - 1].Text == ")"))
            return;
        } else if (Depth == 0 &&
                   (X == "," || X == ";" || X == "=" || X == "{" || X == ")")) {
          return;
        } else if (Depth == 0 && X != "|" && X != "&" && X != "." && X != "?" &&
                   X != ":" && X != "[" && X != "]") {
          return;
        }
        advance();
        continue;
      }
      if (Depth == 0 && C.NewlineBefore && P > 0 && T[P - 1].Kind != Tok::Punct)
        return;
      if (Depth == 0 && C.Kind == Tok::Ident && P > 0 &&
          T[P - 1].Kind == Tok::Ident && T[P - 1].Text != "typeof" &&
          T[P - 1].Text != "keyof" && T[P - 1].Text != "readonly" &&
          T[P - 1].Text != "infer" && T[P - 1].Text != "unique")
        return;
      advance();
    }
  }

  /// interface/enum/namespace X {...}, type X = T;, declare ...
  void skipTypeDeclaration() {
    if (eat("declare") && !atWord("interface") && !atWord("type") &&
        !atWord("enum") && !atWord("namespace") && !atWord("module")) {
      skipToStatementEnd();
      return;
    }
    if (eat("type")) {
      while (!at(Tok::End) && !atPunct("=") && !atPunct(";"))
        advance();
      if (eat("="))
        skipType();
      eat(";");
      return;
    }
    // interface, enum, namespace, module: up to the body, then the body.
    while (!at(Tok::End) && !atPunct("{") && !atPunct(";"))
      advance();
    if (atPunct("{"))
      skipBalanced();
    eat(";");
  }

  void skipToStatementEnd() {
    while (!at(Tok::End) && !atPunct(";") && !atPunct("}")) {
      if (atPunct("(") || atPunct("[") || atPunct("{"))
        skipBalanced();
      else
        advance();
    }
    eat(";");
  }

  /// Reads a block `{ ... }` of statements.
  std::vector<Node *> block() {
    std::vector<Node *> Out;
    if (!eat("{"))
      return Out;
    while (!at(Tok::End) && !atPunct("}")) {
      size_t Before = M.Statements.size();
      statement(false);
      for (size_t I = Before; I < M.Statements.size(); ++I)
        Out.push_back(M.Statements[I]);
    }
    eat("}");
    return Out;
  }

  void addBinding(StringRef Name, Node *Init, size_t Offset) {
    M.Bindings.push_back({Name.str(), Init, Offset});
    if (FunctionDepth == 0)
      TopLevel.push_back(M.Bindings.size() - 1);
  }
  /// Function nesting; bindings declared at depth 0 (indices in TopLevel)
  /// are the ones `export` can name.
  unsigned FunctionDepth = 0;
  std::vector<size_t> TopLevel;

  void statement(bool TopLevel) {
    const Token &C = cur();
    if (C.Kind == Tok::Punct) {
      if (C.Text == ";") {
        advance();
        return;
      }
      if (C.Text == "{") {
        block();
        return;
      }
    }
    if (C.Kind == Tok::Ident) {
      StringRef W = C.Text;
      if (W == "import" && !(peek().Kind == Tok::Punct &&
                             (peek().Text == "(" || peek().Text == "."))) {
        importDecl();
        return;
      }
      if (W == "export") {
        exportDecl();
        return;
      }
      if (W == "const" || W == "let" || W == "var") {
        advance();
        if (atWord("enum")) { // const enum
          skipTypeDeclaration();
          return;
        }
        declarators();
        return;
      }
      if (W == "function" || (W == "async" && peek().Text == "function")) {
        functionDecl();
        return;
      }
      if (W == "class" || (W == "abstract" && peek().Text == "class")) {
        classDecl();
        return;
      }
      if ((W == "interface" || W == "type" || W == "declare" || W == "enum" ||
           W == "namespace" || W == "module") &&
          peek().Kind == Tok::Ident && !peek().NewlineBefore) {
        skipTypeDeclaration();
        return;
      }
      if (W == "return" || W == "throw") {
        size_t Off = C.Offset;
        advance();
        Node *R = make(Node::Return, Off);
        if (!atPunct(";") && !atPunct("}") && !cur().NewlineBefore)
          R->Elements.push_back(expression());
        if (W == "return")
          M.Statements.push_back(R);
        eat(";");
        return;
      }
      if (W == "if" || W == "while" || W == "for" || W == "switch" ||
          W == "with") {
        advance();
        if (atWord("await"))
          advance();
        if (atPunct("(")) {
          if (W == "switch" || W == "if" || W == "while")
            parenExpression();
          else
            skipBalanced();
        }
        if (W == "switch") {
          switchBody();
          return;
        }
        statement(false);
        if (W == "if" && eat("else"))
          statement(false);
        return;
      }
      if (W == "do" || W == "else" || W == "finally") {
        advance();
        statement(false);
        return;
      }
      if (W == "try") {
        advance();
        block();
        if (eat("catch")) {
          if (atPunct("("))
            skipBalanced();
          block();
        }
        if (eat("finally"))
          block();
        return;
      }
      if ((W == "break" || W == "continue" || W == "debugger") &&
          !(peek().Kind == Tok::Punct && peek().Text == ":")) {
        advance();
        if (at(Tok::Ident) && !cur().NewlineBefore)
          advance();
        eat(";");
        return;
      }
      if (peek().Kind == Tok::Punct && peek().Text == ":" &&
          !TopLevel) { // label
        advance();
        advance();
        statement(false);
        return;
      }
    }
    size_t Start = P;
    Node *E = expression();
    if (E)
      M.Statements.push_back(E);
    eat(";");
    if (P == Start)
      advance(); // never stall
  }

  void switchBody() {
    if (!eat("{"))
      return;
    while (!at(Tok::End) && !atPunct("}")) {
      if (eat("case")) {
        expression();
        eat(":");
        continue;
      }
      if (eat("default")) {
        eat(":");
        continue;
      }
      statement(false);
    }
    eat("}");
  }

  void parenExpression() {
    eat("(");
    while (!at(Tok::End) && !atPunct(")")) {
      size_t Start = P;
      expression();
      eat(",");
      if (P == Start)
        advance();
    }
    eat(")");
  }

  std::string moduleString() {
    if (at(Tok::String)) {
      std::string V = cur().Value;
      advance();
      return V;
    }
    return "";
  }

  void importDecl() {
    size_t Off = cur().Offset;
    advance(); // import
    if (atWord("type") && peek().Kind != Tok::Punct)
      advance();           // import type X / import type { }
    if (at(Tok::String)) { // import 'm'
      advance();
      eat(";");
      return;
    }
    std::vector<Import> Found;
    if (at(Tok::Ident) && !atWord("from")) {
      Found.push_back({cur().Text.str(), "", "default", cur().Offset});
      advance();
      eat(",");
    }
    if (eat("*")) {
      eat("as");
      if (at(Tok::Ident)) {
        Found.push_back({cur().Text.str(), "", "*", cur().Offset});
        advance();
      }
    } else if (atPunct("{")) {
      advance();
      while (!at(Tok::End) && !atPunct("}")) {
        if (atWord("type") && peek().Kind == Tok::Ident && peek().Text != "as")
          advance();
        if (!at(Tok::Ident) && !at(Tok::String)) {
          advance();
          continue;
        }
        std::string Imported = at(Tok::String) ? cur().Value : cur().Text.str();
        size_t IOff = cur().Offset;
        advance();
        std::string Local = Imported;
        if (eat("as") && at(Tok::Ident)) {
          Local = cur().Text.str();
          advance();
        }
        Found.push_back({Local, "", Imported, IOff});
        eat(",");
      }
      eat("}");
    }
    if (eat("from")) {
      std::string Mod = moduleString();
      for (Import &I : Found) {
        I.Module = Mod;
        M.Imports.push_back(I);
      }
    }
    (void)Off;
    eat(";");
  }

  void exportDecl() {
    size_t Off = cur().Offset;
    advance(); // export
    if (eat("default")) {
      if (atWord("function") ||
          (atWord("async") && peek().Text == "function")) {
        std::string Name = functionDecl();
        M.Exports.push_back({"default", Name.empty() ? "default" : Name});
        return;
      }
      if (atWord("class")) {
        std::string Name = classDecl();
        M.Exports.push_back({"default", Name.empty() ? "default" : Name});
        return;
      }
      Node *E = expression();
      addBinding("default", E, Off);
      M.Exports.push_back({"default", "default"});
      eat(";");
      return;
    }
    if (atWord("type") && peek().Kind == Tok::Punct && peek().Text == "{") {
      advance();
      skipToStatementEnd();
      return;
    }
    if (atPunct("{") || atPunct("*")) {
      std::vector<std::pair<std::string, std::string>> Names; // exported, local
      if (eat("*")) {
        std::string As = "*";
        if (eat("as") && at(Tok::Ident)) {
          As = cur().Text.str();
          advance();
        }
        Names.push_back({As, "*"});
      } else {
        advance();
        while (!at(Tok::End) && !atPunct("}")) {
          if (atWord("type") && peek().Kind == Tok::Ident)
            advance();
          if (!at(Tok::Ident)) {
            advance();
            continue;
          }
          std::string Local = cur().Text.str();
          advance();
          std::string Exported = Local;
          if (eat("as") && at(Tok::Ident)) {
            Exported = cur().Text.str();
            advance();
          }
          Names.push_back({Exported, Local});
          eat(",");
        }
        eat("}");
      }
      if (eat("from")) {
        std::string Mod = moduleString();
        for (auto &N : Names)
          M.ReExports.push_back({N.first, {Mod, N.second}});
      } else {
        for (auto &N : Names)
          M.Exports.push_back(N);
      }
      eat(";");
      return;
    }
    // export const/let/var/function/class/interface/type ...
    size_t Before = TopLevel.size();
    statement(true);
    for (size_t I = Before; I < TopLevel.size(); ++I)
      M.Exports.push_back(
          {M.Bindings[TopLevel[I]].Name, M.Bindings[TopLevel[I]].Name});
  }

  void declarators() {
    while (!at(Tok::End)) {
      size_t Off = cur().Offset;
      if (atPunct("{") || atPunct("[")) {
        // Destructuring: `const { a, b: c } = init`.
        bool IsObject = atPunct("{");
        std::vector<std::pair<std::string, std::string>> Names; // key, local
        advance();
        while (!at(Tok::End) && !atPunct("}") && !atPunct("]")) {
          if (at(Tok::Ident)) {
            std::string Key = cur().Text.str();
            advance();
            std::string Local = Key;
            if (IsObject && eat(":") && at(Tok::Ident)) {
              Local = cur().Text.str();
              advance();
            }
            Names.push_back({Key, Local});
            if (eat("=")) // default value
              expression();
          } else if (atPunct("{") || atPunct("[")) {
            skipBalanced();
          } else {
            advance();
          }
          eat(",");
        }
        advance();
        if (eat(":"))
          skipType();
        if (eat("=")) {
          Node *Init = expression();
          if (Init)
            M.Statements.push_back(Init);
          // `const { a } = require('m')` imports a.
          if (Init && Init->Kind == Node::Call && Init->Callee &&
              Init->Callee->isIdentifier("require") && !Init->Args.empty() &&
              Init->Args[0]->Kind == Node::String) {
            for (auto &N : Names)
              M.Imports.push_back(
                  {N.second, Init->Args[0]->Text, N.first, Off});
          } else {
            for (auto &N : Names) {
              Node *Mem = make(Node::Member, Off);
              Mem->Callee = Init;
              Mem->Text = N.first;
              addBinding(N.second, Mem, Off);
            }
          }
        }
      } else if (at(Tok::Ident)) {
        std::string Name = cur().Text.str();
        advance();
        eat("!");
        if (eat(":"))
          skipType();
        Node *Init = nullptr;
        if (eat("=")) {
          Init = expression();
          // Initialisers are statements too: what they call is walked.
          if (Init)
            M.Statements.push_back(Init);
        }
        if (Init && Init->Kind == Node::Call && Init->Callee &&
            Init->Callee->isIdentifier("require") && !Init->Args.empty() &&
            Init->Args[0]->Kind == Node::String)
          M.Imports.push_back({Name, Init->Args[0]->Text, "*", Off});
        else
          addBinding(Name, Init, Off);
      } else {
        break;
      }
      if (!eat(","))
        break;
    }
    eat(";");
  }

  std::string functionDecl() {
    size_t Off = cur().Offset;
    eat("async");
    eat("function");
    eat("*");
    std::string Name;
    if (at(Tok::Ident)) {
      Name = cur().Text.str();
      advance();
    }
    Node *F = functionRest(Off);
    // A statement too, as an arrow function's initialiser is: walkers reach
    // its body through it, inside the function.
    M.Statements.push_back(F);
    if (!Name.empty())
      addBinding(Name, F, Off);
    return Name;
  }

  std::string classDecl() {
    size_t Off = cur().Offset;
    eat("abstract");
    eat("class");
    std::string Name;
    if (at(Tok::Ident) && !atWord("extends") && !atWord("implements")) {
      Name = cur().Text.str();
      advance();
    }
    while (!at(Tok::End) && !atPunct("{"))
      advance();
    // Methods' bodies are read as statements (routes registered there).
    Node *C = make(Node::Other, Off);
    if (eat("{")) {
      while (!at(Tok::End) && !atPunct("}")) {
        if (atPunct("(")) {
          Node *F = functionRest(cur().Offset);
          C->Elements.push_back(F);
          continue;
        }
        if (atPunct("{")) {
          block();
          continue;
        }
        if (atPunct("=")) {
          advance();
          C->Elements.push_back(expression());
          continue;
        }
        advance();
      }
      eat("}");
    }
    if (!Name.empty())
      addBinding(Name, C, Off);
    return Name;
  }

  /// Parameters, optional return type, body.
  Node *functionRest(size_t Off) {
    Node *F = make(Node::Function, Off);
    F->Fn = std::make_unique<FunctionInfo>();
    if (atPunct("<"))
      skipBalanced();
    if (atPunct("("))
      params(*F->Fn);
    if (eat(":"))
      skipType();
    if (atPunct("{")) {
      ++FunctionDepth;
      F->Fn->Body = block();
      --FunctionDepth;
    }
    return F;
  }

  void params(FunctionInfo &FI) {
    eat("(");
    while (!at(Tok::End) && !atPunct(")")) {
      eat("...");
      while (atWord("public") || atWord("private") || atWord("protected") ||
             atWord("readonly"))
        advance();
      if (at(Tok::Ident)) {
        FI.Params.push_back(cur().Text.str());
        advance();
      } else if (atPunct("{") || atPunct("[")) {
        FI.Params.push_back("");
        skipBalanced();
      } else {
        advance();
        continue;
      }
      eat("?");
      if (eat(":"))
        skipType();
      if (eat("="))
        expression();
      eat(",");
    }
    eat(")");
  }

  /// Whether the '(' at the current token opens an arrow function's
  /// parameters.
  bool arrowAhead() const {
    size_t K = P;
    unsigned Depth = 0;
    for (; K < T.size(); ++K) {
      if (T[K].Kind != Tok::Punct)
        continue;
      if (T[K].Text == "(")
        ++Depth;
      else if (T[K].Text == ")" && --Depth == 0)
        break;
    }
    if (K + 1 >= T.size())
      return false;
    const Token &N = T[K + 1];
    if (N.Kind == Tok::Punct && N.Text == "=>")
      return true;
    if (N.Kind == Tok::Punct && N.Text == ":") {
      // `(a): T => ...`: look for => before the statement goes on.
      unsigned D = 0;
      for (size_t J = K + 2; J < T.size() && J < K + 64; ++J) {
        StringRef X = T[J].Text;
        if (T[J].Kind != Tok::Punct)
          continue;
        if (X == "(" || X == "<" || X == "[" || X == "{")
          ++D;
        else if (X == ")" || X == ">" || X == "]" || X == "}") {
          if (D == 0)
            return false;
          --D;
        } else if (X == "=>" && D == 0)
          return true;
        else if ((X == ";" || X == ",") && D == 0)
          return false;
      }
    }
    return false;
  }

  Node *arrowBody(Node *F) {
    eat("=>");
    ++FunctionDepth;
    if (atPunct("{")) {
      F->Fn->Body = block();
    } else {
      Node *R = make(Node::Return, cur().Offset);
      R->Elements.push_back(assignment());
      M.Statements.push_back(R);
      F->Fn->Body.push_back(R);
    }
    --FunctionDepth;
    return F;
  }

public:
  Node *expression() {
    Node *E = assignment();
    while (atPunct(",") && false)
      advance();
    return E;
  }

private:
  Node *assignment() {
    size_t Off = cur().Offset;
    Node *L = conditional();
    if (cur().Kind == Tok::Punct) {
      StringRef X = cur().Text;
      if (X == "=" || X == "+=" || X == "-=" || X == "||=" || X == "?\?=" ||
          X == "&&=" || X == "*=" || X == "|=") {
        advance();
        Node *A = make(Node::Assign, Off);
        A->Text = X.str();
        A->Callee = L;
        A->Elements.push_back(assignment());
        return A;
      }
    }
    return L;
  }

  static bool isBinary(const Token &X) {
    if (X.Kind == Tok::Ident)
      return X.Text == "instanceof" || X.Text == "in" || X.Text == "as" ||
             X.Text == "satisfies";
    if (X.Kind != Tok::Punct)
      return false;
    return StringSwitch<bool>(X.Text)
        .Cases("+", "-", "*", "/", "%", "**", "==", "!=", "===", "!==", true)
        .Cases("<", ">", "<=", ">=", "&&", "||", "??", "&", "|", "^", true)
        .Cases("<<", ">>", ">>>", true)
        .Default(false);
  }

  Node *conditional() {
    size_t Off = cur().Offset;
    Node *First = unary();
    Node *Alt = nullptr;
    auto AddAlt = [&](Node *N) {
      if (!Alt) {
        Alt = make(Node::Alternative, Off);
        Alt->Elements.push_back(First);
      }
      Alt->Elements.push_back(N);
    };
    while (true) {
      if (isBinary(cur())) {
        StringRef Op = cur().Text;
        advance();
        if (Op == "as" || Op == "satisfies") {
          skipType();
          continue;
        }
        Node *R = unary();
        if (Op == "||" || Op == "??")
          AddAlt(R);
        continue;
      }
      if (atPunct("?")) {
        advance();
        Node *A = assignment();
        eat(":");
        Node *B = assignment();
        AddAlt(A);
        AddAlt(B);
        continue;
      }
      break;
    }
    return Alt ? Alt : First;
  }

  Node *unary() {
    const Token &C = cur();
    size_t Off = C.Offset;
    if (C.Kind == Tok::Punct &&
        (C.Text == "!" || C.Text == "-" || C.Text == "+" || C.Text == "~" ||
         C.Text == "++" || C.Text == "--" || C.Text == "...")) {
      advance();
      Node *N = make(Node::Await, Off);
      N->Text = C.Text.str();
      N->Elements.push_back(unary());
      return N;
    }
    if (C.Kind == Tok::Ident &&
        (C.Text == "await" || C.Text == "typeof" || C.Text == "void" ||
         C.Text == "delete" || C.Text == "yield") &&
        !(peek().Kind == Tok::Punct &&
          (peek().Text == "." || peek().Text == ")" || peek().Text == "," ||
           peek().Text == "=" || peek().Text == ";"))) {
      advance();
      eat("*");
      Node *N = make(Node::Await, Off);
      N->Text = C.Text.str();
      N->Elements.push_back(unary());
      return N;
    }
    if (C.Kind == Tok::Punct && C.Text == "<" && P + 1 < T.size() &&
        T[P + 1].Kind == Tok::Ident) {
      // `<T>expr` cast or a generic arrow `<T>(x) => ...`.
      skipBalanced();
      return unary();
    }
    return postfix(primary());
  }

  /// E[index], at the '['.
  Node *computedMember(Node *E) {
    advance();
    Node *Mem = make(Node::Member, E->Offset);
    Mem->Callee = E;
    Mem->Computed = true;
    Mem->Elements.push_back(expression());
    eat("]");
    return Mem;
  }

  Node *postfix(Node *E) {
    while (true) {
      size_t Off = cur().Offset;
      if (atPunct(".") || atPunct("?.")) {
        advance();
        if (atPunct("(")) { // f?.()
          Node *Call = make(Node::Call, E->Offset);
          Call->Callee = E;
          arguments(Call->Args);
          E = Call;
          continue;
        }
        if (atPunct("[")) {
          E = computedMember(E);
          continue;
        }
        Node *Mem = make(Node::Member, E->Offset);
        Mem->Callee = E;
        if (at(Tok::Ident)) {
          Mem->Text = cur().Text.str();
          advance();
        }
        E = Mem;
        continue;
      }
      if (atPunct("[") && !cur().NewlineBefore) {
        E = computedMember(E);
        continue;
      }
      if (atPunct("(")) {
        Node *Call = make(Node::Call, E->Offset);
        Call->Callee = E;
        arguments(Call->Args);
        E = Call;
        continue;
      }
      if (atPunct("<") && typeArgumentsAhead()) {
        skipBalanced();
        continue;
      }
      if (atPunct("!") && !(peek().Kind == Tok::Punct && peek().Text == "=")) {
        advance(); // non-null assertion
        continue;
      }
      if (at(Tok::Template) || (at(Tok::String) && cur().Text[0] == '`')) {
        advance(); // tagged template
        continue;
      }
      if ((atPunct("++") || atPunct("--")) && !cur().NewlineBefore) {
        advance();
        continue;
      }
      (void)Off;
      return E;
    }
  }

  /// `f<T>(...)`: a '<' that closes with '>' right before '('.
  bool typeArgumentsAhead() const {
    unsigned Depth = 0;
    for (size_t K = P; K < T.size() && K < P + 64; ++K) {
      if (T[K].Kind != Tok::Punct)
        continue;
      StringRef X = T[K].Text;
      if (X == "<")
        ++Depth;
      else if (X == ">" || X == ">>") {
        Depth -= std::min<unsigned>(Depth, X.size());
        if (Depth == 0)
          return K + 1 < T.size() && T[K + 1].Kind == Tok::Punct &&
                 T[K + 1].Text == "(";
      } else if (X == ";" || X == "{" || X == "}" || X == "=" || X == "&&" ||
                 X == "||")
        return false;
    }
    return false;
  }

  void arguments(std::vector<Node *> &Args) {
    eat("(");
    while (!at(Tok::End) && !atPunct(")")) {
      size_t Start = P;
      Args.push_back(assignment());
      eat(",");
      if (P == Start)
        advance();
    }
    eat(")");
  }

  Node *primary() {
    const Token &C = cur();
    size_t Off = C.Offset;
    switch (C.Kind) {
    case Tok::String: {
      Node *N = make(Node::String, Off);
      N->Text = C.Value;
      advance();
      return N;
    }
    case Tok::Template: {
      Node *N = make(Node::Template, Off);
      N->Text = C.Text.str();
      advance();
      return N;
    }
    case Tok::Number: {
      Node *N = make(Node::Number, Off);
      N->Text = C.Text.str();
      advance();
      return N;
    }
    case Tok::Regex: {
      Node *N = make(Node::Other, Off);
      N->Text = C.Text.str();
      advance();
      return N;
    }
    case Tok::End:
      return make(Node::Other, Off);
    case Tok::Ident:
      break;
    case Tok::Punct:
      if (C.Text == "(") {
        if (arrowAhead()) {
          Node *F = make(Node::Function, Off);
          F->Fn = std::make_unique<FunctionInfo>();
          params(*F->Fn);
          if (eat(":"))
            skipType();
          return arrowBody(F);
        }
        advance();
        Node *Inner = expression();
        while (eat(",")) // comma expression: keep the last
          Inner = expression();
        eat(")");
        return Inner;
      }
      if (C.Text == "{")
        return objectLiteral();
      if (C.Text == "[") {
        Node *N = make(Node::Array, Off);
        advance();
        while (!at(Tok::End) && !atPunct("]")) {
          size_t Start = P;
          if (atPunct(",")) {
            advance();
            continue;
          }
          N->Elements.push_back(assignment());
          eat(",");
          if (P == Start)
            advance();
        }
        eat("]");
        return N;
      }
      advance();
      return make(Node::Other, Off);
    }
    StringRef W = C.Text;
    if (W == "function" || (W == "async" && peek().Text == "function")) {
      eat("async");
      eat("function");
      eat("*");
      if (at(Tok::Ident))
        advance();
      return functionRest(Off);
    }
    if (W == "async" && (peek().Kind == Tok::Ident ||
                         (peek().Kind == Tok::Punct && peek().Text == "("))) {
      advance();
      return primary();
    }
    if (W == "class") {
      classDecl();
      return make(Node::Other, Off);
    }
    if (W == "new") {
      advance();
      if (atPunct(".")) { // new.target
        advance();
        advance();
        return make(Node::Other, Off);
      }
      Node *N = make(Node::New, Off);
      Node *Callee = primary();
      // The callee's member chain, without calls.
      while (atPunct(".")) {
        advance();
        Node *Mem = make(Node::Member, Callee->Offset);
        Mem->Callee = Callee;
        if (at(Tok::Ident)) {
          Mem->Text = cur().Text.str();
          advance();
        }
        Callee = Mem;
      }
      if (atPunct("<") && typeArgumentsAhead())
        skipBalanced();
      N->Callee = Callee;
      if (atPunct("("))
        arguments(N->Args);
      return N;
    }
    // An identifier, maybe a one-parameter arrow function.
    advance();
    if (atPunct("=>")) {
      Node *F = make(Node::Function, Off);
      F->Fn = std::make_unique<FunctionInfo>();
      F->Fn->Params.push_back(W.str());
      return arrowBody(F);
    }
    Node *N = make(Node::Identifier, Off);
    N->Text = W.str();
    return N;
  }

  Node *objectLiteral() {
    Node *N = make(Node::Object, cur().Offset);
    advance(); // {
    while (!at(Tok::End) && !atPunct("}")) {
      size_t Start = P;
      if (eat("...")) {
        N->Props.push_back({"...", assignment()});
        eat(",");
        continue;
      }
      // Modifiers of methods.
      while (
          (atWord("async") || atWord("get") || atWord("set") || atPunct("*")) &&
          !(peek().Kind == Tok::Punct &&
            (peek().Text == ":" || peek().Text == "(" || peek().Text == "," ||
             peek().Text == "}")))
        advance();
      std::string Key;
      size_t KeyOff = cur().Offset;
      if (at(Tok::Ident) || at(Tok::Number)) {
        Key = cur().Text.str();
        advance();
      } else if (at(Tok::String)) {
        Key = cur().Value;
        advance();
      } else if (atPunct("[")) {
        advance();
        Node *K = expression();
        eat("]");
        Key = K && K->Kind == Node::String ? K->Text : "[computed]";
      } else {
        advance();
        continue;
      }
      eat("?");
      if (eat(":")) {
        N->Props.push_back({Key, assignment()});
      } else if (atPunct("(") || atPunct("<")) {
        N->Props.push_back({Key, functionRest(KeyOff)});
      } else {
        // Shorthand `{ a }` (or `{ a = 1 }` in a pattern).
        Node *Id = make(Node::Identifier, KeyOff);
        Id->Text = Key;
        if (eat("="))
          assignment();
        N->Props.push_back({Key, Id});
      }
      eat(",");
      if (P == Start)
        advance();
    }
    eat("}");
    return N;
  }
};

} // namespace

std::unique_ptr<Module> parseModule(Context &Ctx, unsigned BufferID) {
  const MemoryBuffer *MB = Ctx.getSourceMgr().getMemoryBuffer(BufferID);
  auto M = std::make_unique<Module>();
  M->Path = MB->getBufferIdentifier().str();
  M->BufferID = BufferID;
  StringRef Src = MB->getBuffer();
  const UTF8 *Valid = reinterpret_cast<const UTF8 *>(Src.data());
  if (!isLegalUTF8String(&Valid, Valid + Src.size())) {
    Ctx.getDiags().error(Ctx.getLoc(SMLoc::getFromPointer(
                             reinterpret_cast<const char *>(Valid))),
                         "source is not valid UTF-8");
    return nullptr;
  }
  std::vector<Token> Toks;
  Lexer L(Src, M->DocComments);
  if (!L.run(Toks)) {
    Ctx.getDiags().error(
        Ctx.getLoc(SMLoc::getFromPointer(MB->getBufferStart() + L.ErrorOffset)),
        L.Error);
    return nullptr;
  }
  Reader R(*M, Toks);
  R.readModule();
  return M;
}

} // namespace js
} // namespace bk
