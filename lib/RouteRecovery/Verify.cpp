//===- Verify.cpp - Drift between route code and a description -----------===//
//
// `bk-scaffold ROUTES_DIR --verify SPEC`: the API recovered from the code
// against the description teams keep, on what both can say: operations
// (method and path, parameters' names compared as templates), parameters
// (location, required), request bodies (required, media types) and
// request schemas (types, enum values, properties and which are required,
// items, bounds), component references followed on both sides. What only
// the description can say (descriptions, examples, responses' schemas) is
// not compared. Each drift is one located error: at the code for what the
// code has, at the description for what it has.
//
//===----------------------------------------------------------------------===//

#include "bk/RouteRecovery/Recover.h"

#include "RecoveryInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace bk {
namespace routes {

namespace {

using api::SchemaNode;

std::string numberText(const Optional<api::JSONNumber> &N) {
  return N ? N->Text : std::string("-");
}

class Verifier {
public:
  Verifier(Context &Ctx, const api::API &Code, const api::API &Spec)
      : Ctx(Ctx), Code(Code), Spec(Spec) {}

  unsigned run() {
    for (const api::Operation &C : Code.Operations) {
      const api::Operation *S = match(Spec, C);
      if (!S) {
        drift(C.Location, C.getDisplayName() +
                              ": the code registers it; the description "
                              "does not have it");
        continue;
      }
      operation(C, *S);
    }
    for (const api::Operation &S : Spec.Operations)
      if (!match(Code, S))
        drift(S.Location, S.getDisplayName() +
                              ": in the description; the code does not "
                              "register it");
    return Drifts;
  }

private:
  Context &Ctx;
  const api::API &Code;
  const api::API &Spec;
  unsigned Drifts = 0;

  void drift(Loc L, const Twine &Msg) {
    ++Drifts;
    Ctx.getDiags().error(L, Msg, "drift");
  }

  static const api::Operation *match(const api::API &A,
                                     const api::Operation &Op) {
    std::string Shape = pathShape(Op.Path);
    for (const api::Operation &X : A.Operations)
      if (X.M == Op.M && pathShape(X.Path) == Shape)
        return &X;
    return nullptr;
  }

  /// The parameter of Op in In at template position of Name (path
  /// parameters may be named differently) or by name.
  static const api::Parameter *param(const api::Operation &Op,
                                     const api::Parameter &P,
                                     const api::Operation &Other) {
    if (P.In == api::ParamIn::Path) {
      std::vector<std::string> Mine = api::pathTemplateParams(Other.Path);
      std::vector<std::string> Theirs = api::pathTemplateParams(Op.Path);
      auto It = find(Mine, P.Name);
      if (It != Mine.end() && size_t(It - Mine.begin()) < Theirs.size())
        return Op.findParameter(Theirs[It - Mine.begin()], api::ParamIn::Path);
    }
    return Op.findParameter(P.Name, P.In);
  }

  void operation(const api::Operation &C, const api::Operation &S) {
    std::string Name = C.getDisplayName();
    for (const api::Parameter &P : C.Parameters) {
      const api::Parameter *Q = param(S, P, C);
      std::string What = Name + ": " + api::paramInName(P.In).str() +
                         " parameter '" + P.Name + "'";
      if (!Q) {
        drift(C.Location, What + " is in the code, not in the description");
        continue;
      }
      if (P.In != api::ParamIn::Path && P.Required != Q->Required)
        drift(C.Location, What +
                              (P.Required ? " is required by the code"
                                          : " is optional in the code") +
                              ", not in the description");
      if (P.Schema && Q->Schema)
        schema(*P.Schema, *Q->Schema, What, C.Location, 0);
    }
    for (const api::Parameter &Q : S.Parameters)
      if (!param(C, Q, S))
        drift(Q.Location.isValid() ? Q.Location : S.Location,
              Name + ": " + api::paramInName(Q.In) + " parameter '" + Q.Name +
                  "' is in the description, not in the code");
    if (bool(C.Body) != bool(S.Body)) {
      drift(C.Body ? C.Location : S.Location,
            Name + ": the " + (C.Body ? "code" : "description") +
                " has a request body, the " +
                (C.Body ? "description" : "code") + " does not");
      return;
    }
    if (!C.Body)
      return;
    if (C.Body->Required != S.Body->Required)
      drift(C.Location, Name + ": the request body is " +
                            (C.Body->Required ? "required" : "optional") +
                            " in the code, not in the description");
    for (const api::MediaType &MT : C.Body->Content) {
      const api::MediaType *Other = S.Body->findMediaType(MT.Name);
      if (!Other) {
        drift(C.Location, Name + ": the code reads a '" + MT.Name +
                              "' body; the description has no such media "
                              "type");
        continue;
      }
      if (MT.Schema && Other->Schema)
        schema(*MT.Schema, *Other->Schema, Name + ": request body", C.Location,
               0);
    }
  }

  const SchemaNode &deref(const api::API &A, const SchemaNode &S) {
    const SchemaNode *X = &S;
    for (unsigned I = 0; I < 16 && X->isRef(); ++I) {
      const api::NamedSchema *T = A.getRefTarget(*X);
      if (!T)
        break;
      X = &T->Schema;
    }
    return *X;
  }

  /// Compares what both schemas constrain (C from the code, S from the
  /// description).
  void schema(const SchemaNode &CS, const SchemaNode &SS, const std::string &At,
              Loc L, unsigned Depth) {
    if (Depth > 12)
      return;
    const SchemaNode &C = deref(Code, CS);
    const SchemaNode &S = deref(Spec, SS);
    auto Say = [&](const Twine &What) { drift(L, At + ": " + What); };
    // Types: compared when both say; integer is a number.
    auto Norm = [](api::TypeSet T) {
      if (T.has(api::JSONType::Integer) && T.has(api::JSONType::Number))
        T.remove(api::JSONType::Integer);
      return T;
    };
    bool Valued = !C.Enum.empty() || C.Const || !S.Enum.empty() || S.Const;
    if (!Valued && !C.Types.empty() && !S.Types.empty() &&
        Norm(C.Types) != Norm(S.Types))
      Say("type differs");
    if (!C.Enum.empty() && !S.Enum.empty()) {
      std::vector<std::string> A = C.Enum, B = S.Enum;
      llvm::sort(A);
      llvm::sort(B);
      if (A != B)
        Say("enum values differ (code: " + join(C.Enum, ", ") +
            "; description: " + join(S.Enum, ", ") + ")");
    }
    auto Bound = [&](StringRef K, const Optional<api::JSONNumber> &X,
                     const Optional<api::JSONNumber> &Y) {
      if (X && Y && *X != *Y)
        Say(K + " differs (code " + numberText(X) + ", description " +
            numberText(Y) + ")");
    };
    Bound("minimum", C.Minimum, S.Minimum);
    Bound("maximum", C.Maximum, S.Maximum);
    auto Count = [&](StringRef K, const Optional<uint64_t> &X,
                     const Optional<uint64_t> &Y) {
      if (X && Y && *X != *Y)
        Say(K + " differs (code " + Twine(*X) + ", description " + Twine(*Y) +
            ")");
    };
    Count("minLength", C.MinLength, S.MinLength);
    Count("maxLength", C.MaxLength, S.MaxLength);
    Count("minItems", C.MinItems, S.MinItems);
    Count("maxItems", C.MaxItems, S.MaxItems);
    if (!C.Pattern.empty() && !S.Pattern.empty() && C.Pattern != S.Pattern)
      Say("pattern differs");
    // Properties, both ways, and which are required.
    bool CObj = !C.Properties.empty(), SObj = !S.Properties.empty();
    if (CObj && SObj) {
      for (const api::Property &P : C.Properties) {
        const api::Property *Q = S.findProperty(P.Name);
        if (!Q) {
          Say("property '" + P.Name +
              "' is in the code, not in the description");
          continue;
        }
        if (P.Required != Q->Required)
          Say("property '" + P.Name + "' is " +
              (P.Required ? "required" : "optional") +
              " in the code, not in the description");
        if (P.Schema && Q->Schema)
          schema(*P.Schema, *Q->Schema, At + "." + P.Name, L, Depth + 1);
      }
      for (const api::Property &Q : S.Properties)
        if (!C.findProperty(Q.Name))
          Say("property '" + Q.Name +
              "' is in the description, not in the code");
    }
    if (C.Items && S.Items)
      schema(*C.Items, *S.Items, At + "[]", L, Depth + 1);
  }
};

} // namespace

unsigned verifyRoutes(Context &Ctx, const api::API &Code,
                      const api::API &Spec) {
  return Verifier(Ctx, Code, Spec).run();
}

} // namespace routes
} // namespace bk
