//===- bk/Support/OutputFile.h - Atomic output files ------------*- C++ -*-===//
//
// Every file a bk tool writes goes through OutputFile: the content is written
// to a temporary file beside the destination and renamed over it by
// commit(), so a failed or killed run leaves the previous file untouched and
// never a half-written one. "-" writes to stdout.
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_OUTPUTFILE_H
#define BK_SUPPORT_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <memory>
#include <string>

namespace bk {

class OutputFile {
public:
  /// Opens a temporary file next to Path (or stdout for "-"). Errors are
  /// ErrorDiagnostics located at Path.
  static llvm::Expected<std::unique_ptr<OutputFile>>
  create(llvm::StringRef Path);

  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;
  /// Removes the temporary file unless commit() succeeded.
  ~OutputFile();

  llvm::raw_ostream &os() { return *OS; }
  llvm::StringRef getPath() const { return Path; }
  llvm::StringRef getTempPath() const { return TempPath; }
  bool isStdout() const { return Path == "-"; }

  /// Flushes, checks for write errors and renames the temporary file over
  /// the destination. Idempotent failures leave the destination unchanged.
  llvm::Error commit();

private:
  OutputFile() = default;

  std::string Path;
  /// Empty for stdout and for a destination that is not a regular file
  /// (/dev/null, a FIFO), which is written in place: renaming over it
  /// would replace the device with a file.
  std::string TempPath;
  std::unique_ptr<llvm::raw_fd_ostream> FileOS;
  llvm::raw_ostream *OS = nullptr;
  bool Committed = false;
};

/// Writes one file atomically: Write fills the stream; on error from Write
/// or from the file system nothing changes on disk.
llvm::Error
writeFileAtomically(llvm::StringRef Path,
                    llvm::function_ref<llvm::Error(llvm::raw_ostream &)> Write);

} // namespace bk

#endif // BK_SUPPORT_OUTPUTFILE_H
