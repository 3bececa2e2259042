//! Parsing with rnix, guarded: a linear pre-scan rejects nesting deeper than the parser
//! can take without overflowing the stack, and rnix's errors are reported the way the
//! reference words syntax errors (`syntax error, unexpected X, expecting Y`).

use crate::error::EvalError;
use crate::source::{FileId, Span};
use rnix::SyntaxKind;

/// Deepest bracket nesting (and longest run of prefix operators) accepted.
pub const MAX_NESTING: usize = 10_000;

/// Rejects input whose brackets nest, or whose prefix operators chain, beyond
/// [`MAX_NESTING`]: rnix recurses for these and would overflow the stack.
pub fn check_nesting(text: &str, file: FileId) -> Result<(), EvalError> {
    let mut depth = 0usize;
    let mut run = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        run = if matches!(b, b'-' | b'!') {
            run + 1
        } else if b.is_ascii_whitespace() {
            run
        } else {
            0
        };
        if depth > MAX_NESTING || run > MAX_NESTING {
            let span = Span { file, start: i as u32, end: i as u32 + 1 };
            return Err(EvalError::parse(
                format!("expression is nested too deeply (more than {MAX_NESTING} levels)"),
                span,
            ));
        }
    }
    Ok(())
}

/// Parses `text`; the first syntax error is returned in the reference's words. The
/// reference grammar is checked first ([`super::syntax`]); rnix's own errors (for input
/// it rejects though the reference accepts it) are only a fallback.
pub fn parse(text: &str, file: FileId) -> Result<rnix::Root, EvalError> {
    super::syntax::check(text)
        .map_err(|e| EvalError::parse(e.message, Span { file, start: e.start as u32, end: e.end as u32 }))?;
    check_nesting(text, file)?;
    let parsed = rnix::Root::parse(text);
    if let Some(e) = parsed.errors().first() {
        return Err(convert_error(e, text, file));
    }
    Ok(parsed.tree())
}

fn convert_error(e: &rnix::ParseError, text: &str, file: FileId) -> EvalError {
    use rnix::ParseError as P;
    let end = text.len() as u32;
    let at = |r: rnix::TextRange| Span { file, start: r.start().into(), end: r.end().into() };
    let eof = Span { file, start: end, end };
    let unexpected = |r: rnix::TextRange| describe_text(&text[usize::from(r.start())..usize::from(r.end())]);
    match e {
        P::Unexpected(r) | P::UnexpectedExtra(r) | P::UnexpectedDoubleBind(r) => {
            EvalError::parse(format!("syntax error, unexpected {}", unexpected(*r)), at(*r))
        }
        P::UnexpectedWanted(_, r, wanted) => EvalError::parse(
            format!("syntax error, unexpected {}, expecting {}", unexpected(*r), describe_wanted(wanted)),
            at(*r),
        ),
        P::UnexpectedEOF => EvalError::parse("syntax error, unexpected end of file", eof),
        P::UnexpectedEOFWanted(wanted) => EvalError::parse(
            format!("syntax error, unexpected end of file, expecting {}", describe_wanted(wanted)),
            eof,
        ),
        P::RecursionLimitExceeded => EvalError::parse(
            "expression is nested too deeply for the parser (more than 512 levels)",
            Span { file, start: 0, end: 0 },
        ),
        other => EvalError::parse(format!("syntax error: {other}"), Span { file, start: 0, end: 0 }),
    }
}

/// How the reference names a token in a syntax error.
fn describe_text(t: &str) -> String {
    match t {
        "" => "end of file".into(),
        t if t.len() == 1
            || matches!(t, "++" | "//" | "==" | "!=" | "<=" | ">=" | "&&" | "||" | "->" | "...") =>
        {
            format!("'{t}'")
        }
        t if t.starts_with(|c: char| c.is_ascii_digit()) => "integer".into(),
        t if t.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '\'' || c == '-') => {
            if is_keyword(t) {
                format!("'{t}'")
            } else {
                "identifier".into()
            }
        }
        t => format!("'{t}'"),
    }
}

fn is_keyword(t: &str) -> bool {
    matches!(t, "if" | "then" | "else" | "assert" | "with" | "let" | "in" | "rec" | "inherit" | "or")
}

fn describe_wanted(wanted: &[SyntaxKind]) -> String {
    wanted.iter().map(|k| describe_kind(*k)).collect::<Vec<_>>().join(" or ")
}

fn describe_kind(k: SyntaxKind) -> String {
    use SyntaxKind::*;
    let s = match k {
        TOKEN_SEMICOLON => "';'",
        TOKEN_COLON => "':'",
        TOKEN_COMMA => "','",
        TOKEN_DOT => "'.'",
        TOKEN_ASSIGN => "'='",
        TOKEN_L_PAREN => "'('",
        TOKEN_R_PAREN => "')'",
        TOKEN_L_BRACK => "'['",
        TOKEN_R_BRACK => "']'",
        TOKEN_L_BRACE => "'{'",
        TOKEN_R_BRACE => "'}'",
        TOKEN_IN => "'in'",
        TOKEN_THEN => "'then'",
        TOKEN_ELSE => "'else'",
        TOKEN_IDENT => "identifier",
        TOKEN_INTERPOL_END => "'}'",
        other => return format!("{other:?}"),
    };
    s.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = parse(&text, FileId(0)).unwrap_err();
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
        let text = format!("{}1", "- ".repeat(50_000));
        assert!(parse(&text, FileId(0)).is_err());
    }

    #[test]
    fn syntax_errors_name_the_token() {
        let e = parse("{ a = 1 }", FileId(0)).unwrap_err();
        assert!(e.message.starts_with("syntax error, unexpected '}'"), "{}", e.message);
        let e = parse("(1 +", FileId(0)).unwrap_err();
        assert!(e.message.starts_with("syntax error, unexpected end of file"), "{}", e.message);
    }
}
