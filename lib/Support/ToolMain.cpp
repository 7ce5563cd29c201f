//===- ToolMain.cpp - What every bk driver shares -------------------------===//

#include "bk/Support/ToolMain.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <vector>

#include <cstdint>
#include <cstdlib>
#if defined(BK_HAVE_MIMALLOC)
#include <mimalloc.h>
#elif defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

using namespace llvm;

namespace bk {

cl::OptionCategory &getToolCategory() {
  static cl::OptionCategory Category("bk options");
  return Category;
}

// --color is LLVM's own option (WithColor.cpp registers it as a boolean),
// so bk's spelling --color=auto|always|never is read here, before LLVM parses
// the command line.
static ColorMode ColorOpt = ColorMode::Auto;

static cl::opt<bool> QuietOpt("quiet",
                              cl::desc("Print errors only, no warnings, notes "
                                       "or progress"),
                              cl::cat(getToolCategory()));
static cl::alias QuietAlias("q", cl::desc("Alias for --quiet"),
                            cl::aliasopt(QuietOpt), cl::NotHidden,
                            cl::cat(getToolCategory()));

static const char *ToolNameForErrors = "bk";

static void fatalErrorHandler(void *, const char *Reason, bool) {
  // Exit 2, not LLVM's 1: 1 means "findings" to bk's callers.
  errs() << ToolNameForErrors << ": error: " << Reason << "\n";
  errs().flush();
  sys::Process::Exit(ExitError, /*NoCleanup=*/true);
}

StringRef getVersionString() { return BK_VERSION_STRING; }

ColorMode getColorOption() { return ColorOpt; }

bool getQuietOption() { return QuietOpt; }

static void printVersion(raw_ostream &OS) {
  OS << ToolNameForErrors << " (bk) " << BK_VERSION_STRING << "\n";
}

/// Takes --color[=| ]auto|always|never out of Args into ColorOpt.
static bool extractColorOption(std::vector<const char *> &Args) {
  for (size_t I = 1; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--")
      break;
    if (!A.consume_front("--") && !A.consume_front("-"))
      continue;
    if (!A.consume_front("color"))
      continue;
    StringRef Value;
    size_t Consumed = 1;
    if (A.consume_front("=")) {
      Value = A;
    } else if (!A.empty()) {
      continue; // some other option starting with "color"
    } else if (I + 1 < Args.size() && StringRef(Args[I + 1]) != "" &&
               StringRef(Args[I + 1])[0] != '-') {
      Value = Args[I + 1];
      Consumed = 2;
    } else {
      Value = "always";
    }
    if (Value == "auto")
      ColorOpt = ColorMode::Auto;
    else if (Value == "always")
      ColorOpt = ColorMode::Always;
    else if (Value == "never")
      ColorOpt = ColorMode::Never;
    else {
      errs() << ToolNameForErrors << ": for the --color option: invalid value '"
             << Value << "' (expected auto, always or never)\n";
      return false;
    }
    Args.erase(Args.begin() + I, Args.begin() + I + Consumed);
    --I;
  }
  return true;
}

/// LLVM owns --version (print the version). A tool that writes versioned
/// files (bk-diff --output-dir) takes `--version V` / `--version=V` for its
/// migration-version option instead: a --version with a value is rewritten
/// to --migration-version=V; a bare --version still prints the version.
static void rewriteVersionValue(std::vector<const char *> &Args) {
  static std::vector<std::string> Storage;
  Storage.reserve(Args.size());
  for (size_t I = 1; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--")
      break;
    StringRef Value;
    bool Joined = A.consume_front("--version=") || A.consume_front("-version=");
    if (Joined) {
      Value = A;
    } else if ((A == "--version" || A == "-version") && I + 1 < Args.size() &&
               !StringRef(Args[I + 1]).startswith("-")) {
      Value = Args[I + 1];
      Args.erase(Args.begin() + I + 1);
    } else {
      continue;
    }
    Storage.push_back(("--migration-version=" + Value).str());
    Args[I] = Storage.back().c_str();
  }
}

#if defined(BK_HAVE_MIMALLOC) && defined(__linux__)
// mimalloc reads its options when it initialises, before main and before any
// constructor of ours; an executable's preinit functions run earlier still,
// once every library is relocated. From there, have it back its memory with
// 2 MiB pages (transparent huge pages where the kernel allows), as
// MIMALLOC_LARGE_OS_PAGES=1 would: on a virtual machine each 4 KiB page
// fault is an exit to the hypervisor, and the SQL front end touched ~11,000
// pages on a 5 MB schema without them, ~700 with. No allocation happens here.
static void configureAllocator(int, char **, char **) {
  mi_option_set(mi_option_large_os_pages, 1);
}
using PreinitFunction = void (*)(int, char **, char **);
__attribute__((section(".preinit_array"),
               used)) static PreinitFunction ConfigureAllocator =
    configureAllocator;
#endif

void prepareHeapForLargeInputs() {
#if defined(BK_HAVE_MIMALLOC)
  // mimalloc is the allocator, configured before main (above).
#elif defined(__linux__) && defined(__GLIBC__)
  // Grow and keep the heap in large steps (and keep big blocks on it rather
  // than in mmap'ed chunks of their own), reserve 256 MiB of address space
  // up front, and ask for huge pages over it: what glibc's
  // glibc.malloc.hugetlb=1 tunable does, which a program cannot set for
  // itself once started. The reservation is address space, not memory.
  constexpr size_t Reserve = size_t(256) << 20;
  constexpr uintptr_t Huge = uintptr_t(2) << 20;
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, int(Reserve + (64 << 20)));
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  // Blocks under the mmap threshold come from the heap; freeing them
  // leaves the heap this large (the trim threshold is above it).
  char *Start = static_cast<char *>(sbrk(0));
  void *Blocks[8] = {};
  for (void *&B : Blocks)
    B = std::malloc(Reserve / 8 - 4096);
  char *End = static_cast<char *>(sbrk(0));
  for (void *B : Blocks)
    std::free(B);
  if (Start == reinterpret_cast<char *>(-1) || End <= Start)
    return;
  uintptr_t From =
      (reinterpret_cast<uintptr_t>(Start) + Huge - 1) & ~(Huge - 1);
  uintptr_t To = reinterpret_cast<uintptr_t>(End) & ~(Huge - 1);
  if (To > From)
    (void)madvise(reinterpret_cast<void *>(From), To - From, MADV_HUGEPAGE);
#endif
}

void parseCommandLine(int Argc, const char *const *Argv, StringRef Overview) {
  prepareHeapForLargeInputs();
  static std::string Name = sys::path::filename(Argv[0]).str();
  ToolNameForErrors = Name.c_str();
  install_fatal_error_handler(fatalErrorHandler, nullptr);
  StringMap<cl::Option *> &Opts = cl::getRegisteredOptions();
  auto Color = Opts.find("color");
  if (Color != Opts.end()) {
    Color->second->setDescription(
        "Colour diagnostics: --color=auto|always|never (default auto: when "
        "stderr is a terminal)");
    Color->second->Categories.assign(1, &getToolCategory());
  }
  cl::HideUnrelatedOptions(getToolCategory());
  cl::SetVersionPrinter(printVersion);
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Opts.count("migration-version"))
    rewriteVersionValue(Args);
  if (!extractColorOption(Args) ||
      !cl::ParseCommandLineOptions(int(Args.size()), Args.data(), Overview,
                                   &errs()))
    std::exit(ExitError);
}

void configureDiagnostics(Context &Ctx, StringRef ToolName) {
  DiagnosticEngine &Diags = Ctx.getDiags();
  Diags.setProgramName(ToolName);
  Diags.setColor(ColorOpt);
  Diags.setQuiet(QuietOpt);
}

int failWithDiagnostics(DiagnosticEngine &Diags) {
  Diags.flush();
  return ExitError;
}

int usageError(DiagnosticEngine &Diags, const Twine &Msg) {
  Diags.error(Loc(), Msg);
  return failWithDiagnostics(Diags);
}

ExitOnError makeExitOnErr(StringRef ToolName) {
  ExitOnError E((ToolName + ": error: ").str());
  E.setExitCodeMapper([](const Error &) { return int(ExitError); });
  return E;
}

/// A separator line: optional comment leader, then at least five dashes.
static bool isSplitMarker(StringRef Line) {
  Line = Line.trim();
  for (StringRef Leader : {"//", "--", "#"})
    if (Line.consume_front(Leader))
      break;
  Line = Line.trim();
  return Line.size() >= 5 && Line.find_first_not_of('-') == StringRef::npos;
}

bool processSplitInput(Context &Ctx, unsigned BufferID, bool Split,
                       function_ref<bool(unsigned)> Fn) {
  if (!Split)
    return Fn(BufferID);
  const MemoryBuffer *Buf = Ctx.getSourceMgr().getMemoryBuffer(BufferID);
  StringRef Text = Buf->getBuffer();
  StringRef Name = Buf->getBufferIdentifier();
  bool OK = true;
  unsigned LinesBefore = 0, ChunkLines = 0;
  size_t ChunkBegin = 0, Pos = 0;
  auto RunChunk = [&](size_t End) {
    std::string Chunk(LinesBefore, '\n');
    Chunk += Text.slice(ChunkBegin, End).str();
    unsigned ID = Ctx.addBuffer(MemoryBuffer::getMemBufferCopy(Chunk, Name));
    OK &= Fn(ID);
    Ctx.getDiags().flush();
  };
  while (Pos < Text.size()) {
    size_t EOL = Text.find('\n', Pos);
    size_t Next = EOL == StringRef::npos ? Text.size() : EOL + 1;
    StringRef Line =
        Text.slice(Pos, EOL == StringRef::npos ? Text.size() : EOL);
    ++ChunkLines;
    if (isSplitMarker(Line)) {
      RunChunk(Pos);
      LinesBefore += ChunkLines;
      ChunkLines = 0;
      ChunkBegin = Next;
    }
    Pos = Next;
  }
  RunChunk(Text.size());
  return OK;
}

} // namespace bk
