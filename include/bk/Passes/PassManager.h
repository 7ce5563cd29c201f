//===- bk/Passes/PassManager.h - Passes, analyses and pipelines ---*- C++
//-*-===//
//
// A small pass manager in the shape of LLVM's new pass manager, templated on
// the IR unit it runs over (schema::Catalog or api::API):
//
//  - Pass<IRUnitT>: a named transformation or check. run() returns which
//    cached analyses stay valid.
//  - Rule<IRUnitT>: a lint rule, a Pass that only reports diagnostics tagged
//    with its id and never changes the IR.
//  - AnalysisManager<IRUnitT>: computes analyses on demand and caches their
//    results per IR unit until a pass invalidates them.
//  - PassManager<IRUnitT>: runs a pipeline, optionally verifying and printing
//    the IR after every pass (-print-after-all).
//
// Passes and rules are registered in bk/Passes/PassRegistry.def; the
// PassBuilder (bk/Passes/PassBuilder.h) turns "-passes=a,b" into a pipeline.
//
//===----------------------------------------------------------------------===//

#ifndef BK_PASSES_PASSMANAGER_H
#define BK_PASSES_PASSMANAGER_H

#include "bk/Support/Context.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace bk {

/// A unique address per analysis: `static AnalysisKey Key;` in the analysis.
struct alignas(8) AnalysisKey {};

/// Which analyses a pass left valid.
class PreservedAnalyses {
public:
  static PreservedAnalyses all() {
    PreservedAnalyses PA;
    PA.All = true;
    return PA;
  }
  static PreservedAnalyses none() { return PreservedAnalyses(); }

  template <typename AnalysisT> PreservedAnalyses &preserve() {
    Kept.insert(&AnalysisT::Key);
    return *this;
  }
  bool areAllPreserved() const { return All; }
  bool isPreserved(const AnalysisKey *K) const { return All || Kept.count(K); }

private:
  bool All = false;
  llvm::SmallPtrSet<const AnalysisKey *, 4> Kept;
};

template <typename IRUnitT> class AnalysisManager;

/// An analysis is a class with `static AnalysisKey Key;`, a `Result` type
/// and `Result run(IRUnitT &, AnalysisManager<IRUnitT> &)`.
template <typename IRUnitT> class AnalysisManager {
public:
  explicit AnalysisManager(Context &Ctx) : Ctx(Ctx) {}

  Context &getContext() { return Ctx; }
  DiagnosticEngine &getDiags() { return Ctx.getDiags(); }

  template <typename AnalysisT>
  typename AnalysisT::Result &getResult(IRUnitT &IR) {
    using ResultT = typename AnalysisT::Result;
    auto &Slot = Cache[std::make_pair(&IR, &AnalysisT::Key)];
    if (!Slot) {
      AnalysisT A;
      Slot = std::make_unique<ResultModel<ResultT>>(A.run(IR, *this));
      ++NumComputed;
    }
    return static_cast<ResultModel<ResultT> &>(*Slot).Result;
  }

  /// The cached result, or null when it was not computed (or invalidated).
  template <typename AnalysisT>
  typename AnalysisT::Result *getCachedResult(IRUnitT &IR) {
    using ResultT = typename AnalysisT::Result;
    auto It = Cache.find(std::make_pair(&IR, &AnalysisT::Key));
    if (It == Cache.end())
      return nullptr;
    return &static_cast<ResultModel<ResultT> &>(*It->second).Result;
  }

  /// Drops every cached result of IR that PA does not preserve.
  void invalidate(IRUnitT &IR, const PreservedAnalyses &PA) {
    if (PA.areAllPreserved())
      return;
    for (auto It = Cache.begin(), E = Cache.end(); It != E;) {
      auto Cur = It++;
      if (Cur->first.first == &IR && !PA.isPreserved(Cur->first.second))
        Cache.erase(Cur);
    }
  }
  void clear() { Cache.clear(); }

  /// How many analysis results were computed (tests check caching with it).
  unsigned getNumComputed() const { return NumComputed; }

private:
  struct ResultConcept {
    virtual ~ResultConcept() = default;
  };
  template <typename ResultT> struct ResultModel : ResultConcept {
    explicit ResultModel(ResultT R) : Result(std::move(R)) {}
    ResultT Result;
  };

  Context &Ctx;
  std::map<std::pair<IRUnitT *, const AnalysisKey *>,
           std::unique_ptr<ResultConcept>>
      Cache;
  unsigned NumComputed = 0;
};

template <typename IRUnitT> class Pass {
public:
  virtual ~Pass() = default;
  /// The name used in -passes= and in -print-after-all banners.
  virtual llvm::StringRef getName() const = 0;
  virtual PreservedAnalyses run(IRUnitT &IR, AnalysisManager<IRUnitT> &AM) = 0;
};

/// A lint rule: reports findings, tagged "[id]", and never changes the IR.
template <typename IRUnitT> class Rule : public Pass<IRUnitT> {
public:
  Rule(llvm::StringRef ID, Severity DefaultSeverity)
      : ID(ID), Sev(DefaultSeverity) {}

  llvm::StringRef getName() const override { return ID; }
  llvm::StringRef getID() const { return ID; }
  Severity getSeverity() const { return Sev; }
  void setSeverity(Severity S) { Sev = S; }

  PreservedAnalyses run(IRUnitT &IR, AnalysisManager<IRUnitT> &AM) final {
    Diags = &AM.getDiags();
    check(IR, AM);
    Diags = nullptr;
    return PreservedAnalyses::all();
  }

protected:
  virtual void check(IRUnitT &IR, AnalysisManager<IRUnitT> &AM) = 0;

  /// A finding at L with the rule's severity and id, to be passed to
  /// report() (attach notes first with addNote()).
  Diagnostic finding(Loc L, const llvm::Twine &Msg) const {
    return Diagnostic(Sev, L, Msg, ID);
  }
  void report(Diagnostic D) { Diags->report(std::move(D)); }
  void report(Loc L, const llvm::Twine &Msg) { report(finding(L, Msg)); }

private:
  std::string ID;
  Severity Sev;
  DiagnosticEngine *Diags = nullptr;
};

/// Hooks the pass manager calls around the pipeline; the PassBuilder fills
/// them per IR kind.
template <typename IRUnitT> struct IRHooks {
  /// Prints IR in its textual form.
  std::function<void(llvm::raw_ostream &, const IRUnitT &)> Print;
  /// Verifies IR; false (after reporting) when it is malformed.
  std::function<bool(const IRUnitT &, DiagnosticEngine &)> Verify;
};

template <typename IRUnitT> class PassManager {
public:
  explicit PassManager(IRHooks<IRUnitT> Hooks = {}) : Hooks(std::move(Hooks)) {}

  void addPass(std::unique_ptr<Pass<IRUnitT>> P) {
    Passes.push_back(std::move(P));
  }
  bool empty() const { return Passes.empty(); }
  size_t size() const { return Passes.size(); }

  /// Prints the IR to OS after every pass.
  void setPrintAfterAll(llvm::raw_ostream *OS) { PrintAfterAll = OS; }
  /// Runs the verifier after every pass and stops at the first failure.
  void setVerifyEach(bool B) { VerifyEach = B; }

  /// Runs the pipeline. Returns false when the verifier rejected the IR
  /// after some pass (the failure has been reported).
  bool run(IRUnitT &IR, AnalysisManager<IRUnitT> &AM) {
    for (auto &P : Passes) {
      PreservedAnalyses PA = P->run(IR, AM);
      AM.invalidate(IR, PA);
      if (PrintAfterAll && Hooks.Print) {
        *PrintAfterAll << "// *** IR Dump After " << P->getName() << " ***\n";
        Hooks.Print(*PrintAfterAll, IR);
        PrintAfterAll->flush();
      }
      if (VerifyEach && Hooks.Verify && !Hooks.Verify(IR, AM.getDiags())) {
        AM.getDiags().error(Loc(),
                            "IR is invalid after pass '" + P->getName() + "'");
        return false;
      }
    }
    return true;
  }

private:
  IRHooks<IRUnitT> Hooks;
  std::vector<std::unique_ptr<Pass<IRUnitT>>> Passes;
  llvm::raw_ostream *PrintAfterAll = nullptr;
  bool VerifyEach = false;
};

} // namespace bk

#endif // BK_PASSES_PASSMANAGER_H
