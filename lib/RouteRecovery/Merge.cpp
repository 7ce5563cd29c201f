//===- Merge.cpp - A recovered API into the description a team keeps -----===//
//
// `bk-scaffold ROUTES_DIR --generate-spec -o openapi.yaml` when
// openapi.yaml exists: paths, parameters, request bodies and request
// schemas come from the code; what only people write is kept from the
// existing description: info, servers, tags, security, extensions; per
// operation its summary, description, tags, operationId, deprecation,
// security, callbacks, extensions and responses (the code's statuses are
// added); per parameter and body their descriptions and examples; per
// component schema (and property) descriptions, titles, examples and
// extensions. Components the code does not produce stay (responses refer
// to them). Operations the code no longer registers are dropped and
// reported.
//
//===----------------------------------------------------------------------===//

#include "bk/RouteRecovery/Recover.h"

#include "RecoveryInternal.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace bk {
namespace routes {

namespace {

using api::SchemaNode;

/// Copies what people write about a schema from Old onto New, property by
/// property.
void keepAnnotations(SchemaNode &New, const SchemaNode &Old, unsigned Depth) {
  if (Depth > 32)
    return;
  if (New.Description.empty())
    New.Description = Old.Description;
  if (New.Title.empty())
    New.Title = Old.Title;
  if (!New.Example)
    New.Example = Old.Example;
  if (New.Extensions.empty())
    New.Extensions = Old.Extensions;
  New.Deprecated |= Old.Deprecated;
  for (api::Property &P : New.Properties)
    if (const api::Property *Q = Old.findProperty(P.Name))
      if (P.Schema && Q->Schema)
        keepAnnotations(*P.Schema, *Q->Schema, Depth + 1);
  if (New.Items && Old.Items)
    keepAnnotations(*New.Items, *Old.Items, Depth + 1);
}

const api::Operation *matching(const api::API &A, const api::Operation &Op) {
  std::string Shape = pathShape(Op.Path);
  for (const api::Operation &X : A.Operations)
    if (X.M == Op.M && pathShape(X.Path) == Shape)
      return &X;
  return nullptr;
}

} // namespace

void mergeInto(Context &Ctx, api::API &Code, api::API &&Existing) {
  // The description's own parts.
  Code.TheInfo = std::move(Existing.TheInfo);
  Code.Servers = std::move(Existing.Servers);
  Code.Tags = std::move(Existing.Tags);
  Code.SecuritySchemes = std::move(Existing.SecuritySchemes);
  Code.Security = std::move(Existing.Security);
  Code.Extensions = std::move(Existing.Extensions);
  Code.Webhooks = std::move(Existing.Webhooks);
  if (!Existing.OpenAPIVersion.empty())
    Code.OpenAPIVersion = Existing.OpenAPIVersion;

  for (api::Operation &Op : Code.Operations) {
    const api::Operation *OldC = matching(Existing, Op);
    if (!OldC)
      continue;
    api::Operation &Old = const_cast<api::Operation &>(*OldC);
    Op.Summary = Old.Summary;
    Op.Description = Old.Description;
    Op.Tags = Old.Tags;
    if (!Old.OperationId.empty())
      Op.OperationId = Old.OperationId;
    Op.Deprecated = Old.Deprecated;
    Op.Security = std::move(Old.Security);
    Op.Callbacks = std::move(Old.Callbacks);
    Op.Extensions = std::move(Old.Extensions);
    for (api::Parameter &P : Op.Parameters) {
      const api::Parameter *Q = Old.findParameter(P.Name, P.In);
      if (!Q)
        continue;
      P.Description = Q->Description;
      P.Example = Q->Example;
      P.Examples = Q->Examples;
      P.Extensions = Q->Extensions;
      P.Deprecated = Q->Deprecated;
      if (P.Schema && Q->Schema)
        keepAnnotations(*P.Schema, *Q->Schema, 0);
    }
    if (Op.Body && Old.Body) {
      Op.Body->Description = Old.Body->Description;
      for (api::MediaType &MT : Op.Body->Content)
        if (const api::MediaType *OMT = Old.Body->findMediaType(MT.Name)) {
          MT.Example = OMT->Example;
          MT.Examples = OMT->Examples;
        }
    }
    // The description's responses, with the statuses only the code has.
    std::vector<api::Response> Responses = std::move(Old.Responses);
    for (api::Response &R : Op.Responses) {
      bool Known = any_of(Responses, [&](const api::Response &X) {
        return X.Status == R.Status;
      });
      bool Placeholder = R.Status == "default" &&
                         R.Description == "Not determined from the code";
      if (!Known && !(Placeholder && !Responses.empty()))
        Responses.push_back(std::move(R));
    }
    Op.Responses = std::move(Responses);
  }
  for (const api::Operation &Old : Existing.Operations)
    if (!matching(Code, Old))
      Ctx.getDiags().warning(Old.Location,
                             Old.getDisplayName() +
                                 " is no longer registered by the code; "
                                 "removed from the description");

  // Component schemas: the code's, with what people wrote about them; the
  // description's others stay.
  for (api::NamedSchema &NS : Code.Schemas)
    if (api::NamedSchema *Old = Existing.findSchema(NS.Name))
      keepAnnotations(NS.Schema, Old->Schema, 0);
  for (api::NamedSchema &Old : Existing.Schemas)
    if (!Code.findSchema(Old.Name))
      Code.Schemas.push_back(std::move(Old));
  Code.resolveReferences();
}

} // namespace routes
} // namespace bk
