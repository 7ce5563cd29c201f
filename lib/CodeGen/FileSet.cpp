//===- FileSet.cpp - Writing generated files ------------------------------===//

#include "bk/CodeGen/FileSet.h"
#include "bk/Support/Error.h"
#include "bk/Support/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <cassert>
#include <tuple>

using namespace llvm;

namespace bk {
namespace codegen {

//===----------------------------------------------------------------------===//
// FileSet
//===----------------------------------------------------------------------===//

bool FileSet::isValidPath(StringRef Path) {
  if (Path.empty() || Path.front() == '/' || sys::path::is_absolute(Path))
    return false;
  if (Path.find_first_of(StringRef("\\\n\r\0", 4)) != StringRef::npos)
    return false;
  SmallVector<StringRef, 8> Parts;
  Path.split(Parts, '/', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  for (StringRef Part : Parts)
    if (Part.empty() || Part == "." || Part == "..")
      return false;
  return true;
}

void FileSet::add(StringRef Path, std::string Content, FileKind Kind) {
  assert(isValidPath(Path) && "generated file paths are relative and clean");
  GeneratedFile &F = Files[Path.str()];
  F.Path = Path.str();
  F.Content = std::move(Content);
  F.Kind = Kind;
}

std::vector<const GeneratedFile *> FileSet::sorted() const {
  std::vector<const GeneratedFile *> Result;
  Result.reserve(Files.size());
  for (const auto &Entry : Files)
    Result.push_back(&Entry.second);
  return Result;
}

const GeneratedFile *FileSet::find(StringRef Path) const {
  auto It = Files.find(Path.str());
  return It == Files.end() ? nullptr : &It->second;
}

void FileSet::writeSplitFile(raw_ostream &OS) const {
  for (const auto &Entry : Files) {
    const GeneratedFile &F = Entry.second;
    OS << "//--- " << F.Path << '\n' << F.Content;
    if (!F.Content.empty() && F.Content.back() != '\n')
      OS << '\n';
  }
}

//===----------------------------------------------------------------------===//
// writeFileSet
//===----------------------------------------------------------------------===//

StringRef getManifestHeader() {
  return "# bk manifest 1: hashes of the files bk-scaffold generated; do not "
         "edit";
}

static std::string sha256Hex(StringRef Data) {
  return toHex(SHA256::hash(arrayRefFromStringRef(Data)), /*LowerCase=*/true);
}

static Error pathError(StringRef Path, const Twine &Msg) {
  return ErrorDiagnostic::get(Loc(Path, 0, 0), Msg);
}

static Error pathError(StringRef Path, const Twine &What, std::error_code EC) {
  return pathError(Path, What + ": " + EC.message());
}

/// OutDir/Rel.
static std::string joinPath(StringRef OutDir, StringRef Rel) {
  SmallString<256> P(OutDir);
  sys::path::append(P, Rel);
  return std::string(P.str());
}

namespace {

/// What is at a path on disk.
struct DiskFile {
  bool Exists = false;
  std::string Content;
};

/// The manifest read from disk: path -> hash, sorted by path.
struct Manifest {
  bool Exists = false;
  std::string Bytes;
  std::map<std::string, std::string> Hashes;
};

} // namespace

/// Reads the regular file at FullPath (absent is not an error). What names
/// the file in messages ("generated file", "manifest").
static Expected<DiskFile> readDiskFile(StringRef FullPath, StringRef What) {
  DiskFile Result;
  sys::fs::file_status St;
  if (std::error_code EC = sys::fs::status(FullPath, St)) {
    if (EC == std::errc::no_such_file_or_directory)
      return Result;
    return pathError(FullPath, "cannot access " + What, EC);
  }
  if (sys::fs::is_directory(St))
    return pathError(FullPath, What + " path is a directory");
  if (!sys::fs::is_regular_file(St))
    return pathError(FullPath, What + " path is not a regular file");
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
      MemoryBuffer::getFile(FullPath, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buf)
    return pathError(FullPath, "cannot read " + What, Buf.getError());
  Result.Exists = true;
  Result.Content = (*Buf)->getBuffer().str();
  return Result;
}

static Error manifestError(StringRef FullPath, unsigned Line, unsigned Col,
                           const Twine &Msg) {
  Diagnostic D(Severity::Error, Loc(FullPath, Line, Col), Msg);
  D.addNote(Loc(), "remove the manifest to regenerate from scratch (edited "
                   "generated files are then overwritten without warning)");
  return make_error<ErrorDiagnostic>(std::move(D));
}

/// Whether Path, in a manifest, could name something outside the output
/// directory.
static bool escapesOutDir(StringRef Path) {
  if (Path.front() == '/' || sys::path::is_absolute(Path))
    return true;
  SmallVector<StringRef, 8> Parts;
  Path.split(Parts, '/');
  return llvm::is_contained(Parts, "..");
}

static bool isLowerHex(StringRef S) {
  return llvm::all_of(S, [](char C) {
    return (C >= '0' && C <= '9') || (C >= 'a' && C <= 'f');
  });
}

/// Parses the manifest at FullPath: the header line, then "<hash>  <path>"
/// lines. Rejects every entry that is not a clean relative path, so that
/// nothing outside the output directory is ever deleted.
static Expected<Manifest> readManifest(StringRef FullPath) {
  Expected<DiskFile> File = readDiskFile(FullPath, "manifest");
  if (!File)
    return File.takeError();
  Manifest M;
  if (!File->Exists)
    return M;
  M.Exists = true;
  M.Bytes = std::move(File->Content);

  StringRef Rest = M.Bytes;
  unsigned LineNo = 0;
  while (!Rest.empty()) {
    StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    ++LineNo;
    if (Line.endswith("\r"))
      Line = Line.drop_back();
    if (LineNo == 1) {
      if (Line != getManifestHeader())
        return manifestError(FullPath, LineNo, 1,
                             "not a bk manifest: the first line must be '" +
                                 getManifestHeader() + "'");
      continue;
    }
    size_t Sep = Line.find("  ");
    StringRef Hash = Line.substr(0, Sep);
    if (Sep != 64 || !isLowerHex(Hash))
      return manifestError(FullPath, LineNo, 1,
                           "malformed manifest line: expected '<sha256 in "
                           "lower-case hex>  <path>'");
    StringRef Path = Line.substr(Sep + 2);
    unsigned PathCol = Sep + 3;
    if (Path.empty())
      return manifestError(FullPath, LineNo, PathCol,
                           "malformed manifest line: the path is missing");
    if (escapesOutDir(Path))
      return manifestError(FullPath, LineNo, PathCol,
                           "manifest entry '" + Path +
                               "' is outside the output directory");
    if (!FileSet::isValidPath(Path))
      return manifestError(FullPath, LineNo, PathCol,
                           "malformed manifest entry '" + Path + "'");
    if (!M.Hashes.emplace(Path.str(), Hash.str()).second)
      return manifestError(FullPath, LineNo, PathCol,
                           "duplicate manifest entry '" + Path + "'");
  }
  if (LineNo == 0)
    return manifestError(FullPath, 1, 1, "empty manifest");
  return M;
}

static std::string
renderManifest(const std::map<std::string, std::string> &Hashes) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << getManifestHeader() << '\n';
  for (const auto &Entry : Hashes)
    OS << Entry.second << "  " << Entry.first << '\n';
  return OS.str();
}

/// Creates the directories above FullPath, once per directory and run
/// (Created remembers them: a generator writes many files per directory).
static Error createParentDirs(StringRef FullPath, StringSet<> &Created) {
  StringRef Parent = sys::path::parent_path(FullPath);
  if (Parent.empty() || Created.count(Parent))
    return Error::success();
  if (std::error_code EC = sys::fs::create_directories(Parent))
    return pathError(Parent, "cannot create directory", EC);
  Created.insert(Parent);
  return Error::success();
}

static Error writeWholeFile(StringRef FullPath, StringRef Content,
                            StringSet<> &Created) {
  if (Error E = createParentDirs(FullPath, Created))
    return E;
  return writeFileAtomically(FullPath, [&](raw_ostream &OS) {
    OS << Content;
    return Error::success();
  });
}

/// Removes the directories that removing OutDir/Rel left empty, from the
/// deepest up, stopping below StopDir (relative; "" for OutDir itself) and
/// at the first directory that is not empty.
static void removeEmptyParents(StringRef OutDir, StringRef Rel,
                               StringRef StopDir) {
  for (StringRef Dir = sys::path::parent_path(Rel, sys::path::Style::posix);
       !Dir.empty() && Dir != StopDir;
       Dir = sys::path::parent_path(Dir, sys::path::Style::posix)) {
    // Only directories inside StopDir: a stale file elsewhere (say in
    // handlers/) never takes its directory with it.
    if (!StopDir.empty() && !Dir.startswith((StopDir + "/").str()))
      return;
    // remove() deletes a directory only when it is empty.
    if (sys::fs::remove(joinPath(OutDir, Dir), /*IgnoreNonExisting=*/false))
      return;
  }
}

namespace {

/// One change writeFileSet() decided on, done in order.
struct Action {
  enum Kind { Write, Remove } K;
  std::string Path;
  const GeneratedFile *File = nullptr; // For Write.
};

} // namespace

Expected<WriteResult> writeFileSet(const FileSet &Files, StringRef OutDir,
                                   const WriteOptions &Opts) {
  assert(FileSet::isValidPath(Opts.ManifestPath) && "bad manifest path");
  const bool Apply = !Opts.DryRun && !Opts.Check;
  const std::string ManifestFullPath = joinPath(OutDir, Opts.ManifestPath);
  WriteResult R;

  // Plan: read the disk, decide everything, find every error we can before
  // anything is written.
  sys::fs::file_status DirSt;
  if (std::error_code EC = sys::fs::status(OutDir, DirSt)) {
    if (EC != std::errc::no_such_file_or_directory)
      return pathError(OutDir, "cannot access output directory", EC);
  } else if (!sys::fs::is_directory(DirSt)) {
    return pathError(OutDir, "output path is not a directory");
  }

  Expected<Manifest> Old = readManifest(ManifestFullPath);
  if (!Old)
    return Old.takeError();
  // The manifest as it will be once every action is done; actions update a
  // copy as they succeed, so a failure midway records what was written.
  std::map<std::string, std::string> NewHashes;
  std::map<std::string, std::string> Hashes = Old->Hashes;
  std::vector<Action> Actions;

  for (const GeneratedFile *F : Files.sorted()) {
    std::string FullPath = joinPath(OutDir, F->Path);
    if (F->Path == Opts.ManifestPath)
      return pathError(FullPath, "generated file is the manifest");
    if (F->Kind == FileKind::UserOwned) {
      // Never read: whatever is there is the user's. A user-owned file is
      // never in the manifest either.
      Hashes.erase(F->Path);
      sys::fs::file_status St;
      std::error_code EC = sys::fs::status(FullPath, St);
      if (!EC && sys::fs::is_directory(St))
        return pathError(FullPath, "user-owned file path is a directory");
      if (!EC) {
        R.Kept.push_back(F->Path);
        continue;
      }
      if (EC != std::errc::no_such_file_or_directory)
        return pathError(FullPath, "cannot access user-owned file", EC);
      R.Created.push_back(F->Path);
      Actions.push_back({Action::Write, F->Path, F});
      continue;
    }

    Expected<DiskFile> Disk = readDiskFile(FullPath, "generated file");
    if (!Disk)
      return Disk.takeError();
    std::string Hash = sha256Hex(F->Content);
    NewHashes[F->Path] = Hash;
    if (Disk->Exists && Disk->Content == F->Content) {
      R.Unchanged.push_back(F->Path);
      Hashes[F->Path] = Hash;
      continue;
    }
    R.Written.push_back(F->Path);
    if (Disk->Exists) {
      auto It = Old->Hashes.find(F->Path);
      if (It == Old->Hashes.end() || It->second != sha256Hex(Disk->Content))
        R.Overwritten.push_back(F->Path);
    }
    Actions.push_back({Action::Write, F->Path, F});
  }

  // Generated files of the previous run that this one no longer produces.
  for (const auto &Entry : Old->Hashes) {
    const std::string &Path = Entry.first;
    if (Files.find(Path))
      continue;
    std::string FullPath = joinPath(OutDir, Path);
    sys::fs::file_status St;
    std::error_code EC = sys::fs::status(FullPath, St);
    if (EC == std::errc::no_such_file_or_directory ||
        EC == std::errc::not_a_directory) {
      Hashes.erase(Path); // Already gone.
      continue;
    }
    if (EC)
      return pathError(FullPath, "cannot access generated file", EC);
    if (!sys::fs::is_regular_file(St)) {
      R.KeptModified.push_back(Path);
      Hashes.erase(Path);
      continue;
    }
    Expected<DiskFile> Disk = readDiskFile(FullPath, "generated file");
    if (!Disk)
      return Disk.takeError();
    if (sha256Hex(Disk->Content) != Entry.second) {
      R.KeptModified.push_back(Path);
      Hashes.erase(Path);
      continue;
    }
    R.Removed.push_back(Path);
    Actions.push_back({Action::Remove, Path, nullptr});
  }

  std::string NewManifest = renderManifest(NewHashes);
  R.ManifestChanged = (Old->Exists || !NewHashes.empty()) &&
                      (!Old->Exists || Old->Bytes != NewManifest);
  if (!Apply)
    return R;

  // Execute, in order: files, removals, then the manifest.
  if (std::error_code EC = sys::fs::create_directories(OutDir))
    return pathError(OutDir, "cannot create output directory", EC);
  StringRef ManifestDir =
      sys::path::parent_path(Opts.ManifestPath, sys::path::Style::posix);
  StringSet<> Created;
  auto Execute = [&]() -> Error {
    for (const Action &A : Actions) {
      std::string FullPath = joinPath(OutDir, A.Path);
      if (A.K == Action::Write) {
        if (Error E = writeWholeFile(FullPath, A.File->Content, Created))
          return E;
        if (A.File->Kind == FileKind::Generated)
          Hashes[A.Path] = NewHashes[A.Path];
        continue;
      }
      if (std::error_code EC = sys::fs::remove(FullPath))
        return pathError(FullPath, "cannot remove stale generated file", EC);
      Hashes.erase(A.Path);
      removeEmptyParents(OutDir, A.Path, ManifestDir);
    }
    return Error::success();
  };
  if (Error E = Execute()) {
    // Record what was done, so the next run does not mistake the files
    // this one wrote for the user's edits.
    std::string Partial = renderManifest(Hashes);
    if ((Old->Exists || !Hashes.empty()) && Partial != Old->Bytes)
      consumeError(writeWholeFile(ManifestFullPath, Partial, Created));
    return E;
  }
  assert(Hashes == NewHashes && "actions did not reach the planned manifest");
  if (R.ManifestChanged)
    if (Error E = writeWholeFile(ManifestFullPath, NewManifest, Created))
      return E;
  return R;
}

//===----------------------------------------------------------------------===//
// Depfiles
//===----------------------------------------------------------------------===//

/// Escapes Name for a Make rule as GCC and Clang do (and Ninja reads).
static std::string escapeMakeName(StringRef Name) {
  std::string Out;
  for (size_t I = 0, E = Name.size(); I != E; ++I) {
    char C = Name[I];
    if (C == '#') {
      Out += '\\';
    } else if (C == ' ') {
      // Backslashes before a space are doubled, then the space escaped.
      for (size_t J = I; J > 0 && Name[J - 1] == '\\'; --J)
        Out += '\\';
      Out += '\\';
    } else if (C == '$') {
      Out += '$';
    }
    Out += C;
  }
  return Out;
}

void printDepfile(raw_ostream &OS, ArrayRef<std::string> Targets,
                  ArrayRef<std::string> Inputs) {
  assert(!Targets.empty() && "a depfile rule needs a target");
  const size_t MaxColumns = 80;
  size_t Column = 0;
  bool First = true;
  auto Emit = [&](StringRef Word) {
    // Keep room for the " \" of a continuation.
    if (!First && Column + 1 + Word.size() + 2 > MaxColumns) {
      OS << " \\\n  ";
      Column = 2;
    } else if (!First) {
      OS << ' ';
      ++Column;
    }
    OS << Word;
    Column += Word.size();
    First = false;
  };
  for (size_t I = 0, E = Targets.size(); I != E; ++I) {
    std::string Word = escapeMakeName(Targets[I]);
    if (I + 1 == E)
      Word += ':';
    Emit(Word);
  }
  for (const std::string &Input : Inputs)
    Emit(escapeMakeName(Input));
  OS << '\n';
}

Error writeDepfile(StringRef DepfilePath, ArrayRef<std::string> Targets,
                   ArrayRef<std::string> Inputs) {
  return writeFileAtomically(DepfilePath, [&](raw_ostream &OS) {
    printDepfile(OS, Targets, Inputs);
    return Error::success();
  });
}

} // namespace codegen
} // namespace bk
