//===- UsedComponents.h - Emit the components requests reach ----*- C++ -*-===//
//
// The validator emitters write a component schema only when a request
// reaches it. Emitting one component may reach others, so the bodies are
// computed until no new component is used.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_SCAFFOLD_USEDCOMPONENTS_H
#define BK_LIB_SCAFFOLD_USEDCOMPONENTS_H

#include <string>
#include <vector>

namespace bk {
namespace scaffold {

/// The body of every component I for which IsUsed(I) holds, made by
/// Emit(I) (which may make more components used); "" for the others, and
/// Done[I] says which were emitted.
template <typename IsUsedFn, typename EmitFn>
std::vector<std::string> emitUsedComponents(size_t N, std::vector<bool> &Done,
                                            IsUsedFn IsUsed, EmitFn Emit) {
  std::vector<std::string> Bodies(N);
  Done.assign(N, false);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I < N; ++I) {
      if (Done[I] || !IsUsed(I))
        continue;
      Done[I] = Changed = true;
      Bodies[I] = Emit(I);
    }
  }
  return Bodies;
}

} // namespace scaffold
} // namespace bk

#endif // BK_LIB_SCAFFOLD_USEDCOMPONENTS_H
