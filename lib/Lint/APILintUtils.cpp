//===- APILintUtils.cpp - What the API IR rules share ---------------------===//

#include "bk/Lint/APILintUtils.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace bk {
namespace lint {

const api::SecurityRequirement *getEffectiveSecurity(const api::API &A,
                                                     const api::Operation &Op) {
  if (Op.Security)
    return Op.Security.getPointer();
  if (A.Security)
    return A.Security.getPointer();
  return nullptr;
}

bool requiresAuthentication(const api::API &A, const api::Operation &Op) {
  const api::SecurityRequirement *R = getEffectiveSecurity(A, Op);
  if (!R || R->Alternatives.empty())
    return false;
  for (const api::SecurityAlternative &Alt : R->Alternatives)
    if (Alt.Schemes.empty())
      return false;
  return true;
}

bool isWriteMethod(api::Method M) {
  return M == api::Method::Post || M == api::Method::Put ||
         M == api::Method::Patch || M == api::Method::Delete;
}

bool isJSONMediaType(StringRef Name) {
  StringRef Type = Name.split(';').first.trim();
  return Type.endswith_insensitive("/json") ||
         Type.endswith_insensitive("+json");
}

const api::SchemaNode &resolveSchema(const api::API &A,
                                     const api::SchemaNode &S) {
  const api::SchemaNode *Cur = &S;
  // A chain longer than the number of components is a cycle.
  for (size_t Steps = 0; Cur->isRef() && Steps <= A.Schemas.size(); ++Steps) {
    const api::NamedSchema *T = A.getRefTarget(*Cur);
    if (!T)
      break;
    Cur = &T->Schema;
  }
  return *Cur;
}

static const api::SchemaNode *findPropertySchemaImpl(const api::API &A,
                                                     const api::SchemaNode &S,
                                                     StringRef Name,
                                                     unsigned Depth) {
  if (Depth > 32)
    return nullptr;
  const api::SchemaNode &R = resolveSchema(A, S);
  if (const api::Property *P = R.findProperty(Name))
    return P->Schema.get();
  for (const auto &Part : R.AllOf)
    if (const api::SchemaNode *Found =
            findPropertySchemaImpl(A, *Part, Name, Depth + 1))
      return Found;
  return nullptr;
}

const api::SchemaNode *findPropertySchema(const api::API &A,
                                          const api::SchemaNode &S,
                                          StringRef Name) {
  return findPropertySchemaImpl(A, S, Name, 0);
}

namespace {
class RequestSchemaWalker {
public:
  RequestSchemaWalker(
      const api::API &A,
      function_ref<void(const api::SchemaNode &, const SchemaSite &)> F)
      : A(A), F(F) {}

  void walk(const api::SchemaNode &S, SchemaSite Site) {
    if (S.isRef()) {
      const api::NamedSchema *T = A.getRefTarget(S);
      // Siblings of a 3.1 $ref (description, nullable, ...) are visited
      // with the reference itself.
      F(S, Site);
      visitChildren(S, Site);
      if (T && Seen.insert(T).second)
        walk(T->Schema, Site);
      return;
    }
    F(S, Site);
    visitChildren(S, Site);
  }

private:
  void visitChildren(const api::SchemaNode &S, const SchemaSite &Site) {
    SchemaSite Child{Site.Op, "", false};
    for (const api::Property &P : S.Properties)
      if (P.Schema) {
        Child.Name = P.Name;
        walk(*P.Schema, Child);
      }
    Child.Name = "";
    if (S.AdditionalProperties)
      walk(*S.AdditionalProperties, Child);
    if (S.Items)
      walk(*S.Items, Child);
    for (const auto &P : S.PrefixItems)
      walk(*P, Child);
    SchemaSite Part = Child;
    Part.InAllOf = true;
    for (const auto &P : S.AllOf)
      walk(*P, Part);
    for (const auto &P : S.OneOf)
      walk(*P, Child);
    for (const auto &P : S.AnyOf)
      walk(*P, Child);
    if (S.Not)
      walk(*S.Not, Child);
  }

  const api::API &A;
  function_ref<void(const api::SchemaNode &, const SchemaSite &)> F;
  DenseSet<const api::NamedSchema *> Seen;
};
} // namespace

void forEachRequestSchema(
    const api::API &A,
    function_ref<void(const api::SchemaNode &, const SchemaSite &)> F) {
  RequestSchemaWalker W(A, F);
  for (const api::Operation &Op : A.Operations) {
    for (const api::Parameter &P : Op.Parameters) {
      SchemaSite Site{&Op, P.Name, false};
      if (P.Schema)
        W.walk(*P.Schema, Site);
      for (const api::MediaType &MT : P.Content)
        if (MT.Schema)
          W.walk(*MT.Schema, Site);
    }
    if (Op.Body)
      for (const api::MediaType &MT : Op.Body->Content)
        if (MT.Schema)
          W.walk(*MT.Schema, SchemaSite{&Op, "", false});
  }
}

void forEachRequestBodySchema(
    const api::API &A,
    function_ref<void(const api::SchemaNode &, const SchemaSite &)> F) {
  RequestSchemaWalker W(A, F);
  for (const api::Operation &Op : A.Operations)
    if (Op.Body)
      for (const api::MediaType &MT : Op.Body->Content)
        if (MT.Schema)
          W.walk(*MT.Schema, SchemaSite{&Op, "", false});
}

std::string describeRequestSchema(StringRef Kind, const SchemaSite &Site) {
  std::string S = Kind.str();
  if (!Site.Name.empty())
    S += " '" + Site.Name.str() + "'";
  return S + " in the request of " + Site.Op->getDisplayName();
}

SmallVector<StringRef, 8> pathSegments(StringRef Path) {
  SmallVector<StringRef, 8> Parts;
  Path.split(Parts, '/', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  return Parts;
}

bool isTemplateSegment(StringRef Segment) { return Segment.contains('{'); }

bool isVersionSegment(StringRef Segment) {
  if (Segment.size() < 2 || (Segment[0] != 'v' && Segment[0] != 'V') ||
      !isDigit(Segment[1]))
    return false;
  StringRef Rest = Segment.drop_front(1).ltrim("0123456789");
  // v2.1, v1beta, v1alpha2
  Rest = Rest.ltrim(".0123456789");
  return Rest.empty() || Rest.startswith("alpha") || Rest.startswith("beta");
}

} // namespace lint
} // namespace bk
