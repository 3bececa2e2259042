//! `match` and `split`: POSIX extended regular expressions, as the reference's C++
//! `std::regex` with the `extended` grammar reads them, translated to the syntax of the
//! `regex` crate and matched per byte (`.` is one byte, `é` two). Where the crate's
//! leftmost-first choice differs from POSIX leftmost-longest, the crate's wins.

use super::util::{arg, new_string, ok, string};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;
use regex::bytes::{Captures, Regex, RegexBuilder};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write;

pub const PRIMOPS: &[PrimOpDef] = &[prim("match", 2, 3, match_), prim("split", 2, 3, split)];

/// `match regex str`: the capture groups if the regex matches all of `str`, else null.
fn match_<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let re = compiled(&arg(0, string(ctx, a[0]))?.bytes, true)?;
    let s = arg(1, string(ctx, a[1]))?;
    ok(match re.captures(&s.bytes) {
        Some(caps) => groups(mc, &caps),
        None => Value::Null,
    })
}

/// `split regex str`: the parts of `str` between matches, interleaved with the lists of
/// each match's capture groups.
fn split<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let re = compiled(&arg(0, string(ctx, a[0]))?.bytes, false)?;
    let s = arg(1, string(ctx, a[1]))?;
    let hay = &s.bytes[..];
    let mut out = Vec::new();
    let (mut from, mut search) = (0, 0);
    while search <= hay.len() {
        let Some(caps) = re.captures_at(hay, search) else { break };
        let m = caps.get(0).expect("group 0 is the match");
        out.push(new_string(mc, &hay[from..m.start()]));
        out.push(groups(mc, &caps));
        from = m.end();
        // As the reference's iterator: after an empty match, go on one byte later.
        search = if m.is_empty() { m.end() + 1 } else { m.end() };
    }
    out.push(new_string(mc, &hay[from..]));
    ok(Value::list(mc, out))
}

/// The capture groups of a match (null for groups that did not take part).
fn groups<'gc>(mc: &Mutation<'gc>, caps: &Captures<'_>) -> Value<'gc> {
    let items: Vec<Value<'gc>> =
        caps.iter().skip(1).map(|g| g.map_or(Value::Null, |m| new_string(mc, m.as_bytes()))).collect();
    Value::list(mc, items)
}

/// A regex's source and whether it must match the whole string.
type Key = (Box<[u8]>, bool);

thread_local! {
    /// Compiled regexes; cleared when it grows large.
    static CACHE: RefCell<HashMap<Key, Regex>> = RefCell::new(HashMap::new());
}

/// The regex for the POSIX pattern `src`, anchored at both ends if `whole`.
fn compiled(src: &[u8], whole: bool) -> Result<Regex, EvalError> {
    let key = (Box::<[u8]>::from(src), whole);
    if let Some(re) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(re);
    }
    let invalid =
        || EvalError::eval(format!("invalid regular expression '{}'", String::from_utf8_lossy(src)), None);
    let body = translate(src).ok_or_else(invalid)?;
    let pattern = if whole { format!(r"\A(?:{body})\z") } else { body };
    let re = RegexBuilder::new(&pattern).unicode(false).build().map_err(|_| invalid())?;
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 256 {
            c.clear();
        }
        c.insert(key, re.clone());
    });
    Ok(re)
}

/// The `regex`-crate pattern for a POSIX extended regular expression, or `None` if it
/// is invalid in the reference's grammar.
fn translate(src: &[u8]) -> Option<String> {
    let mut p = Parser { src, pos: 0, out: String::new() };
    p.disjunction()?;
    (p.pos == src.len()).then_some(p.out)
}

/// A recursive-descent reader of the extended grammar that writes the translation.
struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    out: String,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.pos += hit as usize;
        hit
    }

    /// `alternative ('|' alternative)*`
    fn disjunction(&mut self) -> Option<()> {
        self.alternative()?;
        while self.eat(b'|') {
            self.out.push('|');
            self.alternative()?;
        }
        Some(())
    }

    /// A sequence of anchors and quantified atoms, up to `|`, `)` or the end.
    fn alternative(&mut self) -> Option<()> {
        while let Some(b) = self.peek() {
            match b {
                b'|' | b')' => break,
                b'^' | b'$' => {
                    self.pos += 1;
                    self.out.push_str(if b == b'^' { r"\A" } else { r"\z" });
                }
                _ => {
                    let start = self.out.len();
                    self.atom()?;
                    while self.quantifier(start)? {}
                }
            }
        }
        Some(())
    }

    fn atom(&mut self) -> Option<()> {
        let b = self.peek()?;
        self.pos += 1;
        match b {
            b'.' => self.out.push_str(r"[^\x00]"),
            b'(' => {
                self.out.push('(');
                self.disjunction()?;
                if !self.eat(b')') {
                    return None;
                }
                self.out.push(')');
            }
            b'[' => self.bracket()?,
            b'\\' => {
                let c = self.peek().filter(|c| b".[\\()*+?{|^$".contains(c))?;
                self.pos += 1;
                push_byte(&mut self.out, c);
            }
            b'*' | b'+' | b'?' | b'{' => return None,
            _ => push_byte(&mut self.out, b),
        }
        Some(())
    }

    /// Applies a quantifier, if one follows, to the translation from `start` on.
    /// Quantifiers stack (`a**`); `X*` becomes `(?:X+)?` so that a group that matched
    /// the empty string once reports it, as the reference does.
    fn quantifier(&mut self, start: usize) -> Option<bool> {
        let (min, max) = match self.peek() {
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'?') => (0, Some(1)),
            Some(b'{') => {
                self.pos += 1;
                let min = self.number()?;
                let max = if self.eat(b',') {
                    if self.peek() == Some(b'}') { None } else { Some(self.number()?) }
                } else {
                    Some(min)
                };
                if self.peek() != Some(b'}') || max.is_some_and(|m| m < min) {
                    return None;
                }
                (min, max)
            }
            _ => return Some(false),
        };
        self.pos += 1;
        let inner = self.out.split_off(start);
        let s = &mut self.out;
        match (min, max) {
            (0, None) => write!(s, "(?:(?:{inner})+)?"),
            (1, None) => write!(s, "(?:{inner})+"),
            (min, None) => write!(s, "(?:{inner}){{{min},}}"),
            (min, Some(max)) => write!(s, "(?:{inner}){{{min},{max}}}"),
        }
        .ok()?;
        Some(true)
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        std::str::from_utf8(&self.src[start..self.pos]).ok()?.parse().ok()
    }

    /// A bracket expression after its `[`, written as an explicit set of bytes.
    fn bracket(&mut self) -> Option<()> {
        let negated = self.eat(b'^');
        let mut set = [false; 256];
        let mut first = true;
        loop {
            let b = self.peek()?;
            if b == b']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            let (members, single) = match self.bracket_item()? {
                Item::Class(members) => (members, false),
                Item::Byte(lo) | Item::Collating(lo) if self.dash_before(|c| c != b']') => {
                    self.pos += 1;
                    match self.bracket_item()? {
                        Item::Byte(hi) if hi >= lo => ((lo..=hi).collect(), false),
                        _ => return None,
                    }
                }
                Item::Byte(b) | Item::Collating(b) => (vec![b], true),
            };
            // After a class or a range, a dash may only end the expression.
            if !single && self.dash_before(|c| c != b']') {
                return None;
            }
            members.iter().for_each(|&m| set[m as usize] = true);
        }
        self.out.push('[');
        for (m, _) in set.iter().enumerate().filter(|&(_, &inside)| inside != negated) {
            push_byte(&mut self.out, m as u8);
        }
        if set.iter().all(|&inside| inside == negated) {
            // Nothing matches: a class the crate accepts that is empty.
            self.out.push_str(r"^\x00-\xFF");
        }
        self.out.push(']');
        Some(())
    }

    /// Whether a dash comes next, followed by a byte that passes `then`.
    fn dash_before(&self, then: impl Fn(u8) -> bool) -> bool {
        self.peek() == Some(b'-') && self.src.get(self.pos + 1).is_some_and(|&c| then(c))
    }

    /// One member of a bracket expression: a byte, `[.x.]`, `[=x=]` or `[:class:]`.
    fn bracket_item(&mut self) -> Option<Item> {
        let b = self.peek()?;
        self.pos += 1;
        let kind = match (b, self.peek()) {
            (b'[', Some(k @ (b':' | b'.' | b'='))) => k,
            _ => return Some(Item::Byte(b)),
        };
        self.pos += 1;
        let start = self.pos;
        while !(self.peek()? == kind && self.src.get(self.pos + 1) == Some(&b']')) {
            self.pos += 1;
        }
        let name = &self.src[start..self.pos];
        self.pos += 2;
        match (kind, name) {
            (b':', _) => class(name).map(Item::Class),
            (b'=', &[c]) => Some(Item::Class(vec![c])),
            (b'.', &[c]) => Some(Item::Collating(c)),
            (b'.', _) => collating_name(name).map(Item::Collating),
            _ => None,
        }
    }
}

/// A member of a bracket expression.
enum Item {
    Byte(u8),
    /// `[.x.]`: may start a range but not end one.
    Collating(u8),
    Class(Vec<u8>),
}

/// The bytes of a character class in the C locale.
fn class(name: &[u8]) -> Option<Vec<u8>> {
    let test: fn(u8) -> bool = match name {
        b"alpha" => |c| c.is_ascii_alphabetic(),
        b"digit" | b"d" => |c| c.is_ascii_digit(),
        b"alnum" => |c| c.is_ascii_alphanumeric(),
        b"w" => |c| c.is_ascii_alphanumeric() || c == b'_',
        b"upper" => |c| c.is_ascii_uppercase(),
        b"lower" => |c| c.is_ascii_lowercase(),
        b"space" | b"s" => |c| matches!(c, b' ' | b'\t'..=b'\r'),
        b"blank" => |c| matches!(c, b' ' | b'\t'),
        b"punct" => |c| c.is_ascii_punctuation(),
        b"print" => |c| (0x20..0x7f).contains(&c),
        b"graph" => |c| c.is_ascii_graphic(),
        b"cntrl" => |c| c.is_ascii_control(),
        b"xdigit" => |c| c.is_ascii_hexdigit(),
        _ => return None,
    };
    Some((0..=255u8).filter(|&c| test(c)).collect())
}

/// The byte a POSIX collating-symbol name stands for (`[.hyphen.]`).
fn collating_name(name: &[u8]) -> Option<u8> {
    const NAMES: &[(&[u8], u8)] = &[
        (b"NUL", 0),
        (b"tab", b'\t'),
        (b"newline", b'\n'),
        (b"vertical-tab", 0x0b),
        (b"form-feed", 0x0c),
        (b"carriage-return", b'\r'),
        (b"space", b' '),
        (b"exclamation-mark", b'!'),
        (b"quotation-mark", b'"'),
        (b"number-sign", b'#'),
        (b"dollar-sign", b'$'),
        (b"percent-sign", b'%'),
        (b"ampersand", b'&'),
        (b"apostrophe", b'\''),
        (b"left-parenthesis", b'('),
        (b"right-parenthesis", b')'),
        (b"asterisk", b'*'),
        (b"plus-sign", b'+'),
        (b"comma", b','),
        (b"hyphen", b'-'),
        (b"hyphen-minus", b'-'),
        (b"period", b'.'),
        (b"full-stop", b'.'),
        (b"slash", b'/'),
        (b"solidus", b'/'),
        (b"colon", b':'),
        (b"semicolon", b';'),
        (b"less-than-sign", b'<'),
        (b"equals-sign", b'='),
        (b"greater-than-sign", b'>'),
        (b"question-mark", b'?'),
        (b"commercial-at", b'@'),
        (b"left-square-bracket", b'['),
        (b"backslash", b'\\'),
        (b"reverse-solidus", b'\\'),
        (b"right-square-bracket", b']'),
        (b"circumflex", b'^'),
        (b"circumflex-accent", b'^'),
        (b"underscore", b'_'),
        (b"low-line", b'_'),
        (b"grave-accent", b'`'),
        (b"left-brace", b'{'),
        (b"left-curly-bracket", b'{'),
        (b"vertical-line", b'|'),
        (b"right-brace", b'}'),
        (b"right-curly-bracket", b'}'),
        (b"tilde", b'~'),
        (b"DEL", 0x7f),
    ];
    NAMES.iter().find(|(n, _)| *n == name).map(|&(_, b)| b)
}

/// Writes a byte as an escape the crate reads as that byte.
fn push_byte(out: &mut String, b: u8) {
    let _ = write!(out, r"\x{b:02X}");
}

#[cfg(test)]
mod tests {
    use super::{compiled, translate};

    fn groups(re: &str, s: &str) -> Option<Vec<Option<String>>> {
        let re = compiled(re.as_bytes(), true).expect("valid");
        re.captures(s.as_bytes()).map(|c| {
            c.iter().skip(1).map(|g| g.map(|m| String::from_utf8_lossy(m.as_bytes()).into())).collect()
        })
    }

    #[test]
    fn invalid_patterns() {
        for p in [
            "*a",
            "a|*b",
            "(a",
            "a)",
            "a{",
            "{a",
            "a{2,1}",
            "a{,2}",
            "[]",
            "[b-a]",
            "[[:foo:]]",
            "\\d",
            "a\\",
            "(a)\\1",
            "[[:digit:]-z]",
            "^*",
        ] {
            assert!(translate(p.as_bytes()).is_none(), "{p}");
        }
    }

    #[test]
    fn posix_semantics() {
        assert_eq!(groups("()*", ""), Some(vec![Some(String::new())]));
        assert_eq!(
            groups("((a)|(b))+", "ab"),
            Some(vec![Some("b".into()), Some("a".into()), Some("b".into())])
        );
        assert_eq!(groups("(.*?)-(.*)", "a-b-c"), Some(vec![Some("a-b".into()), Some("c".into())]));
        assert_eq!(groups("[]a]+[[.hyphen.]]", "]a-"), Some(vec![]));
        assert_eq!(groups("(.)", "é"), None);
        assert_eq!(groups("a**", "aa"), Some(vec![]));
    }
}
