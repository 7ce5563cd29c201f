//===- bk/IndexAdvisor/Offline.h - Candidates without a server -*- C++ -*-===//
//
// bk-migrate --suggest-indexes --schema schema.sql --workload queries.sql:
// no server, so no plan and no proof. The queries' own text is read
// (QueryShape.cpp) into what a plan would say of their tables, and the same
// candidate rules apply; what comes out is what the queries ask for and no
// index of the schema serves, ranked by how many queries ask, each marked
// unproven. Run against a database with HypoPG to prove them.
//
//===----------------------------------------------------------------------===//

#ifndef BK_INDEXADVISOR_OFFLINE_H
#define BK_INDEXADVISOR_OFFLINE_H

#include "bk/IndexAdvisor/Advisor.h"
#include "bk/IndexAdvisor/Plan.h"
#include "bk/Schema/Schema.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bk {
namespace advisor {

/// The tables of C that SQL (one SELECT, UPDATE or DELETE) reads, with what
/// its WHERE and JOIN ... ON conjuncts ask of them; unqualified names are in
/// DefaultSchema. Empty, with Problem set, when nothing can be read for
/// certain (a WITH query, no table of C).
std::vector<RelationScan> readQueryShape(llvm::StringRef SQL,
                                         const schema::Catalog &C,
                                         llvm::StringRef DefaultSchema,
                                         std::string &Problem);

/// The indexes Workload's text asks for on C: per query and table, the
/// join keys and the widest equality-then-range (or sort) key, less what an
/// index of C or a wider suggestion already serves. Evaluated is false.
AdvisorResult suggestFromText(const schema::Catalog &C,
                              llvm::ArrayRef<WorkloadQuery> Workload,
                              const AdvisorOptions &Opts);

} // namespace advisor
} // namespace bk

#endif // BK_INDEXADVISOR_OFFLINE_H
