//! Control of evaluation: `throw`, `abort`, `tryEval`, `seq`, `deepSeq`, `trace`,
//! `addErrorContext`.

use super::util::{arg, ok};
use super::{PrimOpDef, Ret, global, prim, unforced};
use crate::error::{ErrorKind, EvalError};
use crate::print::short;
use crate::value::Value;
use crate::vm::native::Native;
use crate::vm::{Ctx, Vm, not_coercible};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[
    global("throw", 1, 1, throw),
    global("abort", 1, 1, abort),
    prim("tryEval", 1, 0, |_, _, _, a| Ok(Ret::Native(Native::TryEval { arg: a[0], started: false }))),
    prim("seq", 2, 1, |_, _, _, a| ok(a[1])),
    prim("deepSeq", 2, 0, |_, _, _, a| Ok(Ret::Native(Native::deep_force(a[0], a[1], true)))),
    prim("trace", 2, 1, trace),
    prim("traceVerbose", 2, 0, trace_verbose),
    prim("addErrorContext", 2, 0, add_error_context),
];

/// The message of `throw`/`abort`, which must be a string.
fn message(ctx: &Ctx<'_>, v: Value<'_>) -> Result<String, EvalError> {
    match v {
        Value::String(s) => Ok(s.lossy().into_owned()),
        other => Err(not_coercible(ctx, other)),
    }
}

fn throw<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    Err(EvalError::new(ErrorKind::Throw, arg(0, message(ctx, a[0]))?, None))
}

fn abort<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let m = arg(0, message(ctx, a[0]))?;
    Err(EvalError::new(
        ErrorKind::Abort,
        format!("evaluation aborted with the following error message: '{m}'"),
        None,
    ))
}

fn trace<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let text = match a[0] {
        Value::String(s) => s.lossy().into_owned(),
        other => short(ctx, other),
    };
    eprintln!("trace: {text}");
    ok(a[1])
}

/// `traceVerbose msg v`: `trace` with `--trace-verbose`; otherwise `v`, the message
/// not even evaluated.
fn trace_verbose<'gc>(
    vm: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    if !ctx.options.trace_verbose {
        return ok(a[1]);
    }
    let pending = unforced([a[0]]);
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    trace(vm, mc, ctx, &[a[0].resolved(), a[1]])
}

/// `addErrorContext message value`: `value`, in a frame that gives an error unwinding
/// through it the frame `… message` (a value already evaluated cannot fail: no frame).
fn add_error_context<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    _: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let value = a[1].resolved();
    if value.is_thunk() {
        return Ok(Ret::Native(Native::ErrorContext { message: a[0], value }));
    }
    ok(value)
}
