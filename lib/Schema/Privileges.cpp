//===- Privileges.cpp - ACLs: defaults, GRANT and REVOKE ------------------===//
//
// schema::ACL as PostgreSQL's aclitem[] behaves: each kind's default
// privileges, privilege letters, and GRANT/REVOKE applied to an ACL.
//
//===----------------------------------------------------------------------===//

#include "bk/Schema/Privileges.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

namespace bk {
namespace schema {

/// PostgreSQL's ACL_ALL_RIGHTS_STR: the order aclitems print letters in.
static const char AllLetters[] = "arwdDxtXUCTcsAm";

StringRef allPrivileges(ACLKind K) {
  switch (K) {
  case ACLKind::Relation:
    return "arwdDxt";
  case ACLKind::Sequence:
    return "rwU";
  case ACLKind::Function:
    return "X";
  case ACLKind::Type:
    return "U";
  case ACLKind::Schema:
    return "UC";
  case ACLKind::Column:
    return "arwx";
  }
  llvm_unreachable("unknown ACL kind");
}

std::vector<Grant> defaultGrants(ACLKind K, StringRef Name) {
  if (K == ACLKind::Function)
    return {Grant{"", "X"}};
  if (K == ACLKind::Type || (K == ACLKind::Schema && Name == "public"))
    return {Grant{"", "U"}};
  return {};
}

std::string canonicalPrivileges(StringRef Letters) {
  std::string Out;
  for (const char *L = AllLetters; *L; ++L) {
    size_t At = Letters.find(*L);
    if (At == StringRef::npos)
      continue;
    Out += *L;
    // With grant option when any occurrence carries the star.
    for (size_t I = At; I != StringRef::npos; I = Letters.find(*L, I + 1))
      if (I + 1 < Letters.size() && Letters[I + 1] == '*') {
        Out += '*';
        break;
      }
  }
  return Out;
}

static const std::pair<char, const char *> PrivilegeNames[] = {
    {'a', "INSERT"},  {'r', "SELECT"},       {'w', "UPDATE"},
    {'d', "DELETE"},  {'D', "TRUNCATE"},     {'x', "REFERENCES"},
    {'t', "TRIGGER"}, {'X', "EXECUTE"},      {'U', "USAGE"},
    {'C', "CREATE"},  {'T', "TEMPORARY"},    {'c', "CONNECT"},
    {'s', "SET"},     {'A', "ALTER SYSTEM"}, {'m', "MAINTAIN"}};

StringRef privilegeKeyword(char L) {
  for (const auto &P : PrivilegeNames)
    if (P.first == L)
      return P.second;
  return "";
}

char privilegeLetter(StringRef Keyword) {
  if (Keyword.equals_insensitive("temp"))
    return 'T';
  for (const auto &P : PrivilegeNames)
    if (Keyword.equals_insensitive(P.second))
      return P.first;
  return 0;
}

HeldPrivileges splitPrivileges(StringRef Letters) {
  HeldPrivileges Out;
  for (size_t I = 0; I < Letters.size(); ++I) {
    if (Letters[I] == '*')
      continue;
    Out.Plain += Letters[I];
    if (I + 1 < Letters.size() && Letters[I + 1] == '*')
      Out.WithGrantOption += Letters[I];
  }
  return Out;
}

/// Adds Privileges (with their stars) to Have.
static std::string addPrivileges(StringRef Have, StringRef Privileges) {
  return canonicalPrivileges((Have + Privileges).str());
}

/// Removes Privileges' letters from Have, or only their stars.
static std::string removePrivileges(StringRef Have, StringRef Privileges,
                                    bool GrantOptionOnly) {
  std::string Out;
  for (size_t I = 0; I < Have.size(); ++I) {
    char L = Have[I];
    if (L == '*')
      continue;
    bool Starred = I + 1 < Have.size() && Have[I + 1] == '*';
    if (Privileges.contains(L)) {
      if (!GrantOptionOnly)
        continue;
      Starred = false;
    }
    Out += L;
    if (Starred)
      Out += '*';
  }
  return Out;
}

static Grant *findGrant(std::vector<Grant> &Grants, StringRef Grantee) {
  for (Grant &G : Grants)
    if (G.Grantee == Grantee)
      return &G;
  return nullptr;
}

static void sortGrants(std::vector<Grant> &Grants) {
  llvm::erase_if(Grants, [](const Grant &G) { return G.Privileges.empty(); });
  llvm::sort(Grants, [](const Grant &A, const Grant &B) {
    return A.Grantee < B.Grantee;
  });
}

/// Makes A explicit (with the kind's defaults) before a change, and the
/// default again after one that restores it.
static void beginChange(ACL &A, ACLKind K, StringRef Name) {
  if (A.Explicit)
    return;
  A.Explicit = true;
  A.OwnerPrivileges.reset();
  A.Grants = defaultGrants(K, Name);
}
static void endChange(ACL &A, ACLKind K, StringRef Name) {
  sortGrants(A.Grants);
  if (A.OwnerPrivileges &&
      splitPrivileges(*A.OwnerPrivileges).Plain == allPrivileges(K) &&
      A.OwnerPrivileges->find('*') == std::string::npos)
    A.OwnerPrivileges.reset();
  if (!A.OwnerPrivileges && A.Grants == defaultGrants(K, Name)) {
    A.Explicit = false;
    A.Grants.clear();
  }
}

void grantPrivileges(ACL &A, ACLKind K, StringRef Name, StringRef Grantee,
                     bool IsOwner, StringRef Privileges) {
  beginChange(A, K, Name);
  if (IsOwner) {
    // The owner holds every privilege (with grant option, implicitly).
    if (A.OwnerPrivileges)
      A.OwnerPrivileges =
          addPrivileges(*A.OwnerPrivileges, splitPrivileges(Privileges).Plain);
  } else if (Grant *G = findGrant(A.Grants, Grantee)) {
    G->Privileges = addPrivileges(G->Privileges, Privileges);
  } else {
    A.Grants.push_back(Grant{Grantee.str(), canonicalPrivileges(Privileges)});
  }
  endChange(A, K, Name);
}

void revokePrivileges(ACL &A, ACLKind K, StringRef Name, StringRef Grantee,
                      bool IsOwner, StringRef Privileges,
                      bool GrantOptionOnly) {
  beginChange(A, K, Name);
  if (IsOwner) {
    if (!GrantOptionOnly)
      A.OwnerPrivileges = removePrivileges(
          A.OwnerPrivileges ? StringRef(*A.OwnerPrivileges) : allPrivileges(K),
          Privileges, false);
  } else if (Grant *G = findGrant(A.Grants, Grantee)) {
    G->Privileges =
        removePrivileges(G->Privileges, Privileges, GrantOptionOnly);
  }
  endChange(A, K, Name);
}

void grantColumnPrivileges(std::vector<Grant> &Grants, StringRef Grantee,
                           StringRef Privileges) {
  if (Grant *G = findGrant(Grants, Grantee))
    G->Privileges = addPrivileges(G->Privileges, Privileges);
  else
    Grants.push_back(Grant{Grantee.str(), canonicalPrivileges(Privileges)});
  sortGrants(Grants);
}

void revokeColumnPrivileges(std::vector<Grant> &Grants, StringRef Grantee,
                            StringRef Privileges, bool GrantOptionOnly) {
  if (Grant *G = findGrant(Grants, Grantee))
    G->Privileges =
        removePrivileges(G->Privileges, Privileges, GrantOptionOnly);
  sortGrants(Grants);
}

} // namespace schema
} // namespace bk
