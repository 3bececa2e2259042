//! The reference parser's grammar as data: its terminals (numbered and named as its
//! parser generator numbers and names them, which fixes the wording and order of
//! `expecting ...` lists), operator precedences, and productions in the order it
//! declares them (the order breaks ties when choosing a state's default reduction).

/// Declares the terminals in the reference's numbering: the three built-in ones,
/// then named tokens in declaration order, then character tokens in order of first
/// use. Each has the name the grammar uses and the name messages use.
macro_rules! terminals {
    ($($variant:ident $grammar:literal $shown:literal,)*) => {
        /// A terminal symbol (token kind) of the reference grammar.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Tok { $($variant),* }

        /// Every terminal with its grammar name and its name in messages, indexed by `Tok as usize`.
        pub const TERMINALS: &[(Tok, &str, &str)] = &[$((Tok::$variant, $grammar, $shown)),*];
    };
}

terminals! {
    End "$end" "end of file",
    Error "error" "error",
    Invalid "$undefined" "invalid token",
    Id "ID" "identifier",
    Str "STR" "string",
    IndStr "IND_STR" "indented string",
    Int "INT_LIT" "integer",
    Float "FLOAT_LIT" "floating-point literal",
    Path "PATH" "path",
    HPath "HPATH" "'~/…' path",
    SPath "SPATH" "'<…>' path",
    PathEnd "PATH_END" "end of path",
    Uri "URI" "URI",
    If "IF" "'if'",
    Then "THEN" "'then'",
    Else "ELSE" "'else'",
    Assert "ASSERT" "'assert'",
    With "WITH" "'with'",
    Let "LET" "'let'",
    In "IN_KW" "'in'",
    Rec "REC" "'rec'",
    Inherit "INHERIT" "'inherit'",
    Eq "EQ" "'=='",
    Neq "NEQ" "'!='",
    Leq "LEQ" "'<='",
    Geq "GEQ" "'>='",
    Update "UPDATE" "'//'",
    Concat "CONCAT" "'++'",
    And "AND" "'&&'",
    Or "OR" "'||'",
    Impl "IMPL" "'->'",
    OrKw "OR_KW" "'or'",
    PipeFrom "PIPE_FROM" "'<|'",
    PipeInto "PIPE_INTO" "'|>'",
    DollarCurly "DOLLAR_CURLY" "'${'",
    IndStringOpen "IND_STRING_OPEN" "start of an indented string",
    IndStringClose "IND_STRING_CLOSE" "end of an indented string",
    Ellipsis "ELLIPSIS" "'...'",
    Lt "'<'" "'<'",
    Gt "'>'" "'>'",
    Not "NOT" "NOT",
    Plus "'+'" "'+'",
    Minus "'-'" "'-'",
    Star "'*'" "'*'",
    Slash "'/'" "'/'",
    Question "'?'" "'?'",
    Negate "NEGATE" "NEGATE",
    Colon "':'" "':'",
    At "'@'" "'@'",
    Semicolon "';'" "';'",
    Bang "'!'" "'!'",
    Dot "'.'" "'.'",
    Quote "'\"'" "'\"'",
    LParen "'('" "'('",
    RParen "')'" "')'",
    LBrace "'{'" "'{'",
    RBrace "'}'" "'}'",
    LBrack "'['" "'['",
    RBrack "']'" "']'",
    Assign "'='" "'='",
    Comma "','" "','",
}

impl Tok {
    /// How messages name this terminal.
    pub fn shown(self) -> &'static str {
        TERMINALS[self as usize].2
    }

    /// The terminal a single character stands for, if the grammar uses it.
    pub fn of_char(c: u8) -> Option<Tok> {
        static BY_CHAR: std::sync::OnceLock<[Option<Tok>; 256]> = std::sync::OnceLock::new();
        BY_CHAR.get_or_init(|| {
            let mut table = [None; 256];
            for (tok, name, _) in TERMINALS {
                if let [b'\'', c, b'\''] = name.as_bytes() {
                    table[*c as usize] = Some(*tok);
                }
            }
            table
        })[c as usize]
    }
}

/// How operators of equal precedence group.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Assoc {
    Left,
    Right,
    Nonassoc,
}

/// Precedence levels, lowest first.
pub const PRECEDENCE: &[(Assoc, &[&str])] = &[
    (Assoc::Right, &["IMPL"]),
    (Assoc::Left, &["OR"]),
    (Assoc::Left, &["AND"]),
    (Assoc::Nonassoc, &["EQ", "NEQ"]),
    (Assoc::Nonassoc, &["'<'", "'>'", "LEQ", "GEQ"]),
    (Assoc::Right, &["UPDATE"]),
    (Assoc::Left, &["NOT"]),
    (Assoc::Left, &["'+'", "'-'"]),
    (Assoc::Left, &["'*'", "'/'"]),
    (Assoc::Right, &["CONCAT"]),
    (Assoc::Nonassoc, &["'?'"]),
    (Assoc::Nonassoc, &["NEGATE"]),
];

/// The productions: `lhs: alternative | alternative ...`, an alternative being
/// grammar symbol names, possibly `%empty`, possibly ending in `%prec TOKEN`.
/// The first nonterminal is the start symbol.
pub const PRODUCTIONS: &str = r#"
start: expr
expr: expr_function
expr_function: ID ':' expr_function
  | formal_set ':' expr_function
  | formal_set '@' ID ':' expr_function
  | ID '@' formal_set ':' expr_function
  | ASSERT expr ';' expr_function
  | WITH expr ';' expr_function
  | LET binds IN_KW expr_function
  | expr_if
expr_if: IF expr THEN expr ELSE expr
  | expr_pipe_from
  | expr_pipe_into
  | expr_op
expr_pipe_from: expr_op PIPE_FROM expr_pipe_from
  | expr_op PIPE_FROM expr_op
expr_pipe_into: expr_pipe_into PIPE_INTO expr_op
  | expr_op PIPE_INTO expr_op
expr_op: '!' expr_op %prec NOT
  | '-' expr_op %prec NEGATE
  | expr_op EQ expr_op
  | expr_op NEQ expr_op
  | expr_op '<' expr_op
  | expr_op LEQ expr_op
  | expr_op '>' expr_op
  | expr_op GEQ expr_op
  | expr_op AND expr_op
  | expr_op OR expr_op
  | expr_op IMPL expr_op
  | expr_op UPDATE expr_op
  | expr_op '?' attrpath
  | expr_op '+' expr_op
  | expr_op '-' expr_op
  | expr_op '*' expr_op
  | expr_op '/' expr_op
  | expr_op CONCAT expr_op
  | expr_app
expr_app: expr_app expr_select
  | expr_select
expr_select: expr_simple '.' attrpath
  | expr_simple '.' attrpath OR_KW expr_select
  | expr_simple OR_KW
  | expr_simple
expr_simple: ID
  | INT_LIT
  | FLOAT_LIT
  | '"' string_parts '"'
  | IND_STRING_OPEN ind_string_parts IND_STRING_CLOSE
  | path_start PATH_END
  | path_start string_parts_interpolated PATH_END
  | SPATH
  | URI
  | '(' expr ')'
  | LET '{' binds '}'
  | REC '{' binds '}'
  | '{' binds1 '}'
  | '{' '}'
  | '[' list ']'
string_parts: STR
  | string_parts_interpolated
  | %empty
string_parts_interpolated: string_parts_interpolated STR
  | string_parts_interpolated DOLLAR_CURLY expr '}'
  | DOLLAR_CURLY expr '}'
  | STR DOLLAR_CURLY expr '}'
path_start: PATH
  | HPATH
ind_string_parts: ind_string_parts IND_STR
  | ind_string_parts DOLLAR_CURLY expr '}'
  | %empty
binds: binds1
  | %empty
binds1: binds1 attrpath '=' expr ';'
  | binds INHERIT attrs ';'
  | binds INHERIT '(' expr ')' attrs ';'
  | attrpath '=' expr ';'
attrs: attrs attr
  | attrs string_attr
  | %empty
attrpath: attrpath '.' attr
  | attrpath '.' string_attr
  | attr
  | string_attr
attr: ID
  | OR_KW
string_attr: '"' string_parts '"'
  | DOLLAR_CURLY expr '}'
list: list expr_select
  | %empty
formal_set: '{' formals ',' ELLIPSIS '}'
  | '{' ELLIPSIS '}'
  | '{' formals ',' '}'
  | '{' formals '}'
  | '{' '}'
formals: formals ',' formal
  | formal
formal: ID
  | ID '?' expr
"#;
