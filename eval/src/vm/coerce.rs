//! Coercion of the value on top of the stack to a string, for interpolation: strings as
//! they are, sets through `__toString` or `outPath`; everything else is an error (only
//! `toString` accepts numbers, Booleans, null and lists).

use super::{Ctx, Vm};
use crate::error::EvalError;
use crate::print::short;
use crate::value::{Attrs, Value};
use gc_arena::{Gc, Mutation};

impl<'gc> Vm<'gc> {
    pub(super) fn coerce_top(&mut self, mc: &Mutation<'gc>, ctx: &mut Ctx<'_>) -> Result<(), EvalError> {
        let top = self.stack.len() - 1;
        match self.stack[top] {
            Value::String(_) => Ok(()),
            Value::Path(_) => Err(EvalError::eval(
                "interpolating a path copies it to the store, which Ferrix does not do yet",
                None,
            )),
            Value::Attrs(a) => {
                self.stack[top] = coercion_target(mc, ctx, a)?;
                self.retry_in_place(mc, ctx)
            }
            other => Err(EvalError::eval(
                format!("cannot coerce {} to a string: {}", other.type_phrase(), short(ctx, other)),
                None,
            )),
        }
    }
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
