//===- bk/Support/InputFiles.h - What an input argument names --*- C++ -*-===//
//
// Tools that read a schema or a workload accept a file, '-' for stdin, or a
// directory of files read in name order (a migrations or queries folder).
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_INPUTFILES_H
#define BK_SUPPORT_INPUTFILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace bk {

/// The input files Path names: Path itself (a file, or "-" for stdin), or
/// for a directory the files in it whose names end with Extension, in name
/// order. An error (located at Path) when the directory cannot be read.
llvm::Expected<std::vector<std::string>>
expandInputPath(llvm::StringRef Path, llvm::StringRef Extension);

} // namespace bk

#endif // BK_SUPPORT_INPUTFILES_H
