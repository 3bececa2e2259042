//! Builtins about functions that need no state machine: `zipAttrsWith` (which builds
//! lazy applications), `catAttrs` and `functionArgs`.

use crate::builtins::util::{arg, function};
use crate::builtins::util::{attrs, element, list, new_string, ok, string};
use crate::builtins::{Ret, unforced};
use crate::code::Params;
use crate::error::EvalError;
use crate::symbol::Symbol;
use crate::value::{Attrs, AttrsBuilder, Entry, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;
use std::collections::HashMap;

type Builtin<'gc> = Result<Ret<'gc>, EvalError>;

/// `zipAttrsWith f sets`: for each name in any of the sets, `f name [values]`, the
/// values in the order of the sets.
pub fn zip_attrs_with<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Builtin<'gc> {
    arg(0, function(ctx, a[0]))?;
    let sets = arg(1, list(ctx, a[1]))?;
    let pending = unforced(sets.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let mut names: Vec<Symbol> = Vec::new();
    let mut values: HashMap<Symbol, Vec<Value<'gc>>> = HashMap::new();
    for v in sets.0.iter() {
        let what = "a value of the list passed as second argument to builtins.zipAttrsWith";
        let set = element(attrs(ctx, v.resolved()), what)?;
        for &Entry { name, value, .. } in set.entries(ctx.symbols) {
            values
                .entry(name)
                .or_insert_with(|| {
                    names.push(name);
                    Vec::new()
                })
                .push(value);
        }
    }
    let mut b = AttrsBuilder::with_capacity(names.len());
    for name in names {
        let items = values.remove(&name).unwrap_or_default();
        let partial = Value::apply(mc, a[0], new_string(mc, ctx.symbols.resolve(name)));
        b.push(name, Value::apply(mc, partial, Value::list(mc, items)));
    }
    ok(Value::Attrs(
        b.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("keep_first never fails")),
    ))
}

/// `catAttrs name sets`: the values of attribute `name` of those sets that have it.
pub fn cat_attrs<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Builtin<'gc> {
    let name = ctx.symbols.intern(&arg(0, string(ctx, a[0]))?.bytes);
    let sets = arg(1, list(ctx, a[1]))?;
    let pending = unforced(sets.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let mut out = Vec::new();
    for v in sets.0.iter() {
        let what = "an element in the list passed as second argument to builtins.catAttrs";
        let set = element(attrs(ctx, v.resolved()), what)?;
        out.extend(set.get(ctx.symbols, name));
    }
    ok(Value::list(mc, out))
}

/// `functionArgs f`: a lambda's formal arguments, each mapped to whether it has a
/// default; `{ }` for other functions.
pub fn function_args<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Builtin<'gc> {
    let closure = match a[0] {
        Value::Lambda(c) => c,
        Value::PrimOp(_) | Value::PrimOpApp(_) => return ok(Value::Attrs(Attrs::empty(mc))),
        _ => return Err(EvalError::eval("'functionArgs' requires a function", None)),
    };
    let Params::Formals { formals, .. } = &ctx.program.lambda(closure.lambda).params else {
        return ok(Value::Attrs(Attrs::empty(mc)));
    };
    let mut b = AttrsBuilder::with_capacity(formals.len());
    for f in formals.iter() {
        b.push_at(f.name, f.pos, Value::Bool(f.default.is_some()));
    }
    ok(Value::Attrs(
        b.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("keep_first never fails")),
    ))
}
