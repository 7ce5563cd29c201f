//===- Builder.cpp - Parse trees to Schema IR -----------------------------===//
//
// Applies each parsed statement to the catalog the way PostgreSQL would:
// implicit names, serial columns, NOT NULL of primary keys, default schema.
// Semantic problems (ALTER of a missing table, duplicate CREATE) are located
// errors; the statement is then skipped.
//
//===----------------------------------------------------------------------===//

#include "SQLInternal.h"

#include "bk/SQL/Tokens.h"

#include "bk/Schema/Canonical.h"
#include "bk/Schema/Privileges.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <set>

using namespace llvm;
using namespace bk::schema;

namespace bk {
namespace sql {

namespace {

/// A constraint being built, with what its implicit name needs.
struct PendingConstraint {
  Constraint C;
  bool Named = false;
  /// Columns an unnamed CHECK refers to (the name uses the only one).
  std::vector<std::string> CheckColumns;
};

} // namespace

struct IRBuilder::Impl {
  Impl(IRBuilder &B, Context &Ctx, unsigned BufferID, const LexedBuffer &LB,
       Catalog &Cat, const ParseOptions &Opts)
      : B(B), Ctx(Ctx), BufferID(BufferID), LB(LB), Cat(Cat),
        DefaultSchema(Opts.DefaultSchema) {}

  IRBuilder &B;
  Context &Ctx;
  unsigned BufferID;
  const LexedBuffer &LB;
  Catalog &Cat;
  std::string DefaultSchema;
  /// The buffer's name as locations carry it; set by the first loc().
  StringRef File;
  /// Schemas created by CREATE SCHEMA (others appear implicitly).
  StringSet<> CreatedSchemas;

  /// Name lookups per schema, so that a dump with thousands of tables is
  /// not quadratic. Built lazily, kept up to date on additions, dropped
  /// (and rebuilt on demand) after anything that removes or renames.
  struct NameCache {
    StringSet<> Relations;
    StringSet<> Constraints;
    StringMap<size_t> Tables;
    StringMap<size_t> Sequences;
  };
  StringMap<NameCache> Caches;

  NameCache &cache(const Schema &S) {
    auto It = Caches.find(S.Name);
    if (It != Caches.end())
      return It->second;
    NameCache &NC = Caches[S.Name];
    for (size_t I = 0; I < S.Tables.size(); ++I) {
      const Table &T = S.Tables[I];
      NC.Tables.try_emplace(T.Name, I);
      NC.Relations.insert(T.Name);
      for (const Index &Ix : T.Indexes)
        NC.Relations.insert(Ix.Name);
      for (const Constraint &C : T.Constraints) {
        NC.Constraints.insert(C.Name);
        if (C.isIndexBacked())
          NC.Relations.insert(C.Name);
      }
    }
    for (size_t I = 0; I < S.Sequences.size(); ++I) {
      NC.Sequences.try_emplace(S.Sequences[I].Name, I);
      NC.Relations.insert(S.Sequences[I].Name);
    }
    for (const View &V : S.Views) {
      NC.Relations.insert(V.Name);
      for (const Index &Ix : V.Indexes)
        NC.Relations.insert(Ix.Name);
    }
    for (const CompositeType &CT : S.Composites)
      NC.Relations.insert(CT.Name);
    return NC;
  }
  void invalidateNames() { Caches.clear(); }
  Table &addTable(Schema &S, Table T) {
    NameCache &NC = cache(S);
    S.Tables.push_back(std::move(T));
    Table &New = S.Tables.back();
    NC.Tables.try_emplace(New.Name, S.Tables.size() - 1);
    NC.Relations.insert(New.Name);
    for (const Constraint &C : New.Constraints)
      noteConstraint(S, C);
    return New;
  }
  Sequence &addSequence(Schema &S, Sequence Seq) {
    NameCache &NC = cache(S);
    S.Sequences.push_back(std::move(Seq));
    NC.Sequences.try_emplace(S.Sequences.back().Name, S.Sequences.size() - 1);
    NC.Relations.insert(S.Sequences.back().Name);
    return S.Sequences.back();
  }
  void noteConstraint(const Schema &S, const Constraint &C) {
    NameCache &NC = cache(S);
    NC.Constraints.insert(C.Name);
    if (C.isIndexBacked())
      NC.Relations.insert(C.Name);
  }
  void noteRelation(const Schema &S, StringRef Name) {
    cache(S).Relations.insert(Name);
  }
  Table *tableIn(Schema &S, StringRef Name) {
    NameCache &NC = cache(S);
    auto It = NC.Tables.find(Name);
    return It == NC.Tables.end() ? nullptr : &S.Tables[It->second];
  }
  Sequence *sequenceIn(Schema &S, StringRef Name) {
    NameCache &NC = cache(S);
    auto It = NC.Sequences.find(Name);
    return It == NC.Sequences.end() ? nullptr : &S.Sequences[It->second];
  }

  //===--------------------------------------------------------------------===//
  // Helpers
  //===--------------------------------------------------------------------===//

  Loc loc(antlr4::ParserRuleContext *C) const {
    return C ? B.loc(C->getStart()) : Loc();
  }
  void error(Loc L, const Twine &Msg) {
    Ctx.getDiags().error(L, Msg);
    B.HadErrors = true;
  }
  void warning(Loc L, const Twine &Msg) { Ctx.getDiags().warning(L, Msg); }

  /// `-- bk:...` and `-- @renamed ...` comments right before token T (only
  /// comments between T and the previous token), in source order.
  /// A comment on the same line as the token before it ends that line:
  /// it belongs to what that token ends (sqldef's trailing `-- @renamed`).
  std::vector<std::string> annotationsBefore(antlr4::Token *T) const {
    std::vector<std::string> Out;
    if (!T)
      return Out;
    SQLTokenStream &Toks = LB.tokens();
    size_t PrevLine = 0;
    for (size_t K = T->getTokenIndex(); K-- > 0;) {
      antlr4::Token *H = Toks.get(K);
      if (H->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        PrevLine = H->getLine();
        break;
      }
    }
    for (size_t K = T->getTokenIndex(); K-- > 0;) {
      antlr4::Token *H = Toks.get(K);
      if (H->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
        break;
      if (H->getType() != P::LINE_COMMENT || H->getLine() == PrevLine)
        continue;
      StringRef Body = LB.tokenText(H).drop_front(2).trim();
      if (Body.startswith("bk:") || Body.startswith("@renamed"))
        Out.push_back(Body.str());
    }
    std::reverse(Out.begin(), Out.end());
    return Out;
  }
  std::vector<std::string> annotationsBefore(antlr4::ParserRuleContext *C) {
    return C ? annotationsBefore(C->getStart()) : std::vector<std::string>();
  }
  /// sqldef's placement: `-- @renamed from=...` at the end of the line that
  /// token Last (the object's last token, or a table's '(') is on, after an
  /// optional ','.
  std::vector<std::string> annotationsAfter(antlr4::Token *Last) const {
    std::vector<std::string> Out;
    if (!Last)
      return Out;
    SQLTokenStream &Toks = LB.tokens();
    bool SeenComma = false;
    for (size_t K = Last->getTokenIndex() + 1; K < Toks.size(); ++K) {
      antlr4::Token *H = Toks.get(K);
      if (H->getLine() != Last->getLine())
        break;
      if (H->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        if (H->getType() == P::COMMA && !SeenComma) {
          SeenComma = true;
          continue;
        }
        break;
      }
      if (H->getType() != P::LINE_COMMENT)
        continue;
      StringRef Body = LB.tokenText(H).drop_front(2).trim();
      if (Body.startswith("bk:") || Body.startswith("@renamed"))
        Out.push_back(Body.str());
    }
    return Out;
  }
  std::vector<std::string> annotationsAround(antlr4::ParserRuleContext *C,
                                             antlr4::Token *Last) const {
    std::vector<std::string> Out =
        C ? annotationsBefore(C->getStart()) : std::vector<std::string>();
    for (std::string &A : annotationsAfter(Last))
      Out.push_back(std::move(A));
    return Out;
  }

  std::string text(antlr4::tree::TerminalNode *N) const {
    return N ? LB.tokenText(N->getSymbol()).str() : std::string();
  }

  std::string ident(P::IdentifierContext *C) const {
    if (!C)
      return "";
    StringRef T = LB.tokenText(C->getStart());
    if (C->UQUOTED_IDENT())
      T = T.drop_front(2);
    return normalizeIdentifier(T);
  }

  QualifiedName qname(P::QualifiedNameContext *C) const {
    QualifiedName Q;
    if (!C)
      return Q;
    auto Ids = C->identifier();
    if (Ids.size() == 1) {
      Q.Name = ident(Ids[0]);
    } else if (Ids.size() >= 2) {
      Q.Schema = ident(Ids[0]);
      Q.Name = ident(Ids[1]);
    }
    return Q;
  }
  /// With the schema filled in.
  QualifiedName resolved(P::QualifiedNameContext *C) const {
    QualifiedName Q = qname(C);
    if (Q.Schema.empty())
      Q.Schema = DefaultSchema;
    return Q;
  }

  std::vector<std::string> anyNameParts(P::AnyNameContext *C) const {
    std::vector<std::string> Parts;
    if (C)
      for (auto *Id : C->identifier())
        Parts.push_back(ident(Id));
    return Parts;
  }
  /// A collation or operator class name: the last part, qualified unless
  /// it lives in pg_catalog.
  std::string objectName(P::AnyNameContext *C) const {
    std::vector<std::string> Parts = anyNameParts(C);
    if (Parts.empty())
      return "";
    if (Parts.size() >= 2 && Parts[Parts.size() - 2] != "pg_catalog")
      return quoteIdentifier(Parts[Parts.size() - 2]) + "." +
             quoteIdentifier(Parts.back());
    return Parts.back();
  }

  std::vector<std::string> columns(P::ColumnListContext *C) const {
    std::vector<std::string> Out;
    if (C)
      for (auto *Id : C->identifier())
        Out.push_back(ident(Id));
    return Out;
  }

  /// The value of a string literal token ('it''s' → it's).
  static std::string unquote(StringRef T) {
    if (T.startswith("$")) {
      size_t Open = T.find('$', 1);
      if (Open == StringRef::npos)
        return T.str();
      StringRef Tag = T.take_front(Open + 1);
      if (T.size() >= 2 * Tag.size() && T.endswith(Tag))
        return T.slice(Tag.size(), T.size() - Tag.size()).str();
      return T.drop_front(Tag.size()).str();
    }
    bool Escapes = false;
    if (T.startswith_insensitive("e'")) {
      Escapes = true;
      T = T.drop_front(1);
    } else if (T.startswith_insensitive("u&'")) {
      T = T.drop_front(2);
    }
    if (T.size() < 2)
      return T.str();
    T = T.drop_front().drop_back();
    std::string Out;
    for (size_t I = 0; I < T.size(); ++I) {
      char C = T[I];
      if (C == '\'' && I + 1 < T.size() && T[I + 1] == '\'') {
        Out += '\'';
        ++I;
      } else if (Escapes && C == '\\' && I + 1 < T.size()) {
        char N = T[++I];
        switch (N) {
        case 'n':
          Out += '\n';
          break;
        case 't':
          Out += '\t';
          break;
        case 'r':
          Out += '\r';
          break;
        case 'b':
          Out += '\b';
          break;
        case 'f':
          Out += '\f';
          break;
        default:
          Out += N;
          break;
        }
      } else {
        Out += C;
      }
    }
    return Out;
  }
  std::string stringValue(P::StringLiteralContext *C) const {
    return C ? unquote(LB.tokenText(C->getStart())) : "";
  }

  static llvm::Optional<int64_t> number(P::SignedNumberContext *C,
                                        const LexedBuffer &LB) {
    if (!C)
      return None;
    std::string T;
    for (auto *Ch : C->children)
      if (auto *N = tokenNode(Ch))
        T += LB.tokenText(N->getSymbol()).str();
    StringRef TR(T);
    TR.consume_front("+");
    int64_t V = 0;
    if (TR.getAsInteger(10, V))
      return None;
    return V;
  }

  /// "a integer, OUT b text, c text DEFAULT 'x'::text", as PostgreSQL's
  /// pg_get_function_arguments() prints it.
  std::string functionArgs(P::FuncArgsContext *C) const {
    std::string Out;
    if (!C)
      return Out;
    for (auto *A : C->funcArgDef()) {
      if (!Out.empty())
        Out += ", ";
      std::string Arg;
      if (auto *M = A->argMode())
        if (!M->IN())
          Arg = StringRef(LB.tokenText(M->getStart())).upper();
      if (A->identifier()) {
        if (!Arg.empty())
          Arg += " ";
        Arg += quoteIdentifier(ident(A->identifier()));
      }
      if (!Arg.empty())
        Arg += " ";
      Arg += canonicalType(LB, A->typeName());
      if (A->expr())
        Arg += " DEFAULT " + canonicalExpr(LB, A->expr());
      Out += Arg;
    }
    return Out;
  }

  std::string role(P::RoleSpecContext *C) const {
    if (!C)
      return "";
    if (C->identifier())
      return ident(C->identifier());
    return StringRef(LB.tokenText(C->getStart())).lower();
  }

  std::vector<Option> options(const std::vector<P::OptionContext *> &Opts) {
    std::vector<Option> Out;
    for (auto *O : Opts) {
      Option Op;
      if (auto *N = O->optionName()) {
        for (auto *Id : N->identifier()) {
          if (!Op.Name.empty())
            Op.Name += ".";
          Op.Name += ident(Id);
        }
      }
      if (auto *V = O->optionValue()) {
        if (V->STRING())
          Op.Value = unquote(text(V->STRING()));
        else if (V->identifier())
          Op.Value = ident(V->identifier());
        else
          Op.Value = StringRef(canonicalText(LB, V)).lower();
      } else {
        Op.Value = "true";
      }
      Out.push_back(std::move(Op));
    }
    return Out;
  }
  std::vector<Option> options(P::WithOptionsContext *W) {
    return W ? options(W->option()) : std::vector<Option>();
  }

  //===--------------------------------------------------------------------===//
  // Lookup
  //===--------------------------------------------------------------------===//

  Schema &schemaOf(const QualifiedName &Q, antlr4::ParserRuleContext *At) {
    std::string S = Q.Schema.empty() ? DefaultSchema : Q.Schema;
    return Cat.getOrAddSchema(S);
  }
  /// The schema Name, or null; public exists without a CREATE SCHEMA.
  Schema *namedSchema(StringRef Name) {
    Schema *S = Cat.findSchema(Name);
    if (!S && Name == "public")
      S = &Cat.getOrAddSchema(Name);
    return S;
  }
  Schema *findSchema(const QualifiedName &Q) {
    return Cat.findSchema(Q.Schema.empty() ? DefaultSchema : Q.Schema);
  }
  Table *findTable(const QualifiedName &Q) {
    Schema *S = findSchema(Q);
    return S ? tableIn(*S, Q.Name) : nullptr;
  }
  static std::string display(const QualifiedName &Q) {
    return Q.Schema.empty() ? Q.Name : Q.Schema + "." + Q.Name;
  }
  Table *requireTable(P::QualifiedNameContext *C, bool IfExists = false) {
    QualifiedName Q = qname(C);
    Table *T = findTable(Q);
    if (!T && !IfExists)
      error(loc(C), "relation \"" + display(Q) + "\" does not exist");
    return T;
  }

  /// Whether Name is taken in the schema's relation namespace.
  bool relationTaken(const Schema &S, StringRef Name) {
    return cache(S).Relations.count(Name) != 0;
  }
  /// Constraint names are unique per schema when PostgreSQL picks them.
  bool constraintTaken(const Schema &S, StringRef Name) {
    return cache(S).Constraints.count(Name) != 0;
  }
  static bool typeTaken(const Schema &S, StringRef Name) {
    return S.hasType(Name);
  }

  /// Reports "already exists" for a new relation; true when it may be
  /// created.
  bool checkNewRelation(Schema &S, const std::string &Name, Loc L,
                        bool IfNotExists) {
    if (!relationTaken(S, Name))
      return true;
    if (!IfNotExists)
      error(L, "relation \"" + Name + "\" already exists");
    return false;
  }

  //===--------------------------------------------------------------------===//
  // Statements
  //===--------------------------------------------------------------------===//

  void build(P::StatementContext *S);
  void createSchema(P::CreateSchemaStmtContext *C);
  void createExtension(P::CreateExtensionStmtContext *C);
  void createTable(P::CreateTableStmtContext *C);
  void createIndex(P::CreateIndexStmtContext *C);
  void createSequence(P::CreateSequenceStmtContext *C);
  void alterSequence(P::AlterSequenceStmtContext *C);
  void createView(P::CreateViewStmtContext *C);
  void createType(P::CreateTypeStmtContext *C);
  void createRange(Schema &S, const QualifiedName &Q,
                   P::CreateTypeStmtContext *C);
  void createDomain(P::CreateDomainStmtContext *C);
  void alterDomain(P::AlterDomainStmtContext *C);
  /// CHECK (Expr) of domain D, named Name or as PostgreSQL names it.
  DomainCheck domainCheck(const Domain &D, antlr4::ParserRuleContext *At,
                          P::IdentifierContext *Name, P::ExprContext *Expr);
  void createFunction(P::CreateFunctionStmtContext *C);
  void createTrigger(P::CreateTriggerStmtContext *C);
  void createPolicy(P::CreatePolicyStmtContext *C);
  void alterTable(P::AlterTableStmtContext *C);
  /// Whether a parent of T (INHERITS, PARTITION OF, and theirs) has column
  /// Name.
  bool inheritsColumn(const Schema &S, const Table &T, StringRef Name);
  void alterType(P::AlterTypeStmtContext *C);
  void alterOwner(P::AlterOwnerStmtContext *C);
  /// The function or procedure Q with the identity argument types of Args
  /// (any overload when Args is null: no parenthesised list), or null.
  Function *findRoutine(const QualifiedName &Q, P::FuncArgsContext *Args);
  void alterComposite(P::AlterTypeStmtContext *C, const QualifiedName &Q,
                      Schema *S);
  void rename(P::RenameStmtContext *C);
  void renameRelation(Schema &S, const std::string &Old, const std::string &New,
                      Loc L);
  void renameType(P::RenameStmtContext *C);
  void moveTable(std::string From, std::string Name, std::string To, Loc L);
  void warnViewsNaming(Loc L, StringRef Old, StringRef Relation = "");
  void privileges(P::PrivilegeListContext *L, P::PrivilegeTargetContext *T,
                  const std::vector<P::GranteeContext *> &Grantees, bool Grant,
                  P::IdentifierContext *Option, P::IdentifierContext *Granted);
  void comment(P::CommentStmtContext *C);
  void drop(P::DropStmtContext *C);

  // Table pieces.
  void addColumn(Schema &S, Table &T, P::ColumnDefContext *C,
                 std::vector<PendingConstraint> &Pending);
  void addTableConstraint(Table &T, P::TableConstraintContext *C,
                          std::vector<PendingConstraint> &Pending);
  void applyAttribute(Constraint &C, P::ConstraintAttributeContext *A);
  void foreignKeyActions(Constraint &C, P::MatchClauseContext *M,
                         const std::vector<P::ReferentialActionContext *> &As);
  void nameConstraints(Schema &S, Table &T,
                       std::vector<PendingConstraint> &Pending);
  IndexKey indexKey(P::IndexElemContext *E);
  std::string partitionBound(P::PartitionBoundContext *C);
  void sequenceOptions(Sequence &Seq,
                       const std::vector<P::SequenceOptionContext *> &Opts,
                       Loc L);
  void checkColumnsOf(P::ExprContext *E, const Table &T,
                      std::vector<std::string> &Out);
};

//===----------------------------------------------------------------------===//
// IRBuilder
//===----------------------------------------------------------------------===//

IRBuilder::IRBuilder(Context &Ctx, unsigned BufferID, const LexedBuffer &LB,
                     Catalog &Cat, const ParseOptions &Opts)
    : I(std::make_unique<Impl>(*this, Ctx, BufferID, LB, Cat, Opts)) {}

IRBuilder::~IRBuilder() = default;

Loc IRBuilder::loc(size_t ByteOffset) const {
  const MemoryBuffer *MB = I->Ctx.getSourceMgr().getMemoryBuffer(I->BufferID);
  if (ByteOffset > MB->getBufferSize())
    ByteOffset = MB->getBufferSize();
  return I->Ctx.getLoc(
      SMLoc::getFromPointer(MB->getBufferStart() + ByteOffset));
}

Loc IRBuilder::loc(const antlr4::Token *T) const {
  if (!T)
    return Loc();
  if (T->getType() == antlr4::Token::EOF)
    return loc(I->LB.text().size());
  // The lexer counted the token's line; the column is what SourceMgr
  // would compute, without its search of the line table.
  size_t Offset = I->LB.tokenBegin(T);
  if (I->File.empty())
    I->File = loc(Offset).File;
  size_t Break = I->LB.text().take_front(Offset).find_last_of("\n\r");
  unsigned Col = Break == StringRef::npos ? Offset + 1 : Offset - Break;
  return Loc(I->File, static_cast<unsigned>(T->getLine()), Col);
}

void IRBuilder::build(P::StatementContext *S) {
  if (S)
    I->build(S);
}

void IRBuilder::handleSet(const SplitStatement &S) {
  SQLTokenStream &Toks = I->LB.tokens();
  std::vector<antlr4::Token *> Words;
  for (size_t K = S.FirstToken; K <= S.LastToken && K < Toks.size(); ++K) {
    antlr4::Token *T = Toks.get(K);
    if (T->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      Words.push_back(T);
  }
  std::vector<std::string> Path;
  auto Text = [&](size_t K) {
    return K < Words.size() ? I->LB.tokenText(Words[K]) : StringRef();
  };
  if (Text(0).equals_insensitive("set")) {
    size_t K = 1;
    if (Text(K).equals_insensitive("session") ||
        Text(K).equals_insensitive("local"))
      ++K;
    if (!Text(K).equals_insensitive("search_path"))
      return;
    K += 2; // TO or =
    for (; K < Words.size(); ++K) {
      size_t Type = Words[K]->getType();
      if (Type == P::STRING)
        Path.push_back(Impl::unquote(Text(K)));
      else if (Type != P::COMMA && Type != P::SEMI)
        Path.push_back(normalizeIdentifier(Text(K)));
    }
  } else if (Text(0).equals_insensitive("select")) {
    // SELECT pg_catalog.set_config('search_path', 'a, b', false)
    size_t K = 1;
    if (Text(K).equals_insensitive("pg_catalog") && Text(K + 1) == ".")
      K += 2;
    if (!Text(K).equals_insensitive("set_config") || Text(K + 1) != "(")
      return;
    if (Impl::unquote(Text(K + 2)) != "search_path")
      return;
    SmallVector<StringRef, 4> Parts;
    std::string Value = Impl::unquote(Text(K + 4));
    StringRef(Value).split(Parts, ',', -1, false);
    for (StringRef Part : Parts)
      Path.push_back(normalizeIdentifier(Part.trim()));
  }
  for (const std::string &P : Path) {
    if (P.empty() || P == "$user" || P == "pg_catalog")
      continue;
    I->DefaultSchema = P;
    return;
  }
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

void IRBuilder::Impl::build(P::StatementContext *S) {
  if (auto *C = S->createSchemaStmt())
    return createSchema(C);
  if (auto *C = S->createTableStmt())
    return createTable(C);
  if (auto *C = S->createIndexStmt())
    return createIndex(C);
  if (auto *C = S->createSequenceStmt())
    return createSequence(C);
  if (auto *C = S->createViewStmt())
    return createView(C);
  if (auto *C = S->createTypeStmt())
    return createType(C);
  if (auto *C = S->createDomainStmt())
    return createDomain(C);
  if (auto *C = S->createFunctionStmt())
    return createFunction(C);
  if (auto *C = S->createTriggerStmt())
    return createTrigger(C);
  if (auto *C = S->createExtensionStmt())
    return createExtension(C);
  if (auto *C = S->createPolicyStmt())
    return createPolicy(C);
  if (auto *C = S->alterTableStmt())
    return alterTable(C);
  if (auto *C = S->alterSequenceStmt())
    return alterSequence(C);
  if (auto *C = S->alterTypeStmt())
    return alterType(C);
  if (auto *C = S->renameStmt())
    return rename(C);
  if (auto *C = S->alterDomainStmt())
    return alterDomain(C);
  if (auto *C = S->alterOwnerStmt())
    return alterOwner(C);
  if (auto *C = S->commentStmt())
    return comment(C);
  if (auto *C = S->dropStmt())
    return drop(C);
  if (auto *C = S->grantStmt())
    return privileges(C->privilegeList(), C->privilegeTarget(), C->grantee(),
                      /*Grant=*/true, C->grantOption, C->granted);
  if (auto *C = S->revokeStmt())
    return privileges(C->privilegeList(), C->privilegeTarget(), C->grantee(),
                      /*Grant=*/false, C->grantOption, C->granted);
}

//===----------------------------------------------------------------------===//
// Schemas and extensions
//===----------------------------------------------------------------------===//

void IRBuilder::Impl::createSchema(P::CreateSchemaStmtContext *C) {
  std::string Name = C->name ? ident(C->name) : role(C->owner);
  if (Name.empty())
    return;
  if (CreatedSchemas.count(Name) ||
      (Name != "public" && Cat.findSchema(Name) && !C->ifNotExists())) {
    if (!C->ifNotExists())
      error(loc(C), "schema \"" + Name + "\" already exists");
    return;
  }
  CreatedSchemas.insert(Name);
  Schema &S = Cat.getOrAddSchema(Name);
  S.Location = loc(C);
  if (C->owner)
    S.Owner = role(C->owner);
}

void IRBuilder::Impl::createExtension(P::CreateExtensionStmtContext *C) {
  std::string Name = ident(C->name);
  if (Cat.findExtension(Name)) {
    if (!C->ifNotExists())
      error(loc(C), "extension \"" + Name + "\" already exists");
    return;
  }
  Extension E;
  E.Location = loc(C);
  E.Name = Name;
  for (auto *O : C->extensionOption()) {
    if (O->SCHEMA() && !O->identifier().empty())
      E.Schema = ident(O->identifier(0));
    else if (!O->identifier().empty() &&
             LB.tokenText(O->getStart()).equals_insensitive("version")) {
      if (O->STRING())
        E.Version = unquote(text(O->STRING()));
      else if (O->identifier().size() > 1)
        E.Version = ident(O->identifier(1));
    }
  }
  Cat.Extensions.push_back(std::move(E));
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

static ReferentialAction actionKind(P::ReferentialActionKindContext *K) {
  if (!K)
    return ReferentialAction::NoAction;
  if (K->RESTRICT())
    return ReferentialAction::Restrict;
  if (K->CASCADE())
    return ReferentialAction::Cascade;
  if (K->NULL_P())
    return ReferentialAction::SetNull;
  if (K->DEFAULT())
    return ReferentialAction::SetDefault;
  return ReferentialAction::NoAction;
}

void IRBuilder::Impl::foreignKeyActions(
    Constraint &C, P::MatchClauseContext *M,
    const std::vector<P::ReferentialActionContext *> &As) {
  if (M) {
    if (M->FULL())
      C.Match = MatchKind::Full;
    else if (M->PARTIAL())
      C.Match = MatchKind::Partial;
  }
  for (auto *A : As) {
    ReferentialAction K = actionKind(A->referentialActionKind());
    if (A->DELETE()) {
      C.OnDelete = K;
      if (A->referentialActionKind())
        C.OnDeleteSetColumns =
            columns(A->referentialActionKind()->columnList());
    } else {
      C.OnUpdate = K;
    }
  }
}

void IRBuilder::Impl::applyAttribute(Constraint &C,
                                     P::ConstraintAttributeContext *A) {
  if (A->DEFERRABLE()) {
    C.Deferrable = !A->NOT();
    if (!C.Deferrable)
      C.InitiallyDeferred = false;
  } else if (A->INITIALLY()) {
    C.InitiallyDeferred = A->DEFERRED() != nullptr;
    if (C.InitiallyDeferred)
      C.Deferrable = true;
  } else if (A->VALID()) {
    C.NotValid = true;
  } else if (A->INHERIT()) {
    C.NoInherit = true;
  }
}

void IRBuilder::Impl::checkColumnsOf(P::ExprContext *E, const Table &T,
                                     std::vector<std::string> &Out) {
  // Collect unqualified column references that name a column of T.
  std::vector<antlr4::tree::ParseTree *> Stack{E};
  while (!Stack.empty()) {
    antlr4::tree::ParseTree *N = Stack.back();
    Stack.pop_back();
    if (!N)
      continue;
    if (auto *CR = treeCast<P::ColumnRefContext>(N)) {
      auto Ids = CR->identifier();
      if (!Ids.empty()) {
        std::string Name = ident(Ids.back());
        if (T.findColumn(Name) && !is_contained(Out, Name))
          Out.push_back(Name);
      }
      continue;
    }
    for (auto *Ch : N->children)
      Stack.push_back(Ch);
  }
}

void IRBuilder::Impl::addColumn(Schema &S, Table &T, P::ColumnDefContext *C,
                                std::vector<PendingConstraint> &Pending) {
  Column Col;
  Col.Location = loc(C);
  Col.Name = ident(C->name);
  Col.Annotations = annotationsAround(C, C->getStop());
  if (T.findColumn(Col.Name)) {
    error(Col.Location, "column \"" + Col.Name + "\" specified more than once");
    return;
  }
  bool Serial = false;
  if (P::TypeNameContext *TN = C->typeName()) {
    std::string Raw = LB.tokenText(TN->getStart()).str();
    if (TN->children.size() == 1 && TN->simpleTypeName() &&
        TN->simpleTypeName()->qualifiedName() &&
        TN->simpleTypeName()->qualifiedName()->identifier().size() == 1 &&
        !TN->simpleTypeName()->typeModifiers()) {
      if (Optional<StringRef> Base = serialBaseType(Raw)) {
        Col.Type = Base->str();
        Serial = true;
      }
    }
    if (!Serial)
      Col.Type = canonicalType(LB, TN);
  }
  // The constraint an attribute (DEFERRABLE, NOT VALID) applies to.
  PendingConstraint *Last = nullptr;
  for (auto *Q : C->columnQualifier()) {
    if (Q->COLLATE()) {
      Col.Collation = objectName(Q->anyName());
      continue;
    }
    if (auto *A = Q->constraintAttribute()) {
      if (Last)
        applyAttribute(Last->C, A);
      continue;
    }
    P::ColumnConstraintContext *CC = Q->columnConstraint();
    if (!CC)
      continue;
    PendingConstraint PC;
    PC.C.Location = loc(Q);
    if (Q->constraintName) {
      PC.C.Name = ident(Q->constraintName);
      PC.Named = true;
    }
    if (CC->NOT() && CC->NULL_P()) {
      Col.NotNull = true;
      continue;
    }
    if (CC->NULL_P() && !CC->REFERENCES()) {
      continue;
    }
    if (CC->DEFAULT() && CC->bExpr()) {
      Col.Default = canonicalExpr(LB, CC->bExpr());
      continue;
    }
    if (CC->GENERATED()) {
      if (CC->IDENTITY()) {
        Col.Identity =
            CC->ALWAYS() ? IdentityKind::Always : IdentityKind::ByDefault;
        Col.NotNull = true;
      } else {
        Col.Generated = canonicalExpr(LB, CC->expr());
      }
      continue;
    }
    if (CC->CHECK()) {
      PC.C.Kind = ConstraintKind::Check;
      PC.C.Expr = canonicalExpr(LB, CC->expr());
      PC.C.NoInherit = CC->INHERIT() != nullptr;
      PC.CheckColumns.push_back(Col.Name);
    } else if (CC->PRIMARY()) {
      PC.C.Kind = ConstraintKind::PrimaryKey;
      PC.C.Columns = {Col.Name};
      Col.NotNull = true;
      if (auto *IP = CC->indexParameters())
        (void)IP;
    } else if (CC->UNIQUE()) {
      PC.C.Kind = ConstraintKind::Unique;
      PC.C.Columns = {Col.Name};
      if (auto *ND = CC->nullsDistinct())
        PC.C.NullsNotDistinct = ND->NOT() != nullptr;
    } else if (CC->REFERENCES()) {
      PC.C.Kind = ConstraintKind::ForeignKey;
      PC.C.Columns = {Col.Name};
      PC.C.RefTable = resolved(CC->qualifiedName());
      PC.C.RefColumns = columns(CC->columnList());
      foreignKeyActions(PC.C, CC->matchClause(), CC->referentialAction());
    } else {
      continue;
    }
    Pending.push_back(std::move(PC));
    Last = &Pending.back();
  }
  if (Serial) {
    std::string SeqName = chooseName(T.Name, Col.Name, "seq", [&](StringRef N) {
      return relationTaken(S, N);
    });
    Sequence Seq;
    Seq.Location = Col.Location;
    Seq.Name = SeqName;
    Seq.Type = Col.Type;
    Seq.OwnedByTable = QualifiedName(S.Name, T.Name);
    Seq.OwnedByColumn = Col.Name;
    addSequence(S, std::move(Seq));
    std::string Ref = quoteIdentifier(S.Name) + "." + quoteIdentifier(SeqName);
    std::string Quoted;
    for (char Ch : Ref) {
      Quoted += Ch;
      if (Ch == '\'')
        Quoted += '\'';
    }
    Col.Default = "nextval('" + Quoted + "'::regclass)";
    Col.NotNull = true;
  }
  T.Columns.push_back(std::move(Col));
}

IndexKey IRBuilder::Impl::indexKey(P::IndexElemContext *E) {
  IndexKey K;
  K.Location = loc(E);
  if (E->funcCall() || E->sqlSyntaxFunc()) {
    K.Text = E->funcCall() ? canonicalText(LB, E->funcCall())
                           : canonicalText(LB, E->sqlSyntaxFunc());
    K.IsExpression = true;
  } else if (E->identifier()) {
    K.Text = ident(E->identifier());
  } else if (E->expr()) {
    K.Text = canonicalExpr(LB, E->expr());
    K.IsExpression = true;
  }
  for (auto *N : E->anyName()) {
    if (N == E->opclass)
      K.OpClass = objectName(N);
    else
      K.Collation = objectName(N);
  }
  // PostgreSQL stores only what differs from the defaults (indoption):
  // ASC, and NULLS LAST after ASC or NULLS FIRST after DESC, are the
  // defaults and leave no trace.
  if (E->DESC())
    K.Order = SortOrder::Desc;
  if (E->FIRST() && !E->DESC())
    K.Nulls = NullsOrder::First;
  else if (E->LAST() && E->DESC())
    K.Nulls = NullsOrder::Last;
  return K;
}

void IRBuilder::Impl::addTableConstraint(
    Table &T, P::TableConstraintContext *C,
    std::vector<PendingConstraint> &Pending) {
  PendingConstraint PC;
  PC.C.Location = loc(C);
  PC.C.Annotations = annotationsBefore(C);
  if (C->name) {
    PC.C.Name = ident(C->name);
    PC.Named = true;
  }
  P::TableConstraintBodyContext *B = C->tableConstraintBody();
  if (!B)
    return;
  auto Lists = B->columnList();
  if (B->CHECK()) {
    PC.C.Kind = ConstraintKind::Check;
    PC.C.Expr = canonicalExpr(LB, B->expr());
    checkColumnsOf(B->expr(), T, PC.CheckColumns);
  } else if (B->EXCLUDE()) {
    PC.C.Kind = ConstraintKind::Exclude;
    PC.C.Method = B->method ? StringRef(ident(B->method)).lower() : "btree";
    for (auto *EE : B->exclusionElem()) {
      IndexKey K = indexKey(EE->indexElem());
      K.Operator = canonicalText(LB, EE->anyOperator());
      PC.C.Elements.push_back(std::move(K));
      if (!PC.C.Elements.back().IsExpression)
        PC.C.Columns.push_back(PC.C.Elements.back().Text);
    }
    if (B->includeClause())
      PC.C.Include = columns(B->includeClause()->columnList());
    if (B->WHERE())
      PC.C.Where = canonicalExpr(LB, B->expr());
    // Columns is for PK/UNIQUE/FK; EXCLUDE keeps its keys in Elements.
    std::vector<std::string> NameCols = PC.C.Columns;
    PC.C.Columns.clear();
    PC.CheckColumns = NameCols;
  } else if (B->FOREIGN()) {
    PC.C.Kind = ConstraintKind::ForeignKey;
    if (!Lists.empty())
      PC.C.Columns = columns(Lists[0]);
    if (Lists.size() > 1)
      PC.C.RefColumns = columns(Lists[1]);
    PC.C.RefTable = resolved(B->qualifiedName());
    foreignKeyActions(PC.C, B->matchClause(), B->referentialAction());
  } else if (B->PRIMARY() || B->UNIQUE()) {
    PC.C.Kind =
        B->PRIMARY() ? ConstraintKind::PrimaryKey : ConstraintKind::Unique;
    if (B->INDEX()) {
      // USING INDEX name: the index's columns, and its name by default.
      std::string IndexName = ident(B->identifier());
      auto It = find_if(T.Indexes,
                        [&](const Index &I) { return I.Name == IndexName; });
      if (It == T.Indexes.end()) {
        error(loc(B), "index \"" + IndexName + "\" does not exist");
        return;
      }
      for (const IndexKey &K : It->Keys)
        PC.C.Columns.push_back(K.Text);
      if (!PC.Named) {
        PC.C.Name = IndexName;
        PC.Named = true;
      }
      T.Indexes.erase(It);
    } else {
      if (!Lists.empty())
        PC.C.Columns = columns(Lists[0]);
      if (B->includeClause())
        PC.C.Include = columns(B->includeClause()->columnList());
      if (auto *ND = B->nullsDistinct())
        PC.C.NullsNotDistinct = ND->NOT() != nullptr;
    }
  } else {
    return;
  }
  for (auto *A : C->constraintAttribute())
    applyAttribute(PC.C, A);
  Pending.push_back(std::move(PC));
}

void IRBuilder::Impl::nameConstraints(Schema &S, Table &T,
                                      std::vector<PendingConstraint> &Pending) {
  // Explicit names first: PostgreSQL picks implicit names around them.
  std::vector<std::string> Reserved;
  for (PendingConstraint &PC : Pending)
    if (PC.Named)
      Reserved.push_back(PC.C.Name);
  for (PendingConstraint &PC : Pending) {
    Constraint &C = PC.C;
    if (PC.Named) {
      if (T.findConstraint(C.Name)) {
        error(C.Location, "constraint \"" + C.Name + "\" for relation \"" +
                              T.Name + "\" already exists");
        continue;
      }
    } else {
      auto Taken = [&](StringRef N) {
        if (is_contained(Reserved, N.str()) || T.findConstraint(N))
          return true;
        return C.isIndexBacked() ? relationTaken(S, N) || constraintTaken(S, N)
                                 : constraintTaken(S, N);
      };
      switch (C.Kind) {
      case ConstraintKind::PrimaryKey:
        C.Name = chooseName(T.Name, "", "pkey", Taken);
        break;
      case ConstraintKind::Unique:
        C.Name = chooseName(T.Name, nameAddition(C.Columns), "key", Taken);
        break;
      case ConstraintKind::ForeignKey:
        C.Name = chooseName(T.Name, nameAddition(C.Columns), "fkey", Taken);
        break;
      case ConstraintKind::Exclude:
        C.Name =
            chooseName(T.Name, nameAddition(PC.CheckColumns), "excl", Taken);
        break;
      case ConstraintKind::Check:
        C.Name = chooseName(
            T.Name, PC.CheckColumns.size() == 1 ? PC.CheckColumns[0] : "",
            "check", Taken);
        break;
      }
    }
    if (C.Kind == ConstraintKind::PrimaryKey) {
      if (T.getPrimaryKey()) {
        error(C.Location, "multiple primary keys for table \"" + T.Name +
                              "\" are not allowed");
        continue;
      }
      for (const std::string &Name : C.Columns)
        if (Column *Col = T.findColumn(Name))
          Col->NotNull = true;
    }
    noteConstraint(S, C);
    T.Constraints.push_back(std::move(C));
  }
  // REFERENCES t without columns means t's primary key, and PostgreSQL
  // records its columns (the table may be T itself, keyed just above).
  for (Constraint &C : T.Constraints) {
    if (C.Kind != ConstraintKind::ForeignKey || !C.RefColumns.empty())
      continue;
    if (const Table *Ref = Cat.findTable(C.RefTable, S.Name))
      if (const Constraint *PK = Ref->getPrimaryKey())
        C.RefColumns = PK->Columns;
  }
}

std::string IRBuilder::Impl::partitionBound(P::PartitionBoundContext *C) {
  if (!C)
    return "";
  if (C->DEFAULT())
    return "DEFAULT";
  if (C->WITH()) {
    auto Ints = C->INTEGER();
    if (Ints.size() == 2)
      return "FOR VALUES WITH (MODULUS " + text(Ints[0]) + ", REMAINDER " +
             text(Ints[1]) + ")";
  }
  return canonicalText(LB, C);
}

void IRBuilder::Impl::createTable(P::CreateTableStmtContext *C) {
  auto Names = C->qualifiedName();
  if (Names.empty())
    return;
  QualifiedName Q = qname(Names[0]);
  Schema &S = schemaOf(Q, C);
  if (!checkNewRelation(S, Q.Name, loc(Names[0]), C->ifNotExists() != nullptr))
    return;
  Table T;
  T.Location = loc(C);
  T.Name = Q.Name;
  T.Annotations =
      annotationsAround(C, C->LPAREN() ? C->LPAREN()->getSymbol() : nullptr);
  T.Unlogged = C->UNLOGGED() != nullptr;
  std::vector<PendingConstraint> Pending;
  std::vector<P::TableElementContext *> Elements = C->tableElement();
  // Column's move may throw, so a growing vector would copy each one.
  T.Columns.reserve(Elements.size());
  for (auto *E : Elements) {
    if (auto *CD = E->columnDef()) {
      addColumn(S, T, CD, Pending);
    } else if (E->LIKE()) {
      warning(loc(E), "LIKE is not modelled: the columns of \"" +
                          display(qname(E->qualifiedName())) +
                          "\" are not copied");
    }
  }
  for (auto *E : C->tableElement())
    if (auto *TC = E->tableConstraint())
      addTableConstraint(T, TC, Pending);
  // CREATE TABLE accepts NOT VALID and ignores it: the new table has no rows
  // to leave unchecked, and PostgreSQL records the constraint as validated.
  for (PendingConstraint &PC : Pending)
    PC.C.NotValid = false;
  if (C->parentTable) {
    T.PartitionOf = resolved(C->parentTable);
    T.PartitionBound = partitionBound(C->partitionBound());
  }
  if (auto *IC = C->inheritsClause())
    for (auto *N : IC->qualifiedName())
      T.Inherits.push_back(resolved(N));
  if (auto *PB = C->partitionByClause()) {
    std::string Strategy = StringRef(ident(PB->strategy)).lower();
    if (Strategy == "range")
      T.PartitionBy = PartitionStrategy::Range;
    else if (Strategy == "list")
      T.PartitionBy = PartitionStrategy::List;
    else if (Strategy == "hash")
      T.PartitionBy = PartitionStrategy::Hash;
    else
      error(loc(PB->strategy),
            "unrecognized partitioning strategy \"" + Strategy + "\"");
    for (auto *K : PB->partitionKey()) {
      IndexKey Key = indexKey(K->indexElem());
      Key.Order = SortOrder::Default;
      Key.Nulls = NullsOrder::Default;
      T.PartitionKeys.push_back(std::move(Key));
    }
  }
  T.Options = options(C->withOptions());
  if (C->tablespace)
    T.Tablespace = ident(C->tablespace);
  Table &New = addTable(S, std::move(T));
  nameConstraints(S, New, Pending);
}

//===----------------------------------------------------------------------===//
// Indexes
//===----------------------------------------------------------------------===//

/// The name of a called function, without its schema.
static std::string functionName(P::FuncCallContext *F) {
  P::FuncNameContext *FN = F->funcName();
  if (!FN)
    return "";
  if (FN->qualifiedName()) {
    auto Ids = FN->qualifiedName()->identifier();
    if (!Ids.empty())
      return normalizeIdentifier(Ids.back()->getText());
  }
  return StringRef(FN->getText()).lower();
}

/// The name of the function a SQL-syntax call stands for, as FigureColname
/// gives it: TRIM(LEADING ...) is ltrim, COLLATION FOR pg_collation_for.
static std::string functionName(P::SqlSyntaxFuncContext *F) {
  if (F->TRIM())
    return F->LEADING() ? "ltrim" : F->TRAILING() ? "rtrim" : "btrim";
  if (F->COLLATION())
    return "pg_collation_for";
  return StringRef(F->getStart()->getText()).lower();
}

/// PostgreSQL's FigureColname for the expressions of index keys, in part:
/// a function's or a column's name, through parentheses and casts, "case"
/// for CASE; "" when it names nothing.
static std::string figureColumnName(P::ExprContext *E) {
  if (auto *C = treeCast<P::CastContext>(E))
    return figureColumnName(C->expr());
  if (treeCast<P::OverlapsContext>(E))
    return "overlaps";
  if (auto *Is = treeCast<P::IsContext>(E))
    return Is->NORMALIZED() ? "is_normalized" : "";
  auto *PE = treeCast<P::PrimaryContext>(E);
  if (!PE)
    return "";
  P::PrimaryExprContext *X = PE->primaryExpr();
  if (auto *Paren = treeCast<P::ParenExprContext>(X)) {
    // (address).zip is named after the field.
    if (P::IndirectionContext *Ind = Paren->indirection()) {
      auto Fields = Ind->identifier();
      return Ind->STAR().empty() && !Fields.empty()
                 ? normalizeIdentifier(Fields.back()->getText())
                 : "";
    }
    return Paren->exprList() ? "" : figureColumnName(Paren->expr());
  }
  if (auto *F = treeCast<P::FuncExprContext>(X))
    return functionName(F->funcCall());
  if (auto *F = treeCast<P::SqlSyntaxFuncExprContext>(X))
    return functionName(F->sqlSyntaxFunc());
  if (auto *R = treeCast<P::ColumnRefExprContext>(X)) {
    auto Ids = R->columnRef()->identifier();
    return Ids.empty() ? "" : normalizeIdentifier(Ids.back()->getText());
  }
  if (treeCast<P::CaseExprContext>(X))
    return "case";
  return "";
}

/// PostgreSQL's name for an index column: the column, or what
/// FigureColname makes of the expression, otherwise "expr".
static std::string indexColumnName(const IndexKey &K, P::IndexElemContext *E) {
  if (!K.IsExpression)
    return K.Text;
  std::string Name;
  if (E && E->funcCall())
    Name = functionName(E->funcCall());
  else if (E && E->sqlSyntaxFunc())
    Name = functionName(E->sqlSyntaxFunc());
  else if (E && E->expr())
    Name = figureColumnName(E->expr());
  return Name.empty() ? "expr" : Name;
}

void IRBuilder::Impl::createIndex(P::CreateIndexStmtContext *C) {
  QualifiedName TQ = qname(C->qualifiedName());
  Schema *S = findSchema(TQ);
  Table *T = S ? tableIn(*S, TQ.Name) : nullptr;
  View *MV = (!T && S) ? S->findView(TQ.Name) : nullptr;
  if (!T && !MV) {
    error(loc(C->qualifiedName()),
          "relation \"" + display(TQ) + "\" does not exist");
    return;
  }
  Index I;
  I.Location = loc(C);
  I.Annotations = annotationsBefore(C);
  I.Unique = C->UNIQUE() != nullptr;
  if (C->method)
    I.Method = StringRef(ident(C->method)).lower();
  std::vector<std::string> ColNames;
  for (auto *E : C->indexElem()) {
    I.Keys.push_back(indexKey(E));
    // ChooseIndexColumnNames: unique within the index (expr, expr1, ...).
    std::string Name = indexColumnName(I.Keys.back(), E);
    std::string Unique = Name;
    for (unsigned N = 1; is_contained(ColNames, Unique); ++N)
      Unique = Name + std::to_string(N);
    ColNames.push_back(Unique);
  }
  if (C->includeClause())
    I.Include = columns(C->includeClause()->columnList());
  if (auto *ND = C->nullsDistinct())
    I.NullsNotDistinct = ND->NOT() != nullptr;
  I.Options = options(C->withOptions());
  if (C->tablespace)
    I.Tablespace = ident(C->tablespace);
  if (C->WHERE())
    I.Where = canonicalExpr(LB, C->expr());
  std::string RelName = T ? T->Name : MV->Name;
  if (C->name) {
    I.Name = ident(C->name);
    if (!checkNewRelation(*S, I.Name, loc(C->name),
                          C->ifNotExists() != nullptr))
      return;
  } else {
    I.Name = chooseName(RelName, nameAddition(ColNames), "idx",
                        [&](StringRef N) { return relationTaken(*S, N); });
  }
  noteRelation(*S, I.Name);
  if (T)
    T->Indexes.push_back(std::move(I));
  else
    MV->Indexes.push_back(std::move(I));
}

//===----------------------------------------------------------------------===//
// Sequences
//===----------------------------------------------------------------------===//

void IRBuilder::Impl::sequenceOptions(
    Sequence &Seq, const std::vector<P::SequenceOptionContext *> &Opts, Loc L) {
  for (auto *O : Opts) {
    Optional<int64_t> N = number(O->signedNumber(), LB);
    if (O->AS()) {
      Seq.Type = canonicalType(LB, O->typeName());
    } else if (O->INCREMENT()) {
      if (N)
        Seq.Increment = *N;
    } else if (O->MINVALUE()) {
      Seq.MinValue = O->NO() ? None : N;
    } else if (O->MAXVALUE()) {
      Seq.MaxValue = O->NO() ? None : N;
    } else if (O->START()) {
      Seq.Start = N;
    } else if (O->CACHE()) {
      if (N)
        Seq.Cache = *N;
    } else if (O->CYCLE()) {
      Seq.Cycle = !O->NO();
    } else if (O->OWNED()) {
      std::vector<std::string> Parts = anyNameParts(O->anyName());
      if (Parts.size() == 1 && Parts[0] == "none") {
        Seq.OwnedByTable = QualifiedName();
        Seq.OwnedByColumn.clear();
      } else if (Parts.size() >= 2) {
        Seq.OwnedByColumn = Parts.back();
        Seq.OwnedByTable.Name = Parts[Parts.size() - 2];
        Seq.OwnedByTable.Schema =
            Parts.size() >= 3 ? Parts[Parts.size() - 3] : DefaultSchema;
        Table *T = findTable(Seq.OwnedByTable);
        if (!T)
          error(loc(O->anyName()), "relation \"" + display(Seq.OwnedByTable) +
                                       "\" does not exist");
        else if (!T->findColumn(Seq.OwnedByColumn))
          error(loc(O->anyName()), "column \"" + Seq.OwnedByColumn +
                                       "\" of relation \"" + T->Name +
                                       "\" does not exist");
      }
    }
  }
}

/// Drops START/MINVALUE/MAXVALUE equal to what PostgreSQL would use
/// anyway, so written-out defaults (pg_dump) and omitted ones compare equal.
static void normalizeSequence(Sequence &Seq) {
  Sequence Plain = Seq;
  Plain.MinValue = None;
  Plain.MaxValue = None;
  if (Seq.MinValue && *Seq.MinValue == Plain.effectiveMinValue())
    Seq.MinValue = None;
  if (Seq.MaxValue && *Seq.MaxValue == Plain.effectiveMaxValue())
    Seq.MaxValue = None;
  Plain = Seq;
  Plain.Start = None;
  if (Seq.Start && *Seq.Start == Plain.effectiveStart())
    Seq.Start = None;
}

void IRBuilder::Impl::createSequence(P::CreateSequenceStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema &S = schemaOf(Q, C);
  if (!checkNewRelation(S, Q.Name, loc(C->qualifiedName()),
                        C->ifNotExists() != nullptr))
    return;
  Sequence Seq;
  Seq.Location = loc(C);
  Seq.Name = Q.Name;
  Seq.Annotations = annotationsBefore(C);
  sequenceOptions(Seq, C->sequenceOption(), Seq.Location);
  normalizeSequence(Seq);
  addSequence(S, std::move(Seq));
}

void IRBuilder::Impl::alterSequence(P::AlterSequenceStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema *S = findSchema(Q);
  Sequence *Seq = S ? sequenceIn(*S, Q.Name) : nullptr;
  if (!Seq) {
    if (!C->ifExists())
      error(loc(C->qualifiedName()),
            "relation \"" + display(Q) + "\" does not exist");
    return;
  }
  sequenceOptions(*Seq, C->sequenceOption(), loc(C));
  normalizeSequence(*Seq);
}

//===----------------------------------------------------------------------===//
// Views, types, domains, functions
//===----------------------------------------------------------------------===//

void IRBuilder::Impl::createView(P::CreateViewStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema &S = schemaOf(Q, C);
  bool Replace = C->REPLACE() != nullptr;
  if (Replace && S.findView(Q.Name)) {
    auto It = find_if(S.Views, [&](const View &V) { return V.Name == Q.Name; });
    S.Views.erase(It);
    invalidateNames();
  }
  if (!checkNewRelation(S, Q.Name, loc(C->qualifiedName()),
                        C->ifNotExists() != nullptr))
    return;
  View V;
  V.Location = loc(C);
  V.Name = Q.Name;
  V.Annotations = annotationsBefore(C);
  V.Materialized = C->MATERIALIZED() != nullptr;
  V.Columns = columns(C->columnList());
  V.Options = options(C->withOptions());
  if (C->TABLESPACE() && !C->identifier().empty())
    V.Tablespace = ident(C->identifier().back());
  std::string Query = canonicalText(LB, C->query);
  StringRef QR(Query);
  bool NoData = QR.endswith(" WITH NO DATA"), Data = QR.endswith(" WITH DATA");
  if ((NoData || Data) && !V.Materialized) {
    // As PostgreSQL: only CREATE MATERIALIZED VIEW takes WITH [NO] DATA.
    error(V.Location, "WITH " + StringRef(NoData ? "NO " : "") +
                          "DATA is only for materialized views");
    return;
  }
  if (NoData) {
    V.WithNoData = true;
    QR = QR.drop_back(strlen(" WITH NO DATA"));
  } else if (Data) {
    QR = QR.drop_back(strlen(" WITH DATA"));
  }
  // WITH [CASCADED | LOCAL] CHECK OPTION is the check_option option, as
  // PostgreSQL stores it (and pg_dump writes it back after the query).
  for (StringRef Kind : {"local", "cascaded", ""}) {
    std::string Clause =
        (" with " + Kind + (Kind.empty() ? "" : " ") + "check option").str();
    if (V.Materialized || !QR.endswith_insensitive(Clause))
      continue;
    QR = QR.drop_back(Clause.size());
    V.Options.push_back(
        Option{"check_option", Kind == "local" ? "local" : "cascaded"});
    break;
  }
  V.Query = QR.str();
  noteRelation(S, V.Name);
  S.Views.push_back(std::move(V));
}

void IRBuilder::Impl::createType(P::CreateTypeStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  if (!C->AS()) {
    Ctx.getDiags().report(
        Diagnostic(Severity::Remark, loc(C),
                   "base types are not modelled in the Schema IR: \"" +
                       display(Q) + "\" ignored"));
    return;
  }
  Schema &S = schemaOf(Q, C);
  if (typeTaken(S, Q.Name)) {
    error(loc(C->qualifiedName()), "type \"" + Q.Name + "\" already exists");
    return;
  }
  if (C->RANGE())
    return createRange(S, Q, C);
  if (C->ENUM()) {
    EnumType E;
    E.Location = loc(C);
    E.Name = Q.Name;
    E.Annotations = annotationsBefore(C);
    for (auto *Str : C->STRING())
      E.Values.push_back(unquote(text(Str)));
    S.Enums.push_back(std::move(E));
    return;
  }
  CompositeType CT;
  CT.Location = loc(C);
  CT.Name = Q.Name;
  for (auto *A : C->compositeAttribute()) {
    CompositeAttribute Attr;
    Attr.Location = loc(A);
    Attr.Name = ident(A->identifier());
    Attr.Type = canonicalType(LB, A->typeName());
    if (A->anyName())
      Attr.Collation = objectName(A->anyName());
    CT.Attributes.push_back(std::move(Attr));
  }
  noteRelation(S, CT.Name);
  S.Composites.push_back(std::move(CT));
}

/// A function, operator class or collation named in a range type's
/// options, as RangeType keeps it: bare in pg_catalog and public.
static std::string rangeOptionName(const QualifiedName &Q) {
  if (Q.Schema.empty() || Q.Schema == "pg_catalog" || Q.Schema == "public")
    return Q.Name;
  return Q.Schema + "." + Q.Name;
}

void IRBuilder::Impl::createRange(Schema &S, const QualifiedName &Q,
                                  P::CreateTypeStmtContext *C) {
  RangeType R;
  R.Location = loc(C);
  R.Name = Q.Name;
  R.Annotations = annotationsBefore(C);
  std::set<std::string> Seen;
  for (auto *O : C->rangeOption()) {
    std::string Opt =
        O->identifier() ? ident(O->identifier()) : std::string("collation");
    if (!Seen.insert(Opt).second) {
      error(loc(O), "conflicting or redundant options");
      return;
    }
    if (Opt == "subtype") {
      R.Subtype = canonicalType(LB, O->typeName());
      continue;
    }
    auto *N = O->typeName()->simpleTypeName();
    if (!N->qualifiedName() || N->typeModifiers() || O->typeName()->SETOF() ||
        O->typeName()->arrayBounds().size() || O->typeName()->ARRAY()) {
      error(loc(O->typeName()),
            "range type option \"" + Opt + "\" takes a name");
      return;
    }
    QualifiedName V = qname(N->qualifiedName());
    if (Opt == "subtype_opclass")
      R.SubtypeOpClass = rangeOptionName(V);
    else if (Opt == "collation")
      R.Collation = rangeOptionName(V);
    else if (Opt == "canonical")
      R.Canonical = rangeOptionName(V);
    else if (Opt == "subtype_diff")
      R.SubtypeDiff = rangeOptionName(V);
    else if (Opt == "multirange_type_name") {
      // Always in the range type's schema.
      if (!V.Schema.empty() && V.Schema != S.Name) {
        error(loc(O->typeName()),
              "multirange type \"" + display(V) +
                  "\" must be in the schema of range type \"" + R.Name + "\"");
        return;
      }
      if (V.Name != defaultMultirangeName(R.Name))
        R.MultirangeName = V.Name;
    } else {
      error(loc(O), "type attribute \"" + Opt + "\" not recognized");
      return;
    }
  }
  if (R.Subtype.empty()) {
    error(loc(C->qualifiedName()), "type attribute \"subtype\" is required");
    return;
  }
  if (typeTaken(S, R.multirangeName())) {
    error(loc(C->qualifiedName()),
          "type \"" + R.multirangeName() + "\" already exists");
    return;
  }
  S.Ranges.push_back(std::move(R));
}

void IRBuilder::Impl::createDomain(P::CreateDomainStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema &S = schemaOf(Q, C);
  if (typeTaken(S, Q.Name)) {
    error(loc(C->qualifiedName()), "type \"" + Q.Name + "\" already exists");
    return;
  }
  Domain D;
  D.Location = loc(C);
  D.Name = Q.Name;
  D.Annotations = annotationsBefore(C);
  D.BaseType = canonicalType(LB, C->typeName());
  for (auto *DC : C->domainConstraint()) {
    if (DC->COLLATE()) {
      D.Collation = objectName(DC->anyName());
    } else if (DC->CHECK()) {
      D.Checks.push_back(domainCheck(D, DC, DC->name, DC->expr()));
    } else if (DC->DEFAULT()) {
      D.Default = canonicalExpr(LB, DC->bExpr());
    } else if (DC->NULL_P()) {
      D.NotNull = DC->NOT() != nullptr;
    }
  }
  S.Domains.push_back(std::move(D));
}

DomainCheck IRBuilder::Impl::domainCheck(const Domain &D,
                                         antlr4::ParserRuleContext *At,
                                         P::IdentifierContext *Name,
                                         P::ExprContext *Expr) {
  DomainCheck Chk;
  Chk.Location = loc(At);
  Chk.Expr = canonicalExpr(LB, Expr);
  if (Name) {
    Chk.Name = ident(Name);
  } else {
    Chk.Name = chooseName(D.Name, "", "check", [&](StringRef N) {
      return any_of(D.Checks,
                    [&](const DomainCheck &X) { return X.Name == N; });
    });
  }
  return Chk;
}

void IRBuilder::Impl::alterDomain(P::AlterDomainStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema *S = findSchema(Q);
  Domain *D = S ? S->findDomain(Q.Name) : nullptr;
  if (!D) {
    error(loc(C->qualifiedName()),
          "type \"" + display(Q) + "\" does not exist");
    return;
  }
  auto FindCheck = [&](StringRef Name) {
    return find_if(D->Checks,
                   [&](const DomainCheck &X) { return X.Name == Name; });
  };
  if (C->ADD()) {
    DomainCheck Chk = domainCheck(*D, C, C->name, C->expr());
    Chk.NotValid = C->VALID() != nullptr;
    if (FindCheck(Chk.Name) != D->Checks.end()) {
      error(C->name ? loc(C->name) : loc(C->qualifiedName()),
            "constraint \"" + Chk.Name + "\" for domain \"" + D->Name +
                "\" already exists");
      return;
    }
    D->Checks.push_back(std::move(Chk));
  } else if (C->VALIDATE() || C->CONSTRAINT()) {
    std::string Name = ident(C->name);
    auto It = FindCheck(Name);
    if (It == D->Checks.end()) {
      if (!C->ifExists())
        error(loc(C->name), "constraint \"" + Name + "\" of domain \"" +
                                D->Name + "\" does not exist");
      return;
    }
    if (C->VALIDATE())
      It->NotValid = false;
    else
      D->Checks.erase(It);
  } else if (C->DEFAULT()) {
    D->Default = C->SET() ? canonicalExpr(LB, C->bExpr()) : std::string();
  } else if (C->NULL_P()) {
    D->NotNull = C->SET() != nullptr;
  }
}

void IRBuilder::Impl::createFunction(P::CreateFunctionStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema &S = schemaOf(Q, C);
  Function F;
  F.Location = loc(C);
  F.Annotations = annotationsBefore(C);
  F.Kind = C->PROCEDURE() ? FunctionKind::Procedure : FunctionKind::Function;
  F.Name = Q.Name;
  F.Arguments = functionArgs(C->args);
  if (C->returnsTable) {
    F.Returns = "TABLE(" + functionArgs(C->returnsTable) + ")";
  } else if (P::TypeNameContext *RT = C->returnType) {
    if (RT->SETOF())
      F.Returns =
          "SETOF " +
          normalizeTypeName(StringRef(canonicalText(LB, RT->simpleTypeName())));
    else
      F.Returns = canonicalType(LB, RT);
  }
  for (auto *O : C->functionOption()) {
    if (O->LANGUAGE()) {
      F.Language = O->identifier() ? StringRef(ident(O->identifier())).lower()
                                   : unquote(text(O->STRING()));
    } else if (O->IMMUTABLE()) {
      F.Volatile = Volatility::Immutable;
    } else if (O->STABLE()) {
      F.Volatile = Volatility::Stable;
    } else if (O->VOLATILE()) {
      F.Volatile = Volatility::Volatile;
    } else if (O->STRICT() || (O->RETURNS() && O->INPUT())) {
      F.Strict = true;
    } else if (O->CALLED()) {
      F.Strict = false;
    } else if (O->SECURITY()) {
      F.SecurityDefiner = O->DEFINER() != nullptr;
    } else if (O->LEAKPROOF()) {
      F.Leakproof = !O->NOT();
    } else if (O->PARALLEL()) {
      std::string P = StringRef(ident(O->identifier())).lower();
      F.Parallel = P == "safe"         ? ParallelSafety::Safe
                   : P == "restricted" ? ParallelSafety::Restricted
                                       : ParallelSafety::Unsafe;
    } else if (O->COST()) {
      F.Cost = number(O->signedNumber(), LB);
    } else if (O->ROWS()) {
      F.Rows = number(O->signedNumber(), LB);
    } else if (O->SET()) {
      Option Op;
      for (auto *Id : O->optionName()->identifier()) {
        if (!Op.Name.empty())
          Op.Name += ".";
        Op.Name += ident(Id);
      }
      if (O->CURRENT()) {
        Op.Value = "FROM CURRENT";
      } else {
        for (auto *V : O->setValue()) {
          if (!Op.Value.empty())
            Op.Value += ", ";
          Op.Value +=
              V->STRING() ? unquote(text(V->STRING())) : canonicalText(LB, V);
        }
      }
      F.Config.push_back(std::move(Op));
    } else if (O->body) {
      F.Body = stringValue(O->body);
      auto Strs = O->stringLiteral();
      if (Strs.size() > 1) // AS 'obj_file', 'link_symbol'
        F.Body += ", " + stringValue(Strs[1]);
    } else if (O->RETURN()) {
      F.Body = "RETURN " + canonicalExpr(LB, O->expr());
    } else if (O->ATOMIC()) {
      F.Body = "BEGIN ATOMIC " + canonicalText(LB, O->atomicBody()) + " END";
    }
  }
  auto Same = [&](const Function &G) {
    return G.Name == F.Name && G.Arguments == F.Arguments;
  };
  auto It = find_if(S.Functions, Same);
  if (It != S.Functions.end()) {
    if (!C->REPLACE()) {
      error(F.Location, "function \"" + F.signature() + "\" already exists");
      return;
    }
    *It = std::move(F);
    return;
  }
  S.Functions.push_back(std::move(F));
}

//===----------------------------------------------------------------------===//
// Triggers and policies
//===----------------------------------------------------------------------===//

void IRBuilder::Impl::createTrigger(P::CreateTriggerStmtContext *C) {
  auto Names = C->qualifiedName();
  // qualifiedName(0) is the table (ON), then FROM's, then the function.
  P::QualifiedNameContext *On = nullptr;
  for (auto *N : Names)
    if (N != C->func) {
      On = N;
      break;
    }
  if (!On)
    return;
  QualifiedName TQ = qname(On);
  Schema *S = findSchema(TQ);
  Table *T = S ? tableIn(*S, TQ.Name) : nullptr;
  View *V = (!T && S) ? S->findView(TQ.Name) : nullptr;
  if (!T && !V) {
    error(loc(On), "relation \"" + display(TQ) + "\" does not exist");
    return;
  }
  Trigger Tr;
  Tr.Location = loc(C);
  Tr.Name = ident(C->name);
  Tr.IsConstraint = C->CONSTRAINT() != nullptr;
  Tr.Timing = C->BEFORE()    ? TriggerTiming::Before
              : C->INSTEAD() ? TriggerTiming::InsteadOf
                             : TriggerTiming::After;
  for (auto *E : C->triggerEvent()) {
    if (E->INSERT())
      Tr.Events |= TE_Insert;
    else if (E->UPDATE()) {
      Tr.Events |= TE_Update;
      for (auto *Id : E->identifier())
        Tr.UpdateColumns.push_back(ident(Id));
    } else if (E->DELETE())
      Tr.Events |= TE_Delete;
    else if (E->TRUNCATE())
      Tr.Events |= TE_Truncate;
  }
  Tr.ForEachRow = C->ROW() != nullptr;
  for (auto *TT : C->triggerTransition()) {
    if (TT->OLD())
      Tr.OldTable = ident(TT->identifier());
    else
      Tr.NewTable = ident(TT->identifier());
  }
  if (C->WHEN())
    Tr.When = canonicalExpr(LB, C->expr());
  for (auto *A : C->constraintAttribute()) {
    Constraint Tmp;
    applyAttribute(Tmp, A);
    Tr.Deferrable |= Tmp.Deferrable;
    Tr.InitiallyDeferred |= Tmp.InitiallyDeferred;
  }
  Tr.Function = qname(C->func);
  for (auto *A : C->triggerArg()) {
    if (A->STRING())
      Tr.Arguments.push_back(unquote(text(A->STRING())));
    else if (A->identifier())
      Tr.Arguments.push_back(ident(A->identifier()));
    else
      Tr.Arguments.push_back(canonicalText(LB, A));
  }
  std::vector<Trigger> &List = T ? T->Triggers : V->Triggers;
  auto It = find_if(List, [&](const Trigger &X) { return X.Name == Tr.Name; });
  if (It != List.end()) {
    if (!C->REPLACE()) {
      error(Tr.Location, "trigger \"" + Tr.Name + "\" for relation \"" +
                             TQ.Name + "\" already exists");
      return;
    }
    *It = std::move(Tr);
    return;
  }
  List.push_back(std::move(Tr));
}

void IRBuilder::Impl::createPolicy(P::CreatePolicyStmtContext *C) {
  Table *T = requireTable(C->qualifiedName());
  if (!T)
    return;
  Policy Po;
  Po.Location = loc(C);
  Po.Name = ident(C->name);
  if (T->findPolicy(Po.Name)) {
    error(Po.Location, "policy \"" + Po.Name + "\" for table \"" + T->Name +
                           "\" already exists");
    return;
  }
  Po.Permissive = !C->RESTRICTIVE();
  if (C->SELECT())
    Po.Command = PolicyCommand::Select;
  else if (C->INSERT())
    Po.Command = PolicyCommand::Insert;
  else if (C->UPDATE())
    Po.Command = PolicyCommand::Update;
  else if (C->DELETE())
    Po.Command = PolicyCommand::Delete;
  for (auto *R : C->roleSpec()) {
    std::string Name = role(R);
    if (Name != "public")
      Po.Roles.push_back(Name);
  }
  Po.Using = canonicalExpr(LB, C->usingExpr);
  Po.WithCheck = canonicalExpr(LB, C->checkExpr);
  T->Policies.push_back(std::move(Po));
}

//===----------------------------------------------------------------------===//
// ALTER
//===----------------------------------------------------------------------===//

bool IRBuilder::Impl::inheritsColumn(const Schema &S, const Table &T,
                                     StringRef Name) {
  std::vector<std::pair<const Table *, std::string>> Work = {{&T, S.Name}};
  for (size_t I = 0; I < Work.size() && I < 64; ++I) {
    auto [Cur, CurSchema] = Work[I];
    std::vector<QualifiedName> Parents = Cur->Inherits;
    if (Cur->isPartition())
      Parents.push_back(Cur->PartitionOf);
    for (const QualifiedName &P : Parents) {
      const Table *PT = Cat.findTable(P, CurSchema);
      if (!PT)
        continue;
      if (PT->findColumn(Name))
        return true;
      Work.push_back({PT, P.Schema.empty() ? CurSchema : P.Schema});
    }
  }
  return false;
}

/// Whether a partition's column Col only repeats its parent's column PC.
static bool sameInheritedColumn(const Column &PC, const Column &Col) {
  // A partition's copy of an identity column is no identity column itself.
  return canonicalTypeName(PC.Type) == canonicalTypeName(Col.Type) &&
         PC.NotNull == Col.NotNull &&
         (PC.Identity == Col.Identity || Col.Identity == IdentityKind::None) &&
         PC.Collation == Col.Collation &&
         sameExpression(PC.Default, Col.Default) &&
         sameExpression(PC.Generated, Col.Generated) && Col.Comment.empty();
}

void IRBuilder::Impl::alterTable(P::AlterTableStmtContext *C) {
  auto Names = C->qualifiedName();
  if (Names.empty())
    return;
  QualifiedName Q = qname(Names[0]);
  Schema *S = findSchema(Q);
  Table *T = S ? tableIn(*S, Q.Name) : nullptr;
  if (!T) {
    // pg_dump also uses ALTER TABLE for the owner of views and sequences.
    auto Cmds = C->alterTableCmd();
    if (S && Cmds.size() == 1) {
      if (auto *O = treeCast<P::OwnerToContext>(Cmds[0])) {
        if (View *V = S->findView(Q.Name)) {
          V->Owner = role(O->roleSpec());
          return;
        }
        if (Sequence *Seq = sequenceIn(*S, Q.Name)) {
          Seq->Owner = role(O->roleSpec());
          return;
        }
      }
    }
    if (S && C->RENAME() && C->newName &&
        (S->findView(Q.Name) || sequenceIn(*S, Q.Name)))
      return renameRelation(*S, Q.Name, ident(C->newName), loc(C->newName));
    if (S && (S->findView(Q.Name) || sequenceIn(*S, Q.Name)))
      return; // other ALTERs of views and sequences are not modelled
    if (!C->ifExists())
      error(loc(Names[0]), "relation \"" + display(Q) + "\" does not exist");
    return;
  }
  if (C->ATTACH() || C->DETACH()) {
    QualifiedName PQ = qname(C->partition);
    Table *Part = findTable(PQ);
    if (!Part) {
      error(loc(C->partition),
            "relation \"" + display(PQ) + "\" does not exist");
      return;
    }
    if (C->ATTACH()) {
      Part->PartitionOf = QualifiedName(S->Name, T->Name);
      Part->PartitionBound = partitionBound(C->partitionBound());
      // The partition's columns become the parent's (attislocal false), as
      // on CREATE TABLE ... PARTITION OF: those that repeat the parent's
      // definition (pg_dump writes them out) declare nothing of their own.
      erase_if(Part->Columns, [&](const Column &Col) {
        const Column *PC = T->findColumn(Col.Name);
        return PC && sameInheritedColumn(*PC, Col);
      });
    } else {
      // A detached partition has every column of its own again.
      std::vector<Column> Columns;
      for (const Column &PC : T->Columns) {
        const Column *Own = Part->findColumn(PC.Name);
        Columns.push_back(Own ? *Own : PC);
      }
      Part->Columns = std::move(Columns);
      Part->PartitionOf = QualifiedName();
      Part->PartitionBound.clear();
    }
    return;
  }
  if (C->RENAME()) {
    if (C->newName) {
      std::string New = ident(C->newName);
      if (!checkNewRelation(*S, New, loc(C->newName), false))
        return;
      std::string Old = T->Name;
      T->Name = New;
      invalidateNames();
      renameTableReferences(Cat, QualifiedName(S->Name, Old),
                            QualifiedName(S->Name, New));
      warnViewsNaming(loc(C->newName), Old);
      return;
    }
    std::string From = ident(C->from), To = ident(C->to);
    if (C->CONSTRAINT()) {
      Constraint *Con = T->findConstraint(From);
      if (!Con) {
        error(loc(C->from), "constraint \"" + From + "\" of relation \"" +
                                T->Name + "\" does not exist");
        return;
      }
      Con->Name = To;
      invalidateNames();
      return;
    }
    if (!T->findColumn(From)) {
      error(loc(C->from), "column \"" + From + "\" does not exist");
      return;
    }
    if (T->findColumn(To)) {
      error(loc(C->to), "column \"" + To + "\" of relation \"" + T->Name +
                            "\" already exists");
      return;
    }
    // Partitions and inheritance children get the new name too (PostgreSQL
    // refuses ONLY where they exist).
    renameColumnReferences(Cat, QualifiedName(S->Name, T->Name), From, To,
                           /*Recurse=*/!C->ONLY());
    warnViewsNaming(loc(C->to), From, T->Name);
    return;
  }
  if (C->SET() && C->newSchema)
    return moveTable(S->Name, T->Name, ident(C->newSchema), loc(C->newSchema));
  std::vector<PendingConstraint> Pending;
  for (auto *Cmd : C->alterTableCmd()) {
    if (auto *A = treeCast<P::AddColumnContext>(Cmd)) {
      std::string Name = ident(A->columnDef()->name);
      if (T->findColumn(Name)) {
        if (!A->ifNotExists())
          error(loc(A->columnDef()), "column \"" + Name + "\" of relation \"" +
                                         T->Name + "\" already exists");
        continue;
      }
      addColumn(*S, *T, A->columnDef(), Pending);
    } else if (auto *A = treeCast<P::AddConstraintContext>(Cmd)) {
      addTableConstraint(*T, A->tableConstraint(), Pending);
    } else if (auto *D = treeCast<P::DropColumnContext>(Cmd)) {
      std::string Name = ident(D->identifier());
      auto It =
          find_if(T->Columns, [&](const Column &X) { return X.Name == Name; });
      if (It == T->Columns.end()) {
        if (!D->ifExists())
          error(loc(D->identifier()), "column \"" + Name + "\" of relation \"" +
                                          T->Name + "\" does not exist");
        continue;
      }
      T->Columns.erase(It);
    } else if (auto *D = treeCast<P::DropConstraintContext>(Cmd)) {
      std::string Name = ident(D->identifier());
      auto It = find_if(T->Constraints,
                        [&](const Constraint &X) { return X.Name == Name; });
      if (It == T->Constraints.end()) {
        if (!D->ifExists())
          error(loc(D->identifier()), "constraint \"" + Name +
                                          "\" of relation \"" + T->Name +
                                          "\" does not exist");
        continue;
      }
      T->Constraints.erase(It);
      invalidateNames();
    } else if (auto *A = treeCast<P::AlterColumnContext>(Cmd)) {
      std::string Name = ident(A->identifier());
      Column *Col = T->findColumn(Name);
      // A column of a parent (INHERITS, PARTITION OF) is the parent's in
      // the IR, as in the catalog reader: what a child sets on its copy
      // (pg_dump's ALTER TABLE ONLY child ALTER COLUMN c SET DEFAULT ...)
      // is not modelled.
      if (!Col && inheritsColumn(*S, *T, Name))
        continue;
      if (!Col) {
        error(loc(A->identifier()), "column \"" + Name + "\" of relation \"" +
                                        T->Name + "\" does not exist");
        continue;
      }
      P::AlterColumnCmdContext *AC = A->alterColumnCmd();
      if (auto *X = treeCast<P::AlterColumnTypeContext>(AC)) {
        Col->Type = canonicalType(LB, X->typeName());
        if (X->anyName())
          Col->Collation = objectName(X->anyName());
      } else if (auto *X = treeCast<P::SetDefaultContext>(AC)) {
        Col->Default = canonicalExpr(LB, X->expr());
      } else if (treeCast<P::DropDefaultContext>(AC)) {
        Col->Default.clear();
      } else if (treeCast<P::SetNotNullContext>(AC)) {
        Col->NotNull = true;
      } else if (treeCast<P::DropNotNullContext>(AC)) {
        Col->NotNull = false;
      } else if (auto *X = treeCast<P::AddIdentityContext>(AC)) {
        Col->Identity =
            X->ALWAYS() ? IdentityKind::Always : IdentityKind::ByDefault;
        Col->NotNull = true;
      } else if (treeCast<P::DropIdentityContext>(AC)) {
        Col->Identity = IdentityKind::None;
      }
    } else if (auto *O = treeCast<P::OwnerToContext>(Cmd)) {
      T->Owner = role(O->roleSpec());
    } else if (auto *R = treeCast<P::RowSecurityContext>(Cmd)) {
      if (R->FORCE())
        T->ForceRowSecurity = !R->NO();
      else
        T->RowSecurity = R->ENABLE() != nullptr;
    } else if (auto *L = treeCast<P::SetLoggedContext>(Cmd)) {
      T->Unlogged = L->UNLOGGED() != nullptr;
    } else if (auto *O = treeCast<P::SetOptionsContext>(Cmd)) {
      for (Option &Op : options(O->option())) {
        auto It = find_if(T->Options,
                          [&](const Option &X) { return X.Name == Op.Name; });
        if (It != T->Options.end())
          *It = Op;
        else
          T->Options.push_back(Op);
      }
    } else if (auto *O = treeCast<P::SetTablespaceContext>(Cmd)) {
      T->Tablespace = ident(O->identifier());
    } else if (auto *V = treeCast<P::ValidateConstraintContext>(Cmd)) {
      if (Constraint *Con = T->findConstraint(ident(V->identifier())))
        Con->NotValid = false;
    } else if (auto *In = treeCast<P::InheritContext>(Cmd)) {
      QualifiedName Parent = resolved(In->qualifiedName());
      if (In->NO())
        T->Inherits.erase(
            std::remove(T->Inherits.begin(), T->Inherits.end(), Parent),
            T->Inherits.end());
      else
        T->Inherits.push_back(Parent);
    }
    // REPLICA IDENTITY, CLUSTER ON, triggers, storage: not modelled.
  }
  nameConstraints(*S, *T, Pending);
}

void IRBuilder::Impl::alterType(P::AlterTypeStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema *S = findSchema(Q);
  if (C->SET()) {
    // Storage, send/receive functions and the like: base types only.
    if (S && S->findTypeAttributes(Q.Name)) {
      error(loc(C->qualifiedName()), Q.Name + " is not a base type");
      return;
    }
    Ctx.getDiags().report(
        Diagnostic(Severity::Remark, loc(C),
                   "base types are not modelled in the Schema IR: ALTER TYPE "
                   "\"" +
                       display(Q) + "\" SET ignored"));
    return;
  }
  if (C->ATTRIBUTE() || !C->alterAttributeCmd().empty())
    return alterComposite(C, Q, S);
  EnumType *E = S ? S->findEnum(Q.Name) : nullptr;
  if (!E) {
    error(loc(C->qualifiedName()),
          "type \"" + display(Q) + "\" does not exist");
    return;
  }
  auto Strs = C->STRING();
  if (C->ADD()) {
    std::string V = unquote(text(Strs[0]));
    if (is_contained(E->Values, V)) {
      if (!C->ifNotExists())
        error(loc(C), "enum label \"" + V + "\" already exists");
      return;
    }
    auto Pos = E->Values.end();
    if (Strs.size() > 1) {
      std::string Ref = unquote(text(Strs[1]));
      Pos = std::find(E->Values.begin(), E->Values.end(), Ref);
      if (Pos == E->Values.end()) {
        error(loc(C), "\"" + Ref + "\" is not an existing enum label");
        return;
      }
      if (C->AFTER())
        ++Pos;
    }
    E->Values.insert(Pos, V);
    return;
  }
  std::string From = unquote(text(Strs[0])), To = unquote(text(Strs[1]));
  for (std::string &V : E->Values)
    if (V == From) {
      V = To;
      return;
    }
  error(loc(C), "\"" + From + "\" is not an existing enum label");
}

void IRBuilder::Impl::alterComposite(P::AlterTypeStmtContext *C,
                                     const QualifiedName &Q, Schema *S) {
  CompositeType *CT = S ? S->findComposite(Q.Name) : nullptr;
  if (!CT) {
    error(loc(C->qualifiedName()),
          S && S->findTypeAttributes(Q.Name)
              ? "\"" + Q.Name + "\" is not a composite type"
              : "type \"" + display(Q) + "\" does not exist");
    return;
  }
  auto Find = [&](StringRef Name) {
    return find_if(CT->Attributes,
                   [&](const CompositeAttribute &A) { return A.Name == Name; });
  };
  auto Exists = [&](antlr4::ParserRuleContext *At, StringRef Name) {
    error(loc(At), "column \"" + Name + "\" of relation \"" + CT->Name +
                       "\" already exists");
  };
  auto Missing = [&](antlr4::ParserRuleContext *At, StringRef Name) {
    error(loc(At), "column \"" + Name + "\" of relation \"" + CT->Name +
                       "\" does not exist");
  };
  if (C->ATTRIBUTE()) {
    std::string From = ident(C->from), To = ident(C->to);
    auto It = Find(From);
    if (It == CT->Attributes.end())
      return Missing(C->from, From);
    if (Find(To) != CT->Attributes.end())
      return Exists(C->to, To);
    It->Name = To;
    renameAttributeReferences(Cat, QualifiedName(S->Name, CT->Name), From, To);
    return;
  }
  for (auto *Cmd : C->alterAttributeCmd()) {
    if (auto *A = treeCast<P::AddAttributeContext>(Cmd)) {
      CompositeAttribute Attr;
      Attr.Location = loc(A);
      Attr.Name = ident(A->identifier());
      if (Find(Attr.Name) != CT->Attributes.end())
        return Exists(A->identifier(), Attr.Name);
      Attr.Type = canonicalType(LB, A->typeName());
      if (A->anyName())
        Attr.Collation = objectName(A->anyName());
      CT->Attributes.push_back(std::move(Attr));
    } else if (auto *D = treeCast<P::DropAttributeContext>(Cmd)) {
      std::string Name = ident(D->identifier());
      auto It = Find(Name);
      if (It != CT->Attributes.end())
        CT->Attributes.erase(It);
      else if (!D->ifExists())
        return Missing(D->identifier(), Name);
    } else if (auto *A = treeCast<P::AlterAttributeContext>(Cmd)) {
      std::string Name = ident(A->identifier());
      auto It = Find(Name);
      if (It == CT->Attributes.end())
        return Missing(A->identifier(), Name);
      // PostgreSQL rewrites no stored rows for this: a column of the type
      // forbids it.
      for (const Schema &TS : Cat.Schemas)
        for (const Table &T : TS.Tables)
          for (const Column &Col : T.Columns)
            if (typeRefersTo(Col.Type, S->Name, CT->Name)) {
              error(loc(A), "cannot alter type \"" + CT->Name +
                                "\" because column \"" + T.Name + "." +
                                Col.Name + "\" uses it");
              return;
            }
      It->Type = canonicalType(LB, A->typeName());
      It->Collation = A->anyName() ? objectName(A->anyName()) : "";
    }
  }
}

/// View queries are kept as written, where PostgreSQL's show the new names
/// of what they use: a warning for each that names Old (a column: and its
/// Relation).
void IRBuilder::Impl::warnViewsNaming(Loc L, StringRef Old,
                                      StringRef Relation) {
  for (const Schema &S : Cat.Schemas)
    for (const View &V : S.Views) {
      if (V.Query.find(Old.str()) == std::string::npos)
        continue;
      bool NamesOld = false, NamesRelation = Relation.empty();
      for (const Token &T : tokenize(V.Query)) {
        if (!T.isName())
          continue;
        std::string N = T.name();
        NamesOld |= N == Old;
        NamesRelation |= N == Relation;
      }
      if (NamesOld && NamesRelation)
        warning(L, "the query of view \"" + V.Name +
                       "\" is kept as written: it still names \"" + Old + "\"");
    }
}

/// ALTER TABLE ... SET SCHEMA: the table moves with its indexes,
/// constraints and owned sequences (as PostgreSQL moves them), and what
/// refers to them follows.
void IRBuilder::Impl::moveTable(std::string From, std::string Name,
                                std::string To, Loc L) {
  Schema *Dest = namedSchema(To); // may add public: look S up after it
  if (!Dest)
    return error(L, "schema \"" + To + "\" does not exist");
  Schema *S = Cat.findSchema(From);
  if (!S || S == Dest)
    return;
  if (relationTaken(*Dest, Name))
    return error(L, "relation \"" + Name + "\" already exists in schema \"" +
                        To + "\"");
  QualifiedName Old(From, Name), New(To, Name);
  auto TIt = find_if(S->Tables, [&](const Table &X) { return X.Name == Name; });
  Dest->Tables.push_back(std::move(*TIt));
  S->Tables.erase(TIt);
  std::vector<std::string> Owned;
  for (auto It = S->Sequences.begin(); It != S->Sequences.end();) {
    if (It->OwnedByTable != Old) {
      ++It;
      continue;
    }
    Owned.push_back(It->Name);
    Dest->Sequences.push_back(std::move(*It));
    It = S->Sequences.erase(It);
  }
  invalidateNames();
  renameTableReferences(Cat, Old, New);
  for (const std::string &Seq : Owned)
    renameSequenceReferences(Cat, QualifiedName(From, Seq),
                             QualifiedName(To, Seq), DefaultSchema);
  warnViewsNaming(L, Name);
}

void IRBuilder::Impl::renameRelation(Schema &S, const std::string &Old,
                                     const std::string &New, Loc L) {
  if (!checkNewRelation(S, New, L, false))
    return;
  invalidateNames();
  warnViewsNaming(L, Old);
  if (View *V = S.findView(Old))
    return void(V->Name = New);
  if (Sequence *Seq = S.findSequence(Old)) {
    Seq->Name = New;
    renameSequenceReferences(Cat, QualifiedName(S.Name, Old),
                             QualifiedName(S.Name, New), DefaultSchema);
    return;
  }
  // An index, or the index of a constraint, which PostgreSQL renames with
  // it.
  auto InIndexes = [&](std::vector<Index> &L) {
    for (Index &I : L)
      if (I.Name == Old) {
        I.Name = New;
        return true;
      }
    return false;
  };
  for (Table &T : S.Tables) {
    if (InIndexes(T.Indexes))
      return;
    for (Constraint &Con : T.Constraints)
      if (Con.Name == Old && (Con.Kind == ConstraintKind::PrimaryKey ||
                              Con.Kind == ConstraintKind::Unique ||
                              Con.Kind == ConstraintKind::Exclude))
        return void(Con.Name = New);
  }
  for (View &V : S.Views)
    if (InIndexes(V.Indexes))
      return;
}

void IRBuilder::Impl::renameType(P::RenameStmtContext *C) {
  QualifiedName Q = qname(C->qualifiedName());
  Schema *S = findSchema(Q);
  std::string *Name = nullptr;
  Domain *D = S ? S->findDomain(Q.Name) : nullptr;
  if (D)
    Name = &D->Name;
  else if (EnumType *E = S ? S->findEnum(Q.Name) : nullptr)
    Name = &E->Name;
  else if (CompositeType *CT = S ? S->findComposite(Q.Name) : nullptr)
    Name = &CT->Name;
  else if (RangeType *R = S ? S->findRange(Q.Name) : nullptr)
    Name = &R->Name;
  if (!Name || (C->DOMAIN() && !D)) {
    error(loc(C->qualifiedName()),
          Name ? "\"" + Q.Name + "\" is not a domain"
               : "type \"" + display(Q) + "\" does not exist");
    return;
  }
  if (C->CONSTRAINT()) {
    std::string From = ident(C->from), To = ident(C->to);
    auto Named = [&](StringRef N) {
      return find_if(D->Checks,
                     [&](const DomainCheck &X) { return X.Name == N; });
    };
    auto It = Named(From);
    if (It == D->Checks.end())
      return error(loc(C->from), "constraint \"" + From + "\" for domain \"" +
                                     D->Name + "\" does not exist");
    if (Named(To) != D->Checks.end())
      return error(loc(C->to), "constraint \"" + To + "\" for domain \"" +
                                   D->Name + "\" already exists");
    It->Name = To;
    return;
  }
  std::string New = ident(C->newName);
  if (S->hasType(New))
    return error(loc(C->newName), "type \"" + New + "\" already exists");
  std::string Old = *Name;
  *Name = New;
  invalidateNames();
  renameTypeReferences(Cat, QualifiedName(S->Name, Old), New);
}

void IRBuilder::Impl::rename(P::RenameStmtContext *C) {
  if (C->SCHEMA()) {
    std::string From = ident(C->identifier(0)), To = ident(C->newName);
    Schema *S = namedSchema(From);
    if (!S)
      return error(loc(C->identifier(0)),
                   "schema \"" + From + "\" does not exist");
    if (Cat.findSchema(To))
      return error(loc(C->newName), "schema \"" + To + "\" already exists");
    S->Name = To;
    CreatedSchemas.insert(To);
    invalidateNames();
    renameSchemaReferences(Cat, From, To, DefaultSchema);
    return;
  }
  if (C->TYPE() || C->DOMAIN())
    return renameType(C);
  if (C->FUNCTION() || C->PROCEDURE()) {
    QualifiedName Q = qname(C->qualifiedName());
    Function *F = findRoutine(Q, C->funcArgs());
    if (!F) {
      std::string Args = C->funcArgs() ? functionArgs(C->funcArgs()) : "";
      return error(loc(C->qualifiedName()),
                   "function " + display(Q) + "(" + Args + ") does not exist");
    }
    std::string Old = F->Name, New = ident(C->newName);
    std::string FS = findSchema(Q) ? findSchema(Q)->Name : "";
    F->Name = New;
    // The triggers that call it print the new name.
    auto Calls = [&](std::vector<Trigger> &L) {
      for (Trigger &Tr : L)
        if (Tr.Function.Name == Old &&
            (Tr.Function.Schema.empty() || Tr.Function.Schema == FS))
          Tr.Function.Name = New;
    };
    for (Schema &S : Cat.Schemas) {
      for (Table &T : S.Tables)
        Calls(T.Triggers);
      for (View &V : S.Views)
        Calls(V.Triggers);
    }
    return;
  }
  QualifiedName Q = qname(C->qualifiedName());
  Schema *S = findSchema(Q);
  if (C->TRIGGER() || C->POLICY()) {
    std::string From = ident(C->name), To = ident(C->newName);
    Table *T = S ? tableIn(*S, Q.Name) : nullptr;
    View *V = (!T && S) ? S->findView(Q.Name) : nullptr;
    if (!T && !V)
      return error(loc(C->qualifiedName()),
                   "relation \"" + display(Q) + "\" does not exist");
    if (C->TRIGGER()) {
      std::vector<Trigger> &L = T ? T->Triggers : V->Triggers;
      auto Named = [&](StringRef N) {
        return find_if(L, [&](const Trigger &X) { return X.Name == N; });
      };
      auto It = Named(From);
      if (It == L.end())
        return error(loc(C->name), "trigger \"" + From + "\" for table \"" +
                                       Q.Name + "\" does not exist");
      if (Named(To) != L.end())
        return error(loc(C->newName), "trigger \"" + To + "\" for relation \"" +
                                          Q.Name + "\" already exists");
      It->Name = To;
      return;
    }
    Policy *P = T ? T->findPolicy(From) : nullptr;
    if (!P)
      return error(loc(C->name), "policy \"" + From + "\" for table \"" +
                                     Q.Name + "\" does not exist");
    if (T->findPolicy(To))
      return error(loc(C->newName), "policy \"" + To + "\" for table \"" +
                                        Q.Name + "\" already exists");
    P->Name = To;
    return;
  }
  // INDEX, SEQUENCE, VIEW, MATERIALIZED VIEW.
  View *V = S ? S->findView(Q.Name) : nullptr;
  bool Found = false;
  if (C->INDEX()) {
    if (S) {
      for (const Table &T : S->Tables)
        for (const Constraint &Con : T.Constraints)
          Found |= Con.Name == Q.Name && Con.Kind != ConstraintKind::Check &&
                   Con.Kind != ConstraintKind::ForeignKey;
      for (const Table &T : S->Tables)
        Found |= T.findIndex(Q.Name) != nullptr;
      for (const View &MV : S->Views)
        Found |= any_of(MV.Indexes,
                        [&](const Index &I) { return I.Name == Q.Name; });
    }
  } else if (C->SEQUENCE()) {
    Found = S && sequenceIn(*S, Q.Name);
    if (!Found && S && relationTaken(*S, Q.Name))
      return error(loc(C->qualifiedName()),
                   "\"" + Q.Name + "\" is not a sequence");
  } else {
    bool Materialized = C->MATERIALIZED() != nullptr;
    Found = V && V->Materialized == Materialized;
    if (!Found && S && relationTaken(*S, Q.Name))
      return error(loc(C->qualifiedName()),
                   "\"" + Q.Name + "\" is not a " +
                       (Materialized ? "materialized view" : "view"));
  }
  if (!Found) {
    if (!C->ifExists())
      error(loc(C->qualifiedName()),
            "relation \"" + display(Q) + "\" does not exist");
    return;
  }
  if (C->newName)
    return renameRelation(*S, Q.Name, ident(C->newName), loc(C->newName));
  // ALTER VIEW ... RENAME COLUMN.
  std::string From = ident(C->from), To = ident(C->to);
  auto It = find(V->Columns, From);
  if (It == V->Columns.end()) {
    warning(loc(C->from), "the query of view \"" + V->Name +
                              "\" is kept as written: its output column \"" +
                              From + "\" is not renamed in the Schema IR");
    return;
  }
  if (is_contained(V->Columns, To))
    return error(loc(C->to), "column \"" + To + "\" of relation \"" + V->Name +
                                 "\" already exists");
  *It = To;
}

/// Whether a function whose argument list is Arguments (as Function keeps
/// it: "x integer, OUT y text, z integer DEFAULT 1") has the identity
/// argument types Types (its IN, INOUT and VARIADIC arguments' types).
static bool hasIdentityTypes(StringRef Arguments,
                             const std::vector<std::string> &Types) {
  // Top-level pieces, split at commas outside parentheses and quotes.
  std::vector<StringRef> Args;
  int Depth = 0;
  char Quote = 0;
  size_t Begin = 0;
  for (size_t I = 0; I < Arguments.size(); ++I) {
    char C = Arguments[I];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
    } else if (C == '\'' || C == '"') {
      Quote = C;
    } else if (C == '(') {
      ++Depth;
    } else if (C == ')') {
      --Depth;
    } else if (C == ',' && Depth == 0) {
      Args.push_back(Arguments.slice(Begin, I).trim());
      Begin = I + 1;
    }
  }
  if (!Arguments.trim().empty())
    Args.push_back(Arguments.substr(Begin).trim());
  size_t N = 0;
  for (StringRef A : Args) {
    if (A.startswith("OUT "))
      continue;
    A.consume_front("INOUT ") || A.consume_front("VARIADIC ");
    size_t Default = A.find(" DEFAULT ");
    if (Default != StringRef::npos)
      A = A.take_front(Default);
    if (N >= Types.size())
      return false;
    StringRef T = Types[N++];
    // The type, after a name when there is one.
    if (A != T && !(A.endswith(T) && A.size() > T.size() &&
                    A[A.size() - T.size() - 1] == ' ' &&
                    !A.drop_back(T.size() + 1).contains(' ')))
      return false;
  }
  return N == Types.size();
}

Function *IRBuilder::Impl::findRoutine(const QualifiedName &Q,
                                       P::FuncArgsContext *Args) {
  Schema *S = findSchema(Q);
  if (!S)
    return nullptr;
  std::vector<std::string> Types;
  if (Args)
    for (auto *A : Args->funcArgDef())
      if (!A->argMode() || !A->argMode()->OUT())
        Types.push_back(canonicalType(LB, A->typeName()));
  for (Function &F : S->Functions)
    if (F.Name == Q.Name && (!Args || hasIdentityTypes(F.Arguments, Types)))
      return &F;
  return nullptr;
}

void IRBuilder::Impl::alterOwner(P::AlterOwnerStmtContext *C) {
  std::string Owner = role(C->roleSpec());
  QualifiedName Q = qname(C->qualifiedName());
  if (C->FUNCTION() || C->PROCEDURE()) {
    Function *Match = findRoutine(Q, C->funcArgs());
    if (!Match) {
      std::string Args = C->funcArgs() ? functionArgs(C->funcArgs()) : "";
      error(loc(C->qualifiedName()),
            "function " + display(Q) + "(" + Args + ") does not exist");
      return;
    }
    Match->Owner = Owner;
    return;
  }
  if (C->SCHEMA()) {
    // ALTER SCHEMA public OWNER TO: public exists without a CREATE.
    std::string Name = Q.Schema.empty() ? Q.Name : Q.Schema;
    Schema *S = namedSchema(Name);
    if (!S) {
      error(loc(C->qualifiedName()), "schema \"" + Name + "\" does not exist");
      return;
    }
    S->Owner = Owner;
    return;
  }
  Schema *S = findSchema(Q);
  if (C->TYPE() || C->DOMAIN()) {
    if (S)
      if (auto Type = S->findTypeAttributes(Q.Name))
        return void(Type->Owner = Owner);
    if (C->DOMAIN())
      error(loc(C->qualifiedName()),
            "type \"" + display(Q) + "\" does not exist");
    return; // base types are not modelled
  }
  if (C->SEQUENCE()) {
    if (Sequence *Seq = S ? S->findSequence(Q.Name) : nullptr)
      return void(Seq->Owner = Owner);
  } else if (View *V = S ? S->findView(Q.Name) : nullptr) {
    return void(V->Owner = Owner);
  }
  error(loc(C->qualifiedName()),
        "relation \"" + display(Q) + "\" does not exist");
}

//===----------------------------------------------------------------------===//
// GRANT, REVOKE
//===----------------------------------------------------------------------===//

namespace {
/// An object GRANT or REVOKE names: its ACL (or a table, for column
/// privileges), kind, name and owner.
struct PrivilegeObject {
  ACL *Privileges = nullptr;
  Table *ColumnsOf = nullptr;
  ACLKind Kind = ACLKind::Relation;
  std::string Name;
  std::string Owner;
};
} // namespace

/// Letters, each held WITH GRANT OPTION ("ar" → "a*r*").
static std::string withGrantOption(StringRef Letters) {
  std::string Out;
  for (char Ch : Letters)
    Out += std::string(1, Ch) + "*";
  return Out;
}

void IRBuilder::Impl::privileges(
    P::PrivilegeListContext *L, P::PrivilegeTargetContext *T,
    const std::vector<P::GranteeContext *> &Grantees, bool Grant,
    P::IdentifierContext *Option, P::IdentifierContext *Granted) {
  // The words the grammar leaves to identifiers.
  auto Expect = [&](P::IdentifierContext *Id, StringRef Word) {
    if (!Id || ident(Id) == Word)
      return true;
    error(loc(Id), "syntax error: unexpected '" + canonicalText(LB, Id) +
                       "', expected " + StringRef(Word).upper());
    return false;
  };
  if (!Expect(Option, "option") || !Expect(Granted, "granted") ||
      !Expect(L->privileges, "privileges"))
    return;

  // The objects.
  std::vector<PrivilegeObject> Objects;
  auto Missing = [&](antlr4::ParserRuleContext *At, const Twine &What) {
    error(loc(At), What + " does not exist");
  };
  auto AddRelation = [&](StringRef Name, ACLKind Kind, ACL &A,
                         const std::string &Owner, Table *Columns) {
    Objects.push_back({&A, Columns, Kind, Name.str(), Owner});
  };
  if (auto *X = treeCast<P::OnTablesContext>(T)) {
    for (auto *N : X->qualifiedName()) {
      QualifiedName Q = qname(N);
      Schema *S = findSchema(Q);
      if (Table *Tb = S ? tableIn(*S, Q.Name) : nullptr)
        AddRelation(Tb->Name, ACLKind::Relation, Tb->Privileges, Tb->Owner, Tb);
      else if (View *V = S ? S->findView(Q.Name) : nullptr)
        AddRelation(V->Name, ACLKind::Relation, V->Privileges, V->Owner,
                    nullptr);
      else if (Sequence *Seq = S ? sequenceIn(*S, Q.Name) : nullptr)
        AddRelation(Seq->Name, ACLKind::Sequence, Seq->Privileges, Seq->Owner,
                    nullptr);
      else
        return Missing(N, "relation \"" + display(Q) + "\"");
    }
  } else if (auto *X = treeCast<P::OnSequencesContext>(T)) {
    for (auto *N : X->qualifiedName()) {
      QualifiedName Q = qname(N);
      Schema *S = findSchema(Q);
      Sequence *Seq = S ? sequenceIn(*S, Q.Name) : nullptr;
      if (!Seq)
        return Missing(N, "relation \"" + display(Q) + "\"");
      AddRelation(Seq->Name, ACLKind::Sequence, Seq->Privileges, Seq->Owner,
                  nullptr);
    }
  } else if (auto *X = treeCast<P::OnRoutinesContext>(T)) {
    if (!Expect(X->routine, "routine"))
      return;
    for (auto *R : X->routineRef()) {
      QualifiedName Q = qname(R->qualifiedName());
      Function *Match = findRoutine(Q, R->funcArgs());
      if (!Match)
        return Missing(R, "function " + display(Q) + "(" +
                              functionArgs(R->funcArgs()) + ")");
      Objects.push_back(
          {&Match->Privileges, nullptr, ACLKind::Function, "", Match->Owner});
    }
  } else if (auto *X = treeCast<P::OnSchemasContext>(T)) {
    for (auto *Id : X->identifier()) {
      std::string Name = ident(Id);
      Schema *S = namedSchema(Name);
      if (!S)
        return Missing(Id, "schema \"" + Name + "\"");
      Objects.push_back(
          {&S->Privileges, nullptr, ACLKind::Schema, S->Name, S->Owner});
    }
  } else if (auto *X = treeCast<P::OnTypesContext>(T)) {
    for (auto *N : X->qualifiedName()) {
      QualifiedName Q = qname(N);
      Schema *S = findSchema(Q);
      auto Add = [&](ACL &A, const std::string &Owner) {
        Objects.push_back({&A, nullptr, ACLKind::Type, "", Owner});
      };
      if (!S)
        return Missing(N, "type \"" + display(Q) + "\"");
      if (auto Type = S->findTypeAttributes(Q.Name))
        Add(Type->Privileges, Type->Owner);
      else
        return Missing(N, "type \"" + display(Q) + "\"");
    }
  } else if (auto *X = treeCast<P::OnAllInSchemaContext>(T)) {
    std::string Kind = ident(X->kind);
    if (Kind != "tables" && Kind != "sequences" && Kind != "functions" &&
        Kind != "procedures" && Kind != "routines") {
      error(loc(X->kind), "syntax error: unexpected '" +
                              canonicalText(LB, X->kind) +
                              "', expected TABLES, SEQUENCES, FUNCTIONS, "
                              "PROCEDURES or ROUTINES");
      return;
    }
    for (auto *Id : X->identifier()) {
      if (Id == X->kind)
        continue;
      std::string Name = ident(Id);
      Schema *S = namedSchema(Name);
      if (!S)
        return Missing(Id, "schema \"" + Name + "\"");
      // ALL TABLES covers views and materialized views too.
      if (Kind == "tables") {
        for (Table &Tb : S->Tables)
          AddRelation(Tb.Name, ACLKind::Relation, Tb.Privileges, Tb.Owner, &Tb);
        for (View &V : S->Views)
          AddRelation(V.Name, ACLKind::Relation, V.Privileges, V.Owner,
                      nullptr);
      } else if (Kind == "sequences") {
        for (Sequence &Seq : S->Sequences)
          AddRelation(Seq.Name, ACLKind::Sequence, Seq.Privileges, Seq.Owner,
                      nullptr);
      } else {
        for (Function &F : S->Functions)
          if (Kind == "routines" ||
              (F.Kind == FunctionKind::Procedure) == (Kind == "procedures"))
            Objects.push_back(
                {&F.Privileges, nullptr, ACLKind::Function, "", F.Owner});
      }
    }
  }

  // The privileges: letters for the object, and per column list.
  std::string Letters;
  bool All = L->ALL() != nullptr;
  // Column privileges: letters (with their grant option) and columns.
  std::vector<std::pair<std::string, std::vector<std::string>>>
      ColumnPrivileges;
  StringRef ColumnAll = allPrivileges(ACLKind::Column);
  auto AddColumnPrivileges = [&](StringRef Letters,
                                 std::vector<std::string> Columns) {
    ColumnPrivileges.push_back(
        {Grant && Option ? withGrantOption(Letters) : Letters.str(),
         std::move(Columns)});
  };
  if (All && L->columnList())
    AddColumnPrivileges(ColumnAll, columns(L->columnList()));
  for (auto *Pr : L->privilege()) {
    std::string Word = Pr->identifier() ? ident(Pr->identifier())
                                        : LB.tokenText(Pr->getStart()).str();
    char Letter = privilegeLetter(Word);
    if (!Letter) {
      error(loc(Pr),
            "unrecognized privilege type \"" + StringRef(Word).lower() + "\"");
      return;
    }
    if (Pr->columnList())
      AddColumnPrivileges(StringRef(&Letter, 1), columns(Pr->columnList()));
    else
      Letters += Letter;
  }

  // The grantees: "" is PUBLIC.
  std::vector<std::string> Roles;
  for (auto *G : Grantees) {
    std::string R = role(G->roleSpec());
    Roles.push_back(R == "public" ? "" : R);
  }

  for (PrivilegeObject &O : Objects) {
    StringRef KindAll = allPrivileges(O.Kind);
    // ALL (cols) is about the columns only.
    std::string Own = All && !L->columnList() ? KindAll.str() : Letters;
    for (char Ch : Own)
      if (!KindAll.contains(Ch)) {
        // PostgreSQL warns and skips what a sequence does not have (GRANT
        // ... ON TABLE names sequences too); elsewhere it is an error.
        if (O.Kind == ACLKind::Sequence)
          continue;
        error(loc(L), "invalid privilege type " + privilegeKeyword(Ch) +
                          " for " +
                          (O.Kind == ACLKind::Relation   ? "table"
                           : O.Kind == ACLKind::Function ? "function"
                           : O.Kind == ACLKind::Type     ? "type"
                                                         : "schema"));
        return;
      }
    std::string Valid;
    for (char Ch : Own)
      if (KindAll.contains(Ch))
        Valid += Ch;
    if (Grant && Option)
      Valid = withGrantOption(Valid);
    if (!ColumnPrivileges.empty() && !O.ColumnsOf) {
      error(loc(L), "column privileges are only valid for relations");
      return;
    }
    for (auto &CP : ColumnPrivileges)
      for (char Ch : CP.first)
        if (Ch != '*' && !ColumnAll.contains(Ch)) {
          error(loc(L), "invalid privilege type " + privilegeKeyword(Ch) +
                            " for column");
          return;
        }
    for (const std::string &R : Roles) {
      // CURRENT_USER and the like: whoever runs the file, which creates
      // (and so owns) what it does not give another owner.
      bool IsOwner = (!R.empty() && R == O.Owner) || R == "current_user" ||
                     R == "current_role" || R == "session_user";
      if (!Valid.empty()) {
        if (Grant)
          grantPrivileges(*O.Privileges, O.Kind, O.Name, R, IsOwner, Valid);
        else
          revokePrivileges(*O.Privileges, O.Kind, O.Name, R, IsOwner, Valid,
                           Option != nullptr);
        // Revoking a table privilege revokes it on every column too.
        if (!Grant && O.ColumnsOf)
          for (Column &Col : O.ColumnsOf->Columns)
            revokeColumnPrivileges(Col.Grants, R, Valid, Option != nullptr);
      }
      for (auto &CP : ColumnPrivileges) {
        const std::string &CL = CP.first;
        for (const std::string &ColName : CP.second) {
          Column *Col = O.ColumnsOf->findColumn(ColName);
          if (!Col) {
            error(loc(L), "column \"" + ColName + "\" of relation \"" +
                              O.ColumnsOf->Name + "\" does not exist");
            return;
          }
          if (Grant)
            grantColumnPrivileges(Col->Grants, R, CL);
          else
            revokeColumnPrivileges(Col->Grants, R, CL, Option != nullptr);
        }
      }
    }
  }
}

//===----------------------------------------------------------------------===//
// COMMENT ON, DROP
//===----------------------------------------------------------------------===//

void IRBuilder::Impl::comment(P::CommentStmtContext *C) {
  std::string Text;
  if (!C->NULL_P()) {
    antlr4::tree::TerminalNode *N = C->STRING();
    if (!N)
      N = C->ESTRING();
    if (!N)
      N = C->USTRING();
    if (!N)
      N = C->DOLLAR_STRING();
    Text = unquote(this->text(N));
  }
  P::CommentTargetContext *Target = C->commentTarget();
  auto Missing = [&](antlr4::ParserRuleContext *At, const Twine &What) {
    error(loc(At), What + " does not exist");
  };
  if (auto *X = treeCast<P::CommentOnSimpleContext>(Target)) {
    std::string Name = ident(X->identifier());
    if (X->SCHEMA()) {
      Schema *S = namedSchema(Name);
      if (!S)
        return Missing(X, "schema \"" + Name + "\"");
      S->Comment = Text;
    } else {
      auto It = find_if(Cat.Extensions,
                        [&](const Extension &E) { return E.Name == Name; });
      if (It == Cat.Extensions.end())
        return Missing(X, "extension \"" + Name + "\"");
      It->Comment = Text;
    }
    return;
  }
  if (auto *X = treeCast<P::CommentOnRelationContext>(Target)) {
    QualifiedName Q = qname(X->qualifiedName());
    Schema *S = findSchema(Q);
    std::string *Field = nullptr;
    if (S) {
      if (X->TABLE()) {
        if (Table *T = tableIn(*S, Q.Name))
          Field = &T->Comment;
      } else if (X->VIEW()) {
        if (View *V = S->findView(Q.Name))
          Field = &V->Comment;
      } else if (X->SEQUENCE()) {
        if (Sequence *Seq = sequenceIn(*S, Q.Name))
          Field = &Seq->Comment;
      } else if (X->INDEX()) {
        for (Table &T : S->Tables)
          for (Index &I : T.Indexes)
            if (I.Name == Q.Name)
              Field = &I.Comment;
        for (View &V : S->Views)
          for (Index &I : V.Indexes)
            if (I.Name == Q.Name)
              Field = &I.Comment;
      } else if (auto Type = S->findTypeAttributes(Q.Name)) {
        Field = &Type->Comment;
      }
    }
    if (!Field)
      return Missing(X->qualifiedName(), "relation \"" + display(Q) + "\"");
    *Field = Text;
    return;
  }
  if (auto *X = treeCast<P::CommentOnColumnContext>(Target)) {
    std::vector<std::string> Parts = anyNameParts(X->anyName());
    if (Parts.size() < 2)
      return Missing(X, "column");
    QualifiedName Q;
    Q.Name = Parts[Parts.size() - 2];
    if (Parts.size() >= 3)
      Q.Schema = Parts[Parts.size() - 3];
    Schema *S = findSchema(Q);
    if (S && !tableIn(*S, Q.Name) && S->findView(Q.Name))
      return; // view columns have no comment in the IR
    Table *T = findTable(Q);
    if (!T)
      return Missing(X, "relation \"" + display(Q) + "\"");
    Column *Col = T->findColumn(Parts.back());
    if (!Col)
      return Missing(X, "column \"" + Parts.back() + "\" of relation \"" +
                            T->Name + "\"");
    Col->Comment = Text;
    return;
  }
  if (auto *X = treeCast<P::CommentOnConstraintContext>(Target)) {
    QualifiedName Q = qname(X->qualifiedName());
    std::string Name = ident(X->name);
    if (X->DOMAIN())
      return; // domain constraint comments are not modelled
    Table *T = findTable(Q);
    Constraint *Con = T ? T->findConstraint(Name) : nullptr;
    if (!Con)
      return Missing(X, "constraint \"" + Name + "\" of relation \"" +
                            display(Q) + "\"");
    Con->Comment = Text;
    return;
  }
  if (auto *X = treeCast<P::CommentOnTableChildContext>(Target)) {
    QualifiedName Q = qname(X->qualifiedName());
    std::string Name = ident(X->name);
    Table *T = findTable(Q);
    if (!T)
      return Missing(X->qualifiedName(), "relation \"" + display(Q) + "\"");
    if (X->TRIGGER()) {
      Trigger *Tr = T->findTrigger(Name);
      if (!Tr)
        return Missing(X, "trigger \"" + Name + "\" for table \"" + T->Name +
                              "\"");
      Tr->Comment = Text;
    } else {
      Policy *Po = T->findPolicy(Name);
      if (!Po)
        return Missing(X,
                       "policy \"" + Name + "\" for table \"" + T->Name + "\"");
      Po->Comment = Text;
    }
    return;
  }
  if (auto *X = treeCast<P::CommentOnFunctionContext>(Target)) {
    QualifiedName Q = qname(X->qualifiedName());
    Schema *S = findSchema(Q);
    if (!S)
      return Missing(X, "function " + display(Q) + "()");
    Function *Match = findRoutine(Q, X->funcArgs());
    if (!Match)
      return Missing(X, "function " + display(Q) + "(" +
                            functionArgs(X->funcArgs()) + ")");
    Match->Comment = Text;
  }
}

void IRBuilder::Impl::drop(P::DropStmtContext *C) {
  bool IfExists = C->ifExists() != nullptr;
  invalidateNames();
  if (C->TRIGGER() || C->POLICY()) {
    Table *T = requireTable(C->qualifiedName(0), IfExists);
    if (!T)
      return;
    std::string Name = ident(C->name);
    bool Found = false;
    if (C->TRIGGER()) {
      auto It = find_if(T->Triggers,
                        [&](const Trigger &X) { return X.Name == Name; });
      if ((Found = It != T->Triggers.end()))
        T->Triggers.erase(It);
    } else {
      auto It =
          find_if(T->Policies, [&](const Policy &X) { return X.Name == Name; });
      if ((Found = It != T->Policies.end()))
        T->Policies.erase(It);
    }
    if (!Found && !IfExists)
      error(loc(C->name), Twine(C->TRIGGER() ? "trigger" : "policy") + " \"" +
                              Name + "\" for table \"" + T->Name +
                              "\" does not exist");
    return;
  }
  for (auto *N : C->qualifiedName()) {
    QualifiedName Q = qname(N);
    bool Found = false;
    if (C->SCHEMA()) {
      auto It = find_if(Cat.Schemas,
                        [&](const Schema &S) { return S.Name == Q.Name; });
      if ((Found = It != Cat.Schemas.end()))
        Cat.Schemas.erase(It);
    } else if (C->EXTENSION()) {
      auto It = find_if(Cat.Extensions,
                        [&](const Extension &E) { return E.Name == Q.Name; });
      if ((Found = It != Cat.Extensions.end()))
        Cat.Extensions.erase(It);
    } else if (Schema *S = findSchema(Q)) {
      auto Erase = [&](auto &Vec) {
        auto It = find_if(Vec, [&](const auto &X) { return X.Name == Q.Name; });
        if (It == Vec.end())
          return false;
        Vec.erase(It);
        return true;
      };
      if (C->TABLE())
        Found = Erase(S->Tables);
      else if (C->VIEW())
        Found = Erase(S->Views);
      else if (C->SEQUENCE())
        Found = Erase(S->Sequences);
      else if (C->INDEX()) {
        for (Table &T : S->Tables)
          Found = Found || Erase(T.Indexes);
        for (View &V : S->Views)
          Found = Found || Erase(V.Indexes);
      } else if (C->TYPE() || C->DOMAIN()) {
        Found = Erase(S->Enums) || Erase(S->Domains) || Erase(S->Composites) ||
                Erase(S->Ranges);
      } else if (C->FUNCTION() || C->PROCEDURE()) {
        if (Function *F = findRoutine(Q, C->funcArgs())) {
          S->Functions.erase(S->Functions.begin() + (F - &S->Functions[0]));
          Found = true;
        }
      }
    }
    if (!Found && !IfExists)
      error(loc(N), "object \"" + display(Q) + "\" does not exist");
  }
}

} // namespace sql
} // namespace bk
