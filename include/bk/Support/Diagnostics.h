//===- bk/Support/Diagnostics.h - Located diagnostics -----------*- C++ -*-===//
//
// The diagnostics engine every bk tool reports through. A diagnostic has a
// severity, a location (file:line:col), a message and an optional rule id;
// the engine keeps them, sorts and de-duplicates them, and prints them as
//
//   file:line:col: error: message [rule-id]
//   <source line>
//        ^
//
// (colour on a terminal) or as JSON. Locations are plain (file, line, col)
// triples so that IR read back from text can point at the file it was first
// read from; the caret line is shown when that file is loaded in the
// engine's SourceMgr.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_DIAGNOSTICS_H
#define BK_SUPPORT_DIAGNOSTICS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <string>
#include <vector>

namespace bk {

/// A source location. File points at storage interned by a Context (or a
/// string literal); Line and Col are 1-based, 0 when unknown.
struct Loc {
  llvm::StringRef File;
  unsigned Line = 0;
  unsigned Col = 0;

  Loc() = default;
  Loc(llvm::StringRef File, unsigned Line, unsigned Col)
      : File(File), Line(Line), Col(Col) {}

  bool isValid() const { return !File.empty(); }
  bool operator==(const Loc &O) const {
    return File == O.File && Line == O.Line && Col == O.Col;
  }
  bool operator!=(const Loc &O) const { return !(*this == O); }
  bool operator<(const Loc &O) const;
};

/// A copy of a file name that lives as long as the process (file names are
/// few). Diagnostics and located errors keep their file names here, so a Loc
/// built from a temporary path stays valid wherever the diagnostic travels.
llvm::StringRef internFileName(llvm::StringRef Name);

enum class Severity { Note, Remark, Warning, Error };

llvm::StringRef severityName(Severity S);
/// Parses "error", "warning", "note", "remark"; false when unknown.
bool parseSeverity(llvm::StringRef Name, Severity &Out);

struct Diagnostic {
  Severity Sev = Severity::Error;
  Loc Location;
  std::string Message;
  /// Rule or check id printed as " [id]"; empty for none.
  std::string ID;
  /// Notes attached to this diagnostic, printed right after it.
  std::vector<Diagnostic> Notes;
  /// A machine-applicable fix in the input's language (SQL for the Schema
  /// IR rules and database checks), and what undoes it; empty for none.
  /// Messages say the fix in words too; tools that apply fixes (bk-migrate
  /// --analyze --output) use these.
  std::string Fix;
  std::string Undo;

  Diagnostic() = default;
  Diagnostic(Severity Sev, Loc L, llvm::Twine Msg, llvm::StringRef ID = "")
      : Sev(Sev), Location(L), Message(Msg.str()), ID(ID.str()) {}

  Diagnostic &addNote(Loc L, const llvm::Twine &Msg) {
    Notes.emplace_back(Severity::Note, L, Msg);
    return *this;
  }
};

enum class DiagnosticFormat { Text, JSON };
enum class ColorMode { Auto, Always, Never };

/// Collects diagnostics and prints them in a stable order.
///
/// Diagnostics are buffered until flush() (or destruction), then sorted by
/// location (file, line, column; file order is the order files were
/// loaded), de-duplicated and printed. A handler installed with
/// setHandler() receives each diagnostic instead (used by
/// -verify-diagnostics).
class DiagnosticEngine {
public:
  explicit DiagnosticEngine(llvm::SourceMgr &SM) : SM(SM) {}
  DiagnosticEngine(const DiagnosticEngine &) = delete;
  DiagnosticEngine &operator=(const DiagnosticEngine &) = delete;
  ~DiagnosticEngine();

  llvm::SourceMgr &getSourceMgr() { return SM; }

  /// Reports D (build it first to attach notes with addNote()).
  void report(Diagnostic D);
  void error(Loc L, const llvm::Twine &Msg, llvm::StringRef ID = "");
  void warning(Loc L, const llvm::Twine &Msg, llvm::StringRef ID = "");
  void note(Loc L, const llvm::Twine &Msg, llvm::StringRef ID = "");

  /// Counts of diagnostics reported so far (including those already flushed).
  unsigned getNumErrors() const { return NumErrors; }
  unsigned getNumWarnings() const { return NumWarnings; }
  bool hasErrors() const { return NumErrors != 0; }

  /// Prints and forgets the buffered diagnostics.
  void flush();

  /// Takes the buffered diagnostics without printing them.
  std::vector<Diagnostic> take();

  using Handler = std::function<void(const Diagnostic &)>;
  void setHandler(Handler H) { TheHandler = std::move(H); }

  /// Sees every diagnostic first; one it returns true for is taken away
  /// (neither counted nor buffered nor passed to the handler). bk-lint takes
  /// the front end's checks this way and reports them as findings.
  using Filter = std::function<bool(const Diagnostic &)>;
  void setFilter(Filter F) { TheFilter = std::move(F); }

  void setOutput(llvm::raw_ostream &OS) { Out = &OS; }
  void setFormat(DiagnosticFormat F) { Format = F; }
  void setColor(ColorMode M);
  void setQuiet(bool Q) { Quiet = Q; }
  /// Masks Secret (a password) wherever it appears in later messages.
  void addSecret(llvm::StringRef Secret) { Secrets.push_back(Secret.str()); }
  /// Prefixes unlocated diagnostics ("bk-opt: error: ...").
  void setProgramName(llvm::StringRef Name) { ProgName = Name.str(); }
  /// Warnings are reported as errors (-Werror style).
  void setWarningsAsErrors(bool B) { WarningsAsErrors = B; }

  /// Prints one diagnostic in the text format (with caret when its file is
  /// loaded in the SourceMgr).
  void printText(llvm::raw_ostream &OS, const Diagnostic &D, bool UseColor);

  /// Converts a location to an SMLoc inside the loaded buffer for its file;
  /// an invalid SMLoc when the file is not loaded.
  llvm::SMLoc toSMLoc(const Loc &L) const;

private:
  void printJSON(llvm::raw_ostream &OS, const std::vector<Diagnostic> &Diags);
  unsigned fileRank(llvm::StringRef File) const;

  llvm::SourceMgr &SM;
  std::vector<Diagnostic> Pending;
  Handler TheHandler;
  Filter TheFilter;
  llvm::raw_ostream *Out = nullptr;
  DiagnosticFormat Format = DiagnosticFormat::Text;
  ColorMode Color = ColorMode::Auto;
  bool Quiet = false;
  std::string ProgName;
  std::vector<std::string> Secrets;
  bool WarningsAsErrors = false;
  unsigned NumErrors = 0;
  unsigned NumWarnings = 0;
};

} // namespace bk

#endif // BK_SUPPORT_DIAGNOSTICS_H
