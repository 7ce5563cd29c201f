//===- bk/Load/Histogram.h - HDR histogram ----------------------*- C++ -*-===//
//
// A High Dynamic Range histogram with the layout, index math, statistics and
// V2 encoding of HdrHistogram's int64 Histogram (Java and C), so that its
// percentiles agree with HdrHistogram's to the value and its encoded form is
// read by HdrHistogram's own decoders (and theirs by ours).
//
// Layout. Values are integers >= 0. With S the smallest power of two >= 2 *
// 10^digits (32, 256, 2048, 32768, 262144 for 1..5 digits) and U the unit
// magnitude (log2 of the lowest discernible value), bucket 0 holds S
// sub-buckets of width 2^U and bucket k > 0 holds the upper S/2 sub-buckets
// of width 2^(U+k); the lower halves would repeat the buckets below. So every
// value is kept to within 1 part in 10^digits, in a counts array whose size
// is fixed by the configuration: (buckets + 1) * S/2 counters.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LOAD_HISTOGRAM_H
#define BK_LOAD_HISTOGRAM_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bk {
namespace load {

/// An HdrHistogram-compatible histogram of int64 values with int64 counts.
///
/// Recording never allocates and never fails loudly: a value outside
/// [0, highestTrackableValue()] is refused (record() returns false) and
/// tallied in outOfRangeCount().
class Histogram {
public:
  /// Creates an empty histogram. The configuration must be valid (see
  /// checkConfig()); an invalid one is a programming error and aborts. Use
  /// create() for a configuration that comes from data.
  ///
  /// \param LowestDiscernibleValue the smallest value told apart from 0
  ///        (>= 1); HdrHistogram rounds it down to a power of two.
  /// \param HighestTrackableValue the largest value record() accepts
  ///        (>= 2 * LowestDiscernibleValue).
  /// \param SignificantDigits decimal digits of precision kept (1..5).
  Histogram(int64_t LowestDiscernibleValue, int64_t HighestTrackableValue,
            int SignificantDigits);

  /// Like the constructor, but returns an error for an invalid configuration.
  static llvm::Expected<Histogram> create(int64_t LowestDiscernibleValue,
                                          int64_t HighestTrackableValue,
                                          int SignificantDigits);

  /// Checks a configuration with HdrHistogram's rules.
  static llvm::Error checkConfig(int64_t LowestDiscernibleValue,
                                 int64_t HighestTrackableValue,
                                 int SignificantDigits);

  /// \name Recording
  /// @{

  /// Adds Count (>= 0) occurrences of Value. Returns false, changing nothing
  /// but outOfRangeCount(), when Value is negative or above
  /// highestTrackableValue() (as HdrHistogram_c's hdr_record_values; Java's
  /// Histogram also accepts values up to the top of the last bucket). A
  /// negative Count, or one that would overflow totalCount(), is refused and
  /// not tallied.
  bool record(int64_t Value, int64_t Count = 1);

  /// Records Value, then corrects for coordinated omission as HdrHistogram's
  /// recordValueWithExpectedInterval does: when ExpectedInterval > 0 and
  /// Value exceeds it, also records Value - ExpectedInterval,
  /// Value - 2 * ExpectedInterval, ... down to ExpectedInterval, the samples
  /// a stalled closed-loop client failed to take. Returns false when Value
  /// was out of range (nothing is recorded then).
  bool recordCorrected(int64_t Value, int64_t ExpectedInterval);

  /// Adds every count of Other. With the same layout this is an exact
  /// bucket-for-bucket sum; otherwise each of Other's buckets is recorded at
  /// its lowest value, as HdrHistogram's add() does. Fails, changing nothing,
  /// when a value of Other does not fit in this histogram's counts array or
  /// the total count would overflow.
  llvm::Error add(const Histogram &Other);

  /// Forgets every recorded value (and the out-of-range tally).
  void reset();
  /// @}

  /// \name Statistics (HdrHistogram semantics)
  /// @{
  int64_t totalCount() const { return TotalCount; }
  /// Samples refused by record() since construction or reset(); not part of
  /// the encoded form nor of operator==.
  int64_t outOfRangeCount() const { return OutOfRange; }
  /// The lowest recorded value, at bucket resolution (lowestEquivalentValue);
  /// 0 when empty or when a value in the first sub-bucket was recorded.
  int64_t min() const;
  /// The highest recorded value, at bucket resolution
  /// (highestEquivalentValue); 0 when empty.
  int64_t max() const;
  /// Mean and standard deviation over each bucket's middle value
  /// (medianEquivalentValue); 0 when empty.
  double mean() const;
  double stddev() const;
  /// The value that Percentile (0..100, clamped) percent of the samples are
  /// at or below: the highestEquivalentValue of the bucket where the running
  /// count reaches ceil(Percentile / 100 * totalCount()), the percentile
  /// first lowered by one ulp as Java's getValueAtPercentile does.
  /// Percentile 0 gives the lowest recorded value (lowestEquivalentValue).
  /// 0 when empty.
  int64_t valueAtPercentile(double Percentile) const;
  /// The count in the bucket that holds Value (0 outside the counts array).
  int64_t countAtValue(int64_t Value) const;
  /// @}

  /// One non-empty bucket: the values [Lowest, Highest] and their count.
  struct Bucket {
    int64_t Lowest;
    int64_t Highest;
    int64_t Count;

    bool operator==(const Bucket &O) const {
      return Lowest == O.Lowest && Highest == O.Highest && Count == O.Count;
    }
  };
  /// Calls F for every bucket with a count, lowest values first.
  void forEachRecorded(llvm::function_ref<void(const Bucket &)> F) const;

  /// \name Configuration and layout
  /// @{
  int64_t lowestDiscernibleValue() const { return LowestDiscernible; }
  int64_t highestTrackableValue() const { return HighestTrackable; }
  int significantDigits() const { return Digits; }
  int unitMagnitude() const { return UnitMagnitude; }
  int subBucketCount() const { return SubBucketCount; }
  int bucketCount() const { return BucketCount; }
  /// The number of counters, fixed at construction.
  int countsLength() const { return static_cast<int>(Counts.size()); }
  /// @}

  /// \name Index math (HdrHistogram's, for Value >= 0)
  /// @{
  /// The counter for Value; >= countsLength() when Value is above the last
  /// bucket.
  int countsArrayIndex(int64_t Value) const;
  /// The lowest value counted at Index.
  int64_t valueFromIndex(int Index) const;
  int64_t lowestEquivalentValue(int64_t Value) const;
  int64_t highestEquivalentValue(int64_t Value) const;
  int64_t medianEquivalentValue(int64_t Value) const;
  int64_t nextNonEquivalentValue(int64_t Value) const;
  int64_t sizeOfEquivalentValueRange(int64_t Value) const;
  /// @}

  /// Same configuration (and so the same layout) and the same counts, bucket
  /// for bucket.
  bool operator==(const Histogram &Other) const;
  bool operator!=(const Histogram &Other) const { return !(*this == Other); }

  /// \name Encoding (HistogramEncoding.cpp)
  ///
  /// The V2 encoding of HdrHistogram's encodeIntoByteBuffer: a 40-byte
  /// big-endian header (cookie 0x1c849313, payload length, normalizing index
  /// offset 0, significant digits, lowest discernible value, highest
  /// trackable value, integer-to-double ratio 1.0) and the counts up to the
  /// one holding the maximum as ZigZag LEB128 (at most 9 bytes each), a run
  /// of several zero counts written as minus its length. The compressed form
  /// is cookie 0x1c849314, the deflated length and the zlib stream of the V2
  /// bytes; its base64 is what HistogramLogWriter puts in the
  /// Interval_Compressed_Histogram column.
  /// @{
  std::vector<uint8_t> encode() const;
  std::vector<uint8_t> encodeCompressed() const;
  std::string encodeCompressedBase64() const;

  /// Reads the V2 encoding. Errors say what is wrong (bad cookie, truncated,
  /// counts overrun, ...); a bad input never crashes.
  static llvm::Expected<Histogram> decode(llvm::ArrayRef<uint8_t> Bytes);
  static llvm::Expected<Histogram>
  decodeCompressed(llvm::ArrayRef<uint8_t> Bytes);
  static llvm::Expected<Histogram> decodeCompressedBase64(llvm::StringRef Text);
  /// @}

private:
  int bucketIndex(int64_t Value) const;
  int subBucketIndex(int64_t Value, int BucketIdx) const;
  int countsIndex(int BucketIdx, int SubBucketIdx) const;
  /// Adds Count at Index (< countsLength()), keeping the statistics.
  void addAtIndex(int Index, int64_t Value, int64_t Count);
  /// Fills the counts from a V2 payload (HistogramEncoding.cpp).
  llvm::Error decodeCounts(llvm::ArrayRef<uint8_t> Payload);

  int64_t LowestDiscernible;
  int64_t HighestTrackable;
  int Digits;
  int UnitMagnitude;
  int SubBucketHalfCountMagnitude;
  int SubBucketCount;
  int SubBucketHalfCount;
  int64_t SubBucketMask;
  int BucketCount;
  int LeadingZeroCountBase;

  std::vector<int64_t> Counts;
  int64_t TotalCount = 0;
  /// The largest value recorded (0 when empty) and the smallest non-zero
  /// one (INT64_MAX when none), before rounding to bucket resolution.
  int64_t MaxValue = 0;
  int64_t MinNonZeroValue = INT64_MAX;
  int64_t OutOfRange = 0;
};

} // namespace load
} // namespace bk

#endif // BK_LOAD_HISTOGRAM_H
