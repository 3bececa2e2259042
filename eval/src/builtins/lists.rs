//! List builtins that need no callbacks into Nix while they run (`map` and `genList`
//! build lazy applications).

use super::util::{arg, element, function, int, list, ok};
use super::{PrimOpDef, Ret, global, prim, unforced};
use crate::error::{ErrorKind, EvalError};
use crate::value::Value;
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("length", 1, 1, |_, _, ctx, a| ok(Value::Int(arg(0, list(ctx, a[0]))?.0.len() as i64))),
    prim("head", 1, 1, head),
    prim("tail", 1, 1, tail),
    prim("elemAt", 2, 3, elem_at),
    global("map", 2, 2, map),
    prim("genList", 2, 2, gen_list),
    prim("concatLists", 1, 1, concat_lists),
];

fn head<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    match arg(0, list(ctx, a[0]))?.0.first() {
        Some(v) => ok(*v),
        None => Err(EvalError::new(ErrorKind::Eval, "'builtins.head' called on an empty list", None)),
    }
}

fn tail<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let l = arg(0, list(ctx, a[0]))?;
    if l.0.is_empty() {
        return Err(EvalError::eval("'builtins.tail' called on an empty list", None));
    }
    ok(Value::list(mc, &l.0[1..]))
}

fn elem_at<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let l = arg(0, list(ctx, a[0]))?;
    let i = arg(1, int(ctx, a[1]))?;
    match usize::try_from(i).ok().and_then(|i| l.0.get(i)) {
        Some(v) => ok(*v),
        None => Err(EvalError::eval(
            format!("'builtins.elemAt' called with index {i} on a list of size {}", l.0.len()),
            None,
        )),
    }
}

fn map<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let (f, l) = (a[0], arg(1, list(ctx, a[1]))?);
    // The function is checked only when there is something to apply it to.
    if !l.0.is_empty() {
        let pending = unforced([f]);
        if !pending.is_empty() {
            return Ok(Ret::Retry(pending));
        }
        arg(0, function(ctx, f.resolved()))?;
    }
    let items: Box<[Value<'gc>]> = l.0.iter().map(|&arg| Value::apply(mc, f, arg)).collect();
    ok(Value::list(mc, items))
}

fn gen_list<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let (f, n) = (a[0], arg(1, int(ctx, a[1]))?);
    if n < 0 {
        return Err(EvalError::eval(format!("cannot create list of size {n}"), None));
    }
    let items: Box<[Value<'gc>]> = (0..n).map(|i| Value::apply(mc, f, Value::Int(i))).collect();
    ok(Value::list(mc, items))
}

fn concat_lists<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let outer = arg(0, list(ctx, a[0]))?;
    let mut items = Vec::new();
    let pending = unforced(outer.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    for v in outer.0.iter() {
        let what = "a value of the list passed to builtins.concatLists";
        items.extend_from_slice(&element(list(ctx, v.resolved()), what)?.0);
    }
    ok(Value::list(mc, items))
}
