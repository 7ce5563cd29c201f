//===- ExampleCheck.cpp - Examples and defaults against schemas -----------===//

#include "ExampleCheck.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/ConvertUTF.h"

#include <cmath>
#include <set>

using namespace llvm;

namespace bk {
namespace openapi {

namespace {

class Checker {
public:
  Checker(RefResolver &R) : R(R) {}

  /// Whether V matches schema S (of document D); Why says why not, Path
  /// where (a JSON pointer into the value).
  bool check(const JNode *V, Document *D, const JNode *S, std::string Path,
             unsigned Depth);

  std::string Why;
  std::string WhyPath;

private:
  bool fail(const std::string &Path, const Twine &Msg) {
    Why = Msg.str();
    WhyPath = Path;
    return false;
  }
  RefResolver &R;
};

bool sameJSON(const JNode *A, const JNode *B) {
  if (A->K != B->K)
    return false;
  switch (A->K) {
  case JNode::Null:
    return true;
  case JNode::Bool:
  case JNode::String:
    return A->Text == B->Text;
  case JNode::Number: {
    double X, Y;
    if (A->Text.getAsDouble(X) || B->Text.getAsDouble(Y))
      return A->Text == B->Text;
    return X == Y;
  }
  case JNode::Array:
    if (A->Elems.size() != B->Elems.size())
      return false;
    for (size_t I = 0; I < A->Elems.size(); ++I)
      if (!sameJSON(A->Elems[I], B->Elems[I]))
        return false;
    return true;
  case JNode::Object:
    if (A->Members.size() != B->Members.size())
      return false;
    for (const JNode::Member &M : A->Members) {
      const JNode *O = B->get(M.Key);
      if (!O || !sameJSON(M.Value, O))
        return false;
    }
    return true;
  }
  return false;
}

bool isInteger(const JNode *V) {
  double D;
  return V->K == JNode::Number && !V->Text.getAsDouble(D) &&
         std::floor(D) == D && std::isfinite(D);
}

bool typeMatches(StringRef T, const JNode *V) {
  if (T == "string")
    return V->K == JNode::String;
  if (T == "number")
    return V->K == JNode::Number;
  if (T == "integer")
    return isInteger(V);
  if (T == "boolean")
    return V->K == JNode::Bool;
  if (T == "object")
    return V->K == JNode::Object;
  if (T == "array")
    return V->K == JNode::Array;
  if (T == "null")
    return V->K == JNode::Null;
  return true;
}

Optional<double> num(const JNode *N) {
  double D;
  if (!N || N->K != JNode::Number || N->Text.getAsDouble(D))
    return None;
  return D;
}

size_t codePoints(StringRef S) {
  size_t N = 0;
  for (unsigned char C : S)
    N += (C & 0xC0) != 0x80;
  return N;
}

std::string shortJSON(const JNode *V) {
  std::string S = toJSON(V);
  if (S.size() > 40)
    S = S.substr(0, 37) + "...";
  return S;
}

} // namespace

bool Checker::check(const JNode *V, Document *D, const JNode *S,
                    std::string Path, unsigned Depth) {
  if (Depth > 64 || !S)
    return true;
  if (S->K == JNode::Bool)
    return S->Text == "true" ? true : fail(Path, "no value is allowed here");
  if (!S->isObject())
    return true;
  if (S->get("$ref")) {
    Document *TD = D;
    const JNode *T = S;
    if (!R.resolve(TD, T))
      return true; // reported elsewhere
    if (!check(V, TD, T, Path, Depth + 1))
      return false;
    if (R.isV30())
      return true;
  }
  bool Nullable = false;
  if (const JNode *N = S->get("nullable"))
    Nullable = N->K == JNode::Bool && N->Text == "true";
  if (V->K == JNode::Null && Nullable)
    return true;
  if (const JNode *T = S->get("type")) {
    bool OK = false;
    std::string Names;
    auto Try = [&](const JNode *E) {
      if (!E->isString())
        return;
      OK |= typeMatches(E->Text, V);
      Names += (Names.empty() ? "" : " or ") + E->Text.str();
    };
    if (T->isArray())
      for (const JNode *E : T->Elems)
        Try(E);
    else
      Try(T);
    if (!OK && !Names.empty())
      return fail(Path,
                  "expected " + Names + ", got " +
                      (isInteger(V) ? StringRef("integer") : V->kindName()) +
                      " " + shortJSON(V));
  }
  if (const JNode *E = S->get("enum"))
    if (E->isArray() &&
        !llvm::any_of(E->Elems, [&](const JNode *X) { return sameJSON(X, V); }))
      return fail(Path, "value " + shortJSON(V) + " is not one of the enum");
  if (const JNode *C = S->get("const"))
    if (!sameJSON(C, V))
      return fail(Path, "value " + shortJSON(V) + " is not the const " +
                            shortJSON(C));
  if (Optional<double> X = num(V)) {
    auto Bound = [&](StringRef Key, bool Upper) -> bool {
      const JNode *B = S->get(Key);
      Optional<double> L = num(B);
      if (!L)
        return true;
      bool Excl = false;
      if (const JNode *E =
              S->get(Upper ? "exclusiveMaximum" : "exclusiveMinimum"))
        Excl = E->K == JNode::Bool && E->Text == "true";
      bool Bad =
          Upper ? (Excl ? *X >= *L : *X > *L) : (Excl ? *X <= *L : *X < *L);
      if (Bad)
        return fail(Path, shortJSON(V) + " is " + (Upper ? "greater" : "less") +
                              " than " + (Excl ? "exclusive " : "") + Key +
                              " " + B->Text);
      return true;
    };
    if (!Bound("minimum", false) || !Bound("maximum", true))
      return false;
    if (Optional<double> L = num(S->get("exclusiveMinimum")))
      if (*X <= *L)
        return fail(Path, shortJSON(V) +
                              " is not greater than "
                              "exclusiveMinimum " +
                              S->get("exclusiveMinimum")->Text);
    if (Optional<double> L = num(S->get("exclusiveMaximum")))
      if (*X >= *L)
        return fail(Path, shortJSON(V) +
                              " is not less than "
                              "exclusiveMaximum " +
                              S->get("exclusiveMaximum")->Text);
  }
  if (V->isString()) {
    size_t Len = codePoints(V->Text);
    if (Optional<double> L = num(S->get("minLength")))
      if (Len < *L)
        return fail(Path, "string " + shortJSON(V) +
                              " is shorter than "
                              "minLength " +
                              S->get("minLength")->Text);
    if (Optional<double> L = num(S->get("maxLength")))
      if (Len > *L)
        return fail(Path, "string " + shortJSON(V) +
                              " is longer than "
                              "maxLength " +
                              S->get("maxLength")->Text);
  }
  if (V->isArray()) {
    if (Optional<double> L = num(S->get("minItems")))
      if (V->Elems.size() < *L)
        return fail(Path, "array has fewer than minItems " +
                              S->get("minItems")->Text + " items");
    if (Optional<double> L = num(S->get("maxItems")))
      if (V->Elems.size() > *L)
        return fail(Path, "array has more than maxItems " +
                              S->get("maxItems")->Text + " items");
    const JNode *Items = S->get("items");
    const JNode *Prefix = S->get("prefixItems");
    size_t NPrefix = Prefix && Prefix->isArray() ? Prefix->Elems.size() : 0;
    for (size_t I = 0; I < V->Elems.size(); ++I) {
      const JNode *IS = I < NPrefix ? Prefix->Elems[I] : Items;
      if (IS &&
          !check(V->Elems[I], D, IS, Path + "/" + std::to_string(I), Depth + 1))
        return false;
    }
  }
  if (V->isObject()) {
    if (const JNode *Req = S->get("required"))
      if (Req->isArray())
        for (const JNode *E : Req->Elems)
          if (E->isString() && !V->get(E->Text))
            return fail(Path, "missing required property '" + E->Text + "'");
    const JNode *Props = S->get("properties");
    const JNode *Add = S->get("additionalProperties");
    for (const JNode::Member &M : V->Members) {
      const JNode *PS =
          Props && Props->isObject() ? Props->get(M.Key) : nullptr;
      std::string Sub = Path + "/" + M.Key.str();
      if (PS) {
        if (!check(M.Value, D, PS, Sub, Depth + 1))
          return false;
        continue;
      }
      if (!Add || S->get("patternProperties"))
        continue;
      if (Add->K == JNode::Bool && Add->Text == "false")
        return fail(Path, "property '" + M.Key +
                              "' is not allowed (additionalProperties is "
                              "false)");
      if (Add->isObject() && !check(M.Value, D, Add, Sub, Depth + 1))
        return false;
    }
  }
  if (const JNode *All = S->get("allOf"))
    if (All->isArray())
      for (const JNode *E : All->Elems)
        if (!check(V, D, E, Path, Depth + 1))
          return false;
  for (StringRef K : {"oneOf", "anyOf"}) {
    const JNode *Alt = S->get(K);
    if (!Alt || !Alt->isArray() || Alt->Elems.empty())
      continue;
    std::string FirstWhy, FirstPath;
    bool Any = false;
    for (const JNode *E : Alt->Elems) {
      if (check(V, D, E, Path, Depth + 1)) {
        Any = true;
        break;
      }
      if (FirstWhy.empty())
        FirstWhy = Why, FirstPath = WhyPath;
    }
    if (!Any)
      return fail(Path, "value matches no " + K +
                            " branch (first: " + FirstWhy + ")");
  }
  return true;
}

bool checkValues(ArrayRef<ValueCheck> Checks, RefResolver &R,
                 DiagnosticEngine &Diags) {
  bool OK = true;
  std::set<std::pair<const JNode *, const JNode *>> Done;
  for (const ValueCheck &C : Checks) {
    if (!Done.insert({C.Value, C.Schema}).second)
      continue;
    Checker K(R);
    if (K.check(C.Value, C.SchemaDoc, C.Schema, "", 0))
      continue;
    Severity Sev =
        C.IsDefault && R.isV30() ? Severity::Error : Severity::Warning;
    if (Sev == Severity::Error)
      OK = false;
    std::string Where = K.WhyPath.empty() ? "" : " at '" + K.WhyPath + "'";
    std::string What = C.IsDefault ? "default" : "example";
    Diagnostic Diag(Sev, R.locOf(C.ValueDoc, C.Value->Ptr),
                    What + " does not match its schema" + Where + ": " + K.Why,
                    C.IsDefault ? DefaultCheckID : ExampleCheckID);
    Diag.addNote(R.locOf(C.SchemaDoc, C.Schema->Ptr), "schema is here");
    Diags.report(std::move(Diag));
  }
  return OK;
}

} // namespace openapi
} // namespace bk
