//===- bk-pgquery.cpp - PostgreSQL's own parser, for tests and benches ----===//
//
// A test utility, not a user tool (never installed): libpg_query, which is
// PostgreSQL 15's parser as a library (Debian's libpg-query-dev), seen the
// way utils/sql-pgquery-oracle.py compares it with bk's SQL front end and
// bench/sql-parse.py times it.
//
//   bk-pgquery split FILE
//     One line per statement, as pg_query_split_with_parser cuts the file
//     (pg_query_split_with_scanner when the parser cannot split it, said on
//     a first line starting with '#'):
//       BEGIN END ok NODE            pg_query_parse accepts the statement
//                                    alone; NODE is its parse tree's top
//                                    node (CreateStmt, IndexStmt, ...)
//       BEGIN END error POS MESSAGE  it rejects it; POS is the byte offset
//                                    of the error in the file
//     Offsets are bytes, normalised to bk's sql::Statement: BEGIN is the
//     first token (comments before it excluded), END is just past the ';',
//     or past the last token when there is none.
//
//   bk-pgquery bench FILE [--runs N]
//     Parses the whole file with pg_query_parse_protobuf N times; prints
//     each run's process CPU time and MB/s (10^6 bytes), then the median.
//
// Exit status: 0 done, 2 usage error, unreadable or unscannable input, or
// (bench) a file libpg_query rejects.
//
//===----------------------------------------------------------------------===//

#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <pg_query.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::opt<std::string> ModeName(cl::Positional, cl::Required,
                                     cl::desc("<split|bench>"), cl::cat(Cat));
static cl::opt<std::string> InputFilename(cl::Positional, cl::Required,
                                          cl::desc("<input .sql file>"),
                                          cl::cat(Cat));
static cl::opt<unsigned> Runs("runs", cl::desc("bench: how many parses"),
                              cl::value_desc("N"), cl::init(5), cl::cat(Cat));

namespace {

/// A token of PostgreSQL's scanner, as pg_query_scan reports it.
struct ScanToken {
  uint64_t Start = 0;
  uint64_t End = 0;
  uint64_t Kind = 0;
};

/// pg_query.proto's Token values for the two kinds of comment.
constexpr uint64_t SQLComment = 275, CComment = 276;

/// Reads the protobuf wire format, just enough for pg_query.proto's
/// ScanResult (libpg_query's protobuf-c headers need a package the
/// utility can do without).
class WireReader {
  const uint8_t *P;
  const uint8_t *E;

public:
  WireReader(const void *Data, size_t Len)
      : P(static_cast<const uint8_t *>(Data)), E(P + Len) {}

  bool atEnd() const { return P >= E; }

  bool varint(uint64_t &V) {
    V = 0;
    for (unsigned Shift = 0; Shift < 64 && P < E; Shift += 7) {
      uint8_t B = *P++;
      V |= uint64_t(B & 0x7F) << Shift;
      if (!(B & 0x80))
        return true;
    }
    return false;
  }

  /// The next field's number and wire type.
  bool key(uint64_t &Field, unsigned &WireType) {
    uint64_t K;
    if (!varint(K))
      return false;
    Field = K >> 3;
    WireType = K & 7;
    return true;
  }

  /// A length-delimited field's contents (wire type 2).
  bool bytes(WireReader &Sub) {
    uint64_t Len;
    if (!varint(Len) || Len > uint64_t(E - P))
      return false;
    Sub = WireReader(P, Len);
    P += Len;
    return true;
  }

  /// Skips a field of another number.
  bool skip(unsigned WireType) {
    uint64_t V;
    WireReader Sub(nullptr, 0);
    switch (WireType) {
    case 0:
      return varint(V);
    case 1:
      return advance(8);
    case 2:
      return bytes(Sub);
    case 5:
      return advance(4);
    default:
      return false;
    }
  }

private:
  bool advance(size_t N) {
    if (size_t(E - P) < N)
      return false;
    P += N;
    return true;
  }
};

} // namespace

/// Decodes a ScanResult: field 2 holds the tokens, each with start (1), end
/// (2) and token kind (4).
static bool decodeScanResult(const PgQueryProtobuf &PB,
                             std::vector<ScanToken> &Tokens) {
  WireReader R(PB.data, PB.len);
  while (!R.atEnd()) {
    uint64_t Field;
    unsigned WireType;
    if (!R.key(Field, WireType))
      return false;
    if (Field != 2 || WireType != 2) {
      if (!R.skip(WireType))
        return false;
      continue;
    }
    WireReader Sub(nullptr, 0);
    if (!R.bytes(Sub))
      return false;
    ScanToken T;
    while (!Sub.atEnd()) {
      uint64_t F;
      unsigned WT;
      if (!Sub.key(F, WT))
        return false;
      uint64_t *Into = F == 1   ? &T.Start
                       : F == 2 ? &T.End
                       : F == 4 ? &T.Kind
                                : nullptr;
      if (Into && WT == 0) {
        if (!Sub.varint(*Into))
          return false;
      } else if (!Sub.skip(WT)) {
        return false;
      }
    }
    Tokens.push_back(T);
  }
  return true;
}

/// The byte offset of 1-based character position CursorPos (as PostgreSQL
/// reports error positions) in the UTF-8 Text; 0 when there is none.
static size_t cursorToByte(StringRef Text, int CursorPos) {
  if (CursorPos <= 0)
    return 0;
  size_t Chars = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) == 0x80)
      continue;
    if (++Chars == size_t(CursorPos))
      return I;
  }
  return Text.size();
}

/// The top node of a parse tree in libpg_query's JSON:
/// {"version":...,"stmts":[{"stmt":{"CreateStmt":{...
static std::string topNodeType(StringRef JSON) {
  StringRef Prefix = "\"stmts\":[{\"stmt\":{\"";
  size_t At = JSON.find(Prefix);
  if (At == StringRef::npos)
    return "none";
  StringRef Rest = JSON.substr(At + Prefix.size());
  return Rest.take_until([](char C) { return C == '"'; }).str();
}

/// Where libpg_query's error position CursorPos points in Text, a buffer
/// of Ctx.
static Loc at(Context &Ctx, StringRef Text, int CursorPos) {
  return Ctx.getLoc(
      SMLoc::getFromPointer(Text.data() + cursorToByte(Text, CursorPos)));
}

/// A libpg_query message on one line and not too long: "at or near" quotes
/// the rest of the input after an unterminated string.
static std::string oneLine(StringRef Message) {
  std::string Out = Message.size() > 160 ? Message.take_front(157).str() + "..."
                                         : Message.str();
  std::replace(Out.begin(), Out.end(), '\n', ' ');
  return Out;
}

/// split: PostgreSQL's statements of Text, their offsets made bk's (the
/// scanner's tokens, comments skipped), each parsed alone.
static int runSplit(Context &Ctx, StringRef Text, raw_ostream &OS) {
  std::string Input = Text.str(); // NUL-terminated for libpg_query
  PgQueryScanResult Scan = pg_query_scan(Input.c_str());
  std::vector<ScanToken> Tokens;
  bool Decoded = !Scan.error && decodeScanResult(Scan.pbuf, Tokens);
  if (Scan.error)
    Ctx.getDiags().error(at(Ctx, Text, Scan.error->cursorpos),
                         "libpg_query: " + oneLine(Scan.error->message));
  else if (!Decoded)
    Ctx.getDiags().error(Loc(), "malformed pg_query_scan result");
  pg_query_free_scan_result(Scan);
  if (!Decoded)
    return failWithDiagnostics(Ctx.getDiags());

  PgQuerySplitResult Split = pg_query_split_with_parser(Input.c_str());
  if (Split.error) {
    OS << "# parser split failed at byte "
       << cursorToByte(Text, Split.error->cursorpos) << ": "
       << oneLine(Split.error->message) << "; split by the scanner\n";
    pg_query_free_split_result(Split);
    Split = pg_query_split_with_scanner(Input.c_str());
    if (Split.error) {
      Ctx.getDiags().error(at(Ctx, Text, Split.error->cursorpos),
                           "libpg_query: " + oneLine(Split.error->message));
      pg_query_free_split_result(Split);
      return failWithDiagnostics(Ctx.getDiags());
    }
  }

  size_t Tok = 0;
  for (int I = 0; I < Split.n_stmts; ++I) {
    size_t Location = Split.stmts[I]->stmt_location;
    size_t Len = Split.stmts[I]->stmt_len;
    // stmt_len 0 is "to the end of the input" (a last statement without
    // ';'); the range starts just after the previous ';'.
    size_t RangeEnd = Len ? Location + Len : Text.size();
    while (Tok < Tokens.size() &&
           (Tokens[Tok].Start < Location || Tokens[Tok].Kind == SQLComment ||
            Tokens[Tok].Kind == CComment))
      ++Tok;
    size_t Begin = Tok < Tokens.size() ? Tokens[Tok].Start : Location;
    size_t End = Begin;
    for (; Tok < Tokens.size() && Tokens[Tok].Start < RangeEnd; ++Tok)
      if (Tokens[Tok].Kind != SQLComment && Tokens[Tok].Kind != CComment)
        End = Tokens[Tok].End;
    if (Len && RangeEnd < Text.size() && Text[RangeEnd] == ';')
      End = RangeEnd + 1;

    std::string Stmt = Text.slice(Location, RangeEnd).str();
    PgQueryParseResult Parse = pg_query_parse(Stmt.c_str());
    OS << Begin << ' ' << End << ' ';
    if (Parse.error)
      OS << "error " << Location + cursorToByte(Stmt, Parse.error->cursorpos)
         << ' ' << oneLine(Parse.error->message) << '\n';
    else
      OS << "ok " << topNodeType(Parse.parse_tree) << '\n';
    pg_query_free_parse_result(Parse);
  }
  pg_query_free_split_result(Split);
  return ExitSuccess;
}

static double processCPUSeconds() {
  timespec TS;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &TS);
  return double(TS.tv_sec) + double(TS.tv_nsec) / 1e9;
}

/// Prints each run, then the median; nothing when libpg_query rejects the
/// input.
static int runBench(Context &Ctx, StringRef Text, raw_ostream &OS) {
  std::string Input = Text.str();
  std::vector<double> Seconds;
  for (unsigned Run = 1; Run <= Runs; ++Run) {
    double Before = processCPUSeconds();
    PgQueryProtobufParseResult R = pg_query_parse_protobuf(Input.c_str());
    double CPU = processCPUSeconds() - Before;
    if (R.error) {
      Ctx.getDiags().error(at(Ctx, Text, R.error->cursorpos),
                           "libpg_query: " + oneLine(R.error->message));
      pg_query_free_protobuf_parse_result(R);
      return failWithDiagnostics(Ctx.getDiags());
    }
    pg_query_free_protobuf_parse_result(R);
    Seconds.push_back(CPU);
  }

  double MB = double(Text.size()) / 1e6;
  auto Line = [&](double CPU) {
    OS << format("%.6f", CPU) << " CPU-s, " << format("%.2f", MB / CPU)
       << " MB/s\n";
  };
  OS << "bk-pgquery bench: " << InputFilename << ", " << Text.size()
     << " bytes, " << Runs << " runs of pg_query_parse_protobuf\n";
  for (size_t I = 0; I < Seconds.size(); ++I) {
    OS << "run " << I + 1 << ": ";
    Line(Seconds[I]);
  }
  llvm::sort(Seconds);
  size_t N = Seconds.size();
  OS << "median: ";
  Line(N % 2 ? Seconds[N / 2] : (Seconds[N / 2 - 1] + Seconds[N / 2]) / 2);
  return ExitSuccess;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-pgquery: libpg_query (PostgreSQL's parser) as bk's "
                   "test oracle and benchmark peer\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-pgquery");
  bool Split = ModeName == "split";
  if (!Split && ModeName != "bench")
    return usageError(Ctx.getDiags(), "unknown mode '" + ModeName +
                                          "': expected split or bench");
  if (Split && Runs.getNumOccurrences())
    return usageError(Ctx.getDiags(), "--runs is for bench only");
  if (Runs == 0)
    return usageError(Ctx.getDiags(), "--runs must be at least 1");

  Expected<unsigned> BufferID = Ctx.loadFile(InputFilename);
  if (!BufferID) {
    reportError(Ctx.getDiags(), BufferID.takeError());
    return failWithDiagnostics(Ctx.getDiags());
  }
  StringRef Text = Ctx.getSourceMgr().getMemoryBuffer(*BufferID)->getBuffer();
  if (Text.contains('\0')) {
    Ctx.getDiags().error(Ctx.getBufferStartLoc(*BufferID),
                         "input contains a NUL byte");
    return failWithDiagnostics(Ctx.getDiags());
  }
  int Status =
      Split ? runSplit(Ctx, Text, outs()) : runBench(Ctx, Text, outs());
  pg_query_exit();
  return Status;
}
