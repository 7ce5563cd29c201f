//===- bk/Support/Progress.h - Progress on a terminal -----------*- C++ -*-===//
//
// Long work (a 50 MB spec, a corpus, a live catalog) shows a one-line
// progress indicator on stderr when stderr is a terminal, and nothing at all
// otherwise (pipes, CI logs, lit tests).
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_PROGRESS_H
#define BK_SUPPORT_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace bk {

class Progress {
public:
  /// Total 0 means unknown: a counter without a bar. Enabled by default when
  /// stderr is a terminal; pass an explicit stream to force it (tests).
  Progress(llvm::StringRef Label, uint64_t Total);
  Progress(llvm::StringRef Label, uint64_t Total, llvm::raw_ostream &OS);
  ~Progress();

  bool isEnabled() const { return OS != nullptr; }
  /// Sets the amount done; redraws at most ten times a second.
  void update(uint64_t Done);
  void increment(uint64_t N = 1) { update(Current + N); }
  /// Clears the line.
  void finish();

  /// The text of the progress line for Done of Total (used by the drawer
  /// and by tests).
  static std::string render(llvm::StringRef Label, uint64_t Done,
                            uint64_t Total, unsigned Width = 30);

private:
  void draw();

  std::string Label;
  uint64_t Total;
  uint64_t Current = 0;
  llvm::raw_ostream *OS;
  std::chrono::steady_clock::time_point LastDraw;
  size_t LastWidth = 0;
  bool Drawn = false;
};

} // namespace bk

#endif // BK_SUPPORT_PROGRESS_H
