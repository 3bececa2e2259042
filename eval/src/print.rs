//! Printing values in Nix syntax: the `nix-instantiate --eval` form (unevaluated parts
//! as `<CODE>`, shared sets and lists as `«repeated»`) and the short form quoted in
//! error messages (`«lambda @ file:1:2»`, `«thunk»`, long parts elided). Printing never
//! forces anything.

use crate::symbol::Interner;
use crate::value::{ThunkState, Value};
use crate::vm::Ctx;
use gc_arena::Gc;
use std::collections::HashSet;
use std::fmt::Write;

/// Prints `v` as `nix-instantiate --eval` does.
pub fn print_value(ctx: &Ctx<'_>, v: Value<'_>) -> String {
    let mut p =
        Printer { ctx, out: String::new(), seen: HashSet::new(), errors: false, max_depth: usize::MAX };
    p.value(v, 0);
    p.out
}

/// The form values take inside error messages.
pub fn short(ctx: &Ctx<'_>, v: Value<'_>) -> String {
    let mut p = Printer { ctx, out: String::new(), seen: HashSet::new(), errors: true, max_depth: 3 };
    p.value(v, 0);
    p.out
}

/// Items shown of a list or set in error messages.
const ERROR_ITEMS: usize = 10;

struct Printer<'c, 'a> {
    ctx: &'c Ctx<'a>,
    out: String,
    seen: HashSet<usize>,
    errors: bool,
    max_depth: usize,
}

impl Printer<'_, '_> {
    fn value(&mut self, v: Value<'_>, depth: usize) {
        match v.resolved() {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if b { "true" } else { "false" }),
            Value::Int(i) => write!(self.out, "{i}").expect("writing to a string"),
            Value::Float(f) => self.out.push_str(&format_float(f)),
            Value::String(s) => self.out.push_str(&quote_string(&s.bytes)),
            Value::Path(p) => self.out.push_str(&String::from_utf8_lossy(&p.bytes)),
            Value::Attrs(a) => {
                if !a.is_empty() && !self.seen.insert(Gc::as_ptr(a) as usize) {
                    return self.out.push_str("«repeated»");
                }
                if a.is_empty() {
                    return self.out.push_str("{ }");
                }
                if depth >= self.max_depth {
                    return self.out.push_str("{ ... }");
                }
                self.out.push_str("{ ");
                for (i, (k, v)) in a.entries().iter().enumerate() {
                    if self.errors && i == ERROR_ITEMS {
                        write!(self.out, "«{} attributes elided» ", a.len() - i).expect("string");
                        break;
                    }
                    self.out.push_str(&attr_name(self.ctx.symbols, *k));
                    self.out.push_str(" = ");
                    self.value(*v, depth + 1);
                    self.out.push_str("; ");
                }
                self.out.push('}');
            }
            Value::List(l) => {
                if !l.0.is_empty() && !self.seen.insert(Gc::as_ptr(l) as usize) {
                    return self.out.push_str("«repeated»");
                }
                if l.0.is_empty() {
                    return self.out.push_str("[ ]");
                }
                if depth >= self.max_depth {
                    return self.out.push_str("[ ... ]");
                }
                self.out.push_str("[ ");
                for (i, v) in l.0.iter().enumerate() {
                    if self.errors && i == ERROR_ITEMS {
                        write!(self.out, "«{} items elided» ", l.0.len() - i).expect("string");
                        break;
                    }
                    self.value(*v, depth + 1);
                    self.out.push(' ');
                }
                self.out.push(']');
            }
            Value::Lambda(c) if self.errors => {
                let lambda = self.ctx.program.lambda(c.lambda);
                let name =
                    lambda.name.map(|n| format!("{} ", self.ctx.symbols.display(n))).unwrap_or_default();
                let file = self.ctx.sources.get(lambda.span.file);
                let (line, col) = file.line_col(lambda.span.start);
                write!(self.out, "«lambda {name}@ {}:{line}:{col}»", file.name()).expect("string");
            }
            Value::Lambda(_) => self.out.push_str("<LAMBDA>"),
            Value::PrimOp(op) if self.errors => {
                write!(self.out, "«primop {}»", self.ctx.builtins.def(op).name).expect("string");
            }
            Value::PrimOp(_) => self.out.push_str("<PRIMOP>"),
            Value::PrimOpApp(app) if self.errors => {
                write!(self.out, "«partially applied primop {}»", self.ctx.builtins.def(app.op).name)
                    .expect("string");
            }
            Value::PrimOpApp(_) => self.out.push_str("<PRIMOP-APP>"),
            Value::Thunk(t) => match t.state() {
                ThunkState::Blackhole if self.errors => self.out.push_str("«potential infinite recursion»"),
                _ if self.errors => self.out.push_str("«thunk»"),
                _ => self.out.push_str("<CODE>"),
            },
        }
    }
}

/// A string literal with the reference's escapes.
pub fn quote_string(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'"');
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'$' if bytes.get(i + 1) == Some(&b'{') => out.extend_from_slice(b"\\$"),
            c => out.push(c),
        }
        i += 1;
    }
    out.push(b'"');
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// An attribute name as printed: bare when it is an identifier, else quoted.
pub fn attr_name(symbols: &Interner, name: crate::symbol::Symbol) -> String {
    let bytes = symbols.resolve(name);
    let ident = bytes.first().is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        && bytes.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'-'));
    let keyword = matches!(
        bytes,
        b"if" | b"then" | b"else" | b"assert" | b"with" | b"let" | b"in" | b"rec" | b"inherit"
    );
    if ident && !keyword { String::from_utf8_lossy(bytes).into_owned() } else { quote_string(bytes) }
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
