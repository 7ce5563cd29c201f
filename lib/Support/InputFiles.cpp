//===- InputFiles.cpp - The files an input argument names -----------------===//

#include "bk/Support/InputFiles.h"
#include "bk/Support/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"

using namespace llvm;

namespace bk {

Expected<std::vector<std::string>> expandInputPath(StringRef Path,
                                                   StringRef Extension) {
  std::vector<std::string> Files;
  if (Path == "-" || !sys::fs::is_directory(Path)) {
    Files.push_back(Path.str());
    return Files;
  }
  std::error_code EC;
  for (sys::fs::directory_iterator It(Path, EC), End; It != End && !EC;
       It.increment(EC))
    if (StringRef(It->path()).endswith(Extension) &&
        !sys::fs::is_directory(It->path()))
      Files.push_back(It->path());
  if (EC)
    return ErrorDiagnostic::get(Loc(internFileName(Path), 0, 0),
                                "cannot read directory: " + EC.message());
  llvm::sort(Files);
  return Files;
}

} // namespace bk
