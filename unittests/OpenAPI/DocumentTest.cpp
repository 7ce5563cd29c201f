//===- DocumentTest.cpp - The JSON reader against the YAML path -----------===//
//
// Document::parse reads strict JSON with a reader of its own and everything
// else with llvm::yaml. Both must give the same tree, node for node and
// location for location, and the JSON reader must leave whatever it does not
// accept to llvm::yaml, so that errors stay as they were.
//
//===----------------------------------------------------------------------===//

#include "Document.h"

#include "bk/OpenAPI/JSONPointer.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <chrono>
#include <string>
#include <vector>

using namespace bk;
using namespace bk::openapi;
using llvm::StringRef;

namespace {

using Mode = Document::ParseMode;

constexpr unsigned MaxDepth = 512;
constexpr size_t MaxExpanded = 50000000;

std::string escaped(StringRef S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS.write_escaped(S, /*UseHexEscapes=*/true);
  return OS.str();
}

/// The first difference between two trees read from the same buffer, or "".
std::string compareTrees(const JNode *A, const JNode *B, const char *Base,
                         const std::string &Path = "") {
  auto Off = [&](const char *P) {
    return P ? std::to_string(P - Base) : std::string("none");
  };
  std::string Where = "at '" + Path + "': ";
  if (A->K != B->K)
    return Where + "kind " + A->kindName().str() + " vs " + B->kindName().str();
  if (A->Text != B->Text)
    return Where + "text '" + escaped(A->Text) + "' vs '" + escaped(B->Text) +
           "'";
  if (A->Ptr != B->Ptr)
    return Where + "offset " + Off(A->Ptr) + " vs " + Off(B->Ptr);
  if (A->Expanded != B->Expanded)
    return Where + "expanded " + std::to_string(A->Expanded) + " vs " +
           std::to_string(B->Expanded);
  if (A->Elems.size() != B->Elems.size())
    return Where + std::to_string(A->Elems.size()) + " vs " +
           std::to_string(B->Elems.size()) + " elements";
  if (A->Members.size() != B->Members.size())
    return Where + std::to_string(A->Members.size()) + " vs " +
           std::to_string(B->Members.size()) + " members";
  if (bool(A->Index) != bool(B->Index))
    return Where + "index in one tree only";
  if (A->Index && A->Index->size() != B->Index->size())
    return Where + "index sizes differ";
  for (size_t I = 0; I < A->Elems.size(); ++I) {
    std::string D = compareTrees(A->Elems[I], B->Elems[I], Base,
                                 Path + "/" + std::to_string(I));
    if (!D.empty())
      return D;
  }
  for (size_t I = 0; I < A->Members.size(); ++I) {
    const JNode::Member &MA = A->Members[I], &MB = B->Members[I];
    if (MA.Key != MB.Key)
      return Where + "member " + std::to_string(I) + " key '" +
             escaped(MA.Key) + "' vs '" + escaped(MB.Key) + "'";
    if (MA.KeyPtr != MB.KeyPtr)
      return Where + "key '" + escaped(MA.Key) + "' offset " + Off(MA.KeyPtr) +
             " vs " + Off(MB.KeyPtr);
    if (A->getMember(MA.Key) != &MA || B->getMember(MB.Key) != &MB)
      return Where + "lookup of '" + escaped(MA.Key) + "' fails";
    std::string D = compareTrees(MA.Value, MB.Value, Base,
                                 Path + "/" + escapePointerToken(MA.Key));
    if (!D.empty())
      return D;
  }
  return "";
}

std::string messages(Context &Ctx) {
  std::string S;
  for (const Diagnostic &D : Ctx.getDiags().take())
    S += std::to_string(D.Location.Line) + ":" +
         std::to_string(D.Location.Col) + ": " + D.Message + "\n";
  return S;
}

/// One buffer read every way.
struct Reads {
  Context Ctx;
  const char *Base = nullptr;
  std::unique_ptr<Document> Auto, YAML, JSON;
  std::string AutoDiags, YAMLDiags, JSONDiags;

  Reads(StringRef Text, unsigned Depth = MaxDepth,
        size_t Expanded = MaxExpanded) {
    unsigned ID =
        Ctx.addBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, "t.json"));
    Base = Ctx.getSourceMgr().getMemoryBuffer(ID)->getBufferStart();
    Auto = Document::parse(Ctx, ID, Depth, Expanded, Mode::Auto);
    AutoDiags = messages(Ctx);
    YAML = Document::parse(Ctx, ID, Depth, Expanded, Mode::YAMLOnly);
    YAMLDiags = messages(Ctx);
    JSON = Document::parse(Ctx, ID, Depth, Expanded, Mode::JSONOnly);
    JSONDiags = messages(Ctx);
  }
};

/// Text is JSON the reader takes, giving the YAML path's tree.
void expectSameTree(StringRef Text, unsigned Depth = MaxDepth,
                    size_t Expanded = MaxExpanded) {
  SCOPED_TRACE(escaped(Text));
  Reads R(Text, Depth, Expanded);
  ASSERT_TRUE(R.YAML) << R.YAMLDiags;
  ASSERT_TRUE(R.JSON) << "the JSON reader refused it";
  EXPECT_EQ(R.JSONDiags, "");
  EXPECT_EQ(compareTrees(R.JSON->Root, R.YAML->Root, R.Base), "");
  ASSERT_TRUE(R.Auto);
  EXPECT_EQ(compareTrees(R.Auto->Root, R.YAML->Root, R.Base), "");
}

/// The reader refuses Text, and parse() does what the YAML path does.
void expectFallback(StringRef Text, unsigned Depth = MaxDepth,
                    size_t Expanded = MaxExpanded) {
  SCOPED_TRACE(escaped(Text));
  Reads R(Text, Depth, Expanded);
  EXPECT_FALSE(R.JSON) << "the JSON reader took it";
  EXPECT_EQ(R.JSONDiags, "");
  EXPECT_EQ(R.AutoDiags, R.YAMLDiags);
  ASSERT_EQ(bool(R.Auto), bool(R.YAML));
  if (R.Auto) {
    EXPECT_EQ(compareTrees(R.Auto->Root, R.YAML->Root, R.Base), "");
  }
}

TEST(JSONReaderTest, EmptyCollections) {
  expectSameTree("{}");
  expectSameTree("[]");
  expectSameTree(" \r\n\t{ \n }\r\n\t ");
  expectSameTree("[ ]");
  expectSameTree("[[[[]]], {}, [{}], {\"a\": {}, \"b\": [ ]}]");
}

TEST(JSONReaderTest, Locations) {
  // llvm::yaml starts a collection at the token after its bracket, and a
  // string at its opening quote; keys too.
  Reads R("{ \"a\" : [ 1 , \"s\" ], \"b\": { } }");
  ASSERT_TRUE(R.JSON);
  const JNode *Root = R.JSON->Root;
  EXPECT_EQ(Root->Ptr - R.Base, 2);
  EXPECT_EQ(Root->Members[0].KeyPtr - R.Base, 2);
  const JNode *A = Root->get("a");
  EXPECT_EQ(A->Ptr - R.Base, 10);
  EXPECT_EQ(A->Elems[1]->Ptr - R.Base, 14);
  EXPECT_EQ(Root->get("b")->Ptr - R.Base, 28);
  expectSameTree("{ \"a\" : [ 1 , \"s\" ], \"b\": { } }");
  expectSameTree("{\n  \"a\": [\n    1,\n    2\n  ]\n}\n");
  expectSameTree("{\r\n\"a\"\r\n:\r\n1\r\n}");
  expectSameTree("\n\n  [\"x\",\n\n  \"y\"]");
}

TEST(JSONReaderTest, Scalars) {
  expectSameTree("[0, -0, 1.5, -1.5e10, 1E+2, 1e-2, 0.0, 10, -12.25E-07]");
  expectSameTree("[123456789012345678901234567890, 1e400, -0.0000000001]");
  expectSameTree(
      "[true, false, null, {\"t\": true, \"f\": false, \"n\": null}]");
  expectSameTree("{\"a\":1,\"b\":true,\"c\":null,\"d\":\"x\",\"e\":-2}");
  expectSameTree("[1\n,2\n]");
  Reads R("[true, null, 1.50]");
  ASSERT_TRUE(R.JSON);
  const JNode *Root = R.JSON->Root;
  EXPECT_EQ(Root->Elems[0]->K, JNode::Bool);
  EXPECT_EQ(Root->Elems[0]->Text, "true");
  EXPECT_EQ(Root->Elems[1]->K, JNode::Null);
  EXPECT_EQ(Root->Elems[2]->K, JNode::Number);
  EXPECT_EQ(Root->Elems[2]->Text, "1.50");
}

TEST(JSONReaderTest, Strings) {
  expectSameTree(R"(["", "plain", "x\ty\u00e9\/\b\f\n\r\"\\", "\u0000"])");
  expectSameTree(R"(["\u0041\u00e9\u20AC\uffff", "a\\", "\\\\", "\"\""])");
  expectSameTree(R"(["trailing \\", "\\n is not a newline", "\n\n"])");
  expectSameTree(R"(["true", "null", "1", "-1", "~", "", " padded  "])");
  expectSameTree(R"(["# not a comment", "a: b", "- x", "&anchor", "*alias"])");
  expectSameTree(R"(["---", "...", "%YAML", "? k", "'single'", "{[,]}"])");
  // Raw bytes are passed through as they are, valid UTF-8 or not.
  expectSameTree("[\"h\xC3\xA9\", \"\xE2\x80\xA8\xE2\x80\xA9\xC2\x85\", "
                 "\"\x7F\xC2\x80\", \"\xFF\xFE\", \"\xEF\xBB\xBF\"]");
  Reads R(R"(["abc", "a\nb"])");
  ASSERT_TRUE(R.JSON);
  // A string without escapes is the text between its quotes.
  EXPECT_EQ(R.JSON->Root->Elems[0]->Text.data() - R.Base, 2);
  EXPECT_EQ(R.JSON->Root->Elems[1]->Text, "a\nb");
}

TEST(JSONReaderTest, Keys) {
  expectSameTree(R"({"a\"b": 1, "\u0041": 2, "": 3, "x y": 4, "\\": 5})");
  expectSameTree(R"({"a":{"a":{"a":[{"a":null}]}}})");
  std::string Long(1100, 'k');
  expectSameTree("{\"" + Long + "\": 1, \"b\": {\"" + Long + "\": [2]}}");
  // More than 16 members: an index, in both trees.
  for (int Size : {16, 17, 40}) {
    std::string Many = "{";
    for (int I = 0; I < Size; ++I)
      Many += (I ? ", \"k" : "\"k") + std::to_string(I) +
              "\": " + std::to_string(I);
    Many += "}";
    expectSameTree(Many);
    Reads R(Many);
    ASSERT_TRUE(R.JSON);
    EXPECT_EQ(bool(R.JSON->Root->Index), Size > 16);
    EXPECT_EQ(R.JSON->Root->get("k15")->Text, "15");
  }
}

TEST(JSONReaderTest, Tabs) {
  // Tabs are JSON whitespace; the YAML path reads a copy without them.
  expectSameTree("{\t\"a\":\t[\t1,\t\"b\"\t]\t}\t");
  expectSameTree("[\n\t{\n\t\t\"k\": \"v\\t\"\n\t}\n]\n");
}

TEST(JSONReaderTest, Limits) {
  expectSameTree("[[[1]]]", /*Depth=*/3);
  expectSameTree("[[[1]]]", /*Depth=*/3, /*Expanded=*/4);
  expectFallback("[[[1]]]", /*Depth=*/2);
  expectFallback("[[[[]]]]", /*Depth=*/2);
  expectFallback("{\"a\": {\"b\": {\"c\": 1}}}", /*Depth=*/2);
  expectFallback("[[[1]]]", MaxDepth, /*Expanded=*/3);
  expectFallback("[1, 2, 3]", MaxDepth, /*Expanded=*/3);
  std::string Deep = std::string(600, '[') + std::string(600, ']');
  expectFallback(Deep);
}

TEST(JSONReaderTest, FallsBackOnNonStrictJSON) {
  // llvm::yaml takes some of these as YAML, and refuses others: either way
  // the result is its own.
  for (const char *Text : {
           "[1,]",
           "{\"a\": 1,}",
           "[1 # comment\n]",
           "[1] // comment",
           "/* c */ [1]",
           "[NaN]",
           "[Infinity, -Infinity]",
           "[+1]",
           "[.5]",
           "[01]",
           "[1.]",
           "[1.e5]",
           "[1e]",
           "[-]",
           "[0x10]",
           "['a']",
           "{a: 1}",
           "{\"a\" 1}",
           "{\"a\": }",
           "{\"a\"}",
           "[True, FALSE, Null, ~]",
           "[tru]",
           "[nulls]",
           "[1 2]",
           "[1] [2]",
           "{} x",
           "[1]\n---\n",
           "[1]\n...\n",
           "[1",
           "{\"a\": [1}",
           "[1}",
           "{\"a\": 1]",
           "[\"abc",
           "[\"\\x41\"]",
           "[\"\\u12g4\"]",
           "[\"\\u12\"]",
           "[\"\\'\"]",
           "[\"a\tb\"]",
           "[\"a\nb\"]",
           "[\"a\rb\"]",
           "[\"\x01\"]",
           "[a]",
           "[!!str 1]",
           "[&a 1, *a]",
           "{\"a\": 1, \"a\": 2}",
           "{\"a\": 1, \"\\u0061\": 2}",
       })
    expectFallback(Text);
  expectFallback(StringRef("[1]\0", 4));
  expectFallback(StringRef("[\"a\0b\"]", 7));
  // Duplicates past the index threshold too.
  std::string Many = "{";
  for (int I = 0; I < 20; ++I)
    Many += "\"k" + std::to_string(I) + "\": 0, ";
  Many += "\"k3\": 1}";
  expectFallback(Many);
}

TEST(JSONReaderTest, FallsBackOnSurrogates) {
  // llvm::yaml encodes each half of a surrogate pair on its own (CESU-8);
  // the reader leaves such strings to it rather than give other bytes.
  expectFallback(R"(["\ud83d\ude00"])");
  expectFallback(R"({"\ud800": 1})");
  expectFallback(R"(["\uDFFF"])");
}

TEST(JSONReaderTest, NotJSON) {
  // YAML documents never reach the reader.
  Reads R("a: [1, 2]\nb: {c: d}\n");
  EXPECT_FALSE(R.JSON);
  ASSERT_TRUE(R.Auto);
  EXPECT_EQ(compareTrees(R.Auto->Root, R.YAML->Root, R.Base), "");
  expectFallback("\xEF\xBB\xBF{\"a\": 1}");
  expectFallback("");
  expectFallback("  \n");
}

//===----------------------------------------------------------------------===//
// Corpora
//===----------------------------------------------------------------------===//

/// Reads every .json file under the directories in BK_JSON_CORPUS (':'
/// separated) both ways and compares the trees. Skipped without it.
TEST(JSONReaderTest, Corpora) {
  llvm::Optional<std::string> Dirs =
      llvm::sys::Process::GetEnv("BK_JSON_CORPUS");
  if (!Dirs)
    GTEST_SKIP() << "set BK_JSON_CORPUS to directories of JSON files";
  llvm::SmallVector<StringRef, 4> Roots;
  StringRef(*Dirs).split(Roots, ':', -1, /*KeepEmpty=*/false);
  unsigned Files = 0, Compared = 0, Differing = 0, Refused = 0, BothFailed = 0;
  std::chrono::duration<double> JSONTime{0}, YAMLTime{0};
  for (StringRef Root : Roots) {
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Root, EC), E;
         It != E && !EC; It.increment(EC)) {
      StringRef Path = It->path();
      if (!Path.endswith(".json") ||
          It->type() == llvm::sys::fs::file_type::directory_file)
        continue;
      auto Buf = llvm::MemoryBuffer::getFile(Path);
      if (!Buf)
        continue;
      ++Files;
      SCOPED_TRACE(Path.str());
      Context Ctx;
      unsigned ID = Ctx.addBuffer(std::move(*Buf));
      const char *Base =
          Ctx.getSourceMgr().getMemoryBuffer(ID)->getBufferStart();
      // Two trees at most at a time: the largest files make large ones.
      auto T0 = std::chrono::steady_clock::now();
      std::unique_ptr<Document> JSON =
          Document::parse(Ctx, ID, MaxDepth, MaxExpanded, Mode::JSONOnly);
      JSONTime += std::chrono::steady_clock::now() - T0;
      if (!JSON) {
        // The reader refused it: parse() is the YAML path.
        ++Refused;
        llvm::errs() << "refused: " << Path << "\n";
        std::unique_ptr<Document> YAML =
            Document::parse(Ctx, ID, MaxDepth, MaxExpanded, Mode::YAMLOnly);
        std::string YAMLDiags = messages(Ctx);
        std::unique_ptr<Document> Auto =
            Document::parse(Ctx, ID, MaxDepth, MaxExpanded, Mode::Auto);
        EXPECT_EQ(messages(Ctx), YAMLDiags);
        EXPECT_EQ(bool(Auto), bool(YAML));
        if (!YAML)
          ++BothFailed;
        if (Auto && YAML) {
          EXPECT_EQ(compareTrees(Auto->Root, YAML->Root, Base), "");
        }
        continue;
      }
      ++Compared;
      T0 = std::chrono::steady_clock::now();
      std::unique_ptr<Document> YAML =
          Document::parse(Ctx, ID, MaxDepth, MaxExpanded, Mode::YAMLOnly);
      YAMLTime += std::chrono::steady_clock::now() - T0;
      EXPECT_TRUE(YAML) << "the YAML path refuses it:\n" << messages(Ctx);
      if (YAML) {
        std::string Diff = compareTrees(JSON->Root, YAML->Root, Base);
        EXPECT_EQ(Diff, "");
        if (!Diff.empty())
          ++Differing;
      }
    }
    EXPECT_FALSE(EC) << Root.str() << ": " << EC.message();
  }
  llvm::errs() << Files << " files, " << Compared << " read both ways ("
               << Differing << " differing), " << Refused
               << " refused by the JSON reader (" << BothFailed
               << " refused by both)\n"
               << "parsing the files read both ways: " << JSONTime.count()
               << " s with the JSON reader, " << YAMLTime.count()
               << " s with llvm::yaml\n";
  EXPECT_GT(Files, 0u);
}

} // namespace
