// PostgreSQL DDL lexer for bk's SQL front end (lib/SQL). See README.md.
//
// This grammar is the specification of the tokens. The front end lexes with
// a hand-written implementation of it (lib/SQL/Lexer.cpp, far faster than
// ANTLR's lexer simulation) whose keyword table is read from the rules
// below; the ANTLR lexer generated from this file is the reference the unit
// tests and the SQL fuzzer compare it with, token for token.
//
// ANTLR 4.7.2 has no caseInsensitive option: every keyword is spelled with
// per-letter fragments. Keyword tokens only exist for words the parser
// needs; every other word is an IDENT. Keywords that may also be names are
// listed in the parser's `identifier` rule.
lexer grammar PostgreSQLLexer;

@lexer::members {
  /// Called after the opening tag of a dollar-quoted string: consumes
  /// input up to and including the matching closing tag (or to the end of
  /// input, which the parser then reports as an unterminated string).
  void consumeDollarBody() {
    std::string Text = getText();
    // Compared as code points (the input stream's units).
    auto Tag = antlrcpp::utf8_to_utf32(Text.data(), Text.data() + Text.size());
    auto *Sim = getInterpreter<antlr4::atn::LexerATNSimulator>();
    size_t N = Tag.size();
    size_t Matched = 0;
    while (_input->LA(1) != antlr4::IntStream::EOF) {
      size_t C = _input->LA(1);
      Sim->consume(_input);
      if (C == static_cast<size_t>(Tag[Matched])) {
        if (++Matched == N)
          return;
      } else {
        Matched = (C == '$') ? 1 : 0;
      }
    }
    setType(UNTERMINATED_DOLLAR);
  }

  /// Called after '/*': consumes the comment's body up to the '*/' that
  /// closes it, counting nested '/*' as PostgreSQL does. An unclosed one
  /// runs to the end of input and becomes UNTERMINATED_COMMENT, which the
  /// parser reports.
  void consumeBlockComment() {
    auto *Sim = getInterpreter<antlr4::atn::LexerATNSimulator>();
    size_t Depth = 1;
    while (_input->LA(1) != antlr4::IntStream::EOF) {
      size_t C = _input->LA(1), D = _input->LA(2);
      if (C == '/' && D == '*') {
        ++Depth;
      } else if (C == '*' && D == '/') {
        if (--Depth == 0) {
          Sim->consume(_input);
          Sim->consume(_input);
          setChannel(HIDDEN);
          return;
        }
      } else {
        Sim->consume(_input);
        continue;
      }
      Sim->consume(_input);
      Sim->consume(_input);
    }
    setType(UNTERMINATED_COMMENT);
  }

  /// Whether the operator being matched, from the token's start to here,
  /// is as long as PostgreSQL's scanner makes it (scan.l, rule {operator}):
  /// a run of operator characters, cut before an embedded '/*' or '--',
  /// and without trailing '+' or '-' unless it holds one of ~!@#^&|`?%.
  bool operatorEndsHere() {
    // The whole run of operator characters from the token's start.
    size_t Here = _input->index();
    auto At = [&](size_t J) -> size_t {
      return J >= Here ? _input->LA(static_cast<ssize_t>(J - Here + 1))
                       : _input->LA(-static_cast<ssize_t>(Here - J));
    };
    std::string Run;
    for (size_t J = tokenStartCharIndex;; ++J) {
      size_t C = At(J);
      if (C >= 0x80 || !isOperatorChar(static_cast<char>(C)))
        break;
      Run += static_cast<char>(C);
    }
    size_t N = Run.size();
    for (size_t I = 0; I + 1 < N; ++I)
      if ((Run[I] == '/' && Run[I + 1] == '*') ||
          (Run[I] == '-' && Run[I + 1] == '-')) {
        N = I;
        break;
      }
    if (N > 1 && (Run[N - 1] == '+' || Run[N - 1] == '-')) {
      bool Special = false;
      for (size_t I = 0; I + 1 < N; ++I)
        if (std::string("~!@#^&|`?%").find(Run[I]) != std::string::npos)
          Special = true;
      if (!Special)
        do
          --N;
        while (N > 1 && (Run[N - 1] == '+' || Run[N - 1] == '-'));
    }
    return _input->index() - tokenStartCharIndex == N;
  }

  static bool isOperatorChar(char C) {
    return C && std::string("+-*/<>=~!@#%^&|`?").find(C) != std::string::npos;
  }
}

tokens { UNTERMINATED_DOLLAR, UNTERMINATED_COMMENT }

// Keywords (case-insensitive).
ACTION: A C T I O N;
ADD: A D D;
AFTER: A F T E R;
ALL: A L L;
ALTER: A L T E R;
ALWAYS: A L W A Y S;
AND: A N D;
ANY: A N Y;
ARRAY: A R R A Y;
AS: A S;
ASC: A S C;
AT: A T;
ATOMIC: A T O M I C;
ATTACH: A T T A C H;
ATTRIBUTE: A T T R I B U T E;
AUTHORIZATION: A U T H O R I Z A T I O N;
BEFORE: B E F O R E;
BEGIN: B E G I N;
BETWEEN: B E T W E E N;
BIT: B I T;
BOTH: B O T H;
BY: B Y;
CACHE: C A C H E;
CALLED: C A L L E D;
CASCADE: C A S C A D E;
CASE: C A S E;
CAST: C A S T;
CHAR: C H A R;
CHARACTER: C H A R A C T E R;
CHECK: C H E C K;
CLUSTER: C L U S T E R;
COLLATE: C O L L A T E;
COLLATION: C O L L A T I O N;
COLUMN: C O L U M N;
COMMENT: C O M M E N T;
CONCURRENTLY: C O N C U R R E N T L Y;
CONSTRAINT: C O N S T R A I N T;
CONSTRAINTS: C O N S T R A I N T S;
COST: C O S T;
CREATE: C R E A T E;
CURRENT: C U R R E N T;
CURRENT_CATALOG: C U R R E N T '_' C A T A L O G;
CURRENT_DATE: C U R R E N T '_' D A T E;
CURRENT_ROLE: C U R R E N T '_' R O L E;
CURRENT_SCHEMA: C U R R E N T '_' S C H E M A;
CURRENT_TIME: C U R R E N T '_' T I M E;
CURRENT_TIMESTAMP: C U R R E N T '_' T I M E S T A M P;
CURRENT_USER: C U R R E N T '_' U S E R;
CYCLE: C Y C L E;
DATA: D A T A;
DAY: D A Y;
DEFAULT: D E F A U L T;
DEFERRABLE: D E F E R R A B L E;
DEFERRED: D E F E R R E D;
DEFINER: D E F I N E R;
DELETE: D E L E T E;
DESC: D E S C;
DETACH: D E T A C H;
DISABLE: D I S A B L E;
DISTINCT: D I S T I N C T;
DOCUMENT: D O C U M E N T;
DOMAIN: D O M A I N;
DOUBLE: D O U B L E;
DROP: D R O P;
EACH: E A C H;
ELSE: E L S E;
ENABLE: E N A B L E;
END: E N D;
ENUM: E N U M;
ESCAPE: E S C A P E;
EXCLUDE: E X C L U D E;
EXECUTE: E X E C U T E;
EXISTS: E X I S T S;
EXTENSION: E X T E N S I O N;
EXTERNAL: E X T E R N A L;
EXTRACT: E X T R A C T;
FALSE: F A L S E;
FILTER: F I L T E R;
FINALIZE: F I N A L I Z E;
FIRST: F I R S T;
FOR: F O R;
FORCE: F O R C E;
FOREIGN: F O R E I G N;
FROM: F R O M;
FULL: F U L L;
FUNCTION: F U N C T I O N;
GENERATED: G E N E R A T E D;
GRANT: G R A N T;
GROUP: G R O U P;
HOUR: H O U R;
IDENTITY: I D E N T I T Y;
IF: I F;
ILIKE: I L I K E;
IMMEDIATE: I M M E D I A T E;
IMMUTABLE: I M M U T A B L E;
IN: I N;
INCLUDE: I N C L U D E;
INCREMENT: I N C R E M E N T;
INDEX: I N D E X;
INHERIT: I N H E R I T;
INHERITS: I N H E R I T S;
INITIALLY: I N I T I A L L Y;
INOUT: I N O U T;
INPUT: I N P U T;
INSERT: I N S E R T;
INSTEAD: I N S T E A D;
INTERVAL: I N T E R V A L;
INTO: I N T O;
INVOKER: I N V O K E R;
IS: I S;
ISNULL: I S N U L L;
KEY: K E Y;
LANGUAGE: L A N G U A G E;
LAST: L A S T;
LEADING: L E A D I N G;
LEAKPROOF: L E A K P R O O F;
LEVEL: L E V E L;
LIKE: L I K E;
LOCAL: L O C A L;
LOCALTIME: L O C A L T I M E;
LOCALTIMESTAMP: L O C A L T I M E S T A M P;
LOGGED: L O G G E D;
MATCH: M A T C H;
MATERIALIZED: M A T E R I A L I Z E D;
MAXVALUE: M A X V A L U E;
MINUTE: M I N U T E;
MINVALUE: M I N V A L U E;
MONTH: M O N T H;
NATIONAL: N A T I O N A L;
NCHAR: N C H A R;
NFC: N F C;
NFD: N F D;
NFKC: N F K C;
NFKD: N F K D;
NEW: N E W;
NO: N O;
NORMALIZE: N O R M A L I Z E;
NORMALIZED: N O R M A L I Z E D;
NOT: N O T;
NOTHING: N O T H I N G;
NOTNULL: N O T N U L L;
NULL_P: N U L L;
NULLS: N U L L S;
OF: O F;
OLD: O L D;
ON: O N;
ONLY: O N L Y;
OPERATOR: O P E R A T O R;
OR: O R;
ORDER: O R D E R;
OUT: O U T;
OVER: O V E R;
OVERLAPS: O V E R L A P S;
OVERLAY: O V E R L A Y;
OWNED: O W N E D;
OWNER: O W N E R;
PARALLEL: P A R A L L E L;
PARTIAL: P A R T I A L;
PARTITION: P A R T I T I O N;
PERMISSIVE: P E R M I S S I V E;
PLACING: P L A C I N G;
POLICY: P O L I C Y;
POSITION: P O S I T I O N;
PRECISION: P R E C I S I O N;
PRIMARY: P R I M A R Y;
PROCEDURE: P R O C E D U R E;
RANGE: R A N G E;
REFERENCES: R E F E R E N C E S;
REFERENCING: R E F E R E N C I N G;
RENAME: R E N A M E;
REPLACE: R E P L A C E;
REPLICA: R E P L I C A;
RESET: R E S E T;
RESTART: R E S T A R T;
RESTRICT: R E S T R I C T;
RESTRICTIVE: R E S T R I C T I V E;
RETURN: R E T U R N;
RETURNS: R E T U R N S;
REVOKE: R E V O K E;
ROW: R O W;
ROWS: R O W S;
SCHEMA: S C H E M A;
SECOND: S E C O N D;
SECURITY: S E C U R I T Y;
SELECT: S E L E C T;
SEQUENCE: S E Q U E N C E;
SESSION_USER: S E S S I O N '_' U S E R;
SET: S E T;
SETOF: S E T O F;
SIMILAR: S I M I L A R;
SOME: S O M E;
STABLE: S T A B L E;
START: S T A R T;
STATEMENT: S T A T E M E N T;
STATISTICS: S T A T I S T I C S;
STORAGE: S T O R A G E;
STORED: S T O R E D;
STRICT: S T R I C T;
SUBSTRING: S U B S T R I N G;
SYMMETRIC: S Y M M E T R I C;
TABLE: T A B L E;
TABLESPACE: T A B L E S P A C E;
TEMP: T E M P;
TEMPORARY: T E M P O R A R Y;
THEN: T H E N;
TIME: T I M E;
TIMESTAMP: T I M E S T A M P;
TO: T O;
TRAILING: T R A I L I N G;
TRIGGER: T R I G G E R;
TRIM: T R I M;
TRUE: T R U E;
TRUNCATE: T R U N C A T E;
TYPE: T Y P E;
UNIQUE: U N I Q U E;
UNKNOWN: U N K N O W N;
UNLOGGED: U N L O G G E D;
UPDATE: U P D A T E;
USER: U S E R;
USING: U S I N G;
VALID: V A L I D;
VALIDATE: V A L I D A T E;
VALUE: V A L U E;
VALUES: V A L U E S;
VARIADIC: V A R I A D I C;
VARYING: V A R Y I N G;
VIEW: V I E W;
VOLATILE: V O L A T I L E;
WHEN: W H E N;
WHERE: W H E R E;
WITH: W I T H;
WITHIN: W I T H I N;
WITHOUT: W I T H O U T;
YEAR: Y E A R;
ZONE: Z O N E;

// Layout. As in PostgreSQL, '--' and '/*' always start comments (an
// operator never contains them: see OP). Comments are kept (hidden) so
// `-- bk:` annotations can be found.
WS: [ \t\r\n\f]+ -> skip;
LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' { consumeBlockComment(); };

// Punctuation and operators. Multi-character operators PostgreSQL knows as
// tokens of their own come before the generic OP.
TYPECAST: '::';
COLON_EQUALS: ':=';
EQUALS_GREATER: '=>';
LE: '<=';
GE: '>=';
NE: '<>' | '!=';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
COMMA: ',';
SEMI: ';';
COLON: ':';
DOT: '.';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
CARET: '^';
LT: '<';
GT: '>';
EQ: '=';
// PostgreSQL's operator length (operatorEndsHere): `a=-1` is `a = -1`.
OP: OP_CHAR+ { operatorEndsHere() }?;

// Literals.
INTEGER: DIGIT+;
NUMERIC
  : DIGIT+ '.' DIGIT* EXPONENT?
  | '.' DIGIT+ EXPONENT?
  | DIGIT+ EXPONENT
  ;
STRING: '\'' ('\'\'' | ~'\'')* '\'';
ESTRING: E '\'' ('\\' . | '\'\'' | ~['\\])* '\'';
USTRING: U '&' '\'' ('\'\'' | ~'\'')* '\'';
BSTRING: B '\'' [01]* '\'';
XSTRING: X '\'' [0-9a-fA-F]* '\'';
DOLLAR_STRING: '$' DOLLAR_TAG? '$' { consumeDollarBody(); };
PARAM: '$' DIGIT+;

// Names.
IDENT: IDENT_START IDENT_CONT*;
QUOTED_IDENT: '"' ('""' | ~'"')+ '"';
UQUOTED_IDENT: U '&' '"' ('""' | ~'"')+ '"';

// psql meta-commands (\connect, \restrict ...): to the end of the line, on
// their own channel; the statement splitter warns about them.
META_COMMAND: '\\' ~[\r\n]* -> channel(2);
// Anything else becomes a token the parser rejects with a located error.
ERROR_CHAR: .;

fragment DIGIT: [0-9];
fragment EXPONENT: [eE] [+-]? DIGIT+;
fragment IDENT_START: [a-zA-Z_\u0080-\uFFFE];
fragment IDENT_CONT: [a-zA-Z_0-9$\u0080-\uFFFE];
fragment DOLLAR_TAG: [a-zA-Z_\u0080-\uFFFE] [a-zA-Z_0-9\u0080-\uFFFE]*;
fragment OP_CHAR: [+\-*/<>=~!@#%^&|`?];

fragment A: [aA];
fragment B: [bB];
fragment C: [cC];
fragment D: [dD];
fragment E: [eE];
fragment F: [fF];
fragment G: [gG];
fragment H: [hH];
fragment I: [iI];
fragment J: [jJ];
fragment K: [kK];
fragment L: [lL];
fragment M: [mM];
fragment N: [nN];
fragment O: [oO];
fragment P: [pP];
fragment Q: [qQ];
fragment R: [rR];
fragment S: [sS];
fragment T: [tT];
fragment U: [uU];
fragment V: [vV];
fragment W: [wW];
fragment X: [xX];
fragment Y: [yY];
fragment Z: [zZ];
