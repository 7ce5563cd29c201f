//===- bk/Load/IntervalLog.h - HdrHistogram interval logs -------*- C++ -*-===//
//
// HdrHistogram's histogram log, format version 1.3 (HistogramLogWriter and
// HistogramLogReader): one compressed histogram per time interval, so that
// any time range of a run can be rebuilt by adding intervals. HdrHistogram's
// HistogramLogProcessor, HdrHistogramJS and HdrHistogram_c read what the
// writer writes; the reader reads what they write.
//
//   #[Histogram log format version 1.3]
//   #[StartTime: 1441753532.570 (seconds since epoch), <date>]
//   "StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
//   0.126,1.007,1.933,HISTFAAAAEB42pNp...
//   Tag=GET,1.133,1.000,0.377,HISTFAAAADx42pNp...
//
// Timestamps and lengths are in seconds. Interval_Max is the interval's
// maximum divided by a unit ratio: bk-load records microseconds and writes
// milliseconds (ratio 1000); HdrHistogram's default, for nanoseconds, is 1e6.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LOAD_INTERVALLOG_H
#define BK_LOAD_INTERVALLOG_H

#include "bk/Load/Histogram.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bk {
namespace load {

/// One interval line.
struct IntervalLogEntry {
  /// The Tag=... field; empty when the line has none.
  std::string Tag;
  /// StartTimestamp and Interval_Length, in seconds, as written.
  double Start;
  double Length;
  /// Interval_Max as written (the maximum divided by the writer's ratio).
  double Max;
  Histogram Hist;
};

/// A whole log.
struct IntervalLog {
  /// From "#[Histogram log format version X]"; empty when absent.
  std::string FormatVersion;
  /// From "#[StartTime: S ...]" and "#[BaseTime: S ...]", seconds since the
  /// epoch.
  llvm::Optional<double> StartTime;
  llvm::Optional<double> BaseTime;
  std::vector<IntervalLogEntry> Intervals;

  /// What to add to an interval's Start to get seconds since the epoch, as
  /// HistogramLogReader decides it: the BaseTime when given; otherwise the
  /// StartTime (or first timestamp) when the first timestamp is more than a
  /// year before it (relative timestamps), else 0 (absolute timestamps).
  double baseTimeSeconds() const;
};

/// Reads a log. The first malformed line fails the read with an
/// ErrorDiagnostic located at FileName:line:column (the offending field).
llvm::Expected<IntervalLog> readIntervalLog(llvm::StringRef Text,
                                            llvm::StringRef FileName);

/// Writes a log line by line; lines are written in the order of the calls.
class IntervalLogWriter {
public:
  /// \param MaxValueUnitRatio what the Interval_Max column divides the
  ///        maximum by (> 0): 1000 for microseconds written as milliseconds.
  explicit IntervalLogWriter(llvm::raw_ostream &OS,
                             double MaxValueUnitRatio = 1000.0);

  /// "#" and Text, one line per line of Text.
  void writeComment(llvm::StringRef Text);
  /// "#[Histogram log format version 1.3]".
  void writeFormatVersion();
  /// "#[StartTime: 1441753532.570 (seconds since epoch), <UTC date>]".
  void writeStartTime(int64_t EpochMillis);
  /// "#[BaseTime: 1441753532.570 (seconds since epoch)]".
  void writeBaseTime(int64_t EpochMillis);
  /// The CSV legend line.
  void writeLegend();
  /// The format version, the start time and the legend.
  void writeHeader(int64_t StartEpochMillis);

  /// "[Tag=T,]start,length,max,base64" with "%.3f" numbers. Fails, writing
  /// nothing, when Tag holds a comma, a space or a line break.
  llvm::Error writeInterval(double StartSeconds, double LengthSeconds,
                            const Histogram &H, llvm::StringRef Tag = "");

private:
  llvm::raw_ostream &OS;
  double MaxValueUnitRatio;
};

} // namespace load
} // namespace bk

#endif // BK_LOAD_INTERVALLOG_H
