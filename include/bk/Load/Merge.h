//===- bk/Load/Merge.h - Merging the runs of sharded workers ----*- C++ -*-===//
//
// `bk-load merge`: the JSON reports (or HdrHistogram interval logs) of the
// workers of one sharded run become one result, exactly: histograms are
// added bucket by bucket (percentiles are never averaged), counts summed,
// seconds aligned by wall-clock time; the expectations are then judged once.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LOAD_MERGE_H
#define BK_LOAD_MERGE_H

#include "bk/Load/Engine.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace bk {
namespace load {

/// A worker's run as its report tells it: the options it ran with (target,
/// method, connections, rate) and the result.
struct WorkerRun {
  LoadOptions Opts;
  LoadResult Result;
  /// Read from an interval log: latencies only, no status or error counts.
  bool LatencyOnly = false;
};

/// Reads a `bk-load --json` report. Errors name the file and what is wrong.
llvm::Expected<WorkerRun> readJSONReport(llvm::StringRef Text,
                                         llvm::StringRef FileName);

/// Reads an HdrHistogram interval log (`bk-load --hdr-log`, or any writer's
/// with microsecond values): the untagged intervals, their sum as the
/// latency histogram.
llvm::Expected<WorkerRun> readIntervalLogRun(llvm::StringRef Text,
                                             llvm::StringRef FileName);

/// Merges the runs: histograms added, counts and CPU summed, per-second
/// counts and intervals aligned on the earliest start (to the second), the
/// measured time the longest worker's, connections and rates summed.
llvm::Expected<WorkerRun> mergeRuns(llvm::ArrayRef<WorkerRun> Runs);

} // namespace load
} // namespace bk

#endif // BK_LOAD_MERGE_H
