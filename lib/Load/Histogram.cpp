//===- Histogram.cpp - HDR histogram --------------------------------------===//
//
// The layout, index math and statistics follow HdrHistogram's
// AbstractHistogram (Java) and hdr_histogram.c line for line in meaning, so
// that a value lands in the same counter and a percentile is the same value.
//
//===----------------------------------------------------------------------===//

#include "bk/Load/Histogram.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

using namespace llvm;

namespace bk {
namespace load {

static Error configError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

/// log2 of the lowest discernible value, computed in floating point and
/// truncated exactly as HdrHistogram does (Java and C), so that the layout is
/// theirs for every input: for values just below a large power of two the
/// rounding of log() can give one more than the exact floor(log2).
static int unitMagnitudeFor(int64_t LowestDiscernibleValue) {
  return static_cast<int>(
      std::log(static_cast<double>(LowestDiscernibleValue)) / std::log(2.0));
}

/// log2 of the sub-bucket count: the smallest power of two >= 2 * 10^Digits,
/// so that values up to 2 * 10^Digits keep unit resolution.
static int subBucketCountMagnitudeFor(int SignificantDigits) {
  uint64_t LargestWithUnitResolution = 2;
  for (int I = 0; I < SignificantDigits; ++I)
    LargestWithUnitResolution *= 10;
  return static_cast<int>(Log2_64_Ceil(LargestWithUnitResolution));
}

Error Histogram::checkConfig(int64_t LowestDiscernibleValue,
                             int64_t HighestTrackableValue,
                             int SignificantDigits) {
  if (LowestDiscernibleValue < 1)
    return configError("lowest discernible value " +
                       Twine(LowestDiscernibleValue) + " is not at least 1");
  if (SignificantDigits < 1 || SignificantDigits > 5)
    return configError("significant digits " + Twine(SignificantDigits) +
                       " is not between 1 and 5");
  if (LowestDiscernibleValue > std::numeric_limits<int64_t>::max() / 2 ||
      HighestTrackableValue < 2 * LowestDiscernibleValue)
    return configError("highest trackable value " +
                       Twine(HighestTrackableValue) +
                       " is not at least twice the lowest discernible value " +
                       Twine(LowestDiscernibleValue));
  // Sub-bucket values, scaled by the unit, must fit in a positive int64.
  if (unitMagnitudeFor(LowestDiscernibleValue) +
          subBucketCountMagnitudeFor(SignificantDigits) >
      62)
    return configError("lowest discernible value " +
                       Twine(LowestDiscernibleValue) + " is too large for " +
                       Twine(SignificantDigits) + " significant digits");
  return Error::success();
}

Histogram::Histogram(int64_t LowestDiscernibleValue,
                     int64_t HighestTrackableValue, int SignificantDigits)
    : LowestDiscernible(LowestDiscernibleValue),
      HighestTrackable(HighestTrackableValue), Digits(SignificantDigits) {
  if (Error E = checkConfig(LowestDiscernibleValue, HighestTrackableValue,
                            SignificantDigits))
    report_fatal_error(Twine("invalid histogram configuration: ") +
                       toString(std::move(E)));

  UnitMagnitude = unitMagnitudeFor(LowestDiscernibleValue);
  int SubBucketCountMagnitude = subBucketCountMagnitudeFor(SignificantDigits);
  SubBucketHalfCountMagnitude = SubBucketCountMagnitude - 1;
  SubBucketCount = 1 << SubBucketCountMagnitude;
  SubBucketHalfCount = SubBucketCount / 2;
  SubBucketMask = static_cast<int64_t>(SubBucketCount - 1) << UnitMagnitude;
  LeadingZeroCountBase = 64 - UnitMagnitude - SubBucketCountMagnitude;

  // Bucket k covers values below SubBucketCount << (UnitMagnitude + k); the
  // last bucket may reach past INT64_MAX.
  int64_t SmallestUntrackable = static_cast<int64_t>(SubBucketCount)
                                << UnitMagnitude;
  BucketCount = 1;
  while (SmallestUntrackable <= HighestTrackableValue) {
    if (SmallestUntrackable > std::numeric_limits<int64_t>::max() / 2) {
      ++BucketCount;
      break;
    }
    SmallestUntrackable <<= 1;
    ++BucketCount;
  }
  // Bucket 0 uses all its sub-buckets, the others their upper half.
  Counts.assign(static_cast<size_t>(BucketCount + 1) * SubBucketHalfCount, 0);
}

Expected<Histogram> Histogram::create(int64_t LowestDiscernibleValue,
                                      int64_t HighestTrackableValue,
                                      int SignificantDigits) {
  if (Error E = checkConfig(LowestDiscernibleValue, HighestTrackableValue,
                            SignificantDigits))
    return E;
  return Histogram(LowestDiscernibleValue, HighestTrackableValue,
                   SignificantDigits);
}

//===----------------------------------------------------------------------===//
// Index math
//===----------------------------------------------------------------------===//

int Histogram::bucketIndex(int64_t Value) const {
  // The number of powers of two by which Value exceeds bucket 0; the mask
  // keeps small values in bucket 0.
  return LeadingZeroCountBase -
         static_cast<int>(
             countLeadingZeros(static_cast<uint64_t>(Value | SubBucketMask)));
}

int Histogram::subBucketIndex(int64_t Value, int BucketIdx) const {
  return static_cast<int>(static_cast<uint64_t>(Value) >>
                          (BucketIdx + UnitMagnitude));
}

int Histogram::countsIndex(int BucketIdx, int SubBucketIdx) const {
  // Buckets above 0 start half-way through their sub-buckets; bucket 0 is
  // given the lower half too.
  int BucketBaseIndex = (BucketIdx + 1) << SubBucketHalfCountMagnitude;
  return BucketBaseIndex + (SubBucketIdx - SubBucketHalfCount);
}

int Histogram::countsArrayIndex(int64_t Value) const {
  assert(Value >= 0 && "histogram values are not negative");
  int BucketIdx = bucketIndex(Value);
  return countsIndex(BucketIdx, subBucketIndex(Value, BucketIdx));
}

int64_t Histogram::valueFromIndex(int Index) const {
  int BucketIdx = (Index >> SubBucketHalfCountMagnitude) - 1;
  int SubBucketIdx = (Index & (SubBucketHalfCount - 1)) + SubBucketHalfCount;
  if (BucketIdx < 0) {
    SubBucketIdx -= SubBucketHalfCount;
    BucketIdx = 0;
  }
  return static_cast<int64_t>(static_cast<uint64_t>(SubBucketIdx)
                              << (BucketIdx + UnitMagnitude));
}

int64_t Histogram::sizeOfEquivalentValueRange(int64_t Value) const {
  int BucketIdx = bucketIndex(Value);
  int SubBucketIdx = subBucketIndex(Value, BucketIdx);
  int Magnitude = UnitMagnitude +
                  (SubBucketIdx >= SubBucketCount ? BucketIdx + 1 : BucketIdx);
  return int64_t(1) << Magnitude;
}

int64_t Histogram::lowestEquivalentValue(int64_t Value) const {
  int BucketIdx = bucketIndex(Value);
  int SubBucketIdx = subBucketIndex(Value, BucketIdx);
  return static_cast<int64_t>(static_cast<uint64_t>(SubBucketIdx)
                              << (BucketIdx + UnitMagnitude));
}

/// Saturates at INT64_MAX for the last sub-bucket of a histogram that
/// reaches INT64_MAX.
int64_t Histogram::nextNonEquivalentValue(int64_t Value) const {
  uint64_t Next = static_cast<uint64_t>(lowestEquivalentValue(Value)) +
                  static_cast<uint64_t>(sizeOfEquivalentValueRange(Value));
  return static_cast<int64_t>(
      std::min<uint64_t>(Next, std::numeric_limits<int64_t>::max()));
}

int64_t Histogram::highestEquivalentValue(int64_t Value) const {
  uint64_t Next = static_cast<uint64_t>(lowestEquivalentValue(Value)) +
                  static_cast<uint64_t>(sizeOfEquivalentValueRange(Value));
  return static_cast<int64_t>(Next - 1);
}

int64_t Histogram::medianEquivalentValue(int64_t Value) const {
  return lowestEquivalentValue(Value) +
         (sizeOfEquivalentValueRange(Value) >> 1);
}

//===----------------------------------------------------------------------===//
// Recording
//===----------------------------------------------------------------------===//

void Histogram::addAtIndex(int Index, int64_t Value, int64_t Count) {
  Counts[Index] += Count;
  TotalCount += Count;
  if (Count == 0)
    return;
  MaxValue = std::max(MaxValue, Value);
  if (Value != 0)
    MinNonZeroValue = std::min(MinNonZeroValue, Value);
}

bool Histogram::record(int64_t Value, int64_t Count) {
  if (Count < 0)
    return false;
  if (Value < 0 || Value > HighestTrackable) {
    if (AddOverflow(OutOfRange, Count, OutOfRange))
      OutOfRange = std::numeric_limits<int64_t>::max();
    return false;
  }
  int64_t NewTotal;
  if (AddOverflow(TotalCount, Count, NewTotal))
    return false;
  int Index = countsArrayIndex(Value);
  assert(Index < countsLength() && "the buckets cover the trackable range");
  addAtIndex(Index, Value, Count);
  return true;
}

bool Histogram::recordCorrected(int64_t Value, int64_t ExpectedInterval) {
  if (!record(Value))
    return false;
  if (ExpectedInterval <= 0)
    return true;
  for (int64_t Missing = Value - ExpectedInterval; Missing >= ExpectedInterval;
       Missing -= ExpectedInterval)
    record(Missing);
  return true;
}

Error Histogram::add(const Histogram &Other) {
  if (Other.TotalCount == 0)
    return Error::success();
  int64_t HighestRecordable =
      highestEquivalentValue(valueFromIndex(countsLength() - 1));
  if (Other.max() > HighestRecordable)
    return createStringError(
        inconvertibleErrorCode(),
        "cannot add a histogram with values up to " + Twine(Other.max()) +
            " to one that holds values up to " + Twine(HighestRecordable));
  int64_t NewTotal;
  if (AddOverflow(TotalCount, Other.TotalCount, NewTotal))
    return createStringError(inconvertibleErrorCode(),
                             "the sum of the total counts overflows int64");

  // The same unit and sub-bucket count mean the same index math: add
  // counter to counter. Otherwise re-record each bucket at its lowest value.
  bool SameIndexMath = UnitMagnitude == Other.UnitMagnitude &&
                       SubBucketCount == Other.SubBucketCount;
  for (int I = 0, E = Other.countsLength(); I != E; ++I) {
    int64_t Count = Other.Counts[I];
    if (Count == 0)
      continue;
    int64_t Value = Other.valueFromIndex(I);
    addAtIndex(SameIndexMath ? I : countsArrayIndex(Value), Value, Count);
  }
  if (SameIndexMath) {
    // Keep the other's unrounded extremes, as HdrHistogram does.
    MaxValue = std::max(MaxValue, Other.MaxValue);
    MinNonZeroValue = std::min(MinNonZeroValue, Other.MinNonZeroValue);
  }
  return Error::success();
}

void Histogram::reset() {
  std::fill(Counts.begin(), Counts.end(), 0);
  TotalCount = 0;
  MaxValue = 0;
  MinNonZeroValue = std::numeric_limits<int64_t>::max();
  OutOfRange = 0;
}

//===----------------------------------------------------------------------===//
// Statistics
//===----------------------------------------------------------------------===//

int64_t Histogram::min() const {
  if (TotalCount == 0 || Counts[0] > 0)
    return 0;
  return lowestEquivalentValue(MinNonZeroValue);
}

int64_t Histogram::max() const {
  if (TotalCount == 0)
    return 0;
  return highestEquivalentValue(MaxValue);
}

double Histogram::mean() const {
  if (TotalCount == 0)
    return 0.0;
  double Total = 0.0;
  for (int I = 0, E = countsLength(); I != E; ++I)
    if (Counts[I] != 0)
      Total += static_cast<double>(medianEquivalentValue(valueFromIndex(I))) *
               static_cast<double>(Counts[I]);
  return Total / static_cast<double>(TotalCount);
}

double Histogram::stddev() const {
  if (TotalCount == 0)
    return 0.0;
  double Mean = mean();
  double SquaredDeviations = 0.0;
  for (int I = 0, E = countsLength(); I != E; ++I) {
    if (Counts[I] == 0)
      continue;
    double Deviation =
        static_cast<double>(medianEquivalentValue(valueFromIndex(I))) - Mean;
    SquaredDeviations += Deviation * Deviation * static_cast<double>(Counts[I]);
  }
  return std::sqrt(SquaredDeviations / static_cast<double>(TotalCount));
}

int64_t Histogram::valueAtPercentile(double Percentile) const {
  // As Java's getValueAtPercentile: lower the percentile by one ulp, clamp it
  // to 0..100 and round the count up, so that rounding error never pushes
  // the answer into the next bucket. (HdrHistogram_c rounds the count to
  // nearest instead; the two differ only when Percentile * count / 100 has a
  // fraction below one half.)
  double Requested =
      std::nextafter(Percentile, -std::numeric_limits<double>::infinity());
  if (!(Requested > 0.0)) // Also NaN.
    Requested = 0.0;
  Requested = std::min(Requested, 100.0);
  double FpCount = Requested * static_cast<double>(TotalCount) / 100.0;
  int64_t CountAtPercentile = FpCount >= static_cast<double>(TotalCount)
                                  ? TotalCount
                                  : static_cast<int64_t>(std::ceil(FpCount));
  CountAtPercentile = std::max<int64_t>(CountAtPercentile, 1);

  int64_t Running = 0;
  for (int I = 0, E = countsLength(); I != E; ++I) {
    Running += Counts[I];
    if (Running < CountAtPercentile)
      continue;
    int64_t Value = valueFromIndex(I);
    return Percentile == 0.0 ? lowestEquivalentValue(Value)
                             : highestEquivalentValue(Value);
  }
  return 0;
}

int64_t Histogram::countAtValue(int64_t Value) const {
  if (Value < 0)
    return 0;
  int Index = countsArrayIndex(Value);
  return Index < countsLength() ? Counts[Index] : 0;
}

void Histogram::forEachRecorded(function_ref<void(const Bucket &)> F) const {
  for (int I = 0, E = countsLength(); I != E; ++I) {
    if (Counts[I] == 0)
      continue;
    int64_t Value = valueFromIndex(I);
    F(Bucket{Value, highestEquivalentValue(Value), Counts[I]});
  }
}

bool Histogram::operator==(const Histogram &Other) const {
  return LowestDiscernible == Other.LowestDiscernible &&
         HighestTrackable == Other.HighestTrackable && Digits == Other.Digits &&
         TotalCount == Other.TotalCount && Counts == Other.Counts;
}

} // namespace load
} // namespace bk
