//===- bk/Load/Engine.h - bk-load's HTTP load generator ---------*- C++ -*-===//
//
// N keep-alive HTTP/1.1 connections over T threads (one io_context each),
// closed model (each connection sends its next request when the previous
// answer arrives) or open model (a constant arrival rate, latency measured
// from each request's intended send time so that coordinated omission
// cannot hide a stall, as wrk2 does). Latencies go to HDR histograms in
// microseconds, one per thread, merged at the end.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LOAD_ENGINE_H
#define BK_LOAD_ENGINE_H

#include "bk/Load/Histogram.h"
#include "bk/Load/Target.h"

#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bk {
namespace load {

/// Why a request got no answer.
enum class ErrorKind {
  Connect,     ///< TCP connect failed (refused, unreachable)
  TLS,         ///< TLS handshake failed (verification included)
  Timeout,     ///< no complete answer within the timeout
  Reset,       ///< the server closed or reset the connection mid-request
  BadResponse, ///< what came back is not HTTP/1.1
};
inline constexpr unsigned NumErrorKinds = 5;
llvm::StringRef errorKindName(ErrorKind K);

/// The shortest decimal form of a number an option gave ("10", "0.2").
std::string formatNumber(double V);

struct LoadOptions {
  Target To;
  std::string Method = "GET";
  /// Extra headers, in order ("Name", "value").
  std::vector<std::pair<std::string, std::string>> Headers;
  std::string Body;
  unsigned Connections = 10;
  unsigned Threads = 1;
  /// Measured time (after the warm-up); ignored when Requests is set.
  double DurationSeconds = 10;
  /// Stop after this many measured answers or errors (0: run for the
  /// duration).
  uint64_t Requests = 0;
  /// Open model: requests per second over all connections (0: closed).
  double Rate = 0;
  /// Open model: shift of the whole schedule (a shard's place among the
  /// workers of a sharded run, so that their requests interleave).
  double ScheduleOffsetSeconds = 0;
  double WarmupSeconds = 0;
  double TimeoutSeconds = 10;
  bool Insecure = false;
  /// PEM file of trusted CAs (default: the system's).
  std::string CAFile;
  /// Called about once a second from a thread of the engine with the
  /// answers so far and the seconds elapsed (for progress on a TTY).
  std::function<void(uint64_t Answers, double Seconds)> OnProgress;
  /// Keep one latency histogram per second of the run (LoadResult::
  /// Intervals, for an HdrHistogram interval log).
  bool KeepIntervals = false;
  /// Keep every latency sample (LoadResult::Samples; memory grows with the
  /// run: for tests and debugging).
  bool KeepSamples = false;
  /// Wall-clock time to start at (milliseconds since the epoch; 0: now),
  /// so that the workers of a sharded run start together.
  int64_t StartAtEpochMillis = 0;
};

/// One second of the run: the latency histogram (corrected) of the answers
/// completed in it, compressed (Histogram::encodeCompressed) so that memory
/// stays small whatever the run length.
struct LoadInterval {
  /// Seconds since the start of the measured run.
  double Start = 0;
  double Length = 1;
  std::vector<uint8_t> Compressed;
};

/// Evidence of rate limiting: the first 429 and the headers that came with
/// it.
struct RateLimitEvidence {
  uint64_t Count = 0;
  /// Seconds into the measured run and the throughput of that second.
  double FirstAtSeconds = -1;
  /// Retry-After and RateLimit-* / X-RateLimit-* headers of the first 429.
  std::vector<std::pair<std::string, std::string>> Headers;
};

struct LoadResult {
  /// Latency in microseconds: Corrected from the intended send time (open
  /// model) or the moment the connection started the request (closed
  /// model: a reconnection included), Uncorrected from the moment the
  /// request was written. Values above an hour are kept as an hour.
  Histogram Corrected{1, 3600000000LL, 3};
  Histogram Uncorrected{1, 3600000000LL, 3};
  /// Uncorrected latency of 429 answers and of the others.
  Histogram Rejected{1, 3600000000LL, 3};
  Histogram Accepted{1, 3600000000LL, 3};
  uint64_t Answers = 0;
  /// Answers by status code.
  std::map<unsigned, uint64_t> ByStatus;
  std::array<uint64_t, NumErrorKinds> Errors{};
  /// The first message seen for each error kind.
  std::array<std::string, NumErrorKinds> FirstError;
  uint64_t BytesRead = 0;
  /// Answers completed in each second of the measured run.
  std::vector<uint64_t> PerSecond;
  RateLimitEvidence RateLimit;
  double Seconds = 0;
  /// CPU time the generator used (user + system) during the run.
  double CPUSeconds = 0;
  unsigned Threads = 0;
  /// The generator's peak resident memory (VmHWM; 0 where unknown).
  uint64_t PeakRSSBytes = 0;
  /// When the measured run started (milliseconds since the epoch).
  int64_t StartEpochMillis = 0;
  /// With LoadOptions::KeepIntervals.
  std::vector<LoadInterval> Intervals;
  /// With LoadOptions::KeepSamples: every measured latency (corrected, µs).
  std::vector<int64_t> Samples;

  uint64_t errors() const;
  /// Adds O's histograms (exactly), answers, statuses, errors, bytes,
  /// samples, per-second counts and rate-limit evidence; O started
  /// OffsetSeconds after this run (its seconds shift by that, rounded).
  /// Time, CPU, threads and intervals are left to the caller.
  llvm::Error add(const LoadResult &O, double OffsetSeconds = 0);
  /// Answers by class: 1xx..5xx at [1]..[5], anything else at [0].
  std::array<uint64_t, 6> statusClasses() const;
};

/// Adds H into Slot, a compressed histogram (empty: none yet), through
/// Scratch (any histogram of the engine's layout): how the seconds of
/// threads and of workers are summed without keeping a full histogram (188
/// KB) per second.
llvm::Error addIntoCompressed(std::vector<uint8_t> &Slot, const Histogram &H,
                              Histogram &Scratch);

/// Runs the load. Fails before sending anything (exit 2 material) when the
/// host does not resolve, or nothing accepts a connection (or completes a
/// TLS handshake) at the start; errors during the run are counted.
llvm::Expected<LoadResult> runLoad(const LoadOptions &Opts);

} // namespace load
} // namespace bk

#endif // BK_LOAD_ENGINE_H
