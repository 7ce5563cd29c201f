// PostgreSQL DDL parser for bk's SQL front end (lib/SQL). See README.md.
//
// The statement splitter (lib/SQL/Splitter.cpp) cuts the token stream at
// top-level ';' and hands each statement to `statementEntry`; statements
// the IR does not model (GRANT, SET, CREATE AGGREGATE, ...) are recognised
// by the splitter and never reach this grammar.
parser grammar PostgreSQLParser;

options { tokenVocab = PostgreSQLLexer; contextSuperClass = FastRuleContext; }

// Every context derives from FastRuleContext, whose accessors test a child's
// kind without dynamic_cast (lib/SQL/ParseTreeAccess.h).
@parser::postinclude { #include "ParseTreeAccess.h" }

// The runtime's Parser::exitRule (not virtual) finds the parent context with
// a dynamic_cast: ~15% of the parse. A rule context's parent is always a
// rule context; this one, which the generated rule methods call, hides it.
// The same for getInterpreter, below.
@parser::members {
void exitRule() {
  _ctx->stop = _matchedEOF ? _input->LT(1) : _input->LT(-1);
  if (!_parseListeners.empty())
    triggerExitRuleEvent();
  setState(_ctx->invokingState);
  _ctx = static_cast<antlr4::ParserRuleContext *>(_ctx->parent);
}
// Recognizer::getInterpreter, which every adaptivePredict call of the
// generated rule methods goes through, is a dynamic_cast too; the parser's
// interpreter is always its ParserATNSimulator (lib/SQL/Parser.cpp's
// ThreadSimulator), so this one, found first, casts statically.
template <class T> T *getInterpreter() const {
  static_assert(std::is_same<T, antlr4::atn::ParserATNSimulator>::value,
                "the parser's interpreter is a ParserATNSimulator");
  return static_cast<T *>(_interpreter);
}
}

statementEntry: statement (SEMI | EOF);

statement
  : createSchemaStmt
  | createTableStmt
  | createIndexStmt
  | createSequenceStmt
  | createViewStmt
  | createTypeStmt
  | createDomainStmt
  | createFunctionStmt
  | createTriggerStmt
  | createExtensionStmt
  | createPolicyStmt
  | alterTableStmt
  | alterSequenceStmt
  | alterTypeStmt
  | renameStmt
  | alterDomainStmt
  | alterOwnerStmt
  | commentStmt
  | dropStmt
  | grantStmt
  | revokeStmt
  ;

//===----------------------------------------------------------------------===//
// CREATE SCHEMA / EXTENSION
//===----------------------------------------------------------------------===//

createSchemaStmt
  : CREATE SCHEMA ifNotExists? (name=identifier)? (AUTHORIZATION owner=roleSpec)?
  ;

createExtensionStmt
  : CREATE EXTENSION ifNotExists? name=identifier WITH?
    extensionOption*
  ;

extensionOption
  : SCHEMA identifier
  | identifier (identifier | STRING)      // VERSION 'x'
  | CASCADE
  ;

//===----------------------------------------------------------------------===//
// CREATE TABLE
//===----------------------------------------------------------------------===//

createTableStmt
  : CREATE (UNLOGGED | TEMPORARY | TEMP)? TABLE ifNotExists? qualifiedName
    ( LPAREN (tableElement (COMMA tableElement)*)? RPAREN inheritsClause?
    | PARTITION OF parentTable=qualifiedName
      (LPAREN tableElement (COMMA tableElement)* RPAREN)? partitionBound
    )
    partitionByClause? withOptions? (ON identifier identifier)?
    (TABLESPACE tablespace=identifier)?
  ;

inheritsClause: INHERITS LPAREN qualifiedName (COMMA qualifiedName)* RPAREN;

partitionByClause
  : PARTITION BY strategy=identifier LPAREN partitionKey (COMMA partitionKey)* RPAREN
  ;

partitionKey: indexElem;

partitionBound
  : FOR VALUES IN LPAREN exprList RPAREN
  | FOR VALUES FROM LPAREN exprList RPAREN TO LPAREN exprList RPAREN
  | FOR VALUES WITH LPAREN identifier INTEGER COMMA identifier INTEGER RPAREN
  | DEFAULT
  ;

tableElement
  : tableConstraint
  | LIKE qualifiedName (identifier (ALL | identifier))*
  | columnDef
  ;

columnDef
  : name=identifier (typeName columnQualifier* | WITH identifier columnQualifier*)
  ;

columnQualifier
  : COLLATE anyName
  | (CONSTRAINT constraintName=identifier)? columnConstraint
  | constraintAttribute
  ;

columnConstraint
  : NOT NULL_P
  | NULL_P
  | DEFAULT bExpr
  | CHECK LPAREN expr RPAREN (NO INHERIT)?
  | PRIMARY KEY indexParameters
  | UNIQUE nullsDistinct? indexParameters
  | REFERENCES qualifiedName columnList? matchClause? referentialAction*
  | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (LPAREN sequenceOption+ RPAREN)?
  | GENERATED ALWAYS AS LPAREN expr RPAREN STORED
  ;

constraintAttribute
  : NOT? DEFERRABLE
  | INITIALLY (DEFERRED | IMMEDIATE)
  | NOT VALID
  | NO INHERIT
  ;

tableConstraint
  : (CONSTRAINT name=identifier)? tableConstraintBody constraintAttribute*
  ;

tableConstraintBody
  : CHECK LPAREN expr RPAREN
  | UNIQUE nullsDistinct? columnList includeClause? indexParameters
  | PRIMARY KEY columnList includeClause? indexParameters
  | UNIQUE USING INDEX identifier
  | PRIMARY KEY USING INDEX identifier
  | EXCLUDE (USING method=identifier)? LPAREN exclusionElem (COMMA exclusionElem)* RPAREN
    includeClause? indexParameters (WHERE LPAREN expr RPAREN)?
  | FOREIGN KEY columnList REFERENCES qualifiedName columnList? matchClause?
    referentialAction*
  ;

nullsDistinct: NULLS NOT? DISTINCT;

indexParameters: withOptions? (USING INDEX TABLESPACE identifier)?;

includeClause: INCLUDE columnList;

exclusionElem: indexElem WITH (anyOperator | OPERATOR LPAREN anyOperator RPAREN);

matchClause: MATCH (FULL | PARTIAL | identifier);

referentialAction
  : ON (DELETE | UPDATE) referentialActionKind
  ;

referentialActionKind
  : NO ACTION
  | RESTRICT
  | CASCADE
  | SET NULL_P columnList?
  | SET DEFAULT columnList?
  ;

columnList: LPAREN identifier (COMMA identifier)* RPAREN;

withOptions: WITH LPAREN option (COMMA option)* RPAREN;

option: optionName (EQ optionValue)?;

optionName: identifier (DOT identifier)?;

optionValue: signedNumber | STRING | identifier | TRUE | FALSE | ON;

//===----------------------------------------------------------------------===//
// CREATE INDEX
//===----------------------------------------------------------------------===//

createIndexStmt
  : CREATE UNIQUE? INDEX CONCURRENTLY? ifNotExists? (name=identifier)?
    ON ONLY? qualifiedName (USING method=identifier)?
    LPAREN indexElem (COMMA indexElem)* RPAREN includeClause? nullsDistinct?
    withOptions? (TABLESPACE tablespace=identifier)? (WHERE expr)?
  ;

indexElem
  : (funcCall | sqlSyntaxFunc | identifier | LPAREN expr RPAREN) (COLLATE anyName)?
    (opclass=anyName (LPAREN option (COMMA option)* RPAREN)?)?
    (ASC | DESC)? (NULLS (FIRST | LAST))?
  ;

//===----------------------------------------------------------------------===//
// Sequences
//===----------------------------------------------------------------------===//

createSequenceStmt
  : CREATE (TEMPORARY | TEMP | UNLOGGED)? SEQUENCE ifNotExists? qualifiedName
    sequenceOption*
  ;

sequenceOption
  : AS typeName
  | INCREMENT BY? signedNumber
  | MINVALUE signedNumber
  | NO MINVALUE
  | MAXVALUE signedNumber
  | NO MAXVALUE
  | START WITH? signedNumber
  | RESTART (WITH? signedNumber)?
  | CACHE signedNumber
  | NO? CYCLE
  | OWNED BY anyName
  | SEQUENCE identifier anyName               // SEQUENCE NAME x in identity options
  ;

alterSequenceStmt
  : ALTER SEQUENCE ifExists? qualifiedName sequenceOption+
  ;

//===----------------------------------------------------------------------===//
// Views
//===----------------------------------------------------------------------===//

createViewStmt
  : CREATE (OR REPLACE)? (TEMPORARY | TEMP)? VIEW qualifiedName
    columnList? withOptions? AS query=anyTokens
  | CREATE MATERIALIZED VIEW ifNotExists? qualifiedName columnList?
    (USING identifier)? withOptions? (TABLESPACE identifier)? AS query=anyTokens
  ;

// The rest of the statement, kept as token text (a query, WITH [NO] DATA).
anyTokens: (~SEMI)+;

//===----------------------------------------------------------------------===//
// GRANT / REVOKE
//===----------------------------------------------------------------------===//

// Privileges on tables, columns, sequences, functions, schemas and types;
// the splitter ignores the other targets and role memberships. OPTION,
// PRIVILEGES, GRANTED, USAGE, TABLES, ... are not keywords: the builder
// checks their words.
grantStmt
  : GRANT privilegeList ON privilegeTarget TO grantee (COMMA grantee)*
    (WITH GRANT grantOption=identifier)? (granted=identifier BY roleSpec)?
  ;

revokeStmt
  : REVOKE (GRANT grantOption=identifier FOR)? privilegeList ON privilegeTarget
    FROM grantee (COMMA grantee)* (granted=identifier BY roleSpec)?
    (CASCADE | RESTRICT)?
  ;

privilegeList
  : ALL privileges=identifier? columnList?
  | privilege (COMMA privilege)*
  ;

privilege
  : (SELECT | INSERT | UPDATE | DELETE | TRUNCATE | REFERENCES | TRIGGER
    | EXECUTE | CREATE | TEMPORARY | TEMP | identifier) columnList?
  ;

privilegeTarget
  : TABLE? qualifiedName (COMMA qualifiedName)*                       #onTables
  | SEQUENCE qualifiedName (COMMA qualifiedName)*                     #onSequences
  | SCHEMA identifier (COMMA identifier)*                             #onSchemas
  | (TYPE | DOMAIN) qualifiedName (COMMA qualifiedName)*              #onTypes
  | ALL kind=identifier IN SCHEMA identifier (COMMA identifier)*     #onAllInSchema
  // Last: ROUTINE is an identifier, and so are SCHEMA and TYPE.
  | (FUNCTION | PROCEDURE | routine=identifier) routineRef (COMMA routineRef)* #onRoutines
  ;

routineRef: qualifiedName (LPAREN funcArgs RPAREN)?;

grantee: GROUP? roleSpec;

//===----------------------------------------------------------------------===//
// Types and domains
//===----------------------------------------------------------------------===//

createTypeStmt
  : CREATE TYPE qualifiedName AS ENUM LPAREN (STRING (COMMA STRING)*)? RPAREN
  | CREATE TYPE qualifiedName AS LPAREN (compositeAttribute (COMMA compositeAttribute)*)? RPAREN
  | CREATE TYPE qualifiedName AS RANGE LPAREN rangeOption (COMMA rangeOption)* RPAREN
  | CREATE TYPE qualifiedName (LPAREN balanced* RPAREN)?
  ;

compositeAttribute: identifier typeName (COLLATE anyName)?;

// SUBTYPE = type, SUBTYPE_OPCLASS = class, COLLATION = collation,
// CANONICAL = function, SUBTYPE_DIFF = function, MULTIRANGE_TYPE_NAME = name:
// each value is a (qualified) name, a type for SUBTYPE.
rangeOption: (identifier | COLLATION) EQ typeName;

createDomainStmt
  : CREATE DOMAIN qualifiedName AS? typeName domainConstraint*
  ;

// PostgreSQL takes NOT VALID only in ALTER DOMAIN ... ADD (pg_dump's form
// for a constraint not validated yet).
domainConstraint
  : COLLATE anyName
  | (CONSTRAINT name=identifier)? (NOT NULL_P | NULL_P | CHECK LPAREN expr RPAREN | DEFAULT bExpr)
  ;

alterDomainStmt
  : ALTER DOMAIN qualifiedName
    ( ADD (CONSTRAINT name=identifier)? CHECK LPAREN expr RPAREN (NOT VALID)?
    | DROP CONSTRAINT ifExists? name=identifier dropBehavior?
    | VALIDATE CONSTRAINT name=identifier
    | SET DEFAULT bExpr
    | DROP DEFAULT
    | (SET | DROP) NOT NULL_P
    )
  ;

//===----------------------------------------------------------------------===//
// Functions and procedures
//===----------------------------------------------------------------------===//

createFunctionStmt
  : CREATE (OR REPLACE)? (FUNCTION | PROCEDURE) qualifiedName
    LPAREN args=funcArgs RPAREN
    (RETURNS (TABLE LPAREN returnsTable=funcArgs RPAREN | returnType=typeName))?
    functionOption*
  ;

functionOption
  : LANGUAGE (identifier | STRING)
  | IMMUTABLE | STABLE | VOLATILE
  | STRICT | CALLED ON NULL_P INPUT | RETURNS NULL_P ON NULL_P INPUT
  | EXTERNAL? SECURITY (DEFINER | INVOKER)
  | NOT? LEAKPROOF
  | PARALLEL identifier
  | COST signedNumber
  | ROWS signedNumber
  | SET optionName (TO | EQ) setValue (COMMA setValue)*
  | SET optionName FROM CURRENT
  | AS body=stringLiteral (COMMA stringLiteral)?
  | RETURN expr
  | BEGIN ATOMIC atomicBody END
  ;

// A SQL-standard body: statements up to the END matching BEGIN ATOMIC.
atomicBody: (CASE atomicBody END | BEGIN atomicBody END | ~(END | CASE | BEGIN))*;

funcArgs: (funcArgDef (COMMA funcArgDef)*)?;

// PostgreSQL takes the mode before or after the name: OUT a int, a OUT int.
funcArgDef: (argMode? identifier? | identifier argMode) typeName ((DEFAULT | EQ) expr)?;

argMode: IN | OUT | INOUT | VARIADIC;

setValue: signedNumber | STRING | identifier | ON | TRUE | FALSE | DEFAULT;

balancedTokens: balanced*;

balanced
  : LPAREN balanced* RPAREN
  | ~(LPAREN | RPAREN | SEMI)
  ;

//===----------------------------------------------------------------------===//
// Triggers and policies
//===----------------------------------------------------------------------===//

createTriggerStmt
  : CREATE (OR REPLACE)? CONSTRAINT? TRIGGER name=identifier
    (BEFORE | AFTER | INSTEAD OF) triggerEvent (OR triggerEvent)*
    ON qualifiedName (FROM qualifiedName)? constraintAttribute*
    (REFERENCING triggerTransition+)?
    (FOR EACH? (ROW | STATEMENT))?
    (WHEN LPAREN expr RPAREN)?
    EXECUTE (FUNCTION | PROCEDURE) func=qualifiedName
    LPAREN (triggerArg (COMMA triggerArg)*)? RPAREN
  ;

triggerEvent
  : INSERT
  | UPDATE (OF identifier (COMMA identifier)*)?
  | DELETE
  | TRUNCATE
  ;

triggerTransition: (OLD | NEW) TABLE AS? identifier;

triggerArg: signedNumber | STRING | identifier;

createPolicyStmt
  : CREATE POLICY name=identifier ON qualifiedName
    (AS (PERMISSIVE | RESTRICTIVE))?
    (FOR (ALL | SELECT | INSERT | UPDATE | DELETE))?
    (TO roleSpec (COMMA roleSpec)*)?
    (USING LPAREN usingExpr=expr RPAREN)?
    (WITH CHECK LPAREN checkExpr=expr RPAREN)?
  ;

roleSpec: identifier | CURRENT_USER | SESSION_USER | CURRENT_ROLE;

//===----------------------------------------------------------------------===//
// ALTER
//===----------------------------------------------------------------------===//

alterTableStmt
  : ALTER TABLE ifExists? ONLY? qualifiedName STAR? alterTableCmd (COMMA alterTableCmd)*
  | ALTER TABLE ifExists? ONLY? qualifiedName ATTACH PARTITION partition=qualifiedName
    partitionBound
  | ALTER TABLE ifExists? ONLY? qualifiedName DETACH PARTITION partition=qualifiedName
    (CONCURRENTLY | FINALIZE)?
  | ALTER TABLE ifExists? ONLY? qualifiedName RENAME COLUMN? from=identifier TO to=identifier
  | ALTER TABLE ifExists? ONLY? qualifiedName RENAME CONSTRAINT from=identifier TO to=identifier
  | ALTER TABLE ifExists? qualifiedName RENAME TO newName=identifier
  | ALTER TABLE ifExists? qualifiedName SET SCHEMA newSchema=identifier
  ;

alterTableCmd
  : ADD COLUMN? ifNotExists? columnDef                             #addColumn
  | ADD tableConstraint                                            #addConstraint
  | DROP COLUMN? ifExists? identifier dropBehavior?                #dropColumn
  | DROP CONSTRAINT ifExists? identifier dropBehavior?             #dropConstraint
  | ALTER COLUMN? identifier alterColumnCmd                        #alterColumn
  | OWNER TO roleSpec                                              #ownerTo
  | (ENABLE | DISABLE | NO? FORCE) ROW LEVEL SECURITY              #rowSecurity
  | REPLICA IDENTITY (DEFAULT | FULL | NOTHING | USING INDEX identifier) #replicaIdentity
  | CLUSTER ON identifier                                          #clusterOn
  | SET WITHOUT CLUSTER                                            #setWithoutCluster
  | SET (LOGGED | UNLOGGED)                                        #setLogged
  | SET LPAREN option (COMMA option)* RPAREN                       #setOptions
  | RESET LPAREN optionName (COMMA optionName)* RPAREN             #resetOptions
  | SET TABLESPACE identifier                                      #setTablespace
  | VALIDATE CONSTRAINT identifier                                 #validateConstraint
  | (ENABLE | DISABLE) (ALWAYS | REPLICA)? TRIGGER (identifier | ALL | USER) #enableTrigger
  | NO? INHERIT qualifiedName                                      #inherit
  ;

alterColumnCmd
  : (SET DATA)? TYPE typeName (COLLATE anyName)? (USING expr)?    #alterColumnType
  | SET DEFAULT expr                                              #setDefault
  | DROP DEFAULT                                                  #dropDefault
  | SET NOT NULL_P                                                  #setNotNull
  | DROP NOT NULL_P                                                 #dropNotNull
  | ADD GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY
    (LPAREN sequenceOption+ RPAREN)?                              #addIdentity
  | DROP IDENTITY ifExists?                                       #dropIdentity
  | SET STATISTICS signedNumber                                   #setStatistics
  | SET STORAGE identifier                                        #setStorage
  | SET LPAREN option (COMMA option)* RPAREN                      #setColumnOptions
  | RESET LPAREN optionName (COMMA optionName)* RPAREN            #resetColumnOptions
  ;

dropBehavior: CASCADE | RESTRICT;

alterTypeStmt
  : ALTER TYPE qualifiedName ADD VALUE ifNotExists? STRING ((BEFORE | AFTER) STRING)?
  | ALTER TYPE qualifiedName RENAME VALUE STRING TO STRING
  | ALTER TYPE qualifiedName alterAttributeCmd (COMMA alterAttributeCmd)*
  | ALTER TYPE qualifiedName RENAME ATTRIBUTE from=identifier TO to=identifier dropBehavior?
  | ALTER TYPE qualifiedName SET LPAREN option (COMMA option)* RPAREN
  ;

alterAttributeCmd
  : ADD ATTRIBUTE identifier typeName (COLLATE anyName)? dropBehavior?       #addAttribute
  | DROP ATTRIBUTE ifExists? identifier dropBehavior?                        #dropAttribute
  | ALTER ATTRIBUTE identifier (SET DATA)? TYPE typeName (COLLATE anyName)? dropBehavior? #alterAttribute
  ;

// ALTER <object> ... RENAME, for the objects ALTER TABLE does not rename.
renameStmt
  : ALTER SCHEMA identifier RENAME TO newName=identifier
  | ALTER (INDEX | SEQUENCE | VIEW | MATERIALIZED VIEW) ifExists? qualifiedName
    RENAME TO newName=identifier
  | ALTER (VIEW | MATERIALIZED VIEW) ifExists? qualifiedName
    RENAME COLUMN? from=identifier TO to=identifier
  | ALTER (TYPE | DOMAIN) qualifiedName RENAME TO newName=identifier
  | ALTER DOMAIN qualifiedName RENAME CONSTRAINT from=identifier TO to=identifier
  | ALTER (FUNCTION | PROCEDURE) qualifiedName (LPAREN funcArgs RPAREN)?
    RENAME TO newName=identifier
  | ALTER (TRIGGER | POLICY) name=identifier ON qualifiedName RENAME TO newName=identifier
  ;

// ALTER <object> name OWNER TO role, for the objects the IR gives an owner.
alterOwnerStmt
  : ALTER (SCHEMA | TYPE | DOMAIN | SEQUENCE | VIEW | MATERIALIZED VIEW)
    qualifiedName OWNER TO roleSpec
  | ALTER (FUNCTION | PROCEDURE) qualifiedName (LPAREN funcArgs RPAREN)?
    OWNER TO roleSpec   // the splitter sends only this ALTER FUNCTION form
  ;

//===----------------------------------------------------------------------===//
// COMMENT ON and DROP
//===----------------------------------------------------------------------===//

commentStmt
  : COMMENT ON commentTarget IS (STRING | ESTRING | USTRING | DOLLAR_STRING | NULL_P)
  ;

commentTarget
  : (SCHEMA | EXTENSION) identifier                                  #commentOnSimple
  | (TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | INDEX | TYPE | DOMAIN)
    qualifiedName                                                  #commentOnRelation
  | COLUMN anyName                                                 #commentOnColumn
  | CONSTRAINT name=identifier ON DOMAIN? qualifiedName            #commentOnConstraint
  | (TRIGGER | POLICY) name=identifier ON qualifiedName            #commentOnTableChild
  | (FUNCTION | PROCEDURE) qualifiedName (LPAREN funcArgs RPAREN)?   #commentOnFunction
  ;

dropStmt
  : DROP (TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | INDEX CONCURRENTLY? | TYPE | DOMAIN
         | SCHEMA | EXTENSION)
    ifExists? qualifiedName (COMMA qualifiedName)* dropBehavior?
  | DROP (TRIGGER | POLICY) ifExists? name=identifier ON qualifiedName dropBehavior?
  | DROP (FUNCTION | PROCEDURE) ifExists? qualifiedName (LPAREN funcArgs RPAREN)?
    dropBehavior?
  ;

ifExists: IF EXISTS;
ifNotExists: IF NOT EXISTS;

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

typeName
  : SETOF? simpleTypeName (arrayBounds+ | ARRAY (LBRACKET INTEGER RBRACKET)?)?
  ;

arrayBounds: LBRACKET INTEGER? RBRACKET;

simpleTypeName
  : DOUBLE PRECISION
  | (CHARACTER | CHAR | NATIONAL (CHARACTER | CHAR) | NCHAR | BIT) VARYING? typeModifiers?
  | (TIMESTAMP | TIME) typeModifiers? ((WITH | WITHOUT) TIME ZONE)?
  | INTERVAL intervalFields? typeModifiers?
  | qualifiedName typeModifiers?
  ;

typeModifiers: LPAREN typeModifier (COMMA typeModifier)* RPAREN;

typeModifier: signedNumber | STRING | identifier;

intervalFields
  : YEAR (TO MONTH)?
  | MONTH
  | DAY (TO (HOUR | MINUTE | SECOND))?
  | HOUR (TO (MINUTE | SECOND))?
  | MINUTE (TO SECOND)?
  | SECOND
  ;

//===----------------------------------------------------------------------===//
// Expressions, with PostgreSQL's operator precedence (tightest first).
//===----------------------------------------------------------------------===//

exprList: expr (COMMA expr)*;

expr
  : primaryExpr                                                        #primary
  | expr TYPECAST typeName                                             #cast
  | expr LBRACKET expr (COLON expr?)? RBRACKET indirection?            #subscript
  | expr OVERLAPS expr                                                 #overlaps
  | <assoc=right> (PLUS | MINUS) expr                                  #unary
  | expr COLLATE anyName                                               #collate
  | expr AT TIME ZONE expr                                             #atTimeZone
  | expr CARET expr                                                    #binary
  | expr (STAR | SLASH | PERCENT) expr                                 #binary
  | expr (PLUS | MINUS) expr                                           #binary
  | expr qualOp expr                                                   #binary
  | qualOp expr                                                        #prefixOp
  | expr NOT? (LIKE | ILIKE) expr (ESCAPE expr)?                       #like
  | expr NOT? SIMILAR TO expr (ESCAPE expr)?                           #like
  | expr NOT? BETWEEN SYMMETRIC? bExpr AND expr                        #between
  | expr NOT? IN LPAREN (exprList | subquery) RPAREN                   #in
  | expr compOp (ANY | ALL | SOME) LPAREN (expr | subquery) RPAREN     #quantified
  | expr compOp expr                                                   #binary
  | expr IS NOT? (NULL_P | TRUE | FALSE | UNKNOWN | DOCUMENT | DISTINCT FROM expr | normalForm? NORMALIZED) #is
  | expr (ISNULL | NOTNULL)                                            #isNull
  | <assoc=right> NOT expr                                             #not
  | expr AND expr                                                      #binary
  | expr OR expr                                                       #binary
  ;

// PostgreSQL's b_expr: no boolean operators, IS, LIKE, IN or BETWEEN (used
// where a following NOT NULL_P or AND would be ambiguous).
bExpr
  : primaryExpr                                                        #bPrimary
  | bExpr TYPECAST typeName                                            #bCast
  | <assoc=right> (PLUS | MINUS) bExpr                                 #bUnary
  | bExpr CARET bExpr                                                  #bBinary
  | bExpr (STAR | SLASH | PERCENT) bExpr                               #bBinary
  | bExpr (PLUS | MINUS) bExpr                                         #bBinary
  | bExpr qualOp bExpr                                                 #bBinary
  | qualOp bExpr                                                       #bPrefixOp
  | bExpr compOp bExpr                                                 #bBinary
  | bExpr IS NOT? DISTINCT FROM bExpr                                  #bIs
  ;

compOp: EQ | NE | LT | GT | LE | GE;

qualOp: OP | OPERATOR LPAREN anyOperator RPAREN;

anyOperator: (identifier DOT)* allOp;

allOp: OP | EQ | NE | LT | GT | LE | GE | PLUS | MINUS | STAR | SLASH | PERCENT | CARET;

primaryExpr
  : constant                                                           #constExpr
  | typedLiteral                                                       #typedLiteralExpr
  | PARAM indirection?                                                 #paramExpr
  | LPAREN expr (COMMA exprList RPAREN | RPAREN indirection?)          #parenExpr
  | LPAREN subquery RPAREN                                             #subqueryExpr
  | EXISTS LPAREN subquery RPAREN                                      #existsExpr
  | ROW LPAREN exprList? RPAREN                                        #rowExpr
  | ARRAY arrayLiteral                                                 #arrayExpr
  | ARRAY LPAREN subquery RPAREN                                       #arraySubqueryExpr
  | CASE expr? (WHEN expr THEN expr)+ (ELSE expr)? END                 #caseExpr
  | CAST LPAREN expr AS typeName RPAREN                                #castFunc
  | EXTRACT LPAREN extractField FROM expr RPAREN                       #extractExpr
  | sqlSyntaxFunc                                                      #sqlSyntaxFuncExpr
  | sqlValueFunction                                                   #sqlValueExpr
  | funcCall                                                           #funcExpr
  | columnRef                                                          #columnRefExpr
  ;

// Field selection: (address).zip, (row).*, $1.name, items[1].price.
indirection: (DOT (identifier | STAR))+;

arrayLiteral: LBRACKET ((expr | arrayLiteral) (COMMA (expr | arrayLiteral))*)? RBRACKET;

// The functions PostgreSQL gives a syntax of their own (func_expr_common_subexpr),
// besides CAST and EXTRACT. Their plain call forms, substring(x, 1, 2) and
// overlay(a, b, 1), are funcCall.
sqlSyntaxFunc
  : POSITION LPAREN bExpr IN bExpr RPAREN
  | SUBSTRING LPAREN expr (FROM expr (FOR expr)? | FOR expr (FROM expr)? | SIMILAR expr ESCAPE expr) RPAREN
  | TRIM LPAREN (BOTH | LEADING | TRAILING)? (FROM exprList | expr (FROM exprList | (COMMA expr)*)) RPAREN
  | OVERLAY LPAREN expr PLACING expr FROM expr (FOR expr)? RPAREN
  | NORMALIZE LPAREN expr (COMMA normalForm)? RPAREN
  | COLLATION FOR LPAREN expr RPAREN
  ;

normalForm: NFC | NFD | NFKC | NFKD;

extractField: identifier | YEAR | MONTH | DAY | HOUR | MINUTE | SECOND | STRING;

subquery: (SELECT | VALUES | WITH) balanced*;

funcCall
  : funcName LPAREN (STAR | (DISTINCT | ALL)? funcArg (COMMA funcArg)* (ORDER BY sortBy (COMMA sortBy)*)?)? RPAREN
    (WITHIN GROUP LPAREN ORDER BY sortBy (COMMA sortBy)* RPAREN)?
    (FILTER LPAREN WHERE expr RPAREN)?
    (OVER (identifier | LPAREN balanced* RPAREN))?
  ;

funcArg: (identifier (EQUALS_GREATER | COLON_EQUALS))? expr | VARIADIC expr;

sortBy: expr (ASC | DESC)? (NULLS (FIRST | LAST))?;

funcName: qualifiedName | funcNameKeyword | identifier DOT funcNameKeyword;

funcNameKeyword
  : AUTHORIZATION | COLLATION | CURRENT_SCHEMA
  ;

sqlValueFunction
  : CURRENT_DATE
  | (CURRENT_TIME | CURRENT_TIMESTAMP | LOCALTIME | LOCALTIMESTAMP) (LPAREN INTEGER RPAREN)?
  | CURRENT_ROLE | CURRENT_USER | SESSION_USER | USER | CURRENT_CATALOG | CURRENT_SCHEMA
  ;

typedLiteral
  : INTERVAL stringLiteral intervalFields?
  | INTERVAL LPAREN INTEGER RPAREN stringLiteral
  | (TIMESTAMP | TIME) (LPAREN INTEGER RPAREN)? ((WITH | WITHOUT) TIME ZONE)? stringLiteral
  | DOUBLE PRECISION stringLiteral
  | (CHARACTER | CHAR | BIT) VARYING? typeModifiers? stringLiteral
  | qualifiedName stringLiteral
  ;

columnRef: identifier (DOT (identifier | STAR))*;

constant
  : signedNumberUnsigned
  | stringLiteral
  | BSTRING
  | XSTRING
  | TRUE
  | FALSE
  | NULL_P
  ;

signedNumberUnsigned: INTEGER | NUMERIC;

stringLiteral: STRING | ESTRING | USTRING | DOLLAR_STRING;

signedNumber: (PLUS | MINUS)? (INTEGER | NUMERIC);

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

qualifiedName: identifier (DOT identifier)?;

anyName: identifier (DOT identifier)*;

// Every keyword PostgreSQL lets a column be named (unreserved and column-name
// keywords), and the plain identifier forms.
identifier
  : IDENT
  | QUOTED_IDENT
  | UQUOTED_IDENT
  | ACTION | ADD | AFTER | ALTER | ALWAYS | AT | ATOMIC | ATTACH | ATTRIBUTE | BEFORE | BEGIN | BIT | BY
  | CACHE | CALLED | CASCADE | CHAR | CHARACTER | CLUSTER | COMMENT | CONSTRAINTS | COST
  | CURRENT | CYCLE | DATA | DAY | DEFERRED | DEFINER | DELETE | DETACH | DISABLE | DOCUMENT
  | DOMAIN | DOUBLE | DROP | EACH | ENABLE | ENUM | ESCAPE | EXCLUDE | EXECUTE | EXTENSION
  | EXTERNAL | EXTRACT | FILTER | FINALIZE | FIRST | FORCE | FUNCTION | GENERATED | HOUR
  | IDENTITY | IF | IMMEDIATE | IMMUTABLE | INCLUDE | INCREMENT | INDEX | INHERIT | INHERITS
  | INPUT | INSERT | INSTEAD | INTERVAL | INVOKER | KEY | LANGUAGE | LAST | LEAKPROOF | LEVEL
  | LOCAL | LOGGED | MATCH | MATERIALIZED | MAXVALUE | MINUTE | MINVALUE | MONTH | NATIONAL
  | NCHAR | NEW | NFC | NFD | NFKC | NFKD | NO | NORMALIZE | NORMALIZED | NOTHING | NULLS | OF
  | OLD | OPERATOR | OVER | OVERLAY | OWNED | OWNER | PARALLEL | PARTIAL | PARTITION | PERMISSIVE
  | POLICY | POSITION | PRECISION | PROCEDURE | RANGE | REFERENCING
  | RENAME | REPLACE | REPLICA | RESET | RESTART | RESTRICT | RESTRICTIVE | RETURN | RETURNS | REVOKE
  | ROW | ROWS | SCHEMA | SECOND | SECURITY | SEQUENCE | SETOF | SET | STABLE | START
  | STATEMENT | STATISTICS | STORAGE | STORED | STRICT | SUBSTRING | TABLESPACE | TEMP | TEMPORARY
  | TIME | TIMESTAMP | TRIGGER | TRIM | TRUNCATE | TYPE | UNKNOWN | UNLOGGED | UPDATE | VALID | VALIDATE
  | VALUE | VARYING | VIEW | VOLATILE | WITHIN | WITHOUT | YEAR | ZONE
  ;
