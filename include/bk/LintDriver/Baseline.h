//===- bk/LintDriver/Baseline.h - Accepted findings -------------*- C++ -*-===//
//
// A baseline lets a team adopt bk-lint on an existing description: the
// findings of today are written to a file (--write-baseline), and later runs
// (--baseline) report only findings that are not in it. A finding is matched
// by rule, file and message, not by line, so editing the file elsewhere does
// not resurrect accepted findings; each entry has a count, so a second
// identical finding is new.
//
//   {"version": 1, "tool": "bk-lint",
//    "findings": [{"rule": "owasp-429-response", "file": "api.yaml",
//                  "message": "GET /pets does not document 429 ...",
//                  "count": 1}, ...]}
//
//===----------------------------------------------------------------------===//

#ifndef BK_LINTDRIVER_BASELINE_H
#define BK_LINTDRIVER_BASELINE_H

#include "bk/Support/Context.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace bk {
namespace lint {

class Baseline {
public:
  /// Reads a baseline file written by write(); errors are located.
  static llvm::Expected<Baseline> read(Context &Ctx, llvm::StringRef Path);

  /// Writes Findings as a baseline (sorted, deterministic).
  static void write(llvm::raw_ostream &OS, llvm::ArrayRef<Diagnostic> Findings);

  /// Removes from Findings those the baseline accepts (each entry as many
  /// times as its count); returns how many were removed.
  unsigned filter(std::vector<Diagnostic> &Findings) const;

  size_t size() const { return Counts.size(); }

private:
  using Key = std::tuple<std::string, std::string, std::string>;
  static Key keyOf(const Diagnostic &D);

  std::map<Key, unsigned> Counts;
};

/// The file name a finding is recorded under: its location's file without a
/// leading "./", with '/' separators.
std::string baselineFileName(llvm::StringRef File);

} // namespace lint
} // namespace bk

#endif // BK_LINTDRIVER_BASELINE_H
