//===- HistogramTest.cpp - HDR histogram ----------------------------------===//
//
// Expected values are derived from HdrHistogram's bucket math (in the
// comments) or taken from HdrHistogram's own tests, never from this code.
//
//===----------------------------------------------------------------------===//

#include "bk/Load/Histogram.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <zlib.h>

#include <cmath>
#include <limits>

using namespace bk::load;
using namespace llvm;

namespace {

constexpr int64_t OneHourInMicros = 3600LL * 1000 * 1000;

std::string errorOf(Expected<Histogram> H) {
  if (H)
    return "";
  return toString(H.takeError());
}

/// A V2 encoding written by hand: the 40-byte header and Payload.
std::vector<uint8_t> v2Bytes(int32_t Digits, int64_t Lowest, int64_t Highest,
                             const std::vector<uint8_t> &Payload,
                             int32_t Offset = 0, uint32_t Cookie = 0x1c849313) {
  std::vector<uint8_t> B(40);
  support::endian::write32be(&B[0], Cookie);
  support::endian::write32be(&B[4], static_cast<uint32_t>(Payload.size()));
  support::endian::write32be(&B[8], static_cast<uint32_t>(Offset));
  support::endian::write32be(&B[12], static_cast<uint32_t>(Digits));
  support::endian::write64be(&B[16], static_cast<uint64_t>(Lowest));
  support::endian::write64be(&B[24], static_cast<uint64_t>(Highest));
  support::endian::write64be(&B[32], DoubleToBits(1.0));
  B.insert(B.end(), Payload.begin(), Payload.end());
  return B;
}

/// The compressed form of V2 bytes, with the deflated length in the header.
std::vector<uint8_t> compressedBytes(const std::vector<uint8_t> &V2) {
  uLongf Length = compressBound(V2.size());
  std::vector<uint8_t> Out(8 + Length);
  EXPECT_EQ(compress2(Out.data() + 8, &Length, V2.data(), V2.size(), 9), Z_OK);
  Out.resize(8 + Length);
  support::endian::write32be(&Out[0], 0x1c849314);
  support::endian::write32be(&Out[4], static_cast<uint32_t>(Length));
  return Out;
}

/// Deterministic values spread over many magnitudes (xorshift64).
std::vector<int64_t> spreadValues(size_t N, int64_t Max) {
  std::vector<int64_t> Out;
  uint64_t X = 88172645463325252ULL;
  while (Out.size() < N) {
    X ^= X << 13;
    X ^= X >> 7;
    X ^= X << 17;
    uint64_t Magnitude = X % 40;
    int64_t V =
        static_cast<int64_t>((X >> 8) & ((uint64_t(1) << Magnitude) - 1));
    if (V <= Max)
      Out.push_back(V);
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Layout and index math
//===----------------------------------------------------------------------===//

TEST(HistogramTest, LayoutForEachPrecision) {
  // The sub-bucket count is the smallest power of two >= 2 * 10^digits.
  const int SubBuckets[] = {32, 256, 2048, 32768, 262144};
  for (int Digits = 1; Digits <= 5; ++Digits) {
    SCOPED_TRACE("digits " + std::to_string(Digits));
    Histogram H(1, OneHourInMicros, Digits);
    const int64_t S = SubBuckets[Digits - 1];
    EXPECT_EQ(H.subBucketCount(), S);
    EXPECT_EQ(H.unitMagnitude(), 0);

    // Bucket 0: unit resolution up to S - 1.
    EXPECT_EQ(H.countsArrayIndex(0), 0);
    EXPECT_EQ(H.countsArrayIndex(1), 1);
    EXPECT_EQ(H.countsArrayIndex(S - 1), S - 1);
    EXPECT_EQ(H.valueFromIndex(S - 1), S - 1);
    EXPECT_EQ(H.sizeOfEquivalentValueRange(S - 1), 1);
    EXPECT_EQ(H.highestEquivalentValue(S - 1), S - 1);

    // Bucket 1 starts at S with width 2, in the counters after bucket 0.
    EXPECT_EQ(H.countsArrayIndex(S), S);
    EXPECT_EQ(H.countsArrayIndex(S + 1), S);
    EXPECT_EQ(H.valueFromIndex(S), S);
    EXPECT_EQ(H.sizeOfEquivalentValueRange(S), 2);
    EXPECT_EQ(H.lowestEquivalentValue(S + 1), S);
    EXPECT_EQ(H.highestEquivalentValue(S), S + 1);
    EXPECT_EQ(H.medianEquivalentValue(S), S + 1);
    EXPECT_EQ(H.nextNonEquivalentValue(S), S + 2);

    // Its last sub-bucket, then bucket 2 with width 4, S/2 counters later.
    EXPECT_EQ(H.countsArrayIndex(2 * S - 1), S + S / 2 - 1);
    EXPECT_EQ(H.lowestEquivalentValue(2 * S - 1), 2 * S - 2);
    EXPECT_EQ(H.countsArrayIndex(2 * S), S + S / 2);
    EXPECT_EQ(H.valueFromIndex(S + S / 2), 2 * S);
    EXPECT_EQ(H.sizeOfEquivalentValueRange(2 * S), 4);
    EXPECT_EQ(H.highestEquivalentValue(2 * S), 2 * S + 3);
    EXPECT_EQ(H.medianEquivalentValue(2 * S), 2 * S + 2);

    // Every counter maps back to itself.
    for (int I = 0; I < H.countsLength(); I += 97)
      EXPECT_EQ(H.countsArrayIndex(H.valueFromIndex(I)), I);
  }
}

TEST(HistogramTest, CountsLength) {
  // 1 µs .. 1 hour at 3 digits: bucket k > 0 ends at 2048 * 2^k, and
  // 2048 * 2^21 is the first end above 3.6e9, so 22 buckets and
  // (22 + 1) * 1024 counters (HdrHistogram_c's test_create says 23552).
  Histogram H(1, OneHourInMicros, 3);
  EXPECT_EQ(H.bucketCount(), 22);
  EXPECT_EQ(H.countsLength(), 23552);

  // Lowest 1000: unit 2^9 (HdrHistogram rounds down to a power of two), so
  // bucket ends are 2048 * 2^9 * 2^k: k = 12 is the first above 3.6e9.
  Histogram Scaled(1000, OneHourInMicros, 3);
  EXPECT_EQ(Scaled.unitMagnitude(), 9);
  EXPECT_EQ(Scaled.bucketCount(), 13);
  EXPECT_EQ(Scaled.countsLength(), 14 * 1024);
  EXPECT_EQ(Scaled.countsArrayIndex(511), 0);
  EXPECT_EQ(Scaled.countsArrayIndex(512), 1);
  EXPECT_EQ(Scaled.lowestEquivalentValue(1000), 512);
  EXPECT_EQ(Scaled.highestEquivalentValue(1000), 1023);

  // Everything fits in bucket 0.
  Histogram Small(1, 100, 2);
  EXPECT_EQ(Small.bucketCount(), 1);
  EXPECT_EQ(Small.countsLength(), 256);

  // Up to INT64_MAX: the last bucket reaches past it.
  Histogram Full(1, std::numeric_limits<int64_t>::max(), 3);
  EXPECT_EQ(Full.highestEquivalentValue(std::numeric_limits<int64_t>::max()),
            std::numeric_limits<int64_t>::max());
  EXPECT_TRUE(Full.record(std::numeric_limits<int64_t>::max()));
  EXPECT_EQ(Full.max(), std::numeric_limits<int64_t>::max());
}

TEST(HistogramTest, RejectsInvalidConfig) {
  EXPECT_EQ(errorOf(Histogram::create(0, 100, 3)),
            "lowest discernible value 0 is not at least 1");
  EXPECT_EQ(errorOf(Histogram::create(10, 19, 3)),
            "highest trackable value 19 is not at least twice the lowest "
            "discernible value 10");
  EXPECT_EQ(errorOf(Histogram::create(1, 100, 0)),
            "significant digits 0 is not between 1 and 5");
  EXPECT_EQ(errorOf(Histogram::create(1, 100, 6)),
            "significant digits 6 is not between 1 and 5");
  // 2^52 is unit 52, and 2048 sub-buckets need 11 more bits: 63 > 62.
  EXPECT_EQ(errorOf(Histogram::create(int64_t(1) << 52,
                                      std::numeric_limits<int64_t>::max(), 3)),
            "lowest discernible value 4503599627370496 is too large for 3 "
            "significant digits");
  EXPECT_FALSE(
      errorOf(Histogram::create(int64_t(1) << 51,
                                std::numeric_limits<int64_t>::max(), 3))
          .size());
}

//===----------------------------------------------------------------------===//
// Recording and statistics
//===----------------------------------------------------------------------===//

TEST(HistogramTest, UniformPercentiles) {
  // 1..10000 once each at 3 digits. Counters: 1..2047 one value each
  // (2047 samples), 2048..4095 two values each (bucket 1), 4096..8191 four
  // (bucket 2), 8192.. eight (bucket 3).
  Histogram H(1, OneHourInMicros, 3);
  for (int64_t V = 1; V <= 10000; ++V)
    ASSERT_TRUE(H.record(V));
  EXPECT_EQ(H.totalCount(), 10000);
  EXPECT_EQ(H.min(), 1);
  // 10000 is in [10000, 10007].
  EXPECT_EQ(H.max(), 10007);

  EXPECT_EQ(H.valueAtPercentile(0.0), 1);
  EXPECT_EQ(H.valueAtPercentile(10.0), 1000);
  // 2500: 453 past 2047, the 227th pair [2500, 2501].
  EXPECT_EQ(H.valueAtPercentile(25.0), 2501);
  // 5000: 4095 below bucket 2, 905 more = the 227th quad [5000, 5003].
  EXPECT_EQ(H.valueAtPercentile(50.0), 5003);
  // 9000: 8191 below bucket 3, 809 more = the 102nd octet [9000, 9007].
  EXPECT_EQ(H.valueAtPercentile(90.0), 9007);
  // 9900: 1709 more = the 214th octet [9896, 9903].
  EXPECT_EQ(H.valueAtPercentile(99.0), 9903);
  // 9990: 1799 more = the 225th octet [9984, 9991].
  EXPECT_EQ(H.valueAtPercentile(99.9), 9991);
  EXPECT_EQ(H.valueAtPercentile(100.0), 10007);
  EXPECT_EQ(H.valueAtPercentile(150.0), 10007);
  EXPECT_EQ(H.valueAtPercentile(-5.0), 1);

  EXPECT_NEAR(H.mean(), 5000.5, 5000.5 * 0.001);
  // The standard deviation of 1..N is sqrt((N^2 - 1) / 12).
  EXPECT_NEAR(H.stddev(), 2886.75, 2886.75 * 0.001);
}

TEST(HistogramTest, PercentileRoundsTheCountUp) {
  // Java's getValueAtPercentile: ceil(33% of 10) = 4 samples (the C
  // library's round-to-nearest would say 3).
  Histogram H(1, 1000, 3);
  for (int64_t V = 1; V <= 10; ++V)
    H.record(V);
  EXPECT_EQ(H.valueAtPercentile(33.0), 4);
  EXPECT_EQ(H.valueAtPercentile(30.0), 3);
  EXPECT_EQ(H.valueAtPercentile(std::nan("")), 1);
}

TEST(HistogramTest, EmptyStatistics) {
  Histogram H(1, OneHourInMicros, 3);
  EXPECT_EQ(H.totalCount(), 0);
  EXPECT_EQ(H.min(), 0);
  EXPECT_EQ(H.max(), 0);
  EXPECT_EQ(H.mean(), 0.0);
  EXPECT_EQ(H.stddev(), 0.0);
  EXPECT_EQ(H.valueAtPercentile(50.0), 0);
}

TEST(HistogramTest, OutOfRangeIsCountedNotRecorded) {
  Histogram H(1, 1000, 3);
  // 1001 would fit in the 2048 counters of bucket 0, but is above the
  // highest trackable value (HdrHistogram_c refuses it too).
  EXPECT_FALSE(H.record(1001));
  EXPECT_FALSE(H.record(-1, 2));
  EXPECT_FALSE(H.record(5, -1));
  EXPECT_EQ(H.outOfRangeCount(), 3);
  EXPECT_EQ(H.totalCount(), 0);
  EXPECT_TRUE(H.record(1000));
  EXPECT_FALSE(H.recordCorrected(5000, 100));
  EXPECT_EQ(H.totalCount(), 1);
  EXPECT_EQ(H.outOfRangeCount(), 4);
  EXPECT_EQ(H.countAtValue(1000), 1);
  EXPECT_EQ(H.countAtValue(-3), 0);
  EXPECT_EQ(H.countAtValue(std::numeric_limits<int64_t>::max()), 0);

  H.reset();
  EXPECT_EQ(H.outOfRangeCount(), 0);
  EXPECT_EQ(H.totalCount(), 0);
  EXPECT_EQ(H.max(), 0);
}

TEST(HistogramTest, RecordCorrectedFillsTheGap) {
  // HdrHistogram's HistogramTest.testRecordValueWithExpectedInterval.
  const int64_t Level = 4;
  Histogram H(1, OneHourInMicros, 3);
  Histogram Raw(1, OneHourInMicros, 3);
  H.recordCorrected(Level, Level / 4);
  Raw.record(Level);
  for (int64_t Quarter = 1; Quarter <= 4; ++Quarter) {
    EXPECT_EQ(H.countAtValue(Level * Quarter / 4), 1);
    EXPECT_EQ(Raw.countAtValue(Level * Quarter / 4), Quarter == 4 ? 1 : 0);
  }
  EXPECT_EQ(H.totalCount(), 4);
  EXPECT_EQ(Raw.totalCount(), 1);
}

TEST(HistogramTest, CoordinatedOmission) {
  // HdrHistogram's HistogramDataAccessTest: 100 s of 1 ms results sampled
  // every 10 ms (10,000 samples), then one 100 s stall, recorded with an
  // expected interval of 10 ms. The stall adds 10 ms, 20 ms, ..., 99.99 s.
  Histogram H(1, OneHourInMicros, 3);
  Histogram Raw(1, OneHourInMicros, 3);
  for (int I = 0; I < 10000; ++I) {
    H.recordCorrected(1000, 10000);
    Raw.record(1000);
  }
  H.recordCorrected(100000000, 10000);
  Raw.record(100000000);

  EXPECT_EQ(Raw.totalCount(), 10001);
  EXPECT_EQ(H.totalCount(), 20000);
  EXPECT_EQ(H.countAtValue(1000), 10000);
  EXPECT_EQ(H.lowestEquivalentValue(H.max()),
            H.lowestEquivalentValue(100000000));
  EXPECT_EQ(H.lowestEquivalentValue(H.min()), H.lowestEquivalentValue(1000));

  auto ExpectAbout = [](double Expected, int64_t Actual) {
    EXPECT_NEAR(static_cast<double>(Actual), Expected, Expected * 0.001);
  };
  ExpectAbout(1000.0, Raw.valueAtPercentile(30.0));
  ExpectAbout(1000.0, Raw.valueAtPercentile(99.0));
  ExpectAbout(1000.0, Raw.valueAtPercentile(99.99));
  ExpectAbout(100000000.0, Raw.valueAtPercentile(99.999));
  ExpectAbout(100000000.0, Raw.valueAtPercentile(100.0));

  ExpectAbout(1000.0, H.valueAtPercentile(30.0));
  ExpectAbout(1000.0, H.valueAtPercentile(50.0));
  ExpectAbout(50000000.0, H.valueAtPercentile(75.0));
  ExpectAbout(80000000.0, H.valueAtPercentile(90.0));
  ExpectAbout(98000000.0, H.valueAtPercentile(99.0));
  ExpectAbout(100000000.0, H.valueAtPercentile(99.999));
  ExpectAbout(100000000.0, H.valueAtPercentile(100.0));
  // Exactly: the 15000th sample is 50 s, in bucket 15 (width 2^15), whose
  // sub-bucket [1525 * 32768, 1526 * 32768) ends at 50003967.
  EXPECT_EQ(H.valueAtPercentile(75.0), 50003967);
  EXPECT_EQ(H.valueAtPercentile(50.0), 1000);

  double RawMean = (10000.0 * 1000 + 100000000.0) / 10001;
  double Mean = (1000.0 + 50000000.0) / 2;
  EXPECT_NEAR(Raw.mean(), RawMean, RawMean * 0.001);
  EXPECT_NEAR(H.mean(), Mean, Mean * 0.001);

  double RawStdDev = std::sqrt((10000.0 * std::pow(1000.0 - RawMean, 2) +
                                std::pow(100000000.0 - RawMean, 2)) /
                               10001);
  double SquaredDeviations = 10000 * std::pow(1000.0 - Mean, 2);
  for (int64_t V = 10000; V <= 100000000; V += 10000)
    SquaredDeviations += std::pow(V - Mean, 2);
  double StdDev = std::sqrt(SquaredDeviations / 20000);
  EXPECT_NEAR(Raw.stddev(), RawStdDev, RawStdDev * 0.001);
  EXPECT_NEAR(H.stddev(), StdDev, StdDev * 0.001);
}

//===----------------------------------------------------------------------===//
// Merging
//===----------------------------------------------------------------------===//

std::vector<Histogram::Bucket> bucketsOf(const Histogram &H) {
  std::vector<Histogram::Bucket> Out;
  H.forEachRecorded([&](const Histogram::Bucket &B) { Out.push_back(B); });
  return Out;
}

TEST(HistogramTest, AddEqualsRecordingEverything) {
  std::vector<int64_t> Values = spreadValues(20000, OneHourInMicros);
  Histogram A(1, OneHourInMicros, 3), B(1, OneHourInMicros, 3),
      All(1, OneHourInMicros, 3);
  for (size_t I = 0; I < Values.size(); ++I) {
    (I % 3 ? A : B).record(Values[I], 1 + I % 5);
    All.record(Values[I], 1 + I % 5);
  }
  ASSERT_FALSE(errorToBool(A.add(B)));
  EXPECT_TRUE(A == All);
  EXPECT_EQ(A.totalCount(), All.totalCount());
  EXPECT_EQ(A.min(), All.min());
  EXPECT_EQ(A.max(), All.max());
  EXPECT_EQ(A.mean(), All.mean());
  for (double P : {0.0, 50.0, 90.0, 99.0, 99.9, 99.99, 100.0})
    EXPECT_EQ(A.valueAtPercentile(P), All.valueAtPercentile(P));
  EXPECT_TRUE(bucketsOf(A) == bucketsOf(All));
}

TEST(HistogramTest, AddAcrossLayouts) {
  // Same unit and precision, smaller range: counter for counter.
  Histogram Short(1, 10000, 3), Long(1, OneHourInMicros, 3);
  Short.record(7);
  Short.record(9999, 3);
  ASSERT_FALSE(errorToBool(Long.add(Short)));
  EXPECT_TRUE(bucketsOf(Long) == bucketsOf(Short));

  // Another unit: each bucket is recorded at its lowest value.
  Histogram Coarse(1000, OneHourInMicros, 3), Fine(1, OneHourInMicros, 3),
      Expected(1, OneHourInMicros, 3);
  for (int64_t V : spreadValues(2000, OneHourInMicros))
    Coarse.record(V);
  Coarse.forEachRecorded(
      [&](const Histogram::Bucket &B) { Expected.record(B.Lowest, B.Count); });
  ASSERT_FALSE(errorToBool(Fine.add(Coarse)));
  EXPECT_TRUE(Fine == Expected);
}

TEST(HistogramTest, AddRefusesValuesOutOfRange) {
  Histogram Small(1, 1000, 3), Big(1, OneHourInMicros, 3);
  Small.record(10);
  Big.record(5000000);
  Histogram Before = Small;
  Error E = Small.add(Big);
  EXPECT_EQ(toString(std::move(E)),
            "cannot add a histogram with values up to 5001215 to one that "
            "holds values up to 2047");
  EXPECT_TRUE(Small == Before);
  EXPECT_EQ(Small.max(), 10);
}

//===----------------------------------------------------------------------===//
// Encoding
//===----------------------------------------------------------------------===//

TEST(HistogramTest, EncodesV2ByteForByte) {
  // Counters: [0]=0, [1]=3, [2..4]=0, [5]=1; written up to the maximum's.
  // A lone zero is 0; the run of three is -3 (ZigZag 5); 3 and 1 are ZigZag
  // 6 and 2.
  Histogram H(1, 100, 2);
  H.record(1, 3);
  H.record(5);
  EXPECT_EQ(H.encode(), v2Bytes(2, 1, 100, {0x00, 0x06, 0x05, 0x02}));

  // 300 is ZigZag 600 = 0x258: LEB128 0xd8 0x04. INT64_MAX is ZigZag
  // 2^64 - 2: eight 7-bit groups and a ninth byte with the top 8 bits.
  Histogram Big(1, 100, 2);
  Big.record(0, 300);
  EXPECT_EQ(Big.encode(), v2Bytes(2, 1, 100, {0xd8, 0x04}));
  Big.reset();
  Big.record(0, std::numeric_limits<int64_t>::max());
  EXPECT_EQ(Big.encode(),
            v2Bytes(2, 1, 100,
                    {0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));

  // An empty histogram writes counter 0 alone.
  EXPECT_EQ(Histogram(1, 100, 2).encode(), v2Bytes(2, 1, 100, {0x00}));

  std::vector<uint8_t> Compressed = H.encodeCompressed();
  ASSERT_GE(Compressed.size(), 8u);
  EXPECT_EQ(support::endian::read32be(Compressed.data()), 0x1c849314u);
  EXPECT_EQ(support::endian::read32be(Compressed.data() + 4),
            Compressed.size() - 8);
  // Base64 of a cookie 0x1c849314 always starts like HdrHistogram's logs.
  EXPECT_EQ(StringRef(H.encodeCompressedBase64()).take_front(6), "HISTFA");
}

TEST(HistogramTest, RoundTrips) {
  std::vector<Histogram> Shapes;
  Shapes.emplace_back(1, OneHourInMicros, 3); // Empty.
  Shapes.emplace_back(1, OneHourInMicros, 3);
  Shapes.back().record(0);
  Shapes.emplace_back(1, OneHourInMicros, 3);
  Shapes.back().record(1);
  Shapes.emplace_back(1, OneHourInMicros, 3);
  Shapes.back().record(OneHourInMicros);
  Shapes.emplace_back(1000, OneHourInMicros * 1000, 2);
  Shapes.back().record(12345678, 1LL << 40);
  Shapes.back().record(999);
  for (int Digits = 1; Digits <= 5; ++Digits) {
    Shapes.emplace_back(1, OneHourInMicros, Digits);
    for (int64_t V : spreadValues(5000, OneHourInMicros))
      Shapes.back().record(V, 1 + V % 1000);
  }
  Shapes.emplace_back(1, std::numeric_limits<int64_t>::max(), 3);
  Shapes.back().record(std::numeric_limits<int64_t>::max() / 3,
                       std::numeric_limits<int64_t>::max() / 2);
  Shapes.back().record(1, 5);

  for (const Histogram &H : Shapes) {
    SCOPED_TRACE("shape with " + std::to_string(H.totalCount()) +
                 " samples, max " + std::to_string(H.max()));
    Expected<Histogram> Plain = Histogram::decode(H.encode());
    ASSERT_TRUE(bool(Plain)) << toString(Plain.takeError());
    EXPECT_TRUE(*Plain == H);
    Expected<Histogram> Compressed =
        Histogram::decodeCompressed(H.encodeCompressed());
    ASSERT_TRUE(bool(Compressed)) << toString(Compressed.takeError());
    EXPECT_TRUE(*Compressed == H);
    Expected<Histogram> Text =
        Histogram::decodeCompressedBase64(H.encodeCompressedBase64());
    ASSERT_TRUE(bool(Text)) << toString(Text.takeError());
    EXPECT_TRUE(*Text == H);
    EXPECT_EQ(Text->totalCount(), H.totalCount());
    EXPECT_EQ(Text->min(), H.min());
    EXPECT_EQ(Text->max(), H.max());
    EXPECT_EQ(Text->valueAtPercentile(99.0), H.valueAtPercentile(99.0));
    // Re-encoding gives the same bytes.
    EXPECT_EQ(Text->encode(), H.encode());
  }
}

TEST(HistogramTest, DecodesHdrHistogramsOwnOutput) {
  // The first interval of HdrHistogram's test log jHiccup-2.0.7S.logV2.hlog,
  // written by HdrHistogram (Java) itself: "0.126,1.007,1.933,HISTF...".
  // jHiccup records nanoseconds; the Interval_Max column is the max in ms.
  Expected<Histogram> H = Histogram::decodeCompressedBase64(
      "HISTFAAAAEB42pNpmSzMwMAgywABTBDKT4GBgdnNYMcCBvsPEBEjDT0FMTUxMT05LgEh"
      "PqmIeWxtTAKMTNxM6xmZmAAjcgjc");
  ASSERT_TRUE(bool(H)) << toString(H.takeError());
  std::string Max;
  raw_string_ostream(Max) << format("%.3f", H->max() / 1e6);
  EXPECT_EQ(Max, "1.933");
  EXPECT_GT(H->totalCount(), 0);
  // HdrHistogram 2.1.11 (Java) wrote this for a Histogram(1, 60000000, 3)
  // holding v * 37 % 90001 + 1 for v = 1..1000: the same counts as ours.
  Expected<Histogram> Java = Histogram::decodeCompressedBase64(
      "HISTFAAAAF142pNpmSzMwMBewAABzFCaEcyZ3M5g/wEi4M3kTkeoy6TMpEg3LMvED4aCw5Lm"
      "ZGIHQlY4yTrKHyJ8ViYGJmYgRiWxiY3Kj8qPylNLHgjABJxC42IXpa4iAD4+ME0=");
  ASSERT_TRUE(bool(Java)) << toString(Java.takeError());
  Histogram Ours(1, 60000000, 3);
  for (int64_t V = 1; V <= 1000; ++V)
    Ours.record(V * 37 % 90001 + 1);
  EXPECT_TRUE(*Java == Ours);
  EXPECT_EQ(Java->max(), 37023);
  EXPECT_EQ(Java->encode(), Ours.encode());

  // Re-encoding and decoding it again changes nothing.
  Expected<Histogram> Again =
      Histogram::decodeCompressedBase64(H->encodeCompressedBase64());
  ASSERT_TRUE(bool(Again)) << toString(Again.takeError());
  EXPECT_TRUE(*Again == *H);
}

TEST(HistogramTest, DecodeRejectsBadHeaders) {
  std::vector<uint8_t> Good = v2Bytes(2, 1, 100, {0x00, 0x06});
  ASSERT_EQ(errorOf(Histogram::decode(Good)), "");

  EXPECT_EQ(errorOf(Histogram::decode({})),
            "truncated histogram: 0 bytes, no cookie");
  EXPECT_EQ(errorOf(Histogram::decode(makeArrayRef(Good).take_front(20))),
            "truncated histogram: 20 bytes, the header alone has 40");
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(2, 1, 100, {}, 0, 0xdeadbeef))),
            "bad cookie 0xdeadbeef: not a histogram");
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(2, 1, 100, {}, 0, 0x1c849381))),
            "cookie 0x1c849381 is HdrHistogram's V1 encoding; only V2 is "
            "supported");
  // The word-size nibble of a V2 cookie is ignored, as HdrHistogram does.
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(2, 1, 100, {0}, 0, 0x1c849303))),
            "");
  EXPECT_EQ(errorOf(Histogram::decodeCompressed(Good)),
            "cookie 0x1c849313 is not a compressed histogram (expected "
            "0x1c849314)");
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(7, 1, 100, {}))),
            "invalid histogram configuration: significant digits 7 is not "
            "between 1 and 5");
  // The normalizing index offset and the conversion ratio are ignored (the
  // payload is in logical order; HdrHistogramJS writes offset 1).
  Expected<Histogram> Offset =
      Histogram::decode(v2Bytes(2, 1, 100, {0x00, 0x06}, 1));
  ASSERT_TRUE(bool(Offset)) << toString(Offset.takeError());
  EXPECT_EQ(Offset->countAtValue(1), 3);

  std::vector<uint8_t> Short = Good;
  Short.pop_back();
  EXPECT_EQ(errorOf(Histogram::decode(Short)),
            "truncated histogram: the header announces 2 payload bytes, 1 "
            "follow");
  std::vector<uint8_t> Long = Good;
  Long.insert(Long.end(), {0, 0});
  EXPECT_EQ(errorOf(Histogram::decode(Long)),
            "trailing data after the histogram payload (2 bytes)");
  // 256 counters take at most 9 * 256 bytes.
  std::vector<uint8_t> Huge = Good;
  support::endian::write32be(&Huge[4], 100000);
  EXPECT_EQ(errorOf(Histogram::decode(Huge)),
            "payload length 100000 is impossible for the 256 counters of "
            "this layout (at most 2304 bytes)");
}

TEST(HistogramTest, DecodeRejectsBadPayloads) {
  // Histogram(1, 100, 2) has 256 counters.
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(2, 1, 100, {0x80}))),
            "truncated count at payload byte 0");
  // ZigZag 599 is -300: 300 zeros.
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(2, 1, 100, {0xd7, 0x04}))),
            "counts overrun: 300 zero counts at index 0 go past the 256 "
            "counters of this layout");
  // -256 fills every counter with zeros; a count after that has no place.
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(2, 1, 100, {0xff, 0x03, 0x02}))),
            "counts overrun: a count at index 256 is past the 256 counters "
            "of this layout");
  EXPECT_EQ(errorOf(Histogram::decode(v2Bytes(
                2, 1, 100,
                {0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}))),
            "the total count overflows int64");
  // The most negative run length is refused, not negated.
  EXPECT_EQ(
      errorOf(Histogram::decode(v2Bytes(
          2, 1, 100, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}))),
      "counts overrun: 9223372036854775808 zero counts at index 0 go "
      "past the 256 counters of this layout");
}

TEST(HistogramTest, DecodeCompressedRejectsBadStreams) {
  std::vector<uint8_t> V2 = v2Bytes(2, 1, 100, {0x00, 0x06});
  std::vector<uint8_t> Good = compressedBytes(V2);
  ASSERT_EQ(errorOf(Histogram::decodeCompressed(Good)), "");

  std::vector<uint8_t> Long = Good;
  Long.insert(Long.end(), {0, 0});
  EXPECT_EQ(errorOf(Histogram::decodeCompressed(Long)),
            "trailing data after the compressed histogram (2 bytes)");
  std::vector<uint8_t> Short = Good;
  Short.pop_back();
  EXPECT_EQ(errorOf(Histogram::decodeCompressed(Short)),
            "truncated compressed histogram: the header announces " +
                std::to_string(Good.size() - 8) + " deflated bytes, " +
                std::to_string(Good.size() - 9) + " follow");

  // A header that announces less payload than the stream holds.
  std::vector<uint8_t> More = V2;
  More.push_back(0x02);
  EXPECT_EQ(errorOf(Histogram::decodeCompressed(compressedBytes(More))),
            "the deflated data holds more than the header announces");
  // And more than it holds.
  std::vector<uint8_t> Less = V2;
  support::endian::write32be(&Less[4], 3);
  EXPECT_EQ(errorOf(Histogram::decodeCompressed(compressedBytes(Less))),
            "truncated compressed histogram: the deflated data ends inside "
            "the payload");
  EXPECT_EQ(errorOf(Histogram::decodeCompressed(
                compressedBytes(makeArrayRef(V2).take_front(30).vec()))),
            "truncated compressed histogram: the deflated data ends inside "
            "the header");

  std::vector<uint8_t> Garbage = Good;
  for (size_t I = 8; I < Garbage.size(); ++I)
    Garbage[I] = 0x5a;
  EXPECT_EQ(StringRef(errorOf(Histogram::decodeCompressed(Garbage)))
                .startswith("corrupt deflated data: "),
            true);
}

TEST(HistogramTest, DecodeNeverCrashes) {
  Histogram H(1, OneHourInMicros, 3);
  for (int64_t V : spreadValues(300, OneHourInMicros))
    H.record(V);
  std::vector<uint8_t> Compressed = H.encodeCompressed();
  std::vector<uint8_t> Plain = H.encode();

  // Every prefix fails cleanly.
  for (size_t N = 0; N < Compressed.size(); ++N)
    EXPECT_NE(errorOf(Histogram::decodeCompressed(
                  makeArrayRef(Compressed).take_front(N))),
              "");
  for (size_t N = 0; N < Plain.size(); ++N)
    EXPECT_NE(errorOf(Histogram::decode(makeArrayRef(Plain).take_front(N))),
              "");
  // Every flipped byte either fails or decodes to something; none crashes.
  for (size_t I = 0; I < Compressed.size(); ++I) {
    std::vector<uint8_t> Bad = Compressed;
    Bad[I] ^= 0xa5;
    consumeError(Histogram::decodeCompressed(Bad).takeError());
  }
  for (size_t I = 0; I < Plain.size(); ++I) {
    std::vector<uint8_t> Bad = Plain;
    Bad[I] ^= 0xa5;
    consumeError(Histogram::decode(Bad).takeError());
  }
}

TEST(HistogramTest, DecodeRejectsBadBase64) {
  EXPECT_EQ(errorOf(Histogram::decodeCompressedBase64("HISTF@AA")),
            "invalid base64 character '@' at offset 5");
  EXPECT_EQ(errorOf(Histogram::decodeCompressedBase64("HIS\x01")),
            "invalid base64 byte 0x01 at offset 3");
  EXPECT_EQ(errorOf(Histogram::decodeCompressedBase64("HISTF")),
            "invalid base64: 5 characters cannot encode whole bytes");
  EXPECT_EQ(errorOf(Histogram::decodeCompressedBase64("HI=S")),
            "invalid base64 character '=' at offset 2");
  EXPECT_EQ(errorOf(Histogram::decodeCompressedBase64("HISTFA=")),
            "invalid base64: padded text of length 7 is not a multiple of 4");
  EXPECT_EQ(errorOf(Histogram::decodeCompressedBase64("")),
            "truncated compressed histogram: 0 bytes, no cookie");
  // Without padding is fine.
  Histogram H(1, 1000, 3);
  H.record(42);
  std::string Text = H.encodeCompressedBase64();
  Expected<Histogram> Unpadded =
      Histogram::decodeCompressedBase64(StringRef(Text).rtrim('='));
  ASSERT_TRUE(bool(Unpadded)) << toString(Unpadded.takeError());
  EXPECT_TRUE(*Unpadded == H);
}

} // namespace
