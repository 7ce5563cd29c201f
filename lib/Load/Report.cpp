//===- Report.cpp - bk-load's report and expectations ---------------------===//

#include "bk/Load/Report.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

using namespace llvm;

namespace bk {
namespace load {

namespace {
const double Percentiles[] = {50, 90, 95, 99, 99.9};
const char *const PercentileNames[] = {"p50", "p90", "p95", "p99", "p99.9"};

std::string ms(int64_t Micros) {
  return formatv("{0:f2} ms", Micros / 1000.0).str();
}

std::string plural(uint64_t N, StringRef Word) {
  return (Twine(N) + " " + Word + (N == 1 ? "" : "s")).str();
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
    J.attribute("url", Opts.To.url());
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
