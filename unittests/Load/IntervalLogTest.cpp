//===- IntervalLogTest.cpp - HdrHistogram interval logs -------------------===//

#include "bk/Load/IntervalLog.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace bk::load;
using namespace llvm;

namespace {

/// HdrHistogram's test resource jHiccup-2.0.7S.logV2.hlog (public domain,
/// src/test/resources/org/HdrHistogram/), written by HdrHistogram (Java)
/// from jHiccup's nanosecond histograms. HistogramLogReaderWriterTest.
/// jHiccupV2Log states the answers checked below.
constexpr const char *JHiccupLog =
    R"hlog(#[Logged with jHiccup version 2.0.7-SNAPSHOT]
#[Histogram log format version 1.2]
#[StartTime: 1441753532.570 (seconds since epoch), Tue Sep 08 16:05:32 PDT 2015]
"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
0.126,1.007,1.933,HISTFAAAAEB42pNpmSzMwMAgywABTBDKT4GBgdnNYMcCBvsPEBEjDT0FMTUxMT05LgEhPqmIeWxtTAKMTNxM6xmZmAAjcgjc
1.133,1.000,0.377,HISTFAAAADx42pNpmSzMwMAgyQABTBDKT4GBgdnNYMcCBvsPEBEBDQUxCSkJMTEFOSExPhmbR6xfmPQ4GJmYAP4DCJg=
2.133,1.001,0.328,HISTFAAAADl42pNpmSzMwMAgxgABTBDKT4GBgdnNYMcCBvsPEBEdKw09MQUFEQkbCTEhMZGAY6wbmFQ4AOqWCKo=
3.134,1.000,0.311,HISTFAAAADh42pNpmSzMwMAgygABTBDKT4GBgdnNYMcCBvsPEBEWES0OAR4REQEhET4JMRG5O+xzmHgA0uYHiw==
4.134,0.998,0.328,HISTFAAAADl42pNpmSzMwMAgxgABTBDKT4GBgdnNYMcCBvsPEBERFT4hPjExHj45MREuHgGNPWzfmGxYAN01CAk=
5.132,1.002,0.426,HISTFAAAADx42pNpmSzMwMAgyQABTBDKT4GBgdnNYMcCBvsPEBEpHTUFNTkpKTYxCSEBASmle2zrmFhFmJmYAPywCCo=
6.134,1.000,0.328,HISTFAAAADl42pNpmSzMwMAgxgABTBDKT4GBgdnNYMcCBvsPEBEOLTU+CSEWMT4xHiERHhGZTWxtzA5MANtsB4w=
7.134,1.515,960.496,HISTFAAAAJV42pNpmSzMwMDUwAABTBDKT4GBgdnNYMcCBvsPEBEWLi4eNkY2PiYOPhYOLgGOLuZjTGLrGZnKgTCYyZrJEoh1mWSZpMFQFkpyM/GCMTKJzOdkYoVCZjgLmc1MhDwzEyMQggl0SH1BbEJIgIUJC2AhUoxchSwsLGwsMIBgYRUkQyFBaQ4g4EIl0PlcpKtB4wMAh5wT+Q==
8.649,0.483,1.196,HISTFAAAAEB42pNpmSzMwMAgywABTBDKT4GBgdnNYMcCBvsPEBEuFTkhER4BLg4JJh4+Hh6fC0xJ3BLiTKxM5kxMTAAQ9QfA
9.132,1.001,1.180,HISTFAAAAEV42pNpmSzMwMCgzAABTBDKT4GBgdnNYMcCBvsPEBEOGS4lLi4+CS4FMT4hET65IyxrWEr4mFiZmBiZRIFQmYkJAEe9CGE=
10.133,0.999,0.459,HISTFAAAAD542pNpmSzMwMAgxQABTBDKT4GBgdnNYMcCBvsPEBEWAwMJHgEBEQkZPh4hIR6pd8w7WBYwSnAzMQEAA2UImg==
11.132,1.001,0.328,HISTFAAAADt42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBE2OS4+HiYhCQkpAQEOPh6tH0z3WLcx8gAA5FgIgA==
12.133,0.999,0.328,HISTFAAAADt42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBERCwMRASEeISEFKQE2Nh6ZHUzvWOcwigEA6gQIjg==
13.132,1.221,897.581,HISTFAAAAJN42pNpmSzMwMBUyAABTBDKT4GBgdnNYMcCBvsPUBkRDjYWFiYONj42NjYeDq4JjOcYNY4yspQzlTN5MlkyWQOxJpM0kywQS0NpSSZuJl4gRCcRLE4mViBkBpOsaGxCojAWIwpE41JBkJA6dMDCxESUGGUKkQRZQICNBQawsSiTJqCQiwMI0AgOLsIEXmk2AGRbE3w=
14.353,0.780,0.344,HISTFAAAADt42pNpmSzMwMAgwQABTBDKT4GBgdnNYMcCBvsPEBE5BzMeEQEROR4xPh4+Hg6lD4yfmFsYeZgA9ggIvg==
15.133,0.999,0.328,HISTFAAAADp42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEeMwUuIQEeNiUVIT4hNg6RH4x9bOcYlQDnkgiG
16.132,1.002,0.344,HISTFAAAADx42pNpmSzMwMAgwQABTBDKT4GBgdnNYMcCBvsPEBE2IQk+HhERAQEZCQE2HgGJOUyL2A4xSjEBAOmUCAQ=
17.134,1.000,0.410,HISTFAAAAD142pNpmSzMwMAgxQABTBDKT4GBgdnNYMcCBvsPEBEuEzkJAxExITEFBRE+IR6tKUyvWPsYeVhZmAAGAwic
18.134,1.874,985.661,HISTFAAAAJN42pNpmSzMwMDUwQABTBDKT4GBgdnNYMcCBvsPEBEWMQERPj4+CQERBSEeLj6paUw9rHsYeWqZyoEwm8mayRKMZZmkwRBGCzPxMnEDMTKJymdnYmZihUNmLCzsosgsRjhEYlJJkBh1QMDChAmwiREvSIJCFhhgY8HCxM+iTBrC4uDg4uBAJtD52Aiy1LAAAM0NFUM=
20.008,0.125,0.426,HISTFAAAADh42pNpmSzMwMAgygABTBDKT4GBgdnNYMcCBvsPEBEuHjY2Fg4mDiZmNhZGFj4HLTZOFiYAxNAFpQ==
20.133,0.999,0.672,HISTFAAAAD542pNpmSzMwMAgzQABTBDKT4GBgdnNYMcCBvsPEBEOCSkJHgk+OREZCTEeDi6peyyTWCp42JmkmZgABl8ILg==
21.132,1.002,0.328,HISTFAAAADp42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEOOx0NIR4OCQEJKT4hPgGeQ8xtrD2MHADoXggX
22.134,0.998,0.344,HISTFAAAADp42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEODwMhIQExHhU5Lh4OHh6NI8yTWJO4mADo9ggQ
23.132,1.000,0.328,HISTFAAAADt42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBE+ExkBIR4RMSEFCQEOMQ6ZU0y/WGcwcgAA6MgIjA==
24.132,1.002,0.328,HISTFAAAADt42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEhOSE5Dj4RDg4dMSEBAQ6JG0yXWE8xCgAA5lAIiA==
25.134,0.997,0.328,HISTFAAAADt42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBE+NQUBKT4hGTkNCQEuPhGRfUxXWFcwCgEA6SAIig==
26.131,1.001,0.344,HISTFAAAADx42pNpmSzMwMAgwQABTBDKT4GBgdnNYMcCBvsPEBEOJQE+IQE+KQE5Pj4BDj6hf4yL2B4wijEBAO3hCIM=
27.132,1.000,0.328,HISTFAAAADp42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEeDQMhIQExES4pAT4RDh6eBqYZbNcY+QDkzAgL
28.132,0.999,0.328,HISTFAAAADt42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBGRPB0OASUeMREpISEOLiGVeUwPWCcxCgAA7dIImg==
29.131,1.001,0.672,HISTFAAAAD542pNpmSzMwMAgxQABTBDKT4GBgdnNYMcCBvsPEBExKyM1OQURMQUTFRkZGbktjPOYVzCHsKkyMQEAEO8JTw==
30.132,0.999,1.212,HISTFAAAAEp42pNpmSzMwMCgxgABTBDKT4GBgdnNYMcCBvsPEBEZtyAzEx0ZBRMdIQ0ZAZkXjIdYdjCysjGyMDGzsDNxMjExMlkzMQEAlqQKHg==
31.131,1.002,1.704,HISTFAAAAER42pNpmSzMwMCgyAABTBDKT4GBgdnNYMcCBvsPEBEBCTE5CSEBPikxFRkuEbGcc6w/mIyYmVjYmbSZRJl8mZgARSsJMg==
32.133,0.999,0.328,HISTFAAAADl42pNpmSzMwMAgxgABTBDKT4GBgdnNYMcCBvsPEBEuOxUFMT4RIRkRHj4eCQGlO8wdrDFsAOChCBE=
33.132,1.001,0.328,HISTFAAAADl42pNpmSzMwMAgxgABTBDKT4GBgdnNYMcCBvsPEBEhCwk5JSU5MR4tKQkBCTGJWSzbWByYAOMdCB0=
34.133,1.000,0.328,HISTFAAAADp42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEuAzERMQEeJRExKRE+Hj6TD0zHWBsYRQDpLAiM
35.133,0.999,8.716,HISTFAAAAEx42pNpmSzMwMCgzQABTBDKT4GBgdnNYMcCBvsPEBE+CQUJAQEOAQkFEQ4BIR6xD0xPWCcwcsizNDMylQNhOJM1kyUQ6zMxAQC4Hwtg
36.132,1.000,0.328,HISTFAAAADp42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEeHQ0hMR4RPiEVISEeATmlNuYFrLMYuQDmMggN
37.132,1.000,0.344,HISTFAAAADp42pNpmSzMwMAgzgABTBDKT4GBgdnNYMcCBvsPEBEOLy0JLg4uMS4FFjYhHgGpGcyvWLM4mADmgggO
)hlog";

std::string fixed3(double V) {
  std::string S;
  raw_string_ostream(S) << format("%.3f", V);
  return S;
}

/// Adds the intervals starting in [From, To] seconds into a 3-digit
/// histogram, as HistogramLogReader.nextIntervalHistogram(From, To) and
/// HdrHistogram's Histogram(3) do in the test.
struct Accumulated {
  Histogram H{1, 3600LL * 1000 * 1000 * 1000, 3};
  int Intervals = 0;
  int64_t TotalCount = 0;
};

Accumulated accumulate(const IntervalLog &Log, double From, double To) {
  Accumulated A;
  for (const IntervalLogEntry &I : Log.Intervals) {
    double Offset = I.Start + Log.baseTimeSeconds() - *Log.StartTime;
    if (Offset < From || Offset > To)
      continue;
    ++A.Intervals;
    A.TotalCount += I.Hist.totalCount();
    EXPECT_FALSE(errorToBool(A.H.add(I.Hist)));
  }
  return A;
}

TEST(IntervalLogTest, ReadsHdrHistogramsLog) {
  Expected<IntervalLog> Log = readIntervalLog(JHiccupLog, "jHiccup.hlog");
  ASSERT_TRUE(bool(Log)) << toString(Log.takeError());
  EXPECT_EQ(Log->FormatVersion, "1.2");
  ASSERT_TRUE(Log->StartTime.hasValue());
  EXPECT_DOUBLE_EQ(*Log->StartTime, 1441753532.570);
  EXPECT_FALSE(Log->BaseTime.hasValue());
  // Timestamps are relative to the start time.
  EXPECT_DOUBLE_EQ(Log->baseTimeSeconds(), 1441753532.570);

  // Each line's Interval_Max column is the histogram's max in ms.
  for (const IntervalLogEntry &I : Log->Intervals) {
    EXPECT_EQ(fixed3(I.Hist.max() / 1e6), fixed3(I.Max))
        << "interval at " << I.Start;
    EXPECT_TRUE(I.Tag.empty());
  }

  Accumulated All = accumulate(*Log, 0, 1e9);
  EXPECT_EQ(All.Intervals, 38);
  EXPECT_EQ(All.TotalCount, 30874);
  EXPECT_EQ(All.H.valueAtPercentile(99.9), 956825599);
  EXPECT_EQ(All.H.max(), 981991423);

  Accumulated Early = accumulate(*Log, 5, 20);
  EXPECT_EQ(Early.Intervals, 14);
  EXPECT_EQ(Early.TotalCount, 12406);
  EXPECT_EQ(Early.H.valueAtPercentile(99.9), 969408511);
  EXPECT_EQ(Early.H.max(), 981991423);

  Accumulated Late = accumulate(*Log, 15, 32);
  EXPECT_EQ(Late.Intervals, 17);
  EXPECT_EQ(Late.TotalCount, 13754);
  EXPECT_EQ(Late.H.valueAtPercentile(99.9), 969408511);
  EXPECT_EQ(Late.H.max(), 981991423);
}

TEST(IntervalLogTest, ReadsTags) {
  // From HdrHistogramJS's HistogramLogReader.spec.ts.
  Expected<IntervalLog> Log = readIntervalLog(
      "#[Histogram log format version 1.2]\r\n"
      "Tag=A,0.127,1.007,2.769,HISTFAAAAEV42pNpmSzMwMCgyAABTBDKT4GBgdnNYMcCBvsP"
      "EBEJISEuATEZMQ4uASkhIR4nrxg9v2lMaxhvMekILGZkKmcCAEf2CsI=\r\n",
      "tagged.hlog");
  ASSERT_TRUE(bool(Log)) << toString(Log.takeError());
  ASSERT_EQ(Log->Intervals.size(), 1u);
  const IntervalLogEntry &I = Log->Intervals[0];
  EXPECT_EQ(I.Tag, "A");
  EXPECT_DOUBLE_EQ(I.Start, 0.127);
  EXPECT_DOUBLE_EQ(I.Length, 1.007);
  EXPECT_EQ(fixed3(I.Hist.max() / 1e6), "2.769");
  // No StartTime: the first timestamp stands for it, so they are absolute.
  EXPECT_EQ(Log->baseTimeSeconds(), 0.0);
}

TEST(IntervalLogTest, WritesHdrHistogramsFormat) {
  Histogram Fast(1, 3600LL * 1000 * 1000, 3);
  Fast.record(250, 100);
  Fast.record(1500);
  Histogram Empty(1, 3600LL * 1000 * 1000, 3);

  std::string Text;
  raw_string_ostream OS(Text);
  IntervalLogWriter W(OS); // Microseconds, max in milliseconds.
  W.writeComment("Logged with bk-load\nhttp://localhost:8080/");
  W.writeHeader(1441753532570);
  W.writeBaseTime(1441753532000);
  ASSERT_FALSE(errorToBool(W.writeInterval(0.126, 1.007, Fast)));
  ASSERT_FALSE(errorToBool(W.writeInterval(1.133, 1.0, Empty, "GET")));
  OS.flush();

  EXPECT_EQ(Text, "#Logged with bk-load\n"
                  "#http://localhost:8080/\n"
                  "#[Histogram log format version 1.3]\n"
                  "#[StartTime: 1441753532.570 (seconds since epoch), "
                  "Tue Sep 08 23:05:32 UTC 2015]\n"
                  "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\","
                  "\"Interval_Compressed_Histogram\"\n"
                  "#[BaseTime: 1441753532.000 (seconds since epoch)]\n"
                  "0.126,1.007,1.500," +
                      Fast.encodeCompressedBase64() +
                      "\n"
                      "Tag=GET,1.133,1.000,0.000," +
                      Empty.encodeCompressedBase64() + "\n");

  Expected<IntervalLog> Log = readIntervalLog(Text, "run.hlog");
  ASSERT_TRUE(bool(Log)) << toString(Log.takeError());
  EXPECT_EQ(Log->FormatVersion, "1.3");
  EXPECT_DOUBLE_EQ(*Log->StartTime, 1441753532.570);
  EXPECT_DOUBLE_EQ(*Log->BaseTime, 1441753532.0);
  EXPECT_DOUBLE_EQ(Log->baseTimeSeconds(), 1441753532.0);
  ASSERT_EQ(Log->Intervals.size(), 2u);
  EXPECT_EQ(Log->Intervals[0].Tag, "");
  EXPECT_DOUBLE_EQ(Log->Intervals[0].Start, 0.126);
  EXPECT_DOUBLE_EQ(Log->Intervals[0].Length, 1.007);
  EXPECT_DOUBLE_EQ(Log->Intervals[0].Max, 1.5);
  EXPECT_TRUE(Log->Intervals[0].Hist == Fast);
  EXPECT_EQ(Log->Intervals[1].Tag, "GET");
  EXPECT_TRUE(Log->Intervals[1].Hist == Empty);
}

TEST(IntervalLogTest, WritesWhatHdrHistogramWrites) {
  // HdrHistogram 2.1.11's HistogramLogWriter (Java, TZ=UTC) wrote this with
  // outputLogFormatVersion(), outputStartTime(1700000000123), outputLegend()
  // and, for I = 0..2, outputIntervalHistogram(0.5 + I, 1.5 + I, H, 1000.0)
  // of a Histogram(1, 60000000, 3) holding v * 37 % 90001 + 1 for
  // v = 1..1000 * (I + 1), tagged "GET" for I = 1. Both sides deflate the
  // same bytes with zlib at level 9, so even the base64 is the same.
  const char *Java =
      "#[Histogram log format version 1.3]\n"
      "#[StartTime: 1700000000.123 (seconds since epoch), Tue Nov 14 22:13:"
      "20 UTC 2023]\n"
      "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_C"
      "ompressed_Histogram\"\n"
      "0.500,1.000,37.023,HISTFAAAAF142pNpmSzMwMBewAABzFCaEcyZ3M5g/wEi4M3kT"
      "keoy6TMpEg3LMvED4aCw5LmZGIHQlY4yTrKHyJ8ViYGJmYgRiWxiY3Kj8qPylNLHgjAB"
      "JxC42IXpa4iAD4+ME0=\n"
      "Tag=GET,1.500,1.000,74.047,HISTFAAAAHB42pNpmSzMwMBdwAABzFCaEcyZ3M5g/"
      "wEi4M3kTkeoy6TMpEg3LMvED4aCw5LmZGIHQlY4yTrKHyJ8ViYGJmYgRiWxiY3Kj8qPy"
      "lNLHgjABJxC42IXHVU0qmhU0XBQxMLCAsXYmbhlqKaICQDDqzgh\n"
      "2.500,1.000,90.047,HISTFAAAAIR42pNpmSzMwCDAzgABzFCaEcyZ3M5g/wEioMkkz"
      "6Q6TLEsEy+TIBM/EA9HmpOJnYkVCbOP8ocIn5WJgYkZihngNDI5Kj8qPypPXXkGJiYwR"
      "lDoNFZqJCnCFpS4A3lUflSeevI4kyZe0VFFo4pGFQ0HRSwsLFCMnYlbZlQRxYqYABF8O"
      "LY=\n";

  std::string Text;
  raw_string_ostream OS(Text);
  IntervalLogWriter W(OS);
  W.writeHeader(1700000000123);
  for (int I = 0; I < 3; ++I) {
    Histogram H(1, 60000000, 3);
    for (int64_t V = 1; V <= 1000 * (I + 1); ++V)
      H.record(V * 37 % 90001 + 1);
    ASSERT_FALSE(
        errorToBool(W.writeInterval(0.5 + I, 1.0, H, I == 1 ? "GET" : "")));
  }
  OS.flush();
  EXPECT_EQ(Text, Java);
}

TEST(IntervalLogTest, MaxColumnUsesTheUnitRatio) {
  Histogram H(1, 1000000, 3);
  H.record(1000);
  std::string Text;
  raw_string_ostream OS(Text);
  IntervalLogWriter Nanos(OS, 1e6);
  ASSERT_FALSE(errorToBool(Nanos.writeInterval(0, 1, H)));
  IntervalLogWriter Same(OS, 1);
  ASSERT_FALSE(errorToBool(Same.writeInterval(0, 1, H)));
  OS.flush();
  std::string Base64 = H.encodeCompressedBase64();
  EXPECT_EQ(Text, "0.000,1.000,0.001," + Base64 + "\n0.000,1.000,1000.000," +
                      Base64 + "\n");
}

TEST(IntervalLogTest, RefusesTagsWithDelimiters) {
  Histogram H(1, 1000, 3);
  std::string Text;
  raw_string_ostream OS(Text);
  IntervalLogWriter W(OS);
  EXPECT_EQ(toString(W.writeInterval(0, 1, H, "GET /users")),
            "tag 'GET /users' holds a comma, a space or a line break");
  EXPECT_EQ(toString(W.writeInterval(0, 1, H, "a,b")),
            "tag 'a,b' holds a comma, a space or a line break");
  OS.flush();
  EXPECT_EQ(Text, "");
}

std::string readError(StringRef Text) {
  Expected<IntervalLog> Log = readIntervalLog(Text, "bad.hlog");
  if (Log)
    return "";
  return toString(Log.takeError());
}

TEST(IntervalLogTest, LocatesMalformedLines) {
  Histogram H(1, 1000, 3);
  H.record(5);
  std::string Good = H.encodeCompressedBase64();
  std::string Header = "#[Histogram log format version 1.3]\n"
                       "\"StartTimestamp\",\"Interval_Length\","
                       "\"Interval_Max\",\"Interval_Compressed_Histogram\"\n";
  ASSERT_EQ(readError(Header + "0.1,1.0,2.0," + Good + "\n"), "");

  EXPECT_EQ(readError(Header + "0.1,1.0,abc," + Good + "\n"),
            "bad.hlog:3:9: invalid Interval_Max 'abc': not a number");
  EXPECT_EQ(readError(Header + "\n0.1,,2.0," + Good + "\n"),
            "bad.hlog:4:5: invalid Interval_Length '': not a number");
  EXPECT_EQ(readError(Header + "  nan,1.0,2.0," + Good + "\r\n"),
            "bad.hlog:3:3: invalid StartTimestamp 'nan': not a number");
  EXPECT_EQ(readError(Header + "0.1,1.0,2.0\n"),
            "bad.hlog:3:1: expected 4 fields (StartTimestamp, "
            "Interval_Length, Interval_Max, Interval_Compressed_Histogram), "
            "found 3");
  EXPECT_EQ(readError(Header + "Tag=x,0.1,1.0\n"),
            "bad.hlog:3:1: expected 4 fields (StartTimestamp, "
            "Interval_Length, Interval_Max, Interval_Compressed_Histogram) "
            "after the tag, found 2");
  EXPECT_EQ(readError(Header + "0.1,1.0,2.0,HISTFAAA\n"),
            "bad.hlog:3:13: invalid Interval_Compressed_Histogram: truncated "
            "compressed histogram: 6 bytes, the header alone has 8");
  EXPECT_EQ(readError(Header + "0.1,1.0,2.0,HISTF@AA\n"),
            "bad.hlog:3:13: invalid Interval_Compressed_Histogram: invalid "
            "base64 character '@' at offset 5");
  EXPECT_EQ(readError("#[StartTime: soon (seconds since epoch)]\n"),
            "bad.hlog:1:14: invalid StartTime 'soon': not a number");
  EXPECT_EQ(readError("#[BaseTime: ]\n"),
            "bad.hlog:1:13: invalid BaseTime '': not a number");
}

TEST(IntervalLogTest, EmptyLogs) {
  Expected<IntervalLog> Log = readIntervalLog("", "empty.hlog");
  ASSERT_TRUE(bool(Log)) << toString(Log.takeError());
  EXPECT_TRUE(Log->Intervals.empty());
  EXPECT_EQ(Log->FormatVersion, "");
  EXPECT_EQ(Log->baseTimeSeconds(), 0.0);

  Log = readIntervalLog("# just a comment\n\n", "empty.hlog");
  ASSERT_TRUE(bool(Log)) << toString(Log.takeError());
  EXPECT_TRUE(Log->Intervals.empty());
}

} // namespace
