//! Arithmetic and bitwise builtins.

use super::util::{arg, int, ok};
use super::{PrimOpDef, Ret, prim};
use crate::code::Op;
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::{Ctx, Vm, numeric_op};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("add", 2, 3, |_, _, ctx, a| arith(ctx, Op::Add, a)),
    prim("sub", 2, 3, |_, _, ctx, a| arith(ctx, Op::Sub, a)),
    prim("mul", 2, 3, |_, _, ctx, a| arith(ctx, Op::Mul, a)),
    prim("div", 2, 3, |_, _, ctx, a| arith(ctx, Op::Div, a)),
    prim("bitAnd", 2, 3, |_, _, ctx, a| ok(Value::Int(arg(0, int(ctx, a[0]))? & arg(1, int(ctx, a[1]))?))),
    prim("bitOr", 2, 3, |_, _, ctx, a| ok(Value::Int(arg(0, int(ctx, a[0]))? | arg(1, int(ctx, a[1]))?))),
    prim("bitXor", 2, 3, |_, _, ctx, a| ok(Value::Int(arg(0, int(ctx, a[0]))? ^ arg(1, int(ctx, a[1]))?))),
    prim("lessThan", 2, 3, less_than),
    prim("ceil", 1, 1, |_, _, ctx, a| round(ctx, a[0], f64::ceil)),
    prim("floor", 1, 1, |_, _, ctx, a| round(ctx, a[0], f64::floor)),
];

/// `add`, `sub`, `mul`, `div`.
fn arith<'gc>(ctx: &Ctx<'_>, op: Op, a: &[Value<'gc>]) -> Result<Ret<'gc>, EvalError> {
    numeric_op(ctx, op, a[0], a[1]).map(Ret::Value)
}

fn less_than<'gc>(
    vm: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    match crate::vm::less_than(ctx, a[0], a[1])? {
        Some(b) => ok(Value::Bool(b)),
        None => {
            let _ = (vm, mc);
            Ok(Ret::Native(crate::vm::native::Native::LessThan { a: a[0], b: a[1], index: 0, invert: false }))
        }
    }
}

/// `ceil` and `floor`: integers go through a float as in the reference, which reports
/// the integers that this changes.
fn round<'gc>(ctx: &Ctx<'_>, v: Value<'gc>, f: fn(f64) -> f64) -> Result<Ret<'gc>, EvalError> {
    const BUG: &str = "Due to a bug (see https://github.com/NixOS/nix/issues/12899)";
    const FUTURE: &str = "\n\tFuture Nix versions might implement the correct behavior.";
    let x = match v {
        Value::Int(i) => i as f64,
        Value::Float(x) => x,
        other => return arg(0, Err(crate::vm::exec_type_error(ctx, "a float", other))),
    };
    let r = f(x);
    // -(i64::MIN as f64) is 2^63 exactly.
    let in_range = r >= i64::MIN as f64 && r < -(i64::MIN as f64);
    let message = match v {
        Value::Int(i) if !in_range => {
            format!(
                "{BUG} the NixInt argument {i} caused undefined behavior in previous Nix versions.{FUTURE}"
            )
        }
        Value::Int(i) if r as i64 != i => format!(
            "{BUG} a loss of precision occurred in previous Nix versions because the NixInt argument {i} was rounded to {}.{FUTURE}",
            r as i64
        ),
        _ if in_range => return ok(Value::Int(r as i64)),
        _ => format!("NixFloat argument {} is not in the range of NixInt", crate::print::format_float(x)),
    };
    Err(EvalError::eval(message, None))
}
