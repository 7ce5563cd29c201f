//===- Engine.cpp - bk-load's HTTP load generator -------------------------===//
//
// The only translation unit with Boost.Beast and Asio in it (each costs ~30
// CPU-seconds to compile: ../shared/docs/STACK.md).
//
// Every connection runs one request at a time: next() decides when the next
// request is due (now in the closed model, on its schedule in the open one),
// send() writes the pre-built request bytes and reads the answer with a
// fresh Beast parser on the connection's buffer, and a failure closes the
// connection, counts the error and starts over with a new one. Each thread
// owns an io_context, its connections and its statistics; nothing is shared
// between threads but a few atomics and read-only set-up.
//
//===----------------------------------------------------------------------===//

#include "bk/Load/Engine.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FormatVariadic.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

using namespace llvm;

namespace bk {
namespace load {

StringRef errorKindName(ErrorKind K) {
  switch (K) {
  case ErrorKind::Connect:
    return "connect";
  case ErrorKind::TLS:
    return "tls";
  case ErrorKind::Timeout:
    return "timeout";
  case ErrorKind::Reset:
    return "reset";
  case ErrorKind::BadResponse:
    return "bad response";
  }
  return "error";
}

std::string formatNumber(double V) {
  char Buf[32];
  snprintf(Buf, sizeof(Buf), "%.15g", V);
  return Buf;
}

uint64_t LoadResult::errors() const {
  uint64_t N = 0;
  for (uint64_t E : Errors)
    N += E;
  return N;
}

Error LoadResult::add(const LoadResult &O, double OffsetSeconds) {
  for (auto [Mine, Theirs] :
       {std::pair<Histogram *, const Histogram *>{&Corrected, &O.Corrected},
        {&Uncorrected, &O.Uncorrected},
        {&Accepted, &O.Accepted},
        {&Rejected, &O.Rejected}})
    if (Error E = Mine->add(*Theirs))
      return E;
  Answers += O.Answers;
  for (const auto &S : O.ByStatus)
    ByStatus[S.first] += S.second;
  for (unsigned K = 0; K < NumErrorKinds; ++K) {
    if (!Errors[K] && O.Errors[K])
      FirstError[K] = O.FirstError[K];
    Errors[K] += O.Errors[K];
  }
  BytesRead += O.BytesRead;
  Samples.insert(Samples.end(), O.Samples.begin(), O.Samples.end());
  int64_t Shift = std::llround(OffsetSeconds);
  for (size_t I = 0; I < O.PerSecond.size(); ++I) {
    size_t J = I + Shift;
    if (J >= PerSecond.size())
      PerSecond.resize(J + 1);
    PerSecond[J] += O.PerSecond[I];
  }
  if (O.RateLimit.Count) {
    double At = O.RateLimit.FirstAtSeconds + OffsetSeconds;
    if (!RateLimit.Count || At < RateLimit.FirstAtSeconds) {
      RateLimit.FirstAtSeconds = At;
      RateLimit.Headers = O.RateLimit.Headers;
    }
    RateLimit.Count += O.RateLimit.Count;
  }
  return Error::success();
}

Error addIntoCompressed(std::vector<uint8_t> &Slot, const Histogram &H,
                        Histogram &Scratch) {
  Scratch.reset();
  if (!Slot.empty()) {
    Expected<Histogram> Before = Histogram::decodeCompressed(Slot);
    if (!Before)
      return Before.takeError();
    if (Error E = Scratch.add(*Before))
      return E;
  }
  if (Error E = Scratch.add(H))
    return E;
  Slot = Scratch.encodeCompressed();
  return Error::success();
}

std::array<uint64_t, 6> LoadResult::statusClasses() const {
  std::array<uint64_t, 6> C{};
  for (const auto &S : ByStatus)
    C[S.first >= 100 && S.first < 600 ? S.first / 100 : 0] += S.second;
  return C;
}

namespace {

double cpuSeconds() {
  rusage U;
  getrusage(RUSAGE_SELF, &U);
  return U.ru_utime.tv_sec + U.ru_stime.tv_sec +
         (U.ru_utime.tv_usec + U.ru_stime.tv_usec) / 1e6;
}

/// This process's peak resident memory since its exec (VmHWM; getrusage's
/// ru_maxrss also counts the parent's memory at fork).
uint64_t peakRSS() {
  std::ifstream Status("/proc/self/status");
  std::string Line;
  while (std::getline(Status, Line))
    if (StringRef(Line).startswith("VmHWM:")) {
      uint64_t KB = 0;
      StringRef(Line).drop_front(6).trim().take_while(isDigit).getAsInteger(10,
                                                                            KB);
      return KB * 1024;
    }
  return 0;
}

Clock::duration seconds(double S) {
  return std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(S));
}

int64_t micros(Clock::duration D) {
  return std::chrono::duration_cast<std::chrono::microseconds>(D).count();
}

class Worker;

/// What every thread reads: the options, the resolved endpoints, the request
/// bytes, the TLS context and the clock marks; and the few atomics.
struct Shared {
  const LoadOptions &Opts;
  tcp::resolver::results_type Endpoints;
  std::string Request;
  ssl::context *TLS = nullptr;
  Clock::time_point Start, MeasureStart, Deadline;
  bool HasDeadline = true;
  /// The host is an IP address (no SNI).
  bool HostIsAddress = false;
  /// The process's CPU time when measuring started (set by worker 0).
  double CPUAtMeasureStart = 0;
  std::atomic<uint64_t> Tickets{0};
  std::atomic<uint64_t> Done{0};
  std::atomic<bool> Stop{false};
  /// Every worker, to stop them all from any thread (asio::post).
  std::vector<Worker *> Workers;

  explicit Shared(const LoadOptions &Opts) : Opts(Opts) {}
};

/// One thread's statistics (merged into the LoadResult at the end).
struct Stats {
  LoadResult R;
  /// The current second's histogram (with KeepIntervals), and the seconds
  /// already done, compressed.
  std::optional<Histogram> Interval;
  int64_t IntervalIndex = -1;
  std::vector<std::pair<int64_t, std::vector<uint8_t>>> Parts;

  void error(ErrorKind K, const std::string &Msg) {
    unsigned I = static_cast<unsigned>(K);
    if (!R.Errors[I]++)
      R.FirstError[I] = Msg;
  }
  /// Records a latency completed in second Index (Index never decreases in
  /// one thread).
  void interval(int64_t Index, int64_t Micros) {
    if (!Interval)
      Interval.emplace(1, 3600000000LL, 3);
    if (Index != IntervalIndex) {
      flushInterval();
      IntervalIndex = Index;
    }
    Interval->record(Micros);
  }
  void flushInterval() {
    if (Interval && Interval->totalCount())
      Parts.push_back({IntervalIndex, Interval->encodeCompressed()});
    if (Interval)
      Interval->reset();
  }
};

class Worker;

/// The part of a connection the worker sees (to stop it).
class ConnectionBase {
public:
  virtual ~ConnectionBase() = default;
  virtual void start() = 0;
  virtual void stop() = 0;
};

template <bool UseTLS>
class Connection : public ConnectionBase,
                   public std::enable_shared_from_this<Connection<UseTLS>> {
  using Stream =
      std::conditional_t<UseTLS, ssl::stream<tcp::socket>, tcp::socket>;

public:
  Connection(Worker &W, unsigned Index);
  void start() override { next(); }
  void stop() override;
  bool stopped() const { return Sh.Stop; }

private:
  Worker &W;
  Shared &Sh;
  /// Position of this connection among all (the open model's schedule).
  unsigned Index;
  uint64_t Sent = 0;
  std::optional<Stream> Str;
  bool Connected = false;
  beast::flat_buffer Buf;
  std::optional<http::response_parser<http::string_body>> Parser;
  asio::steady_timer Wait, Timeout;
  unsigned Generation = 0;
  bool TimedOut = false;
  /// The connection has answered before (a stale keep-alive connection the
  /// server closed while idle fails without a byte: retried once).
  bool Reused = false, Retried = false;
  Clock::time_point Intended, SendTime;
  bool Measured = false;

  tcp::socket &socket() {
    if constexpr (UseTLS)
      return Str->next_layer();
    else
      return *Str;
  }
  std::shared_ptr<Connection> self() { return this->shared_from_this(); }

  void next();
  void go();
  void connect();
  void send();
  void onRead(error_code EC, size_t Bytes);
  void fail(ErrorKind K, const std::string &Msg);
  bool retryStale(error_code EC);
  void readAnswer();
  void armTimeout();
  void close();
};

class Worker {
public:
  Worker(Shared &Sh)
      : Sh(Sh), StopTimer(IO), ProgressTimer(IO), MeasureTimer(IO) {}

  void add(unsigned Index) {
    if (Sh.TLS)
      Conns.push_back(std::make_shared<Connection<true>>(*this, Index));
    else
      Conns.push_back(std::make_shared<Connection<false>>(*this, Index));
  }

  /// The first worker (on the calling thread) also reports progress and
  /// takes the CPU time when measuring starts.
  void run(bool First) {
    for (auto &C : Conns)
      C->start();
    if (First && Sh.Opts.WarmupSeconds > 0) {
      MeasureTimer.expires_at(Sh.MeasureStart);
      MeasureTimer.async_wait([this](error_code EC) {
        if (!EC)
          Sh.CPUAtMeasureStart = cpuSeconds();
      });
    }
    if (Sh.HasDeadline) {
      StopTimer.expires_at(Sh.Deadline);
      StopTimer.async_wait([this](error_code EC) {
        if (!EC)
          stopAll();
      });
    }
    if (First && Sh.Opts.OnProgress)
      tick();
    IO.run();
  }

  /// Ends this thread's run: connections close, timers are cancelled.
  void stopAll() {
    Sh.Stop = true;
    for (auto &C : Conns)
      C->stop();
    StopTimer.cancel();
    ProgressTimer.cancel();
    MeasureTimer.cancel();
  }

  /// A measured request finished (an answer or an error).
  void finished() {
    uint64_t N = ++Sh.Done;
    if (!Sh.HasDeadline && N == Sh.Opts.Requests)
      for (Worker *W : Sh.Workers)
        asio::post(W->IO, [W] { W->stopAll(); });
  }

  /// The second of the measured run T falls in.
  int64_t secondOf(Clock::time_point T) const {
    return static_cast<int64_t>(
        std::chrono::duration<double>(T - Sh.MeasureStart).count());
  }

  void perSecond(Clock::time_point T) {
    if (T < Sh.MeasureStart)
      return;
    size_t S = static_cast<size_t>(secondOf(T));
    if (S >= St.R.PerSecond.size())
      St.R.PerSecond.resize(S + 1);
    ++St.R.PerSecond[S];
  }

  asio::io_context IO;
  Stats St;
  Shared &Sh;

private:
  asio::steady_timer StopTimer, ProgressTimer, MeasureTimer;
  std::vector<std::shared_ptr<ConnectionBase>> Conns;

  void tick() {
    ProgressTimer.expires_after(std::chrono::seconds(1));
    ProgressTimer.async_wait([this](error_code EC) {
      if (EC || Sh.Stop)
        return;
      Sh.Opts.OnProgress(Sh.Done.load(), std::chrono::duration<double>(
                                             Clock::now() - Sh.MeasureStart)
                                             .count());
      tick();
    });
  }
};

template <bool UseTLS>
Connection<UseTLS>::Connection(Worker &W, unsigned Index)
    : W(W), Sh(W.Sh), Index(Index), Wait(W.IO), Timeout(W.IO) {}

template <bool UseTLS> void Connection<UseTLS>::stop() {
  Wait.cancel();
  Timeout.cancel();
  close();
}

template <bool UseTLS> void Connection<UseTLS>::close() {
  if (Str) {
    error_code Ignored;
    socket().shutdown(tcp::socket::shutdown_both, Ignored);
    socket().close(Ignored);
  }
  Connected = false;
}

template <bool UseTLS> void Connection<UseTLS>::next() {
  if (Sh.Stop)
    return;
  Clock::time_point Now = Clock::now();
  if (Sh.Opts.Rate > 0) {
    // Request k of connection i of C is due at Start + (i + k*C) / Rate.
    double At = Sh.Opts.ScheduleOffsetSeconds +
                (Index + double(Sent) * Sh.Opts.Connections) / Sh.Opts.Rate;
    Intended = Sh.Start + seconds(At);
    ++Sent;
    if (Intended > Now) {
      Wait.expires_at(Intended);
      Wait.async_wait([S = self()](error_code EC) {
        if (!EC)
          S->go();
      });
      return;
    }
  } else {
    Intended = Now;
  }
  go();
}

template <bool UseTLS> void Connection<UseTLS>::go() {
  if (Sh.Stop)
    return;
  Measured = Intended >= Sh.MeasureStart;
  if (Measured && !Sh.HasDeadline &&
      Sh.Tickets.fetch_add(1) >= Sh.Opts.Requests)
    return; // all requests handed out: this connection is done
  // One timeout for the whole request, a reconnection included.
  armTimeout();
  Retried = false;
  if (Connected)
    send();
  else
    connect();
}

template <bool UseTLS> void Connection<UseTLS>::armTimeout() {
  TimedOut = false;
  unsigned G = ++Generation;
  Timeout.expires_after(seconds(Sh.Opts.TimeoutSeconds));
  Timeout.async_wait([S = self(), G](error_code EC) {
    if (EC || G != S->Generation)
      return;
    S->TimedOut = true;
    S->close();
  });
}

template <bool UseTLS> void Connection<UseTLS>::connect() {
  if constexpr (UseTLS)
    Str.emplace(W.IO, *Sh.TLS);
  else
    Str.emplace(W.IO);
  Buf.clear();
  Reused = false;
  asio::async_connect(
      socket(), Sh.Endpoints,
      [S = self()](error_code EC, const tcp::endpoint &) {
        if (S->stopped())
          return;
        if (EC)
          return S->fail(S->TimedOut ? ErrorKind::Timeout : ErrorKind::Connect,
                         EC.message());
        error_code Ignored;
        S->socket().set_option(tcp::no_delay(true), Ignored);
        if constexpr (UseTLS) {
          const std::string &Host = S->Sh.Opts.To.Host;
          // SNI names a host; RFC 6066 does not allow an IP literal.
          if (!S->Sh.HostIsAddress)
            SSL_set_tlsext_host_name(S->Str->native_handle(), Host.c_str());
          if (!S->Sh.Opts.Insecure)
            S->Str->set_verify_callback(ssl::host_name_verification(Host));
          S->Str->async_handshake(ssl::stream_base::client, [S](error_code EC) {
            if (S->stopped())
              return;
            if (EC)
              return S->fail(S->TimedOut ? ErrorKind::Timeout : ErrorKind::TLS,
                             EC.message());
            S->Connected = true;
            S->send();
          });
        } else {
          S->Connected = true;
          S->send();
        }
      });
}

template <bool UseTLS> void Connection<UseTLS>::send() {
  SendTime = Clock::now();
  asio::async_write(
      *Str, asio::buffer(Sh.Request), [S = self()](error_code EC, size_t) {
        if (S->stopped())
          return;
        if (EC && S->retryStale(EC))
          return;
        if (EC)
          return S->fail(S->TimedOut ? ErrorKind::Timeout : ErrorKind::Reset,
                         EC.message());
        S->readAnswer();
      });
}

/// Reads one answer with a fresh parser (headers up to 1 MB, bodies up to
/// 64 MB) on the connection's buffer.
template <bool UseTLS> void Connection<UseTLS>::readAnswer() {
  Parser.emplace();
  Parser->header_limit(1024 * 1024);
  Parser->body_limit(64 * 1024 * 1024);
  if (Sh.Opts.Method == "HEAD")
    Parser->skip(true);
  http::async_read(
      *Str, Buf, *Parser,
      [S = self()](error_code EC, size_t Bytes) { S->onRead(EC, Bytes); });
}

/// A keep-alive connection the server closed while it was idle (nginx's
/// keepalive_timeout, a load balancer's) fails on its next request before
/// any byte of an answer: that is no error of the request, which is sent
/// again, once, on a new connection (same intended time, same timeout).
template <bool UseTLS> bool Connection<UseTLS>::retryStale(error_code EC) {
  bool Closed = EC == http::error::end_of_stream || EC == asio::error::eof ||
                EC == asio::error::connection_reset ||
                EC == asio::error::broken_pipe ||
                EC == ssl::error::stream_truncated;
  if (!Reused || Retried || TimedOut || !Closed ||
      (Parser && Parser->got_some()))
    return false;
  Retried = true;
  close();
  connect();
  return true;
}

template <bool UseTLS>
void Connection<UseTLS>::onRead(error_code EC, size_t Bytes) {
  if (stopped())
    return;
  if (EC && retryStale(EC))
    return;
  if (EC) {
    ErrorKind K = ErrorKind::BadResponse;
    if (TimedOut)
      K = ErrorKind::Timeout;
    else if (EC == http::error::end_of_stream || EC == asio::error::eof ||
             EC == asio::error::connection_reset ||
             EC == asio::error::broken_pipe ||
             EC == http::error::partial_message ||
             EC.category() == asio::error::get_ssl_category() ||
             EC == ssl::error::stream_truncated)
      K = ErrorKind::Reset;
    return fail(K, EC.message());
  }
  const auto &Res = Parser->get();
  // An interim answer (100 Continue, 103 Early Hints): the real one follows.
  if (Res.result_int() / 100 == 1 && Res.result_int() != 101) {
    readAnswer();
    return;
  }
  Generation++;
  Timeout.cancel();
  Clock::time_point Now = Clock::now();
  bool KeepAlive = Res.keep_alive();
  Reused = true;
  if (Measured) {
    LoadResult &R = W.St.R;
    unsigned Status = Res.result_int();
    // Latencies beyond the histograms' hour are kept as an hour.
    int64_t Top = R.Corrected.highestTrackableValue();
    int64_t Raw = std::min(micros(Now - SendTime), Top),
            Corr = std::min(micros(Now - Intended), Top);
    R.Uncorrected.record(Raw);
    R.Corrected.record(Corr);
    if (Sh.Opts.KeepSamples)
      R.Samples.push_back(Corr);
    if (Sh.Opts.KeepIntervals)
      W.St.interval(W.secondOf(Now), Corr);
    ++R.Answers;
    ++R.ByStatus[Status];
    R.BytesRead += Bytes;
    if (Status == 429) {
      R.Rejected.record(Raw);
      if (!R.RateLimit.Count++) {
        R.RateLimit.FirstAtSeconds =
            std::chrono::duration<double>(Now - Sh.MeasureStart).count();
        for (const auto &F : Res) {
          StringRef Name(F.name_string().data(), F.name_string().size());
          if (Name.equals_insensitive("retry-after") ||
              Name.startswith_insensitive("ratelimit") ||
              Name.startswith_insensitive("x-ratelimit"))
            R.RateLimit.Headers.push_back({Name.str(), std::string(F.value())});
        }
      }
    } else {
      R.Accepted.record(Raw);
    }
    W.perSecond(Now);
    W.finished();
  }
  if (!KeepAlive)
    close();
  next();
}

template <bool UseTLS>
void Connection<UseTLS>::fail(ErrorKind K, const std::string &Msg) {
  Generation++;
  Timeout.cancel();
  close();
  if (Measured) {
    W.St.error(K, K == ErrorKind::Timeout
                      ? "no answer within " +
                            formatNumber(Sh.Opts.TimeoutSeconds) + " s"
                      : Msg);
    W.finished();
  }
  if (Sh.Stop)
    return;
  if (K == ErrorKind::Connect || K == ErrorKind::TLS) {
    // Do not spin on a refusing server: try again in 10 ms.
    Wait.expires_after(std::chrono::milliseconds(10));
    Wait.async_wait([S = self()](error_code EC) {
      if (!EC)
        S->next();
    });
    return;
  }
  next();
}

} // namespace

/// The request as bytes, built once: request line, Host, User-Agent, the
/// user's headers, Content-Length when there is a body (or the method
/// usually has one).
static std::string buildRequest(const LoadOptions &Opts) {
  std::string R = Opts.Method + " " + Opts.To.PathAndQuery + " HTTP/1.1\r\n";
  bool HasHost = false, HasAgent = false;
  for (const auto &H : Opts.Headers) {
    HasHost |= StringRef(H.first).equals_insensitive("host");
    HasAgent |= StringRef(H.first).equals_insensitive("user-agent");
  }
  if (!HasHost)
    R += "Host: " + Opts.To.hostHeader() + "\r\n";
  if (!HasAgent)
    R += "User-Agent: bk-load\r\n";
  for (const auto &H : Opts.Headers)
    R += H.first + ": " + H.second + "\r\n";
  if (!Opts.Body.empty() || Opts.Method == "POST" || Opts.Method == "PUT" ||
      Opts.Method == "PATCH")
    R += "Content-Length: " + utostr(Opts.Body.size()) + "\r\n";
  R += "\r\n";
  R += Opts.Body;
  return R;
}

static Error fail(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

/// Before the run: one connection (and TLS handshake) must succeed within
/// the timeout, so that a wrong URL fails at once with the reason.
static Error preflight(const LoadOptions &Opts,
                       const tcp::resolver::results_type &Endpoints,
                       ssl::context *TLS, bool IsAddress) {
  asio::io_context IO;
  tcp::socket Sock(IO);
  std::optional<ssl::stream<tcp::socket &>> Tls;
  asio::steady_timer Timer(IO);
  std::string Failure;
  bool TimedOut = false;
  std::string Where = Opts.To.authority();
  Timer.expires_after(seconds(Opts.TimeoutSeconds));
  Timer.async_wait([&](error_code EC) {
    if (EC)
      return;
    TimedOut = true;
    error_code Ignored;
    Sock.close(Ignored);
  });
  asio::async_connect(
      Sock, Endpoints, [&](error_code EC, const tcp::endpoint &) {
        if (EC) {
          Failure = TimedOut
                        ? "cannot connect to " + Where + ": timed out"
                        : "cannot connect to " + Where + ": " + EC.message();
          Timer.cancel();
          return;
        }
        if (!TLS) {
          Timer.cancel();
          return;
        }
        Tls.emplace(Sock, *TLS);
        if (!IsAddress)
          SSL_set_tlsext_host_name(Tls->native_handle(), Opts.To.Host.c_str());
        if (!Opts.Insecure)
          Tls->set_verify_callback(ssl::host_name_verification(Opts.To.Host));
        Tls->async_handshake(ssl::stream_base::client, [&](error_code EC) {
          Timer.cancel();
          if (!EC)
            return;
          std::string Why = EC.message();
          long V = SSL_get_verify_result(Tls->native_handle());
          if (V != X509_V_OK)
            Why = X509_verify_cert_error_string(V);
          Failure = "TLS handshake with " + Where +
                    " failed: " + (TimedOut ? std::string("timed out") : Why) +
                    (Opts.Insecure ? "" : " (--insecure skips verification)");
        });
      });
  IO.run();
  return Failure.empty() ? Error::success() : fail(Failure);
}

Expected<LoadResult> runLoad(const LoadOptions &Opts) {
  Shared Sh(Opts);
  {
    asio::io_context IO;
    tcp::resolver Resolver(IO);
    error_code EC;
    Sh.Endpoints = Resolver.resolve(Opts.To.Host, utostr(Opts.To.Port), EC);
    if (EC)
      return fail("cannot resolve host '" + Opts.To.Host +
                  "': " + EC.message());
  }
  std::optional<ssl::context> TLS;
  if (Opts.To.TLS) {
    TLS.emplace(ssl::context::tls_client);
    error_code EC;
    if (!Opts.CAFile.empty()) {
      TLS->load_verify_file(Opts.CAFile, EC);
      if (EC)
        return fail("cannot read CA file '" + Opts.CAFile +
                    "': " + EC.message());
    } else {
      TLS->set_default_verify_paths(EC);
    }
    TLS->set_verify_mode(Opts.Insecure ? ssl::verify_none : ssl::verify_peer);
    Sh.TLS = &*TLS;
  }
  {
    error_code EC;
    asio::ip::make_address(Opts.To.Host, EC);
    Sh.HostIsAddress = !EC;
  }
  if (Error E = preflight(Opts, Sh.Endpoints, Sh.TLS, Sh.HostIsAddress))
    return E;
  Sh.Request = buildRequest(Opts);

  unsigned Threads = std::max(1u, std::min(Opts.Threads, Opts.Connections));
  std::vector<std::unique_ptr<Worker>> Workers;
  for (unsigned I = 0; I < Threads; ++I) {
    Workers.push_back(std::make_unique<Worker>(Sh));
    Sh.Workers.push_back(Workers.back().get());
  }
  for (unsigned I = 0; I < Opts.Connections; ++I)
    Workers[I % Threads]->add(I);

  if (Opts.StartAtEpochMillis) {
    auto At = std::chrono::system_clock::time_point(
        std::chrono::milliseconds(Opts.StartAtEpochMillis));
    std::this_thread::sleep_until(At);
  }
  double CPUBefore = cpuSeconds();
  Sh.CPUAtMeasureStart = CPUBefore;
  Sh.Start = Clock::now();
  int64_t StartEpoch = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  Sh.MeasureStart = Sh.Start + seconds(Opts.WarmupSeconds);
  Sh.HasDeadline = Opts.Requests == 0;
  Sh.Deadline = Sh.MeasureStart + seconds(Opts.DurationSeconds);
  std::vector<std::thread> Pool;
  for (unsigned I = 1; I < Threads; ++I)
    Pool.emplace_back([&, I] { Workers[I]->run(false); });
  Workers[0]->run(true);
  for (std::thread &T : Pool)
    T.join();
  Clock::time_point End = Clock::now();

  // Seconds of the run: every thread's part of each, added.
  std::map<int64_t, std::vector<uint8_t>> Seconds;
  Histogram Scratch(1, 3600000000LL, 3);
  for (auto &W : Workers) {
    W->St.flushInterval();
    for (const auto &P : W->St.Parts) {
      Expected<Histogram> H = Histogram::decodeCompressed(P.second);
      if (!H)
        return H.takeError();
      if (Error E = addIntoCompressed(Seconds[P.first], *H, Scratch))
        return E;
    }
  }
  std::vector<LoadInterval> Intervals;
  for (auto &S : Seconds)
    Intervals.push_back({double(S.first), 1.0, std::move(S.second)});

  LoadResult R = std::move(Workers[0]->St.R);
  R.Intervals = std::move(Intervals);
  R.StartEpochMillis =
      StartEpoch + static_cast<int64_t>(Opts.WarmupSeconds * 1000);
  for (unsigned I = 1; I < Threads; ++I)
    if (Error E = R.add(Workers[I]->St.R))
      return E;
  Clock::time_point MeasuredEnd =
      Sh.HasDeadline ? std::min(End, Sh.Deadline) : End;
  R.Seconds = std::max(
      0.0,
      std::chrono::duration<double>(MeasuredEnd - Sh.MeasureStart).count());
  // The warm-up's CPU is not the measured run's.
  R.CPUSeconds = cpuSeconds() - Sh.CPUAtMeasureStart;
  R.PeakRSSBytes = peakRSS();
  R.Threads = Threads;
  return R;
}

} // namespace load
} // namespace bk
