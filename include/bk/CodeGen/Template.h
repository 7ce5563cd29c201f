//===- bk/CodeGen/Template.h - Mustache templates ---------------*- C++ -*-===//
//
// bk's code generators render Mustache templates (kainjow's engine, kept out
// of this header). A TemplateSet finds templates by name along a search path
// (a user's --templates directory first, then the built-in templates/), parses
// each one once, and renders it against a TemplateData tree:
//
//   TemplateSet Set;
//   ExitOnErr(Set.addSearchDir(UserDir));
//   ExitOnErr(Set.addSearchDir(getBuiltinTemplatesDir(Argv0)));
//   TemplateData Op;
//   Op.set("operationId", "listUsers").set("hasBody", false);
//   ExitOnErr(Set.render("express/route", Op, OS));
//
// HTML escaping is off: {{x}} and {{{x}}} both insert x verbatim.
// Standalone tag lines are removed and standalone partials indented, as the
// Mustache spec says (docs/Templates.md has the rules). Partials
// ({{> name}}) resolve through the same search path, so a user may override a
// partial as well as a whole template. Syntax errors, and partials that cannot
// be found, are ErrorDiagnostics located at file:line:col in the template.
//
//===----------------------------------------------------------------------===//

#ifndef BK_CODEGEN_TEMPLATE_H
#define BK_CODEGEN_TEMPLATE_H

#include "bk/Support/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace bk {
class Context;

namespace codegen {

/// The data a template is rendered against: an object (string keys in
/// insertion order), a list, a string or a bool. Cheap to build and to move;
/// build one small TemplateData per IR node and render it, rather than one
/// tree for a whole API.
///
/// Truthiness in sections: false, an empty string and an empty list are
/// false; every other value (any object, even empty) is true. A list
/// section repeats once per element.
class TemplateData {
public:
  enum class Kind { Object, List, String, Bool };

  /// An empty object.
  TemplateData() = default;
  TemplateData(std::string S) : K(Kind::String), Str(std::move(S)) {}
  TemplateData(llvm::StringRef S) : K(Kind::String), Str(S.str()) {}
  TemplateData(const char *S) : K(Kind::String), Str(S) {}
  TemplateData(bool B) : K(Kind::Bool), BoolValue(B) {}
  /// Integers render in decimal (and are never mistaken for bools).
  template <typename T, std::enable_if_t<std::is_integral<T>::value &&
                                             !std::is_same<T, bool>::value,
                                         int> = 0>
  TemplateData(T N) : K(Kind::String), Str(std::to_string(N)) {}
  TemplateData(std::nullptr_t) = delete;

  static TemplateData object() { return TemplateData(); }
  static TemplateData list() {
    TemplateData D;
    D.K = Kind::List;
    return D;
  }
  /// A list of strings.
  static TemplateData list(llvm::ArrayRef<std::string> Strings);

  Kind getKind() const { return K; }
  bool isObject() const { return K == Kind::Object; }
  bool isList() const { return K == Kind::List; }
  bool isString() const { return K == Kind::String; }
  bool isBool() const { return K == Kind::Bool; }

  /// The value a section tests: see the class comment.
  bool isTruthy() const;

  /// Object: sets Key to V (replacing an earlier value, keeping its place).
  /// Returns *this so calls chain.
  TemplateData &set(llvm::StringRef Key, TemplateData V);
  /// Object: the value of Key, or null when absent (or not an object).
  const TemplateData *get(llvm::StringRef Key) const;
  TemplateData *get(llvm::StringRef Key);
  llvm::ArrayRef<std::string> keys() const { return Keys; }

  /// List: appends V and returns a reference to the stored element. An
  /// empty object (a default-constructed TemplateData) becomes a list.
  TemplateData &push_back(TemplateData V);
  /// List elements, or object values in key order.
  llvm::ArrayRef<TemplateData> elements() const { return Elements; }
  size_t size() const { return Elements.size(); }

  llvm::StringRef getString() const { return Str; }
  bool getBool() const { return BoolValue; }

  /// Prints the tree as JSON (keys in insertion order), for debugging
  /// templates.
  void print(llvm::raw_ostream &OS) const;

private:
  Kind K = Kind::Object;
  bool BoolValue = false;
  std::string Str;
  /// Object keys, parallel to Elements.
  std::vector<std::string> Keys;
  /// List elements or object values.
  std::vector<TemplateData> Elements;
};

class TemplateSet;
class TemplateRenderContext;

/// One parsed template. Owned by its TemplateSet; valid as long as it.
class Template {
public:
  ~Template();
  Template(const Template &) = delete;
  Template &operator=(const Template &) = delete;

  /// The name it was looked up by, without ".mustache" ("express/route").
  llvm::StringRef getName() const { return Name; }
  /// The file it was read from.
  llvm::StringRef getPath() const { return Path; }
  /// The search directory the file was found in, and its index in the
  /// search path (0 = the first directory, usually the user's).
  llvm::StringRef getSearchDir() const;
  unsigned getSearchDirIndex() const { return DirIndex; }
  llvm::StringRef getText() const { return Text; }
  /// Names of the partials this template includes, in order of appearance.
  llvm::ArrayRef<std::string> getPartials() const { return Partials; }

  /// Renders the template against Data. The output is written to OS only
  /// when rendering succeeds.
  llvm::Error render(const TemplateData &Data, llvm::raw_ostream &OS) const;

private:
  friend class TemplateSet;
  friend class TemplateRenderContext;
  struct Impl;

  Template(TemplateSet &Set, std::string Name, std::string Path,
           unsigned DirIndex, std::string Text);

  TemplateSet &Set;
  std::string Name;
  std::string Path;
  unsigned DirIndex;
  std::string Text;
  std::vector<std::string> Partials;
  std::unique_ptr<Impl> I;
};

/// Finds, parses (once) and renders templates along a search path.
/// Not thread-safe: use one TemplateSet per thread.
class TemplateSet {
public:
  /// Errors carry file names interned in Ctx when one is given (and the
  /// offending template is added to Ctx's SourceMgr so diagnostics show its
  /// line), otherwise in this TemplateSet, which must then outlive them.
  explicit TemplateSet(Context *Ctx = nullptr);
  ~TemplateSet();
  TemplateSet(const TemplateSet &) = delete;
  TemplateSet &operator=(const TemplateSet &) = delete;

  /// Appends Dir to the search path; earlier directories win. Fails when Dir
  /// is not a directory.
  llvm::Error addSearchDir(llvm::StringRef Dir);
  llvm::ArrayRef<std::string> getSearchPath() const { return SearchPath; }

  /// The file Name resolves to ("<dir>/<Name>.mustache" in the first
  /// directory that has it), or None. Does not read or parse it.
  llvm::Optional<std::string> findFile(llvm::StringRef Name) const;

  /// The parsed template Name (".mustache" optional; '/' separates
  /// directories). Parsed on first use, with the partials it includes.
  llvm::Expected<const Template &> get(llvm::StringRef Name);

  /// Renders template Name against Data to OS.
  llvm::Error render(llvm::StringRef Name, const TemplateData &Data,
                     llvm::raw_ostream &OS);
  llvm::Expected<std::string> renderToString(llvm::StringRef Name,
                                             const TemplateData &Data);

  /// Names of every template under SubDir (recursively) in any search
  /// directory, without ".mustache", sorted and without duplicates:
  /// listTemplates("express") gives {"express/app", "express/routes", ...}.
  llvm::Expected<std::vector<std::string>>
  listTemplates(llvm::StringRef SubDir) const;

  /// How many template files were read and parsed so far.
  unsigned getNumParsed() const { return NumParsed; }
  /// The files of every template parsed so far, sorted: what a depfile
  /// lists, so that editing a template regenerates.
  std::vector<std::string> getLoadedFiles() const;

private:
  friend class Template;
  friend class TemplateRenderContext;

  llvm::StringRef internPath(llvm::StringRef Path) const;
  void addToSourceMgr(llvm::StringRef Path, llvm::StringRef Text);
  llvm::Expected<const Template &> load(llvm::StringRef Name);
  /// Loads partial Name included at IncludedAt from template IncludedFrom.
  llvm::Error loadPartial(llvm::StringRef Name, llvm::StringRef IncludedFrom,
                          Loc IncludedAt);

  Context *Ctx;
  std::vector<std::string> SearchPath;
  llvm::StringMap<std::unique_ptr<Template>> Cache;
  mutable llvm::BumpPtrAllocator Alloc;
  mutable llvm::UniqueStringSaver Paths{Alloc};
  unsigned NumParsed = 0;
};

/// The built-in templates directory, tried in this order: $BK_TEMPLATES_DIR;
/// <bindir>/../share/bk/templates next to the executable (Argv0, as given
/// to main); the source tree's templates/. Empty when none exists.
std::string getBuiltinTemplatesDir(const char *Argv0);

} // namespace codegen
} // namespace bk

#endif // BK_CODEGEN_TEMPLATE_H
