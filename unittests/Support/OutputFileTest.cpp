//===- OutputFileTest.cpp - Atomic output files ---------------------------===//

#include "bk/Support/OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace bk;
using namespace llvm;

namespace {

class OutputFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("bk-output-test", Dir));
    Path = (Dir + "/out.txt").str();
  }
  void TearDown() override { sys::fs::remove_directories(Dir); }

  std::string readFile() {
    auto Buf = MemoryBuffer::getFile(Path);
    return Buf ? (*Buf)->getBuffer().str() : "<missing>";
  }
  unsigned countFiles() {
    std::error_code EC;
    unsigned N = 0;
    for (sys::fs::directory_iterator I(Dir, EC), E; I != E && !EC;
         I.increment(EC))
      ++N;
    return N;
  }

  SmallString<128> Dir;
  std::string Path;
};

TEST_F(OutputFileTest, CommitReplacesTheFile) {
  ASSERT_FALSE(writeFileAtomically(Path, [](raw_ostream &OS) {
    OS << "old\n";
    return Error::success();
  }));
  ASSERT_FALSE(writeFileAtomically(Path, [](raw_ostream &OS) {
    OS << "new\n";
    return Error::success();
  }));
  EXPECT_EQ(readFile(), "new\n");
  EXPECT_EQ(countFiles(), 1u);
}

TEST_F(OutputFileTest, FailedWriteLeavesTheOldFile) {
  ASSERT_FALSE(writeFileAtomically(Path, [](raw_ostream &OS) {
    OS << "old\n";
    return Error::success();
  }));
  Error E = writeFileAtomically(Path, [](raw_ostream &OS) {
    OS << "half of the new";
    return createStringError(inconvertibleErrorCode(), "generator failed");
  });
  EXPECT_TRUE(static_cast<bool>(E));
  consumeError(std::move(E));
  EXPECT_EQ(readFile(), "old\n");
  EXPECT_EQ(countFiles(), 1u) << "temporary file left behind";
}

TEST_F(OutputFileTest, UncommittedFileIsRemoved) {
  {
    auto F = OutputFile::create(Path);
    ASSERT_TRUE(static_cast<bool>(F));
    (*F)->os() << "never committed";
  }
  EXPECT_EQ(readFile(), "<missing>");
  EXPECT_EQ(countFiles(), 0u);
}

TEST_F(OutputFileTest, KilledMidWriteLeavesTheOldFile) {
  ASSERT_FALSE(writeFileAtomically(Path, [](raw_ostream &OS) {
    OS << "old\n";
    return Error::success();
  }));
  int Ready[2];
  ASSERT_EQ(pipe(Ready), 0);
  pid_t Child = fork();
  ASSERT_GE(Child, 0);
  if (Child == 0) {
    auto F = OutputFile::create(Path);
    if (!F)
      _exit(3);
    (*F)->os() << std::string(1 << 16, 'x');
    (*F)->os().flush();
    char C = 1;
    (void)!write(Ready[1], &C, 1);
    pause(); // killed here, mid-write
    _exit(0);
  }
  char C;
  ASSERT_EQ(read(Ready[0], &C, 1), 1);
  kill(Child, SIGKILL);
  int Status;
  waitpid(Child, &Status, 0);
  EXPECT_TRUE(WIFSIGNALED(Status));
  EXPECT_EQ(readFile(), "old\n");
  close(Ready[0]);
  close(Ready[1]);
}

// A destination that is not a regular file (a FIFO here, /dev/null in
// practice: `-o /dev/null`) is written in place. Renaming a temporary file
// over it, as for a regular file, replaced /dev/null with a file.
TEST_F(OutputFileTest, FifoIsWrittenInPlace) {
  ASSERT_EQ(mkfifo(Path.c_str(), 0600), 0);
  // The reading end first (non-blocking), so opening the writing end does
  // not wait; the few bytes fit in the pipe's buffer.
  int Reader = open(Path.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(Reader, 0);
  {
    auto F = OutputFile::create(Path);
    ASSERT_TRUE(bool(F));
    (*F)->os() << "through the pipe";
    ASSERT_FALSE(bool((*F)->commit()));
  }
  std::string Received;
  char Buf[64];
  ssize_t N;
  while ((N = read(Reader, Buf, sizeof(Buf))) > 0)
    Received.append(Buf, size_t(N));
  close(Reader);
  EXPECT_EQ(Received, "through the pipe");
  sys::fs::file_status St;
  ASSERT_FALSE(sys::fs::status(Path, St));
  EXPECT_EQ(St.type(), sys::fs::file_type::fifo_file);
  EXPECT_EQ(countFiles(), 1u); // No temporary file left beside it.
}

TEST_F(OutputFileTest, UnwritableDirectoryIsALocatedError) {
  auto F = OutputFile::create((Dir + "/no/such/dir/out.txt").str());
  ASSERT_FALSE(static_cast<bool>(F));
  std::string Msg = toString(F.takeError());
  EXPECT_NE(Msg.find("out.txt: cannot create output file"), std::string::npos)
      << Msg;
}

} // namespace
