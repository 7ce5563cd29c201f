//===- load-fuzzer.cpp - libFuzzer target for bk-load's readers -----------===//
//
// Feeds arbitrary bytes to what bk-load merge reads: HdrHistogram interval
// logs, and compressed histograms (base64 and raw). Beyond "no crash, no
// hang, no sanitizer report", every histogram that decodes must encode and
// decode back to an equal one.
//
// Build and run: utils/fuzz.sh [seconds]
//
//===----------------------------------------------------------------------===//

#include "bk/Load/Histogram.h"
#include "bk/Load/IntervalLog.h"

#include <cstdlib>

using namespace bk::load;
using namespace llvm;

static void checkRoundTrip(const Histogram &H) {
  Expected<Histogram> Again = Histogram::decodeCompressed(H.encodeCompressed());
  if (!Again || *Again != H) {
    consumeError(Again.takeError());
    abort();
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (Expected<IntervalLog> Log = readIntervalLog(Text, "fuzz.hlog")) {
    for (const IntervalLogEntry &E : Log->Intervals)
      checkRoundTrip(E.Hist);
  } else {
    consumeError(Log.takeError());
  }
  if (Expected<Histogram> H = Histogram::decodeCompressedBase64(Text))
    checkRoundTrip(*H);
  else
    consumeError(H.takeError());
  ArrayRef<uint8_t> Bytes(Data, Size);
  for (auto Decode : {&Histogram::decode, &Histogram::decodeCompressed}) {
    if (Expected<Histogram> H = Decode(Bytes))
      checkRoundTrip(*H);
    else
      consumeError(H.takeError());
  }
  return 0;
}
