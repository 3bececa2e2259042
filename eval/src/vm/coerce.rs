//! Coercion of the value on top of the stack to a string, for interpolation: strings as
//! they are, sets through `__toString` or `outPath`; everything else is an error (only
//! `toString` accepts numbers, Booleans, null and lists).

use super::{Ctx, Vm};
use crate::builtins::util::arg;
use crate::error::EvalError;
use crate::print::short;
use crate::value::{Attrs, NixString, StringContext, Value};
use gc_arena::{Gc, Mutation};
use std::os::unix::ffi::OsStrExt;

impl<'gc> Vm<'gc> {
    pub(super) fn coerce_top(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<(), EvalError> {
        let top = self.stack.len() - 1;
        match self.stack[top] {
            Value::String(_) => Ok(()),
            Value::Path(p) => {
                self.stack[top] = Value::string(mc, path_to_store(ctx, &p.bytes)?);
                Ok(())
            }
            Value::Attrs(a) => {
                self.stack[top] = arg(0, coercion_target(mc, ctx, a))?;
                self.retry_in_place(mc, ctx)
            }
            other => arg(0, Err(not_coercible(ctx, other))),
        }
    }
}

/// `cannot coerce a T to a string: v`.
pub(crate) fn not_coercible(ctx: &Ctx<'_>, v: Value<'_>) -> EvalError {
    EvalError::eval(format!("cannot coerce {} to a string: {}", v.type_phrase(), short(ctx, v)), None)
}

/// The path `p` copied to the store, as a string with the store path in its context
/// (what interpolating a path or adding it to a string gives).
pub(crate) fn path_to_store(ctx: &mut Ctx<'_>, p: &[u8]) -> Result<NixString, EvalError> {
    let path = std::path::Path::new(std::ffi::OsStr::from_bytes(p));
    let store_path = ctx.io.store.copy_source(path).map_err(EvalError::unplaced)?.to_absolute();
    let context = StringContext::from_elements([store_path.clone()]);
    Ok(NixString::with_context(store_path.into_bytes(), context))
}

/// What a set coerces through: `__toString self` (lazily applied), else its `outPath`.
pub(crate) fn coercion_target<'gc>(
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    set: Gc<'gc, Attrs<'gc>>,
) -> Result<Value<'gc>, EvalError> {
    let to_string = crate::symbol::known::TO_STRING;
    let out_path = crate::symbol::known::OUT_PATH;
    if let Some(f) = set.get(ctx.symbols, to_string) {
        Ok(Value::apply(mc, f, Value::Attrs(set)))
    } else if let Some(p) = set.get(ctx.symbols, out_path) {
        Ok(p)
    } else {
        Err(EvalError::eval(
            format!("cannot coerce a set to a string: {}", short(ctx, Value::Attrs(set))),
            None,
        ))
    }
}
