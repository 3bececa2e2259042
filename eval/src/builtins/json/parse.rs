//! The JSON parser: the reference's grammar and error messages (nlohmann/json, strict:
//! nothing may follow the value), without recursion (nesting is a stack of flags).
//! Values are handed to a [`Sink`] as they are read.

use super::lexer::{Lexer, Token};

/// Receives the parsed values, containers as begin/end events.
pub trait Sink {
    fn scalar(&mut self, value: Scalar) -> Result<(), String>;
    fn begin_array(&mut self);
    fn end_array(&mut self);
    fn begin_object(&mut self);
    fn key(&mut self, name: Vec<u8>) -> Result<(), String>;
    fn end_object(&mut self);
}

/// A value that is not a container.
#[derive(Debug, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    /// A non-negative integer.
    Unsigned(u64),
    /// A negative integer.
    Integer(i64),
    Float(f64),
    String(Vec<u8>),
}

/// Why parsing failed.
#[derive(Debug, PartialEq)]
pub enum Error {
    /// Invalid JSON, in the reference's words.
    Syntax(String),
    /// A value the sink rejected.
    Sink(String),
}

/// Parses `input` into `sink`.
pub fn parse(input: &[u8], sink: &mut impl Sink) -> Result<(), Error> {
    let mut p = Parser { lexer: Lexer::new(input), last: Token::Uninitialized };
    p.next();
    p.value(sink)?;
    if p.next() != Token::EndOfInput {
        return Err(p.unexpected(Token::EndOfInput, "value"));
    }
    Ok(())
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    last: Token,
}

impl Parser<'_> {
    fn next(&mut self) -> Token {
        self.last = self.lexer.scan();
        self.last
    }

    /// One value, starting at the current token; containers nest on `in_array`.
    fn value(&mut self, sink: &mut impl Sink) -> Result<(), Error> {
        // For each open container: whether it is an array.
        let mut in_array: Vec<bool> = Vec::new();
        // Whether the current token starts a value (else a container just closed).
        let mut at_value = true;
        loop {
            if at_value {
                match self.last {
                    Token::BeginObject => {
                        sink.begin_object();
                        if self.next() == Token::EndObject {
                            sink.end_object();
                        } else {
                            self.key(sink)?;
                            in_array.push(false);
                            self.next();
                            continue;
                        }
                    }
                    Token::BeginArray => {
                        sink.begin_array();
                        if self.next() == Token::EndArray {
                            sink.end_array();
                        } else {
                            in_array.push(true);
                            continue;
                        }
                    }
                    Token::Float(f) if !f.is_finite() => {
                        return Err(Error::Syntax(format!(
                            "[json.exception.out_of_range.406] number overflow parsing '{}'",
                            self.lexer.token_text()
                        )));
                    }
                    token => {
                        let scalar = match token {
                            Token::Null => Scalar::Null,
                            Token::True => Scalar::Bool(true),
                            Token::False => Scalar::Bool(false),
                            Token::Unsigned(u) => Scalar::Unsigned(u),
                            Token::Integer(i) => Scalar::Integer(i),
                            Token::Float(f) => Scalar::Float(f),
                            Token::String => Scalar::String(std::mem::take(&mut self.lexer.buffer)),
                            Token::ParseError => return Err(self.unexpected(Token::Uninitialized, "value")),
                            Token::EndOfInput if self.lexer.chars_read_total == 1 => {
                                return Err(self.error(
                                    "attempting to parse an empty input; check that your input string or stream contains the expected JSON",
                                ));
                            }
                            _ => return Err(self.unexpected(Token::LiteralOrValue, "value")),
                        };
                        sink.scalar(scalar).map_err(Error::Sink)?;
                    }
                }
            }
            at_value = true;
            let Some(&array) = in_array.last() else { return Ok(()) };
            match self.next() {
                Token::ValueSeparator if array => {
                    self.next();
                }
                Token::ValueSeparator => {
                    self.next();
                    self.key(sink)?;
                    self.next();
                }
                Token::EndArray if array => {
                    sink.end_array();
                    in_array.pop();
                    at_value = false;
                }
                Token::EndObject if !array => {
                    sink.end_object();
                    in_array.pop();
                    at_value = false;
                }
                _ if array => return Err(self.unexpected(Token::EndArray, "array")),
                _ => return Err(self.unexpected(Token::EndObject, "object")),
            }
        }
    }

    /// An object key at the current token, and the `:` after it.
    fn key(&mut self, sink: &mut impl Sink) -> Result<(), Error> {
        if self.last != Token::String {
            return Err(self.unexpected(Token::String, "object key"));
        }
        sink.key(std::mem::take(&mut self.lexer.buffer)).map_err(Error::Sink)?;
        if self.next() != Token::NameSeparator {
            return Err(self.unexpected(Token::NameSeparator, "object separator"));
        }
        Ok(())
    }

    /// A syntax error at the current token.
    fn unexpected(&self, expected: Token, context: &str) -> Error {
        let mut msg = format!("syntax error while parsing {context} - ");
        if self.last == Token::ParseError {
            msg += &format!("{}; last read: '{}'", self.lexer.error, self.lexer.token_text());
        } else {
            msg += &format!("unexpected {}", self.last.name());
        }
        if expected != Token::Uninitialized {
            msg += &format!("; expected {}", expected.name());
        }
        self.error(&msg)
    }

    fn error(&self, msg: &str) -> Error {
        Error::Syntax(format!(
            "[json.exception.parse_error.101] parse error at line {}, column {}: {msg}",
            self.lexer.lines_read + 1,
            self.lexer.chars_read_line
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the events compactly.
    #[derive(Default)]
    struct Text(String);

    impl Sink for Text {
        fn scalar(&mut self, value: Scalar) -> Result<(), String> {
            match value {
                Scalar::String(s) => self.0 += &format!("{:?} ", String::from_utf8_lossy(&s)),
                other => self.0 += &format!("{other:?} "),
            }
            Ok(())
        }
        fn begin_array(&mut self) {
            self.0 += "[ ";
        }
        fn end_array(&mut self) {
            self.0 += "] ";
        }
        fn begin_object(&mut self) {
            self.0 += "{ ";
        }
        fn key(&mut self, name: Vec<u8>) -> Result<(), String> {
            self.0 += &format!("{}: ", String::from_utf8_lossy(&name));
            Ok(())
        }
        fn end_object(&mut self) {
            self.0 += "} ";
        }
    }

    fn events(input: &str) -> Result<String, Error> {
        let mut t = Text::default();
        parse(input.as_bytes(), &mut t).map(|()| t.0.trim_end().to_owned())
    }

    fn syntax(input: &str) -> String {
        match events(input) {
            Err(Error::Syntax(m)) => m.trim_start_matches("[json.exception.parse_error.101] ").to_owned(),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn values() {
        assert_eq!(
            events(r#" {"a": [1, -2, 1.5e2, true, null], "b": {}, "c": []} "#).unwrap(),
            r#"{ a: [ Unsigned(1) Integer(-2) Float(150.0) Bool(true) Null ] b: { } c: [ ] }"#
        );
        assert_eq!(events("18446744073709551616").unwrap(), "Float(1.8446744073709552e19)");
        assert_eq!(events(r#""\ud83d\ude00\u00e9""#).unwrap(), r#""😀é""#);
        assert_eq!(events("[[[[]]]]").unwrap(), "[ [ [ [ ] ] ] ]");
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(events(&deep).is_ok());
    }

    #[test]
    fn errors_match_the_reference() {
        assert_eq!(
            syntax(""),
            "parse error at line 1, column 1: attempting to parse an empty input; check that your input string or stream contains the expected JSON"
        );
        assert_eq!(
            syntax("   "),
            "parse error at line 1, column 4: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"
        );
        assert_eq!(
            syntax("01"),
            "parse error at line 1, column 2: syntax error while parsing value - unexpected number literal; expected end of input"
        );
        assert_eq!(
            syntax("[true x]"),
            "parse error at line 1, column 7: syntax error while parsing array - invalid literal; last read: '[true x'; expected ']'"
        );
        assert_eq!(
            syntax("[1,\n2 x"),
            "parse error at line 2, column 3: syntax error while parsing array - invalid literal; last read: '2 x'; expected ']'"
        );
        assert_eq!(
            syntax("\"a\nb\""),
            "parse error at line 2, column 0: syntax error while parsing value - invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n; last read: '\"a<U+000A>'"
        );
        assert_eq!(
            syntax(r#""\ud800""#),
            "parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'"
        );
        assert_eq!(
            syntax(r#""\u12""#),
            "parse error at line 1, column 6: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u12\"'"
        );
        assert_eq!(
            syntax("1e+"),
            "parse error at line 1, column 4: syntax error while parsing value - invalid number; expected digit after exponent sign; last read: '1e+'"
        );
        assert_eq!(
            syntax("-"),
            "parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-'"
        );
        assert_eq!(
            syntax(r#"{"a" 1}"#),
            "parse error at line 1, column 6: syntax error while parsing object separator - unexpected number literal; expected ':'"
        );
        assert_eq!(
            syntax(r#"{"a": 1 2}"#),
            "parse error at line 1, column 9: syntax error while parsing object - unexpected number literal; expected '}'"
        );
        assert_eq!(
            syntax(r#"{"a":1,}"#),
            "parse error at line 1, column 8: syntax error while parsing object key - unexpected '}'; expected string literal"
        );
        assert_eq!(
            syntax("1 x"),
            "parse error at line 1, column 3: syntax error while parsing value - invalid literal; last read: '1 x'; expected end of input"
        );
        assert_eq!(
            events("1e400"),
            Err(Error::Syntax("[json.exception.out_of_range.406] number overflow parsing '1e400'".into()))
        );
    }
}
