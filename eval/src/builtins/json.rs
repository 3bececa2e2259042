//! JSON builtins: `toJSON` (a state machine that forces as it writes, see `print`) and
//! `fromJSON` (a parser with the reference's error messages, see `parse`). The CLI's
//! `--json` output uses [`to_json`].

mod lexer;
mod parse;
mod path;
mod print;

use super::util::{arg, ok, string};
use super::{PrimOpDef, Ret, prim};
use crate::error::EvalError;
use crate::symbol::{Interner, Symbol};
use crate::value::{AttrsBuilder, NixString, Value};
use crate::vm::native::Native;
use crate::vm::{Ctx, Vm};
use gc_arena::{Gc, Mutation};
use parse::{Scalar, Sink};

pub use print::ToJson;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("toJSON", 1, 0, |_, _, _, a| Ok(Ret::Native(to_json(a[0], true)))),
    prim("fromJSON", 1, 1, from_json),
];

/// The native frame that converts `value` to a JSON string (with the context of the
/// strings in it). With `strict`, it forces everything it reaches; without, reaching an
/// unevaluated thunk is an error (as `--json` without `--strict`).
pub fn to_json(value: Value<'_>, strict: bool) -> Native<'_> {
    Native::ToJson(Box::new(ToJson::new(value, strict)))
}

fn from_json<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let text = arg(0, string(ctx, a[0]))?;
    let mut sink = NixSink { mc, symbols: ctx.symbols, open: Vec::new(), result: Value::Null };
    match parse::parse(&text.bytes, &mut sink) {
        Ok(()) => ok(sink.result),
        Err(parse::Error::Sink(m)) => Err(EvalError::eval(m, None)),
        Err(parse::Error::Syntax(m)) => {
            let mut e = EvalError::eval(m, None);
            e.add_trace("while decoding a JSON string", None);
            Err(e)
        }
    }
}

/// Builds Nix values from parser events.
struct NixSink<'a, 'gc> {
    mc: &'a Mutation<'gc>,
    symbols: &'a mut Interner,
    /// The open arrays and objects, innermost last.
    open: Vec<Open<'gc>>,
    result: Value<'gc>,
}

enum Open<'gc> {
    Array(Vec<Value<'gc>>),
    /// Entries so far, and the key of the value to come.
    Object(Vec<(Symbol, Value<'gc>)>, Option<Symbol>),
}

impl<'gc> NixSink<'_, 'gc> {
    /// Puts a finished value into the innermost open container (or makes it the result).
    fn add(&mut self, v: Value<'gc>) {
        match self.open.last_mut() {
            None => self.result = v,
            Some(Open::Array(items)) => items.push(v),
            Some(Open::Object(entries, key)) => {
                if let Some(k) = key.take() {
                    entries.push((k, v));
                }
            }
        }
    }
}

/// Nix strings cannot hold NUL bytes.
fn no_nul(bytes: &[u8]) -> Result<(), String> {
    if !bytes.contains(&0) {
        return Ok(());
    }
    let shown = String::from_utf8_lossy(bytes).replace('\0', "␀");
    Err(format!("input string '{shown}' cannot be represented as Nix string because it contains null bytes"))
}

impl Sink for NixSink<'_, '_> {
    fn scalar(&mut self, value: Scalar) -> Result<(), String> {
        let v = match value {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::Integer(i) => Value::Int(i),
            Scalar::Unsigned(u) => Value::Int(
                i64::try_from(u)
                    .map_err(|_| format!("unsigned json number {u} outside of Nix integer range"))?,
            ),
            Scalar::Float(f) => Value::Float(f),
            Scalar::String(s) => {
                no_nul(&s)?;
                Value::String(Gc::new(self.mc, NixString::plain(s)))
            }
        };
        self.add(v);
        Ok(())
    }

    fn begin_array(&mut self) {
        self.open.push(Open::Array(Vec::new()));
    }

    fn end_array(&mut self) {
        if let Some(Open::Array(items)) = self.open.pop() {
            let v = Value::list(self.mc, items);
            self.add(v);
        }
    }

    fn begin_object(&mut self) {
        self.open.push(Open::Object(Vec::new(), None));
    }

    fn key(&mut self, name: Vec<u8>) -> Result<(), String> {
        no_nul(&name)?;
        let sym = self.symbols.intern(&name);
        if let Some(Open::Object(_, key)) = self.open.last_mut() {
            *key = Some(sym);
        }
        Ok(())
    }

    fn end_object(&mut self) {
        if let Some(Open::Object(entries, _)) = self.open.pop() {
            // A later duplicate key wins: keep the first of the reversed entries.
            let mut b = AttrsBuilder::with_capacity(entries.len());
            for (k, v) in entries.into_iter().rev() {
                b.push(k, v);
            }
            let set = b
                .finish(self.mc, self.symbols, true)
                .unwrap_or_else(|_| unreachable!("keep_first never fails"));
            self.add(Value::Attrs(set));
        }
    }
}
