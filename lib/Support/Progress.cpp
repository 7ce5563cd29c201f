//===- Progress.cpp - Progress on a terminal ------------------------------===//

#include "bk/Support/Progress.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"

using namespace llvm;

namespace bk {

Progress::Progress(StringRef Label, uint64_t Total)
    : Label(Label.str()), Total(Total),
      OS(sys::Process::StandardErrIsDisplayed() ? &errs() : nullptr) {}

Progress::Progress(StringRef Label, uint64_t Total, raw_ostream &OS)
    : Label(Label.str()), Total(Total), OS(&OS) {}

Progress::~Progress() { finish(); }

std::string Progress::render(StringRef Label, uint64_t Done, uint64_t Total,
                             unsigned Width) {
  std::string S;
  raw_string_ostream RS(S);
  RS << Label;
  if (Total == 0) {
    RS << ' ' << Done;
    return RS.str();
  }
  if (Done > Total)
    Done = Total;
  unsigned Filled = unsigned(Done * Width / Total);
  RS << " [" << std::string(Filled, '#') << std::string(Width - Filled, ' ')
     << "] " << format("%3u%%", unsigned(Done * 100 / Total)) << " (" << Done
     << '/' << Total << ')';
  return RS.str();
}

void Progress::update(uint64_t Done) {
  Current = Done;
  if (!OS)
    return;
  auto Now = std::chrono::steady_clock::now();
  if (Drawn && Now - LastDraw < std::chrono::milliseconds(100) && Done != Total)
    return;
  LastDraw = Now;
  draw();
}

void Progress::draw() {
  std::string Line = render(Label, Current, Total);
  *OS << '\r' << Line;
  if (Line.size() < LastWidth)
    OS->indent(LastWidth - Line.size());
  LastWidth = Line.size();
  OS->flush();
  Drawn = true;
}

void Progress::finish() {
  if (!OS || !Drawn)
    return;
  *OS << '\r';
  OS->indent(LastWidth);
  *OS << '\r';
  OS->flush();
  Drawn = false;
}

} // namespace bk
