//===- Reader.cpp - OpenAPI front end -------------------------------------===//
//
// Builds the API IR from the JNode tree of the root document, following
// $refs into other documents, and checks the structure OpenAPI prescribes
// on the way. docs/OpenAPI.md describes the rules.
//
//===----------------------------------------------------------------------===//

#include "bk/OpenAPI/Reader.h"
#include "Document.h"
#include "ExampleCheck.h"

#include "bk/API/Verifier.h"
#include "bk/OpenAPI/JSONPointer.h"
#include "bk/Support/URI.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace llvm;

namespace bk {
namespace openapi {

using api::API;
using api::SchemaNode;
using Member = JNode::Member;

/// "an object", "a string", ...
static std::string an(const JNode *N) {
  StringRef K = N->kindName();
  return (K == "object" || K == "array" ? "an " : "a ") + K.str();
}

namespace {

enum Version { V30 = 0, V31 = 1, V32 = 2 };

class Reader;

/// Switches the reader's current document for a scope.
class DocScope {
public:
  DocScope(Reader &R, Document *D);
  ~DocScope();

private:
  Reader &R;
  Document *Saved;
};

class Reader : public RefResolver {
public:
  Reader(Context &Ctx, const ReadOptions &Opts)
      : Ctx(Ctx), Diags(Ctx.getDiags()), Opts(Opts) {}

  std::unique_ptr<API> read(unsigned BufferID);

  // RefResolver.
  bool resolve(Document *&D, const JNode *&N) override;
  Loc locOf(Document *D, const char *P) override { return D->loc(P); }
  bool isV30() const override { return V == V30; }

  Document *Cur = nullptr;

private:
  friend class DocScope;

  //===--- Diagnostics ----------------------------------------------------===//
  void error(const char *P, const Twine &Msg) {
    std::string M = Msg.str();
    if (!Reported.insert({P, M}).second)
      return;
    Diags.error(Cur->loc(P), M);
  }
  void warning(const char *P, const Twine &Msg) {
    std::string M = Msg.str();
    if (!Reported.insert({P, M}).second)
      return;
    Diags.warning(Cur->loc(P), M);
  }
  Loc loc(const char *P) { return Cur->loc(P); }
  Loc loc(const Member &M) { return Cur->loc(M.KeyPtr); }

  //===--- Field helpers --------------------------------------------------===//
  /// Calls F on every member of N that is not an `x-` extension (which go
  /// to Exts when given); a member F returns false for is unknown.
  template <typename Fn>
  void fields(const JNode *N, StringRef Obj, std::vector<api::Extension> *Exts,
              Fn F) {
    for (const Member &M : N->Members) {
      if (M.Key.startswith("x-")) {
        if (Exts)
          Exts->push_back({M.Key.str(), toJSON(M.Value), loc(M)});
        continue;
      }
      if (!F(M))
        error(M.KeyPtr, "unknown field '" + M.Key + "' in " + Obj);
    }
  }
  /// Whether the document's version has field M (since Min); reports it
  /// otherwise.
  bool since(Version Min, const Member &M, StringRef Obj) {
    if (V >= Min)
      return true;
    error(M.KeyPtr, "field '" + M.Key + "' in " + Obj + " needs OpenAPI " +
                        (Min == V31 ? "3.1" : "3.2") + " or later");
    return false;
  }
  void require(const JNode *N, StringRef Field, StringRef Obj) {
    if (!N->get(Field))
      error(N->Ptr, Obj + " is missing required field '" + Field + "'");
  }
  void exclusive(const JNode *N, StringRef A, StringRef B, StringRef Obj) {
    const Member *MA = N->getMember(A), *MB = N->getMember(B);
    if (MA && MB)
      error(MB->KeyPtr,
            "'" + A + "' and '" + B + "' are mutually exclusive in " + Obj);
  }
  bool expect(const Member &M, JNode::Kind K, StringRef Obj) {
    if (M.Value->K == K)
      return true;
    StringRef Want = K == JNode::Object   ? "an object"
                     : K == JNode::Array  ? "an array"
                     : K == JNode::String ? "a string"
                     : K == JNode::Bool   ? "a boolean"
                                          : "a number";
    error(M.Value->Ptr ? M.Value->Ptr : M.KeyPtr, "'" + M.Key + "' in " + Obj +
                                                      " must be " + Want +
                                                      ", not " + an(M.Value));
    return false;
  }
  bool str(const Member &M, std::string &Out, StringRef Obj) {
    if (!expect(M, JNode::String, Obj))
      return false;
    Out = M.Value->Text.str();
    return true;
  }
  /// A string field the specification calls a URL or URI: it must be an
  /// RFC 3986 URI-reference (what the official JSON Schemas check with
  /// `format: uri-reference`).
  bool uriRef(const Member &M, StringRef Obj, std::string *Out = nullptr) {
    if (!expect(M, JNode::String, Obj))
      return false;
    std::string Why;
    if (!uri::isURIReference(M.Value->Text, &Why)) {
      error(M.Value->Ptr,
            "'" + M.Key + "' in " + Obj + " is not a URI reference: " + Why);
      return false;
    }
    if (Out)
      *Out = M.Value->Text.str();
    return true;
  }
  bool flag(const Member &M, bool &Out, StringRef Obj) {
    if (!expect(M, JNode::Bool, Obj))
      return false;
    Out = M.Value->Text == "true";
    return true;
  }
  const JNode *object(const Member &M, StringRef Obj) {
    return expect(M, JNode::Object, Obj) ? M.Value : nullptr;
  }
  const JNode *array(const Member &M, StringRef Obj) {
    return expect(M, JNode::Array, Obj) ? M.Value : nullptr;
  }
  Optional<uint64_t> count(const Member &M, StringRef Obj) {
    uint64_t U;
    if (M.Value->K == JNode::Number) {
      StringRef T = M.Value->Text;
      if (!T.getAsInteger(10, U))
        return U;
      // `5.0` or `1e3`; the cast is only defined below 2^64.
      double D;
      if (!T.getAsDouble(D) && D >= 0 && D < 18446744073709551616.0 &&
          D == (double)(uint64_t)D)
        return (uint64_t)D;
    }
    error(M.Value->Ptr,
          "'" + M.Key + "' in " + Obj + " must be a non-negative integer");
    return None;
  }
  Optional<api::JSONNumber> number(const Member &M, StringRef Obj) {
    if (expect(M, JNode::Number, Obj))
      if (Optional<api::JSONNumber> N = api::JSONNumber::parse(M.Value->Text))
        return N;
    return None;
  }
  void strings(const Member &M, std::vector<std::string> &Out, StringRef Obj) {
    const JNode *Arr = array(M, Obj);
    if (!Arr)
      return;
    for (const JNode *E : Arr->Elems) {
      if (!E->isString()) {
        error(E->Ptr,
              "'" + M.Key + "' in " + Obj + " must hold strings, not " + an(E));
        continue;
      }
      Out.push_back(E->Text.str());
    }
  }

  //===--- References -----------------------------------------------------===//
  /// When N is a Reference Object ({$ref: ...}), follows it (and chains of
  /// them) and switches Cur to the target's document; otherwise returns N.
  /// Null after an error. Scope keeps the previous document.
  const JNode *deref(const JNode *N, Optional<DocScope> &Scope);
  Document *loadDocument(StringRef Path, const char *RefPtr, StringRef Ref);
  bool resolveRefString(const JNode *RefNode, Document *&D, const JNode *&N,
                        StringRef Field = "$ref");

  template <typename Fn> void withRef(const JNode *N, StringRef Obj, Fn F) {
    if (!N->isObject()) {
      error(N->Ptr, Obj + " must be an object, not " + an(N));
      return;
    }
    Optional<DocScope> Scope;
    const JNode *T = deref(N, Scope);
    if (!T)
      return;
    if (!T->isObject()) {
      error(T->Ptr, Obj + " must be an object, not " + an(T));
      return;
    }
    if (RefDepth > 64) {
      error(N->Ptr, "references nest too deeply");
      return;
    }
    bool Pushed = T != N;
    if (Pushed) {
      if (llvm::is_contained(RefStack, T)) {
        error(N->Ptr, "circular $ref");
        return;
      }
      RefStack.push_back(T);
    }
    ++RefDepth;
    F(T);
    --RefDepth;
    if (Pushed)
      RefStack.pop_back();
  }

  //===--- Objects --------------------------------------------------------===//
  bool readVersion(const JNode *Root);
  void readInfo(const Member &M);
  void readServers(const Member &M, std::vector<api::Server> *Out);
  void readServer(const JNode *N, api::Server &S);
  void readTags(const Member &M);
  void readExternalDocs(const Member &M);
  void readPaths(const Member &M);
  void readWebhooks(const Member &M);
  void readComponents(const Member &M);
  void readPathItem(const JNode *N, StringRef Path,
                    std::vector<api::Operation> &Out, bool ForIR);
  void readOperation(const JNode *N, api::Method Meth, StringRef Path,
                     ArrayRef<std::pair<Document *, const JNode *>> PathParams,
                     api::Operation &Op, bool ForIR);
  void
  readParameterList(const Member &M,
                    std::vector<std::pair<Document *, const JNode *>> &Out);
  bool readParameter(const JNode *N, api::Parameter &P, bool ForIR);
  void readHeader(const JNode *N, StringRef Name, api::Header &H);
  void readRequestBody(const JNode *N, api::RequestBody &B);
  void readContent(const Member &M, std::vector<api::MediaType> &Out);
  void readMediaType(const JNode *N, api::MediaType &MT, bool CheckExamples);
  void readEncoding(const JNode *N);
  void readExamples(const Member &M, std::vector<api::NamedExample> &Out,
                    const JNode *Schema);
  void readExample(const JNode *N, api::NamedExample &E, const JNode *Schema);
  void readResponses(const Member &M, std::vector<api::Response> &Out);
  void readResponse(const JNode *N, api::Response &R);
  void readLink(const JNode *N, api::Link &L);
  void readCallback(const JNode *N, api::Callback &C);
  void readSecurity(const Member &M, api::SecurityRequirement &Req);
  void readSecurityScheme(const JNode *N, api::SecurityScheme &S);
  void readFlows(const Member &M, api::SecurityScheme &S);
  void readXML(const Member &M);
  void checkParamName(const JNode *NameNode, api::ParamIn In);
  void checkHeaderName(const char *P, StringRef Name);
  void checkQueryString(const std::vector<api::Parameter> &Params);

  //===--- Schemas --------------------------------------------------------===//
  std::unique_ptr<SchemaNode> schema(const Member &M, StringRef Obj);
  std::unique_ptr<SchemaNode> schemaAt(const JNode *N, Loc L);
  void fillSchema(const JNode *N, SchemaNode &S);
  std::string nameForSchema(Document *D, const JNode *Target,
                            StringRef Pointer);
  void checkDiscriminator(const JNode *N, const JNode *Disc,
                          StringRef PropName);
  void addValueCheck(const JNode *Value, const JNode *Schema,
                     bool IsDefault = false) {
    if (Value && Schema &&
        (IsDefault ? Opts.CheckDefaults : Opts.CheckExamples))
      ValueChecks.push_back({Cur, Value, Cur, Schema, IsDefault});
  }

  Context &Ctx;
  DiagnosticEngine &Diags;
  const ReadOptions &Opts;
  Version V = V31;
  std::unique_ptr<API> A;
  std::vector<std::unique_ptr<Document>> Docs;
  StringMap<Document *> DocsByPath;
  StringSet<> FailedPaths;
  Document *RootDoc = nullptr;
  std::set<std::pair<const char *, std::string>> Reported;
  std::vector<const JNode *> RefStack;
  unsigned RefDepth = 0;
  DenseSet<const JNode *> BuiltForIR;
  /// Component names of schema nodes (root components and hoisted ones).
  DenseMap<const JNode *, std::string> SchemaNames;
  StringSet<> UsedSchemaNames;
  std::vector<std::pair<Document *, const JNode *>> HoistQueue;
  std::vector<ValueCheck> ValueChecks;
};

DocScope::DocScope(Reader &R, Document *D) : R(R), Saved(R.Cur) { R.Cur = D; }
DocScope::~DocScope() { R.Cur = Saved; }

} // namespace

//===----------------------------------------------------------------------===//
// References
//===----------------------------------------------------------------------===//

Document *Reader::loadDocument(StringRef Path, const char *RefPtr,
                               StringRef Ref) {
  auto It = DocsByPath.find(Path);
  if (It != DocsByPath.end())
    return It->second;
  if (FailedPaths.count(Path))
    return nullptr;
  Expected<unsigned> ID = Ctx.loadFile(Path);
  if (!ID) {
    std::string Msg = toString(ID.takeError());
    FailedPaths.insert(Path);
    error(RefPtr,
          "cannot resolve $ref '" + Ref + "': cannot read file '" + Path + "'");
    return nullptr;
  }
  std::unique_ptr<Document> D =
      Document::parse(Ctx, *ID, Opts.MaxDepth, Opts.MaxExpandedNodes);
  if (!D) {
    FailedPaths.insert(Path);
    return nullptr;
  }
  Document *Raw = D.get();
  Docs.push_back(std::move(D));
  DocsByPath[Path] = Raw;
  return Raw;
}

bool Reader::resolveRefString(const JNode *RefNode, Document *&D,
                              const JNode *&N, StringRef Field) {
  if (!RefNode->isString()) {
    error(RefNode->Ptr, "'" + Field + "' must be a string, not " + an(RefNode));
    return false;
  }
  StringRef Ref = RefNode->Text;
  if (isRemoteRef(Ref)) {
    // Remote documents are never fetched: the object is left out (a schema
    // accepts anything) and the user is told.
    warning(RefNode->Ptr, "remote " + Field + " '" + Ref +
                              "' is not followed (bk reads local files only)");
    return false;
  }
  RefParts Parts = splitRef(Ref);
  Document *Target = Cur;
  if (!Parts.File.empty() && !Opts.AllowExternalRefs) {
    error(RefNode->Ptr, "cannot resolve " + Field + " '" + Ref +
                            "': references to other files are disabled");
    return false;
  }
  if (!Parts.File.empty()) {
    std::string Path = resolveRelativePath(Cur->Name, Parts.File);
    Target = loadDocument(Path, RefNode->Ptr, Ref);
    if (!Target)
      return false;
  }
  std::string Err;
  const JNode *T = resolvePointer(Target->Root, Parts.Pointer, Err);
  if (!T) {
    error(RefNode->Ptr, "cannot resolve " + Field + " '" + Ref + "': " + Err);
    return false;
  }
  D = Target;
  N = T;
  return true;
}

bool Reader::resolve(Document *&D, const JNode *&N) {
  // Used by the example checker: follows one $ref of a schema.
  DocScope S(*this, D);
  const JNode *R = N->get("$ref");
  if (!R)
    return true;
  return resolveRefString(R, D, N);
}

const JNode *Reader::deref(const JNode *N, Optional<DocScope> &Scope) {
  SmallPtrSet<const JNode *, 4> Seen;
  for (unsigned Hops = 0; N->isObject(); ++Hops) {
    const JNode *R = N->get("$ref");
    if (!R)
      return N;
    if (!Seen.insert(N).second || Hops > 64) {
      error(R->Ptr, "circular $ref");
      return nullptr;
    }
    Document *D;
    const JNode *T;
    if (!resolveRefString(R, D, T))
      return nullptr;
    if (D != Cur) {
      Scope.reset();
      Scope.emplace(*this, D);
    }
    N = T;
  }
  return N;
}

//===----------------------------------------------------------------------===//
// Schemas
//===----------------------------------------------------------------------===//

static std::string sanitizeName(StringRef S) {
  std::string Out;
  for (char C : S)
    Out += (isAlnum(C) || C == '.' || C == '-' || C == '_') ? C : '_';
  if (Out.empty())
    Out = "schema";
  return Out;
}

std::string Reader::nameForSchema(Document *D, const JNode *Target,
                                  StringRef Pointer) {
  auto It = SchemaNames.find(Target);
  if (It != SchemaNames.end())
    return It->second;
  // Rule (docs/OpenAPI.md): the last token of the pointer, else the file's
  // stem; _2, _3, ... when that name is taken.
  std::vector<std::string> Tokens;
  std::string Base;
  if (parseJSONPointer(Pointer, Tokens) && !Tokens.empty())
    Base = Tokens.back();
  else
    Base = sys::path::stem(D->Name).str();
  Base = sanitizeName(Base);
  std::string Name = Base;
  for (unsigned I = 2; UsedSchemaNames.count(Name); ++I)
    Name = Base + "_" + std::to_string(I);
  UsedSchemaNames.insert(Name);
  SchemaNames[Target] = Name;
  HoistQueue.push_back({D, Target});
  return Name;
}

std::unique_ptr<SchemaNode> Reader::schema(const Member &M, StringRef Obj) {
  (void)Obj;
  return schemaAt(M.Value, loc(M));
}

std::unique_ptr<SchemaNode> Reader::schemaAt(const JNode *N, Loc L) {
  auto S = std::make_unique<SchemaNode>();
  S->Location = L;
  fillSchema(N, *S);
  return S;
}

static bool isSchemaKeyword30(StringRef K) {
  static const char *const Keys[] = {"title",         "multipleOf",
                                     "maximum",       "exclusiveMaximum",
                                     "minimum",       "exclusiveMinimum",
                                     "maxLength",     "minLength",
                                     "pattern",       "maxItems",
                                     "minItems",      "uniqueItems",
                                     "maxProperties", "minProperties",
                                     "required",      "enum",
                                     "type",          "allOf",
                                     "oneOf",         "anyOf",
                                     "not",           "items",
                                     "properties",    "additionalProperties",
                                     "description",   "format",
                                     "default",       "nullable",
                                     "discriminator", "readOnly",
                                     "writeOnly",     "xml",
                                     "externalDocs",  "example",
                                     "deprecated"};
  return llvm::is_contained(Keys, K);
}

void Reader::fillSchema(const JNode *N, SchemaNode &S) {
  StringRef Obj = "schema object";
  if (N->K == JNode::Bool && V >= V31) {
    if (N->Text == "false")
      S.Not = std::make_unique<SchemaNode>(), S.Not->Location = S.Location;
    return;
  }
  if (!N->isObject()) {
    error(N->Ptr, Twine("a schema must be an object") +
                      (V >= V31 ? " or a boolean" : "") + ", not " + an(N));
    return;
  }
  if (const JNode *R = N->get("$ref")) {
    Document *D;
    const JNode *T;
    if (resolveRefString(R, D, T)) {
      // #/components/schemas/NAME of the root document is NAME; anything
      // else becomes a component of its own (nameForSchema).
      StringRef Ref = R->Text;
      auto It = SchemaNames.find(T);
      if (It != SchemaNames.end())
        S.Ref = It->second;
      else
        S.Ref = nameForSchema(D, T, splitRef(Ref).Pointer);
    }
    if (V == V30)
      return; // 3.0: siblings of $ref are ignored
  }

  // 3.0 nullable and boolean exclusive bounds need their siblings.
  bool Nullable = false;
  bool ExclMin = false, ExclMax = false;
  const JNode *DiscNode = nullptr;
  std::string DiscProp;
  std::vector<std::string> Required;
  const Member *ReqMember = nullptr;

  fields(N, Obj, &S.Extensions, [&](const Member &M) {
    StringRef K = M.Key;
    if (V == V30 && !isSchemaKeyword30(K) && K != "$ref")
      return false;
    if (K == "$ref")
      return true;
    if (K == "type") {
      auto Add = [&](const JNode *T) {
        if (!T->isString()) {
          error(T->Ptr, "'type' must name a type, not " + an(T));
          return;
        }
        Optional<api::JSONType> JT = api::parseJSONType(T->Text);
        if (!JT || (V == V30 && *JT == api::JSONType::Null)) {
          error(T->Ptr, "invalid type '" + T->Text +
                            "' (expected string, number, integer, boolean, "
                            "object, array" +
                            (V >= V31 ? ", null" : "") + ")");
          return;
        }
        S.Types.add(*JT);
      };
      if (M.Value->isArray() && V >= V31) {
        for (const JNode *E : M.Value->Elems)
          Add(E);
      } else if (M.Value->isArray()) {
        error(M.Value->Ptr, "'type' must be a string in OpenAPI 3.0 (use "
                            "'nullable' for null)");
      } else {
        Add(M.Value);
      }
      return true;
    }
    if (K == "nullable") {
      flag(M, Nullable, Obj);
      return true;
    }
    if (K == "format")
      return str(M, S.Format, Obj), true;
    if (K == "title")
      return str(M, S.Title, Obj), true;
    if (K == "description")
      return str(M, S.Description, Obj), true;
    if (K == "enum") {
      if (const JNode *E = array(M, Obj))
        for (const JNode *V : E->Elems)
          S.Enum.push_back(toJSON(V));
      return true;
    }
    if (K == "const") {
      if (V == V30)
        return false;
      S.Const = toJSON(M.Value);
      return true;
    }
    if (K == "default") {
      S.Default = toJSON(M.Value);
      addValueCheck(M.Value, N, /*IsDefault=*/true);
      return true;
    }
    if (K == "example") {
      S.Example = toJSON(M.Value);
      addValueCheck(M.Value, N);
      return true;
    }
    if (K == "examples") {
      if (const JNode *E = array(M, Obj))
        for (const JNode *X : E->Elems)
          addValueCheck(X, N);
      return true;
    }
    if (K == "properties") {
      if (const JNode *P = object(M, Obj))
        for (const Member &PM : P->Members) {
          api::Property Prop;
          Prop.Name = PM.Key.str();
          Prop.Location = loc(PM);
          Prop.Schema = schemaAt(PM.Value, loc(PM));
          S.Properties.push_back(std::move(Prop));
        }
      return true;
    }
    if (K == "required") {
      if (M.Value->K == JNode::Bool) {
        error(M.Value->Ptr, "'required' in a schema is a list of property "
                            "names, not a boolean");
        return true;
      }
      ReqMember = &M;
      strings(M, Required, Obj);
      return true;
    }
    if (K == "additionalProperties") {
      if (M.Value->K == JNode::Bool) {
        S.Additional = M.Value->Text == "true" ? api::AdditionalKind::Allowed
                                               : api::AdditionalKind::Forbidden;
      } else {
        S.Additional = api::AdditionalKind::Schema;
        S.AdditionalProperties = schema(M, Obj);
      }
      return true;
    }
    if (K == "minProperties")
      return S.MinProperties = count(M, Obj), true;
    if (K == "maxProperties")
      return S.MaxProperties = count(M, Obj), true;
    if (K == "minItems")
      return S.MinItems = count(M, Obj), true;
    if (K == "maxItems")
      return S.MaxItems = count(M, Obj), true;
    if (K == "minLength")
      return S.MinLength = count(M, Obj), true;
    if (K == "maxLength")
      return S.MaxLength = count(M, Obj), true;
    if (K == "uniqueItems")
      return flag(M, S.UniqueItems, Obj), true;
    if (K == "pattern") {
      str(M, S.Pattern, Obj);
      return true;
    }
    if (K == "items") {
      if (M.Value->isArray()) {
        error(M.Value->Ptr, "'items' must be a schema, not an array (use "
                            "'prefixItems' for tuples)");
        return true;
      }
      S.Items = schema(M, Obj);
      return true;
    }
    if (K == "prefixItems") {
      if (V == V30)
        return false;
      if (const JNode *Arr = array(M, Obj))
        for (const JNode *E : Arr->Elems)
          S.PrefixItems.push_back(schemaAt(E, loc(E->Ptr)));
      return true;
    }
    if (K == "minimum")
      return S.Minimum = number(M, Obj), true;
    if (K == "maximum")
      return S.Maximum = number(M, Obj), true;
    if (K == "exclusiveMinimum" || K == "exclusiveMaximum") {
      bool Min = K == "exclusiveMinimum";
      if (V == V30) {
        flag(M, Min ? ExclMin : ExclMax, Obj);
        return true;
      }
      if (M.Value->K == JNode::Bool) {
        error(M.Value->Ptr, "'" + K +
                                "' must be a number in OpenAPI 3.1 "
                                "and later (the boolean form is 3.0's)");
        return true;
      }
      (Min ? S.ExclusiveMinimum : S.ExclusiveMaximum) = number(M, Obj);
      return true;
    }
    if (K == "multipleOf")
      return S.MultipleOf = number(M, Obj), true;
    if (K == "allOf" || K == "oneOf" || K == "anyOf") {
      auto &List = K == "allOf" ? S.AllOf : K == "oneOf" ? S.OneOf : S.AnyOf;
      if (const JNode *Arr = array(M, Obj)) {
        if (Arr->Elems.empty())
          error(Arr->Ptr, "'" + K + "' must not be empty");
        for (const JNode *E : Arr->Elems)
          List.push_back(schemaAt(E, loc(E->Ptr)));
      }
      return true;
    }
    if (K == "not") {
      S.Not = schema(M, Obj);
      return true;
    }
    if (K == "discriminator") {
      const JNode *D = object(M, Obj);
      if (!D)
        return true;
      api::Discriminator Disc;
      Disc.Location = loc(M);
      require(D, "propertyName", "discriminator object");
      fields(D, "discriminator object", nullptr, [&](const Member &DM) {
        if (DM.Key == "propertyName")
          return str(DM, Disc.PropertyName, "discriminator object"), true;
        if (DM.Key == "defaultMapping")
          return since(V32, DM, "discriminator object") &&
                     expect(DM, JNode::String, "discriminator object"),
                 true;
        if (DM.Key != "mapping")
          return false;
        const JNode *Map = object(DM, "discriminator object");
        if (!Map)
          return true;
        for (const Member &MM : Map->Members) {
          std::string Target;
          if (!str(MM, Target, "discriminator mapping"))
            continue;
          StringRef T = Target;
          if (T.startswith("#/components/schemas/") &&
              T.find('/', 21) == StringRef::npos) {
            std::vector<std::string> Tokens;
            if (parseJSONPointer(T.drop_front(1), Tokens))
              Target = Tokens.back();
          } else if (T.contains('#') || T.contains('/') ||
                     T.endswith(".yaml") || T.endswith(".json") ||
                     T.endswith(".yml")) {
            JNode RefObj;
            Document *TD;
            const JNode *TN;
            if (resolveRefString(MM.Value, TD, TN)) {
              auto It = SchemaNames.find(TN);
              Target = It != SchemaNames.end()
                           ? It->second
                           : nameForSchema(TD, TN, splitRef(T).Pointer);
            }
          }
          Disc.Mapping.push_back({MM.Key.str(), Target});
        }
        return true;
      });
      DiscNode = D;
      DiscProp = Disc.PropertyName;
      S.Disc = std::move(Disc);
      return true;
    }
    if (K == "readOnly")
      return flag(M, S.ReadOnly, Obj), true;
    if (K == "writeOnly")
      return flag(M, S.WriteOnly, Obj), true;
    if (K == "deprecated")
      return flag(M, S.Deprecated, Obj), true;
    if (K == "xml") {
      readXML(M);
      return true;
    }
    if (K == "externalDocs") {
      readExternalDocs(M);
      return true;
    }
    // 3.1 and later: any other JSON Schema keyword is accepted as is.
    return V >= V31;
  });

  if (Nullable) {
    if (S.Types.empty() && !S.isRef())
      warning(N->Ptr, "'nullable' without 'type' has no effect");
    else
      S.Types.add(api::JSONType::Null);
  }
  if (ExclMin) {
    if (S.Minimum)
      S.ExclusiveMinimum = S.Minimum, S.Minimum.reset();
    else
      error(N->get("exclusiveMinimum")->Ptr,
            "'exclusiveMinimum' needs 'minimum'");
  }
  if (ExclMax) {
    if (S.Maximum)
      S.ExclusiveMaximum = S.Maximum, S.Maximum.reset();
    else
      error(N->get("exclusiveMaximum")->Ptr,
            "'exclusiveMaximum' needs 'maximum'");
  }
  for (const std::string &R : Required) {
    if (api::Property *P = S.findProperty(R))
      P->Required = true;
    else
      S.ExtraRequired.push_back(R);
  }
  (void)ReqMember;
  if (DiscNode && !DiscProp.empty())
    checkDiscriminator(N, DiscNode, DiscProp);
}

/// Whether schema N (following $refs) lists Prop in `required`, directly
/// or through allOf, or in every oneOf/anyOf variant.
static bool requiresProperty(RefResolver &R, Document *D, const JNode *N,
                             StringRef Prop, unsigned Depth) {
  if (Depth > 16 || !N)
    return false;
  if (!R.resolve(D, N) || !N->isObject())
    return false;
  if (const JNode *Req = N->get("required"))
    if (Req->isArray())
      for (const JNode *E : Req->Elems)
        if (E->isString() && E->Text == Prop)
          return true;
  if (const JNode *All = N->get("allOf"))
    if (All->isArray())
      for (const JNode *E : All->Elems)
        if (requiresProperty(R, D, E, Prop, Depth + 1))
          return true;
  for (StringRef K : {"oneOf", "anyOf"}) {
    const JNode *Alt = N->get(K);
    if (!Alt || !Alt->isArray() || Alt->Elems.empty())
      continue;
    if (llvm::all_of(Alt->Elems, [&](const JNode *E) {
          return requiresProperty(R, D, E, Prop, Depth + 1);
        }))
      return true;
  }
  return false;
}

void Reader::checkDiscriminator(const JNode *N, const JNode *Disc,
                                StringRef Prop) {
  if (requiresProperty(*this, Cur, N, Prop, 0))
    return;
  // A discriminator in an allOf parent is required by its children: accept
  // it when the property is declared at all (the verifier checks that).
  const JNode *PN = Disc->get("propertyName");
  std::string Msg =
      ("discriminator property '" + Prop + "' is not required").str();
  // 3.0 says the property MUST be required, 3.1 only that it SHOULD be.
  Diags.report(Diagnostic(V == V30 ? Severity::Error : Severity::Warning,
                          Cur->loc(PN->Ptr), Msg, "discriminator-property"));
}

void Reader::readXML(const Member &M) {
  StringRef Obj = "XML object";
  const JNode *X = object(M, "schema object");
  if (!X)
    return;
  fields(X, Obj, nullptr, [&](const Member &XM) {
    StringRef K = XM.Key;
    if (K == "name" || K == "namespace" || K == "prefix")
      return expect(XM, JNode::String, Obj), true;
    if (K == "attribute" || K == "wrapped")
      return expect(XM, JNode::Bool, Obj), true;
    if (K == "nodeType") {
      if (since(V32, XM, Obj) && expect(XM, JNode::String, Obj)) {
        StringRef T = XM.Value->Text;
        if (T != "element" && T != "attribute" && T != "text" && T != "cdata" &&
            T != "none")
          error(XM.Value->Ptr, "invalid XML nodeType '" + T + "'");
      }
      return true;
    }
    return false;
  });
  exclusive(X, "nodeType", "attribute", Obj);
  exclusive(X, "nodeType", "wrapped", Obj);
}

void Reader::readExternalDocs(const Member &M) {
  StringRef Obj = "external documentation object";
  const JNode *E = object(M, "'externalDocs'");
  if (!E)
    return;
  require(E, "url", Obj);
  fields(E, Obj, nullptr, [&](const Member &EM) {
    if (EM.Key == "url")
      return uriRef(EM, Obj), true;
    if (EM.Key == "description")
      return expect(EM, JNode::String, Obj), true;
    return false;
  });
}

//===----------------------------------------------------------------------===//
// Parameters, headers, bodies, responses
//===----------------------------------------------------------------------===//

static bool isHeaderToken(StringRef Name) {
  return !Name.empty() && llvm::all_of(Name, [](char C) {
    return isAlnum(C) || StringRef("!#$%&'*+-.^_`|~").contains(C);
  });
}

void Reader::checkHeaderName(const char *P, StringRef Name) {
  if (!isHeaderToken(Name))
    error(P, "invalid header name '" + Name +
                 "' (an HTTP token: letters, digits and !#$%&'*+-.^_`|~)");
}

void Reader::checkParamName(const JNode *NameNode, api::ParamIn In) {
  StringRef Name = NameNode->Text;
  if (In == api::ParamIn::Header)
    checkHeaderName(NameNode->Ptr, Name);
  if (In == api::ParamIn::Path && Name.find_first_of("{}/") != StringRef::npos)
    error(NameNode->Ptr, "invalid path parameter name '" + Name +
                             "' (it must not contain '{', '}' or '/')");
}

void Reader::readParameterList(
    const Member &M, std::vector<std::pair<Document *, const JNode *>> &Out) {
  const JNode *Arr = array(M, "'parameters'");
  if (!Arr)
    return;
  for (const JNode *E : Arr->Elems)
    Out.push_back({Cur, E});
}

/// Reads the fields parameters and headers share; Obj names the object.
bool Reader::readParameter(const JNode *N, api::Parameter &P, bool ForIR) {
  StringRef Obj = "parameter object";
  P.Location = loc(N->Ptr);
  if (ForIR)
    BuiltForIR.insert(N);
  bool Checked = !ForIR && BuiltForIR.count(N);
  require(N, "name", Obj);
  require(N, "in", Obj);
  const JNode *SchemaN = nullptr, *InN = nullptr, *NameN = nullptr;
  const Member *StyleM = nullptr;
  bool CookieStyle = false;
  fields(N, Obj, &P.Extensions, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "name") {
      if (str(M, P.Name, Obj))
        NameN = M.Value;
      return true;
    }
    if (K == "in") {
      std::string In;
      if (!str(M, In, Obj))
        return true;
      Optional<api::ParamIn> PI = api::parseParamIn(In);
      if (!PI || (*PI == api::ParamIn::QueryString && V < V32)) {
        error(M.Value->Ptr, "invalid parameter location '" + In +
                                "' (expected path, query, header, cookie" +
                                (V >= V32 ? ", querystring" : "") + ")");
        return true;
      }
      P.In = *PI;
      InN = M.Value;
      return true;
    }
    if (K == "description")
      return str(M, P.Description, Obj), true;
    if (K == "required")
      return flag(M, P.Required, Obj), true;
    if (K == "deprecated")
      return flag(M, P.Deprecated, Obj), true;
    if (K == "allowEmptyValue")
      return flag(M, P.AllowEmptyValue, Obj), true;
    if (K == "style") {
      StyleM = &M;
      std::string St;
      if (!str(M, St, Obj))
        return true;
      if (St == "cookie" && V >= V32) {
        CookieStyle = true;
        return true;
      }
      Optional<api::ParamStyle> PS = api::parseParamStyle(St);
      if (!PS || *PS == api::ParamStyle::Default)
        error(M.Value->Ptr, "invalid style '" + St + "'");
      else
        P.Style = *PS;
      return true;
    }
    if (K == "explode") {
      bool B;
      if (flag(M, B, Obj))
        P.Explode = B;
      return true;
    }
    if (K == "allowReserved")
      return flag(M, P.AllowReserved, Obj), true;
    if (K == "schema") {
      SchemaN = M.Value;
      P.Schema = schema(M, Obj);
      return true;
    }
    if (K == "content") {
      readContent(M, P.Content);
      if (M.Value->isObject() && M.Value->Members.size() != 1)
        error(M.Value->Ptr ? M.Value->Ptr : M.KeyPtr,
              "'content' of a parameter must have exactly one entry");
      return true;
    }
    if (K == "example") {
      P.Example = toJSON(M.Value);
      addValueCheck(M.Value, SchemaN ? SchemaN : N->get("schema"));
      return true;
    }
    if (K == "examples") {
      readExamples(M, P.Examples, N->get("schema"));
      return true;
    }
    return false;
  });
  exclusive(N, "example", "examples", Obj);
  if (NameN && InN)
    checkParamName(NameN, P.In);
  // Where allowReserved applies: query (3.0, 3.1); 3.2 adds path and
  // form-style cookies. 3.0 only says so (its schema allows the field on
  // any parameter, where it has no effect); the 3.1 and 3.2 schemas forbid
  // it elsewhere.
  if (const Member *AR = N->getMember("allowReserved")) {
    bool OK = P.In == api::ParamIn::Query;
    if (V >= V32)
      OK |= P.In == api::ParamIn::Path ||
            (P.In == api::ParamIn::Cookie && !CookieStyle);
    std::string Where = (api::paramInName(P.In) + " parameters" +
                         (CookieStyle ? " with style 'cookie'" : ""))
                            .str();
    if (!OK && InN && V == V30)
      warning(AR->KeyPtr, "'allowReserved' has no effect on " + Where);
    else if (!OK && InN)
      error(AR->KeyPtr, "'allowReserved' is not allowed for " + Where);
  }
  if (P.In == api::ParamIn::QueryString) {
    if (N->get("schema"))
      error(N->getMember("schema")->KeyPtr,
            "a querystring parameter must use 'content', not 'schema'");
    for (StringRef F : {"style", "explode", "allowReserved"})
      if (const Member *FM = N->getMember(F))
        error(FM->KeyPtr, "'" + F +
                              "' is not allowed for querystring "
                              "parameters");
  } else if (N->get("content")) {
    for (StringRef F : {"style", "explode", "allowReserved"})
      if (const Member *FM = N->getMember(F))
        if (V >= V32)
          error(FM->KeyPtr, "'" + F + "' is not allowed with 'content'");
  }
  if (CookieStyle && P.In != api::ParamIn::Cookie && StyleM)
    error(StyleM->Value->Ptr, "style 'cookie' is only for cookie parameters");
  // What the verifier checks on operations' parameters is checked here for
  // parameters that never reach an operation (components).
  if (!ForIR && !Checked && InN) {
    if (N->get("schema") && N->get("content"))
      error(
          N->getMember("content")->KeyPtr,
          "'schema' and 'content' are mutually exclusive in parameter object");
    else if (!N->get("schema") && !N->get("content"))
      error(N->Ptr, "parameter '" + P.Name + "' needs 'schema' or 'content'");
    if (P.Style != api::ParamStyle::Default && StyleM) {
      using S = api::ParamStyle;
      bool OK = false;
      switch (P.In) {
      case api::ParamIn::Path:
        OK =
            P.Style == S::Simple || P.Style == S::Label || P.Style == S::Matrix;
        break;
      case api::ParamIn::Query:
        OK = P.Style == S::Form || P.Style == S::SpaceDelimited ||
             P.Style == S::PipeDelimited || P.Style == S::DeepObject;
        break;
      case api::ParamIn::Header:
        OK = P.Style == S::Simple;
        break;
      case api::ParamIn::Cookie:
        OK = P.Style == S::Form;
        break;
      case api::ParamIn::QueryString:
        break;
      }
      if (!OK)
        error(StyleM->Value->Ptr, "style '" + api::paramStyleName(P.Style) +
                                      "' is not allowed for " +
                                      api::paramInName(P.In) + " parameters");
    }
  }
  return true;
}

void Reader::readHeader(const JNode *N, StringRef Name, api::Header &H) {
  StringRef Obj = "header object";
  H.Name = Name.str();
  const JNode *SchemaN = N->get("schema");
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "description")
      return str(M, H.Description, Obj), true;
    if (K == "required")
      return flag(M, H.Required, Obj), true;
    if (K == "deprecated")
      return flag(M, H.Deprecated, Obj), true;
    if (K == "allowEmptyValue" && V < V32)
      return expect(M, JNode::Bool, Obj), true;
    if (K == "style") {
      if (expect(M, JNode::String, Obj) && M.Value->Text != "simple")
        error(M.Value->Ptr, "the style of a header must be 'simple'");
      return true;
    }
    if (K == "explode")
      return expect(M, JNode::Bool, Obj), true;
    if (K == "allowReserved") {
      // 3.0's Header Object follows the Parameter Object, where the field
      // only applies to query parameters; 3.1 leaves it out.
      if (V == V30) {
        if (expect(M, JNode::Bool, Obj))
          warning(M.KeyPtr, "'allowReserved' has no effect in a header object");
      } else {
        error(M.KeyPtr, "'allowReserved' is not allowed in header object");
      }
      return true;
    }
    if (K == "schema") {
      H.Schema = schema(M, Obj);
      return true;
    }
    if (K == "content") {
      readContent(M, H.Content);
      if (M.Value->isObject() && M.Value->Members.size() != 1)
        error(M.Value->Ptr ? M.Value->Ptr : M.KeyPtr,
              "'content' of a header must have exactly one entry");
      return true;
    }
    if (K == "example") {
      addValueCheck(M.Value, SchemaN);
      return true;
    }
    if (K == "examples") {
      std::vector<api::NamedExample> Ignored;
      readExamples(M, Ignored, SchemaN);
      return true;
    }
    if (K == "name" || K == "in") {
      error(M.KeyPtr, "'" + K +
                          "' is not allowed in header object (the "
                          "header's name is its key)");
      return true;
    }
    return false;
  });
  exclusive(N, "example", "examples", Obj);
  exclusive(N, "schema", "content", Obj);
}

/// application/json, application/problem+json, text/json, ...
static bool isJSONMediaType(StringRef Name) {
  StringRef Type = Name.split(';').first.trim();
  return Type.endswith_insensitive("/json") ||
         Type.endswith_insensitive("+json");
}

void Reader::readContent(const Member &M, std::vector<api::MediaType> &Out) {
  const JNode *C = object(M, "'content'");
  if (!C)
    return;
  for (const Member &CM : C->Members) {
    api::MediaType MT;
    MT.Name = CM.Key.str();
    MT.Location = loc(CM);
    const JNode *Target = CM.Value;
    Optional<DocScope> Scope;
    if (V >= V32 && Target->isObject() && Target->get("$ref"))
      Target = deref(Target, Scope);
    if (!Target)
      continue;
    if (!Target->isObject()) {
      error(Target->Ptr,
            "media type object must be an object, not " + an(Target));
      continue;
    }
    readMediaType(Target, MT, isJSONMediaType(CM.Key));
    Out.push_back(std::move(MT));
  }
}

void Reader::readEncoding(const JNode *N) {
  StringRef Obj = "encoding object";
  if (!N->isObject()) {
    error(N->Ptr, "encoding object must be an object");
    return;
  }
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "contentType" || K == "style")
      return expect(M, JNode::String, Obj), true;
    if (K == "explode" || K == "allowReserved")
      return expect(M, JNode::Bool, Obj), true;
    if (K == "headers") {
      if (const JNode *H = object(M, Obj))
        for (const Member &HM : H->Members)
          withRef(HM.Value, "header object", [&](const JNode *T) {
            api::Header Hd;
            Hd.Location = loc(HM);
            readHeader(T, HM.Key, Hd);
          });
      return true;
    }
    if (K == "encoding") {
      if (since(V32, M, Obj))
        if (const JNode *E = object(M, Obj))
          for (const Member &EM : E->Members)
            readEncoding(EM.Value);
      return true;
    }
    if (K == "prefixEncoding") {
      if (since(V32, M, Obj))
        if (const JNode *E = array(M, Obj))
          for (const JNode *X : E->Elems)
            readEncoding(X);
      return true;
    }
    if (K == "itemEncoding") {
      if (since(V32, M, Obj))
        readEncoding(M.Value);
      return true;
    }
    return false;
  });
  exclusive(N, "encoding", "prefixEncoding", Obj);
  exclusive(N, "encoding", "itemEncoding", Obj);
}

void Reader::readMediaType(const JNode *N, api::MediaType &MT,
                           bool CheckExamples) {
  StringRef Obj = "media type object";
  // Examples of other media types may be serialized forms (3.1, 3.2).
  const JNode *SchemaN = CheckExamples ? N->get("schema") : nullptr;
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "schema") {
      MT.Schema = schema(M, Obj);
      return true;
    }
    if (K == "itemSchema") {
      if (since(V32, M, Obj))
        schema(M, Obj);
      return true;
    }
    if (K == "example") {
      MT.Example = toJSON(M.Value);
      addValueCheck(M.Value, SchemaN);
      return true;
    }
    if (K == "examples") {
      readExamples(M, MT.Examples, SchemaN);
      return true;
    }
    if (K == "encoding") {
      if (const JNode *E = object(M, Obj))
        for (const Member &EM : E->Members)
          readEncoding(EM.Value);
      return true;
    }
    if (K == "prefixEncoding") {
      if (since(V32, M, Obj))
        if (const JNode *E = array(M, Obj))
          for (const JNode *X : E->Elems)
            readEncoding(X);
      return true;
    }
    if (K == "itemEncoding") {
      if (since(V32, M, Obj))
        readEncoding(M.Value);
      return true;
    }
    if (K == "description")
      return since(V32, M, Obj) && expect(M, JNode::String, Obj), true;
    return false;
  });
  exclusive(N, "example", "examples", Obj);
  exclusive(N, "encoding", "prefixEncoding", Obj);
  exclusive(N, "encoding", "itemEncoding", Obj);
}

void Reader::readExamples(const Member &M, std::vector<api::NamedExample> &Out,
                          const JNode *Schema) {
  const JNode *E = object(M, "'examples'");
  if (!E)
    return;
  Document *SchemaDoc = Cur;
  for (const Member &EM : E->Members) {
    api::NamedExample Ex;
    Ex.Name = EM.Key.str();
    Ex.Location = loc(EM);
    withRef(EM.Value, "example object", [&](const JNode *T) {
      readExample(T, Ex, Cur == SchemaDoc ? Schema : nullptr);
    });
    Out.push_back(std::move(Ex));
  }
}

void Reader::readExample(const JNode *N, api::NamedExample &E,
                         const JNode *Schema) {
  StringRef Obj = "example object";
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "summary")
      return str(M, E.Summary, Obj), true;
    if (K == "description")
      return str(M, E.Description, Obj), true;
    if (K == "value") {
      E.Value = toJSON(M.Value);
      addValueCheck(M.Value, Schema);
      return true;
    }
    if (K == "externalValue")
      return uriRef(M, Obj, &E.ExternalValue), true;
    if (K == "dataValue") {
      if (since(V32, M, Obj)) {
        E.Value = toJSON(M.Value);
        addValueCheck(M.Value, Schema);
      }
      return true;
    }
    if (K == "serializedValue")
      return since(V32, M, Obj) && expect(M, JNode::String, Obj), true;
    return false;
  });
  exclusive(N, "value", "externalValue", Obj);
  exclusive(N, "value", "dataValue", Obj);
  exclusive(N, "value", "serializedValue", Obj);
  exclusive(N, "serializedValue", "externalValue", Obj);
}

void Reader::readRequestBody(const JNode *N, api::RequestBody &B) {
  StringRef Obj = "request body object";
  B.Location = loc(N->Ptr);
  require(N, "content", Obj);
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "description")
      return str(M, B.Description, Obj), true;
    if (K == "required")
      return flag(M, B.Required, Obj), true;
    if (K == "content")
      return readContent(M, B.Content), true;
    return false;
  });
}

/// Whether the fragment of Ref ends at an operation: a method of a path item
/// (or, in 3.2, an entry of its additionalOperations).
static bool pointsAtOperation(StringRef Ref) {
  std::vector<std::string> Tokens;
  if (!parseJSONPointer(splitRef(Ref).Pointer, Tokens) || Tokens.size() < 2)
    return false;
  return api::parseMethod(Tokens.back()).hasValue() ||
         Tokens[Tokens.size() - 2] == "additionalOperations";
}

void Reader::readLink(const JNode *N, api::Link &L) {
  StringRef Obj = "link object";
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "operationId")
      return str(M, L.OperationId, Obj), true;
    if (K == "operationRef") {
      // A URI reference to an operation: followed like a $ref, it must
      // land on an Operation Object (a method of a path item).
      Document *D;
      const JNode *T;
      if (uriRef(M, Obj, &L.OperationRef) &&
          resolveRefString(M.Value, D, T, "operationRef") &&
          (!T->isObject() || !pointsAtOperation(M.Value->Text)))
        error(M.Value->Ptr, "operationRef '" + M.Value->Text +
                                "' does not point at an operation");
      return true;
    }
    if (K == "description")
      return str(M, L.Description, Obj), true;
    if (K == "parameters") {
      if (const JNode *P = object(M, Obj))
        for (const Member &PM : P->Members)
          L.Parameters.push_back({PM.Key.str(), PM.Value->isString()
                                                    ? PM.Value->Text.str()
                                                    : toJSON(PM.Value)});
      return true;
    }
    if (K == "requestBody") {
      L.RequestBody =
          M.Value->isString() ? M.Value->Text.str() : toJSON(M.Value);
      return true;
    }
    if (K == "server") {
      if (const JNode *S = object(M, Obj)) {
        api::Server Srv;
        readServer(S, Srv);
      }
      return true;
    }
    return false;
  });
  exclusive(N, "operationId", "operationRef", Obj);
}

void Reader::readResponse(const JNode *N, api::Response &R) {
  StringRef Obj = "response object";
  if (V < V32)
    require(N, "description", Obj);
  fields(N, Obj, &R.Extensions, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "description")
      return str(M, R.Description, Obj), true;
    if (K == "summary")
      return since(V32, M, Obj) && expect(M, JNode::String, Obj), true;
    if (K == "content")
      return readContent(M, R.Content), true;
    if (K == "headers") {
      if (const JNode *H = object(M, Obj))
        for (const Member &HM : H->Members) {
          checkHeaderName(HM.KeyPtr, HM.Key);
          api::Header Hd;
          Hd.Location = loc(HM);
          bool OK = false;
          withRef(HM.Value, "header object", [&](const JNode *T) {
            readHeader(T, HM.Key, Hd);
            OK = true;
          });
          if (OK)
            R.Headers.push_back(std::move(Hd));
        }
      return true;
    }
    if (K == "links") {
      if (const JNode *Ls = object(M, Obj))
        for (const Member &LM : Ls->Members) {
          api::Link L;
          L.Name = LM.Key.str();
          L.Location = loc(LM);
          bool OK = false;
          withRef(LM.Value, "link object", [&](const JNode *T) {
            readLink(T, L);
            OK = true;
          });
          if (OK)
            R.Links.push_back(std::move(L));
        }
      return true;
    }
    return false;
  });
}

void Reader::readResponses(const Member &M, std::vector<api::Response> &Out) {
  const JNode *Rs = object(M, "operation object");
  if (!Rs)
    return;
  bool Any = false;
  for (const Member &RM : Rs->Members) {
    if (RM.Key.startswith("x-"))
      continue;
    Any = true;
    api::Response R;
    R.Status = RM.Key.str();
    R.Location = loc(RM);
    bool OK = false;
    withRef(RM.Value, "response object", [&](const JNode *T) {
      readResponse(T, R);
      OK = true;
    });
    if (OK)
      Out.push_back(std::move(R));
  }
  if (!Any && V == V30)
    error(Rs->Ptr, "'responses' must have at least one response");
}

void Reader::readCallback(const JNode *N, api::Callback &C) {
  for (const Member &M : N->Members) {
    if (M.Key.startswith("x-"))
      continue;
    readPathItem(M.Value, M.Key, C.Operations, /*ForIR=*/true);
  }
}

//===----------------------------------------------------------------------===//
// Operations and paths
//===----------------------------------------------------------------------===//

void Reader::readOperation(
    const JNode *N, api::Method Meth, StringRef Path,
    ArrayRef<std::pair<Document *, const JNode *>> PathParams,
    api::Operation &Op, bool ForIR) {
  StringRef Obj = "operation object";
  Op.M = Meth;
  Op.Path = Path.str();
  if (!N->isObject()) {
    error(N->Ptr, "operation object must be an object, not " + an(N));
    return;
  }
  if (V == V30)
    require(N, "responses", Obj);
  std::vector<std::pair<Document *, const JNode *>> OwnParams;
  fields(N, Obj, &Op.Extensions, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "tags")
      return strings(M, Op.Tags, Obj), true;
    if (K == "summary")
      return str(M, Op.Summary, Obj), true;
    if (K == "description")
      return str(M, Op.Description, Obj), true;
    if (K == "externalDocs")
      return readExternalDocs(M), true;
    if (K == "operationId")
      return str(M, Op.OperationId, Obj), true;
    if (K == "deprecated")
      return flag(M, Op.Deprecated, Obj), true;
    if (K == "parameters")
      return readParameterList(M, OwnParams), true;
    if (K == "requestBody") {
      auto B = std::make_unique<api::RequestBody>();
      bool OK = false;
      withRef(M.Value, "request body object", [&](const JNode *T) {
        readRequestBody(T, *B);
        OK = true;
      });
      if (OK)
        Op.Body = std::move(B);
      return true;
    }
    if (K == "responses")
      return readResponses(M, Op.Responses), true;
    if (K == "callbacks") {
      if (const JNode *Cs = object(M, Obj))
        for (const Member &CM : Cs->Members) {
          if (CM.Key.startswith("x-"))
            continue;
          api::Callback C;
          C.Name = CM.Key.str();
          C.Location = loc(CM);
          bool OK = false;
          withRef(CM.Value, "callback object", [&](const JNode *T) {
            readCallback(T, C);
            OK = true;
          });
          if (OK)
            Op.Callbacks.push_back(std::move(C));
        }
      return true;
    }
    if (K == "security") {
      api::SecurityRequirement Req;
      readSecurity(M, Req);
      Op.Security = std::move(Req);
      return true;
    }
    if (K == "servers")
      return readServers(M, nullptr), true;
    return false;
  });

  // Parameters: the operation's own, and the path item's it does not
  // override, path item's first.
  std::vector<api::Parameter> Own;
  std::vector<const JNode *> OwnNodes;
  for (auto &PN : OwnParams) {
    DocScope S(*this, PN.first);
    withRef(PN.second, "parameter object", [&](const JNode *T) {
      api::Parameter P;
      readParameter(T, P, ForIR);
      Own.push_back(std::move(P));
      OwnNodes.push_back(T);
    });
  }
  std::vector<const JNode *> AllNodes;
  for (auto &PN : PathParams) {
    DocScope S(*this, PN.first);
    withRef(PN.second, "parameter object", [&](const JNode *T) {
      api::Parameter P;
      readParameter(T, P, ForIR);
      bool Overridden = llvm::any_of(
          Own, [&](const api::Parameter &O) { return O.is(P.Name, P.In); });
      if (!Overridden) {
        Op.Parameters.push_back(std::move(P));
        AllNodes.push_back(T);
      }
    });
  }
  for (unsigned I = 0; I < Own.size(); ++I) {
    Op.Parameters.push_back(std::move(Own[I]));
    AllNodes.push_back(OwnNodes[I]);
  }
  checkQueryString(Op.Parameters);
}

void Reader::checkQueryString(const std::vector<api::Parameter> &Params) {
  // 3.2: one querystring parameter at most, never with query parameters.
  const api::Parameter *QS = nullptr;
  bool HasQuery = false;
  for (const api::Parameter &P : Params) {
    if (P.In == api::ParamIn::QueryString) {
      if (QS)
        Diags.error(P.Location, "at most one querystring parameter is "
                                "allowed");
      QS = &P;
    }
    HasQuery |= P.In == api::ParamIn::Query;
  }
  if (QS && HasQuery)
    Diags.error(QS->Location, "a querystring parameter cannot be used with "
                              "query parameters");
}

void Reader::readPathItem(const JNode *N, StringRef Path,
                          std::vector<api::Operation> &Out, bool ForIR) {
  StringRef Obj = "path item object";
  if (!N->isObject()) {
    error(N->Ptr, "path item object must be an object, not " + an(N));
    return;
  }
  if (const JNode *R = N->get("$ref")) {
    Document *D;
    const JNode *T;
    if (resolveRefString(R, D, T)) {
      if (llvm::is_contained(RefStack, T) || RefStack.size() > 64) {
        error(R->Ptr, "circular $ref");
      } else {
        RefStack.push_back(T);
        DocScope S(*this, D);
        readPathItem(T, Path, Out, ForIR);
        RefStack.pop_back();
      }
    }
  }
  std::vector<std::pair<Document *, const JNode *>> Params;
  if (const Member *PM = N->getMember("parameters"))
    readParameterList(*PM, Params);
  std::vector<std::pair<const Member *, api::Method>> Ops;
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "$ref" || K == "parameters")
      return true;
    if (K == "summary" || K == "description")
      return expect(M, JNode::String, Obj), true;
    if (K == "servers")
      return readServers(M, nullptr), true;
    if (K == "additionalOperations") {
      if (!since(V32, M, Obj))
        return true;
      if (const JNode *AO = object(M, Obj))
        for (const Member &AM : AO->Members) {
          Optional<api::Method> Meth = api::parseMethod(AM.Key);
          if (Meth)
            error(AM.KeyPtr, "additional operation '" + AM.Key +
                                 "' must use the fixed field '" +
                                 api::methodName(*Meth) + "'");
          // Other methods have no place in the API IR (docs/OpenAPI.md).
          else if (AM.Value->isObject()) {
            api::Operation Ignored;
            readOperation(AM.Value, api::Method::Get, Path, Params, Ignored,
                          /*ForIR=*/false);
          }
        }
      return true;
    }
    Optional<api::Method> Meth = api::parseMethod(K);
    if (!Meth || K != api::methodName(*Meth))
      return false;
    if (*Meth == api::Method::Query && !since(V32, M, Obj))
      return true;
    Ops.push_back({&M, *Meth});
    return true;
  });
  for (auto &OM : Ops) {
    api::Operation Op;
    Op.Location = loc(*OM.first);
    readOperation(OM.first->Value, OM.second, Path, Params, Op, ForIR);
    Out.push_back(std::move(Op));
  }
  if (Ops.empty() && !Params.empty()) {
    // Check path-item parameters even without operations.
    std::vector<api::Parameter> Ps;
    for (auto &PN : Params) {
      DocScope S(*this, PN.first);
      withRef(PN.second, "parameter object", [&](const JNode *T) {
        api::Parameter P;
        readParameter(T, P, /*ForIR=*/false);
        Ps.push_back(std::move(P));
      });
    }
    checkQueryString(Ps);
  }
}

void Reader::readPaths(const Member &M) {
  const JNode *Ps = object(M, "the OpenAPI object");
  if (!Ps)
    return;
  for (const Member &PM : Ps->Members) {
    if (PM.Key.startswith("x-"))
      continue;
    if (!PM.Key.startswith("/")) {
      error(PM.KeyPtr, "path '" + PM.Key + "' must start with '/'");
      continue;
    }
    readPathItem(PM.Value, PM.Key, A->Operations, /*ForIR=*/true);
  }
}

void Reader::readWebhooks(const Member &M) {
  const JNode *Ws = object(M, "the OpenAPI object");
  if (!Ws)
    return;
  for (const Member &WM : Ws->Members) {
    if (WM.Key.startswith("x-"))
      continue;
    readPathItem(WM.Value, WM.Key, A->Webhooks, /*ForIR=*/true);
  }
}

//===----------------------------------------------------------------------===//
// Security, servers, info, tags, components
//===----------------------------------------------------------------------===//

void Reader::readSecurity(const Member &M, api::SecurityRequirement &Req) {
  StringRef Obj = "security requirement object";
  Req.Location = loc(M);
  const JNode *Arr = array(M, "'security'");
  if (!Arr)
    return;
  for (const JNode *E : Arr->Elems) {
    api::SecurityAlternative Alt;
    Alt.Location = loc(E->Ptr);
    if (!E->isObject()) {
      error(E->Ptr,
            "security requirement object must be an object, not " + an(E));
      continue;
    }
    for (const Member &SM : E->Members) {
      api::SchemeUse U;
      U.Scheme = SM.Key.str();
      U.Location = loc(SM);
      strings(SM, U.Scopes, Obj);
      Alt.Schemes.push_back(std::move(U));
    }
    Req.Alternatives.push_back(std::move(Alt));
  }
}

void Reader::readFlows(const Member &M, api::SecurityScheme &S) {
  StringRef Obj = "OAuth flows object";
  const JNode *F = object(M, "security scheme object");
  if (!F)
    return;
  fields(F, Obj, nullptr, [&](const Member &FM) {
    Optional<api::OAuthFlowKind> Kind = api::parseOAuthFlowKind(FM.Key);
    if (!Kind)
      return false;
    if (*Kind == api::OAuthFlowKind::DeviceAuthorization &&
        !since(V32, FM, Obj))
      return true;
    const JNode *FN = object(FM, Obj);
    if (!FN)
      return true;
    api::OAuthFlow Flow;
    Flow.Kind = *Kind;
    Flow.Location = loc(FM);
    StringRef FObj = "OAuth flow object";
    require(FN, "scopes", FObj);
    auto Needs = [&](StringRef Field) { require(FN, Field, FObj); };
    switch (*Kind) {
    case api::OAuthFlowKind::Implicit:
      Needs("authorizationUrl");
      break;
    case api::OAuthFlowKind::Password:
    case api::OAuthFlowKind::ClientCredentials:
      Needs("tokenUrl");
      break;
    case api::OAuthFlowKind::AuthorizationCode:
      Needs("authorizationUrl");
      Needs("tokenUrl");
      break;
    case api::OAuthFlowKind::DeviceAuthorization:
      Needs("deviceAuthorizationUrl");
      Needs("tokenUrl");
      break;
    }
    fields(FN, FObj, nullptr, [&](const Member &X) {
      StringRef K = X.Key;
      if (K == "authorizationUrl")
        return uriRef(X, FObj, &Flow.AuthorizationUrl), true;
      if (K == "tokenUrl")
        return uriRef(X, FObj, &Flow.TokenUrl), true;
      if (K == "refreshUrl")
        return uriRef(X, FObj, &Flow.RefreshUrl), true;
      if (K == "deviceAuthorizationUrl")
        return since(V32, X, FObj) &&
                   uriRef(X, FObj, &Flow.DeviceAuthorizationUrl),
               true;
      if (K == "scopes") {
        if (const JNode *Sc = object(X, FObj))
          for (const Member &SM : Sc->Members) {
            api::OAuthScope Scope;
            Scope.Name = SM.Key.str();
            Scope.Location = loc(SM);
            str(SM, Scope.Description, "'scopes'");
            Flow.Scopes.push_back(std::move(Scope));
          }
        return true;
      }
      return false;
    });
    S.Flows.push_back(std::move(Flow));
    return true;
  });
}

void Reader::readSecurityScheme(const JNode *N, api::SecurityScheme &S) {
  StringRef Obj = "security scheme object";
  require(N, "type", Obj);
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "type") {
      std::string T;
      if (!str(M, T, Obj))
        return true;
      Optional<api::SecuritySchemeType> ST = api::parseSecuritySchemeType(T);
      if (!ST || (*ST == api::SecuritySchemeType::MutualTLS && V < V31))
        error(M.Value->Ptr,
              "invalid security scheme type '" + T +
                  "' (expected apiKey, http, oauth2, openIdConnect" +
                  (V >= V31 ? ", mutualTLS" : "") + ")");
      else
        S.Type = *ST;
      return true;
    }
    if (K == "description")
      return str(M, S.Description, Obj), true;
    if (K == "name")
      return str(M, S.KeyName, Obj), true;
    if (K == "in") {
      std::string In;
      if (!str(M, In, Obj))
        return true;
      Optional<api::ParamIn> PI = api::parseParamIn(In);
      if (!PI || *PI == api::ParamIn::Path || *PI == api::ParamIn::QueryString)
        error(M.Value->Ptr, "invalid apiKey location '" + In +
                                "' (expected query, header or cookie)");
      else
        S.KeyIn = *PI;
      return true;
    }
    if (K == "scheme") {
      if (str(M, S.Scheme, Obj))
        S.Scheme = StringRef(S.Scheme).lower();
      return true;
    }
    if (K == "bearerFormat")
      return str(M, S.BearerFormat, Obj), true;
    if (K == "flows")
      return readFlows(M, S), true;
    if (K == "openIdConnectUrl")
      return uriRef(M, Obj, &S.OpenIdConnectUrl), true;
    if (K == "deprecated")
      return since(V32, M, Obj) && flag(M, S.Deprecated, Obj), true;
    if (K == "oauth2MetadataUrl")
      return since(V32, M, Obj) && uriRef(M, Obj), true;
    return false;
  });
}

void Reader::readServer(const JNode *N, api::Server &S) {
  StringRef Obj = "server object";
  S.Location = loc(N->Ptr);
  require(N, "url", Obj);
  fields(N, Obj, nullptr, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "url")
      return str(M, S.Url, Obj), true;
    if (K == "description")
      return str(M, S.Description, Obj), true;
    if (K == "name")
      return since(V32, M, Obj) && expect(M, JNode::String, Obj), true;
    if (K != "variables")
      return false;
    const JNode *Vars = object(M, Obj);
    if (!Vars)
      return true;
    for (const Member &VM : Vars->Members) {
      StringRef VObj = "server variable object";
      const JNode *VN = object(VM, "'variables'");
      if (!VN)
        continue;
      api::ServerVariable SV;
      SV.Name = VM.Key.str();
      SV.Location = loc(VM);
      require(VN, "default", VObj);
      fields(VN, VObj, nullptr, [&](const Member &X) {
        if (X.Key == "default")
          return str(X, SV.Default, VObj), true;
        if (X.Key == "description")
          return str(X, SV.Description, VObj), true;
        if (X.Key == "enum") {
          strings(X, SV.Enum, VObj);
          if (X.Value->isArray() && X.Value->Elems.empty())
            error(X.Value->Ptr, "'enum' of a server variable must not be "
                                "empty");
          return true;
        }
        return false;
      });
      S.Variables.push_back(std::move(SV));
    }
    return true;
  });
}

void Reader::readServers(const Member &M, std::vector<api::Server> *Out) {
  const JNode *Arr =
      array(M, "the " + std::string(Out ? "OpenAPI" : "enclosing") + " object");
  if (!Arr)
    return;
  for (const JNode *E : Arr->Elems) {
    if (!E->isObject()) {
      error(E->Ptr, "server object must be an object, not " + an(E));
      continue;
    }
    api::Server S;
    readServer(E, S);
    if (Out)
      Out->push_back(std::move(S));
  }
}

void Reader::readInfo(const Member &M) {
  StringRef Obj = "info object";
  const JNode *I = object(M, "the OpenAPI object");
  if (!I)
    return;
  api::Info &Info = A->TheInfo;
  require(I, "title", Obj);
  require(I, "version", Obj);
  fields(I, Obj, nullptr, [&](const Member &F) {
    StringRef K = F.Key;
    if (K == "title")
      return str(F, Info.Title, Obj), true;
    if (K == "version") {
      // `version: 1.10` is a YAML number (1.1): the version is a string.
      if (F.Value->K == JNode::Number) {
        error(F.Value->Ptr, "'version' in " + Obj + " must be a string, not " +
                                an(F.Value) + "; quote it: '" + F.Value->Text +
                                "'");
        return true;
      }
      return str(F, Info.Version, Obj), true;
    }
    if (K == "summary")
      return since(V31, F, Obj) && str(F, Info.Summary, Obj), true;
    if (K == "description")
      return str(F, Info.Description, Obj), true;
    if (K == "termsOfService")
      return uriRef(F, Obj), true;
    if (K == "contact") {
      if (const JNode *C = object(F, Obj))
        fields(C, "contact object", nullptr, [&](const Member &X) {
          if (X.Key == "url")
            return uriRef(X, "contact object"), true;
          if (X.Key == "name" || X.Key == "email")
            return expect(X, JNode::String, "contact object"), true;
          return false;
        });
      return true;
    }
    if (K == "license") {
      StringRef LObj = "license object";
      if (const JNode *L = object(F, Obj)) {
        require(L, "name", LObj);
        fields(L, LObj, nullptr, [&](const Member &X) {
          if (X.Key == "url")
            return uriRef(X, LObj), true;
          if (X.Key == "name")
            return expect(X, JNode::String, LObj), true;
          if (X.Key == "identifier")
            return since(V31, X, LObj) && expect(X, JNode::String, LObj), true;
          return false;
        });
        exclusive(L, "identifier", "url", LObj);
      }
      return true;
    }
    return false;
  });
}

void Reader::readTags(const Member &M) {
  StringRef Obj = "tag object";
  const JNode *Arr = array(M, "the OpenAPI object");
  if (!Arr)
    return;
  for (const JNode *E : Arr->Elems) {
    if (!E->isObject()) {
      error(E->Ptr, "tag object must be an object, not " + an(E));
      continue;
    }
    api::Tag T;
    T.Location = loc(E->Ptr);
    require(E, "name", Obj);
    fields(E, Obj, nullptr, [&](const Member &X) {
      StringRef K = X.Key;
      if (K == "name")
        return str(X, T.Name, Obj), true;
      if (K == "description")
        return str(X, T.Description, Obj), true;
      if (K == "externalDocs")
        return readExternalDocs(X), true;
      if (K == "summary" || K == "parent" || K == "kind")
        return since(V32, X, Obj) && expect(X, JNode::String, Obj), true;
      return false;
    });
    A->Tags.push_back(std::move(T));
  }
}

static bool isComponentName(StringRef K) {
  return !K.empty() && llvm::all_of(K, [](char C) {
    return isAlnum(C) || C == '.' || C == '-' || C == '_';
  });
}

void Reader::readComponents(const Member &M) {
  StringRef Obj = "components object";
  const JNode *C = object(M, "the OpenAPI object");
  if (!C)
    return;
  fields(C, Obj, nullptr, [&](const Member &Sec) {
    StringRef K = Sec.Key;
    static const char *const Known[] = {
        "schemas",       "responses", "parameters",      "examples",
        "requestBodies", "headers",   "securitySchemes", "links",
        "callbacks",     "pathItems", "mediaTypes"};
    if (!llvm::is_contained(Known, K))
      return false;
    if (K == "pathItems" && !since(V31, Sec, Obj))
      return true;
    if (K == "mediaTypes" && !since(V32, Sec, Obj))
      return true;
    const JNode *Map = object(Sec, Obj);
    if (!Map)
      return true;
    for (const Member &E : Map->Members) {
      if (!isComponentName(E.Key)) {
        error(E.KeyPtr, "invalid component name '" + E.Key +
                            "' (letters, digits, '.', '-' and '_' only)");
        continue;
      }
      if (K == "schemas") {
        api::NamedSchema NS;
        NS.Name = E.Key.str();
        NS.Schema.Location = loc(E);
        fillSchema(E.Value, NS.Schema);
        A->Schemas.push_back(std::move(NS));
        continue;
      }
      if (K == "securitySchemes") {
        api::SecurityScheme S;
        S.Name = E.Key.str();
        S.Location = loc(E);
        bool OK = false;
        withRef(E.Value, "security scheme object", [&](const JNode *T) {
          readSecurityScheme(T, S);
          OK = true;
        });
        if (OK)
          A->SecuritySchemes.push_back(std::move(S));
        continue;
      }
      // The rest has no place of its own in the API IR: it is read (and so
      // checked) here, and copied wherever it is referenced.
      if (K == "pathItems") {
        std::vector<api::Operation> Ignored;
        readPathItem(E.Value, E.Key, Ignored, /*ForIR=*/false);
        continue;
      }
      withRef(E.Value, "component", [&](const JNode *T) {
        if (K == "responses") {
          api::Response R;
          readResponse(T, R);
        } else if (K == "parameters") {
          api::Parameter P;
          readParameter(T, P, /*ForIR=*/false);
        } else if (K == "examples") {
          api::NamedExample Ex;
          readExample(T, Ex, nullptr);
        } else if (K == "requestBodies") {
          api::RequestBody B;
          readRequestBody(T, B);
        } else if (K == "headers") {
          api::Header H;
          readHeader(T, E.Key, H);
        } else if (K == "links") {
          api::Link L;
          readLink(T, L);
        } else if (K == "callbacks") {
          api::Callback Cb;
          readCallback(T, Cb);
        } else if (K == "mediaTypes") {
          api::MediaType MT;
          readMediaType(T, MT, /*CheckExamples=*/true);
        }
      });
    }
    return true;
  });
}

bool Reader::readVersion(const JNode *Root) {
  const Member *OM = Root->getMember("openapi");
  if (!OM) {
    if (const Member *SM = Root->getMember("swagger")) {
      error(SM->KeyPtr, "Swagger 2.0 is not supported; convert it to "
                        "OpenAPI 3 first (e.g. with swagger2openapi)");
      return false;
    }
    error(Root->Ptr, "missing required field 'openapi' (is this an OpenAPI "
                     "description?)");
    return false;
  }
  if (!OM->Value->isString()) {
    error(OM->Value->Ptr,
          "'openapi' must be a string such as \"3.1.0\", not " + an(OM->Value));
    return false;
  }
  StringRef Ver = OM->Value->Text;
  StringRef Rest = Ver;
  unsigned Major, Minor, Patch;
  bool OK = !Rest.consumeInteger(10, Major) && Rest.consume_front(".") &&
            !Rest.consumeInteger(10, Minor) && Rest.consume_front(".") &&
            !Rest.consumeInteger(10, Patch) &&
            (Rest.empty() || Rest.startswith("-"));
  if (!OK) {
    error(OM->Value->Ptr, "invalid OpenAPI version '" + Ver +
                              "' (expected MAJOR.MINOR.PATCH such as 3.1.0)");
    return false;
  }
  if (Major != 3 || Minor > 2) {
    error(OM->Value->Ptr, "unsupported OpenAPI version '" + Ver +
                              "' (bk reads 3.0.x, 3.1.x and 3.2.x)");
    return false;
  }
  V = static_cast<Version>(Minor);
  A->OpenAPIVersion = Ver.str();
  return true;
}

std::unique_ptr<API> Reader::read(unsigned BufferID) {
  unsigned ErrorsBefore = Diags.getNumErrors();
  std::unique_ptr<Document> D =
      Document::parse(Ctx, BufferID, Opts.MaxDepth, Opts.MaxExpandedNodes);
  if (!D)
    return nullptr;
  RootDoc = D.get();
  Cur = RootDoc;
  std::string RootPath = resolveRelativePath("", D->Name);
  DocsByPath[RootPath] = RootDoc;
  Docs.push_back(std::move(D));
  A = std::make_unique<API>();
  const JNode *Root = RootDoc->Root;
  A->Location = RootDoc->loc(Root->Ptr);
  if (Root->K == JNode::Null) {
    error(Root->Ptr, "empty document");
    return nullptr;
  }
  if (!Root->isObject()) {
    error(Root->Ptr,
          "an OpenAPI description must be an object, not " + an(Root));
    return nullptr;
  }
  if (!readVersion(Root))
    return nullptr;

  // Register component schema names first: references to them are by name.
  if (const JNode *C = Root->get("components"))
    if (C->isObject())
      if (const JNode *S = C->get("schemas"))
        if (S->isObject())
          for (const Member &M : S->Members) {
            SchemaNames[M.Value] = M.Key.str();
            UsedSchemaNames.insert(M.Key);
          }

  StringRef Obj = "the OpenAPI object";
  require(Root, "info", Obj);
  if (V == V30)
    require(Root, "paths", Obj);
  else if (!Root->get("paths") && !Root->get("components") &&
           !Root->get("webhooks"))
    error(Root->Ptr, "an OpenAPI description needs at least one of 'paths', "
                     "'components' and 'webhooks'");
  fields(Root, Obj, &A->Extensions, [&](const Member &M) {
    StringRef K = M.Key;
    if (K == "openapi")
      return true;
    if (K == "info")
      return readInfo(M), true;
    if (K == "jsonSchemaDialect")
      return since(V31, M, Obj) && uriRef(M, Obj), true;
    if (K == "$self")
      return since(V32, M, Obj) && uriRef(M, Obj), true;
    if (K == "servers")
      return readServers(M, &A->Servers), true;
    if (K == "paths")
      return readPaths(M), true;
    if (K == "webhooks")
      return since(V31, M, Obj) && (readWebhooks(M), true), true;
    if (K == "components")
      return readComponents(M), true;
    if (K == "security") {
      api::SecurityRequirement Req;
      readSecurity(M, Req);
      A->Security = std::move(Req);
      return true;
    }
    if (K == "tags")
      return readTags(M), true;
    if (K == "externalDocs")
      return readExternalDocs(M), true;
    return false;
  });

  // Schemas referenced outside components/schemas become components.
  for (size_t I = 0; I < HoistQueue.size(); ++I) {
    auto [Doc, N] = HoistQueue[I];
    DocScope S(*this, Doc);
    api::NamedSchema NS;
    NS.Name = SchemaNames[N];
    NS.Schema.Location = Doc->loc(N->Ptr);
    fillSchema(N, NS.Schema);
    A->Schemas.push_back(std::move(NS));
  }

  checkValues(ValueChecks, *this, Diags);

  if (Diags.getNumErrors() != ErrorsBefore)
    return nullptr;
  A->resolveReferences();
  if (Opts.Verify && !api::verifyAPI(*A, Diags))
    return nullptr;
  return std::move(A);
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

std::unique_ptr<API> readOpenAPI(Context &Ctx, unsigned BufferID,
                                 const ReadOptions &Opts) {
  Reader R(Ctx, Opts);
  return R.read(BufferID);
}

bool looksLikeOpenAPI(StringRef Name, StringRef Text) {
  if (Name.endswith_insensitive(".yaml") || Name.endswith_insensitive(".yml") ||
      Name.endswith_insensitive(".json"))
    return true;
  if (Name.endswith_insensitive(".bkir") || Name.endswith_insensitive(".sql"))
    return false;
  StringRef T = Text.ltrim(" \t\r\n");
  if (T.startswith("{"))
    return true;
  // A top-level `openapi:` or `swagger:` key on a line of its own.
  for (StringRef Key : {"openapi:", "swagger:", "\"openapi\":"}) {
    if (T.startswith(Key))
      return true;
    std::string NL = "\n" + std::string(Key);
    if (Text.find(NL) != StringRef::npos)
      return true;
  }
  return false;
}

} // namespace openapi
} // namespace bk
