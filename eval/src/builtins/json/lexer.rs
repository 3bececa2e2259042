//! The JSON lexer, modelled on the one the reference uses (nlohmann/json), so that
//! errors name the same line, column and "last read" text: every character read is
//! counted (the end of input too), and the token text runs from the start of the
//! last string or number token.

/// A token.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Token {
    /// No token expected (in messages: nothing is appended).
    Uninitialized,
    True,
    False,
    Null,
    String,
    Unsigned(u64),
    Integer(i64),
    Float(f64),
    BeginArray,
    BeginObject,
    EndArray,
    EndObject,
    NameSeparator,
    ValueSeparator,
    ParseError,
    EndOfInput,
    /// Only expected: any value.
    LiteralOrValue,
}

impl Token {
    /// The reference's name for the token in messages.
    pub fn name(self) -> &'static str {
        match self {
            Token::Uninitialized => "<uninitialized>",
            Token::True => "true literal",
            Token::False => "false literal",
            Token::Null => "null literal",
            Token::String => "string literal",
            Token::Unsigned(_) | Token::Integer(_) | Token::Float(_) => "number literal",
            Token::BeginArray => "'['",
            Token::BeginObject => "'{'",
            Token::EndArray => "']'",
            Token::EndObject => "'}'",
            Token::NameSeparator => "':'",
            Token::ValueSeparator => "','",
            Token::ParseError => "<parse error>",
            Token::EndOfInput => "end of input",
            Token::LiteralOrValue => "'[', '{', or a literal",
        }
    }
}

pub struct Lexer<'a> {
    input: &'a [u8],
    next: usize,
    /// The last character read; `None` at the end.
    current: Option<u8>,
    unget: bool,
    pub chars_read_total: usize,
    pub chars_read_line: usize,
    pub lines_read: usize,
    /// The raw text read since the last string or number token started.
    token_string: Vec<u8>,
    /// The decoded string, or the number's text.
    pub buffer: Vec<u8>,
    pub error: String,
}

impl<'a> Lexer<'a> {
    pub fn new(input: &'a [u8]) -> Lexer<'a> {
        Lexer {
            input,
            next: 0,
            current: None,
            unget: false,
            chars_read_total: 0,
            chars_read_line: 0,
            lines_read: 0,
            token_string: Vec::new(),
            buffer: Vec::new(),
            error: String::new(),
        }
    }

    fn get(&mut self) -> Option<u8> {
        self.chars_read_total += 1;
        self.chars_read_line += 1;
        if self.unget {
            self.unget = false;
        } else {
            self.current = self.input.get(self.next).copied();
            if self.current.is_some() {
                self.next += 1;
            }
        }
        if let Some(c) = self.current {
            self.token_string.push(c);
            if c == b'\n' {
                self.lines_read += 1;
                self.chars_read_line = 0;
            }
        }
        self.current
    }

    fn unget(&mut self) {
        self.unget = true;
        self.chars_read_total -= 1;
        if self.chars_read_line == 0 {
            self.lines_read = self.lines_read.saturating_sub(1);
        } else {
            self.chars_read_line -= 1;
        }
        if self.current.is_some() {
            self.token_string.pop();
        }
    }

    /// Starts a string or number token at the current character.
    fn reset(&mut self) {
        self.buffer.clear();
        self.token_string.clear();
        self.token_string.extend(self.current);
    }

    fn fail(&mut self, message: impl Into<String>) -> Token {
        self.error = message.into();
        Token::ParseError
    }

    /// The token text for messages, control characters shown as `<U+XXXX>`.
    pub fn token_text(&self) -> String {
        let mut out = Vec::with_capacity(self.token_string.len());
        for &c in &self.token_string {
            if c <= 0x1f {
                out.extend_from_slice(format!("<U+{c:04X}>").as_bytes());
            } else {
                out.push(c);
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    pub fn scan(&mut self) -> Token {
        if self.chars_read_total == 0 && !self.skip_bom() {
            return self.fail("invalid BOM; must be 0xEF 0xBB 0xBF if given");
        }
        while matches!(self.get(), Some(b' ' | b'\t' | b'\n' | b'\r')) {}
        match self.current {
            Some(b'[') => Token::BeginArray,
            Some(b']') => Token::EndArray,
            Some(b'{') => Token::BeginObject,
            Some(b'}') => Token::EndObject,
            Some(b':') => Token::NameSeparator,
            Some(b',') => Token::ValueSeparator,
            Some(b't') => self.literal(b"true", Token::True),
            Some(b'f') => self.literal(b"false", Token::False),
            Some(b'n') => self.literal(b"null", Token::Null),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            // The reference stops at a NUL byte as at the end.
            None | Some(0) => Token::EndOfInput,
            Some(_) => self.fail("invalid literal"),
        }
    }

    fn skip_bom(&mut self) -> bool {
        if self.get() == Some(0xef) {
            return self.get() == Some(0xbb) && self.get() == Some(0xbf);
        }
        self.unget();
        true
    }

    fn literal(&mut self, text: &[u8], token: Token) -> Token {
        for &c in &text[1..] {
            if self.get() != Some(c) {
                return self.fail("invalid literal");
            }
        }
        token
    }

    fn string(&mut self) -> Token {
        self.reset();
        loop {
            let Some(c) = self.get() else { return self.fail("invalid string: missing closing quote") };
            match c {
                b'"' => return Token::String,
                b'\\' => {
                    if let Err(message) = self.escape() {
                        return self.fail(message);
                    }
                }
                0..=0x1f => return self.fail(control_character(c)),
                0x20..=0x7f => self.buffer.push(c),
                _ => {
                    if !self.utf8_sequence(c) {
                        return self.fail("invalid string: ill-formed UTF-8 byte");
                    }
                }
            }
        }
    }

    /// After a backslash.
    fn escape(&mut self) -> Result<(), &'static str> {
        let c = match self.get() {
            Some(c @ (b'"' | b'\\' | b'/')) => c,
            Some(b'b') => 0x08,
            Some(b'f') => 0x0c,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => {
                let cp = self.unicode_escape()?;
                let ch = char::from_u32(cp).ok_or("invalid string: ill-formed UTF-8 byte")?;
                self.buffer.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            _ => return Err("invalid string: forbidden character after backslash"),
        };
        self.buffer.push(c);
        Ok(())
    }

    /// The code point of `\uXXXX` (and its low surrogate, for a high one).
    fn unicode_escape(&mut self) -> Result<u32, &'static str> {
        const HEX: &str = "invalid string: '\\u' must be followed by 4 hex digits";
        const HIGH: &str = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
        let first = self.hex4().ok_or(HEX)?;
        match first {
            0xd800..=0xdbff => {
                if !(self.get() == Some(b'\\') && self.get() == Some(b'u')) {
                    return Err(HIGH);
                }
                let second = self.hex4().ok_or(HEX)?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(HIGH);
                }
                Ok(0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00))
            }
            0xdc00..=0xdfff => Err("invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF"),
            _ => Ok(first),
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut cp = 0;
        for _ in 0..4 {
            let digit = char::from(self.get()?).to_digit(16)?;
            cp = cp * 16 + digit;
        }
        Some(cp)
    }

    /// A multi-byte UTF-8 sequence starting with `lead`, checked byte by byte.
    fn utf8_sequence(&mut self, lead: u8) -> bool {
        const CONT: (u8, u8) = (0x80, 0xbf);
        let ranges: &[(u8, u8)] = match lead {
            0xc2..=0xdf => &[CONT],
            0xe0 => &[(0xa0, 0xbf), CONT],
            0xe1..=0xec | 0xee..=0xef => &[CONT, CONT],
            0xed => &[(0x80, 0x9f), CONT],
            0xf0 => &[(0x90, 0xbf), CONT, CONT],
            0xf1..=0xf3 => &[CONT, CONT, CONT],
            0xf4 => &[(0x80, 0x8f), CONT, CONT],
            _ => return false,
        };
        self.buffer.push(lead);
        for &(lo, hi) in ranges {
            match self.get() {
                Some(c) if (lo..=hi).contains(&c) => self.buffer.push(c),
                _ => return false,
            }
        }
        true
    }

    fn number(&mut self) -> Token {
        self.reset();
        let mut integral = true;
        if self.current == Some(b'-') {
            self.buffer.push(b'-');
            if !matches!(self.get(), Some(b'0'..=b'9')) {
                return self.fail("invalid number; expected digit after '-'");
            }
        }
        if self.current == Some(b'0') {
            // Nothing more of the integer part after a leading zero: "01" is "0", "1".
            self.buffer.push(b'0');
            self.get();
        } else {
            self.digits();
        }
        if self.current == Some(b'.') {
            integral = false;
            self.buffer.push(b'.');
            if !matches!(self.get(), Some(b'0'..=b'9')) {
                return self.fail("invalid number; expected digit after '.'");
            }
            self.digits();
        }
        if matches!(self.current, Some(b'e' | b'E')) {
            integral = false;
            self.buffer.push(b'e');
            match self.get() {
                Some(c @ (b'+' | b'-')) => {
                    self.buffer.push(c);
                    if !matches!(self.get(), Some(b'0'..=b'9')) {
                        return self.fail("invalid number; expected digit after exponent sign");
                    }
                }
                Some(b'0'..=b'9') => {}
                _ => return self.fail("invalid number; expected '+', '-', or digit after exponent"),
            }
            self.digits();
        }
        self.unget();
        self.finish(integral)
    }

    /// Reads digits from the current one on; the first non-digit is current after.
    fn digits(&mut self) {
        while let Some(c @ b'0'..=b'9') = self.current {
            self.buffer.push(c);
            self.get();
        }
    }

    /// Converts the number text: integers that do not fit become floats.
    fn finish(&mut self, integral: bool) -> Token {
        let text = std::str::from_utf8(&self.buffer).unwrap_or("");
        if integral {
            if let Ok(u) = text.parse::<u64>() {
                return Token::Unsigned(u);
            }
            if let Ok(i) = text.parse::<i64>() {
                return Token::Integer(i);
            }
        }
        Token::Float(text.parse().unwrap_or(f64::NAN))
    }
}

/// The message for an unescaped control character in a string.
fn control_character(c: u8) -> String {
    const NAMES: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO",
        "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS",
        "RS", "US",
    ];
    let short = match c {
        0x08 => " or \\b",
        0x09 => " or \\t",
        0x0a => " or \\n",
        0x0c => " or \\f",
        0x0d => " or \\r",
        _ => "",
    };
    format!(
        "invalid string: control character U+{c:04X} ({}) must be escaped to \\u{c:04X}{short}",
        NAMES[usize::from(c)]
    )
}
