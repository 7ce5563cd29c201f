//===- bk/Analyze/Checks.h - The database checks ----------------*- C++ -*-===//
//
// One class per DATABASE_CHECK line of PassRegistry.def, each implemented
// in lib/Analyze/<Class>.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef BK_ANALYZE_CHECKS_H
#define BK_ANALYZE_CHECKS_H

#include "bk/Analyze/DatabaseCheck.h"

namespace bk {
namespace analyze {

#define DATABASE_CHECK(ID, CLASS, SEVERITY, DESCRIPTION)                       \
  class CLASS : public DatabaseCheck {                                         \
  public:                                                                      \
    using DatabaseCheck::DatabaseCheck;                                        \
    llvm::Error run(db::Connection &Conn, const schema::Catalog &C,            \
                    const AnalyzeOptions &Opts,                                \
                    std::vector<Diagnostic> &Out) override;                    \
  };
#include "bk/Passes/PassRegistry.def"

} // namespace analyze
} // namespace bk

#endif // BK_ANALYZE_CHECKS_H
