//===- bk/Support/Context.h - Shared state of one tool run ------*- C++ -*-===//
//
// A Context owns the SourceMgr with every input a run has read, the
// diagnostics engine reporting against it, and the interned file names that
// Loc values point to. IR built during a run refers into its Context, so
// the Context must outlive that IR (as an MLIRContext does).
//
//===----------------------------------------------------------------------===//

#ifndef BK_SUPPORT_CONTEXT_H
#define BK_SUPPORT_CONTEXT_H

#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/StringSaver.h"

#include <memory>

namespace bk {

class Context {
public:
  Context();
  /// Prints what is still buffered while the file names it uses are alive.
  ~Context() { Diags.flush(); }
  Context(const Context &) = delete;
  Context &operator=(const Context &) = delete;

  llvm::SourceMgr &getSourceMgr() { return SM; }
  DiagnosticEngine &getDiags() { return Diags; }

  /// Interns a string (file names, identifiers) for the Context's lifetime.
  llvm::StringRef intern(llvm::StringRef S) { return Strings.save(S); }

  /// Reads Path ("-" is stdin) into the SourceMgr and returns its buffer id.
  /// A file that cannot be read gives an ErrorDiagnostic located at the file
  /// name.
  llvm::Expected<unsigned> loadFile(llvm::StringRef Path);

  /// Adds an in-memory buffer under Name (tests, split input files).
  unsigned addBuffer(std::unique_ptr<llvm::MemoryBuffer> Buffer);

  /// The Loc of a pointer into a loaded buffer.
  Loc getLoc(llvm::SMLoc L);
  /// The Loc of the first byte of a buffer.
  Loc getBufferStartLoc(unsigned BufferID);

private:
  llvm::SourceMgr SM;
  DiagnosticEngine Diags;
  llvm::BumpPtrAllocator Alloc;
  llvm::UniqueStringSaver Strings;
};

} // namespace bk

#endif // BK_SUPPORT_CONTEXT_H
