//===- bk/OpenAPIWriter/Writer.h - API IR -> OpenAPI ------------*- C++ -*-===//
//
// Writes the API IR back as an OpenAPI 3.1 (or 3.2) description, in YAML or
// JSON: the inverse of the front end (bk/OpenAPI/Reader.h), so that
//
//   readOpenAPI(writeOpenAPI(readOpenAPI(spec)))
//
// gives the IR readOpenAPI(spec) gave (unittests/OpenAPIWriter proves it on
// the corpus). Everything the IR holds is written, in the IR's order:
// operations grouped into path items by path (in the order each path first
// appears), schemas in 3.1 form (`type: [string, "null"]` for nullable,
// numeric exclusive bounds), references as "#/components/schemas/<Name>",
// and JSON values (enum, const, default, examples, extensions) as YAML or
// JSON structures. Parameters, request bodies and responses are written
// inline: the IR keeps no components for them.
//
//   openapiwriter::writeOpenAPI(*A, OS);                  // YAML, 3.1.0
//   openapiwriter::writeOpenAPI(*A, OS, {Format::JSON});
//
// The output is deterministic: the same IR gives the same bytes.
//
//===----------------------------------------------------------------------===//

#ifndef BK_OPENAPIWRITER_WRITER_H
#define BK_OPENAPIWRITER_WRITER_H

#include "bk/API/API.h"
#include "bk/Support/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace bk {
namespace openapiwriter {

enum class Format { YAML, JSON };

struct WriteOptions {
  Format Fmt = Format::YAML;
  /// The `openapi` field written: a 3.1.x or 3.2.x version ("3.1.0"). What
  /// only 3.2 can say (the QUERY method, querystring parameters, the device
  /// authorization flow, deprecated security schemes) is left out below
  /// 3.2; findUnwritable() lists it.
  std::string Version = "3.1.0";
};

/// Writes A as an OpenAPI description: 2-space indentation; in YAML,
/// strings are plain where YAML reads them back as the same string, else
/// double-quoted with JSON escapes (which YAML reads alike), and multi-line
/// text is a literal block (`|`). Ends with a newline.
void writeOpenAPI(const api::API &A, llvm::raw_ostream &OS,
                  const WriteOptions &Opts = {});

/// What of A the description writeOpenAPI(A, OS, Opts) writes cannot say as
/// A says it, one warning at the IR object's location each: what needs
/// OpenAPI 3.2 when Opts.Version is 3.1.x (left out); what 3.0 allowed and
/// the version written forbids (`allowReserved` outside query parameters:
/// left out; a server variable's default missing from its enum: added to
/// it); names the output cannot carry (extensions not starting with "x-":
/// left out; schema names outside [A-Za-z0-9._-], duplicates; a link's
/// operationRef into what the output does not have, such as
/// components/pathItems). Empty when nothing is lost: for an IR the front
/// end read from a description of the version written, whose output then
/// reads back as the same IR.
std::vector<Diagnostic> findUnwritable(const api::API &A,
                                       const WriteOptions &Opts = {});

} // namespace openapiwriter
} // namespace bk

#endif // BK_OPENAPIWRITER_WRITER_H
