//===- IntervalLog.cpp - HdrHistogram interval logs -----------------------===//

#include "bk/Load/IntervalLog.h"
#include "bk/Support/Error.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"

#include <cassert>
#include <cmath>
#include <ctime>

using namespace llvm;

namespace bk {
namespace load {

static constexpr StringLiteral FormatVersionPrefix =
    "#[Histogram log format version ";
static constexpr StringLiteral StartTimePrefix = "#[StartTime: ";
static constexpr StringLiteral BaseTimePrefix = "#[BaseTime: ";
static constexpr StringLiteral Legend =
    "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\","
    "\"Interval_Compressed_Histogram\"";

double IntervalLog::baseTimeSeconds() const {
  if (BaseTime)
    return *BaseTime;
  if (Intervals.empty())
    return 0.0;
  double First = Intervals.front().Start;
  double Start = StartTime ? *StartTime : First;
  return First < Start - 365 * 24 * 3600.0 ? Start : 0.0;
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {
/// Reads one log, line by line.
class LogParser {
public:
  LogParser(StringRef FileName) : FileName(FileName) {}

  Expected<IntervalLog> parse(StringRef Text);

private:
  Error parseComment(StringRef Line);
  Error parseInterval(StringRef Line);
  /// A number field: Text within the current line.
  Error parseNumber(StringRef Text, StringRef What, double &Out);

  Error error(StringRef At, const Twine &Msg) {
    unsigned Col = static_cast<unsigned>(At.data() - CurLine.data()) + 1;
    return ErrorDiagnostic::get(Loc(FileName, LineNo, Col), Msg);
  }

  StringRef FileName;
  StringRef CurLine;
  unsigned LineNo = 0;
  IntervalLog Log;
};
} // namespace

Expected<IntervalLog> LogParser::parse(StringRef Text) {
  while (!Text.empty()) {
    StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    ++LineNo;
    CurLine = Line;
    StringRef Trimmed = Line.trim(" \t\r");
    if (Trimmed.empty() || Trimmed.startswith("\"StartTimestamp\""))
      continue;
    if (Error E = Trimmed.startswith("#") ? parseComment(Trimmed)
                                          : parseInterval(Trimmed))
      return E;
  }
  return std::move(Log);
}

Error LogParser::parseNumber(StringRef Text, StringRef What, double &Out) {
  if (Text.getAsDouble(Out) || !std::isfinite(Out))
    return error(Text, "invalid " + What + " '" + Text + "': not a number");
  return Error::success();
}

Error LogParser::parseComment(StringRef Line) {
  if (Line.startswith(FormatVersionPrefix)) {
    StringRef Rest = Line.drop_front(FormatVersionPrefix.size());
    Log.FormatVersion = Rest.take_until([](char C) { return C == ']'; }).str();
    return Error::success();
  }
  // The number after the prefix, up to a space or a comma (as
  // HistogramLogScanner reads it) or the closing bracket.
  auto TimeAfter = [&](StringRef Prefix, StringRef What,
                       Optional<double> &Out) -> Error {
    StringRef Number = Line.drop_front(Prefix.size()).take_until([](char C) {
      return C == ' ' || C == ',' || C == ']';
    });
    double Seconds;
    if (Error E = parseNumber(Number, What, Seconds))
      return E;
    Out = Seconds;
    return Error::success();
  };
  if (Line.startswith(StartTimePrefix))
    return TimeAfter(StartTimePrefix, "StartTime", Log.StartTime);
  if (Line.startswith(BaseTimePrefix))
    return TimeAfter(BaseTimePrefix, "BaseTime", Log.BaseTime);
  return Error::success(); // Any other comment.
}

Error LogParser::parseInterval(StringRef Line) {
  SmallVector<StringRef, 5> Fields;
  Line.split(Fields, ',');
  for (StringRef &F : Fields)
    F = F.trim(" \t\r");

  StringRef Tag;
  ArrayRef<StringRef> Rest = Fields;
  bool HasTag = Fields.front().startswith("Tag=");
  if (HasTag) {
    Tag = Fields.front().drop_front(4);
    Rest = Rest.drop_front();
  }
  if (Rest.size() != 4)
    return error(Line, "expected 4 fields (StartTimestamp, Interval_Length, "
                       "Interval_Max, Interval_Compressed_Histogram)" +
                           Twine(HasTag ? " after the tag" : "") + ", found " +
                           Twine(Rest.size()));

  double Start, Length, Max;
  if (Error E = parseNumber(Rest[0], "StartTimestamp", Start))
    return E;
  if (Error E = parseNumber(Rest[1], "Interval_Length", Length))
    return E;
  if (Error E = parseNumber(Rest[2], "Interval_Max", Max))
    return E;
  Expected<Histogram> H = Histogram::decodeCompressedBase64(Rest[3]);
  if (!H)
    return error(Rest[3], "invalid Interval_Compressed_Histogram: " +
                              toString(H.takeError()));
  Log.Intervals.push_back(
      IntervalLogEntry{Tag.str(), Start, Length, Max, std::move(*H)});
  return Error::success();
}

Expected<IntervalLog> readIntervalLog(StringRef Text, StringRef FileName) {
  return LogParser(FileName).parse(Text);
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

IntervalLogWriter::IntervalLogWriter(raw_ostream &OS, double MaxValueUnitRatio)
    : OS(OS), MaxValueUnitRatio(MaxValueUnitRatio) {
  assert(MaxValueUnitRatio > 0 && "the max column divides by the ratio");
}

void IntervalLogWriter::writeComment(StringRef Text) {
  SmallVector<StringRef, 4> Lines;
  Text.split(Lines, '\n');
  for (StringRef Line : Lines)
    OS << '#' << Line.rtrim('\r') << '\n';
}

void IntervalLogWriter::writeFormatVersion() {
  OS << FormatVersionPrefix << "1.3]\n";
}

void IntervalLogWriter::writeStartTime(int64_t EpochMillis) {
  // Java writes Date.toString() in the local time zone; UTC keeps the
  // output the same on every machine. Readers only use the number.
  std::time_t Seconds = static_cast<std::time_t>(
      std::floor(static_cast<double>(EpochMillis) / 1000.0));
  std::tm UTC = {};
  char Date[64] = "";
  if (gmtime_r(&Seconds, &UTC))
    std::strftime(Date, sizeof(Date), "%a %b %d %H:%M:%S UTC %Y", &UTC);
  OS << StartTimePrefix << format("%.3f", EpochMillis / 1000.0)
     << " (seconds since epoch), " << Date << "]\n";
}

void IntervalLogWriter::writeBaseTime(int64_t EpochMillis) {
  OS << BaseTimePrefix << format("%.3f", EpochMillis / 1000.0)
     << " (seconds since epoch)]\n";
}

void IntervalLogWriter::writeLegend() { OS << Legend << '\n'; }

void IntervalLogWriter::writeHeader(int64_t StartEpochMillis) {
  writeFormatVersion();
  writeStartTime(StartEpochMillis);
  writeLegend();
}

Error IntervalLogWriter::writeInterval(double StartSeconds,
                                       double LengthSeconds, const Histogram &H,
                                       StringRef Tag) {
  if (Tag.find_first_of(", \r\n") != StringRef::npos)
    return createStringError(inconvertibleErrorCode(),
                             "tag '" + Tag +
                                 "' holds a comma, a space or a line break");
  if (!Tag.empty())
    OS << "Tag=" << Tag << ',';
  OS << format("%.3f,%.3f,%.3f,", StartSeconds, LengthSeconds,
               static_cast<double>(H.max()) / MaxValueUnitRatio)
     << H.encodeCompressedBase64() << '\n';
  return Error::success();
}

} // namespace load
} // namespace bk
