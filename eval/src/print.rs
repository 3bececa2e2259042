//! Printing values in Nix syntax: the `nix-instantiate --eval` form (unevaluated parts
//! as `<CODE>`, sets and lists met again as `«repeated»`) and the short form quoted in
//! error messages (`«lambda @ file:1:2»`, `«thunk»`, long parts elided). Printing never
//! forces anything.

use crate::symbol::Interner;
use crate::value::{Entry, ThunkState, Value};
use crate::vm::Ctx;
use gc_arena::Gc;
use std::collections::HashSet;
use std::io::Write;

/// Prints `v` as `nix-instantiate --eval` does (strings byte for byte).
pub fn print_value(ctx: &Ctx<'_>, v: Value<'_>) -> Vec<u8> {
    let mut p = Printer { ctx, out: Vec::new(), seen: HashSet::new(), errors: false, max_depth: usize::MAX };
    p.value(v, 0);
    p.out
}

/// The form values take inside error messages.
pub fn short(ctx: &Ctx<'_>, v: Value<'_>) -> String {
    let mut p = Printer { ctx, out: Vec::new(), seen: HashSet::new(), errors: true, max_depth: 3 };
    p.value(v, 0);
    String::from_utf8_lossy(&p.out).into_owned()
}

/// Items shown of a list or set in error messages.
const ERROR_ITEMS: usize = 10;

struct Printer<'c, 'a> {
    ctx: &'c Ctx<'a>,
    out: Vec<u8>,
    seen: HashSet<usize>,
    errors: bool,
    max_depth: usize,
}

impl Printer<'_, '_> {
    fn push_str(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    fn value(&mut self, v: Value<'_>, depth: usize) {
        // As in the reference, a set is the same set wherever it is met, but a list is
        // only the same through the same (evaluated) thunk.
        let cell = if let Value::Thunk(t) = v { Some(t.addr()) } else { None };
        match v.resolved() {
            Value::Null => self.push_str("null"),
            Value::Bool(b) => self.push_str(if b { "true" } else { "false" }),
            Value::Int(i) => self.push_str(&i.to_string()),
            Value::Float(f) => self.push_str(&format_float(f)),
            Value::String(s) => self.out.extend_from_slice(&quote_bytes(&s.bytes)),
            Value::Path(p) => self.out.extend_from_slice(&p.bytes),
            Value::Attrs(a) => {
                if !a.is_empty() && !self.seen.insert(Gc::as_ptr(a) as usize) {
                    return self.push_str("«repeated»");
                }
                if a.is_empty() {
                    return self.push_str("{ }");
                }
                if depth >= self.max_depth {
                    return self.push_str("{ ... }");
                }
                self.push_str("{ ");
                for (i, Entry { name: k, value: v, .. }) in a.entries(self.ctx.symbols).iter().enumerate() {
                    if self.errors && i == ERROR_ITEMS {
                        write!(self.out, "«{} attributes elided» ", a.len() - i).expect("writing to a Vec");
                        break;
                    }
                    self.out.extend_from_slice(&attr_name_bytes(self.ctx.symbols.resolve(*k)));
                    self.push_str(" = ");
                    self.value(*v, depth + 1);
                    self.push_str("; ");
                }
                self.push_str("}");
            }
            Value::List(l) => {
                if !l.0.is_empty() && cell.is_some_and(|c| !self.seen.insert(c)) {
                    return self.push_str("«repeated»");
                }
                if l.0.is_empty() {
                    return self.push_str("[ ]");
                }
                if depth >= self.max_depth {
                    return self.push_str("[ ... ]");
                }
                self.push_str("[ ");
                for (i, v) in l.0.iter().enumerate() {
                    if self.errors && i == ERROR_ITEMS {
                        write!(self.out, "«{} items elided» ", l.0.len() - i).expect("writing to a Vec");
                        break;
                    }
                    self.value(*v, depth + 1);
                    self.push_str(" ");
                }
                self.push_str("]");
            }
            Value::Lambda(c) if self.errors => {
                let lambda = self.ctx.program.lambda(c.lambda);
                let name =
                    lambda.name.map(|n| format!("{} ", self.ctx.symbols.display(n))).unwrap_or_default();
                let file = self.ctx.sources.get(lambda.span.file);
                let (line, col) = file.line_col(lambda.span.start);
                write!(self.out, "«lambda {name}@ {}:{line}:{col}»", file.name()).expect("writing to a Vec");
            }
            Value::Lambda(_) => self.push_str("<LAMBDA>"),
            Value::PrimOp(op) if self.errors => {
                write!(self.out, "«primop {}»", self.ctx.builtins.def(op).name).expect("writing to a Vec");
            }
            Value::PrimOp(_) => self.push_str("<PRIMOP>"),
            Value::PrimOpApp(app) if self.errors => {
                write!(self.out, "«partially applied primop {}»", self.ctx.builtins.def(app.op).name)
                    .expect("writing to a Vec");
            }
            Value::PrimOpApp(_) => self.push_str("<PRIMOP-APP>"),
            Value::Thunk(t) => match t.state() {
                ThunkState::Blackhole if self.errors => self.push_str("«potential infinite recursion»"),
                _ if self.errors => self.push_str("«thunk»"),
                _ => self.push_str("<CODE>"),
            },
        }
    }
}

/// A string literal with the reference's escapes, as text (invalid UTF-8 replaced).
pub fn quote_string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&quote_bytes(bytes)).into_owned()
}

/// A string literal with the reference's escapes; other bytes are kept as they are.
fn quote_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'"');
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'$' if bytes.get(i + 1) == Some(&b'{') => out.extend_from_slice(b"\\$"),
            c => out.push(c),
        }
    }
    out.push(b'"');
    out
}

/// An attribute name as printed: bare when it is an identifier, else quoted.
pub fn attr_name(symbols: &Interner, name: crate::symbol::Symbol) -> String {
    String::from_utf8_lossy(&attr_name_bytes(symbols.resolve(name))).into_owned()
}

fn attr_name_bytes(bytes: &[u8]) -> Vec<u8> {
    let ident = bytes.first().is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        && bytes.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'-'));
    let keyword = matches!(
        bytes,
        b"if" | b"then" | b"else" | b"assert" | b"with" | b"let" | b"in" | b"rec" | b"inherit"
    );
    if ident && !keyword { bytes.to_vec() } else { quote_bytes(bytes) }
}

/// A float as the reference prints it: C's `%g` (6 significant digits).
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan".into() } else { "nan".into() };
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf".into() } else { "inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{f:.5e}");
    let (mantissa, exp) = sci.split_once('e').expect("exponent form");
    let exp: i32 = exp.parse().expect("an integer exponent");
    if !(-4..6).contains(&exp) {
        let m = trim_zeros(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{m}e{sign}{:02}", exp.abs());
    }
    let fixed = format!("{:.*}", (5 - exp) as usize, f);
    trim_zeros(&fixed).to_owned()
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_printf_g() {
        assert_eq!(format_float(0.1 + 0.2), "0.3");
        assert_eq!(format_float(1.0), "1");
        assert_eq!(format_float(1e20), "1e+20");
        assert_eq!(format_float(2.0 / 3.0), "0.666667");
        assert_eq!(format_float(1e6), "1e+06");
        assert_eq!(format_float(123456.7), "123457");
        assert_eq!(format_float(0.0001), "0.0001");
        assert_eq!(format_float(0.00001), "1e-05");
        assert_eq!(format_float(-0.0), "-0");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(quote_string(b"a\"b\\c\n${x}$y"), r#""a\"b\\c\n\${x}$y""#);
    }
}
