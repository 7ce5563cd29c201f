//===- Diagnostics.cpp - Located diagnostics ------------------------------===//

#include "bk/Support/Diagnostics.h"
#include "bk/Support/Secrets.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

#include <mutex>
#include <tuple>

using namespace llvm;

namespace bk {

bool Loc::operator<(const Loc &O) const {
  return std::tie(File, Line, Col) < std::tie(O.File, O.Line, O.Col);
}

StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Remark:
    return "remark";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  llvm_unreachable("unknown severity");
}

bool parseSeverity(StringRef Name, Severity &Out) {
  for (Severity S :
       {Severity::Note, Severity::Remark, Severity::Warning, Severity::Error}) {
    if (Name == severityName(S)) {
      Out = S;
      return true;
    }
  }
  return false;
}

DiagnosticEngine::~DiagnosticEngine() { flush(); }

/// LLVM's own --color option (WithColor.cpp) decides whether SourceMgr
/// prints colour, so the engine's mode is forwarded to it.
static void setLLVMColorOption(ColorMode M) {
  StringMap<cl::Option *> &Opts = cl::getRegisteredOptions();
  auto It = Opts.find("color");
  if (It == Opts.end())
    return;
  It->second->reset();
  if (M != ColorMode::Auto)
    It->second->addOccurrence(0, "color",
                              M == ColorMode::Always ? "true" : "false");
}

void DiagnosticEngine::setColor(ColorMode M) {
  Color = M;
  setLLVMColorOption(M);
}

static void redactAll(Diagnostic &D, ArrayRef<std::string> Secrets) {
  D.Message = redact(D.Message, Secrets);
  for (Diagnostic &N : D.Notes)
    redactAll(N, Secrets);
}

StringRef internFileName(StringRef Name) {
  static std::mutex Lock;
  static BumpPtrAllocator Alloc;
  static UniqueStringSaver Saver(Alloc);
  std::lock_guard<std::mutex> Guard(Lock);
  return Saver.save(Name);
}

static void internFiles(Diagnostic &D) {
  if (!D.Location.File.empty())
    D.Location.File = internFileName(D.Location.File);
  for (Diagnostic &N : D.Notes)
    internFiles(N);
}

void DiagnosticEngine::report(Diagnostic D) {
  internFiles(D);
  if (!Secrets.empty())
    redactAll(D, Secrets);
  if (TheFilter && TheFilter(D))
    return;
  if (WarningsAsErrors && D.Sev == Severity::Warning)
    D.Sev = Severity::Error;
  if (D.Sev == Severity::Error)
    ++NumErrors;
  else if (D.Sev == Severity::Warning)
    ++NumWarnings;
  if (TheHandler) {
    TheHandler(D);
    return;
  }
  Pending.push_back(std::move(D));
}

void DiagnosticEngine::error(Loc L, const Twine &Msg, StringRef ID) {
  report(Diagnostic(Severity::Error, L, Msg, ID));
}
void DiagnosticEngine::warning(Loc L, const Twine &Msg, StringRef ID) {
  report(Diagnostic(Severity::Warning, L, Msg, ID));
}
void DiagnosticEngine::note(Loc L, const Twine &Msg, StringRef ID) {
  report(Diagnostic(Severity::Note, L, Msg, ID));
}

/// Files sort in the order they were loaded (the order the user named
/// them), then unloaded files by name after them.
unsigned DiagnosticEngine::fileRank(StringRef File) const {
  for (unsigned I = 1, E = SM.getNumBuffers(); I <= E; ++I)
    if (SM.getMemoryBuffer(I)->getBufferIdentifier() == File)
      return I;
  return ~0u;
}

static bool sameDiagnostic(const Diagnostic &A, const Diagnostic &B) {
  if (A.Sev != B.Sev || A.Location != B.Location || A.Message != B.Message ||
      A.ID != B.ID || A.Notes.size() != B.Notes.size())
    return false;
  for (size_t I = 0; I < A.Notes.size(); ++I)
    if (!sameDiagnostic(A.Notes[I], B.Notes[I]))
      return false;
  return true;
}

std::vector<Diagnostic> DiagnosticEngine::take() {
  std::vector<Diagnostic> Diags = std::move(Pending);
  Pending.clear();
  // Unlocated diagnostics (about the run as a whole) come last.
  llvm::stable_sort(Diags, [&](const Diagnostic &A, const Diagnostic &B) {
    const Loc &LA = A.Location, &LB = B.Location;
    if (LA.isValid() != LB.isValid())
      return LA.isValid();
    unsigned RA = fileRank(LA.File), RB = fileRank(LB.File);
    return std::make_tuple(RA, LA.File, LA.Line, LA.Col) <
           std::make_tuple(RB, LB.File, LB.Line, LB.Col);
  });
  Diags.erase(std::unique(Diags.begin(), Diags.end(), sameDiagnostic),
              Diags.end());
  return Diags;
}

void DiagnosticEngine::flush() {
  if (Pending.empty())
    return;
  std::vector<Diagnostic> Diags = take();
  raw_ostream &OS = Out ? *Out : errs();
  if (Format == DiagnosticFormat::JSON) {
    printJSON(OS, Diags);
    return;
  }
  bool UseColor = Color == ColorMode::Always ||
                  (Color == ColorMode::Auto && OS.has_colors());
  if (Color == ColorMode::Always)
    OS.enable_colors(true);
  for (const Diagnostic &D : Diags) {
    if (Quiet && D.Sev != Severity::Error)
      continue;
    printText(OS, D, UseColor);
  }
  OS.flush();
}

SMLoc DiagnosticEngine::toSMLoc(const Loc &L) const {
  if (!L.isValid() || L.Line == 0)
    return SMLoc();
  // The most recently loaded buffer of that name wins: -split-input-file
  // loads each chunk under the file's own name.
  for (unsigned I = SM.getNumBuffers(); I >= 1; --I) {
    const MemoryBuffer *Buf = SM.getMemoryBuffer(I);
    if (Buf->getBufferIdentifier() != L.File)
      continue;
    // The line's start comes from the SourceMgr's line cache; the column is
    // added here. (FindLocForLineAndColumn checks the whole prefix of the
    // line for line breaks: on a one-line file of megabytes, that made each
    // diagnostic cost a scan of the file.)
    SMLoc Start = SM.FindLocForLineAndColumn(I, L.Line, 1);
    if (!Start.isValid())
      return SMLoc();
    size_t Off = L.Col ? L.Col - 1 : 0;
    const char *P = Start.getPointer();
    if (Off > size_t(Buf->getBufferEnd() - P))
      return SMLoc();
    // A column past the end of its line is no location (checked cheaply
    // for ordinary lines).
    if (Off < 4096 &&
        StringRef(P, Off).find_first_of("\r\n") != StringRef::npos)
      return SMLoc();
    return SMLoc::getFromPointer(P + Off);
  }
  return SMLoc();
}

static SourceMgr::DiagKind toDiagKind(Severity S) {
  switch (S) {
  case Severity::Note:
    return SourceMgr::DK_Note;
  case Severity::Remark:
    return SourceMgr::DK_Remark;
  case Severity::Warning:
    return SourceMgr::DK_Warning;
  case Severity::Error:
    return SourceMgr::DK_Error;
  }
  llvm_unreachable("unknown severity");
}

/// Source lines longer than this are shown as a window around the column.
static constexpr size_t MaxSourceLineWidth = 160;

/// The line L is on, without its line break, cut to 4 * MaxSourceLineWidth
/// characters either side of L.
static StringRef lineAround(const SourceMgr &SM, SMLoc L) {
  unsigned ID = SM.FindBufferContainingLoc(L);
  if (!ID)
    return StringRef();
  StringRef Buf = SM.getMemoryBuffer(ID)->getBuffer();
  size_t Pos = L.getPointer() - Buf.data();
  // Look no further than Reach either way: a one-line file of megabytes
  // with thousands of diagnostics would otherwise be scanned whole for each
  // (quadratic). A line cut at Reach is longer than the window anyway.
  const size_t Reach = 4 * MaxSourceLineWidth;
  size_t Low = Pos > Reach ? Pos - Reach : 0;
  size_t Begin = Buf.slice(Low, Pos).rfind('\n');
  Begin = Begin == StringRef::npos ? Low : Low + Begin + 1;
  size_t End = Buf.slice(Pos, Pos + Reach).find_first_of("\r\n");
  End = End == StringRef::npos ? std::min(Buf.size(), Pos + Reach) : Pos + End;
  return Buf.slice(Begin, End);
}

void DiagnosticEngine::printText(raw_ostream &OS, const Diagnostic &D,
                                 bool UseColor) {
  std::string Msg = D.Message;
  if (!D.ID.empty())
    Msg += " [" + D.ID + "]";
  SMLoc L = toSMLoc(D.Location);
  StringRef Line = L.isValid() ? lineAround(SM, L) : StringRef();
  if (L.isValid() && Line.size() <= MaxSourceLineWidth) {
    SM.PrintMessage(OS, L, toDiagKind(D.Sev), Msg, None, None, UseColor);
  } else if (L.isValid()) {
    // A very long line (minified JSON is one line of megabytes): show a
    // window around the column, or every diagnostic would print it whole.
    size_t Col = L.getPointer() - Line.data();
    size_t Begin =
        Col > MaxSourceLineWidth / 2 ? Col - MaxSourceLineWidth / 2 : 0;
    size_t End = std::min(Line.size(), Begin + MaxSourceLineWidth);
    std::string Where = D.Location.File.str() + ":" +
                        std::to_string(D.Location.Line) + ":" +
                        std::to_string(D.Location.Col);
    SMDiagnostic Diag(Where, toDiagKind(D.Sev), Msg);
    Diag.print(nullptr, OS, UseColor, /*ShowKindLabel=*/true);
    std::string Window = (Begin ? "..." : "") + Line.slice(Begin, End).str() +
                         (End < Line.size() ? "..." : "");
    for (char &C : Window)
      if (C == '\t')
        C = ' ';
    OS << Window << "\n"
       << std::string(Col - Begin + (Begin ? 3 : 0), ' ') << "^\n";
  } else {
    // A location whose file is not loaded (IR read back from text), a
    // file-level diagnostic, or one about the run as a whole: same format,
    // no caret; the last kind is prefixed with the tool's name.
    // SMDiagnostic prints a caret line whenever it has a column, so the
    // position is folded into the file name.
    const Loc &DL = D.Location;
    std::string Where = DL.File.str();
    if (DL.isValid() && DL.Line) {
      Where += ":" + std::to_string(DL.Line);
      if (DL.Col)
        Where += ":" + std::to_string(DL.Col);
    }
    SMDiagnostic Diag(Where, toDiagKind(D.Sev), Msg);
    Diag.print(DL.isValid() || ProgName.empty() ? nullptr : ProgName.c_str(),
               OS, UseColor, /*ShowKindLabel=*/true);
  }
  for (const Diagnostic &N : D.Notes)
    printText(OS, N, UseColor);
}

static json::Object toJSON(const Diagnostic &D) {
  json::Object O;
  O["severity"] = severityName(D.Sev);
  if (D.Location.isValid()) {
    O["file"] = D.Location.File;
    O["line"] = D.Location.Line;
    O["column"] = D.Location.Col;
  }
  O["message"] = D.Message;
  if (!D.ID.empty())
    O["id"] = D.ID;
  if (!D.Notes.empty()) {
    json::Array Notes;
    for (const Diagnostic &N : D.Notes)
      Notes.push_back(toJSON(N));
    O["notes"] = std::move(Notes);
  }
  return O;
}

void DiagnosticEngine::printJSON(raw_ostream &OS,
                                 const std::vector<Diagnostic> &Diags) {
  json::Array A;
  for (const Diagnostic &D : Diags)
    A.push_back(toJSON(D));
  OS << formatv("{0:2}", json::Value(std::move(A))) << "\n";
  OS.flush();
}

} // namespace bk
