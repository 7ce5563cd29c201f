//===- bk-load.cpp - HTTP load tester -------------------------------------===//
//
// bk-load URL [--concurrency N] [--duration S | --requests N] [--rate R]
// sends keep-alive HTTP/1.1 requests from N connections and reports
// throughput, latency percentiles (HDR histograms), status classes and
// errors; --expect-* and --max-* make it a CI check. Exit status: 0 run done
// and every expectation met, 1 an expectation failed, 2 could not run (bad
// URL, nothing reachable at the start, TLS set-up). docs/CommandGuide/
// bk-load.md has the options.
//
//===----------------------------------------------------------------------===//

#include "bk/Load/Compare.h"
#include "bk/Load/Engine.h"
#include "bk/Load/IntervalLog.h"
#include "bk/Load/Merge.h"
#include "bk/Load/Report.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/Progress.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::SubCommand
    MergeCmd("merge", "Merge the --json reports (or --hdr-log interval logs) "
                      "of the workers of a sharded run, exactly, and judge "
                      "the expectations once");
static cl::list<std::string> MergeInputs(cl::Positional, cl::sub(MergeCmd),
                                         cl::desc("<report.json|log.hlog>..."),
                                         cl::cat(Cat));

static cl::list<std::string> URLs(cl::Positional,
                                  cl::desc("<url> [<url B> with --compare]"),
                                  cl::cat(Cat));
static cl::opt<bool>
    Compare("compare",
            cl::desc("Compare two URLs: alternating rounds, per-round "
                     "ratios B/A, medians with confidence intervals"),
            cl::cat(Cat));
static cl::opt<unsigned> Rounds("rounds",
                                cl::desc("Rounds of --compare (default 6)"),
                                cl::init(6), cl::cat(Cat));
static cl::opt<bool>
    Ramp("ramp",
         cl::desc("Ramp the connections 1, 2, 4, ... up to --concurrency, "
                  "--duration each, and find where throughput saturates"),
         cl::cat(Cat));
static cl::opt<double>
    TargetRate("target-rate",
               cl::desc("With --ramp or a run: the concurrency this many "
                        "answers per second needs (Little's law)"),
               cl::init(0), cl::cat(Cat));
static cl::opt<std::string> Method("method", cl::desc("HTTP method (GET)"),
                                   cl::init("GET"), cl::cat(Cat));
static cl::alias MethodX("X", cl::aliasopt(Method),
                         cl::desc("Alias for --method"));
static cl::list<std::string>
    Headers("header",
            cl::desc("Add a request header 'Name: value' (repeatable)"),
            cl::cat(Cat));
static cl::alias HeadersH("H", cl::aliasopt(Headers),
                          cl::desc("Alias for --header"));
static cl::opt<std::string> Body("body", cl::desc("Request body"),
                                 cl::cat(Cat));
static cl::opt<std::string> BodyFile("body-file",
                                     cl::desc("Read the request body from a "
                                              "file ('-' for stdin)"),
                                     cl::cat(Cat));
static cl::opt<unsigned> Concurrency("concurrency",
                                     cl::desc("Connections (default 10)"),
                                     cl::init(10), cl::cat(Cat));
static cl::alias ConcurrencyC("c", cl::aliasopt(Concurrency),
                              cl::desc("Alias for --concurrency"));
static cl::opt<unsigned>
    Threads("threads",
            cl::desc("Threads, one event loop each (default: the cores)"),
            cl::init(0), cl::cat(Cat));
static cl::opt<double>
    DurationSeconds("duration", cl::desc("Seconds to measure (default 10)"),
                    cl::init(10), cl::cat(Cat));
static cl::opt<uint64_t>
    Requests("requests",
             cl::desc("Stop after this many requests (instead of a duration)"),
             cl::init(0), cl::cat(Cat));
static cl::opt<double>
    Rate("rate",
         cl::desc("Open model: send this many requests per second in total, "
                  "on a fixed schedule; latency counts from each request's "
                  "intended send time"),
         cl::init(0), cl::cat(Cat));
static cl::opt<double> Warmup("warmup",
                              cl::desc("Seconds of load before measuring"),
                              cl::init(0), cl::cat(Cat));
static cl::opt<double> Timeout("timeout",
                               cl::desc("Seconds a request may take (default "
                                        "10)"),
                               cl::init(10), cl::cat(Cat));
static cl::opt<bool> Insecure("insecure",
                              cl::desc("Do not verify the server's TLS "
                                       "certificate"),
                              cl::cat(Cat));
static cl::opt<std::string>
    CACert("cacert", cl::desc("Trust the CAs of this PEM file"), cl::cat(Cat));
static cl::opt<std::string>
    Shard("shard",
          cl::desc("Be worker I of N (I/N): take 1/N of the connections, "
                   "rate and requests; merge the workers' --json reports "
                   "with 'bk-load merge'"),
          cl::cat(Cat));
static cl::opt<std::string>
    StartAt("start-at",
            cl::desc("Start at this time (seconds since the epoch, or "
                     "YYYY-MM-DDTHH:MM:SS[.fff]Z), so that workers start "
                     "together"),
            cl::cat(Cat));
static cl::opt<std::string>
    Samples("samples",
            cl::desc("Write every latency sample (µs, one per line) to this "
                     "file (memory grows with the run: for tests)"),
            cl::cat(Cat));
static cl::opt<bool> JSON("json", cl::desc("Write the report as JSON"),
                          cl::sub(*cl::AllSubCommands), cl::cat(Cat));
static cl::opt<std::string> Output("o", cl::desc("Write the report here ('-')"),
                                   cl::init("-"), cl::sub(*cl::AllSubCommands),
                                   cl::cat(Cat));
static cl::opt<std::string>
    HdrLog("hdr-log",
           cl::desc("Write an HdrHistogram interval log (one histogram per "
                    "second, latency in µs, Interval_Max in ms)"),
           cl::sub(*cl::AllSubCommands), cl::cat(Cat));
static cl::list<unsigned>
    ExpectStatus("expect-status",
                 cl::desc("Fail unless every answer has this status "
                          "(repeatable, or comma-separated) and no request "
                          "fails"),
                 cl::CommaSeparated, cl::sub(*cl::AllSubCommands),
                 cl::cat(Cat));
static cl::opt<bool>
    ExpectRateLimit("expect-rate-limit",
                    cl::desc("Fail unless some answers are 429 (rate "
                             "limited); report when and with which headers"),
                    cl::sub(*cl::AllSubCommands), cl::cat(Cat));
static cl::opt<double> MaxP99("max-p99",
                              cl::desc("Fail when P99 latency exceeds this "
                                       "many milliseconds"),
                              cl::init(0), cl::sub(*cl::AllSubCommands),
                              cl::cat(Cat));
static cl::opt<double>
    MaxErrorRate("max-error-rate",
                 cl::desc("Fail when errors exceed this fraction of requests"),
                 cl::init(0), cl::sub(*cl::AllSubCommands), cl::cat(Cat));

static bool validToken(StringRef S) {
  return !S.empty() && all_of(S, [](char C) {
    return isAlnum(C) || StringRef("!#$%&'*+-.^_`|~").contains(C);
  });
}

/// "I/N" with 1 <= I <= N.
static bool parseShard(StringRef S, unsigned &I, unsigned &N) {
  auto [A, B] = S.split('/');
  return !A.getAsInteger(10, I) && !B.getAsInteger(10, N) && I >= 1 && I <= N;
}

/// Seconds since the epoch, or an ISO 8601 UTC time; 0 when invalid.
static int64_t parseStartAt(StringRef S) {
  double Secs;
  if (!S.getAsDouble(Secs) && std::isfinite(Secs) && Secs > 0 && Secs < 1e11)
    return static_cast<int64_t>(Secs * 1000);
  std::tm TM = {};
  std::string Str = S.str();
  const char *End = strptime(Str.c_str(), "%Y-%m-%dT%H:%M:%S", &TM);
  if (!End)
    return 0;
  int64_t Millis = static_cast<int64_t>(timegm(&TM)) * 1000;
  StringRef Rest(End);
  if (Rest.consume_front(".")) {
    StringRef Frac = Rest.take_while(isDigit);
    Rest = Rest.drop_front(Frac.size());
    Frac = Frac.take_front(3);
    unsigned F = 0;
    Frac.getAsInteger(10, F);
    for (size_t K = Frac.size(); K < 3; ++K)
      F *= 10;
    Millis += F;
  }
  return Rest == "Z" ? Millis : 0;
}

/// The share of Total that worker I of N takes (the first Total % N
/// workers one more).
static uint64_t share(uint64_t Total, unsigned I, unsigned N) {
  return Total / N + (I - 1 < Total % N ? 1 : 0);
}

/// Builds the options of a run from the command line; false after a usage
/// error (reported).
static bool runOptions(DiagnosticEngine &Diags, StringRef URL,
                       load::LoadOptions &Opts) {
  Expected<load::Target> To = load::parseTarget(URL);
  if (!To)
    return usageError(Diags, toString(To.takeError())), false;
  Opts.To = *To;
  Opts.Method = Method;
  if (!validToken(Opts.Method))
    return usageError(Diags, "--method '" + Method + "' is not an HTTP method"),
           false;
  for (StringRef H : Headers) {
    auto [Name, Value] = H.split(':');
    Name = Name.trim();
    Value = Value.trim();
    if (!H.contains(':') || !validToken(Name) ||
        Value.find_first_of("\r\n") != StringRef::npos)
      return usageError(Diags, "--header '" + H +
                                   "' is not 'Name: value' (a token, a colon, "
                                   "a value without line breaks)"),
             false;
    if (Name.equals_insensitive("content-length") ||
        Name.equals_insensitive("transfer-encoding"))
      return usageError(Diags, "--header '" + Name +
                                   "' is bk-load's to set (from --body or "
                                   "--body-file)"),
             false;
    Opts.Headers.push_back({Name.str(), Value.str()});
  }
  if (!Body.empty() && !BodyFile.empty())
    return usageError(Diags, "--body and --body-file are exclusive"), false;
  Opts.Body = Body;
  if (!BodyFile.empty()) {
    auto Buf = BodyFile == "-" ? MemoryBuffer::getSTDIN()
                               : MemoryBuffer::getFile(BodyFile);
    if (!Buf)
      return usageError(Diags, "cannot read --body-file '" + BodyFile +
                                   "': " + Buf.getError().message()),
             false;
    Opts.Body = (*Buf)->getBuffer().str();
  }
  if (Concurrency == 0)
    return usageError(Diags, "--concurrency must be at least 1"), false;
  Opts.Connections = Concurrency;
  Opts.Threads =
      Threads ? Threads : std::max(1u, std::thread::hardware_concurrency());
  if (DurationSeconds.getNumOccurrences() && Requests)
    return usageError(Diags, "--duration and --requests are exclusive: a run "
                             "ends after one or the other"),
           false;
  // Finite and bounded: NaN passes every comparison, and huge values
  // overflow the clock.
  struct Bound {
    const char *Name;
    double Value, Low, High;
    bool LowIncluded;
  } Bounds[] = {{"--duration", DurationSeconds, 0, 1e6, false},
                {"--warmup", Warmup, 0, 1e6, true},
                {"--timeout", Timeout, 0, 3600, false},
                {"--rate", Rate, 0, 1e9, true},
                {"--target-rate", TargetRate, 0, 1e9, true}};
  for (const Bound &B : Bounds)
    if (!std::isfinite(B.Value) || B.Value > B.High ||
        (B.LowIncluded ? B.Value < B.Low : B.Value <= B.Low))
      return usageError(Diags, Twine(B.Name) + " must be a number " +
                                   (B.LowIncluded ? "from " : "above ") +
                                   load::formatNumber(B.Low) + " and at most " +
                                   load::formatNumber(B.High) + ", not " +
                                   load::formatNumber(B.Value)),
             false;
  if (!Opts.To.TLS && (Insecure || !CACert.empty()))
    return usageError(Diags, "--insecure and --cacert are for https:// URLs"),
           false;
  if (Insecure && !CACert.empty())
    return usageError(Diags, "--cacert has no effect with --insecure"), false;
  Opts.DurationSeconds = DurationSeconds;
  Opts.Requests = Requests;
  Opts.Rate = Rate;
  Opts.WarmupSeconds = Warmup;
  Opts.TimeoutSeconds = Timeout;
  Opts.Insecure = Insecure;
  Opts.CAFile = CACert;
  if (!Shard.empty()) {
    unsigned I, N;
    if (!parseShard(Shard, I, N))
      return usageError(Diags,
                        "--shard '" + Shard + "' is not I/N with 1 <= I <= N"),
             false;
    if (Opts.Connections < N)
      return usageError(Diags, "--shard " + Shard + " needs at least " +
                                   Twine(N) + " connections in all"),
             false;
    if (Opts.Requests && Opts.Requests < N)
      return usageError(Diags, "--shard " + Shard + " needs at least " +
                                   Twine(N) + " requests in all"),
             false;
    Opts.Connections = share(Opts.Connections, I, N);
    // Worker I's requests fall between the others' (1/Rate apart).
    if (Opts.Rate > 0)
      Opts.ScheduleOffsetSeconds = (I - 1) / Opts.Rate;
    Opts.Rate /= N;
    if (Opts.Requests)
      Opts.Requests = share(Opts.Requests, I, N);
  }
  if (!StartAt.empty()) {
    Opts.StartAtEpochMillis = parseStartAt(StartAt);
    if (!Opts.StartAtEpochMillis)
      return usageError(Diags, "--start-at '" + StartAt +
                                   "' is neither seconds since the epoch nor "
                                   "YYYY-MM-DDTHH:MM:SS[.fff]Z"),
             false;
    int64_t Now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    if (Opts.StartAtEpochMillis > Now + 86400000)
      return usageError(Diags, "--start-at '" + StartAt +
                                   "' is more than a day ahead (seconds, not "
                                   "milliseconds, since the epoch?)"),
             false;
    if (Opts.StartAtEpochMillis > Now + 1000 && !getQuietOption())
      errs() << formatv("bk-load: waiting {0:f1} s for --start-at\n",
                        (Opts.StartAtEpochMillis - Now) / 1000.0);
  }
  Opts.KeepIntervals = !HdrLog.empty() || JSON;
  Opts.KeepSamples = !Samples.empty();
  return true;
}

/// writeFileAtomically, reporting its error; false after one.
static bool writeFile(DiagnosticEngine &Diags, StringRef Path,
                      function_ref<Error(raw_ostream &)> Write) {
  return !reportError(Diags, writeFileAtomically(Path, Write));
}

/// Runs Opts once for a series; false after an error (reported).
static bool runOnce(DiagnosticEngine &Diags, const load::LoadOptions &Opts,
                    load::RunNumbers &Out) {
  Expected<load::LoadResult> R = load::runLoad(Opts);
  if (!R) {
    Diags.error(Loc(), toString(R.takeError()));
    return false;
  }
  Out = load::RunNumbers::of(*R);
  return true;
}

/// --compare and --ramp: several runs, one report.
static int runSeries(DiagnosticEngine &Diags, const load::Expectations &E) {
  if (Compare && Ramp)
    return usageError(Diags, "--compare and --ramp are exclusive");
  if (!E.Status.empty() || E.RateLimit || E.MaxP99Ms || E.MaxErrorRate)
    return usageError(Diags, "the expectations (--expect-*, --max-*) judge "
                             "a single run, not --compare or --ramp");
  if (!Shard.empty() || !HdrLog.empty() || !Samples.empty() || !StartAt.empty())
    return usageError(Diags, "--shard, --start-at, --hdr-log and --samples "
                             "are for a single run, not --compare or --ramp");
  if (Compare && TargetRate > 0)
    return usageError(Diags, "--target-rate goes with --ramp or a single "
                             "run, not --compare");
  if (URLs.size() != (Compare ? 2u : 1u))
    return usageError(Diags, Compare ? "--compare expects two URLs, A and B"
                                     : "expected one URL (see --help)");
  load::LoadOptions A;
  if (!runOptions(Diags, URLs[0], A))
    return ExitError;
  std::string Report;
  raw_string_ostream OS(Report);
  if (Compare) {
    if (Rounds < 1)
      return usageError(Diags, "--rounds must be at least 1");
    load::LoadOptions B = A;
    Expected<load::Target> To = load::parseTarget(URLs[1]);
    if (!To)
      return usageError(Diags, toString(To.takeError()));
    B.To = *To;
    std::vector<std::pair<load::RunNumbers, load::RunNumbers>> Results;
    Progress P("bk-load --compare", Rounds);
    for (unsigned I = 0; I < Rounds; ++I) {
      // A B, B A, A B, ...: a drift over time hits both alike.
      load::RunNumbers X, Y;
      bool OK = I % 2 == 0 ? runOnce(Diags, A, X) && runOnce(Diags, B, Y)
                           : runOnce(Diags, B, Y) && runOnce(Diags, A, X);
      if (!OK)
        return failWithDiagnostics(Diags);
      Results.push_back({X, Y});
      P.update(I + 1);
    }
    P.finish();
    if (JSON)
      load::printCompareJSON(OS, A, B, Results);
    else
      load::printCompareText(OS, A, B, Results);
  } else {
    if (A.Rate > 0)
      return usageError(Diags, "--ramp steps the connections of a closed "
                               "model; it does not take --rate");
    std::vector<unsigned> Ladder;
    for (unsigned C = 1; C < A.Connections; C *= 2)
      Ladder.push_back(C);
    Ladder.push_back(A.Connections);
    std::vector<load::RampStep> Steps;
    std::vector<load::RunNumbers> Numbers;
    Progress P("bk-load --ramp", Ladder.size());
    for (unsigned C : Ladder) {
      load::LoadOptions O = A;
      O.Connections = C;
      if (O.Requests)
        O.Requests = std::max<uint64_t>(O.Requests, C);
      load::RunNumbers N;
      if (!runOnce(Diags, O, N))
        return failWithDiagnostics(Diags);
      Steps.push_back({C, N.Throughput, N.P50Ms, N.P99Ms});
      Numbers.push_back(N);
      P.update(Steps.size());
    }
    P.finish();
    Optional<double> Target;
    if (TargetRate > 0)
      Target = TargetRate.getValue();
    if (JSON)
      load::printRampJSON(OS, A, Steps, Numbers, Target);
    else
      load::printRampText(OS, A, Steps, Numbers, Target);
  }
  OS.flush();
  if (!writeFile(Diags, Output, [&](raw_ostream &Out) {
        Out << Report;
        return Error::success();
      }))
    return failWithDiagnostics(Diags);
  return ExitSuccess;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-load: HTTP load tester\n\n"
                   "  bk-load URL [--concurrency N] [--duration S | "
                   "--requests N] [--rate R]\n"
                   "  bk-load URL_A URL_B --compare [--rounds N]\n"
                   "  bk-load URL --ramp [--concurrency MAX] "
                   "[--target-rate R]\n"
                   "  bk-load merge REPORT.json... (a sharded run's "
                   "workers)\n\n"
                   "Exit status: 0 done and every expectation met, 1 an "
                   "expectation failed, 2 could not run.\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-load");
  DiagnosticEngine &Diags = Ctx.getDiags();

  load::Expectations E;
  E.Status.assign(ExpectStatus.begin(), ExpectStatus.end());
  for (unsigned S : E.Status)
    if (S < 100 || S > 599)
      return usageError(Diags, "--expect-status " + Twine(S) +
                                   " is not an HTTP status (100-599)");
  E.RateLimit = ExpectRateLimit;
  if (MaxP99.getNumOccurrences()) {
    if (!std::isfinite(MaxP99) || MaxP99 < 0)
      return usageError(Diags, "--max-p99 is milliseconds, 0 or more");
    E.MaxP99Ms = MaxP99.getValue();
  }
  if (MaxErrorRate.getNumOccurrences()) {
    if (!(MaxErrorRate >= 0 && MaxErrorRate <= 1))
      return usageError(Diags, "--max-error-rate is a fraction from 0 to 1");
    E.MaxErrorRate = MaxErrorRate.getValue();
  }
  if (Rounds.getNumOccurrences() && !Compare)
    return usageError(Diags, "--rounds goes with --compare");

  load::WorkerRun Run;
  if (MergeCmd) {
    if (MergeInputs.empty())
      return usageError(Diags, "merge: expected the workers' reports");
    std::vector<load::WorkerRun> Runs;
    for (const std::string &Path : MergeInputs) {
      auto Buf = MemoryBuffer::getFileOrSTDIN(Path);
      if (!Buf)
        return usageError(Diags, "cannot read '" + Path +
                                     "': " + Buf.getError().message());
      StringRef Text = (*Buf)->getBuffer();
      Expected<load::WorkerRun> W = Text.ltrim().startswith("{")
                                        ? load::readJSONReport(Text, Path)
                                        : load::readIntervalLogRun(Text, Path);
      if (!W) {
        reportError(Diags, W.takeError());
        return failWithDiagnostics(Diags);
      }
      Runs.push_back(std::move(*W));
    }
    Expected<load::WorkerRun> M = load::mergeRuns(Runs);
    if (!M) {
      reportError(Diags, M.takeError());
      return failWithDiagnostics(Diags);
    }
    Run = std::move(*M);
    if (Run.LatencyOnly && (!E.Status.empty() || E.RateLimit || E.MaxErrorRate))
      return usageError(Diags, "--expect-status, --expect-rate-limit and "
                               "--max-error-rate need the workers' counts: "
                               "merge their --json reports, not interval "
                               "logs");
  } else if (Compare || Ramp) {
    return runSeries(Diags, E);
  } else {
    if (URLs.size() != 1)
      return usageError(Diags, "expected one URL (see --help)");
    if (TargetRate > 0 && JSON)
      return usageError(Diags, "--target-rate is reported in the text report "
                               "(and by --ramp --json)");
    if (!runOptions(Diags, URLs[0], Run.Opts))
      return ExitError;
    Progress P("bk-load", Run.Opts.Requests);
    if (P.isEnabled())
      Run.Opts.OnProgress = [&](uint64_t Done, double) { P.update(Done); };
    Expected<load::LoadResult> R = load::runLoad(Run.Opts);
    P.finish();
    if (!R) {
      Diags.error(Loc(), toString(R.takeError()));
      return failWithDiagnostics(Diags);
    }
    Run.Result = std::move(*R);
  }
  const load::LoadResult &R = Run.Result;
  std::vector<load::Verdict> Verdicts = load::evaluate(R, E);

  if (!Samples.empty() && !writeFile(Diags, Samples, [&](raw_ostream &OS) {
        for (int64_t V : R.Samples)
          OS << V << "\n";
        return Error::success();
      }))
    return failWithDiagnostics(Diags);
  if (!HdrLog.empty() &&
      !writeFile(Diags, HdrLog, [&](raw_ostream &OS) -> Error {
        load::IntervalLogWriter W(OS, 1000.0);
        W.writeComment("bk-load " + Run.Opts.Method + " " + Run.Opts.To.url() +
                       " (latency in microseconds; Interval_Max in ms)");
        W.writeHeader(R.StartEpochMillis);
        for (const load::LoadInterval &I : R.Intervals) {
          Expected<load::Histogram> H =
              load::Histogram::decodeCompressed(I.Compressed);
          if (!H)
            return H.takeError();
          if (Error E = W.writeInterval(I.Start, I.Length, *H))
            return E;
        }
        return Error::success();
      }))
    return failWithDiagnostics(Diags);
  if (!writeFile(Diags, Output, [&](raw_ostream &OS) {
        if (JSON) {
          load::printJSON(OS, Run.Opts, R, Verdicts);
          return Error::success();
        }
        load::printText(OS, Run.Opts, R, Verdicts);
        if (TargetRate > 0 && R.Corrected.totalCount()) {
          double Mean = R.Corrected.mean() / 1e6;
          OS << formatv(
              "\n  Little's law: {0} answers/s at this run's mean "
              "latency of {1:f2} ms needs about {2:f0} requests in "
              "flight (connections, in a closed model)\n",
              load::formatNumber(TargetRate), Mean * 1000,
              std::ceil(load::littlesLawConcurrency(TargetRate, Mean)));
        }
        return Error::success();
      }))
    return failWithDiagnostics(Diags);
  bool AllPassed =
      llvm::all_of(Verdicts, [](const load::Verdict &V) { return V.Passed; });
  return AllPassed ? ExitSuccess : ExitFindings;
}
