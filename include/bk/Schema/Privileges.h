//===- bk/Schema/Privileges.h - ACLs, GRANT and REVOKE -----*- C++ -*-===//
//
// The operations on schema::ACL (Schema.h): PostgreSQL's default privileges
// of each kind of object, privilege letters and keywords, and GRANT/REVOKE
// applied to an ACL the way PostgreSQL applies them to an aclitem[].
//
//===----------------------------------------------------------------------===//

#ifndef BK_SCHEMA_PRIVILEGES_H
#define BK_SCHEMA_PRIVILEGES_H

#include "bk/Schema/Schema.h"

namespace bk {
namespace schema {

/// Every privilege of a kind, in letters: "arwdDxt" for relations (PostgreSQL
/// 17 adds m, which allPrivileges() leaves out), "rwU", "X", "U", "UC",
/// "arwx" for columns.
llvm::StringRef allPrivileges(ACLKind K);
/// The grants PostgreSQL gives PUBLIC by default: EXECUTE on functions,
/// USAGE on types; USAGE on the public schema (PostgreSQL 15's template).
std::vector<Grant> defaultGrants(ACLKind K, llvm::StringRef Name = "");
/// Letters in PostgreSQL's order, each once, '*' kept after its letter.
std::string canonicalPrivileges(llvm::StringRef Letters);
/// Privilege letters ("r*w") split by grant option: every letter held
/// ("rw"), and those held with the grant option ("r").
struct HeldPrivileges {
  std::string Plain, WithGrantOption;
};
HeldPrivileges splitPrivileges(llvm::StringRef Letters);
/// The keyword of privilege letter L (SELECT, ...), or "" if unknown.
llvm::StringRef privilegeKeyword(char L);
/// The letter of a privilege keyword (any case), or 0 if unknown.
char privilegeLetter(llvm::StringRef Keyword);

/// GRANT Privileges (letters, '*' for WITH GRANT OPTION) TO Grantee on an
/// object of kind K named Name; IsOwner when Grantee is the owner.
void grantPrivileges(ACL &A, ACLKind K, llvm::StringRef Name,
                     llvm::StringRef Grantee, bool IsOwner,
                     llvm::StringRef Privileges);
/// REVOKE [GRANT OPTION FOR] Privileges FROM Grantee.
void revokePrivileges(ACL &A, ACLKind K, llvm::StringRef Name,
                      llvm::StringRef Grantee, bool IsOwner,
                      llvm::StringRef Privileges, bool GrantOptionOnly);
/// Column privileges have no owner entry and no defaults: a plain list.
void grantColumnPrivileges(std::vector<Grant> &Grants, llvm::StringRef Grantee,
                           llvm::StringRef Privileges);
void revokeColumnPrivileges(std::vector<Grant> &Grants, llvm::StringRef Grantee,
                            llvm::StringRef Privileges, bool GrantOptionOnly);

} // namespace schema
} // namespace bk

#endif // BK_SCHEMA_PRIVILEGES_H
