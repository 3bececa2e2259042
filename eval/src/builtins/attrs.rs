//! Attribute set builtins that need no callbacks into Nix while they run (`mapAttrs`
//! builds lazy applications).

use super::util::{arg, attrs, element, list, ok, string};
use super::{PrimOpDef, Ret, global, prim, unforced};
use crate::error::EvalError;
use crate::value::{Attrs, AttrsBuilder, Entry, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::Mutation;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("attrNames", 1, 1, attr_names),
    prim("attrValues", 1, 1, |_, mc, ctx, a| {
        let s = arg(0, attrs(ctx, a[0]))?;
        ok(Value::list(mc, s.entries(ctx.symbols).iter().map(|e| e.value).collect::<Box<[_]>>()))
    }),
    prim("hasAttr", 2, 3, |_, _, ctx, a| {
        let name = ctx.symbols.intern(&arg(0, string(ctx, a[0]))?.bytes);
        ok(Value::Bool(arg(1, attrs(ctx, a[1]))?.get(ctx.symbols, name).is_some()))
    }),
    prim("getAttr", 2, 3, get_attr),
    global("removeAttrs", 2, 3, remove_attrs),
    prim("listToAttrs", 1, 1, list_to_attrs),
    prim("mapAttrs", 2, 2, map_attrs),
    prim("intersectAttrs", 2, 3, |_, mc, ctx, a| {
        let (x, y) = (arg(0, attrs(ctx, a[0]))?, arg(1, attrs(ctx, a[1]))?);
        // Walk the smaller set and look its names up in the other (both are sorted, so
        // either walk yields the result in order); the entries are `y`'s.
        let entries = if x.len() < y.len() {
            x.entries(ctx.symbols).iter().filter_map(|e| y.entry(ctx.symbols, e.name).copied()).collect()
        } else {
            y.entries(ctx.symbols).iter().filter(|e| x.get(ctx.symbols, e.name).is_some()).copied().collect()
        };
        ok(Value::Attrs(Attrs::from_sorted(mc, entries)))
    }),
];

fn attr_names<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = arg(0, attrs(ctx, a[0]))?;
    let names: Box<[Value<'gc>]> = s
        .entries(ctx.symbols)
        .iter()
        .map(|e| super::util::new_string(mc, ctx.symbols.resolve(e.name)))
        .collect();
    ok(Value::list(mc, names))
}

fn get_attr<'gc>(
    _: &mut Vm<'gc>,
    _: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let key = arg(0, string(ctx, a[0]))?;
    let name = ctx.symbols.intern(&key.bytes);
    match arg(1, attrs(ctx, a[1]))?.get(ctx.symbols, name) {
        Some(v) => ok(v),
        None => {
            // The reference's frame (without a position) around the message.
            let mut e = EvalError::eval(format!("attribute '{}' missing", key.lossy()), None);
            e.add_trace("in the attribute set under consideration", None);
            Err(e)
        }
    }
}

fn remove_attrs<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let (set, names) = (arg(0, attrs(ctx, a[0]))?, arg(1, list(ctx, a[1]))?);
    let pending = unforced(names.0.iter().copied());
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let mut remove = Vec::with_capacity(names.0.len());
    for n in names.0.iter() {
        let name = element(
            string(ctx, n.resolved()),
            "the values of the second argument passed to builtins.removeAttrs",
        )?;
        remove.push(ctx.symbols.intern(&name.bytes));
    }
    let entries = set.entries(ctx.symbols).iter().filter(|e| !remove.contains(&e.name)).copied().collect();
    ok(Value::Attrs(Attrs::from_sorted(mc, entries)))
}

fn list_to_attrs<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let l = arg(0, list(ctx, a[0]))?;
    let name_sym = crate::symbol::known::NAME;
    let value_sym = crate::symbol::known::VALUE;
    // Elements, then their names, must be forced.
    let mut pending = unforced(l.0.iter().copied());
    if pending.is_empty() {
        for e in l.0.iter() {
            let set =
                element(attrs(ctx, e.resolved()), "an element of the list passed to builtins.listToAttrs")?;
            let name = set.get(ctx.symbols, name_sym).ok_or_else(|| missing_in_pair("name"))?;
            pending.extend(unforced([name]));
        }
    }
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let mut b = AttrsBuilder::with_capacity(l.0.len());
    for e in l.0.iter() {
        let set = attrs(ctx, e.resolved())?;
        let name = set.entry(ctx.symbols, name_sym).expect("checked above");
        // A name that is not a string is reported where the attribute is.
        let at = ctx.sources.span_at(name.pos);
        let name = string(ctx, name.value.resolved()).map_err(|mut e| {
            e.span = e.span.or(at);
            e.add_trace("while evaluating the `name` attribute of an element of the list passed to builtins.listToAttrs", at);
            e
        })?;
        let name = ctx.symbols.intern(&name.bytes);
        let value = set.entry(ctx.symbols, value_sym).ok_or_else(|| missing_in_pair("value"))?;
        // Located where the element's `value` is, as in the reference.
        b.push_at(name, value.pos, value.value);
    }
    let set = b.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("keep_first never fails"));
    ok(Value::Attrs(set))
}

/// `attribute 'name' missing`, in an element of `listToAttrs`'s list.
fn missing_in_pair(name: &str) -> EvalError {
    let mut e = EvalError::eval(format!("attribute '{name}' missing"), None);
    e.add_trace("in a {name=...; value=...;} pair", None);
    e
}

fn map_attrs<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let (f, set) = (a[0], arg(1, attrs(ctx, a[1]))?);
    let entries = set
        .entries(ctx.symbols)
        .iter()
        .map(|e| {
            let name = super::util::new_string(mc, ctx.symbols.resolve(e.name));
            let partial = Value::apply(mc, f, name);
            // The reference gives the results no positions.
            Entry::new(e.name, Value::apply(mc, partial, e.value))
        })
        .collect();
    ok(Value::Attrs(Attrs::from_sorted(mc, entries)))
}
