//! Tokens of the `.drv` ATerm: punctuation, the constructor name and quoted strings.
//! Whitespace is not skipped: the reference's reader accepts none.

use logos::Logos;

#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'s> {
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token(",")]
    Comma,
    /// A constructor name such as `Derive`.
    #[regex("[A-Za-z][A-Za-z0-9_]*")]
    Ident(&'s str),
    /// A quoted string, quotes included, escapes not yet decoded. A backslash escapes
    /// any character.
    #[regex(r#""([^"\\]|\\(.|\n))*""#)]
    Str(&'s str),
}

impl Token<'_> {
    /// How the token reads in an error message.
    pub(super) fn describe(&self) -> String {
        match self {
            Token::LParen => "'('".into(),
            Token::RParen => "')'".into(),
            Token::LBracket => "'['".into(),
            Token::RBracket => "']'".into(),
            Token::Comma => "','".into(),
            Token::Ident(s) => format!("'{s}'"),
            Token::Str(s) if s.len() > 40 => {
                let cut = (0..=40).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                format!("string {}…", &s[..cut])
            }
            Token::Str(s) => format!("string {s}"),
        }
    }
}

/// Decodes a string token's contents the way the reference does: `\n` `\r` `\t` are
/// control characters, a backslash before anything else yields that character.
pub(super) fn unescape(token: &str) -> String {
    let body = &token[1..token.len() - 1];
    if !body.contains('\\') {
        return body.to_owned();
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Result<Token<'_>, ()>> {
        Token::lexer(s).collect()
    }

    #[test]
    fn strings_and_punctuation() {
        assert_eq!(
            tokens(r#"Derive(["a\"b",]"#),
            vec![
                Ok(Token::Ident("Derive")),
                Ok(Token::LParen),
                Ok(Token::LBracket),
                Ok(Token::Str(r#""a\"b""#)),
                Ok(Token::Comma),
                Ok(Token::RBracket)
            ]
        );
        assert_eq!(tokens("\"a\\\nb\""), vec![Ok(Token::Str("\"a\\\nb\""))]);
        assert!(tokens(" ").iter().all(Result::is_err));
        assert!(tokens("\"abc").iter().any(Result::is_err));
    }

    #[test]
    fn unescaping_follows_the_reference() {
        assert_eq!(unescape(r#""plain""#), "plain");
        assert_eq!(unescape(r#""a\nb\rc\td\"e\\f\xg\ü""#), "a\nb\rc\td\"e\\fxgü");
    }
}
