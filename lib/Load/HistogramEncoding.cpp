//===- HistogramEncoding.cpp - HdrHistogram's V2 encoding -----------------===//
//
// The byte formats of HdrHistogram's encodeIntoByteBuffer and
// encodeIntoCompressedByteBuffer (Java AbstractHistogram, hdr_histogram_log.c,
// HdrHistogramJS), written and read here from their description:
//
//   V2:         cookie, payload length, normalizing index offset,
//               significant digits (4 bytes each), lowest discernible value,
//               highest trackable value, integer-to-double ratio (8 bytes
//               each), all big-endian, then the payload: the counts up to the
//               maximum's as ZigZag LEB128-64b9B, several zeros in a row as
//               minus the run's length.
//   compressed: cookie, deflated length (4 bytes each), then the zlib stream
//               of the V2 bytes.
//
//===----------------------------------------------------------------------===//

#include "bk/Load/Histogram.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <zlib.h>

using namespace llvm;
using namespace llvm::support;

namespace bk {
namespace load {

// Cookies. The nibble 0xf0 held the word size in V0/V1; V2 writers set it to
// 1 (0x1c849313, 0x1c849314) and every reader (Java, C, JS) masks it off.
static constexpr uint32_t WordSizeMask = 0xf0;
static constexpr uint32_t V2WordSizeBits = 0x10;
static constexpr uint32_t V2EncodingCookie = 0x1c849303;
static constexpr uint32_t V2CompressedCookie = 0x1c849304;
static constexpr uint32_t V1EncodingCookie = 0x1c849301;
static constexpr uint32_t V1CompressedCookie = 0x1c849302;
static constexpr uint32_t V0EncodingCookie = 0x1c849308;
static constexpr uint32_t V0CompressedCookie = 0x1c849309;

static constexpr size_t HeaderSize = 40;
static constexpr size_t CompressedHeaderSize = 8;
/// ZigZag LEB128-64b9B: eight 7-bit groups, then one byte of the last 8 bits.
static constexpr size_t MaxBytesPerCount = 9;

static Error decodeError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

static std::string hex(uint64_t V, unsigned Digits) {
  std::string S;
  raw_string_ostream(S) << format_hex(V, Digits + 2);
  return S;
}

static std::string hex32(uint32_t V) { return hex(V, 8); }

/// Checks that Cookie is Wanted (a V2 cookie, word-size bits aside) and says
/// what it is otherwise.
static Error checkCookie(uint32_t Cookie, uint32_t Wanted) {
  uint32_t Base = Cookie & ~WordSizeMask;
  if (Base == Wanted)
    return Error::success();
  StringRef What =
      Wanted == V2CompressedCookie ? "a compressed histogram" : "a histogram";
  if (Base == V1EncodingCookie || Base == V1CompressedCookie ||
      Base == V0EncodingCookie || Base == V0CompressedCookie)
    return decodeError(
        Twine("cookie ") + hex32(Cookie) + " is HdrHistogram's " +
        (Base == V1EncodingCookie || Base == V1CompressedCookie ? "V1" : "V0") +
        " encoding; only V2 is supported");
  if (Base == V2EncodingCookie || Base == V2CompressedCookie)
    return decodeError(Twine("cookie ") + hex32(Cookie) + " is not " + What +
                       " (expected " + hex32(Wanted | V2WordSizeBits) + ")");
  return decodeError(Twine("bad cookie ") + hex32(Cookie) + ": not " + What);
}

//===----------------------------------------------------------------------===//
// ZigZag LEB128-64b9B
//===----------------------------------------------------------------------===//

static void putZigZag(std::vector<uint8_t> &Out, int64_t Value) {
  uint64_t Z = (static_cast<uint64_t>(Value) << 1) ^
               (Value < 0 ? ~uint64_t(0) : uint64_t(0));
  for (int Group = 0; Group < 8; ++Group) {
    if (Z < 0x80) {
      Out.push_back(static_cast<uint8_t>(Z));
      return;
    }
    Out.push_back(static_cast<uint8_t>((Z & 0x7f) | 0x80));
    Z >>= 7;
  }
  Out.push_back(static_cast<uint8_t>(Z)); // The ninth byte: all 8 bits.
}

/// Reads one value at Pos; false when the bytes end inside it.
static bool getZigZag(ArrayRef<uint8_t> In, size_t &Pos, int64_t &Value) {
  uint64_t Z = 0;
  for (unsigned Group = 0; Group < MaxBytesPerCount; ++Group) {
    if (Pos >= In.size())
      return false;
    uint8_t Byte = In[Pos++];
    if (Group == 8) {
      Z |= uint64_t(Byte) << 56;
      break;
    }
    Z |= uint64_t(Byte & 0x7f) << (7 * Group);
    if (!(Byte & 0x80))
      break;
  }
  Value = static_cast<int64_t>((Z >> 1) ^ (~(Z & 1) + 1));
  return true;
}

//===----------------------------------------------------------------------===//
// Encoding
//===----------------------------------------------------------------------===//

std::vector<uint8_t> Histogram::encode() const {
  std::vector<uint8_t> Out(HeaderSize);
  // Up to the counter of the maximum (counter 0 when empty), as Java's
  // fillBufferFromCountsArray: a single zero is written as 0, a run of
  // several as minus its length.
  int Limit = countsArrayIndex(MaxValue) + 1;
  for (int I = 0; I < Limit;) {
    int64_t Count = Counts[I++];
    if (Count != 0) {
      putZigZag(Out, Count);
      continue;
    }
    int64_t Zeros = 1;
    for (; I < Limit && Counts[I] == 0; ++I)
      ++Zeros;
    putZigZag(Out, Zeros > 1 ? -Zeros : 0);
  }

  uint8_t *H = Out.data();
  endian::write32be(H, V2EncodingCookie | V2WordSizeBits);
  endian::write32be(H + 4, static_cast<uint32_t>(Out.size() - HeaderSize));
  endian::write32be(H + 8, 0); // Normalizing index offset.
  endian::write32be(H + 12, static_cast<uint32_t>(Digits));
  endian::write64be(H + 16, static_cast<uint64_t>(LowestDiscernible));
  endian::write64be(H + 24, static_cast<uint64_t>(HighestTrackable));
  endian::write64be(H + 32, DoubleToBits(1.0)); // Integer-to-double ratio.
  return Out;
}

std::vector<uint8_t> Histogram::encodeCompressed() const {
  std::vector<uint8_t> Raw = encode();
  uLongf Length = compressBound(static_cast<uLong>(Raw.size()));
  std::vector<uint8_t> Out(CompressedHeaderSize + Length);
  // Level 9, as HistogramLogWriter (Deflater.BEST_COMPRESSION).
  int RC = compress2(Out.data() + CompressedHeaderSize, &Length, Raw.data(),
                     static_cast<uLong>(Raw.size()), Z_BEST_COMPRESSION);
  if (RC != Z_OK) // Only when out of memory: the buffer is large enough.
    report_fatal_error("zlib compress2 failed with code " + Twine(RC));
  Out.resize(CompressedHeaderSize + Length);
  endian::write32be(Out.data(), V2CompressedCookie | V2WordSizeBits);
  endian::write32be(Out.data() + 4, static_cast<uint32_t>(Length));
  return Out;
}

std::string Histogram::encodeCompressedBase64() const {
  return encodeBase64(encodeCompressed());
}

//===----------------------------------------------------------------------===//
// Decoding
//===----------------------------------------------------------------------===//

Error Histogram::decodeCounts(ArrayRef<uint8_t> Payload) {
  const int64_t Length = countsLength();
  int64_t Index = 0;
  size_t Pos = 0;
  while (Pos < Payload.size()) {
    size_t Start = Pos;
    int64_t Value;
    if (!getZigZag(Payload, Pos, Value))
      return decodeError("truncated count at payload byte " + Twine(Start));
    if (Value < 0) {
      uint64_t Zeros = 0 - static_cast<uint64_t>(Value);
      if (Zeros > static_cast<uint64_t>(Length - Index))
        return decodeError("counts overrun: " + Twine(Zeros) +
                           " zero counts at index " + Twine(Index) +
                           " go past the " + Twine(Length) +
                           " counters of this layout");
      Index += static_cast<int64_t>(Zeros);
      continue;
    }
    if (Index >= Length)
      return decodeError("counts overrun: a count at index " + Twine(Index) +
                         " is past the " + Twine(Length) +
                         " counters of this layout");
    if (AddOverflow(TotalCount, Value, TotalCount))
      return decodeError("the total count overflows int64");
    Counts[Index++] = Value;
  }

  // The extremes at bucket resolution, as HdrHistogram's
  // establishInternalTackingValues.
  for (int I = 0; I < Length; ++I) {
    if (Counts[I] == 0)
      continue;
    MaxValue = valueFromIndex(I);
    if (I != 0 && MinNonZeroValue == std::numeric_limits<int64_t>::max())
      MinNonZeroValue = MaxValue;
  }
  return Error::success();
}

/// Builds the empty histogram a 40-byte V2 header describes and returns its
/// payload length.
static Expected<Histogram> fromHeader(ArrayRef<uint8_t> Header,
                                      size_t &PayloadLength) {
  assert(Header.size() >= HeaderSize);
  const uint8_t *H = Header.data();
  if (Error E = checkCookie(endian::read32be(H), V2EncodingCookie))
    return E;
  int32_t Length = static_cast<int32_t>(endian::read32be(H + 4));
  // The normalizing index offset (H + 8) is where Java's counts array
  // physically starts; the payload is in logical order whatever it is
  // (HdrHistogramJS writes 1), so it is ignored, as HdrHistogramJS does.
  // The integer-to-double ratio (H + 32) only matters to DoubleHistogram.
  int32_t Digits = static_cast<int32_t>(endian::read32be(H + 12));
  int64_t Lowest = static_cast<int64_t>(endian::read64be(H + 16));
  int64_t Highest = static_cast<int64_t>(endian::read64be(H + 24));
  Expected<Histogram> Hist = Histogram::create(Lowest, Highest, Digits);
  if (!Hist)
    return decodeError("invalid histogram configuration: " +
                       toString(Hist.takeError()));
  uint64_t MaxLength = MaxBytesPerCount * uint64_t(Hist->countsLength());
  if (Length < 0 || static_cast<uint64_t>(Length) > MaxLength)
    return decodeError("payload length " + Twine(Length) +
                       " is impossible for the " + Twine(Hist->countsLength()) +
                       " counters of this layout (at most " + Twine(MaxLength) +
                       " bytes)");
  PayloadLength = static_cast<size_t>(Length);
  return Hist;
}

Expected<Histogram> Histogram::decode(ArrayRef<uint8_t> Bytes) {
  if (Bytes.size() < 4)
    return decodeError("truncated histogram: " + Twine(Bytes.size()) +
                       " bytes, no cookie");
  if (Error E = checkCookie(endian::read32be(Bytes.data()), V2EncodingCookie))
    return E;
  if (Bytes.size() < HeaderSize)
    return decodeError("truncated histogram: " + Twine(Bytes.size()) +
                       " bytes, the header alone has " + Twine(HeaderSize));
  size_t PayloadLength;
  Expected<Histogram> Hist = fromHeader(Bytes, PayloadLength);
  if (!Hist)
    return Hist.takeError();
  size_t Present = Bytes.size() - HeaderSize;
  if (Present < PayloadLength)
    return decodeError("truncated histogram: the header announces " +
                       Twine(PayloadLength) + " payload bytes, " +
                       Twine(Present) + " follow");
  if (Present > PayloadLength)
    return decodeError("trailing data after the histogram payload (" +
                       Twine(Present - PayloadLength) + " bytes)");
  if (Error E = Hist->decodeCounts(Bytes.drop_front(HeaderSize)))
    return E;
  return Hist;
}

namespace {
/// Reads a zlib stream in pieces of known size.
class Inflater {
public:
  explicit Inflater(ArrayRef<uint8_t> In) {
    Stream.next_in = const_cast<Bytef *>(In.data());
    Stream.avail_in = static_cast<uInt>(In.size());
    Initialized = inflateInit(&Stream) == Z_OK;
  }
  ~Inflater() {
    if (Initialized)
      inflateEnd(&Stream);
  }
  Inflater(const Inflater &) = delete;
  Inflater &operator=(const Inflater &) = delete;

  /// Inflates exactly Out.size() bytes.
  Error read(MutableArrayRef<uint8_t> Out, StringRef What) {
    if (!Initialized)
      return decodeError("zlib could not be initialized");
    Stream.next_out = Out.data();
    Stream.avail_out = static_cast<uInt>(Out.size());
    while (Stream.avail_out > 0) {
      if (Ended)
        return decodeError("truncated compressed histogram: the deflated "
                           "data ends inside the " +
                           What);
      int RC = inflate(&Stream, Z_NO_FLUSH);
      if (RC == Z_STREAM_END)
        Ended = true;
      else if (RC == Z_BUF_ERROR)
        Ended = true; // No progress: the input ended before the stream did.
      else if (RC != Z_OK)
        return zlibError(RC);
    }
    return Error::success();
  }

  /// Checks that the stream ends where the header said.
  Error finish() {
    uint8_t Extra;
    Stream.next_out = &Extra;
    Stream.avail_out = 1;
    int RC = Ended ? Z_STREAM_END : inflate(&Stream, Z_FINISH);
    if (Stream.avail_out == 0)
      return decodeError("the deflated data holds more than the header "
                         "announces");
    if (RC == Z_STREAM_END)
      return Error::success();
    if (RC == Z_BUF_ERROR)
      return decodeError("truncated compressed histogram: the deflated "
                         "stream does not end");
    return zlibError(RC);
  }

private:
  Error zlibError(int RC) {
    return decodeError("corrupt deflated data: " +
                       Twine(Stream.msg ? Stream.msg : zError(RC)));
  }

  z_stream Stream = {};
  bool Initialized = false;
  bool Ended = false;
};
} // namespace

Expected<Histogram> Histogram::decodeCompressed(ArrayRef<uint8_t> Bytes) {
  if (Bytes.size() < 4)
    return decodeError("truncated compressed histogram: " +
                       Twine(Bytes.size()) + " bytes, no cookie");
  if (Error E = checkCookie(endian::read32be(Bytes.data()), V2CompressedCookie))
    return E;
  if (Bytes.size() < CompressedHeaderSize)
    return decodeError(
        "truncated compressed histogram: " + Twine(Bytes.size()) +
        " bytes, the header alone has " + Twine(CompressedHeaderSize));
  int32_t Deflated = static_cast<int32_t>(endian::read32be(Bytes.data() + 4));
  size_t Present = Bytes.size() - CompressedHeaderSize;
  if (Deflated < 0 || static_cast<size_t>(Deflated) > Present)
    return decodeError("truncated compressed histogram: the header announces " +
                       Twine(Deflated) + " deflated bytes, " + Twine(Present) +
                       " follow");
  if (static_cast<size_t>(Deflated) < Present)
    return decodeError("trailing data after the compressed histogram (" +
                       Twine(Present - Deflated) + " bytes)");

  Inflater Z(Bytes.drop_front(CompressedHeaderSize));
  uint8_t Header[HeaderSize];
  if (Error E = Z.read(Header, "header"))
    return E;
  size_t PayloadLength;
  Expected<Histogram> Hist = fromHeader(Header, PayloadLength);
  if (!Hist)
    return Hist.takeError();
  std::vector<uint8_t> Payload(PayloadLength);
  if (Error E = Z.read(Payload, "payload"))
    return E;
  if (Error E = Z.finish())
    return E;
  if (Error E = Hist->decodeCounts(Payload))
    return E;
  return Hist;
}

/// Standard base64 (RFC 4648, '+' and '/'), padding optional. LLVM 14's
/// Base64.h only encodes.
static Expected<std::vector<uint8_t>> decodeBase64(StringRef Text) {
  size_t Data = Text.size();
  while (Data > 0 && Text[Data - 1] == '=' && Text.size() - Data < 2)
    --Data;
  if (Data != Text.size() && Text.size() % 4 != 0)
    return decodeError("invalid base64: padded text of length " +
                       Twine(Text.size()) + " is not a multiple of 4");
  if (Data % 4 == 1)
    return decodeError("invalid base64: " + Twine(Data) +
                       " characters cannot encode whole bytes");
  std::vector<uint8_t> Out;
  Out.reserve(Data / 4 * 3 + 2);
  uint32_t Bits = 0;
  int NumBits = 0;
  for (size_t I = 0; I < Data; ++I) {
    char C = Text[I];
    uint32_t Sextet;
    if (C >= 'A' && C <= 'Z')
      Sextet = C - 'A';
    else if (C >= 'a' && C <= 'z')
      Sextet = C - 'a' + 26;
    else if (C >= '0' && C <= '9')
      Sextet = C - '0' + 52;
    else if (C == '+')
      Sextet = 62;
    else if (C == '/')
      Sextet = 63;
    else if (isPrint(C))
      return decodeError("invalid base64 character '" + Twine(C) +
                         "' at offset " + Twine(I));
    else
      return decodeError("invalid base64 byte " +
                         Twine(hex(static_cast<uint8_t>(C), 2)) +
                         " at offset " + Twine(I));
    Bits = (Bits << 6) | Sextet;
    NumBits += 6;
    if (NumBits >= 8) {
      NumBits -= 8;
      Out.push_back(static_cast<uint8_t>(Bits >> NumBits));
      Bits &= (1u << NumBits) - 1;
    }
  }
  return Out;
}

Expected<Histogram> Histogram::decodeCompressedBase64(StringRef Text) {
  Expected<std::vector<uint8_t>> Bytes = decodeBase64(Text.trim());
  if (!Bytes)
    return Bytes.takeError();
  return decodeCompressed(*Bytes);
}

} // namespace load
} // namespace bk
