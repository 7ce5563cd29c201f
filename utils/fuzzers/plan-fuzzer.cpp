//===- plan-fuzzer.cpp - libFuzzer target for the index advisor's reader --===//
//
// Arbitrary bytes as EXPLAIN (VERBOSE, FORMAT JSON) output and as one qual
// through lib/IndexAdvisor's plan reader, and as a query read without a
// server against a small schema (QueryShape.cpp), then the candidates of
// every relation read. Beyond "no crash, no hang, no sanitizer report", every
// candidate's CREATE INDEX must be one statement PostgreSQL's scanner reads
// without error, with balanced parentheses and at least one key.
//
//===----------------------------------------------------------------------===//

#include "bk/IndexAdvisor/Candidates.h"
#include "bk/IndexAdvisor/Offline.h"
#include "bk/IndexAdvisor/Plan.h"
#include "bk/SQL/Tokens.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace bk;
using namespace bk::advisor;
using namespace llvm;

static void check(const IndexCandidate &C) {
  std::string SQL = C.createSQL("name", /*Concurrently=*/true);
  int Depth = 0;
  bool Bad = C.Keys.empty();
  for (const sql::Token &T : sql::tokenize(SQL)) {
    Bad |= T.is(sql::TokenKind::Error) || T.isPunctuation(';');
    Depth += T.isPunctuation('(') - T.isPunctuation(')');
    Bad |= Depth < 0;
  }
  if (Bad || Depth != 0) {
    errs() << "bad candidate: " << SQL << "\n";
    abort();
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  // The server sends valid UTF-8; the SQL lexer requires it.
  const UTF8 *Begin = reinterpret_cast<const UTF8 *>(Text.begin());
  if (!isLegalUTF8String(&Begin, reinterpret_cast<const UTF8 *>(Text.end())))
    return 0;
  StatisticsMap Stats;
  CandidateOptions Opts;
  RelationScan Single;
  Single.Schema = "public";
  Single.Name = "t";
  Single.Alias = "a";
  Single.Predicates = readQual(Text);
  for (const IndexCandidate &C : candidatesFor(Single, Stats, Opts))
    check(C);
  static const schema::Catalog Shop = [] {
    schema::Catalog C;
    C.Schemas.emplace_back();
    C.Schemas.back().Name = "public";
    C.Schemas.back().Tables.emplace_back();
    schema::Table &T = C.Schemas.back().Tables.back();
    T.Name = "t";
    for (const char *Name : {"a", "b", "c"}) {
      T.Columns.emplace_back();
      T.Columns.back().Name = Name;
    }
    return C;
  }();
  std::string Problem;
  for (const RelationScan &R : readQueryShape(Text, Shop, "public", Problem))
    for (const IndexCandidate &C : candidatesFor(R, Stats, Opts))
      check(C);
  Expected<PlanSummary> P = readPlan(Text);
  if (!P) {
    consumeError(P.takeError());
    return 0;
  }
  for (const RelationScan &R : P->Relations)
    for (const IndexCandidate &C : candidatesFor(R, Stats, Opts))
      check(C);
  return 0;
}
