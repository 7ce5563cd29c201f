//===- DatabaseCheck.cpp - What database checks share ---------------------===//

#include "bk/Analyze/DatabaseCheck.h"
#include "bk/Support/Text.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

using namespace llvm;

namespace bk {
namespace analyze {

bool AnalyzeOptions::includesSchema(StringRef Name) const {
  if (Name == "pg_catalog" || Name == "information_schema" ||
      Name.startswith("pg_toast") || Name.startswith("pg_temp"))
    return false;
  if (is_contained(ExcludeSchemas, Name))
    return false;
  return Schemas.empty() || is_contained(Schemas, Name);
}

Error forEachRowInSchemas(
    db::Connection &Conn, StringRef SQL, ArrayRef<std::string> Params,
    const AnalyzeOptions &Opts,
    function_ref<void(const db::QueryResult &, size_t, const std::string &)>
        F) {
  Expected<db::QueryResult> R = Conn.query(SQL, Params);
  if (!R)
    return R.takeError();
  for (size_t Row = 0; Row < R->size(); ++Row) {
    const std::string &Schema = R->get(Row, "schema");
    if (Opts.includesSchema(Schema))
      F(*R, Row, Schema);
  }
  return Error::success();
}

std::string qualifiedSQL(StringRef Schema, StringRef Name) {
  return schema::QualifiedName(Schema.str(), Name.str()).sql();
}

std::string formatPercent(double Fraction) {
  std::string S;
  raw_string_ostream(S) << format("%.0f%%", 100 * Fraction);
  return S;
}

std::string formatBytes(int64_t Bytes) {
  static const char *Units[] = {"bytes", "kB", "MB", "GB", "TB"};
  double V = static_cast<double>(Bytes);
  unsigned U = 0;
  // pg_size_pretty switches unit from 10240 on.
  while (U + 1 < 5 && V >= 10240) {
    V /= 1024;
    ++U;
  }
  std::string S;
  raw_string_ostream OS(S);
  if (U == 0)
    OS << Bytes << " bytes";
  else
    OS << format("%.0f", V) << " " << Units[U];
  return OS.str();
}

std::string formatAge(int64_t Seconds) {
  if (Seconds >= 2 * 86400)
    return plural(Seconds / 86400, "day");
  if (Seconds >= 2 * 3600)
    return plural(Seconds / 3600, "hour");
  if (Seconds >= 120)
    return plural(Seconds / 60, "minute");
  return plural(Seconds < 0 ? 0 : Seconds, "second");
}

} // namespace analyze
} // namespace bk
