//===- bk/CodeGen/FileSet.h - Writing generated files -----------*- C++ -*-===//
//
// A code generator builds a FileSet in memory (every file it produces, with
// its content) and hands it to writeFileSet(), which puts it under an output
// directory the way a build step should:
//
//   - Generated files (under generated/, rewritten on every run) are written
//     only when their bytes change, each atomically, so the mtimes of
//     unchanged files stay and make/ninja do not rebuild what depends on
//     them. A manifest (generated/.bk-manifest) records the SHA-256 of each
//     one, so the next run can delete the files the generator no longer
//     produces (only when the user has not edited them) and say which files
//     the user edited.
//   - User-owned files (handler stubs, the server entry) are created only
//     when absent and are never touched afterwards.
//
//   FileSet Files;
//   Files.add("generated/routes.ts", std::move(Routes));
//   Files.add("handlers/listUsers.ts", std::move(Stub), FileKind::UserOwned);
//   if (OutDir == "-") {
//     Files.writeSplitFile(outs());
//     return 0;
//   }
//   WriteResult R = ExitOnErr(writeFileSet(Files, OutDir, Opts));
//   return Opts.Check && R.isStale() ? 1 : 0;
//
// The header comment saying a generated file is generated is part of its
// content: the generator writes it (in the target language's comment
// syntax), FileSet does not add one.
//
//===----------------------------------------------------------------------===//

#ifndef BK_CODEGEN_FILESET_H
#define BK_CODEGEN_FILESET_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <vector>

namespace bk {
namespace codegen {

enum class FileKind {
  /// Rewritten on every run, listed in the manifest.
  Generated,
  /// Created when absent, never modified afterwards.
  UserOwned,
};

struct GeneratedFile {
  /// Relative to the output directory, '/'-separated.
  std::string Path;
  std::string Content;
  FileKind Kind = FileKind::Generated;
};

/// The files one generator run produces, keyed by path.
class FileSet {
public:
  /// Whether Path may name a file of a FileSet: not empty, relative,
  /// '/'-separated, without empty, "." or ".." components, and without
  /// backslashes, NULs or line breaks. Generators that build file names from
  /// user input (operation ids, table names) check with this first.
  static bool isValidPath(llvm::StringRef Path);

  /// Adds a file. Path must be valid (isValidPath; asserted: the generator
  /// builds the paths). Adding a path twice replaces the earlier content and
  /// kind.
  void add(llvm::StringRef Path, std::string Content,
           FileKind Kind = FileKind::Generated);

  /// The files sorted by path (deterministic order). The pointers stay valid
  /// until the path is added again.
  std::vector<const GeneratedFile *> sorted() const;
  /// The file at Path, or null.
  const GeneratedFile *find(llvm::StringRef Path) const;
  size_t size() const { return Files.size(); }
  bool empty() const { return Files.empty(); }

  /// Every file, sorted by path, as one split-file stream: a line
  /// "//--- <path>" then the content, with a newline added when a non-empty
  /// content does not end with one. `split-file --no-leading-lines` gives
  /// the files back (byte for byte when each content ends with a newline
  /// and no line of it starts with "//--- ", which split-file would take
  /// for the start of another file).
  void writeSplitFile(llvm::raw_ostream &OS) const;

private:
  /// Sorted by path; node-based, so pointers to the files stay valid.
  std::map<std::string, GeneratedFile> Files;
};

struct WriteOptions {
  /// Compute the result, touch nothing.
  bool DryRun = false;
  /// Compute staleness, touch nothing (the result is the same as DryRun's;
  /// the tool reports it differently).
  bool Check = false;
  /// Relative path of the manifest inside the output directory.
  std::string ManifestPath = "generated/.bk-manifest";
};

/// What writeFileSet() did (or, with DryRun or Check, would do). Every list
/// holds paths relative to the output directory, sorted.
struct WriteResult {
  /// Generated files (re)written, or that would be.
  std::vector<std::string> Written;
  /// Generated files whose bytes on disk already matched.
  std::vector<std::string> Unchanged;
  /// User-owned files created (they were absent).
  std::vector<std::string> Created;
  /// User-owned files that existed and were left alone.
  std::vector<std::string> Kept;
  /// Generated files of the previous manifest no longer produced, deleted
  /// because they were unchanged since bk wrote them.
  std::vector<std::string> Removed;
  /// Generated files of the previous manifest no longer produced that the
  /// user had edited (their hash differs from the manifest's): kept, and
  /// dropped from the manifest (they are the user's now).
  std::vector<std::string> KeptModified;
  /// Generated files overwritten although their bytes on disk were not the
  /// ones bk wrote last (the hash differs from the manifest's, or the
  /// manifest does not list them): the user's edits are lost, so the tool
  /// should warn. A subset of Written.
  std::vector<std::string> Overwritten;
  /// The manifest was (or would be) written.
  bool ManifestChanged = false;

  /// Whether anything would change: a generated file written, a stale
  /// generated file removed, a user-owned file created, or the manifest
  /// changed. What --check exits 1 for.
  bool isStale() const {
    return !Written.empty() || !Removed.empty() || !Created.empty() ||
           ManifestChanged;
  }
};

/// The first line of a manifest.
llvm::StringRef getManifestHeader();

/// Writes Files below OutDir (created when missing, with parent
/// directories). Every write is atomic and only files whose content differs
/// are written; the manifest, which lists every Generated file as
/// "<sha256 hex>  <path>" lines sorted by path after the getManifestHeader()
/// line, is written last and only when its bytes change (and not at all
/// while there is neither a manifest nor a generated file). User-owned files
/// are not in the manifest.
///
/// Every error the file system can be asked about in advance (a path that
/// is a directory, an unreadable file, a corrupt manifest or a manifest
/// entry outside OutDir) is found before anything is written. Errors are
/// ErrorDiagnostics located at the offending path (a manifest error at its
/// line). When a write fails midway, the manifest is still updated to
/// record what was written, so the next run stays accurate.
llvm::Expected<WriteResult> writeFileSet(const FileSet &Files,
                                         llvm::StringRef OutDir,
                                         const WriteOptions &Opts = {});

/// Writes a Make-syntax depfile, atomically: one rule "T1 T2: I1 I2 ..."
/// with targets and inputs in the order given, lines longer than 80
/// columns continued with " \" and a newline, the continuation indented by
/// two spaces. In names, a space or '#' is escaped with '\' (with the
/// backslashes before a space doubled) and '$' is written "$$", as GCC and
/// Clang do; Make and Ninja both read that. Targets must not be empty.
llvm::Error writeDepfile(llvm::StringRef DepfilePath,
                         llvm::ArrayRef<std::string> Targets,
                         llvm::ArrayRef<std::string> Inputs);

/// The depfile text writeDepfile() writes.
void printDepfile(llvm::raw_ostream &OS, llvm::ArrayRef<std::string> Targets,
                  llvm::ArrayRef<std::string> Inputs);

} // namespace codegen
} // namespace bk

#endif // BK_CODEGEN_FILESET_H
