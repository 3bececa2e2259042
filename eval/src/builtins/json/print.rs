//! `toJSON` as a state machine: values are forced as they are reached, sets with
//! `__toString` or `outPath` stand for strings (calling into Nix), and the text is
//! written as the reference's JSON library writes it (escapes, shortest floats, keys
//! in sorted order). Nesting is an explicit work stack.

use super::path::{Path, Place};
use crate::error::{ErrorKind, EvalError};
use crate::print::short;
use crate::symbol::Symbol;
use crate::value::{Entry, NixString, StringContext, Value};
use crate::vm::native::Step;
use crate::vm::{Ctx, Vm};
use gc_arena::{Collect, Gc, Mutation};

/// The running conversion.
#[derive(Collect)]
#[collect(no_drop)]
pub struct ToJson<'gc> {
    work: Vec<Item<'gc>>,
    #[collect(require_static)]
    out: Vec<u8>,
    #[collect(require_static)]
    context: StringContext,
    /// Forces thunks (else an unevaluated thunk is an error, as for `--json` without
    /// `--strict`).
    #[collect(require_static)]
    strict: bool,
    /// Open lists and sets.
    #[collect(require_static)]
    depth: usize,
    /// Where the value being written is, for the frames of an error.
    #[collect(require_static)]
    path: Path,
    /// The first string that is not valid UTF-8: the reference's library reports it
    /// when it writes the text, after everything has been evaluated.
    #[collect(require_static)]
    utf8_error: Option<String>,
}

/// Work still to do, the next item last.
#[derive(Collect)]
#[collect(no_drop)]
enum Item<'gc> {
    /// Write a value, at a place in the list or set holding it.
    Value(Value<'gc>, #[collect(require_static)] Place),
    /// Write the string a value coerces to (the result of `__toString`).
    Coerce(Value<'gc>),
    /// Write `,` before the next element of a list or set.
    Comma,
    /// Write `"name":`.
    Key(#[collect(require_static)] Symbol),
    /// Close a list (`]`) or set (`}`).
    Close(#[collect(require_static)] u8),
}

impl<'gc> ToJson<'gc> {
    pub fn new(value: Value<'gc>, strict: bool) -> ToJson<'gc> {
        ToJson {
            work: vec![Item::Value(value, Place::Root)],
            out: Vec::new(),
            context: StringContext::default(),
            strict,
            depth: 0,
            path: Path::default(),
            utf8_error: None,
        }
    }

    /// One step; whatever it asked to force is read back from the thunk itself.
    pub fn step(
        &mut self,
        vm: &mut Vm<'gc>,
        mc: &Mutation<'gc>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Step<'gc>, EvalError> {
        while let Some(item) = self.work.pop() {
            let (v, coerce, place) = match item {
                Item::Comma => {
                    self.out.push(b',');
                    continue;
                }
                Item::Key(name) => {
                    self.string(ctx.symbols.resolve(name).to_vec().as_slice());
                    self.out.push(b':');
                    continue;
                }
                Item::Close(c) => {
                    self.out.push(c);
                    self.depth -= 1;
                    self.path.close();
                    continue;
                }
                Item::Value(v, place) => {
                    self.path.enter(place);
                    (v.resolved(), false, place)
                }
                Item::Coerce(v) => (v.resolved(), true, Place::Root),
            };
            if v.is_thunk() {
                if !self.strict && !coerce {
                    return Err(EvalError::eval("cannot convert a thunk to JSON", self.path.position(ctx)));
                }
                self.work.push(if coerce { Item::Coerce(v) } else { Item::Value(v, place) });
                return vm.demand(mc, ctx, v);
            }
            if let Value::Attrs(a) = v {
                let to_string = crate::symbol::known::TO_STRING;
                let out_path = crate::symbol::known::OUT_PATH;
                if let Some(f) = a.get(ctx.symbols, to_string) {
                    let t = Value::apply(mc, f, v);
                    self.work.push(Item::Coerce(t));
                    return vm.demand(mc, ctx, t);
                }
                if let Some(p) = a.get(ctx.symbols, out_path) {
                    self.work.push(if coerce { Item::Coerce(p) } else { Item::Value(p, place) });
                    continue;
                }
            }
            if coerce {
                self.coerced(ctx, v)?;
            } else {
                self.value(ctx, v)?;
            }
        }
        self.path.done();
        if let Some(e) = self.utf8_error.take() {
            return Err(EvalError::eval(
                format!("JSON serialization error: [json.exception.type_error.316] {e}"),
                None,
            ));
        }
        let s = NixString::with_context(std::mem::take(&mut self.out), std::mem::take(&mut self.context));
        Ok(Step::Return(Value::String(Gc::new(mc, s))))
    }

    /// The frames of an error raised where the conversion is, innermost first.
    pub fn frames(&self, ctx: &Ctx<'_>) -> Vec<(String, Option<crate::source::Span>)> {
        self.path.frames(ctx)
    }

    /// Writes a forced value (sets standing for strings are handled by the caller).
    fn value(&mut self, ctx: &mut Ctx<'_>, v: Value<'gc>) -> Result<(), EvalError> {
        match v {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(b) => self.out.extend_from_slice(if b { b"true" } else { b"false" }),
            Value::Int(i) => self.out.extend_from_slice(i.to_string().as_bytes()),
            Value::Float(f) => self.out.extend_from_slice(float(f).as_bytes()),
            Value::String(s) => self.nix_string(s),
            Value::Path(p) => {
                let copied = crate::vm::path_to_store(ctx, &p.bytes)?;
                self.context = self.context.union(&copied.context);
                self.string(&copied.bytes);
            }
            Value::List(l) => {
                self.open(ctx, b'[', b']')?;
                for (i, &e) in l.0.iter().enumerate().rev() {
                    self.work.push(Item::Value(e, Place::Index(i as u32)));
                    if i > 0 {
                        self.work.push(Item::Comma);
                    }
                }
            }
            Value::Attrs(a) => {
                self.open(ctx, b'{', b'}')?;
                for (i, &Entry { name, value: e, pos }) in a.entries(ctx.symbols).iter().enumerate().rev() {
                    self.work.push(Item::Value(e, Place::Attr(name, pos)));
                    self.work.push(Item::Key(name));
                    if i > 0 {
                        self.work.push(Item::Comma);
                    }
                }
            }
            Value::Lambda(c) => {
                let at = ctx.program.lambda(c.lambda).span;
                return Err(EvalError::eval("cannot convert a function to JSON", Some(at)));
            }
            Value::PrimOp(op) => {
                let name = ctx.builtins.def(op).name;
                return Err(EvalError::eval(
                    format!("cannot convert the built-in function '{name}' to JSON"),
                    None,
                ));
            }
            Value::PrimOpApp(app) => {
                let name = ctx.builtins.def(app.op).name;
                return Err(EvalError::eval(
                    format!("cannot convert the partially applied built-in function '{name}' to JSON"),
                    None,
                ));
            }
            Value::Thunk(_) => unreachable!("forced by the caller"),
        }
        Ok(())
    }

    /// Writes what `__toString` returned, coerced to a string without copying paths.
    fn coerced(&mut self, ctx: &Ctx<'_>, v: Value<'gc>) -> Result<(), EvalError> {
        match v {
            Value::String(s) => self.nix_string(s),
            Value::Path(p) => self.string(&p.bytes),
            other => {
                let mut e = EvalError::eval(
                    format!("cannot coerce {} to a string: {}", other.type_phrase(), short(ctx, other)),
                    None,
                );
                e.add_trace("while evaluating the result of the `__toString` attribute", None);
                return Err(e);
            }
        }
        Ok(())
    }

    /// Opens a list or set, to be closed by `close` once its elements are written.
    fn open(&mut self, ctx: &Ctx<'_>, open: u8, close: u8) -> Result<(), EvalError> {
        if self.depth >= ctx.options.max_call_depth {
            return Err(EvalError::new(
                ErrorKind::StackOverflow,
                "stack overflow; max-call-depth exceeded",
                None,
            ));
        }
        self.depth += 1;
        self.path.open();
        self.out.push(open);
        self.work.push(Item::Close(close));
        Ok(())
    }

    fn nix_string(&mut self, s: Gc<'gc, NixString>) {
        if !s.context.is_empty() {
            self.context = self.context.union(&s.context);
        }
        self.string(&s.bytes);
    }

    fn string(&mut self, bytes: &[u8]) {
        if self.utf8_error.is_none() {
            self.utf8_error = utf8_error(bytes);
        }
        write_string(&mut self.out, bytes);
    }
}

/// A JSON string literal: `"`, `\` and control characters escaped, the rest as is.
fn write_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    for &c in bytes {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0..=0x1f => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
            _ => out.push(c),
        }
    }
    out.push(b'"');
}

/// The reference library's complaint about bytes that are not UTF-8: the index of the
/// byte where decoding fails, or the last byte of an unfinished sequence.
fn utf8_error(bytes: &[u8]) -> Option<String> {
    let e = std::str::from_utf8(bytes).err()?;
    let start = e.valid_up_to();
    Some(match e.error_len() {
        None => format!("incomplete UTF-8 string; last byte: 0x{:02X}", bytes[bytes.len() - 1]),
        Some(len) => {
            let lead = matches!(bytes[start], 0xc2..=0xf4);
            let at = if lead { start + len } else { start };
            format!("invalid UTF-8 byte at index {at}: 0x{:02X}", bytes[at])
        }
    })
}

/// A float as the reference's library writes it: the shortest digits that read back
/// to the same number, in fixed notation for decimal exponents from -4 to 15 (always
/// with a fractional part), else in exponent notation; not finite is `null`.
pub fn float(f: f64) -> String {
    if !f.is_finite() {
        return "null".into();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let k = digits.len() as i64;
    // The decimal point comes after `n` digits.
    let n = exp.parse::<i64>().unwrap_or(0) + 1;
    let body = if k <= n && n <= 15 {
        format!("{digits}{}.0", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 15 {
        let (int, frac) = digits.split_at(n as usize);
        format!("{int}.{frac}")
    } else if -4 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        format!("{first}{dot}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_the_reference() {
        let cases = [
            (1.0, "1.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e20, "1e+20"),
            (1e-7, "1e-07"),
            (1e-300, "1e-300"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (100.0, "100.0"),
            (1e15, "1e+15"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.0, "1.234567890123456e+15"),
            (123456789.123, "123456789.123"),
            (0.0001, "0.0001"),
            (-1.5e-10, "-1.5e-10"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "null"),
        ];
        for (f, want) in cases {
            assert_eq!(float(f), want, "{f:e}");
        }
    }

    #[test]
    fn strings_escaped_as_the_reference() {
        let mut out = Vec::new();
        write_string(&mut out, b"q\"b\\\n\t\x01\x7f\xc3\xa9");
        assert_eq!(out, b"\"q\\\"b\\\\\\n\\t\\u0001\x7f\xc3\xa9\"");
    }

    #[test]
    fn utf8_errors_as_the_reference() {
        assert_eq!(utf8_error(b"\xc3a").unwrap(), "invalid UTF-8 byte at index 1: 0x61");
        assert_eq!(utf8_error(b"a\xa9").unwrap(), "invalid UTF-8 byte at index 1: 0xA9");
        assert_eq!(utf8_error(b"a\xc3").unwrap(), "incomplete UTF-8 string; last byte: 0xC3");
        assert_eq!(utf8_error("é".as_bytes()), None);
    }
}
