//===- Baseline.cpp - Accepted findings -----------------------------------===//

#include "bk/LintDriver/Baseline.h"

#include "bk/Support/Error.h"

#include "llvm/Support/JSON.h"

using namespace llvm;

namespace bk {
namespace lint {

std::string baselineFileName(StringRef File) {
  std::string S = File.str();
  for (char &C : S)
    if (C == '\\')
      C = '/';
  StringRef R(S);
  while (R.startswith("./"))
    R = R.drop_front(2);
  return R.str();
}

Baseline::Key Baseline::keyOf(const Diagnostic &D) {
  return Key(D.ID, baselineFileName(D.Location.File), D.Message);
}

Expected<Baseline> Baseline::read(Context &Ctx, StringRef Path) {
  Expected<unsigned> ID = Ctx.loadFile(Path);
  if (!ID)
    return ID.takeError();
  Loc Start = Ctx.getBufferStartLoc(*ID);
  StringRef Text = Ctx.getSourceMgr().getMemoryBuffer(*ID)->getBuffer();
  auto Bad = [&](const Twine &Why) {
    return ErrorDiagnostic::get(Start, "invalid bk-lint baseline: " + Why);
  };
  Expected<json::Value> V = json::parse(Text);
  if (!V) {
    std::string Msg = toString(V.takeError());
    return Bad(Msg);
  }
  const json::Object *Top = V->getAsObject();
  if (!Top)
    return Bad("expected a JSON object");
  Optional<int64_t> Version = Top->getInteger("version");
  if (!Version || *Version != 1)
    return Bad("expected \"version\": 1");
  const json::Array *Findings = Top->getArray("findings");
  if (!Findings)
    return Bad("expected a \"findings\" array");
  Baseline B;
  size_t Index = 0;
  for (const json::Value &F : *Findings) {
    const json::Object *O = F.getAsObject();
    Optional<StringRef> Rule = O ? O->getString("rule") : None;
    Optional<StringRef> File = O ? O->getString("file") : None;
    Optional<StringRef> Message = O ? O->getString("message") : None;
    Optional<int64_t> Count = O ? O->getInteger("count") : None;
    if (!Rule || !File || !Message || (Count && *Count < 1))
      return Bad("finding " + Twine(Index) +
                 " needs string \"rule\", \"file\" and \"message\" (and a "
                 "positive \"count\")");
    B.Counts[Key(Rule->str(), baselineFileName(*File), Message->str())] +=
        Count ? static_cast<unsigned>(*Count) : 1;
    ++Index;
  }
  return B;
}

void Baseline::write(raw_ostream &OS, ArrayRef<Diagnostic> Findings) {
  std::map<Key, unsigned> Counts;
  for (const Diagnostic &D : Findings)
    ++Counts[keyOf(D)];
  json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attribute("tool", "bk-lint");
    J.attributeArray("findings", [&] {
      for (const auto &KV : Counts)
        J.object([&] {
          J.attribute("rule", std::get<0>(KV.first));
          J.attribute("file", std::get<1>(KV.first));
          J.attribute("message", std::get<2>(KV.first));
          J.attribute("count", KV.second);
        });
    });
  });
  OS << "\n";
}

unsigned Baseline::filter(std::vector<Diagnostic> &Findings) const {
  std::map<Key, unsigned> Left = Counts;
  unsigned Removed = 0;
  std::vector<Diagnostic> Kept;
  Kept.reserve(Findings.size());
  for (Diagnostic &D : Findings) {
    auto It = Left.find(keyOf(D));
    if (It != Left.end() && It->second) {
      --It->second;
      ++Removed;
      continue;
    }
    Kept.push_back(std::move(D));
  }
  Findings = std::move(Kept);
  return Removed;
}

} // namespace lint
} // namespace bk
