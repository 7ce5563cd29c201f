//===- Report.cpp - bk-load's report and expectations ---------------------===//

#include "bk/Load/Report.h"
#include "bk/Support/Text.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <cmath>

using namespace llvm;

namespace bk {
namespace load {

namespace {
const double Percentiles[] = {50, 90, 95, 99, 99.9};
const char *const PercentileNames[] = {"p50", "p90", "p95", "p99", "p99.9"};

std::string ms(int64_t Micros) {
  return formatv("{0:f2} ms", Micros / 1000.0).str();
}

double errorRate(const LoadResult &R) {
  uint64_t All = R.Answers + R.errors();
  return All ? double(R.errors()) / All : 0;
}
} // namespace

std::vector<Verdict> evaluate(const LoadResult &R, const Expectations &E) {
  std::vector<Verdict> V;
  if (!E.Status.empty()) {
    Verdict X;
    X.Name = "expect-status";
    for (unsigned S : E.Status)
      X.Name += " " + utostr(S);
    uint64_t Other = 0;
    std::string Which;
    for (const auto &S : R.ByStatus)
      if (!is_contained(E.Status, S.first)) {
        Other += S.second;
        Which += (Which.empty() ? "" : ", ") + utostr(S.first) + ": " +
                 utostr(S.second);
      }
    uint64_t Errors = R.errors();
    X.Passed = !Other && !Errors && R.Answers;
    if (!R.Answers && !Errors)
      X.Detail = "no answers";
    else if (X.Passed)
      X.Detail = "all " + plural(R.Answers, "answer") + " matched";
    else {
      X.Detail = utostr(Other) + " of " + plural(R.Answers, "answer") +
                 " had another status";
      if (Other)
        X.Detail += " (" + Which + ")";
      if (Errors)
        X.Detail += ", " + plural(Errors, "request") + " failed";
    }
    V.push_back(std::move(X));
  }
  if (E.RateLimit) {
    Verdict X;
    X.Name = "expect-rate-limit";
    X.Passed = R.RateLimit.Count > 0;
    X.Detail = X.Passed ? utostr(R.RateLimit.Count) + " of " +
                              plural(R.Answers, "answer") + " were 429"
                        : "no 429 in " + plural(R.Answers, "answer");
    V.push_back(std::move(X));
  }
  if (E.MaxP99Ms) {
    Verdict X;
    X.Name = "max-p99 " + formatNumber(*E.MaxP99Ms) + " ms";
    int64_t P99 = R.Corrected.valueAtPercentile(99);
    X.Passed = R.Answers && P99 <= *E.MaxP99Ms * 1000;
    X.Detail = R.Answers ? "p99 " + ms(P99) : "no answers";
    V.push_back(std::move(X));
  }
  if (E.MaxErrorRate) {
    Verdict X;
    X.Name = "max-error-rate " + formatNumber(*E.MaxErrorRate);
    double Rate = errorRate(R);
    X.Passed = Rate <= *E.MaxErrorRate;
    X.Detail = formatv("error rate {0:f4} ({1} of {2} requests)", Rate,
                       R.errors(), R.Answers + R.errors())
                   .str();
    V.push_back(std::move(X));
  }
  return V;
}

static void printLatency(raw_ostream &OS, StringRef Label, const Histogram &H) {
  OS << "  " << left_justify(Label, 13);
  if (!H.totalCount()) {
    OS << "none\n";
    return;
  }
  for (unsigned I = 0; I < std::size(Percentiles); ++I)
    OS << PercentileNames[I] << " " << ms(H.valueAtPercentile(Percentiles[I]))
       << "  ";
  OS << "max " << ms(H.max()) << "\n";
}

void printText(raw_ostream &OS, const LoadOptions &Opts, const LoadResult &R,
               ArrayRef<Verdict> Verdicts) {
  if (Opts.To.Host.empty()) // merged from interval logs alone
    OS << "bk-load: latency from interval logs (no status or error counts)\n";
  else
    OS << "bk-load: " << Opts.Method << " " << Opts.To.url() << "\n";
  OS << "  ";
  if (Opts.Connections)
    OS << plural(Opts.Connections, "connection") << ", "
       << plural(R.Threads, "thread") << ", ";
  if (Opts.Rate > 0)
    OS << "open model at " << formatNumber(Opts.Rate) << " requests/s";
  else
    OS << "closed model";
  OS << formatv(", {0:f2} s measured", R.Seconds);
  if (Opts.WarmupSeconds > 0)
    OS << " after " << formatNumber(Opts.WarmupSeconds) << " s warm-up";
  OS << "\n\n";

  double PerSec = R.Seconds > 0 ? R.Answers / R.Seconds : 0;
  OS << "  requests     " << plural(R.Answers, "answer") << ", "
     << plural(R.errors(), "error") << formatv(", {0:f1} answers/s", PerSec)
     << formatv(", {0:f1} MB read", R.BytesRead / 1e6) << "\n";
  std::array<uint64_t, 6> C = R.statusClasses();
  OS << "  status      ";
  for (unsigned I = 1; I <= 5; ++I)
    if (C[I])
      OS << " " << I << "xx " << C[I];
  if (C[0])
    OS << " other " << C[0];
  if (R.ByStatus.empty())
    OS << (Opts.To.Host.empty() ? " (not in interval logs)" : " none");
  OS << "\n";
  if (R.errors()) {
    OS << "  errors      ";
    for (unsigned K = 0; K < NumErrorKinds; ++K)
      if (R.Errors[K])
        OS << " " << errorKindName(ErrorKind(K)) << " " << R.Errors[K] << " ("
           << R.FirstError[K] << ")";
    OS << "\n";
  }
  printLatency(OS, "latency", R.Corrected);
  if (Opts.Rate > 0) {
    printLatency(OS, "uncorrected", R.Uncorrected);
    OS << "               (latency counts from each request's intended send "
          "time; uncorrected from the actual one)\n";
  }
  if (R.RateLimit.Count) {
    OS << "  rate limit   " << R.RateLimit.Count << " × 429, the first "
       << formatv("{0:f2} s", R.RateLimit.FirstAtSeconds) << " into the run";
    size_t Second = static_cast<size_t>(R.RateLimit.FirstAtSeconds);
    if (Second >= 1 && Second - 1 < R.PerSecond.size())
      OS << " (" << R.PerSecond[Second - 1] << " answers in the second before)";
    OS << "\n";
    for (const auto &H : R.RateLimit.Headers)
      OS << "               " << H.first << ": " << H.second << "\n";
    printLatency(OS, "  accepted", R.Accepted);
    printLatency(OS, "  rejected", R.Rejected);
  }
  if (R.Threads) {
    OS << formatv("  generator    {0:f2} CPU-s", R.CPUSeconds);
    double Busy = R.Seconds > 0 ? R.CPUSeconds / (R.Seconds * R.Threads) : 0;
    OS << formatv(" ({0:f0}% of {1})", Busy * 100, plural(R.Threads, "thread"));
    if (R.PeakRSSBytes)
      OS << formatv(", peak RSS {0:f1} MB", R.PeakRSSBytes / 1048576.0);
    if (Busy > 0.9)
      OS << "\n  warning: the load generator itself was busy over 90% of its "
            "threads' time; the numbers may be its limits, not the server's "
            "(add --threads or another machine)";
    OS << "\n";
  }
  if (!Verdicts.empty()) {
    OS << "\n";
    for (const Verdict &V : Verdicts)
      OS << "  " << (V.Passed ? "pass" : "FAIL") << "  " << V.Name << ": "
         << V.Detail << "\n";
  }
}

static void latencyJSON(json::OStream &J, StringRef Key, const Histogram &H) {
  J.attributeObject(Key, [&] {
    J.attribute("count", H.totalCount());
    // The histogram itself (HdrHistogram's compressed V2 form, base64), so
    // that the reports of sharded workers merge exactly (bk-load merge).
    J.attribute("histogram", H.encodeCompressedBase64());
    if (!H.totalCount())
      return;
    J.attribute("min", H.min());
    J.attribute("mean", H.mean());
    J.attribute("stddev", H.stddev());
    for (unsigned I = 0; I < std::size(Percentiles); ++I)
      J.attribute(PercentileNames[I], H.valueAtPercentile(Percentiles[I]));
    J.attribute("max", H.max());
  });
}

void printJSON(raw_ostream &OS, const LoadOptions &Opts, const LoadResult &R,
               ArrayRef<Verdict> Verdicts) {
  json::OStream J(OS, 2);
  J.object([&] {
    // A run merged from interval logs has no target and no counts.
    if (Opts.To.Host.empty()) {
      J.attribute("url", nullptr);
      J.attribute("latency_only", true);
    } else {
      J.attribute("url", Opts.To.url());
    }
    J.attribute("method", Opts.Method);
    J.attribute("start_epoch_ms", R.StartEpochMillis);
    J.attribute("connections", Opts.Connections);
    J.attribute("threads", R.Threads);
    J.attribute("model", Opts.Rate > 0 ? "open" : "closed");
    if (Opts.Rate > 0)
      J.attribute("rate", Opts.Rate);
    J.attribute("seconds", R.Seconds);
    J.attribute("answers", R.Answers);
    J.attribute("answers_per_second",
                R.Seconds > 0 ? R.Answers / R.Seconds : 0);
    J.attribute("bytes_read", R.BytesRead);
    J.attributeObject("status", [&] {
      for (const auto &S : R.ByStatus)
        J.attribute(utostr(S.first), S.second);
    });
    J.attributeObject("errors", [&] {
      for (unsigned K = 0; K < NumErrorKinds; ++K)
        J.attribute(errorKindName(ErrorKind(K)), R.Errors[K]);
    });
    J.attributeObject("first_errors", [&] {
      for (unsigned K = 0; K < NumErrorKinds; ++K)
        if (R.Errors[K])
          J.attribute(errorKindName(ErrorKind(K)), R.FirstError[K]);
    });
    J.attribute("latency_unit", "us");
    latencyJSON(J, "latency", R.Corrected);
    latencyJSON(J, "latency_uncorrected", R.Uncorrected);
    J.attributeArray("per_second", [&] {
      for (uint64_t N : R.PerSecond)
        J.value(N);
    });
    J.attributeObject("rate_limit", [&] {
      J.attribute("count", R.RateLimit.Count);
      if (!R.RateLimit.Count)
        return;
      J.attribute("first_at_seconds", R.RateLimit.FirstAtSeconds);
      J.attributeObject("headers", [&] {
        for (const auto &H : R.RateLimit.Headers)
          J.attribute(H.first, H.second);
      });
      latencyJSON(J, "accepted", R.Accepted);
      latencyJSON(J, "rejected", R.Rejected);
    });
    J.attribute("cpu_seconds", R.CPUSeconds);
    J.attribute("peak_rss_bytes", R.PeakRSSBytes);
    if (!R.Intervals.empty())
      J.attributeArray("intervals", [&] {
        for (const LoadInterval &I : R.Intervals)
          J.object([&] {
            J.attribute("start", I.Start);
            J.attribute("length", I.Length);
            J.attribute("histogram", encodeBase64(I.Compressed));
          });
      });
    J.attributeArray("expectations", [&] {
      for (const Verdict &V : Verdicts)
        J.object([&] {
          J.attribute("name", V.Name);
          J.attribute("passed", V.Passed);
          J.attribute("detail", V.Detail);
        });
    });
  });
  OS << "\n";
}

} // namespace load
} // namespace bk

namespace bk {
namespace load {

RunNumbers RunNumbers::of(const LoadResult &R) {
  RunNumbers N;
  N.Throughput = R.Seconds > 0 ? R.Answers / R.Seconds : 0;
  N.P50Ms = R.Corrected.valueAtPercentile(50) / 1000.0;
  N.P99Ms = R.Corrected.valueAtPercentile(99) / 1000.0;
  N.MeanMs = R.Corrected.totalCount() ? R.Corrected.mean() / 1000.0 : 0;
  N.Answers = R.Answers;
  N.Errors = R.errors();
  return N;
}

namespace {
/// One compared metric: per-round ratios B/A and the verdict.
struct Metric {
  const char *Name;
  bool HigherIsBetter;
  RatioSummary S;
};

std::vector<Metric>
compareMetrics(ArrayRef<std::pair<RunNumbers, RunNumbers>> Rounds) {
  // Only rounds where both sides answered: a side without answers has no
  // latency, and a ratio with it means nothing.
  std::vector<double> T, P50, P99;
  for (const auto &R : Rounds) {
    if (!R.first.Answers || !R.second.Answers)
      continue;
    if (R.first.Throughput > 0)
      T.push_back(R.second.Throughput / R.first.Throughput);
    if (R.first.P50Ms > 0 && R.second.P50Ms > 0)
      P50.push_back(R.second.P50Ms / R.first.P50Ms);
    if (R.first.P99Ms > 0 && R.second.P99Ms > 0)
      P99.push_back(R.second.P99Ms / R.first.P99Ms);
  }
  return {{"throughput", true, summarizeRatios(T)},
          {"p50 latency", false, summarizeRatios(P50)},
          {"p99 latency", false, summarizeRatios(P99)}};
}

/// Rounds in which either side had errors or no answers: the comparison is
/// then of failures, not of speed, and no verdict is given.
unsigned troubledRounds(ArrayRef<std::pair<RunNumbers, RunNumbers>> Rounds) {
  unsigned N = 0;
  for (const auto &R : Rounds)
    N += R.first.Errors || R.second.Errors || !R.first.Answers ||
         !R.second.Answers;
  return N;
}

std::string verdict(const Metric &M, unsigned Troubled) {
  if (Troubled)
    return "no verdict: " + plural(Troubled, "round") +
           " had errors or no answers";
  if (!M.S.Significant || M.S.Median <= 0)
    return "no significant difference";
  bool BHigher = M.S.Low > 1;
  bool BBetter = BHigher == M.HigherIsBetter;
  // 12.5% higher, or 3.20x lower when the difference is a factor.
  double Factor = BHigher ? M.S.Median : 1 / M.S.Median;
  std::string By =
      Factor >= 2 ? formatv("{0:f2}x", Factor).str()
                  : formatv("{0:f1}%", std::fabs(M.S.Median - 1) * 100).str();
  return formatv("B is {0} ({1} {2})", BBetter ? "better" : "worse", By,
                 BHigher ? "higher" : "lower")
      .str();
}
} // namespace

void printCompareText(raw_ostream &OS, const LoadOptions &A,
                      const LoadOptions &B,
                      ArrayRef<std::pair<RunNumbers, RunNumbers>> Rounds) {
  OS << "bk-load: compare\n  A: " << A.Method << " " << A.To.url()
     << "\n  B: " << B.Method << " " << B.To.url() << "\n  "
     << plural(Rounds.size(), "round") << " (A then B, then B then A, "
     << "alternating), " << plural(A.Connections, "connection") << ", ";
  if (A.Rate > 0)
    OS << "open model at " << formatNumber(A.Rate) << " requests/s";
  else
    OS << "closed model";
  OS << "\n\n  round     A ans/s     B ans/s   B/A    A p50 ms   B p50 ms   "
        "B/A    A p99 ms   B p99 ms   B/A\n";
  unsigned I = 0;
  for (const auto &R : Rounds) {
    const RunNumbers &X = R.first, &Y = R.second;
    auto Ratio = [](double B, double A) { return A > 0 ? B / A : 0; };
    OS << formatv("  {0,5}  {1,10:f1}  {2,10:f1}  {3,5:f3}  {4,9:f2}  "
                  "{5,9:f2}  {6,5:f3}  {7,9:f2}  {8,9:f2}  {9,5:f3}\n",
                  ++I, X.Throughput, Y.Throughput,
                  Ratio(Y.Throughput, X.Throughput), X.P50Ms, Y.P50Ms,
                  Ratio(Y.P50Ms, X.P50Ms), X.P99Ms, Y.P99Ms,
                  Ratio(Y.P99Ms, X.P99Ms));
    if (X.Errors || Y.Errors)
      OS << "         errors: A " << X.Errors << ", B " << Y.Errors << "\n";
  }
  OS << "\n";
  unsigned Troubled = troubledRounds(Rounds);
  for (const Metric &M : compareMetrics(Rounds))
    OS << formatv("  {0,-12} median B/A {1:f3} ({2:f1}% CI {3:f3}-{4:f3}): "
                  "{5}\n",
                  M.Name, M.S.Median, M.S.Confidence * 100, M.S.Low, M.S.High,
                  verdict(M, Troubled));
}

void printCompareJSON(raw_ostream &OS, const LoadOptions &A,
                      const LoadOptions &B,
                      ArrayRef<std::pair<RunNumbers, RunNumbers>> Rounds) {
  json::OStream J(OS, 2);
  auto Run = [&](const RunNumbers &N) {
    J.object([&] {
      J.attribute("answers_per_second", N.Throughput);
      J.attribute("p50_ms", N.P50Ms);
      J.attribute("p99_ms", N.P99Ms);
      J.attribute("answers", N.Answers);
      J.attribute("errors", N.Errors);
    });
  };
  J.object([&] {
    J.attribute("a", A.To.url());
    J.attribute("b", B.To.url());
    J.attributeArray("rounds", [&] {
      for (const auto &R : Rounds)
        J.object([&] {
          J.attributeBegin("a");
          Run(R.first);
          J.attributeEnd();
          J.attributeBegin("b");
          Run(R.second);
          J.attributeEnd();
        });
    });
    J.attributeObject("ratios", [&] {
      for (const Metric &M : compareMetrics(Rounds))
        J.attributeObject(M.Name, [&] {
          J.attribute("median", M.S.Median);
          J.attribute("low", M.S.Low);
          J.attribute("high", M.S.High);
          J.attribute("confidence", M.S.Confidence);
          unsigned Troubled = troubledRounds(Rounds);
          J.attribute("significant", M.S.Significant && !Troubled);
          J.attribute("verdict", verdict(M, Troubled));
        });
    });
  });
  OS << "\n";
}

namespace {
/// The step whose throughput was highest up to the saturation point.
size_t bestStep(ArrayRef<RampStep> Steps, Optional<unsigned> Sat) {
  size_t Best = 0, End = Sat ? *Sat + 1 : Steps.size();
  for (size_t I = 0; I < End; ++I)
    if (Steps[I].Throughput > Steps[Best].Throughput)
      Best = I;
  return Best;
}
} // namespace

void printRampText(raw_ostream &OS, const LoadOptions &Opts,
                   ArrayRef<RampStep> Steps, ArrayRef<RunNumbers> Numbers,
                   Optional<double> TargetRate) {
  OS << "bk-load: " << Opts.Method << " " << Opts.To.url()
     << "\n  concurrency ramp, closed model, "
     << formatNumber(Opts.DurationSeconds) << " s per step\n\n"
     << "  connections     ans/s   p50 ms   p99 ms  errors\n";
  for (size_t I = 0; I < Steps.size(); ++I)
    OS << formatv("  {0,11}  {1,8:f1}  {2,7:f2}  {3,7:f2}  {4,6}\n",
                  Steps[I].Connections, Steps[I].Throughput, Steps[I].P50Ms,
                  Steps[I].P99Ms, Numbers[I].Errors);
  OS << "\n";
  if (Steps.empty())
    return;
  Optional<unsigned> Sat = findSaturation(Steps);
  const RampStep &Last = Steps.back();
  if (Sat) {
    const RampStep &S = Steps[*Sat];
    OS << formatv("  saturation: throughput flattens at {0} ({1:f1} "
                  "answers/s); beyond it P99 climbs ({2:f2} ms at {3}, "
                  "{4:f2} ms at {5}): more clients only queue. Look at "
                  "what the server waits on there (CPU, connection pool, "
                  "database).\n",
                  plural(S.Connections, "connection"), S.Throughput, S.P99Ms,
                  S.Connections, Last.P99Ms, Last.Connections);
  } else {
    OS << formatv("  no saturation up to {0}: throughput still grew "
                  "({1:f1} answers/s at the last step); ramp higher to find "
                  "the limit.\n",
                  plural(Last.Connections, "connection"), Last.Throughput);
  }
  if (TargetRate) {
    size_t B = bestStep(Steps, Sat);
    double Mean = Numbers[B].MeanMs / 1000;
    double Need = littlesLawConcurrency(*TargetRate, Mean);
    OS << formatv("  Little's law: {0} answers/s at the mean latency of "
                  "{1:f2} ms (at {2}) needs about {3:f0} requests in flight "
                  "(connections, in a closed model)",
                  formatNumber(*TargetRate), Mean * 1000,
                  plural(Steps[B].Connections, "connection"), std::ceil(Need));
    if (*TargetRate > Steps[B].Throughput * 1.05)
      OS << formatv("; but the highest throughput measured was {0:f1} "
                    "answers/s: the target needs more server capacity, not "
                    "more clients",
                    Steps[B].Throughput);
    OS << ".\n";
  }
}

void printRampJSON(raw_ostream &OS, const LoadOptions &Opts,
                   ArrayRef<RampStep> Steps, ArrayRef<RunNumbers> Numbers,
                   Optional<double> TargetRate) {
  Optional<unsigned> Sat = findSaturation(Steps);
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("url", Opts.To.url());
    J.attributeArray("steps", [&] {
      for (size_t I = 0; I < Steps.size(); ++I)
        J.object([&] {
          J.attribute("connections", Steps[I].Connections);
          J.attribute("answers_per_second", Steps[I].Throughput);
          J.attribute("p50_ms", Steps[I].P50Ms);
          J.attribute("p99_ms", Steps[I].P99Ms);
          J.attribute("mean_ms", Numbers[I].MeanMs);
          J.attribute("errors", Numbers[I].Errors);
        });
    });
    if (Sat)
      J.attribute("saturation_connections", Steps[*Sat].Connections);
    else
      J.attribute("saturation_connections", nullptr);
    if (TargetRate && !Steps.empty()) {
      size_t B = bestStep(Steps, Sat);
      J.attribute("target_rate", *TargetRate);
      J.attribute("littles_law_concurrency",
                  std::ceil(littlesLawConcurrency(*TargetRate,
                                                  Numbers[B].MeanMs / 1000)));
    }
  });
  OS << "\n";
}

} // namespace load
} // namespace bk
