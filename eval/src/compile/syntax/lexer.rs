//! A tokenizer that splits source text exactly as the reference's lexer does: at each
//! point the longest match among the rules of the current mode wins (the earlier rule
//! on a tie), and strings, indented strings, interpolations and paths switch modes on
//! a stack. It also raises the reference's lexical errors (trailing slash in a path,
//! out-of-range numbers, the disabled pipe operators).

use super::SyntaxError;
use super::grammar::Tok;

/// A token and its byte range.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// The bottom of the stack: like `Default`, but a `}` does not pop it.
    Initial,
    Default,
    Str,
    IndStr,
    /// Inside a path, after a segment.
    InPath,
    /// Inside a path, right after a `/`.
    InPathSlash,
}

pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    mode: Mode,
    stack: Vec<Mode>,
    /// The location tokens are reported at: the range of the last lexeme, except where
    /// the reference's lexer steps back to `stash`, the one before.
    loc: (usize, usize),
    stash: (usize, usize),
}

const KEYWORDS: &[(&str, Tok)] = &[
    ("if", Tok::If),
    ("then", Tok::Then),
    ("else", Tok::Else),
    ("assert", Tok::Assert),
    ("with", Tok::With),
    ("let", Tok::Let),
    ("in", Tok::In),
    ("rec", Tok::Rec),
    ("inherit", Tok::Inherit),
    ("or", Tok::OrKw),
];

const OPERATORS: &[(&str, Tok)] = &[
    ("...", Tok::Ellipsis),
    ("==", Tok::Eq),
    ("!=", Tok::Neq),
    ("<=", Tok::Leq),
    (">=", Tok::Geq),
    ("&&", Tok::And),
    ("||", Tok::Or),
    ("->", Tok::Impl),
    ("//", Tok::Update),
    ("++", Tok::Concat),
    ("<|", Tok::PipeFrom),
    ("|>", Tok::PipeInto),
];

/// What a rule of the default mode does with its match.
#[derive(Clone, Copy)]
enum Rule {
    Fixed(Tok),
    Id,
    Int,
    Float,
    DollarCurly,
    RBrace,
    LBrace,
    Quote,
    IndStringOpen,
    /// A path's first segment directly followed by `${`: only the segment is the token.
    PathStart(Tok),
    Path(Tok),
    SPath,
    Uri,
    Skip,
    Char,
}

/// The longest of the matches offered, the first among equally long ones.
struct Longest<R> {
    len: usize,
    rule: R,
}

impl<R> Longest<R> {
    fn offer(&mut self, len: Option<usize>, rule: R) {
        if let Some(len) = len.filter(|l| *l > self.len) {
            self.len = len;
            self.rule = rule;
        }
    }
}

fn is_path_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'+')
}

fn is_uri_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"%/?:@&=+$,-_.!~*'".contains(&c)
}

/// Length of the longest run of bytes satisfying `f` at the start of `s`.
fn run(s: &[u8], f: impl Fn(u8) -> bool) -> usize {
    s.iter().take_while(|c| f(**c)).count()
}

/// `(/PATH_CHAR+)+ /?` at the start of `s`: its length, if at least one segment.
fn segments(s: &[u8]) -> Option<usize> {
    let mut n = 0;
    let mut count = 0;
    while s.get(n) == Some(&b'/') {
        let seg = run(&s[n + 1..], is_path_char);
        if seg == 0 {
            break;
        }
        n += 1 + seg;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    Some(if s.get(n) == Some(&b'/') { n + 1 } else { n })
}

fn id(s: &[u8]) -> Option<usize> {
    let first = *s.first()?;
    (first.is_ascii_alphabetic() || first == b'_')
        .then(|| 1 + run(&s[1..], |c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'-')))
}

fn int(s: &[u8]) -> Option<usize> {
    Some(run(s, |c| c.is_ascii_digit())).filter(|n| *n > 0)
}

/// `(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?`
fn float(s: &[u8]) -> Option<usize> {
    let digits = |from: usize| run(&s[from.min(s.len())..], |c| c.is_ascii_digit());
    let mantissa = match s.first()? {
        b'1'..=b'9' => {
            let n = 1 + digits(1);
            (s.get(n) == Some(&b'.')).then(|| n + 1 + digits(n + 1))?
        }
        _ => {
            let dot = usize::from(s[0] == b'0');
            let frac = digits(dot + 1);
            (s.get(dot) == Some(&b'.') && frac > 0).then_some(dot + 1 + frac)?
        }
    };
    let mut n = mantissa;
    if matches!(s.get(n), Some(b'e' | b'E')) {
        n += 1;
        if matches!(s.get(n), Some(b'+' | b'-')) {
            n += 1;
        }
        let exp = digits(n);
        if exp > 0 {
            return Some(n + exp);
        }
    }
    Some(mantissa)
}

fn path(s: &[u8]) -> Option<usize> {
    let head = run(s, is_path_char);
    segments(&s[head..]).map(|n| head + n)
}

/// `PATH_CHAR* /` followed by `${`: the segment's length.
fn path_segment_before_interpolation(s: &[u8]) -> Option<usize> {
    let head = run(s, is_path_char);
    (s.get(head) == Some(&b'/') && s[head + 1..].starts_with(b"${")).then_some(head + 1)
}

fn home_path(s: &[u8]) -> Option<usize> {
    (s.first() == Some(&b'~')).then(|| segments(&s[1..]).map(|n| n + 1))?
}

fn search_path(s: &[u8]) -> Option<usize> {
    if s.first() != Some(&b'<') {
        return None;
    }
    let head = run(&s[1..], is_path_char);
    if head == 0 {
        return None;
    }
    let mut n = 1 + head;
    while s.get(n) == Some(&b'/') {
        let seg = run(&s[n + 1..], is_path_char);
        if seg == 0 {
            return None;
        }
        n += 1 + seg;
    }
    (s.get(n) == Some(&b'>')).then_some(n + 1)
}

fn uri(s: &[u8]) -> Option<usize> {
    if !s.first()?.is_ascii_alphabetic() {
        return None;
    }
    let scheme = 1 + run(&s[1..], |c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'));
    if s.get(scheme) != Some(&b':') {
        return None;
    }
    let rest = run(&s[scheme + 1..], is_uri_char);
    (rest > 0).then_some(scheme + 1 + rest)
}

/// Whitespace, a `#` comment or a `/* */` comment.
fn skipped(s: &[u8]) -> Option<usize> {
    match s.first()? {
        b' ' | b'\t' | b'\r' | b'\n' => Some(run(s, |c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))),
        b'#' => Some(1 + run(&s[1..], |c| c != b'\r' && c != b'\n')),
        b'/' if s.get(1) == Some(&b'*') => s[2..].windows(2).position(|w| w == b"*/").map(|i| i + 4),
        _ => None,
    }
}

/// `''` opening an indented string, with the rest of its line if that is blank.
fn ind_string_open(s: &[u8]) -> Option<usize> {
    if !s.starts_with(b"''") {
        return None;
    }
    let spaces = run(&s[2..], |c| c == b' ');
    Some(if s.get(2 + spaces) == Some(&b'\n') { 3 + spaces } else { 2 })
}

/// The longest prefix of `s` made of string pieces, where a piece is one byte other
/// than `$`, the `quote` and `\`, or `$` followed by one other than `{`, the quote and
/// `\`, or `\` followed by any byte, or `$\` followed by any byte. With `indented`,
/// the pieces are a byte other than `$` and `'`, or `$` followed by one other than `{`
/// and `'`, or `'` followed by one other than `'` and `$`.
fn string_pieces(s: &[u8], indented: bool) -> usize {
    let mut n = 0;
    loop {
        let piece = match (s.get(n), s.get(n + 1), s.get(n + 2)) {
            (None, ..) => return n,
            (Some(b'$'), Some(b'{'), _) | (Some(b'$'), None, _) => return n,
            (Some(b'$'), Some(b'\''), _) if indented => return n,
            (Some(b'\''), Some(b'\'' | b'$') | None, _) if indented => return n,
            (Some(b'\''), Some(_), _) if indented => 2,
            (Some(b'$'), Some(_), _) if indented => 2,
            (Some(_), ..) if indented => 1,
            (Some(b'"'), ..) | (Some(b'$'), Some(b'"'), _) => return n,
            (Some(b'\\'), Some(_), _) => 2,
            (Some(b'\\'), None, _) => return n,
            (Some(b'$'), Some(b'\\'), Some(_)) => 3,
            (Some(b'$'), Some(b'\\'), None) => return n,
            (Some(b'$'), Some(_), _) => 2,
            (Some(_), ..) => 1,
        };
        n += piece;
    }
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Lexer<'a> {
        Lexer { src, pos: 0, mode: Mode::Initial, stack: Vec::new(), loc: (0, 0), stash: (0, 0) }
    }

    fn push(&mut self, mode: Mode) {
        self.stack.push(self.mode);
        self.mode = mode;
    }

    fn pop(&mut self) {
        self.mode = self.stack.pop().unwrap_or(Mode::Initial);
    }

    /// Consumes a lexeme of `len` bytes; returns its range.
    fn advance(&mut self, len: usize) -> (usize, usize) {
        self.stash = self.loc;
        self.loc = (self.pos, self.pos + len);
        self.pos += len;
        self.loc
    }

    /// The end of the input, reported where the last lexeme was.
    fn end(&self) -> Token {
        Token { kind: Tok::End, start: self.loc.0, end: self.loc.1 }
    }

    /// Consumes `len` bytes as a token of `kind`.
    fn take(&mut self, kind: Tok, len: usize) -> Token {
        let (start, end) = self.advance(len);
        Token { kind, start, end }
    }

    fn error(&self, message: String, start: usize, end: usize) -> SyntaxError {
        SyntaxError { message, start, end }
    }

    /// The next token; `End` at the end of the input (and from then on).
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        loop {
            let token = match self.mode {
                Mode::Initial | Mode::Default => self.default_mode()?,
                Mode::Str => Some(self.string_mode()),
                Mode::IndStr => Some(self.ind_string_mode()),
                Mode::InPath | Mode::InPathSlash => Some(self.path_mode()?),
            };
            if let Some(t) = token {
                return Ok(t);
            }
        }
    }

    /// One lexeme of the default mode: a token, or `None` for skipped text.
    fn default_mode(&mut self) -> Result<Option<Token>, SyntaxError> {
        let s = &self.src[self.pos..];
        let Some(&first) = s.first() else { return Ok(Some(self.end())) };
        // Whitespace and these characters cannot begin any longer match (a shortcut).
        if b" \t\r\n()[];,@?:".contains(&first) {
            return Ok(match skipped(s) {
                Some(len) => {
                    self.advance(len);
                    None
                }
                None => Some(self.take(Tok::of_char(first).unwrap_or(Tok::Invalid), 1)),
            });
        }
        let fixed = |text: &str| s.starts_with(text.as_bytes()).then_some(text.len());
        let id_len = id(s);
        // Every rule in order; the longest match wins, the first among equals.
        let mut best = Longest { len: 0, rule: Rule::Char };
        if let Some((text, tok)) = id_len.and_then(|n| KEYWORDS.iter().find(|k| k.0.as_bytes() == &s[..n])) {
            best.offer(Some(text.len()), Rule::Fixed(*tok));
        }
        for (text, tok) in OPERATORS {
            best.offer(fixed(text), Rule::Fixed(*tok));
        }
        best.offer(id_len, Rule::Id);
        best.offer(int(s), Rule::Int);
        best.offer(float(s), Rule::Float);
        best.offer(fixed("${"), Rule::DollarCurly);
        best.offer(fixed("}"), Rule::RBrace);
        best.offer(fixed("{"), Rule::LBrace);
        best.offer(fixed("\""), Rule::Quote);
        best.offer(ind_string_open(s), Rule::IndStringOpen);
        best.offer(path_segment_before_interpolation(s).map(|n| n + 2), Rule::PathStart(Tok::Path));
        best.offer(fixed("~/${"), Rule::PathStart(Tok::HPath));
        best.offer(path(s), Rule::Path(Tok::Path));
        best.offer(home_path(s), Rule::Path(Tok::HPath));
        best.offer(search_path(s), Rule::SPath);
        best.offer(uri(s), Rule::Uri);
        best.offer(skipped(s), Rule::Skip);
        best.offer(Some(1), Rule::Char);
        let Longest { len, rule } = best;
        let token = match rule {
            Rule::Fixed(Tok::PipeFrom | Tok::PipeInto) => {
                return Err(self.error(super::PIPE_OPERATORS_DISABLED.into(), self.pos, self.pos + len));
            }
            Rule::Fixed(tok) => self.take(tok, len),
            Rule::Id => self.take(Tok::Id, len),
            Rule::Int => {
                let text = &s[..len];
                if std::str::from_utf8(text).ok().and_then(|t| t.parse::<i64>().ok()).is_none() {
                    let shown = String::from_utf8_lossy(text);
                    return Err(self.error(format!("invalid integer '{shown}'"), self.pos, self.pos + len));
                }
                self.take(Tok::Int, len)
            }
            Rule::Float => {
                let text = String::from_utf8_lossy(&s[..len]).into_owned();
                if float_value(&text).is_none() {
                    return Err(self.error(format!("invalid float '{text}'"), self.pos, self.pos + len));
                }
                self.take(Tok::Float, len)
            }
            Rule::DollarCurly => {
                self.push(Mode::Default);
                self.take(Tok::DollarCurly, len)
            }
            Rule::RBrace => {
                if self.mode != Mode::Initial {
                    self.pop();
                }
                self.take(Tok::RBrace, len)
            }
            Rule::LBrace => {
                self.push(Mode::Default);
                self.take(Tok::LBrace, len)
            }
            Rule::Quote => {
                self.push(Mode::Str);
                self.take(Tok::Quote, len)
            }
            Rule::IndStringOpen => {
                self.push(Mode::IndStr);
                self.take(Tok::IndStringOpen, len)
            }
            Rule::PathStart(tok) => {
                self.push(Mode::InPathSlash);
                self.take(tok, len - 2)
            }
            Rule::Path(tok) => {
                self.push(if s[len - 1] == b'/' { Mode::InPathSlash } else { Mode::InPath });
                self.take(tok, len)
            }
            Rule::SPath => self.take(Tok::SPath, len),
            Rule::Uri => self.take(Tok::Uri, len),
            Rule::Skip => {
                self.advance(len);
                return Ok(None);
            }
            Rule::Char => match first {
                0 => self.take(Tok::End, 1),
                c => self.take(Tok::of_char(c).unwrap_or(Tok::Invalid), 1),
            },
        };
        Ok(Some(token))
    }

    fn string_mode(&mut self) -> Token {
        let s = &self.src[self.pos..];
        let n = string_pieces(s, false);
        match (&s[n..], n) {
            // Text ending in `$` right before the closing quote.
            ([b'$', b'"', ..], _) => self.take(Tok::Str, n + 1),
            (_, 1..) => self.take(Tok::Str, n),
            ([b'$', b'{', ..], _) => {
                self.push(Mode::Default);
                self.take(Tok::DollarCurly, 2)
            }
            ([b'"', ..], _) => {
                self.pop();
                self.take(Tok::Quote, 1)
            }
            ([], _) => self.end(),
            // A lone `$`, `\` or `$\` can only be at the end of the input.
            (rest, _) => self.take(Tok::End, rest.len()),
        }
    }

    fn ind_string_mode(&mut self) -> Token {
        let s = &self.src[self.pos..];
        let n = string_pieces(s, true);
        let fixed = |text: &[u8]| s.starts_with(text).then_some(text.len());
        if s.is_empty() {
            return self.end();
        }
        let mut best = Longest { len: 0, rule: Tok::End };
        best.offer(Some(n).filter(|n| *n > 0), Tok::IndStr);
        best.offer(fixed(b"''$").or(fixed(b"$")), Tok::IndStr);
        best.offer(fixed(b"'''"), Tok::IndStr);
        best.offer((s.starts_with(b"''\\") && s.len() > 3).then_some(4), Tok::IndStr);
        best.offer(fixed(b"${"), Tok::DollarCurly);
        best.offer(fixed(b"''"), Tok::IndStringClose);
        best.offer(fixed(b"'"), Tok::IndStr);
        match best.rule {
            Tok::DollarCurly => self.push(Mode::Default),
            Tok::IndStringClose => self.pop(),
            _ => {}
        }
        self.take(best.rule, best.len)
    }

    fn path_mode(&mut self) -> Result<Token, SyntaxError> {
        let s = &self.src[self.pos..];
        if s.starts_with(b"${") {
            self.pop();
            self.push(Mode::InPath);
            self.push(Mode::Default);
            return Ok(self.take(Tok::DollarCurly, 2));
        }
        let head = run(s, is_path_char);
        let len = match path(s) {
            Some(n) => n,
            None if s.get(head) == Some(&b'/') => head + 1,
            None => head,
        };
        if len > 0 {
            self.pop();
            self.push(if s[len - 1] == b'/' { Mode::InPathSlash } else { Mode::InPath });
            return Ok(self.take(Tok::Str, len));
        }
        // Any other byte ends the path; it is then read again in the enclosing mode. The
        // reference's lexer reports the end of a path at the lexeme before it, and, at
        // the end of the input, at the one before that.
        let at_end = s.is_empty();
        if self.mode == Mode::InPathSlash {
            let at = if at_end { self.loc.0 } else { self.pos };
            return Err(self.error("path has a trailing slash".into(), at, at));
        }
        self.pop();
        if at_end {
            self.loc = self.stash;
        } else {
            self.stash = self.loc;
        }
        Ok(Token { kind: Tok::PathEnd, start: self.loc.0, end: self.loc.1 })
    }
}

/// The value of a float literal, or `None` where the reference finds it out of range
/// (too large, or so small it is not a normal number, unless written as zero).
pub fn float_value(text: &str) -> Option<f64> {
    let v: f64 = text.parse().ok()?;
    let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
    let zero = mantissa.bytes().all(|c| c == b'0' || c == b'.');
    (v.is_normal() || (v == 0.0 && zero)).then_some(v)
}
