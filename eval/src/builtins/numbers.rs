//! Arithmetic and bitwise builtins.

use super::util::{int, ok};
use super::{PrimOpDef, Ret, prim};
use crate::code::Op;
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("add", 2, 3, |vm, mc, ctx, a| ok(vm.arith_op(mc, ctx, Op::Add, a[0], a[1])?)),
    prim("sub", 2, 3, |vm, mc, ctx, a| ok(vm.arith_op(mc, ctx, Op::Sub, a[0], a[1])?)),
    prim("mul", 2, 3, |vm, mc, ctx, a| ok(vm.arith_op(mc, ctx, Op::Mul, a[0], a[1])?)),
    prim("div", 2, 3, |vm, mc, ctx, a| ok(vm.arith_op(mc, ctx, Op::Div, a[0], a[1])?)),
    prim("bitAnd", 2, 3, |_, _, ctx, a| ok(Value::Int(int(ctx, a[0])? & int(ctx, a[1])?))),
    prim("bitOr", 2, 3, |_, _, ctx, a| ok(Value::Int(int(ctx, a[0])? | int(ctx, a[1])?))),
    prim("bitXor", 2, 3, |_, _, ctx, a| ok(Value::Int(int(ctx, a[0])? ^ int(ctx, a[1])?))),
    prim("lessThan", 2, 3, less_than),
    prim("ceil", 1, 1, |_, _, ctx, a| round(ctx, a[0], f64::ceil)),
    prim("floor", 1, 1, |_, _, ctx, a| round(ctx, a[0], f64::floor)),
];

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

fn round<'gc>(ctx: &Ctx<'_>, v: Value<'gc>, f: fn(f64) -> f64) -> Result<Ret<'gc>, EvalError> {
    match v {
        Value::Int(i) => ok(Value::Int(i)),
        Value::Float(x) => {
            let r = f(x);
            if r.is_finite() && r >= i64::MIN as f64 && r < i64::MAX as f64 {
                ok(Value::Int(r as i64))
            } else {
                Err(EvalError::eval(
                    format!("value {} is out of the range of an integer", crate::print::format_float(x)),
                    None,
                ))
            }
        }
        other => Err(crate::vm::exec_type_error(ctx, "a float", other)),
    }
}
