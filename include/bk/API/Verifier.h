//===- bk/API/Verifier.h - Structural checks of the API IR ------*- C++ -*-===//
//
// verifyAPI checks what every consumer of the API IR relies on and OpenAPI
// requires: unique operation ids and routes, path templates that agree with
// the declared path parameters, valid response status codes, references
// and security requirements that name something defined, discriminators
// naming a declared property, and consistent constraints (min <= max).
// Style and security advice is bk-lint's job, not the verifier's.
//
//===----------------------------------------------------------------------===//

#ifndef BK_API_VERIFIER_H
#define BK_API_VERIFIER_H

#include "bk/API/API.h"
#include "bk/Support/Diagnostics.h"

namespace bk {
namespace api {

/// Reports every problem found in A as a located error (with notes pointing
/// at the earlier declaration for duplicates); true when A is well formed.
bool verifyAPI(const API &A, DiagnosticEngine &Diags);

} // namespace api
} // namespace bk

#endif // BK_API_VERIFIER_H
