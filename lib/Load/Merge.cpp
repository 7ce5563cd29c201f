//===- Merge.cpp - Merging the runs of sharded workers --------------------===//

#include "bk/Load/Merge.h"
#include "bk/Load/IntervalLog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

#include <cmath>
#include <map>

using namespace llvm;

namespace bk {
namespace load {

namespace {
/// Reads one report's fields, remembering the first problem.
class ReportReader {
public:
  ReportReader(StringRef FileName) : FileName(FileName) {}

  Error fail(const Twine &Msg) {
    return createStringError(inconvertibleErrorCode(), FileName + ": " + Msg);
  }

  const json::Object *object(const json::Object &O, StringRef Key) {
    const json::Object *V = O.getObject(Key);
    if (!V)
      problem("'" + Key + "' must be an object");
    return V;
  }
  int64_t integer(const json::Object &O, StringRef Key) {
    Optional<int64_t> V = O.getInteger(Key);
    if (!V)
      problem("'" + Key + "' must be an integer");
    return V.getValueOr(0);
  }
  double number(const json::Object &O, StringRef Key) {
    Optional<double> V = O.getNumber(Key);
    if (!V)
      problem("'" + Key + "' must be a number");
    return V.getValueOr(0);
  }
  std::string string(const json::Object &O, StringRef Key) {
    Optional<StringRef> V = O.getString(Key);
    if (!V)
      problem("'" + Key + "' must be a string");
    return V.getValueOr("").str();
  }
  void histogram(const json::Object &O, StringRef Key, Histogram &Out) {
    const json::Object *L = object(O, Key);
    if (!L)
      return;
    Optional<StringRef> B = L->getString("histogram");
    if (!B) {
      problem("'" + Key + ".histogram' is missing (a report of bk-load " +
              "before merging was possible?)");
      return;
    }
    Expected<Histogram> H = Histogram::decodeCompressedBase64(*B);
    if (!H) {
      problem("'" + Key + ".histogram': " + toString(H.takeError()));
      return;
    }
    if (Error E = Out.add(*H))
      problem("'" + Key + ".histogram': " + toString(std::move(E)));
  }
  void problem(const Twine &Msg) {
    if (Problem.empty())
      Problem = Msg.str();
  }

  std::string FileName;
  std::string Problem;
};
} // namespace

Expected<WorkerRun> readJSONReport(StringRef Text, StringRef FileName) {
  ReportReader RR(FileName);
  Expected<json::Value> V = json::parse(Text);
  if (!V)
    return RR.fail("not JSON: " + toString(V.takeError()));
  const json::Object *O = V->getAsObject();
  if (!O)
    return RR.fail("a bk-load report is a JSON object");
  WorkerRun W;
  // A merge of interval logs has no URL (null) and no counts.
  W.LatencyOnly = O->getBoolean("latency_only").getValueOr(false);
  if (!W.LatencyOnly) {
    std::string URL = RR.string(*O, "url");
    if (!RR.Problem.empty())
      return RR.fail(RR.Problem);
    Expected<Target> T = parseTarget(URL);
    if (!T)
      return RR.fail(toString(T.takeError()));
    W.Opts.To = *T;
  }
  W.Opts.Method = RR.string(*O, "method");
  W.Opts.Connections = RR.integer(*O, "connections");
  W.Opts.Rate = O->getNumber("rate").getValueOr(0);
  LoadResult &R = W.Result;
  R.StartEpochMillis = RR.integer(*O, "start_epoch_ms");
  R.Threads = RR.integer(*O, "threads");
  R.Seconds = RR.number(*O, "seconds");
  R.Answers = RR.integer(*O, "answers");
  R.BytesRead = RR.integer(*O, "bytes_read");
  R.CPUSeconds = RR.number(*O, "cpu_seconds");
  if (const json::Object *S = RR.object(*O, "status"))
    for (const auto &KV : *S) {
      unsigned Code;
      Optional<int64_t> N = KV.second.getAsInteger();
      if (StringRef(KV.first).getAsInteger(10, Code) || !N)
        RR.problem("'status' maps status codes to counts");
      else
        R.ByStatus[Code] += *N;
    }
  if (const json::Object *E = RR.object(*O, "errors"))
    for (unsigned K = 0; K < NumErrorKinds; ++K)
      R.Errors[K] = RR.integer(*E, errorKindName(ErrorKind(K)));
  if (const json::Object *FE = O->getObject("first_errors"))
    for (unsigned K = 0; K < NumErrorKinds; ++K)
      if (Optional<StringRef> Msg = FE->getString(errorKindName(ErrorKind(K))))
        R.FirstError[K] = Msg->str();
  RR.histogram(*O, "latency", R.Corrected);
  RR.histogram(*O, "latency_uncorrected", R.Uncorrected);
  if (const json::Array *PS = O->getArray("per_second"))
    for (const json::Value &N : *PS)
      R.PerSecond.push_back(N.getAsInteger().getValueOr(0));
  if (const json::Object *RL = RR.object(*O, "rate_limit")) {
    R.RateLimit.Count = RR.integer(*RL, "count");
    if (R.RateLimit.Count) {
      R.RateLimit.FirstAtSeconds = RR.number(*RL, "first_at_seconds");
      if (const json::Object *H = RL->getObject("headers"))
        for (const auto &KV : *H)
          R.RateLimit.Headers.push_back(
              {KV.first.str(), KV.second.getAsString().getValueOr("").str()});
      RR.histogram(*RL, "accepted", R.Accepted);
      RR.histogram(*RL, "rejected", R.Rejected);
    } else {
      R.Accepted = R.Uncorrected;
    }
  }
  if (const json::Array *IS = O->getArray("intervals"))
    for (const json::Value &IV : *IS) {
      const json::Object *I = IV.getAsObject();
      if (!I) {
        RR.problem("'intervals' holds objects");
        break;
      }
      LoadInterval LI;
      LI.Start = RR.number(*I, "start");
      LI.Length = RR.number(*I, "length");
      Expected<Histogram> H =
          Histogram::decodeCompressedBase64(RR.string(*I, "histogram"));
      if (!H) {
        RR.problem("'intervals': " + toString(H.takeError()));
        break;
      }
      LI.Compressed = H->encodeCompressed();
      R.Intervals.push_back(std::move(LI));
    }
  if (!RR.Problem.empty())
    return RR.fail(RR.Problem);
  return W;
}

Expected<WorkerRun> readIntervalLogRun(StringRef Text, StringRef FileName) {
  Expected<IntervalLog> Log = readIntervalLog(Text, FileName);
  if (!Log)
    return Log.takeError();
  WorkerRun W;
  W.LatencyOnly = true;
  W.Opts.Method = "";
  W.Opts.Connections = 0;
  double Base = Log->baseTimeSeconds();
  double First = -1;
  for (const IntervalLogEntry &E : Log->Intervals) {
    if (!E.Tag.empty())
      continue;
    if (First < 0)
      First = E.Start;
    if (Error Err = W.Result.Corrected.add(E.Hist))
      return createStringError(inconvertibleErrorCode(),
                               FileName + ": " + toString(std::move(Err)));
    W.Result.Intervals.push_back(
        {E.Start - First, E.Length, E.Hist.encodeCompressed()});
    W.Result.Seconds = std::max(W.Result.Seconds, E.Start - First + E.Length);
  }
  if (First < 0)
    First = 0;
  W.Result.StartEpochMillis = std::llround((Base + First) * 1000);
  W.Result.Uncorrected = W.Result.Corrected;
  W.Result.Accepted = W.Result.Corrected;
  W.Result.Answers = W.Result.Corrected.totalCount();
  return W;
}

Expected<WorkerRun> mergeRuns(ArrayRef<WorkerRun> Runs) {
  auto Fail = [](const Twine &Msg) {
    return createStringError(inconvertibleErrorCode(), Msg);
  };
  if (Runs.empty())
    return Fail("nothing to merge");
  WorkerRun M;
  M.Opts = Runs.front().Opts;
  M.Opts.Connections = 0;
  M.Opts.Rate = 0;
  M.LatencyOnly = false;
  int64_t Start = Runs.front().Result.StartEpochMillis;
  for (const WorkerRun &W : Runs)
    Start = std::min(Start, W.Result.StartEpochMillis);
  LoadResult &R = M.Result;
  R.StartEpochMillis = Start;
  // Each second's histogram, kept compressed (addIntoCompressed).
  std::map<int64_t, std::vector<uint8_t>> Seconds;
  Histogram Scratch(1, 3600000000LL, 3);
  for (const WorkerRun &W : Runs) {
    const LoadResult &O = W.Result;
    // One input without counts makes every count incomplete.
    M.LatencyOnly |= W.LatencyOnly;
    if (M.Opts.To.Host.empty())
      M.Opts = W.Opts, M.Opts.Connections = 0, M.Opts.Rate = 0;
    M.Opts.Connections += W.Opts.Connections;
    M.Opts.Rate += W.Opts.Rate;
    // Seconds of this worker, shifted onto the merged run's.
    double Offset = (O.StartEpochMillis - Start) / 1000.0;
    int64_t Shift = std::llround(Offset);
    if (Error E = R.add(O, Offset))
      return E;
    R.CPUSeconds += O.CPUSeconds;
    R.Threads += O.Threads;
    R.Seconds = std::max(R.Seconds, Offset + O.Seconds);
    for (const LoadInterval &I : O.Intervals) {
      Expected<Histogram> H = Histogram::decodeCompressed(I.Compressed);
      if (!H)
        return H.takeError();
      if (Error E = addIntoCompressed(Seconds[std::llround(I.Start) + Shift],
                                      *H, Scratch))
        return E;
    }
  }
  for (auto &S : Seconds)
    R.Intervals.push_back({double(S.first), 1.0, std::move(S.second)});
  return M;
}

} // namespace load
} // namespace bk
