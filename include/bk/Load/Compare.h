//===- bk/Load/Compare.h - A/B comparison and scaling advice ----*- C++ -*-===//
//
// `bk-load URL_A URL_B --compare`: alternating rounds against two targets,
// per-round ratios B/A, their median with a distribution-free confidence
// interval, and a verdict only when the interval excludes 1. And the
// scaling advice of `--ramp`: where throughput stops growing while latency
// climbs, and what Little's law says a target rate needs.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LOAD_COMPARE_H
#define BK_LOAD_COMPARE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"

#include <string>
#include <vector>

namespace bk {
namespace load {

/// The median of per-round ratios and a confidence interval for it.
struct RatioSummary {
  double Median = 0;
  /// The interval [Low, High] between two order statistics of the ratios
  /// (the binomial, sign-test interval for a median: no assumption about
  /// the distribution), and the probability it covers the true median.
  double Low = 0, High = 0, Confidence = 0;
  /// The interval excludes 1 at Confidence >= MinConfidence.
  bool Significant = false;
};

/// Summarises per-round ratios. The interval is the narrowest symmetric
/// pair of order statistics whose coverage is at least 95%, or, with too
/// few rounds for that (fewer than 6), the widest one (min..max), with its
/// lower coverage stated; a difference is called significant only at 90%
/// or more.
RatioSummary summarizeRatios(llvm::ArrayRef<double> Ratios);

/// One step of a concurrency ramp.
struct RampStep {
  unsigned Connections = 0;
  double Throughput = 0; ///< answers per second
  double P50Ms = 0, P99Ms = 0;
};

/// Where the ramp saturates: the first step after which throughput grows by
/// less than 10% while P99 latency grows by more than 25% (None when
/// throughput kept growing).
llvm::Optional<unsigned> findSaturation(llvm::ArrayRef<RampStep> Steps);

/// Little's law: the requests in flight (connections, in a closed model)
/// that TargetRate per second needs at MeanLatencySeconds each.
double littlesLawConcurrency(double TargetRate, double MeanLatencySeconds);

} // namespace load
} // namespace bk

#endif // BK_LOAD_COMPARE_H
