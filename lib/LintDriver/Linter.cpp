//===- Linter.cpp - Which rules run, and running them ---------------------===//

#include "bk/LintDriver/Linter.h"

#include "bk/Support/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLParser.h"

#include <algorithm>

using namespace llvm;

namespace bk {
namespace lint {

RuleConfig::RuleConfig() {
  for (const PassInfo &I : getRegisteredPasses())
    if (I.IsRule)
      Rules.push_back(RuleState{&I, true, I.DefaultSeverity});
}

template <typename Fn>
Error RuleConfig::forEachMatch(StringRef Pattern, Loc L, Fn F) {
  Pattern = Pattern.trim();
  unsigned Matched = 0;
  if (Pattern == "all") {
    for (RuleState &R : Rules)
      F(R);
    return Error::success();
  }
  if (Pattern.contains('*') || Pattern.contains('?') || Pattern.contains('[')) {
    Expected<GlobPattern> G = GlobPattern::create(Pattern);
    if (!G) {
      consumeError(G.takeError());
      return ErrorDiagnostic::get(L, "invalid rule pattern '" + Pattern + "'");
    }
    for (RuleState &R : Rules)
      if (G->match(R.getID())) {
        F(R);
        ++Matched;
      }
    if (!Matched)
      return ErrorDiagnostic::get(L, "no rule matches '" + Pattern +
                                         "' (bk-lint --list-rules shows them)");
    return Error::success();
  }
  for (RuleState &R : Rules)
    if (R.getID() == Pattern) {
      F(R);
      return Error::success();
    }
  return ErrorDiagnostic::get(L, "unknown rule '" + Pattern +
                                     "' (bk-lint --list-rules shows them)");
}

Error RuleConfig::enable(StringRef Pattern, Loc L) {
  return forEachMatch(Pattern, L, [](RuleState &R) { R.Enabled = true; });
}

Error RuleConfig::disable(StringRef Pattern, Loc L) {
  return forEachMatch(Pattern, L, [](RuleState &R) { R.Enabled = false; });
}

Error RuleConfig::setSeverity(StringRef Pattern, Severity S, Loc L) {
  return forEachMatch(Pattern, L, [S](RuleState &R) {
    R.Enabled = true;
    R.Sev = S;
  });
}

const RuleState *RuleConfig::find(StringRef ID) const {
  for (const RuleState &R : Rules)
    if (R.getID() == ID)
      return &R;
  return nullptr;
}

unsigned RuleConfig::getNumEnabled() const {
  return count_if(Rules, [](const RuleState &R) { return R.Enabled; });
}

//===----------------------------------------------------------------------===//
// The configuration file
//===----------------------------------------------------------------------===//

namespace {
class ConfigReader {
public:
  ConfigReader(Context &Ctx, StringRef Path, RuleConfig &Config)
      : Ctx(Ctx), Path(Path), Config(Config) {}

  Error read(unsigned BufferID);

private:
  Loc loc(yaml::Node *N) { return Ctx.getLoc(N->getSourceRange().Start); }
  Error fail(yaml::Node *N, const Twine &Msg) {
    return ErrorDiagnostic::get(loc(N), Msg);
  }
  /// The text of a scalar, or an error naming What.
  Expected<StringRef> scalar(yaml::Node *N, StringRef What);
  Error readRules(yaml::Node *N);

  Context &Ctx;
  StringRef Path;
  RuleConfig &Config;
  SmallString<64> Storage;
};
} // namespace

Expected<StringRef> ConfigReader::scalar(yaml::Node *N, StringRef What) {
  auto *S = dyn_cast_or_null<yaml::ScalarNode>(N);
  if (!S)
    return fail(N, What + " must be a string");
  Storage.clear();
  return S->getValue(Storage);
}

Optional<Severity> parseRuleSeverity(StringRef S) {
  Severity Sev;
  if (S == "info")
    return Severity::Note;
  if (S != "remark" && parseSeverity(S, Sev))
    return Sev;
  return None;
}

Error ConfigReader::readRules(yaml::Node *N) {
  auto *M = dyn_cast<yaml::MappingNode>(N);
  if (!M)
    return fail(N, "'rules' must be a mapping of rule ids (or patterns) to "
                   "error, warning, note, on or off");
  for (yaml::KeyValueNode &KV : *M) {
    Expected<StringRef> Pattern = scalar(KV.getKey(), "a rule id");
    if (!Pattern)
      return Pattern.takeError();
    std::string Pat = Pattern->str();
    Loc At = loc(KV.getKey());
    if (!KV.getValue())
      return fail(KV.getKey(), "rule '" + Pat + "' has no setting");
    Expected<StringRef> Value =
        scalar(KV.getValue(), "the setting of rule '" + Pat + "'");
    if (!Value)
      return Value.takeError();
    std::string V = Value->lower();
    Error E = Error::success();
    if (V == "off" || V == "false" || V == "disable" || V == "disabled")
      E = Config.disable(Pat, At);
    else if (V == "on" || V == "true" || V == "enable" || V == "enabled")
      E = Config.enable(Pat, At);
    else if (Optional<Severity> S = parseRuleSeverity(V))
      E = Config.setSeverity(Pat, *S, At);
    else
      return fail(KV.getValue(), "invalid setting '" + *Value + "' for rule '" +
                                     Pat +
                                     "' (error, warning, note, on or off)");
    if (E)
      return E;
  }
  return Error::success();
}

Error ConfigReader::read(unsigned BufferID) {
  SourceMgr &SM = Ctx.getSourceMgr();
  yaml::Stream Stream(SM.getMemoryBuffer(BufferID)->getMemBufferRef(), SM,
                      /*ShowColors=*/false);
  // llvm::yaml prints its own syntax errors through the SourceMgr; route
  // them through our engine so they look like every other diagnostic.
  struct Captured {
    Context *Ctx;
    Optional<Diagnostic> First;
  } Cap{&Ctx, None};
  SM.setDiagHandler(
      [](const SMDiagnostic &D, void *P) {
        auto *C = static_cast<Captured *>(P);
        if (!C->First)
          C->First = Diagnostic(Severity::Error, C->Ctx->getLoc(D.getLoc()),
                                D.getMessage());
      },
      &Cap);
  auto Restore = make_scope_exit([&] { SM.setDiagHandler(nullptr); });
  // llvm::yaml parses lazily: read the whole text once so that a syntax
  // error is reported as such, not as whatever node it left behind.
  {
    yaml::Stream Check(SM.getMemoryBuffer(BufferID)->getMemBufferRef(), SM,
                       /*ShowColors=*/false);
    for (yaml::Document &D : Check)
      D.skip();
    if (Cap.First)
      return make_error<ErrorDiagnostic>(*Cap.First);
  }
  yaml::document_iterator Doc = Stream.begin();
  yaml::Node *Root = Doc == Stream.end() ? nullptr : Doc->getRoot();
  auto *Top = dyn_cast_or_null<yaml::MappingNode>(Root);
  if (Top) {
    for (yaml::KeyValueNode &KV : *Top) {
      Expected<StringRef> Key = scalar(KV.getKey(), "a key");
      if (!Key)
        return Key.takeError();
      std::string K = Key->str();
      if (Cap.First)
        break;
      yaml::Node *V = KV.getValue();
      if (K == "rules") {
        if (Error E = readRules(V))
          return E;
      } else if (K == "fail-severity") {
        Expected<StringRef> S = scalar(V, "'fail-severity'");
        if (!S)
          return S.takeError();
        Optional<Severity> Sev = parseRuleSeverity(S->lower());
        if (!Sev)
          return fail(V, "invalid fail-severity '" + *S +
                             "' (error, warning or note)");
        Config.FailSeverity = *Sev;
      } else if (K == "baseline") {
        Expected<StringRef> S = scalar(V, "'baseline'");
        if (!S)
          return S.takeError();
        SmallString<128> P(*S);
        if (!sys::path::is_absolute(P) && Path != "-") {
          SmallString<128> Dir(sys::path::parent_path(Path));
          sys::path::append(Dir, P);
          P = Dir;
        }
        Config.BaselinePath = std::string(P.str());
      } else {
        return fail(KV.getKey(), "unknown key '" + K +
                                     "' in a bk-lint configuration (rules, "
                                     "fail-severity, baseline)");
      }
    }
  }
  if (Cap.First)
    return make_error<ErrorDiagnostic>(*Cap.First);
  if (Root && !Top && !isa<yaml::NullNode>(Root))
    return fail(Root, "a bk-lint configuration must be a mapping");
  return Error::success();
}

Error readConfigFile(Context &Ctx, StringRef Path, RuleConfig &Config) {
  Expected<unsigned> ID = Ctx.loadFile(Path);
  if (!ID)
    return ID.takeError();
  ConfigReader R(Ctx, Path, Config);
  return R.read(*ID);
}

//===----------------------------------------------------------------------===//
// Running the rules
//===----------------------------------------------------------------------===//

IRUnit readInputForLint(Context &Ctx, unsigned BufferID,
                        const RuleConfig &Config,
                        std::vector<Diagnostic> &Findings) {
  openapi::ReadOptions Opts;
  auto Enabled = [&](StringRef ID) {
    const RuleState *R = Config.find(ID);
    return R && R->Enabled;
  };
  Opts.CheckExamples = Enabled("example-matches-schema");
  Opts.CheckDefaults = Enabled("default-matches-schema");
  DiagnosticEngine &Diags = Ctx.getDiags();
  // Taken before they are counted, so the reader does not see errors. The
  // severity is the lower of the front end's (a 3.1 discriminator is only a
  // warning) and the configured one.
  Diags.setFilter([&](const Diagnostic &D) {
    if (D.ID.empty())
      return false;
    const RuleState *R = Config.find(D.ID);
    if (!R || !R->Info->IsFrontEnd)
      return false;
    if (R->Enabled) {
      Findings.push_back(D);
      Findings.back().Sev = std::min(D.Sev, R->Sev);
    }
    return true;
  });
  unsigned ErrorsBefore = Diags.getNumErrors();
  IRUnit U = readInput(Ctx, BufferID, Opts);
  bool OK = U && verifyIR(U, Diags) && Diags.getNumErrors() == ErrorsBefore;
  Diags.setFilter(nullptr);
  return OK ? std::move(U) : IRUnit();
}

template <typename IRUnitT>
static void runRulesOn(Context &Ctx, IRUnitT &IR, const RuleConfig &Config,
                       IRKind Kind,
                       std::unique_ptr<Pass<IRUnitT>> (*Create)(StringRef)) {
  PassManager<IRUnitT> PM;
  for (const RuleState &R : Config.rules()) {
    if (!R.Enabled || R.Info->Kind != Kind)
      continue;
    if (R.Info->IsFrontEnd || R.Info->IsDatabase)
      continue;
    std::unique_ptr<Pass<IRUnitT>> P = Create(R.getID());
    if (auto *TheRule = dynamic_cast<Rule<IRUnitT> *>(P.get()))
      TheRule->setSeverity(R.Sev);
    PM.addPass(std::move(P));
  }
  AnalysisManager<IRUnitT> AM(Ctx);
  PM.run(IR, AM);
}

std::vector<Diagnostic> runRules(Context &Ctx, IRUnit &U,
                                 const RuleConfig &Config) {
  if (U.Catalog)
    return runRules(Ctx, *U.Catalog, Config);
  std::vector<Diagnostic> Findings;
  DiagnosticEngine &Diags = Ctx.getDiags();
  Diags.setHandler([&](const Diagnostic &D) { Findings.push_back(D); });
  if (U.API)
    runRulesOn(Ctx, *U.API, Config, IRKind::API, &createAPIPass);
  Diags.setHandler(nullptr);
  return Findings;
}

std::vector<Diagnostic> runRules(Context &Ctx, schema::Catalog &C,
                                 const RuleConfig &Config) {
  std::vector<Diagnostic> Findings;
  DiagnosticEngine &Diags = Ctx.getDiags();
  Diags.setHandler([&](const Diagnostic &D) { Findings.push_back(D); });
  runRulesOn(Ctx, C, Config, IRKind::Schema, &createSchemaPass);
  Diags.setHandler(nullptr);
  return Findings;
}

void sortFindings(std::vector<Diagnostic> &Findings,
                  ArrayRef<std::string> FileOrder) {
  auto Rank = [&](StringRef File) -> size_t {
    for (size_t I = 0; I < FileOrder.size(); ++I)
      if (FileOrder[I] == File)
        return I;
    return FileOrder.size();
  };
  std::stable_sort(
      Findings.begin(), Findings.end(),
      [&](const Diagnostic &A, const Diagnostic &B) {
        size_t RA = Rank(A.Location.File), RB = Rank(B.Location.File);
        if (RA != RB)
          return RA < RB;
        return std::make_tuple(A.Location.File, A.Location.Line, A.Location.Col,
                               StringRef(A.ID), StringRef(A.Message)) <
               std::make_tuple(B.Location.File, B.Location.Line, B.Location.Col,
                               StringRef(B.ID), StringRef(B.Message));
      });
}

} // namespace lint
} // namespace bk
