//! Reads `.drv` ATerm text back into a [`Derivation`].
//!
//! The grammar is the reference's: no whitespace anywhere, strings decoded as its reader
//! decodes them (`\n` `\r` `\t`, a backslash before anything else yields that character).
//! It is stricter where the reference is sloppy: list items must be separated by exactly
//! one comma, duplicate keys and input after the closing parenthesis are rejected. Every
//! error carries line, column and byte offset.

use super::lexer::{Token, unescape};
use super::{Derivation, DerivationOutput};
use crate::hash::{Hash, HashAlgo, HashError};
use crate::store_path::{FileIngestionMethod, StorePath, StorePathError};
use logos::Logos;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// What went wrong while parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// A token other than the expected one (`found` is "end of input" at the end).
    Expected {
        expected: &'static str,
        found: String,
    },
    UnexpectedChar(char),
    UnterminatedString,
    /// `DrvWithVersion(...)` (dynamic derivations) or another constructor.
    UnsupportedConstructor(String),
    /// A path field that does not start with `/`.
    BadPath(String),
    InvalidStorePath(StorePathError),
    Hash(HashError),
    /// A floating or impure output with a path.
    UnexpectedOutputPath {
        output: String,
        path: String,
    },
    Duplicate {
        what: &'static str,
        key: String,
    },
    TrailingInput,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseErrorKind::Expected { expected, found } => write!(f, "expected {expected}, found {found}"),
            ParseErrorKind::UnexpectedChar(c) => write!(f, "unexpected character {c:?}"),
            ParseErrorKind::UnterminatedString => f.write_str("unterminated string in derivation"),
            ParseErrorKind::UnsupportedConstructor(c) => {
                write!(f, "expected 'Derive', found '{c}' (only the plain 'Derive' format is supported)")
            }
            ParseErrorKind::BadPath(p) => write!(f, "bad path '{p}' in derivation"),
            ParseErrorKind::InvalidStorePath(e) => e.fmt(f),
            ParseErrorKind::Hash(e) => e.fmt(f),
            ParseErrorKind::UnexpectedOutputPath { output, path } => {
                write!(f, "output '{output}' has no fixed hash, so its path must be empty, not '{path}'")
            }
            ParseErrorKind::Duplicate { what, key } => write!(f, "duplicate {what} '{key}'"),
            ParseErrorKind::TrailingInput => f.write_str("unexpected input after the end of the derivation"),
        }
    }
}

/// A parse error with its position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("error parsing derivation at line {line}, column {column} (byte {offset}): {kind}")]
pub struct ParseError {
    /// Byte offset of the offending token.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub kind: ParseErrorKind,
}

impl ParseError {
    fn at(src: &str, offset: usize, kind: ParseErrorKind) -> ParseError {
        let before = &src[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        ParseError { offset, line, column, kind }
    }
}

/// Parses `.drv` text.
pub fn parse(src: &str) -> Result<Derivation, ParseError> {
    let mut p = Parser { src, lexer: Token::lexer(src), peeked: None };
    let drv = p.derivation()?;
    match p.next_token()? {
        None => Ok(drv),
        Some((_, at)) => Err(p.error(at, ParseErrorKind::TrailingInput)),
    }
}

struct Parser<'s> {
    src: &'s str,
    lexer: logos::Lexer<'s, Token<'s>>,
    peeked: Option<Option<(Token<'s>, usize)>>,
}

impl<'s> Parser<'s> {
    fn error(&self, offset: usize, kind: ParseErrorKind) -> ParseError {
        ParseError::at(self.src, offset, kind)
    }

    /// The next token and its offset; `None` at the end of input.
    fn next_token(&mut self) -> Result<Option<(Token<'s>, usize)>, ParseError> {
        if let Some(peeked) = self.peeked.take() {
            return Ok(peeked);
        }
        match self.lexer.next() {
            None => Ok(None),
            Some(Ok(token)) => Ok(Some((token, self.lexer.span().start))),
            Some(Err(())) => {
                let at = self.lexer.span().start;
                let kind = match self.src[at..].chars().next() {
                    Some('"') | None => ParseErrorKind::UnterminatedString,
                    Some(c) => ParseErrorKind::UnexpectedChar(c),
                };
                Err(self.error(at, kind))
            }
        }
    }

    fn peek(&mut self) -> Result<Option<Token<'s>>, ParseError> {
        let next = self.next_token()?;
        self.peeked = Some(next);
        Ok(next.map(|(t, _)| t))
    }

    fn unexpected(&self, expected: &'static str, found: Option<(Token<'s>, usize)>) -> ParseError {
        match found {
            Some((token, at)) => {
                self.error(at, ParseErrorKind::Expected { expected, found: token.describe() })
            }
            None => self
                .error(self.src.len(), ParseErrorKind::Expected { expected, found: "end of input".into() }),
        }
    }

    fn expect(&mut self, want: Token<'static>, expected: &'static str) -> Result<(), ParseError> {
        match self.next_token()? {
            Some((token, _)) if token == want => Ok(()),
            other => Err(self.unexpected(expected, other)),
        }
    }

    /// A decoded string and its offset.
    fn string(&mut self) -> Result<(String, usize), ParseError> {
        match self.next_token()? {
            Some((Token::Str(raw), at)) => Ok((unescape(raw), at)),
            other => Err(self.unexpected("a string", other)),
        }
    }

    /// A store path string and its offset.
    fn store_path(&mut self) -> Result<(StorePath, usize), ParseError> {
        let (s, at) = self.string()?;
        Ok((self.path_at(&s, at)?, at))
    }

    fn path_at(&self, s: &str, at: usize) -> Result<StorePath, ParseError> {
        if !s.starts_with('/') {
            return Err(self.error(at, ParseErrorKind::BadPath(s.to_owned())));
        }
        StorePath::parse(s).map_err(|e| self.error(at, ParseErrorKind::InvalidStorePath(e)))
    }

    /// `[item,item,…]`, calling `item` for each element.
    fn list(&mut self, mut item: impl FnMut(&mut Self) -> Result<(), ParseError>) -> Result<(), ParseError> {
        self.expect(Token::LBracket, "'['")?;
        if self.peek()? == Some(Token::RBracket) {
            self.next_token()?;
            return Ok(());
        }
        loop {
            item(self)?;
            match self.next_token()? {
                Some((Token::Comma, _)) => {}
                Some((Token::RBracket, _)) => return Ok(()),
                other => return Err(self.unexpected("',' or ']'", other)),
            }
        }
    }

    fn comma(&mut self) -> Result<(), ParseError> {
        self.expect(Token::Comma, "','")
    }

    fn derivation(&mut self) -> Result<Derivation, ParseError> {
        match self.next_token()? {
            Some((Token::Ident("Derive"), _)) => {}
            Some((Token::Ident(other), at)) => {
                return Err(self.error(at, ParseErrorKind::UnsupportedConstructor(other.to_owned())));
            }
            other => return Err(self.unexpected("'Derive'", other)),
        }
        self.expect(Token::LParen, "'('")?;
        let mut drv = Derivation::default();
        self.list(|p| {
            let (name, at, output) = p.output()?;
            insert_new(p, &mut drv.outputs, name, output, at, "output")
        })?;
        self.comma()?;
        self.list(|p| {
            p.expect(Token::LParen, "'('")?;
            let (path, at) = p.store_path()?;
            p.comma()?;
            let mut outputs = BTreeSet::new();
            p.list(|p| {
                let (name, at) = p.string()?;
                if !outputs.insert(name.clone()) {
                    return Err(p.error(at, duplicate("output of an input derivation", name)));
                }
                Ok(())
            })?;
            p.expect(Token::RParen, "')'")?;
            insert_new(p, &mut drv.input_drvs, path, outputs, at, "input derivation")
        })?;
        self.comma()?;
        self.list(|p| {
            let (path, at) = p.store_path()?;
            if drv.input_srcs.contains(&path) {
                return Err(p.error(at, duplicate("input source", path)));
            }
            drv.input_srcs.insert(path);
            Ok(())
        })?;
        self.comma()?;
        drv.system = self.string()?.0;
        self.comma()?;
        drv.builder = self.string()?.0;
        self.comma()?;
        self.list(|p| {
            drv.args.push(p.string()?.0);
            Ok(())
        })?;
        self.comma()?;
        self.list(|p| {
            p.expect(Token::LParen, "'('")?;
            let (key, at) = p.string()?;
            p.comma()?;
            let (value, _) = p.string()?;
            p.expect(Token::RParen, "')'")?;
            insert_new(p, &mut drv.env, key, value, at, "environment variable")
        })?;
        self.expect(Token::RParen, "')'")?;
        Ok(drv)
    }

    /// `("name","path","hashAlgo","hash")`.
    fn output(&mut self) -> Result<(String, usize, DerivationOutput), ParseError> {
        self.expect(Token::LParen, "'('")?;
        let (name, at) = self.string()?;
        self.comma()?;
        let (path, path_at) = self.string()?;
        self.comma()?;
        let (algo, algo_at) = self.string()?;
        self.comma()?;
        let (hash, hash_at) = self.string()?;
        self.expect(Token::RParen, "')'")?;
        if algo.is_empty() {
            let output = if path.is_empty() {
                DerivationOutput::Deferred
            } else {
                DerivationOutput::InputAddressed(self.path_at(&path, path_at)?)
            };
            return Ok((name, at, output));
        }
        let (method, algo_name) = split_method(&algo);
        let algo = HashAlgo::parse(algo_name).map_err(|e| self.error(algo_at, ParseErrorKind::Hash(e)))?;
        if !hash.is_empty() && hash != "impure" {
            let hash = Hash::parse_unprefixed(&hash, algo)
                .map_err(|e| self.error(hash_at, ParseErrorKind::Hash(e)))?;
            let path = self.path_at(&path, path_at)?;
            return Ok((name, at, DerivationOutput::Fixed { method, hash, path }));
        }
        if !path.is_empty() {
            return Err(self.error(path_at, ParseErrorKind::UnexpectedOutputPath { output: name, path }));
        }
        let output = if hash.is_empty() {
            DerivationOutput::Floating { method, algo }
        } else {
            DerivationOutput::Impure { method, algo }
        };
        Ok((name, at, output))
    }
}

/// Splits the ingestion-method prefix off an output's hash-algorithm field.
fn split_method(field: &str) -> (FileIngestionMethod, &str) {
    if let Some(algo) = field.strip_prefix("r:") {
        (FileIngestionMethod::Recursive, algo)
    } else if let Some(algo) = field.strip_prefix("text:") {
        (FileIngestionMethod::Text, algo)
    } else {
        (FileIngestionMethod::Flat, field)
    }
}

fn duplicate(what: &'static str, key: impl fmt::Display) -> ParseErrorKind {
    ParseErrorKind::Duplicate { what, key: key.to_string() }
}

fn insert_new<K: Ord + fmt::Display, V>(
    p: &Parser<'_>,
    map: &mut BTreeMap<K, V>,
    key: K,
    value: V,
    at: usize,
    what: &'static str,
) -> Result<(), ParseError> {
    if map.contains_key(&key) {
        return Err(p.error(at, duplicate(what, key)));
    }
    map.insert(key, value);
    Ok(())
}
