//! `fromTOML`: TOML documents (parsed by the `toml` crate) as Nix values. Tables become
//! sets, arrays lists; dates and times are rejected as the reference rejects them.
//! Errors are worded as the reference's TOML library words the common ones, with its
//! excerpt of the offending line (both lines for a duplicate key, see `duplicate`).

mod duplicate;

use super::util::{arg, new_string, ok, string};
use super::{PrimOpDef, Ret, global};
use crate::error::EvalError;
use crate::value::{AttrsBuilder, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[global("fromTOML", 1, 1, from_toml)];

fn from_toml<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = arg(0, string(ctx, a[0]))?;
    let fail = |m: String| EvalError::eval(format!("while parsing TOML: {m}"), None);
    let text = std::str::from_utf8(&s.bytes)
        .map_err(|e| fail(format!("[error] invalid UTF-8 sequence at byte {}", e.valid_up_to())))?;
    let table: toml::Table = text.parse().map_err(|e| fail(describe(text, &e)))?;
    ok(convert(mc, ctx, toml::Value::Table(table)).map_err(fail)?)
}

/// The Nix value of a TOML value.
fn convert<'gc>(mc: &Mutation<'gc>, ctx: &mut Ctx<'_>, v: toml::Value) -> Result<Value<'gc>, String> {
    Ok(match v {
        toml::Value::String(s) => new_string(mc, s.into_bytes()),
        toml::Value::Integer(i) => Value::Int(i),
        toml::Value::Float(f) => Value::Float(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(_) => return Err("Dates and times are not supported".into()),
        toml::Value::Array(items) => {
            let items = items.into_iter().map(|i| convert(mc, ctx, i)).collect::<Result<Vec<_>, _>>()?;
            Value::list(mc, items)
        }
        toml::Value::Table(t) => {
            let mut set = AttrsBuilder::with_capacity(t.len());
            for (k, v) in t {
                let name = ctx.symbols.intern(k.as_bytes());
                set.push(name, convert(mc, ctx, v)?);
            }
            // TOML keys are unique within a table.
            let set = set.finish(mc, ctx.symbols, true).map_err(|_| "duplicate key".to_owned())?;
            Value::Attrs(set)
        }
    })
}

/// The reference's wording of a parse error: a headline and the offending line with a
/// marker.
fn describe(text: &str, e: &toml::de::Error) -> String {
    let span = e.span().unwrap_or(0..0);
    let token = text.get(span.clone()).unwrap_or("");
    let digits = token.trim_start_matches(['+', '-']);
    let overflow = e.message().contains("too large") || e.message().contains("as i128");
    let (headline, at, note) = if e.message().starts_with("string values must be quoted") {
        ("bad format: unknown value appeared", span.start, "here")
    } else if overflow && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
        ("toml::parse_dec_integer: too large integer: current max digits = 2^63", span.end, "must be < 2^63")
    } else if e.message() == "duplicate key" || e.message().starts_with("cannot extend value of type") {
        return duplicate::report(text, span.start);
    } else {
        (e.message(), span.start, "here")
    };
    format!("[error] {headline}\n{}", excerpt(text, at, note))
}

/// ` --> fromTOML` and the line holding byte `at`, with `^-- note` under it.
fn excerpt(text: &str, at: usize, note: &str) -> String {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let number = text[..line_start].matches('\n').count() + 1;
    let w = number.to_string().len();
    let column = text[line_start..at].chars().count();
    let line = &text[line_start..line_end];
    format!(" --> fromTOML\n {:w$} |\n {number} | {line}\n {:w$} | {}^-- {note}", "", "", " ".repeat(column))
}

#[cfg(test)]
mod tests {
    use super::describe;

    fn error(text: &str) -> String {
        describe(text, &text.parse::<toml::Table>().expect_err("invalid TOML"))
    }

    #[test]
    fn reference_wording() {
        assert_eq!(
            error("a = "),
            "[error] bad format: unknown value appeared\n --> fromTOML\n   |\n 1 | a = \n   |     ^-- here"
        );
        assert!(
            error("b = 1\na = 9223372036854775808")
                .ends_with(" 2 | a = 9223372036854775808\n   |                        ^-- must be < 2^63")
        );
        assert!(error("[a]\n[a]").starts_with("[error] toml::insert_value: failed to insert a table"));
    }
}
