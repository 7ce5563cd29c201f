//===- bk/Load/Report.h - bk-load's report and expectations -----*- C++ -*-===//
//
// What a run showed, as text or JSON, and the expectations CI sets on it
// (--expect-status, --expect-rate-limit, --max-p99, --max-error-rate), each
// judged with the numbers that decided it.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LOAD_REPORT_H
#define BK_LOAD_REPORT_H

#include "bk/Load/Compare.h"
#include "bk/Load/Engine.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace load {

struct Expectations {
  /// Every answer must have one of these statuses, and no request fail.
  std::vector<unsigned> Status;
  /// At least one 429 must come back.
  bool RateLimit = false;
  /// P99 (corrected) at most this many milliseconds.
  llvm::Optional<double> MaxP99Ms;
  /// Errors / (answers + errors) at most this fraction.
  llvm::Optional<double> MaxErrorRate;
};

struct Verdict {
  std::string Name; ///< "expect-status 200"
  bool Passed = false;
  std::string Detail; ///< the numbers: "3 of 500 answers were 404"
};

std::vector<Verdict> evaluate(const LoadResult &R, const Expectations &E);

/// The human report: the run, requests and throughput, status classes,
/// errors by kind, latency percentiles (corrected and uncorrected in the
/// open model), rate limiting, the generator's CPU, and the verdicts.
void printText(llvm::raw_ostream &OS, const LoadOptions &Opts,
               const LoadResult &R, llvm::ArrayRef<Verdict> Verdicts);

/// The same as one JSON object (latencies in microseconds).
void printJSON(llvm::raw_ostream &OS, const LoadOptions &Opts,
               const LoadResult &R, llvm::ArrayRef<Verdict> Verdicts);

/// What a comparison or a ramp keeps of one run.
struct RunNumbers {
  double Throughput = 0; ///< answers per second
  double P50Ms = 0, P99Ms = 0, MeanMs = 0;
  uint64_t Answers = 0, Errors = 0;
  static RunNumbers of(const LoadResult &R);
};

/// `--compare`: the rounds (A and B of each) and the verdicts.
void printCompareText(llvm::raw_ostream &OS, const LoadOptions &A,
                      const LoadOptions &B,
                      llvm::ArrayRef<std::pair<RunNumbers, RunNumbers>> Rounds);
void printCompareJSON(llvm::raw_ostream &OS, const LoadOptions &A,
                      const LoadOptions &B,
                      llvm::ArrayRef<std::pair<RunNumbers, RunNumbers>> Rounds);

/// `--ramp`: one line per concurrency step, the saturation point, and what
/// Little's law says TargetRate (when given) needs.
void printRampText(llvm::raw_ostream &OS, const LoadOptions &Opts,
                   llvm::ArrayRef<RampStep> Steps,
                   llvm::ArrayRef<RunNumbers> Numbers,
                   llvm::Optional<double> TargetRate);
void printRampJSON(llvm::raw_ostream &OS, const LoadOptions &Opts,
                   llvm::ArrayRef<RampStep> Steps,
                   llvm::ArrayRef<RunNumbers> Numbers,
                   llvm::Optional<double> TargetRate);

} // namespace load
} // namespace bk

#endif // BK_LOAD_REPORT_H
