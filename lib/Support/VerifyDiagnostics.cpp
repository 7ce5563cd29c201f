//===- VerifyDiagnostics.cpp - -verify-diagnostics ------------------------===//

#include "bk/Support/VerifyDiagnostics.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace bk {

DiagnosticVerifier::DiagnosticVerifier(Context &Ctx) : Ctx(Ctx) {
  Ctx.getDiags().setHandler([this](const Diagnostic &D) {
    // Notes are checked like any other diagnostic.
    Diagnostic Top = D;
    Top.Notes.clear();
    Seen.push_back(std::move(Top));
    for (const Diagnostic &N : D.Notes)
      Seen.push_back(N);
  });
}

DiagnosticVerifier::~DiagnosticVerifier() {
  Ctx.getDiags().setHandler(nullptr);
}

void DiagnosticVerifier::addBuffer(unsigned BufferID) {
  const MemoryBuffer *Buf = Ctx.getSourceMgr().getMemoryBuffer(BufferID);
  StringRef Text = Buf->getBuffer();
  std::string File = Buf->getBufferIdentifier().str();
  static const char Prefix[] = "expected-";
  size_t Pos = 0;
  while ((Pos = Text.find(Prefix, Pos)) != StringRef::npos) {
    const char *Start = Text.data() + Pos;
    StringRef Rest = Text.substr(Pos + strlen(Prefix));
    Pos += strlen(Prefix);
    Severity Sev;
    StringRef Kind = Rest.take_while([](char C) { return isAlpha(C); });
    if (!parseSeverity(Kind, Sev))
      continue;
    Rest = Rest.drop_front(Kind.size());
    Loc Here = Ctx.getLoc(SMLoc::getFromPointer(Start));
    auto Malform = [&](const Twine &Msg) {
      Malformed.emplace_back(Severity::Error, Here, Msg);
    };
    Expectation E{Sev, Here, Here.Line, File, "", false};
    Rest = Rest.ltrim(" \t");
    if (Rest.consume_front("@")) {
      if (Rest.consume_front("above")) {
        E.Line = Here.Line - 1;
      } else if (Rest.consume_front("below")) {
        E.Line = Here.Line + 1;
      } else if (Rest.consume_front("unknown")) {
        E.Line = 0;
        E.File.clear();
      } else if (Rest.startswith("+") || Rest.startswith("-")) {
        bool Minus = Rest.front() == '-';
        Rest = Rest.drop_front();
        unsigned Offset;
        StringRef Digits = Rest.take_while([](char C) { return isDigit(C); });
        if (Digits.getAsInteger(10, Offset) || (Minus && Offset >= Here.Line)) {
          Malform("expected a line offset after '@" + Twine(Minus ? "-" : "+") +
                  "'");
          continue;
        }
        Rest = Rest.drop_front(Digits.size());
        E.Line = Minus ? Here.Line - Offset : Here.Line + Offset;
      } else {
        Malform("expected '@+N', '@-N', '@above', '@below' or '@unknown'");
        continue;
      }
    }
    Rest = Rest.ltrim(" \t");
    if (!Rest.consume_front("{{")) {
      Malform("expected '{{' after expected-" + Kind);
      continue;
    }
    size_t End = Rest.find("}}");
    size_t EOL = Rest.find('\n');
    if (End == StringRef::npos || (EOL != StringRef::npos && EOL < End)) {
      Malform("expected '}}' to end the expected message on its line");
      continue;
    }
    E.Text = Rest.substr(0, End).str();
    Expected.push_back(std::move(E));
  }
}

bool DiagnosticVerifier::verify(raw_ostream &OS) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  std::vector<Diagnostic> Problems = std::move(Malformed);
  Malformed.clear();
  for (const Diagnostic &D : Seen) {
    bool Found = false;
    for (Expectation &E : Expected) {
      if (E.Matched || E.Sev != D.Sev)
        continue;
      bool SamePlace =
          E.Line == 0 ? !D.Location.isValid()
                      : D.Location.File == E.File && D.Location.Line == E.Line;
      if (!SamePlace || StringRef(D.Message).find(E.Text) == StringRef::npos)
        continue;
      E.Matched = true;
      Found = true;
      break;
    }
    if (Found)
      continue;
    Problems.emplace_back(Severity::Error, D.Location,
                          "unexpected " + severityName(D.Sev) + ": " +
                              D.Message);
  }
  for (const Expectation &E : Expected)
    if (!E.Matched)
      Problems.emplace_back(Severity::Error, E.Location,
                            "expected " + severityName(E.Sev) + " \"" + E.Text +
                                "\" was not produced");
  Seen.clear();
  Expected.clear();
  llvm::stable_sort(Problems, [](const Diagnostic &A, const Diagnostic &B) {
    return A.Location.Line < B.Location.Line;
  });
  for (const Diagnostic &P : Problems)
    Diags.printText(OS, P, /*UseColor=*/false);
  return Problems.empty();
}

} // namespace bk
