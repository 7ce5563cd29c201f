//===- PassManagerTest.cpp - Passes, analyses, pipelines ------------------===//

#include "bk/Passes/PassManager.h"

#include "gtest/gtest.h"

using namespace bk;
using namespace llvm;

namespace {

/// A toy IR unit: the pass manager is independent of the IRs.
struct ToyIR {
  std::vector<int> Values;
};

/// Sums the values; counts how often it ran.
struct SumAnalysis {
  static AnalysisKey Key;
  using Result = int;
  static unsigned Runs;
  Result run(ToyIR &IR, AnalysisManager<ToyIR> &) {
    ++Runs;
    int S = 0;
    for (int V : IR.Values)
      S += V;
    return S;
  }
};
AnalysisKey SumAnalysis::Key;
unsigned SumAnalysis::Runs = 0;

struct CountAnalysis {
  static AnalysisKey Key;
  using Result = size_t;
  Result run(ToyIR &IR, AnalysisManager<ToyIR> &) { return IR.Values.size(); }
};
AnalysisKey CountAnalysis::Key;

/// Reads the sum analysis and records it.
class ReadSumPass : public Pass<ToyIR> {
public:
  explicit ReadSumPass(std::vector<int> &Seen) : Seen(Seen) {}
  StringRef getName() const override { return "read-sum"; }
  PreservedAnalyses run(ToyIR &IR, AnalysisManager<ToyIR> &AM) override {
    Seen.push_back(AM.getResult<SumAnalysis>(IR));
    return PreservedAnalyses::all();
  }
  std::vector<int> &Seen;
};

/// Appends a value: invalidates the sum but says the count is kept (wrongly
/// on purpose, to test that exactly the preserved set survives).
class AppendPass : public Pass<ToyIR> {
public:
  StringRef getName() const override { return "append"; }
  PreservedAnalyses run(ToyIR &IR, AnalysisManager<ToyIR> &) override {
    IR.Values.push_back(10);
    return PreservedAnalyses::none().preserve<CountAnalysis>();
  }
};

class NegativeRule : public Rule<ToyIR> {
public:
  using Rule::Rule;

protected:
  void check(ToyIR &IR, AnalysisManager<ToyIR> &) override {
    for (size_t I = 0; I < IR.Values.size(); ++I)
      if (IR.Values[I] < 0)
        report(finding(Loc("toy", unsigned(I + 1), 1), "negative value")
                   .addNote(Loc("toy", 1, 1), "values start here"));
  }
};

TEST(PassManagerTest, AnalysesAreCachedUntilInvalidated) {
  Context Ctx;
  ToyIR IR{{1, 2}};
  std::vector<int> Seen;
  PassManager<ToyIR> PM;
  PM.addPass(std::make_unique<ReadSumPass>(Seen));
  PM.addPass(std::make_unique<ReadSumPass>(Seen));
  PM.addPass(std::make_unique<AppendPass>());
  PM.addPass(std::make_unique<ReadSumPass>(Seen));
  AnalysisManager<ToyIR> AM(Ctx);
  AM.getResult<CountAnalysis>(IR);
  SumAnalysis::Runs = 0;
  EXPECT_TRUE(PM.run(IR, AM));
  EXPECT_EQ(Seen, (std::vector<int>{3, 3, 13}));
  EXPECT_EQ(SumAnalysis::Runs, 2u) << "second read must hit the cache";
  // The count was declared preserved, so the stale cached value survives.
  ASSERT_NE(AM.getCachedResult<CountAnalysis>(IR), nullptr);
  EXPECT_EQ(*AM.getCachedResult<CountAnalysis>(IR), 2u);
}

TEST(PassManagerTest, CachePerIRUnit) {
  Context Ctx;
  ToyIR A{{1}}, B{{5, 5}};
  AnalysisManager<ToyIR> AM(Ctx);
  EXPECT_EQ(AM.getResult<SumAnalysis>(A), 1);
  EXPECT_EQ(AM.getResult<SumAnalysis>(B), 10);
  AM.invalidate(A, PreservedAnalyses::none());
  EXPECT_EQ(AM.getCachedResult<SumAnalysis>(A), nullptr);
  EXPECT_NE(AM.getCachedResult<SumAnalysis>(B), nullptr);
}

TEST(PassManagerTest, PrintAfterAllAndVerifyEach) {
  Context Ctx;
  ToyIR IR{{1}};
  IRHooks<ToyIR> Hooks;
  Hooks.Print = [](raw_ostream &OS, const ToyIR &IR) {
    OS << "values " << IR.Values.size() << "\n";
  };
  Hooks.Verify = [](const ToyIR &IR, DiagnosticEngine &D) {
    if (IR.Values.size() <= 2)
      return true;
    D.error(Loc("toy", 1, 1), "too many values");
    return false;
  };
  PassManager<ToyIR> PM(Hooks);
  for (int I = 0; I < 3; ++I)
    PM.addPass(std::make_unique<AppendPass>());
  std::string S;
  raw_string_ostream OS(S);
  PM.setPrintAfterAll(&OS);
  PM.setVerifyEach(true);
  AnalysisManager<ToyIR> AM(Ctx);
  EXPECT_FALSE(PM.run(IR, AM));
  EXPECT_EQ(OS.str(), "// *** IR Dump After append ***\nvalues 2\n"
                      "// *** IR Dump After append ***\nvalues 3\n");
  EXPECT_EQ(IR.Values.size(), 3u) << "the pipeline stops at the failure";
  std::vector<Diagnostic> D = Ctx.getDiags().take();
  ASSERT_EQ(D.size(), 2u);
  EXPECT_EQ(D[1].Message, "IR is invalid after pass 'append'");
}

TEST(PassManagerTest, RulesReportWithIdAndSeverity) {
  Context Ctx;
  ToyIR IR{{1, -1}};
  PassManager<ToyIR> PM;
  auto R = std::make_unique<NegativeRule>("no-negative", Severity::Warning);
  EXPECT_EQ(R->getName(), "no-negative");
  PM.addPass(std::move(R));
  AnalysisManager<ToyIR> AM(Ctx);
  EXPECT_TRUE(PM.run(IR, AM));
  std::vector<Diagnostic> D = Ctx.getDiags().take();
  ASSERT_EQ(D.size(), 1u);
  EXPECT_EQ(D[0].Sev, Severity::Warning);
  EXPECT_EQ(D[0].ID, "no-negative");
  EXPECT_EQ(D[0].Location.Line, 2u);
  ASSERT_EQ(D[0].Notes.size(), 1u);
}

} // namespace
