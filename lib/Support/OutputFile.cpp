//===- OutputFile.cpp - Atomic output files -------------------------------===//

#include "bk/Support/OutputFile.h"
#include "bk/Support/Error.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"

using namespace llvm;

namespace bk {

static Error fileError(StringRef Path, const Twine &What, std::error_code EC) {
  return ErrorDiagnostic::get(Loc(Path, 0, 0), What + ": " + EC.message());
}

Expected<std::unique_ptr<OutputFile>> OutputFile::create(StringRef Path) {
  std::unique_ptr<OutputFile> F(new OutputFile());
  F->Path = Path.str();
  if (Path == "-") {
    F->OS = &outs();
    return F;
  }
  // A device or a FIFO (/dev/null, /dev/stdout, a pipe) is written in
  // place: a rename would replace it with a regular file.
  sys::fs::file_status St;
  if (!sys::fs::status(Path, St) && sys::fs::exists(St) &&
      !sys::fs::is_regular_file(St) && !sys::fs::is_directory(St)) {
    std::error_code EC;
    F->FileOS = std::make_unique<raw_fd_ostream>(Path, EC, sys::fs::OF_None);
    if (EC)
      return fileError(Path, "cannot open output file", EC);
    F->OS = F->FileOS.get();
    return F;
  }
  // The temporary file lives in the destination's directory so that the
  // final rename never crosses a file system.
  // A name of our own first (process id and a counter: no random numbers,
  // which cost a system call per character in LLVM's unique names; a code
  // generator writes thousands of files), a unique one if that is taken.
  static unsigned Counter = 0;
  SmallString<256> Temp(Path);
  Temp += ".tmp-" + std::to_string(sys::Process::getProcessId()) + "-" +
          std::to_string(Counter++);
  int FD;
  if (sys::fs::openFileForWrite(Temp, FD, sys::fs::CD_CreateNew)) {
    SmallString<256> Model(Path);
    Model += ".tmp-%%%%%%%%";
    if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Temp))
      return fileError(Path, "cannot create output file", EC);
  }
  F->TempPath = std::string(Temp.str());
  sys::RemoveFileOnSignal(F->TempPath);
  F->FileOS = std::make_unique<raw_fd_ostream>(FD, /*shouldClose=*/true);
  F->OS = F->FileOS.get();
  return F;
}

OutputFile::~OutputFile() {
  if (Committed || TempPath.empty())
    return;
  if (FileOS) {
    FileOS->close();
    FileOS->clear_error();
  }
  sys::fs::remove(TempPath);
  sys::DontRemoveFileOnSignal(TempPath);
}

Error OutputFile::commit() {
  if (Committed)
    return Error::success();
  if (isStdout()) {
    OS->flush();
    Committed = true;
    return Error::success();
  }
  FileOS->close();
  if (std::error_code EC = FileOS->error()) {
    FileOS->clear_error();
    return fileError(Path, "cannot write output file", EC);
  }
  if (TempPath.empty()) { // Written in place.
    Committed = true;
    return Error::success();
  }
  // Keep the permissions of a file being replaced.
  sys::fs::file_status St;
  if (!sys::fs::status(Path, St) && sys::fs::exists(St))
    sys::fs::setPermissions(TempPath, St.permissions());
  if (std::error_code EC = sys::fs::rename(TempPath, Path))
    return fileError(Path, "cannot write output file", EC);
  sys::DontRemoveFileOnSignal(TempPath);
  Committed = true;
  return Error::success();
}

Error writeFileAtomically(StringRef Path,
                          function_ref<Error(raw_ostream &)> Write) {
  Expected<std::unique_ptr<OutputFile>> F = OutputFile::create(Path);
  if (!F)
    return F.takeError();
  if (Error E = Write((*F)->os()))
    return E;
  return (*F)->commit();
}

} // namespace bk
