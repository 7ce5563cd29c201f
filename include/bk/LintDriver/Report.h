//===- bk/LintDriver/Report.h - Findings as text, JSON and SARIF -*- C++ -*-=//
//
// The three output formats of bk-lint. All are deterministic: findings come
// sorted (lint::sortFindings) and no timestamps are written.
//
//  - text: one `file:line:col: warning: message [rule]` per finding with its
//    caret line and notes, then a summary line;
//  - JSON: {"version": 1, "tool": "bk-lint", "files": [...],
//    "findings": [{"rule", "severity", "file", "line", "column", "message",
//    "notes": [...]}], "summary": {"errors", "warnings", "notes",
//    "suppressed"}};
//  - SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run,
//    the enabled rules as reportingDescriptors, one result per finding.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINTDRIVER_REPORT_H
#define BK_LINTDRIVER_REPORT_H

#include "bk/LintDriver/Linter.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace bk {
namespace lint {

enum class ReportFormat { Text, JSON, SARIF };

struct ReportInfo {
  /// The inputs, as named on the command line.
  llvm::ArrayRef<std::string> Files;
  /// Findings the baseline accepted (not in the list).
  unsigned Suppressed = 0;
  const RuleConfig *Config = nullptr;
  /// Names the tool in the text summary and in JSON.
  llvm::StringRef ToolName = "bk-lint";
};

void writeTextReport(llvm::raw_ostream &OS, DiagnosticEngine &Diags,
                     llvm::ArrayRef<Diagnostic> Findings, const ReportInfo &R,
                     bool UseColor);
void writeJSONReport(llvm::raw_ostream &OS, llvm::ArrayRef<Diagnostic> Findings,
                     const ReportInfo &R);
void writeSARIFReport(llvm::raw_ostream &OS,
                      llvm::ArrayRef<Diagnostic> Findings, const ReportInfo &R);

} // namespace lint
} // namespace bk

#endif // BK_LINTDRIVER_REPORT_H
