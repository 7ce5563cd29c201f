//===- bk/API/APIText.h - Textual form of the API IR ------------*- C++ -*-===//
//
// Maps the API IR onto the generic IR text (bk/IR/IRText.h) and back. The
// top-level item is `api`; docs/IR-API.md describes every item kind and
// attribute:
//
//   api "Pet Store" [openapi = "3.1.0", version = "1.0.0"] {
//     server "https://api.example.com/v1";
//     security_scheme bearerAuth [type = http, scheme = bearer];
//     security { require bearerAuth; }
//     schema Pet [type = object, required = (id, name)] {
//       property id [type = integer, format = int64, read_only];
//       property name [type = string, max_length = 100];
//     }
//     operation get "/pets" [operation_id = listPets, tags = (pets)] {
//       parameter limit [in = query] { schema [type = integer]; }
//       response "200" [description = "a page of pets"] {
//         content "application/json" {
//           schema [type = array] { items [ref = Pet]; }
//         }
//       }
//     }
//   }
//
// Printing is canonical: attributes and children in a fixed order, values
// equal to their defaults omitted, so print → read → print is the identity.
//
//===----------------------------------------------------------------------===//

#ifndef BK_API_APITEXT_H
#define BK_API_APITEXT_H

#include "bk/API/API.h"
#include "bk/IR/IRText.h"
#include "bk/Support/Context.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace bk {
namespace api {

/// The items of A (one `api` item), with loc(...) for every valid Location.
std::vector<irtext::Item> toItems(const API &A, bool WithLocations = true);

/// Prints A in its textual form; loc("file":line:col) follows every object
/// whose Location is valid when PrintLocations is on.
void printAPI(llvm::raw_ostream &OS, const API &A, bool PrintLocations = true);

/// Reads the single `api` item of Items. Every missing, ill-typed or unknown
/// attribute or item is a located error reported to Ctx.getDiags(); the
/// result is null when any error was reported. References are resolved
/// (API::resolveReferences); unknown names are left to the verifier.
std::unique_ptr<API> readAPI(Context &Ctx,
                             const std::vector<irtext::Item> &Items);

/// Appends S to Out as a JSON string literal (quotes, escapes, \uXXXX for
/// other control characters).
void appendJSONString(std::string &Out, llvm::StringRef S);

/// Converts JSON text to the IR value that stands for it: strings are
/// strings, numbers numbers, true/false/null words, arrays lists, and an
/// object is the list `(object, ("key", value), ...)`. False (with Error
/// set) when JSON is not valid JSON.
bool jsonToValue(llvm::StringRef JSON, irtext::Value &Out,
                 std::string *Error = nullptr);
/// The compact JSON text of an IR value (the inverse of jsonToValue; a word
/// other than true/false/null is a string). False when V has no JSON form.
bool valueToJSON(const irtext::Value &V, std::string &Out);
/// Whether JSON is one valid JSON value.
bool isValidJSON(llvm::StringRef JSON);

} // namespace api
} // namespace bk

#endif // BK_API_APITEXT_H
