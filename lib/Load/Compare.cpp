//===- Compare.cpp - A/B comparison and scaling advice --------------------===//

#include "bk/Load/Compare.h"

#include <algorithm>
#include <cmath>

using namespace llvm;

namespace bk {
namespace load {

/// P(X <= K) for X ~ Binomial(N, 1/2).
static double binomialCDF(unsigned K, unsigned N) {
  double P = 0, Term = std::pow(0.5, N); // C(N,0) / 2^N
  for (unsigned I = 0; I <= K && I <= N; ++I) {
    P += Term;
    Term = Term * (N - I) / (I + 1);
  }
  return P;
}

RatioSummary summarizeRatios(ArrayRef<double> Ratios) {
  RatioSummary S;
  if (Ratios.empty())
    return S;
  std::vector<double> R(Ratios.begin(), Ratios.end());
  std::sort(R.begin(), R.end());
  size_t N = R.size();
  S.Median = N % 2 ? R[N / 2] : (R[N / 2 - 1] + R[N / 2]) / 2;
  // [R(k), R(n-k+1)] (1-based) covers the median with probability
  // 1 - 2 P(X <= k-1), X ~ Binomial(n, 1/2). Take the largest k that still
  // reaches 95%, else k = 1 (min..max).
  unsigned K = 1;
  for (unsigned C = 1; C <= N / 2; ++C)
    if (1 - 2 * binomialCDF(C - 1, N) >= 0.95)
      K = C;
  S.Low = R[K - 1];
  S.High = R[N - K];
  S.Confidence = N >= 2 ? 1 - 2 * binomialCDF(K - 1, N) : 0;
  S.Significant = S.Confidence >= 0.9 && (S.Low > 1 || S.High < 1);
  return S;
}

Optional<unsigned> findSaturation(ArrayRef<RampStep> Steps) {
  for (size_t I = 1; I < Steps.size(); ++I) {
    const RampStep &A = Steps[I - 1], &B = Steps[I];
    if (A.Throughput <= 0 || A.P99Ms <= 0)
      continue;
    if (B.Throughput < A.Throughput * 1.10 && B.P99Ms > A.P99Ms * 1.25)
      return I - 1;
  }
  return None;
}

double littlesLawConcurrency(double TargetRate, double MeanLatencySeconds) {
  return TargetRate * MeanLatencySeconds;
}

} // namespace load
} // namespace bk
