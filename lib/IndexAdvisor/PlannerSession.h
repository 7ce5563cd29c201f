//===- PlannerSession.h - Plans and hypothetical indexes --------*- C++ -*-===//
//
// One transaction on the server, rolled back at the end, in which the
// advisor plans workload queries (generic plans for statements with
// parameters) and creates HypoPG's hypothetical indexes. When HypoPG is
// installed on the server but not in the database, the extension is
// created inside the transaction and goes away with it.
//
//===----------------------------------------------------------------------===//

#ifndef BK_LIB_INDEXADVISOR_PLANNERSESSION_H
#define BK_LIB_INDEXADVISOR_PLANNERSESSION_H

#include "bk/IndexAdvisor/Advisor.h"
#include "bk/IndexAdvisor/Plan.h"

#include <memory>

namespace bk {
namespace advisor {

struct HypotheticalIndex {
  std::string Oid;
  /// What plans call it: "<13806>btree_movie_info_movie_id".
  std::string Name;
};

class PlannerSession {
public:
  static llvm::Expected<std::unique_ptr<PlannerSession>>
  start(db::Connection &Conn, const AdvisorOptions &Opts);
  ~PlannerSession();
  PlannerSession(const PlannerSession &) = delete;
  PlannerSession &operator=(const PlannerSession &) = delete;

  /// HypoPG can be used; otherwise whyNoHypoPG() says why not.
  bool hasHypoPG() const { return !HypoSchema.empty(); }
  llvm::StringRef whyNoHypoPG() const { return NoHypoPG; }

  /// The plan of Q; an error carries the server's message.
  llvm::Expected<PlanSummary> plan(const WorkloadQuery &Q);
  unsigned plansMade() const { return Plans; }
  db::Connection &connection() { return Conn; }

  /// C as a hypothetical index; None when the server refuses it (an
  /// expression that is not immutable), an error when the session fails.
  llvm::Expected<llvm::Optional<HypotheticalIndex>>
  create(const IndexCandidate &C);
  llvm::Error drop(const HypotheticalIndex &I);
  /// Drops every hypothetical index.
  llvm::Error reset();
  /// HypoPG's estimate of I's size in bytes; -1 when it has none.
  int64_t estimatedSize(const HypotheticalIndex &I);

private:
  explicit PlannerSession(db::Connection &Conn) : Conn(Conn) {}
  llvm::Error run(llvm::StringRef SQL);
  llvm::Error findHypoPG(const AdvisorOptions &Opts);

  db::Connection &Conn;
  /// The schema of HypoPG's functions; empty when there are none.
  std::string HypoSchema;
  std::string NoHypoPG;
  unsigned Plans = 0;
};

} // namespace advisor
} // namespace bk

#endif // BK_LIB_INDEXADVISOR_PLANNERSESSION_H
