//===- Report.cpp - Findings as text, JSON and SARIF ----------------------===//

#include "bk/LintDriver/Report.h"
#include "bk/Support/Text.h"

#include "bk/LintDriver/Baseline.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace bk {
namespace lint {

namespace {
struct Counts {
  unsigned Errors = 0, Warnings = 0, Notes = 0;

  explicit Counts(ArrayRef<Diagnostic> Findings) {
    for (const Diagnostic &D : Findings) {
      if (D.Sev == Severity::Error)
        ++Errors;
      else if (D.Sev == Severity::Warning)
        ++Warnings;
      else
        ++Notes;
    }
  }
};
} // namespace

void writeTextReport(raw_ostream &OS, DiagnosticEngine &Diags,
                     ArrayRef<Diagnostic> Findings, const ReportInfo &R,
                     bool UseColor) {
  for (const Diagnostic &D : Findings)
    Diags.printText(OS, D, UseColor);
  if (Findings.empty() && !R.Suppressed)
    return;
  Counts C(Findings);
  SmallVector<std::string, 3> Parts;
  if (C.Errors)
    Parts.push_back(plural(C.Errors, "error"));
  if (C.Warnings)
    Parts.push_back(plural(C.Warnings, "warning"));
  if (C.Notes)
    Parts.push_back(plural(C.Notes, "note"));
  OS << R.ToolName << ": ";
  if (Parts.empty())
    OS << "no new findings";
  else
    OS << join(Parts, ", ");
  OS << " in " << plural(R.Files.size(), "file");
  if (R.Suppressed)
    OS << " (" << R.Suppressed << " accepted by the baseline)";
  OS << "\n";
}

static void writeNotes(json::OStream &J, const Diagnostic &D) {
  J.attributeArray("notes", [&] {
    for (const Diagnostic &N : D.Notes)
      J.object([&] {
        J.attribute("file", N.Location.File);
        J.attribute("line", N.Location.Line);
        J.attribute("column", N.Location.Col);
        J.attribute("message", N.Message);
      });
  });
}

void writeJSONReport(raw_ostream &OS, ArrayRef<Diagnostic> Findings,
                     const ReportInfo &R) {
  Counts C(Findings);
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attribute("tool", R.ToolName);
    J.attributeArray("files", [&] {
      for (const std::string &F : R.Files)
        J.value(F);
    });
    J.attributeArray("findings", [&] {
      for (const Diagnostic &D : Findings)
        J.object([&] {
          J.attribute("rule", D.ID);
          J.attribute("severity", severityName(D.Sev));
          J.attribute("file", D.Location.File);
          J.attribute("line", D.Location.Line);
          J.attribute("column", D.Location.Col);
          J.attribute("message", D.Message);
          if (!D.Fix.empty())
            J.attribute("fix", D.Fix);
          if (!D.Undo.empty())
            J.attribute("undo", D.Undo);
          if (!D.Notes.empty())
            writeNotes(J, D);
        });
    });
    J.attributeObject("summary", [&] {
      J.attribute("errors", C.Errors);
      J.attribute("warnings", C.Warnings);
      J.attribute("notes", C.Notes);
      J.attribute("suppressed", R.Suppressed);
    });
  });
  OS << "\n";
}

static StringRef sarifLevel(Severity S) {
  switch (S) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}

/// A relative URI reference for a file path: '/' separators, and the bytes
/// RFC 3986 does not allow in a path percent-encoded.
static std::string fileURI(StringRef Path) {
  std::string P = baselineFileName(Path);
  std::string Out;
  for (unsigned char C : P) {
    if (isAlnum(C) || StringRef("-._~/!$&'()*+,;=:@").contains(C))
      Out += C;
    else {
      Out += '%';
      Out += hexdigit(C >> 4, false);
      Out += hexdigit(C & 15, false);
    }
  }
  return Out;
}

/// The "physicalLocation" member of a SARIF location object.
static void writePhysicalLocation(json::OStream &J, const Loc &L) {
  J.attributeObject("physicalLocation", [&] {
    J.attributeObject("artifactLocation",
                      [&] { J.attribute("uri", fileURI(L.File)); });
    if (L.Line)
      J.attributeObject("region", [&] {
        J.attribute("startLine", L.Line);
        if (L.Col)
          J.attribute("startColumn", L.Col);
      });
  });
}

void writeSARIFReport(raw_ostream &OS, ArrayRef<Diagnostic> Findings,
                      const ReportInfo &R) {
  // The rules listed: the enabled ones, plus any a finding names (so every
  // ruleIndex is valid even for findings of a rule turned off later).
  std::vector<const RuleState *> Listed;
  DenseMap<StringRef, unsigned> Index;
  if (R.Config)
    for (const RuleState &S : R.Config->rules())
      if (S.Enabled) {
        Index[S.getID()] = Listed.size();
        Listed.push_back(&S);
      }

  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", "bk-lint");
            J.attribute("semanticVersion", getVersionString());
            J.attributeArray("rules", [&] {
              for (const RuleState *S : Listed)
                J.object([&] {
                  J.attribute("id", S->getID());
                  J.attributeObject("shortDescription", [&] {
                    J.attribute("text", S->Info->Description);
                  });
                  J.attributeObject("help", [&] {
                    J.attribute("text", "docs/rules/" + S->getID().str() +
                                            ".md in the bk sources");
                  });
                  J.attributeObject("defaultConfiguration", [&] {
                    J.attribute("level", sarifLevel(S->Sev));
                  });
                  if (S->getID().startswith("owasp-"))
                    J.attributeObject("properties", [&] {
                      J.attributeArray("tags", [&] {
                        J.value("security");
                        J.value("owasp-api-top-10-2023");
                      });
                    });
                });
            });
          });
        });
        J.attributeArray("artifacts", [&] {
          for (const std::string &F : R.Files)
            J.object([&] {
              J.attributeObject("location",
                                [&] { J.attribute("uri", fileURI(F)); });
            });
        });
        J.attributeArray("results", [&] {
          for (const Diagnostic &D : Findings)
            J.object([&] {
              J.attribute("ruleId", D.ID);
              auto It = Index.find(D.ID);
              if (It != Index.end())
                J.attribute("ruleIndex", It->second);
              J.attribute("level", sarifLevel(D.Sev));
              J.attributeObject("message",
                                [&] { J.attribute("text", D.Message); });
              J.attributeArray("locations", [&] {
                J.object([&] { writePhysicalLocation(J, D.Location); });
              });
              if (!D.Notes.empty())
                J.attributeArray("relatedLocations", [&] {
                  unsigned Id = 0;
                  for (const Diagnostic &N : D.Notes)
                    J.object([&] {
                      J.attribute("id", Id++);
                      J.attributeObject(
                          "message", [&] { J.attribute("text", N.Message); });
                      writePhysicalLocation(J, N.Location);
                    });
                });
              // Stable across line moves: what the baseline matches on.
              J.attributeObject("partialFingerprints", [&] {
                std::string Key = D.ID + "\x1f" +
                                  baselineFileName(D.Location.File) + "\x1f" +
                                  D.Message;
                J.attribute("bkFinding/v1", utohexstr(xxHash64(Key)));
              });
            });
        });
      });
    });
  });
  OS << "\n";
}

} // namespace lint
} // namespace bk
