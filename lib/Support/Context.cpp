//===- Context.cpp - Shared state of one tool run -------------------------===//

#include "bk/Support/Context.h"
#include "bk/Support/Error.h"

#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace bk {

Context::Context() : Diags(SM), Strings(Alloc) {}

Expected<unsigned> Context::loadFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> BufOrErr =
      MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/true);
  if (std::error_code EC = BufOrErr.getError())
    return ErrorDiagnostic::get(
        Loc(intern(Path == "-" ? "<stdin>" : Path), 0, 0),
        "cannot read file: " + EC.message());
  std::unique_ptr<MemoryBuffer> Buf = std::move(*BufOrErr);
  if (Path == "-")
    Buf = MemoryBuffer::getMemBufferCopy(Buf->getBuffer(), "<stdin>");
  return addBuffer(std::move(Buf));
}

unsigned Context::addBuffer(std::unique_ptr<MemoryBuffer> Buffer) {
  intern(Buffer->getBufferIdentifier());
  return SM.AddNewSourceBuffer(std::move(Buffer), SMLoc());
}

Loc Context::getLoc(SMLoc L) {
  if (!L.isValid())
    return Loc();
  unsigned ID = SM.FindBufferContainingLoc(L);
  if (!ID)
    return Loc();
  auto LineCol = SM.getLineAndColumn(L, ID);
  return Loc(intern(SM.getMemoryBuffer(ID)->getBufferIdentifier()),
             LineCol.first, LineCol.second);
}

Loc Context::getBufferStartLoc(unsigned BufferID) {
  return getLoc(
      SMLoc::getFromPointer(SM.getMemoryBuffer(BufferID)->getBufferStart()));
}

} // namespace bk
