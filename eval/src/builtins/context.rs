//! The string-context builtins: `getContext`, `hasContext`, `appendContext`,
//! `unsafeDiscardStringContext`, `unsafeDiscardOutputDependency` and
//! `addDrvOutputDependencies`. A context element is a plain store path, `=DRV` (a
//! derivation with all its outputs) or `!OUT!DRV` (one output of a derivation); as sets
//! they are `{ path = true; }`, `{ allOutputs = true; }` and `{ outputs = [ ... ]; }`.

use super::strings::string_arg;
use super::util::{arg, attribute, attrs, bool, element, list, new_string, ok, string};
use super::{PrimOpDef, Ret, prim, unforced};
use crate::error::EvalError;
use crate::symbol::known;
use crate::value::{AttrsBuilder, ContextElement, NixString, StringContext, Value};
use crate::vm::{Ctx, Vm};
use gc_arena::{Gc, Mutation};
use std::collections::BTreeMap;

pub const PRIMOPS: &[PrimOpDef] = &[
    prim("getContext", 1, 1, get_context),
    prim("hasContext", 1, 1, |_, _, ctx, a| ok(Value::Bool(!arg(0, string(ctx, a[0]))?.context.is_empty()))),
    prim("appendContext", 2, 3, append_context),
    prim("unsafeDiscardStringContext", 1, 1, |_, mc, ctx, a| {
        match string_arg(mc, ctx, "unsafeDiscardStringContext", a)? {
            Ok(s) => ok(with_context(mc, &s, StringContext::default())),
            Err(again) => Ok(again),
        }
    }),
    prim("unsafeDiscardOutputDependency", 1, 1, |_, mc, ctx, a| {
        let s = match string_arg(mc, ctx, "unsafeDiscardOutputDependency", a)? {
            Ok(s) => s,
            Err(again) => return Ok(again),
        };
        let elements = s.context.elements().map(|e| match ContextElement::parse(e) {
            ContextElement::AllOutputs(drv) => drv,
            _ => e,
        });
        ok(with_context(mc, &s, StringContext::from_elements(elements)))
    }),
    prim("addDrvOutputDependencies", 1, 1, add_drv_output_dependencies),
];

/// `s`'s characters with `context`.
fn with_context<'gc>(mc: &Mutation<'gc>, s: &NixString, context: StringContext) -> Value<'gc> {
    Value::String(Gc::new(mc, NixString::with_context(s.bytes.clone(), context)))
}

/// What a string depends on from one store path.
#[derive(Default)]
struct PathContext {
    path: bool,
    all_outputs: bool,
    outputs: Vec<String>,
}

fn get_context<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = arg(0, string(ctx, a[0]))?;
    let mut by_path: BTreeMap<&str, PathContext> = BTreeMap::new();
    for e in s.context.elements() {
        match ContextElement::parse(e) {
            ContextElement::Path(path) => by_path.entry(path).or_default().path = true,
            ContextElement::AllOutputs(drv) => by_path.entry(drv).or_default().all_outputs = true,
            ContextElement::Output { output, drv } => {
                by_path.entry(drv).or_default().outputs.push(output.to_owned())
            }
        }
    }
    let mut set = AttrsBuilder::with_capacity(by_path.len());
    for (path, info) in by_path {
        let mut inner = AttrsBuilder::with_capacity(3);
        if info.path {
            inner.push(known::PATH, Value::Bool(true));
        }
        if info.all_outputs {
            inner.push(known::ALL_OUTPUTS, Value::Bool(true));
        }
        if !info.outputs.is_empty() {
            let outputs: Box<[Value<'gc>]> =
                info.outputs.iter().map(|o| new_string(mc, o.as_bytes())).collect();
            inner.push(known::OUTPUTS, Value::list(mc, outputs));
        }
        let inner = inner.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("distinct names"));
        set.push(ctx.symbols.intern(path.as_bytes()), Value::Attrs(inner));
    }
    let set = set.finish(mc, ctx.symbols, true).unwrap_or_else(|_| unreachable!("distinct paths"));
    ok(Value::Attrs(set))
}

fn append_context<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = arg(0, string(ctx, a[0]))?;
    let given = arg(1, attrs(ctx, a[1]))?;
    let (path_sym, all_sym, outputs_sym) = (known::PATH, known::ALL_OUTPUTS, known::OUTPUTS);
    // The sets, then their attributes, then the output names must be forced.
    let mut pending = unforced(given.entries(ctx.symbols).iter().map(|e| e.value));
    if pending.is_empty() {
        for e in given.entries(ctx.symbols) {
            let info = attrs(ctx, e.value.resolved())?;
            pending.extend(unforced(
                [path_sym, all_sym, outputs_sym].iter().filter_map(|&n| info.get(ctx.symbols, n)),
            ));
        }
    }
    if pending.is_empty() {
        for e in given.entries(ctx.symbols) {
            let info = attrs(ctx, e.value.resolved())?;
            if let Some(Value::List(outputs)) = info.get(ctx.symbols, outputs_sym).map(Value::resolved) {
                pending.extend(unforced(outputs.0.iter().copied()));
            }
        }
    }
    if !pending.is_empty() {
        return Ok(Ret::Retry(pending));
    }
    let mut elements: Vec<String> = s.context.elements().map(str::to_owned).collect();
    for e in given.entries(ctx.symbols) {
        let key = ctx.symbols.resolve(e.name).to_vec();
        let key = String::from_utf8_lossy(&key).into_owned();
        // Errors about an entry are placed at its attribute.
        let at = ctx.sources.span_at(e.pos);
        let is_drv = match ferrix_store::StorePath::parse(&key) {
            Ok(p) => p.is_derivation(),
            Err(_) => {
                return Err(EvalError::eval(format!("context key '\"{key}\"' is not a store path"), at));
            }
        };
        let info = attrs(ctx, e.value.resolved())?;
        let flag = |ctx: &Ctx<'_>, name, what| -> Result<bool, EvalError> {
            match info.entry(ctx.symbols, name) {
                Some(v) => attribute(bool(ctx, v.value.resolved()), what, ctx.sources.span_at(v.pos)),
                None => Ok(false),
            }
        };
        if flag(ctx, path_sym, "the `path` attribute of a string context")? {
            elements.push(key.clone());
        }
        if flag(ctx, all_sym, "the `allOutputs` attribute of a string context")? {
            if !is_drv {
                return Err(EvalError::eval(
                    format!(
                        "tried to add all-outputs context of \"{key}\", which is not a derivation, to a string"
                    ),
                    at,
                ));
            }
            elements.push(format!("={key}"));
        }
        if let Some(outputs) = info.entry(ctx.symbols, outputs_sym) {
            let what = "the `outputs` attribute of a string context";
            let outputs =
                attribute(list(ctx, outputs.value.resolved()), what, ctx.sources.span_at(outputs.pos))?;
            if !outputs.0.is_empty() && !is_drv {
                return Err(EvalError::eval(
                    format!(
                        "tried to add derivation output context of \"{key}\", which is not a derivation, to a string"
                    ),
                    at,
                ));
            }
            for o in outputs.0.iter() {
                let o = element(string(ctx, o.resolved()), "an output name of a string context")?;
                elements.push(format!("!{}!{key}", o.lossy()));
            }
        }
    }
    ok(with_context(mc, &s, StringContext::from_elements(elements)))
}

fn add_drv_output_dependencies<'gc>(
    _: &mut Vm<'gc>,
    mc: &Mutation<'gc>,
    ctx: &mut Ctx<'_>,
    a: &[Value<'gc>],
) -> Result<Ret<'gc>, EvalError> {
    let s = match string_arg(mc, ctx, "addDrvOutputDependencies", a)? {
        Ok(s) => s,
        Err(again) => return Ok(again),
    };
    let elements: Vec<&str> = s.context.elements().collect();
    let [element] = elements[..] else {
        return Err(EvalError::eval(
            format!(
                "context of string '{}' must have exactly one element, but has {}",
                s.lossy(),
                elements.len()
            ),
            None,
        ));
    };
    let deep = match ContextElement::parse(element) {
        ContextElement::AllOutputs(_) => element.to_owned(),
        ContextElement::Output { output, .. } => {
            return Err(EvalError::eval(
                format!(
                    "`addDrvOutputDependencies` can only act on derivations, not on a derivation output such as '{output}'"
                ),
                None,
            ));
        }
        ContextElement::Path(path) if path.ends_with(".drv") => format!("={path}"),
        ContextElement::Path(path) => {
            return Err(EvalError::eval(format!("path '{path}' is not a derivation"), None));
        }
    };
    ok(with_context(mc, &s, StringContext::from_elements([deep])))
}
