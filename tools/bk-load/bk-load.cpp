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

#include "bk/Load/Engine.h"
#include "bk/Load/Report.h"
#include "bk/Support/Context.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"
#include "bk/Support/Progress.h"
#include "bk/Support/ToolMain.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <thread>

using namespace llvm;
using namespace bk;

static cl::OptionCategory &Cat = getToolCategory();

static cl::list<std::string> URLs(cl::Positional, cl::desc("<url>"),
                                  cl::cat(Cat));
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
static cl::opt<bool> JSON("json", cl::desc("Write the report as JSON"),
                          cl::cat(Cat));
static cl::opt<std::string> Output("o", cl::desc("Write the report here ('-')"),
                                   cl::init("-"), cl::cat(Cat));
static cl::list<unsigned>
    ExpectStatus("expect-status",
                 cl::desc("Fail unless every answer has this status "
                          "(repeatable, or comma-separated) and no request "
                          "fails"),
                 cl::CommaSeparated, cl::cat(Cat));
static cl::opt<bool>
    ExpectRateLimit("expect-rate-limit",
                    cl::desc("Fail unless some answers are 429 (rate "
                             "limited); report when and with which headers"),
                    cl::cat(Cat));
static cl::opt<double> MaxP99("max-p99",
                              cl::desc("Fail when P99 latency exceeds this "
                                       "many milliseconds"),
                              cl::init(-1), cl::cat(Cat));
static cl::opt<double>
    MaxErrorRate("max-error-rate",
                 cl::desc("Fail when errors exceed this fraction of requests"),
                 cl::init(-1), cl::cat(Cat));

static bool validToken(StringRef S) {
  return !S.empty() && all_of(S, [](char C) {
    return isAlnum(C) || StringRef("!#$%&'*+-.^_`|~").contains(C);
  });
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  parseCommandLine(argc, argv,
                   "bk-load: HTTP load tester\n\n"
                   "  bk-load URL [--concurrency N] [--duration S | "
                   "--requests N] [--rate R]\n\n"
                   "Exit status: 0 done and every expectation met, 1 an "
                   "expectation failed, 2 could not run.\n");
  Context Ctx;
  configureDiagnostics(Ctx, "bk-load");
  DiagnosticEngine &Diags = Ctx.getDiags();

  if (URLs.size() != 1)
    return usageError(Diags, "expected one URL (see --help)");
  Expected<load::Target> To = load::parseTarget(URLs[0]);
  if (!To)
    return usageError(Diags, toString(To.takeError()));

  load::LoadOptions Opts;
  Opts.To = *To;
  Opts.Method = Method;
  if (!validToken(Opts.Method))
    return usageError(Diags, "--method '" + Method + "' is not an HTTP method");
  for (StringRef H : Headers) {
    auto [Name, Value] = H.split(':');
    Name = Name.trim();
    Value = Value.trim();
    if (!H.contains(':') || !validToken(Name) ||
        Value.find_first_of("\r\n") != StringRef::npos)
      return usageError(Diags, "--header '" + H +
                                   "' is not 'Name: value' (a token, a colon, "
                                   "a value without line breaks)");
    Opts.Headers.push_back({Name.str(), Value.str()});
  }
  if (!Body.empty() && !BodyFile.empty())
    return usageError(Diags, "--body and --body-file are exclusive");
  Opts.Body = Body;
  if (!BodyFile.empty()) {
    auto Buf = BodyFile == "-" ? MemoryBuffer::getSTDIN()
                               : MemoryBuffer::getFile(BodyFile);
    if (!Buf)
      return usageError(Diags, "cannot read --body-file '" + BodyFile +
                                   "': " + Buf.getError().message());
    Opts.Body = (*Buf)->getBuffer().str();
  }
  if (Concurrency == 0)
    return usageError(Diags, "--concurrency must be at least 1");
  Opts.Connections = Concurrency;
  Opts.Threads =
      Threads ? Threads : std::max(1u, std::thread::hardware_concurrency());
  if (DurationSeconds <= 0 && !Requests)
    return usageError(Diags, "--duration must be positive");
  if (Rate < 0 || Warmup < 0 || Timeout <= 0)
    return usageError(Diags, "--rate and --warmup cannot be negative, "
                             "--timeout must be positive");
  Opts.DurationSeconds = DurationSeconds;
  Opts.Requests = Requests;
  Opts.Rate = Rate;
  Opts.WarmupSeconds = Warmup;
  Opts.TimeoutSeconds = Timeout;
  Opts.Insecure = Insecure;
  Opts.CAFile = CACert;

  load::Expectations E;
  E.Status.assign(ExpectStatus.begin(), ExpectStatus.end());
  for (unsigned S : E.Status)
    if (S < 100 || S > 599)
      return usageError(Diags, "--expect-status " + Twine(S) +
                                   " is not an HTTP status (100-599)");
  E.RateLimit = ExpectRateLimit;
  if (MaxP99 >= 0)
    E.MaxP99Ms = MaxP99.getValue();
  if (MaxErrorRate >= 0) {
    if (MaxErrorRate > 1)
      return usageError(Diags, "--max-error-rate is a fraction from 0 to 1");
    E.MaxErrorRate = MaxErrorRate.getValue();
  }

  Progress P("bk-load", Requests);
  if (P.isEnabled())
    Opts.OnProgress = [&](uint64_t Done, double) { P.update(Done); };
  Expected<load::LoadResult> R = load::runLoad(Opts);
  P.finish();
  if (!R) {
    Diags.error(Loc(), toString(R.takeError()));
    return failWithDiagnostics(Diags);
  }
  std::vector<load::Verdict> Verdicts = load::evaluate(*R, E);

  auto Out = OutputFile::create(Output);
  if (!Out) {
    reportError(Diags, Out.takeError());
    return failWithDiagnostics(Diags);
  }
  if (JSON)
    load::printJSON((*Out)->os(), Opts, *R, Verdicts);
  else
    load::printText((*Out)->os(), Opts, *R, Verdicts);
  if (Error Err = (*Out)->commit()) {
    reportError(Diags, std::move(Err));
    return failWithDiagnostics(Diags);
  }
  bool AllPassed =
      llvm::all_of(Verdicts, [](const load::Verdict &V) { return V.Passed; });
  return AllPassed ? ExitSuccess : ExitFindings;
}
