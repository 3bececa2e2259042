//! The reference parser's syntax check: the source is tokenized as the reference's
//! lexer does and run through LALR(1) tables built as its parser generator builds them,
//! so that the first syntax error is found at the same token and worded the same way
//! (`syntax error, unexpected X, expecting Y or Z`).

mod grammar;
mod lalr;
mod lexer;

pub use lexer::float_value;

use grammar::Tok;
use lalr::{Act, Tables};
use std::sync::OnceLock;

/// A syntax error: the reference's message and the byte range it points at.
#[derive(Debug)]
pub struct SyntaxError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// The reference's error for the pipe operators (an experimental feature it leaves off).
pub const PIPE_OPERATORS_DISABLED: &str = "experimental Nix feature 'pipe-operators' is disabled; add '--extra-experimental-features pipe-operators' to enable it";

/// Expectations are listed only when there are this many or fewer.
const MAX_EXPECTED: usize = 4;

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| lalr::build().0)
}

/// Checks `text` against the reference grammar; the first error as the reference reports it.
pub fn check(text: &str) -> Result<(), SyntaxError> {
    let tables = tables();
    let mut lexer = lexer::Lexer::new(text.as_bytes());
    let mut stack: Vec<u32> = vec![0];
    let mut lookahead = None;
    loop {
        let state = *stack.last().expect("the stack keeps its first state");
        let row = &tables.rows[state as usize];
        let mut act = Act::Default;
        if row.reads_token {
            let token = match lookahead {
                Some(t) => t,
                None => *lookahead.insert(lexer.next_token()?),
            };
            act = row.act[token.kind as usize];
        }
        if act == Act::Default {
            act = row.default.map_or(Act::Error, Act::Reduce);
        }
        match act {
            Act::Shift(_) if lookahead.is_some_and(|t| t.kind == Tok::End) => return Ok(()),
            Act::Shift(to) => {
                stack.push(to);
                lookahead = None;
            }
            Act::Reduce(rule) => {
                let (lhs, len) = tables.rules[rule as usize];
                stack.truncate(stack.len() - len);
                let top = *stack.last().expect("a reduction leaves the state it started in");
                stack.push(tables.goto(top, lhs));
            }
            Act::Error | Act::Default => {
                let token = lookahead.expect("only a state that reads a token can reject one");
                return Err(unexpected(row, token));
            }
        }
    }
}

/// The reference's message for `token` arriving in a state with actions `row`.
fn unexpected(row: &lalr::Row, token: lexer::Token) -> SyntaxError {
    let mut message = format!("syntax error, unexpected {}", token.kind.shown());
    let expected: Vec<&str> = grammar::TERMINALS
        .iter()
        .zip(&row.act)
        .filter(|(_, a)| matches!(a, Act::Shift(_) | Act::Reduce(_)))
        .map(|(t, _)| t.2)
        .collect();
    if (1..=MAX_EXPECTED).contains(&expected.len()) {
        message.push_str(", expecting ");
        message.push_str(&expected.join(" or "));
    }
    // An error at the end of the input points after the last lexeme.
    let start = if token.kind == Tok::End { token.end } else { token.start };
    SyntaxError { message, start, end: token.end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_has_no_unresolved_conflicts() {
        assert_eq!(lalr::build().1, 0);
    }

    fn message(text: &str) -> String {
        match check(text) {
            Ok(()) => "ok".into(),
            Err(e) => format!("{} @{}", e.message, e.start),
        }
    }

    #[test]
    fn valid_input_passes() {
        for text in [
            "1",
            "{ a.b = 1; inherit (x) c; }",
            "x: { y ? 1, ... }@z: [ x.y or 2 (a b) ]",
            "''a ${b} ''$ '''\n''",
            "\"a${b}c$\"",
            "./a/${b}.nix",
            "~/a",
            "<nixpkgs/lib>",
            "http://x.org/?a=b",
            "let a = 1; in a /* c */ # d\n",
            "1.5e3 + .5 - -1",
            "map or [ ]",
            "a -> b || c && !d",
        ] {
            assert_eq!(message(text), "ok", "{text}");
        }
    }

    #[test]
    fn errors_are_worded_as_the_reference_words_them() {
        assert_eq!(message("1 < 2 < 3"), "syntax error, unexpected '<' @6");
        assert_eq!(message("{ a = 1;"), "syntax error, unexpected end of file, expecting 'inherit' @8");
        assert_eq!(message("let a = 1 in a"), "syntax error, unexpected 'in', expecting ';' @10");
        assert_eq!(message("./x//y\n"), "syntax error, unexpected end of path, expecting '${' @4");
        assert_eq!(message("./a/ "), "path has a trailing slash @4");
    }

    #[test]
    fn errors_at_the_end_of_input_after_a_path_point_where_the_reference_points() {
        // Its lexer steps back one lexeme further when the input ends inside a path.
        assert_eq!(message("./x//y"), "syntax error, unexpected end of path, expecting '${' @0");
        assert_eq!(message("./a/"), "path has a trailing slash @0");
        assert_eq!(message("(./a"), "syntax error, unexpected end of file, expecting ')' @1");
        assert_eq!(message("1 ` 2"), "syntax error, unexpected invalid token, expecting end of file @2");
    }
}
