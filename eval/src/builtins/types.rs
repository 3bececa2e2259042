//! Type predicates and `typeOf`.

use super::util::ok;
use super::{PrimOpDef, Ret, global, prim};
use crate::error::EvalError;
use crate::value::Value;
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("typeOf", 1, 1, type_of),
    prim("isAttrs", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::Attrs(_))))),
    prim("isBool", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::Bool(_))))),
    prim("isFloat", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::Float(_))))),
    prim("isFunction", 1, 1, |_, _, _, a| ok(Value::Bool(a[0].is_function()))),
    prim("isInt", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::Int(_))))),
    prim("isList", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::List(_))))),
    global("isNull", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::Null)))),
    prim("isPath", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::Path(_))))),
    prim("isString", 1, 1, |_, _, _, a| ok(Value::Bool(matches!(a[0], Value::String(_))))),
];

fn type_of<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    _: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    ok(super::util::new_string(mc, a[0].type_of().as_bytes()))
}
